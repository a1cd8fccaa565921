"""The individual plan printed for signature: the text read back with ``pdftotext -layout`` holds the Italian and
the translated labels and the plan's data, for en, fr and ar (Arabic compared after undoing the presentation forms
and direction marks that shaping puts in the PDF). The English and Arabic plans are also rendered to PNG under
IAM_SCREENSHOT_DIR for a person to look at."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from iam_desktop.domain.errors import ValidationError
from iam_desktop.domain.pathway import default_pathway_path, load_pathway
from iam_desktop.domain.plan import Goal
from iam_desktop.printing.bilingual import DocumentContext
from iam_desktop.printing.plan_document import plan_texts, write_plan_document
from tests.pathway.samples import sample_plan

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

CONTEXT = DocumentContext("Sportello Val Trompia", dt.date(2026, 4, 2), "C-0001", "Giulia Rossi")
_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _write(tmp_path: Path, language: str, **kw: object) -> Path:
    target = tmp_path / f"plan_{language}.pdf"
    args: dict[str, object] = {
        "language": language,
        "context": CONTEXT,
        "person_name": "Amadou Diallo",
        "step_label": load_pathway(default_pathway_path()).step(2).label,
        "owner_names": {"op-giulia": "Giulia Rossi"},
    }
    plan = kw.pop("plan", sample_plan())
    args.update(kw)
    write_plan_document(target, plan, **args)  # type: ignore[arg-type]
    return target


def _text(pdf: Path) -> str:
    raw = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(unicodedata.normalize("NFKC", _MARKS.sub("", raw)).split())


DATA = [
    "Amadou Diallo",
    "Sportello Val Trompia",
    "Trovare un tirocinio nel settore della ristorazione",
    "Preparare il curriculum vitae",
    "Giulia Rossi",
    "20/03/2026",
    "DID rilasciata il 5/3",
    "Curriculum pronto; in attesa del colloquio.",
    "02/03/2026",
    "30/06/2026",  # next review: 1 April + 90 days
    "P-0001",
]
ITALIAN = ["Progetto individualizzato (patto)", "Lavoro", "Abitazione", "Formazione e lingua", "Obiettivo", "Entro il",
           "In corso", "Da fare", "Fatto", "La persona", "Attivazione: lingua, formazione, tirocinio",
           "almeno ogni 90 giorni", "Firma della persona", "Firma dell'operatore"]  # fmt: skip
TRANSLATED = {
    "en": ["Individual plan (agreement)", "Work", "Housing", "Training and language", "Goal", "In progress", "To do",
           "Done", "The person", "Activation: language, training, internship", "at least every 90 days"],
    "fr": ["Projet individualisé (pacte)", "Travail", "Logement", "Formation et langue", "Objectif", "En cours",
           "À faire", "La personne", "Activation : langue, formation, stage", "au moins tous les 90 jours"],
    "ar": ["العمل", "السكن", "التدريب واللغة", "الهدف", "قيد التنفيذ", "للتنفيذ", "الشخص نفسه", "الحالة", "الموعد",
           "المسؤول", "لقد قرأت المشروع بلغتي وفهمته وأوافق عليه"],
}  # fmt: skip


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_plan_pdf_holds_italian_translated_labels_and_the_data(tmp_path: Path, language: str) -> None:
    text = _text(_write(tmp_path, language))
    for expected in [*DATA, *ITALIAN, *TRANSLATED[language]]:
        assert expected in text, expected
    other = {"en": "Objectif", "fr": "Goal", "ar": "Goal"}[language]
    assert other not in text  # only the person's language beside the Italian


def test_every_printed_text_exists_in_every_language() -> None:
    for key, entry in plan_texts().items():
        if isinstance(entry, dict):
            assert set(entry) >= {"it", "en", "fr", "ar"}, key


def test_arabic_data_is_shaped_and_an_empty_plan_says_so(tmp_path: Path) -> None:
    plan = dataclasses.replace(sample_plan(), goals=(), reviews=())
    text = _text(_write(tmp_path, "it", plan=plan, person_name="أمادو ديالو"))
    assert "Nessun obiettivo ancora definito." in text and "Individual plan" not in text
    assert "أمادو ديالو" in text
    arabic_goal = dataclasses.replace(sample_plan(), goals=(Goal("G9", sample_plan().goals[0].axis, "تعلّم الطبخ"),))
    assert "Nessuna azione ancora definita." in _text(_write(tmp_path, "ar", plan=arabic_goal))


def test_unsupported_language_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as refused:
        _write(tmp_path, "xx")
    assert refused.value.code == "language_unsupported"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_render_english_and_arabic_plans_for_review(tmp_path: Path, screenshot_dir: Path) -> None:
    for language in ("en", "ar"):
        pdf = _write(tmp_path, language)
        prefix = screenshot_dir / f"plan_document_{language}"
        subprocess.run(["pdftoppm", "-r", "70", "-png", str(pdf), str(prefix)], check=True)
        pages = sorted(screenshot_dir.glob(f"plan_document_{language}-*.png"))
        assert pages and all(p.stat().st_size > 10_000 for p in pages)
