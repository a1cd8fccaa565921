"""The soak's accounting (`bench/soak.py`), without running the soak (it is not for CI): what counts as lost, what
as duplicated, and the figures under the keys the issue names."""

from __future__ import annotations

from collections import Counter

from bench.soak import combine, tally


def test_a_clean_run_counts_nothing() -> None:
    result = tally({"soak-1", "soak-2"}, {"0": Counter({"soak-1": 1, "soak-2": 1}), "1": Counter({"soak-1": 1,
                   "soak-2": 1})}, {"0": {"c1"}}, Counter({"c1": 1, "c2": 1}), {"0": 0, "1": 0})  # fmt: skip
    assert (result.changes_lost, result.duplicates) == (0, 0)


def test_losses_and_duplicates_are_each_counted() -> None:
    result = tally(
        written={"soak-1", "soak-2", "soak-3"},
        replicas={"0": Counter({"soak-1": 1, "soak-2": 2, "soak-3": 1}), "1": Counter({"soak-1": 1})},
        acked={"0": {"c1", "c2"}, "1": {"c3"}},
        server_counts=Counter({"c1": 1, "c2": 3}),
        waiting={"0": 1, "1": 0},
    )
    assert result.details == {"tokens_missing": 2, "acked_missing_on_server": 1, "still_waiting": 1,
                              "token_duplicates": 1, "server_duplicates": 2}  # fmt: skip
    assert (result.changes_lost, result.duplicates) == (4, 3)


def test_a_token_never_reported_written_is_not_lost() -> None:
    # A client killed between its commit and its "W" line: the case exists but was never counted as written.
    result = tally(set(), {"0": Counter({"soak-9": 1})}, {}, Counter(), {})
    assert (result.changes_lost, result.duplicates) == (0, 0)


def test_figures_keep_the_issue_keys_and_add_up_backends() -> None:
    one = {"kills": 3, "changes_written": 10, "changes_lost": 0, "duplicates": 0, "replicas_equal": True,
           "integrity_ok": True, "audit_ok": True}  # fmt: skip
    figures = combine({"sqlite": one, "postgresql": {**one, "kills": 2, "audit_ok": False}}, 10)
    assert list(figures)[:5] == ["minutes", "kills", "changes_written", "changes_lost", "duplicates"]
    assert figures["kills"] == 5 and figures["changes_written"] == 20 and figures["minutes"] == 10
    assert figures["audit_ok"] is False and figures["replicas_equal"] is True
