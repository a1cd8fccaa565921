"""The "Conflitti" view: concurrent edits of one field made on two computers while out of touch, whose losing
value the merge kept (``desk.sync.conflicts``). A list (case, field, when) and, for the selected entry, both values
side by side with the computer and the time of each edit; the operator keeps the current value or restores the
other one (``desk.sync.resolve`` — restoring is a new local change that syncs like any other). Field names are
the intake form's labels where the field is one of its answers. Decrypted values are shown only while unlocked:
the dialog closes on lock."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.domain.forms import FormDefinition
from iam_desktop.services.desk import Desk
from iam_desktop.services.documents import intake_form
from iam_desktop.vault.conflicts import KEEP_CURRENT, RESTORE_OTHER, ConflictEntry

from ..errors import ErrorDialog
from ..tasks import TaskRunner
from ..widgets import heading


@dataclass(frozen=True)
class ConflictRow:
    entry: ConflictEntry
    case_name: str
    field_label: str


def field_label(form: FormDefinition, entry: ConflictEntry, language: str) -> str:
    """The intake form's label of ``person.<x>`` / ``extra.<x>``, else the raw field name."""
    if entry.kind == "case" and len(entry.path) >= 2 and entry.path[0] in ("person", "extra"):
        try:
            label = form.field(entry.path[1]).label
        except KeyError:
            return entry.field
        return label.get(language) or label.get("it") or entry.field
    return entry.field


def load_rows(desk: Desk, language: str) -> tuple[list[ConflictRow], str]:
    """The open conflicts with their case names and field labels, and this computer's device id."""
    form = intake_form()
    rows = []
    for entry in desk.sync.conflicts():
        case = desk.cases.row(entry.case_id)
        rows.append(ConflictRow(entry, case.display_name if case else "?", field_label(form, entry, language)))
    state = desk.sync.enrolment().state()
    return rows, state.device_id if state else ""


def hlc_time(hlc: str) -> str:
    """An HLC stamp ("<ms>-<counter>") as a local date and time."""
    try:
        return datetime.fromtimestamp(int(hlc.split("-", 1)[0]) / 1000).astimezone().strftime("%d/%m/%Y %H:%M")
    except (ValueError, OSError):
        return ""


class ValueBox(QGroupBox):
    """One side: the value, which computer wrote it and when."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value_label = heading(size_delta=3, bold=False)
        self.value_label.setWordWrap(True)
        self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.value_label.setStyleSheet("padding: 8px; background: palette(base); border: 1px solid palette(mid);")
        self.who_label = QLabel()
        self.when_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.value_label)
        layout.addWidget(self.who_label)
        layout.addWidget(self.when_label)
        layout.addStretch(1)

    def show_side(self, side: dict[str, Any] | None, value: str, who: str, when: str) -> None:
        self.value_label.setText(value if side is not None else "")
        self.who_label.setText(who)
        self.when_label.setText(when)


class ConflictsDialog(QDialog):
    """Lists open conflicts and resolves them; ``resolved`` fires after each resolution (cases changed)."""

    resolved = Signal()

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
        self.rows: list[ConflictRow] = []
        self.device_id = ""
        self.setWindowTitle(self.tr("Conflicts"))
        self.intro = QLabel(
            self.tr(
                "Two computers changed the same field while out of touch. The later edit is the current value; "
                "the other one was kept here. Compare them and keep the current value or restore the other one: "
                "the choice reaches every computer of the desk."
            )
        )
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Case"), self.tr("Field"), self.tr("Kept on")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.empty_label = QLabel(self.tr("No conflicts to review."))
        self.current_box = ValueBox()
        self.current_box.setTitle(self.tr("Current value"))
        self.other_box = ValueBox()
        self.other_box.setTitle(self.tr("Other value"))
        sides = QGridLayout()
        sides.addWidget(self.current_box, 0, 0)
        sides.addWidget(self.other_box, 0, 1)
        self.keep_button = QPushButton(self.tr("Keep the current value"))
        self.restore_button = QPushButton(self.tr("Restore the other value"))
        self.close_button = QPushButton(self.tr("Close"))
        self.keep_button.clicked.connect(lambda: self.resolve_selected(KEEP_CURRENT))
        self.restore_button.clicked.connect(lambda: self.resolve_selected(RESTORE_OTHER))
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(sides, 1)
        layout.addLayout(buttons)
        self.resize(900, 600)
        self._show_selected()

    def reload(self) -> None:
        desk, language = self._desk, self._language()
        self._runner.run_database(lambda: load_rows(desk, language), self._loaded, self._errors.show)

    def _loaded(self, result: tuple[list[ConflictRow], str]) -> None:
        self.rows, self.device_id = result
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            cells = (row.case_name, row.field_label, hlc_time(row.entry.loser.get("hlc", "")))
            for column, text in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(text))
        self.empty_label.setVisible(not self.rows)
        if self.rows:
            self.table.selectRow(0)
        self._show_selected()

    def selected(self) -> ConflictRow | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes or indexes[0].row() >= len(self.rows):
            return None
        return self.rows[indexes[0].row()]

    def _value_text(self, side: dict[str, Any]) -> str:
        if not side.get("present", True) or side.get("value") in (None, "", [], {}):
            return self.tr("(empty)")
        value = side["value"]
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)

    def _who(self, side: dict[str, Any]) -> str:
        device = str(side.get("device", ""))
        if device and device == self.device_id:
            return self.tr("Written on this computer")
        return self.tr("Written on another computer ({0})").format(device[:8])

    def _show_selected(self) -> None:
        row = self.selected()
        for box, side in ((self.current_box, row.entry.winner if row else None),
                          (self.other_box, row.entry.loser if row else None)):  # fmt: skip
            if side is None:
                box.show_side(None, "", "", "")
            else:
                when = self.tr("On {0}").format(hlc_time(str(side.get("hlc", ""))))
                box.show_side(side, self._value_text(side), self._who(side), when)
        self.keep_button.setEnabled(row is not None)
        self.restore_button.setEnabled(row is not None)

    def resolve_selected(self, choice: str) -> None:
        row = self.selected()
        if row is None:
            return
        desk, conflict_id = self._desk, row.entry.conflict_id
        self.keep_button.setEnabled(False)
        self.restore_button.setEnabled(False)
        self._runner.run_database(lambda: desk.sync.resolve(conflict_id, choice), self._resolved, self._failed)

    def _resolved(self, _entry: ConflictEntry) -> None:
        self.resolved.emit()
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self._show_selected()
        self._errors.show(error)
