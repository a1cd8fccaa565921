"""``iam-desktop case import/export/list`` as real processes, with an Excel-style CSV."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.cli.test_cli import iam, initialised  # noqa: F401  (fixture)

CSV_ROWS = [
    "Nome;Cognome;Sesso;Data di nascita;Codice fiscale;Telefono;Stato protezione",
    "Amadou Bakary;Traoré;M;01/01/1990;TRRMDB90A01Z329G;333 918 2746;protezione_sussidiaria",
    "Fatoumata;Konaté;F;1995;;347 000 1111;rifugiato",
    "Jean-Pierre;N'Diaye;M;31/02/1988;;;rifugiato",
]
MAPPING = {
    "Nome": "given_names",
    "Cognome": "family_name",
    "Sesso": "sex",
    "Data di nascita": "birth_date",
    "Codice fiscale": "codice_fiscale",
    "Telefono": "phone",
    "Stato protezione": "protection_status",
}


def test_excel_csv_in_windows_1252_with_bom_and_semicolons(initialised: Path, tmp_path: Path) -> None:  # noqa: F811
    source = tmp_path / "vecchio foglio.csv"
    source.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(CSV_ROWS).encode("cp1252"))
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps(MAPPING))
    report = tmp_path / "scartati.csv"
    args = ["case", "import", str(source), "--mapping", str(mapping), "--report", str(report), "--operator", "anna"]
    first = iam(initialised, *args, "--json")
    assert first.returncode == 3, first.stderr  # one row left out
    summary = json.loads(first.stdout)
    assert summary["imported"] == 2 and summary["rejected"] == 1
    assert summary["problems"][0]["row"] == 4 and summary["problems"][0]["field"] == "birth_date"
    assert "birth_date" in report.read_text(encoding="utf-8")
    again = json.loads(iam(initialised, *args, "--json").stdout)
    assert again["imported"] == 0 and again["already_present"] == 2
    listed = json.loads(iam(initialised, "case", "list", "--json", "--operator", "anna").stdout)
    assert sorted(c["family_name"] for c in listed) == ["Konaté", "Traoré"]
    found = json.loads(iam(initialised, "case", "list", "--search", "konate", "--json", "--operator", "anna").stdout)
    assert [c["given_names"] for c in found] == ["Fatoumata"]


def test_export_then_import_elsewhere_gives_the_same_records(initialised: Path, tmp_path: Path) -> None:  # noqa: F811
    source = tmp_path / "casi.jsonl"
    consent = {"purpose": "presa_in_carico", "lawful_basis": "consenso", "date": "2026-11-02",
               "text_version": "2026-1", "language": "ar"}  # fmt: skip
    person = {"given_names": ["Amina"], "family_name": "محمد", "aliases": ["Amina Mohamed"], "birth_date": "1999-03",
              "languages": ["ar"], "consents": [consent]}  # fmt: skip
    source.write_text(json.dumps(person, ensure_ascii=False) + "\n", encoding="utf-8")
    assert iam(initialised, "case", "import", str(source), "--operator", "anna").returncode == 0
    exported = tmp_path / "export.jsonl"
    assert iam(initialised, "case", "export", "-o", str(exported), "--operator", "anna").returncode == 0
    records = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    original = json.loads(source.read_text(encoding="utf-8"))
    assert records[0]["family_name"] == "محمد"
    assert records[0]["consents"][0]["purpose"] == original["consents"][0]["purpose"]
    assert records[0]["birth_date"] == "1999-03"


def test_print_commands_write_bilingual_pdfs(initialised: Path, tmp_path: Path) -> None:  # noqa: F811
    source = tmp_path / "one.jsonl"
    person = {"given_names": ["Amadou"], "family_name": "Traoré", "codice_fiscale": "TRRMDB90A01Z329G"}
    source.write_text(json.dumps(person, ensure_ascii=False) + "\n", encoding="utf-8")
    assert iam(initialised, "case", "import", str(source), "--operator", "anna").returncode == 0
    case_id = json.loads(iam(initialised, "case", "list", "--json", "--operator", "anna").stdout)[0]["case_id"]
    runs = {
        "intake-ar.pdf": ["print", "intake", case_id, "--lang", "ar"],
        "blank-fr.pdf": ["print", "blank-intake", "--lang", "fr"],
        "consent-en.pdf": ["print", "consent", case_id, "--lang", "en"],
    }
    for name, args in runs.items():
        result = iam(initialised, *args, "-o", str(tmp_path / name), "--operator", "anna")
        assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", str(tmp_path / "intake-ar.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Traoré" in text and "TRRMDB90A01Z329G" in text
    audit = json.loads(iam(initialised, "audit", "verify", "--json").stdout)
    assert audit["ok"]


def test_step_agenda_and_plan_from_the_command_line(initialised: Path, tmp_path: Path) -> None:  # noqa: F811
    source = tmp_path / "one.jsonl"
    person = {"given_names": ["Amadou"], "family_name": "Traoré", "italian_level": "A1",
              "permit": {"type": "asilo", "number": "I12345678", "questura": "Brescia", "issued": "2025-01-10",
                         "expires": "2026-12-01"}}  # fmt: skip
    source.write_text(json.dumps(person, ensure_ascii=False) + "\n", encoding="utf-8")
    assert iam(initialised, "case", "import", str(source), "--operator", "anna").returncode == 0
    case_id = json.loads(iam(initialised, "case", "list", "--json", "--operator", "anna").stdout)[0]["case_id"]
    refused = iam(initialised, "case", "step", case_id, "--to", "2", "--operator", "anna")
    assert refused.returncode == 1
    assert "patto_firmato" in refused.stderr and "iscrizione_cpi" in refused.stderr
    forced = iam(initialised, "case", "step", case_id, "--to", "2", "--override", "--reason", "carta firmata",
                 "--operator", "anna")  # fmt: skip
    assert forced.returncode == 0 and "override" in forced.stdout
    agenda = json.loads(iam(initialised, "agenda", "--days", "400", "--json", "--operator", "anna").stdout)
    assert [(a["kind"], a["person"]) for a in agenda] == [("scadenza_permesso", "TRAORÉ Amadou")]
    no_plan = iam(initialised, "print", "plan", case_id, "--lang", "en", "-o", str(tmp_path / "p.pdf"),
                  "--operator", "anna")  # fmt: skip
    assert no_plan.returncode == 1 and "no individual plan" in no_plan.stderr
