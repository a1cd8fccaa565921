"""The Monitoraggio section: period and scope at the top with the "PDF report…" and "Public summary…" buttons, the
headline figures (people new, active and discharged, median days on a step, work and own home at exit), a box of
data-quality warnings when there are any, then one tab per chart — step funnel, time on each step, outcomes at
closure, trend by month — each with its table and definition, and a tab with every other indicator. Computations
run on the task runner's worker (``desk.monitoring.compute``) and come back by signal; a newer request makes older
answers stale, so only the latest period is shown. The section recomputes when shown if something changed while it
was hidden (``cases_changed`` marks it stale), and ``clear`` forgets every figure on lock. Texts of indicators come
from the indicators file in the UI language; the rest goes through ``tr()``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.domain.indicator_engine import IndicatorReport, Result
from iam_desktop.services.desk import Desk
from iam_desktop.services.monitoring import Scope

from ..errors import ErrorDialog
from ..pdf_preview import PrivateTempDir, open_pdf
from ..tasks import TaskRunner
from ..widgets import heading
from .charts import BarChart, PieChart
from .others import OtherIndicators
from .panels import MUTED, IndicatorPanel
from .selectors import PeriodSelector
from .tables import Table, Words, format_number, main_table, share

CHARTED = ("step_distribution", "time_on_step", "outcomes", "people_by_month")
FIGURES = ("new", "active", "closed", "median_days", "work_at_exit", "home_at_exit")


class Figure(QFrame):
    """One headline figure: a big number over a caption."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value_label = heading(size_delta=8)
        self.caption_label = QLabel()
        self.caption_label.setWordWrap(True)
        self.caption_label.setStyleSheet(MUTED)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)


class MonitoringView(QWidget):
    """The dashboard; ``report`` is what it shows (None before the first computation and after ``clear``)."""

    def __init__(
        self,
        desk: Desk,
        runner: TaskRunner,
        errors: ErrorDialog,
        language: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._errors = errors
        self._language = language
        self.report: IndicatorReport | None = None
        self.shown_period: tuple[dt.date, dt.date] | None = None
        self.shown_scope: Scope | None = None
        self.stale = True
        self._generation = 0
        self.previews: list[QDialog] = []

        self.title_label = heading(size_delta=6)
        self.selector = PeriodSelector()
        self.selector.changed.connect(self.refresh)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # indeterminate: the computation reports no progress
        self.busy.setFixedWidth(90)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.report_button = QPushButton()
        self.public_button = QPushButton()
        self.report_button.clicked.connect(lambda: self.print_document("report"))
        self.public_button.clicked.connect(lambda: self.print_document("public"))
        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addSpacing(12)
        top.addWidget(self.selector)
        top.addWidget(self.busy)
        top.addStretch(1)
        top.addWidget(self.report_button)
        top.addWidget(self.public_button)

        self.figures = {name: Figure() for name in FIGURES}
        strip = QGridLayout()
        strip.setSpacing(8)
        for column, name in enumerate(FIGURES):
            strip.addWidget(self.figures[name], 0, column)
        self.warnings_label = QLabel()
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet(
            "background: #fff4d6; border: 1px solid #e0b050; color: #5a3d00; padding: 6px; border-radius: 3px;"
        )
        self.warnings_label.hide()

        self.funnel = IndicatorPanel(BarChart(horizontal=True), language, "step_distribution")
        self.times = IndicatorPanel(BarChart(), language, "time_on_step")
        self.outcomes = IndicatorPanel(PieChart(), language, "outcomes")
        self.trend = IndicatorPanel(BarChart(), language, "people_by_month")
        self.others = OtherIndicators(language, self.unit_word)
        self.tabs = QTabWidget()
        for panel in (self.funnel, self.times, self.outcomes, self.trend, self.others):
            self.tabs.addTab(panel, "")
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(strip)
        content_layout.addWidget(self.warnings_label)
        content_layout.addWidget(self.tabs, 1)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: palette(placeholder-text); font-size: 13pt; padding: 40px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(content)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.retranslate()

    # -- texts ---------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Monitoring"))
        self.report_button.setText(self.tr("PDF report…"))
        self.report_button.setToolTip(self.tr("The monitoring report for the funder, for the period and scope chosen"))
        self.public_button.setText(self.tr("Public summary…"))
        self.public_button.setToolTip(self.tr("One page of figures safe to publish: small numbers are hidden"))
        tabs = (self.tr("Steps"), self.tr("Time on each step"), self.tr("Outcomes"), self.tr("Trend by month"),
                self.tr("All indicators"))  # fmt: skip
        for index, text in enumerate(tabs):
            self.tabs.setTabText(index, text)
        if self.report is not None:
            self._show(self.report)
        else:
            self._show_empty()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def unit_word(self, unit: str) -> str:
        words = {"people": self.tr("People"), "days": self.tr("Days"), "hours": self.tr("Hours"),
                 "courses": self.tr("Courses"), "initiatives": self.tr("Initiatives"), "sessions": self.tr("Sessions"),
                 "referrals": self.tr("Referrals"), "percent": "%"}  # fmt: skip
        return words.get(unit, unit)

    def words(self) -> Words:
        monitoring = self._desk.monitoring
        return Words(monitoring.indicators, self._language(), monitoring.desk_names())

    # -- computing -----------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale and self._desk.unlocked:
            self.refresh()

    def cases_changed(self) -> None:
        """Cases were written: recompute now if the section is on screen, else when it is next shown."""
        if self.isVisible():
            self.refresh()
        else:
            self.stale = True

    def refresh(self) -> None:
        """Compute the chosen period and scope on the worker; the answer replaces what is shown."""
        if not self._desk.unlocked:
            return
        self.stale = False
        self._generation += 1
        generation = self._generation
        start, end = self.selector.period()
        wanted = self.selector.scope()
        monitoring = self._desk.monitoring

        def work() -> tuple[list[tuple[Scope, str]], Scope, IndicatorReport]:
            scopes = monitoring.scopes()
            chosen = wanted if wanted in scopes else monitoring.own_scope()
            labelled = [(s, monitoring.scope_label(s)) for s in scopes]
            return labelled, chosen, monitoring.compute(start, end, chosen)

        self.busy.show()
        self._runner.run_database(
            work,
            lambda answer: self._computed(generation, (start, end), answer),
            lambda error: self._failed(generation, error),
        )

    def _computed(
        self,
        generation: int,
        period: tuple[dt.date, dt.date],
        answer: tuple[list[tuple[Scope, str]], Scope, IndicatorReport],
    ) -> None:
        if generation != self._generation or not self._desk.unlocked:
            return  # a newer request is on its way, or the desk was locked meanwhile
        self.busy.hide()
        scopes, scope, report = answer
        network = self.tr("Whole network")
        self.selector.set_scopes([(s, network if s.is_network else label) for s, label in scopes])
        self.report, self.shown_period, self.shown_scope = report, period, scope
        self._show(report)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.busy.hide()
        if self._desk.unlocked:
            self._errors.show(error)

    def clear(self) -> None:
        """Forget every figure (on lock); the next showing recomputes."""
        self._generation += 1
        self.report = self.shown_period = self.shown_scope = None
        self.stale = True
        self.busy.hide()
        for panel in (self.funnel, self.times, self.outcomes, self.trend):
            panel.chart.clear()  # type: ignore[attr-defined]
            panel.table.set_table(Table())
        self.others.clear()
        self.warnings_label.hide()
        self._show_empty()

    # -- showing -------------------------------------------------------------------------------------------

    def is_empty(self) -> bool:
        return self.stack.currentIndex() == 0

    def _show_empty(self) -> None:
        if self.report is None:
            self.empty_label.setText(self.tr("The figures appear here once they are computed."))
        else:
            self.empty_label.setText(
                self.tr(
                    "No cases in this period: no one was in charge of the desk between these dates. "
                    "Choose another period to see the figures."
                )
            )
        self.stack.setCurrentIndex(0)
        for button in (self.report_button, self.public_button):
            button.setEnabled(self.report is not None)

    def _show(self, report: IndicatorReport) -> None:
        if not report.result("people_active").total:
            self._show_empty()
            return
        words = self.words()
        self.stack.setCurrentIndex(1)
        for button in (self.report_button, self.public_button):
            button.setEnabled(True)
        self._show_figures(report, words)
        self._show_warnings(report, words)
        self._show_funnel(report.result("step_distribution"), words)
        self._show_times(report.result("time_on_step"), words)
        self._show_outcomes(report.result("outcomes"), words)
        self._show_trend(report.result("people_by_month"), words)
        ids = [r.indicator.indicator_id for r in report.results if r.indicator.indicator_id not in CHARTED]
        self.others.set_report(report, ids, words)

    def _show_figures(self, report: IndicatorReport, words: Words) -> None:
        italian = self._language() == "it"

        def number(value: float | None) -> str:
            return format_number(value, italian)

        def at_exit(indicator_id: str) -> tuple[str, str]:
            result = report.result(indicator_id)
            whole = result.extras.get("population", 0)
            part = share(result.total, whole)
            return (f"{number(part)}%" if part is not None else "—"), self.tr("{0} of {1} discharged").format(
                number(result.total), number(whole)
            )

        median = report.result("time_on_step").total
        work, work_detail = at_exit("employment_exit")
        work_caption = self.tr("With a work contract at exit ({0})").format(work_detail)
        home, home_detail = at_exit("housing_exit")
        values = {
            "new": (number(report.result("people_new").total), self.tr("People taken in charge (new)"), "people_new"),
            "active": (number(report.result("people_active").total), self.tr("People in charge"), "people_active"),
            "closed": (number(report.result("people_closed").total), self.tr("People discharged"), "people_closed"),
            "median_days": (
                self.tr("{0} days").format(number(median)) if median is not None else "—",
                self.tr("Median time to climb a step"),
                "time_on_step",
            ),
            "work_at_exit": (work, work_caption, "employment_exit"),
            "home_at_exit": (home, self.tr("In their own home at exit ({0})").format(home_detail), "housing_exit"),
        }
        for name, (value, caption, indicator_id) in values.items():
            figure = self.figures[name]
            figure.value_label.setText(value)
            figure.caption_label.setText(caption)
            figure.setToolTip(words.definition(indicator_id))

    def _show_warnings(self, report: IndicatorReport, words: Words) -> None:
        if not report.warnings:
            self.warnings_label.hide()
            return
        counts: dict[str, int] = {}
        for warning in report.warnings:
            counts[warning.code] = counts.get(warning.code, 0) + 1
        lines = [f"• {words.texts.get(f'warning.{code}', code)}: {n}" for code, n in counts.items()]
        self.warnings_label.setText(f"<b>{words.texts['warnings']}</b> — {words.texts['warnings_intro']}<br>"
                                    + "<br>".join(lines))  # fmt: skip
        self.warnings_label.show()

    def _panel_texts(self, panel: IndicatorPanel, result: Result, words: Words, note: str = "") -> None:
        indicator_id = result.indicator.indicator_id
        panel.set_texts(words.label(indicator_id), words.definition(indicator_id), note)
        panel.table.set_table(main_table(result, words, self.unit_word(result.indicator.unit)))

    def _show_funnel(self, result: Result, words: Words) -> None:
        self._panel_texts(self.funnel, result, words)
        labels = [short_step(words.category("step", row.key)) for row in result.rows][::-1]
        on_step = [row.values[0] for row in result.rows][::-1]
        reached = [row.values[1] for row in result.rows][::-1]
        chart = self.funnel.chart
        assert isinstance(chart, BarChart)
        chart.update_bars(labels, [(words.column("reached"), reached), (words.column("on_step"), on_step)])

    def _show_times(self, result: Result, words: Words) -> None:
        excluded = int(result.extras.get("excluded", 0))
        note = f"{words.side_figure('excluded')}: {excluded}" if excluded else ""
        if not any(row.values[0] for row in result.rows):
            note = self.tr("No step was climbed in this period: no time to measure yet.")
        self._panel_texts(self.times, result, words, note)
        chart = self.times.chart
        assert isinstance(chart, BarChart)
        labels = [f"{words.texts['step']} {row.key}" for row in result.rows]
        chart.update_bars(labels, [(words.column("median"), [row.values[1] for row in result.rows])])

    def _show_outcomes(self, result: Result, words: Words) -> None:
        note = "" if result.total else self.tr("No case was closed in this period.")
        self._panel_texts(self.outcomes, result, words, note)
        chart = self.outcomes.chart
        assert isinstance(chart, PieChart)
        chart.update_slices([(words.category("outcome", row.key), float(row.values[0] or 0)) for row in result.rows])

    def _show_trend(self, result: Result, words: Words) -> None:
        self._panel_texts(self.trend, result, words)
        chart = self.trend.chart
        assert isinstance(chart, BarChart)
        months = [f"{row.key[5:7]}/{row.key[:4]}" for row in result.rows]
        chart.update_bars(
            months,
            [(words.column(c), [row.values[n] for row in result.rows]) for n, c in enumerate(result.columns)],
        )

    # -- documents -----------------------------------------------------------------------------------------

    def print_document(self, kind: str) -> None:
        """Write the report (``report``) or the public summary (``public``) for what is shown, then preview it."""
        if self.report is None or self.shown_period is None:
            return
        start, end = self.shown_period
        scope, report, language = self.shown_scope, self.report, self._language()
        monitoring = self._desk.monitoring
        temp = PrivateTempDir()
        target = temp.file(f"{'monitoraggio' if kind == 'report' else 'sintesi'}-{start}-{end}.pdf")

        def write() -> Path:
            if kind == "report":
                monitoring.write_report(target, start, end, scope, language, report=report)
            else:
                monitoring.write_public_summary(target, start, end, scope, language)
            return target

        def failed(error: BaseException) -> None:
            temp.remove()
            self._errors.show(error)

        button = self.report_button if kind == "report" else self.public_button
        self._runner.run_database(write, lambda pdf: self._preview(pdf, temp, button.text().rstrip("…")), failed)

    def _preview(self, pdf: Path, temp: PrivateTempDir, title: str) -> None:
        preview = open_pdf(pdf, temp, title, self.window())
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.destroyed.connect(lambda _=None, p=preview: self.previews.remove(p) if p in self.previews else None)
        self.previews.append(preview)
        preview.show()


def short_step(label: str, width: int = 30) -> str:
    """ "Gradino 3 · Semi-autonomia: lavoro e …" → "3 · Semi-autonomia: lavoro e…", short enough for an axis."""
    _word, _, rest = label.partition(" ")
    return rest if len(rest) <= width else rest[: width - 1].rstrip() + "…"
