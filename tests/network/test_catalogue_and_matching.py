"""The catalogue's validation (a broken entry names itself; nothing is half-imported), its permissions, and the
ranking of "Opportunità compatibili" on a fixed data set whose expected order is worked out below."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from iam_desktop import cli
from iam_desktop.domain.catalogue import EntryKind, parse_catalogue, parse_entry
from iam_desktop.domain.errors import PermissionDeniedError, ValidationError
from iam_desktop.domain.matching import Profile, rank
from iam_desktop.domain.roles import Role
from iam_desktop.services.desk import Desk
from iam_desktop.services.matching import profile_of
from tests.network.conftest import CATALOGUE, PERSON
from tests.sync_client.helpers import PASSPHRASE, new_vault


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return new_vault(tmp_path / "desk", "Sportello Val Trompia")


def _broken(index: int, **change: object) -> dict[str, object]:
    entries = [dict(e) for e in CATALOGUE["entries"]]  # type: ignore[attr-defined]
    entries[index].update(change)
    return {**CATALOGUE, "entries": entries}


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"places_free": 9}, "entries[0:casa-re-1].places_free", "catalogue_places_free_exceeds_places"),
        ({"places": "quattro"}, "entries[0:casa-re-1].places", "catalogue_number_invalid"),
        ({"kind": "castle"}, "entries[0:casa-re-1].kind", "catalogue_kind_unknown"),
        ({"owner_name": "Mario Rossi"}, "entries[0:casa-re-1].owner_name", "catalogue_field_unknown"),
        ({"available_from": "2026-05-01", "available_until": "2026-04-01"}, "entries[0:casa-re-1].available_until",
         "catalogue_dates_reversed"),
    ],
)  # fmt: skip
def test_a_broken_entry_is_named_by_position_and_id(change: dict[str, object], field: str, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_catalogue(_broken(0, **change))
    assert (err.value.field, err.value.code) == (field, code)


def test_duplicate_ids_and_unknown_format_are_refused() -> None:
    doubled = {**CATALOGUE, "entries": [*CATALOGUE["entries"], CATALOGUE["entries"][0]]}  # type: ignore[misc]
    with pytest.raises(ValidationError) as err:
        parse_catalogue(doubled)
    assert (err.value.field, err.value.code) == ("entries[3:casa-re-1].id", "catalogue_id_duplicate")
    with pytest.raises(ValidationError):
        parse_catalogue({"entries": []})


def test_import_is_all_or_nothing_and_export_round_trips(desk: Desk, tmp_path: Path) -> None:
    desk.network.catalogue.found()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(_broken(1, italian_level="Z9")), encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        desk.network.catalogue.import_file(bad)
    assert err.value.field == "entries[1:lavoro-pd-1].italian_level"
    assert desk.network.catalogue.entries() == []
    good = tmp_path / "good.json"
    good.write_text(json.dumps(CATALOGUE), encoding="utf-8")
    assert desk.network.catalogue.import_file(good) == 3
    assert desk.network.catalogue.import_file(good) == 0  # same entries: nothing changes, nothing queued
    out = tmp_path / "out.json"
    assert desk.network.catalogue.export_file(out) == 3
    again = parse_catalogue(json.loads(out.read_text(encoding="utf-8")))
    assert sorted(again, key=lambda e: e.entry_id) == sorted(desk.network.catalogue.entries(), key=lambda e: e.entry_id)


def test_cli_names_the_broken_entry(desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    desk.network.catalogue.found()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(_broken(0, places_free=9)), encoding="utf-8")
    monkeypatch.setenv("IAM_PASSPHRASE", PASSPHRASE)
    root = str(desk.vault.data_dir.root)
    assert cli.run(["--data-dir", root, "catalogue", "--operator", "anna", "import", str(bad)]) == 1
    assert "entries[0:casa-re-1].places_free" in capsys.readouterr().err


def test_only_coordinators_and_the_central_office_write_the_catalogue(desk: Desk) -> None:
    desk.add_operator("olga", "Olga Operatrice", Role.OPERATOR, "operatrice 2026 segreto")
    desk.lock()
    desk.unlock("olga", "operatrice 2026 segreto")
    with pytest.raises(PermissionDeniedError):
        desk.network.catalogue.found()
    assert desk.network.catalogue.entries() == []  # reading is fine


# The fixed data set. Profile: step 2, skills {saldatura, cucina}, Italian A2, household of 3, wants Padova; day
# 2026-03-01. Weights: places 3, italian_level 2, skills 2, step 1, territory 1, availability 1.
#   J1 job Padova, saldatura, A2, step ≥ 2, until 2026-12-31 → 7/7 = 1.0 (5 criteria met)
#   H1 housing Padova, 3 free, step ≥ 2                        → 5/5 = 1.0 (3 met) — after J1: fewer met
#   T1 course Padova, A2, 0 free, starts 2026-04-15 (≤ 90 d)   → italian 2 + territory 1 + availability 1 = 4/7
#   T2 course Padova, ended 2026-01-31                         → territory 1 of 2 = 0.5
#   J2 job Brescia, cucina, B1                                 → skills 2 of 5 = 0.4
#   H2 housing Reggio Emilia, 2 free                           → 0/4 = 0.0
#   P1 partner                                                 → never ranked
DATA = [
    {"id": "h2", "kind": "housing", "title": "Casa Reggio", "territory": "Reggio Emilia", "places": 4,
     "places_free": 2},
    {"id": "t2", "kind": "training", "title": "Corso scaduto", "territory": "Padova", "available_until": "2026-01-31"},
    {"id": "j2", "kind": "job", "title": "Cuoco Brescia", "territory": "Brescia", "skills": ["Cucina"],
     "italian_level": "B1"},
    {"id": "p1", "kind": "partner", "title": "Cooperativa", "territory": "Padova"},
    {"id": "h1", "kind": "housing", "title": "Casa Padova", "territory": "Padova", "places": 6, "places_free": 3,
     "min_step": 2},
    {"id": "t1", "kind": "training", "title": "Corso B1", "territory": "Padova", "italian_level": "A2",
     "places_free": 0, "available_from": "2026-04-15"},
    {"id": "j1", "kind": "job", "title": "Saldatore Padova", "territory": "Padova", "skills": ["saldatura"],
     "italian_level": "A2", "min_step": 2, "available_until": "2026-12-31"},
]  # fmt: skip


def test_matching_ranks_the_fixed_data_set_and_explains_each_match() -> None:
    entries = [parse_entry(raw) for raw in DATA]
    profile = profile_of(PERSON, {"step": 2}, {"skills": ["saldatura", "cucina"], "household": [{}, {}],
                                              "territories": ["Padova"]}, "Brescia")  # fmt: skip
    assert profile == Profile(2, frozenset({"saldatura", "cucina"}), "A2", 3, ("Padova",))
    ranked = rank(entries, profile, date(2026, 3, 1))
    assert [(m.entry_id, m.score) for m in ranked] == [
        ("j1", 1.0), ("h1", 1.0), ("t1", 0.5714), ("t2", 0.5), ("j2", 0.4), ("h2", 0.0),
    ]  # fmt: skip
    by_id = {m.entry_id: m for m in ranked}
    assert by_id["t1"].met == ("availability", "italian_level", "territory") and by_id["t1"].not_met == ("places",)
    assert by_id["j2"].not_met == ("italian_level", "territory")
    assert by_id["h2"].not_met == ("places", "territory")
    assert [m.entry_id for m in rank(reversed(entries), profile, date(2026, 3, 1))] == [m.entry_id for m in ranked]
    assert [m.entry_id for m in rank(entries, profile, date(2026, 3, 1), kind=EntryKind.HOUSING)] == ["h1", "h2"]


def test_matching_for_a_case_through_the_facade(desk: Desk, tmp_path: Path) -> None:
    desk.network.catalogue.found()
    desk.network.catalogue.put([parse_entry(raw) for raw in DATA])
    case_id = desk.cases.intake(PERSON, extra={"skills": ["saldatura"], "territories": ["Padova"]})
    ranked = desk.network.matching.for_case(case_id, on=date(2026, 3, 1))
    assert ranked[0].entry_id == "j1" and "p1" not in {m.entry_id for m in ranked}
