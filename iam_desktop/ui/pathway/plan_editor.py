"""The individual plan editor (progetto individualizzato / patto): the goals of the case grouped by axis (lavoro,
abitazione, sociale, formazione, salute e documenti) with their actions — description, owner (the person, an
operator or a partner named as typed), due date, status and outcome, the outcome being required once an action is
done or cancelled — and the periodic reviews with a date and a note. Everything is typed in the forms on the right
and saved with Enter; each problem is said next to its field, first by the domain's own rules (checked before
asking), then by the service's refusal. "Stampa progetto" asks the language and shows the bilingual plan PDF."""

from __future__ import annotations

import datetime as dt
import importlib
import shutil
import tempfile
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.domain import plan as rules
from iam_desktop.domain.errors import ValidationError
from iam_desktop.domain.plan import Action, ActionStatus, Axis, Goal, Plan, Review
from iam_desktop.services.documents import print_languages

from ..widgets import FieldMessage, heading
from .common import (
    ERROR_COLOUR,
    MUTED_STYLE,
    CasePanel,
    axis_name,
    date_edit,
    form_label,
    from_qdate,
    operator_names,
    owner_name,
    refusal_text,
    show_date,
    status_name,
    to_qdate,
)


def _shared_preview() -> Any:
    """The app's PDF preview module (QtPdf), or None where it is not part of this build."""
    try:
        return importlib.import_module("iam_desktop.ui.pdf_preview")
    except ImportError:
        return None


LANGUAGE_NAMES = {"it": "italiano", "en": "English", "fr": "français", "ar": "العربية"}


class PlanEditor(CasePanel):
    """Goals, actions and reviews of one case's plan, and its printing."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plan: Plan | None = None
        self.operators: dict[str, str] = {}
        self.editing_action: str | None = None
        self.previews: list[QWidget] = []
        self.last_pdf: Path | None = None
        self.title_label = heading(size_delta=4)
        self.title_label.setWordWrap(False)
        self.made_label = QLabel()
        self.made_label.setStyleSheet(MUTED_STYLE)
        self.print_button = QPushButton()
        self.tree = QTreeWidget()
        self.tree.setColumnCount(5)
        for column, width in enumerate((440, 160, 90, 90)):
            self.tree.setColumnWidth(column, width)
        self.reviews_title = QLabel()
        self.reviews = QTreeWidget()
        self.reviews.setRootIsDecorated(False)
        self.reviews.setColumnCount(3)
        self.reviews.setColumnWidth(0, 95)
        self.reviews.setColumnWidth(1, 150)
        self.reviews.setMaximumHeight(150)

        self.goal_box = QGroupBox()
        self.axis_combo = QComboBox()
        for axis in Axis:
            self.axis_combo.addItem("", axis.value)
        self.goal_edit = QLineEdit()
        self.goal_message = FieldMessage()
        self.goal_button = QPushButton()
        self.goal_form = QFormLayout(self.goal_box)
        self.goal_form.addRow(QLabel(), self.axis_combo)
        self.goal_form.addRow(QLabel(), self.goal_edit)
        self.goal_form.addRow("", self.goal_message)
        self.goal_form.addRow("", self.goal_button)

        self.action_box = QGroupBox()
        self.goal_combo = QComboBox()
        self.action_edit = QLineEdit()
        self.owner_combo = QComboBox()
        self.owner_combo.setEditable(True)
        self.owner_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.due_edit = date_edit()
        self.status_combo = QComboBox()
        for status in ActionStatus:
            self.status_combo.addItem("", status.value)
        self.outcome_edit = QLineEdit()
        self.action_messages = {key: FieldMessage() for key in ("goal", "description", "owner", "due", "outcome")}
        self.action_button = QPushButton()
        self.new_action_button = QPushButton()
        self.action_form = QFormLayout(self.action_box)
        for key, field in (("goal", self.goal_combo), ("description", self.action_edit), ("owner", self.owner_combo),
                           ("due", self.due_edit)):  # fmt: skip
            self.action_form.addRow(QLabel(), field)
            self.action_form.addRow("", self.action_messages[key])
        self.action_form.addRow(QLabel(), self.status_combo)
        self.action_form.addRow(QLabel(), self.outcome_edit)
        self.action_form.addRow("", self.action_messages["outcome"])
        action_buttons = QHBoxLayout()
        action_buttons.addWidget(self.action_button)
        action_buttons.addWidget(self.new_action_button)
        action_buttons.addStretch(1)
        self.action_form.addRow("", action_buttons)

        self.review_box = QGroupBox()
        self.review_date = date_edit()
        self.review_note = QLineEdit()
        self.review_message = FieldMessage()
        self.review_button = QPushButton()
        self.review_form = QFormLayout(self.review_box)
        self.review_form.addRow(QLabel(), self.review_date)
        self.review_form.addRow(QLabel(), self.review_note)
        self.review_form.addRow("", self.review_message)
        self.review_form.addRow("", self.review_button)

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addWidget(self.made_label, 1)
        top.addWidget(self.print_button)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.tree, 1)
        left_column.addWidget(self.reviews_title)
        left_column.addWidget(self.reviews)
        right = QWidget()
        right.setMinimumWidth(420)
        right.setMaximumWidth(520)
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self.goal_box)
        right_column.addWidget(self.action_box)
        right_column.addWidget(self.review_box)
        right_column.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.goal_edit.returnPressed.connect(self.add_goal)
        self.goal_button.clicked.connect(self.add_goal)
        self.action_edit.returnPressed.connect(self.save_action)
        self.outcome_edit.returnPressed.connect(self.save_action)
        self.action_button.clicked.connect(self.save_action)
        self.new_action_button.clicked.connect(self.new_action)
        self.review_note.returnPressed.connect(self.add_review)
        self.review_button.clicked.connect(self.add_review)
        self.status_combo.currentIndexChanged.connect(lambda _i: self._outcome_hint())
        self.tree.currentItemChanged.connect(lambda item, _prev: self._picked(item))
        self.print_button.clicked.connect(lambda: self.print_plan())
        self.retranslate()
        if self.case_id:
            self.refresh()

    # -- texts ---------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Individual plan"))
        self.print_button.setText(self.tr("&Print the plan…"))
        self.tree.setHeaderLabels([self.tr("Goal / action"), self.tr("Owner"), self.tr("Due"), self.tr("Status"),
                                   self.tr("Outcome")])  # fmt: skip
        self.reviews_title.setText(self.tr("Reviews with the person"))
        self.reviews.setHeaderLabels([self.tr("Date"), self.tr("Operator"), self.tr("Note")])
        self.goal_box.setTitle(self.tr("New goal"))
        form_label(self.goal_form, 0, self.tr("A&xis:"), self.axis_combo)
        form_label(self.goal_form, 1, self.tr("&Goal:"), self.goal_edit)
        self.goal_edit.setPlaceholderText(self.tr("e.g. a first work contract"))
        self.goal_button.setText(self.tr("Add goal"))
        for i, axis in enumerate(Axis):
            self.axis_combo.setItemText(i, axis_name(axis))
        self.action_box.setTitle(self.tr("Action"))
        for row, text, field in ((0, self.tr("For &goal:"), self.goal_combo),
                                 (2, self.tr("&Action:"), self.action_edit),
                                 (4, self.tr("&Owner:"), self.owner_combo),
                                 (6, self.tr("D&ue:"), self.due_edit),
                                 (8, self.tr("&Status:"), self.status_combo),
                                 (9, self.tr("Ou&tcome:"), self.outcome_edit)):  # fmt: skip
            form_label(self.action_form, row, text, field)
        self.action_edit.setPlaceholderText(self.tr("what is to be done"))
        owner_line = self.owner_combo.lineEdit()
        if owner_line is not None:
            owner_line.setPlaceholderText(self.tr("the person, an operator or a partner's name"))
        for i, status in enumerate(ActionStatus):
            self.status_combo.setItemText(i, status_name(status))
        self.new_action_button.setText(self.tr("New action"))
        self.review_box.setTitle(self.tr("New review"))
        form_label(self.review_form, 0, self.tr("&Date:"), self.review_date)
        form_label(self.review_form, 1, self.tr("&Note:"), self.review_note)
        self.review_button.setText(self.tr("Add review"))
        self._outcome_hint()
        self._show()

    def _outcome_hint(self) -> None:
        closed = not ActionStatus(self.status_combo.currentData()).is_open
        self.outcome_edit.setPlaceholderText(
            self.tr("required: what came of it") if closed else self.tr("when done or cancelled")
        )
        self.action_button.setText(self.tr("Save action") if self.editing_action else self.tr("Add action"))

    # -- loading and showing -------------------------------------------------------------------------------

    def _forget(self) -> None:
        self.plan, self.operators, self.editing_action = None, {}, None
        for field in (self.goal_edit, self.action_edit, self.outcome_edit, self.review_note):
            field.clear()
        self.owner_combo.setEditText("")
        self._show()

    def edit_controls(self) -> list[QWidget]:
        return [self.goal_box, self.action_box, self.review_box]

    def refresh(self) -> None:
        self._load(lambda case_id: (self._desk.pathway.plan(case_id), operator_names(self._desk)), self._loaded)

    def _loaded(self, result: object) -> None:
        assert isinstance(result, tuple)
        self.plan, self.operators = result
        self._show()

    def _show(self) -> None:
        plan = self.plan
        self.made_label.setText(
            self.tr("agreed on {0}").format(show_date(plan.made)) if plan else self.tr("no plan yet: add a first goal")
        )
        self.print_button.setEnabled(plan is not None)
        current_owner = self.owner_combo.currentText()
        self.owner_combo.clear()
        self.owner_combo.addItem(owner_name("persona", {}), "persona")
        for op_id, name in sorted(self.operators.items(), key=lambda kv: kv[1]):
            self.owner_combo.addItem(name, op_id)
        self.owner_combo.setEditText(current_owner or owner_name("persona", {}))
        selected_goal = self.goal_combo.currentData()
        self.goal_combo.clear()
        self.tree.clear()
        self.reviews.clear()
        if plan is None:
            return
        bold = QFont(self.tree.font())
        bold.setBold(True)
        today = dt.date.today()
        for axis in Axis:
            goals = plan.goals_on(axis)
            if not goals:
                continue
            axis_item = QTreeWidgetItem([axis_name(axis)])
            axis_item.setFont(0, bold)
            axis_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(axis_item)
            for goal in goals:
                self.goal_combo.addItem(f"{axis_name(axis)} · {goal.description}", goal.goal_id)
                goal_item = QTreeWidgetItem(axis_item, [goal.description])
                goal_item.setData(0, Qt.ItemDataRole.UserRole, ("goal", goal.goal_id))
                for action in goal.actions:
                    item = QTreeWidgetItem(goal_item, [
                        action.description, owner_name(action.owner, self.operators), show_date(action.due),
                        status_name(action.status), action.outcome,
                    ])  # fmt: skip
                    item.setData(0, Qt.ItemDataRole.UserRole, ("action", action.action_id))
                    item.setToolTip(4, action.outcome)
                    if action.status.is_open and action.due < today:
                        item.setForeground(2, QBrush(QColor(ERROR_COLOUR)))
                        item.setToolTip(2, self.tr("overdue"))
        self.tree.expandAll()
        if selected_goal is not None and self.goal_combo.findData(selected_goal) >= 0:
            self.goal_combo.setCurrentIndex(self.goal_combo.findData(selected_goal))
        for review in plan.reviews:
            item = QTreeWidgetItem([show_date(review.date), self.operators.get(review.operator_id, "?"), review.note])
            item.setToolTip(2, review.note)
            self.reviews.addTopLevelItem(item)

    def _picked(self, item: QTreeWidgetItem | None) -> None:
        data = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if not data or self.plan is None:
            return
        kind, ident = data
        if kind == "goal":
            self.goal_combo.setCurrentIndex(self.goal_combo.findData(ident))
            return
        for goal, action in self.plan.actions():
            if action.action_id == ident:
                self.editing_action = ident
                self.goal_combo.setCurrentIndex(self.goal_combo.findData(goal.goal_id))
                self.action_edit.setText(action.description)
                self.owner_combo.setEditText(owner_name(action.owner, self.operators))
                self.due_edit.setDate(to_qdate(action.due))
                self.status_combo.setCurrentIndex(self.status_combo.findData(action.status.value))
                self.outcome_edit.setText(action.outcome)
                self._outcome_hint()

    # -- editing -------------------------------------------------------------------------------------------

    def _plan_or_new(self) -> Plan:
        if self.plan is not None:
            return self.plan
        operator = self._desk.operator
        return Plan(str(uuid.uuid4()), self.case_id or "", dt.date.today(), operator.id if operator else "")

    def add_goal(self) -> None:
        self.goal_message.clear_message()
        description = self.goal_edit.text().strip()
        if not description:
            self.goal_message.say(self.tr("Write the goal."))
            self.goal_edit.setFocus()
            return
        goal = Goal(str(uuid.uuid4()), Axis(self.axis_combo.currentData()), description)
        try:
            updated = rules.add_goal(self._plan_or_new(), goal)
        except ValidationError as error:
            self.goal_message.say(refusal_text(error, self._language()))
            return
        self.goal_edit.clear()
        self._save(updated, select_goal=goal.goal_id)
        self.action_edit.setFocus()

    def _owner(self) -> str:
        text = self.owner_combo.currentText().strip()
        index = self.owner_combo.findText(text, Qt.MatchFlag.MatchFixedString)
        return str(self.owner_combo.itemData(index)) if index >= 0 else text

    def new_action(self) -> None:
        self.editing_action = None
        self.tree.clearSelection()
        self.action_edit.clear()
        self.outcome_edit.clear()
        self.status_combo.setCurrentIndex(0)
        self.due_edit.setDate(to_qdate(dt.date.today() + dt.timedelta(days=14)))
        for message in self.action_messages.values():
            message.clear_message()
        self._outcome_hint()
        self.action_edit.setFocus()

    def save_action(self) -> None:
        for message in self.action_messages.values():
            message.clear_message()
        goal_id = self.goal_combo.currentData()
        if self.plan is None or goal_id is None:
            self.action_messages["goal"].say(self.tr("Add a goal first: every action serves a goal."))
            return
        action = Action(
            self.editing_action or str(uuid.uuid4()), self.action_edit.text().strip(), self._owner(),
            from_qdate(self.due_edit.date()), ActionStatus(self.status_combo.currentData()),
            self.outcome_edit.text().strip(),
        )  # fmt: skip
        try:
            if self.editing_action:
                updated = rules.update_action(self.plan, action)
                updated = self._move_to_goal(updated, action, str(goal_id))
            else:
                updated = rules.add_action(self.plan, str(goal_id), action)
        except ValidationError as error:
            self._action_refused(error)
            return
        self._save(updated, select_goal=str(goal_id))
        self.new_action()

    @staticmethod
    def _move_to_goal(plan: Plan, action: Action, goal_id: str) -> Plan:
        """The action under ``goal_id`` (the operator may have picked another goal while editing)."""
        goals = []
        for goal in plan.goals:
            kept = tuple(a for a in goal.actions if a.action_id != action.action_id)
            if goal.goal_id == goal_id:
                kept = tuple(a if a.action_id != action.action_id else action for a in goal.actions)
                if all(a.action_id != action.action_id for a in kept):
                    kept = (*kept, action)
            goals.append(replace(goal, actions=kept))
        return replace(plan, goals=tuple(goals))

    def _action_refused(self, error: ValidationError) -> None:
        field = error.field.rsplit(".", 1)[-1]
        widgets = {"description": self.action_edit, "owner": self.owner_combo, "due": self.due_edit,
                   "outcome": self.outcome_edit}  # fmt: skip
        message = self.action_messages.get(field, self.action_messages["description"])
        message.say(refusal_text(error, self._language()))
        widgets.get(field, self.action_edit).setFocus()

    def add_review(self) -> None:
        self.review_message.clear_message()
        if self.plan is None:
            self.review_message.say(self.tr("Add a goal first: a review looks at a plan."))
            return
        operator = self._desk.operator
        review = Review(from_qdate(self.review_date.date()), self.review_note.text().strip(),
                        operator.id if operator else "")  # fmt: skip
        try:
            updated = rules.add_review(self.plan, review)
        except ValidationError as error:
            self.review_message.say(refusal_text(error, self._language()))
            return
        self.review_note.clear()
        self._save(updated)

    def _save(self, plan: Plan, select_goal: str | None = None) -> None:
        case_id = self.case_id
        if case_id is None:
            return
        self.plan = plan  # shown at once; the reload after the write confirms it
        self._show()
        if select_goal is not None:
            self.goal_combo.setCurrentIndex(self.goal_combo.findData(select_goal))

        def refused(error: BaseException) -> None:
            self.refresh()
            if isinstance(error, ValidationError) and error.field.startswith("action"):
                self._action_refused(error)
            else:
                self._errors.show(error)

        self._write(lambda: self._desk.pathway.save_plan(case_id, plan), refused)

    # -- printing ------------------------------------------------------------------------------------------

    def ask_language(self) -> str | None:
        codes = list(print_languages())
        items = [f"{LANGUAGE_NAMES.get(code, code)} ({code})" for code in codes]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Language of the plan"), self.tr("The plan is printed in Italian and in:"), items,
            1 if len(items) > 1 else 0, False,
        )  # fmt: skip
        return codes[items.index(choice)] if ok and choice in items else None

    def print_plan(self, language: str | None = None) -> None:
        """Print the plan in Italian and ``language`` (asked when not given), then preview or save it."""
        case_id = self.case_id
        if case_id is None or self.plan is None:
            return
        language = language or self.ask_language()
        if language is None:
            return
        shared = _shared_preview()
        temp = shared.PrivateTempDir() if shared else None
        folder = temp.path if temp else Path(tempfile.mkdtemp(prefix="iam-plan-"))  # private (0700): personal data
        target = folder / f"progetto-{language}.pdf"

        def failed(error: BaseException) -> None:
            shutil.rmtree(folder, ignore_errors=True)
            self._errors.show(error)

        def printed(pdf: Path) -> None:
            self.last_pdf = pdf
            if shared is None:  # no in-app preview: save a copy where the operator chooses
                name, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the plan"), pdf.name, "PDF (*.pdf)")
                if name:
                    shutil.copyfile(pdf, name)
                shutil.rmtree(folder, ignore_errors=True)
                return
            preview = shared.open_pdf(pdf, temp, self.tr("Individual plan"), self.window())
            preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            preview.destroyed.connect(lambda _=None, p=preview: self.previews.remove(p) if p in self.previews else None)
            self.previews.append(preview)
            preview.show()

        documents = self._desk.documents
        self._runner.run_database(lambda: documents.plan(case_id, language, target), printed, failed)
