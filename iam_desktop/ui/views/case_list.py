"""The case list: one Qt table model over the case book's in-memory index (``desk.cases.search``), never one widget
per row, so ten thousand cases scroll as smoothly as ten. The search box filters on every keystroke (debounced by a
few tens of milliseconds) on the main thread — the index is in memory and a search takes a few milliseconds —
together with the filters by status, step and operator; columns sort on a click; the permit column shows the days
left, in amber inside the desk's alert window and in red once expired. Enter or a double click opens a case."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.services.case_index import CaseRow
from iam_desktop.services.desk import Desk

from ..widgets import heading
from .empty import EmptyState

SEARCH_DELAY_MS = 60
STATUSES = ("aperto", "sospeso", "chiuso", "bozza")
EXPIRED = QColor("#b00020")
EXPIRING = QColor("#8a5300")


def status_name(status: str) -> str:
    names = {
        "aperto": QCoreApplication.translate("CaseStatus", "open"),
        "sospeso": QCoreApplication.translate("CaseStatus", "suspended"),
        "chiuso": QCoreApplication.translate("CaseStatus", "closed"),
        "bozza": QCoreApplication.translate("CaseStatus", "draft"),
    }
    return names.get(status, status)


class CaseListModel(QAbstractTableModel):
    """Rows are the index's ``CaseRow`` objects; the model only reads their attributes when a cell is painted."""

    NAME, CODICE_FISCALE, PHONE, STATUS, STEP, OPERATOR, OPENED, PERMIT = range(8)
    COLUMNS = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CaseRow] = []
        self.operators: dict[str, str] = {}
        self.alert_days = 60
        self.today = date.today()
        self._sort: tuple[int, Qt.SortOrder] = (self.NAME, Qt.SortOrder.AscendingOrder)

    def set_rows(self, rows: list[CaseRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        if self._sort != (self.NAME, Qt.SortOrder.AscendingOrder):
            self._sort_rows()  # the case book already returns rows by name: no second sort per keystroke
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def case_id(self, row: int) -> str:
        return self.rows[row].case_id

    def _permit_text(self, row: CaseRow) -> str:
        days = row.permit_days_left(self.today)
        if days is None or row.permit_expires is None:
            return ""
        expires = "/".join(reversed(row.permit_expires.split("-")))
        if days < 0:
            return self.tr("{0} · expired").format(expires)
        if days <= self.alert_days:
            return self.tr("{0} · in {1} days").format(expires, days)
        return expires

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.NAME:
                return row.display_name
            if column == self.CODICE_FISCALE:
                return row.codice_fiscale
            if column == self.PHONE:
                return row.phone
            if column == self.STATUS:
                return status_name(row.status)
            if column == self.STEP:
                return str(row.step)
            if column == self.OPERATOR:
                return self.operators.get(row.operator_id, "")
            if column == self.OPENED:
                return "/".join(reversed(row.opened.split("-")))
            return self._permit_text(row)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.PERMIT:
            days = row.permit_days_left(self.today)
            if days is not None and days < 0:
                return QBrush(EXPIRED)
            if days is not None and days <= self.alert_days:
                return QBrush(EXPIRING)
        if role == Qt.ItemDataRole.UserRole:
            return row.case_id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Name"), self.tr("Codice fiscale"), self.tr("Phone"), self.tr("Status"), self.tr("Step"),
            self.tr("Operator"), self.tr("Opened"), self.tr("Permit expires"),
        )[section]  # fmt: skip

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_rows()
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        column, order = self._sort
        keys = {
            self.NAME: lambda r: (r.family_name.casefold(), r.given_names.casefold()),
            self.CODICE_FISCALE: lambda r: r.codice_fiscale,
            self.PHONE: lambda r: r.phone,
            self.STATUS: lambda r: r.status,
            self.STEP: lambda r: r.step,
            self.OPERATOR: lambda r: self.operators.get(r.operator_id, ""),
            self.OPENED: lambda r: r.opened,
            self.PERMIT: lambda r: (r.permit_expires is None, r.permit_expires or ""),
        }
        self.rows.sort(key=keys.get(column, keys[self.NAME]), reverse=order == Qt.SortOrder.DescendingOrder)


class CaseListPage(QWidget):
    """Search box, filters and the table; ``open_requested`` carries the case id to open."""

    open_requested = Signal(str)
    new_requested = Signal()

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.model = CaseListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(CaseListModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((240, 170, 140, 90, 50, 140, 100)):
            header.resizeSection(column, width)
        self.empty_state = EmptyState(
            lambda: self.tr("No cases yet"),
            lambda: self.tr(
                "The people this desk accompanies will be listed here. Start with \u201cNew intake\u201d when you "
                "meet someone for the first time."
            ),
        )
        self.loading = QWidget()
        self.loading_label = QLabel()
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        loading_bar = QProgressBar()
        loading_bar.setRange(0, 0)  # busy: decrypting every case once takes a few seconds on a big desk
        loading_bar.setMaximumWidth(360)
        loading_layout = QVBoxLayout(self.loading)
        loading_layout.addStretch(1)
        loading_layout.addWidget(self.loading_label)
        loading_layout.addWidget(loading_bar, 0, Qt.AlignmentFlag.AlignHCenter)
        loading_layout.addStretch(2)
        self.no_match = QLabel()
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.setStyleSheet("color: palette(placeholder-text); font-size: 12pt;")
        self.title_label = heading(size_delta=6)
        self.count_label = QLabel()
        self.new_button = QPushButton()
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(360)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search_edit)
        self.status_combo = QComboBox()
        self.step_combo = QComboBox()
        self.operator_combo = QComboBox()
        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        top.addWidget(self.new_button)
        filters = QHBoxLayout()
        filters.addWidget(self.search_label)
        filters.addWidget(self.search_edit, 1)
        for combo in (self.status_combo, self.step_combo, self.operator_combo):
            filters.addWidget(combo)
        self.list_stack = QStackedWidget()
        for page in (self.empty_state, self.table, self.no_match, self.loading):
            self.list_stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.list_stack, 1)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(self.search_timer.start)
        self.search_edit.returnPressed.connect(self.open_current)
        self.search_edit.installEventFilter(self)
        for combo in (self.status_combo, self.step_combo, self.operator_combo):
            combo.currentIndexChanged.connect(self.refresh)
        self.table.activated.connect(lambda index: self.open_requested.emit(self.model.case_id(index.row())))
        self.new_button.clicked.connect(self.new_requested)
        self._total = 0
        self.retranslate()

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Cases"))
        self.new_button.setText(self.tr("&New intake"))
        self.search_label.setText(self.tr("&Search:"))
        self.search_edit.setPlaceholderText(self.tr("name, alias, codice fiscale or phone"))
        self.no_match.setText(self.tr("No case matches the search."))
        self.loading_label.setText(self.tr("Opening the case files…"))
        self._fill_filters()
        self.model.retranslate()
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: Any, event: QEvent) -> bool:
        # Down from the search box goes into the list, as in a launcher.
        if (
            watched is self.search_edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount()
        ):
            self.table.setFocus()
            self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    def _fill_filters(self) -> None:
        def refill(combo: QComboBox, everything: str, items: list[tuple[str, Any]]) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
            combo.blockSignals(False)

        refill(self.status_combo, self.tr("All statuses"), [(status_name(s), s) for s in STATUSES])
        steps = self._desk.pathway.ladder.steps
        refill(self.step_combo, self.tr("All steps"), [(self.tr("Step {0}").format(s.number), s.number) for s in steps])
        operators = sorted(((name, oid) for oid, name in self.model.operators.items()), key=lambda i: i[0])
        refill(self.operator_combo, self.tr("All operators"), operators)

    def _show_count(self) -> None:
        shown = self.model.rowCount()
        if shown == self._total:
            text = self.tr("{0} cases").format(shown) if shown != 1 else self.tr("1 case")
        else:
            text = self.tr("{0} of {1} cases").format(shown, self._total)
        self.count_label.setText(text)
        page = self.table if shown else (self.no_match if self._total else self.empty_state)
        self.list_stack.setCurrentWidget(page)

    # -- data ----------------------------------------------------------------------------------------------

    def show_loading(self) -> None:
        """While the index is built on the worker after unlocking (only the first time: later reloads are quick)."""
        if not self.model.rowCount():
            self.list_stack.setCurrentWidget(self.loading)

    def loaded(self, total: int, operators: dict[str, str], alert_days: int) -> None:
        """After the index is built (on the worker): remember the context and show the current search."""
        self._total = total
        self.model.operators = operators
        self.model.alert_days = alert_days
        self.model.today = date.today()
        self._fill_filters()
        self.refresh()

    def refresh(self) -> None:
        """Search the in-memory index with the box and the filters (main thread: it takes milliseconds)."""
        self.search_timer.stop()
        if not self._desk.unlocked:
            return

        def search() -> list[CaseRow]:
            return self._desk.cases.search(
                self.search_edit.text(),
                status=self.status_combo.currentData(),
                step=self.step_combo.currentData(),
                operator_id=self.operator_combo.currentData(),
            )

        try:
            rows = search()
        except RuntimeError:
            # The worker added a case to the index while this search walked it ("dictionary changed size"): the
            # next walk sees the new case. (The index has no lock of its own; see the report.)
            rows = search()
        self._total = self._desk.cases.count()
        self.model.set_rows(rows)
        self._show_count()

    def clear(self) -> None:
        self.search_edit.clear()
        self.search_timer.stop()
        self.model.clear()
        self.model.operators = {}
        self._total = 0
        self._fill_filters()
        self._show_count()

    def open_current(self) -> None:
        index = self.table.currentIndex()
        row = index.row() if index.isValid() else 0
        if self.model.rowCount() > row:
            self.open_requested.emit(self.model.case_id(row))
