"""Documents a person holds: the permesso di soggiorno (residence permit: type, number, issuing Questura — the police
headquarters of a province —, issue and expiry dates, and the ricevuta, the post-office receipt that proves a renewal
was requested and keeps the person legally present meanwhile), and identity documents (passport, carta d'identità,
refugee travel document). The rules here refuse impossible documents; expiry alerts live in ``alerts``."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from iam_desktop.domain.codes import is_country
from iam_desktop.domain.dates import check_not_future, check_order
from iam_desktop.domain.errors import ValidationError

_NUMBER = re.compile(r"^[A-Z0-9]{5,20}$")
_SEPARATORS = re.compile(r"[\s.\-/]")


class PermitType(StrEnum):
    """Type of permesso di soggiorno. ``asilo``: for refugees ("asilo politico"); ``richiesta_asilo``: for asylum
    seekers; ``lungo_periodo``: EU long-term residents; ``attesa_occupazione``: job seeking."""

    ASILO = "asilo"
    PROTEZIONE_SUSSIDIARIA = "protezione_sussidiaria"
    PROTEZIONE_SPECIALE = "protezione_speciale"
    CASI_SPECIALI = "casi_speciali"
    RICHIESTA_ASILO = "richiesta_asilo"
    LAVORO_SUBORDINATO = "lavoro_subordinato"
    LAVORO_AUTONOMO = "lavoro_autonomo"
    ATTESA_OCCUPAZIONE = "attesa_occupazione"
    FAMIGLIA = "famiglia"
    STUDIO = "studio"
    CURE_MEDICHE = "cure_mediche"
    LUNGO_PERIODO = "lungo_periodo"
    ALTRO = "altro"


class IdentityDocumentKind(StrEnum):
    """``passaporto``; ``carta_identita``: Italian identity card; ``documento_viaggio``: refugee travel document
    (titolo di viaggio); ``documento_origine``: identity document of the country of origin; ``altro``."""

    PASSAPORTO = "passaporto"
    CARTA_IDENTITA = "carta_identita"
    DOCUMENTO_VIAGGIO = "documento_viaggio"
    DOCUMENTO_ORIGINE = "documento_origine"
    ALTRO = "altro"


def normalise_document_number(raw: str) -> str:
    """Upper case, without the spaces, dots and dashes people copy from the card."""
    return _SEPARATORS.sub("", raw).upper()


def parse_document_number(raw: str, field: str) -> str:
    """5 to 20 letters or digits after normalisation; code ``document_number_format``."""
    number = normalise_document_number(raw)
    if not _NUMBER.match(number):
        raise ValidationError(field, "document_number_format", value=raw[:40])
    return number


def parse_questura(raw: str, field: str = "permit.questura") -> str:
    """The Questura is named by its city (``Brescia``); spaces collapsed, title case kept as typed."""
    name = " ".join(raw.split())
    if not 2 <= len(name) <= 60 or any(c.isdigit() for c in name):
        raise ValidationError(field, "questura_format", value=raw[:40])
    return name


def parse_permit_type(raw: str, field: str = "permit.type") -> PermitType:
    try:
        return PermitType(raw.strip().lower().replace(" ", "_"))
    except ValueError:
        raise ValidationError(field, "permit_type_unknown", value=raw[:40]) from None


@dataclass(frozen=True)
class RenewalReceipt:
    """The ricevuta of a renewal request (Poste Italiane kit or Questura appointment): its number and date."""

    number: str
    date: dt.date


@dataclass(frozen=True)
class PermessoDiSoggiorno:
    """Residence permit. Validate with ``validate_permit`` before storing."""

    type: PermitType
    number: str
    questura: str
    issued: dt.date
    expires: dt.date
    renewal_receipt: RenewalReceipt | None = None

    def is_valid_on(self, day: dt.date) -> bool:
        return self.issued <= day <= self.expires

    def is_expired_on(self, day: dt.date) -> bool:
        return day > self.expires

    def is_covered_on(self, day: dt.date) -> bool:
        """Valid, or expired with a renewal requested (the ricevuta keeps the person's rights meanwhile)."""
        return self.is_valid_on(day) or (self.renewal_receipt is not None and self.renewal_receipt.date <= day)


def validate_permit(permit: PermessoDiSoggiorno, today: dt.date, field: str = "permit") -> None:
    """Issued not in the future (``date_future``), expiry not before issue (``date_order``), the receipt not
    before the issue date."""
    check_not_future(permit.issued, f"{field}.issued", today)
    check_order(permit.issued, permit.expires, f"{field}.expires")
    if permit.renewal_receipt is not None:
        check_not_future(permit.renewal_receipt.date, f"{field}.renewal_receipt", today)
        check_order(permit.issued, permit.renewal_receipt.date, f"{field}.renewal_receipt")


@dataclass(frozen=True)
class IdentityDocument:
    """Passport or other identity document; ``issuing_country`` is ISO 3166-1 alpha-2."""

    kind: IdentityDocumentKind
    number: str
    issuing_country: str
    issued: dt.date | None = None
    expires: dt.date | None = None


def validate_identity_document(doc: IdentityDocument, today: dt.date, field: str = "identity_document") -> None:
    if not is_country(doc.issuing_country):
        raise ValidationError(f"{field}.issuing_country", "country_unknown", value=doc.issuing_country)
    if doc.issued is not None:
        check_not_future(doc.issued, f"{field}.issued", today)
        if doc.expires is not None:
            check_order(doc.issued, doc.expires, f"{field}.expires")
