"""Referrals end to end through a real sync server: desk A transfers a case to desk B, which never had it; B receives
it whole at its next sync, accepts, and A sees the answer after its own sync (a housing, job or training referral
shares an extract only: tests/network/test_shared_extract.py). Plus the bad input of issue 7:
consent missing, an answer to a referral withdrawn offline, a place booked twice by two desks offline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from iam_desktop.domain.errors import ValidationError
from iam_desktop.services.enrolment import Enrolment
from tests.network.conftest import CONSENT_CARICO, PERSON, Net, holders, netsync


def _setup(net: Net, catalogue_file: Path) -> None:
    assert net.a.network.catalogue.found()
    assert net.a.network.catalogue.import_file(catalogue_file) == 3
    netsync(net.a, net.b, net.c)  # A publishes the catalogue key; B and C pull it
    netsync(net.b, net.c)


def test_a_refers_a_case_b_receives_it_whole_and_accepts(net: Net, catalogue_file: Path, tmp_path: Path) -> None:
    _setup(net, catalogue_file)
    assert [e.entry_id for e in net.b.network.catalogue.entries()] == ["casa-re-1", "lavoro-pd-1", "partner-bs"]
    case_id = net.a.cases.intake(PERSON)
    b_id = net.b.network.referrals.my_desk_id()
    referral = net.a.network.referrals.propose(case_id, b_id, "transfer", opportunity="casa-re-1")
    with pytest.raises(ValidationError):
        net.b.cases.open(case_id)  # B never had the case
    report = net.a.network.sync()
    assert report.ok and report.referral_grants == 1
    netsync(net.b)
    case = net.b.cases.open(case_id)  # whole: person, meta and history
    assert case.person["family_name"] == "Zebrafittizio" and case.history
    inbox = net.b.network.referrals.inbox()
    assert [(v.referral_id, v.state, v.purpose, v.opportunity) for v in inbox] == [
        (referral, "proposed", "transfer", "casa-re-1")
    ]
    assert net.b.network.referrals.answer(referral, "accepted").state == "accepted"
    assert net.a.network.referrals.sent()[0].state == "proposed"  # A has not synced yet
    netsync(net.b, net.a)
    assert net.a.network.referrals.sent()[0].state == "accepted"
    letter = net.a.network.referral_letter(referral, tmp_path / "invio.pdf", "ar")
    assert letter.read_bytes().startswith(b"%PDF")


def test_transfer_moves_responsibility(net: Net, catalogue_file: Path) -> None:
    _setup(net, catalogue_file)
    case_id = net.a.cases.intake(PERSON)
    b_id = net.b.network.referrals.my_desk_id()
    referral = net.a.network.referrals.propose(case_id, b_id, "transfer")
    netsync(net.a, net.b)
    net.b.network.referrals.answer(referral, "accepted")
    netsync(net.b, net.a)
    assert net.a.cases.open(case_id).meta["desk"] == b_id
    assert net.a.network.referrals.access(case_id) == "read"
    assert net.b.network.referrals.access(case_id) == "edit"
    transport = Enrolment(net.a).transport()
    assert net.a.network.referrals.expire_transfers(transport) == []  # within the 90 days: A keeps reading
    later = datetime.now(UTC) + timedelta(days=91)
    assert net.a.network.referrals.expire_transfers(transport, on=later) == [case_id]
    with pytest.raises(ValidationError):
        net.a.cases.open(case_id)
    netsync(net.a, net.b)
    assert net.b.cases.open(case_id).meta["desk"] == b_id  # B, responsible now, keeps the case
    a_id = net.a.network.referrals.my_desk_id()
    assert b_id in holders(net, case_id) and a_id not in holders(net, case_id)


def test_no_consent_no_referral_unless_a_coordinator_records_the_basis(net: Net, catalogue_file: Path) -> None:
    _setup(net, catalogue_file)
    case_id = net.a.cases.intake({**PERSON, "consents": [CONSENT_CARICO]})
    b_id = net.b.network.referrals.my_desk_id()
    with pytest.raises(ValidationError) as err:
        net.a.network.referrals.propose(case_id, b_id, "job", opportunity="lavoro-pd-1")
    assert err.value.code == "referral_consent_missing"
    assert net.a.network.referrals.all() == []
    basis = "art. 6.1.e GDPR — compito di interesse pubblico"
    referral = net.a.network.referrals.propose(case_id, b_id, "job", opportunity="lavoro-pd-1", lawful_basis=basis)
    assert [v.referral_id for v in net.a.network.referrals.all()] == [referral]


def test_answer_to_a_referral_withdrawn_offline(net: Net, catalogue_file: Path) -> None:
    _setup(net, catalogue_file)
    case_id = net.a.cases.intake(PERSON)
    referral = net.a.network.referrals.propose(case_id, net.b.network.referrals.my_desk_id(), "training")
    netsync(net.a, net.b)
    net.a.network.referrals.withdraw(referral)  # A offline
    net.b.network.referrals.answer(referral, "accepted")  # B offline, has not seen the withdrawal
    netsync(net.a, net.b, net.a)
    for desk in (net.a, net.b):
        view = desk.network.referrals.all()[0]
        assert (view.state, view.problems) == ("withdrawn", ["answered_after_withdrawal"])
    with pytest.raises(ValidationError) as err:
        net.b.network.referrals.answer(referral, "declined", "troppo tardi")
    assert err.value.code == "referral_withdrawn"


def test_a_place_booked_twice_offline_keeps_both_and_both_desks_see_it(net: Net, catalogue_file: Path) -> None:
    _setup(net, catalogue_file)
    b_id = net.b.network.referrals.my_desk_id()
    first = net.a.network.referrals.propose(net.a.cases.intake(PERSON), b_id, "housing", opportunity="casa-re-1")
    other = {**PERSON, "given_names": ["Ibrahim"], "phone": "+39 333 777 9999"}
    second = net.c.network.referrals.propose(net.c.cases.intake(other), b_id, "housing", opportunity="casa-re-1")
    netsync(net.a, net.c, net.a, net.b)
    for desk in (net.a, net.c, net.b):
        conflicts = desk.network.catalogue.booking_conflicts()
        assert list(conflicts) == ["casa-re-1"]
        assert sorted(b.referral_id for b in conflicts["casa-re-1"]) == sorted([first, second])
    assert {v.referral_id for v in net.b.network.referrals.inbox()} == {first, second}
    for desk, mine in ((net.a, first), (net.c, second)):
        assert [v.problems for v in desk.network.referrals.sent() if v.referral_id == mine] == [["place_overbooked"]]
    net.a.network.referrals.withdraw(first)  # people resolve it: A withdraws, the place is C's
    netsync(net.a, net.c, net.b)
    assert net.c.network.catalogue.booking_conflicts() == {}
    assert net.c.network.referrals.sent()[0].problems == []


def test_a_referral_to_a_partner_is_recorded_and_no_key_leaves(net: Net, catalogue_file: Path) -> None:
    _setup(net, catalogue_file)
    case_id = net.a.cases.intake(PERSON)
    referral = net.a.network.referrals.propose(case_id, "partner-bs", "job")
    report = net.a.network.sync()
    assert report.ok and report.referral_grants == 0
    assert [(v.referral_id, v.to_desk, v.state) for v in net.a.network.referrals.sent()] == [
        (referral, "partner:partner-bs", "proposed")
    ]
