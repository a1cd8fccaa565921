"""The periodic monitoring report for the funder (rapporto di monitoraggio): a cover, a summary of the headline
figures, then each indicator with its definition, a chart drawn with reportlab graphics and its table, the
data-quality warnings and the methodology notes. It prints an ``IndicatorReport`` as it is — small numbers included,
so the report is for the partnership and the funder, not for publication (the public summary is). Words come from
the caller (``texts``, already in the chosen language) and from the indicators file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from iam_desktop.domain.indicator_engine import IndicatorReport, Result, Status
from iam_desktop.domain.indicators import IndicatorSet
from iam_desktop.printing import fonts

ACCENT = colors.HexColor("#1f5f8b")
SECOND = colors.HexColor("#9cc3de")
GRID = colors.HexColor("#bbbbbb")
WIDTH = 170 * mm


def fmt(value: float | None) -> str:
    if value is None:
        return "—"
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:.1f}".replace(".", ",")


class Styles:
    def __init__(self) -> None:
        fonts.register()
        self.base = ParagraphStyle("base", fontName=fonts.REGULAR, fontSize=9.5, leading=13)
        self.small = ParagraphStyle("small", parent=self.base, fontSize=8, leading=10.5, textColor=colors.grey)
        self.cell = ParagraphStyle("cell", parent=self.base, fontSize=8.5, leading=11)
        self.title = ParagraphStyle("title", parent=self.base, fontName=fonts.BOLD, fontSize=24, leading=30)
        self.h1 = ParagraphStyle(
            "h1",
            parent=self.base,
            fontName=fonts.BOLD,
            fontSize=15,
            leading=20,
            spaceBefore=6,
            spaceAfter=6,
            textColor=ACCENT,
        )
        self.h2 = ParagraphStyle(
            "h2", parent=self.base, fontName=fonts.BOLD, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=3
        )
        self.definition = ParagraphStyle("def", parent=self.base, textColor=colors.HexColor("#444444"), spaceAfter=4)


def table(rows: Sequence[Sequence[str]], styles: Styles, widths: Sequence[float] | None = None) -> Table:
    data = [[Paragraph(escape(c), styles.cell) for c in row] for row in rows]
    t = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), fonts.BOLD),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8f0f6")),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return t


def bar_chart(
    labels: Sequence[str], series: Sequence[Sequence[float]], *, horizontal: bool = False, height: float = 55 * mm
) -> Drawing:
    drawing = Drawing(WIDTH, height)
    chart: VerticalBarChart | HorizontalBarChart = HorizontalBarChart() if horizontal else VerticalBarChart()
    left = 45 * mm if horizontal else 12 * mm
    chart.x, chart.y = left, 10 * mm if not horizontal else 4 * mm
    chart.width, chart.height = WIDTH - left - 6 * mm, height - (16 * mm if not horizontal else 8 * mm)
    chart.data = [list(s) for s in series]
    chart.categoryAxis.categoryNames = [lbl if len(lbl) <= 28 else lbl[:27] + "…" for lbl in labels]
    chart.categoryAxis.labels.fontName = fonts.REGULAR
    chart.categoryAxis.labels.fontSize = 7
    if not horizontal:
        chart.categoryAxis.labels.angle = 20 if len(labels) > 6 else 0
        chart.categoryAxis.labels.boxAnchor = "ne" if len(labels) > 6 else "n"
    else:
        chart.categoryAxis.reverseDirection = True
    chart.valueAxis.labels.fontName = fonts.REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max((v for s in series for v in s), default=0)
    chart.valueAxis.valueMax = max(top * 1.1, 4)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e5e5e5")
    for i, colour in enumerate((ACCENT, SECOND)):
        if i < len(series):
            chart.bars[i].fillColor = colour
            chart.bars[i].strokeColor = None
    chart.barLabels.fontName = fonts.REGULAR
    chart.barLabels.fontSize = 6.5
    chart.barLabelFormat = lambda v: fmt(v) if v else ""
    chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing


def line_chart(labels: Sequence[str], series: Sequence[Sequence[float]], height: float = 50 * mm) -> Drawing:
    drawing = Drawing(WIDTH, height)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 12 * mm, 10 * mm, WIDTH - 20 * mm, height - 16 * mm
    chart.data = [list(s) for s in series]
    step = max(1, len(labels) // 12)
    chart.categoryAxis.categoryNames = [lbl if i % step == 0 else "" for i, lbl in enumerate(labels)]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = fonts.REGULAR
    chart.categoryAxis.labels.fontSize = chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(max((v for s in series for v in s), default=0) * 1.1, 4)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e5e5e5")
    for i, colour in enumerate((ACCENT, colors.HexColor("#d0802a"))):
        if i < len(series):
            chart.lines[i].strokeColor = colour
            chart.lines[i].strokeWidth = 1.6
    drawing.add(chart)
    return drawing


class ReportWriter:
    """Turns an ``IndicatorReport`` into flowables; ``category`` labels a (dimension, code) pair."""

    def __init__(
        self,
        report: IndicatorReport,
        indicators: IndicatorSet,
        texts: Mapping[str, str],
        language: str,
        category: Callable[[str, str], str],
    ) -> None:
        self.report = report
        self.indicators = indicators
        self.texts = texts
        self.language = language
        self.category = category
        self.styles = Styles()

    def t(self, key: str) -> str:
        return self.texts.get(key, key)

    def label(self, result: Result) -> str:
        return result.indicator.label.get(self.language) or result.indicator.label["it"]

    def column(self, code: str) -> str:
        return self.indicators.label("column", code, self.language)

    def headline(self, result: Result) -> str:
        if result.status is Status.NOT_AVAILABLE:
            return self.t("not_available_short")
        text = fmt(result.total)
        population = result.extras.get("population")
        return f"{text} / {fmt(population)}" if population is not None else text

    def summary(self) -> list[object]:
        s = self.styles
        rows = [[self.t("indicator"), self.t("value")]]
        rows += [[self.label(r), self.headline(r)] for r in self.report.results]
        return [
            Paragraph(self.t("summary"), s.h1),
            Paragraph(self.t("summary_note"), s.definition),
            table(rows, s, [130 * mm, 40 * mm]),
        ]

    def chart(self, result: Result) -> Drawing | None:
        ind = result.indicator
        if ind.chart == "none" or (not result.rows and not result.breakdowns):
            return None
        labels = [self.category(result.dimension, r.key) for r in result.rows]
        if result.dimension == "step" and ind.chart != "funnel":
            labels = [f"{self.t('step')} {r.key}" for r in result.rows]  # full step names overlap under the bars
        if ind.chart == "line":
            return line_chart(
                labels, [[v or 0 for v in col] for col in zip(*(r.values for r in result.rows), strict=True)]
            )
        if ind.chart == "funnel":
            return bar_chart(
                labels,
                [[r.values[1] or 0 for r in result.rows]],
                horizontal=True,
                height=max(30 * mm, 9 * mm * len(labels)),
            )
        if result.dimension == "step" and result.columns[:2] == ("stays", "median"):
            return bar_chart(labels, [[r.values[1] or 0 for r in result.rows]])
        if result.rows and result.dimension != "all":
            return bar_chart(labels, [[r.values[0] or 0 for r in result.rows]])
        # The first breakdown that splits the figure at all (one desk only is not worth a chart).
        for dimension, counts in result.breakdowns.items():
            if len(counts) > 1:
                return bar_chart([self.category(dimension, k) for k in counts], [list(counts.values())])
        return None

    def section(self, result: Result) -> list[object]:
        s = self.styles
        ind = result.indicator
        head: list[object] = [
            Paragraph(escape(self.label(result)), s.h2),
            Paragraph(escape(ind.definition.get(self.language) or ind.definition["it"]), s.definition),
        ]
        if result.status is Status.NOT_AVAILABLE:
            return [KeepTogether([*head, Paragraph(self.t("not_available"), s.base)])]
        body: list[object] = [Paragraph(f"{escape(self.t('headline'))}: <b>{self.headline(result)}</b>", s.base)]
        if result.extras:
            extras = "; ".join(
                f"{self.indicators.label('extra', k, self.language)}: {fmt(v)}" for k, v in result.extras.items()
            )
            body.append(Paragraph(escape(extras), s.small))
        drawing = self.chart(result)
        if drawing is not None:
            body.append(drawing)
        if result.rows:
            rows = [[self.t(f"dimension.{result.dimension}"), *(self.column(c) for c in result.columns)]]
            rows += [[self.category(result.dimension, r.key), *(fmt(v) for v in r.values)] for r in result.rows]
            first = 60 * mm
            rest = (WIDTH - first) / max(1, len(result.columns))
            body.append(table(rows, s, [first, *([rest] * len(result.columns))]))
        for dimension, counts in result.breakdowns.items():
            if not counts:
                continue
            body.append(Spacer(1, 2 * mm))
            rows = [
                [self.t(f"dimension.{dimension}"), self.column("people") if ind.unit == "people" else self.t("value")]
            ]
            rows += [[self.category(dimension, k), fmt(v)] for k, v in counts.items()]
            body.append(table(rows, s, [90 * mm, 30 * mm]))
        return [KeepTogether(head + body[:3]), *body[3:], Spacer(1, 3 * mm)]

    def warnings(self) -> list[object]:
        s = self.styles
        out: list[object] = [Paragraph(self.t("warnings"), s.h1)]
        if not self.report.warnings:
            return [*out, Paragraph(self.t("warnings_none"), s.base)]
        out.append(Paragraph(self.t("warnings_intro"), s.definition))
        counts = Counter(w.code for w in self.report.warnings)
        out.append(
            table(
                [[self.t("warning"), self.t("cases")]]
                + [[self.t(f"warning.{c}"), fmt(n)] for c, n in counts.most_common()],
                s,
                [120 * mm, 30 * mm],
            )
        )
        listed = self.report.warnings[:60]
        rows = [[self.t("warning"), self.t("case_ref"), self.t("date")]]
        rows += [[self.t(f"warning.{w.code}"), w.case_id[:8], w.date.isoformat()] for w in listed]
        out += [Spacer(1, 3 * mm), table(rows, s, [90 * mm, 40 * mm, 30 * mm])]
        if len(self.report.warnings) > len(listed):
            out.append(Paragraph(self.t("warnings_more").format(n=len(self.report.warnings) - len(listed)), s.small))
        return out


def write_monitoring_report(
    target: Path,
    report: IndicatorReport,
    indicators: IndicatorSet,
    *,
    texts: Mapping[str, str],
    language: str,
    scope: str,
    generated: str,
    category: Callable[[str, str], str],
) -> None:
    """Write the report. ``texts`` maps this module's keys (``title``, ``summary`` …) to words in ``language``."""
    writer = ReportWriter(report, indicators, texts, language, category)
    s = writer.styles
    period = f"{report.period.start.isoformat()} – {report.period.end.isoformat()}"
    cover: list[object] = [
        Spacer(1, 50 * mm),
        Paragraph(escape(writer.t("title")), s.title),
        Spacer(1, 4 * mm),
        Paragraph(escape(writer.t("subtitle")), s.h2),
        Spacer(1, 14 * mm),
        table(
            [
                [writer.t("scope"), scope],
                [writer.t("period"), period],
                [writer.t("cases"), fmt(report.cases)],
                [writer.t("generated"), generated],
                [writer.t("indicator_set"), f"{indicators.set_id} {indicators.version}"],
            ],
            s,
            [50 * mm, 110 * mm],
        ),
        Spacer(1, 20 * mm),
        Paragraph(escape(writer.t("confidential")), s.definition),
        PageBreak(),
    ]
    story: list[object] = [*cover, *writer.summary(), PageBreak(), Paragraph(writer.t("indicators"), s.h1)]
    for result in report.results:
        story += writer.section(result)
    story += [PageBreak(), *writer.warnings(), Paragraph(writer.t("methodology"), s.h1)]
    story += [Paragraph(escape(p), s.base) for p in writer.t("methodology_text").split("\n") if p.strip()]

    def footer(canvas: object, doc: SimpleDocTemplate) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont(fonts.REGULAR, 7.5)  # type: ignore[attr-defined]
        canvas.setFillColor(colors.grey)  # type: ignore[attr-defined]
        canvas.drawString(20 * mm, 10 * mm, f"{writer.t('title')} · {scope} · {period}")  # type: ignore[attr-defined]
        canvas.drawRightString(190 * mm, 10 * mm, str(doc.page))  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    doc = SimpleDocTemplate(
        str(target),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=writer.t("title"),
        author="I.Am Desk",
    )
    doc.build(story, onFirstPage=lambda c, d: None, onLaterPages=footer)
