"""The coordinator's overview of the pathway: who is on which step, for how long, and what is overdue, at a glance.
At the top one count per step of the ladder (and the overdue total); below, a sortable table (model/view) of the
desk's open cases with their step, since when, days on the step and overdue agenda items, overdue counts in red.
A double click (or Enter) emits ``open_case_requested`` with the case id. The figures come from
``desk.pathway.overview``; operators who are not coordinators see a line saying the overview is theirs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.services.desk import Desk
from iam_desktop.services.pathway import CaseProgress

from ..tasks import TaskRunner
from ..widgets import heading
from .common import ERROR_COLOUR, MUTED_STYLE, is_coordinator, ladder_text, show_date

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 2


class OverviewModel(QAbstractTableModel):
    """Open cases with their step, since when, days on the step and overdue items."""

    PERSON, STEP, SINCE, DAYS, OVERDUE = range(5)

    def __init__(self, step_name: Callable[[int], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CaseProgress] = []
        self._step_name = step_name

    def set_rows(self, rows: list[CaseProgress]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Person"), self.tr("Step"), self.tr("On the step since"), self.tr("Days on the step"),
                self.tr("Overdue"))[section]  # fmt: skip

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == CASE_ID_ROLE:
            return row.case_id
        if role == SORT_ROLE:
            return (row.display_name.casefold(), row.step, row.since.toordinal(), row.days_on_step, row.overdue)[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.PERSON:
                return row.display_name
            if column == self.STEP:
                return f"{row.step} · {self._step_name(row.step)}"
            if column == self.SINCE:
                return show_date(row.since)
            if column == self.DAYS:
                return str(row.days_on_step)
            return str(row.overdue) if row.overdue else "–"
        if role == Qt.ItemDataRole.ForegroundRole and column == self.OVERDUE and row.overdue:
            return QBrush(QColor(ERROR_COLOUR))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.DAYS, self.OVERDUE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class OverviewPanel(QWidget):
    """Counts per step and the table of open cases, for coordinators."""

    open_case_requested = Signal(str)

    def __init__(
        self, desk: Desk, runner: TaskRunner, language: Callable[[], str],
        today: Callable[[], dt.date] = dt.date.today, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._language = language
        self._today = today
        self.title_label = heading(size_delta=4)
        self.not_yours = QLabel()
        self.not_yours.setStyleSheet(MUTED_STYLE)
        self.step_counts: list[tuple[QLabel, QLabel]] = []
        counts = QHBoxLayout()
        for _step in desk.pathway.ladder.steps:
            frame = QFrame()
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            number, name = heading(size_delta=8), QLabel()
            name.setWordWrap(True)
            box = QVBoxLayout(frame)
            box.addWidget(number)
            box.addWidget(name)
            counts.addWidget(frame, 1)
            self.step_counts.append((number, name))
        overdue_frame = QFrame()
        overdue_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.overdue_count, self.overdue_name = heading(size_delta=8), QLabel()
        self.overdue_count.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.overdue_name.setWordWrap(True)
        box = QVBoxLayout(overdue_frame)
        box.addWidget(self.overdue_count)
        box.addWidget(self.overdue_name)
        counts.addWidget(overdue_frame, 1)
        self.model = OverviewModel(self._step_name, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(OverviewModel.STEP, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((300, 380, 170, 150)):
            self.table.setColumnWidth(column, width)
        self.counts_frame = QWidget()
        self.counts_frame.setLayout(counts)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.not_yours)
        layout.addWidget(self.counts_frame)
        layout.addWidget(self.table, 1)
        self.table.activated.connect(self._activated)
        self.retranslate()

    def _step_name(self, number: int) -> str:
        ladder = self._desk.pathway.ladder
        return ladder_text(ladder.step(number).label, self._language()) if 1 <= number <= ladder.last else "?"

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Pathway overview"))
        self.not_yours.setText(self.tr("The overview of the desk's cases is for coordinators."))
        self.overdue_name.setText(self.tr("overdue items"))
        self._counts()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        coordinator = is_coordinator(self._desk)
        self.not_yours.setVisible(not coordinator)
        self.counts_frame.setVisible(coordinator)
        self.table.setVisible(coordinator)
        if not coordinator:
            self.model.set_rows([])
            return
        today = self._today()

        def arrived(rows: object) -> None:
            if isinstance(rows, list) and self._desk.unlocked:
                self.model.set_rows(rows)
                self._counts()

        self._runner.run_database(lambda: self._desk.pathway.overview(today), arrived)

    def clear(self) -> None:
        self.model.set_rows([])
        self._counts()

    def per_step(self) -> dict[int, int]:
        counts = {step.number: 0 for step in self._desk.pathway.ladder.steps}
        for row in self.model.rows:
            counts[row.step] = counts.get(row.step, 0) + 1
        return counts

    def _counts(self) -> None:
        per_step = self.per_step()
        for (number, name), step in zip(self.step_counts, self._desk.pathway.ladder.steps, strict=True):
            number.setText(str(per_step.get(step.number, 0)))
            name.setText(f"{step.number} · {ladder_text(step.label, self._language())}")
        self.overdue_count.setText(str(sum(row.overdue for row in self.model.rows)))

    def _activated(self, index: QModelIndex) -> None:
        case_id = self.proxy.data(index, CASE_ID_ROLE)
        if case_id:
            self.open_case_requested.emit(str(case_id))
