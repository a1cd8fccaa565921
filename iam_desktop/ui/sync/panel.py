"""The sync panel (opened from the status bar): the state in a sentence, the server and the last success, this
session's runs (when, outcome in words, sent and received, duration, bytes), the changes set aside in quarantine
with what that means, the open conflicts, "Sincronizza ora", and — depending on this computer — "Collega a un
server…" (not enrolled yet) or the computers of the desk waiting for approval (enrolled). It reads what the
scheduler reports and asks the one error catalogue for words (``services.messages``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.services.desk import Desk
from iam_desktop.services.messages import text
from iam_desktop.services.sync_client import SyncReport, SyncStatus

from ..errors import ErrorDialog
from ..tasks import TaskRunner
from ..widgets import heading
from .enrolment import EnrolmentDialog, PendingDevicesBox
from .scheduler import SyncScheduler
from .status import local_time


def size_text(count: int) -> str:
    if count < 1024:
        return f"{count} B"
    if count < 1024 * 1024:
        return f"{count / 1024:.1f} kB".replace(".", ",")
    return f"{count / 1024 / 1024:.1f} MB".replace(".", ",")


class SyncPanel(QDialog):
    """What sync did and does; ``conflicts_requested`` opens the conflicts view."""

    conflicts_requested = Signal()

    def __init__(
        self,
        desk: Desk,
        runner: TaskRunner,
        errors: ErrorDialog,
        language: Callable[[], str],
        scheduler: SyncScheduler,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._errors = errors
        self._language = language
        self.scheduler = scheduler
        self.status: SyncStatus | None = None
        self.enrolment_dialog: EnrolmentDialog | None = None
        self._pending_loaded = False
        self.setWindowTitle(self.tr("Sync"))
        self.title = heading(size_delta=4)
        self.title.setText(self.tr("Sync with the server"))
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.server_label = QLabel()
        self.server_label.setWordWrap(True)
        self.runs_title = QLabel(self.tr("Runs in this session"))
        self.runs = QTableWidget(0, 6)
        self.runs.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Outcome"), self.tr("Sent"), self.tr("Received"), self.tr("Duration"),
             self.tr("Data")]
        )  # fmt: skip
        self.runs.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.runs.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.runs.setWordWrap(True)
        self.runs.verticalHeader().hide()
        header = self.runs.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.quarantine_label = QLabel()
        self.quarantine_label.setWordWrap(True)
        self.revoked_label = QLabel()  # cases whose access was withdrawn while changes here were unsent
        self.revoked_label.setWordWrap(True)
        self.revoked_label.hide()
        self.conflicts_label = QLabel()
        self.conflicts_button = QPushButton(self.tr("Conflicts…"))
        self.conflicts_button.clicked.connect(self.conflicts_requested)
        self.enrol_button = QPushButton(self.tr("Connect to a server…"))
        self.enrol_button.clicked.connect(self.open_enrolment)
        self.pending_box = PendingDevicesBox(desk, runner, errors)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.clicked.connect(scheduler.sync_now)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        conflicts_row = QHBoxLayout()
        conflicts_row.addWidget(self.conflicts_label, 1)
        conflicts_row.addWidget(self.conflicts_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.enrol_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.state_label)
        layout.addWidget(self.server_label)
        layout.addWidget(self.runs_title)
        layout.addWidget(self.runs, 1)
        layout.addWidget(self.quarantine_label)
        layout.addWidget(self.revoked_label)
        layout.addLayout(conflicts_row)
        layout.addWidget(self.pending_box)
        layout.addLayout(buttons)
        scheduler.status_changed.connect(self.show_status)
        scheduler.finished.connect(lambda _report: self.show_runs())
        scheduler.started.connect(self._running)
        self.resize(900, 620)
        self.show_runs()
        self.pending_box.hide()

    def present(self) -> None:
        """Show the panel with fresh counts (and the waiting computers, for an enrolled one)."""
        self._pending_loaded = False
        self.show()
        self.raise_()
        self.scheduler.refresh_status()

    def _running(self) -> None:
        self.sync_button.setEnabled(False)
        self.state_label.setText(self.tr("Syncing…"))

    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        active = status.enrolled and status.device_status == "active"
        self.enrol_button.setVisible(not status.enrolled)
        self.pending_box.setVisible(active)
        if active and self.isVisible() and not self._pending_loaded:
            self._pending_loaded = True
            self.pending_box.reload()
        if status.enrolled and status.device_status == "pending":
            code = self._desk.sync.enrolment().pending_short_code() if self._desk.unlocked else ""
            self.server_label.setText(
                self.tr(
                    "{0}, server {1}. This computer waits for approval: on a computer of the desk that is already "
                    "connected, open Sync → Waiting computers and type this short code: {2}"
                ).format(status.desk_name, status.server_url, code or "—")
            )
        elif status.enrolled:
            last = local_time(status.last_success) or self.tr("never")
            self.server_label.setText(
                self.tr("{0}, server {1}. Last success: {2}.").format(status.desk_name, status.server_url, last)
            )
        else:
            self.server_label.setText(
                self.tr("This computer is not connected to a sync server yet: its work stays here only.")
            )
        self.quarantine_label.setText(
            self.tr(
                "Changes set aside: {0}. A change that arrives damaged, or before the key that opens it, is set "
                "aside and retried at every sync; the rest keeps flowing."
            ).format(status.quarantined)
        )
        kept = self._desk.sync.revoked() if self._desk.unlocked else {}
        self.revoked_label.setVisible(bool(kept))
        self.revoked_label.setText(
            self.tr(
                "Access withdrawn by another desk: {0} case(s) kept here for review, with {1} change(s) the server "
                "no longer accepts from this desk. Copy what you need, then discard them."
            ).format(len(kept), sum(int(note.get("waiting", 0)) for note in kept.values()))
        )
        self.conflicts_label.setText(self.tr("Conflicts to review: {0}").format(status.conflicts))
        self.conflicts_button.setEnabled(status.conflicts > 0)
        self.show_runs()

    def state_sentence(self) -> str:
        history = self.scheduler.history
        language = self._language()
        if history:
            return text(history[0].message, language, detail=history[0].detail)
        if self.status is not None and not self.status.enrolled:
            return text("sync.state.not_enrolled", language)
        if self.status is not None and self.status.last_state:
            return text(f"sync.state.{self.status.last_state}", language, detail="")
        return self.tr("No sync yet.")

    def show_runs(self) -> None:
        self.sync_button.setEnabled(self.scheduler.active and not self.scheduler.running)
        if not self.scheduler.running:
            self.state_label.setText(self.state_sentence())
        reports: list[SyncReport] = list(self.scheduler.history)
        language = self._language()
        self.runs.setRowCount(len(reports))
        for index, report in enumerate(reports):
            cells = (
                local_time(report.started_at),
                text(report.message, language, detail=report.detail),
                str(report.pushed),
                str(report.pulled),
                f"{report.duration_s:.1f} s".replace(".", ","),
                f"↑ {size_text(report.bytes_up)}  ↓ {size_text(report.bytes_down)}",
            )
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column != 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.runs.setItem(index, column, item)
        self.runs.resizeRowsToContents()

    def open_enrolment(self) -> None:
        dialog = EnrolmentDialog(self._desk, self._runner, self._errors, self)
        dialog.enrolled.connect(self._enrolled)
        self.enrolment_dialog = dialog
        dialog.show()

    def _enrolled(self) -> None:
        self.scheduler.refresh_status()
        self.scheduler.sync_now()
