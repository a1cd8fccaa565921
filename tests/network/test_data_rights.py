"""The person's data rights on one desk: access (one JSON and one PDF with everything held, by the permitted
roles only), erasure refused without a confirmation in the retention flow, and the retention review — closed cases
due under ``resources/retention/iam.json`` are listed, nothing is erased until the coordinator confirms."""

from __future__ import annotations

import json
import subprocess
import uuid
from datetime import date
from pathlib import Path

import pytest

from iam_desktop.domain.errors import PermissionDeniedError, ValidationError
from iam_desktop.domain.roles import Role
from iam_desktop.services.desk import Desk
from iam_desktop.vault.database import translate_errors
from tests.network.conftest import PERSON
from tests.sync_client.helpers import new_vault


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return new_vault(tmp_path / "desk", "Sportello Valle Sabbia")


def test_access_writes_one_json_and_one_pdf_with_everything_held(desk: Desk, tmp_path: Path) -> None:
    case_id = desk.cases.intake(PERSON, extra={"skills": ["saldatura"]})
    desk.cases.update(case_id, {**PERSON, "phone": "+39 333 777 4321"})
    desk.network.referrals.propose(case_id, str(uuid.uuid4()), "housing")  # offline: a shared extract of its own
    json_path, pdf_path = desk.network.rights.export(case_id, tmp_path / "out")
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["person"]["family_name"] == "Zebrafittizio" and data["extra"] == {"skills": ["saldatura"]}
    history = [r for r in data["records"] if r["kind"] == "history"]
    assert [h["data"]["action"] for h in history] == ["case.create", "case.update"]
    assert {"case.create", "case.update", "case.view"} <= {e["action"] for e in data["audit"]}
    assert pdf_path.read_bytes().startswith(b"%PDF")
    assert [(r["purpose"], r["state"], "identity" in r["share"]) for r in data["referrals"]] == [
        ("housing", "proposed", True)
    ]  # who receives which parts of the file, though it lives in another partition
    # The PDF is for the person to read: labelled in Italian and in the person's language (French, spoken first),
    # the edits and readings in words with the operator's name — not the JSON.
    text = " ".join(subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())  # fmt: skip
    for expected in ("I tuoi dati presso la rete I.Am", "Vos données détenues par le réseau I.Am", "Dati personali",
                     "Données personnelles", "Zebrafittizio", "Ousmane", "+393337774321", "saldatura",
                     "Telefono: +393337771234 → +393337774321", "consultazione / consultation", "Anna Prova",
                     "Sportello Valle Sabbia", "Invii ad altri sportelli", "alloggio / logement",
                     "Dati anagrafici di base"):  # fmt: skip
        assert expected in text, expected
    assert '"family_name"' not in text and "case.view" not in text and desk.operator.id not in text  # type: ignore[union-attr]
    english = desk.network.rights.export(case_id, tmp_path / "en", "en")[1]
    assert "Your data held by the I.Am network" in subprocess.run(["pdftotext", str(english), "-"],
                                                                  capture_output=True, text=True).stdout  # fmt: skip
    with pytest.raises(ValidationError):
        desk.network.rights.export(case_id, tmp_path / "xx", "xx")


def test_access_is_for_coordinators_not_operators(desk: Desk, tmp_path: Path) -> None:
    case_id = desk.cases.intake(PERSON)
    desk.add_operator("olga", "Olga Operatrice", Role.OPERATOR, "operatrice 2026 segreto")
    desk.lock()
    desk.unlock("olga", "operatrice 2026 segreto")
    with pytest.raises(PermissionDeniedError):
        desk.network.rights.export(case_id, tmp_path)
    with pytest.raises(PermissionDeniedError):
        desk.network.rights.erase(case_id)


def _close(desk: Desk, case_id: str, closed: str) -> None:
    with translate_errors(), desk.vault.engine.begin() as conn:
        desk.cases.set_meta(conn, case_id, status="chiuso", closed=closed)


def test_retention_review_lists_due_cases_and_erases_only_when_confirmed(desk: Desk) -> None:
    old = desk.cases.intake(PERSON)
    recent = desk.cases.intake({**PERSON, "given_names": ["Ibrahim"], "phone": "+39 333 777 9999"})
    active = desk.cases.intake({**PERSON, "given_names": ["Moussa"], "phone": "+39 333 777 5555"})
    _close(desk, old, "2020-06-30")  # 5 years → due 2025-06-30
    _close(desk, recent, "2024-01-15")  # due 2029-01-15
    review = desk.network.rights.review(date(2026, 3, 1))
    assert [(c.case_id, c.rule, c.since, c.due) for c in review] == [
        (old, "presa_in_carico", "2020-06-30", "2025-06-30")
    ]
    assert active not in {c.case_id for c in review}
    with pytest.raises(ValidationError) as err:
        desk.network.rights.apply_review([old], confirmed=False, on=date(2026, 3, 1))
    assert err.value.code == "erasure_not_confirmed"
    with pytest.raises(ValidationError) as err:
        desk.network.rights.apply_review([old, recent], confirmed=True, on=date(2026, 3, 1))
    assert err.value.code == "retention_not_due"
    assert desk.cases.open(old)  # nothing erased by a refused request
    assert desk.network.rights.apply_review([old], confirmed=True, on=date(2026, 3, 1)) == [old]
    with pytest.raises(ValidationError):
        desk.cases.open(old)
    assert desk.network.rights.pending_erasures() == [old]
    assert desk.network.rights.review(date(2026, 3, 1)) == []
