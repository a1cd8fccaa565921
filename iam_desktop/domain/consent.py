"""Consent and lawful basis per purpose (GDPR art. 6 and 9): what the person agreed to, on which legal ground the
desk processes data for each purpose, which version of the printed text they read, in which language, on which date,
and the reference of the signed scan. A purpose without a valid record may not be pursued; ``condivisione_rete``
in particular gates referrals to other desks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from iam_desktop.domain.errors import ValidationError


class ConsentPurpose(StrEnum):
    """``presa_in_carico``: taking the person in charge (intake and accompaniment); ``condivisione_rete``: sharing
    the case with the other desks, the central office and partners (needed for referrals); ``monitoraggio``:
    monitoring of the project by the funder; ``comunicazione``: anonymised figures in public communication."""

    PRESA_IN_CARICO = "presa_in_carico"
    CONDIVISIONE_RETE = "condivisione_rete"
    MONITORAGGIO = "monitoraggio"
    COMUNICAZIONE = "comunicazione"


class LawfulBasis(StrEnum):
    """GDPR art. 6(1): ``consenso`` (a), ``contratto`` (b), ``obbligo_legale`` (c), ``interessi_vitali`` (d),
    ``interesse_pubblico`` (e), ``legittimo_interesse`` (f)."""

    CONSENSO = "consenso"
    CONTRATTO = "contratto"
    OBBLIGO_LEGALE = "obbligo_legale"
    INTERESSI_VITALI = "interessi_vitali"
    INTERESSE_PUBBLICO = "interesse_pubblico"
    LEGITTIMO_INTERESSE = "legittimo_interesse"


# The basis the network's informativa states for each purpose; a record may name another one (a public body may
# rely on public interest for intake), but these are what the printed consent form asks for.
DEFAULT_BASIS: dict[ConsentPurpose, LawfulBasis] = {
    ConsentPurpose.PRESA_IN_CARICO: LawfulBasis.CONSENSO,
    ConsentPurpose.CONDIVISIONE_RETE: LawfulBasis.CONSENSO,
    ConsentPurpose.MONITORAGGIO: LawfulBasis.INTERESSE_PUBBLICO,
    ConsentPurpose.COMUNICAZIONE: LawfulBasis.CONSENSO,
}


@dataclass(frozen=True)
class Consent:
    """One decision of the person about one purpose. ``granted`` False records a refusal, which matters as much
    as an agreement; ``withdrawn`` is the date the person took consent back (art. 7(3))."""

    purpose: ConsentPurpose
    lawful_basis: LawfulBasis
    date: dt.date
    text_version: str
    language: str
    granted: bool = True
    signed_scan: str | None = None
    withdrawn: dt.date | None = None

    def is_active_on(self, day: dt.date) -> bool:
        return self.granted and self.date <= day and (self.withdrawn is None or day < self.withdrawn)


def parse_purpose(raw: str, field: str = "consents.purpose") -> ConsentPurpose:
    try:
        return ConsentPurpose(raw.strip().lower())
    except ValueError:
        raise ValidationError(field, "purpose_unknown", value=raw[:40]) from None


def parse_lawful_basis(raw: str, field: str = "consents.lawful_basis") -> LawfulBasis:
    try:
        return LawfulBasis(raw.strip().lower())
    except ValueError:
        raise ValidationError(field, "lawful_basis_unknown", value=raw[:40]) from None


def validate_consent(consent: Consent, today: dt.date, field: str = "consents") -> None:
    """Not dated in the future, withdrawn not before given, a text version named (``text_version_missing``)."""
    if consent.date > today:
        raise ValidationError(f"{field}.date", "date_future", value=consent.date.isoformat())
    if not consent.text_version.strip():
        raise ValidationError(f"{field}.text_version", "text_version_missing")
    if consent.withdrawn is not None and consent.withdrawn < consent.date:
        raise ValidationError(f"{field}.withdrawn", "date_order")


def current_consent(consents: Iterable[Consent], purpose: ConsentPurpose, on: dt.date) -> Consent | None:
    """The latest record for ``purpose`` dated on or before ``on`` (a later decision replaces an earlier one)."""
    relevant = [c for c in consents if c.purpose is purpose and c.date <= on]
    return max(relevant, key=lambda c: c.date) if relevant else None


def allows(consents: Iterable[Consent], purpose: ConsentPurpose, on: dt.date) -> bool:
    """Whether ``purpose`` may be pursued on ``on``. Purposes whose basis is not consent are always allowed."""
    latest = current_consent(consents, purpose, on)
    if latest is None:
        return DEFAULT_BASIS[purpose] is not LawfulBasis.CONSENSO
    if latest.lawful_basis is not LawfulBasis.CONSENSO:
        return True
    return latest.is_active_on(on)
