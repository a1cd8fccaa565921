"""The pieces the dashboard repeats: ``TableModel`` (a ``Table`` of ``tables.py`` shown in a ``QTableView``, replaced
in place when the figures change), ``TableBox`` (a table with its "Export CSV…" button, which asks where to write
and writes it through ``tables.write_csv``) and ``IndicatorPanel`` (an indicator's chart, its definition from the
indicators file and its table side by side). Widgets are built once; a new computation only swaps the data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..widgets import heading
from .tables import Table, format_number, write_csv

Index = QModelIndex | QPersistentModelIndex
MUTED = "color: palette(placeholder-text);"


class TableModel(QAbstractTableModel):
    """A ``Table``: the first column left-aligned labels, the others right-aligned numbers."""

    def __init__(self, decimal_comma: Callable[[], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = Table()
        self._decimal_comma = decimal_comma

    def set_table(self, table: Table) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.table.headers[section] if section < len(self.table.headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.table.rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return format_number(value, self._decimal_comma())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def table_view(model: TableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    return view


def fit_columns(view: QTableView) -> None:
    """Labels take the free width (elided when short of it), numbers their own; set again after each reset, since
    the header forgets the mode of sections that did not exist yet."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if header.count():
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


class TableBox(QWidget):
    """A table with its title and an "Export CSV…" button; ``name`` is the default file name."""

    def __init__(self, language: Callable[[], str], name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self.name = name
        self.model = TableModel(lambda: self._language() == "it", self)
        self.view = table_view(self.model)
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-weight: bold;")
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_csv)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.title_label, 1)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.export_button.setText(self.tr("Export CSV…"))
        self.export_button.setToolTip(self.tr("Save this table as a CSV file that a spreadsheet can open"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_table(self, table: Table, title: str = "") -> None:
        self.model.set_table(table)
        fit_columns(self.view)
        self.title_label.setText(title)
        self.title_label.setVisible(bool(title))
        self.export_button.setEnabled(bool(table.rows))

    def export_csv(self) -> Path | None:
        """Ask where, then write the table (nothing when the operator cancels)."""
        target, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export CSV"), f"{self.name}.csv", self.tr("CSV files (*.csv)")
        )
        if not target:
            return None
        path = Path(target)
        write_csv(path, self.model.table, self._language())
        return path


class IndicatorPanel(QWidget):
    """One chart with its indicator's title, definition and table (the chart on the left, the rest on the right)."""

    def __init__(self, chart: QWidget, language: Callable[[], str], name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.title_label = heading(size_delta=3)
        self.definition_label = QLabel()
        self.definition_label.setWordWrap(True)
        self.definition_label.setStyleSheet(MUTED)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.table = TableBox(language, name)
        side = QVBoxLayout()
        side.addWidget(self.title_label)
        side.addWidget(self.definition_label)
        side.addWidget(self.note_label)
        side.addWidget(self.table, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(chart, 3)
        layout.addLayout(side, 2)

    def set_texts(self, title: str, definition: str, note: str = "") -> None:
        self.title_label.setText(title)
        self.definition_label.setText(definition)
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))
