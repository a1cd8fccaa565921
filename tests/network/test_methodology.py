"""The methodology library's files through a real server: a template attached at desk A (a coordinator) opens
byte-identical at desk B; operators read but do not attach; a file for a non-methodology entry, an unsupported or
disguised file are refused with their codes; the CLI's ``catalogue attach|files|get``. And a case's scan reaches
the desk the case is referred to."""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

import pytest
from sqlalchemy import select

from iam_desktop import cli
from iam_desktop.domain.errors import PermissionDeniedError, ValidationError
from iam_desktop.domain.roles import Role
from iam_desktop.services.enrolment import Enrolment
from iam_desktop.services.sync_http import SyncError
from iam_desktop.vault.tables import attachments
from sync.protocol import BlobStatus, ErrorCode
from tests.network.conftest import CATALOGUE, PERSON, Net, netsync
from tests.sync_client.helpers import PASSPHRASE

METHODOLOGY = {"id": "metodo-abitare", "kind": "methodology", "title": "Accompagnamento all'abitare",
               "territory": "Rete", "version": "2.1", "language": "it"}  # fmt: skip


def _template(path: Path, size: int = 120_000) -> Path:
    """A .docx-looking file (a zip header, then deterministic noise)."""
    path.write_bytes(b"PK\x03\x04" + random.Random(7).randbytes(size - 4))
    return path


def _network(net: Net, tmp_path: Path) -> None:
    catalogue = tmp_path / "catalogo.json"
    catalogue.write_text(json.dumps({**CATALOGUE, "entries": [*CATALOGUE["entries"], METHODOLOGY]}), "utf-8")  # type: ignore[list-item]
    assert net.a.network.catalogue.found()
    net.a.network.catalogue.import_file(catalogue)
    netsync(net.a, net.b)  # A publishes the catalogue key; B pulls it
    netsync(net.b)


def test_a_file_attached_at_one_desk_opens_at_another(net: Net, tmp_path: Path) -> None:
    _network(net, tmp_path)
    template = _template(tmp_path / "scheda-abitare.docx")
    info = net.a.network.methodology.attach("metodo-abitare", template)
    assert info.subject == "metodo-abitare" and info.size == 120_000
    netsync(net.a)
    before = net.b.network.methodology.files("metodo-abitare")
    netsync(net.b)
    (listed,) = net.b.network.methodology.files("metodo-abitare")
    assert before == [] or before[0].state == "waiting"
    assert (listed.attachment_id, listed.filename, listed.state) == (info.attachment_id, "scheda-abitare.docx", "ready")
    saved = net.b.network.methodology.save(info.attachment_id, tmp_path)
    assert saved == tmp_path / "scheda-abitare.docx" and saved.read_bytes() == template.read_bytes()
    assert net.b.network.methodology.files("casa-re-1") == []  # tied to its entry only
    # Any operator reads; only coordinators and the central office attach.
    net.b.add_operator("olga", "Olga Operatrice", Role.OPERATOR, "operatrice 2026 segreto")
    net.b.lock()
    net.b.unlock("olga", "operatrice 2026 segreto")
    assert net.b.network.methodology.read(info.attachment_id)[1] == template.read_bytes()
    with pytest.raises(PermissionDeniedError):
        net.b.network.methodology.attach("metodo-abitare", template)


def test_bad_files_and_entries_are_refused(net: Net, tmp_path: Path) -> None:
    _network(net, tmp_path)
    methodology = net.a.network.methodology
    waiting = net.a.sync.status().waiting
    cases = [
        ("casa-re-1", _template(tmp_path / "a.docx"), "methodology_entry_required"),
        ("nessuna", _template(tmp_path / "b.docx"), "catalogue_entry_unknown"),
        ("metodo-abitare", tmp_path / "c.exe", "methodology_file_unsupported"),
        ("metodo-abitare", tmp_path / "finto.pdf", "attachment_type_mismatch"),
    ]
    (tmp_path / "c.exe").write_bytes(b"MZ")
    (tmp_path / "finto.pdf").write_bytes(b"PK\x03\x04 not a pdf")
    for entry, path, code in cases:
        with pytest.raises(ValidationError) as caught:
            methodology.attach(entry, path)
        assert caught.value.code == code
    assert methodology.files() == [] and net.a.sync.status().waiting == waiting  # nothing half-written
    with pytest.raises(ValidationError) as missing:
        methodology.read("00000000-0000-4000-8000-000000000000")
    assert missing.value.code == "unknown"


def test_a_file_whose_content_has_not_arrived_is_a_clear_error(net: Net, tmp_path: Path) -> None:
    _network(net, tmp_path)
    info = net.a.network.methodology.attach("metodo-abitare", _template(tmp_path / "t.docx"))
    netsync(net.a)
    client = net.b.sync.client()
    client.blobs.max_run_downloads = 0  # the record arrives, its content waits
    assert client.run_once().ok
    (listed,) = net.b.network.methodology.files()
    assert listed.state == "waiting"
    with pytest.raises(ValidationError) as caught:
        net.b.network.methodology.read(info.attachment_id)
    assert caught.value.code == "attachment_not_arrived"


def test_cli_attach_files_get(net: Net, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    _network(net, tmp_path)
    monkeypatch.setenv("IAM_PASSPHRASE", PASSPHRASE)
    template = _template(tmp_path / "modello.odt", 5_000)
    a_root, b_root = str(net.a.vault.data_dir.root), str(net.b.vault.data_dir.root)
    net.a.close()
    assert cli.run(["--data-dir", a_root, "catalogue", "--operator", "anna", "attach", "metodo-abitare",
                    str(template)]) == 0  # fmt: skip
    file_id = capsys.readouterr().out.strip()
    assert cli.run(["--data-dir", a_root, "catalogue", "--operator", "anna", "files", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["attachment_id"], row["subject"], row["state"]) == (file_id, "metodo-abitare", "ready")
    assert cli.run(["--data-dir", a_root, "network", "--operator", "anna", "sync"]) == 0
    net.b.close()
    assert cli.run(["--data-dir", b_root, "network", "--operator", "anna", "sync"]) == 0
    capsys.readouterr()
    out = tmp_path / "scaricato.odt"
    assert cli.run(["--data-dir", b_root, "catalogue", "--operator", "anna", "get", file_id, "-o", str(out)]) == 0
    assert out.read_bytes() == template.read_bytes()


def test_a_referred_case_brings_its_scans(net: Net, tmp_path: Path) -> None:
    _network(net, tmp_path)
    case_id = net.a.cases.intake(PERSON)
    scan = tmp_path / "permesso.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + random.Random(9).randbytes(80_000))
    info = net.a.cases.attach(case_id, scan, kind="permesso")
    netsync(net.a)
    net.a.network.referrals.propose(case_id, net.b.network.referrals.my_desk_id(), "transfer")
    netsync(net.a, net.b)
    (listed,) = net.b.cases.open(case_id).attachments
    assert listed.attachment_id == info.attachment_id and listed.available
    assert net.b.cases.attachment(info.attachment_id) == scan.read_bytes()
    # C, which holds no grant for the case, cannot fetch the blob even knowing its address.
    with net.a.vault.engine.connect() as conn:
        sealed = conn.execute(select(attachments.c.sealed).where(attachments.c.attachment_id == info.attachment_id))
        sha256 = hashlib.sha256(sealed.scalar_one()).hexdigest()
    with pytest.raises(SyncError) as refused:
        Enrolment(net.c).transport().get(f"/v1/blobs/{sha256}/status", BlobStatus)
    assert refused.value.params["errno"] == ErrorCode.CASE_FORBIDDEN
