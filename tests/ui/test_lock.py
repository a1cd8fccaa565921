"""The lock screen and locking: wrong passphrases and the live back-off countdown; Ctrl+L and the idle timeout
drop the keys (reading afterwards raises LockedError) and unlocking restores them; unlocking on the real worker
thread keeps the screen responsive."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from iam_desktop.domain.errors import LockedError

from .conftest import OPERATOR_PASSPHRASE, PASSPHRASE
from .helpers import press, type_text


def open_lock_screen(qtbot, make_shell, data_dir, **kwargs):
    shell = make_shell(data_dir, **kwargs)
    assert shell.start() is None
    window = shell.main_window
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.lock_screen.passphrase_edit.hasFocus())
    return shell, window


def unlock(qtbot, window, passphrase=PASSPHRASE):
    type_text(qtbot, passphrase)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.workspace)


def test_wrong_passphrase_message_then_countdown(qtbot, make_shell, prepared_desk):
    shell, window = open_lock_screen(qtbot, make_shell, prepared_desk)
    lock = window.lock_screen
    assert lock.selected_username() == "l.bianchi"  # operators sorted by display name: Luca before Maria
    for attempt in range(3):
        type_text(qtbot, f"sbagliata numero {attempt}")
        press(qtbot, Qt.Key.Key_Return)
        assert window.stack.currentWidget() is lock
        assert "Passphrase errata" in lock.message_label.text()
    # Third failure: the vault asks to wait 2 s; the button stays off and the seconds count down live.
    assert "riprovare tra" in lock.message_label.text() or "riprova" in lock.message_label.text()
    assert not lock.unlock_button.isEnabled()
    first = lock.seconds_left()
    assert first in (1, 2)
    assert f"{first} s" in lock.message_label.text()
    press(qtbot, Qt.Key.Key_Return)  # Enter during the back-off does nothing
    assert shell.desk.retry_after("l.bianchi") > 0
    qtbot.waitUntil(lambda: lock.unlock_button.isEnabled(), timeout=4000)
    assert "s." not in lock.message_label.text().split("\n")[-1] or lock.seconds_left() == 0
    lock.passphrase_edit.setFocus()
    lock.passphrase_edit.clear()
    unlock(qtbot, window, OPERATOR_PASSPHRASE)
    assert "Luca Bianchi" in window.operator_status.text()
    assert "Operatore" in window.operator_status.text()
    # An operator does not see operator management or backup.
    settings = window.workspace.settings
    assert settings.operators_box.isHidden()
    assert settings.backup_box.isHidden()
    assert not settings.auto_lock_spin.isEnabled()


def test_countdown_shown_for_a_blocked_operator_on_start(qtbot, make_shell, prepared_desk):
    from iam_desktop.services.desk import Desk

    desk = Desk.open(prepared_desk)
    for _ in range(3):
        with pytest.raises(Exception):  # noqa: B017 - wrong passphrases on purpose
            desk.unlock("l.bianchi", "non è questa la frase")
    desk.close()
    _shell, window = open_lock_screen(qtbot, make_shell, prepared_desk)
    assert window.lock_screen.seconds_left() > 0
    assert not window.lock_screen.unlock_button.isEnabled()


def select_coordinator(window):
    combo = window.lock_screen.operator_combo
    combo.setCurrentIndex(combo.findData("m.rossi"))
    window.lock_screen.passphrase_edit.setFocus()


def test_ctrl_l_and_idle_lock_clear_keys_and_unlock_restores(qtbot, make_shell, prepared_desk):
    shell, window = open_lock_screen(qtbot, make_shell, prepared_desk)
    select_coordinator(window)
    unlock(qtbot, window)
    desk = shell.desk
    case_id = desk.cases.intake({"given_names": ["Amina"], "family_name": "Okafor"})
    window.workspace.cases.reload()
    assert desk.cases.open(case_id).person["family_name"] == "Okafor"

    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.lock_screen)
    with pytest.raises(LockedError):
        desk.cases.open(case_id)
    assert window.workspace.cases.model.rowCount() == 0  # names left the view too
    assert window.lock_status.text() == "Bloccato"
    assert window.lock_screen.selected_username() == "m.rossi"
    unlock(qtbot, window)
    assert desk.cases.open(case_id).person["given_names"] == ["Amina"]
    qtbot.waitUntil(lambda: window.workspace.cases.model.rowCount() == 1)

    # Idle: no input for the (test-sized) interval locks the desk.
    shell.idle.set_interval_ms(150)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.lock_screen, timeout=3000)
    with pytest.raises(LockedError):
        desk.cases.open(case_id)
    unlock(qtbot, window)
    assert desk.cases.open(case_id).person["family_name"] == "Okafor"


def test_unlock_runs_on_the_worker_with_a_busy_bar(qtbot, make_shell, prepared_desk):
    shell, window = open_lock_screen(qtbot, make_shell, prepared_desk, inline=False)
    select_coordinator(window)
    type_text(qtbot, PASSPHRASE)
    press(qtbot, Qt.Key.Key_Return)
    # The click returned at once: the derivation runs on the worker while the bar moves.
    assert window.lock_screen.busy_bar.isVisible()
    assert not window.lock_screen.unlock_button.isEnabled()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.workspace, timeout=10_000)
    assert not window.lock_screen.busy_bar.isVisible()
    qtbot.waitUntil(lambda: not shell.runner.busy, timeout=10_000)
