"""A housing, job or training referral shares only the sections chosen (issue 7), through a real sync server: the
receiving desk reads a shared extract — its own partition and key — and can open nothing of the original case with
any key its vault holds; a transfer still gives the whole case; a declined, completed or withdrawn referral loses
the receiver's access; erasing the person erases every extract made from the case."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from iam_desktop import cli
from iam_desktop.domain.errors import TamperedError, ValidationError
from iam_desktop.domain.referral import Purpose
from iam_desktop.services.desk import Desk
from iam_desktop.services.enrolment import Enrolment
from iam_desktop.services.referrals import share_rules
from iam_desktop.vault import crypto
from iam_desktop.vault.records import LOCAL_HOLDER, case_key_context
from iam_desktop.vault.tables import case_keys, records
from tests.network.conftest import KNOWN_STRINGS, PERSON, Net, holders, netsync
from tests.sync_client.helpers import PASSPHRASE

EXTRA = {
    "household": [{"relation": "figlio", "birth_year": 2019}],
    "skills": ["saldatura"],
    "work_experience": [{"role": "saldatore", "country": "SN"}],
    "registrations.ssn": True,
}


def _keys_held(desk: Desk) -> list[bytes]:
    """Every case key the desk's vault holds, opened the way the app opens them (desk and local copies)."""
    store = desk.vault.keyring.require()
    out = []
    with desk.vault.engine.connect() as conn:
        for row in conn.execute(select(case_keys)):
            context = case_key_context(row.case_id, row.key_id)
            if row.holder == LOCAL_HOLDER:
                out.append(crypto.open_sealed(store.local_key, row.wrapped, context, what="k"))
            elif row.holder == f"desk:{store.desk_id}":
                out.append(crypto.unwrap_with_private_key(store.desk_private, row.wrapped, context, what="k"))
    return out


def _sealed_records(desk: Desk, partition: str) -> list[tuple[bytes, bytes]]:
    with desk.vault.engine.connect() as conn:
        rows = conn.execute(select(records).where(records.c.case_id == partition)).all()
    return [(r.sealed, crypto.record_aad(r.case_id, r.kind, r.record_id, r.schema_version, r.key_id)) for r in rows]


def _propose_with_cli(desk: Desk, case_id: str, to: str, share: str, monkeypatch: pytest.MonkeyPatch,
                      capsys: pytest.CaptureFixture[str]) -> str:  # fmt: skip
    monkeypatch.setenv("IAM_PASSPHRASE", PASSPHRASE)
    capsys.readouterr()
    argv = ["--data-dir", str(desk.vault.data_dir.root), "referral", "--operator", "anna", "propose", case_id,
            "--to", to, "--purpose", "housing", "--opportunity", "casa-re-1", "--share", share]  # fmt: skip
    assert cli.run(argv) == 0
    return capsys.readouterr().out.strip().splitlines()[-1]


def _found(net: Net, catalogue_file: Path) -> None:
    net.a.network.catalogue.found()
    net.a.network.catalogue.import_file(catalogue_file)


def test_b_reads_exactly_the_chosen_sections_and_nothing_of_the_case(
    net: Net,
    catalogue_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    a, b = net.a, net.b
    _found(net, catalogue_file)
    case_id = a.cases.intake(PERSON, extra=EXTRA)
    b_id = b.network.referrals.my_desk_id()
    referral = _propose_with_cli(a, case_id, b_id, "identity,italian,household", monkeypatch, capsys)
    a.lock()
    a.unlock("anna", PASSPHRASE)  # the CLI wrote in another session: read the vault again
    report = a.network.sync()
    assert report.ok and report.referral_grants == 1
    netsync(b, net.central)

    [view] = b.network.referrals.inbox()
    assert (view.referral_id, view.purpose, view.state, view.share) == (
        referral,
        "housing",
        "proposed",
        ["identity", "italian", "household"],
    )
    assert view.extract_id and view.extract_id != case_id
    extract = b.network.referrals.extract(referral)
    assert extract.read_only and extract.from_desk == a.network.referrals.my_desk_id()
    assert list(extract.sections) == ["identity", "italian", "household"]
    assert extract.sections["identity"]["person"] == {
        "given_names": ["Ousmane"], "family_name": "Zebrafittizio", "sex": "M", "birth_date": "1994-03",
        "languages": ["fr"],
    }  # fmt: skip
    assert extract.sections["italian"]["person"] == {"italian_level": a.cases.open(case_id).person["italian_level"]}
    assert extract.sections["household"]["extra"] == {"household": EXTRA["household"]}
    text = json.dumps(extract.sections)
    for absent in ("333 777 1234", "saldatura", "consents", "condivisione_rete", "registrations"):
        assert absent not in text, absent
    assert not a.network.referrals.extract(referral).read_only  # the sender's own copy

    # B holds no record, no key, no grant of the case; no key B's vault holds opens any of the case's records.
    with pytest.raises(ValidationError):
        b.cases.open(case_id)
    assert b.cases.count() == 0
    assert _sealed_records(b, case_id) == []
    keys = _keys_held(b)
    assert len(keys) >= 2  # the catalogue's and the extract's
    sealed = _sealed_records(a, case_id)
    assert len(sealed) >= 2  # the case and its history
    for blob, aad in sealed:
        for key in keys:
            with pytest.raises(TamperedError):
                crypto.open_sealed(key, blob, aad, what="case record")
    a_id = a.network.referrals.my_desk_id()
    assert b_id not in holders(net, case_id)
    assert holders(net, view.extract_id) >= {a_id, b_id}
    # The letter lists what was shared, in Italian and the person's language.
    letter = a.network.referral_letter(referral, tmp_path / "invio.pdf", "fr")
    text = subprocess.run(["pdftotext", str(letter), "-"], capture_output=True, text=True, check=True).stdout
    for line in ("Dati anagrafici di base", "Livello di italiano", "Nucleo familiare", "Composition du foyer",
                 "copia solo di queste parti"):  # fmt: skip
        assert line in text, line
    assert "Recapiti" not in text and "Istruzione" not in text
    # The central office reads the extract too (it reads every partition of the network).
    assert net.central.network.referrals.extract(referral).sections["identity"]["person"]["family_name"] == (
        "Zebrafittizio"
    )


def test_default_sections_follow_the_purpose_and_a_transfer_gives_the_whole_case(
    net: Net, catalogue_file: Path
) -> None:
    a, b = net.a, net.b
    _found(net, catalogue_file)
    case_id = a.cases.intake(PERSON, extra=EXTRA)
    b_id = b.network.referrals.my_desk_id()
    job = a.network.referrals.propose(case_id, b_id, "job", opportunity="lavoro-pd-1")
    assert a.network.referrals.all(case_id)[0].share == list(share_rules().default_for(Purpose.JOB))
    with pytest.raises(ValidationError) as err:
        a.network.referrals.propose(case_id, b_id, "housing", share=["identity", "diary_notes"])
    assert err.value.code == "referral_share_unknown"
    with pytest.raises(ValidationError) as err:
        a.network.referrals.propose(case_id, b_id, "housing", share=[])
    assert err.value.code == "referral_share_empty"
    transfer = a.network.referrals.propose(case_id, b_id, "transfer")
    netsync(a, b)
    assert b.cases.open(case_id).person["family_name"] == "Zebrafittizio"  # whole
    views = {v.referral_id: v for v in b.network.referrals.inbox()}
    assert views[transfer].extract_id is None and views[transfer].share == list(share_rules().ids())
    assert views[job].extract_id is not None and "skills" in b.network.referrals.extract(job).sections


def test_a_declined_referral_loses_b_access(net: Net, catalogue_file: Path) -> None:
    a, b = net.a, net.b
    _found(net, catalogue_file)
    case_id = a.cases.intake(PERSON, extra=EXTRA)
    b_id = b.network.referrals.my_desk_id()
    referral = a.network.referrals.propose(case_id, b_id, "housing", opportunity="casa-re-1")
    netsync(a, b)
    extract_id = b.network.referrals.inbox()[0].extract_id
    assert extract_id and b_id in holders(net, extract_id)
    sealed = _sealed_records(a, extract_id)
    b.network.referrals.answer(referral, "declined", "nessun posto libero")
    netsync(b)  # the answer is pushed, then B gives the extract up
    with pytest.raises(ValidationError) as err:
        b.network.referrals.extract(referral)
    assert err.value.code == "referral_not_pending"  # over: the data went with it
    assert _sealed_records(b, extract_id) == []
    assert b_id not in holders(net, extract_id)
    for blob, aad in sealed:
        for key in _keys_held(b):
            with pytest.raises(TamperedError):
                crypto.open_sealed(key, blob, aad, what="extract record")
    [closed] = b.network.referrals.inbox()  # the outcome stays visible, without the data
    assert (closed.referral_id, closed.state, closed.extract_id, closed.reason) == (referral, "declined", None, "")
    with pytest.raises(ValidationError) as err:
        b.network.referrals.answer(referral, "accepted")
    assert err.value.code == "referral_not_pending"
    netsync(a)
    assert [(v.state, v.reason) for v in a.network.referrals.sent()] == [("declined", "nessun posto libero")]
    assert holders(net, extract_id) == {a.network.referrals.my_desk_id(), net.central.network.referrals.my_desk_id()}


def test_refresh_complete_and_a_withdrawal_b_never_saw(net: Net, catalogue_file: Path) -> None:
    a, b = net.a, net.b
    _found(net, catalogue_file)
    case_id = a.cases.intake(PERSON, extra=EXTRA)
    b_id = b.network.referrals.my_desk_id()
    housing = a.network.referrals.propose(case_id, b_id, "housing", share=["identity", "contact"])
    netsync(a, b)
    person = {**a.cases.open(case_id).person, "phone": "+39 333 000 4444"}
    a.cases.update(case_id, person)
    a.network.referrals.refresh(housing)
    netsync(a, b)
    assert b.network.referrals.extract(housing).sections["contact"]["person"]["phone"] == "+393330004444"
    with pytest.raises(ValidationError):
        a.network.referrals.complete(housing)  # not accepted yet
    b.network.referrals.answer(housing, "accepted")
    netsync(b, a)
    a.network.referrals.complete(housing)
    netsync(a, b)
    assert [(v.referral_id, v.state, v.extract_id) for v in b.network.referrals.inbox()] == [
        (housing, "completed", None)
    ]
    assert b_id not in holders(net, a.network.referrals.sent()[0].extract_id or "")

    # A withdraws a referral B has not synced since: B may have answered offline, so A waits the grace days
    # before it revokes B's grant itself.
    training = a.network.referrals.propose(case_id, b_id, "training")
    netsync(a, b)
    extract_id = next(v.extract_id for v in a.network.referrals.sent() if v.referral_id == training)
    assert extract_id is not None
    a.network.referrals.withdraw(training)
    netsync(a)
    assert b_id in holders(net, extract_id)
    later = datetime.now(UTC) + timedelta(days=31)
    a.network.referrals.deliver(Enrolment(a).transport(), on=later)
    assert b_id not in holders(net, extract_id)


def test_erasing_the_person_erases_every_extract(
    net: Net, catalogue_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, central = net.a, net.b, net.central
    _found(net, catalogue_file)
    case_id = a.cases.intake(PERSON, extra=EXTRA)
    referral = a.network.referrals.propose(case_id, b.network.referrals.my_desk_id(), "housing",
                                           opportunity="casa-re-1")  # fmt: skip
    netsync(a, b, central)
    extract_id = b.network.referrals.inbox()[0].extract_id
    assert extract_id and b.network.referrals.extract(referral).sections["identity"]["person"]["family_name"]

    monkeypatch.setenv("IAM_PASSPHRASE", PASSPHRASE)
    argv = ["--data-dir", str(a.vault.data_dir.root), "person", "--operator", "anna", "erase", case_id, "--yes"]
    assert cli.run(argv) == 0, capsys.readouterr()
    a.lock()
    a.unlock("anna", PASSPHRASE)
    assert sorted(a.network.rights.pending_erasures()) == sorted([case_id, extract_id])
    netsync(a)
    netsync(b, central, a)

    with sqlite3.connect(net.server.database_url.removeprefix("sqlite:///")) as db:
        erased = db.execute("SELECT erased_ms FROM cases WHERE case_id = ?", (extract_id,)).fetchone()[0]
        assert erased is not None
        assert db.execute("SELECT count(*) FROM grants WHERE case_id = ?", (extract_id,)).fetchone()[0] == 0
    for desk in (a, b, central):
        with pytest.raises(ValidationError):
            desk.network.referrals.extract(referral)
        assert _sealed_records(desk, extract_id) == []
        with desk.vault.engine.connect() as conn:
            assert conn.execute(select(case_keys).where(case_keys.c.case_id == extract_id)).first() is None
    assert b.network.catalogue.bookings() == []
    files = [p for p in b.vault.data_dir.root.rglob("*") if p.is_file()]
    assert any(p.name == "vault.db" for p in files)
    for path in files:
        raw = path.read_bytes()
        for text in KNOWN_STRINGS:
            assert text.encode() not in raw, (path.name, text)


def test_b_inbox_shows_the_extract_read_only(net: Net, catalogue_file: Path, qtbot, screenshot_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from iam_desktop.ui.errors import ErrorDialog
    from iam_desktop.ui.network import NetworkView
    from iam_desktop.ui.tasks import TaskRunner

    a, b = net.a, net.b
    _found(net, catalogue_file)
    case_id = a.cases.intake(PERSON, extra=EXTRA)
    a.network.referrals.propose(case_id, b.network.referrals.my_desk_id(), "housing", opportunity="casa-re-1",
                                share=["identity", "italian", "household"])  # fmt: skip
    netsync(a, b)
    failures: list[BaseException] = []
    view = NetworkView(b, TaskRunner(inline=True, fallback_error=failures.append), ErrorDialog(lambda: "it"),
                       lambda: "it")  # fmt: skip
    qtbot.addWidget(view)
    view.resize(1100, 720)
    view.show()
    view.reload()
    view.tabs.setCurrentIndex(1)
    view.inbox.selectRow(0)
    shown = view.extract.toPlainText()
    a_name = next(
        d["name"] for d in b.network.catalogue.directory() if d["desk_id"] == a.network.referrals.my_desk_id()
    )
    assert f"Extract shared by {a_name} — read only" in shown  # the UI in English here, the data labels in Italian
    for label in ("Dati anagrafici di base", "Zebrafittizio", "Livello di italiano", "A2", "figlio"):
        assert label in shown, label
    for absent in ("Recapiti", "+39", "saldatura", "Istruzione"):
        assert absent not in shown, absent
    assert not failures
    view.grab().save(str(screenshot_dir / "network_inbox_extract.png"))


def test_a_broken_sections_file_is_refused_with_a_clear_code() -> None:
    from iam_desktop.domain.referral import parse_share_rules

    good = {"id": "identity", "label": {"it": "Dati", "en": "Identity"}, "person": ["family_name"]}
    for data, value in (
        ({"sections": [{"id": "identity", "label": {"it": "Dati"}}]}, "identity"),  # no English label
        ({"sections": [good, good]}, "identity"),  # the same id twice
        ({"sections": [good], "defaults": {"housing": ["identity", "contact"]}}, "housing"),  # unknown section
        ({"sections": [good], "defaults": {"holiday": ["identity"]}}, "holiday"),  # unknown purpose
    ):
        with pytest.raises(ValidationError) as err:
            parse_share_rules(data)
        assert (err.value.code, err.value.params["value"]) == ("referral_sections_invalid", value)
    assert parse_share_rules({"sections": [good]}).ids() == ("identity",)
