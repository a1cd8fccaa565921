"""Known gap found by the convergence property (tests/sync_client/test_convergence.py): a sender's **withdrawal**
that crosses, offline, the receiving desk's answer (an acceptance or a decline made on one of its computers while
another of its computers acts on the same referral) can leave the two desks — or two computers of the receiving desk —
disagreeing after the network has settled: a receiving computer without the partition of a referral still live for
the sender, or two computers of one desk holding different records. The property therefore draws withdrawals only in
its pinned example; the two examples below are the ones it found (as hypothesis reported them, unshrunk), kept as
strict xfails until the referral state machine settles crossed withdrawals deterministically (docs/network.md)."""

from __future__ import annotations

from typing import Any

import pytest

from sync.server.testing import ServerProcess
from tests.sync_client.test_convergence import run_network

FOUND: list[tuple[tuple[int, int], list[Any], list[int], int]] = [
    ((3, 1), [(0, 0, 'sync', 'alfa'), (0, 0, 'notes', 'alfa'), (3, 3, 'transfer', 'alfa'), (0, 0, 'notes', 'alfa'), (3, 0, 'sync', 'alfa'), (0, 0, 'notes', 'alfa'), (0, 0, 'accept', 'alfa'), (3, 0, 'withdraw', 'alfa'), (0, 2, 'delete', 'delta'), (1, 3, 'withdraw', 'alfa'), (3, 1, 'accept', 'beta'), (3, 1, 'sync', 'alfa'), (0, 3, 'housing', 'alfa'), (1, 1, 'sync', 'alfa'), (1, 2, 'accept', 'delta'), (2, 3, 'phone', 'alfa'), (0, 1, 'transfer', 'gamma'), (0, 2, 'accept', 'delta'), (0, 0, 'delete', 'alfa'), (0, 0, 'housing', 'alfa'), (0, 0, 'phone', 'beta'), (3, 3, 'sync', 'delta'), (2, 2, 'withdraw', 'beta'), (3, 4, 'sync', 'delta'), (4, 1, 'decline', 'delta'), (2, 3, 'accept', 'delta'), (3, 3, 'transfer', 'alfa'), (2, 4, 'sync', 'alfa'), (0, 2, 'accept', 'delta'), (3, 3, 'sync', 'gamma')], [4, 0, 0, 4], 292),  # noqa: E501
    ((3, 1), [(0, 0, 'sync', 'alfa'), (0, 0, 'notes', 'alfa'), (3, 0, 'transfer', 'delta'), (0, 2, 'withdraw', 'beta'), (3, 2, 'sync', 'delta'), (2, 4, 'accept', 'beta'), (3, 0, 'accept', 'gamma'), (3, 4, 'withdraw', 'gamma'), (4, 2, 'delete', 'delta'), (1, 3, 'withdraw', 'alfa'), (3, 1, 'accept', 'beta'), (3, 1, 'sync', 'alfa'), (0, 3, 'housing', 'alfa'), (1, 1, 'sync', 'alfa'), (1, 2, 'accept', 'delta'), (2, 3, 'phone', 'alfa'), (0, 1, 'transfer', 'gamma'), (0, 2, 'accept', 'delta'), (0, 0, 'delete', 'alfa'), (0, 0, 'housing', 'alfa'), (0, 0, 'phone', 'beta'), (3, 3, 'sync', 'delta'), (2, 2, 'withdraw', 'beta'), (3, 4, 'sync', 'delta'), (4, 1, 'decline', 'delta'), (2, 3, 'accept', 'delta'), (3, 3, 'transfer', 'alfa'), (2, 4, 'sync', 'alfa'), (0, 2, 'accept', 'delta'), (3, 3, 'sync', 'gamma')], [4, 0, 0, 4], 292),  # noqa: E501
]  # fmt: skip


@pytest.mark.xfail(
    strict=True, raises=AssertionError, reason="crossed withdrawal and answer of a referral: see the module docstring"
)
@pytest.mark.parametrize("example", range(len(FOUND)))
def test_a_withdrawal_crossing_an_answer_settles_everywhere(server: ServerProcess, example: int) -> None:
    sizes, steps, schedule, seed = FOUND[example]
    run_network(server, sizes, steps, schedule, seed)
