"""Sync as the desk facade offers it (``desk.sync``): status, a client for runs, conflicts and their resolution,
quarantine, and enrolment — the calls the UI and the CLI make. Each checks the operator's permission here."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import requests

from iam_desktop.domain.roles import Permission
from iam_desktop.vault import audit, merge
from iam_desktop.vault.conflicts import ConflictEntry, list_conflicts, resolve
from iam_desktop.vault.database import translate_errors

from .enrolment import Enrolment
from .sync_client import SyncClient, SyncStatus, read_status

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
