"""The "Agenda" section. Until plans, actions and follow-ups arrive with the pathway, it lists the residence permits
that expire within the desk's alert window or have already expired (``desk.cases.permit_alerts``): the person, the
expiry date, the days left (expired in red) and whether a renewal was asked for. A line says what else will appear
here. Enter or a double click opens the case."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from iam_desktop.domain.alerts import PermitAlert
from iam_desktop.services.desk import Desk

from ..tasks import TaskRunner
from ..widgets import heading

EXPIRED = QColor("#b00020")
EXPIRING = QColor("#8a5300")


class AgendaView(QWidget):
    open_case_requested = Signal(str)

    def __init__(self, desk: Desk, runner: TaskRunner, parent: QWidget | None = None) -> None:
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
        self.later_label = QLabel()
        self.later_label.setWordWrap(True)
        self.later_label.setStyleSheet("color: palette(placeholder-text); font-size: 11pt;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.later_label)
        layout.addSpacing(8)
        layout.addWidget(self.permits_title)
        layout.addWidget(self.nothing_label)
        layout.addWidget(self.permits, 1)
        self.permits.itemActivated.connect(
            lambda item, _col: self.open_case_requested.emit(item.data(0, Qt.ItemDataRole.UserRole))
        )
        self.retranslate()

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Agenda"))
        self.later_label.setText(
            self.tr("Plans, actions coming due and follow-ups of the desk's cases will also appear here.")
        )
        self.permits_title.setText(self.tr("Residence permits expiring"))
        self.permits.setHeaderLabels([self.tr("Person"), self.tr("Expires on"), self.tr("Days left"),
                                      self.tr("Renewal requested")])  # fmt: skip
        self.nothing_label.setText(self.tr("No permit expires within the alert window."))
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reload(self) -> None:
        cases = self._desk.cases
        self._runner.run_database(cases.permit_alerts, self._loaded)

    def _loaded(self, alerts: list[PermitAlert]) -> None:
        if self._desk.unlocked:
            self.alerts = sorted(alerts, key=lambda a: a.days_left)
            self._show()

    def clear(self) -> None:
        self.alerts = []
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
