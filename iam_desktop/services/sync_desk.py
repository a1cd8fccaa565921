"""Sync as the desk facade offers it (``desk.sync``): status, a client for runs, conflicts and their resolution,
quarantine, enrolment, and withdrawing another desk's access to a case (with the key rotation of DESIGN.md §5) —
the calls the UI and the CLI make. Each checks the operator's permission here."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import requests
from sqlalchemy import Connection, delete, select

from iam_desktop.domain.errors import ValidationError
from iam_desktop.domain.roles import Permission
from iam_desktop.vault import audit, merge, sync_state
from iam_desktop.vault.conflicts import ConflictEntry, list_conflicts, resolve
from iam_desktop.vault.database import translate_errors
from iam_desktop.vault.tables import grants_in, grants_sent, vault_meta
from iam_desktop.vault.vault import now_iso

from .enrolment import Enrolment
from .sync_client import SyncClient, SyncStatus, read_status
from .sync_http import SyncError, SyncProblem, Transport

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
        return self.withdraw_grant(enrolment.transport(), case_id, desk_id, operator_id=actor.id)

    def withdraw_grant(self, transport: Transport, case_id: str, desk_id: str, *, operator_id: str | None) -> str:
        """``revoke_access`` without the operator's permission check, for the referral steps that end a referral
        on their own (a decline seen, a grace period over, a transfer's read access expired): one place where a
        grant is withdrawn, the key rotated and the revoke remembered so no later run wraps a key to that desk
        again for a referral proposed before it (see :func:`revoked_since`)."""
        with self._desk.vault.engine.connect() as conn:
            enrolled = sync_state.enrolment(conn)
        if enrolled is None:
            raise SyncError(SyncProblem.NOT_ENROLLED)
        if desk_id == enrolled.desk_id:
            raise ValidationError("desk_id", "referral_to_self")
        transport.withdraw_grant(case_id, desk_id)  # already withdrawn: rotate all the same
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            key_id = self.rotate(conn, case_id, desk_id, operator_id=operator_id, server=True)
            others = {
                r.desk_id for r in conn.execute(select(grants_sent.c.desk_id).where(grants_sent.c.case_id == case_id))
            }
            others |= {
                r.desk_id for r in conn.execute(select(grants_in.c.desk_id).where(grants_in.c.case_id == case_id))
            }
        remaining = sorted(others - {desk_id, enrolled.desk_id, enrolled.central_desk_id})
        if remaining:
            self._desk.network.catalogue.grant(transport, case_id, remaining)
        return key_id

    def rotate(
        self, conn: Connection, case_id: str, desk_id: str, *, operator_id: str | None, server: bool = False
    ) -> str:
        """Offline half of a revoke, inside the caller's transaction: a new key for the case's later writes (the
        desk's earlier keys stay with ``desk_id``; this one never goes to it), the desk's sent grants forgotten
        and the revoke remembered (``server``: whether the server has withdrawn the grant yet; if not,
        ``withdraw_grant`` follows). Returns the new key id."""
        key_id = self._desk.records.rotate_case_key(conn, case_id)
        conn.execute(delete(grants_sent).where(grants_sent.c.case_id == case_id, grants_sent.c.desk_id == desk_id))
        revoked = revoked_grants(conn)
        revoked[f"{case_id}|{desk_id}"] = {"at": now_iso(), "server": server}
        self._desk.vault.set_meta(conn, REVOKED_GRANTS_META, json.dumps(revoked, sort_keys=True))
        audit.append(conn, operator_id=operator_id, action="sync.access_revoked", case_id=case_id,
                     detail={"desk": desk_id, "new_key": key_id})  # fmt: skip
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


REVOKED_GRANTS_META = "network.grants_revoked"  # {"<partition>|<desk>": {"at", "server"}}: ids and times only


def revoked_grants(conn: Connection) -> dict[str, dict[str, Any]]:
    """The grants this desk withdrew (partition and desk ids, when, whether the server knows), newest per pair."""
    raw = conn.execute(select(vault_meta.c.value).where(vault_meta.c.key == REVOKED_GRANTS_META)).scalar()
    data: dict[str, dict[str, Any]] = json.loads(raw or "{}")
    return data


def revoked_since(conn: Connection, case_id: str, desk_id: str) -> dict[str, Any] | None:
    """This desk's last revoke of ``desk_id``'s grant to the partition (None: never): ``at`` and ``server``. A
    referral proposed before ``at`` never brings the grant back; one proposed after it does (referred again)."""
    return revoked_grants(conn).get(f"{case_id}|{desk_id}")
