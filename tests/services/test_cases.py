"""Case files through the facade: intake with validation and duplicates, history, search, attachments, permit
alerts, import (one transaction, rejected rows reported, re-run without duplicates) and export round trip."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from iam_desktop.domain import interchange
from iam_desktop.domain.errors import LockedError, PermissionDeniedError, ValidationError
from iam_desktop.domain.roles import Role
from iam_desktop.services.case_index import SortKey
from iam_desktop.services.desk import Desk
from iam_desktop.vault.paths import DataDir
from tests.vault_fixtures import PASSPHRASE, raw_bytes

AMADOU = {
    "given_names": ["Amadou", "Bakary"],
    "family_name": "Traoré",
    "sex": "M",
    "birth_date": "1990-01-01",
    "birth_country": "ML",
    "citizenships": ["ML"],
    "languages": ["fr", "bm"],
    "codice_fiscale": "TRRMDB90A01Z329G",
    "protection_status": "protezione_sussidiaria",
    "permit": {"type": "asilo", "number": "I12345678", "questura": "Brescia", "issued": "2025-01-10",
               "expires": "2027-06-30"},
    "phone": "+39 333 918 2746",
    "notes": "Interessato a corsi di saldatura",
}  # fmt: skip
FATOU = {
    "given_names": ["Fatoumata"],
    "family_name": "Konaté",
    "aliases": ["Fatou"],
    "sex": "F",
    "birth_date": "1995-08",
    "codice_fiscale": "KNTFTA95M41Z343J",
    "phone": "+39 347 000 1111",
    "permit": {"type": "protezione_speciale", "number": "J7654321", "questura": "Padova", "issued": "2025-06-01",
               "expires": "2026-12-20"},
}  # fmt: skip


def test_intake_stores_encrypted_and_opens_with_history(desk: Desk, data_dir: DataDir) -> None:
    case_id = desk.cases.intake(AMADOU)
    file = desk.cases.open(case_id)
    assert file.person["family_name"] == "Traoré"
    assert file.person["phone"] == "+393339182746"  # normalised
    assert file.meta["status"] == "aperto" and file.meta["step"] == 1
    assert file.history[0]["action"] == "case.create"
    assert file.history[0]["operator"] == desk.operator.id  # type: ignore[union-attr]
    for needle in (b"Traor", b"TRRMDB90A01Z329G", b"3339182746", b"saldatura", b"I12345678"):
        assert needle not in raw_bytes(data_dir)


def test_invalid_codice_fiscale_is_refused_and_nothing_written(desk: Desk) -> None:
    with pytest.raises(ValidationError) as caught:
        desk.cases.intake({**AMADOU, "codice_fiscale": "TRRMDB90A01Z329X"})
    assert caught.value.field == "codice_fiscale"
    assert desk.cases.count() == 0


def test_update_keeps_who_changed_what(desk: Desk) -> None:
    case_id = desk.cases.intake(AMADOU)
    changed = desk.cases.update(case_id, {**AMADOU, "phone": "+39 030 123456", "notes": "Cerca casa a Brescia"})
    assert changed == ["notes", "phone"]
    history = desk.cases.open(case_id).history
    assert history[-1]["changes"]["phone"] == {"from": "+393339182746", "to": "+39030123456"}
    assert desk.cases.update(case_id, {**AMADOU, "phone": "+39 030 123456", "notes": "Cerca casa a Brescia"}) == []


def test_duplicates_by_codice_fiscale_document_and_close_name(desk: Desk) -> None:
    first = desk.cases.intake(AMADOU)
    same_cf = desk.cases.check(
        {"given_names": ["Mamadou"], "family_name": "Diallo", "codice_fiscale": "TRRMDB90A01Z329G"}
    )
    assert [(d.case_id, d.reasons) for d in same_cf.duplicates] == [(first, ("codice_fiscale",))]
    same_doc = desk.cases.check({**FATOU, "permit": {**FATOU["permit"], "number": "i12345678"}})
    assert [d.case_id for d in same_doc.duplicates] == [first]
    assert "document" in same_doc.duplicates[0].reasons
    close_name = desk.cases.check({"given_names": ["Amadu", "Bakari"], "family_name": "Traore", "birth_date": "1990"})
    assert [d.case_id for d in close_name.duplicates] == [first]
    assert close_name.duplicates[0].display_name == "TRAORÉ Amadou Bakary"
    assert desk.cases.check(FATOU).duplicates == ()


def test_search_as_you_type_over_names_aliases_cf_and_phone(desk: Desk) -> None:
    amadou, fatou = desk.cases.intake(AMADOU), desk.cases.intake(FATOU)
    assert [r.case_id for r in desk.cases.search("trao")] == [amadou]
    assert [r.case_id for r in desk.cases.search("fatou")] == [fatou]  # alias, case-insensitive
    assert [r.case_id for r in desk.cases.search("konate")] == [fatou]  # accents folded
    assert [r.case_id for r in desk.cases.search("knt")] == [fatou]  # codice fiscale fragment
    assert [r.case_id for r in desk.cases.search("347 000")] == [fatou]  # phone digits
    assert {r.case_id for r in desk.cases.search("")} == {amadou, fatou}
    assert [r.case_id for r in desk.cases.search("", sort=SortKey.PERMIT)] == [fatou, amadou]
    assert desk.cases.search("", status="chiuso") == []


def test_the_index_is_dropped_on_lock(desk: Desk) -> None:
    desk.cases.intake(AMADOU)
    assert desk.cases.count() == 1
    desk.lock()
    with pytest.raises(LockedError):
        desk.cases.search("trao")
    desk.unlock("anna", PASSPHRASE)
    assert len(desk.cases.search("trao")) == 1


def test_permit_alerts_within_the_window(desk: Desk) -> None:
    desk.cases.intake(AMADOU)
    fatou = desk.cases.intake(FATOU)
    alerts = desk.cases.permit_alerts(on=date(2026, 11, 25))
    assert [(a.case_id, a.days_left) for a in alerts] == [(fatou, 25)]
    assert len(desk.cases.permit_alerts(on=date(2026, 11, 25), within_days=800)) == 2


def test_attachments_are_encrypted_checked_and_limited(desk: Desk, data_dir: DataDir, tmp_path: Path) -> None:
    case_id = desk.cases.intake(AMADOU)
    scan = tmp_path / "consenso firmato.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + b"SEGRETO-SCANSIONE " * 200 + b"\n%%EOF")
    info = desk.cases.attach(case_id, scan, kind="consenso")
    assert desk.cases.attachment(info.attachment_id) == scan.read_bytes()
    assert [a.filename for a in desk.cases.open(case_id).attachments] == ["consenso firmato.pdf"]
    assert b"SEGRETO-SCANSIONE" not in raw_bytes(data_dir)
    fake = tmp_path / "foto.jpg"
    fake.write_bytes(b"%PDF-1.4 not a jpeg")
    with pytest.raises(ValidationError) as mismatch:
        desk.cases.attach(case_id, fake)
    assert mismatch.value.code == "attachment_type_mismatch"
    big = tmp_path / "enorme.pdf"
    with big.open("wb") as out:
        out.write(b"%PDF-1.4\n")
        out.seek(50 * 1024 * 1024)
        out.write(b"\n%%EOF")
    with pytest.raises(ValidationError) as too_big:
        desk.cases.attach(case_id, big)
    assert too_big.value.code == "attachment_too_large" and too_big.value.params["size_mb"] == 50.0
    assert len(desk.cases.open(case_id).attachments) == 1


def test_import_valid_rows_report_rejected_and_rerun_does_not_duplicate(desk: Desk, tmp_path: Path) -> None:
    lines = [json.dumps(AMADOU), json.dumps(FATOU), json.dumps({**FATOU, "given_names": [], "birth_date": "2031"})]
    source = tmp_path / "casi.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = desk.cases.import_results(interchange.read_jsonl(source, today=date(2026, 11, 25)))
    assert len(report.imported) == 2
    assert [r.row for r in report.rejected] == [3]
    assert {e.field for e in report.rejected[0].errors} >= {"given_names", "birth_date"}
    assert desk.cases.row(report.imported[0]).opened == date.today().isoformat()  # type: ignore[union-attr]
    again = desk.cases.import_results(interchange.read_jsonl(source, today=date(2026, 11, 25)))
    assert again.imported == [] and again.already_present == [1, 2]
    assert desk.cases.count() == 2


def test_export_round_trip(desk: Desk) -> None:
    desk.cases.intake(AMADOU)
    desk.cases.intake(FATOU)
    exported = desk.cases.export()
    text = interchange.dumps_jsonl(exported)
    again = [r.record for r in interchange.parse_jsonl(text, today=date(2026, 11, 25))]
    assert again == exported
    assert {r.person.family_name for r in exported} == {"Traoré", "Konaté"}


def test_an_operator_cannot_export(desk: Desk) -> None:
    desk.add_operator("marco", "Marco Rossi", Role.OPERATOR, "passphrase di marco 2026")
    desk.lock()
    desk.unlock("marco", "passphrase di marco 2026")
    desk.cases.intake(AMADOU)
    with pytest.raises(PermissionDeniedError):
        desk.cases.export()
