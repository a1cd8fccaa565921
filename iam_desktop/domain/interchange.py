"""The interchange format for importing and exporting people (docs/interchange.md): one JSON object per line
(JSON Lines), or a CSV exported from Excel — Windows-1252 or UTF-8, with or without a BOM, comma or semicolon
separated, Italian dd/mm/yyyy dates, with an optional column-mapping file from the desk's own headings to ours.
Every row is validated field by field and comes back as a ``RowResult`` holding either the record or *all* the
reasons it was refused; nothing is dropped silently. Serialisation is canonical, so parse → serialise → parse gives
the same records. File reading happens only in the ``read_*``/``load_*`` functions; the vault is not touched."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from iam_desktop.domain.codice_fiscale import CodiceFiscaleHistory, consistency_notices, parse_codice_fiscale
from iam_desktop.domain.consent import DEFAULT_BASIS, Consent, parse_lawful_basis, parse_purpose, validate_consent
from iam_desktop.domain.dates import PartialDate, check_birth_date, parse_date, parse_partial_date
from iam_desktop.domain.documents import (
    PermessoDiSoggiorno,
    RenewalReceipt,
    parse_document_number,
    parse_permit_type,
    parse_questura,
    validate_permit,
)
from iam_desktop.domain.errors import ValidationError
from iam_desktop.domain.notices import FieldError, Notice
from iam_desktop.domain.person import (
    Alias,
    AliasKind,
    Person,
    Sex,
    parse_codes,
    parse_country,
    parse_email,
    parse_italian_level,
    parse_language,
    parse_name,
    parse_phone,
)
from iam_desktop.domain.protection import ProtectionStatus, parse_protection_status

FIELDS = (
    "given_names", "family_name", "aliases", "sex", "birth_date", "birth_country", "citizenships", "languages",
    "italian_level", "codice_fiscale", "codice_fiscale_history", "protection_status", "permit", "phone", "email",
    "notes", "consents",
)  # fmt: skip
PERMIT_FIELDS = ("type", "number", "questura", "issued", "expires", "renewal_receipt")
CONSENT_FIELDS = ("purpose", "lawful_basis", "date", "text_version", "language", "granted")
MAX_NOTES = 4000
# Words found in desks' spreadsheets for the sex column.
_SEX_WORDS = {"f": Sex.F, "femmina": Sex.F, "donna": Sex.F, "female": Sex.F, "m": Sex.M, "maschio": Sex.M,
              "uomo": Sex.M, "male": Sex.M, "x": Sex.X}  # fmt: skip
_LIST_FIELDS = ("given_names", "aliases", "citizenships", "languages", "codice_fiscale_history")


@dataclass(frozen=True)
class InterchangeRecord:
    """What one row carries: the person, their protection status and current permit, notes and consents."""

    person: Person
    protection_status: ProtectionStatus | None = None
    permit: PermessoDiSoggiorno | None = None
    notes: str = ""
    consents: tuple[Consent, ...] = ()


@dataclass(frozen=True)
class RowResult:
    """``row`` is the 1-based line in the file. ``record`` is None exactly when ``errors`` is not empty."""

    row: int
    record: InterchangeRecord | None
    errors: tuple[FieldError, ...] = ()
    warnings: tuple[Notice, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


class _Row:
    """Collects every field error of a row instead of stopping at the first."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []
        self.warnings: list[Notice] = []

    def take(self, parse: Callable[[], Any]) -> Any:
        try:
            return parse()
        except ValidationError as error:
            params = {k: v for k, v in error.params.items() if k not in ("field", "code")}
            self.errors.append(FieldError(error.field, error.code, params))
            return None


def _text(value: object, field: str) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValidationError(field, "type_string")
    return str(value)


def _list(value: object, field: str) -> list[object]:
    if isinstance(value, str):
        return (
            [v.strip() for v in value.replace(",", "|").split("|") if v.strip()]
            if field != "given_names"
            else [v.strip() for v in value.split("|") if v.strip()]
        )
    if not isinstance(value, list):
        raise ValidationError(field, "type_list")
    return value


def _alias(value: object, field: str) -> Alias:
    if isinstance(value, Mapping):
        kind = _text(value.get("kind", "alias"), f"{field}.kind")
        try:
            alias_kind = AliasKind(kind)
        except ValueError:
            raise ValidationError(f"{field}.kind", "alias_kind_unknown", value=kind[:20]) from None
        return Alias(parse_name(_text(value.get("text", ""), f"{field}.text"), f"{field}.text"), alias_kind)
    return Alias(parse_name(_text(value, field), field))


def _sex(value: object) -> Sex:
    word = _text(value, "sex").strip().lower()
    if word not in _SEX_WORDS:
        raise ValidationError("sex", "sex_unknown", value=word[:20])
    return _SEX_WORDS[word]


def _birth_date(value: object, today: date, italian: bool) -> PartialDate:
    birth = parse_partial_date(_text(value, "birth_date"), "birth_date", italian=italian)
    check_birth_date(birth, "birth_date", today)
    return birth


def _permit(value: object, today: date, italian: bool) -> PermessoDiSoggiorno:
    if not isinstance(value, Mapping):
        raise ValidationError("permit", "type_object")
    for key in ("type", "number", "questura", "issued", "expires"):
        if value.get(key) in (None, ""):
            raise ValidationError(f"permit.{key}", "required")
    receipt = None
    if value.get("renewal_receipt"):
        raw = value["renewal_receipt"]
        if not isinstance(raw, Mapping):
            raise ValidationError("permit.renewal_receipt", "type_object")
        receipt = RenewalReceipt(
            parse_document_number(_text(raw.get("number", ""), "permit.renewal_receipt.number"),
                                  "permit.renewal_receipt.number"),
            parse_date(_text(raw.get("date", ""), "permit.renewal_receipt.date"), "permit.renewal_receipt.date",
                       italian=italian),
        )  # fmt: skip
    permit = PermessoDiSoggiorno(
        type=parse_permit_type(_text(value["type"], "permit.type")),
        number=parse_document_number(_text(value["number"], "permit.number"), "permit.number"),
        questura=parse_questura(_text(value["questura"], "permit.questura")),
        issued=parse_date(_text(value["issued"], "permit.issued"), "permit.issued", italian=italian),
        expires=parse_date(_text(value["expires"], "permit.expires"), "permit.expires", italian=italian),
        renewal_receipt=receipt,
    )
    validate_permit(permit, today)
    return permit


def _consent(value: object, field: str, today: date, italian: bool) -> Consent:
    if not isinstance(value, Mapping):
        raise ValidationError(field, "type_object")
    for key in ("purpose", "date", "text_version", "language"):
        if value.get(key) in (None, ""):
            raise ValidationError(f"{field}.{key}", "required")
    purpose = parse_purpose(_text(value["purpose"], f"{field}.purpose"), f"{field}.purpose")
    basis = value.get("lawful_basis")
    granted = value.get("granted", True)
    if not isinstance(granted, bool):
        raise ValidationError(f"{field}.granted", "type_boolean")
    consent = Consent(
        purpose=purpose,
        lawful_basis=parse_lawful_basis(_text(basis, f"{field}.lawful_basis"), f"{field}.lawful_basis")
        if basis
        else DEFAULT_BASIS[purpose],
        date=parse_date(_text(value["date"], f"{field}.date"), f"{field}.date", italian=italian),
        text_version=_text(value["text_version"], f"{field}.text_version").strip(),
        language=parse_language(_text(value["language"], f"{field}.language"), f"{field}.language"),
        granted=granted,
    )
    validate_consent(consent, today, field)
    return consent


def parse_record(data: object, row: int = 1, *, today: date, italian_dates: bool = False) -> RowResult:
    """Validate one record (a decoded JSON object, or a CSV row already turned into one)."""
    if not isinstance(data, Mapping):
        return RowResult(row, None, (FieldError("", "type_object"),))
    r = _Row()
    for key in data:
        if key not in FIELDS:
            r.warnings.append(Notice(str(key)[:60], "unknown_field"))
    for key in ("given_names", "family_name"):
        if data.get(key) in (None, "", []):
            r.errors.append(FieldError(key, "required"))

    def given() -> tuple[str, ...]:
        return tuple(parse_name(_text(v, f"given_names[{i}]"), f"given_names[{i}]")
                     for i, v in enumerate(_list(data["given_names"], "given_names")))  # fmt: skip

    def get(key: str, parse: Callable[[object], Any]) -> Any:
        value = data.get(key)
        return None if value in (None, "", [], {}) else r.take(lambda: parse(value))

    given_names = get("given_names", lambda v: given())
    family = get("family_name", lambda v: parse_name(_text(v, "family_name"), "family_name"))
    aliases = get("aliases", lambda v: tuple(_alias(a, f"aliases[{i}]") for i, a in enumerate(_list(v, "aliases"))))
    sex = get("sex", _sex)
    birth = get("birth_date", lambda v: _birth_date(v, today, italian_dates))
    birth_country = get("birth_country", lambda v: parse_country(_text(v, "birth_country"), "birth_country"))
    citizenships = get("citizenships", lambda v: parse_codes(map(str, _list(v, "citizenships")), "citizenships"))
    languages = get("languages", lambda v: parse_codes(map(str, _list(v, "languages")), "languages", languages=True))
    level = get("italian_level", parse_italian_level)
    history = CodiceFiscaleHistory()
    previous = get(
        "codice_fiscale_history",
        lambda v: [parse_codice_fiscale(_text(c, f"codice_fiscale_history[{i}]"), f"codice_fiscale_history[{i}]")
                   for i, c in enumerate(_list(v, "codice_fiscale_history"))],
    )  # fmt: skip
    current = get("codice_fiscale", lambda v: parse_codice_fiscale(_text(v, "codice_fiscale")))
    for code in [*(previous or []), *([current] if current else [])]:
        try:
            history = history.record(code)
        except ValidationError as error:
            r.errors.append(FieldError(error.field, error.code))
    if current is not None:
        r.warnings.extend(consistency_notices(current, sex=sex, birth_date=birth, birth_country=birth_country))
    status = get("protection_status", lambda v: parse_protection_status(_text(v, "protection_status")))
    permit = get("permit", lambda v: _permit(v, today, italian_dates))
    phone = get("phone", lambda v: parse_phone(_text(v, "phone")))
    email = get("email", lambda v: parse_email(_text(v, "email")))
    notes = get("notes", lambda v: _text(v, "notes").strip())
    if notes and len(notes) > MAX_NOTES:
        r.errors.append(FieldError("notes", "text_length", {"maximum": MAX_NOTES}))
    consents = get(
        "consents",
        lambda v: tuple(
            _consent(c, f"consents[{i}]", today, italian_dates) for i, c in enumerate(_list(v, "consents"))
        ),
    )
    if r.errors:
        return RowResult(row, None, tuple(r.errors), tuple(r.warnings))
    person = Person(
        given_names=given_names,
        family_name=family,
        aliases=aliases or (),
        sex=sex,
        birth_date=birth,
        birth_country=birth_country,
        citizenships=citizenships or (),
        languages=languages or (),
        italian_level=level or {},
        codici_fiscali=history,
        phone=phone,
        email=email,
    )
    record = InterchangeRecord(person, status, permit, notes or "", consents or ())
    return RowResult(row, record, (), tuple(r.warnings))


def record_to_dict(record: InterchangeRecord) -> dict[str, Any]:
    """Canonical JSON-ready form: empty fields left out, lists in their stored order, dates ISO."""
    p = record.person
    out: dict[str, Any] = {"given_names": list(p.given_names), "family_name": p.family_name}
    if p.aliases:
        out["aliases"] = [a.text if a.kind is AliasKind.ALIAS else {"text": a.text, "kind": a.kind.value}
                          for a in p.aliases]  # fmt: skip
    optional: dict[str, Any] = {
        "sex": p.sex.value if p.sex else None,
        "birth_date": p.birth_date.isoformat() if p.birth_date else None,
        "birth_country": p.birth_country,
        "citizenships": list(p.citizenships),
        "languages": list(p.languages),
        "italian_level": {k.value: v.value for k, v in p.italian_level.items()},
        "codice_fiscale": p.codici_fiscali.current.value if p.codici_fiscali.current else None,
        "codice_fiscale_history": [c.value for c in p.codici_fiscali.all_codes[:-1]],
        "protection_status": record.protection_status.value if record.protection_status else None,
        "permit": _permit_dict(record.permit) if record.permit else None,
        "phone": p.phone,
        "email": p.email,
        "notes": record.notes,
        "consents": [_consent_dict(c) for c in record.consents],
    }
    out.update({k: v for k, v in optional.items() if v not in (None, "", [], {})})
    return out


def _permit_dict(permit: PermessoDiSoggiorno) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": permit.type.value,
        "number": permit.number,
        "questura": permit.questura,
        "issued": permit.issued.isoformat(),
        "expires": permit.expires.isoformat(),
    }
    if permit.renewal_receipt:
        out["renewal_receipt"] = {
            "number": permit.renewal_receipt.number,
            "date": permit.renewal_receipt.date.isoformat(),
        }
    return out


def _consent_dict(consent: Consent) -> dict[str, Any]:
    out: dict[str, Any] = {
        "purpose": consent.purpose.value,
        "lawful_basis": consent.lawful_basis.value,
        "date": consent.date.isoformat(),
        "text_version": consent.text_version,
        "language": consent.language,
    }
    if not consent.granted:
        out["granted"] = False
    return out


def dumps_jsonl(records: Iterable[InterchangeRecord]) -> str:
    return "".join(json.dumps(record_to_dict(r), ensure_ascii=False, sort_keys=False) + "\n" for r in records)


def write_jsonl(records: Iterable[InterchangeRecord], target: Path) -> None:
    target.write_text(dumps_jsonl(records), encoding="utf-8")


def parse_jsonl(text: str, *, today: date) -> list[RowResult]:
    """One result per non-blank line; a line that is not JSON is refused with ``json_syntax``."""
    results: list[RowResult] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as error:
            column = getattr(error, "colno", 0)
            results.append(RowResult(number, None, (FieldError("", "json_syntax", {"column": column}),)))
            continue
        results.append(parse_record(data, number, today=today))
    return results


def read_jsonl(path: Path, *, today: date) -> list[RowResult]:
    return parse_jsonl(decode_text(path.read_bytes()), today=today)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 — what Excel writes as "CSV" on an Italian Windows. A BOM
    before Windows-1252 bytes is stripped too: some tools add one to whatever they save."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 reads them rather than refusing a whole file.
        return data.decode("cp1252", errors="strict") if _is_cp1252(data) else data.decode("latin-1")


def _is_cp1252(data: bytes) -> bool:
    return not any(b in data for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"))


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (";", ",", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def load_column_mapping(path: Path) -> dict[str, str]:
    """A JSON object from the spreadsheet's headings to interchange names (``"Cognome": "family_name"``,
    ``"Scadenza permesso": "permit.expires"``). Refused with ``mapping_format`` naming the file and line."""
    text = decode_text(path.read_bytes())
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValidationError("mapping", "mapping_format", path=str(path), line=error.lineno) from None
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise ValidationError("mapping", "mapping_format", path=str(path), line=1)
    for target in data.values():
        root = target.split(".")[0]
        if root not in FIELDS and root != "consent":
            raise ValidationError("mapping", "mapping_target_unknown", path=str(path), target=target)
    return data


def _nest(flat: Mapping[str, str]) -> dict[str, Any]:
    """Dotted CSV columns into the nested record; ``consent.<purpose>`` columns (a date each) into consents."""
    out: dict[str, Any] = {}
    consent_common = {
        k.split(".", 1)[1]: v for k, v in flat.items() if k in ("consent.text_version", "consent.language")
    }
    for key, value in flat.items():
        if not value.strip():
            continue
        if key.startswith("consent."):
            purpose = key.split(".", 1)[1]
            if purpose not in ("text_version", "language"):
                out.setdefault("consents", []).append({"purpose": purpose, "date": value, **consent_common})
        elif key == "consents":
            try:
                out["consents"] = json.loads(value)
            except json.JSONDecodeError:
                out["consents"] = value
        elif "." in key:
            root, sub = key.split(".", 1)
            target = out.setdefault(root, {})
            if isinstance(target, dict):
                target[sub] = value
        else:
            out[key] = value
    return out


def parse_csv(text: str, mapping: Mapping[str, str] | None = None, *, today: date) -> list[RowResult]:
    """Rows of a CSV text; headings are matched case-insensitively after applying ``mapping``."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    if not lines:
        return []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(lines[0]))
    lookup = {k.strip().casefold(): v for k, v in (mapping or {}).items()}
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return []
    names = [lookup.get(h.strip().casefold(), h.strip()) for h in header]
    results: list[RowResult] = []
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error:
            results.append(RowResult(reader.line_num, None, (FieldError("", "csv_syntax"),)))
            continue
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(names):
            results.append(RowResult(reader.line_num, None, (FieldError("", "csv_columns", {"found": len(cells)}),)))
            continue
        flat = dict(zip(names, cells, strict=False))
        results.append(parse_record(_nest(flat), reader.line_num, today=today, italian_dates=True))
    return results


def read_csv(path: Path, mapping_path: Path | None = None, *, today: date) -> list[RowResult]:
    mapping = load_column_mapping(mapping_path) if mapping_path else None
    return parse_csv(decode_text(path.read_bytes()), mapping, today=today)
