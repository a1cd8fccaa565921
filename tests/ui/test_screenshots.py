"""Screenshots at 1366×768 for a person to look at (IAM_SCREENSHOT_DIR, kept by `make test`): the first-run wizard,
the lock screen, the case list (and a search), the intake wizard (an inline error, a duplicate warning, the
documents section, the repeat tables), the case file with history and attachments, the PDF preview, the agenda and
the settings."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from iam_desktop.services.desk import Desk
from iam_desktop.ui import pdf_preview
from iam_desktop.ui.main_window import Workspace
from iam_desktop.ui.wizard import FirstRunWizard

from .cases_data import person
from .test_lock import open_lock_screen, select_coordinator, unlock

SCREEN = QSize(1366, 768)


def shoot(qtbot, widget, path):
    widget.resize(SCREEN)
    qtbot.wait(20)
    image = widget.grab()
    assert image.size() == SCREEN
    assert image.save(str(path))


def test_screenshots(qtbot, make_shell, data_dir, prepared_desk, screenshot_dir, tmp_path):
    wizard_shell = make_shell(Desk.data_dir(tmp_path / "fresh"))
    wizard_shell.start()
    wizard = wizard_shell.wizard
    qtbot.waitExposed(wizard)
    wizard.next()  # past the first choice (set up the desk / try the demo network)
    shoot(qtbot, wizard, screenshot_dir / "wizard_1_desk.png")
    wizard.profile_page.name_edit.setText("Sportello Val Trompia")
    wizard.next()
    page = wizard.coordinator_page
    page.username_edit.setText("m.rossi")
    page.full_name_edit.setText("Maria Rossi")
    page.passphrase.passphrase.setText("corta")
    wizard.next()  # refused: shows the messages next to the fields
    assert wizard.currentId() == FirstRunWizard.COORDINATOR
    shoot(qtbot, wizard, screenshot_dir / "wizard_2_coordinator.png")
    page.passphrase.passphrase.setText("una frase abbastanza lunga")
    page.passphrase.confirmation.setText("una frase abbastanza lunga")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == FirstRunWizard.RECOVERY)
    shoot(qtbot, wizard, screenshot_dir / "wizard_3_recovery_key.png")
    wizard.recovery_page.kept_check.setChecked(True)
    wizard.accept()

    shell, window = open_lock_screen(qtbot, make_shell, prepared_desk)
    shoot(qtbot, window, screenshot_dir / "lock_screen.png")
    select_coordinator(window)
    unlock(qtbot, window)
    shoot(qtbot, window, screenshot_dir / "main_cases_empty.png")
    desk = shell.desk
    today = date.today()
    for n in range(30):
        desk.cases.intake(person(n, today))
    cases = window.workspace.cases
    cases.reload()
    window.workspace.agenda.reload()
    qtbot.waitUntil(lambda: cases.model.rowCount() == 30)
    shoot(qtbot, window, screenshot_dir / "main_cases.png")
    cases.list_page.search_edit.setText("ka")
    cases.list_page.refresh()
    shoot(qtbot, window, screenshot_dir / "main_cases_search.png")
    cases.list_page.search_edit.clear()

    # The wizard: the first section with an inline error, then the duplicate warning, then the documents section.
    cases.open_intake()
    wizard = cases.wizard
    rows = wizard.view.rows
    for field_id, value in (("family_name", "Traore"), ("given_names", ["Amadou"]), ("sex", "M"),
                            ("birth_date", "1990-01-01"), ("birth_country", "ML"), ("languages", ["bm", "fr"]),
                            ("codice_fiscale", "TRRMDB90A01Z329X"), ("phone", "+39 333 123 4567")):  # fmt: skip
        rows[field_id].editor.set_value(value)
    wizard.advance()  # refused: the wrong check character is shown next to the field
    shoot(qtbot, window, screenshot_dir / "intake_1_inline_error.png")
    desk.cases.intake({"family_name": "Traoré", "given_names": ["Amadou"], "codice_fiscale": "TRRMDB90A01Z329G"})
    rows["codice_fiscale"].editor.set_value("TRRMDB90A01Z329G")
    wizard.check_now()
    qtbot.waitUntil(lambda: wizard.duplicates.isVisible())
    shoot(qtbot, window, screenshot_dir / "intake_2_duplicate.png")
    wizard.advance()
    for field_id, value in (("protection_status", "protezione_sussidiaria"), ("permit.type", "protezione_sussidiaria"),
                            ("permit.number", "I00001234"), ("permit.questura", "Brescia"),
                            ("permit.issued", "2024-03-10"), ("permit.expires", "2029-03-10")):  # fmt: skip
        rows[field_id].editor.set_value(value)
    shoot(qtbot, window, screenshot_dir / "intake_3_documents.png")
    wizard.view.go_to(4)
    rows["education"].editor.set_value([{"level": "secondaria_inferiore", "title": "DEF", "country": "ML"}])
    rows["skills"].editor.set_value([{"kind": "artigianato_tradizionale", "name": "Tessitura"}])
    shoot(qtbot, window, screenshot_dir / "intake_4_repeat_tables.png")
    wizard.discard()

    case_id = cases.model.rows[0].case_id
    cases.open_case(case_id)
    view = cases.case_file
    view.start_editing()
    view.editor.rows["notes"].editor.set_value("Cerca lavoro come saldatore; ha la patente B.")
    view.editor.rows["email"].editor.set_value("persona@example.org")
    view.save_edit()
    scan = tmp_path / "permesso.png"
    QImage(400, 250, QImage.Format.Format_RGB32).save(str(scan))
    view.attachments.attach(scan)
    fake = tmp_path / "foto.jpg"
    fake.write_bytes(b"%PDF-1.4 not a jpeg")
    view.attachments.attach(fake)
    shoot(qtbot, window, screenshot_dir / "case_file.png")
    view.tabs.setCurrentWidget(view.pathway_panels["pathway"])
    shoot(qtbot, window, screenshot_dir / "case_file_pathway.png")
    view.tabs.setCurrentIndex(0)
    if pdf_preview.PREVIEW_AVAILABLE:
        view.print_document("intake", "fr")
        preview = view.previews[-1]
        shoot(qtbot, preview, screenshot_dir / "pdf_preview.png")
        preview.close()
    cases.show_list()
    for section, name in ((Workspace.AGENDA, "main_agenda"), (Workspace.SETTINGS, "main_settings")):
        window.workspace.show_section(section)
        shoot(qtbot, window, screenshot_dir / f"{name}.png")
    window.workspace.show_section(Workspace.NETWORK)
    shoot(qtbot, window, screenshot_dir / "main_network.png")
    window.workspace.show_section(Workspace.AGENDA)
    window.workspace.agenda.tabs.setCurrentIndex(1)
    shoot(qtbot, window, screenshot_dir / "main_agenda_permits.png")
    window.lock_now()
    for _ in range(3):
        window.lock_screen.passphrase_edit.setText("sbagliata davvero")
        window.lock_screen.try_unlock()
    shoot(qtbot, window, screenshot_dir / "lock_screen_countdown.png")
