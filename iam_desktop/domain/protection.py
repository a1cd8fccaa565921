"""Protection status (status di protezione): the legal ground a person stays in Italy on, which decides the permit
they hold, its length and what they are entitled to. Values are the snake_case names used in the interchange format
and in forms; the words shown to people come from the translation files."""

from __future__ import annotations

from enum import StrEnum

from iam_desktop.domain.errors import ValidationError


class ProtectionStatus(StrEnum):
    """``rifugiato``: refugee status (Geneva Convention); ``protezione_sussidiaria``: subsidiary protection;
    ``protezione_speciale``: special protection (art. 19 TUI); ``casi_speciali``: special cases (art. 18, 18-bis,
    22 TUI: trafficking, domestic violence, labour exploitation); ``richiedente_asilo``: asylum seeker awaiting a
    decision; ``altro``: any other ground."""

    RIFUGIATO = "rifugiato"
    PROTEZIONE_SUSSIDIARIA = "protezione_sussidiaria"
    PROTEZIONE_SPECIALE = "protezione_speciale"
    CASI_SPECIALI = "casi_speciali"
    RICHIEDENTE_ASILO = "richiedente_asilo"
    ALTRO = "altro"

    @property
    def is_international_protection(self) -> bool:
        """Refugee and subsidiary protection are international protection (EU qualification directive)."""
        return self in (ProtectionStatus.RIFUGIATO, ProtectionStatus.PROTEZIONE_SUSSIDIARIA)


def parse_protection_status(raw: str, field: str = "protection_status") -> ProtectionStatus:
    """Accepts the snake_case value, case and spaces forgiven (``Protezione sussidiaria``); code
    ``protection_status_unknown`` otherwise."""
    value = raw.strip().lower().replace(" ", "_").replace("-", "_")
    try:
        return ProtectionStatus(value)
    except ValueError:
        raise ValidationError(field, "protection_status_unknown", value=raw[:40]) from None
