"""Small dialogs of the shell: resetting a forgotten passphrase with the desk's recovery key (works while locked)
and the "About" box."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from iam_desktop import __version__
from iam_desktop.domain.errors import WrongRecoveryKeyError
from iam_desktop.services.desk import Desk

from .errors import ErrorDialog
from .tasks import TaskRunner
from .widgets import NOTICE_STYLE, FieldMessage, PassphrasePair


class PassphraseResetDialog(QDialog):
    """Sets a new passphrase for an operator with the recovery key printed at set-up."""

    def __init__(
        self, desk: Desk, runner: TaskRunner, errors: ErrorDialog, username: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._errors = errors
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.operator_combo = QComboBox()
        for operator in desk.operators():
            self.operator_combo.addItem(operator.display_name, operator.username)
        self.operator_combo.setCurrentIndex(max(0, self.operator_combo.findData(username)))
        self.recovery_edit = QLineEdit()
        self.recovery_message = FieldMessage()
        self.passphrase = PassphrasePair(self, replacing=True)
        self.done_label = QLabel()
        self.done_label.setStyleSheet(NOTICE_STYLE)
        self.operator_label = QLabel()
        self.operator_label.setBuddy(self.operator_combo)
        self.recovery_label = QLabel()
        self.recovery_label.setBuddy(self.recovery_edit)
        form = QFormLayout()
        form.addRow(self.operator_label, self.operator_combo)
        form.addRow(self.recovery_label, self.recovery_edit)
        form.addRow("", self.recovery_message)
        self.passphrase.add_rows(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.recovery_edit.textChanged.connect(lambda _t: self.recovery_message.clear_message())
        self.setMinimumWidth(520)
        self.retranslate()
        self.recovery_edit.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reset a passphrase"))
        self.intro.setText(
            self.tr(
                "Type the recovery key from the sheet printed when the desk was set up, "
                "then choose a new passphrase for the operator."
            )
        )
        self.operator_label.setText(self.tr("&Operator:"))
        self.recovery_label.setText(self.tr("&Recovery key:"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Set new passphrase"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def submit(self) -> None:
        key = self.recovery_edit.text().strip()
        if not key:
            self.recovery_message.say(self.tr("Type the recovery key."))
            self.recovery_edit.setFocus()
            return
        if not self.passphrase.check():
            return
        username = str(self.operator_combo.currentData() or "")
        passphrase = self.passphrase.value()
        desk = self._desk
        self.buttons.setEnabled(False)
        self._runner.run_database(lambda: desk.reset_passphrase(key, username, passphrase), self._done, self._failed)

    def _done(self, _changes: object) -> None:
        self.buttons.setEnabled(True)
        self.passphrase.clear()
        self.recovery_edit.clear()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, WrongRecoveryKeyError):
            self.recovery_message.say(self.tr("This recovery key does not open this desk's vault."))
            self.recovery_edit.setFocus()
            return
        self._errors.show(error)


class AboutBox(QMessageBox):
    """Name, version and purpose of the app."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Information)
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About I.Am Desk"))
        self.setText(f"<b>I.Am Desk</b> {__version__}")
        self.setInformativeText(
            self.tr(
                "The case tool of the I.Am network (Integrazione, Autonomia e Mobilità) of the "
                "Sportelli del Territorio. Data is encrypted on this computer."
            )
        )
