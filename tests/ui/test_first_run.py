"""First run driven by the keyboard: wizard (with a validation error corrected on the way) → recovery key →
lock screen → unlock → main window; and a vault that cannot be opened ends the app cleanly."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from iam_desktop.domain.errors import LockedError
from iam_desktop.ui.wizard import FirstRunWizard

from .conftest import PASSPHRASE
from .helpers import focused, press, replace_text, type_text


def test_wizard_to_main_window_by_keyboard(qtbot, make_shell, data_dir, shown, tmp_path):
    shell = make_shell(data_dir)
    assert shell.start() is None
    wizard = shell.wizard
    assert wizard is not None
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    # The first page offers set-up (chosen already) or the demo network: Enter goes on to set-up.
    qtbot.waitUntil(lambda: focused() is wizard.choice_page.setup_radio)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: focused() is wizard.profile_page.name_edit)

    # Enter on an empty name: the message appears next to the field and the page stays.
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentId() == FirstRunWizard.PROFILE
    assert wizard.profile_page.name_message.isVisible()
    type_text(qtbot, "Sportello Valle Sabbia")
    assert not wizard.profile_page.name_message.isVisible()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is wizard.profile_page.territory_combo
    replace_text(qtbot, "Valle Sabbia")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentId() == FirstRunWizard.COORDINATOR)

    page = wizard.coordinator_page
    qtbot.waitUntil(lambda: focused() is page.username_edit)
    type_text(qtbot, "g.verdi")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Giulia Verdi")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "corta")  # too short
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "corta")
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentId() == FirstRunWizard.COORDINATOR
    assert page.passphrase.passphrase_message.isVisible()
    assert "10" in page.passphrase.passphrase_message.text()
    assert focused() is page.passphrase.passphrase
    replace_text(qtbot, PASSPHRASE)
    assert not page.passphrase.passphrase_message.isVisible()
    press(qtbot, Qt.Key.Key_Tab)
    replace_text(qtbot, PASSPHRASE + "x")
    press(qtbot, Qt.Key.Key_Return)
    assert page.passphrase.confirmation_message.isVisible()  # mismatch
    assert wizard.currentId() == FirstRunWizard.COORDINATOR
    replace_text(qtbot, PASSPHRASE)
    press(qtbot, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: wizard.currentId() == FirstRunWizard.RECOVERY)
    qtbot.waitUntil(lambda: focused() is wizard.recovery_page.save_button)
    key = wizard.recovery_page.key_label.text()
    assert len(key.replace("-", "")) >= 40
    # The sheet is written where the (patched) file dialog says.
    shown.save_path = tmp_path / "recovery.pdf"
    wizard.recovery_page.save_button.click()
    assert shown.save_path.read_bytes().startswith(b"%PDF")
    # Finishing needs the box ticked; Escape does not lose the key either.
    assert not wizard.button(wizard.WizardButton.FinishButton).isEnabled()
    wizard.reject()
    assert wizard.isVisible()
    assert focused() is wizard.recovery_page.kept_check
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Return)

    window = shell.main_window
    assert window is not None
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.lock_screen)
    assert not wizard.isVisible()
    lock = window.lock_screen
    assert lock.desk_label.text() == "Sportello Valle Sabbia"
    assert lock.selected_username() == "g.verdi"
    assert not shell.desk.unlocked
    window.activateWindow()
    qtbot.waitUntil(lambda: focused() is lock.passphrase_edit)
    type_text(qtbot, PASSPHRASE)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.workspace)
    assert "Giulia Verdi" in window.operator_status.text()
    assert "Coordinatore" in window.operator_status.text()
    assert window.lock_status.text() == "Sbloccato"
    assert shell.desk.settings().language == "it"


def test_foreign_vault_is_refused_with_a_message(make_shell, prepared_desk, shown):
    prepared_desk.binding.write_text(json.dumps({"vault_id": "another", "device_id": "x"}))
    shell = make_shell(prepared_desk)
    assert shell.start() == 1
    assert shown.messages and "altr" in shown.messages[0].lower()
    assert shell.main_window is None


def test_lock_screen_before_unlock_reads_nothing(qtbot, make_shell, prepared_desk):
    shell = make_shell(prepared_desk)
    shell.start()
    assert shell.main_window is not None
    try:
        shell.desk.cases.count()
    except LockedError:
        pass
    else:
        raise AssertionError("a locked desk listed its cases")
