"""The soak's accounting (`bench/soak_accounting.py`, used by `bench/soak.py`), without running the soak (it is not for
CI): what counts as lost, what as duplicated, which replica should hold which case (its desk, the central office,
the receiver of a transfer), whether the devices agree on a referral and where a transfer's case is, which cases
kept for review are explained, the withdrawals' figures, and the figures under the keys the issue names."""

from __future__ import annotations

from collections import Counter

from bench.soak_accounting import (
    CHECKS,
    combine,
    holders,
    referral_agrees,
    review_kept,
    tally,
    transfer_placement,
    withdrawal_figures,
)


def test_a_clean_run_counts_nothing() -> None:
    expected = {"A0": {"soak-1", "soak-2"}, "A1": {"soak-1", "soak-2"}}
    result = tally(expected, {"A0": Counter({"soak-1": 1, "soak-2": 1}), "A1": Counter({"soak-1": 1,
                   "soak-2": 1})}, {"A0": {"c1"}}, Counter({"c1": 1, "c2": 1}), {"A0": 0, "A1": 0},
                   {"A0": 0, "A1": 0})  # fmt: skip
    assert (result.changes_lost, result.duplicates) == (0, 0)


def test_losses_and_duplicates_are_each_counted() -> None:
    result = tally(
        expected={"0": {"soak-1", "soak-2", "soak-3"}, "1": {"soak-1", "soak-2", "soak-3"}},
        replicas={"0": Counter({"soak-1": 1, "soak-2": 2, "soak-3": 1}), "1": Counter({"soak-1": 1})},
        acked={"0": {"c1", "c2"}, "1": {"c3"}},
        server_counts=Counter({"c1": 1, "c2": 3}),
        waiting={"0": 1, "1": 0},
        blobs_waiting={"0": 0, "1": 2},
    )
    assert result.details == {"tokens_missing": 2, "acked_missing_on_server": 1, "still_waiting": 1,
                              "blobs_waiting": 2, "token_duplicates": 1, "server_duplicates": 2}  # fmt: skip
    assert (result.changes_lost, result.duplicates) == (6, 3)


def test_a_token_never_reported_written_is_not_lost() -> None:
    # A client killed between its commit and its "W" line: the case exists but was never counted as written.
    result = tally({"0": set()}, {"0": Counter({"soak-9": 1})}, {}, Counter(), {})
    assert (result.changes_lost, result.duplicates) == (0, 0)


def test_a_replica_is_only_asked_for_what_it_should_hold() -> None:
    # Desk B never had soak-1 (desk A's, not referred): not lost there; the central office missing it is.
    expected = holders({"soak-1": "A", "soak-2": "B"}, set(), {"A0": "A", "B0": "B", "C0": "C"})
    assert expected == {"A0": {"soak-1"}, "B0": {"soak-2"}, "C0": {"soak-1", "soak-2"}}
    result = tally(expected, {"A0": Counter({"soak-1": 1}), "B0": Counter({"soak-2": 1}),
                              "C0": Counter({"soak-2": 1})}, {}, Counter(), {})  # fmt: skip
    assert result.details["tokens_missing"] == 1 and result.changes_lost == 1


def test_a_transfer_proposed_to_b_makes_b_hold_the_case() -> None:
    expected = holders({"soak-1": "A", "soak-2": "A"}, {"soak-2"}, {"A0": "A", "B0": "B", "B1": "B"})
    assert expected["B0"] == expected["B1"] == {"soak-2"} and expected["A0"] == {"soak-1", "soak-2"}


def test_figures_keep_the_issue_keys_and_add_up_backends() -> None:
    one = {"kills": 3, "changes_written": 10, "changes_lost": 0, "duplicates": 0, **dict.fromkeys(CHECKS, True)}
    figures = combine({"sqlite": one, "postgresql": {**one, "kills": 2, "audit_ok": False}}, 10)
    assert list(figures)[:5] == ["minutes", "kills", "changes_written", "changes_lost", "duplicates"]
    assert figures["kills"] == 5 and figures["changes_written"] == 20 and figures["minutes"] == 10
    assert figures["audit_ok"] is False and figures["replicas_equal"] is True
    assert {"attachments_ok", "referrals_ok", "partitions_ok", "central_has_every_case"} <= set(figures)


def test_devices_agree_on_a_referral_or_are_counted() -> None:
    assert referral_agrees({"A0": "accepted", "A1": "accepted", "B0": "accepted"})
    assert not referral_agrees({"A0": "withdrawn", "A1": "withdrawn", "B0": "accepted"})  # a crossing not settled
    assert not referral_agrees({"A0": "proposed", "A1": None, "B0": "proposed"})  # the sender's desk lost it
    assert not referral_agrees({"A0": None, "B0": None})  # nobody knows a referral a client reported


def test_only_an_ended_referral_may_be_unknown_to_a_receiving_device() -> None:
    # Withdrawn before its grant reached desk B, or ended before B's second computer pulled it: never held there.
    assert referral_agrees({"A0": "withdrawn", "A1": "withdrawn", "B0": None})
    assert referral_agrees({"A0": "declined", "B0": "declined", "B1": None})
    # A live referral is on every device of the receiving desk after the final syncs.
    assert not referral_agrees({"A0": "proposed", "B0": None})
    assert not referral_agrees({"A0": "accepted", "B0": "accepted", "B1": None})


A_IDS, B_ID = {"desk-a", "desk-a-local"}, "desk-b"


def test_an_accepted_transfer_is_b_s_on_every_device() -> None:
    assert transfer_placement("accepted", {"A0": "desk-b", "B0": "desk-b", "C0": "desk-b"}, A_IDS, B_ID) == {}
    wrong = transfer_placement("accepted", {"A0": "desk-a", "B0": "desk-b", "C0": "desk-b"}, A_IDS, B_ID)
    assert wrong == {"A0": "desk desk-a"}


def test_a_withdrawn_or_declined_transfer_is_a_s_again_and_gone_from_b() -> None:
    for state in ("withdrawn", "declined"):
        given_back = {"A0": "desk-a-local", "A1": "desk-a-local", "B0": None, "C0": "desk-a-local"}
        assert transfer_placement(state, given_back, A_IDS, B_ID) == {}
        # The acceptance it voided was not undone on A1; B still holds a copy.
        crossed = {**given_back, "A1": "desk-b", "B0": "desk-b"}
        assert transfer_placement(state, crossed, A_IDS, B_ID) == {"A1": "desk desk-b", "B0": "kept"}


def test_a_transfer_still_proposed_is_held_by_b_but_still_a_s() -> None:
    assert transfer_placement("proposed", {"A0": "desk-a", "B0": "desk-a"}, A_IDS, B_ID) == {}
    assert transfer_placement("proposed", {"A0": "desk-a", "B0": "desk-b"}, A_IDS, B_ID) == {"B0": "desk desk-b"}


def test_withdrawals_made_crossed_lost_and_given_back_are_counted() -> None:
    payloads = {
        "r1": {"withdrawn_at": "2026-01-10T10:00:00+00:00"},  # withdrawn before any answer
        "r2": {"withdrawn_at": "2026-01-10T10:00:00+00:00", "response": {"decision": "accepted"}},  # crossed
        "r3": {"withdrawn_at": "2026-01-10T10:00:00+00:00", "response": {"decision": "declined"}},  # crossed
        "r4": {"response": {"decision": "accepted"}},  # answered, never withdrawn
        "r5": {},  # reported withdrawn, but the record does not say so: lost
    }
    figures = withdrawal_figures({"r1", "r2", "r3", "r5", "r6"}, payloads, {"r2"})
    assert figures["withdrawals_made"] == 5 and figures["transfers_given_back"] == 1
    assert figures["withdrawals_crossed"] == 2
    assert figures["withdrawals_crossed_accepted"] == figures["withdrawals_crossed_declined"] == 1
    assert figures["withdrawals_lost"] == 2  # r5, and r6 whose record is gone


def test_only_a_late_answer_on_a_receiving_computer_explains_a_case_kept_for_review() -> None:
    # B0 accepted an extract after B1 had declined it and dropped the copy (desk B's access ended): documented.
    assert review_kept("B0", {"extract-1"}, {"extract-1", "case-2"}) == ({"extract-1"}, set())
    # A partition of a referral still live, or kept on the sending desk, is not explained: a finding.
    assert review_kept("B0", {"extract-3"}, {"extract-1"}) == (set(), {"extract-3"})
    assert review_kept("A1", {"case-2"}, {"case-2"}) == (set(), {"case-2"})
