"""The dashboard's charts (QtCharts), each built once and updated in place when the figures change: ``BarChart``
(vertical or horizontal bars, one bar set per series — the step funnel, the time on each step, the trend by month)
and ``PieChart`` (outcomes at closure). Updating replaces the values of the existing bar sets and slices and the
axis categories, so changing the period at 10,000 cases redraws without rebuilding any widget."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

PALETTE = ("#2f6f9f", "#e08a2c", "#4e9a5b", "#b5485d", "#7a63a8", "#8c8c8c")


def _chart() -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


class BarChart(QChartView):
    """Bars by category, one set per named series; ``horizontal`` draws the categories down the side."""

    def __init__(self, horizontal: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(360, 240)
        self.horizontal = horizontal
        chart = _chart()
        self.series: QAbstractBarSeries = QHorizontalBarSeries() if horizontal else QBarSeries()
        self.series.setLabelsVisible(True)
        self.series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.series.setLabelsFormat("@value")
        chart.addSeries(self.series)
        self.categories = QBarCategoryAxis()
        self.values = QValueAxis()
        self.values.setLabelFormat("%d")
        category_side, value_side = (
            (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
            if horizontal
            else (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft)
        )
        chart.addAxis(self.categories, category_side)
        chart.addAxis(self.values, value_side)
        self.series.attachAxis(self.categories)
        self.series.attachAxis(self.values)
        self.setChart(chart)

    def sets(self) -> list[QBarSet]:
        return list(self.series.barSets())

    def update_bars(self, categories: Sequence[str], named: Sequence[tuple[str, Sequence[float | None]]]) -> None:
        """New categories and values; the bar sets are kept when their number does not change."""
        existing = self.sets()
        if len(existing) != len(named):
            self.series.clear()
            existing = []
            for n in range(len(named)):
                bar_set = QBarSet("")
                bar_set.setColor(QColor(PALETTE[n % len(PALETTE)]))
                self.series.append(bar_set)
                existing.append(bar_set)
        top = 0.0
        for bar_set, (name, values) in zip(existing, named, strict=True):
            bar_set.setLabel(name)
            numbers = [float(v) if v is not None else 0.0 for v in values]
            if bar_set.count():
                bar_set.remove(0, bar_set.count())
            bar_set.append(numbers)
            top = max([top, *numbers])
        self.categories.setCategories(list(categories))
        self.values.setRange(0, max(1.0, top * 1.15))
        self.values.applyNiceNumbers()
        self.chart().legend().setVisible(len(named) > 1)

    def clear(self) -> None:
        self.series.clear()
        self.categories.clear()


class PieChart(QChartView):
    """Slices by category with their count and share in the legend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(360, 240)
        chart = _chart()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        self.series = QPieSeries()
        self.series.setPieSize(0.75)
        chart.addSeries(self.series)
        self.setChart(chart)

    def update_slices(self, slices: Sequence[tuple[str, float]]) -> None:
        existing = list(self.series.slices())
        if len(existing) != len(slices):
            self.series.clear()
            existing = [self.series.append("", 1.0) for _ in slices]
            for n, piece in enumerate(existing):
                piece.setColor(QColor(PALETTE[n % len(PALETTE)]))
        total = sum(v for _, v in slices) or 1.0
        for piece, (label, value) in zip(existing, slices, strict=True):
            piece.setValue(value)
            piece.setLabel(f"{label}: {value:g} ({100 * value / total:.0f}%)")

    def clear(self) -> None:
        self.series.clear()
