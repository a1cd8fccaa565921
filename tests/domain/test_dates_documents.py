from datetime import date

import pytest

from iam_desktop.domain.alerts import AlertLevel, expiring_permits
from iam_desktop.domain.case import Case, CaseSource, CaseStatus, change_status
from iam_desktop.domain.consent import Consent, ConsentPurpose, LawfulBasis, allows
from iam_desktop.domain.dates import PartialDate, check_birth_date, parse_date, parse_partial_date
from iam_desktop.domain.documents import PermessoDiSoggiorno, PermitType, RenewalReceipt, validate_permit
from iam_desktop.domain.errors import ValidationError
from iam_desktop.domain.person import Person, parse_name

TODAY = date(2025, 6, 1)


def test_partial_dates() -> None:
    assert parse_partial_date("1990") == PartialDate(1990)
    assert parse_partial_date("1990-07").precision == "month"
    assert parse_partial_date("03/1990", italian=True) == PartialDate(1990, 3)
    assert parse_partial_date("25/12/1990", italian=True) == PartialDate(1990, 12, 25)
    assert PartialDate(1990, 2).latest() == date(1990, 2, 28)
    assert PartialDate(1990).could_be(date(1990, 8, 1))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2026-02-30", "date_impossible"),
        ("2025-13", "date_impossible"),
        ("1990/01/01", "date_format"),
        ("ieri", "date_format"),
    ],
)
def test_bad_dates(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as error:
        parse_partial_date(text, "birth_date")
    assert error.value.code == code and error.value.field == "birth_date"


def test_future_and_incomplete() -> None:
    with pytest.raises(ValidationError) as error:
        check_birth_date(PartialDate(2030), "birth_date", TODAY)
    assert error.value.code == "date_future"
    with pytest.raises(ValidationError) as error:
        parse_date("2024-05", "permit.issued")
    assert error.value.code == "date_incomplete"


def permit(issued: date, expires: date, receipt: RenewalReceipt | None = None) -> PermessoDiSoggiorno:
    return PermessoDiSoggiorno(PermitType.ASILO, "I1234567", "Brescia", issued, expires, receipt)


def test_permit_rules() -> None:
    validate_permit(permit(date(2021, 1, 1), date(2026, 1, 1)), TODAY)
    with pytest.raises(ValidationError) as error:
        validate_permit(permit(date(2024, 1, 1), date(2023, 1, 1)), TODAY)
    assert (error.value.field, error.value.code) == ("permit.expires", "date_order")
    with pytest.raises(ValidationError) as error:
        validate_permit(permit(date(2025, 7, 1), date(2030, 1, 1)), TODAY)
    assert error.value.code == "date_future"


def test_expiry_alerts() -> None:
    permits = [
        ("a", permit(date(2021, 1, 1), date(2025, 7, 20))),
        ("b", permit(date(2021, 1, 1), date(2025, 5, 1), RenewalReceipt("05123456789", date(2025, 4, 2)))),
        ("c", permit(date(2021, 1, 1), date(2026, 1, 1))),
    ]
    alerts = expiring_permits(permits, TODAY)
    assert [(a.case_id, a.level, a.days_left) for a in alerts] == [
        ("b", AlertLevel.SCADUTO, -31),
        ("a", AlertLevel.IN_SCADENZA, 49),
    ]
    assert alerts[0].renewal_requested
    assert [a.case_id for a in expiring_permits(permits, TODAY, within_days=30)] == ["b"]


@pytest.mark.parametrize("name", ["D'Angelo", "N'Diaye", "N’Diaye", "محمد عبد الرحمن", "Jean-Pierre", "Ọláńrewájú"])
def test_names_in_any_script(name: str) -> None:
    assert parse_name(f"  {name} ", "family_name") == name


@pytest.mark.parametrize("name", ["R2D2", "<b>", "'", ""])
def test_bad_names(name: str) -> None:
    with pytest.raises(ValidationError):
        parse_name(name, "family_name")


def test_case_status_machine_and_consent() -> None:
    case = Case("c1", "valtrompia", "op1", date(2025, 1, 1), CaseSource.SAI, Person(("Awa",), "Sow"))
    opened = change_status(case, CaseStatus.APERTO, date(2025, 1, 2))
    with pytest.raises(ValidationError) as error:
        change_status(case, CaseStatus.CHIUSO, date(2025, 1, 2), "lavoro")
    assert error.value.code == "status_transition"
    with pytest.raises(ValidationError) as error:
        change_status(opened, CaseStatus.CHIUSO, date(2025, 2, 1))
    assert error.value.code == "outcome_missing"
    given = Consent(
        ConsentPurpose.CONDIVISIONE_RETE,
        LawfulBasis.CONSENSO,
        date(2025, 1, 2),
        "2025-06",
        "fr",
        withdrawn=date(2025, 3, 1),
    )
    assert allows([given], ConsentPurpose.CONDIVISIONE_RETE, date(2025, 2, 1))
    assert not allows([given], ConsentPurpose.CONDIVISIONE_RETE, date(2025, 3, 2))
    assert allows([], ConsentPurpose.MONITORAGGIO, date(2025, 3, 2))
