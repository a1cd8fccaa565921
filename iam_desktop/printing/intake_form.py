"""The filled intake form (scheda di presa in carico) printed for the person to check and sign: every section of the
form definition with its labels in Italian and in the person's language, the values entered, and the signature
block. Sections marked ``internal`` (operator's notes) are never printed. Takes the form definition and a dict of
values keyed by field id (``intake_values`` builds it from an interchange record); no vault access."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from iam_desktop.domain.dates import PartialDate
from iam_desktop.domain.forms import FieldDef, FormDefinition
from iam_desktop.domain.interchange import InterchangeRecord, record_to_dict
from iam_desktop.printing import bilingual as bi

WIDTH = A4[0] - 36 * mm
LABEL_WIDTH = 0.42 * WIDTH
_GRID = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, bi.RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
)


def intake_values(record: InterchangeRecord, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Field-id → value for the intake form: the record flattened to dotted ids (``permit.number``), plus
    ``extra`` values the interchange format does not carry (reception, household, education …)."""
    flat: dict[str, Any] = {}

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict) and prefix not in ("italian_level",):
            for key, sub in value.items():
                walk(f"{prefix}.{key}" if prefix else key, sub)
        else:
            flat[prefix] = value

    walk("", record_to_dict(record))
    flat.update(extra or {})
    return flat


def label_cell(f: FieldDef, language: str) -> list[Flowable]:
    s = bi.styles()
    cell = [bi.para(f.label["it"], s["label"])]
    if language != "it":
        cell.append(bi.para(bi.pick(f.label, language), s["label_other"]))
    return cell


def _choice(f: FieldDef, value: str, language: str) -> str:
    return bi.on_one_line(f.choice_label(value, "it"), f.choice_label(value, language))


def display(f: FieldDef, value: Any, language: str) -> str:
    """The text printed for one value: choices by their labels, dates the Italian way, lists joined."""
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if f.type == "choice":
        return _choice(f, str(value), language)
    if f.type == "multichoice":
        return "; ".join(_choice(f, str(v), language) for v in value)
    if f.type == "boolean":
        key = "yes" if value else "no"
        return bi.on_one_line(bi.common(key, "it"), bi.common(key, language))
    if f.type == "cefr" and isinstance(value, Mapping):
        return " · ".join(f"{bi.common('skill.' + str(k), 'it')} {v}" for k, v in value.items())
    if isinstance(value, date):
        return bi.format_date(value)
    if f.type == "date" and isinstance(value, str):
        try:
            return bi.format_date(date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, PartialDate):
        value = value.isoformat()
    if f.type == "partial_date" and isinstance(value, str):
        parts = value.split("-")
        return "/".join(reversed(parts))
    if isinstance(value, list | tuple):
        return ", ".join(v if isinstance(v, str) else str(v.get("text", v)) for v in value)
    return str(value)


def _repeat(f: FieldDef, rows: list[Mapping[str, Any]], language: str) -> Table:
    s = bi.styles()
    width = WIDTH / len(f.fields)
    head = [label_cell(sub, language) for sub in f.fields]
    # A row stored as a bare value (data imported from elsewhere) is shown in the first column, not dropped.
    rows = [row if isinstance(row, Mapping) else {f.fields[0].id: row} for row in rows]
    body = [[bi.para(display(sub, row.get(sub.id), language), s["base"]) for sub in f.fields] for row in rows]
    return Table([head, *body], colWidths=[width] * len(f.fields), style=_GRID, repeatRows=1)


def section_story(form: FormDefinition, values: Mapping[str, Any], language: str) -> list[Flowable]:
    s = bi.styles()
    story: list[Flowable] = []
    for section in form.sections:
        if section.print.get("internal") or all(f.type == "signature" for f in section.fields):
            continue
        start = len(story)
        story += bi.both(section.label, language, "heading", "heading_other")
        rows: list[list[Any]] = []
        for f in section.fields:
            value = values.get(f.id)
            if f.type == "repeat":
                if rows:
                    story.append(Table(rows, colWidths=[LABEL_WIDTH, WIDTH - LABEL_WIDTH], style=_GRID))
                    rows = []
                story.append(Table([[label_cell(f, language)]], colWidths=[WIDTH]))
                story.append(_repeat(f, list(value or []), language) if value else bi.para("—", s["base"]))
                continue
            rows.append([label_cell(f, language), bi.para(display(f, value, language), s["base"])])
        if rows:
            story.append(Table(rows, colWidths=[LABEL_WIDTH, WIDTH - LABEL_WIDTH], style=_GRID))
        # A heading must not be left alone at the foot of a page.
        story[start:] = [KeepTogether(story[start : start + 3]), *story[start + 3 :]]
        story.append(Spacer(1, 2 * mm))
    return story


def write_intake_form(
    target: Path, *, form: FormDefinition, values: Mapping[str, Any], language: str, context: bi.DocumentContext
) -> None:
    """Write the filled form for a person who reads ``language`` (Italian is always printed too)."""
    story = bi.header(form.title, language, context)
    story.append(Spacer(1, 3 * mm))
    story += section_story(form, values, language)
    story += bi.both(bi.texts()["common"]["declaration"], language)
    story.append(Spacer(1, 4 * mm))
    story.append(bi.signature_block(language, ("place_date", "signature_person", "signature_operator")))
    box = Table([[""]], colWidths=[WIDTH], style=TableStyle([("LINEABOVE", (0, 0), (-1, -1), 0, colors.white)]))
    story.append(box)
    bi.build(target, story, title=bi.pick(form.title, "it"),
             footer=f"{form.form} · {bi.common('text_version', 'it')} {form.version}")  # fmt: skip
