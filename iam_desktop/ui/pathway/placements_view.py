"""Placements of a case (inserimenti): the list of housing, work, training and self-entrepreneurship placements,
and one dialog per kind to add them or to change one (a double click opens it, e.g. to record the end). The housing
dialog carries the household budget of the economia domestica module — income, rent, utilities, food, other — and
shows the monthly balance live, in red when the household cannot hold the tenancy as things stand. The domain's
refusals (end before start, overlapping housing, a certificate for a course not completed …) are said in the
dialog, next to what they concern."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.domain import placements as rules
from iam_desktop.domain.errors import ValidationError
from iam_desktop.domain.placements import (
    BusinessStage,
    ContractType,
    HouseholdBudget,
    HousingKind,
    HousingPlacement,
    Placement,
    SelfEmploymentPlacement,
    TrainingPlacement,
    WorkPlacement,
)

from ..widgets import FieldMessage, heading
from .common import (
    ERROR_COLOUR,
    OK_COLOUR,
    CasePanel,
    contract_name,
    date_edit,
    from_qdate,
    housing_name,
    refusal_text,
    show_date,
    stage_name,
    to_qdate,
)

HOUSING, WORK, TRAINING, BUSINESS = "housing", "work", "training", "business"
KIND_OF: dict[type, str] = {
    HousingPlacement: HOUSING, WorkPlacement: WORK, TrainingPlacement: TRAINING, SelfEmploymentPlacement: BUSINESS,
}  # fmt: skip


def money() -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0, 100_000)
    spin.setDecimals(2)
    spin.setSingleStep(10)
    spin.setSuffix(" €")
    spin.setMinimumWidth(140)
    return spin


def euro(value: Decimal) -> str:
    """An amount as Italian write it: decimal comma, thin space between thousands."""
    return f"{value:,.2f} €".replace(",", "\u2009").replace(".", ",")


class OptionalEnd(QWidget):
    """An end date that may not be known yet: a check box "ended / ends on" and the date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox()
        self.date = date_edit()
        self.date.setEnabled(False)
        self.check.toggled.connect(self.date.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.date)
        row.addStretch(1)

    def value(self) -> dt.date | None:
        return from_qdate(self.date.date()) if self.check.isChecked() else None

    def set_value(self, day: dt.date | None) -> None:
        self.check.setChecked(day is not None)
        if day is not None:
            self.date.setDate(to_qdate(day))


class PlacementDialog(QDialog):
    """Adds (or changes, when ``existing`` is given) one placement of ``kind``."""

    def __init__(
        self, kind: str, case_id: str, placements: list[Placement], existing: Placement | None = None,
        parent: QWidget | None = None, language: str = "it",
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.kind = kind
        self._case_id = case_id
        self._placements = placements
        self._existing = existing
        self._language = language
        self.placement: Placement | None = None
        self.setMinimumWidth(560)
        self.form = QFormLayout()
        self.start_edit: QDateEdit = date_edit()
        self.end = OptionalEnd()
        self.end.check.setText(self.tr("ends on"))
        self.message = FieldMessage()
        {HOUSING: self._housing, WORK: self._work, TRAINING: self._training, BUSINESS: self._business}[kind]()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if existing is not None:
            self._fill(existing)

    def _dates(self) -> None:
        self.form.addRow(self.tr("&From:"), self.start_edit)
        self.form.addRow(self.tr("&To:"), self.end)

    def _housing(self) -> None:
        self.setWindowTitle(self.tr("Housing placement"))
        self.housing_combo = QComboBox()
        for kind in HousingKind:
            self.housing_combo.addItem(housing_name(kind), kind.value)
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(self.tr("co-housing unit or address"))
        self.rent_spin = money()
        self.form.addRow(self.tr("&Kind:"), self.housing_combo)
        self.form.addRow(self.tr("&Place:"), self.place_edit)
        self._dates()
        self.form.addRow(self.tr("&Rent paid by the person (month):"), self.rent_spin)
        self.budget_box = QGroupBox(self.tr("Household budget (domestic economy), per month"))
        self.budget_box.setCheckable(True)
        self.budget_box.setChecked(False)
        self.budget = {name: money() for name in ("income", "rent", "utilities", "food", "other")}
        budget_form = QFormLayout(self.budget_box)
        labels = (self.tr("Income:"), self.tr("Rent:"), self.tr("Utilities:"), self.tr("Food:"), self.tr("Other:"))
        for label, spin in zip(labels, self.budget.values(), strict=True):
            budget_form.addRow(label, spin)
            spin.valueChanged.connect(lambda _v: self.show_balance())
        self.balance_label = QLabel()
        budget_form.addRow(self.tr("Balance:"), self.balance_label)
        self.form.addRow(self.budget_box)
        self.show_balance()

    def household_budget(self) -> HouseholdBudget:
        values = {name: Decimal(str(round(spin.value(), 2))) for name, spin in self.budget.items()}
        return HouseholdBudget(**values)

    def show_balance(self) -> None:
        balance = self.household_budget().balance
        self.balance_label.setText(euro(balance))
        colour = ERROR_COLOUR if balance < 0 else OK_COLOUR
        self.balance_label.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def _work(self) -> None:
        self.setWindowTitle(self.tr("Work placement"))
        self.employer_edit = QLineEdit()
        self.contract_combo = QComboBox()
        for contract in ContractType:
            self.contract_combo.addItem(contract_name(contract), contract.value)
        self.hours_spin = QDoubleSpinBox()
        self.hours_spin.setRange(0, rules.MAX_WEEKLY_HOURS)
        self.hours_spin.setDecimals(1)
        self.form.addRow(self.tr("&Employer:"), self.employer_edit)
        self.form.addRow(self.tr("&Contract:"), self.contract_combo)
        self._dates()
        self.form.addRow(self.tr("&Hours a week:"), self.hours_spin)

    def _training(self) -> None:
        self.setWindowTitle(self.tr("Training"))
        self.course_edit = QLineEdit()
        self.provider_edit = QLineEdit()
        self.planned_spin = QSpinBox()
        self.attended_spin = QSpinBox()
        for spin in (self.planned_spin, self.attended_spin):
            spin.setRange(0, 5000)
        self.completed_check = QCheckBox(self.tr("course completed"))
        self.certificate_edit = QLineEdit()
        self.certificate_edit.setPlaceholderText(self.tr("e.g. attestato di frequenza; empty when none"))
        self.form.addRow(self.tr("&Course:"), self.course_edit)
        self.form.addRow(self.tr("&Provider:"), self.provider_edit)
        self._dates()
        self.form.addRow(self.tr("Hours &planned:"), self.planned_spin)
        self.form.addRow(self.tr("Hours &attended:"), self.attended_spin)
        self.form.addRow("", self.completed_check)
        self.form.addRow(self.tr("Cer&tificate:"), self.certificate_edit)

    def _business(self) -> None:
        self.setWindowTitle(self.tr("Self-entrepreneurship"))
        self.idea_edit = QLineEdit()
        self.stage_combo = QComboBox()
        for stage in BusinessStage:
            self.stage_combo.addItem(stage_name(stage), stage.value)
        self.mentoring_edit = QLineEdit()
        self.mentoring_edit.setPlaceholderText(self.tr("dates of the sessions, e.g. 03/02/2026, 17/02/2026"))
        self.applied_spin = money()
        self.obtained_spin = money()
        self.form.addRow(self.tr("&Business idea:"), self.idea_edit)
        self.form.addRow(self.tr("&Stage:"), self.stage_combo)
        self._dates()
        self.form.addRow(self.tr("&Mentoring sessions:"), self.mentoring_edit)
        self.form.addRow(self.tr("Funding &applied for:"), self.applied_spin)
        self.form.addRow(self.tr("Funding &obtained:"), self.obtained_spin)

    def _fill(self, p: Placement) -> None:
        self.start_edit.setDate(to_qdate(p.start))
        self.end.set_value(p.end)
        if isinstance(p, HousingPlacement):
            self.housing_combo.setCurrentIndex(self.housing_combo.findData(p.kind.value))
            self.place_edit.setText(p.place)
            self.rent_spin.setValue(float(p.rent_contribution))
            if p.budget is not None:
                self.budget_box.setChecked(True)
                for name, spin in self.budget.items():
                    spin.setValue(float(getattr(p.budget, name)))
        elif isinstance(p, WorkPlacement):
            self.employer_edit.setText(p.employer)
            self.contract_combo.setCurrentIndex(self.contract_combo.findData(p.contract.value))
            self.hours_spin.setValue(float(p.weekly_hours))
        elif isinstance(p, TrainingPlacement):
            self.course_edit.setText(p.course)
            self.provider_edit.setText(p.provider)
            self.planned_spin.setValue(p.hours_planned)
            self.attended_spin.setValue(p.hours_attended)
            self.completed_check.setChecked(p.completed)
            self.certificate_edit.setText(p.certificate)
        else:
            self.idea_edit.setText(p.idea)
            self.stage_combo.setCurrentIndex(self.stage_combo.findData(p.stage.value))
            self.mentoring_edit.setText(", ".join(show_date(d) for d in p.mentoring_sessions))
            self.applied_spin.setValue(float(p.funding_applied or 0))
            self.obtained_spin.setValue(float(p.funding_obtained or 0))

    def build(self) -> Placement:
        """The placement as typed; raises ``ValidationError`` for what the form itself can tell."""
        ident = self._existing.placement_id if self._existing else str(uuid.uuid4())
        start, end = from_qdate(self.start_edit.date()), self.end.value()
        if self.kind == HOUSING:
            if not self.place_edit.text().strip():
                raise ValidationError("placement.place", "text_missing")
            budget = self.household_budget() if self.budget_box.isChecked() else None
            return HousingPlacement(ident, self._case_id, HousingKind(self.housing_combo.currentData()),
                                    self.place_edit.text().strip(), start, end,
                                    Decimal(str(round(self.rent_spin.value(), 2))), budget)  # fmt: skip
        if self.kind == WORK:
            if not self.employer_edit.text().strip():
                raise ValidationError("placement.employer", "text_missing")
            return WorkPlacement(ident, self._case_id, self.employer_edit.text().strip(),
                                 ContractType(self.contract_combo.currentData()), start, end,
                                 Decimal(str(round(self.hours_spin.value(), 1))))  # fmt: skip
        if self.kind == TRAINING:
            if not self.course_edit.text().strip():
                raise ValidationError("placement.course", "text_missing")
            return TrainingPlacement(ident, self._case_id, self.course_edit.text().strip(),
                                     self.provider_edit.text().strip(), start, end, self.planned_spin.value(),
                                     self.attended_spin.value(), self.completed_check.isChecked(),
                                     self.certificate_edit.text().strip())  # fmt: skip
        if not self.idea_edit.text().strip():
            raise ValidationError("placement.idea", "text_missing")
        sessions = []
        for part in filter(None, (p.strip() for p in self.mentoring_edit.text().split(","))):
            try:
                sessions.append(dt.datetime.strptime(part, "%d/%m/%Y").date())
            except ValueError:
                raise ValidationError("placement.mentoring_sessions", "date_format", value=part) from None
        applied, obtained = self.applied_spin.value(), self.obtained_spin.value()
        return SelfEmploymentPlacement(ident, self._case_id, self.idea_edit.text().strip(),
                                       BusinessStage(self.stage_combo.currentData()), start, end, tuple(sessions),
                                       Decimal(str(applied)) if applied else None,
                                       Decimal(str(obtained)) if obtained else None)  # fmt: skip

    def accept(self) -> None:
        self.message.clear_message()
        try:
            placement = self.build()
            rules.validate_placement(placement, self._placements)
        except ValidationError as error:
            self.say(error)
            return
        self.placement = placement
        super().accept()

    def say(self, error: ValidationError) -> None:
        self.message.say(refusal_text(error, self._language))


class PlacementsView(CasePanel):
    """The placements of one case and the buttons that add them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.placements: list[Placement] = []
        self.dialog: PlacementDialog | None = None
        self.title_label = heading(size_delta=4)
        self.add_buttons = {kind: QPushButton() for kind in (HOUSING, WORK, TRAINING, BUSINESS)}
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setColumnCount(5)
        for column, width in enumerate((170, 380, 95, 95)):
            self.tree.setColumnWidth(column, width)
        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        for kind, button in self.add_buttons.items():
            top.addWidget(button)
            button.clicked.connect(lambda _c=False, k=kind: self.add(k))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        self.tree.itemActivated.connect(lambda item, _col: self.edit(item.data(0, Qt.ItemDataRole.UserRole)))
        self.retranslate()
        if self.case_id:
            self.refresh()

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Placements"))
        texts = {HOUSING: self.tr("+ &Housing…"), WORK: self.tr("+ &Work…"), TRAINING: self.tr("+ &Training…"),
                 BUSINESS: self.tr("+ &Self-entrepreneurship…")}  # fmt: skip
        for kind, button in self.add_buttons.items():
            button.setText(texts[kind])
        self.tree.setHeaderLabels([self.tr("Kind"), self.tr("Where / what"), self.tr("From"), self.tr("To"),
                                   self.tr("Details")])  # fmt: skip
        self._show()

    def _forget(self) -> None:
        self.placements = []
        self._show()

    def refresh(self) -> None:
        self._load(self._desk.pathway.placements, self._loaded)

    def _loaded(self, result: object) -> None:
        assert isinstance(result, list)
        self.placements = result
        self._show()

    def describe(self, p: Placement) -> tuple[str, str, str]:
        """(kind, where/what, details) of a placement in words."""
        if isinstance(p, HousingPlacement):
            details = self.tr("rent {0}").format(euro(p.rent_contribution))
            if p.budget is not None:
                details += " · " + self.tr("budget balance {0}").format(euro(p.budget.balance))
            return housing_name(p.kind), p.place, details
        if isinstance(p, WorkPlacement):
            return contract_name(p.contract), p.employer, self.tr("{0} h a week").format(p.weekly_hours)
        if isinstance(p, TrainingPlacement):
            done = self.tr("completed") if p.completed else self.tr("{0}/{1} h attended").format(
                p.hours_attended, p.hours_planned)  # fmt: skip
            extra = f" · {p.certificate}" if p.certificate else ""
            return self.tr("Training"), f"{p.course} ({p.provider})" if p.provider else p.course, done + extra
        details = self.tr("stage: {0}; {1} mentoring sessions").format(stage_name(p.stage), len(p.mentoring_sessions))
        if p.funding_obtained:
            details += " · " + self.tr("funding obtained {0}").format(euro(p.funding_obtained))
        return self.tr("Self-entrepreneurship"), p.idea, details

    def _show(self) -> None:
        self.tree.clear()
        for p in sorted(self.placements, key=lambda p: p.start, reverse=True):
            kind, what, details = self.describe(p)
            item = QTreeWidgetItem([kind, what, show_date(p.start), show_date(p.end), details])
            item.setData(0, Qt.ItemDataRole.UserRole, p.placement_id)
            item.setToolTip(4, details)
            self.tree.addTopLevelItem(item)

    def add(self, kind: str) -> None:
        self._open(kind, None)

    def edit_controls(self) -> list[QWidget]:
        return list(self.add_buttons.values())

    def edit(self, placement_id: str) -> None:
        existing = next((p for p in self.placements if p.placement_id == placement_id), None)
        if existing is not None and not self.read_only:  # read only: the list's columns show it all
            self._open(KIND_OF[type(existing)], existing)

    def _open(self, kind: str, existing: Placement | None) -> None:
        if self.case_id is None:
            return
        dialog = PlacementDialog(kind, self.case_id, self.placements, existing, self, self._language())
        dialog.accepted.connect(lambda: self.save(dialog.placement) if dialog.placement else None)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.dialog = dialog
        dialog.open()

    def save(self, placement: Placement) -> None:
        case_id = self.case_id
        if case_id is not None:
            self._write(lambda: self._desk.pathway.add_placement(case_id, placement))
