"""The sync state in the status bar, in words an operator understands: not connected, waiting for approval,
offline, syncing (with a progress bar), up to date with the time of the last success, a wrong clock, an old app;
a central office key that is not the pinned one; then the changes written here that the server has not confirmed
yet, and a badge when conflicts wait for review. The tooltip gives the state's whole sentence from the catalogue
(what happened, what to do). A click opens the sync panel; the badge opens the conflicts. It only shows what the
scheduler reports."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from iam_desktop.services.messages import text
from iam_desktop.services.sync_client import SyncReport, SyncState, SyncStatus

BADGE_STYLE = "QToolButton { color: white; background: #b35c00; border-radius: 8px; padding: 1px 8px; }"
WARNING_STYLE = "QToolButton { color: #8a5300; }"
PLAIN_STYLE = ""


def local_time(iso: str | None) -> str:
    """An ISO instant as the operator reads it: "14:32" today, "03/05 14:32" another day."""
    if not iso:
        return ""
    try:
        when = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return ""
    if when.date() == datetime.now().astimezone().date():
        return when.strftime("%H:%M")
    return when.strftime("%d/%m %H:%M")


class SyncStatusWidget(QWidget):
    """State, changes waiting and conflicts badge. ``open_panel`` / ``open_conflicts`` are the clicks."""

    open_panel = Signal()
    open_conflicts = Signal()

    def __init__(self, language: Callable[[], str] = lambda: "it", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self.status: SyncStatus | None = None
        self.report: SyncReport | None = None
        self.running = False
        self.state_button = QToolButton()
        self.state_button.setAutoRaise(True)
        self.state_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.state_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.state_button.clicked.connect(self.open_panel)
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(120)
        self.progress_bar.setMaximumHeight(14)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.hide()
        self.waiting_label = QLabel()
        self.waiting_label.setStyleSheet("padding: 0 6px; color: palette(dark);")
        self.conflicts_button = QToolButton()
        self.conflicts_button.setStyleSheet(BADGE_STYLE)
        self.conflicts_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.conflicts_button.clicked.connect(self.open_conflicts)
        self.conflicts_button.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(4)
        layout.addWidget(self.state_button)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.waiting_label)
        layout.addWidget(self.conflicts_button)
        self.retranslate()

    # -- what the scheduler reports ------------------------------------------------------------------------
    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        self.retranslate()

    def show_running(self) -> None:
        self.running = True
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self.retranslate()

    def show_progress(self, phase: str, done: int, total: int) -> None:
        if not self.running:
            return
        if phase == "push" and total:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))
        else:
            self.progress_bar.setRange(0, 0)  # a pull does not know how much is coming

    def show_report(self, report: SyncReport) -> None:
        self.running = False
        self.report = report
        self.progress_bar.hide()
        self.retranslate()

    # -- texts ---------------------------------------------------------------------------------------------
    def state(self) -> str:
        """The state the words describe: this session's last run, else the one the vault remembers."""
        status = self.status
        if status is not None and not status.enrolled:
            return SyncState.NOT_ENROLLED.value
        if self.report is not None:
            return self.report.state.value
        if status is not None and status.device_status == "pending":
            return SyncState.PENDING.value
        return (status.last_state if status else None) or ""

    def state_text(self) -> str:
        if self.running:
            return self.tr("Syncing…")
        state = self.state()
        last = local_time(self.status.last_success if self.status else None)
        if state == SyncState.OK:
            return self.tr("Up to date — last sync at {0}").format(last) if last else self.tr("Up to date")
        if state == SyncState.CLOCK_SKEW:
            minutes = round(abs(self.report.skew_ms) / 60_000) if self.report else 0
            if minutes:
                return self.tr("Computer clock off by {0} minutes").format(minutes)
            return self.tr("Computer clock is wrong")
        texts = {
            SyncState.OFFLINE: self.tr("Offline"),
            SyncState.UPDATE_REQUIRED: self.tr("Update the application"),
            SyncState.PENDING: self.tr("Device waiting for approval"),
            SyncState.NOT_ENROLLED: self.tr("Not connected to a server"),
            SyncState.UNAUTHORISED: self.tr("Computer not recognised by the server"),
            SyncState.REVOKED: self.tr("Computer revoked: no sync"),
            SyncState.CENTRAL_KEY: self.tr("Central office key changed: sync stopped"),
            SyncState.ERROR: self.tr("Sync failed, it will retry"),
        }
        if state in texts:
            return texts[SyncState(state)]
        return self.tr("Not synced yet")

    def retranslate(self) -> None:
        state = self.state()
        self.state_button.setText(self.state_text())
        warn = not self.running and state not in ("", SyncState.OK, SyncState.NOT_ENROLLED)
        self.state_button.setStyleSheet(WARNING_STYLE if warn else PLAIN_STYLE)
        hint = self.tr("Open the sync panel (Ctrl+Shift+S syncs now)")
        if warn and state in SyncState.__members__.values():
            detail = self.report.detail if self.report is not None else ""
            hint = text(f"sync.state.{state}", self._language(), detail=detail or "—") + "\n\n" + hint
        self.state_button.setToolTip(hint)
        status = self.status
        waiting = status.waiting if status else 0
        self.waiting_label.setText(self.tr("Changes waiting: {0}").format(waiting))
        self.waiting_label.setVisible(status is not None and status.enrolled)
        conflicts = status.conflicts if status else 0
        self.conflicts_button.setText(self.tr("Conflicts: {0}").format(conflicts))
        self.conflicts_button.setToolTip(self.tr("Concurrent edits to review"))
        self.conflicts_button.setVisible(conflicts > 0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
