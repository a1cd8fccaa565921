from datetime import date

import pytest

from iam_desktop.domain.codice_fiscale import (
    CodiceFiscaleHistory,
    check_character,
    check_digit,
    consistency_notices,
    decode_omocodia,
    parse_codice_fiscale,
)
from iam_desktop.domain.dates import PartialDate
from iam_desktop.domain.errors import ValidationError


@pytest.mark.parametrize("code", ["RSSMRA85T10A562S", "RSSMRA80A01H501U", "MRTMTT91D08F205J"])
def test_known_valid_codes(code: str) -> None:
    assert check_character(code[:15]) == code[15]
    assert parse_codice_fiscale(code.lower()).value == code


def test_check_character_computed_by_hand() -> None:
    # odd-position values sum to 80, even-position values to 42; 122 mod 26 = 18 -> the 19th letter, S.
    assert check_character("RSSMRA85T10A562") == "S"


def test_wrong_check_character_refused() -> None:
    with pytest.raises(ValidationError) as error:
        parse_codice_fiscale("RSSMRA85T10A562T")
    assert error.value.code == "cf_check_char"
    assert error.value.params["expected"] == "S"


def test_omocodia_letters_accepted_and_decoded() -> None:
    base = "RSSMRA85T10A562"
    omocode = base[:14] + "N"  # the last digit 2 becomes N (LMNPQRSTUV)
    code = parse_codice_fiscale(omocode + check_character(omocode))
    assert code.is_omocode
    assert decode_omocodia(code.value)[:15] == base
    assert code.birth_day == 10 and code.sex == "M" and code.birth_month == 12


def test_omocodia_letter_outside_set_refused() -> None:
    bad = "RSSMRA85T10A56A"  # A is not an omocodia letter
    with pytest.raises(ValidationError) as error:
        parse_codice_fiscale(bad + check_character(bad))
    assert error.value.code == "cf_format"


def test_female_day_and_impossible_day() -> None:
    woman = "BNCLRA90E62F205"
    code = parse_codice_fiscale(woman + check_character(woman))
    assert code.sex == "F" and code.birth_day == 22 and code.birth_month == 5
    impossible = "BNCLRA90B31F205"  # 31 February
    with pytest.raises(ValidationError) as error:
        parse_codice_fiscale(impossible + check_character(impossible))
    assert error.value.code == "cf_birth_day"


def test_consistency_is_a_warning() -> None:
    code = parse_codice_fiscale("RSSMRA85T10A562S")
    assert consistency_notices(code, sex="M", birth_date=PartialDate(1985, 12, 10), birth_country="IT") == []
    notices = consistency_notices(code, sex="F", birth_date=PartialDate(1986, 11), birth_country="SN")
    assert {n.code for n in notices} == {
        "cf_sex_mismatch",
        "cf_birth_year_mismatch",
        "cf_birth_month_mismatch",
        "cf_birthplace_italy",
    }
    # Year only: only the year is compared.
    assert consistency_notices(code, birth_date=PartialDate(1985)) == []


def test_provisional_numeric_code() -> None:
    assert check_digit("0074311015") == "7"  # partita IVA-style algorithm, computed by hand
    assert parse_codice_fiscale("00743110157").is_provisional
    with pytest.raises(ValidationError) as error:
        parse_codice_fiscale("00743110158")
    assert error.value.code == "cf_check_digit"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "cf_empty"),
        ("RSSMRA85T10A", "cf_length"),
        ("RSSMRA85T10", "cf_format"),
        ("1234567890A", "cf_format"),
        ("12SMRA85T10A562S", "cf_format"),
    ],
)
def test_malformed_codes(raw: str, code: str) -> None:
    with pytest.raises(ValidationError) as error:
        parse_codice_fiscale(raw)
    assert error.value.code == code


def test_provisional_to_definitive_history() -> None:
    provisional = parse_codice_fiscale("00743110157")
    definitive = parse_codice_fiscale("RSSMRA85T10A562S")
    history = CodiceFiscaleHistory().record(provisional, date(2023, 1, 5)).record(definitive, date(2024, 3, 1))
    assert history.current == definitive
    assert history.all_codes == (provisional, definitive)
    assert history.entries[0].until == date(2024, 3, 1)
    assert history.record(definitive) is history
    with pytest.raises(ValidationError) as error:
        history.record(provisional)
    assert error.value.code == "cf_back_to_provisional"
