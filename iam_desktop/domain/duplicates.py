"""Normalisation for duplicate detection. The vault stores only keyed blind indexes (HMAC-SHA256 with the network
key, DESIGN.md §5) of the strings made here, so these functions decide what counts as "the same": codice fiscale
(every code in the history), document numbers, and names + birth year — both exact (diacritics, case, apostrophes
and word order ignored) and by a consonant skeleton that survives transliteration (Mohamed / Mohammed / Muhammad /
محمد). ``name_similarity`` then ranks candidates locally, on decrypted names. Pure functions, no keys here."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from difflib import SequenceMatcher

from iam_desktop.domain.codice_fiscale import CodiceFiscaleHistory
from iam_desktop.domain.documents import IdentityDocument, PermessoDiSoggiorno, normalise_document_number
from iam_desktop.domain.person import APOSTROPHES, Person

CLOSE_NAME_THRESHOLD = 0.85

# Arabic letters to the Latin consonant most transliterations use; long vowels (ا و ي) and hamza, ain and
# ta marbuta carry no consonant in Latin spellings (Aisha / Aicha / عائشة), so they vanish from the skeleton.
_ARABIC = {
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "h", "د": "d", "ذ": "d", "ر": "r", "ز": "z",
    "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "g", "ف": "f", "ق": "k", "ك": "k",
    "ل": "l", "م": "m", "ن": "n", "ه": "h", "پ": "p", "چ": "s", "ژ": "j", "گ": "g", "ک": "k", "ی": "",
    "ا": "", "أ": "", "إ": "", "آ": "", "ٱ": "", "و": "", "ي": "", "ى": "", "ء": "", "ؤ": "", "ئ": "",
    "ع": "", "ة": "", "ـ": "",
}  # fmt: skip
# Latin spellings of the same sound, longest first (French "ch", English "sh", German "sch" → s; "ph" → f).
_DIGRAPHS = (("sch", "s"), ("sh", "s"), ("ch", "s"), ("ph", "f"), ("kh", "h"), ("gh", "g"), ("th", "t"),
             ("dh", "d"), ("dj", "j"), ("ck", "k"), ("q", "k"), ("c", "k"), ("x", "ks"))  # fmt: skip
_VOWELS = set("aeiouyw")
_SPLIT = re.compile(r"[\s\-.]+")


def fold(text: str) -> str:
    """Case, accents, apostrophes, Arabic diacritics and tatweel removed: ``D'Àngelo`` → ``dangelo``."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) and c not in APOSTROPHES and c != "ـ")
    return " ".join(t for t in _SPLIT.split(kept.casefold()) if t)


def tokens(text: str) -> list[str]:
    return [t for t in fold(text).split(" ") if t]


def _latin_consonants(token: str, *, mark_vowels: bool) -> str:
    for digraph, replacement in _DIGRAPHS:
        token = token.replace(digraph, replacement)
    out: list[str] = []
    for i, char in enumerate(token):
        # "y" and "w" opening a syllable are consonants in Arabic (Youssef, Walid) but vowels elsewhere.
        is_vowel = char in _VOWELS and not (char in "yw" and i == 0)
        symbol = "a" if is_vowel else char
        if is_vowel and not mark_vowels:
            continue
        if not out or out[-1] != symbol:
            out.append(symbol)
    return "".join(out)


def skeleton(token: str) -> str:
    """Consonant skeleton of one name token, comparable across Latin spellings and Arabic script."""
    if any("\u0600" <= c <= "\u06ff" for c in token):
        consonants = "".join(_ARABIC.get(c, "") for c in token)
        return re.sub(r"(.)\1+", r"\1", consonants)
    return _latin_consonants(token, mark_vowels=False).lstrip("yw")


def vowel_pattern(token: str) -> str:
    """The skeleton with each vowel run kept as ``a``: tells Mohamed (mahamad) from Mahmoud (mahmad)."""
    return _latin_consonants(token, mark_vowels=True)


def name_key(*names: str) -> str:
    """Exact-name key: folded tokens, sorted, so given/family order swapped on a document still matches."""
    return " ".join(sorted(t for name in names for t in tokens(name)))


def skeleton_key(*names: str) -> str:
    return " ".join(sorted(s for name in names for t in tokens(name) if (s := skeleton(t))))


def name_year_keys(person: Person) -> list[str]:
    """``name:YEAR:…`` and ``namesk:YEAR:…`` for the full name and each alias; empty without a birth year, since a
    name alone is too common to flag."""
    if person.birth_date is None:
        return []
    year = person.birth_date.year
    keys: list[str] = []
    for name in person.all_names:
        for prefix, key in (("name", name_key(name)), ("namesk", skeleton_key(name))):
            entry = f"{prefix}:{year}:{key}"
            if key and entry not in keys:
                keys.append(entry)
    return keys


def codice_fiscale_keys(history: CodiceFiscaleHistory) -> list[str]:
    """Every code the person held: a provisional code found in another case is the same person."""
    return [f"cf:{code.value}" for code in history.all_codes]


def document_key(number: str) -> str:
    """Independent of the document type, because operators confuse a permit and a passport number."""
    return f"doc:{normalise_document_number(number)}"


def duplicate_keys(
    person: Person,
    permits: Iterable[PermessoDiSoggiorno] = (),
    identity_documents: Iterable[IdentityDocument] = (),
) -> list[str]:
    """All the strings to blind-index for one person, without repeats. Kinds are prefixed so an HMAC of a document
    number can never equal the HMAC of a codice fiscale."""
    keys = codice_fiscale_keys(person.codici_fiscali)
    keys += [document_key(p.number) for p in permits]
    keys += [document_key(d.number) for d in identity_documents]
    keys += name_year_keys(person)
    return list(dict.fromkeys(keys))


def _token_score(a: str, b: str) -> float:
    if any("\u0600" <= c <= "\u06ff" for c in a + b):
        sa, sb = skeleton(a), skeleton(b)
        return 1.0 if sa == sb else SequenceMatcher(None, sa, sb).ratio()
    pa, pb = vowel_pattern(a), vowel_pattern(b)
    return 1.0 if pa == pb else SequenceMatcher(None, pa, pb).ratio()


def name_similarity(a: str, b: str) -> float:
    """0–1: each token of the shorter name is matched with its best partner in the other and the weakest match
    counts, so one shared common token (Ali) does not make two different names close. Word order and a missing
    middle name do not lower the score."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    if len(ta) > len(tb):
        ta, tb = tb, ta
    return min(max(_token_score(x, y) for y in tb) for x in ta)


def are_close_names(a: str, b: str, threshold: float = CLOSE_NAME_THRESHOLD) -> bool:
    return name_similarity(a, b) >= threshold
