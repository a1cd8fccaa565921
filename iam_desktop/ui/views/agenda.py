"""The "Agenda" section, in three tabs: what is due (``ui.pathway.AgendaPanel``: actions, plan reviews, permit
expiries and follow-ups by day or week, overdue first), the residence permits that expire within the desk's alert
window or have already expired (``desk.cases.permit_alerts``: person, expiry date, days left — expired in red —,
renewal requested), and the coordinator's overview of who is on which step, for how long, and what is overdue
(``ui.pathway.OverviewPanel``). Enter or a double click opens the case."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from iam_desktop.domain.alerts import PermitAlert
from iam_desktop.services.desk import Desk

from ..pathway import AgendaPanel, OverviewPanel
from ..tasks import TaskRunner
from ..widgets import heading

EXPIRED = QColor("#b00020")
EXPIRING = QColor("#8a5300")


class AgendaView(QWidget):
    open_case_requested = Signal(str)

    def __init__(
        self, desk: Desk, runner: TaskRunner, language: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self.alerts: list[PermitAlert] = []
        self.title_label = heading(size_delta=6)
        self.permits_title = heading(size_delta=2)
        self.permits = QTreeWidget()
        self.permits.setColumnCount(4)
        self.permits.setRootIsDecorated(False)
        self.permits.setAlternatingRowColors(True)
        self.permits.setColumnWidth(0, 320)
        self.permits.setColumnWidth(1, 130)
        self.permits.setColumnWidth(2, 200)
        self.nothing_label = QLabel()
        self.nothing_label.setStyleSheet("color: palette(placeholder-text); font-size: 11pt;")
        self.due = AgendaPanel(desk, runner)
        self.overview = OverviewPanel(desk, runner, language)
        permits_page = QWidget()
        permits_layout = QVBoxLayout(permits_page)
        permits_layout.addWidget(self.permits_title)
        permits_layout.addWidget(self.nothing_label)
        permits_layout.addWidget(self.permits, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.due, "")
        self.tabs.addTab(permits_page, "")
        self.tabs.addTab(self.overview, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.tabs, 1)
        self.due.open_case_requested.connect(self.open_case_requested)
        self.overview.open_case_requested.connect(self.open_case_requested)
        self.permits.itemActivated.connect(
            lambda item, _col: self.open_case_requested.emit(item.data(0, Qt.ItemDataRole.UserRole))
        )
        self.retranslate()

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Agenda"))
        self.permits_title.setText(self.tr("Residence permits expiring"))
        self.permits.setHeaderLabels([self.tr("Person"), self.tr("Expires on"), self.tr("Days left"),
                                      self.tr("Renewal requested")])  # fmt: skip
        self.nothing_label.setText(self.tr("No permit expires within the alert window."))
        for index, name in enumerate((self.tr("Due"), self.tr("Residence permits"), self.tr("Steps overview"))):
            self.tabs.setTabText(index, name)
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reload(self) -> None:
        self.due.refresh()
        self.overview.refresh()
        cases = self._desk.cases
        self._runner.run_database(cases.permit_alerts, self._loaded)

    def _loaded(self, alerts: list[PermitAlert]) -> None:
        if self._desk.unlocked:
            self.alerts = sorted(alerts, key=lambda a: a.days_left)
            self._show()

    def clear(self) -> None:
        self.alerts = []
        self.due.clear()
        self.overview.clear()
        self._show()

    def _show(self) -> None:
        self.permits.clear()
        cases = self._desk.cases if self._desk.unlocked else None
        for alert in self.alerts:
            row = cases.row(alert.case_id) if cases is not None else None
            days = alert.days_left
            left = self.tr("expired {0} days ago").format(-days) if days < 0 else self.tr("{0} days").format(days)
            item = QTreeWidgetItem([
                row.display_name if row else "?", alert.expires.strftime("%d/%m/%Y"), left,
                self.tr("yes") if alert.renewal_requested else self.tr("no"),
            ])  # fmt: skip
            item.setData(0, Qt.ItemDataRole.UserRole, alert.case_id)
            colour = EXPIRED if days < 0 else EXPIRING
            for column in (1, 2):
                item.setForeground(column, QBrush(colour))
            self.permits.addTopLevelItem(item)
        self.permits.setVisible(bool(self.alerts))
        self.nothing_label.setVisible(not self.alerts)
