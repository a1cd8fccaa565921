"""Shared layout for documents printed for the person: Italian first, then the same text in the person's language
(en, fr, ar …). Owns the printed texts loaded from ``resources/translations/documents.json``, the paragraph styles,
and right-to-left Arabic: ``arabic-reshaper`` joins the letters into their contextual forms and ``python-bidi``
reorders each *line* for display. Lines are broken in logical order first and reordered afterwards, because
reordering a whole paragraph and then wrapping it would put the end of the sentence on the first line."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import arabic_reshaper

# The pure-Python implementation mirrors brackets in right-to-left runs; the Rust ``bidi.get_display`` does not.
from bidi.algorithm import get_display
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from iam_desktop.printing import fonts
from iam_desktop.resources import read_json

GREY = colors.HexColor("#444444")
RULE = colors.HexColor("#999999")


@cache
def texts() -> dict[str, Any]:
    data: dict[str, Any] = read_json("translations", "documents.json")
    return data


def languages() -> tuple[str, ...]:
    return tuple(texts()["languages"])


def is_rtl(language: str) -> bool:
    return bool(texts()["languages"].get(language, {}).get("direction") == "rtl")


def has_arabic(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" for c in text)


def pick(entry: Mapping[str, str], language: str, **params: str) -> str:
    """The text of ``entry`` in ``language`` (English when missing), placeholders filled."""
    template = entry.get(language) or entry.get("en") or entry["it"]
    return template.format_map(_Defaulting(params)) if params else template


def on_one_line(it: str, other: str) -> str:
    """Italian and the translation on one line (``sì / oui``), Italian alone when they are the same text."""
    return it if other == it else f"{it} / {other}"


def pick_both(entry: Mapping[str, str], language: str) -> str:
    """``entry`` in Italian and in ``language`` on one line (see ``on_one_line``)."""
    return on_one_line(pick(entry, "it"), pick(entry, language))


class _Defaulting(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def common(key: str, language: str) -> str:
    return pick(texts()["common"][key], language)


@dataclass(frozen=True)
class DocumentContext:
    """What every printed document shows about where it comes from. ``controller`` is the titolare del
    trattamento (data controller) of the desk; ``contact`` and ``dpo`` are e-mail addresses or phone numbers."""

    desk_name: str
    printed_on: date
    case_ref: str = ""
    operator: str = ""
    controller: str = ""
    controller_address: str = ""
    contact: str = ""
    dpo: str = ""

    def placeholders(self) -> dict[str, str]:
        return {"titolare": self.controller, "indirizzo": self.controller_address, "contatto": self.contact,
                "dpo": self.dpo, "sportello": self.desk_name}  # fmt: skip


@cache
def styles() -> dict[str, ParagraphStyle]:
    fonts.register()
    base = ParagraphStyle("base", fontName=fonts.REGULAR, fontSize=9, leading=11.5)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5, textColor=GREY),
        "other": ParagraphStyle("other", parent=base, textColor=GREY),
        "label": ParagraphStyle("label", parent=base, fontName=fonts.BOLD, fontSize=8.5, leading=10.5),
        "label_other": ParagraphStyle("label_other", parent=base, fontSize=8, leading=10, textColor=GREY),
        "title": ParagraphStyle("title", parent=base, fontName=fonts.BOLD, fontSize=15, leading=19),
        "title_other": ParagraphStyle("title_other", parent=base, fontSize=12, leading=16, textColor=GREY),
        "heading": ParagraphStyle("heading", parent=base, fontName=fonts.BOLD, fontSize=10.5, leading=13,
                                  spaceBefore=6),
        "heading_other": ParagraphStyle("heading_other", parent=base, fontSize=9.5, leading=12, textColor=GREY),
    }  # fmt: skip


def starts_rtl(text: str) -> bool:
    """Whether the first strong character is right-to-left: it decides the paragraph direction (UAX #9, P2)."""
    for char in text:
        if has_arabic(char):
            return True
        if char.isalpha():
            return False
    return False


# Labels repeat on every page and every document: shaping them once per process keeps a PDF within budget.
@lru_cache(maxsize=4096)
def shape(text: str) -> str:
    """Arabic letters joined and the line put in visual (right-to-left) order; other text untouched."""
    return get_display(arabic_reshaper.reshape(text)) if has_arabic(text) else text


@lru_cache(maxsize=8192)
def _shaped_width(text: str, font: str, size: float) -> float:
    return float(stringWidth(arabic_reshaper.reshape(text), font, size))


class RtlParagraph(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """A paragraph with Arabic in it, wrapped in logical order, shaped line by line; right-aligned when it starts
    with right-to-left text, left-aligned when it starts with Latin (a Latin name followed by its Arabic form)."""

    def __init__(self, text: str, style: ParagraphStyle, lines: list[str] | None = None) -> None:
        super().__init__()
        self.text = " ".join(text.split())
        self.style = style
        self._lines = lines or []
        self.width = 0.0
        self.height = 0.0

    def _width(self, text: str) -> float:
        return _shaped_width(text, self.style.fontName, self.style.fontSize)

    def _break(self, width: float) -> list[str]:
        lines: list[str] = []
        current: list[str] = []
        for word in self.text.split(" "):
            if current and self._width(" ".join([*current, word])) > width:
                lines.append(" ".join(current))
                current = [word]
            else:
                current.append(word)
        if current:
            lines.append(" ".join(current))
        return lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if not self._lines or self.width != availWidth:
            self._lines = self._break(availWidth)
        self.width = availWidth
        self.height = len(self._lines) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        fit = int(availHeight // self.style.leading)
        if fit <= 0 or fit >= len(self._lines):
            return [] if fit <= 0 else [self]
        head = RtlParagraph(" ".join(self._lines[:fit]), self.style, self._lines[:fit])
        tail = RtlParagraph(" ".join(self._lines[fit:]), self.style, self._lines[fit:])
        return [head, tail]

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(self.style.fontName, self.style.fontSize)
        canvas.setFillColor(self.style.textColor)
        right = starts_rtl(self.text)
        for i, line in enumerate(self._lines):
            baseline = self.height - (i + 1) * self.style.leading + (self.style.leading - self.style.fontSize) * 0.9
            if right:
                canvas.drawRightString(self.width, baseline, shape(line))
            else:
                canvas.drawString(0, baseline, shape(line))


def para(text: str, style: ParagraphStyle) -> Flowable:
    """A paragraph of data or text in any script: right-to-left when it contains Arabic."""
    if has_arabic(text):
        return RtlParagraph(text, style)
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def both(entry: Mapping[str, str], language: str, style: str = "base", other_style: str = "other",
         **params: str) -> list[Flowable]:  # fmt: skip
    """The Italian text, then the translation (if the person's language is not Italian)."""
    s = styles()
    out = [para(pick(entry, "it", **params), s[style])]
    if language != "it":
        out.append(para(pick(entry, language, **params), s[other_style]))
    return out


def format_date(value: date) -> str:
    """Italian order (dd/mm/yyyy), which every desk and every Italian office reads."""
    return value.strftime("%d/%m/%Y")


def header(title: Mapping[str, str], language: str, context: DocumentContext) -> list[Flowable]:
    """Network line, title in Italian and the person's language, then desk, case and date."""
    s = styles()
    out: list[Flowable] = [para(pick(texts()["common"]["network"], "it"), s["small"])]
    out += both(title, language, "title", "title_other")
    facts = [f"{common('desk', 'it')}: {context.desk_name}"]
    if context.case_ref:
        facts.append(f"{common('case', 'it')} {context.case_ref}")
    facts.append(f"{common('printed_on', 'it')} {format_date(context.printed_on)}")
    out.append(Paragraph(escape(" · ".join(facts)), s["small"]))
    return out


def build(target: Path, story: list[Flowable], *, title: str, footer: str) -> None:
    """A4 with the footer (document, text version, page) on every page; metadata without personal data."""
    fonts.register()

    def on_page(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(fonts.REGULAR, 7)
        canvas.setFillColor(GREY)
        canvas.drawString(18 * mm, 10 * mm, footer)
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"{common('page', 'it')} {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        str(target), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=15 * mm,
        bottomMargin=16 * mm, title=title, author="I.Am Desk", creator="I.Am Desk", invariant=1,
    )  # fmt: skip
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)


def signature_block(language: str, keys: tuple[str, ...] = ("place_date", "signature_person")) -> Table:
    """Lines to sign on, labelled in both languages, side by side."""
    cells = [[*both(texts()["common"][k], language, "small", "small")] for k in keys]
    width = (A4[0] - 36 * mm) / len(keys)
    return Table(
        [[""] * len(keys), cells],
        colWidths=[width] * len(keys),
        rowHeights=[14 * mm, None],
        style=TableStyle([("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                          ("RIGHTPADDING", (0, 0), (-1, -1), 10)]),
    )  # fmt: skip
