"""The stepped exit pathway (sistema di uscita a gradini: the ladder a person climbs from reception to autonomy),
loaded from data (``resources/pathways/*.json``, format in ``pathway.schema.json``) so another network can replace
the ladder without touching code. This module owns the
loader that refuses a broken file naming the file and the line, the evaluation of a step's entry criteria
(operator-ticked checklist items and facts derived from placements, permits and language level), and the transition
rules: forward only with every criterion of every step climbed met, unless a coordinator overrides with a reason;
back with a reason; each move kept as a ``StepTransition``."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from iam_desktop.domain.errors import PermissionDeniedError, ValidationError

# The fact vocabulary lives beside ``CaseFacts`` in ``placements``; re-exported as part of the ladder's format.
from iam_desktop.domain.placements import FACT_PARAMS as FACT_PARAMS
from iam_desktop.domain.placements import CaseFacts, fact_holds
from iam_desktop.domain.placements import Fact as Fact
from iam_desktop.domain.roles import Role
from iam_desktop.resources import resource

FORMAT = 1
REQUIRED_LANGUAGES = ("it", "en")


class PathwayDefinitionError(ValidationError):
    """A pathway file that cannot be used: ``code`` says what is wrong, ``path`` and ``line`` say where."""

    def __init__(self, path: Path | str, line: int, code: str, **params: object) -> None:
        super().__init__("pathway", code, path=str(path), line=line, **params)
        self.path = str(path)
        self.line = line

    def __str__(self) -> str:
        extra = ", ".join(f"{k}={v}" for k, v in self.params.items() if k not in ("field", "code", "path", "line"))
        return f"{self.path}:{self.line}: {self.code}" + (f" ({extra})" if extra else "")


@dataclass(frozen=True)
class Evidence:
    """A document or record that proves a criterion (a copy of the contract, the course certificate …)."""

    evidence_id: str
    label: Mapping[str, str]


@dataclass(frozen=True)
class Criterion:
    """An entry criterion of a step. ``fact`` is None for a checklist item an operator ticks; otherwise the
    criterion is met when the fact holds on the case's recorded data."""

    criterion_id: str
    label: Mapping[str, str]
    description: Mapping[str, str] = field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()
    fact: Fact | None = None
    params: Mapping[str, Any] = field(default_factory=dict)

    def is_met(self, facts: CaseFacts, checklist: Collection[str]) -> bool:
        if self.fact is None:
            return self.criterion_id in checklist
        return fact_holds(self.fact, self.params, facts)


@dataclass(frozen=True)
class Step:
    number: int
    step_id: str
    label: Mapping[str, str]
    description: Mapping[str, str]
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class Pathway:
    pathway_id: str
    version: str
    label: Mapping[str, str]
    steps: tuple[Step, ...]
    plan_review_days: int = 90
    """Plans are reviewed with the person at least this often (the agenda shows the review when due)."""
    follow_up_months: tuple[int, ...] = (3, 6)
    """Follow-up contacts after exit (the step-``last`` transition or the closure)."""
    source: str = ""

    @property
    def last(self) -> int:
        return self.steps[-1].number

    def step(self, number: int) -> Step:
        if not 1 <= number <= len(self.steps):
            raise ValidationError("step", "step_unknown", step=number, last=self.last)
        return self.steps[number - 1]

    def criterion(self, criterion_id: str) -> Criterion:
        for step in self.steps:
            for criterion in step.criteria:
                if criterion.criterion_id == criterion_id:
                    return criterion
        raise ValidationError("criterion", "criterion_unknown", criterion=criterion_id)

    def evaluate(
        self, facts: CaseFacts, checklist: Collection[str], target_step: int, *, current_step: int | None = None
    ) -> TransitionCheck:
        """Which criteria a move from ``current_step`` (None: a case not yet on the ladder) to ``target_step``
        meets and misses. Forward, the criteria of every step climbed count, so skipping a step checks its
        criteria too; backward nothing is checked."""
        self.step(target_step)
        if current_step is not None:
            self.step(current_step)
        start = 0 if current_step is None else current_step
        if target_step <= start:
            return TransitionCheck(current_step, target_step, (), (), ())
        climbed = tuple(range(start + 1, target_step + 1))
        met: list[str] = []
        missing: list[str] = []
        for number in climbed:
            for criterion in self.steps[number - 1].criteria:
                (met if criterion.is_met(facts, checklist) else missing).append(criterion.criterion_id)
        return TransitionCheck(current_step, target_step, climbed, tuple(met), tuple(missing))


class Direction(StrEnum):
    """``avanti``: forward (up the ladder, or onto it); ``indietro``: back."""

    AVANTI = "avanti"
    INDIETRO = "indietro"


def _direction(from_step: int | None, to_step: int) -> Direction:
    return Direction.AVANTI if from_step is None or to_step > from_step else Direction.INDIETRO


@dataclass(frozen=True)
class TransitionCheck:
    from_step: int | None
    to_step: int
    steps_checked: tuple[int, ...]
    met: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def direction(self) -> Direction:
        return _direction(self.from_step, self.to_step)

    @property
    def criteria_met(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class StepTransition:
    """A recorded move: who, when, from, to, why, which criteria were met, and whether a coordinator overrode
    the missing ones (``overridden`` lists them)."""

    case_id: str
    from_step: int | None
    to_step: int
    at: dt.datetime
    operator_id: str
    role: Role
    reason: str
    criteria_met: tuple[str, ...]
    overridden: tuple[str, ...] = ()
    override: bool = False
    pathway_id: str = ""
    pathway_version: str = ""

    @property
    def direction(self) -> Direction:
        return _direction(self.from_step, self.to_step)


class TransitionRefusedError(ValidationError):
    """Forward move with criteria missing and no override: ``check.missing`` lists them (also in params)."""

    def __init__(self, check: TransitionCheck) -> None:
        super().__init__("step", "criteria_missing", missing=list(check.missing), to_step=check.to_step)
        self.check = check


def move(
    pathway: Pathway,
    *,
    case_id: str,
    current_step: int | None,
    target_step: int,
    facts: CaseFacts,
    checklist: Collection[str],
    operator_id: str,
    role: Role,
    at: dt.datetime,
    reason: str = "",
    override: bool = False,
) -> StepTransition:
    """The transition to record, or an error: ``step_unchanged``; ``reason_missing`` for a move back without a
    reason; ``TransitionRefusedError`` (``criteria_missing``) forward with criteria missing and no override;
    ``PermissionDeniedError`` when anyone but a coordinator overrides; ``override_reason_missing`` for an override
    without a reason."""
    if target_step == current_step:
        raise ValidationError("step", "step_unchanged", step=target_step)
    check = pathway.evaluate(facts, checklist, target_step, current_step=current_step)
    why = reason.strip()
    overridden: tuple[str, ...] = ()
    if check.direction is Direction.INDIETRO:
        if not why:
            raise ValidationError("reason", "reason_missing")
    elif check.missing:
        if not override:
            raise TransitionRefusedError(check)
        if role is not Role.COORDINATOR:
            raise PermissionDeniedError("override", permission="override_transition", role=role.value)
        if not why:
            raise ValidationError("reason", "override_reason_missing")
        overridden = check.missing
    return StepTransition(
        case_id, current_step, target_step, at, operator_id, role, why, check.met, overridden, bool(overridden),
        pathway.pathway_id, pathway.version,
    )  # fmt: skip


def latest_transition(transitions: Sequence[StepTransition]) -> StepTransition | None:
    """The transition in force: the latest by time, then by order recorded (two in the same second)."""
    return max(enumerate(transitions), key=lambda it: (it[1].at, it[0]))[1] if transitions else None


def current_step(transitions: Sequence[StepTransition]) -> int | None:
    """The step the case is on; None before its first transition."""
    latest = latest_transition(transitions)
    return latest.to_step if latest else None


def on_step_since(transitions: Sequence[StepTransition]) -> dt.datetime | None:
    """When the case reached its current step: how long someone has been on a step is ``today - this``."""
    latest = latest_transition(transitions)
    return latest.at if latest else None


# --- loading -----------------------------------------------------------------------------------------------------

JsonPath = tuple[str | int, ...]


def _locate(text: str) -> dict[JsonPath, int]:
    """Line of every key and array element of an already valid JSON text, by its path. Duplicate keys, which
    ``json`` silently merges, are refused here (``duplicate_key``) through ``_DuplicateKey``."""
    decoder = json.JSONDecoder()
    lines: dict[JsonPath, int] = {}
    pos = 0

    def skip() -> None:
        nonlocal pos
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1

    def line() -> int:
        return text.count("\n", 0, pos) + 1

    def value(path: JsonPath) -> None:
        nonlocal pos
        skip()
        lines.setdefault(path, line())
        if text[pos] in "{[":
            closing, is_object, index = ("}" if text[pos] == "{" else "]"), text[pos] == "{", 0
            seen: set[str] = set()
            pos += 1
            skip()
            while text[pos] != closing:
                if is_object:
                    key_line = line()
                    key, pos = decoder.raw_decode(text, pos)
                    if key in seen:
                        raise _DuplicateKey(key, key_line)
                    seen.add(key)
                    lines[(*path, key)] = key_line
                    skip()
                    pos += 1  # the colon
                    value((*path, key))
                else:
                    value((*path, index))
                    index += 1
                skip()
                if text[pos] == ",":
                    pos += 1
                    skip()
            pos += 1
        else:
            _, pos = decoder.raw_decode(text, pos)

    value(())
    return lines


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int) -> None:
        super().__init__(key)
        self.key = key
        self.line = line


def load_pathway(path: Path) -> Pathway:
    """The pathway in ``path``; any problem is a ``PathwayDefinitionError`` naming the file and the line."""
    try:
        text = path.read_text(encoding="utf-8-sig")  # a ladder edited in Notepad starts with a BOM
    except (OSError, UnicodeDecodeError) as exc:
        raise PathwayDefinitionError(path, 0, "file_unreadable", reason=type(exc).__name__) from None
    return parse_pathway(text, path)


def parse_pathway(text: str, path: Path | str = "<pathway>") -> Pathway:
    def no_constants(name: str) -> None:
        raise ValueError(name)

    try:
        data = json.loads(text, parse_constant=no_constants)
    except json.JSONDecodeError as exc:
        raise PathwayDefinitionError(path, exc.lineno, "json_syntax", column=exc.colno, reason=exc.msg) from None
    except (ValueError, RecursionError) as exc:
        raise PathwayDefinitionError(path, 1, "json_syntax", reason=type(exc).__name__) from None
    try:
        lines = _locate(text)
    except _DuplicateKey as exc:
        raise PathwayDefinitionError(path, exc.line, "duplicate_key", key=exc.key) from None
    except RecursionError:
        raise PathwayDefinitionError(path, 1, "json_syntax", reason="nesting") from None
    return _Reader(str(path), lines).pathway(data)


_TOP_KEYS = {"format", "id", "version", "label", "plan_review_days", "follow_up_months", "steps"}
_STEP_KEYS = {"number", "id", "label", "description", "criteria"}
_CRITERION_KEYS = {"id", "kind", "label", "description", "evidence", "fact", "params"}
_EVIDENCE_KEYS = {"id", "label"}


class _Reader:
    """Walks the parsed JSON, refusing the first problem with the line it sits on. Keys starting with ``_`` or
    ``$`` are comments / schema references and are ignored."""

    def __init__(self, path: str, lines: dict[JsonPath, int]) -> None:
        self.path = path
        self.lines = lines
        self.ids: set[str] = set()

    def fail(self, at: JsonPath, code: str, **params: object) -> PathwayDefinitionError:
        while at and at not in self.lines:
            at = at[:-1]
        return PathwayDefinitionError(self.path, self.lines.get(at, 1), code, at=_dotted(at), **params)

    def obj(self, value: object, at: JsonPath, allowed: set[str], required: set[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(at, "type", expected="object")
        for key in value:
            if key not in allowed and not key.startswith(("_", "$")):
                raise self.fail((*at, key), "key_unknown", key=key)
        for key in sorted(required - value.keys()):
            raise self.fail(at, "key_missing", key=key)
        return value

    def array(self, value: object, at: JsonPath, *, min_items: int = 0) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(at, "type", expected="array")
        if len(value) < min_items:
            raise self.fail(at, "empty")
        return value

    def integer(self, value: object, at: JsonPath, minimum: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(at, "type", expected="integer")
        if value < minimum:
            raise self.fail(at, "value_range", minimum=minimum)
        return value

    def string(self, value: object, at: JsonPath) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(at, "type", expected="non-empty string")
        return value.strip()

    def identifier(self, value: object, at: JsonPath) -> str:
        ident = self.string(value, at)
        if ident in self.ids:
            raise self.fail(at, "duplicate_id", id=ident)
        self.ids.add(ident)
        return ident

    def texts(self, value: object, at: JsonPath, *, required: bool = True) -> dict[str, str]:
        if not isinstance(value, dict):
            raise self.fail(at, "type", expected="object of language: text")
        result = {lang: self.string(text, (*at, lang)) for lang, text in value.items() if not lang.startswith("_")}
        for lang in REQUIRED_LANGUAGES if required else ():
            if lang not in result:
                raise self.fail(at, "text_missing", language=lang)
        return result

    def pathway(self, data: object) -> Pathway:
        top = self.obj(data, (), _TOP_KEYS, {"format", "id", "version", "label", "steps"})
        if top["format"] != FORMAT:
            raise self.fail(("format",), "format_unsupported", found=str(top["format"])[:20], supported=FORMAT)
        raw_steps = self.array(top["steps"], ("steps",), min_items=1)
        months = self.array(top.get("follow_up_months", [3, 6]), ("follow_up_months",))
        return Pathway(
            pathway_id=self.string(top["id"], ("id",)),
            version=self.string(top["version"], ("version",)),
            label=self.texts(top["label"], ("label",)),
            steps=tuple(self.step(raw, ("steps", i), i + 1) for i, raw in enumerate(raw_steps)),
            plan_review_days=self.integer(top.get("plan_review_days", 90), ("plan_review_days",), 1),
            follow_up_months=tuple(self.integer(m, ("follow_up_months", i), 1) for i, m in enumerate(months)),
            source=self.path,
        )

    def step(self, data: object, at: JsonPath, expected: int) -> Step:
        raw = self.obj(data, at, _STEP_KEYS, {"number", "id", "label", "description", "criteria"})
        # Steps are numbered 1..n in file order: the number is what operators and reports use.
        if self.integer(raw["number"], (*at, "number"), 1) != expected:
            raise self.fail((*at, "number"), "step_number", expected=expected, found=raw["number"])
        criteria = self.array(raw["criteria"], (*at, "criteria"))
        return Step(
            number=expected,
            step_id=self.identifier(raw["id"], (*at, "id")),
            label=self.texts(raw["label"], (*at, "label")),
            description=self.texts(raw["description"], (*at, "description")),
            criteria=tuple(self.criterion(c, (*at, "criteria", i)) for i, c in enumerate(criteria)),
        )

    def criterion(self, data: object, at: JsonPath) -> Criterion:
        raw = self.obj(data, at, _CRITERION_KEYS, {"id", "kind", "label"})
        criterion_id = self.identifier(raw["id"], (*at, "id"))
        kind = raw["kind"]
        fact: Fact | None = None
        params: dict[str, Any] = {}
        if kind == "fact":
            if "fact" not in raw:
                raise self.fail(at, "key_missing", key="fact")
            try:
                fact = Fact(raw["fact"])
            except (ValueError, TypeError):
                raise self.fail((*at, "fact"), "fact_unknown", fact=str(raw["fact"])[:60]) from None
            params = self.params(fact, raw.get("params", {}), (*at, "params"))
        elif kind == "checklist":
            for key in ("fact", "params"):
                if key in raw:
                    raise self.fail((*at, key), "key_unknown", key=key)
        else:
            raise self.fail((*at, "kind"), "criterion_kind_unknown", kind=str(kind)[:40])
        evidence = self.array(raw.get("evidence", []), (*at, "evidence"))
        return Criterion(
            criterion_id=criterion_id,
            label=self.texts(raw["label"], (*at, "label")),
            description=self.texts(raw.get("description", {}), (*at, "description"), required="description" in raw),
            evidence=tuple(self.evidence(e, (*at, "evidence", i)) for i, e in enumerate(evidence)),
            fact=fact,
            params=params,
        )

    def evidence(self, data: object, at: JsonPath) -> Evidence:
        raw = self.obj(data, at, _EVIDENCE_KEYS, _EVIDENCE_KEYS)
        return Evidence(self.string(raw["id"], (*at, "id")), self.texts(raw["label"], (*at, "label")))

    def params(self, fact: Fact, data: object, at: JsonPath) -> dict[str, Any]:
        spec = FACT_PARAMS[fact]
        raw = self.obj(data, at, set(spec), {name for name, p in spec.items() if p.required})
        result: dict[str, Any] = {}
        for name, param in spec.items():
            if name not in raw:
                result[name] = param.default
                continue
            value, where = raw[name], (*at, name)
            if param.kind in ("enum", "enum_list"):
                assert param.enum is not None
                values = self.array(value, where, min_items=1) if param.kind == "enum_list" else [value]
                try:
                    members = tuple(param.enum(v) for v in values)
                except (ValueError, TypeError):
                    allowed = [m.value for m in param.enum]
                    raise self.fail(where, "fact_param_invalid", param=name, allowed=allowed) from None
                result[name] = members if param.kind == "enum_list" else members[0]
            elif param.kind == "bool":
                if not isinstance(value, bool):
                    raise self.fail(where, "fact_param_invalid", param=name, expected="boolean")
                result[name] = value
            elif param.kind == "int":
                result[name] = self.integer(value, where, 0)
            else:
                if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                    raise self.fail(where, "fact_param_invalid", param=name, expected="number >= 0")
                result[name] = value
        return result


def _dotted(at: JsonPath) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in at).lstrip(".") or "(root)"


def default_pathway_path() -> Path:
    """The ladder shipped with the app: ``resources/pathways/iam.json``."""
    return resource("pathways", "iam.json")
