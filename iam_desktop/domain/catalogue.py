"""The network's shared catalogue (DESIGN.md §1 "Network"): partner organisations, housing (co-housing units and
other places), job and internship opportunities, training courses and self-entrepreneurship programmes, and the
methodology library. Entries hold no personal data. This module validates one entry or a whole catalogue document
into :class:`CatalogueEntry` values; an invalid entry raises :class:`ValidationError` whose field names the entry
(``entries[3:job-padova-1].italian_level``) and whose code says what is wrong. Pure: no I/O, no clock."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from iam_desktop.domain.errors import ValidationError

CEFR_ORDER = ("A0", "A1", "A2", "B1", "B2", "C1", "C2")
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")
CATALOGUE_FORMAT = "iam-catalogue/1"


class EntryKind(StrEnum):
    PARTNER = "partner"
    HOUSING = "housing"
    JOB = "job"  # jobs and internships (tirocini)
    TRAINING = "training"  # courses and self-entrepreneurship programmes
    METHODOLOGY = "methodology"


# Fields each kind may carry besides the common ones (id, kind, title, territory, notes).
_FIELDS: dict[EntryKind, tuple[str, ...]] = {
    EntryKind.PARTNER: ("sector", "contacts", "services"),
    EntryKind.HOUSING: ("area", "places", "places_free", "rules", "monthly_cost_eur", "min_step", "available_from",
                        "available_until"),
    EntryKind.JOB: ("employer", "sector", "contract", "skills", "italian_level", "min_step", "available_from",
                    "available_until"),
    EntryKind.TRAINING: ("provider", "sector", "programme", "skills", "italian_level", "min_step",
                         "available_from", "available_until", "places_free"),
    EntryKind.METHODOLOGY: ("version", "language", "file"),
}  # fmt: skip
_COMMON = ("id", "kind", "title", "territory", "notes")
_INTS = ("places", "places_free", "monthly_cost_eur", "min_step")
_DATES = ("available_from", "available_until")
_LISTS = ("skills", "services")


@dataclass(frozen=True)
class CatalogueEntry:
    entry_id: str
    kind: EntryKind
    title: str
    territory: str = ""
    fields: Mapping[str, Any] = field(default_factory=dict)

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.entry_id, "kind": self.kind.value, "title": self.title, "territory": self.territory,
                **dict(self.fields)}  # fmt: skip


def cefr_rank(level: str) -> int:
    """Position of a CEFR level (A0 = 0 … C2 = 6); -1 for an unknown level."""
    return CEFR_ORDER.index(level) if level in CEFR_ORDER else -1


def parse_entry(raw: object, where: str = "entry") -> CatalogueEntry:
    """One entry from its JSON form. ``where`` prefixes every error's field (the caller names the entry)."""
    if not isinstance(raw, Mapping):
        raise ValidationError(where, "type_object")
    entry_id = raw.get("id")
    if not isinstance(entry_id, str) or not _ID.match(entry_id):
        raise ValidationError(f"{where}.id", "catalogue_id_invalid")
    try:
        kind = EntryKind(str(raw.get("kind", "")))
    except ValueError:
        raise ValidationError(f"{where}.kind", "catalogue_kind_unknown", value=str(raw.get("kind"))[:20]) from None
    title = raw.get("title")
    if not isinstance(title, str) or not title.strip():
        raise ValidationError(f"{where}.title", "required")
    allowed = set(_COMMON) | set(_FIELDS[kind])
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise ValidationError(f"{where}.{unknown[0]}", "catalogue_field_unknown")
    values: dict[str, Any] = {}
    for name in _FIELDS[kind] + ("notes",):
        if name in raw and raw[name] is not None:
            values[name] = _value(name, raw[name], f"{where}.{name}")
    if kind is EntryKind.HOUSING:
        if "places" not in values:
            raise ValidationError(f"{where}.places", "required")
        if values.get("places_free", 0) > values["places"]:
            raise ValidationError(f"{where}.places_free", "catalogue_places_free_exceeds_places")
    if kind is EntryKind.METHODOLOGY and "version" not in values:
        raise ValidationError(f"{where}.version", "required")
    start, end = values.get("available_from"), values.get("available_until")
    if start and end and end < start:
        raise ValidationError(f"{where}.available_until", "catalogue_dates_reversed")
    territory = raw.get("territory", "")
    if not isinstance(territory, str):
        raise ValidationError(f"{where}.territory", "type_string")
    return CatalogueEntry(entry_id, kind, title.strip(), territory.strip(), values)


def _value(name: str, value: object, where: str) -> Any:
    if name in _INTS:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValidationError(where, "catalogue_number_invalid")
        return value
    if name in _DATES:
        if not isinstance(value, str):
            raise ValidationError(where, "type_string")
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            raise ValidationError(where, "date_invalid") from None
    if name in _LISTS:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValidationError(where, "type_list")
        return sorted({v.strip().lower() for v in value if v.strip()})
    if name == "italian_level":
        if value not in CEFR_ORDER:
            raise ValidationError(where, "cefr_invalid")
        return value
    if name == "contacts":
        if not isinstance(value, Mapping):
            raise ValidationError(where, "type_object")
        return {str(k): str(v) for k, v in value.items()}
    if not isinstance(value, str):
        raise ValidationError(where, "type_string")
    return value


def parse_catalogue(document: object) -> list[CatalogueEntry]:
    """Every entry of a catalogue file ``{"format": …, "entries": [...]}``; the first broken entry stops the
    import (nothing is half-imported) with an error naming its position and id."""
    if not isinstance(document, Mapping) or document.get("format") != CATALOGUE_FORMAT:
        raise ValidationError("catalogue.format", "catalogue_format_unknown")
    entries = document.get("entries")
    if not isinstance(entries, list):
        raise ValidationError("catalogue.entries", "type_list")
    out: list[CatalogueEntry] = []
    seen: set[str] = set()
    for index, raw in enumerate(entries):
        label = raw.get("id") if isinstance(raw, Mapping) else None
        where = f"entries[{index}:{label}]" if isinstance(label, str) else f"entries[{index}]"
        entry = parse_entry(raw, where)
        if entry.entry_id in seen:
            raise ValidationError(f"{where}.id", "catalogue_id_duplicate")
        seen.add(entry.entry_id)
        out.append(entry)
    return out
