"""Monitoring on a real vault: cases written through the services are read in bulk and counted; the report and the
public summary are read back with pdftotext and rendered to PNG for a person to look at; a desk of fewer than 5
people publishes nothing in detail and says so; the data set holds pseudonyms and months, never names; the CLI."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from bench.indicators import build_vault, generate
from iam_desktop import cli
from iam_desktop.domain.closure import Outcome
from iam_desktop.domain.errors import PermissionDeniedError
from iam_desktop.domain.indicator_engine import CaseRecord, Move
from iam_desktop.services.dataset import write_dataset
from iam_desktop.services.desk import Desk
from iam_desktop.services.monitoring import NETWORK, Scope
from iam_desktop.vault.crypto import KdfParams
from iam_desktop.vault.paths import DataDir
from tests.services.test_cases import AMADOU
from tests.vault_fixtures import PASSPHRASE

TODAY = dt.date.today()
YEAR = (dt.date(TODAY.year, 1, 1), dt.date(TODAY.year, 12, 31))


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def render(pdf: Path, screenshot_dir: Path, name: str) -> list[Path]:
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(screenshot_dir / name)], check=True)
    return sorted(screenshot_dir.glob(f"{name}*.png"))


def test_cases_written_through_the_services_are_counted(desk: Desk):
    first = desk.cases.intake({**AMADOU, "italian_level": "A1"})
    desk.cases.intake({**AMADOU, "given_names": ["Fatou"], "sex": "F", "codice_fiscale": None, "birth_date": "1999"})
    desk.pathway.move(first, 2, reason="patto firmato su carta", override=True)
    desk.pathway.close(first, Outcome.AUTONOMIA_RAGGIUNTA)
    report = desk.monitoring.compute(*YEAR)
    assert report.result("people_new").total == 2
    assert report.result("people_active").breakdowns["sex"] == {"F": 1, "M": 1}
    assert dict((r.key, r.values[0]) for r in report.result("outcomes").rows) == {"autonomia_raggiunta": 1}
    assert report.result("step_transitions").total == 1
    # The cache follows the vault: a new case is counted without being told.
    desk.cases.intake({**AMADOU, "given_names": ["Ali"], "codice_fiscale": None})
    assert desk.monitoring.compute(*YEAR).result("people_new").total == 3
    assert desk.monitoring.last_load is not None and desk.monitoring.last_load.cases == 3


def test_network_scope_is_for_the_central_office(desk: Desk):
    with pytest.raises(PermissionDeniedError):
        desk.monitoring.compute(*YEAR, Scope(NETWORK))
    assert desk.monitoring.scopes() == [desk.monitoring.own_scope()]


def test_small_desk_public_summary_suppresses_and_says_so(desk: Desk, tmp_path: Path, screenshot_dir: Path):
    for name in ("Amadou", "Bakary", "Moussa"):
        desk.cases.intake({**AMADOU, "given_names": [name], "codice_fiscale": None})
    target = tmp_path / "summary.pdf"
    tables = desk.monitoring.write_public_summary(target, *YEAR)
    assert all(v is None for t in tables for v in t.counts.cells.values())
    assert all(t.counts.total is None for t in tables)
    text = pdftotext(target)
    assert "meno di 5" in text.lower() or "meno di 5" in text
    assert "Amadou" not in text and "Totale  " in text
    assert re.findall(r"Totale\s+(\S+)", text) == ["*"] * 6
    render(target, screenshot_dir, "monitoring-public-small")


@pytest.fixture(scope="module")
def busy_dir(tmp_path_factory) -> DataDir:
    os.environ["IAM_INSECURE_FAST_KDF"] = "1"
    data_dir = DataDir(tmp_path_factory.mktemp("busy") / "desk")
    desk, _ = Desk.initialise(
        data_dir,
        desk_name="Sportello Val Trompia",
        territory="Val Trompia",
        username="anna",
        display_name="Anna",
        passphrase=PASSPHRASE,
        kdf=KdfParams(memory_kib=8192, iterations=1, lanes=1),
    )
    records = generate(250, seed=11, desks=["x"])
    # One old imported case whose moves are out of order: a data-quality warning, not a crash.
    records.append(
        CaseRecord(
            "7d0c5b1e-0000-4000-8000-000000000001",
            "x",
            dt.date(2025, 1, 5),
            "M",
            "1990",
            "ML",
            "rifugiato",
            moves=(Move(dt.date(2025, 3, 1), 1, 2), Move(dt.date(2025, 2, 1), 2, 3)),
        )
    )
    build_vault(desk, records)
    desk.close()
    return data_dir


@pytest.fixture
def busy_desk(busy_dir: DataDir):
    desk = Desk.open(busy_dir)
    desk.unlock("anna", PASSPHRASE)
    yield desk
    desk.close()


def test_report_pdf_and_public_summary_read_back(busy_desk: Desk, tmp_path: Path, screenshot_dir: Path):
    period = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    report_pdf = tmp_path / "report.pdf"
    computed = busy_desk.monitoring.write_report(report_pdf, *period)
    text = pdftotext(report_pdf)
    assert "Rapporto di monitoraggio" in text and "Note metodologiche" in text
    assert "Tempo su ciascun gradino" in text and "Accompagnamento abitativo per modulo" in text
    assert "Non ancora disponibile" in text  # referrals
    assert str(computed.result("people_active").total) in text
    assert "Passaggi di gradino in ordine incoerente" in text
    english = tmp_path / "report-en.pdf"
    busy_desk.monitoring.write_report(english, *period, language="en")
    assert "Monitoring report" in pdftotext(english) and "Time on each step" in pdftotext(english)
    summary = tmp_path / "summary.pdf"
    tables = busy_desk.monitoring.write_public_summary(summary, *period)
    summary_text = pdftotext(summary)
    assert "sintesi pubblica" in summary_text
    for table in tables:
        assert all(v is None or v >= 5 for v in table.counts.cells.values())
    assert (
        int(
            subprocess.run(["pdfinfo", str(summary)], capture_output=True, text=True)
            .stdout.split("Pages:")[1]
            .split()[0]
        )
        == 1
    )
    assert render(report_pdf, screenshot_dir, "monitoring-report")
    assert render(summary, screenshot_dir, "monitoring-public")


def test_dataset_is_pseudonymised(busy_desk: Desk, tmp_path: Path):
    target = tmp_path / "dataset.db"
    counts = write_dataset(busy_desk.monitoring, target, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert counts["people"] > 100
    with sqlite3.connect(target) as db:
        tables = {r[0] for r in db.execute("select name from sqlite_master where type='table'")}
        assert {"about", "people", "moves", "placements", "interventions"} <= tables
        pids = [r[0] for r in db.execute("select pid from people")]
        months = {r[0] for r in db.execute("select opened_month from people")}
        columns = {r[1] for r in db.execute("pragma table_info(people)")}
    case_ids = {row.case_id for row in busy_desk.cases.search()}
    assert len(case_ids) >= counts["people"]  # the cases the dataset covers (those opened in the period) and more
    assert not case_ids & set(pids) and all(len(p) == 20 for p in pids)
    assert all(len(m) == 7 for m in months)  # YYYY-MM
    assert not {"name", "given_names", "family_name", "codice_fiscale", "birth_date", "note"} & columns
    raw = target.read_bytes()
    assert b"Sintetico" not in raw and b"casa " not in raw and b"employer" not in raw
    again = tmp_path / "again.db"
    write_dataset(busy_desk.monitoring, again, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    with sqlite3.connect(again) as db:
        assert not set(pids) & {r[0] for r in db.execute("select pid from people")}  # a fresh salt each export


def test_cli_report_commands(busy_desk: Desk, tmp_path: Path, monkeypatch, capsys):
    data_dir = str(busy_desk.vault.data_dir.root)
    busy_desk.close()
    monkeypatch.setenv("IAM_PASSPHRASE", PASSPHRASE)
    base = ["--data-dir", data_dir, "report"]
    assert (
        cli.run([*base, "indicators", "--from", "2025-01-01", "--to", "2025-12-31", "--operator", "anna", "--json"])
        == 0
    )
    out = capsys.readouterr().out
    assert '"people_active"' in out and '"not_available"' in out
    pdf = tmp_path / "cli.pdf"
    assert (
        cli.run(
            [
                *base,
                "pdf",
                "--from",
                "2025-01-01",
                "--to",
                "2025-12-31",
                "-o",
                str(pdf),
                "--operator",
                "anna",
                "--lang",
                "en",
            ]
        )
        == 0
    )
    assert pdf.exists()
    assert cli.run([*base, "public", "-o", str(tmp_path / "p.pdf"), "--operator", "anna"]) == 0
    assert cli.run([*base, "dataset", "-o", str(tmp_path / "d.db"), "--operator", "anna"]) == 0
    assert cli.run([*base, "indicators", "--desk", "network", "--operator", "anna"]) == 1  # central office only
    assert "error" in capsys.readouterr().err


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
def test_tools_present():
    assert os.path.exists(shutil.which("pdftoppm") or "")
