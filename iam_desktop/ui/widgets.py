"""Small widgets the screens share: the inline validation message shown next to a field, page headings, the
read-only lists of the network screens, and the passphrase rules the forms check before asking the services (which
check them again)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QWidget,
)

# The vault's own rule (iam_desktop.vault.vault.MIN_PASSPHRASE_LENGTH); repeated here only to speak before the
# service refuses, the service stays the authority.
MIN_PASSPHRASE_LENGTH = 10

T = TypeVar("T")

ERROR_STYLE = "color: #b00020;"
NOTICE_STYLE = "color: #1b5e20;"


class FieldMessage(QLabel):
    """A one-line message under a field; empty and hidden when there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.hide()

    def say(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))

    def clear_message(self) -> None:
        self.say("")


def compact_form(form: QFormLayout, field_width: int = 420) -> QFormLayout:
    """Fields keep a readable width instead of stretching across a wide window."""
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        widget = item.widget() if item is not None else None
        if isinstance(widget, QLineEdit | QComboBox | QPlainTextEdit):
            widget.setMinimumWidth(field_width)
        elif isinstance(widget, QLabel):
            widget.setMaximumWidth(field_width + 160)
    return form


def read_only_table(headers: list[str], stretch: int | None = None) -> QTableWidget:
    """A list of rows chosen one at a time, never edited in place; column ``stretch`` takes the spare width (else
    the last one)."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def selected_row(table: QTableWidget, rows: list[T]) -> T | None:
    """The row of ``rows`` shown selected in ``table`` (None when nothing is selected)."""
    row = table.currentRow()
    return rows[row] if 0 <= row < len(rows) and table.selectedItems() else None


def heading(parent: QWidget | None = None, size_delta: int = 6, bold: bool = True) -> QLabel:
    label = QLabel(parent)
    font = QFont(label.font())
    font.setPointSize(font.pointSize() + size_delta)
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def username_is_valid(username: str) -> bool:
    """Letters, digits, dot, underscore and hyphen: the vault's rule for user names."""
    return bool(username) and username.replace(".", "").replace("_", "").replace("-", "").isalnum()


class PassphrasePair(QWidget):
    """A new passphrase and its confirmation, with the messages next to them: too short, or not the same.

    The two fields are added to the caller's form layout (``add_rows``) so labels line up with the other fields.
    Messages appear after the first ``check()`` and then follow the typing, so nobody is scolded before trying.
    """

    def __init__(self, parent: QWidget | None = None, *, replacing: bool = False) -> None:
        super().__init__(parent)
        self._replacing = replacing  # labels say "new passphrase" where an old one exists
        self.passphrase = QLineEdit(parent)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirmation = QLineEdit(parent)
        self.confirmation.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_message = FieldMessage(parent)
        self.confirmation_message = FieldMessage(parent)
        self.passphrase_label = QLabel(parent)
        self.confirmation_label = QLabel(parent)
        self.passphrase_label.setBuddy(self.passphrase)
        self.confirmation_label.setBuddy(self.confirmation)
        self._checked_once = False
        self.passphrase.textChanged.connect(self._recheck)
        self.confirmation.textChanged.connect(self._recheck)
        self.hide()
        self.retranslate()

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(self.passphrase_label, self.passphrase)
        form.addRow("", self.passphrase_message)
        form.addRow(self.confirmation_label, self.confirmation)
        form.addRow("", self.confirmation_message)

    def retranslate(self) -> None:
        self.passphrase_label.setText(self.tr("&New passphrase:") if self._replacing else self.tr("&Passphrase:"))
        self.confirmation_label.setText(self.tr("&Repeat passphrase:"))
        self.passphrase.setPlaceholderText(self.tr("at least {0} characters").format(MIN_PASSPHRASE_LENGTH))
        if self._checked_once:
            self._show_problems()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def value(self) -> str:
        return self.passphrase.text()

    def clear(self) -> None:
        self.passphrase.clear()
        self.confirmation.clear()
        self._checked_once = False
        self.passphrase_message.clear_message()
        self.confirmation_message.clear_message()

    def check(self) -> bool:
        """Show what is wrong next to the field; focus the first wrong field. True when both are fine."""
        self._checked_once = True
        ok = self._show_problems()
        if not ok:
            wrong = self.passphrase if self.passphrase_message.text() else self.confirmation
            wrong.setFocus()
        return ok

    def _recheck(self) -> None:
        if self._checked_once:
            self._show_problems()

    def _show_problems(self) -> bool:
        text = self.passphrase.text()
        too_short = len(text.strip()) < MIN_PASSPHRASE_LENGTH
        mismatch = not too_short and text != self.confirmation.text()
        self.passphrase_message.say(
            self.tr("Too short: use at least {0} characters (a short sentence is easy to remember).").format(
                MIN_PASSPHRASE_LENGTH
            )
            if too_short
            else ""
        )
        self.confirmation_message.say(self.tr("The two passphrases are not the same.") if mismatch else "")
        return not (too_short or mismatch)
