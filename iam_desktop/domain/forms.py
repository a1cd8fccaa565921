"""Form definitions as data (``resources/forms/*.json``, schema in ``form.schema.json``): sections, fields, types,
validation rules, labels in every language the form declares, and print hints. One definition drives the Qt form,
the validation here and the printed PDFs, so a second network changes the file, not the code. ``load_form`` refuses a
malformed file with a ``FormDefinitionError`` naming the file and the line; ``validate_values`` checks what an
operator entered and returns every field error at once, with warnings (codice fiscale consistency) alongside."""

from __future__ import annotations

import bisect
import json
import json.scanner
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from iam_desktop.domain import case as case_module
from iam_desktop.domain import consent, documents, person, protection
from iam_desktop.domain.codice_fiscale import consistency_notices, parse_codice_fiscale
from iam_desktop.domain.dates import PartialDate, check_birth_date, check_not_future, parse_date, parse_partial_date
from iam_desktop.domain.errors import ValidationError
from iam_desktop.domain.notices import FieldError, Notice

FIELD_TYPES = frozenset(
    {"text", "multiline", "name", "names", "choice", "multichoice", "boolean", "integer", "date", "partial_date",
     "country", "countries", "languages", "cefr", "codice_fiscale", "document_number", "phone", "email", "repeat",
     "signature"}
)  # fmt: skip
# Choice fields may declare which domain enum their values must belong to, so a file cannot drift from the code.
DOMAIN_ENUMS: dict[str, type[StrEnum]] = {
    "sex": person.Sex,
    "protection_status": protection.ProtectionStatus,
    "permit_type": documents.PermitType,
    "reception_kind": case_module.ReceptionKind,
    "relation": case_module.Relation,
    "education_level": case_module.EducationLevel,
    "recognition": case_module.Recognition,
    "skill_kind": case_module.SkillKind,
    "vulnerability": case_module.VulnerabilityKind,
    "consent_purpose": consent.ConsentPurpose,
    "case_source": case_module.CaseSource,
}


class FormDefinitionError(ValidationError):
    """A form file that cannot be used: ``path``, 1-based ``line`` and a ``code`` (``json_syntax``,
    ``missing_key``, ``wrong_type``, ``unknown_type``, ``duplicate_id``, ``missing_label``, ``choices_missing``,
    ``unknown_choice``, ``unknown_domain``, ``bad_reference``)."""

    def __init__(self, path: Path | str, line: int, code: str, **params: object) -> None:
        super().__init__("form_definition", code, path=str(path), line=line, **params)
        self.path = str(path)
        self.line = line
        self.args = (f"{path}:{line}: {code} {params or ''}".rstrip(),)


@dataclass(frozen=True)
class Choice:
    value: str
    label: Mapping[str, str]


@dataclass(frozen=True)
class FieldDef:
    """``print`` hints: ``lines`` (blank form height), ``width`` (``full``/``half``), ``rows`` (repeat tables)."""

    id: str
    type: str
    label: Mapping[str, str]
    required: bool = False
    help: Mapping[str, str] = field(default_factory=dict)
    choices: tuple[Choice, ...] = ()
    validation: Mapping[str, Any] = field(default_factory=dict)
    print: Mapping[str, Any] = field(default_factory=dict)
    fields: tuple[FieldDef, ...] = ()

    def choice_label(self, value: str, language: str) -> str:
        for choice in self.choices:
            if choice.value == value:
                return choice.label.get(language, choice.label.get("it", value))
        return value


@dataclass(frozen=True)
class SectionDef:
    id: str
    label: Mapping[str, str]
    fields: tuple[FieldDef, ...]
    print: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class FormDefinition:
    form: str
    version: str
    languages: tuple[str, ...]
    sections: tuple[SectionDef, ...]
    title: Mapping[str, str] = field(default_factory=dict)

    def field(self, field_id: str) -> FieldDef:
        for section in self.sections:
            for f in section.fields:
                if f.id == field_id:
                    return f
        raise KeyError(field_id)

    @property
    def all_fields(self) -> tuple[FieldDef, ...]:
        return tuple(f for s in self.sections for f in s.fields)


class _Located(dict[str, Any]):
    """A JSON object that remembers the line it started on, for error messages."""

    line: int = 1


def _decode(text: str) -> Any:
    newlines = [i for i, c in enumerate(text) if c == "\n"]
    decoder: Any = json.JSONDecoder(object_pairs_hook=_Located)
    original = decoder.parse_object

    def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
        obj, end = original(s_and_end, *args)
        if isinstance(obj, _Located):
            obj.line = bisect.bisect_left(newlines, s_and_end[1]) + 1
        return obj, end

    # The pure-Python scanner looks parse_object up on the decoder, which lets us record where objects start.
    decoder.parse_object = parse_object
    scanner: Any = json.scanner
    decoder.scan_once = scanner.py_make_scanner(decoder)
    return decoder.decode(text)


class _Loader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.languages: tuple[str, ...] = ()

    def fail(self, node: object, code: str, **params: object) -> FormDefinitionError:
        return FormDefinitionError(self.path, getattr(node, "line", 1), code, **params)

    def get(self, node: Mapping[str, Any], key: str, kind: type | tuple[type, ...], default: Any = ...) -> Any:
        if key not in node:
            if default is ...:
                raise self.fail(node, "missing_key", key=key)
            return default
        value = node[key]
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            raise self.fail(node, "wrong_type", key=key)
        return value

    def label(self, node: Mapping[str, Any], key: str = "label", required: bool = True) -> dict[str, str]:
        labels = self.get(node, key, dict, None if not required else ...)
        if labels is None:
            return {}
        for language in self.languages:
            if not isinstance(labels.get(language), str) or not labels[language].strip():
                raise self.fail(labels, "missing_label", key=key, language=language)
        return dict(labels)

    def field(self, node: object, seen: set[str]) -> FieldDef:
        if not isinstance(node, _Located):
            raise self.fail(node, "wrong_type", key="fields")
        field_id = self.get(node, "id", str)
        if field_id in seen:
            raise self.fail(node, "duplicate_id", id=field_id)
        seen.add(field_id)
        kind = self.get(node, "type", str)
        if kind not in FIELD_TYPES:
            raise self.fail(node, "unknown_type", id=field_id, type=kind)
        choices = tuple(
            Choice(self.get(c, "value", str), self.label(c)) if isinstance(c, _Located) else self._bad(node)
            for c in self.get(node, "choices", list, [])
        )
        if kind in ("choice", "multichoice") and not choices:
            raise self.fail(node, "choices_missing", id=field_id)
        domain = self.get(node, "domain", str, None)
        if domain is not None:
            if domain not in DOMAIN_ENUMS:
                raise self.fail(node, "unknown_domain", id=field_id, domain=domain)
            allowed = {e.value for e in DOMAIN_ENUMS[domain]}
            for choice in choices:
                if choice.value not in allowed:
                    raise self.fail(node, "unknown_choice", id=field_id, value=choice.value)
        sub_seen: set[str] = set()
        subfields = tuple(self.field(f, sub_seen) for f in self.get(node, "fields", list, []))
        if kind == "repeat" and not subfields:
            raise self.fail(node, "missing_key", key="fields")
        return FieldDef(
            id=field_id,
            type=kind,
            label=self.label(node),
            required=self.get(node, "required", bool, False),
            help=self.label(node, "help", required=False),
            choices=choices,
            validation=dict(self.get(node, "validation", dict, {})),
            print=dict(self.get(node, "print", dict, {})),
            fields=subfields,
        )

    def _bad(self, node: object) -> Choice:
        raise self.fail(node, "wrong_type", key="choices")

    def form(self, data: object) -> FormDefinition:
        if not isinstance(data, _Located):
            raise self.fail(data, "wrong_type", key="form")
        languages = tuple(self.get(data, "languages", list))
        if "it" not in languages or "en" not in languages or not all(isinstance(x, str) for x in languages):
            raise self.fail(data, "missing_label", key="languages", language="it/en")
        self.languages = languages
        seen: set[str] = set()
        sections = []
        for node in self.get(data, "sections", list):
            if not isinstance(node, _Located):
                raise self.fail(data, "wrong_type", key="sections")
            fields = tuple(self.field(f, seen) for f in self.get(node, "fields", list))
            sections.append(
                SectionDef(self.get(node, "id", str), self.label(node), fields, self.get(node, "print", dict, {}))
            )
        definition = FormDefinition(
            form=self.get(data, "form", str),
            version=str(self.get(data, "version", (str, int))),
            languages=languages,
            sections=tuple(sections),
            title=self.label(data, "title"),
        )
        for f in definition.all_fields:
            ref = f.validation.get("not_before")
            if ref is not None and (not isinstance(ref, str) or ref not in seen):
                raise self.fail(data, "bad_reference", id=f.id, reference=str(ref)[:40])
        return definition


def load_form(path: Path) -> FormDefinition:
    """Read and check a form definition; ``FormDefinitionError`` with the file and line when it is malformed."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise FormDefinitionError(path, 0, "unreadable", reason=type(error).__name__) from None
    return parse_form(text, path)


def parse_form(text: str, path: Path | str = "<form>") -> FormDefinition:
    try:
        data = _decode(text)
    except json.JSONDecodeError as error:
        raise FormDefinitionError(path, error.lineno, "json_syntax", column=error.colno) from None
    except RecursionError:
        raise FormDefinitionError(path, 1, "json_syntax") from None
    return _Loader(Path(path)).form(data)


@dataclass
class FormResult:
    """Cleaned values (domain types) by field id, plus every error and warning found."""

    values: dict[str, Any] = field(default_factory=dict)
    errors: list[FieldError] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _as_text(value: object, fid: str) -> str:
    if not isinstance(value, str):
        raise ValidationError(fid, "type_string")
    return value


def _as_list(value: object, fid: str) -> list[Any]:
    if not isinstance(value, list | tuple):
        raise ValidationError(fid, "type_list")
    return list(value)


def _clean(f: FieldDef, value: object, today: date) -> Any:
    fid, kind, rules = f.id, f.type, f.validation
    if kind in ("text", "multiline"):
        text = _as_text(value, fid).strip()
        if len(text) > int(rules.get("max_length", 4000)):
            raise ValidationError(fid, "text_length", maximum=rules.get("max_length", 4000))
        return text
    if kind == "name":
        return person.parse_name(_as_text(value, fid), fid)
    if kind == "names":
        return tuple(person.parse_name(_as_text(v, fid), f"{fid}[{i}]") for i, v in enumerate(_as_list(value, fid)))
    if kind == "choice":
        if value not in {c.value for c in f.choices}:
            raise ValidationError(fid, "choice_unknown", value=str(value)[:40])
        return value
    if kind == "multichoice":
        items = _as_list(value, fid)
        for item in items:
            if item not in {c.value for c in f.choices}:
                raise ValidationError(fid, "choice_unknown", value=str(item)[:40])
        return tuple(items)
    if kind == "boolean":
        if not isinstance(value, bool):
            raise ValidationError(fid, "type_boolean")
        return value
    if kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(fid, "type_integer")
        if not rules.get("min", value) <= value <= rules.get("max", value):
            raise ValidationError(fid, "number_range", min=rules.get("min"), max=rules.get("max"))
        return value
    if kind == "partial_date":
        partial = parse_partial_date(_as_text(value, fid), fid)
        check_birth_date(partial, fid, today) if rules.get("birth") else check_not_future(partial, fid, today)
        return partial
    if kind == "date":
        day = parse_date(_as_text(value, fid), fid)
        if rules.get("not_future"):
            check_not_future(day, fid, today)
        return day
    if kind == "country":
        return person.parse_country(_as_text(value, fid), fid)
    if kind == "countries":
        return person.parse_codes([_as_text(v, fid) for v in _as_list(value, fid)], fid)
    if kind == "languages":
        return person.parse_codes([_as_text(v, fid) for v in _as_list(value, fid)], fid, languages=True)
    if kind == "cefr":
        return person.parse_italian_level(value, fid)
    if kind == "codice_fiscale":
        return parse_codice_fiscale(_as_text(value, fid), fid)
    if kind == "document_number":
        return documents.parse_document_number(_as_text(value, fid), fid)
    if kind == "phone":
        return person.parse_phone(_as_text(value, fid), fid)
    if kind == "email":
        return person.parse_email(_as_text(value, fid), fid)
    return value


def _empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {} or value == ()


def _validate_fields(fields: tuple[FieldDef, ...], values: Mapping[str, Any], today: date, result: FormResult,
                     prefix: str = "") -> dict[str, Any]:  # fmt: skip
    cleaned: dict[str, Any] = {}
    for f in fields:
        if f.type == "signature":
            continue
        value = values.get(f.id)
        if _empty(value):
            if f.required:
                result.errors.append(FieldError(prefix + f.id, "required"))
            continue
        if f.type == "repeat":
            rows = value if isinstance(value, list) else None
            if rows is None:
                result.errors.append(FieldError(prefix + f.id, "type_list"))
                continue
            cleaned[f.id] = [
                _validate_fields(f.fields, row if isinstance(row, Mapping) else {}, today, result, f"{f.id}[{i}].")
                for i, row in enumerate(rows)
            ]
            continue
        try:
            cleaned[f.id] = _clean(f, value, today)
        except ValidationError as error:
            params = {k: v for k, v in error.params.items() if k not in ("field", "code")}
            result.errors.append(FieldError(prefix + error.field, error.code, params))
    for f in fields:
        ref = f.validation.get("not_before")
        later, earlier = cleaned.get(f.id), cleaned.get(ref) if ref else None
        if isinstance(later, date) and isinstance(earlier, date) and later < earlier:
            result.errors.append(FieldError(prefix + f.id, "date_order", {"start": str(earlier)}))
    return cleaned


def validate_values(form: FormDefinition, values: Mapping[str, Any], *, today: date) -> FormResult:
    """Check the values an operator entered, keyed by field id. Never raises for bad values."""
    result = FormResult()
    result.values = _validate_fields(form.all_fields, values, today, result)
    code = result.values.get("codice_fiscale")
    if code is not None:
        birth = result.values.get("birth_date")
        result.warnings.extend(
            consistency_notices(
                code,
                sex=result.values.get("sex"),
                birth_date=birth if isinstance(birth, PartialDate) else None,
                birth_country=result.values.get("birth_country"),
            )
        )
    return result
