"""Referrals (invii) as the desk facade offers them (``desk.network.referrals``). Proposing writes a ``referral``
record (and, for a place, a booking in the catalogue partition) offline, queued like any change. A **transfer**
keeps the referral in the case's own partition: at the next network sync the case key is wrapped to the receiving
desk (a grant), whose next pull delivers the case whole. A housing, job or training referral shares only the
sections chosen (``resources/referrals/sections.json``): a **shared extract** — a partition of its own (random id,
own key) holding a copy of those sections and the referral record — is what the receiving desk (and the central
office) is granted; the rest of the file never leaves. The sender may refresh the extract; once the referral is
declined, withdrawn or completed the receiver's grant is revoked (the receiver drops its copy itself as soon as it
has seen the final state and pushed its answer; the sender revokes at once on a decline, and after
``extract_grace_days`` on a withdrawal or completion the receiver may not have seen yet). The receiver answers (accept /
decline with a reason) in its own fields; the sender may withdraw or complete. No referral without the person's
``condivisione_rete`` consent, unless a coordinator records the lawful basis. An accepted transfer moves the
case's ``meta.desk``; the sender keeps read access for the configured days."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from iam_desktop.domain import consent as consents
from iam_desktop.domain import interchange
from iam_desktop.domain import referral as domain
from iam_desktop.domain.catalogue import EntryKind
from iam_desktop.domain.errors import ValidationError
from iam_desktop.domain.roles import Permission
from iam_desktop.resources import read_json
from iam_desktop.vault import audit, outbox, sync_state
from iam_desktop.vault.database import translate_errors
from iam_desktop.vault.merge import CLOSED_REFERRALS, Merger
from iam_desktop.vault.tables import outbox as outbox_table
from iam_desktop.vault.tables import records as records_table
from iam_desktop.vault.vault import now_iso

from .cases import CASE_KIND

if TYPE_CHECKING:
    from .desk import Desk
    from .sync_http import Transport


LIVE_STATES = (domain.State.PROPOSED.value, domain.State.ACCEPTED.value)
CLOSED_META = CLOSED_REFERRALS  # what a receiver keeps of a partition it dropped: no personal data


@cache
def network_rules() -> dict[str, Any]:
    data: dict[str, Any] = read_json("retention", "iam.json")
    return data


@cache
def share_rules() -> domain.ShareRules:
    """The sections a referral can share, from ``resources/referrals/sections.json`` (checked on first use)."""
    return domain.parse_share_rules(read_json("referrals", "sections.json"))


@dataclass(frozen=True)
class ReferralView:
    referral_id: str
    case_id: str
    from_desk: str
    to_desk: str
    purpose: str
    opportunity: str | None
    share: list[str]
    lawful_basis: str
    state: str
    reason: str
    proposed_at: str
    problems: list[str]
    incoming: bool
    extract_id: str | None = None  # the shared extract's partition (None: a transfer, a partner, or dropped)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class SharedExtract:
    """What a receiving desk reads of a housing, job or training referral: copies of the chosen sections only."""

    referral_id: str
    extract_id: str
    from_desk: str
    from_name: str
    purpose: str
    share: list[str]
    sections: dict[str, dict[str, Any]]
    copied_at: str
    read_only: bool


class Referrals:
    def __init__(self, desk: Desk) -> None:
        self._desk = desk
        self.released: list[str] = []  # partitions whose grant the last ``deliver`` gave up (dropped at the notice)

    def my_desk_id(self) -> str:
        """The server's id of this desk once enrolled (what other desks address), else the local one."""
        with self._desk.vault.engine.connect() as conn:
            enrolled = sync_state.enrolment(conn)
        return enrolled.desk_id if enrolled else self._desk.profile.desk_id

    # -- propose / withdraw / complete ---------------------------------------------------------------------
    def propose(
        self,
        case_id: str,
        to_desk: str,
        purpose: str,
        *,
        opportunity: str | None = None,
        share: Iterable[str] | None = None,
        lawful_basis: str = "",
        on: date | None = None,
    ) -> str:
        """Refer a case. ``share`` picks the sections of the file the receiver reads (None: the purpose's default
        sections); a transfer always shares the whole case."""
        actor = self._desk.require(Permission.EDIT_CASE)
        kind = domain.parse_purpose(purpose)
        rules = share_rules()
        if kind is domain.Purpose.TRANSFER:
            items = list(rules.ids())
        else:
            items = domain.validate_share(rules.default_for(kind) if share is None else share, rules)
        target = self._target(to_desk)
        if target["desk_id"] == self.my_desk_id():
            raise ValidationError("to", "referral_to_self")
        case = self._desk.cases.open(case_id)
        if lawful_basis:
            self._desk.require(Permission.RECORD_LAWFUL_BASIS)
        else:
            parsed = interchange.parse_record(case.person, today=date.max).record
            held = parsed.consents if parsed else ()
            if not consents.allows(held, consents.ConsentPurpose.CONDIVISIONE_RETE, on or date.today()):
                raise ValidationError("consents", "referral_consent_missing")
        entry = self._desk.network.catalogue.entry(opportunity) if opportunity else None
        referral_id = str(uuid.uuid4())
        payload: dict[str, Any] = {
            "from_desk": self.my_desk_id(), "to_desk": target["desk_id"], "purpose": kind.value,
            "opportunity": entry.entry_id if entry else None, "share": items, "lawful_basis": lawful_basis[:200],
            "proposed_at": now_iso(), "proposed_by": actor.id, "withdrawn_at": None, "response": None,
        }  # fmt: skip
        # A partner gets the letter, no key: its referral stays with the case, like a transfer.
        partition = case_id
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            if kind is not domain.Purpose.TRANSFER and not target["desk_id"].startswith("partner:"):
                partition = str(uuid.uuid4())
                payload.update(case_id=case_id, extract_id=partition)
                self._desk.records.new_case_key(conn, partition)
                self._desk.records.put(conn, case_id=partition, kind=domain.EXTRACT_KIND, record_id=partition,
                                       payload=self._copy(conn, case_id, referral_id, payload))  # fmt: skip
            self._desk.records.put(conn, case_id=partition, kind=domain.REFERRAL_KIND, record_id=referral_id,
                                   payload=payload)  # fmt: skip
            if entry is not None and entry.get("places_free") is not None:
                self._desk.network.catalogue.book(conn, entry.entry_id, referral_id, payload["from_desk"], now_iso())
            detail = {"referral": referral_id, "purpose": kind.value, "basis": int(bool(lawful_basis)),
                      "sections": len(items)}  # fmt: skip
            audit.append(conn, operator_id=actor.id, action="referral.propose", case_id=case_id, detail=detail)
        return referral_id

    def _copy(self, conn: Any, case_id: str, referral_id: str, payload: dict[str, Any]) -> dict[str, Any]:
        """The extract's content: copies of the chosen sections of the case as it is now."""
        stored = self._desk.records.get(conn, case_id)
        if stored is None:
            raise ValidationError("case_id", "unknown")
        rules = share_rules()
        kinds = sorted({k for sid in payload["share"] for k in rules.section(sid).records})
        copied = {k: [r.payload for r in self._desk.records.of_case(conn, case_id, k)] for k in kinds}
        sections = domain.extract_sections(rules, payload["share"], stored.payload["person"],
                                           stored.payload.get("extra", {}), copied)  # fmt: skip
        return {
            "referral_id": referral_id, "from_desk": payload["from_desk"], "from_name": self._desk.profile.desk_name,
            "purpose": payload["purpose"], "share": list(payload["share"]), "sections": sections,
            "copied_at": now_iso(),
        }  # fmt: skip

    def refresh(self, referral_id: str) -> None:
        """The sender copies the chosen sections again (the file changed since); only while the referral is open."""
        actor = self._desk.require(Permission.EDIT_CASE)
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            stored = self._get(conn, referral_id)
            p = stored.payload
            if p.get("from_desk") != self.my_desk_id() or not p.get("extract_id"):
                raise ValidationError("referral", "referral_not_an_extract")
            if domain.state_of(p) not in (domain.State.PROPOSED, domain.State.ACCEPTED):
                raise ValidationError("referral", "referral_not_pending")
            extract = self._copy(conn, str(p["case_id"]), referral_id, p)
            self._desk.records.put(conn, case_id=stored.case_id, kind=domain.EXTRACT_KIND, record_id=stored.case_id,
                                   payload=extract)  # fmt: skip
            audit.append(conn, operator_id=actor.id, action="referral.refresh", case_id=str(p["case_id"]),
                         detail={"referral": referral_id})  # fmt: skip

    def _target(self, to: str) -> dict[str, Any]:
        """A desk of the directory, or a partner organisation of the catalogue (``partner:<entry id>``: no key is
        wrapped for it — the letter is the channel — and its answer is not recorded in the app)."""
        partners = {e.entry_id for e in self._desk.network.catalogue.entries(EntryKind.PARTNER)}
        entry_id = to.removeprefix("partner:")
        if entry_id in partners:
            return {"desk_id": f"partner:{entry_id}", "name": entry_id}
        return self._desk.network.catalogue.resolve_desk(to)

    def withdraw(self, referral_id: str) -> None:
        self._sender_writes(referral_id, "withdrawn_at", domain.check_withdraw, "referral.withdraw")

    def complete(self, referral_id: str) -> None:
        """The sender closes an accepted housing, job or training referral; the receiver's grant is revoked."""
        self._sender_writes(referral_id, "completed_at", domain.check_complete, "referral.complete")

    def _sender_writes(self, referral_id: str, field: str, check: Any, action: str) -> None:
        actor = self._desk.require(Permission.EDIT_CASE)
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            stored = self._get(conn, referral_id)
            check(stored.payload)
            if field == "completed_at" and stored.payload["purpose"] == domain.Purpose.TRANSFER:
                raise ValidationError("referral", "referral_not_an_extract")
            self._desk.records.put(conn, case_id=stored.case_id, kind=domain.REFERRAL_KIND, record_id=referral_id,
                                   payload={**stored.payload, field: now_iso()})  # fmt: skip
            if field == "withdrawn_at":
                self._desk.network.catalogue.release(conn, referral_id)
            audit.append(conn, operator_id=actor.id, action=action, case_id=stored.case_id,
                         detail={"referral": referral_id})  # fmt: skip
            if not str(stored.payload["to_desk"]).startswith("partner:"):
                # The referral's end, just written, is sealed with the key the receiver holds (it must read it);
                # whatever this desk writes to the partition from now on is sealed with a key it never gets.
                self._desk.sync.rotate(conn, stored.case_id, stored.payload["to_desk"], operator_id=actor.id)

    # -- answer ---------------------------------------------------------------------------------------------
    def answer(self, referral_id: str, decision: str, reason: str = "") -> ReferralView:
        actor = self._desk.require(Permission.ANSWER_REFERRAL)
        me = self.my_desk_id()
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            stored = self._get(conn, referral_id)
            if stored.payload.get("to_desk") != me:
                raise ValidationError("referral", "referral_not_addressed_here")
            domain.check_answer(stored.payload, decision, reason)
            response = {"decision": decision, "reason": reason[:500], "at": now_iso(), "by": actor.id, "desk": me}
            payload = {**stored.payload, "response": response}
            self._desk.records.put(conn, case_id=stored.case_id, kind=domain.REFERRAL_KIND, record_id=referral_id,
                                   payload=payload)  # fmt: skip
            if decision == "declined":
                self._desk.network.catalogue.release(conn, referral_id)
            elif payload["purpose"] == domain.Purpose.TRANSFER:
                case = self._desk.records.get(conn, stored.case_id)
                meta = case.payload["meta"] if case is not None else {}
                self._desk.cases.set_meta(conn, stored.case_id, **domain.transfer_meta(
                    meta, referral_id, payload["from_desk"], me, response["at"]))  # fmt: skip
            audit.append(conn, operator_id=actor.id, action=f"referral.{decision}", case_id=stored.case_id,
                         detail={"referral": referral_id})  # fmt: skip
        self._desk.cases.forget()
        return self._view(stored, payload, me)

    # -- reading --------------------------------------------------------------------------------------------
    def _get(self, conn: Any, referral_id: str) -> Any:
        stored = self._desk.records.get(conn, referral_id)
        if stored is None or stored.kind != domain.REFERRAL_KIND:
            closed = next((c for c in self._closed() if c["referral_id"] == referral_id), None)
            if closed is not None:  # an extract this desk dropped: the referral is over
                code = "referral_withdrawn" if closed["state"] == domain.State.WITHDRAWN else "referral_not_pending"
                raise ValidationError("referral", code)
            raise ValidationError("referral", "referral_unknown", value=referral_id[:40])
        return stored

    def _view(self, stored: Any, p: dict[str, Any], me: str) -> ReferralView:
        response = p.get("response") or {}
        return ReferralView(
            stored.record_id, str(p.get("case_id") or stored.case_id), p["from_desk"], p["to_desk"], p["purpose"],
            p.get("opportunity"), list(p["share"]), p.get("lawful_basis", ""), domain.state_of(p).value,
            str(response.get("reason", "")), p["proposed_at"], domain.problems(p), p["to_desk"] == me,
            p.get("extract_id"),
        )  # fmt: skip

    def all(self, case_id: str | None = None) -> list[ReferralView]:
        self._desk.require(Permission.VIEW_CASE)
        me = self.my_desk_id()
        with self._desk.vault.engine.connect() as conn:
            stored = list(self._desk.records.of_kind(conn, domain.REFERRAL_KIND))
        views = [self._view(r, r.payload, me) for r in stored]
        held = {v.referral_id for v in views}  # a closed one whose case was referred here again is back whole
        views += [ReferralView(**{**c, "problems": list(c["problems"]), "incoming": c["to_desk"] == me})
                  for c in self._closed() if c["referral_id"] not in held]  # fmt: skip
        if case_id is not None:
            views = [v for v in views if v.case_id == case_id]
        # A place booked by more referrals than it has free places: shown on each of them, on every desk.
        overbooked = {b.referral_id for items in self._desk.network.catalogue.booking_conflicts().values()
                      for b in items}  # fmt: skip
        # A receiving desk whose key the directory now announces differently gets no grant until it is verified.
        from .desk_keys import DeskKeys  # (its fingerprints come with the sync client: not at start-up)

        changed = DeskKeys(self._desk).changed()
        for v in views:
            if v.referral_id in overbooked:
                v.problems.append("place_overbooked")
            if not v.incoming and v.to_desk in changed and v.state in LIVE_STATES:
                v.problems.append("desk_key_changed")
        return sorted(views, key=lambda v: (v.proposed_at, v.referral_id))

    def inbox(self) -> list[ReferralView]:
        return [v for v in self.all() if v.incoming]

    def sent(self) -> list[ReferralView]:
        return [v for v in self.all() if not v.incoming]

    def extract(self, referral_id: str) -> SharedExtract:
        """The shared extract of a referral (audited as a view): read-only for the receiver."""
        actor = self._desk.require(Permission.VIEW_CASE)
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            ref = self._get(conn, referral_id)
            extract_id = ref.payload.get("extract_id")
            stored = self._desk.records.get(conn, extract_id) if extract_id else None
            if stored is None or stored.kind != domain.EXTRACT_KIND:
                raise ValidationError("referral", "referral_not_an_extract")
            audit.append(conn, operator_id=actor.id, action="referral.extract_view", case_id=stored.case_id,
                         detail={"referral": referral_id})  # fmt: skip
        x = stored.payload
        sections = {k: x["sections"][k] for k in x["share"] if k in x["sections"]}  # in the order they were chosen
        return SharedExtract(referral_id, stored.case_id, x["from_desk"], str(x.get("from_name", "")), x["purpose"],
                             list(x["share"]), sections, x["copied_at"],
                             read_only=x["from_desk"] != self.my_desk_id())  # fmt: skip

    def extract_ids(self, conn: Any, case_id: str) -> list[str]:
        """The shared extracts made from a case (their partitions), for erasure. Inside the caller's transaction;
        the bookings their referrals hold are released."""
        out = []
        for stored in self._desk.records.of_kind(conn, domain.REFERRAL_KIND):
            if stored.payload.get("case_id") == case_id and stored.payload.get("extract_id"):
                out.append(str(stored.payload["extract_id"]))
                self._desk.network.catalogue.release(conn, stored.record_id)
        return sorted(set(out))

    def _closed(self) -> list[dict[str, Any]]:
        closed: list[dict[str, Any]] = json.loads(self._desk.vault.meta(CLOSED_META, "[]") or "[]")
        return closed

    def access(self, case_id: str, on: datetime | None = None) -> str:
        """``edit`` for the desk responsible for the case; ``read`` for a desk that transferred it away, for the
        configured days; ``none`` after that."""
        case = self._desk.cases.open(case_id)
        me = self.my_desk_id()
        if case.meta.get("desk") in (me, self._desk.profile.desk_id) or not case.meta.get("transferred_at"):
            return "edit"
        days = int(network_rules()["referrals"]["transfer_read_access_days"])
        moved = datetime.fromisoformat(str(case.meta["transferred_at"]))
        now = on or datetime.now(moved.tzinfo)
        return "read" if now - moved <= timedelta(days=days) else "none"

    def expire_transfers(self, transport: Transport, on: datetime | None = None) -> list[str]:
        """A desk that transferred a case away gives up its copy after the configured days: its grant is withdrawn
        on the server and the case is shredded here — unless changes written here still wait to be pushed (they
        are never dropped; the next sync sends them and a later run expires the copy)."""
        me = self.my_desk_id()
        days = int(network_rules()["referrals"]["transfer_read_access_days"])
        due: list[str] = []
        with self._desk.vault.engine.connect() as conn:
            ids = list(conn.execute(select(records_table.c.record_id).where(
                records_table.c.kind == domain.REFERRAL_KIND)).scalars())  # fmt: skip
            for rid in ids:
                stored = self._desk.records.get(conn, rid)
                if stored is None:
                    continue
                p = stored.payload
                if (p.get("from_desk") != me or p.get("purpose") != domain.Purpose.TRANSFER
                        or domain.state_of(p) is not domain.State.ACCEPTED):  # fmt: skip
                    continue
                answered = datetime.fromisoformat(str(p["response"]["at"]))
                query = select(outbox_table.c.change_id).where(
                    outbox_table.c.case_id == stored.case_id, outbox_table.c.state == outbox.PENDING
                )
                waiting = conn.execute(query).first()
                if (on or datetime.now(answered.tzinfo)) - answered > timedelta(days=days) and waiting is None:
                    due.append(stored.case_id)
        for case_id in sorted(set(due)):
            transport.withdraw_grant(case_id, me, own=True)  # the receiver may have withdrawn it first
            with translate_errors(), self._desk.vault.engine.begin() as conn:
                Merger(self._desk.records, "", "").erase_case(conn, case_id)
                audit.append(conn, operator_id=None, action="referral.transfer_expired", case_id=case_id)
        self._desk.cases.forget()
        return sorted(set(due))

    def settle(self) -> list[str]:
        """Undo the move of a case whose transfer was accepted but ended otherwise — the sender's withdrawal
        crossed the acceptance, or another computer of the receiving desk declined it: the case is the sender's
        again, with the responsibility fields it had before (``domain.referral.transfer_undo``). Run after each sync
        by every computer of the sending desk: they all write the same values, so nothing conflicts. Returns the
        cases given back."""
        undone: list[str] = []
        me = self.my_desk_id()
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            for stored in self._desk.records.of_kind(conn, domain.REFERRAL_KIND):
                # The sender writes it (it holds the case for good); the receiver only stops counting the case as
                # its own (``deliver``) and gives its copy up — a write there could come after its access ended.
                if stored.payload.get("purpose") != domain.Purpose.TRANSFER or stored.payload.get("from_desk") != me:
                    continue
                case = self._desk.records.get(conn, stored.case_id)
                if case is None or case.kind != CASE_KIND:
                    continue
                undo = domain.transfer_undo(case.payload["meta"], stored.record_id, stored.payload)
                if undo is None:
                    continue
                self._desk.cases.set_meta(conn, stored.case_id, **undo)
                detail: dict[str, str | int] = {
                    "referral": stored.record_id,
                    "state": domain.state_of(stored.payload).value,
                }
                audit.append(conn, operator_id=None, action="referral.transfer_undone", case_id=stored.case_id,
                             detail=detail)  # fmt: skip
                undone.append(stored.case_id)
        if undone:
            self._desk.cases.forget()
        return undone

    # -- delivery (online) ----------------------------------------------------------------------------------
    def deliver(self, transport: Transport, on: datetime | None = None) -> int:
        """After a sync run, as a sender: send the grants that open referrals need (the case key of a transfer,
        the extract's key otherwise, wrapped to the receiver) — never for a referral proposed before this desk
        revoked that desk's grant — and withdraw, with a key rotation, the receiver's grant to a referral that
        ended: at once on a decline, after ``extract_grace_days`` on a withdrawal or completion the receiver may
        not have seen yet. As a receiver: give up the grant to the extract, or to the transferred case never taken
        on, of a referral that ended once this desk's own answer has been pushed (the copy goes with the notice,
        ``_drop``; the partitions are left in ``released``); and withdraw the sender's grant (rotating the key)
        when the read access of a transfer accepted here has run out. Returns the grants sent."""
        from .sync_desk import revoked_since

        me = self.my_desk_id()
        rules = network_rules()["referrals"]
        grace = timedelta(days=int(rules.get("extract_grace_days", 30)))
        read_days = timedelta(days=int(rules["transfer_read_access_days"]))
        targets: dict[str, set[str]] = {}
        revoke: dict[tuple[str, str], str] = {}
        drop: list[Any] = []
        with self._desk.vault.engine.connect() as conn:
            referrals = list(self._desk.records.of_kind(conn, domain.REFERRAL_KIND))
            # A partition with an open referral to this desk (a case referred here again) is not dropped.
            open_here = {r.case_id for r in referrals if r.payload.get("to_desk") == me
                         and domain.state_of(r.payload) in (domain.State.PROPOSED, domain.State.ACCEPTED)}  # fmt: skip
            # Never dropped: a case this desk is responsible for — unless its move here was an acceptance the
            # referral's final state voids (the sender writes the undo; this desk gives its copy up meanwhile).
            voided = {r.case_id for r in referrals if r.payload.get("to_desk") == me and self._voided(conn, r)}
            mine = {r.case_id for r in referrals if self._responsible(conn, r.case_id, me)} - voided
            for stored in referrals:
                p = stored.payload
                state = domain.state_of(p)
                if str(p["to_desk"]).startswith("partner:"):
                    continue
                if p.get("from_desk") == me:
                    revoked = revoked_since(conn, stored.case_id, p["to_desk"])
                    if state in (domain.State.PROPOSED, domain.State.ACCEPTED):
                        if revoked is None or str(revoked["at"]) < str(p["proposed_at"]):
                            targets.setdefault(stored.case_id, set()).add(p["to_desk"])
                    elif _ends_access(p, state) and not (revoked and revoked["server"]
                                                          and str(revoked["at"]) >= str(p["proposed_at"])):  # fmt: skip
                        # A decline reached us from B itself; a withdrawal or a completion B may not have seen
                        # yet (its grant would carry it): B drops its copy when it sees it, we after the grace.
                        ended = p.get("withdrawn_at") or p.get("completed_at")
                        since = datetime.fromisoformat(str(ended)) if ended else None
                        if since is None or (on or datetime.now(since.tzinfo)) - since > grace:
                            revoke[(stored.case_id, p["to_desk"])] = stored.record_id
                elif p["to_desk"] == me and _ends_access(p, state) and stored.case_id not in open_here | mine:
                    drop += [] if _waiting(conn, stored.case_id) else [stored]  # our answer was pushed: nothing lost
                elif p["to_desk"] == me and p["purpose"] == domain.Purpose.TRANSFER and state is domain.State.ACCEPTED:
                    answered = datetime.fromisoformat(str(p["response"]["at"]))
                    revoked = revoked_since(conn, stored.case_id, p["from_desk"])
                    over = (on or datetime.now(answered.tzinfo)) - answered > read_days
                    if stored.case_id in mine and over and not (revoked and revoked["server"]):
                        revoke[(stored.case_id, p["from_desk"])] = stored.record_id
        sent_count = 0
        for case_id, desks in sorted(targets.items()):
            sent_count += self._desk.network.catalogue.grant(transport, case_id, sorted(desks))
        for (partition, desk_id), referral_id in sorted(revoke.items()):
            self._desk.sync.withdraw_grant(transport, partition, desk_id, operator_id=None)
            with translate_errors(), self._desk.vault.engine.begin() as conn:
                audit.append(conn, operator_id=None, action="referral.grant_revoked", case_id=partition,
                             detail={"referral": referral_id})  # fmt: skip
        for stored in drop:
            self._drop(transport, stored, me)
        self.released = [stored.case_id for stored in drop]
        return sent_count

    def _voided(self, conn: Any, stored: Any) -> bool:
        case = self._desk.records.get(conn, stored.case_id)
        meta = case.payload.get("meta", {}) if case is not None and case.kind == CASE_KIND else {}
        return domain.transfer_undo(meta, stored.record_id, stored.payload) is not None

    def _responsible(self, conn: Any, case_id: str, me: str) -> bool:
        case = self._desk.records.get(conn, case_id)
        return case is not None and case.payload.get("meta", {}).get("desk") in (me, self._desk.profile.desk_id)

    def _drop(self, transport: Transport, stored: Any, me: str) -> None:
        """The receiver gives up the extract (or the transferred case never taken on) of a referral that is over:
        it withdraws its desk's grant on the server (the sender may have withdrawn it first: a decline). Its copy
        goes when the ``revoked`` notice comes back with the next pull (``Merger.revoke_case``) — after everything
        written to the partition before the end, so every computer of the desk, this one included, keeps the same
        outcome: dropping here at once would keep the state last pulled, and another computer's decline pushed
        meanwhile would arrive for a partition whose keys are gone. What stays is the outcome without personal
        data, so the inbox still shows it."""
        transport.withdraw_grant(stored.case_id, me, own=True)
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            detail: dict[str, str | int] = {"referral": stored.record_id, "state": domain.state_of(stored.payload)}
            audit.append(conn, operator_id=None, action="referral.extract_released", case_id=stored.case_id,
                         detail=detail)  # fmt: skip


def _ends_access(p: dict[str, Any], state: domain.State) -> bool:
    """A referral whose end takes the receiver's copy away: any final state of an extract; a transfer declined or
    withdrawn (an accepted one keeps the case with the receiver, now responsible for it)."""
    if p.get("extract_id"):
        return state in domain.FINAL_STATES
    return p["purpose"] == domain.Purpose.TRANSFER and state in (domain.State.DECLINED, domain.State.WITHDRAWN)


def _waiting(conn: Any, case_id: str) -> bool:
    """Changes of the partition written here and not yet pushed."""
    query = select(outbox_table.c.change_id).where(
        outbox_table.c.case_id == case_id, outbox_table.c.state == outbox.PENDING
    )
    return conn.execute(query).first() is not None
