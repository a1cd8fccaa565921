"""What the intake form says next to a field: a sentence per validation or warning code in the UI language (Qt
Linguist, context "FieldProblems"), with the service catalogue (``services.messages.field_problem``) as the fallback
for codes this table does not know, and the words for why two cases may be the same person."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

from iam_desktop.services.messages import field_problem


def _texts() -> dict[str, Callable[[], str]]:
    return {
        "required": lambda: QCoreApplication.translate("FieldProblems", "This field is required."),
        "name_empty": lambda: QCoreApplication.translate("FieldProblems", "Enter a name."),
        "name_length": lambda: QCoreApplication.translate("FieldProblems", "This name is too long."),
        "name_characters": lambda: QCoreApplication.translate(
            "FieldProblems", "A name may have letters, spaces, apostrophes and hyphens only."
        ),
        "date_format": lambda: QCoreApplication.translate("FieldProblems", "Write the date as dd/mm/yyyy."),
        "date_impossible": lambda: QCoreApplication.translate("FieldProblems", "This date does not exist."),
        "date_incomplete": lambda: QCoreApplication.translate(
            "FieldProblems", "Give the full date: day, month and year."
        ),
        "date_future": lambda: QCoreApplication.translate("FieldProblems", "This date is in the future."),
        "date_too_old": lambda: QCoreApplication.translate("FieldProblems", "This year is too far in the past."),
        "date_order": lambda: QCoreApplication.translate(
            "FieldProblems", "This date comes before the date it must follow."
        ),
        "country_unknown": lambda: QCoreApplication.translate(
            "FieldProblems", "Unknown country: choose one from the list."
        ),
        "language_unknown": lambda: QCoreApplication.translate(
            "FieldProblems", "Unknown language code: use two letters, e.g. fr, ar, bm."
        ),
        "cefr_unknown": lambda: QCoreApplication.translate(
            "FieldProblems", "Unknown level: use pre-A1, A1, A2, B1, B2, C1 or C2."
        ),
        "skill_unknown": lambda: QCoreApplication.translate("FieldProblems", "Unknown language skill."),
        "cf_empty": lambda: QCoreApplication.translate("FieldProblems", "Enter the codice fiscale."),
        "cf_length": lambda: QCoreApplication.translate(
            "FieldProblems", "A codice fiscale has 16 characters, or 11 digits if provisional."
        ),
        "cf_format": lambda: QCoreApplication.translate(
            "FieldProblems", "This is not the pattern of a codice fiscale."
        ),
        "cf_check_char": lambda: QCoreApplication.translate(
            "FieldProblems", "The last character does not match: check for a typing error."
        ),
        "cf_check_digit": lambda: QCoreApplication.translate(
            "FieldProblems", "The check digit of this provisional code does not match."
        ),
        "cf_birth_day": lambda: QCoreApplication.translate(
            "FieldProblems", "The birth day in this codice fiscale does not exist."
        ),
        "cf_back_to_provisional": lambda: QCoreApplication.translate(
            "FieldProblems", "A definitive codice fiscale cannot go back to a provisional one."
        ),
        "phone_format": lambda: QCoreApplication.translate(
            "FieldProblems", "Write the phone number with digits only, with +39 or another prefix if needed."
        ),
        "email_format": lambda: QCoreApplication.translate("FieldProblems", "This is not an e-mail address."),
        "document_number_format": lambda: QCoreApplication.translate("FieldProblems", "Letters and digits only."),
        "questura_format": lambda: QCoreApplication.translate(
            "FieldProblems", "Write the name of the Questura (the town)."
        ),
        "text_length": lambda: QCoreApplication.translate("FieldProblems", "This text is too long."),
        "number_range": lambda: QCoreApplication.translate("FieldProblems", "This number is out of range."),
        "type_integer": lambda: QCoreApplication.translate("FieldProblems", "Write a whole number."),
        "choice_unknown": lambda: QCoreApplication.translate("FieldProblems", "Choose one of the options."),
        "cf_sex_mismatch": lambda: QCoreApplication.translate(
            "FieldProblems", "The codice fiscale does not match the sex given (check both)."
        ),
        "cf_birth_year_mismatch": lambda: QCoreApplication.translate(
            "FieldProblems", "The codice fiscale does not match the year of birth (check both)."
        ),
        "cf_birth_month_mismatch": lambda: QCoreApplication.translate(
            "FieldProblems", "The codice fiscale does not match the month of birth (check both)."
        ),
        "cf_birth_day_mismatch": lambda: QCoreApplication.translate(
            "FieldProblems", "The codice fiscale does not match the day of birth (check both)."
        ),
        "cf_birthplace_abroad": lambda: QCoreApplication.translate(
            "FieldProblems", "The codice fiscale is of a person born abroad, not in Italy."
        ),
        "cf_birthplace_italy": lambda: QCoreApplication.translate(
            "FieldProblems", "The codice fiscale is of a person born in Italy."
        ),
    }


def problem_text(field: str, code: str, params: Mapping[str, object], language: str) -> str:
    text = _texts().get(code)
    return text() if text is not None else field_problem(field, code, dict(params), language)


def duplicate_reason(reason: str) -> str:
    return {
        "codice_fiscale": lambda: QCoreApplication.translate("FieldProblems", "same codice fiscale"),
        "document": lambda: QCoreApplication.translate("FieldProblems", "same document number"),
        "name_birth_year": lambda: QCoreApplication.translate("FieldProblems", "similar name and same year of birth"),
    }.get(reason, lambda: reason)()
