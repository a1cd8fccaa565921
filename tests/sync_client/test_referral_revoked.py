"""The receiving desk keeps the outcome of a referral whose partition the sender revoked (found by the convergence
property, tests/sync_client/test_convergence.py): a desk that declined a transfer — or a second device of it that
saw the proposal and the decline — still lists the referral as declined once the case has gone, whether its own
network step dropped the case first or the sender's revoke reached it first. Through a real server."""

from __future__ import annotations

from pathlib import Path

from iam_desktop.services.desk import Desk
from sync.server.testing import ServerProcess
from tests.sync_client.helpers import CONSENTS, desk_devices, partitions, person, sync


def _netsync(*desks: Desk) -> None:
    for desk in desks:
        report = desk.network.sync()
        assert report.ok, report.sync


def _inbox(desk: Desk) -> list[tuple[str, str]]:
    return [(v.referral_id, v.state) for v in desk.network.referrals.inbox()]


def test_a_decline_revoked_by_the_sender_before_the_receivers_own_drop_stays_in_its_inbox(
    server: ServerProcess, tmp_path: Path
) -> None:
    (a,) = desk_devices(server, tmp_path / "a", devices=1)
    (b,) = desk_devices(server, tmp_path / "b", devices=1)
    try:
        case_id = a.cases.intake(person(1, consents=CONSENTS))
        _netsync(a, b)  # both have the desk directory
        referral = a.network.referrals.propose(case_id, b.network.referrals.my_desk_id(), "transfer")
        _netsync(a, b)
        assert _inbox(b) == [(referral, "proposed")]
        b.network.referrals.answer(referral, "declined", "nessun posto")
        sync(b)  # the decline is pushed; the network steps of that run did not happen (cut, or a later run)
        _netsync(a)  # A sees the decline and revokes B's grant at once
        _netsync(b)  # B's pull meets the revoke before B dropped the case itself
        assert case_id not in partitions(b)
        assert _inbox(b) == [(referral, "declined")]
        assert [(v.referral_id, v.state) for v in a.network.referrals.sent()] == [(referral, "declined")]
    finally:
        a.close(), b.close()


def test_a_second_device_that_saw_the_proposal_lists_the_decline_after_the_case_has_gone(
    server: ServerProcess, tmp_path: Path
) -> None:
    (a,) = desk_devices(server, tmp_path / "a", devices=1)
    b1, b2 = desk_devices(server, tmp_path / "b", devices=2)
    try:
        case_id = a.cases.intake(person(2, consents=CONSENTS))
        _netsync(a, b1, b2)
        referral = a.network.referrals.propose(case_id, b1.network.referrals.my_desk_id(), "transfer")
        _netsync(a, b1, b2)
        assert _inbox(b2) == [(referral, "proposed")]
        b1.network.referrals.answer(referral, "declined", "nessun posto")
        _netsync(b1, a, b2)  # B1 pushes the decline and drops the case; A revokes; B2 pulls both
        for desk in (b1, b2):
            assert case_id not in partitions(desk)
            assert _inbox(desk) == [(referral, "declined")]
    finally:
        a.close(), b1.close(), b2.close()
