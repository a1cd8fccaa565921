"""The one task runner of the desktop app (as Anki's taskman): database work runs on ONE worker thread, so writes
are serialised in the order they were asked for; network work runs on a pool; results and errors come back to the
main thread through a signal on a main-thread QObject, so no code off the main thread ever touches a widget. Tests
use the inline mode, which runs each task at once on the caller's thread and calls back synchronously.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance

log = logging.getLogger(__name__)

ResultCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


@dataclass
class _Pending:
    on_done: ResultCallback | None
    on_error: ErrorCallback | None


class _Job(QRunnable):
    """Runs one function on a pool thread and reports through the runner's main-thread signal."""

    def __init__(self, job_id: int, work: Callable[[], Any], report: SignalInstance) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._job_id = job_id
        self._work = work
        self._report = report

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # reported to the main thread, which shows or handles it
            self._report.emit(self._job_id, None, exc)
            return
        self._report.emit(self._job_id, result, None)


class TaskRunner(QObject):
    """Runs database work on one worker thread and network work on a pool; calls back on the main thread.

    ``fallback_error`` receives the errors of tasks that were given no ``on_error`` (the app's error dialog), so no
    failure is ever dropped silently.
    """

    # Emitted from pool threads; the runner lives on the main thread, so Qt queues the delivery there.
    _finished = Signal(int, object, object)
    busy_changed = Signal(bool)

    def __init__(
        self,
        *,
        inline: bool = False,
        fallback_error: ErrorCallback | None = None,
        network_threads: int = 4,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.inline = inline
        self._fallback_error = fallback_error
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._database = QThreadPool(self)
        self._database.setMaxThreadCount(1)
        self._network = QThreadPool(self)
        self._network.setMaxThreadCount(network_threads)
        self._finished.connect(self._deliver)

    def set_fallback_error(self, handler: ErrorCallback) -> None:
        self._fallback_error = handler

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run_database(
        self,
        work: Callable[[], Any],
        on_done: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
    ) -> None:
        """Database work (reads that write audit events, and every write), serialised on the one worker."""
        self._submit(self._database, work, on_done, on_error)

    def run_network(
        self,
        work: Callable[[], Any],
        on_done: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
    ) -> None:
        """Network work on the pool: it may run concurrently with other network work, never blocks writes."""
        self._submit(self._network, work, on_done, on_error)

    def _submit(
        self,
        pool: QThreadPool,
        work: Callable[[], Any],
        on_done: ResultCallback | None,
        on_error: ErrorCallback | None,
    ) -> None:
        job_id = next(self._ids)
        was_busy = self.busy
        self._pending[job_id] = _Pending(on_done, on_error)
        if not was_busy:
            self.busy_changed.emit(True)
        if self.inline:
            try:
                result = work()
            except Exception as exc:
                self._deliver(job_id, None, exc)
                return
            self._deliver(job_id, result, None)
            return
        pool.start(_Job(job_id, work, self._finished))

    def _deliver(self, job_id: int, result: object, error: object) -> None:
        pending = self._pending.pop(job_id, None)
        if not self._pending:
            self.busy_changed.emit(False)
        if pending is None:
            return
        if error is not None:
            assert isinstance(error, BaseException)
            handler = pending.on_error or self._fallback_error
            if handler is None:
                # No one to show it to (only during start-up or in a test): keep it in the log, never drop it.
                log.error("task failed: %s", type(error).__name__)
                return
            handler(error)
            return
        if pending.on_done is not None:
            pending.on_done(result)

    def wait_idle(self, timeout_ms: int = 30_000) -> bool:
        """Block until queued work has finished (shutdown and tests); callbacks arrive with the next events."""
        return bool(self._database.waitForDone(timeout_ms) and self._network.waitForDone(timeout_ms))
