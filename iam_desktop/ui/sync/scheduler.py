"""The background sync scheduler of an unlocked session (DESIGN.md §6, §8): one ``SyncClient.run_once`` at a time
on the task runner's network pool, started on unlock, repeated after ``next_delay()`` (five minutes when fine,
exponential back-off with jitter after failures), 30 s after the last local change, and at once on demand; stopped
on lock, when the client and its HTTP session are dropped. Why the network pool and not the one database worker:
a run spends most of its time waiting on a slow link (60 s read timeouts), and on the database worker it would
hold back every save of the operator for that long. The vault is built for it — WAL, a per-thread connection from
SQLAlchemy's pool and a 10 s busy timeout — and a run writes only in short transactions (one per pushed batch or
pulled page, the cursor committed with its page), so the operator's writes on the database worker interleave with
it and SQLite serialises them; the scheduler guarantees a single run in flight. A run interrupted by locking fails
inside the vault (keys gone) and its result is ignored: everything it committed was whole. Progress and results
reach the main thread only through this object's signals."""

from __future__ import annotations

import logging
from collections import deque

from PySide6.QtCore import QObject, QTimer, Signal

from iam_desktop.domain.errors import IamError
from iam_desktop.services.desk import Desk
from iam_desktop.services.sync_client import SyncClient, SyncReport, SyncState

from ..tasks import TaskRunner

log = logging.getLogger(__name__)

DEBOUNCE_MS = 30_000
HISTORY = 20


class SyncScheduler(QObject):
    """Decides when to sync; ``finished`` carries each run's ``SyncReport``, ``pulled`` fires when a run brought
    changes in (the views refresh), ``status_changed`` carries a fresh ``SyncStatus`` after runs and local edits."""

    started = Signal()
    progress = Signal(str, int, int)  # phase "push" | "pull", done, total (0 when unknown); queued from the pool
    finished = Signal(object)
    pulled = Signal()
    status_changed = Signal(object)

    def __init__(
        self, desk: Desk, runner: TaskRunner, *, debounce_ms: int = DEBOUNCE_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._client: SyncClient | None = None
        self._generation = 0  # a run that belongs to an ended session is ignored when it reports
        self._running = False
        self._again = False
        self.history: deque[SyncReport] = deque(maxlen=HISTORY)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sync_now)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(debounce_ms)
        self.debounce.timeout.connect(self.sync_now)

    @property
    def active(self) -> bool:
        return self._client is not None

    @property
    def running(self) -> bool:
        return self._running

    # -- session -------------------------------------------------------------------------------------------
    def start(self) -> None:
        """After unlock: a client for this session and a first run straight away."""
        if self._client is None:
            self._client = self._desk.sync.client()
            self._generation += 1
        self.refresh_status()
        self.timer.start(0)

    def stop(self) -> None:
        """On lock: no more runs; a run in flight is ignored when it reports."""
        self.timer.stop()
        self.debounce.stop()
        self._client = None
        self._generation += 1
        self._running = False
        self._again = False

    # -- triggers ------------------------------------------------------------------------------------------
    def sync_now(self) -> None:
        client = self._client
        if client is None:
            return
        if self._running:
            self._again = True  # one more run as soon as this one ends: it may miss the latest edit
            return
        self.timer.stop()
        self.debounce.stop()
        self._running = True
        generation = self._generation
        self.started.emit()
        desk = self._desk

        def run() -> SyncReport:
            report = client.run_once(self._report_progress)
            if report.ok:
                try:
                    # Referral grants, erasures, the catalogue key and transfer expiries ride on every run.
                    desk.network.after_sync(report)
                except IamError as exc:
                    # The run itself succeeded; the network steps are retried at the next run.
                    log.warning("network steps after sync failed: %s", exc.kind.value)
            return report

        self._runner.run_network(
            run,
            lambda report: self._done(generation, report),
            lambda error: self._failed(generation, error),
        )

    def local_changes(self) -> None:
        """A local write: show the new waiting count now, send it once the operator pauses."""
        if self._client is None:
            return
        self.refresh_status()
        self.debounce.start()

    def _report_progress(self, phase: str, done: int, total: int) -> None:
        # Called on a pool thread: a signal is the only way out (queued to the main thread).
        self.progress.emit(phase, done, total)

    # -- results -------------------------------------------------------------------------------------------
    def _done(self, generation: int, report: SyncReport) -> None:
        if generation != self._generation:
            return
        self._running = False
        self.history.appendleft(report)
        log.info("sync run: %s, %d sent, %d received", report.state.value, report.pushed, report.pulled)
        self.finished.emit(report)
        if report.pulled or report.keys_installed:
            self.pulled.emit()
        self.refresh_status()
        self._schedule()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        # Not a network problem (those are states of the report): logged by type only, retried with back-off.
        log.warning("sync run failed: %s", type(error).__name__)
        self._running = False
        report = SyncReport(state=SyncState.ERROR, detail=type(error).__name__)
        if self._client is not None:
            self._client.failures += 1
        self.history.appendleft(report)
        self.finished.emit(report)
        self.refresh_status()
        self._schedule()

    def _schedule(self) -> None:
        client = self._client
        if client is None:
            return
        if self._again:
            self._again = False
            self.timer.start(0)
            return
        self.timer.start(int(client.next_delay() * 1000))

    def refresh_status(self) -> None:
        desk = self._desk
        self._runner.run_database(desk.sync.status, self.status_changed.emit, self._status_unreadable)

    def _status_unreadable(self, error: BaseException) -> None:
        # Counts only, retried at the next run or edit; a vault that cannot be read is reported by the operation
        # the operator is doing, so here it is logged (its type: the message could quote data) and not shown twice.
        log.warning("sync status unreadable: %s", type(error).__name__)
