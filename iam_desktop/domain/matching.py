"""Matching ("Opportunità compatibili"): ranks catalogue entries for one person by the criteria an operator would
weigh — the pathway step, skills, Italian level, household size (housing places), territory preferences and the
availability window — and explains each match with the criteria met and not met. Partners and methodology
documents are not opportunities and are never ranked. Deterministic: the score is the weighted share of criteria
met; ties are broken by the number of criteria met, then title, then id. Pure: the day is an argument."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from iam_desktop.domain.catalogue import CatalogueEntry, EntryKind, cefr_rank

WEIGHTS = {"places": 3, "italian_level": 2, "skills": 2, "step": 1, "territory": 1, "availability": 1}
OPPORTUNITY_KINDS = (EntryKind.HOUSING, EntryKind.JOB, EntryKind.TRAINING)


@dataclass(frozen=True)
class Profile:
    """What matching knows of a person: no names, only what the criteria need."""

    step: int = 1
    skills: frozenset[str] = frozenset()
    italian_level: str = ""
    household_size: int = 1
    territories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    entry_id: str
    kind: EntryKind
    title: str
    score: float  # 0 … 1, weighted share of the criteria met
    met: tuple[str, ...]
    not_met: tuple[str, ...]


def criteria(entry: CatalogueEntry, profile: Profile, on: date) -> dict[str, bool]:
    """Each applicable criterion → met? (a criterion the entry does not state is not applicable)."""
    out: dict[str, bool] = {}
    if entry.kind is EntryKind.HOUSING:
        out["places"] = int(entry.get("places_free", 0)) >= max(profile.household_size, 1)
    elif entry.get("places_free") is not None:
        out["places"] = int(entry.get("places_free")) >= 1
    required = entry.get("italian_level")
    if required:
        out["italian_level"] = cefr_rank(profile.italian_level) >= cefr_rank(required)
    wanted = entry.get("skills")
    if wanted:
        out["skills"] = bool(set(wanted) & {s.lower() for s in profile.skills})
    if entry.get("min_step") is not None:
        out["step"] = profile.step >= int(entry.get("min_step"))
    if profile.territories and entry.territory:
        out["territory"] = entry.territory.lower() in {t.lower() for t in profile.territories}
    start, end = entry.get("available_from"), entry.get("available_until")
    if start or end:
        today = on.isoformat()
        out["availability"] = (end is None or end >= today) and (start is None or start <= today or _soon(start, on))
    return out


def _soon(start: str, on: date) -> bool:
    """Starting within 90 days counts as available: the pathway plans ahead."""
    return (date.fromisoformat(start) - on).days <= 90


def rank(
    entries: Iterable[CatalogueEntry], profile: Profile, on: date, *, kind: EntryKind | None = None
) -> list[Match]:
    matches: list[Match] = []
    for entry in entries:
        if entry.kind not in OPPORTUNITY_KINDS or (kind is not None and entry.kind is not kind):
            continue
        checks = criteria(entry, profile, on)
        total = sum(WEIGHTS[c] for c in checks)
        got = sum(WEIGHTS[c] for c, ok in checks.items() if ok)
        score = round(got / total, 4) if total else 0.0
        met = tuple(sorted(c for c, ok in checks.items() if ok))
        not_met = tuple(sorted(c for c, ok in checks.items() if not ok))
        matches.append(Match(entry.entry_id, entry.kind, entry.title, score, met, not_met))
    matches.sort(key=lambda m: (-m.score, -len(m.met), m.title, m.entry_id))
    return matches
