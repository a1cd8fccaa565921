"""The central office recovers a desk in the app (Italian UI, real server): the desk's only computer is lost and
revoked; a new computer enrols in the enrolment dialog, typing the central office's key fingerprint, and shows its
short code; the central office's sync panel lists it with the desk's name, refuses a wrong code and approves the
right one from the desk's recovery copy; the new computer finishes and shows the confirmed central office key.
Screenshots of the enrolment form (a mistyped fingerprint), the central office's panel and the finished dialog."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QSize

from iam_desktop.services.desk import Desk
from sync.server.storage import open_storage
from sync.server.testing import provision_desk
from tests.sync_client.helpers import person
from tests.ui_sync.conftest import PASSPHRASE, new_vault, open_unlocked, shoot


def test_the_central_office_approves_a_lost_desks_new_computer(qtbot, make_shell, server, tmp_path, screenshot_dir):
    _id, (office_code,) = provision_desk(server.database_url, "Ufficio centrale", central=True)
    office_dir = new_vault(tmp_path / "centrale", "Ufficio centrale")
    office = Desk.open(office_dir)
    office.unlock("anna", PASSPHRASE)
    office.sync.enrolment().enrol(server.url, office_code)
    fingerprint = office.sync.enrolment().own_fingerprint()
    office.close()

    desk_id, (code,) = provision_desk(server.database_url, "Sportello Valle Sabbia")
    lost_dir = new_vault(tmp_path / "perso", "Sportello Valle Sabbia")
    lost = Desk.open(lost_dir)
    lost.unlock("anna", PASSPHRASE)
    device_id = lost.sync.enrolment().enrol(server.url, code, central_fingerprint=fingerprint).device_id
    case_id = lost.cases.intake(person(5))
    assert lost.sync.client().run_once().ok
    lost.close()
    shutil.rmtree(lost_dir.root)
    storage = open_storage(server.database_url)
    try:
        assert storage.revoke_device(device_id)
        new_code = storage.create_enrol_code(desk_id, 60)[0]
    finally:
        storage.close()

    shell_new, window_new = open_unlocked(qtbot, make_shell, new_vault(tmp_path / "nuovo", "Sportello Valle Sabbia"))
    controls_new = window_new.sync_controls
    controls_new.open_panel()
    assert controls_new.panel is not None
    controls_new.panel.enrol_button.click()
    dialog = controls_new.panel.enrolment_dialog
    assert dialog is not None
    dialog.server_edit.setText(server.url)
    dialog.code_edit.setText(new_code)
    dialog.label_edit.setText("nuovo portatile")
    dialog.fingerprint_edit.setText(fingerprint[:-2])  # a digit short: refused before the code is spent
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: "20 caratteri esadecimali" in dialog.message_label.text())
    assert dialog.pages.currentIndex() == dialog.FORM and shell_new.desk.sync.enrolment().state() is None
    shoot(qtbot, dialog, screenshot_dir / "sync_enrolment_fingerprint_refused.png", QSize(700, 460))
    dialog.fingerprint_edit.setText(fingerprint.lower().replace("-", " "))
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.WAITING)
    short = dialog.code_label.text()

    _shell_office, window_office = open_unlocked(qtbot, make_shell, office_dir)
    controls_office = window_office.sync_controls
    controls_office.open_panel()
    panel = controls_office.panel
    assert panel is not None
    box = panel.pending_box
    qtbot.waitUntil(lambda: box.table.rowCount() == 1)
    assert box.table.item(0, 0).text() == "nuovo portatile"
    assert box.table.item(0, 1).text() == "Sportello Valle Sabbia (recupero)" and not box.table.isColumnHidden(1)
    box.code_edit.setText("000 000" if short != "000 000" else "111 111")
    box.approve_button.click()
    qtbot.waitUntil(lambda: "non corrisponde" in box.message_label.text())
    shoot(qtbot, panel, screenshot_dir / "sync_central_recovery_pending.png", QSize(1000, 700))
    box.code_edit.setText(short)
    box.approve_button.click()
    qtbot.waitUntil(lambda: box.message_label.text().startswith("Approvato"))
    assert "Sportello Valle Sabbia" in box.message_label.text() and "copia" in box.message_label.text()
    shoot(qtbot, panel, screenshot_dir / "sync_central_recovery_approved.png", QSize(1000, 700))

    dialog.poll()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.DONE)
    assert fingerprint in dialog.done_label.text() and "(confermata)" in dialog.done_label.text()
    shoot(qtbot, dialog, screenshot_dir / "sync_enrolment_recovered_done.png", QSize(700, 460))
    assert shell_new.desk.sync.client().run_once().ok
    assert shell_new.desk.cases.open(case_id).person["family_name"] == person(5)["family_name"]
