"""Referrals (invii) between desks: a desk proposes to another desk (or to a partner) a housing place, a job, a
course or the full transfer of a case; the receiver accepts or declines with a reason; the sender may withdraw
while it is pending. The referral is a flat record synced like any other, so each party writes only its own fields
(the sender ``withdrawn_at``, the receiver ``response``): edits made offline on both sides never overwrite each
other, and :func:`state_of` derives one state from them — a withdrawal wins over an answer given without having
seen it, which is reported as the problem ``answered_after_withdrawal``. Pure; errors carry codes only."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from iam_desktop.domain.errors import ValidationError

REFERRAL_KIND = "referral"
SHAREABLE = ("identity", "documents", "status", "skills", "plan", "history")


class Purpose(StrEnum):
    HOUSING = "housing"
    JOB = "job"
    TRAINING = "training"
    TRANSFER = "transfer"


class State(StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


def parse_purpose(raw: str) -> Purpose:
    try:
        return Purpose(raw)
    except ValueError:
        raise ValidationError("purpose", "referral_purpose_unknown", value=raw[:20]) from None


def validate_share(share: Iterable[str]) -> list[str]:
    items = sorted(set(share))
    for item in items:
        if item not in SHAREABLE:
            raise ValidationError("share", "referral_share_unknown", value=item[:20])
    return items


def state_of(payload: Mapping[str, Any]) -> State:
    if payload.get("withdrawn_at"):
        return State.WITHDRAWN
    response = payload.get("response")
    if isinstance(response, Mapping) and response.get("decision") in ("accepted", "declined"):
        return State(str(response["decision"]))
    return State.PROPOSED


def problems(payload: Mapping[str, Any]) -> list[str]:
    """What both desks must be shown about this referral (codes)."""
    response = payload.get("response")
    if payload.get("withdrawn_at") and isinstance(response, Mapping) and response.get("decision") == "accepted":
        return ["answered_after_withdrawal"]
    return []


def check_answer(payload: Mapping[str, Any], decision: str, reason: str) -> None:
    """May the receiver answer now? Refused once withdrawn or already answered; a decline needs a reason."""
    if decision not in ("accepted", "declined"):
        raise ValidationError("decision", "referral_decision_unknown")
    state = state_of(payload)
    if state is State.WITHDRAWN:
        raise ValidationError("referral", "referral_withdrawn")
    if state is not State.PROPOSED:
        raise ValidationError("referral", "referral_already_answered")
    if decision == "declined" and not reason.strip():
        raise ValidationError("reason", "required")


def check_withdraw(payload: Mapping[str, Any]) -> None:
    if state_of(payload) is not State.PROPOSED:
        raise ValidationError("referral", "referral_not_pending")


@dataclass(frozen=True)
class Booking:
    """A place held for a referral (no personal data): which entry, which referral, which desk, when."""

    entry_id: str
    referral_id: str
    desk_id: str
    at: str


def overbooked(bookings: Iterable[Booking], places_free: Mapping[str, int]) -> dict[str, list[Booking]]:
    """Entries with more bookings than free places → their bookings, oldest first. Bookings are never dropped:
    the conflict is shown to every desk and resolved by people."""
    by_entry: dict[str, list[Booking]] = {}
    for b in bookings:
        by_entry.setdefault(b.entry_id, []).append(b)
    out: dict[str, list[Booking]] = {}
    for entry_id, items in sorted(by_entry.items()):
        if entry_id in places_free and len(items) > places_free[entry_id]:
            out[entry_id] = sorted(items, key=lambda b: (b.at, b.referral_id))
    return out
