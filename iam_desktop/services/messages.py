"""Sentences for errors and printed documents, from ``resources/translations/catalogue.json``. Lower layers raise
errors with a kind and parameters; this is the one place that turns them into words an operator understands."""

from __future__ import annotations

from functools import cache
from typing import Any

from iam_desktop.domain.errors import IamError, ValidationError
from iam_desktop.resources import read_json

DEFAULT_LANGUAGE = "it"


@cache
def catalogue() -> dict[str, dict[str, str]]:
    data: dict[str, Any] = read_json("translations", "catalogue.json")
    return {k: v for k, v in data.items() if not k.startswith("_")}


class _Defaulting(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "?"


def text(key: str, language: str = DEFAULT_LANGUAGE, **params: object) -> str:
    entry = catalogue().get(key)
    if entry is None:
        return key
    template = entry.get(language) or entry.get("en") or entry[DEFAULT_LANGUAGE]
    return template.format_map(_Defaulting(params))


def describe(error: IamError, language: str = DEFAULT_LANGUAGE) -> str:
    """An error in words; a refused value names its field in words when the field is catalogued (``field.<name>``),
    never by its technical name."""
    if isinstance(error, ValidationError) and f"field.{error.field}" in catalogue():
        reason = {k: v for k, v in error.params.items() if k not in ("field", "code")}
        return text("error.validation_named", language, field=text(f"field.{error.field}", language),
                    code=text(f"validation.{error.code}", language, **reason))  # fmt: skip
    params: dict[str, object] = {"detail": error.detail, **error.params}
    if isinstance(error, ValidationError):
        params["code"] = text(f"validation.{error.code}", language, **error.params)
    return text(f"error.{error.kind.value}", language, **params)


def field_problem(field: str, code: str, params: dict[str, object], language: str = DEFAULT_LANGUAGE) -> str:
    """One refused field of an import row or a form, in words (falls back to the code when not catalogued)."""
    key = f"validation.{code}"
    return text(key, language, **params) if key in catalogue() else code.replace("_", " ")


def warning_text(field: str, code: str, params: dict[str, object], language: str = DEFAULT_LANGUAGE) -> str:
    """A non-blocking finding (a ``Notice``) in words."""
    key = f"warning.{code}"
    return text(key, language, **params) if key in catalogue() else code.replace("_", " ")
