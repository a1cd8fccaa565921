"""The dashboard's tables as plain data: an indicator ``Result`` of the engine turned into a ``Table`` (column
headers and rows of labels and numbers) in a given language — the main table of an indicator, one table per
breakdown (sex, age band, desk …), and the side figures (``extras``) — and the CSV writer that exports any of them.
Labels of categories, columns and dimensions come from the indicators file and the report catalogue through the
monitoring service, so the dashboard, the report and the CSV use the same words. No Qt here: the widgets show these
tables through a small model; the CSV is UTF-8 with a BOM (Excel recognises it) and, in Italian, separated by
semicolons with a decimal comma, as an Italian Excel expects."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from iam_desktop.domain.indicator_engine import Result, Status
from iam_desktop.domain.indicators import IndicatorSet
from iam_desktop.services.monitoring import category_labeller, document_texts

Cell = str | float | int | None
Labeller = Callable[[str, str], str]


@dataclass(frozen=True)
class Table:
    """Column headers and rows; the first column holds labels, the others numbers (None: no value)."""

    headers: tuple[str, ...] = ()
    rows: tuple[tuple[Cell, ...], ...] = field(default_factory=tuple)

    def column(self, n: int) -> list[Cell]:
        return [row[n] for row in self.rows]


class Words:
    """Every word the tables need in one language: categories, columns, side figures and dimension titles."""

    def __init__(self, indicators: IndicatorSet, language: str, desk_names: dict[str, str]) -> None:
        self.language = language
        self.indicators = indicators
        self.texts = document_texts(language)
        self.category: Labeller = category_labeller(indicators, language, desk_names)

    def column(self, code: str) -> str:
        return self.indicators.label("column", code, self.language)

    def side_figure(self, code: str) -> str:
        return self.indicators.label("extra", code, self.language)

    def dimension(self, name: str) -> str:
        return self.texts.get(f"dimension.{name}", name)

    def label(self, indicator_id: str) -> str:
        indicator = self.indicators.get(indicator_id)
        return indicator.label.get(self.language) or indicator.label["it"]

    def definition(self, indicator_id: str) -> str:
        indicator = self.indicators.get(indicator_id)
        return indicator.definition.get(self.language) or indicator.definition["it"]


def main_table(result: Result, words: Words, value_header: str) -> Table:
    """The indicator's own table: one row per category of its dimension, or the total alone."""
    if result.status is Status.NOT_AVAILABLE:
        return Table()
    if result.rows:
        headers = (words.dimension(result.dimension), *(words.column(c) for c in result.columns))
        rows = tuple((words.category(result.dimension, row.key), *row.values) for row in result.rows)
        return Table(headers, rows)
    return Table((words.dimension("total"), value_header), ((words.texts["total"], result.total),))


def breakdown_table(result: Result, dimension: str, words: Words, value_header: str) -> Table:
    """One breakdown of the total (by sex, by desk …) with its total row when the parts add up to it."""
    counts = result.breakdowns.get(dimension, {})
    rows: list[tuple[Cell, ...]] = [(words.category(dimension, code), value) for code, value in counts.items()]
    if dimension != "desk" or result.indicator.unit != "days":  # medians per desk do not add up
        rows.append((words.texts["total"], sum(counts.values())))
    return Table((words.dimension(dimension), value_header), tuple(rows))


def extras_table(result: Result, words: Words, value_header: str) -> Table:
    """The side figures (people considered, without follow-up, started, funded …); empty when there are none."""
    if not result.extras:
        return Table()
    return Table(("", value_header), tuple((words.side_figure(code), value) for code, value in result.extras.items()))


def share(part: float | None, whole: float | None) -> float | None:
    """``part`` as a percentage of ``whole``; None when there is nothing to divide by."""
    if part is None or not whole:
        return None
    return round(100.0 * part / whole, 1)


def format_number(value: Cell, decimal_comma: bool) -> str:
    """How a cell reads on screen and in the CSV: whole numbers without decimals, others with one."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:.1f}"
    return text.replace(".", ",") if decimal_comma else text


def write_csv(target: Path, table: Table, language: str) -> None:
    """The table as CSV for a spreadsheet in ``language``: UTF-8 with BOM; ``;`` and decimal comma in Italian."""
    italian = language == "it"
    with target.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";" if italian else ",")
        writer.writerow(table.headers)
        for row in table.rows:
            writer.writerow(["" if v is None else format_number(v, italian) for v in row])


def tables_of(result: Result, words: Words, value_header: str) -> list[tuple[str, Table]]:
    """Every table of an indicator, each with its title: the main one, the breakdowns, the side figures."""
    out: list[tuple[str, Table]] = []
    main = main_table(result, words, value_header)
    if main.rows:
        out.append((words.dimension(result.dimension or "total"), main))
    for dimension in result.breakdowns:
        out.append((words.dimension(dimension), breakdown_table(result, dimension, words, value_header)))
    extras = extras_table(result, words, value_header)
    if extras.rows:
        out.append(("+", extras))
    return out
