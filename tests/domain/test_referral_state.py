"""The referral state machine (issue 7): one state from the fields both desks write, whatever crossed offline, and
the undo of a transfer's move when the referral ended otherwise. Pure."""

from __future__ import annotations

from typing import Any

import pytest

from iam_desktop.domain.referral import State, problems, state_of, transfer_meta, transfer_undo

ACCEPTED = {"decision": "accepted", "reason": "", "at": "2026-11-02T10:00:00+00:00"}
DECLINED = {"decision": "declined", "reason": "nessun posto", "at": "2026-11-02T10:00:00+00:00"}
WITHDRAWN = "2026-11-02T09:00:00+00:00"


@pytest.mark.parametrize(
    ("fields", "state", "flagged"),
    [
        ({}, State.PROPOSED, []),
        ({"response": ACCEPTED}, State.ACCEPTED, []),
        ({"response": ACCEPTED, "completed_at": "2026-12-01"}, State.COMPLETED, []),
        ({"response": DECLINED}, State.DECLINED, []),
        ({"withdrawn_at": WITHDRAWN}, State.WITHDRAWN, []),
        # crossed offline: a withdrawal beats an acceptance that had not seen it, a decline ends it whatever
        ({"withdrawn_at": WITHDRAWN, "response": ACCEPTED}, State.WITHDRAWN, ["answered_after_withdrawal"]),
        ({"withdrawn_at": WITHDRAWN, "response": DECLINED}, State.DECLINED, []),
        ({"withdrawn_at": WITHDRAWN, "response": ACCEPTED, "completed_at": "x"}, State.WITHDRAWN,
         ["answered_after_withdrawal"]),
    ],
)  # fmt: skip
def test_one_state_from_the_fields_of_both_desks(fields: dict[str, Any], state: State, flagged: list[str]) -> None:
    payload = {"purpose": "housing", "withdrawn_at": None, "response": None, **fields}
    assert state_of(payload) is state
    assert problems(payload) == flagged


def test_a_voided_transfer_gives_the_case_back_with_the_fields_it_had_before() -> None:
    before = {"desk": "desk-a", "transferred_from": "desk-c", "transferred_at": "2026-01-05", "step": "casa"}
    moved = {**before, **transfer_meta(before, "r1", "desk-a", "desk-b", ACCEPTED["at"])}
    assert (moved["desk"], moved["transferred_from"], moved["transferred_at"]) == ("desk-b", "desk-a", ACCEPTED["at"])
    transfer = {"purpose": "transfer", "withdrawn_at": WITHDRAWN, "response": ACCEPTED}
    undo = transfer_undo(moved, "r1", transfer)
    assert undo == {"desk": "desk-a", "transferred_from": "desk-c", "transferred_at": "2026-01-05", "transfer": None}
    assert {**moved, **(undo or {})} == {**before, "transfer": None}
    # declined on another computer of the receiving desk: undone the same way
    assert transfer_undo(moved, "r1", {**transfer, "withdrawn_at": None, "response": DECLINED}) == undo


def test_nothing_to_undo_when_the_transfer_stands_or_moved_the_case_for_another_referral() -> None:
    before = {"desk": "desk-a"}
    moved = {**before, **transfer_meta(before, "r1", "desk-a", "desk-b", ACCEPTED["at"])}
    stands = {"purpose": "transfer", "withdrawn_at": None, "response": ACCEPTED}
    assert transfer_undo(moved, "r1", stands) is None
    assert transfer_undo(moved, "r2", {**stands, "withdrawn_at": WITHDRAWN}) is None  # moved by another referral
    assert transfer_undo(before, "r1", {**stands, "withdrawn_at": WITHDRAWN}) is None  # never moved here
    assert transfer_undo(moved, "r1", {**stands, "purpose": "housing", "withdrawn_at": WITHDRAWN}) is None
