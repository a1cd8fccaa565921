"""Closing and reopening a case (chiusura / riapertura), the coordinator's call: the state of the case (open, or
closed on a date with an outcome; how often it was reopened), the history of closures and reopenings, the form that
closes it with an outcome (autonomia raggiunta, trasferito, abbandono, altro — "altro" needs a note), a date and a
note, and the one that reopens it with a reason. Operators see the state and the history; the forms are shown to
coordinators only (the service checks the permission again)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.domain.closure import ClosureEvent, ClosureKind, ClosureState, Outcome, state
from iam_desktop.domain.errors import ValidationError

from ..widgets import FieldMessage, compact_form, heading
from .common import (
    ERROR_COLOUR,
    MUTED_STYLE,
    OK_COLOUR,
    CasePanel,
    date_edit,
    form_label,
    from_qdate,
    is_coordinator,
    operator_names,
    outcome_name,
    refusal_text,
    show_date,
)


class ClosurePanel(CasePanel):
    """The state of one case and, for coordinators, closing and reopening it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.events: list[ClosureEvent] = []
        self.operators: dict[str, str] = {}
        self.title_label = heading(size_delta=4)
        self.state_label = heading(size_delta=2)
        self.only_coordinators = QLabel()
        self.only_coordinators.setStyleSheet(MUTED_STYLE)
        self.close_box = QGroupBox()
        self.outcome_combo = QComboBox()
        for outcome in Outcome:
            self.outcome_combo.addItem("", outcome.value)
        self.close_date = date_edit()
        self.close_note = QLineEdit()
        self.close_message = FieldMessage()
        self.close_button = QPushButton()
        self.close_form = QFormLayout(self.close_box)
        self.close_form.addRow(QLabel(), self.outcome_combo)
        self.close_form.addRow(QLabel(), self.close_date)
        self.close_form.addRow(QLabel(), self.close_note)
        self.close_form.addRow("", self.close_message)
        self.close_form.addRow("", self.close_button)
        compact_form(self.close_form)
        self.reopen_box = QGroupBox()
        self.reopen_reason = QLineEdit()
        self.reopen_message = FieldMessage()
        self.reopen_button = QPushButton()
        self.reopen_form = QFormLayout(self.reopen_box)
        self.reopen_form.addRow(QLabel(), self.reopen_reason)
        self.reopen_form.addRow("", self.reopen_message)
        self.reopen_form.addRow("", self.reopen_button)
        compact_form(self.reopen_form)
        self.follow_up_box = QGroupBox()
        self.months_combo = QComboBox()
        self.follow_up_note = QLineEdit()
        self.follow_up_button = QPushButton()
        self.follow_ups_label = QLabel()
        self.follow_ups_label.setStyleSheet(MUTED_STYLE)
        self.follow_up_form = QFormLayout(self.follow_up_box)
        self.follow_up_form.addRow(QLabel(), self.months_combo)
        self.follow_up_form.addRow(QLabel(), self.follow_up_note)
        self.follow_up_form.addRow("", self.follow_ups_label)
        self.follow_up_form.addRow("", self.follow_up_button)
        compact_form(self.follow_up_form)
        self.follow_ups_done: frozenset[int] = frozenset()
        self.history_title = QLabel()
        self.history = QTreeWidget()
        self.history.setRootIsDecorated(False)
        self.history.setColumnCount(4)
        for column, width in enumerate((110, 200, 170)):
            self.history.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.state_label)
        layout.addWidget(self.only_coordinators)
        layout.addWidget(self.close_box)
        layout.addWidget(self.reopen_box)
        layout.addWidget(self.follow_up_box)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history, 1)
        self.close_button.clicked.connect(self.close_case)
        self.close_note.returnPressed.connect(self.close_case)
        self.reopen_button.clicked.connect(self.reopen_case)
        self.reopen_reason.returnPressed.connect(self.reopen_case)
        self.follow_up_button.clicked.connect(self.record_follow_up)
        self.retranslate()
        if self.case_id:
            self.refresh()

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Closure and follow-up"))
        self.only_coordinators.setText(self.tr("Only a coordinator can close or reopen a case."))
        self.close_box.setTitle(self.tr("Close the case"))
        form_label(self.close_form, 0, self.tr("&Outcome:"), self.outcome_combo)
        form_label(self.close_form, 1, self.tr("&Date:"), self.close_date)
        form_label(self.close_form, 2, self.tr("&Note:"), self.close_note)
        for i, outcome in enumerate(Outcome):
            self.outcome_combo.setItemText(i, outcome_name(outcome))
        self.close_note.setPlaceholderText(self.tr("required when the outcome is \u201cOther\u201d"))
        self.close_button.setText(self.tr("Close the case"))
        self.reopen_box.setTitle(self.tr("Reopen the case"))
        form_label(self.reopen_form, 0, self.tr("&Reason:"), self.reopen_reason)
        self.reopen_reason.setPlaceholderText(self.tr("e.g. the person came back to the desk"))
        self.reopen_button.setText(self.tr("Reopen the case"))
        self.follow_up_box.setTitle(self.tr("Follow-up after exit"))
        form_label(self.follow_up_form, 0, self.tr("&Contact:"), self.months_combo)
        form_label(self.follow_up_form, 1, self.tr("No&te:"), self.follow_up_note)
        self.follow_up_note.setPlaceholderText(self.tr("how the person is doing: work, housing, contacts"))
        self.follow_up_button.setText(self.tr("Record the follow-up"))
        self.history_title.setText(self.tr("Closures and reopenings"))
        self.history.setHeaderLabels([self.tr("Date"), self.tr("Event"), self.tr("Operator"), self.tr("Note")])
        self._show()

    def _forget(self) -> None:
        self.events, self.operators, self.follow_ups_done = [], {}, frozenset()
        for field in (self.close_note, self.reopen_reason, self.follow_up_note):
            field.clear()
        self._show()

    def edit_controls(self) -> list[QWidget]:
        return [self.close_box, self.reopen_box, self.follow_up_box]

    def refresh(self) -> None:
        book = self._desk.pathway
        self._load(
            lambda case_id: (book.closures(case_id), operator_names(self._desk), book.follow_ups_done(case_id)),
            self._loaded,
        )

    def _loaded(self, result: object) -> None:
        assert isinstance(result, tuple)
        self.events, self.operators, self.follow_ups_done = result
        self._show()

    def state(self) -> ClosureState:
        return state(self.events)

    def _show(self) -> None:
        current = self.state()
        if current.is_closed:
            outcome = outcome_name(current.outcome) if current.outcome else ""
            self.state_label.setText(self.tr("Closed on {0} — {1}").format(show_date(current.closed_on), outcome))
            self.state_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        else:
            self.state_label.setText(self.tr("Open"))
            self.state_label.setStyleSheet(f"color: {OK_COLOUR};")
        if current.reopenings:
            times = (
                self.tr("reopened once")
                if current.reopenings == 1
                else self.tr("reopened {0} times").format(current.reopenings)
            )
            self.state_label.setText(self.state_label.text() + " · " + times)
        coordinator = is_coordinator(self._desk)
        self.only_coordinators.setVisible(not coordinator)
        self.close_box.setVisible(coordinator and not current.is_closed)
        self.reopen_box.setVisible(coordinator and current.is_closed)
        self._show_follow_ups()
        self.history.clear()
        for event in reversed(self.events):
            if event.kind is ClosureKind.CHIUSURA:
                what = self.tr("Closed: {0}").format(outcome_name(event.outcome) if event.outcome else "")
            else:
                what = self.tr("Reopened")
            item = QTreeWidgetItem(
                [show_date(event.date), what, self.operators.get(event.operator_id, "?"), event.note]
            )
            item.setToolTip(3, event.note)
            self.history.addTopLevelItem(item)

    def _show_follow_ups(self) -> None:
        chosen = self.months_combo.currentData()
        self.months_combo.clear()
        for months in self._desk.pathway.ladder.follow_up_months:
            self.months_combo.addItem(self.tr("{0} months after exit").format(months), months)
        if chosen is not None and self.months_combo.findData(chosen) >= 0:
            self.months_combo.setCurrentIndex(self.months_combo.findData(chosen))
        done = ", ".join(self.tr("{0} months").format(m) for m in sorted(self.follow_ups_done))
        self.follow_ups_label.setText(self.tr("Recorded: {0}").format(done) if done else self.tr("None recorded yet."))

    def record_follow_up(self) -> None:
        case_id, months = self.case_id, self.months_combo.currentData()
        if case_id is None or months is None:
            return
        note = self.follow_up_note.text().strip()
        self.follow_up_note.clear()
        self._write(lambda: self._desk.pathway.record_follow_up(case_id, int(months), note))

    def close_case(self) -> None:
        case_id = self.case_id
        if case_id is None:
            return
        self.close_message.clear_message()
        outcome = Outcome(self.outcome_combo.currentData())
        on: dt.date = from_qdate(self.close_date.date())
        note = self.close_note.text().strip()
        if outcome is Outcome.ALTRO and not note:
            self.close_message.say(self.tr("With the outcome \u201cOther\u201d, write a note."))
            self.close_note.setFocus()
            return

        def refused(error: BaseException) -> None:
            if isinstance(error, ValidationError):
                self.close_message.say(refusal_text(error, self._language()))
            else:
                self._errors.show(error)

        self.close_note.clear()
        self._write(lambda: self._desk.pathway.close(case_id, outcome, on=on, note=note), refused)

    def reopen_case(self) -> None:
        case_id = self.case_id
        if case_id is None:
            return
        self.reopen_message.clear_message()
        reason = self.reopen_reason.text().strip()
        if not reason:
            self.reopen_message.say(self.tr("Write why the case is reopened."))
            self.reopen_reason.setFocus()
            return

        def refused(error: BaseException) -> None:
            if isinstance(error, ValidationError):
                self.reopen_message.say(refusal_text(error, self._language()))
            else:
                self._errors.show(error)

        self.reopen_reason.clear()
        self._write(lambda: self._desk.pathway.reopen(case_id, reason=reason), refused)
