"""The public summary (sintesi pubblica): one page of aggregate figures that is safe to publish. Every table is a
one-way breakdown of a headline figure, passed through ``suppress`` so that no cell counting fewer than the
threshold (5 people) is shown and none can be worked out by subtracting the visible cells from the total; the page
says how many cells were hidden and why. ``public_tables`` builds the tables (tested on their own); the writer
only lays them out."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from iam_desktop.domain.indicator_engine import IndicatorReport
from iam_desktop.domain.indicators import IndicatorSet, SuppressedTable, suppress
from iam_desktop.printing.monitoring_report import Styles, fmt, table

HIDDEN = "*"


@dataclass(frozen=True)
class PublicTable:
    """A published breakdown: the indicator it comes from, the dimension, and the suppressed counts."""

    indicator_id: str
    dimension: str
    counts: SuppressedTable


def public_tables(report: IndicatorReport, threshold: int) -> list[PublicTable]:
    """The tables of the public summary. Headlines are one-cell tables; every breakdown partitions its headline
    (each person in exactly one cell), which is what makes the suppression safe across tables too."""
    out: list[PublicTable] = []
    for indicator_id in ("people_new", "people_active", "people_closed"):
        result = report.result(indicator_id)
        out.append(PublicTable(indicator_id, "total", suppress({"total": int(result.total or 0)}, threshold)))
    active = report.result("people_active")
    for dimension in ("sex", "age_band", "protection_status", "citizenship"):
        counts = {k: int(v) for k, v in active.breakdowns.get(dimension, {}).items()}
        out.append(PublicTable("people_active", dimension, suppress(counts, threshold)))
    steps = report.result("step_distribution")
    out.append(
        PublicTable(
            "step_distribution", "step", suppress({r.key: int(r.values[0] or 0) for r in steps.rows}, threshold)
        )
    )
    outcomes = report.result("outcomes")
    out.append(
        PublicTable("outcomes", "outcome", suppress({r.key: int(r.values[0] or 0) for r in outcomes.rows}, threshold))
    )
    return out


def _shown(value: int | None) -> str:
    return HIDDEN if value is None else fmt(value)


def write_public_summary(
    target: Path,
    report: IndicatorReport,
    indicators: IndicatorSet,
    *,
    texts: Mapping[str, str],
    language: str,
    scope: str,
    generated: str,
    category: Callable[[str, str], str],
) -> list[PublicTable]:
    """Write the one-page summary; returns the tables as published (for the caller's checks and tests)."""
    s = Styles()
    tables = public_tables(report, indicators.threshold)

    def t(key: str) -> str:
        return texts.get(key, key)

    def label(indicator_id: str) -> str:
        ind = indicators.get(indicator_id)
        return ind.label.get(language) or ind.label["it"]

    period = f"{report.period.start.isoformat()} – {report.period.end.isoformat()}"
    story: list[object] = [
        Paragraph(escape(t("public_title")), s.h1),
        Paragraph(escape(f"{scope} · {period}"), s.h2),
    ]
    heads = [p for p in tables if p.dimension == "total"]
    head_cells = [
        [Paragraph(escape(label(p.indicator_id)), s.small) for p in heads],
        [Paragraph(f"<font size=20><b>{_shown(p.counts.total)}</b></font>", s.base) for p in heads],
    ]
    story += [
        Table(
            head_cells,
            colWidths=[56 * mm] * 3,
            rowHeights=[None, 12 * mm],
            hAlign="LEFT",
            style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]),
        ),
        Spacer(1, 3 * mm),
    ]
    blocks = []
    for p in tables:
        if p.dimension == "total":
            continue
        title = f"{label(p.indicator_id)} — {t('dimension.' + p.dimension)}"
        rows = [[title, t("people")]]
        rows += [[category(p.dimension, k), _shown(v)] for k, v in p.counts.cells.items()]
        rows.append([t("total"), _shown(p.counts.total)])
        blocks.append(table(rows, s, [58 * mm, 20 * mm]))
    grid = [[blocks[i], blocks[i + 1] if i + 1 < len(blocks) else ""] for i in range(0, len(blocks), 2)]
    story.append(
        Table(
            grid,
            colWidths=[85 * mm, 85 * mm],
            hAlign="LEFT",
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            ),
        )
    )
    hidden = sum(p.counts.suppressed for p in tables)
    story.append(Spacer(1, 3 * mm))
    if all(p.counts.total is None for p in heads[1:2]):
        story.append(Paragraph(escape(t("public_too_few")), s.base))
    story.append(Paragraph(escape(t("public_rule").format(threshold=indicators.threshold, mark=HIDDEN)), s.small))
    story.append(Paragraph(escape(t("public_hidden").format(n=hidden)), s.small))
    story.append(Paragraph(escape(t("public_footer").format(generated=generated)), s.small))
    doc = SimpleDocTemplate(
        str(target),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=16 * mm,
        bottomMargin=14 * mm,
        title=t("public_title"),
        author="I.Am Desk",
    )
    doc.build(story)
    return tables
