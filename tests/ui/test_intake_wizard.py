"""The intake wizard by keyboard: a whole presa in carico typed field by field (Enter to the next field, Ctrl+Enter
to the next section and, on the last, to save), with a codice fiscale whose check character is wrong corrected on
the way; then a second person with the same codice fiscale raises the duplicate warning, whose button opens the
first case."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .helpers import focused, press, replace_text, type_text
from .test_lock import open_lock_screen, select_coordinator, unlock

WRONG_CF = "TRRMDB90A01Z329X"
RIGHT_CF = "TRRMDB90A01Z329G"
CTRL = Qt.KeyboardModifier.ControlModifier


def start_intake(qtbot, make_shell, data_dir):
    shell, window = open_lock_screen(qtbot, make_shell, data_dir)
    select_coordinator(window)
    unlock(qtbot, window)
    cases = window.workspace.cases
    cases.new_button.click()
    wizard = cases.wizard
    assert cases.pages.currentWidget() is wizard
    assert wizard.view.rows["family_name"].editor.focus_target.hasFocus()
    return shell, window, cases, wizard


def type_fields(qtbot, answers):
    """Type each answer into the focused field and press Enter (None: leave the field empty)."""
    for answer in answers:
        if answer:
            type_text(qtbot, answer)
        press(qtbot, Qt.Key.Key_Return)


def test_full_intake_by_keyboard_with_a_correction(qtbot, make_shell, prepared_desk):
    shell, _window, cases, wizard = start_intake(qtbot, make_shell, prepared_desk)
    view = wizard.view
    type_fields(qtbot, ["Traoré", "Amadou", None, "M", "01/01/1990", "ML", "ML", "bm, fr"])
    assert view.rows["italian_level"].editor.focus_target.hasFocus()
    type_fields(qtbot, ["A2", WRONG_CF])
    # Leaving the codice fiscale shows what is wrong with it, right under it.
    cf_row = view.rows["codice_fiscale"]
    assert cf_row.error.isVisible()
    assert "ultimo carattere" in cf_row.error.text()
    type_fields(qtbot, ["+39 333 123 4567", None])  # Enter on the last field of the section: move on...
    assert view.section == 0  # ...refused: the error is still there, and the keyboard is back on it
    assert cf_row.editor.focus_target.hasFocus()
    replace_text(qtbot, RIGHT_CF)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert view.section == 1
    assert not cf_row.error.isVisible()
    assert not cf_row.warning.isVisible()  # sex, birth date and country agree with the code
    assert focused() is view.rows["protection_status"].editor.focus_target
    press(qtbot, Qt.Key.Key_PageUp, Qt.KeyboardModifier.AltModifier)  # back to the first section...
    assert view.section == 0
    assert view.labels["phone"].text() == "&Telefono:"
    press(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # ...where Alt+T jumps to the phone
    assert focused() is view.rows["phone"].editor.focus_target
    press(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)
    assert view.section == 1

    type_fields(qtbot, ["Rif", "Asi", "AB1234567", "Brescia", "10/01/2025", "10/01/2027"])
    for _ in range(len(wizard.form.sections) - 2):
        press(qtbot, Qt.Key.Key_Return, CTRL)
    assert view.section == len(wizard.form.sections) - 1
    press(qtbot, Qt.Key.Key_Return, CTRL)  # the last section: save

    assert cases.pages.currentWidget() is cases.case_file
    assert shell.desk.cases.count() == 1
    qtbot.waitUntil(lambda: cases.case_file.case is not None)
    case = cases.case_file.case
    assert cases.case_file.title_label.text() == "TRAORÉ Amadou"
    assert case.person["codice_fiscale"] == RIGHT_CF
    assert case.person["birth_date"] == "1990-01-01"
    assert case.person["languages"] == ["bm", "fr"]
    assert case.person["permit"]["questura"] == "Brescia"
    assert case.person["permit"]["expires"] == "2027-01-10"
    assert shell.desk.load_draft(wizard.form_id) is None
    assert not wizard.has_unsaved_input()


def test_duplicate_warning_names_the_other_case_and_opens_it(qtbot, make_shell, prepared_desk):
    shell, _window, cases, wizard = start_intake(qtbot, make_shell, prepared_desk)
    first = shell.desk.cases.intake(
        {"family_name": "Traoré", "given_names": ["Amadou"], "sex": "M", "birth_date": "1990-01-01",
         "birth_country": "ML", "codice_fiscale": RIGHT_CF}
    )  # fmt: skip
    type_fields(qtbot, ["Traore", "Amadu", None, "M", "01/01/1991", "ML", None, None, None, RIGHT_CF])
    panel = wizard.duplicates
    qtbot.waitUntil(lambda: panel.isVisible(), timeout=3000)
    assert panel.texts == ["Possibile doppione: TRAORÉ Amadou — stesso codice fiscale"]
    # The code does not match the year typed: a warning, not a block.
    assert "anno di nascita" in wizard.view.rows["codice_fiscale"].warning.text()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert wizard.view.section == 1
    panel.findChildren(type(cases.new_button))[0].click()
    assert cases.pages.currentWidget() is cases.case_file
    assert cases.case_file.case.case_id == first
    # The intake in progress waits as a draft.
    assert shell.desk.load_draft(wizard.form_id)["values"]["family_name"] == "Traore"
