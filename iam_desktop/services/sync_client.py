"""The sync client (DESIGN.md §6): one ``run_once`` pushes the outbox and pulls the desk's changes through the
sync server, for the CLI, the tests and — on the network pool — the app's background scheduler.

A run: ``GET /v1/info`` (clock skew beyond the server's limit → ``clock_skew``, a warning that keeps syncing; a
client older than the server's minimum → ``update_required``, nothing sent, the app keeps working offline); a
pending second device first collects its desk-key handover; then the outbox is pushed in signed, gzip batches and
exactly the rows sent are marked acknowledged per the reply's statuses (rows written meanwhile stay pending); then
pull pages are applied, each in one transaction that also stores the cursor, until ``has_more`` is false, and the
cursor is acknowledged. Attachments' contents move on their own queue (``blob_sync``): an attachment change waits in
the outbox until its blob is complete on the server, and after the pull a bounded number of incoming blobs is
fetched; a failed blob is retried later and blocks nothing else. Errors become a typed status (``SyncState``) and a
back-off for the scheduler."""

from __future__ import annotations

import base64
import json
import logging
import random
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Connection, and_, func, insert, select

from iam_desktop.vault import crypto, outbox, sync_state
from iam_desktop.vault.database import translate_errors
from iam_desktop.vault.merge import IncomingGrant, Merger, MergeResult
from iam_desktop.vault.records import case_key_context
from iam_desktop.vault.tables import case_keys, conflicts, grants_sent, quarantine
from iam_desktop.vault.tables import outbox as outbox_table
from iam_desktop.vault.vault import now_iso
from sync.protocol import (
    APP_VERSION,
    AckReply,
    AckRequest,
    Change,
    ErrorCode,
    Grant,
    InfoReply,
    PullReply,
    PushReply,
    PushRequest,
    sign_batch,
    version_tuple,
)

from . import messages
from .blob_sync import CHUNK_BYTES, BlobSync, waiting_blobs
from .cases import reindex
from .enrolment import Enrolment, b64
from .sync_http import SyncError, SyncProblem, Transport, make_session

if TYPE_CHECKING:
    from .desk import Desk

Progress = Callable[[str, int, int], None]  # (phase "push" | "pull", done, total or 0 when unknown)
BASE_INTERVAL_S = 300.0
MAX_BACKOFF_S = 3600.0
# A change refused only because of the clock stays queued: it goes through once the clock is right again.
log = logging.getLogger(__name__)
TRANSIENT_ERRNOS = frozenset({int(ErrorCode.CLOCK_SKEW), int(ErrorCode.RATE_LIMITED)})


class SyncState(StrEnum):
    OK = "ok"
    CLOCK_SKEW = "clock_skew"  # synced, but this computer's clock is wrong: tell the operator
    OFFLINE = "offline"
    UNAUTHORISED = "unauthorised"
    REVOKED = "revoked"
    UPDATE_REQUIRED = "update_required"
    PENDING = "pending"  # enrolled, waiting for the desk key from an enrolled device
    NOT_ENROLLED = "not_enrolled"
    # The directory announces a central office key other than the one pinned here: nothing is sent until the
    # central office confirms its fingerprint by phone (``detail`` is the pinned fingerprint).
    CENTRAL_KEY = "central_key_changed"
    ERROR = "error"


_STATE_OF = {
    SyncProblem.OFFLINE: SyncState.OFFLINE,
    SyncProblem.RATE_LIMITED: SyncState.OFFLINE,
    SyncProblem.UNAUTHORISED: SyncState.UNAUTHORISED,
    SyncProblem.REVOKED: SyncState.REVOKED,
    SyncProblem.PENDING: SyncState.PENDING,
    SyncProblem.NOT_ENROLLED: SyncState.NOT_ENROLLED,
    SyncProblem.CENTRAL_KEY: SyncState.CENTRAL_KEY,
}


@dataclass
class SyncReport:
    """What one run did. ``message`` is the catalogue key (``sync.state.<state>``) the UI and CLI show."""

    state: SyncState = SyncState.OK
    pushed: int = 0
    rejected: int = 0
    pulled: int = 0
    conflicts: int = 0
    quarantined: int = 0
    keys_installed: int = 0
    partitions_checked: int = 0  # compared with the server's digests after the pull (services.sync_repair)
    partitions_repaired: int = 0
    revoked: int = 0  # cases dropped here because another desk withdrew this desk's access
    kept_for_review: int = 0  # … kept instead, because changes written here were not acknowledged
    bytes_up: int = 0
    bytes_down: int = 0
    duration_s: float = 0.0
    waiting: int = 0
    blobs_up: int = 0  # attachments' contents completed on the server by this run
    blobs_down: int = 0  # … and received, checked and stored here
    blobs_failed: int = 0  # failures recorded (each retried later)
    blobs_waiting: int = 0  # still to move, either way, after the run
    blob_bytes_up: int = 0
    blob_bytes_down: int = 0
    attachments_adopted: int = 0  # stored before attachments synced (vault migration 0004), given a record now
    skew_ms: int = 0
    detail: str = ""
    started_at: str = field(default_factory=now_iso)

    @property
    def ok(self) -> bool:
        return self.state in (SyncState.OK, SyncState.CLOCK_SKEW)

    @property
    def message(self) -> str:
        return f"sync.state.{self.state.value}"

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "state": self.state.value, "ok": self.ok}


@dataclass(frozen=True)
class SyncStatus:
    """Readable from the vault at any time, locked or not (counts and times only, no personal data)."""

    enrolled: bool
    device_status: str  # "", "pending", "active"
    server_url: str
    desk_name: str
    last_success: str | None
    last_state: str | None
    waiting: int  # changes written here, not yet acknowledged by the server
    rejected: int
    conflicts: int  # unresolved
    quarantined: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def set_aside_words(item: dict[str, Any], language: str) -> str:
    """What a quarantine entry (``desk.sync.quarantine()``) holds and why, in the operator's words:
    "modifica: alterato in transito", "avviso di cancellazione: cancellazione non dimostrata"."""
    known = messages.catalogue()
    reason = f"sync.quarantine.{item.get('reason', '')}"
    what = f"sync.quarantine_what.{item.get('what', 'change')}"
    why = messages.text(reason if reason in known else "sync.quarantine.other", language)
    return f"{messages.text(what, language)}: {why}" if what in known else why


def read_status(desk: Desk) -> SyncStatus:
    with desk.vault.engine.connect() as conn:
        enrolled = sync_state.enrolment(conn)
        last = json.loads(sync_state.get(conn, sync_state.LAST_REPORT) or "{}")

        def count(table: Any, *where: Any) -> int:
            return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())

        return SyncStatus(
            enrolled=enrolled is not None,
            device_status=enrolled.status if enrolled else "",
            server_url=enrolled.server_url if enrolled else "",
            desk_name=enrolled.desk_name if enrolled else "",
            last_success=sync_state.get(conn, sync_state.LAST_SUCCESS),
            last_state=last.get("state"),
            waiting=count(outbox_table, outbox_table.c.state == outbox.PENDING),
            rejected=count(outbox_table, outbox_table.c.state == outbox.REJECTED),
            conflicts=count(conflicts, conflicts.c.resolved_at.is_(None)),
            quarantined=count(quarantine),
        )


class SyncClient:
    """Runs syncs of one desk. Not thread-safe: one run at a time (the scheduler owns that)."""

    def __init__(
        self,
        desk: Desk,
        *,
        session: requests.Session | None = None,
        app_version: str = APP_VERSION,
        batch_size: int = 500,
        page_limit: int = 1000,
        blob_chunk_bytes: int = CHUNK_BYTES,
    ) -> None:
        self.desk = desk
        # One session for every run: its connection pool is reused (TLS handshakes are slow on bad links).
        self.session = session or make_session()
        self.app_version = app_version
        self.batch_size = batch_size
        self.page_limit = page_limit
        self.blobs = BlobSync(desk, chunk_bytes=blob_chunk_bytes)
        self.failures = 0
        self.last: SyncReport | None = None

    @property
    def vault(self) -> Any:
        return self.desk.vault

    def next_delay(self) -> float:
        """Seconds until the scheduler should run again: the normal interval, or exponential back-off."""
        if self.failures == 0:
            return BASE_INTERVAL_S
        delay = min(30.0 * 2 ** (self.failures - 1), MAX_BACKOFF_S)
        return float(delay * random.uniform(0.8, 1.2))  # noqa: S311 — jitter spreads retries, it is not a secret

    # -- one run ---------------------------------------------------------------------------------------
    def run_once(self, progress: Progress | None = None) -> SyncReport:
        report = SyncReport()
        started = time.monotonic()
        transport: Transport | None = None
        try:
            enrolment = Enrolment(self.desk, self.session)
            transport = enrolment.transport()
            info = transport.get("/v1/info", InfoReply)
            report.skew_ms = info.server_time_ms - self.vault.clock.wall_ms()
            if version_tuple(self.app_version) < version_tuple(info.min_client_version):
                report.state, report.detail = SyncState.UPDATE_REQUIRED, info.min_client_version
            elif not enrolment.finish_handover():
                report.state = SyncState.PENDING
            else:
                batch = min(self.batch_size, info.max_batch_changes)
                self.blobs.start(info.blob_chunk_bytes)
                report.attachments_adopted = self.blobs.adopt()
                self._push(transport, report, progress, batch)
                self._pull(transport, report, progress, min(self.page_limit, info.max_pull_limit))
                from .sync_repair import check_and_repair

                checked = check_and_repair(self.desk, transport, pulled=report.pulled)
                report.partitions_checked, report.partitions_repaired = (
                    checked.partitions_checked,
                    checked.partitions_repaired,
                )
                if abs(report.skew_ms) > info.max_clock_skew_ms:
                    report.state = SyncState.CLOCK_SKEW
        except SyncError as exc:
            report.state = _STATE_OF.get(exc.problem, SyncState.ERROR)
            report.detail = exc.detail
            if report.state is SyncState.CENTRAL_KEY:
                report.detail = str(exc.params.get("expected") or "")  # the fingerprint to read out on the phone
        finally:
            if transport is not None:
                report.bytes_up, report.bytes_down = transport.bytes_up, transport.bytes_down
            run = self.blobs.run
            report.blobs_up, report.blobs_down, report.blobs_failed = run.up, run.down, run.failed
            report.blob_bytes_up, report.blob_bytes_down = run.bytes_up, run.bytes_down
            report.duration_s = round(time.monotonic() - started, 3)
        self._record(report)
        return report

    def _record(self, report: SyncReport) -> None:
        self.failures = 0 if report.ok else self.failures + 1
        with translate_errors(), self.vault.engine.begin() as conn:
            report.waiting = outbox.waiting(conn)
            report.blobs_waiting = waiting_blobs(conn)
            if report.ok:
                sync_state.put(conn, sync_state.LAST_SUCCESS, now_iso())
            else:
                sync_state.put(conn, sync_state.LAST_ERROR, json.dumps({"at": now_iso(), "state": report.state}))
            sync_state.put(conn, sync_state.LAST_REPORT, json.dumps(report.as_dict()))
        self.last = report

    # -- push ------------------------------------------------------------------------------------------
    def _push(self, transport: Transport, report: SyncReport, progress: Progress | None, batch: int) -> None:
        with self.vault.engine.connect() as conn:
            total = outbox.waiting(conn)
        after = 0
        store = self.vault.keyring.require()
        signer = Ed25519PrivateKey.from_private_bytes(store.device_ed25519)
        while True:
            with self.vault.engine.connect() as conn:
                rows = outbox.pending(conn, batch, after)
                if not rows:
                    return
                grants = self._grants_for(conn, rows)
                held = self.blobs.held(conn, rows)
            # Changes (and grants: a new case becomes known to the server) first, then the blobs, then the changes
            # that reference them — only those whose blob is now complete; the others stay pending.
            ready = [e for e in rows if e.record_id not in held]
            if ready or grants:
                self._send(transport, report, signer, ready, grants)
            if held:
                done = self.blobs.upload(transport, held.values())
                if done:
                    self._send(transport, report, signer, [e for e in rows if e.record_id in done], [])
            after = rows[-1].device_seq
            if progress:
                progress("push", report.pushed + report.rejected, total)

    def _send(
        self,
        transport: Transport,
        report: SyncReport,
        signer: Ed25519PrivateKey,
        rows: list[outbox.Envelope],
        grants: list[Grant],
    ) -> None:
        """Push one signed batch and mark exactly the rows sent per the reply's statuses."""
        enrolled = self._enrolled()
        changes = [_to_change(e) for e in rows]
        signature = sign_batch(signer, enrolled.device_id, grants, changes)
        request = PushRequest(device_id=enrolled.device_id, grants=grants, changes=changes, signature=signature)
        reply = transport.post("/v1/push", request, PushReply, gzip_body=True)
        with translate_errors(), self.vault.engine.begin() as conn:
            for status in reply.statuses:
                if status.status in ("applied", "duplicate"):
                    report.pushed += outbox.mark(conn, status.change_id, outbox.ACKED)
                elif status.errno not in TRANSIENT_ERRNOS:
                    report.rejected += outbox.mark(conn, status.change_id, outbox.REJECTED, status.errno)
            for g in reply.grant_statuses:
                if g.status in ("applied", "duplicate"):
                    _remember_grant(conn, g.case_id, g.desk_id, g.key_id)

    def _enrolled(self) -> sync_state.Enrolment:
        with self.vault.engine.connect() as conn:
            enrolled = sync_state.enrolment(conn)
        if enrolled is None:
            raise SyncError(SyncProblem.NOT_ENROLLED)
        return enrolled

    def _grants_for(self, conn: Connection, rows: list[outbox.Envelope]) -> list[Grant]:
        """The grants a batch needs before its changes: the case key wrapped for this desk (and for the central
        office), for each case key the server has not confirmed yet."""
        enrolled = sync_state.enrolment(conn)
        assert enrolled is not None
        store = self.vault.keyring.require()
        grants: list[Grant] = []
        for case_id, key_id in dict.fromkeys((e.case_id, e.key_id) for e in rows):
            targets: list[tuple[str, str | None]] = [(enrolled.desk_id, None)]
            if enrolled.central_desk_id and enrolled.central_desk_id != enrolled.desk_id:
                targets.append((enrolled.central_desk_id, enrolled.central_public_key))
            for desk_id, public in targets:
                if _grant_sent(conn, case_id, desk_id, key_id):
                    continue
                if public is None:
                    wrapped = conn.execute(
                        select(case_keys.c.wrapped).where(case_keys.c.case_id == case_id,
                                                          case_keys.c.key_id == key_id,
                                                          case_keys.c.holder == f"desk:{store.desk_id}")
                    ).scalar()  # fmt: skip
                    if wrapped is None:
                        continue
                else:
                    key = self.desk.records.case_key(conn, case_id, key_id)[1]
                    wrapped = crypto.wrap_for_public_key(base64.b64decode(public), key,
                                                         case_key_context(case_id, key_id))  # fmt: skip
                grants.append(Grant(case_id=case_id, desk_id=desk_id, key_id=key_id, wrapped_key=b64(wrapped)))
        return grants

    # -- pull ------------------------------------------------------------------------------------------
    def _pull(self, transport: Transport, report: SyncReport, progress: Progress | None, limit: int) -> None:
        enrolled = self._enrolled()
        merger = Merger(self.desk.records, enrolled.device_id, enrolled.desk_id)
        first = True
        while True:
            with self.vault.engine.connect() as conn:
                cursor = sync_state.get(conn, sync_state.CURSOR) or ""
            try:
                page = transport.get("/v1/pull", PullReply, {"cursor": cursor, "limit": limit})
            except SyncError as exc:
                if not cursor or exc.params.get("errno") != ErrorCode.BAD_CURSOR:
                    raise
                # A cursor the server does not know (a server restored from an older dump, a faulty page): pull
                # again from the start. Applying a change twice is a no-op, so nothing is duplicated.
                log.warning("the server refused the pull cursor; pulling again from the start")
                with translate_errors(), self.vault.engine.begin() as conn:
                    sync_state.put(conn, sync_state.CURSOR, "")
                continue
            result = MergeResult()
            with translate_errors(), self.vault.engine.begin() as conn:
                for grant in page.grants:
                    result.add(merger.apply_grant(conn, IncomingGrant(**grant.model_dump())))
                if first or result.keys_installed:
                    result.add(merger.retry_quarantine(conn))  # a key that arrived may open quarantined changes
                for change in page.changes:
                    result.add(merger.apply_change(conn, _to_envelope(change)))
                for notice in page.notices:
                    if notice.kind == "erased":  # shredded only if its proof opens with our case key
                        from .data_rights import apply_erased_notice

                        result.add(apply_erased_notice(self.desk, conn, merger, notice))
                    elif notice.kind == "revoked":  # dropped, or kept for review while changes wait (merge.py)
                        result.add(merger.revoke_case(conn, notice.case_id))
                reindex(conn, self.desk.records, result.touched_cases - result.erased_cases)
                sync_state.put(conn, sync_state.CURSOR, page.cursor)  # committed with the page, never before
            first = False
            report.pulled += result.applied
            report.conflicts += result.conflicts
            report.quarantined += result.quarantined
            report.keys_installed += result.keys_installed
            report.revoked += len(result.revoked_cases)
            report.kept_for_review += len(result.kept_cases)
            if result.touched_cases or result.erased_cases:
                self.desk.cases.forget()  # the case list decrypts again on next use
            if progress:
                progress("pull", report.pulled, 0)
            if not page.has_more:
                break
        transport.post("/v1/ack", AckRequest(cursor=page.cursor), AckReply)
        # Then the contents of attachments that arrived (now or earlier): bounded per run, each failure its own.
        self.blobs.download(transport)


def _grant_sent(conn: Connection, case_id: str, desk_id: str, key_id: str) -> bool:
    query = select(grants_sent.c.case_id).where(
        and_(grants_sent.c.case_id == case_id, grants_sent.c.desk_id == desk_id, grants_sent.c.key_id == key_id)
    )
    return conn.execute(query).first() is not None


def _remember_grant(conn: Connection, case_id: str, desk_id: str, key_id: str) -> None:
    if not _grant_sent(conn, case_id, desk_id, key_id):
        conn.execute(insert(grants_sent).values(case_id=case_id, desk_id=desk_id, key_id=key_id))


def _to_change(e: outbox.Envelope) -> Change:
    return Change(
        change_id=e.change_id, device_id=e.device_id, device_seq=e.device_seq, case_id=e.case_id, kind=e.kind,
        record_id=e.record_id, hlc=e.hlc, base=e.base, key_id=e.key_id, schema_version=e.schema_version,
        ciphertext=e.ciphertext, deleted=e.deleted,
    )  # fmt: skip


def _to_envelope(c: Change) -> outbox.Envelope:
    return outbox.Envelope(
        c.change_id, c.device_id, c.device_seq, c.case_id, c.kind, c.record_id, c.hlc, c.key_id, c.schema_version,
        c.ciphertext, c.deleted, dict(c.base),
    )  # fmt: skip
