import json
import string
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from iam_desktop.domain.interchange import (
    FIELDS,
    dumps_jsonl,
    load_column_mapping,
    parse_csv,
    parse_jsonl,
    parse_record,
    read_csv,
)

TODAY = date(2025, 6, 1)
FULL = {
    "given_names": ["Mohamed", "Ali"],
    "family_name": "N'Diaye",
    "aliases": ["Mohammed Ali", {"text": "محمد علي", "kind": "original"}],
    "sex": "M",
    "birth_date": "1994-03",
    "birth_country": "SN",
    "citizenships": ["SN"],
    "languages": ["wo", "fr"],
    "italian_level": {"listening": "A2"},
    "codice_fiscale": "RSSMRA85T10A562S",
    "codice_fiscale_history": ["00743110157"],
    "protection_status": "protezione_sussidiaria",
    "permit": {
        "type": "protezione_sussidiaria",
        "number": "I1234567",
        "questura": "Brescia",
        "issued": "2023-05-02",
        "expires": "2028-05-01",
    },
    "phone": "+393331234567",
    "email": "m.ndiaye@example.org",
    "notes": "Sarto.",
    "consents": [
        {
            "purpose": "presa_in_carico",
            "lawful_basis": "consenso",
            "date": "2025-01-10",
            "text_version": "2025-06",
            "language": "fr",
        }
    ],
}


def test_full_record_and_round_trip() -> None:
    result = parse_record(FULL, today=TODAY)
    assert result.ok, result.errors
    assert result.record is not None
    assert result.record.person.codici_fiscali.current.value == "RSSMRA85T10A562S"
    assert [c.value for c in result.record.person.codici_fiscali.all_codes] == ["00743110157", "RSSMRA85T10A562S"]
    # The definitive code does not match the declared 1994 birth: warnings, not a refusal.
    assert "cf_birth_year_mismatch" in {w.code for w in result.warnings}
    text = dumps_jsonl([result.record])
    assert json.loads(text) == FULL
    again = parse_jsonl(text, today=TODAY)
    assert again[0].record == result.record


def test_every_field_error_reported() -> None:
    bad = {
        "given_names": ["M0hamed"],
        "family_name": "",
        "birth_date": "2026-02-30",
        "citizenships": ["XY"],
        "permit": {
            "type": "asilo",
            "number": "I1234567",
            "questura": "Brescia",
            "issued": "2024-01-01",
            "expires": "2023-01-01",
        },
        "codice_fiscale": "RSSMRA85T10A562T",
        "mystery": 1,
    }
    result = parse_record(bad, 7, today=TODAY)
    assert not result.ok and result.record is None and result.row == 7
    assert {(e.field, e.code) for e in result.errors} == {
        ("family_name", "required"),
        ("given_names[0]", "name_characters"),
        ("birth_date", "date_impossible"),
        ("citizenships[0]", "country_unknown"),
        ("permit.expires", "date_order"),
        ("codice_fiscale", "cf_check_char"),
    }
    assert [w.code for w in result.warnings] == ["unknown_field"]


def test_jsonl_syntax_error_is_a_row_error() -> None:
    results = parse_jsonl('{"given_names": ["A"], "family_name": "B"}\n{oops\n', today=TODAY)
    assert results[0].ok
    assert results[1].row == 2 and results[1].errors[0].code == "json_syntax"


def test_csv_windows_1252_bom_semicolons(tmp_path: Path) -> None:
    rows = (
        "Nome;Cognome;Data di nascita;Cittadinanza;Status;Scadenza permesso;Numero permesso;Questura;Rilascio\r\n"
        "Amédée;D'Angelo;03/1990;CI|FR;Rifugiato;01/02/2027;I7654321;Brescia;02/02/2022\r\n"
        "Zoë;N'Diaye;31/02/1991;SN;altro;;;;\r\n"
    )
    path = tmp_path / "vecchio.csv"
    path.write_bytes(b"\xef\xbb\xbf" + rows.encode("cp1252"))
    mapping = tmp_path / "mapping.json"
    mapping.write_text(
        json.dumps(
            {
                "Nome": "given_names",
                "Cognome": "family_name",
                "Data di nascita": "birth_date",
                "Cittadinanza": "citizenships",
                "Status": "protection_status",
                "Scadenza permesso": "permit.expires",
                "Numero permesso": "permit.number",
                "Questura": "permit.questura",
                "Rilascio": "permit.issued",
            }
        )
    )
    results = read_csv(path, mapping, today=TODAY)
    assert len(results) == 2
    first, second = results
    # permit.type is missing: the row is refused with that reason, everything else was read correctly.
    assert [(e.field, e.code) for e in first.errors] == [("permit.type", "required")]
    assert [(e.field, e.code) for e in second.errors] == [("birth_date", "date_impossible")]
    assert second.row == 3
    fixed = rows.replace(";Rilascio", ";Rilascio;Tipo").replace("02/02/2022", "02/02/2022;asilo")
    fixed = fixed.replace(";;;;", ";;;;;")
    ok = parse_csv(fixed, load_column_mapping(mapping) | {"Tipo": "permit.type"}, today=TODAY)[0]
    assert ok.ok, ok.errors
    assert ok.record is not None
    assert ok.record.person.given_names == ("Amédée",) and ok.record.person.family_name == "D'Angelo"
    assert ok.record.person.citizenships == ("CI", "FR")
    assert ok.record.permit is not None and ok.record.permit.expires == date(2027, 2, 1)


def test_bad_mapping_file_names_file_and_line(tmp_path: Path) -> None:
    mapping = tmp_path / "m.json"
    mapping.write_text('{\n  "Nome": "given_names",\n  "Cognome" "family_name"\n}')
    try:
        load_column_mapping(mapping)
    except Exception as error:
        assert error.code == "mapping_format" and error.params["line"] == 3  # type: ignore[attr-defined]
        assert error.params["path"] == str(mapping)  # type: ignore[attr-defined]
    else:
        raise AssertionError("accepted")


def test_schema_documents_the_same_fields() -> None:
    schema = json.loads(Path("docs/interchange.schema.json").read_text(encoding="utf-8"))
    assert tuple(schema["properties"]) == FIELDS
    assert set(schema["required"]) == {"given_names", "family_name"}
    for field, value in FULL.items():
        assert field in schema["properties"], field
        expected = schema["properties"][field].get("type")
        if expected:
            kinds = {"array": list, "string": str, "object": dict}
            assert isinstance(
                value, kinds[expected] if isinstance(expected, str) else tuple(kinds[k] for k in expected)
            )


names = st.text(alphabet=string.ascii_letters + "àéèìòù'ÀÉ" + "محمدعلي", min_size=1, max_size=12).filter(
    lambda s: any(c.isalpha() for c in s) and s.strip("'") == s
)
dates = st.dates(min_value=date(2000, 1, 1), max_value=TODAY)


@st.composite
def records(draw: st.DrawFn) -> dict[str, object]:
    issued = draw(dates)
    record: dict[str, object] = {
        "given_names": draw(st.lists(names, min_size=1, max_size=3)),
        "family_name": draw(names),
    }
    if draw(st.booleans()):
        year = draw(st.integers(1940, 2020))
        record["birth_date"] = draw(st.sampled_from([f"{year}", f"{year}-0{draw(st.integers(1, 9))}", f"{year}-02-28"]))
    if draw(st.booleans()):
        record["citizenships"] = draw(
            st.lists(st.sampled_from(["AF", "SN", "NG", "SY", "XX"]), min_size=1, max_size=3, unique=True)
        )
    if draw(st.booleans()):
        record["permit"] = {
            "type": "asilo",
            "number": "P" + str(draw(st.integers(10000, 99999999))),
            "questura": "Padova",
            "issued": issued.isoformat(),
            "expires": date(issued.year + 5, issued.month, 1).isoformat(),
        }
    if draw(st.booleans()):
        record["sex"] = draw(st.sampled_from("FMX"))
    if draw(st.booleans()):
        record["italian_level"] = {"reading": draw(st.sampled_from(["pre-A1", "A1", "B2"]))}
    return record


@settings(max_examples=60, deadline=None)
@given(records())
def test_round_trip_property(data: dict[str, object]) -> None:
    first = parse_record(data, today=TODAY)
    assert first.ok, first.errors
    again = parse_jsonl(dumps_jsonl([first.record]), today=TODAY)  # type: ignore[list-item]
    assert again[0].record == first.record


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from([*FIELDS, "x"]), json_values, max_size=8))
def test_parser_never_crashes_on_random_records(data: dict[str, object]) -> None:
    result = parse_record(data, today=TODAY)
    assert result.ok == (result.record is not None)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_csv_and_jsonl_never_crash_on_random_bytes(data: bytes) -> None:
    from iam_desktop.domain.interchange import decode_text

    text = decode_text(data)
    for result in parse_csv(text, today=TODAY) + parse_jsonl(text, today=TODAY):
        assert result.ok == (result.record is not None)
