"""Sync as the desk facade offers it (``desk.sync``): status, a client for runs, conflicts and their resolution,
quarantine, enrolment, and withdrawing another desk's access to a case (with the key rotation of DESIGN.md §5) —
the calls the UI and the CLI make. Each checks the operator's permission here."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import requests
from sqlalchemy import delete, select

from iam_desktop.domain.errors import ValidationError
from iam_desktop.domain.roles import Permission
from iam_desktop.vault import audit, merge, sync_state
from iam_desktop.vault.conflicts import ConflictEntry, list_conflicts, resolve
from iam_desktop.vault.database import translate_errors
from iam_desktop.vault.tables import grants_in, grants_sent
from sync.protocol import ErrorCode

from .enrolment import Enrolment
from .sync_client import SyncClient, SyncStatus, read_status
from .sync_http import SyncError, SyncProblem

if TYPE_CHECKING:
    from .desk import Desk


class DeskSync:
    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    def status(self) -> SyncStatus:
        """Counts and times only: works while the vault is locked (for the status bar)."""
        return read_status(self._desk)

    def client(self, session: requests.Session | None = None, **options: Any) -> SyncClient:
        self._desk.require(Permission.VIEW_CASE)
        return SyncClient(self._desk, session=session, **options)

    def enrolment(self, session: requests.Session | None = None) -> Enrolment:
        return Enrolment(self._desk, session)

    def conflicts(self, case_id: str | None = None, *, include_resolved: bool = False) -> list[ConflictEntry]:
        self._desk.require(Permission.VIEW_CASE)
        with self._desk.vault.engine.connect() as conn:
            return list_conflicts(conn, self._desk.records, case_id=case_id, include_resolved=include_resolved)

    def resolve(self, conflict_id: str, choice: str) -> ConflictEntry:
        """``choice``: ``keep_current`` or ``restore_other`` (a new local change that syncs)."""
        actor = self._desk.require(Permission.EDIT_CASE)
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            entry = resolve(conn, self._desk.records, conflict_id, choice)
            audit.append(conn, operator_id=actor.id, action="sync.conflict_resolved", case_id=entry.case_id,
                         detail={"conflict": conflict_id, "choice": choice})  # fmt: skip
        self._desk.cases.forget()
        return entry

    def quarantine(self) -> list[dict[str, Any]]:
        self._desk.require(Permission.VIEW_CASE)
        with self._desk.vault.engine.connect() as conn:
            return merge.quarantined(conn)

    # -- access withdrawn ------------------------------------------------------------------------------
    def revoke_access(self, case_id: str, desk_id: str, session: requests.Session | None = None) -> str:
        """Withdraw ``desk_id``'s grant to the case on the server (its devices get a ``revoked`` notice) and
        rotate the case key: later changes are sealed with a new key, wrapped to the holders that remain (this
        desk and the central office at the next push, other desks now), never to the revoked one. Returns the new
        key id. Online: the server must learn it; an offline call changes nothing."""
        actor = self._desk.require(Permission.ANSWER_REFERRAL)
        enrolment = Enrolment(self._desk, session)
        enrolled = enrolment.state()
        if enrolled is None:
            raise SyncError(SyncProblem.NOT_ENROLLED)
        if desk_id == enrolled.desk_id:
            raise ValidationError("desk_id", "referral_to_self")
        transport = enrolment.transport()
        try:
            transport._send("DELETE", f"/v1/cases/{case_id}/grants/{desk_id}")
        except SyncError as exc:
            if exc.params.get("errno") != int(ErrorCode.NOT_FOUND):  # already withdrawn: rotate all the same
                raise
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            key_id = self._desk.records.rotate_case_key(conn, case_id)
            others = {
                r.desk_id for r in conn.execute(select(grants_sent.c.desk_id).where(grants_sent.c.case_id == case_id))
            }
            others |= {
                r.desk_id for r in conn.execute(select(grants_in.c.desk_id).where(grants_in.c.case_id == case_id))
            }
            conn.execute(delete(grants_sent).where(grants_sent.c.case_id == case_id, grants_sent.c.desk_id == desk_id))
            audit.append(conn, operator_id=actor.id, action="sync.access_revoked", case_id=case_id,
                         detail={"desk": desk_id, "new_key": key_id})  # fmt: skip
        remaining = sorted(others - {desk_id, enrolled.desk_id, enrolled.central_desk_id})
        if remaining:
            self._desk.network.catalogue.grant(transport, case_id, remaining)
        return key_id

    def revoked(self) -> dict[str, dict[str, Any]]:
        """Cases whose access was withdrawn while changes written here were unacknowledged: kept for review."""
        self._desk.require(Permission.VIEW_CASE)
        with self._desk.vault.engine.connect() as conn:
            return sync_state.revoked_cases(conn)

    def discard_revoked(self, case_id: str) -> None:
        """After review, drop a kept case whose access was withdrawn — its unsent changes with it (they can no
        longer reach the server). Only a case noted as revoked can be discarded here."""
        actor = self._desk.require(Permission.EDIT_CASE)
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            note = sync_state.revoked_cases(conn).get(case_id)
            if note is None:
                raise ValidationError("case_id", "unknown")
            merge.Merger(self._desk.records, "", "").erase_case(conn, case_id)
            sync_state.note_revoked(conn, case_id, None)
            audit.append(conn, operator_id=actor.id, action="sync.revoked_discarded", case_id=case_id,
                         detail={"changes": int(note.get("waiting", 0))})  # fmt: skip
        cache = self._desk.vault.keyring._case_keys  # the session's copies of the dropped keys go too
        for ident in [k for k in cache if k[0] == case_id]:
            del cache[ident]
        self._desk.cases.forget()
