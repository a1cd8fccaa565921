"""The first-run wizard's first page offers set-up or the demo network; the demo path builds a real demo network
(a sync server child process on 127.0.0.1 and demo desks), opens the Val Trompia desk on a lock screen that shows
the demo-only passphrase, syncs once unlocked, and stops the server when the app closes."""

from __future__ import annotations

from iam_desktop.services import demo
from iam_desktop.services.desk import Desk
from iam_desktop.ui.wizard import FirstRunWizard

from .conftest import SCREEN, shoot


def test_first_page_then_the_demo_network_opens_a_desk(qtbot, make_shell, tmp_path, screenshot_dir):
    shell = make_shell(Desk.data_dir(tmp_path / "data"))
    assert shell.start() is None
    wizard = shell.wizard
    assert wizard is not None
    qtbot.waitExposed(wizard)
    assert wizard.currentId() == FirstRunWizard.CHOICE
    assert wizard.choice_page.setup_radio.isChecked()
    assert wizard.choice_page.setup_radio.text() == "&Configura lo sportello"
    assert wizard.choice_page.demo_radio.text() == "Prova la rete &dimostrativa"
    shoot(qtbot, wizard, screenshot_dir / "wizard_0_choice.png", SCREEN)

    wizard.choice_page.demo_radio.setChecked(True)
    wizard.next()  # inline runner: the demo network is built here (a few seconds)
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=60_000)
    network = shell.demo.network if shell.demo else None
    assert network is not None and network.server.poll() is None
    assert network.server_url.startswith("http://127.0.0.1:")
    assert network.root.parent.parent == tmp_path  # beside the data directory, never inside it
    window = shell.main_window
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.lock_screen)
    assert window.lock_screen.desk_label.text() == "Sportello Val Trompia"
    texts = [w.text() for w in window.lock_screen.findChildren(type(window.lock_screen.message_label))]
    assert any(demo.DEMO_PASSPHRASE in t and "Rete dimostrativa" in t for t in texts)
    window.resize(SCREEN)
    shoot(qtbot, window, screenshot_dir / "demo_lock_screen.png")

    window.lock_screen.passphrase_edit.setText(demo.DEMO_PASSPHRASE)
    window.lock_screen.try_unlock()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.workspace)
    widget = window.sync_controls.widget
    qtbot.waitUntil(lambda: widget.state_button.text().startswith("Aggiornato"), timeout=20_000)
    assert shell.desk is not None and shell.desk.sync.status().waiting == 0

    shell.close()
    assert network.server.poll() is not None  # the demo server stopped with the app
