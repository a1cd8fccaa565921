"""The recovery key sheet printed at set-up and kept in a safe: desk, date, the key in large monospaced groups,
what it allows and how to keep it, in Italian and English."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from iam_desktop.printing import fonts


def write_recovery_sheet(
    target: Path,
    *,
    texts: dict[str, tuple[str, str]],
    desk_name: str,
    territory: str,
    vault_id: str,
    created_at: str,
    recovery_key: str,
) -> None:
    """``texts`` maps a catalogue key (``title``, ``desk`` …) to its (Italian, English) pair."""
    fonts.register()
    base = ParagraphStyle("base", fontName=fonts.REGULAR, fontSize=10, leading=14)
    title = ParagraphStyle("title", parent=base, fontName=fonts.BOLD, fontSize=18, leading=24, spaceAfter=4)
    subtitle = ParagraphStyle("subtitle", parent=base, textColor=colors.HexColor("#555555"), fontSize=12)
    key_style = ParagraphStyle("key", parent=base, fontName=fonts.MONO, fontSize=15, leading=24)

    def both(key: str) -> str:
        it, en = texts[key]
        return f"{it} / <i>{en}</i>"

    groups = recovery_key.split("-")
    rows = [" ".join(groups[i : i + 4]) for i in range(0, len(groups), 4)]
    story = [
        Paragraph(texts["title"][0], title),
        Paragraph(texts["title"][1], subtitle),
        Spacer(1, 8 * mm),
        Table(
            [
                [Paragraph(both("desk"), base), Paragraph(desk_name, base)],
                [Paragraph(both("territory"), base), Paragraph(territory or "—", base)],
                [Paragraph(both("created"), base), Paragraph(created_at[:10], base)],
                [Paragraph(both("vault"), base), Paragraph(vault_id, base)],
            ],
            colWidths=[60 * mm, 110 * mm],
            style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]),
        ),
        Spacer(1, 8 * mm),
        Paragraph(both("key"), base),
        Spacer(1, 2 * mm),
        Table(
            [[Paragraph(row, key_style)] for row in rows],
            colWidths=[170 * mm],
            style=TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                ]
            ),
        ),
        Spacer(1, 8 * mm),
        Paragraph(texts["instructions"][0], base),
        Spacer(1, 3 * mm),
        Paragraph(f"<i>{texts['instructions'][1]}</i>", base),
        Spacer(1, 20 * mm),
        Paragraph(both("signature"), base),
        Spacer(1, 12 * mm),
        Table(
            [[""]],
            colWidths=[170 * mm],
            style=TableStyle([("LINEABOVE", (0, 0), (-1, -1), 0.8, colors.black)]),
        ),
    ]
    doc = SimpleDocTemplate(
        str(target),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title="I.Am Desk – recovery key",
        author="I.Am Desk",
    )
    doc.build(story)
