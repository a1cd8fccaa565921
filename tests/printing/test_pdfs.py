import os
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from iam_desktop.domain.forms import load_form
from iam_desktop.domain.interchange import parse_record
from iam_desktop.printing.bilingual import DocumentContext, texts
from iam_desktop.printing.blank_intake import write_blank_intake
from iam_desktop.printing.consent_form import write_consent_form
from iam_desktop.printing.intake_form import intake_values, write_intake_form
from iam_desktop.printing.privacy_notice import write_privacy_notice
from iam_desktop.resources import resource

CTX = DocumentContext(
    desk_name="Val Trompia",
    printed_on=date(2025, 6, 2),
    case_ref="VT-2025-0042",
    controller="Comunità Montana di Valle Trompia",
    controller_address="Gardone V.T. (BS)",
    contact="privacy@example.org",
    dpo="dpo@example.org",
)
PERSON = {
    "given_names": ["Amina"],
    "family_name": "N'Diaye",
    "aliases": [{"text": "أمينة", "kind": "original"}],
    "birth_date": "1994-03",
    "birth_country": "SN",
    "citizenships": ["SN"],
    "protection_status": "rifugiato",
    "permit": {
        "type": "asilo",
        "number": "I1234567",
        "questura": "Brescia",
        "issued": "2023-05-02",
        "expires": "2028-05-01",
    },
}


def text_of(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True).stdout
    # Arabic comes back as presentation forms in visual order: fold them and compare word by word.
    return unicodedata.normalize("NFKC", out)


def arabic_words_present(text: str, phrase: str) -> bool:
    return all(word in text or word[::-1] in text for word in unicodedata.normalize("NFKC", phrase).split())


def screenshot(pdf: Path, name: str, screenshot_dir: Path) -> Path:
    subprocess.run(
        ["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1", str(pdf), str(screenshot_dir / name)], check=True
    )
    return next(screenshot_dir.glob(f"{name}*.png"))


@pytest.fixture(scope="module")
def form():  # type: ignore[no-untyped-def]
    return load_form(resource("forms", "intake.json"))


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_intake_form_text(form, language: str, tmp_path: Path, screenshot_dir: Path) -> None:  # type: ignore[no-untyped-def]
    record = parse_record(PERSON, today=date(2025, 6, 1)).record
    assert record is not None
    pdf = tmp_path / f"intake-{language}.pdf"
    write_intake_form(pdf, form=form, values=intake_values(record), language=language, context=CTX)
    text = text_of(pdf)
    assert "Scheda di presa in carico" in text and "Cognome" in text and "Data di scadenza" in text
    assert "N'Diaye" in text and "I1234567" in text and "01/05/2028" in text and "03/1994" in text
    if language == "ar":
        assert arabic_words_present(text, form.field("family_name").label["ar"])
        assert arabic_words_present(text, "أمينة")
        screenshot(pdf, "intake-ar", screenshot_dir)
    else:
        assert form.field("family_name").label[language] in text
        assert form.field("permit.expires").label[language] in text
    if language == "en":
        screenshot(pdf, "intake-it-en", screenshot_dir)


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_consent_and_notice_text(language: str, tmp_path: Path, screenshot_dir: Path) -> None:
    consent = tmp_path / "consent.pdf"
    write_consent_form(consent, language=language, context=CTX, person_name="Amina N'Diaye")
    text = text_of(consent)
    purposes = texts()["consent"]["purposes"]
    assert "Condivisione con la rete" in text and "Amina N'Diaye" in text
    title = purposes["condivisione_rete"]["title"][language]
    assert arabic_words_present(text, title) if language == "ar" else title in text
    notice = tmp_path / "notice.pdf"
    write_privacy_notice(notice, language=language, context=CTX)
    text = text_of(notice)
    assert "Garante" in text and "Piazza Venezia 11" in text and "Valle Trompia" in text
    if language == "ar":
        assert arabic_words_present(text, "حقوقك")
        screenshot(consent, "consent-ar", screenshot_dir)
    else:
        assert texts()["privacy_notice"]["sections"][7]["heading"][language] in text


def test_blank_intake(form, tmp_path: Path, screenshot_dir: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = tmp_path / "blank.pdf"
    write_blank_intake(pdf, form=form, language="fr", context=CTX)
    text = text_of(pdf)
    assert "Nom de famille" in text and "Cognome" in text and "Protection subsidiaire" in text
    screenshot(pdf, "blank-fr", screenshot_dir)


def test_pdftotext_available() -> None:
    assert shutil.which("pdftotext") and os.environ.get("QT_QPA_PLATFORM") == "offscreen"
