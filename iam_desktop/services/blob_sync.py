"""Attachments' contents through the sync server (DESIGN.md §6: "encrypted, content-addressed blobs, uploaded in
resumable chunks before the change that references them, downloaded by their own queue").

Up: the sync client's push holds back an ``attachment_record`` change while its blob sits in the ``up`` queue; it
asks ``GET /v1/blobs/{sha256}/status`` where the server stands (``received``), sends the rest in chunks with
``PUT /v1/blobs/{sha256}?case_id&size&offset``, and only once the server says ``complete`` does the change go out.
Down: after the pull, attachment records with no local content are queued; each run fetches a bounded number of
them (``GET /v1/blobs/{sha256}``), checks the SHA-256 the authenticated record names (a mismatch is *tampered*:
recorded, never stored) and stores the sealed bytes as the local attachment.

One bad blob never blocks the rest (Joplin's lesson): a failure is recorded on its row with a reason (``offline``,
``not_found``, ``forbidden``, ``incomplete``, ``too_large``, ``sha256_mismatch``, ``size_mismatch``, …) and retried
after an exponential back-off, while the other blobs and every other change go on. A cut connection is not the
blob's fault: its row keeps waiting with no back-off, resumes at the server's offset on the next run, and this run
stops moving blobs (the link is down). A lost device token ends the run like any other call."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, func, select, update

from iam_desktop.vault import lookup, sync_state
from iam_desktop.vault.database import translate_errors
from iam_desktop.vault.outbox import Envelope
from iam_desktop.vault.tables import attachments, blob_queue, records
from iam_desktop.vault.vault import now_iso
from sync.protocol import BlobStatus, ErrorCode

from .sync_http import SyncError, SyncProblem, Transport

if TYPE_CHECKING:
    from .desk import Desk

log = logging.getLogger(__name__)
CHUNK_BYTES = 512 * 1024  # a cut on a slow rural link loses at most one chunk
MAX_RUN_BYTES = 64 * 1024 * 1024  # per run and direction: a backlog of scans does not hold a run for hours
MAX_RUN_DOWNLOADS = 50
BACKOFF_BASE_S = 30.0
MAX_BACKOFF_S = 6 * 3600.0
_REASONS = {
    ErrorCode.NOT_FOUND: "not_found",
    ErrorCode.CASE_FORBIDDEN: "forbidden",
    ErrorCode.CASE_ERASED: "erased",
    ErrorCode.BLOB_INCOMPLETE: "incomplete",
    ErrorCode.BLOB_HASH: "sha256_mismatch",
    ErrorCode.BLOB_TOO_LARGE: "too_large",
    ErrorCode.BLOB_OFFSET: "offset",
}
_FATAL = (SyncProblem.UNAUTHORISED, SyncProblem.REVOKED, SyncProblem.PENDING, SyncProblem.NOT_ENROLLED)


def backoff_s(attempts: int) -> float:
    return float(min(BACKOFF_BASE_S * 2 ** max(attempts - 1, 0), MAX_BACKOFF_S))


def reason_of(exc: SyncError) -> str:
    if exc.problem in (SyncProblem.OFFLINE, SyncProblem.RATE_LIMITED):
        return "offline"
    try:
        return _REASONS.get(ErrorCode(int(str(exc.params.get("errno") or 0))), "server")
    except ValueError:
        return "server"


@dataclass
class BlobRun:
    """What one run moved: blobs completed each way, failures recorded, bytes of blob content on the wire."""

    up: int = 0
    down: int = 0
    failed: int = 0
    bytes_up: int = 0
    bytes_down: int = 0
    offline: bool = False


class BlobSync:
    """The blob steps of one desk's sync client (one run at a time, like the client)."""

    def __init__(
        self,
        desk: Desk,
        *,
        chunk_bytes: int = CHUNK_BYTES,
        max_run_bytes: int = MAX_RUN_BYTES,
        max_run_downloads: int = MAX_RUN_DOWNLOADS,
    ) -> None:
        self.desk = desk
        self.chunk_bytes = chunk_bytes
        self.server_chunk_bytes = chunk_bytes
        self.max_run_bytes = max_run_bytes
        self.max_run_downloads = max_run_downloads
        self.run = BlobRun()

    def start(self, server_chunk_bytes: int) -> None:
        self.run = BlobRun()
        self.server_chunk_bytes = server_chunk_bytes

    @property
    def _engine(self) -> Any:
        return self.desk.vault.engine

    # -- up --------------------------------------------------------------------------------------------
    def adopt(self) -> int:
        """Give a synced record to every attachment stored before the vault learnt to sync them (vault migration
        0004): without it such a file never leaves this computer. Each gets its ``attachment_record`` change and
        its blob queued for upload — as if attached now — in one transaction; the next push sends them. One
        anti-join per run: cheap, and it also catches a vault restored from a backup made before 0004."""
        unsynced = (
            select(attachments.c.attachment_id, attachments.c.case_id, attachments.c.key_id, attachments.c.sealed)
            .where(attachments.c.attachment_id.not_in(
                select(records.c.record_id).where(records.c.kind == lookup.ATTACHMENT_RECORD_KIND)))
        )  # fmt: skip
        adopted = 0
        with translate_errors(), self._engine.begin() as conn:
            rows = list(conn.execute(unsynced))
            kept = sync_state.revoked_cases(conn)  # access withdrawn: nothing more is sent for those cases
            by_case: dict[str, list[Any]] = {}
            for row in rows:
                if row.case_id not in kept:
                    by_case.setdefault(row.case_id, []).append(row)
            for case_id, case_rows in by_case.items():
                infos = {i.attachment_id: i for i in lookup.list_attachments(conn, self.desk.records, case_id)}
                for row in case_rows:
                    info = infos[row.attachment_id]
                    sealed = bytes(row.sealed)
                    digest = hashlib.sha256(sealed).hexdigest()
                    payload = {"filename": info.filename, "media_type": info.media_type, "kind": info.kind,
                               "subject": info.subject, "size": info.size, "sha256": digest,
                               "sealed_size": len(sealed), "key_id": row.key_id,
                               "created_at": info.created_at}  # fmt: skip
                    self.desk.records.put(conn, case_id=case_id, kind=lookup.ATTACHMENT_RECORD_KIND,
                                          record_id=row.attachment_id, payload=payload)  # fmt: skip
                    lookup.queue_blob(conn, row.attachment_id, case_id, lookup.UP, digest, len(sealed))
                    adopted += 1
        if adopted:
            log.info("%d attachment(s) stored before sync of attachments adopted for upload", adopted)
        return adopted

    def held(self, conn: Connection, rows: Iterable[Envelope]) -> dict[str, Any]:
        """The queue rows of the batch's attachment changes whose blob the server has not completed yet."""
        ids = [e.record_id for e in rows if e.kind == lookup.ATTACHMENT_RECORD_KIND and not e.deleted]
        if not ids:
            return {}
        query = select(blob_queue).where(blob_queue.c.attachment_id.in_(ids), blob_queue.c.direction == lookup.UP)
        return {r.attachment_id: r for r in conn.execute(query)}

    def upload(self, transport: Transport, rows: Iterable[Any]) -> set[str]:
        """Upload each due blob (resuming where the server stands); the attachment ids now complete."""
        done: set[str] = set()
        for q in rows:
            if self.run.offline or self.run.bytes_up >= self.max_run_bytes:
                break
            if q.next_try > time.time():
                continue
            if self._upload_one(transport, q):
                done.add(q.attachment_id)
        return done

    def _upload_one(self, transport: Transport, q: Any) -> bool:
        with self._engine.connect() as conn:
            sealed = conn.execute(
                select(attachments.c.sealed).where(attachments.c.attachment_id == q.attachment_id)
            ).scalar()
        if sealed is None or hashlib.sha256(sealed).hexdigest() != q.sha256:
            self._fail(q, "missing_content")
            return False
        chunk = max(1, min(self.chunk_bytes, self.server_chunk_bytes))
        path = f"/v1/blobs/{q.sha256}"
        try:
            received = self._server_received(transport, q.sha256, len(sealed))
            offset_retries = 2
            while received < len(sealed):
                if self.run.bytes_up >= self.max_run_bytes:
                    return False  # the rest next run; not a failure
                part = bytes(sealed[received : received + chunk])
                params = {"case_id": q.case_id, "size": len(sealed), "offset": received}
                try:
                    status = transport.put_bytes(path, part, BlobStatus, params)
                except SyncError as exc:
                    if reason_of(exc) != "offset" or offset_retries == 0:
                        raise
                    offset_retries -= 1  # a chunk stored whose reply was lost: ask where the server stands
                    received = self._server_received(transport, q.sha256, len(sealed))
                    continue
                finally:
                    self.run.bytes_up += len(part)
                received = len(sealed) if status.complete else status.received
        except SyncError as exc:
            if exc.problem in _FATAL:
                raise
            self._fail(q, reason_of(exc))
            return False
        with translate_errors(), self._engine.begin() as conn:
            conn.execute(delete(blob_queue).where(blob_queue.c.attachment_id == q.attachment_id))
        self.run.up += 1
        return True

    def _server_received(self, transport: Transport, sha256: str, size: int) -> int:
        try:
            status = transport.get(f"/v1/blobs/{sha256}/status", BlobStatus)
        except SyncError as exc:
            if reason_of(exc) == "not_found":
                return 0
            raise
        return size if status.complete else status.received

    # -- down ------------------------------------------------------------------------------------------
    def enqueue_missing(self) -> int:
        """Queue a download for every attachment record that arrived without its content."""
        records = self.desk.records
        added = 0
        with translate_errors(), self._engine.begin() as conn:
            for stored in lookup.missing_contents(conn, records):
                p = stored.payload
                if not isinstance(p.get("sha256"), str) or "key_id" not in p:
                    continue  # a record of a newer client that this one cannot fetch: it stays listed, waiting
                added += lookup.queue_blob(conn, stored.record_id, stored.case_id, lookup.DOWN, p["sha256"],
                                           int(p.get("sealed_size", 0)))  # fmt: skip
        return added

    def download(self, transport: Transport) -> None:
        """Fetch the due downloads, at most ``max_run_downloads`` blobs and ``max_run_bytes`` bytes per run."""
        self.enqueue_missing()
        with self._engine.connect() as conn:
            rows = list(
                conn.execute(
                    select(blob_queue)
                    .where(blob_queue.c.direction == lookup.DOWN, blob_queue.c.next_try <= time.time())
                    .order_by(blob_queue.c.attempts, blob_queue.c.updated_at)
                    .limit(self.max_run_downloads)
                )
            )
        for q in rows:
            if self.run.offline or self.run.bytes_down >= self.max_run_bytes:
                break
            self._download_one(transport, q)

    def _download_one(self, transport: Transport, q: Any) -> None:
        with self._engine.connect() as conn:
            record = self.desk.records.get(conn, q.attachment_id)
        if record is None:  # erased or withdrawn since it was queued
            with translate_errors(), self._engine.begin() as conn:
                conn.execute(delete(blob_queue).where(blob_queue.c.attachment_id == q.attachment_id))
            return
        expected = int(record.payload.get("sealed_size", 0)) or q.size
        try:
            # At most one piece past the size the record names: a server sending more is not believed.
            data = transport.download(f"/v1/blobs/{q.sha256}", limit=expected)
        except SyncError as exc:
            if exc.problem in _FATAL:
                raise
            self._fail(q, reason_of(exc))
            return
        except OSError:  # the body cut short after the headers
            self._fail(q, "offline")
            return
        self.run.bytes_down += len(data)
        if len(data) != expected:
            self._fail(q, "size_mismatch" if len(data) > expected else "offline", tampered=len(data) > expected)
            return
        with translate_errors(), self._engine.begin() as conn:
            stored = lookup.store_downloaded(conn, self.desk.records, record, bytes(data))
        if not stored:
            log.warning("attachment %s: the downloaded blob does not match its SHA-256; not stored", q.attachment_id)
            self._fail(q, "sha256_mismatch", tampered=True)
            return
        self.run.down += 1

    # -- failures --------------------------------------------------------------------------------------
    def _fail(self, q: Any, reason: str, *, tampered: bool = False) -> None:
        attempts = int(q.attempts) + 1
        if reason == "offline":
            state, next_try = lookup.WAITING, time.time()  # no back-off: resume as soon as the link is back
            self.run.offline = True
        else:
            state = lookup.TAMPERED if tampered else lookup.FAILED
            next_try = time.time() + backoff_s(attempts)
            self.run.failed += 1
        with translate_errors(), self._engine.begin() as conn:
            conn.execute(
                update(blob_queue)
                .where(blob_queue.c.attachment_id == q.attachment_id)
                .values(state=state, reason=reason, attempts=attempts, next_try=next_try, updated_at=now_iso())
            )
        log.info("blob of attachment %s (%s): %s, attempt %d", q.attachment_id, q.direction, reason, attempts)


def waiting_blobs(conn: Connection) -> int:
    """Blobs still to move, either way (failed ones included)."""
    return int(conn.execute(select(func.count()).select_from(blob_queue)).scalar_one())


def uploads_of(desk: Desk, case_id: str) -> dict[str, tuple[str, str]]:
    """The attachments of a case stored here whose content has not reached the server yet: attachment id →
    (``waiting`` | ``failed``, reason of the last failure). Ids and states only, readable at any time."""
    query = select(blob_queue.c.attachment_id, blob_queue.c.state, blob_queue.c.reason).where(
        blob_queue.c.case_id == case_id, blob_queue.c.direction == lookup.UP
    )
    with desk.vault.engine.connect() as conn:
        return {r.attachment_id: (r.state, r.reason or "") for r in conn.execute(query)}


def retry_blobs(desk: Desk, case_id: str | None = None) -> int:
    """Make every queued blob (of one case, or all) due again now — the operator's "try again"."""
    with translate_errors(), desk.vault.engine.begin() as conn:
        query = update(blob_queue).values(next_try=0.0)
        if case_id is not None:
            query = query.where(blob_queue.c.case_id == case_id)
        return int(conn.execute(query).rowcount)
