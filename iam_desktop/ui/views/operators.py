"""The desk's operators, for coordinators: who can unlock this desk, with which role, and a form to add one.
Also the form with which any operator changes their own passphrase."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.domain.errors import ValidationError, WrongPassphraseError
from iam_desktop.domain.roles import Role
from iam_desktop.services.desk import Changes, Desk

from ..errors import ErrorDialog
from ..tasks import TaskRunner
from ..widgets import NOTICE_STYLE, FieldMessage, PassphrasePair, username_is_valid


def role_name(role: Role) -> str:
    names = {
        Role.OPERATOR: QCoreApplication.translate("Roles", "Operator"),
        Role.COORDINATOR: QCoreApplication.translate("Roles", "Coordinator"),
        Role.CENTRAL_MONITOR: QCoreApplication.translate("Roles", "Central office"),
    }
    return names[role]


class OperatorsBox(QGroupBox):
    """List of operators and the form to add one (coordinators only: the service checks it again)."""

    changes_applied = Signal(object)

    def __init__(self, desk: Desk, runner: TaskRunner, errors: ErrorDialog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._errors = errors
        self.operator_list = QListWidget()
        self.operator_list.setMinimumHeight(90)
        self.operator_list.setMaximumHeight(160)
        self.add_title = QLabel()
        self.username_edit = QLineEdit()
        self.username_message = FieldMessage()
        self.full_name_edit = QLineEdit()
        self.full_name_message = FieldMessage()
        self.role_combo = QComboBox()
        self.passphrase = PassphrasePair(self)
        self.add_button = QPushButton()
        self.added_label = QLabel()
        self.added_label.setStyleSheet(NOTICE_STYLE)
        self.username_label = QLabel()
        self.username_label.setBuddy(self.username_edit)
        self.full_name_label = QLabel()
        self.full_name_label.setBuddy(self.full_name_edit)
        self.role_label = QLabel()
        self.role_label.setBuddy(self.role_combo)
        form = QFormLayout()
        form.addRow(self.username_label, self.username_edit)
        form.addRow("", self.username_message)
        form.addRow(self.full_name_label, self.full_name_edit)
        form.addRow("", self.full_name_message)
        form.addRow(self.role_label, self.role_combo)
        self.passphrase.add_rows(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.added_label, 1)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.operator_list)
        layout.addWidget(self.add_title)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_operator)
        self.username_edit.textChanged.connect(lambda _t: self.username_message.clear_message())
        self.full_name_edit.textChanged.connect(lambda _t: self.full_name_message.clear_message())
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Operators of this desk"))
        self.add_title.setText(self.tr("Add an operator:"))
        self.username_label.setText(self.tr("User &name:"))
        self.full_name_label.setText(self.tr("F&ull name:"))
        self.role_label.setText(self.tr("R&ole:"))
        current = self.role_combo.currentData()
        self.role_combo.clear()
        for role in (Role.OPERATOR, Role.COORDINATOR):
            self.role_combo.addItem(role_name(role), role.value)
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(current)))
        self.add_button.setText(self.tr("Add operator"))
        self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reload(self) -> None:
        self.operator_list.clear()
        if not self._desk.unlocked:
            return
        for operator in self._desk.operators():
            self.operator_list.addItem(
                f"{operator.display_name}  ·  {operator.username}  ·  {role_name(operator.role)}"
            )

    def add_operator(self) -> None:
        username = self.username_edit.text().strip()
        full_name = self.full_name_edit.text().strip()
        name_ok = username_is_valid(username)
        self.username_message.say(
            "" if name_ok else self.tr("Use letters, digits, dots, hyphens or underscores, without spaces.")
        )
        self.full_name_message.say("" if full_name else self.tr("Enter the full name."))
        if not (self.passphrase.check() and name_ok and full_name):
            return
        role = Role(str(self.role_combo.currentData()))
        passphrase, desk = self.passphrase.value(), self._desk
        self.add_button.setEnabled(False)
        self._runner.run_database(
            lambda: desk.add_operator(username, full_name, role, passphrase), self._added, self._failed
        )

    def _added(self, changes: Changes) -> None:
        self.add_button.setEnabled(True)
        self.added_label.setText(self.tr("Added: {0}").format(self.full_name_edit.text().strip()))
        for edit in (self.username_edit, self.full_name_edit):
            edit.clear()
        self.passphrase.clear()
        self.changes_applied.emit(changes)

    def _failed(self, error: BaseException) -> None:
        self.add_button.setEnabled(True)
        if isinstance(error, ValidationError) and error.field == "username" and error.code == "taken":
            self.username_message.say(self.tr("This user name is already in use."))
            return
        self._errors.show(error)


class OwnPassphraseBox(QGroupBox):
    """Changing one's own passphrase: the current one is asked again, so an unattended screen is not enough."""

    def __init__(self, desk: Desk, runner: TaskRunner, errors: ErrorDialog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._errors = errors
        self.current_edit = QLineEdit()
        self.current_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.current_message = FieldMessage()
        self.current_label = QLabel()
        self.current_label.setBuddy(self.current_edit)
        self.passphrase = PassphrasePair(self, replacing=True)
        self.change_button = QPushButton()
        self.changed_label = QLabel()
        self.changed_label.setStyleSheet(NOTICE_STYLE)
        form = QFormLayout()
        form.addRow(self.current_label, self.current_edit)
        form.addRow("", self.current_message)
        self.passphrase.add_rows(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.changed_label, 1)
        buttons.addWidget(self.change_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.change_button.clicked.connect(self.change)
        self.current_edit.textChanged.connect(lambda _t: self.current_message.clear_message())
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("My passphrase"))
        self.current_label.setText(self.tr("C&urrent passphrase:"))
        self.change_button.setText(self.tr("Change passphrase"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def clear(self) -> None:
        self.current_edit.clear()
        self.passphrase.clear()
        self.changed_label.clear()

    def change(self) -> None:
        current = self.current_edit.text()
        if not current:
            self.current_message.say(self.tr("Type your current passphrase."))
            self.current_edit.setFocus()
            return
        if not self.passphrase.check():
            return
        new, desk = self.passphrase.value(), self._desk
        self.change_button.setEnabled(False)
        self._runner.run_database(lambda: desk.change_passphrase(current, new), self._changed, self._failed)

    def _changed(self, _changes: Changes) -> None:
        self.change_button.setEnabled(True)
        self.clear()
        self.changed_label.setText(self.tr("Passphrase changed."))

    def _failed(self, error: BaseException) -> None:
        self.change_button.setEnabled(True)
        if isinstance(error, WrongPassphraseError):
            self.current_message.say(self.tr("The current passphrase is not right."))
            return
        if isinstance(error, ValidationError) and error.field == "passphrase":
            self.passphrase.passphrase_message.say(self.tr("The new passphrase must differ from the current one."))
            return
        self._errors.show(error)
