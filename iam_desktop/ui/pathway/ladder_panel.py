"""The "Percorso" panel of a case: the ladder of the stepped exit pathway as five steps with the current one
highlighted and how long the person has been on it; for the next step (or any step chosen as target) its entry
criteria marked met or missing — facts read from the recorded data say why they are met, checklist items are
check boxes the operator ticks —; the button that moves the case (enabled when the criteria are met), the
coordinator's override with a mandatory reason, a move back with a reason; and the history of transitions with who,
when, from where to where, why and whether it was overridden. All decisions stay in ``desk.pathway``; the panel only
shows what it says."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.domain import pathway as rules
from iam_desktop.domain.closure import state as closure_state
from iam_desktop.domain.errors import PermissionDeniedError, ValidationError
from iam_desktop.domain.placements import CaseFacts, Fact
from iam_desktop.services.desk import Desk

from ..widgets import FieldMessage, heading
from .common import (
    ERROR_COLOUR,
    MUTED_STYLE,
    OK_COLOUR,
    CasePanel,
    ReasonDialog,
    is_coordinator,
    ladder_text,
    operator_names,
    refusal_text,
    show_date,
)

CURRENT_STYLE = "QFrame#step { background: #1565c0; border-radius: 6px; } QFrame#step QLabel { color: white; }"
OTHER_STYLE = "QFrame#step { background: palette(alternate-base); border: 1px solid palette(mid); border-radius: 6px; }"


@dataclass(frozen=True)
class LadderState:
    """What the panel shows of one case, read in one go on the database worker."""

    current: int
    since: dt.date
    transitions: tuple[rules.StepTransition, ...]
    checklist: dict[str, dict[str, Any]]
    facts: CaseFacts
    checks: dict[int, rules.TransitionCheck]
    closed: bool
    operators: dict[str, str]


def read_state(desk: Desk, case_id: str) -> LadderState:
    book = desk.pathway
    transitions = tuple(book.transitions(case_id))
    current = rules.current_step(transitions) or 1
    checklist = book.checklist(case_id)
    facts = book.facts(case_id)
    ladder = book.ladder
    checks = {
        s.number: ladder.evaluate(facts, set(checklist), s.number, current_step=current)
        for s in ladder.steps
        if s.number != current
    }
    since_at = rules.on_step_since(transitions)
    row = desk.cases.row(case_id)
    since = since_at.date() if since_at else (dt.date.fromisoformat(row.opened) if row else dt.date.today())
    closed = closure_state(book.closures(case_id)).is_closed
    return LadderState(current, since, transitions, checklist, facts, checks, closed, operator_names(desk))


class CasePathwayPanel(CasePanel):
    """The ladder, the criteria of the target step, the move buttons and the transitions of one case."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.state: LadderState | None = None
        self.reason_dialog: ReasonDialog | None = None
        self.step_frames: list[tuple[QFrame, QLabel, QLabel, QLabel]] = []
        ladder_row = QHBoxLayout()
        for _ in self._desk.pathway.ladder.steps:
            frame = QFrame()
            frame.setObjectName("step")
            frame.setMinimumHeight(84)
            number, name, days = heading(size_delta=4), QLabel(), QLabel()
            name.setWordWrap(True)
            box = QVBoxLayout(frame)
            box.addWidget(number)
            box.addWidget(name)
            box.addWidget(days)
            box.addStretch(1)
            ladder_row.addWidget(frame, 1)
            self.step_frames.append((frame, number, name, days))
        self.closed_label = QLabel()
        self.closed_label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.target_label = QLabel()
        self.target_combo = QComboBox()
        self.target_label.setBuddy(self.target_combo)
        self.criteria_box = QGroupBox()
        self.criteria_grid = QGridLayout(self.criteria_box)
        self.criteria_grid.setColumnStretch(2, 1)
        self.criteria_widgets: dict[str, QWidget] = {}
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.note_label = QLabel()
        self.note_edit = QLineEdit()
        self.note_label.setBuddy(self.note_edit)
        self.move_button = QPushButton()
        self.override_button = QPushButton()
        self.override_button.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.message = FieldMessage()
        self.history_title = heading(size_delta=2)
        self.history = QTreeWidget()
        self.history.setRootIsDecorated(False)
        self.history.setColumnCount(5)
        for column, width in enumerate((130, 150, 170, 420)):
            self.history.setColumnWidth(column, width)
        self.history.setMinimumHeight(140)

        target_row = QHBoxLayout()
        target_row.addWidget(self.target_label)
        target_row.addWidget(self.target_combo, 1)
        target_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note_label)
        buttons.addWidget(self.note_edit, 1)
        buttons.addWidget(self.move_button)
        buttons.addWidget(self.override_button)
        body = QWidget()
        body_column = QVBoxLayout(body)
        body_column.setContentsMargins(0, 0, 0, 0)
        body_column.addLayout(ladder_row)
        body_column.addWidget(self.closed_label)
        body_column.addLayout(target_row)
        body_column.addWidget(self.criteria_box)
        body_column.addWidget(self.missing_label)
        body_column.addLayout(buttons)
        body_column.addWidget(self.message)
        body_column.addWidget(self.history_title)
        body_column.addWidget(self.history, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.target_combo.currentIndexChanged.connect(self._target_changed)
        self.move_button.clicked.connect(self.request_move)
        self.override_button.clicked.connect(self.request_override)
        self.note_edit.returnPressed.connect(self.request_move)
        self.retranslate()
        if self.case_id:
            self.refresh()

    # -- texts ---------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.target_label.setText(self.tr("&Target step:"))
        self.note_label.setText(self.tr("&Note on the move:"))
        self.note_edit.setPlaceholderText(self.tr("optional going forward"))
        self.override_button.setText(self.tr("Force the move…"))
        self.history_title.setText(self.tr("Transitions"))
        self.history.setHeaderLabels(
            [self.tr("When"), self.tr("From → to"), self.tr("Operator"), self.tr("Reason"), self.tr("Override")]
        )
        self.closed_label.setText(self.tr("The case is closed: reopen it before moving it on the ladder."))
        self._show()

    def _lang(self) -> str:
        return self._language()

    # -- loading -------------------------------------------------------------------------------------------

    def _forget(self) -> None:
        self.state = None
        self.target_combo.clear()
        self._show()

    def refresh(self) -> None:
        self._load(lambda case_id: read_state(self._desk, case_id), self._loaded)

    def _loaded(self, state: object) -> None:
        assert isinstance(state, LadderState)
        previous = self.target_step()
        self.state = state
        self.target_combo.blockSignals(True)
        self.target_combo.clear()
        for step in self._desk.pathway.ladder.steps:
            if step.number != state.current:
                self.target_combo.addItem("", step.number)
        preferred = previous if previous is not None and previous != state.current else None
        default = preferred or min(state.current + 1, self._desk.pathway.ladder.last)
        if default == state.current:
            default = state.current - 1
        self.target_combo.setCurrentIndex(max(0, self.target_combo.findData(default)))
        self.target_combo.blockSignals(False)
        self._show()

    def target_step(self) -> int | None:
        data = self.target_combo.currentData()
        return int(data) if data is not None else None

    def select_target(self, step: int) -> None:
        self.target_combo.setCurrentIndex(self.target_combo.findData(step))

    # -- showing -------------------------------------------------------------------------------------------

    def _show(self) -> None:
        state = self.state
        ladder = self._desk.pathway.ladder
        lang = self._lang()
        for index, step in enumerate(ladder.steps):
            frame, number, name, days = self.step_frames[index]
            number.setText(str(step.number))
            name.setText(ladder_text(step.label, lang))
            name.setToolTip(ladder_text(step.description, lang))
            current = state is not None and step.number == state.current
            frame.setStyleSheet(CURRENT_STYLE if current else OTHER_STYLE)
            days.setText(self._days_text(state) if current and state else "")
        for i in range(self.target_combo.count()):
            target = int(self.target_combo.itemData(i))
            self.target_combo.setItemText(i, f"{target} · {ladder_text(ladder.step(target).label, lang)}")
        self.closed_label.setVisible(bool(state and state.closed))
        self._show_target()
        self._show_history()

    def _days_text(self, state: LadderState) -> str:
        days = (dt.date.today() - state.since).days
        if days == 0:
            return self.tr("since today")
        if days == 1:
            return self.tr("for 1 day")
        return self.tr("for {0} days").format(days)

    def _target_changed(self, _index: int) -> None:
        self.message.clear_message()
        self._show_target()

    def edit_controls(self) -> list[QWidget]:
        return [self.move_button, self.override_button, self.note_edit, *self.criteria_widgets.values()]

    def _show_target(self) -> None:
        while self.criteria_grid.count():
            item = self.criteria_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.criteria_widgets.clear()
        state, target = self.state, self.target_step()
        check = state.checks.get(target) if state and target else None
        if state is None or target is None or check is None:
            self.criteria_box.setTitle("")
            self.missing_label.clear()
            self.move_button.setEnabled(False)
            self.override_button.hide()
            return
        ladder, lang = self._desk.pathway.ladder, self._lang()
        forward = check.direction is rules.Direction.AVANTI
        if forward:
            self.criteria_box.setTitle(self.tr("Entry criteria of step {0}").format(target))
        else:
            self.criteria_box.setTitle(
                self.tr("Going back to step {0}: no criteria, a reason is needed").format(target)
            )
        row = 0
        for number in check.steps_checked:
            if len(check.steps_checked) > 1:
                title = QLabel(f"<b>{number} · {ladder_text(ladder.step(number).label, lang)}</b>")
                self.criteria_grid.addWidget(title, row, 0, 1, 3)
                row += 1
            for criterion in ladder.step(number).criteria:
                self._add_criterion(row, criterion, criterion.criterion_id in check.met, state)
                row += 1
        missing = [ladder_text(ladder.criterion(c).label, lang) for c in check.missing]
        self.missing_label.setStyleSheet(f"color: {ERROR_COLOUR};" if missing else f"color: {OK_COLOUR};")
        if not forward:
            self.missing_label.setText("")
        elif missing:
            self.missing_label.setText(
                self.tr("To reach step {0} these are missing: {1}.").format(target, "; ".join(missing))
            )
        else:
            self.missing_label.setText(self.tr("Every criterion is met."))
        open_case = not state.closed and not self.read_only
        self.move_button.setText(
            self.tr("Move to step {0}").format(target) if forward else self.tr("Back to step {0}…").format(target)
        )
        self.move_button.setEnabled(open_case and (not forward or not missing))
        # Hidden, not just disabled, on a read-only case: its warning colour would still look clickable.
        self.override_button.setVisible(forward and bool(missing) and is_coordinator(self._desk) and not self.read_only)
        self.override_button.setEnabled(open_case)
        self.note_edit.setEnabled(open_case)

    def _add_criterion(self, row: int, criterion: rules.Criterion, met: bool, state: LadderState) -> None:
        lang = self._lang()
        mark = QLabel("✔" if met else "✘")
        mark.setStyleSheet(f"color: {OK_COLOUR if met else ERROR_COLOUR}; font-weight: bold; font-size: 13pt;")
        label_text = ladder_text(criterion.label, lang)
        detail = QLabel()
        detail.setWordWrap(True)
        detail.setStyleSheet(MUTED_STYLE)
        if criterion.fact is None:
            box = QCheckBox(label_text)
            box.setChecked(met)
            box.setEnabled(not state.closed and not self.read_only)
            box.setToolTip(ladder_text(criterion.description, lang))
            box.toggled.connect(lambda checked, cid=criterion.criterion_id: self.tick(cid, checked))
            self.criteria_widgets[criterion.criterion_id] = box
            ticked = state.checklist.get(criterion.criterion_id)
            if ticked:
                at = dt.datetime.fromisoformat(str(ticked.get("at"))).date() if ticked.get("at") else None
                who = state.operators.get(str(ticked.get("by")), "?")
                detail.setText(self.tr("ticked by {0} on {1}").format(who, show_date(at)))
            else:
                detail.setText(self.tr("checklist item: tick it when done"))
            self.criteria_grid.addWidget(mark, row, 0)
            self.criteria_grid.addWidget(box, row, 1)
        else:
            name = QLabel(label_text)
            name.setToolTip(ladder_text(criterion.description, lang))
            self.criteria_widgets[criterion.criterion_id] = name
            detail.setText(self._fact_reason(criterion, state.facts) if met else self._fact_missing(criterion.fact))
            self.criteria_grid.addWidget(mark, row, 0)
            self.criteria_grid.addWidget(name, row, 1)
        self.criteria_grid.addWidget(detail, row, 2)

    def _fact_reason(self, criterion: rules.Criterion, facts: CaseFacts) -> str:
        """Why a fact criterion is met, in the words of what was recorded."""
        fact = criterion.fact
        if fact is Fact.PERMIT_VALID:
            if facts.permit_valid and facts.permit_expires:
                return self.tr("permit recorded, valid until {0}").format(show_date(facts.permit_expires))
            return self.tr("renewal receipt recorded")
        if fact is Fact.ITALIAN_LEVEL:
            return self.tr("Italian level recorded: {0}").format(
                facts.italian_level.value if facts.italian_level else ""
            )
        reasons = {
            Fact.WORK_CONTRACT: self.tr("contract recorded"),
            Fact.HOUSING: self.tr("housing placement recorded"),
            Fact.HOUSEHOLD_BUDGET_BALANCED: self.tr("household budget balanced"),
            Fact.TRAINING_COMPLETED: self.tr("completed course recorded"),
            Fact.TRAINING_ACTIVE: self.tr("course in progress recorded"),
            Fact.REGISTRATION: self.tr("registration recorded"),
            Fact.BUSINESS_STAGE: self.tr("business project stage recorded"),
            Fact.FUNDING_OBTAINED: self.tr("funding obtained recorded"),
        }
        return reasons.get(fact, "") if fact else ""

    def _fact_missing(self, fact: Fact | None) -> str:
        where = {
            Fact.WORK_CONTRACT: self.tr("record the contract under Placements"),
            Fact.HOUSING: self.tr("record the housing under Placements"),
            Fact.HOUSEHOLD_BUDGET_BALANCED: self.tr("record a balanced budget with the housing placement"),
            Fact.TRAINING_COMPLETED: self.tr("record the completed course under Placements"),
            Fact.TRAINING_ACTIVE: self.tr("record the course under Placements"),
            Fact.PERMIT_VALID: self.tr("record a valid permit or the renewal receipt in the case file"),
            Fact.ITALIAN_LEVEL: self.tr("record the Italian level in the case file"),
            Fact.REGISTRATION: self.tr("record the registration in the case file"),
            Fact.BUSINESS_STAGE: self.tr("record the business project under Placements"),
            Fact.FUNDING_OBTAINED: self.tr("record the funding under Placements"),
        }
        return where.get(fact, "") if fact else ""

    def _show_history(self) -> None:
        self.history.clear()
        state = self.state
        if state is None:
            return
        for transition in sorted(state.transitions, key=lambda t: t.at, reverse=True):
            source = str(transition.from_step) if transition.from_step is not None else "–"
            item = QTreeWidgetItem([
                transition.at.astimezone().strftime("%d/%m/%Y %H:%M"),
                f"{source} → {transition.to_step}",
                state.operators.get(transition.operator_id, "?"),
                transition.reason,
                self.tr("forced") if transition.override else "",
            ])  # fmt: skip
            if transition.override:
                item.setForeground(4, QBrush(QColor(ERROR_COLOUR)))
                names = ", ".join(
                    ladder_text(self._desk.pathway.ladder.criterion(c).label, self._lang())
                    for c in transition.overridden
                )
                item.setToolTip(4, self.tr("Criteria missing when forced: {0}").format(names))
            item.setToolTip(3, transition.reason)
            self.history.addTopLevelItem(item)

    # -- actions -------------------------------------------------------------------------------------------

    def tick(self, criterion_id: str, checked: bool) -> None:
        case_id = self.case_id
        if case_id is None:
            return
        self._write(lambda: self._desk.pathway.tick(case_id, criterion_id, checked))

    def request_move(self) -> None:
        """Move to the target step; going back first asks the reason."""
        state, target = self.state, self.target_step()
        if state is None or target is None:
            return
        if target < state.current:
            self._ask_reason(
                self.tr("Back to step {0}").format(target),
                self.tr("Why does the person go back to step {0}? The reason is recorded.").format(target),
                lambda reason: self.move_case(target, reason),
            )
            return
        self.move_case(target, self.note_edit.text().strip())

    def request_override(self) -> None:
        """A coordinator forces a move whose criteria are missing: the reason is mandatory and recorded."""
        target = self.target_step()
        if target is None:
            return
        self._ask_reason(
            self.tr("Force the move to step {0}").format(target),
            self.tr("Some criteria are missing. Write why the person moves to step {0} anyway: the reason and the "
                    "missing criteria are recorded.").format(target),
            lambda reason: self.move_case(target, reason, override=True),
        )  # fmt: skip

    def _ask_reason(self, title: str, prompt: str, then: Any) -> None:
        dialog = ReasonDialog(title, prompt, self)
        dialog.accepted.connect(lambda: then(dialog.reason()))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.reason_dialog = dialog
        dialog.open()

    def move_case(self, target: int, reason: str, *, override: bool = False) -> None:
        case_id = self.case_id
        if case_id is None:
            return
        self.message.clear_message()

        def moved() -> object:
            return self._desk.pathway.move(case_id, target, reason=reason, override=override)

        self._write(moved, self._refused)

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, rules.TransitionRefusedError):
            ladder = self._desk.pathway.ladder
            names = [ladder_text(ladder.criterion(c).label, self._lang()) for c in error.check.missing]
            self.message.say(
                self.tr("Move refused: to reach step {0} these are missing: {1}.").format(
                    error.check.to_step, "; ".join(names)
                )
            )
            self.refresh()
            return
        if isinstance(error, PermissionDeniedError):
            self.message.say(self.tr("Only a coordinator can force a move whose criteria are missing."))
            return
        if isinstance(error, ValidationError) and error.field in ("reason", "step"):
            self.message.say(refusal_text(error, self._lang()))
            return
        self._errors.show(error)
