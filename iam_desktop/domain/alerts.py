"""Follow-up alerts computed from case data for a given day: permits of stay that expire within N days (60 by
default, configurable per desk) or have expired. A renewal is slow (months at some Questure), so the desk must start
the paperwork early; the alert also says whether the renewal receipt is already on file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from iam_desktop.domain.documents import PermessoDiSoggiorno

DEFAULT_DAYS = 60


class AlertLevel(StrEnum):
    """``scaduto``: already expired; ``in_scadenza``: expiring within the window."""

    SCADUTO = "scaduto"
    IN_SCADENZA = "in_scadenza"


@dataclass(frozen=True)
class PermitAlert:
    case_id: str
    expires: date
    days_left: int
    level: AlertLevel
    renewal_requested: bool


def permit_alert(
    case_id: str, permit: PermessoDiSoggiorno, on: date, within_days: int = DEFAULT_DAYS
) -> PermitAlert | None:
    """The alert for one permit on ``on``, or None when it expires later than ``within_days`` from then."""
    if within_days < 0:
        raise ValueError("within_days must not be negative")
    days_left = (permit.expires - on).days
    if days_left > within_days:
        return None
    level = AlertLevel.SCADUTO if days_left < 0 else AlertLevel.IN_SCADENZA
    return PermitAlert(case_id, permit.expires, days_left, level, permit.renewal_receipt is not None)


def expiring_permits(
    permits: Iterable[tuple[str, PermessoDiSoggiorno]], on: date, within_days: int = DEFAULT_DAYS
) -> list[PermitAlert]:
    """Alerts for (case_id, current permit) pairs, the most urgent first. Pass each case's current permit only:
    an old permit replaced by a new one is not an alert."""
    alerts = [a for case_id, permit in permits if (a := permit_alert(case_id, permit, on, within_days))]
    return sorted(alerts, key=lambda a: (a.expires, a.case_id))
