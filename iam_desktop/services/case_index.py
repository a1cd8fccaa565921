"""The in-memory index behind the case list: one small row per case, decrypted once after unlock and kept in step
with every write, so search-as-you-type never touches the disk or decrypts again. Dropped on lock."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from iam_desktop.domain.duplicates import fold


class SortKey(StrEnum):
    NAME = "name"
    OPENED = "opened"
    PERMIT = "permit"
    STEP = "step"


@dataclass(frozen=True)
class CaseRow:
    """What the case list shows and searches. Lives only in memory while unlocked."""

    case_id: str
    family_name: str
    given_names: str
    codice_fiscale: str
    phone: str
    status: str
    step: int
    operator_id: str
    opened: str
    permit_expires: str | None
    haystack: str

    @property
    def display_name(self) -> str:
        return f"{self.family_name.upper()} {self.given_names}".strip()

    def permit_days_left(self, on: date) -> int | None:
        return None if self.permit_expires is None else (date.fromisoformat(self.permit_expires) - on).days


_DIGITS = re.compile(r"\D")


def _strings(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def make_row(case_id: str, person: dict[str, Any], meta: dict[str, Any]) -> CaseRow:
    given = " ".join(_strings(person.get("given_names")))
    family = str(person.get("family_name", ""))
    aliases = [a if isinstance(a, str) else str(a.get("text", "")) for a in person.get("aliases") or []]
    codes = [str(person.get("codice_fiscale") or ""), *_strings(person.get("codice_fiscale_history"))]
    phone = str(person.get("phone") or "")
    permit = person.get("permit") or {}
    expires = permit.get("expires") if isinstance(permit, dict) else None
    haystack = " | ".join([fold(f"{given} {family}"), fold(f"{family} {given}"), *map(fold, aliases),
                           *(c.lower() for c in codes if c), _DIGITS.sub("", phone)])  # fmt: skip
    return CaseRow(
        case_id=case_id,
        family_name=family,
        given_names=given,
        codice_fiscale=codes[0],
        phone=phone,
        status=str(meta.get("status", "")),
        step=int(str(meta.get("step", 1))),
        operator_id=str(meta.get("operator", "")),
        opened=str(meta.get("opened", "")),
        permit_expires=str(expires) if expires else None,
        haystack=haystack,
    )


class CaseIndex:
    def __init__(self, rows: Iterable[CaseRow] = ()) -> None:
        self._rows: dict[str, CaseRow] = {r.case_id: r for r in rows}

    def __len__(self) -> int:
        return len(self._rows)

    def put(self, row: CaseRow) -> None:
        self._rows[row.case_id] = row

    def get(self, case_id: str) -> CaseRow | None:
        return self._rows.get(case_id)

    def search(
        self,
        text: str = "",
        *,
        status: str | None = None,
        step: int | None = None,
        operator_id: str | None = None,
        sort: SortKey = SortKey.NAME,
    ) -> list[CaseRow]:
        """Every word of ``text`` must appear in a row's names, aliases, codice fiscale or phone digits."""
        words = [w for w in fold(text).split(" ") if w]
        digit_words = [_DIGITS.sub("", w) for w in words]
        out = []
        for row in self._rows.values():
            if status is not None and row.status != status:
                continue
            if step is not None and row.step != step:
                continue
            if operator_id is not None and row.operator_id != operator_id:
                continue
            hay = row.haystack
            if all(w in hay or (d and d in hay) for w, d in zip(words, digit_words, strict=True)):
                out.append(row)
        if sort is SortKey.OPENED:
            out.sort(key=lambda r: (r.opened, r.case_id), reverse=True)
        elif sort is SortKey.PERMIT:
            out.sort(key=lambda r: (r.permit_expires is None, r.permit_expires or "", r.family_name.casefold()))
        elif sort is SortKey.STEP:
            out.sort(key=lambda r: (r.step, r.family_name.casefold(), r.given_names.casefold()))
        else:
            out.sort(key=lambda r: (r.family_name.casefold(), r.given_names.casefold(), r.case_id))
        return out
