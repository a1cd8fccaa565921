"""The main window: the lock screen and, once unlocked, the workspace — navigation on the left (Casi, Agenda, Rete,
Monitoraggio, Impostazioni), the section on the right, and a status bar with the desk, the operator, the lock state
and the "Lock" action (Ctrl+L). Locking, by hand or after idle time, first keeps every form's unsaved input as an
encrypted draft, then drops the keys, then clears what the views showed; unlocking brings the input back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from iam_desktop.services.desk import Changes, Desk
from iam_desktop.vault.vault import OperatorInfo

from .dialogs import AboutBox
from .errors import ErrorDialog
from .idle import IdleWatch
from .lock_screen import LockScreen
from .monitoring import MonitoringView
from .network import NetworkView
from .pathway import reminder_text
from .tasks import TaskRunner
from .views.agenda import AgendaView
from .views.cases import CasesView
from .views.operators import role_name
from .views.settings import SettingsView

if TYPE_CHECKING:
    from .sync import SyncControls

DEFAULT_SIZE = QSize(1280, 720)  # fits a 1366×768 laptop screen with its task bar


class Workspace(QWidget):
    """Navigation and sections, shown while the desk is unlocked."""

    CASES, AGENDA, NETWORK, MONITORING, SETTINGS = range(5)

    def __init__(
        self,
        desk: Desk,
        runner: TaskRunner,
        errors: ErrorDialog,
        language: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.navigation = QListWidget()
        self.navigation.setFixedWidth(190)
        self.navigation.setSpacing(2)
        self.navigation.setStyleSheet("QListWidget { font-size: 12pt; padding-top: 8px; }")
        for _ in range(5):
            self.navigation.addItem(QListWidgetItem())
        self.cases = CasesView(desk, runner, errors, language)
        self.agenda = AgendaView(desk, runner, language)
        self.agenda.open_case_requested.connect(self.open_case)
        self.network = NetworkView(desk, runner, errors, language)
        self.monitoring = MonitoringView(desk, runner, errors, language)
        self.settings = SettingsView(desk, runner, errors)
        self.sections = QStackedWidget()
        for section in (self.cases, self.agenda, self.network, self.monitoring, self.settings):
            self.sections.addWidget(section)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.sections, 1)
        self.navigation.currentRowChanged.connect(self.sections.setCurrentIndex)
        self.navigation.currentRowChanged.connect(self._section_shown)
        self.navigation.setCurrentRow(self.CASES)
        self.retranslate()

    def retranslate(self) -> None:
        names = (self.tr("Cases"), self.tr("Agenda"), self.tr("Network"), self.tr("Monitoring"), self.tr("Settings"))
        for row, name in enumerate(names):
            item = self.navigation.item(row)
            if item is not None:
                item.setText(name)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _section_shown(self, row: int) -> None:
        if row == self.NETWORK:
            self.network.reload()

    def show_section(self, row: int) -> None:
        self.navigation.setCurrentRow(row)

    def open_case(self, case_id: str) -> None:
        self.show_section(self.CASES)
        self.cases.open_case(case_id)


class MainWindow(QMainWindow):
    """Lock screen or workspace; ``lock_screen_shown`` is emitted each time the lock screen appears."""

    lock_screen_shown = Signal()
    language_requested = Signal(str)

    def __init__(
        self,
        desk: Desk,
        runner: TaskRunner,
        errors: ErrorDialog,
        idle: IdleWatch,
        language: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self._runner = runner
        self._errors = errors
        self._language = language
        self.idle = idle
        self.lock_screen = LockScreen(desk, runner, errors)
        self.workspace = Workspace(desk, runner, errors, language)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.lock_screen)
        self.stack.addWidget(self.workspace)
        self.setCentralWidget(self.stack)
        self.resize(DEFAULT_SIZE)

        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock_now)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.desk_menu = self.menuBar().addMenu("")
        self.desk_menu.addAction(self.lock_action)
        self.desk_menu.addSeparator()
        self.desk_menu.addAction(self.quit_action)
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addAction(self.about_action)

        self.desk_status = QLabel()
        self.operator_status = QLabel()
        self.lock_status = QLabel()
        self.reminder_status = QLabel()
        self.reminder_status.setStyleSheet("color: #8a5300; padding: 0 10px;")
        self.lock_button = QToolButton()
        self.lock_button.setDefaultAction(self.lock_action)
        self.lock_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for label in (self.desk_status, self.operator_status, self.lock_status):
            label.setStyleSheet("padding: 0 10px;")
        status = self.statusBar()
        status.addWidget(self.desk_status)
        status.addWidget(self.operator_status)
        status.addWidget(self.reminder_status)
        status.addPermanentWidget(self.lock_status)
        status.addPermanentWidget(self.lock_button)
        # Sync brings requests and pydantic: built just after the lock screen is up (or on first use), so the
        # lock screen does not wait for them (start-up budget, bench/startup.py).
        self._sync_controls: SyncControls | None = None
        QTimer.singleShot(0, lambda: self.sync_controls)

        self.lock_screen.unlocked.connect(self.session_started)
        self.idle.idle.connect(self.lock_now)
        self.workspace.cases.changes_applied.connect(self.apply_changes)
        self.workspace.network.changed.connect(lambda: self.apply_changes(Changes(cases=True)))
        self.workspace.settings.changes_applied.connect(self.apply_changes)
        self.workspace.settings.language_requested.connect(self.language_requested)
        self.retranslate()

    @property
    def sync_controls(self) -> SyncControls:
        if self._sync_controls is None:
            from . import sync  # imported here, not at start: see __init__

            controls = sync.SyncControls(self.desk, self._runner, self._errors, self._language, self)
            controls.install(self.desk_menu, self.lock_action, self.statusBar())
            controls.changes_applied.connect(self.apply_changes)
            self._sync_controls = controls
        return self._sync_controls

    # -- texts ---------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle("I.Am Desk")
        self.desk_menu.setTitle(self.tr("&Desk"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.lock_action.setText(self.tr("Lock"))
        self.lock_action.setToolTip(self.tr("Lock now (Ctrl+L)"))
        self.quit_action.setText(self.tr("Quit"))
        self.about_action.setText(self.tr("About I.Am Desk"))
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_status(self) -> None:
        profile = self.desk.profile
        place = f"{profile.desk_name} · {profile.territory}" if profile.territory else profile.desk_name
        self.desk_status.setText(place)
        operator = self.desk.operator if self.desk.unlocked else None
        self.operator_status.setText(f"{operator.display_name} ({role_name(operator.role)})" if operator else "")
        self.operator_status.setVisible(operator is not None)
        self.lock_status.setText(self.tr("Unlocked") if operator else self.tr("Locked"))
        self.lock_action.setEnabled(operator is not None)
        self.about_action.setEnabled(True)

    # -- lock and unlock -----------------------------------------------------------------------------------

    def show_lock_screen(self, preferred_username: str | None = None) -> None:
        self.stack.setCurrentWidget(self.lock_screen)
        self.lock_screen.prepare(preferred_username)
        self._show_status()
        self.lock_screen_shown.emit()

    def session_started(self, _operator: OperatorInfo) -> None:
        settings = self.desk.settings()
        self.stack.setCurrentWidget(self.workspace)
        self.workspace.settings.session_started(self._language())
        self.workspace.cases.session_started()
        self.workspace.agenda.reload()
        self._refresh_reminder()
        if self.workspace.cases.focus_after_unlock():
            self.workspace.show_section(Workspace.CASES)
            self.workspace.cases.focus_after_unlock()
        else:
            # The keyboard must land somewhere visible: the navigation, from which every section is one key away.
            self.workspace.navigation.setFocus()
        self.idle.set_minutes(settings.auto_lock_minutes)
        self.idle.start()
        self.sync_controls.session_started()
        self._show_status()

    def _refresh_reminder(self) -> None:
        desk = self.desk
        self._runner.run_database(lambda: reminder_text(desk), self._show_reminder)

    def _show_reminder(self, text: str) -> None:
        """The day's agenda in one sentence after unlock ("Oggi: 3 scadenze, 2 in ritardo")."""
        # A label of its own: a transient status message would be drawn over the desk and operator names.
        self.reminder_status.setText(text if self.desk.unlocked else "")

    def lock_now(self) -> None:
        """Keep unsaved input as encrypted drafts, then drop the keys; the screen locks at once."""
        if self.stack.currentWidget() is self.lock_screen:
            return
        self.idle.stop()
        self.sync_controls.session_ended()
        operator = self.desk.operator
        drafts = self.workspace.cases.take_drafts()
        self.workspace.cases.session_ended()
        self.workspace.agenda.clear()
        self.workspace.monitoring.clear()
        self.workspace.network.clear()
        self.reminder_status.clear()
        self.workspace.settings.session_ended()
        desk = self.desk

        def save_drafts_and_lock() -> None:
            try:
                for form_id, data in drafts:
                    desk.save_draft(form_id, data)
            finally:
                desk.lock()  # even if a draft could not be written, the keys go

        self._runner.run_database(save_drafts_and_lock, lambda _result: self._show_status())
        self.show_lock_screen(operator.username if operator else None)

    # -- changes -------------------------------------------------------------------------------------------

    def apply_changes(self, changes: Changes) -> None:
        """The one place views learn that something changed; each refreshes what it shows."""
        if not self.desk.unlocked:
            return
        if changes.cases:
            self.workspace.cases.reload()
            self.workspace.agenda.reload()
            self.workspace.monitoring.cases_changed()
            if self.workspace.sections.currentWidget() is self.workspace.network:
                self.workspace.network.reload()
            self._refresh_reminder()
        if changes.operators:
            self.workspace.settings.operators_box.reload()
            self.lock_screen.refresh()
        if changes.settings:
            self.workspace.cases.reload()
            self.workspace.agenda.reload()
            self.idle.set_minutes(self.desk.settings().auto_lock_minutes)
        self.sync_controls.local_changes(changes)

    def show_about(self) -> None:
        AboutBox(self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Leaving the app must not leave input unsaved or keys in memory.
        if self.desk.unlocked:
            self.lock_now()
        self._runner.wait_idle()
        super().closeEvent(event)
