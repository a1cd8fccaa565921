"""The "Rete" view offscreen: the catalogue received from the network, filtered by kind, and the referral inbox
where the receiving desk's coordinator declines a referral with a reason (the reason dialog patched)."""

from __future__ import annotations

from pathlib import Path

import pytest

from iam_desktop.ui.errors import ErrorDialog
from iam_desktop.ui.network import NetworkView
from iam_desktop.ui.tasks import TaskRunner
from tests.network.conftest import PERSON, Net, netsync


def test_catalogue_and_inbox_decline_with_reason(net: Net, catalogue_file: Path, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    net.a.network.catalogue.found()
    net.a.network.catalogue.import_file(catalogue_file)
    case_id = net.a.cases.intake(PERSON)
    referral = net.a.network.referrals.propose(case_id, net.b.network.referrals.my_desk_id(), "job",
                                               opportunity="lavoro-pd-1")  # fmt: skip
    netsync(net.a, net.b)
    failures: list[BaseException] = []
    view = NetworkView(net.b, TaskRunner(inline=True, fallback_error=failures.append), ErrorDialog(lambda: "it"),
                       lambda: "it")  # fmt: skip
    qtbot.addWidget(view)
    view.reload()
    assert view.catalogue.rowCount() == 3
    view.kind.setCurrentIndex(view.kind.findData("housing"))
    assert [view.catalogue.item(r, 1).text() for r in range(view.catalogue.rowCount())] == ["Co-housing Reggio Emilia"]
    assert view.catalogue.item(0, 0).text() == "Housing"  # the kind in words, not its code
    assert view.inbox.rowCount() == 1 and view.inbox.item(0, 0).text() == "proposed"
    # The purpose in words, the sending desk by name, the opportunity by its title.
    assert [view.inbox.item(0, c).text() for c in (1, 3)] == ["job", "Saldatore Padova"]
    assert view.inbox.item(0, 2).text().startswith("Sportello A")
    assert not view.accept.isEnabled()
    view.inbox.selectRow(0)
    assert view.accept.isEnabled() and view.decline.isEnabled()
    monkeypatch.setattr(view, "ask_reason", lambda: "nessun posto per ora")
    with qtbot.waitSignal(view.changed):
        view.decline.click()
    assert view.inbox.item(0, 0).text() == "declined" and not failures
    netsync(net.b, net.a)
    sent = net.a.network.referrals.sent()
    assert [(v.referral_id, v.state, v.reason) for v in sent] == [(referral, "declined", "nessun posto per ora")]


@pytest.fixture(autouse=True)
def _offscreen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
