"""The individual plan (progetto individualizzato / patto) printed for the person to sign: header, the person, the
plan's date and current step, then per axis each goal with its actions (who, by when, status, outcome), the reviews
held, the mutual commitments and the signatures — every label in Italian and in the person's language (en, fr, ar;
Arabic shaped and right-to-left). Labels come from ``resources/translations/plan_document.json``; the page layout,
Arabic shaping and signature lines are the shared ones of ``iam_desktop.printing.bilingual`` (written for the intake
documents and reused here). Data typed by operators (goal and action texts) is printed as typed."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from iam_desktop.domain.errors import ValidationError
from iam_desktop.domain.plan import Axis, Plan, next_review_due
from iam_desktop.printing import bilingual as bi
from iam_desktop.resources import read_json

# The frame width of ``bilingual.build`` (A4 with 18 mm margins).
WIDTH = A4[0] - 36 * mm
# Action table columns: description, who, by when, status (outcome goes under the description).
_COLUMNS = (0.46, 0.2, 0.14, 0.2)
_GRID = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, bi.RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
)


@cache
def plan_texts() -> dict[str, Any]:
    data: dict[str, Any] = read_json("translations", "plan_document.json")
    return data


def _t(key: str) -> Mapping[str, str]:
    entry: Mapping[str, str] = plan_texts()[key]
    return entry


def _pair(key: str, language: str, **params: str) -> str:
    """``Italiano / translation`` on one line, for table headers and short values."""
    it = bi.pick(_t(key), "it", **params)
    return it if language == "it" else f"{it} / {bi.pick(_t(key), language, **params)}"


def _cell(key: str, language: str, style: str = "label", other: str = "label_other") -> list[Flowable]:
    return bi.both(_t(key), language, style, other)


def _owner(owner: str, language: str, owner_names: Mapping[str, str]) -> list[Flowable]:
    s = bi.styles()
    if f"owner.{owner}" in plan_texts():
        return _cell(f"owner.{owner}", language, "base", "other")
    return [bi.para(owner_names.get(owner, owner), s["base"])]


def _goal_story(plan: Plan, axis: Axis, language: str, owner_names: Mapping[str, str]) -> list[Flowable]:
    s = bi.styles()
    story: list[Flowable] = [*_cell(f"axis.{axis.value}", language, "heading", "heading_other")]
    for goal in plan.goals_on(axis):
        block: list[Flowable] = [
            *_cell("goal", language),
            bi.para(goal.description, s["base"]),
            Spacer(1, 1.5 * mm),
        ]
        if goal.actions:
            rows: list[list[Any]] = [[_cell(k, language) for k in ("action", "owner", "due", "status")]]
            for action in goal.actions:
                what: list[Flowable] = [bi.para(action.description, s["base"])]
                if action.outcome:
                    what.append(bi.para(f"{_pair('outcome', language)}: {action.outcome}", s["small"]))
                rows.append(
                    [
                        what,
                        _owner(action.owner, language, owner_names),
                        bi.para(bi.format_date(action.due), s["base"]),
                        _cell(f"status.{action.status.value}", language, "base", "other"),
                    ]
                )
            block.append(Table(rows, colWidths=[WIDTH * c for c in _COLUMNS], style=_GRID, repeatRows=1))
        else:
            block += _cell("no_actions", language, "small", "small")
        story.append(KeepTogether(block))
        story.append(Spacer(1, 3 * mm))
    return story


def write_plan_document(
    target: Path,
    plan: Plan,
    *,
    language: str,
    context: bi.DocumentContext,
    person_name: str,
    step_label: Mapping[str, str] | None = None,
    review_every_days: int = 90,
    owner_names: Mapping[str, str] | None = None,
) -> None:
    """Writes the plan to ``target``. ``language`` is the person's (it, en, fr, ar …: ``language_unsupported``
    otherwise); ``step_label`` the current step's labels from the pathway; ``owner_names`` maps operator ids that
    appear as action owners to the names to print (``persona`` and ``sportello`` are printed as words)."""
    if language not in bi.languages():
        raise ValidationError("language", "language_unsupported", language=language)
    s = bi.styles()
    names = owner_names or {}
    story: list[Flowable] = [*bi.header(_t("title"), language, context), Spacer(1, 3 * mm)]
    story += bi.both(_t("intro"), language)
    story.append(Spacer(1, 3 * mm))
    facts: list[list[Any]] = [
        [_cell("person", language), bi.para(person_name, s["base"])],
        [_cell("plan_made", language), bi.para(bi.format_date(plan.made), s["base"])],
    ]
    if step_label:
        facts.append([_cell("step", language), bi.both(step_label, language, "base", "other")])
    next_review = next_review_due(plan, review_every_days)
    facts.append([_cell("next_review", language), bi.para(bi.format_date(next_review), s["base"])])
    story.append(Table(facts, colWidths=[0.34 * WIDTH, 0.66 * WIDTH], style=_GRID))
    story.append(Spacer(1, 4 * mm))
    axes = [axis for axis in Axis if plan.goals_on(axis)]
    if not axes:
        story += _cell("no_goals", language, "base", "other")
    for axis in axes:
        story += _goal_story(plan, axis, language, names)
    if plan.reviews:
        story += _cell("reviews", language, "heading", "heading_other")
        rows = [[bi.para(bi.format_date(r.date), s["base"]), bi.para(r.note, s["base"])] for r in plan.reviews]
        story.append(Table(rows, colWidths=[0.2 * WIDTH, 0.8 * WIDTH], style=_GRID))
    days = str(review_every_days)
    commitments: list[Flowable] = [*_cell("commitments_title", language, "heading", "heading_other")]
    commitments += bi.both(_t("commitments"), language, giorni=days)
    commitments += [Spacer(1, 2 * mm), *bi.both(_t("declaration"), language, "label", "label_other")]
    signatures = ("place_date", "signature_person", "signature_operator")
    commitments += [Spacer(1, 4 * mm), bi.signature_block(language, signatures)]
    story.append(KeepTogether(commitments))
    footer = f"{bi.pick(_t('title'), 'it')} · {plan.plan_id} · {plan_texts()['version']}"
    bi.build(target, story, title=bi.pick(_t("title"), "it"), footer=footer)
