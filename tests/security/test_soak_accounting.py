"""The soak's accounting (`bench/soak.py`), without running the soak (it is not for CI): what counts as lost, what
as duplicated, which replica should hold which case (its desk, the central office, the receiver of a transfer),
and the figures under the keys the issue names."""

from __future__ import annotations

from collections import Counter

from bench.soak import CHECKS, combine, holders, tally


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
