"""One editor widget per field type of a form definition (``iam_desktop.domain.forms.FIELD_TYPES``). Every editor
gives its raw answer with ``value()`` (JSON-ready: it is what drafts keep) and takes one back with ``set_value()``;
it emits ``changed`` on every edit and ``finished`` when the operator leaves it. Dates are typed the Italian way
(gg/mm/aaaa, or only the year for partial birth dates) and handed on in ISO form; codes are upper-cased; a
``repeat`` field is a small editable table whose cells are editors of the sub-fields. Validation is not done here:
the form view asks ``validate_values`` and the case book, and shows their findings next to the field."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.domain.codes import COUNTRIES, STATELESS_OR_UNKNOWN
from iam_desktop.domain.forms import FieldDef
from iam_desktop.domain.person import Cefr, LanguageSkill

_ITALIAN_DATE = re.compile(r"^\s*(?:(\d{1,2})[/.-])?(\d{1,2})[/.-](\d{4})\s*$")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def iso_from_italian(text: str) -> str:
    """``31/12/1990`` → ``1990-12-31``, ``12/1990`` → ``1990-12``; anything else is kept as typed (validation then
    says what is wrong with it)."""
    match = _ITALIAN_DATE.match(text)
    if not match:
        return text.strip()
    day, month, year = match.groups()
    return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")


def italian_from_iso(value: str) -> str:
    match = _ISO_DATE.match(value.strip())
    if not match:
        return value
    return "/".join(part for part in reversed(match.groups()) if part)


def country_name(code: str) -> str:
    if code == STATELESS_OR_UNKNOWN:
        return code
    territory = QLocale.codeToTerritory(code)
    return QLocale.territoryToString(territory) if territory != QLocale.Country.AnyCountry else code


def language_name(code: str) -> str:
    language = QLocale.codeToLanguage(code, QLocale.LanguageCodeType.ISO639Part1)
    if language == QLocale.Language.AnyLanguage:
        return code
    if language == QLocale.Language.English:
        return "English"  # its native name is that of the default territory ("American English")
    native = QLocale(language).nativeLanguageName()
    return native or QLocale.languageToString(language)


class FieldEditor(QWidget):
    """Base of the editors: ``focus_target`` is the widget a label's mnemonic and Tab land on."""

    changed = Signal()
    finished = Signal()

    def __init__(self, definition: FieldDef, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.definition = definition
        self.language = language
        self.focus_target: QWidget = self

    def value(self) -> Any:
        return None

    def set_value(self, value: Any) -> None:
        """Show a stored answer (None clears)."""

    def relabel(self, language: str) -> None:
        """Choices and inner labels in ``language`` (the UI language changed)."""
        self.language = language

    def choice_text(self, value: str) -> str:
        return self.definition.choice_label(value, self.language)

    def _watch_focus(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.finished.emit()
        return super().eventFilter(watched, event)


class LineEditor(FieldEditor):
    """text, name, phone, email, document numbers, codice fiscale, integers and dates: one line."""

    UPPER = ("codice_fiscale", "document_number")

    def __init__(self, definition: FieldDef, language: str, parent: QWidget | None = None) -> None:
        super().__init__(definition, language, parent)
        self.edit = QLineEdit()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        self.focus_target = self.edit
        self.setFocusProxy(self.edit)
        kind = definition.type
        if kind == "codice_fiscale":
            self.edit.setMaxLength(16)
        short = {"integer": 90, "date": 220, "partial_date": 260, "codice_fiscale": 220, "document_number": 220,
                 "phone": 220, "countries": 200, "languages": 200}  # fmt: skip
        if kind in short:
            self.edit.setFixedWidth(short[kind])
            layout.setStretch(0, 0)
            layout.addStretch(1)
        self.edit.textEdited.connect(self._edited)
        self.edit.editingFinished.connect(self.finished)

    def _edited(self, text: str) -> None:
        if self.definition.type in self.UPPER and text != text.upper():
            position = self.edit.cursorPosition()
            self.edit.setText(text.upper())
            self.edit.setCursorPosition(position)
        self.changed.emit()

    def value(self) -> Any:
        text = self.edit.text().strip()
        kind = self.definition.type
        if kind in ("date", "partial_date"):
            return iso_from_italian(text)
        if kind == "integer":
            return int(text) if re.fullmatch(r"-?\d{1,6}", text) else text
        if kind == "names":
            return [part.strip() for part in text.split(",") if part.strip()]
        if kind in ("countries", "languages"):
            codes = [part.strip() for part in re.split(r"[,;\s]+", text) if part.strip()]
            return [c.upper() if kind == "countries" else c.lower() for c in codes]
        return text.upper() if kind in self.UPPER else text

    def set_value(self, value: Any) -> None:
        kind = self.definition.type
        if value is None:
            text = ""
        elif kind in ("date", "partial_date"):
            text = italian_from_iso(str(value))
        elif isinstance(value, list):
            text = ", ".join(str(v) for v in value)
        else:
            text = str(value)
        self.edit.setText(text)


class CodesEditor(LineEditor):
    """countries and languages: ISO codes separated by commas, with their names shown beside as they are typed."""

    def __init__(self, definition: FieldDef, language: str, parent: QWidget | None = None) -> None:
        super().__init__(definition, language, parent)
        self.names = QLabel()
        self.names.setStyleSheet("color: palette(placeholder-text);")
        layout = self.layout()
        assert isinstance(layout, QHBoxLayout)
        layout.insertWidget(1, self.names, 1)
        self.edit.textChanged.connect(self._show_names)

    def _show_names(self) -> None:
        name = language_name if self.definition.type == "languages" else country_name
        self.names.setText(", ".join(name(code) for code in self.value()))


class TextEditor(FieldEditor):
    """multiline: Tab leaves the field (an operator never needs a tab character in a note)."""

    def __init__(self, definition: FieldDef, language: str, parent: QWidget | None = None) -> None:
        super().__init__(definition, language, parent)
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(84)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self.focus_target = self.edit
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self.changed)
        self._watch_focus(self.edit)

    def value(self) -> Any:
        return self.edit.toPlainText().strip()

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText("" if value is None else str(value))


class ComboEditor(FieldEditor):
    """choice, boolean and country: a drop-down with an empty first entry; country also accepts typing."""

    def __init__(self, definition: FieldDef, language: str, parent: QWidget | None = None) -> None:
        super().__init__(definition, language, parent)
        self.combo = QComboBox()
        kind = definition.type
        self.combo.addItem("" if kind == "country" else "—", None)
        if kind == "choice":
            for choice in definition.choices:
                self.combo.addItem(self.choice_text(choice.value), choice.value)
        elif kind == "boolean":
            self.combo.addItem(self.tr("Yes"), True)
            self.combo.addItem(self.tr("No"), False)
        else:
            codes = sorted(COUNTRIES, key=country_name)
            for code in [*codes, STATELESS_OR_UNKNOWN]:
                name = self.tr("Stateless or unknown") if code == STATELESS_OR_UNKNOWN else country_name(code)
                self.combo.addItem(f"{name} ({code})", code)
            self.combo.setEditable(True)
            self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            edit = self.combo.lineEdit()
            if edit is not None:
                edit.setPlaceholderText(self.tr("type to search, or the ISO code"))
            completer = self.combo.completer()
            if completer is not None:
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.combo.setMinimumWidth(240)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addStretch(1)
        self.focus_target = self.combo
        self.setFocusProxy(self.combo)
        self.combo.currentIndexChanged.connect(self.changed)
        self._watch_focus(self.combo)

    def relabel(self, language: str) -> None:
        super().relabel(language)
        for index in range(1, self.combo.count()):
            data = self.combo.itemData(index)
            if self.definition.type == "choice":
                self.combo.setItemText(index, self.choice_text(str(data)))
            elif self.definition.type == "boolean":
                self.combo.setItemText(index, self.tr("Yes") if data else self.tr("No"))
            elif data == STATELESS_OR_UNKNOWN:
                self.combo.setItemText(index, f"{self.tr('Stateless or unknown')} ({data})")

    def value(self) -> Any:
        if self.combo.isEditable():
            text = self.combo.currentText().strip()
            index = self.combo.findText(text, Qt.MatchFlag.MatchFixedString)
            code_in_text = re.search(r"\(([A-Z]{2})\)$", text)
            if index < 0 and code_in_text:
                return code_in_text.group(1)
            if index < 0:
                code = text.upper()
                return code if len(code) == 2 else (text or None)
            return self.combo.itemData(index)
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value) if value is not None else 0
        self.combo.setCurrentIndex(max(index, 0))


class ChecksEditor(FieldEditor):
    """multichoice: one check box per choice, two columns."""

    def __init__(self, definition: FieldDef, language: str, parent: QWidget | None = None) -> None:
        super().__init__(definition, language, parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for n, choice in enumerate(definition.choices):
            box = QCheckBox(self.choice_text(choice.value))
            box.toggled.connect(self.changed)
            self.boxes[choice.value] = box
            grid.addWidget(box, n // 2, n % 2)
        self.focus_target = next(iter(self.boxes.values()))

    def relabel(self, language: str) -> None:
        super().relabel(language)
        for value, box in self.boxes.items():
            box.setText(self.choice_text(value))

    def value(self) -> Any:
        return [v for v, box in self.boxes.items() if box.isChecked()]

    def set_value(self, value: Any) -> None:
        chosen = set(value or [])
        for v, box in self.boxes.items():
            box.setChecked(v in chosen)


class LevelEditor(FieldEditor):
    """cefr: a level overall and, when known, per skill (listening, reading, speaking, writing)."""

    def __init__(self, definition: FieldDef, language: str, parent: QWidget | None = None) -> None:
        super().__init__(definition, language, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combos: dict[str, QComboBox] = {}
        self.skill_labels: dict[LanguageSkill, QLabel] = {}
        for skill in LanguageSkill:
            combo = QComboBox()
            combo.addItem("—", None)
            for level in Cefr:
                combo.addItem(level.value, level.value)
            combo.currentIndexChanged.connect(self.changed)
            label = QLabel()
            label.setBuddy(combo)
            self.skill_labels[skill] = label
            layout.addWidget(label)
            layout.addWidget(combo)
            self.combos[skill.value] = combo
        layout.addStretch(1)
        self.focus_target = self.combos[LanguageSkill.OVERALL.value]
        self.relabel(language)

    def relabel(self, language: str) -> None:
        super().relabel(language)
        names = {
            LanguageSkill.OVERALL: self.tr("overall"),
            LanguageSkill.LISTENING: self.tr("listening"),
            LanguageSkill.READING: self.tr("reading"),
            LanguageSkill.SPEAKING: self.tr("speaking"),
            LanguageSkill.WRITING: self.tr("writing"),
        }
        for skill, label in self.skill_labels.items():
            label.setText(names[skill])

    def value(self) -> Any:
        return {skill: combo.currentData() for skill, combo in self.combos.items() if combo.currentData()}

    def set_value(self, value: Any) -> None:
        levels = {"overall": value} if isinstance(value, str) else dict(value or {})
        for skill, combo in self.combos.items():
            combo.setCurrentIndex(max(combo.findData(levels.get(skill)), 0) if levels.get(skill) else 0)


class SignatureNote(FieldEditor):
    """signature: signed on paper, on the printed form; nothing to type."""

    def __init__(self, definition: FieldDef, language: str, parent: QWidget | None = None) -> None:
        super().__init__(definition, language, parent)
        self.note = QLabel()
        self.note.setStyleSheet("color: palette(placeholder-text);")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.relabel(language)

    def relabel(self, language: str) -> None:
        super().relabel(language)
        self.note.setText(self.tr("Signed on the printed form (Print menu of the case file)."))


class RepeatEditor(FieldEditor):
    """repeat: a small table, one row per entry, one cell editor per sub-field; rows can be added and removed."""

    def __init__(self, definition: FieldDef, language: str, parent: QWidget | None = None) -> None:
        super().__init__(definition, language, parent)
        self.table = QTableWidget(0, len(definition.fields))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.rows: list[list[FieldEditor]] = []
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.focus_target = self.add_button
        self._update_buttons()
        self.relabel(language)

    def relabel(self, language: str) -> None:
        super().relabel(language)
        self.table.setHorizontalHeaderLabels(
            [sub.label.get(language, sub.label["it"]) for sub in self.definition.fields]
        )
        self.add_button.setText(self.tr("Add a row"))
        self.remove_button.setText(self.tr("Remove last row"))
        for editors in self.rows:
            for editor in editors:
                editor.relabel(language)

    def add_row(self) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        editors = []
        for column, sub in enumerate(self.definition.fields):
            editor = make_editor(sub, self.language)
            if isinstance(editor, ComboEditor):
                editor.combo.setMinimumWidth(0)  # a cell is as wide as its column
                cell_layout = editor.layout()
                if isinstance(cell_layout, QHBoxLayout) and cell_layout.count() > 1:
                    cell_layout.takeAt(cell_layout.count() - 1)  # no trailing stretch: the combo fills the cell
            editor.changed.connect(self.changed)
            editor.finished.connect(self.finished)
            self.table.setCellWidget(row, column, editor)
            editors.append(editor)
        self.rows.append(editors)
        editors[0].focus_target.setFocus()
        self._update_buttons()
        self.changed.emit()

    def remove_row(self) -> None:
        if not self.rows:
            return
        self.rows.pop()
        self.table.removeRow(self.table.rowCount() - 1)
        self._update_buttons()
        self.changed.emit()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.rows))
        # As tall as its rows (two empty ones at least), up to six; a scroll bar beyond.
        shown = min(max(len(self.rows) + 1, 2), 6)
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + shown * 34 + 4)

    def value(self) -> Any:
        out = []
        for editors in self.rows:
            row = {sub.id: e.value() for sub, e in zip(self.definition.fields, editors, strict=True)}
            row = {k: v for k, v in row.items() if v not in (None, "", [], {})}
            if row:
                out.append(row)
        return out

    def set_value(self, value: Any) -> None:
        while self.rows:
            self.remove_row()
        for row in value or []:
            self.add_row()
            for sub, editor in zip(self.definition.fields, self.rows[-1], strict=True):
                editor.set_value(row.get(sub.id) if isinstance(row, dict) else None)


def make_editor(definition: FieldDef, language: str) -> FieldEditor:
    kind = definition.type
    if kind == "multiline":
        return TextEditor(definition, language)
    if kind in ("choice", "boolean", "country"):
        return ComboEditor(definition, language)
    if kind == "multichoice":
        return ChecksEditor(definition, language)
    if kind == "cefr":
        return LevelEditor(definition, language)
    if kind == "repeat":
        return RepeatEditor(definition, language)
    if kind == "signature":
        return SignatureNote(definition, language)
    if kind in ("countries", "languages"):
        return CodesEditor(definition, language)
    return LineEditor(definition, language)
