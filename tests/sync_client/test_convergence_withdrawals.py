"""Two examples the convergence property (tests/sync_client/test_convergence.py) found when it first drew withdrawals,
kept as they were reported (unshrunk): a sender's withdrawal crossing, offline, the receiving desk's answer, with a
case referred again to the desk that had dropped it. The first failed because a page of the pull held the revoke
notice of the first referral after the new grant of the second: the client installed the new key, then dropped the
partition (the server now ends a page at such a notice). Both settle now; they stay as regression examples."""

from __future__ import annotations

from typing import Any

import pytest

from sync.server.testing import ServerProcess
from tests.sync_client.test_convergence import run_network

FOUND: list[tuple[tuple[int, int], list[Any], list[int], int]] = [
    ((3, 1), [(0, 0, 'sync', 'alfa'), (0, 0, 'notes', 'alfa'), (3, 3, 'transfer', 'alfa'), (0, 0, 'notes', 'alfa'), (3, 0, 'sync', 'alfa'), (0, 0, 'notes', 'alfa'), (0, 0, 'accept', 'alfa'), (3, 0, 'withdraw', 'alfa'), (0, 2, 'delete', 'delta'), (1, 3, 'withdraw', 'alfa'), (3, 1, 'accept', 'beta'), (3, 1, 'sync', 'alfa'), (0, 3, 'housing', 'alfa'), (1, 1, 'sync', 'alfa'), (1, 2, 'accept', 'delta'), (2, 3, 'phone', 'alfa'), (0, 1, 'transfer', 'gamma'), (0, 2, 'accept', 'delta'), (0, 0, 'delete', 'alfa'), (0, 0, 'housing', 'alfa'), (0, 0, 'phone', 'beta'), (3, 3, 'sync', 'delta'), (2, 2, 'withdraw', 'beta'), (3, 4, 'sync', 'delta'), (4, 1, 'decline', 'delta'), (2, 3, 'accept', 'delta'), (3, 3, 'transfer', 'alfa'), (2, 4, 'sync', 'alfa'), (0, 2, 'accept', 'delta'), (3, 3, 'sync', 'gamma')], [4, 0, 0, 4], 292),  # noqa: E501
    ((3, 1), [(0, 0, 'sync', 'alfa'), (0, 0, 'notes', 'alfa'), (3, 0, 'transfer', 'delta'), (0, 2, 'withdraw', 'beta'), (3, 2, 'sync', 'delta'), (2, 4, 'accept', 'beta'), (3, 0, 'accept', 'gamma'), (3, 4, 'withdraw', 'gamma'), (4, 2, 'delete', 'delta'), (1, 3, 'withdraw', 'alfa'), (3, 1, 'accept', 'beta'), (3, 1, 'sync', 'alfa'), (0, 3, 'housing', 'alfa'), (1, 1, 'sync', 'alfa'), (1, 2, 'accept', 'delta'), (2, 3, 'phone', 'alfa'), (0, 1, 'transfer', 'gamma'), (0, 2, 'accept', 'delta'), (0, 0, 'delete', 'alfa'), (0, 0, 'housing', 'alfa'), (0, 0, 'phone', 'beta'), (3, 3, 'sync', 'delta'), (2, 2, 'withdraw', 'beta'), (3, 4, 'sync', 'delta'), (4, 1, 'decline', 'delta'), (2, 3, 'accept', 'delta'), (3, 3, 'transfer', 'alfa'), (2, 4, 'sync', 'alfa'), (0, 2, 'accept', 'delta'), (3, 3, 'sync', 'gamma')], [4, 0, 0, 4], 292),  # noqa: E501
]  # fmt: skip


@pytest.mark.parametrize("example", range(len(FOUND)))
def test_a_withdrawal_crossing_an_answer_settles_everywhere(server: ServerProcess, example: int) -> None:
    sizes, steps, schedule, seed = FOUND[example]
    run_network(server, sizes, steps, schedule, seed)
