"""Between the form's answers and the case book: the form keeps one raw answer per field id (strings, lists, a dict
for the Italian level, a list of row dicts for repeat tables), JSON-ready so it can be kept as a draft; the case book
wants the person in the interchange format plus the other answers keyed by field id. Dotted ids (``permit.number``,
``permit.renewal_receipt.date``) are nested on the way out and flattened on the way back, as
``printing.intake_form.intake_values`` flattens them for print. Field errors from either side come back keyed by the
form's field id. No Qt here."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from iam_desktop.domain.forms import FormDefinition
from iam_desktop.domain.interchange import FIELDS

PERSON_FIELDS = frozenset(FIELDS)
_INDEX = re.compile(r"\[\d+\]")


def _empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {}


def person_field(field_id: str) -> bool:
    """True when a form field belongs to the interchange record (else it is one of the case's other answers)."""
    return field_id.split(".", 1)[0] in PERSON_FIELDS


def split_answers(form: FormDefinition, values: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The person (interchange format, empty answers left out) and the other answers (by field id)."""
    person: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for f in form.all_fields:
        if f.type == "signature":
            continue
        value = values.get(f.id)
        if _empty(value):
            continue
        if not person_field(f.id):
            extra[f.id] = value
            continue
        target = person
        *parents, leaf = f.id.split(".")
        for part in parents:
            target = target.setdefault(part, {})
        target[leaf] = value
    return person, extra


def join_answers(form: FormDefinition, person: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """The form's raw answers from a stored case: the inverse of :func:`split_answers`."""
    flat: dict[str, Any] = {}

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, Mapping) and prefix != "italian_level":
            for key, sub in value.items():
                walk(f"{prefix}.{key}" if prefix else str(key), sub)
        else:
            flat[prefix] = value

    walk("", dict(person))
    known = {f.id for f in form.all_fields}
    out = {k: v for k, v in flat.items() if k in known}
    out.update({k: v for k, v in extra.items() if k in known})
    # Aliases written in another script are stored as {"text", "kind"}; the form edits their text.
    if isinstance(out.get("aliases"), list):
        out["aliases"] = [a.get("text", "") if isinstance(a, Mapping) else str(a) for a in out["aliases"]]
    return out


def form_field_of(form: FormDefinition, error_field: str) -> tuple[str, int | None]:
    """The form field an error names, and the repeat row when it is inside one: ``given_names[0]`` → given_names,
    ``reception[2].entered`` → (reception, 2), ``italian_level.reading`` → italian_level."""
    known = {f.id for f in form.all_fields}
    row_match = re.match(r"^([\w.]+)\[(\d+)\]", error_field)
    if row_match and row_match.group(1) in known:
        return row_match.group(1), int(row_match.group(2))
    name = _INDEX.sub("", error_field)
    while name and name not in known:
        name = name.rsplit(".", 1)[0] if "." in name else ""
    return (name or error_field), None
