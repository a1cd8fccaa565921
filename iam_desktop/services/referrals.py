"""Referrals (invii) as the desk facade offers them (``desk.network.referrals``). A referral is a ``referral``
record in the case's own partition: proposing writes it (and, for a place, a booking in the catalogue partition)
offline, queued like any change; at the next network sync the case key is wrapped to the receiving desk's public
key (from the server's desk directory) and sent as a grant, so that desk's next pull delivers the case whole, the
referral with it. The receiver answers (accept / decline with a reason) in its own fields; the sender may
withdraw. No referral without the person's ``condivisione_rete`` consent, unless a coordinator records the lawful
basis. An accepted transfer moves the case's ``meta.desk``; the sender keeps read access for the configured days."""

from __future__ import annotations

import json
import uuid
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
from iam_desktop.resources import resource
from iam_desktop.vault import audit, outbox, sync_state
from iam_desktop.vault.database import translate_errors
from iam_desktop.vault.merge import Merger
from iam_desktop.vault.tables import outbox as outbox_table
from iam_desktop.vault.tables import records as records_table
from iam_desktop.vault.vault import now_iso
from sync.protocol import ErrorCode

from .sync_http import SyncError

if TYPE_CHECKING:
    from .desk import Desk
    from .sync_http import Transport


@cache
def network_rules() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource("retention", "iam.json").read_text(encoding="utf-8"))
    return data


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

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class Referrals:
    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    def my_desk_id(self) -> str:
        """The server's id of this desk once enrolled (what other desks address), else the local one."""
        with self._desk.vault.engine.connect() as conn:
            enrolled = sync_state.enrolment(conn)
        return enrolled.desk_id if enrolled else self._desk.profile.desk_id

    # -- propose / withdraw --------------------------------------------------------------------------------
    def propose(
        self,
        case_id: str,
        to_desk: str,
        purpose: str,
        *,
        opportunity: str | None = None,
        share: tuple[str, ...] = ("identity", "status", "skills", "plan"),
        lawful_basis: str = "",
        on: date | None = None,
    ) -> str:
        actor = self._desk.require(Permission.EDIT_CASE)
        kind = domain.parse_purpose(purpose)
        items = domain.validate_share(share)
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
        payload = {
            "from_desk": self.my_desk_id(), "to_desk": target["desk_id"], "purpose": kind.value,
            "opportunity": entry.entry_id if entry else None, "share": items, "lawful_basis": lawful_basis[:200],
            "proposed_at": now_iso(), "proposed_by": actor.id, "withdrawn_at": None, "response": None,
        }  # fmt: skip
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            self._desk.records.put(conn, case_id=case_id, kind=domain.REFERRAL_KIND, record_id=referral_id,
                                   payload=payload)  # fmt: skip
            if entry is not None and entry.get("places_free") is not None:
                self._desk.network.catalogue.book(conn, entry.entry_id, referral_id, payload["from_desk"], now_iso())
            detail = {"referral": referral_id, "purpose": kind.value, "basis": int(bool(lawful_basis))}
            audit.append(conn, operator_id=actor.id, action="referral.propose", case_id=case_id, detail=detail)
        return referral_id

    def _target(self, to: str) -> dict[str, Any]:
        """A desk of the directory, or a partner organisation of the catalogue (``partner:<entry id>``: no key is
        wrapped for it — the letter is the channel — and its answer is not recorded in the app)."""
        partners = {e.entry_id for e in self._desk.network.catalogue.entries(EntryKind.PARTNER)}
        entry_id = to.removeprefix("partner:")
        if entry_id in partners:
            return {"desk_id": f"partner:{entry_id}", "name": entry_id}
        return self._desk.network.catalogue.resolve_desk(to)

    def withdraw(self, referral_id: str) -> None:
        actor = self._desk.require(Permission.EDIT_CASE)
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            stored = self._get(conn, referral_id)
            domain.check_withdraw(stored.payload)
            self._desk.records.put(conn, case_id=stored.case_id, kind=domain.REFERRAL_KIND, record_id=referral_id,
                                   payload={**stored.payload, "withdrawn_at": now_iso()})  # fmt: skip
            self._desk.network.catalogue.release(conn, referral_id)
            audit.append(conn, operator_id=actor.id, action="referral.withdraw", case_id=stored.case_id,
                         detail={"referral": referral_id})  # fmt: skip

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
                self._desk.cases.set_meta(conn, stored.case_id, desk=me, transferred_from=payload["from_desk"],
                                          transferred_at=response["at"])  # fmt: skip
            audit.append(conn, operator_id=actor.id, action=f"referral.{decision}", case_id=stored.case_id,
                         detail={"referral": referral_id})  # fmt: skip
        self._desk.cases.forget()
        return self._view(stored.record_id, stored.case_id, payload, me)

    # -- reading --------------------------------------------------------------------------------------------
    def _get(self, conn: Any, referral_id: str) -> Any:
        stored = self._desk.records.get(conn, referral_id)
        if stored is None or stored.kind != domain.REFERRAL_KIND:
            raise ValidationError("referral", "referral_unknown", value=referral_id[:40])
        return stored

    def _view(self, referral_id: str, case_id: str, p: dict[str, Any], me: str) -> ReferralView:
        response = p.get("response") or {}
        return ReferralView(
            referral_id, case_id, p["from_desk"], p["to_desk"], p["purpose"], p.get("opportunity"), list(p["share"]),
            p.get("lawful_basis", ""), domain.state_of(p).value, str(response.get("reason", "")), p["proposed_at"],
            domain.problems(p), p["to_desk"] == me,
        )  # fmt: skip

    def all(self, case_id: str | None = None) -> list[ReferralView]:
        self._desk.require(Permission.VIEW_CASE)
        me = self.my_desk_id()
        with self._desk.vault.engine.connect() as conn:
            stored = (self._desk.records.of_case(conn, case_id, domain.REFERRAL_KIND) if case_id
                      else list(self._desk.records.of_kind(conn, domain.REFERRAL_KIND)))  # fmt: skip
        views = [self._view(r.record_id, r.case_id, r.payload, me) for r in stored]
        # A place booked by more referrals than it has free places: shown on each of them, on every desk.
        overbooked = {b.referral_id for items in self._desk.network.catalogue.booking_conflicts().values()
                      for b in items}  # fmt: skip
        for v in views:
            if v.referral_id in overbooked:
                v.problems.append("place_overbooked")
        return sorted(views, key=lambda v: (v.proposed_at, v.referral_id))

    def inbox(self) -> list[ReferralView]:
        return [v for v in self.all() if v.incoming]

    def sent(self) -> list[ReferralView]:
        return [v for v in self.all() if not v.incoming]

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
            try:
                transport._send(
                    "DELETE", f"/v1/cases/{case_id}/grants/{me}"
                )  # the transport has no delete() helper yet
            except SyncError as exc:
                if exc.params.get("errno") != int(ErrorCode.NOT_FOUND):
                    raise
            with translate_errors(), self._desk.vault.engine.begin() as conn:
                Merger(self._desk.records, "", "").erase_case(conn, case_id)
                audit.append(conn, operator_id=None, action="referral.transfer_expired", case_id=case_id)
        self._desk.cases.forget()
        return sorted(set(due))

    # -- delivery (online) ----------------------------------------------------------------------------------
    def deliver(self, transport: Transport) -> int:
        """Send the grants that outgoing pending referrals need (the case key wrapped to the receiver)."""
        me = self.my_desk_id()
        targets: dict[str, set[str]] = {}
        with self._desk.vault.engine.connect() as conn:
            ids = list(conn.execute(select(records_table.c.record_id).where(
                records_table.c.kind == domain.REFERRAL_KIND)).scalars())  # fmt: skip
            for rid in ids:
                stored = self._desk.records.get(conn, rid)
                if stored is None or stored.payload.get("from_desk") != me:
                    continue
                if str(stored.payload["to_desk"]).startswith("partner:"):
                    continue
                if domain.state_of(stored.payload) in (domain.State.PROPOSED, domain.State.ACCEPTED):
                    targets.setdefault(stored.case_id, set()).add(stored.payload["to_desk"])
        sent = 0
        for case_id, desks in sorted(targets.items()):
            sent += self._desk.network.catalogue.grant(transport, case_id, sorted(desks))
        return sent
