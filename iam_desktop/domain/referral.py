"""Referrals (invii) between desks: a desk proposes to another desk (or to a partner) a housing place, a job, a
course or the full transfer of a case; the receiver accepts or declines with a reason; the sender may withdraw
while it is pending. The referral is a flat record synced like any other, so each party writes only its own fields
(the sender ``withdrawn_at``, the receiver ``response``): edits made offline on both sides never overwrite each
other, and :func:`state_of` derives one state from them, the same on every device — a decline ends it whatever
crossed it, a withdrawal wins over an acceptance given without having seen it (the problem
``answered_after_withdrawal``; a transfer's move of the case is undone by :func:`transfer_undo`); once accepted, the
sender may mark it completed. What a housing, job or training referral shares is a choice of *sections* of the
file (defined in ``resources/referrals/sections.json``): :func:`extract_sections` copies only those into the shared
extract the receiver reads; a transfer gives the whole case. Pure; errors carry codes only."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from iam_desktop.domain.errors import ValidationError

REFERRAL_KIND = "referral"
EXTRACT_KIND = "extract"


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
    COMPLETED = "completed"


FINAL_STATES = (State.DECLINED, State.WITHDRAWN, State.COMPLETED)


def parse_purpose(raw: str) -> Purpose:
    try:
        return Purpose(raw)
    except ValueError:
        raise ValidationError("purpose", "referral_purpose_unknown", value=raw[:20]) from None


@dataclass(frozen=True)
class ShareSection:
    """A part of the file a referral can share: the person fields, the intake form's other answers (``x.*`` takes
    every key starting with ``x.``) and the kinds of case records it copies, with its label per language."""

    section_id: str
    label: Mapping[str, str]
    person: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    records: tuple[str, ...] = ()

    def label_in(self, language: str) -> str:
        return self.label.get(language) or self.label.get("it") or self.section_id


@dataclass(frozen=True)
class ShareRules:
    sections: tuple[ShareSection, ...]
    defaults: Mapping[str, tuple[str, ...]]

    def ids(self) -> tuple[str, ...]:
        return tuple(s.section_id for s in self.sections)

    def section(self, section_id: str) -> ShareSection:
        for s in self.sections:
            if s.section_id == section_id:
                return s
        raise ValidationError("share", "referral_share_unknown", value=section_id[:20])

    def default_for(self, purpose: Purpose) -> tuple[str, ...]:
        """The sections pre-chosen for a purpose, in the order the file lists the sections."""
        chosen = set(self.defaults.get(purpose.value, ()))
        return tuple(i for i in self.ids() if i in chosen)


def parse_share_rules(data: Mapping[str, Any]) -> ShareRules:
    """The sections file, checked: unique ids, a label in Italian and English, defaults naming known sections."""
    sections: list[ShareSection] = []
    for raw in data.get("sections", []):
        label = raw.get("label") or {}
        section_id = str(raw.get("id", ""))
        if (
            not section_id
            or section_id in {s.section_id for s in sections}
            or not label.get("it")
            or not label.get("en")
        ):
            raise ValidationError("share", "referral_sections_invalid", value=section_id[:20])
        sections.append(ShareSection(section_id, dict(label), tuple(raw.get("person", ())),
                                     tuple(raw.get("extra", ())), tuple(raw.get("records", ()))))  # fmt: skip
    known = {s.section_id for s in sections}
    defaults = {str(k): tuple(v) for k, v in (data.get("defaults") or {}).items()}
    for purpose, chosen in defaults.items():
        if purpose not in {p.value for p in Purpose} or not set(chosen) <= known:
            raise ValidationError("share", "referral_sections_invalid", value=purpose[:20])
    return ShareRules(tuple(sections), defaults)


def validate_share(share: Iterable[str], rules: ShareRules) -> list[str]:
    """The chosen sections, each known, in the order the rules list them; at least one."""
    chosen = set(share)
    for item in sorted(chosen):
        rules.section(item)
    items = [i for i in rules.ids() if i in chosen]
    if not items:
        raise ValidationError("share", "referral_share_empty")
    return items


def _extra_matches(key: str, patterns: Sequence[str]) -> bool:
    return any(key == p or (p.endswith(".*") and key.startswith(p[:-1])) for p in patterns)


def extract_sections(
    rules: ShareRules,
    share: Iterable[str],
    person: Mapping[str, Any],
    extra: Mapping[str, Any],
    records: Mapping[str, Any],
) -> dict[str, dict[str, Any]]:
    """Copies of only the chosen sections: ``{section id: {"person": {...}, "extra": {...}, "records": {...}}}``.
    Nothing outside the chosen sections' fields is copied; an empty field is left out."""
    out: dict[str, dict[str, Any]] = {}
    for section_id in share:
        s = rules.section(section_id)
        part: dict[str, Any] = {
            "person": {f: person[f] for f in s.person if person.get(f) not in (None, "", [], {})},
            "extra": {k: v for k, v in sorted(extra.items())
                      if _extra_matches(k, s.extra) and v not in (None, "", [], {})},
            "records": {kind: records[kind] for kind in s.records if records.get(kind)},
        }  # fmt: skip
        out[section_id] = part
    return out


def state_of(payload: Mapping[str, Any]) -> State:
    """One state from the fields both parties write, the same on every device whatever order the edits arrived in:
    a decline ends the referral whatever the sender did meanwhile (a withdrawal that crossed it changes nothing: both
    end it, and the receiver may already have dropped its copy when the withdrawal arrives); otherwise a withdrawal
    wins over an acceptance given without having seen it; an accepted referral the sender marked done is
    completed."""
    response = payload.get("response")
    decision = response.get("decision") if isinstance(response, Mapping) else None
    if decision == "declined":
        return State.DECLINED
    if payload.get("withdrawn_at"):
        return State.WITHDRAWN
    if decision == "accepted":
        return State.COMPLETED if payload.get("completed_at") else State.ACCEPTED
    return State.PROPOSED


def problems(payload: Mapping[str, Any]) -> list[str]:
    """What both desks must be shown about this referral (codes): an acceptance that crossed the sender's
    withdrawal (the referral is withdrawn; a transfer's move of the case is undone, see :func:`transfer_undo`)."""
    response = payload.get("response")
    if payload.get("withdrawn_at") and isinstance(response, Mapping) and response.get("decision") == "accepted":
        return ["answered_after_withdrawal"]
    return []


TRANSFER_META = ("desk", "transferred_from", "transferred_at")


def transfer_meta(meta: Mapping[str, Any], referral_id: str, from_desk: str, to_desk: str, at: str) -> dict[str, Any]:
    """The case's ``meta`` fields an accepted transfer writes: the receiving desk responsible, and what they were
    before (``transfer``), so that an acceptance the referral's final state voids can be undone to exactly that."""
    prior = {k: meta.get(k) for k in TRANSFER_META}
    return {"desk": to_desk, "transferred_from": from_desk, "transferred_at": at,
            "transfer": {"referral": referral_id, "prior": prior}}  # fmt: skip


def transfer_undo(meta: Mapping[str, Any], referral_id: str, payload: Mapping[str, Any]) -> dict[str, Any] | None:
    """The ``meta`` fields that give a case back to the sender when the acceptance of transfer ``referral_id``
    moved it but the referral ended otherwise (withdrawn, or declined on another computer of the receiving desk):
    the values from before the acceptance. Every device that sees it computes the same values, so the writes of
    both desks agree. None when there is nothing to undo."""
    if payload.get("purpose") != Purpose.TRANSFER or state_of(payload) in (State.ACCEPTED, State.COMPLETED):
        return None
    moved = meta.get("transfer")
    if isinstance(moved, Mapping) and moved.get("referral") == referral_id:
        prior = moved.get("prior")
        before = prior if isinstance(prior, Mapping) else {}
        return {**{k: before.get(k) for k in TRANSFER_META}, "transfer": None}
    return None


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


def check_complete(payload: Mapping[str, Any]) -> None:
    """The sender closes a referral the receiver accepted (the person was placed, the course ended)."""
    if state_of(payload) is not State.ACCEPTED:
        raise ValidationError("referral", "referral_not_accepted")


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
