"""A referral that ends takes the receiver's access with it, through a real sync server: the sender withdraws the
receiver's grant and rotates the partition's key, so whatever it writes afterwards opens with no key the receiver
ever held; a declined or withdrawn transfer leaves the receiver nothing readable; the sender of an accepted
transfer loses its grant once its read access runs out (the receiver rotates); the central office keeps its copy
of an extract (docs/network.md); and a case referred again after all this arrives whole."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from iam_desktop.domain.errors import TamperedError, ValidationError
from iam_desktop.services.desk import Desk
from iam_desktop.services.enrolment import Enrolment
from iam_desktop.vault import crypto
from iam_desktop.vault.tables import case_keys, records
from tests.network.conftest import PERSON, Net, holders, netsync
from tests.network.test_shared_extract import _keys_held


def _record(desk: Desk, record_id: str) -> tuple[str, bytes, bytes]:
    with desk.vault.engine.connect() as conn:
        r = conn.execute(select(records).where(records.c.record_id == record_id)).one()
    return r.key_id, r.sealed, crypto.record_aad(r.case_id, r.kind, r.record_id, r.schema_version, r.key_id)


def _opens_with_none_of(keys: list[bytes], sealed: bytes, aad: bytes) -> None:
    assert keys
    for key in keys:
        with pytest.raises(TamperedError):
            crypto.open_sealed(key, sealed, aad, what="record")


def _nothing_of(desk: Desk, case_id: str) -> None:
    with pytest.raises(ValidationError):
        desk.cases.open(case_id)
    with desk.vault.engine.connect() as conn:
        assert conn.execute(select(records).where(records.c.case_id == case_id)).first() is None
        assert conn.execute(select(case_keys).where(case_keys.c.case_id == case_id)).first() is None


def _ids(net: Net) -> tuple[str, str, str]:
    return tuple(d.network.referrals.my_desk_id() for d in (net.a, net.b, net.central))  # type: ignore[return-value]


def _found(net: Net, catalogue_file: Path) -> None:
    net.a.network.catalogue.found()
    net.a.network.catalogue.import_file(catalogue_file)


def test_after_a_withdrawal_the_senders_changes_open_with_no_key_b_held(net: Net, catalogue_file: Path) -> None:
    a, b, central = net.a, net.b, net.central
    a_id, b_id, central_id = _ids(net)
    _found(net, catalogue_file)
    case_id = a.cases.intake(PERSON)
    referral = a.network.referrals.propose(case_id, b_id, "housing", opportunity="casa-re-1")
    netsync(a, b, central)
    extract_id = b.network.referrals.inbox()[0].extract_id
    assert extract_id and b.network.referrals.extract(referral).sections
    b_keys = _keys_held(b)  # everything B ever held

    a.network.referrals.withdraw(referral)
    netsync(a, b)  # B sees the withdrawal (sealed with the key it holds) and drops its copy
    assert [(v.state, v.extract_id) for v in b.network.referrals.inbox()] == [("withdrawn", None)]
    _nothing_of(b, extract_id)
    # A writes to the extract's partition after the end: sealed with a key B never received.
    with a.vault.engine.begin() as conn:
        later = a.records.put(conn, case_id=extract_id, kind="note", payload={"text": "dopo la fine"})
    key_id, sealed, aad = _record(a, later)
    assert key_id not in {r[0] for r in _record_keys(b, extract_id)}
    _opens_with_none_of(b_keys, sealed, aad)
    netsync(a, central)
    # The central office keeps its copy of the extract for monitoring and reads what A writes later.
    assert central.network.referrals.extract(referral).sections["identity"]["person"]["family_name"]
    with central.vault.engine.connect() as conn:
        assert central.records.get(conn, later).payload == {"text": "dopo la fine"}  # type: ignore[union-attr]

    # B dropped its grant itself; once the grace days are over A's own revoke finds it gone, and no later run
    # wraps a key to B again.
    a.network.referrals.deliver(Enrolment(a).transport(), on=datetime.now(UTC) + timedelta(days=31))
    netsync(a, b)
    assert holders(net, extract_id) == {a_id, central_id}
    _nothing_of(b, extract_id)


def _record_keys(desk: Desk, partition: str) -> list[tuple[str]]:
    with desk.vault.engine.connect() as conn:
        return [(r.key_id,) for r in conn.execute(select(case_keys).where(case_keys.c.case_id == partition))]


def test_a_declined_transfer_leaves_b_nothing_and_a_new_transfer_arrives_whole(net: Net, catalogue_file: Path) -> None:
    a, b = net.a, net.b
    a_id, b_id, central_id = _ids(net)
    _found(net, catalogue_file)
    case_id = a.cases.intake(PERSON)
    first = a.network.referrals.propose(case_id, b_id, "transfer")
    netsync(a, b)
    assert b.cases.open(case_id).person["family_name"] == "Zebrafittizio"  # the whole case
    b_keys = _keys_held(b)

    b.network.referrals.answer(first, "declined", "nessun posto")
    netsync(b, a)  # B pushes its answer and drops the case; A sees the decline and revokes with a new key
    _nothing_of(b, case_id)
    assert b_id not in holders(net, case_id)
    assert [(v.referral_id, v.state) for v in b.network.referrals.inbox()] == [(first, "declined")]
    a.cases.update(case_id, {**PERSON, "email": "dopo@example.org"})
    _key_id, sealed, aad = _record(a, case_id)
    _opens_with_none_of(b_keys, sealed, aad)
    netsync(a, b, a, b)  # A's later runs never grant the case to B again
    assert holders(net, case_id) == {a_id, central_id}
    _nothing_of(b, case_id)

    # Referred again: B, which remembers having applied the case's history once, receives it whole again.
    second = a.network.referrals.propose(case_id, b_id, "transfer")
    netsync(a, b)
    case = b.cases.open(case_id)
    assert case.person["email"] == "dopo@example.org" and case.history
    assert [(v.referral_id, v.state) for v in b.network.referrals.inbox()] == [
        (first, "declined"),
        (second, "proposed"),
    ]
    b.network.referrals.answer(second, "accepted")
    netsync(b, a)
    assert a.cases.open(case_id).meta["desk"] == b_id


def test_a_transfer_withdrawn_while_b_was_away_is_revoked_and_can_be_referred_again(
    net: Net, catalogue_file: Path
) -> None:
    a, b = net.a, net.b
    _a_id, b_id, _central_id = _ids(net)
    _found(net, catalogue_file)
    case_id = a.cases.intake(PERSON)
    referral = a.network.referrals.propose(case_id, b_id, "transfer")
    netsync(a, b)
    a.network.referrals.withdraw(referral)
    netsync(a)
    assert b_id in holders(net, case_id)  # B may have answered offline: A waits the grace days
    a.network.referrals.deliver(Enrolment(a).transport(), on=datetime.now(UTC) + timedelta(days=31))
    assert b_id not in holders(net, case_id)
    netsync(b)  # B never saw the withdrawal: the revoked notice drops the case
    _nothing_of(b, case_id)

    a.cases.update(case_id, {**PERSON, "email": "di-nuovo@example.org"})
    again = a.network.referrals.propose(case_id, b_id, "transfer")
    netsync(a, b)
    assert b.cases.open(case_id).person["email"] == "di-nuovo@example.org"
    assert again in {v.referral_id for v in b.network.referrals.inbox()}


def test_an_accepted_transfer_ends_the_senders_read_access_with_a_new_key(net: Net, catalogue_file: Path) -> None:
    a, b = net.a, net.b
    a_id, b_id, _central_id = _ids(net)
    _found(net, catalogue_file)
    case_id = a.cases.intake(PERSON)
    referral = a.network.referrals.propose(case_id, b_id, "transfer")
    netsync(a, b)
    b.network.referrals.answer(referral, "accepted")
    netsync(b, a)
    a_keys = _keys_held(a)
    transport = Enrolment(b).transport()
    b.network.referrals.deliver(transport)  # within the read access: A keeps its grant
    assert a_id in holders(net, case_id)
    b.network.referrals.deliver(transport, on=datetime.now(UTC) + timedelta(days=91))
    assert a_id not in holders(net, case_id)
    b.pathway.record_follow_up(case_id, 6)
    b.cases.update(case_id, {**PERSON, "email": "solo-b@example.org"})
    _key_id, sealed, aad = _record(b, case_id)
    _opens_with_none_of(a_keys, sealed, aad)
    netsync(b, a, b)  # A's revoked notice drops its copy; B never grants it back
    _nothing_of(a, case_id)
    assert a_id not in holders(net, case_id)
    assert b.cases.open(case_id).person["email"] == "solo-b@example.org"


def test_a_revoke_by_hand_holds_against_the_open_referral(net: Net, catalogue_file: Path) -> None:
    """desk.sync.revoke_access on a case with a pending referral: the referral was proposed before the revoke, so
    the network step never brings the grant back."""
    a, b = net.a, net.b
    _a_id, b_id, _central_id = _ids(net)
    _found(net, catalogue_file)
    case_id = a.cases.intake(PERSON)
    a.network.referrals.propose(case_id, b_id, "transfer")
    netsync(a, b)
    key_id = a.sync.revoke_access(case_id, b_id)
    with a.vault.engine.connect() as conn:
        assert a.records.key_ids(conn, case_id)[-1] == key_id  # later writes seal with it
    netsync(a, a, b)
    assert b_id not in holders(net, case_id)
    _nothing_of(b, case_id)


def test_the_receiver_drops_a_declined_extract_whose_grant_the_sender_withdrew_first(
    net: Net, catalogue_file: Path
) -> None:
    """Found by bench.soak: B declines and its answer reaches A, which withdraws B's grant at once; B's own drop of
    the extract then asks the server to withdraw a grant that is already gone (403 "case forbidden", not 404) — the
    drop goes on (the copy goes with the revocation notice the next pull brings) and the network sync stays
    successful."""
    a, b = net.a, net.b
    _a_id, b_id, _central_id = _ids(net)
    _found(net, catalogue_file)
    case_id = a.cases.intake(PERSON)
    referral = a.network.referrals.propose(case_id, b_id, "housing", opportunity="casa-re-1")
    netsync(a, b)
    extract_id = b.network.referrals.inbox()[0].extract_id
    assert extract_id
    b.network.referrals.answer(referral, "declined", "nessun posto")
    assert b.sync.client().run_once().ok  # the answer is pushed; B's network step has not run yet
    netsync(a)  # A sees the decline and withdraws B's grant at once
    assert b_id not in holders(net, extract_id)
    b.network.referrals.deliver(Enrolment(b).transport())  # B's own drop, before it pulled the revocation
    netsync(b)
    _nothing_of(b, extract_id)
    assert [v.state for v in b.network.referrals.inbox()] == ["declined"]
