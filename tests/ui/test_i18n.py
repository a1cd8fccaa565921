"""Italian is the default and complete; switching to English re-translates the visible UI live and is remembered;
the .ts file has every tr() string of iam_desktop/ui, all translated."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET

from PySide6.QtCore import Qt

from iam_desktop.services.desk import Desk
from iam_desktop.ui import i18n_build
from iam_desktop.ui.main_window import Workspace

from .test_lock import open_lock_screen, select_coordinator, unlock

TS_FILE = i18n_build.resource("translations", "iam_it.ts")


def messages(path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message
    return found


def test_italian_catalogue_is_complete():
    committed = messages(TS_FILE)
    assert len(committed) > 100
    unfinished = [key for key, m in committed.items() if m.find("translation").get("type") == "unfinished"]
    empty = [key for key, m in committed.items() if not (m.findtext("translation") or "").strip()]
    assert unfinished == []
    assert empty == []


def test_every_tr_string_in_the_code_is_in_the_ts(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in i18n_build.ui_python_files()]
    subprocess.run([i18n_build.tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    missing = sorted(set(messages(fresh)) - set(messages(TS_FILE)))
    assert missing == [], "run python -m iam_desktop.ui.i18n_build --update and translate"


def test_language_switch_retranslates_live_and_is_remembered(qtbot, make_shell, prepared_desk):
    shell, window = open_lock_screen(qtbot, make_shell, prepared_desk)
    lock = window.lock_screen
    assert lock.unlock_button.text() == "Sblocca"
    select_coordinator(window)
    unlock(qtbot, window)
    workspace = window.workspace
    nav = workspace.navigation
    assert [nav.item(i).text() for i in range(5)] == ["Casi", "Agenda", "Rete", "Monitoraggio", "Impostazioni"]
    assert workspace.cases.new_button.text() == "&Nuova presa in carico"
    workspace.show_section(Workspace.SETTINGS)
    settings = workspace.settings
    settings.language_combo.setCurrentIndex(settings.language_combo.findData("en"))

    qtbot.waitUntil(lambda: nav.item(0).text() == "Cases")
    assert [nav.item(i).text() for i in range(5)] == ["Cases", "Agenda", "Network", "Monitoring", "Settings"]
    assert settings.title_label.text() == "Settings"
    assert settings.backup_button.text() == "Write a backup…"
    assert window.lock_status.text() == "Unlocked"
    assert "(Coordinator)" in window.operator_status.text()
    assert window.lock_action.text() == "Lock"
    assert workspace.cases.model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert lock.unlock_button.text() == "Unlock"  # hidden widgets follow too
    wizard = workspace.cases.wizard  # the form's labels come from the definition, in the new language
    assert wizard.view.labels["family_name"].text() == "&Family name *:"
    assert wizard.title_label.text() == "New intake"
    assert wizard.view.rows["sex"].editor.combo.itemText(2) == "Male"
    assert shell.desk.settings().language == "en"

    settings.language_combo.setCurrentIndex(settings.language_combo.findData("it"))
    qtbot.waitUntil(lambda: nav.item(0).text() == "Casi")
    assert settings.title_label.text() == "Impostazioni"
    assert lock.unlock_button.text() == "Sblocca"


def test_stored_language_is_used_at_start(qtbot, make_shell, prepared_desk):
    from dataclasses import replace

    desk = Desk.open(prepared_desk)
    desk.update_settings(replace(desk.settings(), language="en"))
    desk.close()
    _shell, window = open_lock_screen(qtbot, make_shell, prepared_desk)
    assert window.lock_screen.unlock_button.text() == "Unlock"
    assert window.lock_screen.forgot_link.text().endswith("Forgot your passphrase?</a>")
