"""Auto-lock keeps the intake wizard's unsaved input as an encrypted draft: the widgets are emptied, the vault file
and its WAL never hold the typed text, and after unlocking (same operator) the wizard is back on the section where
the operator was, with the input. Saving discards the draft; another operator never gets someone else's draft."""

from __future__ import annotations

from PySide6.QtCore import Qt

from iam_desktop.services.desk import Desk

from .conftest import OPERATOR_PASSPHRASE, PASSPHRASE
from .helpers import press, type_text
from .test_lock import open_lock_screen, select_coordinator, unlock

TYPED = {
    "family_name": "Oyelaran-Testcase",
    "given_names": "Zainab Ifeoma",
    "questura": "Lumezzanetest",
}


def raw_vault_bytes(data_dir) -> bytes:
    files = [data_dir.vault, data_dir.vault.with_name(data_dir.vault.name + "-wal")]
    return b"".join(p.read_bytes() for p in files if p.exists())


def test_idle_lock_keeps_wizard_input_as_encrypted_draft_and_unlock_restores_it(qtbot, make_shell, prepared_desk):
    shell, window = open_lock_screen(qtbot, make_shell, prepared_desk)
    select_coordinator(window)
    unlock(qtbot, window)
    cases = window.workspace.cases
    cases.new_button.click()
    wizard = cases.wizard
    type_text(qtbot, TYPED["family_name"])
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, TYPED["given_names"])
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # to the documents section
    assert wizard.view.section == 1
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Return)  # status, permit type, number: to the Questura
    type_text(qtbot, TYPED["questura"])

    shell.idle.set_interval_ms(200)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.lock_screen, timeout=3000)
    assert not shell.desk.unlocked
    assert not wizard.has_unsaved_input()  # the text left the widgets
    raw = raw_vault_bytes(prepared_desk)
    for value in TYPED.values():
        assert value.encode() not in raw
        assert value.split()[0].encode() not in raw

    unlock(qtbot, window)
    assert window.workspace.sections.currentWidget() is cases
    assert cases.pages.currentWidget() is wizard
    values = wizard.view.values()
    assert values["family_name"] == TYPED["family_name"]
    assert values["given_names"] == ["Zainab Ifeoma"]
    assert values["permit.questura"] == TYPED["questura"]
    assert wizard.view.section == 1
    assert wizard.restored_label.isVisible()

    # A permit needs its type: the case book refuses, and says so next to the field.
    wizard.save_button.click()
    assert shell.desk.cases.count() == 0
    type_row = wizard.view.rows["permit.type"]
    assert type_row.error.isVisible()
    assert type_row.editor.focus_target.hasFocus()
    # Without the permit, saving creates the case and discards the draft.
    wizard.view.rows["permit.questura"].editor.set_value("")
    wizard.save_button.click()
    assert shell.desk.cases.count() == 1
    assert cases.pages.currentWidget() is cases.case_file
    assert shell.desk.load_draft(wizard.form_id) is None
    assert TYPED["family_name"].encode() not in raw_vault_bytes(prepared_desk)


def test_a_different_operator_does_not_get_someone_elses_draft(qtbot, make_shell, prepared_desk):
    _shell, window = open_lock_screen(qtbot, make_shell, prepared_desk)
    select_coordinator(window)
    unlock(qtbot, window)
    cases = window.workspace.cases
    cases.new_button.click()
    type_text(qtbot, "Solo per Maria")
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.lock_screen)
    combo = window.lock_screen.operator_combo
    combo.setCurrentIndex(combo.findData("l.bianchi"))
    window.lock_screen.passphrase_edit.setFocus()
    unlock(qtbot, window, OPERATOR_PASSPHRASE)
    assert not cases.wizard.has_unsaved_input()
    assert cases.pages.currentWidget() is cases.list_page
    desk = Desk.open(prepared_desk)
    desk.unlock("m.rossi", PASSPHRASE)
    assert desk.load_draft(cases.wizard.form_id)["values"]["family_name"] == "Solo per Maria"
    desk.close()


def test_an_edit_in_progress_survives_the_lock(qtbot, make_shell, prepared_desk):
    shell, window = open_lock_screen(qtbot, make_shell, prepared_desk)
    select_coordinator(window)
    unlock(qtbot, window)
    case_id = shell.desk.cases.intake({"family_name": "Mensah", "given_names": ["Kwame"]})
    cases = window.workspace.cases
    cases.open_case(case_id)
    file = cases.case_file
    file.edit_button.click()
    assert file.editor.rows["family_name"].editor.focus_target.hasFocus()
    file.editor.focus_field("notes")
    type_text(qtbot, "Colloquio al CPI fissato")
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.lock_screen)
    assert b"Colloquio" not in raw_vault_bytes(prepared_desk)
    assert file.case is None
    unlock(qtbot, window)
    assert cases.pages.currentWidget() is file
    assert file.editing
    assert file.editor.values()["notes"] == "Colloquio al CPI fissato"
    file.save_button.click()
    assert shell.desk.cases.open(case_id).person["notes"] == "Colloquio al CPI fissato"
    assert shell.desk.load_draft("case-edit") is None


def test_the_draft_is_written_while_typing_so_a_crash_loses_nothing(qtbot, make_shell, prepared_desk):
    shell, window = open_lock_screen(qtbot, make_shell, prepared_desk)
    select_coordinator(window)
    unlock(qtbot, window)
    window.workspace.cases.new_button.click()
    wizard = window.workspace.cases.wizard
    wizard.draft_timer.setInterval(50)
    type_text(qtbot, "Bah")
    qtbot.waitUntil(lambda: shell.desk.load_draft(wizard.form_id) is not None, timeout=2000)
    # Another process opening the same vault (the app after a crash, never locked) finds the draft.
    other = Desk.open(prepared_desk)
    other.unlock("m.rossi", PASSPHRASE)
    assert other.load_draft(wizard.form_id)["values"] == {"family_name": "Bah"}
    other.close()
