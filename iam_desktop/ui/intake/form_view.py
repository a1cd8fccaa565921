"""The form builder: turns a form definition into a section list on the left and one page per section on the
right, each field with its label in the UI language (a required mark, an Alt+letter mnemonic chosen per page), its
editor (``fields.make_editor``) and, under it, the error and the warning found for it. Enter moves to the next field
and, on the last field of a page, asks to move on (``advance_requested``); Tab follows the fields in order. It holds
no data beyond its widgets and knows nothing of cases: the wizard and the case file's editor drive it."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.domain.forms import FieldDef, FormDefinition, SectionDef

from ..widgets import ERROR_STYLE, heading
from .fields import FieldEditor, make_editor

WARNING_STYLE = "color: #8a5300;"
REQUIRED_MARK = " *"


def with_mnemonic(text: str, used: set[str]) -> str:
    """``Cognome`` → ``&Cognome``: the first letter not taken yet on the page (and remembers it)."""
    escaped = text.replace("&", "&&")
    for position, char in enumerate(escaped):
        key = char.lower()
        if char.isalpha() and char.isascii() and key not in used and escaped[position - 1 : position] != "&":
            used.add(key)
            return escaped[:position] + "&" + escaped[position:]
    return escaped


class FieldRow(QWidget):
    """An editor with its error and warning lines."""

    def __init__(self, editor: FieldEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.warning = QLabel()
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setWordWrap(True)
        self.warning.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error)
        layout.addWidget(self.warning)

    def say(self, error: str, warning: str) -> None:
        self.error.setText(error)
        self.error.setVisible(bool(error))
        self.warning.setText(f"⚠ {warning}" if warning else "")
        self.warning.setVisible(bool(warning))


class FormView(QWidget):
    """Sections and fields of one form definition; ``values()`` / ``set_values()`` are the raw answers."""

    changed = Signal()
    field_left = Signal(str)
    section_changed = Signal(int)
    advance_requested = Signal()

    def __init__(
        self, form: FormDefinition, language: str, *, reserved_mnemonics: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.form = form
        self.language = language
        self._reserved = set(reserved_mnemonics.lower())
        self._filling = False
        self.rows: dict[str, FieldRow] = {}
        self.labels: dict[str, QLabel] = {}
        self.section_of: dict[str, int] = {}
        self.order: list[str] = []  # field ids in Tab order
        self.section_list = QListWidget()
        self.section_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.section_list.setFixedWidth(250)
        self.section_list.setWordWrap(True)
        self.section_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.section_list.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 5px; }")
        self.pages = QStackedWidget()
        self.headings: list[QLabel] = []
        for number, section in enumerate(form.sections):
            self.section_list.addItem("")
            self.pages.addWidget(self._page(number, section))
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.section_list)
        outer.addWidget(self.pages, 1)
        self.section_list.currentRowChanged.connect(self._show_section)
        self.section_list.setCurrentRow(0)
        focus_chain = [self.rows[fid].editor.focus_target for fid in self.order]
        for first, second in itertools.pairwise(focus_chain):
            QWidget.setTabOrder(first, second)
        self.set_language(language)

    def _page(self, number: int, section: SectionDef) -> QWidget:
        title = heading(size_delta=4)
        self.headings.append(title)
        form_layout = QFormLayout()
        form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form_layout.setVerticalSpacing(10)
        for f in section.fields:
            editor = make_editor(f, self.language)
            row = FieldRow(editor)
            row.setMaximumWidth(1200 if f.type in ("repeat", "multichoice", "cefr") else 640)
            label = QLabel()
            label.setBuddy(editor.focus_target)
            label.setMinimumWidth(180)
            label.setWordWrap(True)
            self.rows[f.id] = row
            self.labels[f.id] = label
            self.section_of[f.id] = number
            if f.type != "signature":
                self.order.append(f.id)
            form_layout.addRow(label, row)
            editor.changed.connect(self._edited)
            editor.finished.connect(lambda fid=f.id: self.field_left.emit(fid))
            self._watch_returns(editor)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(title)
        layout.addSpacing(6)
        layout.addLayout(form_layout)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        return scroll

    def _watch_returns(self, editor: FieldEditor) -> None:
        target = editor.focus_target
        if isinstance(target, QLineEdit | QComboBox):
            target.installEventFilter(self)
            combo_edit = target.lineEdit() if isinstance(target, QComboBox) else None
            if combo_edit is not None:
                combo_edit.installEventFilter(self)

    def set_language(self, language: str) -> None:
        """Labels in ``language`` (falling back to Italian, which every form has)."""
        self.language = language
        for number, section in enumerate(self.form.sections):
            name = section.label.get(language, section.label["it"])
            item = self.section_list.item(number)
            if item is not None:
                item.setText(f"{number + 1}. {name}")
            self.headings[number].setText(name)
            used = set(self._reserved)
            for f in section.fields:
                text = with_mnemonic(f.label.get(language, f.label["it"]), used)
                self.labels[f.id].setText(text + (REQUIRED_MARK if f.required else "") + ":")
                self.rows[f.id].editor.relabel(language)
                self._placeholder(f)

    def _placeholder(self, f: FieldDef) -> None:
        target = self.rows[f.id].editor.focus_target
        if not isinstance(target, QLineEdit):
            return
        hints = {
            "date": self.tr("dd/mm/yyyy"),
            "partial_date": self.tr("dd/mm/yyyy, mm/yyyy or only the year"),
            "names": self.tr("more than one: separate with commas"),
            "countries": self.tr("e.g. ML, SN"),
            "languages": self.tr("e.g. bm, fr, ar"),
            "codice_fiscale": self.tr("16 characters, or 11 digits if provisional"),
        }
        hint = f.help.get(self.language, f.help.get("it", "")) if f.help else ""
        target.setPlaceholderText(hints.get(f.type, hint))
        target.setToolTip(hint)

    # -- navigation ----------------------------------------------------------------------------------------

    @property
    def section(self) -> int:
        return self.section_list.currentRow()

    def go_to(self, number: int, *, focus: bool = True) -> None:
        number = max(0, min(number, self.pages.count() - 1))
        self.section_list.setCurrentRow(number)
        if focus:
            self.focus_first(number)

    def _show_section(self, number: int) -> None:
        self.pages.setCurrentIndex(number)
        self.section_changed.emit(number)

    def fields_of(self, number: int) -> list[str]:
        return [fid for fid in self.order if self.section_of[fid] == number]

    def focus_first(self, number: int | None = None) -> None:
        fields = self.fields_of(self.section if number is None else number)
        if fields:
            self.focus_field(fields[0])

    def focus_field(self, field_id: str) -> None:
        if self.section_of.get(field_id, self.section) != self.section:
            self.section_list.setCurrentRow(self.section_of[field_id])
        self.rows[field_id].editor.focus_target.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._next_field(watched)
            return True
        return super().eventFilter(watched, event)

    def _next_field(self, watched: QObject) -> None:
        for position, fid in enumerate(self.order):
            target = self.rows[fid].editor.focus_target
            if target is watched or (isinstance(target, QComboBox) and target.lineEdit() is watched):
                following = self.order[position + 1 : position + 2]
                self.field_left.emit(fid)
                if following and self.section_of[following[0]] == self.section_of[fid]:
                    self.focus_field(following[0])
                else:
                    self.advance_requested.emit()
                return

    # -- answers -------------------------------------------------------------------------------------------

    def _edited(self) -> None:
        if not self._filling:
            self.changed.emit()

    def values(self) -> dict[str, Any]:
        out = {}
        for fid, row in self.rows.items():
            value = row.editor.value()
            if value not in (None, "", [], {}):
                out[fid] = value
        return out

    def set_values(self, values: Mapping[str, Any]) -> None:
        self._filling = True
        try:
            for fid, row in self.rows.items():
                row.editor.set_value(values.get(fid))
        finally:
            self._filling = False

    def show_findings(self, errors: Mapping[str, str], warnings: Mapping[str, str]) -> None:
        """Say next to each field what is wrong (errors) or worth a second look (warnings); clear the rest."""
        for fid, row in self.rows.items():
            row.say(errors.get(fid, ""), warnings.get(fid, ""))
        for number in range(self.section_list.count()):
            item = self.section_list.item(number)
            if item is not None:
                wrong = any(self.section_of[fid] == number for fid in errors if fid in self.section_of)
                item.setForeground(Qt.GlobalColor.darkRed if wrong else self.palette().text().color())
