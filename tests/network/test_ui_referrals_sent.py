"""The "Rete" view's referrals sent and the referral letter, offscreen through a real sync server: the sending desk
sees each referral's state as the network tells it, withdraws a pending one (after confirming), and prints the
letter from either side; a withdrawal that crossed the receiver's acceptance is shown the same on both desks."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from iam_desktop.ui.errors import ErrorDialog
from iam_desktop.ui.i18n import UiLanguage
from iam_desktop.ui.network import NetworkView
from iam_desktop.ui.tasks import TaskRunner
from tests.network.conftest import PERSON, Net, netsync


def _view(desk, qtbot, failures: list[BaseException]) -> NetworkView:  # type: ignore[no-untyped-def]
    view = NetworkView(desk, TaskRunner(inline=True, fallback_error=failures.append), ErrorDialog(lambda: "it"),
                       lambda: "it")  # fmt: skip
    qtbot.addWidget(view)
    view.resize(1100, 620)
    view.reload()
    return view


def _row(view: NetworkView, r: int = 0) -> list[str]:
    table = view.sent.table
    return [table.item(r, c).text() for c in range(table.columnCount())]


def test_the_sender_follows_and_withdraws_a_referral(net: Net, qtbot, monkeypatch, screenshot_dir: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = net.a, net.b
    failures: list[BaseException] = []
    view = _view(a, qtbot, failures)
    view.tabs.setCurrentWidget(view.sent)
    assert view.sent.empty_note.isVisibleTo(view.sent) and not view.sent.table.isVisibleTo(view.sent)
    view.grab().save(str(screenshot_dir / "rete-inviati-vuoto.png"))
    case_id = a.cases.intake(PERSON)
    netsync(a, b)
    a.network.referrals.propose(case_id, b.network.referrals.my_desk_id(), "housing")
    view.reload()
    state, purpose, to, _opp, day, problems = _row(view)
    assert (state, purpose, problems) == ("proposed — waiting for an answer", "housing", "")
    assert to.startswith("Sportello B") and len(day) == 10 and day[2] == "/"
    view.sent.table.selectRow(0)
    assert view.sent.withdraw.isEnabled() and view.sent.refresh.isEnabled() and not view.sent.complete.isEnabled()
    view.grab().save(str(screenshot_dir / "rete-inviati.png"))
    asked: list[str] = []
    monkeypatch.setattr(view.sent, "confirm", lambda action: asked.append(action) or False)
    view.sent.withdraw.click()
    assert asked == ["withdraw"] and a.network.referrals.sent()[0].state == "proposed"  # cancelled: nothing done
    monkeypatch.setattr(view.sent, "confirm", lambda action: True)
    with qtbot.waitSignal(view.changed):
        view.sent.withdraw.click()
    assert _row(view)[0] == "withdrawn" and not failures
    assert a.network.referrals.sent()[0].state == "withdrawn"
    view.sent.table.selectRow(0)
    assert not view.sent.withdraw.isEnabled() and not view.sent.refresh.isEnabled()


def test_a_crossed_withdrawal_reads_the_same_on_both_desks(net: Net, qtbot, qapp, screenshot_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """In Italian, the UI's default language."""
    language = UiLanguage(qapp)
    language.switch("it")
    a, b = net.a, net.b
    failures: list[BaseException] = []
    case_id = a.cases.intake(PERSON)
    netsync(a, b)
    referral = a.network.referrals.propose(case_id, b.network.referrals.my_desk_id(), "transfer")
    netsync(a, b)
    a.network.referrals.withdraw(referral)
    b.network.referrals.answer(referral, "accepted")
    for _ in range(2):
        netsync(b, a)
    sender, receiver = _view(a, qtbot, failures), _view(b, qtbot, failures)
    assert _row(sender)[0] == "ritirato" and _row(sender)[5] == "accettato prima che il ritiro arrivasse"
    assert receiver.inbox.item(0, 0).text() == "ritirato"
    assert receiver.inbox.item(0, 4).text() == "risposta dopo il ritiro da parte del mittente"
    sender.tabs.setCurrentWidget(sender.sent)
    sender.grab().save(str(screenshot_dir / "rete-invio-ritirato-incrociato.png"))
    receiver.tabs.setCurrentIndex(1)
    receiver.inbox.selectRow(0)
    assert "ritirato prima che la vostra accettazione" in receiver.extract.toPlainText()
    assert not receiver.inbox_letter.isEnabled()  # the case has gone: nothing to print the letter from
    receiver.grab().save(str(screenshot_dir / "rete-ricevuto-ritirato-incrociato.png"))
    assert a.network.referrals.access(case_id) == "edit" and not failures
    language.close()


@pytest.mark.parametrize("side", ["sender", "receiver"])
def test_the_letter_prints_from_either_side(net: Net, qtbot, side: str) -> None:  # type: ignore[no-untyped-def]
    a, b = net.a, net.b
    failures: list[BaseException] = []
    case_id = a.cases.intake(PERSON)
    netsync(a, b)
    a.network.referrals.propose(case_id, b.network.referrals.my_desk_id(), "job")
    netsync(a, b)
    view = _view(a if side == "sender" else b, qtbot, failures)
    table, button = (view.sent.table, view.sent.letter) if side == "sender" else (view.inbox, view.inbox_letter)
    assert not button.isEnabled()
    table.selectRow(0)
    view.sent.ask_language = lambda: "fr"
    button.click()
    previews = view.sent.previews if side == "sender" else view.previews
    assert not failures and len(previews) == 1
    pdf = Path(previews[0].pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Sportello A" in text and "Sportello B" in text
    assert "Ousmane" in text  # a job referral shares the identity by default: the receiver prints it from the extract
    previews[0].close()
    assert not pdf.exists()


@pytest.fixture(autouse=True)
def _offscreen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
