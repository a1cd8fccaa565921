"""The sync UI against a real server process: the status bar from "not connected" through "syncing" to "up to
date" with the waiting count going to 0 (enrolled through the panel's enrolment dialog); a server that is down shows
"offline" while the operator keeps typing; a conflict made by two devices of a desk resolved in the conflicts view;
a desk's second computer showing the short code and approved on the first, both through the UI. Screenshots at
1366×768 go to the screenshot folder."""

from __future__ import annotations

from iam_desktop.services.desk import Changes, Desk
from iam_desktop.vault import sync_state
from iam_desktop.vault.paths import DataDir
from sync.server.testing import ServerProcess, free_port, provision_desk
from tests.sync_client.helpers import person

from .conftest import SCREEN, new_vault, open_unlocked, shoot


def test_status_bar_not_connected_then_syncing_then_up_to_date(qtbot, make_shell, server, tmp_path, screenshot_dir):
    _desk_id, (code,) = provision_desk(server.database_url, "Sportello Stato")
    shell, window = open_unlocked(qtbot, make_shell, new_vault(tmp_path / "a", "Sportello Stato"))
    controls = window.sync_controls
    widget = controls.widget
    qtbot.waitUntil(lambda: widget.state_button.text() == "Non collegato a un server")
    assert not widget.waiting_label.isVisible()
    shoot(qtbot, window, screenshot_dir / "sync_status_not_connected.png")

    # Local work while not connected: the changes wait.
    shell.desk.cases.intake(person(1))
    window.apply_changes(Changes(cases=True))
    assert controls.scheduler.debounce.isActive()

    seen: list[tuple[str, bool]] = []
    controls.scheduler.started.connect(
        lambda: seen.append((widget.state_button.text(), widget.progress_bar.isVisible()))
    )
    controls.scheduler.started.connect(lambda: shoot(qtbot, window, screenshot_dir / "sync_status_syncing.png"))

    controls.open_panel()
    panel = controls.panel
    assert panel is not None and panel.enrol_button.isVisible()
    panel.enrol_button.click()
    dialog = panel.enrolment_dialog
    assert dialog is not None
    dialog.server_edit.setText(server.url)
    dialog.code_edit.setText(code)
    dialog.connect_button.click()  # inline runner: enrol, then the sync it asks for, run at once
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.DONE)
    assert "Sportello Stato" in dialog.done_label.text()
    dialog.accept()

    assert seen and seen[0] == ("Sincronizzazione…", True)
    qtbot.waitUntil(lambda: widget.state_button.text().startswith("Aggiornato — ultima sincronizzazione alle "))
    assert widget.waiting_label.text() == "Modifiche in attesa: 0"
    assert shell.desk.sync.status().waiting == 0
    assert not widget.progress_bar.isVisible()
    assert panel.runs.rowCount() >= 1 and panel.runs.item(0, 1).text().startswith("Sincronizzato")
    assert int(panel.runs.item(0, 2).text()) >= 2  # the case and its history record were sent
    shoot(qtbot, window, screenshot_dir / "sync_status_up_to_date.png")
    shoot(qtbot, panel, screenshot_dir / "sync_panel.png", SCREEN)
    box = panel.pending_box  # nothing waiting: one line and the refresh button, no empty table or code field
    assert box.message_label.text() == "Nessun computer in attesa."
    assert not box.table.isVisibleTo(box) and not box.code_edit.isVisibleTo(box)
    assert box.refresh_button.isVisibleTo(box)

    # Ctrl+Shift+S syncs again; locking stops the scheduler.
    assert controls.sync_action.shortcut().toString() == "Ctrl+Shift+S"
    assert controls.sync_action in window.desk_menu.actions()
    runs = len(controls.scheduler.history)
    controls.sync_action.trigger()
    qtbot.waitUntil(lambda: len(controls.scheduler.history) == runs + 1)
    window.lock_now()
    assert not controls.scheduler.active and controls.panel is None


def test_server_down_shows_offline_and_the_operator_keeps_typing(qtbot, make_shell, server, tmp_path, screenshot_dir):
    _desk_id, (code,) = provision_desk(server.database_url, "Sportello Spento")
    data_dir = new_vault(tmp_path / "a", "Sportello Spento")
    desk = Desk.open(data_dir)
    desk.unlock("anna", "una passphrase lunga e segreta")
    desk.sync.enrolment().enrol(server.url, code)
    desk.cases.intake(person(2))
    # The server "moves away": the address now points at a port where nothing listens.
    with desk.vault.engine.begin() as conn:
        state = sync_state.enrolment(conn)
        assert state is not None
        sync_state.save_enrolment(
            conn, sync_state.Enrolment(**{**state.__dict__, "server_url": f"http://127.0.0.1:{free_port()}"})
        )
    desk.close()

    _shell, window = open_unlocked(qtbot, make_shell, data_dir, inline=False)  # a real network pool
    widget = window.sync_controls.widget
    target = window.workspace.cases.list_page.search_edit
    target.setFocus()
    qtbot.keyClicks(target, "Okafor")  # typing goes on while the sync tries the network
    assert target.text().endswith("Okafor")
    qtbot.waitUntil(lambda: widget.state_button.text() == "Non in linea", timeout=30_000)
    assert widget.waiting_label.text().startswith("Modifiche in attesa: ") and not widget.waiting_label.text().endswith(
        " 0"
    )
    assert window.sync_controls.scheduler.timer.isActive()  # retried later, with back-off
    assert window.sync_controls.scheduler.timer.remainingTime() < 60_000
    shoot(qtbot, window, screenshot_dir / "sync_status_offline.png")


def _two_devices(server: ServerProcess, tmp_path) -> tuple[DataDir, DataDir]:
    """Two enrolled, active computers of one desk (the second approved by the first)."""
    _desk_id, codes = provision_desk(server.database_url, "Sportello Conflitti", codes=2)
    dirs = [new_vault(tmp_path / f"pc{i}", "Sportello Conflitti") for i in range(2)]
    a, b = (Desk.open(d) for d in dirs)
    for desk in (a, b):
        desk.unlock("anna", "una passphrase lunga e segreta")
    a.sync.enrolment().enrol(server.url, codes[0], label="pc0")
    result = b.sync.enrolment().enrol(server.url, codes[1], label="pc1")
    a.sync.enrolment().approve(result.device_id, result.short_code)
    assert b.sync.enrolment().finish_handover()
    case_id = a.cases.intake(person(3))
    assert a.sync.client().run_once().ok and b.sync.client().run_once().ok
    for desk, notes in ((a, "versione di A"), (b, "versione di B")):
        file = desk.cases.open(case_id)
        desk.cases.update(case_id, {**file.person, "notes": notes})
    for desk in (a, b, a):
        assert desk.sync.client().run_once().ok
    a.close(), b.close()
    return dirs[0], dirs[1]


def test_resolving_a_conflict_in_the_view(qtbot, make_shell, server, tmp_path, screenshot_dir):
    first, _second = _two_devices(server, tmp_path)
    shell, window = open_unlocked(qtbot, make_shell, first)
    controls = window.sync_controls
    qtbot.waitUntil(lambda: controls.widget.conflicts_button.isVisible())
    assert controls.widget.conflicts_button.text() == "Conflitti: 1"
    shoot(qtbot, window, screenshot_dir / "sync_status_conflicts.png")
    controls.widget.conflicts_button.click()
    view = controls.conflicts
    assert view is not None
    qtbot.waitUntil(lambda: view.table.rowCount() == 1)
    assert view.table.item(0, 0).text() == "FITTIZIO D Nome d"  # the case's display name
    assert view.table.item(0, 1).text() != "person.notes"  # the intake form's label
    assert view.current_box.value_label.text() == "versione di B"
    assert view.other_box.value_label.text() == "versione di A"
    assert view.other_box.who_label.text() == "Scritto su questo computer"
    assert view.current_box.who_label.text().startswith("Scritto su un altro computer")
    shoot(qtbot, view, screenshot_dir / "sync_conflicts_view.png")
    waiting = shell.desk.sync.status().waiting
    view.restore_button.click()
    qtbot.waitUntil(lambda: view.table.rowCount() == 0)
    (entry,) = shell.desk.sync.conflicts(include_resolved=True)
    assert entry.resolution == "restore_other"
    assert shell.desk.cases.open(entry.case_id).person["notes"] == "versione di A"
    assert shell.desk.sync.status().waiting > waiting  # the restored value is a change that syncs
    assert shell.desk.sync.status().conflicts == 0
    assert controls.scheduler.debounce.isActive()
    qtbot.waitUntil(lambda: not controls.widget.conflicts_button.isVisible())


def test_second_computer_shows_the_short_code_and_is_approved_on_the_first(
    qtbot, make_shell, server, tmp_path, screenshot_dir
):
    _desk_id, codes = provision_desk(server.database_url, "Sportello Due", codes=2)
    first_dir = new_vault(tmp_path / "first", "Sportello Due")
    first = Desk.open(first_dir)
    first.unlock("anna", "una passphrase lunga e segreta")
    first.sync.enrolment().enrol(server.url, codes[0])
    first.close()

    _shell_b, window_b = open_unlocked(qtbot, make_shell, new_vault(tmp_path / "second", "Sportello Due"))
    controls_b = window_b.sync_controls
    controls_b.open_panel()
    assert controls_b.panel is not None
    controls_b.panel.enrol_button.click()
    dialog = controls_b.panel.enrolment_dialog
    assert dialog is not None
    dialog.server_edit.setText(server.url)
    dialog.code_edit.setText(codes[1])
    dialog.label_edit.setText("portatile sportello")
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.WAITING)
    short = dialog.code_label.text()
    assert len(short) == 7 and short[3] == " " and short.replace(" ", "").isdigit()
    assert dialog.poll_timer.isActive()
    shoot(qtbot, dialog, screenshot_dir / "sync_enrolment_short_code.png", dialog.size())
    qtbot.waitUntil(lambda: controls_b.widget.state_button.text() == "Dispositivo in attesa di approvazione")

    _shell_a, window_a = open_unlocked(qtbot, make_shell, first_dir)
    controls_a = window_a.sync_controls
    controls_a.open_panel()
    panel = controls_a.panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.pending_box.table.rowCount() == 1)
    assert panel.pending_box.table.item(0, 0).text() == "portatile sportello"
    panel.pending_box.code_edit.setText("000 000" if short != "000 000" else "111 111")
    panel.pending_box.approve_button.click()
    assert "non corrisponde" in panel.pending_box.message_label.text()
    panel.pending_box.code_edit.setText(short)
    panel.pending_box.approve_button.click()
    assert panel.pending_box.message_label.text().startswith("Approvato")

    dialog.poll()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.DONE)
    qtbot.waitUntil(lambda: controls_b.widget.state_button.text().startswith("Aggiornato"))
