"""The shared catalogue as the desk facade offers it (``desk.network.catalogue``). Entries are records of kind
``catalogue_entry`` in one well-known partition, ``CATALOGUE_ID`` (uuid5 of a fixed name), sealed with that
partition's key and synced like a case: the server hands a partition to every desk that holds a grant for it, so
the desk that *founds* the catalogue (the central office or a coordinator, once, online) grants its key to every
desk of the directory, and every desk that holds it re-publishes its key to desks that join later. Bookings of
housing places (``booking`` records: entry, referral, desk — no personal data) live in the same partition, so every
desk sees a place booked twice. Writes need ``MANAGE_CATALOGUE``; import/export of a catalogue file is the way to
seed it (and the stopgap when a desk cannot sync). Entry record ids are uuid5 of the entry id, so two desks adding
the same entry converge on one record."""

from __future__ import annotations

import base64
import json
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from iam_desktop.domain import catalogue as domain
from iam_desktop.domain.errors import LockedError, ValidationError
from iam_desktop.domain.referral import Booking, overbooked
from iam_desktop.domain.roles import Permission
from iam_desktop.vault import audit, crypto, outbox, sync_state
from iam_desktop.vault.database import translate_errors
from iam_desktop.vault.records import case_key_context
from iam_desktop.vault.tables import case_keys, conflicts, grants_in, grants_sent, records, tombstones
from iam_desktop.vault.tables import outbox as outbox_table
from sync.protocol import CATALOGUE_PARTITION_ID, DeskList, Grant, GrantReply, GrantRequest
from sync.protocol.partitions import CATALOGUE_NAMESPACE

if TYPE_CHECKING:
    from .desk import Desk
    from .sync_http import Transport

# The catalogue is a network-wide partition the server knows by this id (``sync.protocol.partitions``).
CATALOGUE_ID = CATALOGUE_PARTITION_ID
ENTRY_KIND = "catalogue_entry"
BOOKING_KIND = "booking"
DIRECTORY_META = "network.directory"
DIRECTORY_FETCHED_META = "network.directory_fetched"  # seconds since the epoch


def entry_record_id(entry_id: str) -> str:
    return str(uuid.uuid5(CATALOGUE_NAMESPACE, f"entry:{entry_id}"))


def booking_record_id(referral_id: str) -> str:
    return str(uuid.uuid5(CATALOGUE_NAMESPACE, f"booking:{referral_id}"))


class Catalogue:
    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    # -- the partition ----------------------------------------------------------------------------------
    def joined(self) -> bool:
        self._desk.require(Permission.VIEW_CASE)
        with self._desk.vault.engine.connect() as conn:
            return (
                conn.execute(select(case_keys.c.key_id).where(case_keys.c.case_id == CATALOGUE_ID)).first() is not None
            )

    def found(self) -> bool:
        """Create the catalogue partition's key on this desk (once for the whole network). False if joined."""
        actor = self._desk.require(Permission.MANAGE_CATALOGUE)
        if self.joined():
            return False
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            self._desk.records.new_case_key(conn, CATALOGUE_ID)
            audit.append(conn, operator_id=actor.id, action="catalogue.found")
        return True

    def adopt_network_key(self) -> int:
        """If this desk founded the catalogue offline under its own key and the network's key has since arrived
        (the server keeps the first key it was given and refuses the others), re-seal every record of the
        partition under the network's key and re-issue it as a new change; the refused changes and the local key
        go. Nothing is lost: the re-issued changes carry whole records. Returns how many were re-issued."""
        vault = self._desk.vault
        if not vault.keyring.unlocked:
            return 0
        with translate_errors(), vault.engine.begin() as conn:
            enrolled = sync_state.enrolment(conn)
            if enrolled is None:
                return 0
            network = sorted(conn.execute(select(grants_in.c.key_id).where(
                grants_in.c.case_id == CATALOGUE_ID, grants_in.c.desk_id == enrolled.desk_id,
                grants_in.c.state == "installed")).scalars())  # fmt: skip
            held = set(conn.execute(select(case_keys.c.key_id).where(case_keys.c.case_id == CATALOGUE_ID)).scalars())
            losing = sorted(held - set(network))
            if not network or not losing:
                return 0
            return self._reseal(conn, network[0], losing)

    def _reseal(self, conn: Any, target: str, losing: list[str]) -> int:
        store = self._desk.records
        key = store.case_key(conn, CATALOGUE_ID, target)[1]
        reissued = 0
        rows = conn.execute(select(records.c.record_id).where(records.c.case_id == CATALOGUE_ID,
                                                              records.c.key_id.in_(losing))).scalars()  # fmt: skip
        for record_id in list(rows):
            stored = store.get(conn, record_id)
            assert stored is not None
            store.write(conn, case_id=CATALOGUE_ID, kind=stored.kind, record_id=record_id, payload=stored.payload,
                        key=(target, key), exists=True)  # fmt: skip
            outbox.record_local_change(conn, self._desk.vault, case_id=CATALOGUE_ID, kind=stored.kind,
                                       record_id=record_id, key_id=target, key=key, old=None,
                                       new=stored.payload)  # fmt: skip
            reissued += 1
        refused = outbox_table.c.case_id == CATALOGUE_ID, outbox_table.c.key_id.in_(losing)
        removals = conn.execute(select(outbox_table.c.record_id, outbox_table.c.kind).where(
            *refused, outbox_table.c.deleted == 1, outbox_table.c.state != outbox.ACKED)).all()  # fmt: skip
        conn.execute(outbox_table.delete().where(*refused, outbox_table.c.state != outbox.ACKED))
        for record_id, kind in removals:  # a removal made under the losing key is made again under the network's
            conn.execute(tombstones.delete().where(tombstones.c.record_id == record_id))
            outbox.record_local_change(conn, self._desk.vault, case_id=CATALOGUE_ID, kind=kind, record_id=record_id,
                                       key_id=target, key=key, old=None, new=None)  # fmt: skip
            reissued += 1
        # Conflicts sealed under the losing key stay readable only while it exists; they are few and local.
        in_conflicts = select(conflicts.c.conflict_id).where(
            conflicts.c.case_id == CATALOGUE_ID, conflicts.c.key_id.in_(losing)
        )
        kept = conn.execute(in_conflicts.limit(1)).first()
        if kept is None:
            conn.execute(case_keys.delete().where(case_keys.c.case_id == CATALOGUE_ID, case_keys.c.key_id.in_(losing)))
        conn.execute(grants_sent.delete().where(grants_sent.c.case_id == CATALOGUE_ID,
                                                grants_sent.c.key_id.in_(losing)))  # fmt: skip
        audit.append(conn, operator_id=None, action="catalogue.adopt_network_key", detail={"reissued": reissued})
        return reissued

    def _require_joined(self) -> None:
        if not self.joined():
            raise ValidationError("catalogue", "catalogue_not_joined")

    # -- entries ----------------------------------------------------------------------------------------
    def entries(self, kind: domain.EntryKind | None = None) -> list[domain.CatalogueEntry]:
        self._desk.require(Permission.VIEW_CASE)
        if not self.joined():
            return []
        with self._desk.vault.engine.connect() as conn:
            stored = self._desk.records.of_case(conn, CATALOGUE_ID, ENTRY_KIND)
        out = [domain.parse_entry(r.payload, r.payload.get("id", r.record_id)) for r in stored]
        return sorted((e for e in out if kind is None or e.kind is kind), key=lambda e: (e.kind, e.title, e.entry_id))

    def entry(self, entry_id: str) -> domain.CatalogueEntry:
        for e in self.entries():
            if e.entry_id == entry_id:
                return e
        raise ValidationError("opportunity", "catalogue_entry_unknown", value=entry_id[:64])

    def put(self, entries: list[domain.CatalogueEntry]) -> int:
        """Add or replace entries (all in one transaction). Returns how many changed."""
        actor = self._desk.require(Permission.MANAGE_CATALOGUE)
        self._require_joined()
        records = self._desk.records
        changed = 0
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            for e in entries:
                rid = entry_record_id(e.entry_id)
                old = records.get(conn, rid)
                if old is None or old.payload != e.to_dict():
                    records.put(conn, case_id=CATALOGUE_ID, kind=ENTRY_KIND, record_id=rid, payload=e.to_dict())
                    changed += 1
            audit.append(conn, operator_id=actor.id, action="catalogue.put", detail={"entries": changed})
        return changed

    def remove(self, entry_id: str) -> bool:
        actor = self._desk.require(Permission.MANAGE_CATALOGUE)
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            gone = self._desk.records.delete(conn, entry_record_id(entry_id))
            audit.append(conn, operator_id=actor.id, action="catalogue.remove", detail={"entry": entry_id[:64]})
        return gone

    def import_file(self, path: Path) -> int:
        """Validate the whole file first (a broken entry names itself and nothing is stored), then store."""
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            raise ValidationError("catalogue", "catalogue_file_unreadable") from None
        return self.put(domain.parse_catalogue(document))

    def export_file(self, path: Path) -> int:
        entries = self.entries()
        document = {"format": domain.CATALOGUE_FORMAT, "entries": [e.to_dict() for e in entries]}
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True), encoding="utf-8")
        return len(entries)

    # -- bookings of places (written by referrals, inside their transaction) ---------------------------------
    def book(self, conn: Any, entry_id: str, referral_id: str, desk_id: str, at: str) -> None:
        payload = {"entry_id": entry_id, "referral_id": referral_id, "desk_id": desk_id, "at": at}
        self._desk.records.put(conn, case_id=CATALOGUE_ID, kind=BOOKING_KIND, record_id=booking_record_id(referral_id),
                               payload=payload)  # fmt: skip

    def release(self, conn: Any, referral_id: str) -> None:
        self._desk.records.delete(conn, booking_record_id(referral_id))

    def bookings(self) -> list[Booking]:
        self._desk.require(Permission.VIEW_CASE)
        if not self.joined():
            return []
        with self._desk.vault.engine.connect() as conn:
            stored = self._desk.records.of_case(conn, CATALOGUE_ID, BOOKING_KIND)
        return [Booking(r.payload["entry_id"], r.payload["referral_id"], r.payload["desk_id"], r.payload["at"])
                for r in stored]  # fmt: skip

    def booking_conflicts(self) -> dict[str, list[Booking]]:
        """Entries booked beyond their free places → the bookings (shown to every desk, never dropped)."""
        free = {e.entry_id: int(e.get("places_free", 0)) for e in self.entries() if e.get("places_free") is not None}
        return overbooked(self.bookings(), free)

    # -- directory and publication ------------------------------------------------------------------------
    def directory(self, transport: Transport | None = None, *, fresh_s: float = 0.0) -> list[dict[str, Any]]:
        """The desks of the network (id, name, kind, public key): fetched when online — unless a copy fetched less
        than ``fresh_s`` seconds ago will do (the sync run's central key check fetched it already) — else the cached
        copy."""
        if transport is not None:
            fetched = float(self._desk.vault.meta(DIRECTORY_FETCHED_META, "0") or 0)
            if not fresh_s or not 0 <= time.time() - fetched < fresh_s:
                return self.remember(transport.get("/v1/desks", DeskList))
        cached: list[dict[str, Any]] = json.loads(self._desk.vault.meta(DIRECTORY_META, "[]") or "[]")
        return cached

    def remember(self, listed: DeskList) -> list[dict[str, Any]]:
        """Keep the directory just fetched as the copy used offline."""
        from .desk_keys import DeskKeys

        desks = [d.model_dump() for d in listed.desks]
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            self._desk.vault.set_meta(conn, DIRECTORY_META, json.dumps(desks))
            self._desk.vault.set_meta(conn, DIRECTORY_FETCHED_META, str(time.time()))
            DeskKeys(self._desk).pin(conn, desks)  # each desk's key as first seen; a later other one is not believed
        return desks

    def resolve_desk(self, name_or_id: str) -> dict[str, Any]:
        for d in self.directory():
            if name_or_id in (d["desk_id"], d["name"]):
                return d
        try:  # offline, before the directory was ever fetched: a desk id is taken as given, checked at delivery
            return {"desk_id": str(uuid.UUID(name_or_id)), "name": "", "kind": "desk", "public_key": None}
        except ValueError:
            raise ValidationError("to", "desk_unknown", value=name_or_id[:80]) from None

    def grant(self, transport: Transport, case_id: str, desk_ids: list[str]) -> int:
        """Wrap every key of ``case_id`` this desk holds to each desk's pinned public key and send the new grants.
        A desk whose announced key is not the pinned one gets nothing (``DeskKeys``: its referrals show why)."""
        from .desk_keys import DeskKeys

        keys = DeskKeys(self._desk)
        out: list[Grant] = []
        with self._desk.vault.engine.connect() as conn:
            key_ids = sorted(
                set(conn.execute(select(case_keys.c.key_id).where(case_keys.c.case_id == case_id)).scalars())
            )
            sent = {
                (r.desk_id, r.key_id) for r in conn.execute(select(grants_sent).where(grants_sent.c.case_id == case_id))
            }
            for desk_id in desk_ids:
                public = keys.key_for(desk_id)
                for key_id in key_ids:
                    if public is None or (desk_id, key_id) in sent:
                        continue
                    key = self._desk.records.case_key(conn, case_id, key_id)[1]
                    wrapped = crypto.wrap_for_public_key(
                        base64.b64decode(public), key, case_key_context(case_id, key_id)
                    )
                    out.append(Grant(case_id=case_id, desk_id=desk_id, key_id=key_id,
                                     wrapped_key=base64.b64encode(wrapped).decode()))  # fmt: skip
        if not out:
            return 0
        reply = transport.post("/v1/grants", GrantRequest(grants=out), GrantReply)
        done = 0
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            for s in reply.statuses:
                if s.status in ("applied", "duplicate"):
                    conn.execute(grants_sent.insert().values(case_id=s.case_id, desk_id=s.desk_id, key_id=s.key_id))
                    done += 1
        return done

    def publish(self, transport: Transport) -> int:
        """Give the catalogue key to every desk of the network that lacks it (after this desk's push)."""
        try:
            if not self.joined():
                return 0
        except LockedError:
            return 0
        with self._desk.vault.engine.connect() as conn:
            enrolled = sync_state.enrolment(conn)
        mine = enrolled.desk_id if enrolled else ""
        return self.grant(transport, CATALOGUE_ID, [d["desk_id"] for d in self.directory() if d["desk_id"] != mine])
