"""Auto-lock keeps the short intake form's unsaved input as an encrypted draft: the widgets are emptied, the vault
file and its WAL never hold the typed text, and after unlocking (same operator) the form and its input are back.
Saving the form creates the case and discards the draft."""

from __future__ import annotations

from PySide6.QtCore import Qt

from iam_desktop.services.desk import Desk

from .conftest import PASSPHRASE
from .helpers import press, type_text
from .test_lock import open_lock_screen, select_coordinator, unlock

TYPED = {
    "given_names": "Zainab Ifeoma",
    "family_name": "Oyelaran-Testcase",
    "codice_fiscale": "YLRZNB90A41Z335K",
    "phone": "+39 333 987 6543",
    "notes": "Arrivata da un CAS di Lumezzane",
}


def raw_vault_bytes(data_dir) -> bytes:
    files = [data_dir.vault, data_dir.vault.with_name(data_dir.vault.name + "-wal")]
    return b"".join(p.read_bytes() for p in files if p.exists())


def test_idle_lock_keeps_input_as_encrypted_draft_and_unlock_restores_it(qtbot, make_shell, prepared_desk):
    shell, window = open_lock_screen(qtbot, make_shell, prepared_desk)
    select_coordinator(window)
    unlock(qtbot, window)
    cases = window.workspace.cases
    cases.new_button.click()
    form = cases.intake_form
    assert cases.pages.currentWidget() is form
    assert form.given_names_edit.hasFocus()
    for key in ("given_names", "family_name", "codice_fiscale", "phone", "notes"):
        type_text(qtbot, TYPED[key])
        press(qtbot, Qt.Key.Key_Tab)

    shell.idle.set_interval_ms(200)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.lock_screen, timeout=3000)
    assert not shell.desk.unlocked
    assert not form.has_unsaved_input()  # the text left the widgets
    raw = raw_vault_bytes(prepared_desk)
    for value in TYPED.values():
        assert value.encode() not in raw
        assert value.split()[0].encode() not in raw

    unlock(qtbot, window)
    assert window.workspace.sections.currentWidget() is cases
    assert cases.pages.currentWidget() is form
    assert form.values() == {**TYPED}
    assert form.restored_label.isVisible()
    assert form.given_names_edit.hasFocus()

    # Saving creates the case and discards the draft.
    form.save_button.click()
    qtbot.waitUntil(lambda: cases.model.rowCount() == 1)
    assert cases.model.rows[0].family_name == TYPED["family_name"]
    assert shell.desk.load_draft(form.form_id) is None
    raw = raw_vault_bytes(prepared_desk)
    assert TYPED["family_name"].encode() not in raw


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
    from .conftest import OPERATOR_PASSPHRASE

    unlock(qtbot, window, OPERATOR_PASSPHRASE)
    assert not cases.intake_form.has_unsaved_input()
    assert cases.pages.currentIndex() == 0
    # Maria's draft is still hers.
    desk = Desk.open(prepared_desk)
    desk.unlock("m.rossi", PASSPHRASE)
    assert desk.load_draft(cases.intake_form.form_id)["given_names"] == "Solo per Maria"
    desk.close()


def test_validation_messages_next_to_the_fields(qtbot, make_shell, prepared_desk):
    shell, window = open_lock_screen(qtbot, make_shell, prepared_desk)
    select_coordinator(window)
    unlock(qtbot, window)
    cases = window.workspace.cases
    cases.new_button.click()
    form = cases.intake_form
    type_text(qtbot, "Amina")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "ABC123")
    press(qtbot, Qt.Key.Key_Return)
    assert form.family_name_message.isVisible()
    assert form.family_name_edit.hasFocus()
    type_text(qtbot, "Diallo")
    press(qtbot, Qt.Key.Key_Return)
    assert form.codice_fiscale_message.isVisible()
    assert form.codice_fiscale_edit.hasFocus()
    form.cancel_button.click()
    assert cases.pages.currentIndex() == 0
    assert shell.desk.case_ids() == []
