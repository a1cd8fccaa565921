"""Checking the form's answers as the operator types: ``validate_values`` (every field error and the codice fiscale
consistency warnings at once, pure Python, fast enough for the main thread) turned into one sentence per form field,
and the service's own refusal (``ValidationError`` from ``CaseBook.intake``/``update``) placed on its field."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from iam_desktop.domain.errors import ValidationError
from iam_desktop.domain.forms import FormDefinition, validate_values

from .mapping import form_field_of
from .messages import problem_text


@dataclass
class Findings:
    """Error and warning sentences by form field id, in form order."""

    errors: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)

    def only(self, fields: set[str]) -> Findings:
        """The errors of the fields the operator has already been through (warnings are always shown)."""
        return Findings({k: v for k, v in self.errors.items() if k in fields}, dict(self.warnings))


def check_answers(form: FormDefinition, values: Mapping[str, Any], language: str, today: date) -> Findings:
    result = validate_values(form, values, today=today)
    found = Findings()
    for error in result.errors:
        fid, row = form_field_of(form, error.field)
        text = problem_text(error.field, error.code, error.params, language)
        if row is not None:
            text = f"[{row + 1}] {text}"  # the table's row, counted from 1 as the operator sees it
        found.errors.setdefault(fid, text)
    for notice in result.warnings:
        fid, _row = form_field_of(form, notice.field)
        found.warnings.setdefault(fid, problem_text(notice.field, notice.code, notice.params, language))
    return found


def service_refusal(form: FormDefinition, error: ValidationError, language: str) -> tuple[str, str] | None:
    """The form field and sentence for a refusal by the case book, or None when it names no field of the form."""
    fid, _row = form_field_of(form, error.field)
    if fid not in {f.id for f in form.all_fields}:
        return None
    params = {k: v for k, v in error.params.items() if k not in ("field", "code")}
    return fid, problem_text(error.field, error.code, params, language)
