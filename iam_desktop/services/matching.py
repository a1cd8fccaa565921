"""Opportunità compatibili: the catalogue ranked for one case (``desk.network.matching``). Builds the matching
profile from the case — step, skills (intake ``extra.skills``), Italian level, household size (``extra.household``)
and territory preferences (``extra.territories``, else the desk's territory) — and hands it to the pure ranking of
``iam_desktop.domain.matching``. Reads only; no personal data leaves the profile."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from iam_desktop.domain.catalogue import CEFR_ORDER, EntryKind
from iam_desktop.domain.matching import Match, Profile, rank
from iam_desktop.domain.roles import Permission

if TYPE_CHECKING:
    from .desk import Desk


def profile_of(person: Mapping[str, Any], meta: Mapping[str, Any], extra: Mapping[str, Any], territory: str) -> Profile:
    level = person.get("italian_level") or ""
    if isinstance(level, Mapping):
        # The weakest stated skill decides: a course in B1 needs every skill at B1.
        known = [str(v) for v in level.values() if str(v) in CEFR_ORDER]
        level = min(known, key=CEFR_ORDER.index) if known else ""
    skills = extra.get("skills") or []
    household = extra.get("household")
    size = 1 + (len(household) if isinstance(household, list) else int(household or 0))
    territories = extra.get("territories") or ([territory] if territory else [])
    return Profile(
        step=int(meta.get("step") or 1),
        skills=frozenset(str(s).lower() for s in skills if isinstance(s, str)),
        italian_level=str(level),
        household_size=size,
        territories=tuple(str(t) for t in territories),
    )


class Matching:
    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    def for_case(self, case_id: str, *, kind: EntryKind | None = None, on: date | None = None) -> list[Match]:
        self._desk.require(Permission.VIEW_CASE)
        case = self._desk.cases.open(case_id)
        profile = profile_of(case.person, case.meta, case.extra, self._desk.profile.territory)
        return rank(self._desk.network.catalogue.entries(), profile, on or date.today(), kind=kind)
