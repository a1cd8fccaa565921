"""The desk's agenda of the pathway (scadenzario): plan actions due, plan reviews, permit expiries and follow-ups
after exit, computed locally by ``desk.pathway.agenda`` so it works offline. A day view and a week view, a date
navigator (previous, today, next, a calendar), the items grouped by day under a line naming the day, each with its
kind, the person and what is due; overdue items are listed first in red, whatever the range shown. A double click
(or Enter) emits ``open_case_requested`` with the case id. ``reminder_text`` is the sentence shown after unlock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QIcon
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.domain.agenda import AgendaItem, AgendaKind
from iam_desktop.services.desk import Desk

from ..tasks import TaskRunner
from ..widgets import heading
from .common import ERROR_COLOUR, MUTED_STYLE, agenda_kind_name, date_edit, from_qdate, to_qdate

DAY, WEEK = "day", "week"


def reminder_text(desk: Desk, today: dt.date | None = None) -> str:
    """The reminder after unlock, e.g. "Oggi: 3 scadenze, 2 in ritardo" (reads the vault: call it on the runner)."""
    day = today or dt.date.today()
    items = desk.pathway.agenda(day, day, today=day)
    due = sum(1 for i in items if i.date == day)
    late = sum(1 for i in items if i.overdue)
    if due == 1:
        due_text = QCoreApplication.translate("AgendaPanel", "1 item due")
    else:
        due_text = QCoreApplication.translate("AgendaPanel", "{0} items due").format(due)
    if late == 1:
        late_text = QCoreApplication.translate("AgendaPanel", "1 overdue")
    else:
        late_text = QCoreApplication.translate("AgendaPanel", "{0} overdue").format(late)
    return QCoreApplication.translate("AgendaPanel", "Today: {0}, {1}").format(due_text, late_text)


@dataclass(frozen=True)
class AgendaPage:
    """What one view shows: the days, the items of each day and the overdue items dated outside them."""

    days: tuple[dt.date, ...]
    overdue: tuple[AgendaItem, ...]
    by_day: dict[dt.date, tuple[AgendaItem, ...]]
    names: dict[str, str]

    @property
    def count(self) -> int:
        return len(self.overdue) + sum(len(items) for items in self.by_day.values())


def read_page(desk: Desk, mode: str, anchor: dt.date, today: dt.date) -> AgendaPage:
    first = anchor - dt.timedelta(days=anchor.weekday()) if mode == WEEK else anchor
    days = tuple(first + dt.timedelta(days=n) for n in range(7 if mode == WEEK else 1))
    items = desk.pathway.agenda(days[0], days[-1], today=today)
    shown = set(days)
    names = {}
    for item in items:
        if item.case_id not in names:
            row = desk.cases.row(item.case_id)
            names[item.case_id] = row.display_name if row else "?"
    return AgendaPage(
        days=days,
        overdue=tuple(i for i in items if i.date not in shown),
        by_day={day: tuple(i for i in items if i.date == day) for day in days},
        names=names,
    )


class AgendaPanel(QWidget):
    """Day and week views of the desk's pathway agenda."""

    open_case_requested = Signal(str)

    def __init__(
        self, desk: Desk, runner: TaskRunner, today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._today = today
        self.mode = DAY
        self.page: AgendaPage | None = None
        self.title_label = heading(size_delta=4)
        self.range_label = heading(size_delta=2, bold=False)
        self.day_button = QPushButton()
        self.week_button = QPushButton()
        self.modes = QButtonGroup(self)
        for button in (self.day_button, self.week_button):
            button.setCheckable(True)
            self.modes.addButton(button)
        self.day_button.setChecked(True)
        self.previous_button = QPushButton("◀")
        self.today_button = QPushButton()
        self.next_button = QPushButton("▶")
        for button in (self.previous_button, self.next_button):
            button.setFixedWidth(40)
        self.date_edit = date_edit(today())
        self.summary_label = QLabel()
        self.summary_label.setStyleSheet(MUTED_STYLE)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setColumnWidth(0, 460)
        self.tree.setColumnWidth(1, 200)
        self.tree.setColumnWidth(2, 200)
        self.tree.setAlternatingRowColors(True)
        bar = QHBoxLayout()
        bar.addWidget(self.title_label)
        bar.addSpacing(16)
        bar.addWidget(self.day_button)
        bar.addWidget(self.week_button)
        bar.addSpacing(16)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.today_button)
        bar.addWidget(self.next_button)
        bar.addWidget(self.date_edit)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.range_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tree, 1)
        self.day_button.clicked.connect(lambda: self.set_mode(DAY))
        self.week_button.clicked.connect(lambda: self.set_mode(WEEK))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(lambda: self.go_to(self._today()))
        self.date_edit.dateChanged.connect(lambda _d: self.refresh())
        self.tree.itemActivated.connect(self._activated)
        self.retranslate()

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Pathway agenda"))
        self.day_button.setText(self.tr("&Day"))
        self.week_button.setText(self.tr("&Week"))
        self.today_button.setText(self.tr("&Today"))
        self.previous_button.setToolTip(self.tr("Previous"))
        self.next_button.setToolTip(self.tr("Next"))
        self.tree.setHeaderLabels([self.tr("What"), self.tr("Person"), self.tr("Kind"), self.tr("Due")])
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- navigation ----------------------------------------------------------------------------------------

    def anchor(self) -> dt.date:
        return from_qdate(self.date_edit.date())

    def go_to(self, day: dt.date) -> None:
        if day == self.anchor():
            self.refresh()
        self.date_edit.setDate(to_qdate(day))

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        (self.day_button if mode == DAY else self.week_button).setChecked(True)
        self.refresh()

    def step(self, direction: int) -> None:
        self.go_to(self.anchor() + dt.timedelta(days=direction * (7 if self.mode == WEEK else 1)))

    # -- loading and showing -------------------------------------------------------------------------------

    def refresh(self) -> None:
        if not self._desk.unlocked:
            return
        mode, anchor, today = self.mode, self.anchor(), self._today()

        def arrived(page: object) -> None:
            if isinstance(page, AgendaPage) and self._desk.unlocked:
                self.page = page
                self._show()

        self._runner.run_database(lambda: read_page(self._desk, mode, anchor, today), arrived)

    def clear(self) -> None:
        self.page = None
        self._show()

    def day_name(self, day: dt.date) -> str:
        return QLocale().toString(to_qdate(day), "dddd d MMMM yyyy")

    def kind_icon(self, kind: AgendaKind) -> QIcon:
        pixmaps = {
            AgendaKind.AZIONE: QStyle.StandardPixmap.SP_FileDialogDetailedView,
            AgendaKind.REVISIONE_PIANO: QStyle.StandardPixmap.SP_FileDialogContentsView,
            AgendaKind.SCADENZA_PERMESSO: QStyle.StandardPixmap.SP_MessageBoxWarning,
            AgendaKind.FOLLOW_UP: QStyle.StandardPixmap.SP_DialogYesButton,
        }
        return self.style().standardIcon(pixmaps[kind])

    def what(self, item: AgendaItem) -> str:
        if item.kind is AgendaKind.AZIONE:
            return item.text
        if item.kind is AgendaKind.REVISIONE_PIANO:
            return self.tr("Review the individual plan with the person")
        if item.kind is AgendaKind.SCADENZA_PERMESSO:
            return self.tr("Residence permit expires: check the renewal")
        return self.tr("Follow-up contact {0} months after exit").format(item.ref.rstrip("m"))

    def _show(self) -> None:
        self.tree.clear()
        page = self.page
        if page is None:
            self.range_label.clear()
            self.summary_label.clear()
            return
        if len(page.days) == 1:
            self.range_label.setText(self.day_name(page.days[0]))
        else:
            self.range_label.setText(
                self.tr("Week from {0} to {1}").format(self.day_name(page.days[0]), self.day_name(page.days[-1]))
            )
        late = sum(1 for i in page.overdue) + sum(1 for items in page.by_day.values() for i in items if i.overdue)
        self.summary_label.setText(self.tr("{0} items, {1} overdue").format(page.count, late))
        bold = QFont(self.tree.font())
        bold.setBold(True)
        red = QBrush(QColor(ERROR_COLOUR))
        if page.overdue:
            group = QTreeWidgetItem([self.tr("Overdue ({0})").format(len(page.overdue))])
            group.setFont(0, bold)
            group.setForeground(0, red)
            group.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(group)
            for item in page.overdue:
                self._add(group, item, page)
        for day in page.days:
            items = page.by_day.get(day, ())
            header = self.day_name(day) if items else self.tr("{0}: nothing due").format(self.day_name(day))
            group = QTreeWidgetItem([header])
            group.setFont(0, bold)
            group.setFirstColumnSpanned(True)
            if day == self._today():
                group.setText(0, self.tr("{0} (today)").format(header))
            self.tree.addTopLevelItem(group)
            for item in items:
                self._add(group, item, page)
        self.tree.expandAll()

    def _add(self, group: QTreeWidgetItem, item: AgendaItem, page: AgendaPage) -> None:
        row = QTreeWidgetItem(
            group, [self.what(item), page.names.get(item.case_id, "?"), agenda_kind_name(item.kind),
                    item.date.strftime("%d/%m/%Y")],
        )  # fmt: skip
        row.setIcon(0, self.kind_icon(item.kind))
        row.setData(0, Qt.ItemDataRole.UserRole, item.case_id)
        row.setToolTip(0, self.what(item))
        if item.overdue:
            for column in range(4):
                row.setForeground(column, QBrush(QColor(ERROR_COLOUR)))
            row.setToolTip(3, self.tr("overdue"))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        case_id = item.data(0, Qt.ItemDataRole.UserRole)
        if case_id:
            self.open_case_requested.emit(str(case_id))
