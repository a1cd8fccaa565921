"""The lock screen: which desk this is, who is unlocking, their passphrase. Unlocking (Argon2id, about half a
second) runs on the database worker while a busy bar moves; a wrong passphrase is said in place, and after repeated
failures the vault's back-off is shown as a live countdown with the button disabled until it ends. The
"forgotten passphrase" link opens the reset with the desk's recovery key.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.domain.errors import TooManyAttemptsError, WrongPassphraseError
from iam_desktop.services.desk import Desk
from iam_desktop.vault.vault import OperatorInfo

from .dialogs import PassphraseResetDialog
from .errors import ErrorDialog
from .tasks import TaskRunner
from .widgets import ERROR_STYLE, heading


class LockScreen(QWidget):
    """Emits ``unlocked`` with the operator once the vault is open."""

    unlocked = Signal(object)

    def __init__(
        self,
        desk: Desk,
        runner: TaskRunner,
        errors: ErrorDialog,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._errors = errors
        self._deadline = 0.0
        self._wrong_message = ""
        self._busy = False

        self.app_label = heading(size_delta=10)
        self.desk_label = heading(size_delta=4)
        self.territory_label = QLabel()
        self.operator_combo = QComboBox()
        self.operator_label = QLabel()
        self.operator_label.setBuddy(self.operator_combo)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_label = QLabel()
        self.passphrase_label.setBuddy(self.passphrase_edit)
        self.message_label = QLabel()
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setWordWrap(True)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(8)
        self.busy_bar.hide()
        self.unlock_button = QPushButton()
        self.unlock_button.setDefault(True)
        self.forgot_link = QLabel()
        # Reachable with Tab and Enter too, not only with the mouse.
        self.forgot_link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.forgot_link.linkActivated.connect(lambda _link: self.open_reset())

        card = QFrame()
        card.setObjectName("lockCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setStyleSheet("#lockCard { background: palette(base); border-radius: 8px; }")
        card.setMinimumWidth(460)
        card.setMaximumWidth(560)
        form = QFormLayout()
        form.addRow(self.operator_label, self.operator_combo)
        form.addRow(self.passphrase_label, self.passphrase_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.forgot_link)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(12)
        inner.addWidget(self.app_label)
        inner.addWidget(self.desk_label)
        inner.addWidget(self.territory_label)
        inner.addSpacing(12)
        inner.addLayout(form)
        inner.addWidget(self.message_label)
        inner.addWidget(self.busy_bar)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.countdown = QTimer(self)
        self.countdown.setInterval(250)
        self.countdown.timeout.connect(self._tick)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.passphrase_edit.returnPressed.connect(self.try_unlock)
        self.passphrase_edit.textChanged.connect(lambda _t: self._clear_wrong())
        self.operator_combo.currentIndexChanged.connect(lambda _i: self._operator_changed())
        self.refresh()
        self.retranslate()

    # -- texts ---------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.app_label.setText("I.Am Desk")
        self.operator_label.setText(self.tr("&Operator:"))
        self.passphrase_label.setText(self.tr("&Passphrase:"))
        self.unlock_button.setText(self.tr("Unlock"))
        link = self.tr("Forgot your passphrase?")
        self.forgot_link.setText(f'<a href="reset">{link}</a>')
        if self._wrong_message:
            self._wrong_message = self.tr("Wrong passphrase. Check it and try again.")
        self._show_message()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- state ---------------------------------------------------------------------------------------------

    def refresh(self, preferred_username: str | None = None) -> None:
        """Reload the desk's profile and operators (after set-up, or when a coordinator added one)."""
        profile = self._desk.profile
        self.desk_label.setText(profile.desk_name)
        self.territory_label.setText(profile.territory)
        self.territory_label.setVisible(bool(profile.territory))
        current = preferred_username or self.selected_username()
        self.operator_combo.blockSignals(True)
        self.operator_combo.clear()
        for operator in self._desk.operators():
            if operator.active:
                self.operator_combo.addItem(operator.display_name, operator.username)
        index = self.operator_combo.findData(current) if current else -1
        self.operator_combo.setCurrentIndex(max(index, 0))
        self.operator_combo.blockSignals(False)
        self._operator_changed()

    def selected_username(self) -> str:
        data = self.operator_combo.currentData()
        return str(data) if data else ""

    def prepare(self, preferred_username: str | None = None) -> None:
        """Called each time the screen is shown: fresh fields, focus on the passphrase."""
        self.passphrase_edit.clear()
        self._wrong_message = ""
        self.refresh(preferred_username)
        self.passphrase_edit.setFocus()

    def _operator_changed(self) -> None:
        username = self.selected_username()
        wait = self._desk.retry_after(username) if username else 0.0
        self._start_countdown(wait)

    def _clear_wrong(self) -> None:
        if self._wrong_message:
            self._wrong_message = ""
            self._show_message()

    def seconds_left(self) -> int:
        return max(0, math.ceil(self._deadline - time.monotonic()))

    def _start_countdown(self, seconds: float) -> None:
        self._deadline = time.monotonic() + seconds
        if seconds > 0:
            self.countdown.start()
        self._tick()

    def _tick(self) -> None:
        if self.seconds_left() <= 0:
            self.countdown.stop()
        self._show_message()

    def _show_message(self) -> None:
        left = self.seconds_left()
        parts = [self._wrong_message] if self._wrong_message else []
        if left > 0:
            parts.append(self.tr("Too many wrong attempts: you can try again in {0} s.").format(left))
        self.message_label.setText("\n".join(parts))
        self.message_label.setVisible(bool(parts))
        self.unlock_button.setEnabled(left <= 0 and not self._busy and self.operator_combo.count() > 0)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_bar.setVisible(busy)
        self.passphrase_edit.setEnabled(not busy)
        self.operator_combo.setEnabled(not busy)
        self._show_message()

    # -- actions -------------------------------------------------------------------------------------------

    def try_unlock(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        username = self.selected_username()
        passphrase = self.passphrase_edit.text()
        if not username or not passphrase:
            self.passphrase_edit.setFocus()
            return
        self._set_busy(True)
        desk = self._desk
        self._runner.run_database(lambda: desk.unlock(username, passphrase), self._unlock_done, self._unlock_failed)

    def _unlock_done(self, operator: OperatorInfo) -> None:
        self._set_busy(False)
        self.passphrase_edit.clear()
        self._wrong_message = ""
        self._show_message()
        self.unlocked.emit(operator)

    def _unlock_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.passphrase_edit.selectAll()
        self.passphrase_edit.setFocus()
        if isinstance(error, WrongPassphraseError):
            self._wrong_message = self.tr("Wrong passphrase. Check it and try again.")
            self._start_countdown(error.retry_after)
        elif isinstance(error, TooManyAttemptsError):
            self._start_countdown(error.retry_after)
        else:
            self._errors.show(error)

    def open_reset(self) -> None:
        dialog = PassphraseResetDialog(self._desk, self._runner, self._errors, self.selected_username(), self)
        dialog.exec()
        self._operator_changed()
