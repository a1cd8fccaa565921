import contextlib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iam_desktop.domain.duplicates import are_close_names, duplicate_keys, skeleton_key
from iam_desktop.domain.forms import FormDefinitionError, load_form, parse_form, validate_values
from iam_desktop.domain.interchange import parse_record
from iam_desktop.resources import resource

TODAY = date(2025, 6, 1)


def test_intake_definition_loads_with_all_languages() -> None:
    form = load_form(resource("forms", "intake.json"))
    assert form.languages == ("it", "en", "fr", "ar")
    assert form.field("permit.expires").validation["not_before"] == "permit.issued"
    assert all(f.label["ar"] for f in form.all_fields)


def test_validate_values_reports_every_field() -> None:
    form = load_form(resource("forms", "intake.json"))
    result = validate_values(
        form,
        {
            "given_names": ["Awa"],
            "family_name": "Sow",
            "birth_date": "2026-02-30",
            "permit.issued": "2024-01-10",
            "permit.expires": "2023-01-10",
            "codice_fiscale": "RSSMRA85T10A562S",
            "sex": "F",
            "household": [{"relation": "cugino", "birth_year": 1890}],
        },
        today=TODAY,
    )
    assert {(e.field, e.code) for e in result.errors} == {
        ("birth_date", "date_impossible"),
        ("permit.expires", "date_order"),
        ("household[0].relation", "choice_unknown"),
        ("household[0].birth_year", "number_range"),
    }
    assert [w.code for w in result.warnings] == ["cf_sex_mismatch"]


def test_malformed_definition_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    text = resource("forms", "intake.json").read_text(encoding="utf-8")
    line = text.splitlines().index('      "id": "anagrafica",') + 1
    path.write_text(text.replace('"type": "partial_date"', '"type": "when"', 1), encoding="utf-8")
    with pytest.raises(FormDefinitionError) as error:
        load_form(path)
    assert error.value.code == "unknown_type" and error.value.path == str(path)
    assert error.value.line > line
    assert str(path) in str(error.value)
    path.write_text('{\n "form": "x",\n "languages": ["it", "en"]\n "sections": []\n}')
    with pytest.raises(FormDefinitionError) as error:
        load_form(path)
    assert (error.value.code, error.value.line) == ("json_syntax", 4)


def test_choice_outside_domain_enum_refused() -> None:
    text = resource("forms", "intake.json").read_text(encoding="utf-8").replace('"value": "rifugiato"', '"value": "x"')
    with pytest.raises(FormDefinitionError) as error:
        parse_form(text, "intake.json")
    assert error.value.code == "unknown_choice"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_form_loader_only_raises_form_definition_error(text: str) -> None:
    with contextlib.suppress(FormDefinitionError):
        parse_form(text)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mohamed", "Muhammad"),
        ("Mohammed", "Mohamed"),
        ("Mohamed", "محمد"),
        ("Youssef", "Yusuf"),
        ("Ibrahim", "إبراهيم"),
        ("Sow Awa", "Awa Sow"),
    ],
)
def test_close_names(a: str, b: str) -> None:
    assert are_close_names(a, b)


def test_not_close_names() -> None:
    assert not are_close_names("Mohamed Ali", "Ahmed Ali")
    assert not are_close_names("Fatima", "Omar")


def test_duplicate_keys_for_blind_index() -> None:
    record = parse_record(
        {
            "given_names": ["Mohammed"],
            "family_name": "D'Angelo",
            "birth_date": "1990-04",
            "codice_fiscale": "RSSMRA85T10A562S",
            "codice_fiscale_history": ["00743110157"],
            "aliases": ["محمد"],
        },
        today=TODAY,
    ).record
    assert record is not None
    keys = duplicate_keys(record.person, identity_documents=())
    assert keys[:2] == ["cf:00743110157", "cf:RSSMRA85T10A562S"]
    assert "name:1990:dangelo mohammed" in keys
    assert "namesk:1990:dngl mhmd" in keys
    assert "namesk:1990:mhmd" in keys  # the Arabic alias meets the Latin spelling
    assert skeleton_key("Muhammad DANGELO") == skeleton_key("Mohamed d'Angelo")
