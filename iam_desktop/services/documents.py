"""Printing the documents of a case — the filled intake form, the blank form for days without a computer, the
privacy notice (informativa) and the consent form — bilingual in Italian and the person's language. Reached as
``desk.documents``; every print is an audit event. The form definition (``resources/forms/intake.json``) is the
same one that drives the intake form and its validation."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from iam_desktop.domain import interchange
from iam_desktop.domain.consent import ConsentPurpose
from iam_desktop.domain.errors import ValidationError
from iam_desktop.domain.forms import FormDefinition, load_form
from iam_desktop.domain.roles import Permission

if TYPE_CHECKING:
    from iam_desktop.printing import bilingual
from iam_desktop.resources import resource

if TYPE_CHECKING:
    from .desk import Desk

DOCUMENTS = ("intake", "blank-intake", "consent", "privacy", "plan")


@cache
def intake_form() -> FormDefinition:
    return load_form(resource("forms", "intake.json"))


def print_languages() -> tuple[str, ...]:
    # reportlab and the Arabic shaper load on the first print, not when the app starts.
    from iam_desktop.printing import bilingual

    return bilingual.languages()


class Documents:
    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    def _check_language(self, language: str) -> None:
        if language not in print_languages():
            raise ValidationError("language", "unsupported", language=language)

    def context(self, case_ref: str = "") -> bilingual.DocumentContext:
        """The page header of a printed document: this desk, the operator printing, the controller and the date."""
        from iam_desktop.printing import bilingual

        settings = self._desk.settings()
        operator = self._desk.operator
        return bilingual.DocumentContext(
            desk_name=self._desk.profile.desk_name,
            printed_on=date.today(),
            case_ref=case_ref[:8],
            operator=operator.display_name if operator else "",
            controller=settings.controller,
            controller_address=settings.controller_address,
            contact=settings.contact,
            dpo=settings.dpo,
        )

    def _record(self, case_id: str) -> tuple[interchange.InterchangeRecord, dict[str, object]]:
        file = self._desk.cases.open(case_id)
        result = interchange.parse_record(file.person, today=date.max)
        if result.record is None:
            raise ValidationError("case_id", "unreadable")
        return result.record, file.extra

    def intake(self, case_id: str, language: str, target: Path) -> Path:
        self._desk.require(Permission.PRINT)
        self._check_language(language)
        record, extra = self._record(case_id)
        from iam_desktop.printing.intake_form import intake_values, write_intake_form

        write_intake_form(
            target, form=intake_form(), values=intake_values(record, extra), language=language,
            context=self.context(case_id),
        )  # fmt: skip
        self._desk.record_print("intake", case_id)
        return target

    def blank_intake(self, language: str, target: Path) -> Path:
        self._desk.require(Permission.PRINT)
        self._check_language(language)
        from iam_desktop.printing.blank_intake import write_blank_intake

        write_blank_intake(target, form=intake_form(), language=language, context=self.context())
        self._desk.record_print("blank-intake")
        return target

    def consent(self, case_id: str, language: str, target: Path) -> Path:
        self._desk.require(Permission.PRINT)
        self._check_language(language)
        record, _ = self._record(case_id)
        from iam_desktop.printing.consent_form import write_consent_form

        decisions: dict[ConsentPurpose, bool] = {c.purpose: c.granted for c in record.consents}
        write_consent_form(
            target, language=language, context=self.context(case_id), person_name=record.person.full_name,
            decisions=decisions or None,
        )  # fmt: skip
        self._desk.record_print("consent", case_id)
        return target

    def privacy_notice(self, language: str, target: Path, case_id: str | None = None) -> Path:
        self._desk.require(Permission.PRINT)
        self._check_language(language)
        name = self._record(case_id)[0].person.full_name if case_id else ""
        from iam_desktop.printing.privacy_notice import write_privacy_notice

        write_privacy_notice(target, language=language, context=self.context(case_id or ""), person_name=name)
        self._desk.record_print("privacy", case_id)
        return target

    def plan(self, case_id: str, language: str, target: Path) -> Path:
        """The individual plan (progetto individualizzato) for the person to sign."""
        self._desk.require(Permission.PRINT)
        self._check_language(language)
        plan = self._desk.pathway.plan(case_id)
        if plan is None:
            raise ValidationError("plan", "plan_missing")
        record, _ = self._record(case_id)
        pathway = self._desk.pathway
        from iam_desktop.printing.plan_document import write_plan_document

        write_plan_document(
            target, plan, language=language, context=self.context(case_id), person_name=record.person.full_name,
            step_label=pathway.ladder.step(pathway.current_step(case_id)).label,
            review_every_days=pathway.ladder.plan_review_days,
            owner_names={op.id: op.display_name for op in self._desk.operators()},
        )  # fmt: skip
        self._desk.record_print("plan", case_id)
        return target
