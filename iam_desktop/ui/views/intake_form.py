"""The short intake form ("presa in carico", short version): the few fields needed to open a case until the full
intake wizard arrives. It is the first user of drafts: what the operator types is saved, encrypted, as a draft a
moment after they stop typing and when the desk locks, restored after unlocking, and discarded on save or cancel.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.services.desk import Desk

from ..errors import ErrorDialog
from ..tasks import TaskRunner
from ..widgets import NOTICE_STYLE, FieldMessage, compact_form, heading

SHORT_INTAKE_FORM_ID = "intake.short"
FIELDS = ("given_names", "family_name", "codice_fiscale", "phone", "notes")
# 16-character definitive codice fiscale, or the 11-digit provisional one given to some protection holders.
CODICE_FISCALE = re.compile(r"^([A-Z0-9]{16}|[0-9]{11})$")
DRAFT_DELAY_MS = 1500


class ShortIntakeForm(QWidget):
    """Emits ``saved`` with the new case id, or ``closed`` when cancelled."""

    saved = Signal(str)
    closed = Signal()

    form_id = SHORT_INTAKE_FORM_ID

    def __init__(self, desk: Desk, runner: TaskRunner, errors: ErrorDialog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._errors = errors
        self._filling = False
        self.title_label = heading(size_delta=4)
        self.short_note = QLabel()
        self.short_note.setWordWrap(True)
        self.restored_label = QLabel()
        self.restored_label.setStyleSheet(NOTICE_STYLE)
        self.restored_label.hide()
        self.given_names_edit = QLineEdit()
        self.family_name_edit = QLineEdit()
        self.codice_fiscale_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(140)
        self.given_names_message = FieldMessage()
        self.family_name_message = FieldMessage()
        self.codice_fiscale_message = FieldMessage()
        self.labels = {name: QLabel() for name in FIELDS}
        edits: dict[str, QWidget] = {
            "given_names": self.given_names_edit,
            "family_name": self.family_name_edit,
            "codice_fiscale": self.codice_fiscale_edit,
            "phone": self.phone_edit,
            "notes": self.notes_edit,
        }
        messages = {
            "given_names": self.given_names_message,
            "family_name": self.family_name_message,
            "codice_fiscale": self.codice_fiscale_message,
        }
        form = QFormLayout()
        for name in FIELDS:
            self.labels[name].setBuddy(edits[name])
            form.addRow(self.labels[name], edits[name])
            if name in messages:
                form.addRow("", messages[name])
        compact_form(form, field_width=480)
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.short_note)
        layout.addWidget(self.restored_label)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_DELAY_MS)
        self.draft_timer.timeout.connect(self.save_draft_now)
        for edit in (self.given_names_edit, self.family_name_edit, self.codice_fiscale_edit, self.phone_edit):
            edit.textChanged.connect(self._edited)
            edit.returnPressed.connect(self.submit)
        self.notes_edit.textChanged.connect(self._edited)
        self.save_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.cancel)
        QShortcut(QKeySequence.StandardKey.Save, self, self.submit)
        self.retranslate()

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("New intake — short form"))
        self.short_note.setText(
            self.tr(
                "This short form opens a case with the essential data. The full intake (documents, status, "
                "skills, consent) comes with a later version of the app."
            )
        )
        self.restored_label.setText(self.tr("Your unsaved input was restored."))
        self.labels["given_names"].setText(self.tr("&Given names:"))
        self.labels["family_name"].setText(self.tr("&Family name:"))
        self.labels["codice_fiscale"].setText(self.tr("&Codice fiscale:"))
        self.labels["phone"].setText(self.tr("&Phone:"))
        self.labels["notes"].setText(self.tr("N&otes:"))
        self.codice_fiscale_edit.setPlaceholderText(self.tr("16 characters, or 11 digits if provisional"))
        self.save_button.setText(self.tr("&Save case"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the input as data ---------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        return {
            "given_names": self.given_names_edit.text().strip(),
            "family_name": self.family_name_edit.text().strip(),
            "codice_fiscale": self.codice_fiscale_edit.text().strip().upper(),
            "phone": self.phone_edit.text().strip(),
            "notes": self.notes_edit.toPlainText().strip(),
        }

    def has_unsaved_input(self) -> bool:
        return any(self.values().values())

    def fill(self, data: dict[str, Any]) -> None:
        self._filling = True
        try:
            self.given_names_edit.setText(str(data.get("given_names", "")))
            self.family_name_edit.setText(str(data.get("family_name", "")))
            self.codice_fiscale_edit.setText(str(data.get("codice_fiscale", "")))
            self.phone_edit.setText(str(data.get("phone", "")))
            self.notes_edit.setPlainText(str(data.get("notes", "")))
        finally:
            self._filling = False

    def clear_input(self) -> None:
        """Empty every field (on lock the input leaves the widgets; it lives on only as an encrypted draft)."""
        self.draft_timer.stop()
        self.fill({})
        self.restored_label.hide()
        for message in (self.given_names_message, self.family_name_message, self.codice_fiscale_message):
            message.clear_message()

    def restore_draft(self) -> bool:
        """Fill the form from this operator's draft, if there is one. True when something was restored."""
        data = self._desk.load_draft(self.form_id)
        if not data:
            return False
        self.fill(data)
        self.restored_label.show()
        return True

    # -- drafts --------------------------------------------------------------------------------------------

    def _edited(self) -> None:
        if not self._filling:
            self.draft_timer.start()

    def save_draft_now(self) -> None:
        self.draft_timer.stop()
        if not self._desk.unlocked:
            return
        data, desk, form_id = self.values(), self._desk, self.form_id
        if any(data.values()):
            self._runner.run_database(lambda: desk.save_draft(form_id, data))
        else:
            self._runner.run_database(lambda: desk.discard_draft(form_id))

    # -- save / cancel -------------------------------------------------------------------------------------

    def _check(self) -> bool:
        data = self.values()
        self.given_names_message.say("" if data["given_names"] else self.tr("Enter the given names."))
        self.family_name_message.say("" if data["family_name"] else self.tr("Enter the family name."))
        cf_ok = not data["codice_fiscale"] or bool(CODICE_FISCALE.match(data["codice_fiscale"]))
        self.codice_fiscale_message.say(
            "" if cf_ok else self.tr("A codice fiscale has 16 letters and digits, or 11 digits if provisional.")
        )
        for edit, ok in (
            (self.given_names_edit, data["given_names"]),
            (self.family_name_edit, data["family_name"]),
            (self.codice_fiscale_edit, cf_ok),
        ):
            if not ok:
                edit.setFocus()
                return False
        return True

    def submit(self) -> None:
        if not self._check():
            return
        self.draft_timer.stop()
        data, desk, form_id = self.values(), self._desk, self.form_id

        def create() -> str:
            case_id = desk.create_case(data)
            desk.discard_draft(form_id)
            return case_id

        self.save_button.setEnabled(False)
        self._runner.run_database(create, self._created, self._failed)

    def _created(self, case_id: str) -> None:
        self.save_button.setEnabled(True)
        self.clear_input()
        self.saved.emit(case_id)

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._errors.show(error)

    def cancel(self) -> None:
        self.clear_input()
        if self._desk.unlocked:
            desk, form_id = self._desk, self.form_id
            self._runner.run_database(lambda: desk.discard_draft(form_id))
        self.closed.emit()
