"""Dates as this population has them: a birth date is often known only by year, or by year and month, so a
``PartialDate`` keeps exactly the precision that was declared and never invents a day. This module also owns the
date rules shared by documents and consents (no impossible dates, no future issue dates, expiry after issue) and the
codes they raise."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from iam_desktop.domain.errors import ValidationError

# Oldest plausible birth year: older values are almost always typos (1099 for 1990) and must be re-checked.
MIN_BIRTH_YEAR = 1900

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# Spreadsheets exported by Italian Excel write dd/mm/yyyy; mm/yyyy appears for partially known birth dates.
_ITALIAN = re.compile(r"^(?:(\d{1,2})[/.])?(\d{1,2})[/.](\d{4})$")


@dataclass(frozen=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValidationError("date", "date_format")

    @property
    def precision(self) -> str:
        """``year``, ``month`` or ``day``."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def is_complete(self) -> bool:
        return self.day is not None

    def to_date(self) -> date:
        """The full date; only for complete dates (a caller that needs a day must ask for one)."""
        if self.month is None or self.day is None:
            raise ValidationError("date", "date_incomplete")
        return date(self.year, self.month, self.day)

    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def could_be(self, day: date) -> bool:
        """True when ``day`` is compatible with what is known."""
        return self.earliest() <= day <= self.latest()

    def isoformat(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.isoformat()

    @classmethod
    def from_date(cls, day: date) -> PartialDate:
        return cls(day.year, day.month, day.day)


def _build(field: str, year: int, month: int | None, day: int | None) -> PartialDate:
    if month is not None and not 1 <= month <= 12:
        raise ValidationError(field, "date_impossible", value=f"{year}-{month}")
    if day is not None:
        assert month is not None
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise ValidationError(field, "date_impossible", value=f"{year:04d}-{month:02d}-{day:02d}")
    if year < 1:
        raise ValidationError(field, "date_impossible", value=str(year))
    return PartialDate(year, month, day)


def parse_partial_date(text: str, field: str = "date", *, italian: bool = False) -> PartialDate:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; with ``italian`` also ``DD/MM/YYYY`` and ``MM/YYYY`` (spreadsheets).

    Raises ``ValidationError`` with code ``date_format`` (unreadable) or ``date_impossible`` (2026-02-30)."""
    value = text.strip()
    match = _ISO.match(value)
    if match:
        year, month, day = match.groups()
        return _build(field, int(year), int(month) if month else None, int(day) if day else None)
    if italian:
        match = _ITALIAN.match(value)
        if match:
            day, month, year = match.groups()
            return _build(field, int(year), int(month), int(day) if day else None)
    raise ValidationError(field, "date_format", value=value[:40])


def parse_date(text: str, field: str = "date", *, italian: bool = False) -> date:
    """A complete date (documents, consents). Code ``date_incomplete`` when only a year or month is given."""
    partial = parse_partial_date(text, field, italian=italian)
    if not partial.is_complete:
        raise ValidationError(field, "date_incomplete", value=partial.isoformat())
    return partial.to_date()


def check_not_future(value: PartialDate | date, field: str, today: date) -> None:
    """Birth and issue dates cannot lie after ``today`` (code ``date_future``)."""
    earliest = value.earliest() if isinstance(value, PartialDate) else value
    if earliest > today:
        raise ValidationError(field, "date_future", value=str(value), today=today.isoformat())


def check_birth_date(value: PartialDate, field: str, today: date) -> None:
    """Not in the future and not before ``MIN_BIRTH_YEAR`` (code ``date_too_old``)."""
    check_not_future(value, field, today)
    if value.year < MIN_BIRTH_YEAR:
        raise ValidationError(field, "date_too_old", value=value.isoformat(), minimum=MIN_BIRTH_YEAR)


def check_order(start: date, end: date, field: str) -> None:
    """``end`` must not come before ``start`` (an expiry before the issue date; code ``date_order``)."""
    if end < start:
        raise ValidationError(field, "date_order", start=start.isoformat(), end=end.isoformat())


def age_on(birth: PartialDate, day: date) -> int:
    """Age in completed years on ``day``, using the latest compatible birth date (never over-states an age)."""
    latest = birth.latest()
    return day.year - latest.year - ((day.month, day.day) < (latest.month, latest.day))
