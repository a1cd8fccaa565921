"""Sync in the main window, wired in one object so the window only calls it at its seams: the scheduler, the
status-bar widget, the "Sincronizza ora" (Ctrl+Shift+S) and "Conflitti…" actions of the desk menu, and the sync
panel and conflicts view (non-modal: the operator keeps typing). It starts with the session and stops on lock
(closing the dialogs, which show decrypted values); a local change asks for a debounced sync; a run that pulled
changes is announced as ``Changes(cases=True)`` through ``changes_applied``, which the window feeds to its one
``apply_changes``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QStatusBar, QWidget

from iam_desktop.services.desk import Changes, Desk

from ..errors import ErrorDialog
from ..tasks import TaskRunner
from .conflicts import ConflictsDialog
from .panel import SyncPanel
from .scheduler import SyncScheduler
from .status import SyncStatusWidget


class SyncControls(QObject):
    """Owns the sync UI of one main window."""

    changes_applied = Signal(object)  # Changes

    def __init__(
        self,
        desk: Desk,
        runner: TaskRunner,
        errors: ErrorDialog,
        language: Callable[[], str],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._desk = desk
        self._runner = runner
        self._errors = errors
        self._language = language
        self._window = window
        self._announcing = False
        self.scheduler = SyncScheduler(desk, runner, parent=self)
        self.widget = SyncStatusWidget(language)
        self.panel: SyncPanel | None = None
        self.conflicts: ConflictsDialog | None = None
        self.sync_action = QAction(window)
        self.sync_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.sync_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.sync_action.triggered.connect(self.sync_now)
        self.panel_action = QAction(window)
        self.panel_action.triggered.connect(self.open_panel)
        self.conflicts_action = QAction(window)
        self.conflicts_action.triggered.connect(self.open_conflicts)
        self.widget.open_panel.connect(self.open_panel)
        self.widget.open_conflicts.connect(self.open_conflicts)
        self.scheduler.started.connect(self.widget.show_running)
        self.scheduler.progress.connect(self.widget.show_progress)
        self.scheduler.finished.connect(self.widget.show_report)
        self.scheduler.status_changed.connect(self.widget.show_status)
        self.scheduler.pulled.connect(self._announce_pulled)
        window.installEventFilter(self)
        self._set_enabled(False)
        self.retranslate()
        # Counts and times are readable while locked: the status bar says where the work stands from the start.
        self.scheduler.refresh_status()

    def install(self, menu: QMenu, before: QAction, status_bar: QStatusBar) -> None:
        menu.insertAction(before, self.sync_action)
        menu.insertAction(before, self.panel_action)
        menu.insertAction(before, self.conflicts_action)
        menu.insertSeparator(before)
        status_bar.insertPermanentWidget(0, self.widget)

    def retranslate(self) -> None:
        self.sync_action.setText(self.tr("Sync now"))
        self.sync_action.setToolTip(self.tr("Send and receive changes now (Ctrl+Shift+S)"))
        self.panel_action.setText(self.tr("Sync…"))
        self.conflicts_action.setText(self.tr("Conflicts…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def _set_enabled(self, on: bool) -> None:
        self.sync_action.setEnabled(on)
        self.panel_action.setEnabled(on)
        self.conflicts_action.setEnabled(on)
        self.widget.setEnabled(on)

    # -- session -------------------------------------------------------------------------------------------
    def session_started(self) -> None:
        self._set_enabled(True)
        self.scheduler.start()

    def session_ended(self) -> None:
        self.scheduler.stop()
        self._set_enabled(False)
        for dialog in (self.panel, self.conflicts):
            if dialog is not None:
                if dialog is self.panel and self.panel.enrolment_dialog is not None:
                    self.panel.enrolment_dialog.reject()
                dialog.reject()
                dialog.deleteLater()
        self.panel = self.conflicts = None
        self.scheduler.refresh_status()

    def local_changes(self, changes: Changes) -> None:
        """From the window's ``apply_changes``: local edits go out once the operator pauses."""
        if changes.cases and not self._announcing:
            self.scheduler.local_changes()

    def _announce_pulled(self) -> None:
        # The views refresh through the window's one apply_changes; not a local change, so no new sync follows.
        self._announcing = True
        try:
            self.changes_applied.emit(Changes(cases=True))
        finally:
            self._announcing = False
        if self.conflicts is not None:
            self.conflicts.reload()

    # -- actions -------------------------------------------------------------------------------------------
    def sync_now(self) -> None:
        self.scheduler.sync_now()

    def open_panel(self) -> None:
        if not self._desk.unlocked:
            return
        if self.panel is None:
            self.panel = SyncPanel(self._desk, self._runner, self._errors, self._language, self.scheduler,
                                   self._window)  # fmt: skip
            self.panel.conflicts_requested.connect(self.open_conflicts)
            self.panel.discarded.connect(self._announce_discarded)
        self.panel.present()

    def open_conflicts(self) -> None:
        if not self._desk.unlocked:
            return
        if self.conflicts is None:
            self.conflicts = ConflictsDialog(self._desk, self._runner, self._errors, self._language, self._window)
            self.conflicts.resolved.connect(self._resolved)
        self.conflicts.reload()
        self.conflicts.show()
        self.conflicts.raise_()

    def _announce_discarded(self) -> None:
        # A kept case was dropped on purpose: the views refresh; nothing new to send, so no sync follows.
        self._announcing = True
        try:
            self.changes_applied.emit(Changes(cases=True))
        finally:
            self._announcing = False

    def _resolved(self) -> None:
        # A resolution is a local change: the views refresh and it goes out with the next (debounced) sync.
        self.changes_applied.emit(Changes(cases=True))
