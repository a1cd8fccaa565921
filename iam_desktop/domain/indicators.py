"""Monitoring indicators as data (``resources/indicators/*.json``, format in ``indicators.schema.json``): this module
owns the loader, which refuses a broken file naming the file, the line and the indicator, and the closed vocabulary
of measures a formula may use with their parameters and allowed breakdowns. The computation over plain, already
decrypted case records lives in ``indicator_engine``; the publication rule (small-cell suppression) closes this
module. No sentences here: labels and definitions come from the file."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iam_desktop.domain.errors import ValidationError
from iam_desktop.domain.pathway import JsonPath, _locate

FORMAT = 1
LANGUAGES = ("it", "en")
PEOPLE_BREAKDOWNS = ("desk", "sex", "age_band", "citizenship", "protection_status")
UNITS = ("people", "days", "hours", "courses", "initiatives", "sessions", "referrals", "percent")
CHARTS = ("bar", "funnel", "line", "none")


@dataclass(frozen=True)
class MeasureSpec:
    """What a measure accepts: each parameter's allowed values (``int`` for a whole number), which ones are
    required, and the breakdowns it can be split by."""

    params: Mapping[str, tuple[str, ...] | type[int]]
    required: tuple[str, ...] = ()
    breakdowns: tuple[str, ...] = ("desk",)


MEASURES: dict[str, MeasureSpec] = {
    "people": MeasureSpec({"population": ("new", "active", "closed")}, ("population",), PEOPLE_BREAKDOWNS),
    "trend": MeasureSpec({}, breakdowns=()),
    "steps": MeasureSpec({}),
    "transitions": MeasureSpec({}),
    "time_on_step": MeasureSpec({}),
    "outcomes": MeasureSpec({}),
    "employment": MeasureSpec({"at": ("exit", "follow_up"), "months": int}, ("at",)),
    "autonomous_housing": MeasureSpec({"at": ("exit", "follow_up"), "months": int}, ("at",)),
    "training_hours": MeasureSpec({}),
    "training_completions": MeasureSpec({}),
    "self_employment": MeasureSpec({}),
    "co_housing": MeasureSpec({}),
    "housing_sessions": MeasureSpec({}),
    "referrals": MeasureSpec({"of": ("by_type", "between_desks", "acceptance", "answer_time")}, ("of",)),
}
# Referrals arrive with their own issue; until then these measures answer "not available", never a made-up zero.
NOT_YET_AVAILABLE = frozenset({"referrals"})


class IndicatorDefinitionError(ValidationError):
    """An indicators file that cannot be used: ``code`` says what is wrong; ``path``, ``line`` and ``indicator``
    (the id, or its position when the id itself is missing) say where."""

    def __init__(self, path: Path | str, line: int, code: str, indicator: str = "", **params: object) -> None:
        super().__init__("indicators", code, path=str(path), line=line, indicator=indicator, **params)
        self.path = str(path)
        self.line = line
        self.indicator = indicator

    def __str__(self) -> str:
        skip = ("field", "code", "path", "line", "indicator")
        extra = ", ".join(f"{k}={v}" for k, v in self.params.items() if k not in skip)
        where = f" [{self.indicator}]" if self.indicator else ""
        return f"{self.path}:{self.line}:{where} {self.code}" + (f" ({extra})" if extra else "")


@dataclass(frozen=True)
class Formula:
    measure: str
    params: Mapping[str, str | int] = field(default_factory=dict)

    def get(self, name: str) -> str | int | None:
        return self.params.get(name)


@dataclass(frozen=True)
class Indicator:
    indicator_id: str
    label: Mapping[str, str]
    definition: Mapping[str, str]
    formula: Formula
    unit: str = "people"
    breakdowns: tuple[str, ...] = ()
    chart: str = "bar"
    public: bool = False

    @property
    def available(self) -> bool:
        return self.formula.measure not in NOT_YET_AVAILABLE


@dataclass(frozen=True)
class IndicatorSet:
    set_id: str
    version: str
    indicators: tuple[Indicator, ...]
    age_bands: tuple[int, ...] = (18, 25, 35, 45, 55)
    threshold: int = 5
    categories: Mapping[str, Mapping[str, Mapping[str, str]]] = field(default_factory=dict)
    source: str = ""

    def get(self, indicator_id: str) -> Indicator:
        for indicator in self.indicators:
            if indicator.indicator_id == indicator_id:
                return indicator
        raise ValidationError("indicator", "indicator_unknown", indicator=indicator_id)

    def label(self, dimension: str, code: str, language: str) -> str:
        """The label of a category code (a sex, an outcome …) in ``language``; the code itself when the file has
        none (citizenships are ISO codes, steps are labelled by the ladder)."""
        texts = self.categories.get(dimension, {}).get(code)
        return (texts.get(language) or texts.get("en") or code) if texts else code


def load_indicators(path: Path) -> IndicatorSet:
    """The indicators in ``path``; any problem is an ``IndicatorDefinitionError`` naming file, line, indicator."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise IndicatorDefinitionError(path, 0, "file_unreadable", reason=type(exc).__name__) from None
    return parse_indicators(text, path)


def parse_indicators(text: str, path: Path | str = "<indicators>") -> IndicatorSet:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IndicatorDefinitionError(path, exc.lineno, "json_syntax", column=exc.colno, reason=exc.msg) from None
    try:
        lines = _locate(text)
    except Exception as exc:  # _locate refuses duplicate keys with their line
        raise IndicatorDefinitionError(
            path, getattr(exc, "line", 1), "duplicate_key", key=getattr(exc, "key", "")
        ) from None
    return _Reader(str(path), lines).indicator_set(data)


_TOP = {"format", "id", "version", "age_bands", "suppression", "categories", "indicators"}
_FIELDS = {"id", "label", "definition", "unit", "formula", "breakdowns", "chart", "public"}


class _Reader:
    """Walks the parsed JSON, refusing the first problem with its line. Keys starting with ``_`` or ``$`` are
    comments."""

    def __init__(self, path: str, lines: dict[JsonPath, int]) -> None:
        self.path = path
        self.lines = lines
        self.indicator = ""

    def fail(self, at: JsonPath, code: str, **params: object) -> IndicatorDefinitionError:
        while at and at not in self.lines:
            at = at[:-1]
        return IndicatorDefinitionError(
            self.path, self.lines.get(at, 1), code, self.indicator, at=".".join(str(p) for p in at), **params
        )

    def obj(self, value: object, at: JsonPath, allowed: set[str], required: set[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(at, "type_object")
        data = {k: v for k, v in value.items() if not k.startswith(("_", "$"))}
        for key in data:
            if key not in allowed:
                raise self.fail((*at, key), "field_unknown", name=key)
        for key in sorted(required - set(data)):
            raise self.fail(at, "field_missing", name=key)
        return data

    def texts(self, value: object, at: JsonPath) -> dict[str, str]:
        if not isinstance(value, dict) or not all(isinstance(v, str) and v.strip() for v in value.values()):
            raise self.fail(at, "texts_invalid")
        for language in LANGUAGES:
            if language not in value:
                raise self.fail(at, "language_missing", language=language)
        return dict(value)

    def choice(self, value: object, at: JsonPath, allowed: tuple[str, ...], code: str) -> str:
        if not isinstance(value, str) or value not in allowed:
            raise self.fail(at, code, value=str(value), allowed="|".join(allowed))
        return value

    def indicator_set(self, data: object) -> IndicatorSet:
        top = self.obj(data, (), _TOP, {"format", "id", "version", "indicators"})
        if top["format"] != FORMAT:
            raise self.fail(("format",), "format_unsupported", value=str(top["format"]))
        bands = top.get("age_bands", [18, 25, 35, 45, 55])
        if not (
            isinstance(bands, list)
            and bands
            and all(isinstance(b, int) and 0 < b < 120 for b in bands)
            and bands == sorted(set(bands))
        ):
            raise self.fail(("age_bands",), "age_bands_invalid")
        suppression = self.obj(top.get("suppression", {"threshold": 5}), ("suppression",), {"threshold"}, set())
        threshold = suppression.get("threshold", 5)
        if not isinstance(threshold, int) or isinstance(threshold, bool) or threshold < 2:
            raise self.fail(("suppression", "threshold"), "threshold_invalid")
        categories: dict[str, dict[str, dict[str, str]]] = {}
        given = top.get("categories", {})
        # Only a mapping has keys to allow; anything else is refused by ``obj`` with its line.
        raw_categories = self.obj(given, ("categories",), set(given) if isinstance(given, dict) else set(), set())
        for dimension, codes in raw_categories.items():
            if not isinstance(codes, dict):
                raise self.fail(("categories", dimension), "type_object")
            categories[dimension] = {c: self.texts(t, ("categories", dimension, c)) for c, t in codes.items()}
        items = top["indicators"]
        if not isinstance(items, list) or not items:
            raise self.fail(("indicators",), "indicators_missing")
        indicators = [self.indicator_at(item, ("indicators", i)) for i, item in enumerate(items)]
        seen: set[str] = set()
        for i, indicator in enumerate(indicators):
            if indicator.indicator_id in seen:
                self.indicator = indicator.indicator_id
                raise self.fail(("indicators", i, "id"), "duplicate_id")
            seen.add(indicator.indicator_id)
        return IndicatorSet(
            str(top["id"]), str(top["version"]), tuple(indicators), tuple(bands), threshold, categories, self.path
        )

    def indicator_at(self, item: object, at: JsonPath) -> Indicator:
        raw_id = item.get("id") if isinstance(item, dict) else None
        self.indicator = raw_id if isinstance(raw_id, str) else f"#{at[-1]}"
        data = self.obj(item, at, _FIELDS, {"id", "label", "definition", "formula"})
        if not isinstance(raw_id, str) or not raw_id.replace("_", "").isalnum() or not raw_id[:1].isalpha():
            raise self.fail((*at, "id"), "id_invalid")
        formula = self.formula(data["formula"], (*at, "formula"))
        spec = MEASURES[formula.measure]
        breakdowns = data.get("breakdowns", [])
        if not isinstance(breakdowns, list):
            raise self.fail((*at, "breakdowns"), "type_array")
        for n, name in enumerate(breakdowns):
            self.choice(name, (*at, "breakdowns", n), spec.breakdowns, "breakdown_not_allowed")
        public = data.get("public", False)
        if not isinstance(public, bool):
            raise self.fail((*at, "public"), "type_boolean")
        return Indicator(
            raw_id,
            self.texts(data["label"], (*at, "label")),
            self.texts(data["definition"], (*at, "definition")),
            formula,
            self.choice(data.get("unit", "people"), (*at, "unit"), UNITS, "unit_unknown"),
            tuple(breakdowns),
            self.choice(data.get("chart", "bar"), (*at, "chart"), CHARTS, "chart_unknown"),
            public,
        )

    def formula(self, value: object, at: JsonPath) -> Formula:
        if not isinstance(value, dict):
            raise self.fail(at, "formula_invalid")
        measure = self.choice(value.get("measure"), (*at, "measure"), tuple(MEASURES), "formula_measure_unknown")
        spec = MEASURES[measure]
        params: dict[str, str | int] = {}
        for name, raw in value.items():
            if name == "measure" or name.startswith(("_", "$")):
                continue
            allowed = spec.params.get(name)
            if allowed is None:
                raise self.fail((*at, name), "formula_param_unknown", measure=measure, name=name)
            if allowed is int:
                if not isinstance(raw, int) or isinstance(raw, bool) or not 1 <= raw <= 60:
                    raise self.fail((*at, name), "formula_param_invalid", name=name, value=str(raw))
                params[name] = raw
            else:
                assert isinstance(allowed, tuple)
                params[name] = self.choice(raw, (*at, name), allowed, "formula_param_invalid")
        for name in spec.required:
            if name not in params:
                raise self.fail(at, "formula_param_missing", measure=measure, name=name)
        # A follow-up needs its distance in months; an exit figure must not carry one (it would be ignored).
        if ("at" in spec.params) and ((params.get("at") == "follow_up") != ("months" in params)):
            raise self.fail(at, "formula_months_mismatch", measure=measure)
        return Formula(measure, params)


# --- publication: small-cell suppression -------------------------------------------------------------------------


@dataclass(frozen=True)
class SuppressedTable:
    """A one-way table of counts ready to publish: ``cells`` and ``total`` are None where suppressed. ``primary``
    are the cells under the threshold; ``secondary`` those hidden so that the primary ones cannot be worked out
    by subtracting the visible cells from the total."""

    cells: Mapping[str, int | None]
    total: int | None
    primary: frozenset[str]
    secondary: frozenset[str]

    @property
    def suppressed(self) -> int:
        return sum(1 for v in self.cells.values() if v is None) + (self.total is None)


def suppress(cells: Mapping[str, int], threshold: int) -> SuppressedTable:
    """Hide every cell counting fewer than ``threshold`` people (zero included), then, while the hidden cells are
    fewer than two or add up to fewer than ``threshold``, hide the smallest visible cell as well: then the total
    minus the visible cells tells only the sum of at least two hidden cells, itself not a small number. A total
    under the threshold hides the whole table. Cells must partition the total (one category per person)."""
    total = sum(cells.values())
    if total < threshold:
        return SuppressedTable(dict.fromkeys(cells), None, frozenset(cells), frozenset())
    primary = {k for k, v in cells.items() if v < threshold}
    hidden = set(primary)
    visible = sorted((v, k) for k, v in cells.items() if k not in hidden)
    while hidden and (len(hidden) < 2 or sum(cells[k] for k in hidden) < threshold) and visible:
        hidden.add(visible.pop(0)[1])
    shown = {k: (None if k in hidden else v) for k, v in cells.items()}
    return SuppressedTable(shown, total, frozenset(primary), frozenset(hidden - primary))
