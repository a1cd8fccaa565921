"""Database connections for `SqlStorage`: engine set-up per dialect and the log-numbering write transaction.

Why a write transaction is special: every change, grant and notice takes its sequence number from the single
`log_counter` row while holding that row's lock until commit (PostgreSQL: `SELECT … FOR UPDATE`; SQLite:
`BEGIN IMMEDIATE`, which takes the database write lock up front). So a transaction numbered later always commits
later, and a reader that sees sequence N has already been able to see every sequence below N: a pull can never
pass a change that commits late. Reads run in ordinary transactions and never wait for writers.
"""

from __future__ import annotations

import base64
import fcntl
import os
import threading
import time
import weakref
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy import event

from sync.protocol import ErrorCode, ProtocolError
from sync.server.tables import log_counter

__all__ = [
    "Counter",
    "bulk_insert",
    "chunks",
    "decode_cursor",
    "encode_cursor",
    "make_engine",
    "now_ms",
    "select_in",
    "write_tx",
]

T = TypeVar("T")


def now_ms() -> int:
    return int(time.time() * 1000)


def make_engine(url: str) -> sa.Engine:
    """An engine for `url`; SQLite gets WAL, a busy timeout and explicit `BEGIN`s (see the module docstring)."""
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 60, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            # The driver's own implicit transactions are off; `_on_begin` issues them, IMMEDIATE for writers.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=60000")
            # Random UUID indexes outgrow SQLite's default 2 MB page cache at ~50,000 cases; then every insert
            # and lookup pays for page misses. 128 MB of cache and memory-mapped reads keep them hot.
            cursor.execute("PRAGMA cache_size=-131072")
            cursor.execute("PRAGMA mmap_size=1073741824")
            cursor.execute("PRAGMA wal_autocheckpoint=16384")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(connection: sa.Connection) -> None:
            mode = "IMMEDIATE" if connection.get_execution_options().get("iam_write") else "DEFERRED"
            connection.exec_driver_sql(f"BEGIN {mode}")

        return engine
    # No pre-ping (it costs a round trip per request): after a database restart the first request on a dead
    # connection gets 503, SQLAlchemy drops the whole pool, and the client's retry gets fresh connections.
    return sa.create_engine(url, pool_size=8, max_overflow=8, pool_recycle=3600)


class Counter:
    """The log counter of one write transaction: hands out consecutive sequence numbers.

    The row lock is taken at the first `lock()` or `take()`, not when the transaction starts, so the read-only
    checks of a push run before it and the lock is held only for numbering, inserting and committing.
    """

    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection
        self.start = -1
        self.value = -1

    def peek(self) -> int:
        """The committed value, without locking (to notice later whether anyone wrote in between)."""
        query = sa.select(log_counter.c.value).where(log_counter.c.id == 1)
        return int(self.connection.execute(query).scalar_one())

    def lock(self) -> int:
        """Take the counter's row lock (held until commit) and return the current value."""
        if self.start < 0:
            query = sa.select(log_counter.c.value).where(log_counter.c.id == 1)
            if self.connection.dialect.name != "sqlite":
                query = query.with_for_update()
            self.start = self.value = int(self.connection.execute(query).scalar_one())
        return self.start

    def take(self, count: int = 1) -> int:
        """Reserve `count` numbers and return the first."""
        self.lock()
        first = self.value + 1
        self.value += count
        return first

    def save(self) -> None:
        if self.start >= 0 and self.value != self.start:
            self.connection.execute(log_counter.update().where(log_counter.c.id == 1).values(value=self.value))


class _SqliteWriterLock:
    """SQLite admits one writer. Writers queue here — a thread lock, then an `flock` on a file next to the
    database for other worker processes — instead of in SQLite's busy handler, which sleeps in steps of up to
    100 ms and would waste most of the time a large push takes."""

    def __init__(self, database: str) -> None:
        self.thread_lock = threading.Lock()
        self.path = database + ".writer-lock" if database and database != ":memory:" else ""
        self.fd = -1

    def __enter__(self) -> None:
        self.thread_lock.acquire()
        if self.path:
            if self.fd < 0:
                self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            fcntl.flock(self.fd, fcntl.LOCK_EX)

    def __exit__(self, *_exc: object) -> None:
        if self.fd >= 0:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
        self.thread_lock.release()


_sqlite_writers: weakref.WeakKeyDictionary[sa.Engine, _SqliteWriterLock] = weakref.WeakKeyDictionary()


@contextmanager
def write_tx(engine: sa.Engine) -> Iterator[tuple[sa.Connection, Counter]]:
    """A write transaction holding the log counter's lock until it commits (or rolls back on error)."""
    lock: AbstractContextManager[None] = nullcontext()
    if engine.dialect.name == "sqlite":
        lock = _sqlite_writers.setdefault(engine, _SqliteWriterLock(engine.url.database or ""))
    with (
        lock,
        engine.connect().execution_options(iam_write=True) as connection,
        connection.begin(),
    ):
        counter = Counter(connection)
        yield connection, counter
        counter.save()


def chunks(items: Sequence[T] | Iterable[T], size: int = 900) -> Iterator[list[T]]:
    """Split `IN (…)` lists below SQLite's bound-parameter limit."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def encode_cursor(*numbers: int) -> str:
    """An opaque pull cursor: clients store and send it back, never read it."""
    text = "1." + ".".join(str(n) for n in numbers)
    return base64.urlsafe_b64encode(text.encode("ascii")).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> list[int]:
    """The numbers of a cursor; `BAD_CURSOR` when it is not one this server wrote."""
    if not cursor:
        return [0]
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
        version, *rest = text.split(".")
        numbers = [int(part) for part in rest]
    except (ValueError, UnicodeDecodeError) as exc:
        raise ProtocolError(ErrorCode.BAD_CURSOR, "unknown cursor") from exc
    if version != "1" or len(numbers) not in (1, 4) or any(n < 0 or n > 2**62 for n in numbers):
        raise ProtocolError(ErrorCode.BAD_CURSOR, "unknown cursor")
    return numbers


def bulk_insert(connection: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """Insert many rows through the driver directly (COPY on PostgreSQL, `executemany` on SQLite).

    SQLAlchemy's per-row parameter processing costs more than the database itself on the push hot path; the
    values here are plain str/int/bool, so nothing needs converting.
    """
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    if connection.dialect.name == "postgresql":
        with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([row[c] for c in columns])
    else:
        marks = ", ".join("?" for _ in columns)
        # Table and column names come from our own `Table` objects, never from a request.
        statement = f"INSERT INTO {table.name} ({names}) VALUES ({marks})"  # noqa: S608
        cursor.executemany(statement, [tuple(r.values()) for r in rows])
    cursor.close()


def select_in(connection: sa.Connection, query: str, values: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Rows of `query` (ending in `IN ({})`) for many `values`, through the driver: one `= ANY(array)` query
    on PostgreSQL, chunks of bound parameters on SQLite. `query` is a constant of our own code."""
    if not values:
        return []
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    rows: list[tuple[Any, ...]] = []
    try:
        if connection.dialect.name == "postgresql":
            cursor.execute(query.replace("IN ({})", "= ANY(%s)"), (list(values),))
            rows.extend(cursor.fetchall())
        else:
            for part in chunks(values):
                cursor.execute(query.format(", ".join("?" * len(part))), part)
                rows.extend(cursor.fetchall())
    finally:
        cursor.close()
    return rows
