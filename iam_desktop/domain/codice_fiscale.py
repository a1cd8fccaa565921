"""The codice fiscale (Italian tax code, the key to every public service) in both forms a person in this pathway
meets: the 16-character definitive code, with its check character and omocodia (letters standing in for digits when
two people would share a code), and the 11-digit provisional numeric code that the Agenzia delle Entrate assigns to
asylum seekers before the definitive one, with its Luhn-like check digit. Parsing refuses what cannot be a valid code;
consistency with the declared sex and birth date is only reported as ``Notice``s, because the registry is right more
often than a declared birth date in this population."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from iam_desktop.domain.codes import STATELESS_OR_UNKNOWN
from iam_desktop.domain.dates import PartialDate
from iam_desktop.domain.errors import ValidationError
from iam_desktop.domain.notices import Notice

# Official tables (DM 12/03/1974, DM 23/12/1976): value of each character in odd and even positions (1-based).
_ODD_DIGITS = (1, 0, 5, 7, 9, 13, 15, 17, 19, 21)
_ODD_LETTERS = (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23)
_ODD = dict(zip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", _ODD_DIGITS + _ODD_LETTERS, strict=True))
_EVEN = {c: (int(c) if c.isdigit() else ord(c) - ord("A")) for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"}

MONTHS = "ABCDEHLMPRST"
# Omocodia: the Agenzia replaces digits, right to left, with these letters (0 → L … 9 → V).
OMOCODIA_LETTERS = "LMNPQRSTUV"
_OMOCODIA_POSITIONS = (14, 13, 12, 10, 9, 7, 6)
_DIGIT_OR_OMO = "[0-9LMNPQRSTUV]"
_DEFINITIVE = re.compile(
    rf"^[A-Z]{{6}}{_DIGIT_OR_OMO}{{2}}[{MONTHS}]{_DIGIT_OR_OMO}{{2}}[A-Z]{_DIGIT_OR_OMO}{{3}}[A-Z]$"
)
_PROVISIONAL = re.compile(r"^\d{11}$")
_SEPARATORS = re.compile(r"[\s.\-]")


class CodiceFiscaleKind(StrEnum):
    """``definitivo``: 16 characters; ``provvisorio``: 11-digit numeric code given to asylum seekers."""

    DEFINITIVO = "definitivo"
    PROVVISORIO = "provvisorio"


def check_character(first15: str) -> str:
    """The 16th character of a definitive code, computed from the first 15 (official algorithm)."""
    total = sum((_ODD if i % 2 == 0 else _EVEN)[c] for i, c in enumerate(first15.upper()))
    return chr(ord("A") + total % 26)


def check_digit(first10: str) -> str:
    """The 11th digit of a numeric code (same algorithm as the partita IVA): digits in odd positions are summed,
    those in even positions doubled (minus 9 when above 9); the check digit brings the total to a multiple of 10."""
    total = 0
    for i, c in enumerate(first10):
        n = int(c)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return str((10 - total % 10) % 10)


def decode_omocodia(code: str) -> str:
    """The code with omocodia letters turned back into digits (used to read the birth data, never to compare)."""
    chars = list(code)
    for pos in _OMOCODIA_POSITIONS:
        if chars[pos] in OMOCODIA_LETTERS:
            chars[pos] = str(OMOCODIA_LETTERS.index(chars[pos]))
    return "".join(chars)


def normalise(raw: str) -> str:
    """Upper case without spaces, dots and dashes, as operators type and spreadsheets store it."""
    return _SEPARATORS.sub("", raw).upper()


@dataclass(frozen=True)
class CodiceFiscale:
    """A syntactically valid code whose check character or digit is right. Build it with ``parse_codice_fiscale``."""

    value: str
    kind: CodiceFiscaleKind

    def __str__(self) -> str:
        return self.value

    @property
    def is_provisional(self) -> bool:
        return self.kind is CodiceFiscaleKind.PROVVISORIO

    @property
    def is_omocode(self) -> bool:
        return not self.is_provisional and decode_omocodia(self.value) != self.value

    @property
    def birth_year_2(self) -> int | None:
        """The last two digits of the birth year (the century is not in the code)."""
        return None if self.is_provisional else int(decode_omocodia(self.value)[6:8])

    @property
    def birth_month(self) -> int | None:
        return None if self.is_provisional else MONTHS.index(self.value[8]) + 1

    @property
    def birth_day(self) -> int | None:
        if self.is_provisional:
            return None
        day = int(decode_omocodia(self.value)[9:11])
        return day - 40 if day > 40 else day

    @property
    def sex(self) -> str | None:
        """``M`` or ``F``: women have 40 added to the day of birth."""
        if self.is_provisional:
            return None
        return "F" if int(decode_omocodia(self.value)[9:11]) > 40 else "M"

    @property
    def birthplace_code(self) -> str | None:
        """Codice catastale of the comune, or ``Z`` + 3 digits for a foreign country."""
        return None if self.is_provisional else decode_omocodia(self.value)[11:15]

    @property
    def born_abroad(self) -> bool | None:
        code = self.birthplace_code
        return None if code is None else code.startswith("Z")


def parse_codice_fiscale(raw: str, field: str = "codice_fiscale") -> CodiceFiscale:
    """Refuses with ``cf_empty``, ``cf_length``, ``cf_format``, ``cf_check_char`` (definitive), ``cf_check_digit``
    (provisional), ``cf_birth_day`` (a day no month has)."""
    code = normalise(raw)
    if not code:
        raise ValidationError(field, "cf_empty")
    if len(code) == 11:
        if not _PROVISIONAL.match(code):
            raise ValidationError(field, "cf_format", value=code)
        expected = check_digit(code[:10])
        if code[10] != expected:
            raise ValidationError(field, "cf_check_digit", value=code, expected=expected)
        return CodiceFiscale(code, CodiceFiscaleKind.PROVVISORIO)
    if len(code) != 16:
        raise ValidationError(field, "cf_length", value=code, length=len(code))
    if not _DEFINITIVE.match(code):
        raise ValidationError(field, "cf_format", value=code)
    expected = check_character(code[:15])
    if code[15] != expected:
        raise ValidationError(field, "cf_check_char", value=code, expected=expected)
    day = int(decode_omocodia(code)[9:11])
    month = MONTHS.index(code[8]) + 1
    # 29 February is always accepted: the century is unknown, so the year may be a leap year.
    longest = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
    if not (1 <= day <= longest or 41 <= day <= 40 + longest):
        raise ValidationError(field, "cf_birth_day", value=code)
    return CodiceFiscale(code, CodiceFiscaleKind.DEFINITIVO)


def consistency_notices(
    code: CodiceFiscale,
    *,
    sex: str | None = None,
    birth_date: PartialDate | None = None,
    birth_country: str | None = None,
    field: str = "codice_fiscale",
) -> list[Notice]:
    """What does not match the declared data. Warnings only: the person's registry data may differ from what they
    declare (a conventional 1 January birth date, a transcription error at the Questura) and the code still works."""
    if code.is_provisional:
        return []
    notices: list[Notice] = []
    if sex in ("M", "F") and code.sex != sex:
        notices.append(Notice(field, "cf_sex_mismatch", {"declared": sex, "in_code": code.sex}))
    if birth_date is not None:
        if code.birth_year_2 != birth_date.year % 100:
            notices.append(Notice(field, "cf_birth_year_mismatch", {"declared": birth_date.year}))
        if birth_date.month is not None and code.birth_month != birth_date.month:
            notices.append(Notice(field, "cf_birth_month_mismatch", {"declared": birth_date.month}))
        if birth_date.day is not None and code.birth_day != birth_date.day:
            notices.append(Notice(field, "cf_birth_day_mismatch", {"declared": birth_date.day}))
    if birth_country and birth_country != STATELESS_OR_UNKNOWN:
        if birth_country == "IT" and code.born_abroad:
            notices.append(Notice(field, "cf_birthplace_abroad", {"declared": birth_country}))
        elif birth_country != "IT" and code.born_abroad is False:
            notices.append(Notice(field, "cf_birthplace_italy", {"declared": birth_country}))
    return notices


@dataclass(frozen=True)
class CodiceFiscaleEntry:
    """One code a person has held, from ``since`` (when it was recorded) to ``until`` (when it was replaced)."""

    code: CodiceFiscale
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class CodiceFiscaleHistory:
    """Every code a person has held, oldest first; the last one is current. The provisional code stays on record
    after the definitive one arrives: old documents, INPS and ASL records still carry it."""

    entries: tuple[CodiceFiscaleEntry, ...] = ()

    @property
    def current(self) -> CodiceFiscale | None:
        return self.entries[-1].code if self.entries else None

    @property
    def all_codes(self) -> tuple[CodiceFiscale, ...]:
        return tuple(e.code for e in self.entries)

    def record(self, code: CodiceFiscale, on: date | None = None) -> CodiceFiscaleHistory:
        """A new history with ``code`` as current. Recording the current code again changes nothing; going back
        from a definitive to a provisional code is refused (``cf_back_to_provisional``): the Agenzia never does it,
        so it is a data-entry mistake."""
        current = self.current
        if current == code:
            return self
        if current is not None and code.is_provisional and not current.is_provisional:
            raise ValidationError("codice_fiscale", "cf_back_to_provisional", value=code.value)
        if current is not None and on is not None and self.entries[-1].since and on < self.entries[-1].since:
            raise ValidationError("codice_fiscale", "date_order", start=str(self.entries[-1].since), end=str(on))
        closed = tuple(self.entries[:-1]) + (
            (CodiceFiscaleEntry(self.entries[-1].code, self.entries[-1].since, on),) if self.entries else ()
        )
        return CodiceFiscaleHistory((*closed, CodiceFiscaleEntry(code, on, None)))
