"""A transferred case is read only for the desk that sent it (issue 7): once desk B accepted the transfer and A has
synced, every write path of A — the file, the plan, the diary, the checklist, a step move, closure — is refused
with ``CaseReadOnlyError`` naming the receiving desk and the day, nothing is queued for sync, and A still reads the
case; B, now responsible, writes as before. Through a real sync server."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from iam_desktop.domain.closure import Outcome
from iam_desktop.domain.diary import DiaryEntry, InterventionType
from iam_desktop.domain.errors import CaseReadOnlyError
from iam_desktop.domain.plan import Plan
from iam_desktop.services.messages import describe
from iam_desktop.vault.tables import outbox
from tests.network.conftest import PERSON, Net, netsync


def _queued(desk: object, case_id: str) -> int:
    with desk.vault.engine.connect() as conn:  # type: ignore[attr-defined]
        return int(conn.execute(select(func.count()).select_from(outbox).where(outbox.c.case_id == case_id)).scalar())


def test_the_sending_desk_can_read_but_not_write_a_transferred_case(
    net: Net, catalogue_file: Path, tmp_path: Path
) -> None:
    a, b = net.a, net.b
    a.network.catalogue.found()
    a.network.catalogue.import_file(catalogue_file)
    case_id = a.cases.intake(PERSON)
    a.cases.update(case_id, {**PERSON, "email": "prima@example.org"})  # before the transfer: A writes
    referral = a.network.referrals.propose(case_id, b.network.referrals.my_desk_id(), "transfer")
    netsync(a, b)
    b.network.referrals.answer(referral, "accepted")
    netsync(b, a)
    assert a.network.referrals.access(case_id) == "read"
    before = _queued(a, case_id)

    with pytest.raises(CaseReadOnlyError) as err:
        a.cases.update(case_id, {**PERSON, "email": "dopo@example.org"})
    b_name = next(
        d["name"] for d in a.network.catalogue.directory() if d["desk_id"] == b.network.referrals.my_desk_id()
    )
    assert err.value.params["to_desk"] == b_name
    assert err.value.params["on"] == dt.date.today().strftime("%d/%m/%Y")
    it = describe(err.value, "it")
    assert f"trasferito a {b_name} il {dt.date.today():%d/%m/%Y}" in it and "solo lettura" in it
    assert "read only" in describe(err.value, "en")

    scan = tmp_path / "permesso.pdf"
    scan.write_bytes(b"%PDF-1.4 scansione")
    assert a.operator is not None
    operator = a.operator.id
    ticked = next(c.criterion_id for s in a.pathway.ladder.steps for c in s.criteria if c.fact is None)
    today = dt.date.today()
    entry = DiaryEntry(str(uuid.uuid4()), case_id, InterventionType.COLLOQUIO, today, 30, operator,
                       dt.datetime.now(dt.UTC), note="colloquio")  # fmt: skip
    writes = {
        "diary": lambda: a.pathway.add_diary(case_id, entry),
        "plan": lambda: a.pathway.save_plan(case_id, Plan(str(uuid.uuid4()), case_id, today, operator)),
        "checklist": lambda: a.pathway.tick(case_id, ticked),
        "move": lambda: a.pathway.move(case_id, 2, reason="prova", override=True),
        "follow_up": lambda: a.pathway.record_follow_up(case_id, 6),
        "close": lambda: a.pathway.close(case_id, Outcome.TRASFERITO),
        "attachment": lambda: a.cases.attach(case_id, scan),
    }
    for name, write in writes.items():
        with pytest.raises(CaseReadOnlyError):
            write()
        assert _queued(a, case_id) == before, name  # refused before anything was written
    assert a.cases.open(case_id).person["email"] == "prima@example.org"  # still readable here
    assert a.pathway.diary(case_id) == [] and a.cases.open(case_id).attachments == []

    # B, responsible now, writes; A reads B's change after a sync and still cannot write.
    assert b.cases.update(case_id, {**PERSON, "email": "nuovo@example.org"}) == ["email"]
    b.pathway.add_diary(case_id, DiaryEntry(str(uuid.uuid4()), case_id, InterventionType.COLLOQUIO, today, 30,
                                            "op-b", dt.datetime.now(dt.UTC)))  # fmt: skip
    netsync(b, a)
    assert a.cases.open(case_id).person["email"] == "nuovo@example.org"
    with pytest.raises(CaseReadOnlyError):
        a.cases.update(case_id, {**PERSON, "email": "ancora@example.org"})


def test_a_case_never_transferred_and_a_pending_transfer_stay_writable(net: Net, catalogue_file: Path) -> None:
    a, b = net.a, net.b
    a.network.catalogue.found()
    a.network.catalogue.import_file(catalogue_file)
    case_id = a.cases.intake(PERSON)
    a.network.referrals.propose(case_id, b.network.referrals.my_desk_id(), "transfer")
    netsync(a, b)
    assert a.cases.update(case_id, {**PERSON, "email": "ancora@example.org"}) == ["email"]  # not accepted yet
    a.pathway.record_follow_up(case_id, 6)
    assert a.pathway.follow_ups_done(case_id) == frozenset({6})
