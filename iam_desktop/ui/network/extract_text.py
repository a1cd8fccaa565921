"""A shared extract as the receiving desk reads it: one heading per section (its label from
``resources/referrals/sections.json``), then each copied field with the intake form's label and its value in one
short line. Every value is escaped: the text comes from another desk."""

from __future__ import annotations

import html
import json
from typing import Any

from iam_desktop.services.documents import intake_form
from iam_desktop.services.referrals import SharedExtract, share_rules


def _label(field_id: str, language: str) -> str:
    try:
        f = intake_form().field(field_id)
    except KeyError:
        names = {"permit": {"it": "Permesso di soggiorno", "en": "Residence permit"},
                 "plan": {"it": "Progetto individuale", "en": "Individual plan"}}  # fmt: skip
        return names.get(field_id, {}).get(language, field_id)
    return f.label.get(language, f.label["it"])


def _value(value: Any) -> str:
    """One short line: lists joined, a row of a repeated section as its values, the overall level alone."""
    if isinstance(value, bool):
        return "✓" if value else "—"
    if isinstance(value, str | int | float):
        return str(value)
    if isinstance(value, list):
        return "; ".join(_value(v) for v in value) or "—"
    if isinstance(value, dict) and all(isinstance(v, str | int | float | bool) for v in value.values()):
        if list(value) == ["overall"]:
            return str(value["overall"])
        return ", ".join(_value(v) for v in value.values() if v not in (None, ""))
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def extract_html(title: str, extract: SharedExtract, language: str) -> str:
    rules = share_rules()
    parts = [f"<p><b>{html.escape(title)}</b></p>"]
    for section_id, content in extract.sections.items():
        parts.append(f"<p><b>{html.escape(rules.section(section_id).label_in(language))}</b><br>")
        lines = [(_label(k, language), v) for part in ("person", "extra", "records") for k, v in content[part].items()]
        parts += [f"{html.escape(name)}: {html.escape(_value(v))}<br>" for name, v in lines] or ["—"]
        parts.append("</p>")
    return "".join(parts)
