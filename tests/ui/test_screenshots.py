"""Screenshots at 1366×768 for a person to look at (IAM_SCREENSHOT_DIR, kept by `make test`): the first-run
wizard, the lock screen, the main window with cases, the short intake form and the settings."""

from __future__ import annotations

from PySide6.QtCore import QSize

from iam_desktop.services.desk import Desk
from iam_desktop.ui.main_window import Workspace
from iam_desktop.ui.wizard import FirstRunWizard

from .test_lock import open_lock_screen, select_coordinator, unlock

SCREEN = QSize(1366, 768)
PEOPLE = [
    ("Amina", "Okafor", "KFRMNA92C41Z335X", "+39 331 111 2233"),
    ("Mohammed Abdi", "Hassan", "HSSMMM88A01Z343Q", "+39 320 555 0101"),
    ("Fatoumata", "Diallo", "12345678901", "+39 347 000 1122"),
    ("Tesfay", "Gebremedhin", "", "+39 388 765 4321"),
    ("Ahmad", "Rahimi", "RHMHMD95T10Z200J", ""),
]


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
    for given, family, cf, phone in PEOPLE:
        desk.create_case({"given_names": given, "family_name": family, "codice_fiscale": cf, "phone": phone})
    window.workspace.cases.reload()
    qtbot.waitUntil(lambda: window.workspace.cases.model.rowCount() == len(PEOPLE))
    shoot(qtbot, window, screenshot_dir / "main_cases.png")
    window.workspace.cases.open_intake()
    shoot(qtbot, window, screenshot_dir / "main_intake_short_form.png")
    window.workspace.cases.intake_form.cancel()
    for section, name in ((Workspace.AGENDA, "main_agenda"), (Workspace.SETTINGS, "main_settings")):
        window.workspace.show_section(section)
        shoot(qtbot, window, screenshot_dir / f"{name}.png")
    window.lock_now()
    for _ in range(3):
        window.lock_screen.passphrase_edit.setText("sbagliata davvero")
        window.lock_screen.try_unlock()
    shoot(qtbot, window, screenshot_dir / "lock_screen_countdown.png")
