"""The "Casi" section: the desk's cases in a table (one Qt model, not one widget per row), an empty state for a
desk with no cases yet, and the short intake form to open a new one. Rows are read on the database worker,
because every case view is an audit event (a write)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.domain.roles import Permission
from iam_desktop.services.desk import Changes, Desk

from ..errors import ErrorDialog
from ..tasks import TaskRunner
from ..widgets import heading
from .empty import EmptyState
from .intake_form import ShortIntakeForm


@dataclass(frozen=True)
class CaseRow:
    """What the case list shows of one case."""

    case_id: str
    family_name: str
    given_names: str
    codice_fiscale: str
    phone: str

    @classmethod
    def from_person(cls, case_id: str, person: dict[str, Any]) -> CaseRow:
        return cls(
            case_id,
            str(person.get("family_name", "")),
            str(person.get("given_names", "")),
            str(person.get("codice_fiscale", "")),
            str(person.get("phone", "")),
        )


def load_case_rows(desk: Desk) -> list[CaseRow]:
    rows = [CaseRow.from_person(case_id, desk.read_case(case_id)) for case_id in desk.case_ids()]
    return sorted(rows, key=lambda r: (r.family_name.casefold(), r.given_names.casefold()))


class CaseTableModel(QAbstractTableModel):
    FIELDS = ("family_name", "given_names", "codice_fiscale", "phone")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CaseRow] = []

    def set_rows(self, rows: list[CaseRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.FIELDS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return getattr(self.rows[index.row()], self.FIELDS[index.column()])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Family name"), self.tr("Given names"), self.tr("Codice fiscale"), self.tr("Phone"))[section]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.FIELDS) - 1)


class CasesView(QWidget):
    """The case list and the short intake form, one page at a time."""

    changes_applied = Signal(object)

    def __init__(self, desk: Desk, runner: TaskRunner, errors: ErrorDialog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._errors = errors
        self.model = CaseTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.empty_state = EmptyState(
            lambda: self.tr("No cases yet"),
            lambda: self.tr(
                "The people this desk accompanies will be listed here. Start with \u201cNew intake\u201d when you "
                "meet someone for the first time."
            ),
        )
        self.title_label = heading(size_delta=6)
        self.count_label = QLabel()
        self.new_button = QPushButton()
        header = QHBoxLayout()
        header.addWidget(self.title_label)
        header.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        header.addStretch(1)
        header.addWidget(self.new_button)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.empty_state)
        self.list_stack.addWidget(self.table)
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(header)
        list_layout.addWidget(self.list_stack)
        self.intake_form = ShortIntakeForm(desk, runner, errors)
        self.pages = QStackedWidget()
        self.pages.addWidget(list_page)
        self.pages.addWidget(self.intake_form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.new_button.clicked.connect(self.open_intake)
        self.intake_form.saved.connect(self._case_saved)
        self.intake_form.closed.connect(self.show_list)
        self.retranslate()

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Cases"))
        self.new_button.setText(self.tr("New intake (short form)"))
        self._show_count()
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_count(self) -> None:
        count = len(self.model.rows)
        self.count_label.setText(self.tr("{0} cases").format(count) if count != 1 else self.tr("1 case"))
        self.list_stack.setCurrentWidget(self.table if count else self.empty_state)

    # -- session -------------------------------------------------------------------------------------------

    def session_started(self) -> None:
        self.new_button.setEnabled(self._desk.can(Permission.EDIT_CASE))
        if self.intake_form.restore_draft():
            self.pages.setCurrentWidget(self.intake_form)
        else:
            self.show_list()
        self.reload()

    def session_ended(self) -> None:
        """Forget what was shown: names must not stay in memory behind the lock screen."""
        self.model.clear()
        self._show_count()

    def reload(self) -> None:
        desk = self._desk
        self._runner.run_database(lambda: load_case_rows(desk), self._rows_loaded)

    def _rows_loaded(self, rows: list[CaseRow]) -> None:
        if not self._desk.unlocked:
            return  # locked while loading: show nothing
        self.model.set_rows(rows)
        self._show_count()

    # -- pages ---------------------------------------------------------------------------------------------

    def open_intake(self) -> None:
        self.pages.setCurrentWidget(self.intake_form)
        self.intake_form.given_names_edit.setFocus()

    def show_list(self) -> None:
        self.pages.setCurrentIndex(0)

    def _case_saved(self, _case_id: str) -> None:
        self.show_list()
        self.changes_applied.emit(Changes(cases=True))
