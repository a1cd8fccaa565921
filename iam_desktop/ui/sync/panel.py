"""The sync panel (opened from the status bar): the state in a sentence, the server and the last success, this
session's runs (when, outcome in words, sent and received, duration, bytes), what the last run did besides
(attachments sent, received, waiting and failed; partitions compared with the server and repaired; cases removed
because another desk withdrew the access, or kept for review), the cases kept for review with "Scarta…" (two
steps: nothing unsent is dropped by one click), the changes and notices set aside in quarantine — one line each:
case, what and why in words ("alterato in transito", "chiave non ancora arrivata", "cancellazione non
dimostrata"), since when —, the open conflicts, "Sincronizza ora", and — depending on this computer — "Collega a un
server…" (not enrolled yet) or the computers of the desk waiting for approval (enrolled). It reads what the
scheduler reports and asks the one error catalogue for words (``services.messages``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGroupBox,
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
from iam_desktop.services.sync_client import SyncReport, SyncStatus, set_aside_words

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
    discarded = Signal()  # a kept case was discarded: the case list changes

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
        # What the last run did besides sending and receiving changes.
        self.last_box = QGroupBox(self.tr("Last sync"))
        self.attachments_value = QLabel()
        self.partitions_value = QLabel()
        self.access_value = QLabel()
        for value in (self.attachments_value, self.partitions_value, self.access_value):
            value.setWordWrap(True)
        last_form = QFormLayout(self.last_box)
        last_form.addRow(self.tr("Attachments:"), self.attachments_value)
        last_form.addRow(self.tr("Archive check:"), self.partitions_value)
        last_form.addRow(self.tr("Access withdrawn:"), self.access_value)
        self.last_box.hide()
        # Cases whose access was withdrawn while changes written here were unsent: kept until discarded.
        self.kept: dict[str, dict[str, object]] = {}
        self.revoked_box = QGroupBox(self.tr("Cases kept for review"))
        self.revoked_label = QLabel()
        self.revoked_label.setWordWrap(True)
        self.revoked_table = _table(
            [self.tr("Case"), self.tr("Access withdrawn on"), self.tr("Changes not accepted")], stretch=0
        )
        self.revoked_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.discard_button = QPushButton(self.tr("Discard…"))
        self.discard_button.clicked.connect(self.discard_selected)
        self.discard_note = QLabel()
        self.discard_note.setWordWrap(True)
        self._discard_armed = ""
        discard_row = QHBoxLayout()
        discard_row.addWidget(self.discard_note, 1)
        discard_row.addWidget(self.discard_button)
        revoked_layout = QVBoxLayout(self.revoked_box)
        revoked_layout.addWidget(self.revoked_label)
        revoked_layout.addWidget(self.revoked_table)
        revoked_layout.addLayout(discard_row)
        self.revoked_box.hide()
        # Changes and notices set aside (quarantine), one line each.
        self.quarantine_box = QGroupBox(self.tr("Set aside"))
        self.quarantine_label = QLabel()
        self.quarantine_label.setWordWrap(True)
        self.quarantine_table = _table([self.tr("Case"), self.tr("What and why"), self.tr("Since"),
                                        self.tr("Attempts")], stretch=1)  # fmt: skip
        quarantine_layout = QVBoxLayout(self.quarantine_box)
        quarantine_layout.addWidget(self.quarantine_label)
        quarantine_layout.addWidget(self.quarantine_table)
        self.erasures_label = QLabel()  # erasures of people not yet sent to the server (issue 7)
        self.erasures_label.setWordWrap(True)
        self.erasures_label.hide()
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
        layout.addWidget(self.last_box)
        layout.addWidget(self.revoked_box)
        layout.addWidget(self.quarantine_box)
        layout.addWidget(self.erasures_label)
        layout.addLayout(conflicts_row)
        layout.addWidget(self.pending_box)
        layout.addLayout(buttons)
        scheduler.status_changed.connect(self.show_status)
        scheduler.finished.connect(lambda _report: self.show_runs())
        scheduler.started.connect(self._running)
        self.resize(900, 760)
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
        self.show_set_aside()
        self.show_kept()
        waiting = len(self._desk.network.rights.pending_erasures()) if self._desk.unlocked else 0
        self.erasures_label.setVisible(waiting > 0)
        self.erasures_label.setText(
            self.tr("Erasures waiting to be sent to the server: {0} (sent at the next sync).").format(waiting)
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
        self.show_last_run(reports[0] if reports else None)
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

    # -- what the last run did ---------------------------------------------------------------------------
    def show_last_run(self, report: SyncReport | None) -> None:
        """Attachments, the archive check and withdrawn access of ``report`` (this session's last run); hidden
        for a run that failed — it moved nothing, and its outcome is in the runs table."""
        self.last_box.setVisible(report is not None and report.ok)
        if report is None or not report.ok:
            return
        self.attachments_value.setText(
            self.tr("{0} sent, {1} received, {2} waiting, {3} failed (retried later)").format(
                report.blobs_up, report.blobs_down, report.blobs_waiting, report.blobs_failed
            )
            + (
                self.tr(" · {0} attached before this version, now being sent").format(report.attachments_adopted)
                if report.attachments_adopted
                else ""
            )
        )
        if report.partitions_checked:
            self.partitions_value.setText(
                self.tr("parts of the archive compared with the server: {0}; repaired: {1}").format(
                    report.partitions_checked, report.partitions_repaired
                )
            )
        else:
            self.partitions_value.setText(
                self.tr("not compared in this run (after changes at most every 10 minutes, otherwise hourly)")
            )
        if report.revoked or report.kept_for_review:
            self.access_value.setText(
                self.tr("cases removed from this computer: {0}; kept for review: {1}").format(
                    report.revoked, report.kept_for_review
                )
            )
        else:
            self.access_value.setText(self.tr("no case"))

    def show_set_aside(self) -> None:
        items = self._desk.sync.quarantine() if self._desk.unlocked else []
        language = self._language()
        self.quarantine_table.setRowCount(len(items))
        for index, item in enumerate(items):
            cells = (
                self._case_ref(str(item["case_id"])),
                set_aside_words(item, language),
                local_time(str(item["received_at"])),
                str(item["attempts"]),
            )
            _fill_row(self.quarantine_table, index, cells, wide=1)
        self.quarantine_table.setVisible(bool(items))
        self.quarantine_table.resizeRowsToContents()

    def show_kept(self) -> None:
        self.kept = self._desk.sync.revoked() if self._desk.unlocked else {}
        self.revoked_box.setVisible(bool(self.kept))
        self.revoked_label.setText(
            self.tr(
                "Another desk withdrew this desk's access while changes written here had not reached the server, "
                "which no longer accepts them: {0} case(s), {1} change(s). They are kept here: copy what you need, "
                "then discard the case."
            ).format(len(self.kept), sum(_int(note.get("waiting")) for note in self.kept.values()))
        )
        self.revoked_table.setRowCount(len(self.kept))
        for index, (case_id, note) in enumerate(sorted(self.kept.items())):
            cells = (self._case_ref(case_id), local_time(str(note.get("at", ""))), str(_int(note.get("waiting"))))
            _fill_row(self.revoked_table, index, cells, wide=0)
            first = self.revoked_table.item(index, 0)
            if first is not None:
                first.setData(Qt.ItemDataRole.UserRole, case_id)
        if self.kept:
            self.revoked_table.selectRow(0)
        self._discard_armed = ""
        self.discard_button.setText(self.tr("Discard…"))
        self.discard_note.clear()
        self.discard_button.setEnabled(bool(self.kept))

    def _case_ref(self, case_id: str) -> str:
        """The short reference the case file and printed letters use, with the name when the case is readable."""
        row = self._desk.cases.row(case_id) if self._desk.unlocked else None
        return f"{case_id[:8]} · {row.display_name}" if row is not None else case_id[:8]

    def selected_kept(self) -> str:
        rows = self.revoked_table.selectionModel().selectedRows()
        item = self.revoked_table.item(rows[0].row(), 0) if rows else None
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def discard_selected(self) -> None:
        """First click: say what is lost; second click on the same case: discard it."""
        case_id = self.selected_kept()
        if not case_id:
            return
        if self._discard_armed != case_id:
            self._discard_armed = case_id
            waiting = _int(self.kept.get(case_id, {}).get("waiting"))
            self.discard_note.setText(
                self.tr(
                    "Case {0}: the changes not accepted ({1}) and everything of it on this computer will be "
                    "removed. Click again to confirm."
                ).format(case_id[:8], waiting)
            )
            self.discard_button.setText(self.tr("Confirm: discard"))
            return
        desk = self._desk
        self.discard_button.setEnabled(False)
        self._runner.run_database(lambda: desk.sync.discard_revoked(case_id), self._discarded, self._discard_failed)

    def _discarded(self, _result: object) -> None:
        self.show_kept()
        self.discarded.emit()

    def _discard_failed(self, error: BaseException) -> None:
        self.show_kept()
        self._errors.show(error)

    def open_enrolment(self) -> None:
        dialog = EnrolmentDialog(self._desk, self._runner, self._errors, self)
        dialog.enrolled.connect(self._enrolled)
        self.enrolment_dialog = dialog
        dialog.show()

    def _enrolled(self) -> None:
        self.scheduler.refresh_status()
        self.scheduler.sync_now()


def _int(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0


def _table(headers: list[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    table.setMaximumHeight(130)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fill_row(table: QTableWidget, row: int, cells: tuple[str, ...], wide: int) -> None:
    for column, value in enumerate(cells):
        item = QTableWidgetItem(value)
        if column != wide:
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        table.setItem(row, column, item)
