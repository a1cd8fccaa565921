"""Attachments synced from another computer, in the case file (offscreen, Italian, 1366×768): one arrived (opens),
one whose content is still on its way ("in arrivo", greyed, not openable, with a tooltip), one refused because it
was altered on the way (says why). And the methodology library tab of the "Rete" section with a file received."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import requests
from PySide6.QtGui import QImage
from sqlalchemy import update

from iam_desktop.vault.paths import DataDir
from iam_desktop.vault.tables import blob_queue
from sync.server.testing import ServerProcess
from tests.sync_client.helpers import desk_devices, person
from tests.sync_client.test_blobs import _flip_byte_of, queue_sha
from tests.ui_sync.conftest import open_unlocked, shoot


def _png(path: Path, shade: int) -> Path:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(shade)
    assert image.save(str(path))
    return path


def test_case_file_lists_arriving_and_refused_attachments(qtbot, make_shell, server: ServerProcess, tmp_path: Path,
                                                           screenshot_dir: Path) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    a, b = desk_devices(server, tmp_path)
    case_id = a.cases.intake(person(1))
    arrived = a.cases.attach(case_id, _png(tmp_path / "permesso.png", 0x336699), kind="permesso")
    altered = a.cases.attach(case_id, _png(tmp_path / "contratto.png", 0x993366), kind="contratto")
    later = a.cases.attach(case_id, _png(tmp_path / "busta-paga.png", 0x669933), kind="busta paga")
    # The catalogue with a methodology entry and a file, so the Rete tab has something to show.
    catalogue = tmp_path / "catalogo.json"
    catalogue.write_text(json.dumps({"format": "iam-catalogue/1", "entries": [
        {"id": "metodo-abitare", "kind": "methodology", "title": "Accompagnamento all'abitare", "territory": "Rete",
         "version": "2.1", "language": "it"},
        {"id": "metodo-lavoro", "kind": "methodology", "title": "Colloquio di orientamento al lavoro",
         "territory": "Rete", "version": "1.0", "language": "it"}]}), "utf-8")  # fmt: skip
    assert a.network.catalogue.found()
    a.network.catalogue.import_file(catalogue)
    template = tmp_path / "scheda-abitare.docx"
    template.write_bytes(b"PK\x03\x04" + random.Random(3).randbytes(30_000))
    a.network.methodology.attach("metodo-abitare", template)
    assert a.sync.client().run_once().ok
    # B: the records arrive first, the contents later; one content is altered on the way and refused.
    client = b.sync.client()
    client.blobs.max_run_downloads = 0
    assert client.run_once().ok
    with b.vault.engine.begin() as conn:
        conn.execute(update(blob_queue).where(blob_queue.c.attachment_id == later.attachment_id)
                     .values(next_try=time.time() + 3600))  # fmt: skip
    session = requests.Session()
    session.hooks["response"].append(_flip_byte_of(queue_sha(a, altered.attachment_id)))
    report = b.sync.client(session=session).run_once()
    assert report.ok and report.blobs_down == 2 and report.blobs_failed == 1  # permesso and the library file
    b_root = b.vault.data_dir.root
    b.close()

    _shell, window = open_unlocked(qtbot, make_shell, DataDir(b_root))
    cases = window.workspace.cases
    cases.open_case(case_id)
    panel = cases.case_file.attachments
    items = {panel.list.item(i).data(0x0100).attachment_id: panel.list.item(i) for i in range(panel.list.count())}
    assert set(items) == {arrived.attachment_id, altered.attachment_id, later.attachment_id}
    assert items[later.attachment_id].text().endswith("— in arrivo")
    assert "sincronizzazioni" in items[later.attachment_id].toolTip()
    assert items[altered.attachment_id].text().endswith("— non arrivato: alterato in transito, rifiutato")
    assert items[arrived.attachment_id].text() == items[arrived.attachment_id].text().split(" — ")[0]
    panel.list.setCurrentItem(items[later.attachment_id])
    assert not panel.view_button.isEnabled()
    panel.view_current()
    assert panel.viewers == []  # not openable
    panel.list.setCurrentItem(items[arrived.attachment_id])
    assert panel.view_button.isEnabled()
    shoot(qtbot, window, screenshot_dir / "attachments_sync_case_file.png")
    panel.view_current()
    assert len(panel.viewers) == 1
    panel.viewers[0].close()

    network = window.workspace.network
    window.workspace.navigation.setCurrentRow(window.workspace.sections.indexOf(network))
    network.reload()
    network.tabs.setCurrentWidget(network.methodology)
    table = network.methodology.table
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())}
    assert rows["Accompagnamento all'abitare"] == ["Accompagnamento all'abitare", "2.1", "it", "scheda-abitare.docx",
                                                   "pronto"]  # fmt: skip
    assert rows["Colloquio di orientamento al lavoro"][4] == "nessun file"
    table.selectRow(0)
    assert network.methodology.save_button.isEnabled() and network.methodology.attach_button.isEnabled()
    out = tmp_path / "copia.docx"
    network.methodology.save(out)
    assert out.read_bytes() == template.read_bytes()
    shoot(qtbot, window, screenshot_dir / "attachments_sync_methodology.png")
