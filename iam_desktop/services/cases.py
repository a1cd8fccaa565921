"""Case files: taking a person in charge (presa in carico), keeping their file with a history of who changed
what, finding them again, duplicates at intake, attachments, permit alerts, import and export. Reached from the
facade as ``desk.cases``; every call checks the operator's permissions and writes its audit event in the same
transaction as the change.

A case is stored as one sealed record of kind ``case`` holding the person in the interchange format
(``iam_desktop.domain.interchange``) and the case's own data (desk, operator, opened, source, status, step); each
change adds a sealed, append-only ``history`` record with the fields changed, their old and new values, who and
when. The meta and every history entry carry their writer's stamp (``iam_desktop.domain.writers``), so the desk's
other computers and other desks can name who opened or changed the case."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iam_desktop.domain import interchange
from iam_desktop.domain.alerts import PermitAlert, expiring_permits
from iam_desktop.domain.documents import PermessoDiSoggiorno
from iam_desktop.domain.duplicates import duplicate_keys
from iam_desktop.domain.errors import CaseReadOnlyError, ValidationError
from iam_desktop.domain.notices import FieldError, Notice
from iam_desktop.domain.roles import Permission
from iam_desktop.domain.writers import Writer, make_stamp, stamp_key, writers
from iam_desktop.vault import audit, lookup, sync_state
from iam_desktop.vault.database import translate_errors
from iam_desktop.vault.vault import now_iso

from .case_index import CaseIndex, CaseRow, SortKey, make_row

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from iam_desktop.vault.records import RecordStore
    from iam_desktop.vault.vault import OperatorInfo

    from .desk import Desk

CASE_KIND = "case"
HISTORY_KIND = "history"
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
ATTACHMENT_TYPES = {
    "application/pdf": (b"%PDF-",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
}
EXTENSIONS = {".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}


@dataclass(frozen=True)
class Duplicate:
    """Another case sharing a look-up key with the person being taken in charge."""

    case_id: str
    reasons: tuple[str, ...]  # "codice_fiscale", "document", "name_birth_year"
    display_name: str


@dataclass(frozen=True)
class IntakeCheck:
    """The result of validating a person before saving: refusals, warnings and possible duplicates."""

    errors: tuple[FieldError, ...]
    warnings: tuple[Notice, ...]
    duplicates: tuple[Duplicate, ...]
    record: interchange.InterchangeRecord | None

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class CaseFile:
    case_id: str
    person: dict[str, Any]
    meta: dict[str, Any]
    extra: dict[str, Any]
    history: list[dict[str, Any]]
    attachments: list[lookup.AttachmentInfo]


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)
    already_present: list[int] = field(default_factory=list)
    rejected: list[interchange.RowResult] = field(default_factory=list)
    warnings: list[interchange.RowResult] = field(default_factory=list)


def _reason(key: str) -> str:
    return {"cf": "codice_fiscale", "doc": "document"}.get(key.split(":", 1)[0], "name_birth_year")


def stored_permit(person: dict[str, Any]) -> PermessoDiSoggiorno | None:
    """The permit of a stored person (interchange form) as a domain value, or None. Stored data was validated when
    written, so no date counts as "in the future" here."""
    permit = person.get("permit")
    if not permit:
        return None
    record = interchange.parse_record({"given_names": ["x"], "family_name": "x", "permit": permit}, today=date.max)
    return record.record.permit if record.record is not None else None


def lookup_keys(record: interchange.InterchangeRecord) -> list[str]:
    """The strings a person is blind-indexed by (duplicates at intake; rebuilt after a pull)."""
    return duplicate_keys(record.person, [record.permit] if record.permit else [])


def reindex(conn: Connection, records: RecordStore, case_ids: Iterable[str]) -> None:
    """Rebuild the duplicate-detection look-ups of cases that arrived or changed by sync (look-ups are local,
    never synced)."""
    for case_id in sorted(case_ids):
        stored = records.get(conn, case_id)
        if stored is None or stored.kind != CASE_KIND:
            continue
        parsed = interchange.parse_record(stored.payload.get("person", {}), today=date.max)
        if parsed.record is not None:
            lookup.add_lookups(conn, records, case_id, lookup_keys(parsed.record))


class CaseBook:
    def __init__(self, desk: Desk) -> None:
        self._desk = desk
        self._index: CaseIndex | None = None

    # -- the in-memory index -------------------------------------------------------------------------------

    def forget(self) -> None:
        """Drop the decrypted index (on lock)."""
        self._index = None

    def _rows(self) -> CaseIndex:
        self._desk.require(Permission.VIEW_CASE)
        if self._index is None:
            records = self._desk.records
            with self._desk.vault.engine.connect() as conn:
                self._index = CaseIndex(
                    make_row(r.case_id, r.payload["person"], r.payload["meta"])
                    for r in records.of_kind(conn, CASE_KIND)
                )
        return self._index

    def count(self) -> int:
        return len(self._rows())

    def search(
        self,
        text: str = "",
        *,
        status: str | None = None,
        step: int | None = None,
        operator_id: str | None = None,
        sort: SortKey = SortKey.NAME,
    ) -> list[CaseRow]:
        return self._rows().search(text, status=status, step=step, operator_id=operator_id, sort=sort)

    def row(self, case_id: str) -> CaseRow | None:
        return self._rows().get(case_id)

    # -- intake --------------------------------------------------------------------------------------------

    def check(self, data: dict[str, Any], *, exclude: str | None = None, today: date | None = None) -> IntakeCheck:
        """Validate a person and look for duplicates, without saving (the intake form calls it as you type)."""
        self._desk.require(Permission.VIEW_CASE)
        result = interchange.parse_record(data, today=today or date.today())
        if result.record is None:
            return IntakeCheck(result.errors, result.warnings, (), None)
        with self._desk.vault.engine.connect() as conn:
            found = lookup.find(conn, self._desk.records, lookup_keys(result.record))
        reasons: dict[str, set[str]] = {}
        for key, case_ids in found.items():
            for case_id in case_ids - {exclude}:
                reasons.setdefault(case_id, set()).add(_reason(key))
        index = self._rows()
        duplicates = tuple(
            Duplicate(cid, tuple(sorted(why)), (row.display_name if (row := index.get(cid)) else "?"))
            for cid, why in sorted(reasons.items())
        )
        return IntakeCheck((), result.warnings, duplicates, result.record)

    def intake(
        self,
        data: dict[str, Any],
        *,
        extra: dict[str, Any] | None = None,
        source: str = "sportello",
        today: date | None = None,
    ) -> str:
        """Take a person in charge: validate, store encrypted, index for duplicates, audit. Returns the case id.

        ``data`` is the person in the interchange format; ``extra`` holds the intake form's other answers
        (reception history, household, education …) keyed by form field id, stored with the case as they are."""
        return self._store_new([data], source=source, today=today, action="case.create", extras=[extra or {}])[0]

    def _store_new(
        self,
        people: list[dict[str, Any]],
        *,
        source: str,
        today: date | None,
        action: str,
        extra_keys: list[list[str]] | None = None,
        extras: list[dict[str, Any]] | None = None,
    ) -> list[str]:
        actor = self._desk.require(Permission.EDIT_CASE)
        day = today or date.today()
        parsed = []
        for i, data in enumerate(people):
            result = interchange.parse_record(data, i + 1, today=day)
            if result.record is None:
                first = result.errors[0]
                raise ValidationError(first.field, first.code, **first.params)
            parsed.append(result.record)
        records = self._desk.records
        profile = self._desk.profile
        created: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            for n, record in enumerate(parsed):
                case_id = str(uuid.uuid4())
                person = interchange.record_to_dict(record)
                meta = {
                    "desk": profile.desk_id, "operator": actor.id, "opened": day.isoformat(), "source": source,
                    "status": "aperto", "step": 1, "closed": None, "outcome": "", **self.stamp(conn, actor),
                }  # fmt: skip
                records.new_case_key(conn, case_id)
                payload = {"person": person, "meta": meta, "extra": extras[n] if extras else {}}
                records.put(conn, case_id=case_id, kind=CASE_KIND, record_id=case_id, payload=payload)
                self._history(conn, case_id, actor, action, {k: {"from": None, "to": v} for k, v in person.items()})
                keys = lookup_keys(record) + (extra_keys[n] if extra_keys else [])
                lookup.replace_lookups(conn, records, case_id, keys)
                audit.append(conn, operator_id=actor.id, action=action, case_id=case_id)
                created.append((case_id, person, meta))
        if self._index is not None:
            self._index.put_many(make_row(case_id, person, meta) for case_id, person, meta in created)
        return [c[0] for c in created]

    def _history(self, conn: Any, case_id: str, actor: OperatorInfo, action: str, changes: dict[str, Any]) -> None:
        self._desk.records.put(
            conn, case_id=case_id, kind=HISTORY_KIND, record_id=str(uuid.uuid4()),
            payload={"at": now_iso(), "operator": actor.id, "action": action, "changes": changes,
                     **self.stamp(conn, actor)},
        )  # fmt: skip

    # -- who wrote what --------------------------------------------------------------------------------------

    def _here(self, conn: Any) -> set[str]:
        enrolled = sync_state.enrolment(conn)
        return {self._desk.profile.desk_id, *([enrolled.desk_id] if enrolled else [])}

    def stamp(self, conn: Any, actor: OperatorInfo) -> dict[str, dict[str, str]]:
        """The writer's stamp that travels with a record written by ``actor``: ``{"by:<id>": {name, desk, desk
        name}}``, the desk as the network knows it once this computer is enrolled."""
        enrolled = sync_state.enrolment(conn)
        profile = self._desk.profile
        desk_id = enrolled.desk_id if enrolled else profile.desk_id
        desk_name = (enrolled.desk_name if enrolled else "") or profile.desk_name
        return {stamp_key(actor.id): make_stamp(actor.display_name, desk_id, desk_name)}

    def writers(self, case_id: str) -> dict[str, Writer]:
        """Operator id → who they are, for everyone who wrote in this case on any computer (from the stamps its
        records carry); an id missing here wrote before stamps existed."""
        self._desk.require(Permission.VIEW_CASE)
        local = {op.id: op.display_name for op in self._desk.operators()}
        with translate_errors(), self._desk.vault.engine.connect() as conn:
            payloads = [r.payload for r in self._desk.records.of_case(conn, case_id)]
            return writers(payloads, local=local, here=self._here(conn))

    def update(
        self, case_id: str, data: dict[str, Any], *, extra: dict[str, Any] | None = None, today: date | None = None
    ) -> list[str]:
        """Replace the person's data (and, when given, the form's other answers); returns the fields that changed,
        kept with old and new value in the history. Fields of ``extra`` are named ``extra.<field id>``."""
        actor = self._desk.require(Permission.EDIT_CASE)
        result = interchange.parse_record(data, today=today or date.today())
        if result.record is None:
            first = result.errors[0]
            raise ValidationError(first.field, first.code, **first.params)
        person = interchange.record_to_dict(result.record)
        records = self._desk.records
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            stored = records.get(conn, case_id)
            if stored is None or stored.kind != CASE_KIND:
                raise ValidationError("case_id", "unknown")
            self.check_writable(conn, case_id)
            before = stored.payload["person"]
            changes = {k: {"from": before.get(k), "to": person.get(k)} for k in sorted(set(before) | set(person))
                       if before.get(k) != person.get(k)}  # fmt: skip
            old_extra: dict[str, Any] = stored.payload.get("extra", {})
            new_extra = old_extra if extra is None else extra
            for k in sorted(set(old_extra) | set(new_extra)):
                if old_extra.get(k) != new_extra.get(k):
                    changes[f"extra.{k}"] = {"from": old_extra.get(k), "to": new_extra.get(k)}
            if not changes:
                return []
            payload = {"person": person, "meta": stored.payload["meta"], "extra": new_extra}
            records.put(conn, case_id=case_id, kind=CASE_KIND, record_id=case_id, payload=payload)
            self._history(conn, case_id, actor, "case.update", changes)
            lookup.add_lookups(conn, records, case_id, lookup_keys(result.record))
            audit.append(conn, operator_id=actor.id, action="case.update", case_id=case_id,
                         detail={"fields": len(changes)})  # fmt: skip
        if self._index is not None:
            self._index.put(make_row(case_id, person, stored.payload["meta"]))
        return list(changes)

    def check_writable(self, conn: Any, case_id: str) -> None:
        """The one guard of every write to a case's file, plan, diary and pathway: a case this desk transferred to
        another desk stays readable here for the configured days, never writable (``CaseReadOnlyError``)."""
        stored = self._desk.records.get(conn, case_id)
        meta = stored.payload.get("meta", {}) if stored is not None and stored.kind == CASE_KIND else {}
        if not meta.get("transferred_at"):
            return
        enrolled = sync_state.enrolment(conn)
        if meta.get("desk") in {self._desk.profile.desk_id, enrolled.desk_id if enrolled else None}:
            return
        names = {d["desk_id"]: d["name"] for d in self._desk.network.catalogue.directory()}
        day = str(meta["transferred_at"])[:10]
        raise CaseReadOnlyError(case_id, to_desk=names.get(meta["desk"]) or str(meta["desk"])[:8],
                                on="/".join(reversed(day.split("-"))))  # fmt: skip

    def read_only(self, case_id: str) -> CaseReadOnlyError | None:
        """Why this desk may only read the case (the case file shows it as a banner), or None."""
        self._desk.require(Permission.VIEW_CASE)
        with self._desk.vault.engine.connect() as conn:
            try:
                self.check_writable(conn, case_id)
            except CaseReadOnlyError as refusal:
                return refusal
        return None

    def set_meta(self, conn: Any, case_id: str, **changes: Any) -> None:
        """Change the case's own data (step, status …) inside the caller's transaction; the index follows."""
        records = self._desk.records
        stored = records.get(conn, case_id)
        if stored is None or stored.kind != CASE_KIND:
            raise ValidationError("case_id", "unknown")
        meta = {**stored.payload["meta"], **changes}
        records.put(conn, case_id=case_id, kind=CASE_KIND, record_id=case_id, payload={**stored.payload, "meta": meta})
        if self._index is not None:
            self._index.put(make_row(case_id, stored.payload["person"], meta))

    def open(self, case_id: str) -> CaseFile:
        """The whole case file (audited as a view)."""
        actor = self._desk.require(Permission.VIEW_CASE)
        records = self._desk.records
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            stored = records.get(conn, case_id)
            if stored is None or stored.kind != CASE_KIND:
                raise ValidationError("case_id", "unknown")
            history = [r.payload for r in records.of_case(conn, case_id, HISTORY_KIND)]
            files = lookup.list_attachments(conn, records, case_id)
            audit.append(conn, operator_id=actor.id, action="case.view", case_id=case_id)
        history.sort(key=lambda h: str(h["at"]))
        payload = stored.payload
        return CaseFile(case_id, payload["person"], payload["meta"], payload.get("extra", {}), history, files)

    # -- attachments ---------------------------------------------------------------------------------------

    def attach(self, case_id: str, path: Path, *, kind: str = "documento") -> lookup.AttachmentInfo:
        """Store a scan or signed form (PDF, JPEG, PNG up to 20 MB), encrypted with the case key."""
        actor = self._desk.require(Permission.EDIT_CASE)
        media_type = EXTENSIONS.get(path.suffix.lower())
        if media_type is None:
            raise ValidationError("attachment", "attachment_unsupported", extension=path.suffix)
        size = path.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            raise ValidationError("attachment", "attachment_too_large", size_mb=round(size / 2**20, 1),
                                  maximum_mb=MAX_ATTACHMENT_BYTES // 2**20)  # fmt: skip
        data = path.read_bytes()
        if not data.startswith(ATTACHMENT_TYPES[media_type]):
            raise ValidationError("attachment", "attachment_type_mismatch", extension=path.suffix)
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            self.check_writable(conn, case_id)
            info = lookup.put_attachment(conn, self._desk.records, case_id, filename=path.name,
                                         media_type=media_type, kind=kind, data=data)  # fmt: skip
            audit.append(conn, operator_id=actor.id, action="attachment.add", case_id=case_id,
                         detail={"attachment": info.attachment_id})  # fmt: skip
        return info

    def attachment(self, attachment_id: str) -> bytes:
        actor = self._desk.require(Permission.VIEW_CASE)
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            found = lookup.read_attachment(conn, self._desk.records, attachment_id)
            if found is None:
                raise ValidationError("attachment", "unknown")
            audit.append(conn, operator_id=actor.id, action="attachment.view", case_id=found[0],
                         detail={"attachment": attachment_id})  # fmt: skip
        return found[1]

    # -- alerts --------------------------------------------------------------------------------------------

    def permit_alerts(self, on: date | None = None, within_days: int | None = None) -> list[PermitAlert]:
        """Permits expiring within the desk's alert window (default 60 days), or already expired."""
        days = within_days if within_days is not None else self._desk.settings().permit_alert_days
        records = self._desk.records
        pairs = []
        with self._desk.vault.engine.connect() as conn:
            for stored in records.of_kind(conn, CASE_KIND):
                if stored.payload["meta"].get("status") == "chiuso":
                    continue
                permit = stored_permit(stored.payload["person"])
                if permit is not None:
                    pairs.append((stored.case_id, permit))
        return expiring_permits(pairs, on or date.today(), days)

    # -- import / export -----------------------------------------------------------------------------------

    def import_results(self, results: Iterable[interchange.RowResult], *, source: str = "import") -> ImportReport:
        """Import the valid rows in one transaction; a row already imported before (same content) is skipped."""
        self._desk.require(Permission.EDIT_CASE)
        report = ImportReport()
        fresh: list[tuple[interchange.RowResult, dict[str, Any]]] = []
        with self._desk.vault.engine.connect() as conn:
            for result in results:
                if result.record is None:
                    report.rejected.append(result)
                    continue
                if result.warnings:
                    report.warnings.append(result)
                canonical = interchange.record_to_dict(result.record)
                if lookup.find(conn, self._desk.records, [_fingerprint(canonical)]):
                    report.already_present.append(result.row)
                    continue
                fresh.append((result, canonical))
        if fresh:
            # One transaction for every valid row and its fingerprint: a re-run after a crash finds all or none.
            report.imported = self._store_new(
                [c for _, c in fresh],
                source=source,
                today=None,
                action="case.import",
                extra_keys=[[_fingerprint(c)] for _, c in fresh],
            )
        return report

    def export(self) -> list[interchange.InterchangeRecord]:
        actor = self._desk.require(Permission.EXPORT)
        out = []
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            stored = list(self._desk.records.of_kind(conn, CASE_KIND))
            audit.append(conn, operator_id=actor.id, action="case.export", detail={"cases": len(stored)})
        for s in stored:
            result = interchange.parse_record(s.payload["person"], today=date.max)
            if result.record is not None:
                out.append(result.record)
        return out


def _fingerprint(canonical: dict[str, Any]) -> str:
    return "import:" + json.dumps(canonical, sort_keys=True, ensure_ascii=False)
