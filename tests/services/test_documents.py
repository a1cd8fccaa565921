"""Printed documents of a case through the facade: bilingual text read back with pdftotext, audit events."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from iam_desktop.domain.errors import ValidationError
from iam_desktop.services.desk import Desk
from iam_desktop.services.settings import Settings
from tests.services.test_cases import AMADOU


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def case_id(desk: Desk) -> str:
    desk.update_settings(Settings(controller="Comune di Lumezzane", contact="sportello@example.org"))
    consent = {"purpose": "presa_in_carico", "lawful_basis": "consenso", "date": "2026-11-02",
               "text_version": "2026-1", "language": "fr"}  # fmt: skip
    return desk.cases.intake({**AMADOU, "consents": [consent]}, extra={"reception.kind": "sai"})


def test_filled_intake_form_in_french(desk: Desk, case_id: str, tmp_path: Path) -> None:
    text = pdf_text(desk.documents.intake(case_id, "fr", tmp_path / "intake.pdf"))
    assert "Traoré" in text and "TRRMDB90A01Z329G" in text
    assert "Cognome" in text and "Nom" in text  # Italian and French labels
    assert ("print", case_id) in [(e["action"], e["case_id"]) for e in desk.recent_audit()]


def test_consent_and_privacy_notice_in_arabic(desk: Desk, case_id: str, tmp_path: Path) -> None:
    consent = pdf_text(desk.documents.consent(case_id, "ar", tmp_path / "consent.pdf"))
    assert "Consenso" in consent or "consenso" in consent
    assert any("\u0600" <= ch <= "\u06ff" or "\ufe70" <= ch <= "\ufeff" for ch in consent)
    notice = pdf_text(desk.documents.privacy_notice("en", tmp_path / "privacy.pdf", case_id))
    assert "Comune di Lumezzane" in notice and "sportello@example.org" in notice


def test_blank_form_and_unsupported_language(desk: Desk, tmp_path: Path) -> None:
    assert "Cognome" in pdf_text(desk.documents.blank_intake("en", tmp_path / "blank.pdf"))
    with pytest.raises(ValidationError):
        desk.documents.blank_intake("xx", tmp_path / "nope.pdf")
    assert not (tmp_path / "nope.pdf").exists()
