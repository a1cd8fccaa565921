"""What the operator sees of this session's sync work, against a real server process (offscreen, Italian,
screenshots at 1366×768): the sync panel's "Ultima sincronizzazione" (attachments, the archive check, cases removed
after a revoke and kept for review), the case kept for review discarded in two clicks, the changes set aside one per
line in words; a central office key that is not the pinned one in the status bar and the panel; and in the case file
an attachment whose content waits to go up ("in invio"), one whose upload failed, and "Riprova ora"."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select, update

from iam_desktop.services.enrolment import key_fingerprint
from iam_desktop.vault import sync_state
from iam_desktop.vault.paths import DataDir
from iam_desktop.vault.tables import blob_queue
from sync.server.testing import ServerProcess, enrolled_desk, free_port, provision_desk, public_key_b64
from tests.network.conftest import PERSON
from tests.sync_client.helpers import desk_devices, new_vault, person
from tests.sync_client.test_operator_report import AlteringSession

from .conftest import SCREEN, open_unlocked, shoot
from .conftest import new_vault as closed_vault


def test_panel_shows_the_last_run_the_kept_case_and_what_was_set_aside(
    qtbot, make_shell, server: ServerProcess, tmp_path: Path, screenshot_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    a = desk_devices(server, tmp_path, 1, name=f"Sportello A {tmp_path.name}")[0]
    b = desk_devices(server, tmp_path, 1, name=f"Sportello B {tmp_path.name}")[0]
    removed = a.cases.intake({**PERSON, "family_name": "Rimossofittizio"})
    kept = a.cases.intake({**PERSON, "family_name": "Tenutofittizio"})
    damaged = a.cases.intake({**PERSON, "family_name": "Alteratofittizio"})
    b_id = b.network.referrals.my_desk_id()
    referrals = {c: a.network.referrals.propose(c, b_id, "transfer") for c in (removed, kept, damaged)}
    assert a.network.sync().ok
    assert _sync_altered(b, damaged)
    assert [q["reason"] for q in b.sync.quarantine()] and {q["case_id"] for q in b.sync.quarantine()} == {damaged}
    b.cases.update(kept, {**PERSON, "family_name": "Tenutofittizio", "phone": "+39 333 999 0000"})  # not sent
    for case_id in (removed, kept):
        a.network.referrals.withdraw(referrals[case_id])
        a.sync.revoke_access(case_id, b_id)
    assert a.network.sync().ok
    b_root = b.vault.data_dir.root
    b.close()
    a.close()

    shell, window = open_unlocked(qtbot, make_shell, DataDir(b_root))
    controls = window.sync_controls
    qtbot.waitUntil(lambda: len(controls.scheduler.history) >= 1)  # the run at unlock brings the revoke notices
    report = controls.scheduler.history[0]
    assert report.ok and report.revoked == 1 and report.kept_for_review == 1
    controls.open_panel()
    panel = controls.panel
    assert panel is not None
    assert panel.last_box.isVisible()
    assert panel.access_value.text() == "casi rimossi da questo computer: 1; tenuti per revisione: 1"
    assert panel.attachments_value.text().startswith("0 inviati, 0 ricevuti, 0 in attesa, 0 non riusciti")
    assert panel.partitions_value.text()
    assert panel.revoked_box.isVisible() and panel.revoked_table.rowCount() == 1
    assert panel.revoked_table.item(0, 0).text().startswith(kept[:8] + " · TENUTOFITTIZIO")
    assert int(panel.revoked_table.item(0, 2).text()) >= 1
    assert panel.quarantine_table.isVisible() and panel.quarantine_table.rowCount() >= 1
    assert panel.quarantine_table.item(0, 0).text().startswith(damaged[:8])
    assert panel.quarantine_table.item(0, 1).text() == "modifica: alterato in transito"
    assert panel.quarantine_table.item(0, 2).text()  # when
    shoot(qtbot, panel, screenshot_dir / "sync_panel_last_run.png", SCREEN)

    # Discarding the kept case takes two clicks: the first says what is lost.
    panel.discard_button.click()
    assert panel.discard_button.text() == "Conferma: scarta"
    assert kept[:8] in panel.discard_note.text() and "Fai clic di nuovo" in panel.discard_note.text()
    assert set(shell.desk.sync.revoked()) == {kept}
    shoot(qtbot, panel, screenshot_dir / "sync_panel_discard_confirm.png", SCREEN)
    panel.discard_button.click()
    assert shell.desk.sync.revoked() == {}
    assert not panel.revoked_box.isVisible()
    assert shell.desk.cases.row(kept) is None


def _sync_altered(desk, case_id: str) -> bool:  # type: ignore[no-untyped-def]
    """One plain sync run through a link that alters every change of ``case_id`` (then the network's steps)."""
    report = desk.sync.client(session=AlteringSession(case_id)).run_once()
    assert report.ok and report.quarantined >= 1
    return desk.network.sync().ok


def test_a_changed_central_office_key_in_the_status_bar_and_the_panel(
    qtbot, make_shell, server: ServerProcess, tmp_path: Path, screenshot_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    (office,) = enrolled_desk(server.database_url, server.url, f"Ufficio centrale {tmp_path.name}", central=True)
    fingerprint = key_fingerprint(public_key_b64(office.desk_key))
    _id, (code,) = provision_desk(server.database_url, f"Sportello impronta UI {tmp_path.name}")
    desk = new_vault(tmp_path / "d", "Sportello impronta")
    assert desk.sync.enrolment().enrol(server.url, code, central_fingerprint=fingerprint).central_confirmed
    other_key = public_key_b64(X25519PrivateKey.generate())
    with desk.vault.engine.begin() as conn:
        state = sync_state.enrolment(conn)
        assert state is not None and state.central_pinned
        pinned = key_fingerprint(other_key)
        changed = dataclasses.replace(state, central_public_key=other_key, central_fingerprint=pinned)
        sync_state.save_enrolment(conn, changed)
    root = desk.vault.data_dir.root
    desk.close()

    _shell, window = open_unlocked(qtbot, make_shell, DataDir(root))
    widget = window.sync_controls.widget
    qtbot.waitUntil(
        lambda: widget.state_button.text() == "Chiave dell'ufficio centrale cambiata: sincronizzazione ferma"
    )
    tip = widget.state_button.toolTip()
    assert "Telefona all'ufficio centrale" in tip and key_fingerprint(other_key) in tip
    shoot(qtbot, window, screenshot_dir / "sync_status_central_key.png")
    window.sync_controls.open_panel()
    panel = window.sync_controls.panel
    assert panel is not None
    assert panel.state_label.text().startswith("Il server annuncia una chiave dell'ufficio centrale diversa")
    assert panel.runs.item(0, 1).text().startswith("Il server annuncia")
    assert not panel.last_box.isVisible()  # the run moved nothing: no "last sync" figures to read
    shoot(qtbot, panel, screenshot_dir / "sync_panel_central_key.png", SCREEN)


def test_case_file_shows_sending_a_failed_upload_and_retry_now(
    qtbot, make_shell, server: ServerProcess, tmp_path: Path, screenshot_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    (desk,) = desk_devices(server, tmp_path, 1)
    case_id = desk.cases.intake(person(21))
    scan = tmp_path / "permesso.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20 + b"\n%%EOF\n")
    sending = desk.cases.attach(case_id, scan, kind="permesso")
    refused = desk.cases.attach(case_id, scan, kind="contratto")
    with desk.vault.engine.begin() as conn:  # the server refused this one as too large, an hour ago
        conn.execute(update(blob_queue).where(blob_queue.c.attachment_id == refused.attachment_id)
                     .values(state="failed", reason="too_large", attempts=1, next_try=time.time() + 3600))  # fmt: skip
        state = sync_state.enrolment(conn)
        assert state is not None  # the server is out of reach: nothing moves while we look
        sync_state.save_enrolment(conn, dataclasses.replace(state, server_url=f"http://127.0.0.1:{free_port()}"))
    root = desk.vault.data_dir.root
    desk.close()

    shell, window = open_unlocked(qtbot, make_shell, DataDir(root))
    cases = window.workspace.cases
    cases.open_case(case_id)
    panel = cases.case_file.attachments
    items = {panel.list.item(i).data(0x0100).attachment_id: panel.list.item(i) for i in range(panel.list.count())}
    assert items[sending.attachment_id].text().endswith("— in invio")
    assert "non è ancora arrivato al server" in items[sending.attachment_id].toolTip()
    assert items[refused.attachment_id].text().endswith("— non inviato: troppo grande per il server")
    panel.list.setCurrentItem(items[sending.attachment_id])
    assert panel.view_button.isEnabled()  # it is here: it opens
    assert panel.retry_button.isVisible() and panel.retry_button.text() == "&Riprova ora"
    shoot(qtbot, window, screenshot_dir / "attachments_sending_and_failed.png")

    panel.retry_button.click()
    with shell.desk.vault.engine.connect() as conn:
        due = conn.execute(select(blob_queue.c.next_try).where(blob_queue.c.attachment_id == refused.attachment_id))
        assert due.scalar_one() <= time.time()  # due again at once
    panel = cases.case_file.attachments  # the case file reloaded
    items = {panel.list.item(i).data(0x0100).attachment_id: panel.list.item(i) for i in range(panel.list.count())}
    assert items[refused.attachment_id].text().endswith("— nuovo tentativo in corso")
    assert items[sending.attachment_id].text().endswith("— in invio")
    shoot(qtbot, window, screenshot_dir / "attachments_retry_now.png")


def test_enrolment_dialog_names_a_badly_formed_fingerprint_in_words(
    qtbot, make_shell, server: ServerProcess, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _id, (code,) = provision_desk(server.database_url, f"Sportello refuso UI {tmp_path.name}")
    _shell, window = open_unlocked(qtbot, make_shell, closed_vault(tmp_path / "d", "Sportello refuso"))
    window.sync_controls.open_panel()
    panel = window.sync_controls.panel
    assert panel is not None
    panel.enrol_button.click()
    dialog = panel.enrolment_dialog
    assert dialog is not None
    dialog.server_edit.setText(server.url)
    dialog.code_edit.setText(code)
    dialog.fingerprint_edit.setText("1A2B-3C4D-5E6F-7081-92AG")  # a G: not hexadecimal
    dialog.connect_button.click()
    message = dialog.message_label.text()
    assert message.startswith("Dato non valido (impronta dell'ufficio centrale): ")
    assert "20 caratteri esadecimali" in message and "central_fingerprint" not in message
    assert dialog.pages.currentIndex() == dialog.FORM and dialog.connect_button.isEnabled()
