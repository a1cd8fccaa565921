"""Hypothesis over the definition loaders and the import parsers, where tests/domain, tests/pathway and
tests/monitoring do not already reach: mutations of the SHIPPED form and indicator files (text and structure —
random text alone rarely gets past the JSON parser), the column-mapping loader, and CSV files written in the
encodings spreadsheets really use (UTF-8 with or without BOM, UTF-16, cp1252, latin-1) with random cells.
The pathway loader's mutations and random bytes into CSV/JSON Lines are fuzzed in their own suites already.

Only the documented errors may come out: `FormDefinitionError`, `IndicatorDefinitionError`, `ValidationError`
for a mapping; a row that does not parse is a `RowResult` with errors, never an exception.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iam_desktop.domain.errors import ValidationError
from iam_desktop.domain.forms import FormDefinitionError, parse_form
from iam_desktop.domain.indicators import IndicatorDefinitionError, parse_indicators
from iam_desktop.domain.interchange import FIELDS, decode_text, load_column_mapping, parse_csv, parse_jsonl
from iam_desktop.resources import resource
from tests.json_paths import json_paths

TODAY = date(2026, 11, 25)
FORM = resource("forms", "intake.json").read_text(encoding="utf-8")
INDICATORS = resource("indicators", "iam.json").read_text(encoding="utf-8")
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 10**6) | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


def _mutate(source: str, data: st.DataObject, replacement: Any) -> str:
    tree = json.loads(source)
    target = data.draw(st.sampled_from(json_paths(tree)[1:]))
    parent = tree
    for part in target[:-1]:
        parent = parent[part]
    if data.draw(st.booleans()) and isinstance(parent, dict):
        del parent[target[-1]]
    else:
        parent[target[-1]] = replacement
    return json.dumps(tree, indent=2, ensure_ascii=False)


def _form(text: str) -> None:
    try:
        parse_form(text, "mutant.json")
    except FormDefinitionError as error:
        assert error.line >= 0


def _indicators(text: str) -> None:
    try:
        parse_indicators(text, "mutant.json")
    except IndicatorDefinitionError as error:
        assert error.line >= 0


@FAST
@given(st.integers(0, len(FORM) - 1), st.integers(0, 8), st.text(max_size=4))
def test_form_text_mutations_only_raise_form_definition_error(at: int, cut: int, insert: str) -> None:
    _form(FORM[:at] + insert + FORM[at + cut :])


@FAST
@given(st.data(), _JSON)
def test_form_structural_mutations_only_raise_form_definition_error(data: st.DataObject, value: Any) -> None:
    _form(_mutate(FORM, data, value))


@pytest.mark.parametrize("value", [[], {}])
def test_form_not_before_of_the_wrong_type_is_a_definition_error(value: object) -> None:
    tree = json.loads(FORM)
    for section in tree["sections"]:
        for field in section["fields"]:
            if "not_before" in field.get("validation", {}):
                field["validation"]["not_before"] = value
    _form(json.dumps(tree))


@FAST
@given(st.integers(0, len(INDICATORS) - 1), st.integers(0, 8), st.text(max_size=4))
def test_indicator_text_mutations_only_raise_indicator_definition_error(at: int, cut: int, insert: str) -> None:
    _indicators(INDICATORS[:at] + insert + INDICATORS[at + cut :])


@FAST
@given(st.data(), _JSON)
def test_indicator_structural_mutations_only_raise_indicator_definition_error(data: st.DataObject, value: Any) -> None:
    _indicators(_mutate(INDICATORS, data, value))


@pytest.mark.parametrize("value", [None, 3, True])
def test_indicator_categories_of_the_wrong_type_are_a_definition_error(value: object) -> None:
    tree = json.loads(INDICATORS)
    tree["categories"] = value
    _indicators(json.dumps(tree))


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.binary(max_size=200), _JSON.map(lambda v: json.dumps(v).encode())))
def test_column_mapping_loader_only_raises_validation_error(tmp_path_factory: Any, content: bytes) -> None:
    path = Path(tmp_path_factory.mktemp("mapping")) / "mapping.json"
    path.write_bytes(content)
    try:
        mapping = load_column_mapping(path)
    except ValidationError as error:
        assert error.code in ("mapping_format", "mapping_target_unknown")
    else:
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in mapping.items())


_cells = st.text(st.characters(codec="cp1252"), max_size=15)
_columns = st.lists(st.sampled_from([*FIELDS, "Nome", "Cognome", "permit.expires", "x"]), min_size=1, max_size=6)


@settings(max_examples=150, deadline=None)
@given(_columns, st.lists(st.lists(_cells, min_size=1, max_size=6), max_size=4), st.data())
def test_csv_in_real_encodings_parses_or_reports_per_row(
    columns: list[str], rows: list[list[str]], data: st.DataObject
) -> None:
    encoding = data.draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]))
    delimiter = data.draw(st.sampled_from([",", ";", "\t"]))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(columns)
    writer.writerows(rows)
    try:
        raw = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:
        return  # a cell this encoding cannot hold: no spreadsheet would write it
    text = decode_text(raw)
    # Documented: UTF-8 or Windows-1252 (docs/interchange.md). UTF-16 (Excel's "Unicode text") is not supported:
    # it must not crash, and its rows come out as errors rather than people.
    if encoding in ("utf-8", "utf-8-sig", "cp1252"):
        assert text.replace("\r\n", "\n") == buffer.getvalue().replace("\r\n", "\n")
    for result in parse_csv(text, today=TODAY) + parse_jsonl(text, today=TODAY):
        assert result.ok == (result.record is not None)
        assert result.ok or result.errors
