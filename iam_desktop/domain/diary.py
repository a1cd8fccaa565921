"""The diary of interventions (diario degli interventi): every interview, accompaniment and errand the desk does
for a person, typed so that reports can count them. The diary is append-only — an entry, once written, is never
edited or deleted, because it is the record of what the desk did; a mistake is fixed by a new entry that
``corrects`` the old one (or voids it). This module owns the entry types, their validation and the effective diary
(latest correction wins) alongside the full history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from iam_desktop.domain.errors import ValidationError

# A single intervention longer than a working day is a typo (hours typed as minutes, or a week's total).
MAX_DURATION_MINUTES = 12 * 60


class InterventionType(StrEnum):
    """``colloquio``: interview; ``orientamento_lavoro``: job orientation; ``accompagnamento_abitativo``: housing
    accompaniment (needs a ``HousingModule``); ``pratiche_burocratiche``: paperwork with offices (Questura,
    comune, INPS …); ``mediazione_linguistica``: language mediation; ``altro``: other."""

    COLLOQUIO = "colloquio"
    ORIENTAMENTO_LAVORO = "orientamento_lavoro"
    ACCOMPAGNAMENTO_ABITATIVO = "accompagnamento_abitativo"
    PRATICHE_BUROCRATICHE = "pratiche_burocratiche"
    MEDIAZIONE_LINGUISTICA = "mediazione_linguistica"
    ALTRO = "altro"


class HousingModule(StrEnum):
    """The three modules of housing accompaniment: ``economia_domestica`` (domestic economy: budget, bills),
    ``mediazione_conflitti`` (conflict mediation with flatmates and neighbours), ``gestione_spazi_comuni``
    (managing shared spaces: cleaning rota, rules of the house)."""

    ECONOMIA_DOMESTICA = "economia_domestica"
    MEDIAZIONE_CONFLITTI = "mediazione_conflitti"
    GESTIONE_SPAZI_COMUNI = "gestione_spazi_comuni"


@dataclass(frozen=True)
class DiaryEntry:
    entry_id: str
    case_id: str
    type: InterventionType
    date: dt.date
    duration_minutes: int
    operator_id: str
    recorded_at: dt.datetime
    """When the entry was written (not when the intervention happened): orders corrections."""
    participants: tuple[str, ...] = ()
    note: str = ""
    module: HousingModule | None = None
    corrects: str | None = None
    """The entry this one replaces; the replaced entry stays in the history."""
    voids: bool = False
    """A correction that withdraws the corrected entry (recorded in the wrong case, never happened)."""


@dataclass(frozen=True)
class EffectiveEntry:
    """What the diary says now about one intervention: ``current`` is the latest version, ``history`` every version
    from the original to ``current``."""

    original_id: str
    current: DiaryEntry
    history: tuple[DiaryEntry, ...]

    @property
    def corrected(self) -> bool:
        return len(self.history) > 1


def validate_entry(entry: DiaryEntry, diary: Sequence[DiaryEntry], today: dt.date) -> None:
    """Refuses ``duplicate_id``, an intervention dated in the future (``date_future``), a duration outside
    1–720 minutes (``duration_range``), an accompaniment without its module or a module on another type
    (``module_missing`` / ``module_not_allowed``), a correction of an unknown entry or one of another case
    (``corrects_unknown``), and ``voids`` on an entry that corrects nothing (``voids_without_corrects``)."""
    if any(e.entry_id == entry.entry_id for e in diary):
        raise ValidationError("entry", "duplicate_id", id=entry.entry_id)
    if entry.date > today:
        raise ValidationError("entry.date", "date_future", value=entry.date.isoformat(), today=today.isoformat())
    if not 1 <= entry.duration_minutes <= MAX_DURATION_MINUTES:
        raise ValidationError("entry.duration_minutes", "duration_range", value=entry.duration_minutes)
    if entry.type is InterventionType.ACCOMPAGNAMENTO_ABITATIVO and entry.module is None:
        raise ValidationError("entry.module", "module_missing")
    if entry.type is not InterventionType.ACCOMPAGNAMENTO_ABITATIVO and entry.module is not None:
        raise ValidationError("entry.module", "module_not_allowed", type=entry.type.value)
    if not entry.operator_id.strip():
        raise ValidationError("entry.operator_id", "text_missing")
    if entry.corrects is not None:
        target = next((e for e in diary if e.entry_id == entry.corrects), None)
        if target is None or target.case_id != entry.case_id:
            raise ValidationError("entry.corrects", "corrects_unknown", corrects=entry.corrects)
    elif entry.voids:
        raise ValidationError("entry.voids", "voids_without_corrects")


def append(diary: Sequence[DiaryEntry], entry: DiaryEntry, today: dt.date) -> tuple[DiaryEntry, ...]:
    """The diary with ``entry`` at the end, after ``validate_entry``. There is no edit or delete."""
    validate_entry(entry, diary, today)
    return (*diary, entry)


def _root(entry: DiaryEntry, by_id: dict[str, DiaryEntry]) -> str:
    seen: set[str] = set()
    while entry.corrects is not None and entry.corrects in by_id and entry.entry_id not in seen:
        seen.add(entry.entry_id)
        entry = by_id[entry.corrects]
    return entry.entry_id


def effective(diary: Iterable[DiaryEntry], *, include_voided: bool = False) -> list[EffectiveEntry]:
    """One item per intervention, showing its latest version, ordered by the intervention's date. A correction of
    a correction belongs to the same original. "Latest" is by ``recorded_at``, then by position in the diary (two
    devices may write in the same second; sync delivers them in a stable order). Voided interventions are left out
    unless ``include_voided``."""
    entries = list(diary)
    by_id = {e.entry_id: e for e in entries}
    chains: dict[str, list[tuple[int, DiaryEntry]]] = {}
    for position, entry in enumerate(entries):
        chains.setdefault(_root(entry, by_id), []).append((position, entry))
    result: list[EffectiveEntry] = []
    for root, versions in chains.items():
        ordered = [e for _, e in sorted(versions, key=lambda pe: (pe[1].entry_id != root, pe[1].recorded_at, pe[0]))]
        current = ordered[-1]
        if current.voids and not include_voided:
            continue
        result.append(EffectiveEntry(root, current, tuple(ordered)))
    return sorted(result, key=lambda e: (e.current.date, e.history[0].recorded_at, e.original_id))


def minutes_by_type(diary: Iterable[DiaryEntry]) -> dict[InterventionType, int]:
    """Total minutes per intervention type over the effective diary (for reports)."""
    totals: dict[InterventionType, int] = {}
    for item in effective(diary):
        totals[item.current.type] = totals.get(item.current.type, 0) + item.current.duration_minutes
    return totals
