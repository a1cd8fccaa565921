"""The diary of interventions of a case (diario degli interventi): the effective diary — each intervention in its
latest version, corrected ones marked, their earlier versions one click away — and the dialog that records a new
intervention (type; for housing accompaniment its module: economia domestica, mediazione dei conflitti, gestione
degli spazi comuni; date, duration, participants, note). The diary is append-only: "Correggi" writes a new entry
that corrects the selected one, "Annulla" one that voids it with the reason; nothing is edited or deleted."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.domain import diary as rules
from iam_desktop.domain.diary import DiaryEntry, EffectiveEntry, HousingModule, InterventionType
from iam_desktop.domain.errors import ValidationError

from ..widgets import FieldMessage, heading
from .common import (
    ERROR_COLOUR,
    CasePanel,
    ReasonDialog,
    date_edit,
    from_qdate,
    intervention_name,
    module_name,
    operator_names,
    refusal_text,
    show_date,
    to_qdate,
)

MUTED = QColor("#6b6b6b")


def entry_kind(entry: DiaryEntry) -> str:
    name = intervention_name(entry.type)
    return f"{name} · {module_name(entry.module)}" if entry.module else name


class DiaryEntryDialog(QDialog):
    """A new intervention, or a correction of ``corrects`` (its fields filled in from that version)."""

    def __init__(
        self, case_id: str, operator_id: str, diary: list[DiaryEntry], corrects: DiaryEntry | None = None,
        parent: QWidget | None = None, language: str = "it",
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._language = language
        self._case_id = case_id
        self._operator_id = operator_id
        self._diary = diary
        self._corrects = corrects
        self.entry: DiaryEntry | None = None
        self.setMinimumWidth(520)
        self.type_combo = QComboBox()
        for kind in InterventionType:
            self.type_combo.addItem(intervention_name(kind), kind.value)
        self.module_combo = QComboBox()
        for module in HousingModule:
            self.module_combo.addItem(module_name(module), module.value)
        self.date_edit = date_edit()
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(1, rules.MAX_DURATION_MINUTES)
        self.duration_spin.setSingleStep(15)
        self.duration_spin.setValue(60)
        self.duration_spin.setSuffix(" min")
        self.participants_edit = QLineEdit()
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(110)
        self.messages = {key: FieldMessage() for key in ("type", "module", "date", "duration_minutes", "other")}
        form = QFormLayout()
        form.addRow(self.tr("&Type:"), self.type_combo)
        form.addRow(self.tr("&Module:"), self.module_combo)
        form.addRow("", self.messages["module"])
        form.addRow(self.tr("&Date:"), self.date_edit)
        form.addRow("", self.messages["date"])
        form.addRow(self.tr("D&uration:"), self.duration_spin)
        form.addRow("", self.messages["duration_minutes"])
        form.addRow(self.tr("&Participants:"), self.participants_edit)
        form.addRow(self.tr("&Note:"), self.note_edit)
        form.addRow("", self.messages["other"])
        self.participants_edit.setPlaceholderText(self.tr("separated by commas (e.g. landlord, flatmates)"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.type_combo.currentIndexChanged.connect(lambda _i: self._module_enabled())
        if corrects is not None:
            self.setWindowTitle(self.tr("Correct an intervention"))
            self.type_combo.setCurrentIndex(self.type_combo.findData(corrects.type.value))
            if corrects.module:
                self.module_combo.setCurrentIndex(self.module_combo.findData(corrects.module.value))
            self.date_edit.setDate(to_qdate(corrects.date))
            self.duration_spin.setValue(corrects.duration_minutes)
            self.participants_edit.setText(", ".join(corrects.participants))
            self.note_edit.setPlainText(corrects.note)
        else:
            self.setWindowTitle(self.tr("New intervention"))
        self._module_enabled()
        self.type_combo.setFocus()

    def _module_enabled(self) -> None:
        housing = self.type_combo.currentData() == InterventionType.ACCOMPAGNAMENTO_ABITATIVO.value
        self.module_combo.setEnabled(housing)

    def build(self) -> DiaryEntry:
        kind = InterventionType(self.type_combo.currentData())
        module = HousingModule(self.module_combo.currentData()) if self.module_combo.isEnabled() else None
        participants = tuple(p.strip() for p in self.participants_edit.text().split(",") if p.strip())
        return DiaryEntry(
            str(uuid.uuid4()), self._case_id, kind, from_qdate(self.date_edit.date()), self.duration_spin.value(),
            self._operator_id, dt.datetime.now(dt.UTC), participants, self.note_edit.toPlainText().strip(), module,
            self._corrects.entry_id if self._corrects else None,
        )  # fmt: skip

    def accept(self) -> None:
        for message in self.messages.values():
            message.clear_message()
        entry = self.build()
        try:
            rules.validate_entry(entry, self._diary, dt.date.today())
        except ValidationError as error:
            key = error.field.rsplit(".", 1)[-1]
            self.messages.get(key, self.messages["other"]).say(refusal_text(error, self._language))
            return
        self.entry = entry
        super().accept()


class DiaryView(CasePanel):
    """The effective diary of one case with its history, and the buttons that append to it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.diary: list[DiaryEntry] = []
        self.operators: dict[str, str] = {}
        self.entry_dialog: DiaryEntryDialog | None = None
        self.reason_dialog: ReasonDialog | None = None
        self.title_label = heading(size_delta=4)
        self.new_button = QPushButton()
        self.correct_button = QPushButton()
        self.void_button = QPushButton()
        self.voided_check = QCheckBox()
        self.tree = QTreeWidget()
        self.tree.setColumnCount(6)
        for column, width in enumerate((110, 440, 80, 130, 200)):
            self.tree.setColumnWidth(column, width)
        self.tree.setAlternatingRowColors(True)
        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.voided_check)
        top.addWidget(self.new_button)
        top.addWidget(self.correct_button)
        top.addWidget(self.void_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        self.new_button.clicked.connect(self.new_entry)
        self.correct_button.clicked.connect(self.correct_selected)
        self.void_button.clicked.connect(self.void_selected)
        self.voided_check.toggled.connect(lambda _c: self._show())
        self.tree.currentItemChanged.connect(lambda _item, _prev: self._buttons())
        self.retranslate()
        if self.case_id:
            self.refresh()

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Diary of interventions"))
        self.new_button.setText(self.tr("&New intervention…"))
        self.correct_button.setText(self.tr("&Correct…"))
        self.void_button.setText(self.tr("&Withdraw…"))
        self.voided_check.setText(self.tr("Show withdrawn"))
        self.tree.setHeaderLabels([self.tr("Date"), self.tr("Intervention"), self.tr("Duration"), self.tr("Operator"),
                                   self.tr("Participants"), self.tr("Note")])  # fmt: skip
        self._show()

    def _forget(self) -> None:
        self.diary, self.operators = [], {}
        self._show()

    def refresh(self) -> None:
        self._load(lambda case_id: (self._desk.pathway.diary(case_id), operator_names(self._desk)), self._loaded)

    def _loaded(self, result: object) -> None:
        assert isinstance(result, tuple)
        self.diary, self.operators = result
        self._show()

    def effective(self) -> list[EffectiveEntry]:
        return rules.effective(self.diary, include_voided=self.voided_check.isChecked())

    def _row(self, entry: DiaryEntry, parent: QTreeWidgetItem | None = None) -> QTreeWidgetItem:
        values = [show_date(entry.date), entry_kind(entry), f"{entry.duration_minutes} min",
                  self.operators.get(entry.operator_id, "?"), ", ".join(entry.participants), entry.note]  # fmt: skip
        item = QTreeWidgetItem(parent, values) if parent is not None else QTreeWidgetItem(values)
        item.setToolTip(5, entry.note)
        return item

    def _show(self) -> None:
        self.tree.clear()
        italic = QFont(self.tree.font())
        italic.setItalic(True)
        for item in reversed(self.effective()):
            row = self._row(item.current)
            row.setData(0, Qt.ItemDataRole.UserRole, item.original_id)
            if item.current.voids:
                row.setText(1, self.tr("Withdrawn: {0}").format(entry_kind(item.current)))
                for column in range(6):
                    row.setForeground(column, QBrush(QColor(ERROR_COLOUR)))
            elif item.corrected:
                row.setText(1, self.tr("{0} (corrected)").format(entry_kind(item.current)))
            if item.corrected:
                for n, version in enumerate(item.history[:-1], start=1):
                    old = self._row(version, row)
                    recorded = version.recorded_at.astimezone().strftime("%d/%m/%Y %H:%M")
                    old.setText(1, self.tr("version {0}, written {1}: {2}").format(n, recorded, entry_kind(version)))
                    for column in range(6):
                        old.setForeground(column, QBrush(MUTED))
                        old.setFont(column, italic)
            self.tree.addTopLevelItem(row)
        self._buttons()

    def selected(self) -> EffectiveEntry | None:
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        original = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return next((e for e in self.effective() if e.original_id == original), None)

    def select(self, original_id: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == original_id:
                self.tree.setCurrentItem(item)

    def edit_controls(self) -> list[QWidget]:
        return [self.new_button, self.correct_button, self.void_button]

    def _buttons(self) -> None:
        chosen = self.selected()
        usable = chosen is not None and not chosen.current.voids and not self.read_only
        self.correct_button.setEnabled(usable)
        self.void_button.setEnabled(usable)

    def _open(self, corrects: DiaryEntry | None) -> None:
        operator = self._desk.operator
        if self.case_id is None or operator is None:
            return
        dialog = DiaryEntryDialog(self.case_id, operator.id, self.diary, corrects, self, self._language())
        dialog.accepted.connect(lambda: self.append(dialog.entry) if dialog.entry else None)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.entry_dialog = dialog
        dialog.open()

    def new_entry(self) -> None:
        self._open(None)

    def correct_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self._open(chosen.current)

    def void_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        dialog = ReasonDialog(
            self.tr("Withdraw an intervention"),
            self.tr("The intervention stays in the history, marked as withdrawn. Why is it withdrawn (e.g. recorded "
                    "in the wrong case)?"),
            self,
        )  # fmt: skip
        current = chosen.current
        operator = self._desk.operator

        def withdraw() -> None:
            voiding = replace(
                current, entry_id=str(uuid.uuid4()), operator_id=operator.id if operator else "",
                recorded_at=dt.datetime.now(dt.UTC), note=dialog.reason(), corrects=current.entry_id, voids=True,
            )  # fmt: skip
            self.append(voiding)

        dialog.accepted.connect(withdraw)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.reason_dialog = dialog
        dialog.open()

    def append(self, entry: DiaryEntry) -> None:
        case_id = self.case_id
        if case_id is not None:
            self._write(lambda: self._desk.pathway.add_diary(case_id, entry))
