"""What the pathway widgets share: the base of a panel that shows one case (desk, task runner, error dialog, the
current case id, a ``changed`` signal after every write, live re-translation), the words for the domain's codes
(axes, statuses, intervention types, placement kinds, outcomes, agenda kinds) in the UI language, date helpers
between ``datetime.date`` and Qt, and the small dialog that asks for a mandatory reason (moving back, overriding,
reopening). Labels are looked up through ``QCoreApplication.translate`` in the ``PathwayLabels`` context so the
Italian catalogue carries them like every other UI string."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.domain.agenda import AgendaKind
from iam_desktop.domain.closure import Outcome
from iam_desktop.domain.diary import HousingModule, InterventionType
from iam_desktop.domain.errors import ValidationError
from iam_desktop.domain.placements import BusinessStage, ContractType, HousingKind
from iam_desktop.domain.plan import ActionStatus, Axis
from iam_desktop.domain.roles import Role
from iam_desktop.services import messages
from iam_desktop.services.desk import Desk

from ..errors import ErrorDialog
from ..tasks import TaskRunner
from ..widgets import FieldMessage

DATE_FORMAT = "%d/%m/%Y"
ERROR_COLOUR = "#b00020"
OK_COLOUR = "#1b5e20"
MUTED_STYLE = "color: palette(placeholder-text);"


def axis_name(axis: Axis) -> str:
    return {
        Axis.LAVORO: QCoreApplication.translate("PathwayLabels", "Work"),
        Axis.ABITAZIONE: QCoreApplication.translate("PathwayLabels", "Housing"),
        Axis.SOCIALE: QCoreApplication.translate("PathwayLabels", "Social"),
        Axis.FORMAZIONE: QCoreApplication.translate("PathwayLabels", "Training"),
        Axis.SALUTE_DOCUMENTI: QCoreApplication.translate("PathwayLabels", "Health and documents"),
    }[axis]


def status_name(status: ActionStatus) -> str:
    return {
        ActionStatus.DA_FARE: QCoreApplication.translate("PathwayLabels", "To do"),
        ActionStatus.IN_CORSO: QCoreApplication.translate("PathwayLabels", "In progress"),
        ActionStatus.FATTO: QCoreApplication.translate("PathwayLabels", "Done"),
        ActionStatus.ANNULLATO: QCoreApplication.translate("PathwayLabels", "Cancelled"),
    }[status]


def intervention_name(kind: InterventionType) -> str:
    return {
        InterventionType.COLLOQUIO: QCoreApplication.translate("PathwayLabels", "Interview"),
        InterventionType.ORIENTAMENTO_LAVORO: QCoreApplication.translate("PathwayLabels", "Job orientation"),
        InterventionType.ACCOMPAGNAMENTO_ABITATIVO: QCoreApplication.translate(
            "PathwayLabels", "Housing accompaniment"
        ),
        InterventionType.PRATICHE_BUROCRATICHE: QCoreApplication.translate("PathwayLabels", "Paperwork"),
        InterventionType.MEDIAZIONE_LINGUISTICA: QCoreApplication.translate("PathwayLabels", "Language mediation"),
        InterventionType.ALTRO: QCoreApplication.translate("PathwayLabels", "Other"),
    }[kind]


def module_name(module: HousingModule) -> str:
    return {
        HousingModule.ECONOMIA_DOMESTICA: QCoreApplication.translate("PathwayLabels", "Domestic economy"),
        HousingModule.MEDIAZIONE_CONFLITTI: QCoreApplication.translate("PathwayLabels", "Conflict mediation"),
        HousingModule.GESTIONE_SPAZI_COMUNI: QCoreApplication.translate("PathwayLabels", "Managing shared spaces"),
    }[module]


def housing_name(kind: HousingKind) -> str:
    return {
        HousingKind.CO_HOUSING: QCoreApplication.translate("PathwayLabels", "Co-housing"),
        HousingKind.APPARTAMENTO_TRANSIZIONE: QCoreApplication.translate("PathwayLabels", "Transitional apartment"),
        HousingKind.APPARTAMENTO_AUTONOMO: QCoreApplication.translate("PathwayLabels", "Own apartment"),
    }[kind]


def contract_name(contract: ContractType) -> str:
    return {
        ContractType.TIROCINIO: QCoreApplication.translate("PathwayLabels", "Internship"),
        ContractType.TEMPO_DETERMINATO: QCoreApplication.translate("PathwayLabels", "Fixed-term contract"),
        ContractType.TEMPO_INDETERMINATO: QCoreApplication.translate("PathwayLabels", "Permanent contract"),
        ContractType.APPRENDISTATO: QCoreApplication.translate("PathwayLabels", "Apprenticeship"),
        ContractType.AUTONOMO: QCoreApplication.translate("PathwayLabels", "Self-employed"),
    }[contract]


def stage_name(stage: BusinessStage) -> str:
    return {
        BusinessStage.IDEA: QCoreApplication.translate("PathwayLabels", "Idea"),
        BusinessStage.STUDIO_FATTIBILITA: QCoreApplication.translate("PathwayLabels", "Feasibility study"),
        BusinessStage.BUSINESS_PLAN: QCoreApplication.translate("PathwayLabels", "Business plan"),
        BusinessStage.AVVIO: QCoreApplication.translate("PathwayLabels", "Start-up"),
        BusinessStage.ATTIVA: QCoreApplication.translate("PathwayLabels", "Trading"),
    }[stage]


def outcome_name(outcome: Outcome) -> str:
    return {
        Outcome.AUTONOMIA_RAGGIUNTA: QCoreApplication.translate("PathwayLabels", "Autonomy reached"),
        Outcome.TRASFERITO: QCoreApplication.translate("PathwayLabels", "Transferred"),
        Outcome.ABBANDONO: QCoreApplication.translate("PathwayLabels", "Dropped out"),
        Outcome.ALTRO: QCoreApplication.translate("PathwayLabels", "Other"),
    }[outcome]


def agenda_kind_name(kind: AgendaKind) -> str:
    return {
        AgendaKind.AZIONE: QCoreApplication.translate("PathwayLabels", "Plan action"),
        AgendaKind.REVISIONE_PIANO: QCoreApplication.translate("PathwayLabels", "Plan review"),
        AgendaKind.SCADENZA_PERMESSO: QCoreApplication.translate("PathwayLabels", "Permit expiry"),
        AgendaKind.FOLLOW_UP: QCoreApplication.translate("PathwayLabels", "Follow-up"),
    }[kind]


def owner_name(owner: str, operators: Mapping[str, str]) -> str:
    """An action's owner in words: the person, an operator's display name, or the partner's name as typed."""
    if owner == "persona":
        return QCoreApplication.translate("PathwayLabels", "The person")
    return operators.get(owner, owner)


def ladder_text(texts: Mapping[str, str], language: str) -> str:
    """A text of the ladder file in the UI language (Italian when the file has no such language)."""
    return texts.get(language) or texts.get("it") or next(iter(texts.values()), "")


def operator_names(desk: Desk) -> dict[str, str]:
    return {op.id: op.display_name for op in desk.operators()}


def is_coordinator(desk: Desk) -> bool:
    return desk.unlocked and desk.operator is not None and desk.operator.role is Role.COORDINATOR


def show_date(day: dt.date | None) -> str:
    return day.strftime(DATE_FORMAT) if day else ""


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def date_edit(day: dt.date | None = None, parent: QWidget | None = None) -> QDateEdit:
    """A date field with a calendar pop-up (Alt+Down) in the day/month/year order operators write."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setDate(to_qdate(day or dt.date.today()))
    return edit


def refusal_text(error: ValidationError, language: str) -> str:
    """The sentence for a domain refusal code, to show next to the field it concerns. Codes the shared catalogue
    does not word yet are worded here."""
    key = f"validation.{error.code}"
    sentence = messages.text(key, language, **error.params)
    if sentence != key:
        return sentence
    local = {
        "text_missing": QCoreApplication.translate("PathwayLabels", "this field cannot be empty"),
        "duration_range": QCoreApplication.translate(
            "PathwayLabels", "the duration must be between 1 minute and 12 hours"
        ),
        "module_missing": QCoreApplication.translate("PathwayLabels", "choose the module of the housing accompaniment"),
        "module_not_allowed": QCoreApplication.translate(
            "PathwayLabels", "a module belongs only to housing accompaniment"
        ),
        "value_negative": QCoreApplication.translate("PathwayLabels", "the value cannot be negative"),
        "hours_range": QCoreApplication.translate("PathwayLabels", "weekly hours must be between 0 and 60"),
        "certificate_not_completed": QCoreApplication.translate(
            "PathwayLabels", "a certificate needs the course completed"
        ),
        "review_before_plan": QCoreApplication.translate(
            "PathwayLabels", "the review is dated before the plan was made"
        ),
        "review_order": QCoreApplication.translate("PathwayLabels", "the review is dated before the latest review"),
    }
    return local.get(
        error.code, QCoreApplication.translate("PathwayLabels", "value not accepted ({0})").format(error.code)
    )


def form_label(form: QFormLayout, row: int, text: str, buddy: QWidget) -> None:
    """Set the label of a form row (rows are added with an empty label, texts set in ``retranslate``)."""
    item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
    label = item.widget() if item is not None else None
    if isinstance(label, QLabel):
        label.setText(text)
        label.setBuddy(buddy)


class CasePanel(QWidget):
    """Base of the widgets that show one case: call ``set_case`` then ``refresh``; ``changed`` is emitted after
    each write (connect it to the other panels' ``refresh``). Reads and writes go to the runner's database worker;
    results come back on the main thread."""

    changed = Signal()
    read_only = False  # a case transferred away: all of it shown, nothing editable (the service refuses writes too)

    def __init__(
        self,
        desk: Desk,
        runner: TaskRunner,
        errors: ErrorDialog,
        language: Callable[[], str],
        case_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._errors = errors
        self._language = language
        self.case_id = case_id

    def set_case(self, case_id: str | None) -> None:
        self.case_id = case_id
        self.refresh()

    def refresh(self) -> None:
        """Reload what the panel shows for the current case (subclasses)."""

    def set_read_only(self, read_only: bool) -> None:
        """Show the case for reading only: the edit controls are disabled, what the panel shows stays readable
        (lists scroll, items can be selected). Back to editable, the controls are enabled again and the panel's
        own rules (a closed case, a role) apply at its next refresh."""
        was, self.read_only = self.read_only, read_only
        if was and not read_only:
            for widget in self.edit_controls():
                widget.setEnabled(True)
        self._apply_read_only()

    def edit_controls(self) -> list[QWidget]:
        """The widgets that write (subclasses): disabled while the case is read only."""
        return []

    def _apply_read_only(self) -> None:
        if self.read_only:
            for widget in self.edit_controls():
                widget.setEnabled(False)

    def clear(self) -> None:
        """Forget the case and everything shown of it (on lock: nothing personal stays on screen)."""
        self.case_id = None
        self._forget()

    def _forget(self) -> None:
        """Drop the data read for the case and show the empty panel (subclasses)."""

    def retranslate(self) -> None:
        """Set every text in the UI language (subclasses)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _load(self, work: Callable[[str], object], show: Callable[[object], None]) -> None:
        """Run ``work(case_id)`` on the database worker; ``show`` gets the result unless the case changed since."""
        case_id = self.case_id
        if case_id is None or not self._desk.unlocked:
            return

        def arrived(result: object) -> None:
            if case_id == self.case_id and self._desk.unlocked:
                show(result)
                self._apply_read_only()

        self._runner.run_database(lambda: work(case_id), arrived)

    def _write(self, work: Callable[[], object], on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run a write on the database worker, then refresh and tell the other panels."""

        def done(_result: object) -> None:
            self.refresh()
            self.changed.emit()

        self._runner.run_database(work, done, on_error or self._errors.show)


class ReasonDialog(QDialog):
    """Asks for a reason that cannot be left empty; ``reason()`` is the text once accepted."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.prompt_label = QLabel(prompt)
        self.prompt_label.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(90)
        self.message = FieldMessage()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt_label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.reason_edit.setFocus()

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def accept(self) -> None:
        if not self.reason():
            self.message.say(self.tr("Write the reason: it is recorded with the change."))
            self.reason_edit.setFocus()
            return
        super().accept()
