"""The case file (fascicolo): who took the person in charge, where and when, how they arrived, where the case
stands, and everything learned at intake — reception history in CAS (centri di accoglienza straordinaria, emergency
reception) and SAI (Sistema di accoglienza e integrazione, the municipal second-line system), household, education,
work experience and skills (traditional crafts included), registrations (CPI/DID at the job centre, SSN health
service, residenza anagrafica), vulnerabilities and consents. The status is a small state machine; every other rule
about the person lives in ``person``, ``documents`` and ``consent``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import StrEnum

from iam_desktop.domain.consent import Consent
from iam_desktop.domain.dates import PartialDate, check_order
from iam_desktop.domain.documents import IdentityDocument, PermessoDiSoggiorno
from iam_desktop.domain.errors import ValidationError
from iam_desktop.domain.person import Person
from iam_desktop.domain.protection import ProtectionStatus


class CaseStatus(StrEnum):
    """``bozza``: draft intake not yet confirmed; ``aperto``: open; ``sospeso``: suspended (person away, in
    hospital, unreachable); ``chiuso``: closed with an outcome."""

    BOZZA = "bozza"
    APERTO = "aperto"
    SOSPESO = "sospeso"
    CHIUSO = "chiuso"


# A closed case may be reopened (the person comes back); a draft can only be confirmed or discarded.
TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.BOZZA: frozenset({CaseStatus.APERTO}),
    CaseStatus.APERTO: frozenset({CaseStatus.SOSPESO, CaseStatus.CHIUSO}),
    CaseStatus.SOSPESO: frozenset({CaseStatus.APERTO, CaseStatus.CHIUSO}),
    CaseStatus.CHIUSO: frozenset({CaseStatus.APERTO}),
}


class CaseSource(StrEnum):
    """How the person reached the desk: from a ``sai`` or ``cas`` project, ``servizi_sociali`` (social services),
    ``rete_partner`` (a partner organisation), ``altro_sportello`` (referral from another desk of the network),
    ``autopresentazione`` (came on their own), ``passaparola`` (word of mouth), ``altro``."""

    SAI = "sai"
    CAS = "cas"
    SERVIZI_SOCIALI = "servizi_sociali"
    RETE_PARTNER = "rete_partner"
    ALTRO_SPORTELLO = "altro_sportello"
    AUTOPRESENTAZIONE = "autopresentazione"
    PASSAPAROLA = "passaparola"
    ALTRO = "altro"


class ReceptionKind(StrEnum):
    """``cas``, ``sai``, ``cpa`` (first reception centre / hub), ``altro``."""

    CAS = "cas"
    SAI = "sai"
    CPA = "cpa"
    ALTRO = "altro"


@dataclass(frozen=True)
class ReceptionStay:
    """A period in a reception project; ``extended_until`` is a granted extension (proroga) of the stay."""

    kind: ReceptionKind
    project: str
    entered: PartialDate | None = None
    left: PartialDate | None = None
    extended_until: dt.date | None = None


class Relation(StrEnum):
    CONIUGE = "coniuge"
    FIGLIO = "figlio"
    GENITORE = "genitore"
    FRATELLO = "fratello"
    ALTRO = "altro"


@dataclass(frozen=True)
class HouseholdMember:
    """A family member; ``in_italy`` and ``cohabiting`` matter for housing and family reunification."""

    relation: Relation
    name: str = ""
    birth_year: int | None = None
    in_italy: bool = False
    cohabiting: bool = False


class EducationLevel(StrEnum):
    """ISCED-like levels an operator can establish at intake."""

    NESSUNA = "nessuna"
    PRIMARIA = "primaria"
    SECONDARIA_INFERIORE = "secondaria_inferiore"
    SECONDARIA_SUPERIORE = "secondaria_superiore"
    PROFESSIONALE = "professionale"
    UNIVERSITARIA = "universitaria"


class Recognition(StrEnum):
    """Recognition of a foreign title in Italy: ``non_richiesto``, ``in_corso``, ``riconosciuto``, ``negato``."""

    NON_RICHIESTO = "non_richiesto"
    IN_CORSO = "in_corso"
    RICONOSCIUTO = "riconosciuto"
    NEGATO = "negato"


@dataclass(frozen=True)
class Education:
    level: EducationLevel
    title: str = ""
    country: str | None = None
    year: int | None = None
    recognition: Recognition = Recognition.NON_RICHIESTO


@dataclass(frozen=True)
class WorkExperience:
    role: str
    sector: str = ""
    country: str | None = None
    started: PartialDate | None = None
    ended: PartialDate | None = None
    formal: bool = False
    """Whether the job had a contract; informal work is common and still counts as experience."""


class SkillKind(StrEnum):
    """``professionale``; ``artigianato_tradizionale``: traditional crafts (weaving, tailoring, leather, pottery,
    smithing) that can lead to self-employment; ``digitale``; ``patente``: driving licence; ``altro``."""

    PROFESSIONALE = "professionale"
    ARTIGIANATO_TRADIZIONALE = "artigianato_tradizionale"
    DIGITALE = "digitale"
    PATENTE = "patente"
    ALTRO = "altro"


@dataclass(frozen=True)
class Skill:
    kind: SkillKind
    name: str
    level: str = ""
    certified: bool = False


class RegistrationKind(StrEnum):
    """``cpi_did``: registration at the Centro per l'Impiego with the Dichiarazione di Immediata Disponibilità
    (job seeker status); ``ssn``: national health service (tessera sanitaria, medico di base); ``residenza``:
    residenza anagrafica (registered residence in a comune, needed for most services)."""

    CPI_DID = "cpi_did"
    SSN = "ssn"
    RESIDENZA = "residenza"


@dataclass(frozen=True)
class Registration:
    kind: RegistrationKind
    date: dt.date | None = None
    place: str = ""
    reference: str = ""


class VulnerabilityKind(StrEnum):
    SALUTE_FISICA = "salute_fisica"
    SALUTE_MENTALE = "salute_mentale"
    DISABILITA = "disabilita"
    VITTIMA_TRATTA = "vittima_tratta"
    VITTIMA_VIOLENZA = "vittima_violenza"
    GENITORE_SOLO = "genitore_solo"
    GRAVIDANZA = "gravidanza"
    ALTRO = "altro"


@dataclass(frozen=True)
class Vulnerability:
    """Recorded only with the person's consent and on a need-to-know basis (special category data, art. 9)."""

    kind: VulnerabilityKind
    note: str = ""


@dataclass(frozen=True)
class Case:
    """A person's case at a desk. ``desk`` and ``operator`` are ids; names come from configuration."""

    case_id: str
    desk: str
    operator: str
    opened: dt.date
    source: CaseSource
    person: Person
    status: CaseStatus = CaseStatus.BOZZA
    protection_status: ProtectionStatus | None = None
    permits: tuple[PermessoDiSoggiorno, ...] = ()
    identity_documents: tuple[IdentityDocument, ...] = ()
    reception: tuple[ReceptionStay, ...] = ()
    household: tuple[HouseholdMember, ...] = ()
    education: tuple[Education, ...] = ()
    work_experience: tuple[WorkExperience, ...] = ()
    skills: tuple[Skill, ...] = ()
    registrations: tuple[Registration, ...] = ()
    vulnerabilities: tuple[Vulnerability, ...] = ()
    consents: tuple[Consent, ...] = ()
    notes: str = ""
    closed: dt.date | None = None
    outcome: str = ""
    extra: dict[str, object] = field(default_factory=dict, compare=False)

    @property
    def current_permit(self) -> PermessoDiSoggiorno | None:
        """The permit that expires last: the one a renewal alert is about."""
        return max(self.permits, key=lambda p: p.expires) if self.permits else None

    def registration(self, kind: RegistrationKind) -> Registration | None:
        return next((r for r in self.registrations if r.kind is kind), None)


def change_status(case: Case, new: CaseStatus, on: dt.date, outcome: str = "") -> Case:
    """The case in its new status. Refuses a move the state machine does not allow (``status_transition``), a
    closure without an outcome (``outcome_missing``) or dated before opening (``date_order``)."""
    if new not in TRANSITIONS[case.status]:
        raise ValidationError("status", "status_transition", current=case.status.value, requested=new.value)
    check_order(case.opened, on, "status")
    if new is CaseStatus.CHIUSO:
        if not outcome.strip():
            raise ValidationError("outcome", "outcome_missing")
        return replace(case, status=new, closed=on, outcome=outcome.strip())
    return replace(case, status=new, closed=None, outcome="" if new is CaseStatus.APERTO else case.outcome)
