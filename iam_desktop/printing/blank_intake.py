"""The blank intake form, filled by hand when the computer is off or the power is out (rural desks): the same
sections and labels as the filled form (both driven by ``intake.json``), with writing lines, boxes for the codice
fiscale, tick boxes for every choice and empty table rows for repeated entries, as the print hints say."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from iam_desktop.domain.forms import FieldDef, FormDefinition
from iam_desktop.printing import bilingual as bi
from iam_desktop.printing.intake_form import LABEL_WIDTH, WIDTH, label_cell

BOX = "☐"
LINE = 7 * mm
_LINES = TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, bi.RULE), ("VALIGN", (0, 0), (-1, -1), "TOP")])


def _answer(f: FieldDef, language: str) -> Flowable:
    s = bi.styles()
    if f.type in ("choice", "multichoice", "boolean"):
        if f.type == "boolean":
            options = [f"{BOX} {bi.common('yes', 'it')}", f"{BOX} {bi.common('no', 'it')}"]
        else:
            options = [
                f"{BOX} {c.label['it']}" + ("" if language == "it" else f" / {bi.pick(c.label, language)}")
                for c in f.choices
            ]
        return Table(
            [[bi.para(o, s["base"])] for o in options],
            colWidths=[WIDTH - LABEL_WIDTH - 6],
            style=TableStyle([("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]),
        )
    boxes = int(f.print.get("boxes", 0))
    if boxes:
        return Table(
            [[""] * boxes],
            colWidths=[5.2 * mm] * boxes,
            rowHeights=[6.5 * mm],
            style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, bi.GREY)]),
        )
    if f.type == "cefr":
        skills = f.print.get("skills", ["overall"])
        levels = "  ".join(f"{BOX} {lvl}" for lvl in ("pre-A1", "A1", "A2", "B1", "B2", "C1", "C2"))
        rows = [[bi.para(bi.common(f"skill.{k}", "it"), s["small"]), bi.para(levels, s["small"])] for k in skills]
        return Table(rows, colWidths=[22 * mm, WIDTH - LABEL_WIDTH - 28 * mm])
    if f.type in ("date", "partial_date"):
        return bi.para("____ / ____ / ________", s["base"])
    lines = int(f.print.get("lines", 1))
    return Table([[""]] * lines, colWidths=[WIDTH - LABEL_WIDTH - 6], rowHeights=[LINE] * lines, style=_LINES)


def write_blank_intake(target: Path, *, form: FormDefinition, language: str, context: bi.DocumentContext) -> None:
    """Write the empty form with labels in Italian and ``language``."""
    story = bi.header(form.title, language, context)
    story += bi.both(bi.texts()["common"]["blank_hint"], language, "small", "small")
    story.append(Spacer(1, 2 * mm))
    for section in form.sections:
        if all(f.type == "signature" for f in section.fields):
            continue
        heading = bi.both(section.label, language, "heading", "heading_other")
        blocks: list[Flowable] = []
        for f in section.fields:
            if f.type == "repeat":
                rows = int(f.print.get("rows", 3))
                width = WIDTH / len(f.fields)
                head = [label_cell(sub, language) for sub in f.fields]
                table = Table(
                    [head] + [[""] * len(f.fields)] * rows,
                    colWidths=[width] * len(f.fields),
                    rowHeights=[None] + [LINE] * rows,
                    style=TableStyle([("GRID", (0, 0), (-1, -1), 0.4, bi.RULE), ("VALIGN", (0, 0), (-1, -1), "TOP")]),
                )
                blocks.append(KeepTogether([Table([[label_cell(f, language)]], colWidths=[WIDTH]), table]))
                continue
            blocks.append(
                Table(
                    [[label_cell(f, language), _answer(f, language)]],
                    colWidths=[LABEL_WIDTH, WIDTH - LABEL_WIDTH],
                    style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]),
                )
            )
        story.append(KeepTogether([*heading, *blocks[:1]]))
        story += blocks[1:]
        story.append(Spacer(1, 2 * mm))
    story.append(
        KeepTogether(
            [
                *bi.both(bi.texts()["common"]["declaration"], language),
                Spacer(1, 4 * mm),
                bi.signature_block(language, ("place_date", "signature_person", "signature_operator")),
            ]
        )
    )
    bi.build(
        target,
        story,
        title=bi.pick(form.title, "it"),
        footer=f"{form.form} · {bi.common('text_version', 'it')} {form.version}",
    )
