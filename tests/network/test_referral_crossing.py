"""A referral answered on one side while the other side ended it, both offline (issue 7): every device of both desks
ends with the same state, the case with one responsible desk, and the receiving desk with no copy of what the
referral no longer gives it. Through a real sync server, in both orders of arrival."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from iam_desktop.services.desk import Desk
from iam_desktop.services.enrolment import Enrolment
from sync.server.testing import ServerProcess
from tests.network.conftest import PERSON, Net, netsync
from tests.sync_client.helpers import desk_devices, partitions


def _settle(*desks: Desk) -> None:
    for _ in range(4):  # answer pushed, end seen, grant given up, copy dropped with the notice: runs on each side
        netsync(*desks)


def _states(desk: Desk, referral: str) -> tuple[str, tuple[str, ...]]:
    view = next(v for v in desk.network.referrals.all() if v.referral_id == referral)
    return view.state, tuple(view.problems)


@pytest.mark.parametrize("first", ["receiver", "sender"])
def test_a_transfer_accepted_while_the_sender_withdrew_it_goes_back_to_the_sender(net: Net, first: str) -> None:
    a, b = net.a, net.b
    case_id = a.cases.intake(PERSON)
    netsync(a, b)
    referral = a.network.referrals.propose(case_id, b.network.referrals.my_desk_id(), "transfer")
    netsync(a, b)
    a.network.referrals.withdraw(referral)  # A offline
    b.network.referrals.answer(referral, "accepted")  # B offline: has not seen the withdrawal, takes the case on
    assert b.cases.open(case_id).meta["desk"] == b.network.referrals.my_desk_id()
    _settle(*((b, a) if first == "receiver" else (a, b)))
    assert _states(a, referral) == _states(b, referral) == ("withdrawn", ("answered_after_withdrawal",))
    meta = a.cases.open(case_id).meta
    assert meta["desk"] == a.cases.open(case_id).meta["desk"] != b.network.referrals.my_desk_id()
    assert not meta.get("transferred_at") and not meta.get("transfer")
    assert a.network.referrals.access(case_id) == "edit"
    a.cases.update(case_id, {**PERSON, "email": "di.nuovo@example.org"})  # A's again: not read only
    assert case_id not in partitions(b)  # B gave its copy up once its own writes were pushed
    netsync(a)
    assert a.sync.status().waiting == 0


def test_a_decline_crossing_the_withdrawal_reads_declined_on_both_desks(net: Net) -> None:
    a, b = net.a, net.b
    case_id = a.cases.intake(PERSON)
    netsync(a, b)
    referral = a.network.referrals.propose(case_id, b.network.referrals.my_desk_id(), "housing")
    extract = a.network.referrals.sent()[0].extract_id
    netsync(a, b)
    b.network.referrals.answer(referral, "declined", "nessun posto")
    a.network.referrals.withdraw(referral)
    _settle(b, a)  # B pushes its decline and drops the extract before the withdrawal reaches it
    assert _states(a, referral) == _states(b, referral) == ("declined", ())
    assert extract not in partitions(b)


def test_two_computers_of_the_receiving_desk_answer_differently(server: ServerProcess, tmp_path: Path) -> None:
    """B1 takes the transfer on, B2 (later, not having seen it) declines: the later answer stands on every device,
    the case goes back to A, and both computers of B give their copy up."""
    (a,) = desk_devices(server, tmp_path / "a", devices=1)
    b1, b2 = desk_devices(server, tmp_path / "b", devices=2)
    try:
        case_id = a.cases.intake(PERSON)
        netsync(a, b1, b2)
        referral = a.network.referrals.propose(case_id, b1.network.referrals.my_desk_id(), "transfer")
        netsync(a, b1, b2)
        b1.network.referrals.answer(referral, "accepted")
        b2.network.referrals.answer(referral, "declined", "già seguito da un altro sportello")
        netsync(b1)  # B1 is responsible for a while
        _settle(b2, b1, a)
        assert {_states(d, referral) for d in (a, b1, b2)} == {("declined", ())}
        assert a.network.referrals.access(case_id) == "edit"
        assert a.cases.open(case_id).meta["desk"] != b1.network.referrals.my_desk_id()
        for device in (b1, b2):
            assert case_id not in partitions(device)
            assert device.sync.status().waiting == 0 and device.sync.status().rejected == 0
    finally:
        a.close(), b1.close(), b2.close()


def test_the_read_access_of_a_transfer_ends_on_both_sides_at_once(net: Net) -> None:
    """After the read days, the receiving desk withdraws the sender's grant while the sender, not having pulled that
    yet, gives its copy up: the grant already gone is no error, the copy goes."""
    a, b = net.a, net.b
    case_id = a.cases.intake(PERSON)
    netsync(a, b)
    referral = a.network.referrals.propose(case_id, b.network.referrals.my_desk_id(), "transfer")
    netsync(a, b)
    b.network.referrals.answer(referral, "accepted")
    netsync(b, a)
    later = datetime.now(UTC) + timedelta(days=91)
    b.network.referrals.deliver(Enrolment(b).transport(), on=later)  # B withdraws A's grant
    assert a.network.referrals.expire_transfers(Enrolment(a).transport(), on=later) == [case_id]
    assert case_id not in partitions(a)
    netsync(a, b)
    assert b.cases.open(case_id).meta["desk"] == b.network.referrals.my_desk_id()
