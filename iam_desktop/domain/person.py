"""The person taken in charge: names as they are written in every script they use (several given names, a family
name, aliases and transliterations — Latin and original script), sex, a birth date that may be partial, birth
country and citizenships (ISO 3166-1 alpha-2), languages (ISO 639-1), Italian level per skill on the CEFR scale,
the history of codici fiscali, and contacts. Parsing functions normalise and refuse with codes; they never guess."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from iam_desktop.domain.codes import is_country, is_language
from iam_desktop.domain.codice_fiscale import CodiceFiscaleHistory
from iam_desktop.domain.dates import PartialDate
from iam_desktop.domain.errors import ValidationError

MAX_NAME = 100
# Apostrophes as typed on Italian and French keyboards and by word processors (D'Angelo, N’Diaye).
APOSTROPHES = "'’ʼ`´"
_NAME_PUNCTUATION = set(APOSTROPHES) | {"-", ".", " "}
_PHONE = re.compile(r"^\+?[0-9]{6,15}$")
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+$")


class Sex(StrEnum):
    """As on the permesso di soggiorno: ``F``, ``M``; ``X`` when not specified."""

    F = "F"
    M = "M"
    X = "X"


class Cefr(StrEnum):
    """Common European Framework levels, with ``pre-A1`` for people who are starting (often not literate in
    Latin script), which Italian CPIA courses use as an entry level."""

    PRE_A1 = "pre-A1"
    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"
    C2 = "C2"

    @property
    def rank(self) -> int:
        return list(Cefr).index(self)


class LanguageSkill(StrEnum):
    """The CEFR skills assessed at intake; ``overall`` when only one level is known."""

    OVERALL = "overall"
    LISTENING = "listening"
    READING = "reading"
    SPEAKING = "speaking"
    WRITING = "writing"


class AliasKind(StrEnum):
    """``alias``: another name used (documents of another country, a nickname); ``transliteration``: the same name
    spelled otherwise in Latin script; ``original``: the name in its original script."""

    ALIAS = "alias"
    TRANSLITERATION = "transliteration"
    ORIGINAL = "original"


@dataclass(frozen=True)
class Alias:
    text: str
    kind: AliasKind = AliasKind.ALIAS


@dataclass(frozen=True)
class Person:
    given_names: tuple[str, ...]
    family_name: str
    aliases: tuple[Alias, ...] = ()
    sex: Sex | None = None
    birth_date: PartialDate | None = None
    birth_country: str | None = None
    citizenships: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    italian_level: Mapping[LanguageSkill, Cefr] = field(default_factory=dict)
    codici_fiscali: CodiceFiscaleHistory = field(default_factory=CodiceFiscaleHistory)
    phone: str | None = None
    email: str | None = None

    @property
    def full_name(self) -> str:
        """Given names then family name, as Italian forms print them."""
        return " ".join((*self.given_names, self.family_name)).strip()

    @property
    def all_names(self) -> tuple[str, ...]:
        """Every spelling known for this person, for search and duplicate checks."""
        return (self.full_name, *(a.text for a in self.aliases))


def script_of(text: str) -> str:
    """The dominant Unicode script of a name (``LATIN``, ``ARABIC``, ``ETHIOPIC``, …) from the character names."""
    counts: dict[str, int] = {}
    for char in text:
        if char.isalpha():
            script = unicodedata.name(char, "UNKNOWN").split(" ")[0]
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else "UNKNOWN"


def parse_name(raw: str, field: str) -> str:
    """One name in any script: letters, combining marks, apostrophes, hyphens, dots and single spaces. Refuses
    empty (``name_empty``), too long (``name_length``), or with digits and symbols (``name_characters``)."""
    name = " ".join(unicodedata.normalize("NFC", raw).split())
    if not name:
        raise ValidationError(field, "name_empty")
    if len(name) > MAX_NAME:
        raise ValidationError(field, "name_length", maximum=MAX_NAME)
    for char in name:
        if char in _NAME_PUNCTUATION:
            continue
        category = unicodedata.category(char)
        # Letters of every script, and combining marks (Arabic harakat, Devanagari vowel signs) and ZWNJ.
        if category[0] not in "LM" and char != "\u200c":
            raise ValidationError(field, "name_characters", char=char)
    if all(c in _NAME_PUNCTUATION for c in name):
        raise ValidationError(field, "name_characters", char=name[0])
    return name


def parse_cefr(raw: str, field: str = "italian_level") -> Cefr:
    """``A1`` … ``C2`` and ``pre-A1`` (also written ``preA1``, ``pre_a1``); code ``cefr_unknown``."""
    value = raw.strip().upper().replace("_", "-").replace(" ", "-")
    if value in ("PREA1", "PRE-A1", "A0"):
        return Cefr.PRE_A1
    try:
        return Cefr(value)
    except ValueError:
        raise ValidationError(field, "cefr_unknown", value=raw[:20]) from None


def parse_italian_level(raw: object, field: str = "italian_level") -> dict[LanguageSkill, Cefr]:
    """A mapping skill → level, or a single level meaning ``overall``."""
    if isinstance(raw, str):
        return {LanguageSkill.OVERALL: parse_cefr(raw, field)}
    if not isinstance(raw, Mapping):
        raise ValidationError(field, "type_object")
    levels: dict[LanguageSkill, Cefr] = {}
    for skill, level in raw.items():
        try:
            key = LanguageSkill(str(skill).strip().lower())
        except ValueError:
            raise ValidationError(field, "skill_unknown", value=str(skill)[:20]) from None
        if not isinstance(level, str):
            raise ValidationError(f"{field}.{key}", "type_string")
        levels[key] = parse_cefr(level, f"{field}.{key}")
    return levels


def parse_country(raw: str, field: str) -> str:
    code = raw.strip().upper()
    if not is_country(code):
        raise ValidationError(field, "country_unknown", value=raw[:10])
    return code


def parse_language(raw: str, field: str) -> str:
    code = raw.strip().lower()
    if not is_language(code):
        raise ValidationError(field, "language_unknown", value=raw[:10])
    return code


def parse_codes(values: Iterable[str], field: str, *, languages: bool = False) -> tuple[str, ...]:
    """Countries (or ``languages``) without repeats, in the given order (the first is the main one)."""
    parser = parse_language if languages else parse_country
    seen: list[str] = []
    for i, raw in enumerate(values):
        code = parser(raw, f"{field}[{i}]")
        if code not in seen:
            seen.append(code)
    return tuple(seen)


def parse_phone(raw: str, field: str = "phone") -> str:
    """Digits with an optional leading ``+``; spaces, dots, dashes and brackets removed; ``00`` read as ``+``."""
    phone = re.sub(r"[\s.\-()/]", "", raw)
    if phone.startswith("00"):
        phone = "+" + phone[2:]
    if not _PHONE.match(phone):
        raise ValidationError(field, "phone_format", value=raw[:30])
    return phone


def parse_email(raw: str, field: str = "email") -> str:
    email = raw.strip()
    if len(email) > 254 or not _EMAIL.match(email):
        raise ValidationError(field, "email_format", value=raw[:60])
    return email
