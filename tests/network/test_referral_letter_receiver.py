"""The receiving desk prints the referral letter of a housing, job or training referral from the shared extract it
holds (it never has the case): the sending desk's name, the person's name when the identity was shared, the
sections — through a real sync server; the page is rendered to PNG for a person to look at."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from iam_desktop.domain.errors import ValidationError
from tests.network.conftest import PERSON, Net, netsync


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_b_prints_the_letter_from_the_extract(
    net: Net, catalogue_file: Path, tmp_path: Path, screenshot_dir: Path
) -> None:
    a, b = net.a, net.b
    a.network.catalogue.found()
    a.network.catalogue.import_file(catalogue_file)
    case_id = a.cases.intake(PERSON)
    b_id = b.network.referrals.my_desk_id()
    with_name = a.network.referrals.propose(case_id, b_id, "housing", opportunity="casa-re-1",
                                            share=["identity", "italian"])  # fmt: skip
    without_name = a.network.referrals.propose(case_id, b_id, "job", opportunity="lavoro-pd-1", share=["italian"])
    netsync(a, b)
    with pytest.raises(ValidationError):
        b.cases.open(case_id)  # B holds the extracts only

    letter = b.network.referral_letter(with_name, tmp_path / "invio.pdf", "fr")
    text = _text(letter)
    a_name = a.profile.desk_name
    b_name = next(d["name"] for d in b.network.catalogue.directory() if d["desk_id"] == b_id)
    for expected in ("Ousmane Zebrafittizio", a_name, b_name, "Co-housing Reggio Emilia", "Dati anagrafici di base",
                     "Livello di italiano", "Niveau d'italien", "copia solo di queste parti", case_id[:8]):  # fmt: skip
        assert expected in text, expected
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(letter),
                    str(screenshot_dir / "referral_letter_receiver")], check=True)  # fmt: skip

    text = _text(b.network.referral_letter(without_name, tmp_path / "lavoro.pdf", "it"))
    assert "Zebrafittizio" not in text and "Saldatore Padova" in text and "Livello di italiano" in text

    # Once the referral is over the extract is gone here, and so is the letter: a clear refusal.
    b.network.referrals.answer(without_name, "declined", "posto occupato")
    netsync(b)
    with pytest.raises(ValidationError) as err:
        b.network.referral_letter(without_name, tmp_path / "dopo.pdf", "it")
    assert err.value.code == "referral_not_pending"
