"""The case list, the case file and the agenda on a real vault: search-as-you-type narrows the list on every
keystroke (no worker), Enter opens the case; an edit shows up in the history with who, which field, old → new;
attachments are added, a fake JPEG is refused with a clear sentence; a generated intake form opens in the PDF
preview, whose temporary file disappears with it; the agenda lists the expiring and expired permits."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter

from iam_desktop.ui import pdf_preview

from .cases_data import open_workspace_with_cases
from .helpers import press, type_text


def test_search_as_you_type_narrows_the_list_and_enter_opens(qtbot, make_shell, prepared_desk):
    _shell, window, _ids = open_workspace_with_cases(qtbot, make_shell, prepared_desk, 30)
    page = window.workspace.cases.list_page
    assert page.count_label.text() == "30 casi"
    page.search_edit.setFocus()
    counts = []
    for letter in "diallo":
        type_text(qtbot, letter)
        page.refresh()  # what the 60 ms debounce does after each key
        counts.append(page.model.rowCount())
    assert counts[0] > counts[-1] > 0
    assert counts == sorted(counts, reverse=True)
    assert all(row.family_name == "Diallo" for row in page.model.rows)
    assert page.count_label.text() == f"{counts[-1]} di 30 casi"
    type_text(qtbot, "zzz")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.list_stack.currentWidget() is page.no_match
    page.search_edit.clear()
    page.status_combo.setCurrentIndex(page.status_combo.findData("chiuso"))
    assert page.model.rowCount() == 0
    page.status_combo.setCurrentIndex(0)
    page.search_edit.setText("Traoré")
    page.refresh()
    first = page.model.rows[0]
    press(qtbot, Qt.Key.Key_Return)  # Enter in the search box opens the first case
    cases = window.workspace.cases
    assert cases.pages.currentWidget() is cases.case_file
    assert cases.case_file.case.case_id == first.case_id


def test_permit_column_marks_expired_and_expiring(qtbot, make_shell, prepared_desk):
    _shell, window, _ids = open_workspace_with_cases(qtbot, make_shell, prepared_desk, 12)
    model = window.workspace.cases.model
    permit = model.PERMIT
    texts = [model.data(model.index(r, permit)) for r in range(model.rowCount())]
    assert any(t.endswith("scaduto") for t in texts)
    assert any("tra 20 giorni" in t for t in texts)
    model.sort(permit, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, permit)).endswith("scaduto")
    assert model.data(model.index(0, permit), Qt.ItemDataRole.ForegroundRole).color().name() == "#b00020"


def test_case_file_history_after_edit_and_attachments(qtbot, make_shell, prepared_desk, tmp_path):
    shell, window, ids = open_workspace_with_cases(qtbot, make_shell, prepared_desk, 3)
    cases = window.workspace.cases
    cases.open_case(ids[1])
    view = cases.case_file
    assert view.title_label.text() == "HASSAN Mariama"
    assert view.summary.values["phone"].text() == "+393105551001"  # stored normalised
    view.edit_button.click()
    assert view.editing
    editor = view.editor
    assert editor.rows["family_name"].editor.focus_target.hasFocus()
    editor.rows["phone"].editor.set_value("+39 333 000 1111")
    editor.rows["notes"].editor.set_value("Cerca lavoro come saldatore")
    editor.rows["permit.type"].editor.set_value("protezione_sussidiaria")
    editor.rows["permit.number"].editor.set_value("I00009999")
    editor.rows["permit.questura"].editor.set_value("Brescia")
    editor.rows["permit.issued"].editor.set_value("2025-01-31")
    editor.rows["permit.expires"].editor.set_value("2030-01-31")
    view.save_button.click()
    assert not view.editing
    history = view.history
    newest = history.topLevelItem(0)
    assert newest.text(1) == "Maria Rossi"
    assert newest.text(2).startswith("modificato: ")
    changes = {newest.child(i).text(1): newest.child(i).text(2) for i in range(newest.childCount())}
    assert changes["Telefono"] == "+393105551001 → +393330001111"
    assert changes["Note"] == "— → Cerca lavoro come saldatore"
    assert changes["Data di scadenza"] == "— → 31/01/2030"  # one line per field of the permit, by its label
    assert "Numero del permesso" in changes
    assert history.topLevelItem(1).text(2) == "caso aperto"
    assert shell.desk.cases.open(ids[1]).person["phone"] == "+393330001111"

    scan = tmp_path / "permesso.png"
    QImage(320, 200, QImage.Format.Format_RGB32).save(str(scan))
    view.attachments.attach(scan)
    assert view.attachments.list.count() == 1
    assert view.attachments.list.item(0).text().startswith("permesso.png · documento")
    view.attachments.view_current()  # decrypted and shown in a scrollable image viewer
    viewer = view.attachments.viewers[-1]
    assert viewer.image.pixmap().size().width() == 320
    viewer.close()
    fake = tmp_path / "foto.jpg"
    fake.write_bytes(b"%PDF-1.4 not a jpeg")
    view.attachments.attach(fake)
    assert view.attachments.message.isVisible()
    assert "non è un vero file JPG" in view.attachments.message.text()
    assert view.attachments.list.count() == 1


@pytest.mark.skipif(not pdf_preview.PREVIEW_AVAILABLE, reason="QtPdf missing: install pyside6-pdf (PySide6 >= 6.12)")
def test_printing_opens_the_pdf_preview_and_removes_the_file(qtbot, make_shell, prepared_desk, shown, tmp_path):
    _shell, window, ids = open_workspace_with_cases(qtbot, make_shell, prepared_desk, 3)
    cases = window.workspace.cases
    cases.open_case(ids[2])  # Diallo speaks French: printed in Italian and French without asking
    cases.case_file.print_actions["intake"].trigger()
    preview = cases.case_file.previews[-1]
    assert preview.page_count > 0
    assert preview.pages_label.text() == f"{preview.page_count} pagine"
    pdf = Path(preview.pdf)
    assert pdf.exists()
    assert pdf.parent.stat().st_mode & 0o077 == 0  # a private directory: only this user can read it
    shown.save_path = tmp_path / "copia.pdf"
    preview.save_copy()
    assert shown.save_path.read_bytes().startswith(b"%PDF-")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "stampato.pdf"))
    preview.render_to(printer)  # what "Stampa…" does once the print dialog is accepted
    assert (tmp_path / "stampato.pdf").read_bytes().count(b"/Type /Page") >= preview.page_count
    preview.close()
    assert not pdf.exists()
    assert not pdf.parent.exists()


def test_agenda_lists_expiring_permits(qtbot, make_shell, prepared_desk):
    _shell, window, ids = open_workspace_with_cases(qtbot, make_shell, prepared_desk, 15)
    agenda = window.workspace.agenda
    rows = [agenda.permits.topLevelItem(i) for i in range(agenda.permits.topLevelItemCount())]
    days = [row.text(2) for row in rows]
    assert days[0] == "scaduto da 12 giorni"
    assert "20 giorni" in days and "45 giorni" in days
    assert all("200" not in d for d in days)
    assert rows[0].foreground(2).color().name() == "#b00020"
    assert [agenda.tabs.tabText(i) for i in range(3)] == ["Scadenze", "Permessi di soggiorno", "Panoramica dei gradini"]
    agenda.permits.itemActivated.emit(rows[1], 0)
    assert window.workspace.sections.currentWidget() is window.workspace.cases
    assert window.workspace.cases.case_file.case.case_id in ids


def test_real_worker_thread_saves_an_intake_and_lists_it(qtbot, make_shell, prepared_desk):
    from .test_lock import open_lock_screen, select_coordinator, unlock

    shell, window = open_lock_screen(qtbot, make_shell, prepared_desk, inline=False)
    select_coordinator(window)
    unlock(qtbot, window)
    cases = window.workspace.cases
    cases.new_button.click()
    wizard = cases.wizard
    wizard.view.rows["family_name"].editor.set_value("Keita")
    wizard.view.rows["given_names"].editor.set_value(["Awa"])
    wizard.save_button.click()
    qtbot.waitUntil(lambda: cases.case_file.case is not None, timeout=5000)
    assert cases.case_file.title_label.text() == "KEITA Awa"
    cases.show_list()
    qtbot.waitUntil(lambda: cases.model.rowCount() == 1, timeout=5000)
    shell.runner.wait_idle()
