"""Every indicator of the file that has no chart of its own (work and home at exit and at follow-up, training,
self-entrepreneurship, co-housing, housing accompaniment, referrals, people by sex, age, citizenship …): a list with
each one's headline value on the left; on the right the chosen one's definition, its tables (main, each breakdown,
side figures; one at a time through a selector) with CSV export. An indicator whose data is not recorded yet
(``not_available``, the referrals) says so in plain words instead of showing a zero."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.domain.indicator_engine import IndicatorReport, Result, Status

from ..widgets import heading
from .panels import MUTED, TableBox
from .tables import Table, Words, format_number, tables_of

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class OtherIndicators(QWidget):
    """The list of indicators and the chosen one's definition and tables."""

    def __init__(
        self, language: Callable[[], str], unit_word: Callable[[str], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._language = language
        self._unit_word = unit_word
        self._results: dict[str, Result] = {}
        self._words: Words | None = None
        self._tables: list[tuple[str, Table]] = []
        self.list = QListWidget()
        self.list.setMinimumWidth(300)
        self.title_label = heading(size_delta=3)
        self.title_label.setWordWrap(True)
        self.definition_label = QLabel()
        self.definition_label.setWordWrap(True)
        self.definition_label.setStyleSheet(MUTED)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet("color: #8a5300; font-weight: bold;")
        self.breakdown_label = QLabel()
        self.breakdown_combo = QComboBox()
        self.table = TableBox(language, "indicator")
        chooser = QHBoxLayout()
        chooser.addWidget(self.breakdown_label)
        chooser.addWidget(self.breakdown_combo, 1)
        detail = QWidget()
        side = QVBoxLayout(detail)
        side.addWidget(self.title_label)
        side.addWidget(self.definition_label)
        side.addWidget(self.status_label)
        side.addLayout(chooser)
        side.addWidget(self.table, 1)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(detail)
        splitter.setSizes([360, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.list.currentItemChanged.connect(self._show_current)
        self.breakdown_combo.currentIndexChanged.connect(self._show_table)
        self.retranslate()

    def retranslate(self) -> None:
        self.breakdown_label.setText(self.tr("Table"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_report(self, report: IndicatorReport, ids: list[str], words: Words) -> None:
        """Show ``ids`` of ``report``; the list is rebuilt only when the indicators themselves change."""
        self._words = words
        self._results = {r.indicator.indicator_id: r for r in report.results if r.indicator.indicator_id in ids}
        if [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())] != ids:
            self.list.blockSignals(True)
            self.list.clear()
            for indicator_id in ids:
                item = QListWidgetItem()
                item.setData(ID_ROLE, indicator_id)
                self.list.addItem(item)
            self.list.blockSignals(False)
        for row in range(self.list.count()):
            item = self.list.item(row)
            result = self._results[item.data(ID_ROLE)]
            item.setText(f"{words.label(result.indicator.indicator_id)} — {self.headline(result)}")
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        else:
            self._show_current()

    def headline(self, result: Result) -> str:
        if result.status is Status.NOT_AVAILABLE:
            return self.tr("not available")
        assert self._words is not None
        return format_number(result.total, self._language() == "it")

    def select(self, indicator_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == indicator_id:
                self.list.setCurrentRow(row)

    def current_id(self) -> str:
        item = self.list.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else ""

    def _show_current(self, *_args: object) -> None:
        words, result = self._words, self._results.get(self.current_id())
        if words is None or result is None:
            return
        indicator_id = result.indicator.indicator_id
        self.title_label.setText(words.label(indicator_id))
        self.definition_label.setText(words.definition(indicator_id))
        missing = result.status is Status.NOT_AVAILABLE
        self.status_label.setText(words.texts["not_available"] if missing else "")
        self.status_label.setVisible(missing)
        kept = self.breakdown_combo.currentText()
        self._tables = [] if missing else tables_of(result, words, self._unit_word(result.indicator.unit))
        self.breakdown_combo.blockSignals(True)
        self.breakdown_combo.clear()
        for title, _table in self._tables:
            self.breakdown_combo.addItem(self.tr("Other figures") if title == "+" else title)
        index = self.breakdown_combo.findText(kept)
        self.breakdown_combo.setCurrentIndex(max(index, 0))
        self.breakdown_combo.blockSignals(False)
        for widget in (self.breakdown_label, self.breakdown_combo, self.table):
            widget.setVisible(not missing)
        self.table.name = indicator_id
        self._show_table()

    def _show_table(self, *_args: object) -> None:
        index = self.breakdown_combo.currentIndex()
        table = self._tables[index][1] if 0 <= index < len(self._tables) else Table()
        self.table.set_table(table)

    def clear(self) -> None:
        self._results = {}
        self._tables = []
        self.list.clear()
        self.table.set_table(Table())
        self.title_label.clear()
        self.definition_label.clear()
        self.status_label.hide()
