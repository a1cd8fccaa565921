"""A receiving computer that drops its copy on a state the referral no longer has (found by the soak with two
computers of desk B, `python -m bench.soak --b-devices 2 --minutes 2 --seed 21`).

B0 accepted a housing extract, the sender withdrew it, B1 declined it, all offline. B0 pulls the withdrawal (its
view: withdrawn), then B1's decline reaches the server, then B0's network step (`Referrals.deliver` → `_drop`)
drops the extract at "withdrawn" and keeps that outcome (`vault.merge.keep_closed_referrals`). The decline came
before the end of desk B's access, so B0's next pull brings it — but B0 no longer holds the partition's keys and
sets it aside; its inbox kept "withdrawn" for good while every other device read "declined" (a decline ends a
referral whatever crossed it). Fixed: a receiver's own drop only gives up its desk's grant; its copy goes with the
``revoked`` notice, after everything written before it. Through a real server process.
"""

from __future__ import annotations

from pathlib import Path

from sync.server.testing import ServerProcess
from tests.network.conftest import PERSON, netsync
from tests.network.test_referral_crossing import _settle, _states
from tests.sync_client.helpers import desk_devices, partitions


def test_a_receiving_computer_that_dropped_at_withdrawn_reads_the_decline_that_came_first(
    server: ServerProcess, tmp_path: Path
) -> None:
    (a,) = desk_devices(server, tmp_path / "a", devices=1)
    b0, b1 = desk_devices(server, tmp_path / "b", devices=2)
    try:
        case_id = a.cases.intake(PERSON)
        netsync(a, b0, b1)
        referral = a.network.referrals.propose(case_id, b0.network.referrals.my_desk_id(), "housing")
        extract = a.network.referrals.sent()[0].extract_id
        netsync(a, b0, b1)
        b0.network.referrals.answer(referral, "accepted")  # the three offline
        a.network.referrals.withdraw(referral)
        b1.network.referrals.answer(referral, "declined", "nessun posto")
        netsync(a)  # the withdrawal is on the server
        report = b0.sync.client().run_once()  # B0 pushes its acceptance, pulls the withdrawal: withdrawn there
        assert report.ok and _states(b0, referral)[0] == "withdrawn"
        netsync(b1)  # B1's decline reaches the server; B1 drops its copy
        b0.network.after_sync(report)  # B0's network step, not having pulled the decline: it drops its copy
        _settle(a, b0, b1)
        assert extract not in partitions(b0) and extract not in partitions(b1)
        assert {d: _states(x, referral)[0] for d, x in (("A", a), ("B0", b0), ("B1", b1))} == dict.fromkeys(
            ("A", "B0", "B1"), "declined"
        )
    finally:
        a.close(), b0.close(), b1.close()
