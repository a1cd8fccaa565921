"""Applying pulled changes, grants and notices to the vault — the merge of DESIGN.md §6.

Each field of a record is a last-writer-wins register ordered by ``(hlc, device_id)``: the greater stamp wins
whatever the order, duplication or delay of delivery, so every replica converges. When an incoming change's
``base`` for a field differs from the local stamp, the two edits were concurrent: LWW still decides, but the losing
value is kept as a *conflict* (sealed with the case key, who and when, both values) for an operator to review;
append-only kinds never conflict. A change seen before (``applied_changes``) or this device's own acknowledged
change coming back is skipped, so nothing is duplicated and nothing reappears; a tombstone wins over every edit.
A change or grant that cannot be opened (no key yet, tampered, unreadable) goes to quarantine with its reason and
is retried on every later pull; the rest keeps flowing. Grants give the desk a case key (wrapped to the desk's
public key) — stored like a locally created key, so a referred case arrives whole. A ``revoked`` notice (this
desk's grant was withdrawn) drops the case's keys and records here, unless changes written here are not yet
acknowledged: those are never silently dropped (SORMAS lesson) — the case is kept, noted for review, until an
operator discards it. The caller owns the transaction.
"""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select

from iam_desktop.domain import referral
from iam_desktop.domain.errors import LockedError, TamperedError
from iam_desktop.vault import crypto, erasures, outbox, sync_state
from iam_desktop.vault.outbox import APPEND_ONLY_KINDS, Envelope, Path
from iam_desktop.vault.records import LOCAL_HOLDER, RecordStore, case_key_context
from iam_desktop.vault.tables import (
    applied_changes,
    attachments,
    blob_queue,
    case_keys,
    conflicts,
    field_stamps,
    grants_in,
    grants_sent,
    lookup_index,
    quarantine,
    records,
    tombstones,
)
from iam_desktop.vault.tables import outbox as outbox_table
from iam_desktop.vault.vault import now_iso

MAX_CONFLICTS_PER_RECORD = 20
RECOVERY_KEY_ID = "desk-recovery"
DROPPED_PARTITIONS = "dropped_partitions"  # sync_state: partitions dropped here, ids only
CLOSED_REFERRALS = "network.referrals_closed"  # vault meta: referrals whose partition went from here, no personal data
_ABSENT: Any = object()


@dataclass(frozen=True)
class IncomingGrant:
    case_id: str
    desk_id: str
    key_id: str
    wrapped_key: str  # base64, as on the wire


@dataclass
class MergeResult:
    applied: int = 0
    skipped: int = 0
    conflicts: int = 0
    quarantined: int = 0
    keys_installed: int = 0
    touched_cases: set[str] = field(default_factory=set)
    erased_cases: set[str] = field(default_factory=set)  # dropped here (erased, or access revoked)
    revoked_cases: set[str] = field(default_factory=set)  # access withdrawn: dropped
    kept_cases: set[str] = field(default_factory=set)  # access withdrawn, unacknowledged changes: kept for review

    def add(self, other: MergeResult) -> None:
        for name in ("applied", "skipped", "conflicts", "quarantined", "keys_installed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.touched_cases |= other.touched_cases
        self.erased_cases |= other.erased_cases
        self.revoked_cases |= other.revoked_cases
        self.kept_cases |= other.kept_cases


def conflict_aad(conflict_id: str, case_id: str, record_id: str, key_id: str) -> bytes:
    return f"iam-conflict|{conflict_id}|{case_id}|{record_id}|{key_id}".encode()


class Merger:
    """Merges into one vault; ``my_device_id``/``my_desk_id`` are the server's ids of this device and desk."""

    def __init__(self, records_store: RecordStore, my_device_id: str, my_desk_id: str) -> None:
        self.records = records_store
        self.vault = records_store.vault
        self.my_device_id = my_device_id
        self.my_desk_id = my_desk_id

    # -- keys ------------------------------------------------------------------------------------------
    def _key(self, conn: Connection, case_id: str, key_id: str) -> bytes | None:
        try:
            return self.records.case_key(conn, case_id, key_id)[1]
        except LockedError:
            if not self.vault.keyring.unlocked:
                raise
            return None

    def apply_grant(self, conn: Connection, grant: IncomingGrant) -> MergeResult:
        result = MergeResult()
        store = self.vault.keyring.require()
        ident = (grant.case_id, grant.desk_id, grant.key_id)
        seen = conn.execute(
            select(grants_in.c.state).where(
                grants_in.c.case_id == ident[0], grants_in.c.desk_id == ident[1], grants_in.c.key_id == ident[2]
            )
        ).scalar()
        if seen == "installed":
            return result
        state = "other"
        if grant.desk_id == self.my_desk_id and grant.key_id == RECOVERY_KEY_ID:
            state = "recovery"  # a desk's recovery copy addressed to us (central office): kept for recovery
        elif grant.desk_id == self.my_desk_id:
            have = conn.execute(
                select(case_keys.c.key_id).where(
                    case_keys.c.case_id == grant.case_id, case_keys.c.key_id == grant.key_id
                )
            ).first()
            if have is None:
                wrapped = base64.b64decode(grant.wrapped_key)
                context = case_key_context(grant.case_id, grant.key_id)
                try:
                    key = crypto.unwrap_with_private_key(store.desk_private, wrapped, context, what="grant")
                except TamperedError:
                    item = f"grant:{grant.case_id}:{grant.desk_id}:{grant.key_id}"
                    self._quarantine(conn, grant.case_id, item, "grant_unreadable", json.dumps(grant.__dict__))
                    result.quarantined += 1
                    return result
                now = now_iso()
                conn.execute(
                    insert(case_keys),
                    [
                        {"case_id": grant.case_id, "key_id": grant.key_id, "holder": f"desk:{store.desk_id}",
                         "wrapped": wrapped, "created_at": now},
                        {"case_id": grant.case_id, "key_id": grant.key_id, "holder": LOCAL_HOLDER,
                         "wrapped": crypto.seal(store.local_key, key, context), "created_at": now},
                    ],
                )  # fmt: skip
                result.keys_installed += 1
                result.touched_cases.add(grant.case_id)
            state = "installed"
        conn.execute(delete(grants_in).where(grants_in.c.case_id == ident[0], grants_in.c.desk_id == ident[1],
                                             grants_in.c.key_id == ident[2]))  # fmt: skip
        conn.execute(
            insert(grants_in).values(case_id=ident[0], desk_id=ident[1], key_id=ident[2], wrapped=grant.wrapped_key,
                                     state=state, received_at=now_iso())
        )  # fmt: skip
        return result

    # -- changes ---------------------------------------------------------------------------------------
    def apply_change(self, conn: Connection, e: Envelope) -> MergeResult:
        result = MergeResult()
        if conn.execute(select(applied_changes.c.change_id).where(applied_changes.c.change_id == e.change_id)).first():
            result.skipped += 1
            return result
        if e.device_id == self.my_device_id and outbox.is_own(conn, e.change_id):
            # Our own change coming back: already in the vault. An unacknowledged one is acknowledged now.
            outbox.mark(conn, e.change_id, outbox.ACKED)
            self._remember(conn, e.change_id)
            result.skipped += 1
            return result
        key = self._key(conn, e.case_id, e.key_id)
        if key is None:
            self._quarantine(conn, e.case_id, e.change_id, "no_key", e.to_json())
            result.quarantined += 1
            return result
        try:
            body = outbox.open_change(key, e)
            sets = [(tuple(p), v) for p, v in body.get("set", [])]
            unsets = [tuple(p) for p in body.get("unset", [])]
        except (TamperedError, ValueError, TypeError):
            self._quarantine(conn, e.case_id, e.change_id, "tampered", e.to_json())
            result.quarantined += 1
            return result
        self.vault.clock.receive(conn, e.hlc)
        self._remember(conn, e.change_id)
        result.applied += 1
        result.touched_cases.add(e.case_id)
        if conn.execute(select(tombstones.c.record_id).where(tombstones.c.record_id == e.record_id)).first():
            return result
        if e.deleted:
            conn.execute(delete(records).where(records.c.record_id == e.record_id))
            conn.execute(delete(field_stamps).where(field_stamps.c.record_id == e.record_id))
            conn.execute(
                insert(tombstones).values(record_id=e.record_id, case_id=e.case_id, hlc=e.hlc, device_id=e.device_id)
            )
            return result
        result.conflicts += self._merge_fields(conn, e, key, sets, unsets, bool(body.get("create")))
        return result

    def _merge_fields(
        self,
        conn: Connection,
        e: Envelope,
        key: bytes,
        sets: list[tuple[Path, Any]],
        unsets: list[Path],
        create: bool,
    ) -> int:
        row = conn.execute(select(records).where(records.c.record_id == e.record_id)).first()
        local = outbox.flatten(e.kind, self.records.get(conn, e.record_id).payload) if row else {}  # type: ignore[union-attr]
        stamps = outbox.stamps_of(conn, e.record_id)
        incoming = (e.hlc, e.device_id)
        won: list[Path] = []
        found = 0
        for path, value in [*sets, *[(p, _ABSENT) for p in unsets]]:
            mine = stamps.get(path)
            wins = mine is None or incoming > mine
            concurrent = (
                e.kind not in APPEND_ONLY_KINDS
                and mine is not None
                and e.base.get(outbox.field_id(key, path)) != mine[0]
            )
            current = local.get(path, _ABSENT)
            if concurrent and mine is not None and current != value:
                mine_side = {"value": current, "hlc": mine[0], "device": mine[1]}
                theirs = {"value": value, "hlc": e.hlc, "device": e.device_id}
                winner, loser = (theirs, mine_side) if wins else (mine_side, theirs)
                self._conflict(conn, e, path, winner, loser)
                found += 1
            if wins:
                won.append(path)
                if value is _ABSENT:
                    local.pop(path, None)
                else:
                    local[path] = value
        if won or (row is None and create):
            self.records.write(conn, case_id=e.case_id, kind=e.kind, record_id=e.record_id,
                               payload=outbox.unflatten(e.kind, local), key=(e.key_id, key),
                               exists=row is not None)  # fmt: skip
            outbox.set_stamps(conn, e.record_id, won, e.hlc, e.device_id)
        return found

    def _conflict(
        self, conn: Connection, e: Envelope, path: Path, winner: dict[str, Any], loser: dict[str, Any]
    ) -> None:
        conflict_id = str(uuid.uuid4())
        key_id, key = self.records.case_key(conn, e.case_id)

        def plain(side: dict[str, Any]) -> dict[str, Any]:
            present = side["value"] is not _ABSENT
            return {**side, "value": side["value"] if present else None, "present": present}

        body = {"field": list(path), "winner": plain(winner), "loser": plain(loser)}
        sealed = crypto.seal(key, json.dumps(body, ensure_ascii=False).encode(),
                             conflict_aad(conflict_id, e.case_id, e.record_id, key_id), compress=True)  # fmt: skip
        conn.execute(
            insert(conflicts).values(conflict_id=conflict_id, case_id=e.case_id, record_id=e.record_id, kind=e.kind,
                                     key_id=key_id, sealed=sealed, created_at=now_iso())
        )  # fmt: skip
        # Bounded per record (PouchDB lesson): the oldest unresolved entries go first once over the limit.
        count = conn.execute(
            select(func.count()).select_from(conflicts).where(conflicts.c.record_id == e.record_id)
        ).scalar_one()
        if count > MAX_CONFLICTS_PER_RECORD:
            old = conn.execute(
                select(conflicts.c.conflict_id)
                .where(conflicts.c.record_id == e.record_id)
                .order_by(conflicts.c.resolved_at.is_(None), conflicts.c.created_at)
                .limit(count - MAX_CONFLICTS_PER_RECORD)
            ).scalars()
            conn.execute(delete(conflicts).where(conflicts.c.conflict_id.in_(list(old))))

    # -- notices ---------------------------------------------------------------------------------------
    def erase_case(self, conn: Connection, case_id: str, *, via: str | None = None, by: str | None = None) -> None:
        """Shred the case's keys (every holder, and the wrapped copies received or sent as grants) and drop
        everything local about it: records, attachments, look-ups, conflicts, quarantine, queued changes.

        ``via`` (``here``, ``network``) records a person's erasure in the erasure register, so that
        restoring an older backup erases the case again; without it (a transfer that expired) nothing is recorded."""
        if via is not None:
            erasures.register(conn, case_id, via=via, by=by)
        record_ids = list(conn.execute(select(records.c.record_id).where(records.c.case_id == case_id)).scalars())
        for table, column in ((case_keys, case_keys.c.case_id), (records, records.c.case_id),
                              (lookup_index, lookup_index.c.case_id), (conflicts, conflicts.c.case_id),
                              (quarantine, quarantine.c.case_id), (tombstones, tombstones.c.case_id),
                              (attachments, attachments.c.case_id), (grants_in, grants_in.c.case_id),
                              (grants_sent, grants_sent.c.case_id), (blob_queue, blob_queue.c.case_id)):  # fmt: skip
            conn.execute(delete(table).where(column == case_id))
        if record_ids:
            conn.execute(delete(field_stamps).where(field_stamps.c.record_id.in_(record_ids)))
        conn.execute(delete(outbox_table).where(outbox_table.c.case_id == case_id))

    def revoke_case(self, conn: Connection, case_id: str) -> MergeResult:
        """This desk's grant to the case was withdrawn (a referral withdrawn, a transfer's read access expired).

        Nothing unacknowledged is lost: when changes written here still wait (pending) or were refused by the
        server (it no longer accepts them from this desk), the case stays, with its keys, noted in the sync state
        for an operator to review and discard. Otherwise its keys, records and everything local about it go."""
        result = MergeResult()
        unacked = conn.execute(
            select(func.count())
            .select_from(outbox_table)
            .where(outbox_table.c.case_id == case_id, outbox_table.c.state.in_((outbox.PENDING, outbox.REJECTED)))
        ).scalar_one()
        if unacked:
            sync_state.note_revoked(conn, case_id, {"at": now_iso(), "waiting": int(unacked)})
            result.kept_cases.add(case_id)
            return result
        held = conn.execute(select(case_keys.c.case_id).where(case_keys.c.case_id == case_id).limit(1)).first()
        stored = conn.execute(select(records.c.record_id).where(records.c.case_id == case_id).limit(1)).first()
        if held is not None or stored is not None:
            keep_closed_referrals(conn, self.records, case_id, self.my_desk_id)
            self.erase_case(conn, case_id)
            note_dropped(conn, case_id)
            result.revoked_cases.add(case_id)
            result.erased_cases.add(case_id)  # the caller forgets what it had decrypted of the case
        else:  # never held here: changes the server delivered before the notice, under keys never received
            set_aside = conn.execute(delete(quarantine).where(quarantine.c.case_id == case_id)).rowcount
            if set_aside:
                note_dropped(conn, case_id)  # granted again later (referred here again): rebuilt whole
        sync_state.note_revoked(conn, case_id, None)
        return result

    # -- quarantine ------------------------------------------------------------------------------------
    def _remember(self, conn: Connection, change_id: str) -> None:
        conn.execute(insert(applied_changes).values(change_id=change_id))

    def _quarantine(self, conn: Connection, case_id: str, item_id: str, reason: str, envelope: str) -> None:
        attempts = conn.execute(select(quarantine.c.attempts).where(quarantine.c.item_id == item_id)).scalar()
        conn.execute(delete(quarantine).where(quarantine.c.item_id == item_id))
        what = "grant" if item_id.startswith("grant:") else "change"
        conn.execute(
            insert(quarantine).values(item_id=item_id, case_id=case_id, what=what,
                                      reason=reason, envelope=envelope, received_at=now_iso(),
                                      attempts=(attempts or 0) + 1)
        )  # fmt: skip

    def retry_quarantine(self, conn: Connection) -> MergeResult:
        """Try every quarantined change again (a key may have arrived since); those that apply leave quarantine."""
        total = MergeResult()
        rows = list(conn.execute(select(quarantine).where(quarantine.c.what == "change")))
        for row in rows:
            conn.execute(delete(quarantine).where(quarantine.c.item_id == row.item_id))
            result = self.apply_change(conn, Envelope.from_json(row.envelope))
            if result.quarantined:
                result.quarantined = 0  # still there: not a new one
            total.add(result)
        return total


def closed_referral(referral_id: str, partition: str, p: dict[str, Any]) -> dict[str, Any]:
    """What a receiving desk keeps of a referral whose partition it no longer holds: its outcome, no personal data
    (free text — the reason, the lawful basis — may name the person: not kept)."""
    return {
        "referral_id": referral_id, "case_id": str(p.get("case_id") or partition), "from_desk": p["from_desk"],
        "to_desk": p["to_desk"], "purpose": p["purpose"], "opportunity": p.get("opportunity"),
        "share": list(p["share"]), "lawful_basis": "", "state": referral.state_of(p).value, "reason": "",
        "proposed_at": p["proposed_at"], "problems": referral.problems(p), "extract_id": None,
    }  # fmt: skip


def keep_closed_referrals(conn: Connection, store: RecordStore, case_id: str, my_desk_id: str) -> None:
    """Before a partition goes from a receiving desk (its own drop, or the sender's revoke reaching it first):
    the outcome of the referrals addressed here, so its inbox still lists them in the state last seen."""
    kept = {r.record_id: closed_referral(r.record_id, case_id, r.payload)
            for r in store.of_case(conn, case_id, referral.REFERRAL_KIND)
            if my_desk_id and r.payload.get("to_desk") == my_desk_id}  # fmt: skip
    if not kept:
        return
    closed = [c for c in json.loads(store.vault.meta(CLOSED_REFERRALS, "[]") or "[]") if c["referral_id"] not in kept]
    store.vault.set_meta(conn, CLOSED_REFERRALS, json.dumps([*closed, *kept.values()]))


def note_dropped(conn: Connection, case_id: str) -> None:
    """Remember a partition dropped while its history stays on the server. ``applied_changes`` holds change ids
    only, so the markers of that history cannot be told apart here; if the partition is granted again (a case
    referred here again) those markers would skip its re-delivered history — the network step after the sync
    rebuilds such a partition from the server's history instead (``Network.after_sync``)."""
    dropped = set(json.loads(sync_state.get(conn, DROPPED_PARTITIONS) or "[]"))
    sync_state.put(conn, DROPPED_PARTITIONS, json.dumps(sorted(dropped | {case_id})))


def dropped_partitions(conn: Connection) -> set[str]:
    return set(json.loads(sync_state.get(conn, DROPPED_PARTITIONS) or "[]"))


def forget_dropped(conn: Connection, case_id: str) -> None:
    dropped = dropped_partitions(conn) - {case_id}
    sync_state.put(conn, DROPPED_PARTITIONS, json.dumps(sorted(dropped)))


def quarantined(conn: Connection) -> list[dict[str, Any]]:
    """What sits in quarantine (no personal data: ids, reasons, counts)."""
    rows = conn.execute(select(quarantine).order_by(quarantine.c.received_at))
    return [{"item_id": r.item_id, "case_id": r.case_id, "what": r.what, "reason": r.reason,
             "received_at": r.received_at, "attempts": r.attempts} for r in rows]  # fmt: skip
