"""The pure parts of ``bench/data_rights.py``: the generator draws the same network from the same seed, files of
the shape the bench promises (history, plan, diary, one or two attachments near the size asked), consents only
where a referral needs them; and the PDF page count is read from ``pdfinfo``'s output or refused."""

from __future__ import annotations

import pytest

from bench.data_rights import CHOSEN, CONSENTS, generate, pdf_pages


def test_the_same_seed_draws_the_same_files_and_another_seed_others() -> None:
    assert generate(30, seed=5, attachment_kb=100) == generate(30, seed=5, attachment_kb=100)
    assert generate(30, seed=5, attachment_kb=100) != generate(30, seed=6, attachment_kb=100)


def test_every_file_has_a_history_a_plan_a_diary_and_attachments_near_the_size_asked() -> None:
    specs = generate(200, seed=2026, attachment_kb=200)
    assert len(specs) == 200
    counts = {len(s.attachments) for s in specs}
    assert counts == {1, 2}  # both drawn over 200 files
    for spec in specs:
        assert len(spec.edits) == 2 and len(spec.diary) == 3 and len(spec.goals) == 2
        assert all(150 * 1024 <= size <= 250 * 1024 for size in spec.attachments)
        assert len({axis for axis, _, _ in spec.goals}) == 2
        assert all(1 <= len(actions) <= 2 for _, _, actions in spec.goals)
    names = {(tuple(s.person["given_names"]), s.person["family_name"]) for s in specs}
    assert len(names) == 200  # distinct people: the intake's duplicate check never merges two of them


def test_only_the_chosen_people_carry_the_consent_to_share_and_the_extra_sections() -> None:
    specs = generate(10)
    assert [s.chosen for s in specs] == [True] * CHOSEN + [False] * (10 - CHOSEN)
    for spec in specs[:CHOSEN]:
        assert spec.person["consents"] == CONSENTS and spec.extra["household"]
    for spec in specs[CHOSEN:]:
        assert "consents" not in spec.person and spec.extra == {}


def test_the_page_count_is_read_from_pdfinfo_or_refused() -> None:
    output = (
        "Title:           Esportazione\nProducer:        ReportLab PDF Library\nPages:          12\nEncrypted: no\n"
    )
    assert pdf_pages(output) == 12
    with pytest.raises(ValueError):
        pdf_pages("Title: x\nEncrypted: no\n")
    with pytest.raises(ValueError):
        pdf_pages("Pages: many\n")
