"""The pathway file: a broken ladder is refused with a PathwayDefinitionError naming the file and the line, never
anything else (hypothesis mutates the shipped file); the schema documents exactly the fact vocabulary in code."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iam_desktop.domain.errors import IamError, ValidationError
from iam_desktop.domain.pathway import (
    FACT_PARAMS,
    Fact,
    Pathway,
    PathwayDefinitionError,
    default_pathway_path,
    load_pathway,
    parse_pathway,
)
from tests.json_paths import json_paths

SHIPPED = default_pathway_path().read_text(encoding="utf-8")


def _line_of(text: str, needle: str, nth: int = 0) -> int:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return text.count("\n", 0, start) + 1


def _refused(tmp_path: Path, text: str) -> PathwayDefinitionError:
    path = tmp_path / "ladder.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PathwayDefinitionError) as refused:
        load_pathway(path)
    error = refused.value
    assert isinstance(error, ValidationError) and isinstance(error, IamError)
    assert str(error).startswith(f"{path}:{error.line}: {error.code}")
    assert error.params["path"] == str(path) and error.params["line"] == error.line
    return error


def test_the_shipped_ladder_loads() -> None:
    assert load_pathway(default_pathway_path()).last == 5


def test_json_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    broken = SHIPPED.replace('"version": "2026.1",', '"version": "2026.1"', 1)
    error = _refused(tmp_path, broken)
    assert error.code == "json_syntax"
    assert error.line == _line_of(SHIPPED, '"version"') + 1  # the parser notices at the next key


def test_unknown_fact_names_the_line_of_the_fact(tmp_path: Path) -> None:
    broken = SHIPPED.replace('"fact": "italian_level"', '"fact": "italian_levle"', 1)
    error = _refused(tmp_path, broken)
    assert (error.code, error.params["fact"]) == ("fact_unknown", "italian_levle")
    assert error.line == _line_of(SHIPPED, '"fact": "italian_level"')
    assert error.params["at"] == "steps[1].criteria[3].fact"


def test_invalid_fact_parameter_names_its_line(tmp_path: Path) -> None:
    broken = SHIPPED.replace('"min_level": "A2"', '"min_level": "A9"', 1)
    error = _refused(tmp_path, broken)
    assert error.code == "fact_param_invalid" and error.line == _line_of(SHIPPED, '"min_level": "A2"')
    assert "A2" in error.params["allowed"]  # type: ignore[operator]


def test_unknown_fact_parameter(tmp_path: Path) -> None:
    broken = SHIPPED.replace('"min_weekly_hours": 20', '"min_hours": 20', 1)
    error = _refused(tmp_path, broken)
    assert (error.code, error.params["key"]) == ("key_unknown", "min_hours")
    assert error.line == _line_of(SHIPPED, '"min_weekly_hours": 20')


def test_missing_required_parameter(tmp_path: Path) -> None:
    data = json.loads(SHIPPED)
    data["steps"][1]["criteria"][1]["params"] = {}
    error = _refused(tmp_path, json.dumps(data, indent=2))
    assert (error.code, error.params["key"]) == ("key_missing", "kind")


def test_misspelt_key_is_refused_not_ignored(tmp_path: Path) -> None:
    broken = SHIPPED.replace('"criteria": [', '"critera": [', 1)
    error = _refused(tmp_path, broken)
    assert error.code in ("key_unknown", "key_missing")
    assert error.line == _line_of(SHIPPED, '"criteria": [')


def test_duplicate_key_is_refused(tmp_path: Path) -> None:
    broken = SHIPPED.replace('"version": "2026.1",', '"version": "2026.1",\n  "version": "2026.2",', 1)
    error = _refused(tmp_path, broken)
    assert (error.code, error.line) == ("duplicate_key", _line_of(SHIPPED, '"version"') + 1)


@pytest.mark.parametrize(
    ("old", "new", "code", "anchor"),
    [
        ('"id": "attivazione"', '"id": "accoglienza_orientamento"', "duplicate_id", '"id": "attivazione"'),
        ('"number": 3', '"number": 4', "step_number", '"number": 3'),
        ('"format": 1', '"format": 2', "format_unsupported", '"format": 1'),
        ('"kind": "checklist"', '"kind": "spunta"', "criterion_kind_unknown", '"kind": "checklist"'),
        ('"plan_review_days": 90', '"plan_review_days": 0', "value_range", '"plan_review_days"'),
        ('"plan_review_days": 90', '"plan_review_days": "90"', "type", '"plan_review_days"'),
        ('"en": "Reception and orientation"', '"de": "Empfang"', "text_missing", '"label": {'),
        ('"min_weekly_hours": 20', '"min_weekly_hours": -1', "fact_param_invalid", '"min_weekly_hours"'),
        ('"min_courses": 1', '"min_courses": true', "type", '"min_courses"'),
    ],
)
def test_semantic_errors_have_a_code_and_the_line(tmp_path: Path, old: str, new: str, code: str, anchor: str) -> None:
    assert old in SHIPPED
    error = _refused(tmp_path, SHIPPED.replace(old, new, 1))
    assert error.code == code
    nth = 1 if anchor == '"label": {' else 0  # the first label is the pathway's, the step's comes next
    assert error.line == _line_of(SHIPPED, anchor, nth)


def test_checklist_item_cannot_name_a_fact(tmp_path: Path) -> None:
    data = json.loads(SHIPPED)
    data["steps"][0]["criteria"][0]["fact"] = "housing"
    error = _refused(tmp_path, json.dumps(data, indent=2))
    assert (error.code, error.params["key"]) == ("key_unknown", "fact")


@pytest.mark.parametrize("text", ["", "[]", "{}", '{"format": 1, "id": "x", "version": "1", "label": {}, "steps": []}',
                                  "\ufeff{}", "NaN", '{"a": Infinity}'])  # fmt: skip
def test_degenerate_files(tmp_path: Path, text: str) -> None:
    assert _refused(tmp_path, text).line >= 1


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PathwayDefinitionError) as refused:
        load_pathway(tmp_path / "nope.json")
    assert refused.value.code == "file_unreadable" and "nope.json" in str(refused.value)


def test_another_network_can_ship_a_two_step_ladder() -> None:
    text = json.dumps(
        {
            "format": 1, "id": "altra_rete", "version": "1", "label": {"it": "Rete", "en": "Network"},
            "follow_up_months": [1],
            "steps": [
                {"number": 1, "id": "a", "label": {"it": "A", "en": "A"}, "description": {"it": "a", "en": "a"},
                 "criteria": []},
                {"number": 2, "id": "b", "label": {"it": "B", "en": "B"}, "description": {"it": "b", "en": "b"},
                 "criteria": [{"id": "b1", "kind": "fact", "fact": "training_active",
                               "label": {"it": "x", "en": "x"}}]},
            ],
        }
    )  # fmt: skip
    pathway = parse_pathway(text)
    assert isinstance(pathway, Pathway) and pathway.last == 2 and pathway.follow_up_months == (1,)
    assert pathway.criterion("b1").fact is Fact.TRAINING_ACTIVE


def test_schema_documents_exactly_the_fact_vocabulary() -> None:
    schema = json.loads((default_pathway_path().parent / "pathway.schema.json").read_text(encoding="utf-8"))
    criterion = schema["$defs"]["criterion"]
    assert criterion["properties"]["fact"]["enum"] == [f.value for f in Fact]
    documented = {
        rule["if"]["properties"]["fact"]["const"]: set(rule["then"]["properties"]["params"]["properties"])
        for rule in criterion["allOf"][1:]
    }
    assert documented == {fact.value: set(params) for fact, params in FACT_PARAMS.items()}


# --- hypothesis: whatever the mutation, the loader answers with a Pathway or a PathwayDefinitionError -----------


def _load_or_refuse(text: str) -> None:
    try:
        parse_pathway(text, "mutant.json")
    except PathwayDefinitionError as error:
        assert error.line >= 0 and error.path == "mutant.json"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(SHIPPED) - 1), st.integers(0, 8), st.text(max_size=4))
def test_text_mutations_never_crash_the_loader(at: int, cut: int, insert: str) -> None:
    _load_or_refuse(SHIPPED[:at] + insert + SHIPPED[at + cut :])


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 200) | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=200, deadline=None)
@given(st.data(), _JSON)
def test_structural_mutations_never_crash_the_loader(data: st.DataObject, replacement: Any) -> None:
    tree = json.loads(SHIPPED)
    paths = json_paths(tree)[1:]
    target = data.draw(st.sampled_from(paths))
    parent = tree
    for part in target[:-1]:
        parent = parent[part]
    if data.draw(st.booleans()) and isinstance(parent, dict):
        del parent[target[-1]]
    else:
        parent[target[-1]] = replacement
    _load_or_refuse(json.dumps(tree, indent=2))
