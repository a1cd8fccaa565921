"""The indicators file: the shipped one loads; an unknown field or a formula error is refused naming the file, the
line and the indicator. Suppression: no cell under 5 is published, and none can be recovered by subtraction —
checked by brute force over every count consistent with what is published."""

from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iam_desktop.domain.indicators import IndicatorDefinitionError, parse_indicators, suppress
from iam_desktop.resources import resource
from iam_desktop.services.monitoring import load_indicator_set

SOURCE = resource("indicators", "iam.json").read_text(encoding="utf-8")


def test_shipped_indicators_load():
    indicators = load_indicator_set()
    ids = {i.indicator_id for i in indicators.indicators}
    assert {"people_new", "time_on_step", "housing_sessions", "co_housing", "referrals_by_type"} <= ids
    assert indicators.threshold == 5
    assert indicators.label("outcome", "abbandono", "en") == "Dropped out"


def broken(change) -> str:
    data = json.loads(SOURCE)
    change(data["indicators"][6])  # time_on_step
    return json.dumps(data, ensure_ascii=False, indent=2)


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_unknown_field_names_indicator_file_and_line():
    text = broken(lambda ind: ind.update(weight=3))
    with pytest.raises(IndicatorDefinitionError) as caught:
        parse_indicators(text, "iam.json")
    error = caught.value
    assert (error.code, error.indicator, error.line) == ("field_unknown", "time_on_step", line_of(text, '"weight"'))
    assert str(error).startswith(f"iam.json:{error.line}: [time_on_step] field_unknown")


@pytest.mark.parametrize(
    ("formula", "code"),
    [
        ({"measure": "medain_time"}, "formula_measure_unknown"),
        ({"measure": "people"}, "formula_param_missing"),
        ({"measure": "people", "population": "everyone"}, "formula_param_invalid"),
        ({"measure": "employment", "at": "follow_up"}, "formula_months_mismatch"),
        ({"measure": "outcomes", "per": "desk"}, "formula_param_unknown"),
    ],
)
def test_formula_errors_name_the_indicator(formula, code):
    text = broken(lambda ind: ind.update(formula=formula))
    with pytest.raises(IndicatorDefinitionError) as caught:
        parse_indicators(text, "iam.json")
    assert caught.value.code == code and caught.value.indicator == "time_on_step"
    assert caught.value.line >= line_of(text, '"id": "time_on_step"')


def test_breakdown_not_allowed_and_syntax_errors():
    with pytest.raises(IndicatorDefinitionError) as caught:
        parse_indicators(broken(lambda ind: ind.update(breakdowns=["sex"])), "iam.json")
    assert caught.value.code == "breakdown_not_allowed"
    with pytest.raises(IndicatorDefinitionError) as syntax:
        parse_indicators(SOURCE.replace('"format": 1,', '"format": 1,,'), "iam.json")
    assert syntax.value.code == "json_syntax" and syntax.value.line == line_of(SOURCE, '"format": 1')


def possible_values(published: dict[str, int | None], total: int | None, bound: int) -> dict[str, set[int]]:
    """Every value each hidden cell can take, given the published cells and total (brute force)."""
    hidden = [k for k, v in published.items() if v is None]
    seen: dict[str, set[int]] = {k: set() for k in hidden}
    visible = sum(v for v in published.values() if v is not None)
    for combo in itertools.product(range(bound + 1), repeat=len(hidden)):
        if total is not None and visible + sum(combo) != total:
            continue
        for k, v in zip(hidden, combo, strict=True):
            seen[k].add(v)
    return seen


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(0, 14), min_size=1, max_size=4))
def test_no_suppressed_cell_is_recoverable(values):
    cells = {f"c{i}": v for i, v in enumerate(values)}
    table = suppress(cells, 5)
    assert all(v is None or v >= 5 for v in table.cells.values())
    assert table.total is None or table.total >= 5
    for key, options in possible_values(dict(table.cells), table.total, 15).items():
        assert len(options) > 1, (cells, key, options)
        assert cells[key] in options


def test_suppression_examples():
    one_small = suppress({"F": 3, "M": 12, "X": 6}, 5)
    assert one_small.cells == {"F": None, "M": 12, "X": None} and one_small.total == 21
    assert one_small.primary == {"F"} and one_small.secondary == {"X"}
    too_few = suppress({"F": 2, "M": 2}, 5)
    assert too_few.total is None and set(too_few.cells.values()) == {None}
    clean = suppress({"F": 5, "M": 9}, 5)
    assert clean.cells == {"F": 5, "M": 9} and clean.suppressed == 0
