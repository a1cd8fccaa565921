"""The first-run wizard: a first choice between setting up this desk and trying the demo network (a local sync
server with fictitious desks, built on the network pool); then the desk profile, the first coordinator, the
creation of the vault (on the database worker, with a progress bar) and the recovery key, shown once, with its
printable sheet. Keyboard first: the first field of each page has the focus, Tab follows the fields, Enter goes
on; a wrong field says why next to it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from iam_desktop.services.desk import Desk
from iam_desktop.services.recovery import print_recovery_sheet
from iam_desktop.services.settings import Settings
from iam_desktop.vault.paths import DataDir

from .errors import ErrorDialog
from .sync.demo import DemoStart, start_demo
from .sync.first_run import DemoPage, StartChoicePage
from .tasks import TaskRunner
from .widgets import NOTICE_STYLE, FieldMessage, PassphrasePair, compact_form, heading, username_is_valid

TERRITORIES = ("Brescia", "Val Trompia", "Valle Sabbia", "Padova", "Reggio Emilia")


def _focus_later(widget: QWidget) -> None:
    # The wizard moves the focus itself while showing a page; ours must come after it.
    QTimer.singleShot(0, widget.setFocus)


class DeskProfilePage(QWizardPage):
    """Name and territory of the desk."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_edit = QLineEdit()
        self.name_message = FieldMessage()
        self.territory_combo = QComboBox()
        self.territory_combo.setEditable(True)
        self.territory_combo.addItems(TERRITORIES)
        self.territory_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name_edit)
        self.territory_label = QLabel()
        self.territory_label.setBuddy(self.territory_combo)
        form = QFormLayout(self)
        form.addRow(self.name_label, self.name_edit)
        form.addRow("", self.name_message)
        form.addRow(self.territory_label, self.territory_combo)
        compact_form(form)
        self.name_edit.textChanged.connect(lambda _text: self.name_message.clear_message())
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your desk"))
        self.setSubTitle(self.tr("Welcome to I.Am Desk. First, tell us which desk this computer belongs to."))
        self.name_label.setText(self.tr("Desk &name:"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Sportello Val Trompia"))
        self.territory_label.setText(self.tr("&Territory:"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def initializePage(self) -> None:
        _focus_later(self.name_edit)

    def validatePage(self) -> bool:
        if not self.name_edit.text().strip():
            self.name_message.say(self.tr("Enter the desk's name."))
            self.name_edit.setFocus()
            return False
        return True


class CoordinatorPage(QWizardPage):
    """The first coordinator: user name, full name and passphrase (typed twice)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.username_edit = QLineEdit()
        self.username_message = FieldMessage()
        self.full_name_edit = QLineEdit()
        self.full_name_message = FieldMessage()
        self.passphrase = PassphrasePair(self)
        self.username_label = QLabel()
        self.username_label.setBuddy(self.username_edit)
        self.full_name_label = QLabel()
        self.full_name_label.setBuddy(self.full_name_edit)
        form = QFormLayout(self)
        form.addRow(self.username_label, self.username_edit)
        form.addRow("", self.username_message)
        form.addRow(self.full_name_label, self.full_name_edit)
        form.addRow("", self.full_name_message)
        self.passphrase.add_rows(form)
        compact_form(form)
        self.username_edit.textChanged.connect(lambda _text: self.username_message.clear_message())
        self.full_name_edit.textChanged.connect(lambda _text: self.full_name_message.clear_message())
        self.setCommitPage(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The first coordinator"))
        self.setSubTitle(
            self.tr("The coordinator manages the desk's operators and settings. Choose a passphrase you can remember.")
        )
        self.username_label.setText(self.tr("&User name:"))
        self.username_edit.setPlaceholderText(self.tr("e.g. m.rossi"))
        self.full_name_label.setText(self.tr("&Full name:"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create the desk"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def initializePage(self) -> None:
        _focus_later(self.username_edit)

    def validatePage(self) -> bool:
        username = self.username_edit.text().strip()
        name_ok = username_is_valid(username)
        self.username_message.say(
            "" if name_ok else self.tr("Use letters, digits, dots, hyphens or underscores, without spaces.")
        )
        full_ok = bool(self.full_name_edit.text().strip())
        self.full_name_message.say("" if full_ok else self.tr("Enter the coordinator's full name."))
        passphrase_ok = self.passphrase.check()
        if not name_ok:
            self.username_edit.setFocus()
        elif not full_ok:
            self.full_name_edit.setFocus()
        return name_ok and full_ok and passphrase_ok


class CreationPage(QWizardPage):
    """Creates the vault on the database worker; the Argon2id key derivation takes a moment."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the vault does not report steps
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        self.done = False
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Creating the desk"))
        self.status_label.setText(
            self.tr("Creating the encrypted vault and the keys…") if not self.done else self.tr("The desk is ready.")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def isComplete(self) -> bool:
        return self.done

    def mark_done(self) -> None:
        self.done = True
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.retranslate()
        self.completeChanged.emit()

    def mark_failed(self) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status_label.setText(self.tr("The desk could not be created. Go back, correct and try again."))


class RecoveryKeyPage(QWizardPage):
    """The recovery key, shown this once, and the sheet to print and keep in a safe."""

    def __init__(self, save_sheet: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = heading(size_delta=1)
        self.key_label = QLabel()
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setWordWrap(True)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSize(18)
        mono.setWeight(QFont.Weight.Bold)
        self.key_label.setFont(mono)
        self.key_label.setStyleSheet("padding: 12px; border: 1px solid #888; background: #fffbe6;")
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(save_sheet)
        self.saved_label = QLabel()
        self.saved_label.setStyleSheet(NOTICE_STYLE)
        self.saved_label.setWordWrap(True)
        self.kept_check = QCheckBox()
        self.kept_check.toggled.connect(lambda _on: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.key_label)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.saved_label)
        layout.addStretch(1)
        layout.addWidget(self.kept_check)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Recovery key"))
        self.explanation.setText(
            self.tr(
                "With this key a coordinator can set a new passphrase for anyone who forgets theirs. "
                "It is shown only now: print the sheet or write the key down, and keep it in a safe."
            )
        )
        self.save_button.setText(self.tr("Save recovery sheet (PDF)…"))
        self.kept_check.setText(self.tr("I have printed or stored the key"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def initializePage(self) -> None:
        _focus_later(self.save_button)

    def isComplete(self) -> bool:
        return self.kept_check.isChecked()

    def nextId(self) -> int:
        return -1  # the last page (the choice and demo pages have higher ids)


class FirstRunWizard(QWizard):
    """Creates the desk and its first coordinator; ``desk_created`` carries the new (unlocked) desk on finish."""

    desk_created = Signal(object)
    demo_started = Signal(object)  # DemoStart: the shell keeps the server and opens the demo desk

    PROFILE, COORDINATOR, CREATION, RECOVERY, CHOICE, DEMO = range(6)

    def __init__(
        self,
        data_dir: DataDir,
        runner: TaskRunner,
        errors: ErrorDialog,
        language: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._runner = runner
        self._errors = errors
        self._language = language
        self.desk: Desk | None = None
        self.recovery_key = ""
        self.profile_page = DeskProfilePage()
        self.coordinator_page = CoordinatorPage()
        self.creation_page = CreationPage()
        self.recovery_page = RecoveryKeyPage(self.save_recovery_sheet)
        self.choice_page = StartChoicePage(self.PROFILE, self.DEMO)
        self.demo_page = DemoPage()
        self.demo: DemoStart | None = None
        self.setPage(self.CHOICE, self.choice_page)
        self.setPage(self.DEMO, self.demo_page)
        self.setStartId(self.CHOICE)
        self.setPage(self.PROFILE, self.profile_page)
        self.setPage(self.COORDINATOR, self.coordinator_page)
        self.setPage(self.CREATION, self.creation_page)
        self.setPage(self.RECOVERY, self.recovery_page)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.currentIdChanged.connect(self._page_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("I.Am Desk — set-up"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _page_changed(self, page_id: int) -> None:
        if page_id == self.DEMO and self.demo is None:
            self._start_demo()
        if page_id == self.CREATION and self.desk is None:
            self._create()
        if page_id == self.RECOVERY:
            self.recovery_page.key_label.setText(self.recovery_key)

    def _create(self) -> None:
        profile, coordinator = self.profile_page, self.coordinator_page
        desk_name = profile.name_edit.text().strip()
        territory = profile.territory_combo.currentText().strip()
        username = coordinator.username_edit.text().strip()
        full_name = coordinator.full_name_edit.text().strip()
        passphrase = coordinator.passphrase.value()
        language = self._language()
        data_dir = self._data_dir

        def create() -> tuple[Desk, str]:
            desk, recovery_key = Desk.initialise(
                data_dir,
                desk_name=desk_name,
                territory=territory,
                username=username,
                display_name=full_name,
                passphrase=passphrase,
            )
            desk.update_settings(Settings(language=language))
            return desk, recovery_key

        self._runner.run_database(create, self._created, self._creation_failed)

    def _start_demo(self) -> None:
        data_dir = self._data_dir
        self._runner.run_network(lambda: start_demo(data_dir), self._demo_ready, self._demo_failed)

    def _demo_ready(self, start: DemoStart) -> None:
        if not self.isVisible():  # closed while the demo was being built: nobody will use the server
            start.network.stop()
            return
        self.demo = start
        self.demo_started.emit(start)
        QTimer.singleShot(0, self.accept)

    def _demo_failed(self, error: BaseException) -> None:
        self.demo_page.mark_failed()
        self._errors.show(error)

    def _created(self, result: tuple[Desk, str]) -> None:
        self.desk, self.recovery_key = result
        self.coordinator_page.passphrase.clear()
        self.creation_page.mark_done()
        # Not from inside the page-change signal that started the creation (inline runner in tests).
        QTimer.singleShot(0, self.next)

    def _creation_failed(self, error: BaseException) -> None:
        self.creation_page.mark_failed()
        self._errors.show(error)

    def save_recovery_sheet(self) -> None:
        if self.desk is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / self.tr("recovery-key.pdf"))
        target, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save recovery sheet"), suggested, self.tr("PDF documents (*.pdf)")
        )
        if not target:
            return
        try:
            print_recovery_sheet(self.desk.profile, self.recovery_key, Path(target))
        except Exception as exc:  # shown by the one error dialog
            self._errors.show(exc)
            return
        self.recovery_page.saved_label.setText(self.tr("Saved: {0}").format(target))

    def reject(self) -> None:
        # Once the desk exists, closing would lose the only sight of the recovery key.
        if self.desk is not None and not self.recovery_page.kept_check.isChecked():
            self.recovery_page.kept_check.setFocus()
            return
        super().reject()

    def accept(self) -> None:
        self.recovery_key = ""
        self.recovery_page.key_label.clear()
        # The main window appears before the wizard closes, so the app never has no window (and never quits).
        if self.desk is not None:
            self.desk_created.emit(self.desk)
        super().accept()
