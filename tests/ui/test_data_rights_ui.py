"""The person's data rights in the app, in Italian, on a real vault with the shell wired as the app wires it:
the case file's "Diritti della persona" menu exports the person (both files written, the JSON holds the person, the
PDF opens in the preview) and erases them only once the family name is typed (cancel erases nothing; the erased case
leaves the list, cannot be opened, waits in the queue for the server and the sync panel says so); an operator
reaches neither action nor the retention review; the retention review from Settings lists the cases closed long
ago and not a recent one, none ticked, and erases only the ticked one after a confirmation that names how many.
Screenshots land in ``screenshot_dir`` to be looked at."""

from __future__ import annotations

import json
import subprocess
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from iam_desktop.domain.closure import Outcome
from iam_desktop.domain.errors import ValidationError
from iam_desktop.ui.pdf_preview import PREVIEW_AVAILABLE
from iam_desktop.ui.views.data_rights import EraseDialog

from .cases_data import FAMILY, open_workspace_with_cases, person
from .conftest import OPERATOR_PASSPHRASE
from .test_lock import open_lock_screen, unlock


def _open_case(qtbot, window, case_id: str):  # type: ignore[no-untyped-def]
    cases = window.workspace.cases
    cases.open_case(case_id)
    view = cases.case_file
    qtbot.waitUntil(lambda: view.case is not None and view.case.case_id == case_id)
    return view


def test_export_writes_both_files_and_opens_the_pdf(qtbot, make_shell, prepared_desk, screenshot_dir, tmp_path,
                                                   monkeypatch, shown):  # type: ignore[no-untyped-def]  # fmt: skip
    shell, window, ids = open_workspace_with_cases(qtbot, make_shell, prepared_desk, 2)
    window.resize(1280, 800)
    view = _open_case(qtbot, window, ids[0])
    rights = view.rights_button
    assert rights.text() == "&Diritti della persona"
    assert rights.export_action.isEnabled() and rights.erase_action.isEnabled()
    assert rights.export_action.text() == "Esporta i dati della persona (accesso)…"
    assert rights.erase_action.text() == "Cancella la persona (diritto alla cancellazione)…"
    view.grab().save(str(screenshot_dir / "rights_case_file.png"))
    rights.rights_menu.popup(rights.mapToGlobal(QPoint(0, rights.height())))
    qtbot.waitExposed(rights.rights_menu)
    rights.rights_menu.grab().save(str(screenshot_dir / "rights_menu.png"))
    rights.rights_menu.hide()

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: ""))
    rights.export_action.trigger()  # the operator cancels the folder: nothing written, nothing shown
    assert rights.export_dialog is None

    out = tmp_path / "consegna"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: str(out)))
    rights.export_action.trigger()
    qtbot.waitUntil(lambda: rights.export_dialog is not None)
    json_path, pdf_path = out / f"person-{ids[0]}.json", out / f"person-{ids[0]}.pdf"
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["case_id"] == ids[0] and data["person"]["family_name"] == FAMILY[0]
    assert data["person"]["phone"] == person(0, date.today())["phone"].replace(" ", "")
    assert pdf_path.read_bytes().startswith(b"%PDF")
    assert "person.export" in {e["action"] for e in shell.desk.network.rights.collect(ids[0])["audit"]}
    done = rights.export_dialog
    assert str(out) in done.files_label.text()
    assert pdf_path.name in done.files_label.text() and json_path.name in done.files_label.text()
    assert "dati personali" in done.files_label.text()
    done.grab().save(str(screenshot_dir / "rights_export_done.png"))
    qtbot.mouseClick(done.open_button, Qt.MouseButton.LeftButton)
    assert len(rights.previews) == 1
    preview = rights.previews[0]
    assert preview.windowTitle() == "Dati della persona"
    assert preview.page_count >= 1 or not PREVIEW_AVAILABLE
    preview.grab().save(str(screenshot_dir / "rights_export_preview.png"))
    preview.close()
    qtbot.waitUntil(lambda: not rights.previews)
    assert pdf_path.exists()  # the operator's file: the preview leaves it in place
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "2", str(pdf_path),
                    str(screenshot_dir / "rights_export_pdf")], check=False)  # fmt: skip
    assert not shown.messages  # no error on the way


def test_erase_needs_the_family_name_and_then_erases_everywhere_at_the_next_sync(qtbot, make_shell, prepared_desk,
                                                                                screenshot_dir, shown):  # type: ignore[no-untyped-def]  # fmt: skip
    shell, window, ids = open_workspace_with_cases(qtbot, make_shell, prepared_desk, 3)
    desk, case_id = shell.desk, ids[0]
    view = _open_case(qtbot, window, case_id)
    rights = view.rights_button

    rights.erase_action.trigger()
    qtbot.waitUntil(lambda: rights.erase_dialog is not None)
    dialog = rights.erase_dialog
    assert dialog.windowTitle() == "Cancella la persona"
    words = dialog.explanation.text()
    assert "Non si può annullare" in words and "alla prossima sincronizzazione" in words
    assert "Nessun invio in corso" in words and "senza dati personali" in words
    assert f"<b>{FAMILY[0]}</b>" in dialog.prompt.text()
    for typed in ("", "Okaf", "Okafor Amina", "Hassan"):
        dialog.name_edit.setText(typed)
        assert not dialog.erase_button.isEnabled(), typed
    dialog.name_edit.setText(FAMILY[0].upper())  # the case file shows it in capitals: capitals do not matter
    assert dialog.erase_button.isEnabled()
    dialog.resize(dialog.sizeHint())
    dialog.grab().save(str(screenshot_dir / "rights_erase_confirm.png"))
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rights.erase_dialog is None)
    assert desk.cases.open(case_id).person["family_name"] == FAMILY[0]  # cancel erased nothing
    assert desk.network.rights.pending_erasures() == []
    assert view.case is not None and window.workspace.cases.model.rowCount() == 3

    rights.erase_action.trigger()
    qtbot.waitUntil(lambda: rights.erase_dialog is not None)
    dialog = rights.erase_dialog
    dialog.name_edit.setText(FAMILY[0])
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    cases = window.workspace.cases
    qtbot.waitUntil(lambda: cases.model.rowCount() == 2)
    assert cases.pages.currentWidget() is cases.list_page and view.case is None
    assert not view.title_label.text()  # nothing of the person stays on screen
    with pytest.raises(ValidationError):
        desk.cases.open(case_id)
    assert desk.network.rights.pending_erasures() == [case_id]
    assert desk.cases.open(ids[1]).person["family_name"] == FAMILY[1]  # the others untouched
    assert any("prossima sincronizzazione" in m for m in shown.messages)

    window.sync_controls.open_panel()
    panel = window.sync_controls.panel
    qtbot.waitUntil(lambda: panel.erasures_label.isVisible())
    assert panel.erasures_label.text().startswith("Cancellazioni in attesa di invio al server: 1")
    panel.grab().save(str(screenshot_dir / "rights_sync_panel_waiting.png"))
    panel.close()


def test_an_empty_family_name_asks_for_a_fixed_word(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = EraseDialog("", "", 1, 2)
    qtbot.addWidget(dialog)
    assert dialog.expected == "ERASE"  # English here: no translator is installed in this test
    assert "Referrals still pending: 1" in dialog.explanation.text() and "other desks: 2" in dialog.explanation.text()
    dialog.name_edit.setText("ERAS")
    assert not dialog.erase_button.isEnabled()
    dialog.name_edit.setText("erase")
    assert dialog.erase_button.isEnabled()


def test_an_operator_reaches_neither_action_nor_the_retention_review(qtbot, make_shell, prepared_desk):  # type: ignore[no-untyped-def]
    shell, window = open_lock_screen(qtbot, make_shell, prepared_desk)
    assert window.lock_screen.selected_username() == "l.bianchi"
    unlock(qtbot, window, OPERATOR_PASSPHRASE)
    case_id = shell.desk.cases.intake(person(1, date.today()))
    window.workspace.cases.reload()
    view = _open_case(qtbot, window, case_id)
    rights = view.rights_button
    assert not rights.export_action.isEnabled() and not rights.erase_action.isEnabled()
    assert rights.export_action.toolTip() == "Solo un coordinatore può esportare i dati di una persona"
    assert rights.erase_action.toolTip() == "Solo un coordinatore può cancellare una persona"
    rights.export_action.trigger()
    rights.erase_action.trigger()
    assert rights.export_dialog is None and rights.erase_dialog is None
    settings = window.workspace.settings
    assert settings.retention_box.isHidden()
    assert shell.desk.cases.open(case_id)  # nothing happened to the case


def test_a_transferred_case_can_be_exported_not_erased_here(qtbot, make_shell, prepared_desk):  # type: ignore[no-untyped-def]
    from .test_read_only_banner import _transfer_away

    shell, window, ids = open_workspace_with_cases(qtbot, make_shell, prepared_desk, 1)
    _transfer_away(shell.desk, ids[0])
    rights = _open_case(qtbot, window, ids[0]).rights_button
    assert rights.export_action.isEnabled() and not rights.erase_action.isEnabled()
    assert rights.erase_action.toolTip().startswith("Il caso è stato trasferito")


def _closed_long_ago(desk, n: int) -> str:  # type: ignore[no-untyped-def]
    """A case opened in 2018 and closed in 2019 through the services: due for erasure since 2024 (5 years)."""
    case_id = desk.cases.intake(person(n, date(2018, 3, 1)), today=date(2018, 3, 1))
    desk.pathway.close(case_id, Outcome.AUTONOMIA_RAGGIUNTA, on=date(2019, 3, 1))
    return case_id


def test_the_retention_review_lists_old_closed_cases_and_erases_only_the_ticked_one(qtbot, make_shell, prepared_desk,
                                                                                   screenshot_dir, shown):  # type: ignore[no-untyped-def]  # fmt: skip
    shell, window, ids = open_workspace_with_cases(qtbot, make_shell, prepared_desk, 1)
    desk = shell.desk
    recent = ids[0]
    desk.pathway.close(recent, Outcome.ABBANDONO)  # closed today: due in 5 years
    old = [_closed_long_ago(desk, 4), _closed_long_ago(desk, 5)]
    window.workspace.cases.reload()
    qtbot.waitUntil(lambda: window.workspace.cases.model.rowCount() == 3)
    settings = window.workspace.settings
    window.workspace.sections.setCurrentWidget(settings)
    window.resize(1280, 800)
    assert not settings.retention_box.isHidden()
    assert settings.retention_button.text() == "Revisione della conservazione…"
    settings.grab().save(str(screenshot_dir / "rights_settings.png"))
    qtbot.mouseClick(settings.retention_button, Qt.MouseButton.LeftButton)
    review = settings.retention_dialog
    assert review is not None
    qtbot.waitUntil(lambda: review.table.rowCount() == 2)
    assert {c.case_id for c in review.candidates} == set(old)  # the recent closure is not listed
    names = [review.table.item(r, 0).text() for r in range(2)]
    assert sorted(names) == sorted(desk.cases.row(c).display_name for c in old)
    assert [review.table.item(r, 2).text() for r in range(2)] == ["01/03/2019", "01/03/2019"]
    assert [review.table.item(r, 3).text() for r in range(2)] == ["01/03/2024", "01/03/2024"]
    assert review.table.item(0, 1).text() == "Caso chiuso: conservato 5 anni dopo la chiusura"
    assert review.selected() == [] and not review.erase_button.isEnabled()  # nothing pre-selected
    review.grab().save(str(screenshot_dir / "rights_retention_review.png"))

    first = str(review.table.item(0, 0).data(Qt.ItemDataRole.UserRole))
    other = next(c for c in old if c != first)
    review.set_checked(first)
    assert review.selected() == [first] and review.erase_button.text() == "Cancella i selezionati (1)…"
    qtbot.mouseClick(review.erase_button, Qt.MouseButton.LeftButton)
    confirm = review.confirm
    assert confirm is not None and "<b>1</b>" in confirm.text_label.text()
    assert "Non si può annullare" in confirm.text_label.text()
    confirm.grab().save(str(screenshot_dir / "rights_retention_confirm.png"))
    qtbot.mouseClick(confirm.cancel_button, Qt.MouseButton.LeftButton)
    assert desk.cases.open(first) and desk.network.rights.pending_erasures() == []  # cancelled: nothing erased

    qtbot.mouseClick(review.erase_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(review.confirm.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: review.table.rowCount() == 1)
    with pytest.raises(ValidationError):
        desk.cases.open(first)
    assert desk.cases.open(other) and desk.cases.open(recent)  # only the ticked one
    assert desk.network.rights.pending_erasures() == [first]
    assert any("Persone cancellate da questo computer: 1" in m for m in shown.messages)
    qtbot.waitUntil(lambda: window.workspace.cases.model.rowCount() == 2)
    assert review.selected() == []

    review.set_checked(other)
    qtbot.mouseClick(review.erase_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(review.confirm.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: review.empty_label.isVisible())
    assert review.empty_label.text().startswith("Nessun caso da cancellare")
    assert not review.table.isVisible() and not review.erase_button.isEnabled()
    review.grab().save(str(screenshot_dir / "rights_retention_empty.png"))
