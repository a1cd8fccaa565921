"""The person's data rights (GDPR, DESIGN.md §5 promise 4), as ``desk.network.rights``. Access: one JSON file and
one PDF with everything this vault holds about the person (the case, its history, referrals, plan and diary
records, attachments' descriptions, conflicts kept, audit events). Erasure (crypto-shredding): every wrapped copy
of the case key on this device is deleted (all holders, grants received and sent) with the case's records,
attachments, look-ups and queued changes, in one transaction that leaves a single audit event without personal
data and an entry in the erasure register (``vault.erasures``: restoring an older backup erases the case again).
Before the key goes, the device seals an erasure proof with it; the server's erasure is queued with that proof and
requested at the next network sync, so the other devices' pulls bring an ``erased`` notice carrying it. A device
shreds its copy only if the proof opens with its own case key (``apply_erased_notice``): a notice the server made
up is refused, logged and set aside in quarantine. Pending referrals of the case are released first. Retention:
rules per purpose from ``resources/retention/iam.json`` give a review list; nothing is erased until a coordinator
confirms the cases picked from it."""

from __future__ import annotations

import base64
import binascii
import json
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from iam_desktop.domain.errors import LockedError, TamperedError, ValidationError
from iam_desktop.domain.referral import REFERRAL_KIND, State, state_of
from iam_desktop.domain.roles import Permission
from iam_desktop.vault import audit, erasures, sync_state
from iam_desktop.vault.database import translate_errors
from iam_desktop.vault.merge import Merger, MergeResult
from iam_desktop.vault.tables import audit_events, case_keys, grants_in, grants_sent
from iam_desktop.vault.tables import records as records_table

from .cases import CASE_KIND
from .referrals import network_rules

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from sync.protocol import Notice

    from .desk import Desk
    from .sync_http import Transport

ERASE_QUEUE_META = erasures.ERASE_QUEUE_META
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetentionCandidate:
    case_id: str
    rule: str
    since: str  # closure date or last activity
    due: str


class DataRights:
    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    # -- access ---------------------------------------------------------------------------------------------
    def collect(self, case_id: str) -> dict[str, Any]:
        self._desk.require(Permission.EXPORT)
        case = self._desk.cases.open(case_id)
        with self._desk.vault.engine.connect() as conn:
            stored = self._desk.records.of_case(conn, case_id)
            events = conn.execute(select(audit_events).where(audit_events.c.case_id == case_id)
                                  .order_by(audit_events.c.seq)).all()  # fmt: skip
        names = {op.id: op.display_name for op in self._desk.vault.operators()}
        desks = {d["desk_id"]: d["name"] for d in self._desk.network.catalogue.directory()}
        other = [{"kind": r.kind, "id": r.record_id, "created_at": r.created_at, "data": r.payload}
                 for r in stored if r.kind not in (CASE_KIND,)]  # fmt: skip
        return {
            "format": "iam-person-export/1",
            "case_id": case_id,
            "person": case.person,
            "case": case.meta,
            "extra": case.extra,
            "records": other,
            "attachments": [
                {"id": a.attachment_id, "filename": a.filename, "type": a.media_type, "size": a.size}
                for a in case.attachments
            ],
            "conflicts": [c.__dict__ for c in self._desk.sync.conflicts(case_id, include_resolved=True)],
            # Every referral of the person, the shared extracts' included (they live in partitions of their own):
            # which desk received which parts of the file, for what, and how it ended.
            "referrals": [{**v.as_dict(), "to_name": desks.get(v.to_desk, ""), "from_name": desks.get(v.from_desk, "")}
                          for v in self._desk.network.referrals.all(case_id)],
            "audit": [{"at": e.at, "action": e.action, "operator": e.operator_id,
                       "operator_name": names.get(e.operator_id or "", "")} for e in events],
        }  # fmt: skip

    def export(self, case_id: str, directory: Path, language: str | None = None) -> tuple[Path, Path]:
        """``person-<case>.json`` (everything, for another system) and ``person-<case>.pdf`` (the same, for the
        person to read: labels in Italian and in ``language`` — by default the first language the person speaks
        that the app prints, else English) in ``directory``; audited."""
        from iam_desktop.domain import interchange
        from iam_desktop.printing.intake_form import intake_values
        from iam_desktop.printing.person_export import write_person_export

        from .documents import intake_form, print_languages

        data = self.collect(case_id)
        spoken = [str(code) for code in data["person"].get("languages") or []]
        chosen = language or next((c for c in spoken if c in print_languages() and c != "it"), "en")
        if chosen not in print_languages():
            raise ValidationError("language", "unsupported", language=chosen)
        record = interchange.parse_record(data["person"], today=date.max).record
        values = intake_values(record, data["extra"]) if record is not None else {}
        desks = {d["desk_id"]: d["name"] for d in self._desk.network.catalogue.directory()}
        desks[self._desk.profile.desk_id] = desks.get(self._desk.profile.desk_id) or self._desk.profile.desk_name
        directory.mkdir(parents=True, exist_ok=True)
        json_path = directory / f"person-{case_id}.json"
        json_path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
        pdf_path = directory / f"person-{case_id}.pdf"
        write_person_export(pdf_path, data, form=intake_form(), values=values, language=chosen,
                            context=self._desk.documents.context(case_id), desk_names=desks)  # fmt: skip
        actor = self._desk.require(Permission.EXPORT)
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            audit.append(conn, operator_id=actor.id, action="person.export", case_id=case_id)
        return json_path, pdf_path

    # -- erasure --------------------------------------------------------------------------------------------
    def erase(self, case_id: str) -> dict[str, int]:
        """Shred the case here and queue the server's erasure. The caller has asked the coordinator to confirm."""
        actor = self._desk.require(Permission.ERASE_CASE)
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            stored = self._desk.records.get(conn, case_id)
            if stored is None or stored.kind != CASE_KIND:
                raise ValidationError("case_id", "unknown")
            pending = 0
            for ref in self._desk.records.of_case(conn, case_id, REFERRAL_KIND):
                if state_of(ref.payload) in (State.PROPOSED, State.ACCEPTED):
                    self._desk.network.catalogue.release(conn, ref.record_id)
                    pending += 1
            count = len(list(conn.execute(select(records_table.c.record_id)
                                          .where(records_table.c.case_id == case_id)).scalars()))  # fmt: skip
            # The proof is sealed with the case key, so it is made before the key is shredded. The shared extracts
            # made from the case for referrals (partitions of their own) are erased with it, each with its proof.
            parts = [case_id, *self._desk.network.referrals.extract_ids(conn, case_id)]
            queue = [e for e in self._entries() if e["case_id"] not in parts]
            for part in parts:
                key_id, key = self._desk.records.case_key(conn, part, _shared_key_id(conn, part))
                proof = base64.b64encode(erasures.make_proof(key, part, key_id)).decode()
                Merger(self._desk.records, "", "").erase_case(conn, part, via="here", by=actor.id)
                queue.append({"case_id": part, "key_id": key_id, "proof": proof})
            self._desk.vault.set_meta(conn, ERASE_QUEUE_META, json.dumps(queue))
            audit.append(conn, operator_id=actor.id, action="person.erase", case_id=case_id,
                         detail={"records": count, "referrals_released": pending})  # fmt: skip
        forget_cached_keys(self._desk, case_id)
        self._desk.cases.forget()
        return {"records": count, "referrals_released": pending}

    def _entries(self) -> list[dict[str, str]]:
        """The queued erase requests; an entry queued by an older version is a bare case id (sent without proof)."""
        queue: list[str | dict[str, str]] = json.loads(self._desk.vault.meta(ERASE_QUEUE_META, "[]") or "[]")
        return [e if isinstance(e, dict) else {"case_id": e} for e in queue]

    def _queue(self) -> list[str]:
        return [e["case_id"] for e in self._entries()]

    def pending_erasures(self) -> list[str]:
        return self._queue()

    def flush(self, transport: Transport) -> int:
        """Ask the server to erase every queued case, with its proof (a case it never received counts as done)."""
        # The wire models and the HTTP client load with the first sync, not when the app starts.
        from sync.protocol import EraseReply, ErrorCode
        from sync.protocol.models import EraseRequest, ErasureProof

        from .sync_http import SyncError

        done: list[str] = []
        for entry in self._entries():
            case_id = entry["case_id"]
            proof = ErasureProof(key_id=entry["key_id"], sealed=entry["proof"]) if "proof" in entry else None
            try:
                transport.post(f"/v1/cases/{case_id}/erase", EraseRequest(proof=proof), EraseReply)
            except SyncError as exc:
                if exc.params.get("errno") not in (int(ErrorCode.NOT_FOUND), int(ErrorCode.CASE_ERASED)):
                    raise
            done.append(case_id)
        if done:
            left = [e for e in self._entries() if e["case_id"] not in done]
            with translate_errors(), self._desk.vault.engine.begin() as conn:
                self._desk.vault.set_meta(conn, ERASE_QUEUE_META, json.dumps(left))
        return len(done)

    # -- retention ------------------------------------------------------------------------------------------
    def review(self, on: date | None = None) -> list[RetentionCandidate]:
        """Cases a retention rule says are due for erasure. Nothing is erased here."""
        self._desk.require(Permission.ERASE_CASE)
        day = on or date.today()
        rules = {r["applies_to"]: r for r in network_rules()["rules"]}
        out: list[RetentionCandidate] = []
        with self._desk.vault.engine.connect() as conn:
            for stored in self._desk.records.of_kind(conn, CASE_KIND):
                meta = stored.payload.get("meta", {})
                if meta.get("closed") and "closed_cases" in rules:
                    rule, since = rules["closed_cases"], str(meta["closed"])[:10]
                elif not meta.get("closed") and "open_cases_without_activity" in rules:
                    rule, since = rules["open_cases_without_activity"], stored.updated_at[:10]
                else:
                    continue
                start = date.fromisoformat(since)
                years = int(rule["erase_after_years"])
                due = _add_years(start, years)
                if due <= day:
                    out.append(RetentionCandidate(stored.case_id, str(rule["purpose"]), since, due.isoformat()))
        return sorted(out, key=lambda c: (c.due, c.case_id))

    def apply_review(self, case_ids: list[str], *, confirmed: bool, on: date | None = None) -> list[str]:
        """Erase the confirmed cases, each only if the review still lists it."""
        if not confirmed:
            raise ValidationError("confirm", "erasure_not_confirmed")
        due = {c.case_id for c in self.review(on)}
        erased = []
        for case_id in case_ids:
            if case_id not in due:
                raise ValidationError("case_id", "retention_not_due", value=case_id[:40])
        for case_id in case_ids:
            self.erase(case_id)
            erased.append(case_id)
        return erased


def _shared_key_id(conn: Connection, case_id: str) -> str | None:
    """The newest key of the case that the other holders have too, for the erasure proof: one this desk received
    from the server or pushed to it — not a key this computer made on a rotation and has not sealed anything with
    yet (each computer of a desk rotates on its own when a referral ends: the other computers and the central office
    would not hold it, and would refuse the proof). None (the newest key) when the case never left this computer."""
    enrolled = sync_state.enrolment(conn)
    if enrolled is None:
        return None
    shared = set(conn.execute(select(grants_in.c.key_id).where(
        grants_in.c.case_id == case_id, grants_in.c.desk_id == enrolled.desk_id)).scalars())  # fmt: skip
    shared |= set(conn.execute(select(grants_sent.c.key_id).where(
        grants_sent.c.case_id == case_id, grants_sent.c.desk_id == enrolled.desk_id)).scalars())  # fmt: skip
    if not shared:
        return None
    newest = conn.execute(select(case_keys.c.key_id).where(case_keys.c.case_id == case_id,
                                                           case_keys.c.key_id.in_(sorted(shared)))
                          .order_by(case_keys.c.created_at.desc()).limit(1)).scalar()  # fmt: skip
    return str(newest) if newest is not None else None


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def apply_erased_notice(desk: Desk, conn: Connection, merger: Merger, notice: Notice) -> MergeResult:
    """Shred the case of an ``erased`` notice only if its proof opens with this desk's case key.

    Refused — logged without personal data, kept in quarantine as ``erasure_not_proven`` or
    ``erasure_proof_invalid`` and counted as set aside — when the notice has no proof, or one made with a key or for
    a case other than ours. A case already in the register, or one this device holds no key for (nothing here can
    be read, nothing is lost), is dropped without a proof: there is nothing left to protect."""
    result = MergeResult()
    case_id = notice.case_id
    keyed = conn.execute(select(case_keys.c.key_id).where(case_keys.c.case_id == case_id)).first() is not None
    if keyed and not erasures.is_registered(conn, case_id):
        reason = _proof_refusal(desk, conn, notice)
        if reason is not None:
            log.warning("erasure refused (%s): case %s, notice from the server", reason, case_id)
            erasures.refuse_notice(conn, case_id, reason, notice.model_dump_json())
            result.quarantined += 1
            return result
    merger.erase_case(conn, case_id, via="network", by=None)
    result.erased_cases.add(case_id)
    return result


def _proof_refusal(desk: Desk, conn: Connection, notice: Notice) -> str | None:
    """Why the notice's proof does not prove the erasure to this device, or None when it does."""
    proof = notice.proof
    if proof is None:
        return erasures.NOT_PROVEN
    try:
        key = desk.records.case_key(conn, notice.case_id, proof.key_id)[1]
        sealed = base64.b64decode(proof.sealed, validate=True)
    except LockedError:  # a key id this desk never held
        return erasures.NOT_PROVEN
    except (TamperedError, binascii.Error):
        return erasures.PROOF_INVALID
    return None if erasures.proof_opens(key, notice.case_id, proof.key_id, sealed) else erasures.PROOF_INVALID


def forget_cached_keys(desk: Desk, case_id: str) -> None:
    """Drop the session's in-memory copies of the shredded key too (the keyring has no public call for one case)."""
    cache = desk.vault.keyring._case_keys
    for ident in [k for k in cache if k[0] == case_id]:
        del cache[ident]
