"""Connecting this computer to a sync server, and approving a desk's new computer (DESIGN.md §5, docs/sync.md).
``EnrolmentDialog``: server address, one-time enrolment code and the central office's key fingerprint (read from
the central office's screen or sheet: the server's announced key must match it, else nothing is sent to it); the
first computer of a desk is connected at once, a later one shows the six-digit short code in large digits and
waits (polling the server) until an enrolled computer of the desk — or the central office — approves it.
``PendingDevicesBox``: on an enrolled computer, the computers waiting for the desk key (on the central office,
those of every desk, with the desk's name: approving one recovers that desk's key from its recovery copy); a
coordinator approves one after typing the code its screen shows — a different code means someone is in between.
All network calls run on the network pool; errors are put into words by the one error catalogue."""

from __future__ import annotations

from PySide6.QtCore import QSysInfo, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.services.desk import Desk
from iam_desktop.services.enrolment import EnrolmentResult, PendingDeviceView

from ..errors import ErrorDialog
from ..tasks import TaskRunner
from ..widgets import ERROR_STYLE, NOTICE_STYLE, heading

POLL_MS = 3000


class EnrolmentDialog(QDialog):
    """Server address + code; then the short code and the wait for approval. ``enrolled`` when active."""

    enrolled = Signal()

    FORM, WAITING, DONE = range(3)

    def __init__(self, desk: Desk, runner: TaskRunner, errors: ErrorDialog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._errors = errors
        self._polling = False
        self.result_info: EnrolmentResult | None = None
        self.setWindowTitle(self.tr("Connect to a server"))
        self.server_edit = QLineEdit()
        self.server_edit.setPlaceholderText(self.tr("e.g. https://sync.example.org"))
        self.code_edit = QLineEdit()
        self.fingerprint_edit = QLineEdit()
        self.fingerprint_edit.setPlaceholderText(self.tr("e.g. 1A2B-3C4D-5E6F-7081-92A3"))
        self.label_edit = QLineEdit(QSysInfo.machineHostName())
        self.message_label = QLabel()
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setWordWrap(True)
        self.connect_button = QPushButton(self.tr("&Connect"))
        self.connect_button.setDefault(True)
        self.connect_button.clicked.connect(self.connect_server)
        intro = QLabel(
            self.tr(
                "The central office gives you the server address, a one-time enrolment code and the fingerprint of "
                "its key (on its sheet or by phone): the server must announce that same key, otherwise nothing is "
                "sent to it. If this desk already works on another computer, this one will show a code to compare."
            )
        )
        intro.setWordWrap(True)
        form_page = QWidget()
        form = QFormLayout()
        form.addRow(self.tr("Server &address:"), self.server_edit)
        form.addRow(self.tr("Enrolment &code:"), self.code_edit)
        form.addRow(self.tr("Central office &fingerprint:"), self.fingerprint_edit)
        form.addRow(self.tr("Name of this &computer:"), self.label_edit)
        form_layout = QVBoxLayout(form_page)
        form_layout.addWidget(intro)
        form_layout.addLayout(form)
        form_layout.addWidget(self.message_label)
        form_layout.addStretch(1)
        form_layout.addWidget(self.connect_button, 0, Qt.AlignmentFlag.AlignRight)

        waiting_page = QWidget()
        self.code_title = heading(size_delta=3)
        self.code_title.setText(self.tr("Verification code"))
        self.code_label = QLabel()
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSize(40)
        mono.setWeight(QFont.Weight.Bold)
        self.code_label.setFont(mono)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setStyleSheet("padding: 16px; border: 1px solid #888; background: #fffbe6;")
        self.instruction = QLabel(
            self.tr(
                "On a computer of this desk that is already connected, open Desk → Sync… (or click the sync state "
                'in the status bar), check that "Devices waiting" lists this computer and type this same code to '
                "approve it. If the codes differ, do not approve: someone may be in between."
            )
        )
        self.instruction.setWordWrap(True)
        self.wait_bar = QProgressBar()
        self.wait_bar.setRange(0, 0)
        self.wait_bar.setTextVisible(False)
        self.wait_bar.setMaximumHeight(10)
        self.wait_label = QLabel(self.tr("Waiting for approval…"))
        self.wait_label.setWordWrap(True)
        waiting_layout = QVBoxLayout(waiting_page)
        waiting_layout.addWidget(self.code_title)
        waiting_layout.addWidget(self.code_label)
        waiting_layout.addWidget(self.instruction)
        waiting_layout.addWidget(self.wait_bar)
        waiting_layout.addWidget(self.wait_label)
        waiting_layout.addStretch(1)

        done_page = QWidget()
        self.done_label = heading(size_delta=2)
        self.done_label.setWordWrap(True)
        self.done_label.setStyleSheet(NOTICE_STYLE)
        done_layout = QVBoxLayout(done_page)
        done_layout.addWidget(self.done_label)
        done_layout.addStretch(1)

        self.pages = QStackedWidget()
        for page in (form_page, waiting_page, done_page):
            self.pages.addWidget(page)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self.resize(640, 420)

    def connect_server(self) -> None:
        server, code = self.server_edit.text().strip(), self.code_edit.text().strip()
        fingerprint = self.fingerprint_edit.text().strip()
        enrolment, label = self._desk.sync.enrolment(), self.label_edit.text().strip()
        if enrolment.state() is not None:
            # Enrolled, but the central office key was refused (a typo, or a server announcing another key):
            # the corrected fingerprint is checked again; the code was spent already.
            self.message_label.clear()
            self.connect_button.setEnabled(False)
            self._runner.run_network(lambda: enrolment.confirm_central_fingerprint(fingerprint),
                                     lambda _pinned: self._finish(), self._refused)  # fmt: skip
            return
        if not server or not code:
            self.message_label.setText(self.tr("Enter the server address and the enrolment code."))
            return
        self.message_label.clear()
        self.connect_button.setEnabled(False)
        self._runner.run_network(lambda: enrolment.enrol(server, code, label=label, central_fingerprint=fingerprint),
                                 self._enrolled, self._refused)  # fmt: skip

    def _refused(self, error: BaseException) -> None:
        self.connect_button.setEnabled(True)
        self.message_label.setText(self._errors.message_for(error))

    def _enrolled(self, result: EnrolmentResult) -> None:
        self.result_info = result
        if result.status == "active":
            self._finish()
            return
        self.code_label.setText(result.short_code)
        self.pages.setCurrentIndex(self.WAITING)
        self.poll_timer.start()

    def poll(self) -> None:
        if self._polling:
            return
        self._polling = True
        enrolment = self._desk.sync.enrolment()
        self._runner.run_network(enrolment.finish_handover, self._polled, self._poll_failed)

    def _polled(self, active: bool) -> None:
        self._polling = False
        if active:
            self._finish()

    def _poll_failed(self, error: BaseException) -> None:
        # Offline for a moment is normal on a bad link: say it and keep polling.
        self._polling = False
        self.wait_label.setText(self._errors.message_for(error))

    def _finish(self) -> None:
        self.poll_timer.stop()
        state = self._desk.sync.enrolment().state()
        name = state.desk_name if state else ""
        done = self.tr("This computer is connected to the desk {0}.").format(name)
        if state is not None and state.central_pinned:
            if state.central_confirmed:
                pinned = self.tr("Central office key: {0} (confirmed).")
            else:
                pinned = self.tr("Central office key: {0} — NOT confirmed: compare it with the central office's.")
            done += "\n" + pinned.format(state.central_fingerprint)
        self.done_label.setText(done)
        self.pages.setCurrentIndex(self.DONE)
        self.enrolled.emit()

    def done(self, code: int) -> None:
        self.poll_timer.stop()
        super().done(code)


class PendingDevicesBox(QGroupBox):
    """Computers of this desk waiting for the desk key, and their approval after typing the short code."""

    approved = Signal()

    def __init__(self, desk: Desk, runner: TaskRunner, errors: ErrorDialog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._errors = errors
        self.devices: list[PendingDeviceView] = []
        self.setTitle(self.tr("Devices waiting"))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Computer"), self.tr("Desk"), self.tr("Device")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(1, True)  # shown on the central office, which sees every desk's computers
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMaximumHeight(110)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("code shown on the new computer, e.g. 482 913"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.approve_button = QPushButton(self.tr("&Approve"))
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.refresh_button.clicked.connect(self.reload)
        self.approve_button.clicked.connect(self.approve_selected)
        row = QHBoxLayout()
        self.code_label = QLabel(self.tr("Code:"))
        row.addWidget(self.code_label)
        row.addWidget(self.code_edit, 1)
        row.addStretch(0)  # takes the width when nothing is waiting (the code field hidden)
        row.addWidget(self.approve_button)
        row.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.message_label)

    def reload(self) -> None:
        enrolment = self._desk.sync.enrolment()
        self._runner.run_network(enrolment.pending_devices, self._loaded, self._say_error)

    def _loaded(self, devices: list[PendingDeviceView]) -> None:
        self.devices = devices
        self.table.setRowCount(len(devices))
        for index, device in enumerate(devices):
            self.table.setItem(index, 0, QTableWidgetItem(device.label or "—"))
            desk = device.desk_name + (self.tr(" (recovery)") if device.recovery else "")
            self.table.setItem(index, 1, QTableWidgetItem(desk))
            self.table.setItem(index, 2, QTableWidgetItem(device.device_id[:8]))
        self.table.setColumnHidden(1, not any(d.recovery for d in devices))
        if devices:
            self.table.selectRow(0)
        # Nothing waiting: one line and the refresh button, not an empty table and a code field for nobody.
        for widget in (self.table, self.code_label, self.code_edit, self.approve_button):
            widget.setVisible(bool(devices))
        self.message_label.setStyleSheet("")
        self.message_label.setText("" if devices else self.tr("No computer is waiting."))

    def _say_error(self, error: BaseException) -> None:
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setText(self._errors.message_for(error))

    def approve_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        code = self.code_edit.text().strip()
        if not rows or rows[0].row() >= len(self.devices) or not code:
            self._say_error_text(self.tr("Choose the computer and type the code its screen shows."))
            return
        device_id = self.devices[rows[0].row()].device_id
        enrolment = self._desk.sync.enrolment()
        self._runner.run_network(lambda: enrolment.approve(device_id, code), self._approved, self._say_error)

    def _say_error_text(self, text: str) -> None:
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setText(text)

    def _approved(self, target: PendingDeviceView) -> None:
        self.code_edit.clear()
        rows = self.table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.devices):
            self.devices.pop(rows[0].row())
            self.table.removeRow(rows[0].row())
        self.message_label.setStyleSheet(NOTICE_STYLE)
        if target.recovery:
            self.message_label.setText(
                self.tr(
                    "Approved: the new computer of {0} receives the desk key, recovered from the central office's "
                    "copy, at its next sync."
                ).format(target.desk_name)
            )
        else:
            self.message_label.setText(self.tr("Approved: the new computer receives the desk key at its next sync."))
        self.approved.emit()
