"""The intake wizard ("Nuova presa in carico"): the whole intake form, section by section, keyboard first — the
first field has the focus, Enter goes to the next field, Ctrl+Enter to the next section (and saves on the last),
Alt+PgUp/PgDown move between sections, Ctrl+S keeps a draft. Errors appear next to a field once the operator has been
through it, warnings (codice fiscale consistency) never block, and possible duplicates found by the case book on the
database worker are named with a button to open that case. What is typed is kept as an encrypted draft (form id
``intake-wizard``) a moment after typing stops and when the desk locks, and comes back after unlocking or a crash.
Saving takes the person in charge with ``desk.cases.intake`` on the worker and hands the new case id on."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from iam_desktop.domain.errors import ValidationError
from iam_desktop.services.cases import Duplicate, IntakeCheck
from iam_desktop.services.desk import Desk
from iam_desktop.services.documents import intake_form

from ..errors import ErrorDialog
from ..tasks import TaskRunner
from ..widgets import NOTICE_STYLE, heading
from .checking import Findings, check_answers, service_refusal
from .form_view import FormView
from .mapping import split_answers
from .messages import duplicate_reason

WIZARD_FORM_ID = "intake-wizard"
DRAFT_DELAY_MS = 1500
CHECK_DELAY_MS = 300
MAX_DUPLICATES_SHOWN = 3


class DuplicatePanel(QFrame):
    """ "Possibile doppione: TRAORÉ Amadou — stesso codice fiscale" [Apri la scheda], one line per case."""

    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("DuplicatePanel { background: #fff4e0; border: 1px solid #e0a030; border-radius: 4px; }")
        self.lines = QVBoxLayout(self)
        self.lines.setContentsMargins(10, 6, 10, 6)
        self.duplicates: tuple[Duplicate, ...] = ()
        self.texts: list[str] = []
        self.hide()

    def show_duplicates(self, duplicates: tuple[Duplicate, ...]) -> None:
        if duplicates == self.duplicates:
            return
        self.duplicates = duplicates
        while self.lines.count():
            item = self.lines.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.texts = []
        for duplicate in duplicates[:MAX_DUPLICATES_SHOWN]:
            reasons = ", ".join(duplicate_reason(r) for r in duplicate.reasons)
            text = self.tr("Possible duplicate: {0} — {1}").format(duplicate.display_name, reasons)
            self.texts.append(text)
            line = QWidget()
            row = QHBoxLayout(line)
            row.setContentsMargins(0, 0, 0, 0)
            label = QLabel(f"⚠ {text}")
            label.setStyleSheet("color: #6b3d00; font-weight: bold;")
            button = QPushButton(self.tr("Open that case"))
            button.clicked.connect(lambda _=False, cid=duplicate.case_id: self.open_requested.emit(cid))
            row.addWidget(label, 1)
            row.addWidget(button)
            self.lines.addWidget(line)
        self.setVisible(bool(duplicates))


class IntakeWizard(QWidget):
    """Emits ``saved`` with the new case id, ``closed`` when the operator leaves (the draft stays), and
    ``open_case_requested`` for a possible duplicate."""

    saved = Signal(str)
    closed = Signal()
    open_case_requested = Signal(str)

    form_id = WIZARD_FORM_ID

    def __init__(
        self, desk: Desk, runner: TaskRunner, errors: ErrorDialog, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._errors = errors
        self._touched: set[str] = set()
        self._refusals: dict[str, str] = {}  # the case book's own refusals, kept until the operator edits again
        self._check_serial = 0
        self.findings = Findings()
        self.form = intake_form()
        self.title_label = heading(size_delta=5)
        self.title_label.setWordWrap(False)
        self.restored_label = QLabel()
        self.restored_label.setStyleSheet(NOTICE_STYLE)
        self.restored_label.hide()
        self.keys_label = QLabel()
        self.keys_label.setStyleSheet("color: palette(placeholder-text);")
        self.duplicates = DuplicatePanel()
        self.view = FormView(self.form, language)
        self.back_button = QPushButton()
        self.next_button = QPushButton()
        self.save_button = QPushButton()
        self.draft_button = QPushButton()
        self.close_button = QPushButton()
        self.discard_button = QPushButton()
        for button in (self.back_button, self.next_button, self.save_button, self.draft_button,
                       self.close_button, self.discard_button):  # fmt: skip
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addSpacing(16)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.discard_button)
        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addStretch(1)
        top.addWidget(self.keys_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.restored_label)
        layout.addWidget(self.duplicates)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_DELAY_MS)
        self.draft_timer.timeout.connect(self.save_draft_now)
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.check_now)
        self.view.changed.connect(self._edited)
        self.view.field_left.connect(self._field_left)
        self.view.advance_requested.connect(self.advance)
        self.view.section_changed.connect(self._section_changed)
        self.duplicates.open_requested.connect(self.open_case_requested)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.advance)
        self.save_button.clicked.connect(self.submit)
        self.draft_button.clicked.connect(self.save_draft_now)
        self.close_button.clicked.connect(self.close_keeping_draft)
        self.discard_button.clicked.connect(self.discard)
        for keys, slot in (
            ("Ctrl+Return", self.advance), ("Ctrl+Enter", self.advance), ("Alt+PgDown", self.advance),
            ("Alt+PgUp", self.back), ("Ctrl+S", self.save_draft_now), ("Ctrl+Shift+Return", self.submit),
        ):  # fmt: skip
            QShortcut(QKeySequence(keys), self, slot)
        self.retranslate()
        self._section_changed(0)

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("New intake"))
        self.restored_label.setText(self.tr("Your unsaved input was restored from the draft."))
        self.keys_label.setText(self.tr("Enter: next field · Ctrl+Enter: next section · Ctrl+S: keep a draft"))
        self.back_button.setText(self.tr("← Previous section"))
        self.save_button.setText(self.tr("Save the intake"))
        self.save_button.setToolTip(self.tr("Ctrl+Shift+Enter"))
        self.draft_button.setText(self.tr("Keep as draft"))
        self.close_button.setText(self.tr("Close (the draft stays)"))
        self.discard_button.setText(self.tr("Discard"))
        self._section_changed(self.view.section)
        self._show_findings()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        self.view.set_language(language)
        self.retranslate()

    # -- sections ------------------------------------------------------------------------------------------

    def _section_changed(self, number: int) -> None:
        last = number >= self.view.pages.count() - 1
        self.back_button.setEnabled(number > 0)
        self.next_button.setText(self.tr("Next section →") if not last else self.tr("Save the intake"))
        self.next_button.setToolTip(self.tr("Ctrl+Enter"))

    def start(self) -> None:
        """Show the first section with the focus on its first field."""
        self.view.go_to(0)

    def advance(self) -> None:
        """Next section, once the fields of this one have no errors; on the last section, save."""
        number = self.view.section
        self._touched.update(self.view.fields_of(number))
        self._recheck()
        wrong = [fid for fid in self.view.fields_of(number) if fid in self.findings.errors]
        if wrong:
            self.view.focus_field(wrong[0])
            return
        if number >= self.view.pages.count() - 1:
            self.submit()
            return
        self.view.go_to(number + 1)

    def back(self) -> None:
        self.view.go_to(self.view.section - 1)

    # -- checking ------------------------------------------------------------------------------------------

    def _edited(self) -> None:
        self._refusals.clear()
        self.draft_timer.start()
        self.check_timer.start()

    def _field_left(self, field_id: str) -> None:
        self._touched.add(field_id)
        self._recheck()

    def _recheck(self) -> None:
        language = self.view.language
        self.findings = check_answers(self.form, self.view.values(), language, date.today())
        for field_id, text in self._refusals.items():
            self.findings.errors.setdefault(field_id, text)
        self._show_findings()

    def _show_findings(self) -> None:
        shown = self.findings.only(self._touched)
        self.view.show_findings(shown.errors, shown.warnings)

    def check_now(self) -> None:
        """Validate here, then ask the case book about duplicates on the worker (the newest answer wins)."""
        self.check_timer.stop()
        self._recheck()
        if not self._desk.unlocked:
            return
        person, _extra = split_answers(self.form, self.view.values())
        if not person.get("family_name") or not person.get("given_names"):
            self.duplicates.show_duplicates(())
            return
        self._check_serial += 1
        serial, cases = self._check_serial, self._desk.cases
        self._runner.run_database(
            lambda: cases.check(person),
            lambda result: self._checked(serial, result),
            lambda _error: None,  # a half-typed record the case book cannot read yet: the inline messages say why
        )

    def _checked(self, serial: int, result: IntakeCheck) -> None:
        if serial == self._check_serial and self._desk.unlocked:
            self.duplicates.show_duplicates(result.duplicates)

    # -- drafts --------------------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """What a draft keeps: the raw answers and the section the operator was on."""
        return {"values": self.view.values(), "section": self.view.section}

    def has_unsaved_input(self) -> bool:
        return bool(self.view.values())

    def clear_input(self) -> None:
        """Empty every field (on lock the input leaves the widgets; it lives on only as an encrypted draft)."""
        self.draft_timer.stop()
        self.check_timer.stop()
        self._check_serial += 1
        self.view.set_values({})
        self._touched.clear()
        self._refusals.clear()
        self.findings = Findings()
        self._show_findings()
        self.duplicates.show_duplicates(())
        self.restored_label.hide()
        self.view.go_to(0, focus=False)

    def restore_draft(self) -> bool:
        """Fill the wizard from this operator's draft, if there is one. True when something was restored."""
        data = self._desk.load_draft(self.form_id)
        if not data or not isinstance(data.get("values"), dict):
            return False
        self.view.set_values(data["values"])
        self.view.go_to(int(data.get("section", 0)), focus=False)
        self.restored_label.show()
        self.check_timer.start()
        return True

    def save_draft_now(self) -> None:
        self.draft_timer.stop()
        if not self._desk.unlocked:
            return
        data, desk, form_id = self.values(), self._desk, self.form_id
        if data["values"]:
            self._runner.run_database(lambda: desk.save_draft(form_id, data))
        else:
            self._runner.run_database(lambda: desk.discard_draft(form_id))

    def close_keeping_draft(self) -> None:
        if self.has_unsaved_input():
            self.save_draft_now()
        self.clear_input()
        self.closed.emit()

    def discard(self) -> None:
        self.clear_input()
        if self._desk.unlocked:
            desk, form_id = self._desk, self.form_id
            self._runner.run_database(lambda: desk.discard_draft(form_id))
        self.closed.emit()

    # -- saving --------------------------------------------------------------------------------------------

    def submit(self) -> None:
        self._refusals.clear()  # the case book checks again
        self._touched.update(self.view.order)
        self._recheck()
        if self.findings.errors:
            self.view.focus_field(next(iter(self.findings.errors)))
            return
        self.draft_timer.stop()
        person, extra = split_answers(self.form, self.view.values())
        desk, form_id = self._desk, self.form_id

        def take_in_charge() -> str:
            case_id = desk.cases.intake(person, extra=extra)
            desk.discard_draft(form_id)
            return case_id

        self.save_button.setEnabled(False)
        self.next_button.setEnabled(False)
        self._runner.run_database(take_in_charge, self._saved, self._refused)

    def _saved(self, case_id: str) -> None:
        self.save_button.setEnabled(True)
        self.next_button.setEnabled(True)
        self.clear_input()
        self.saved.emit(case_id)

    def _refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.next_button.setEnabled(True)
        placed = service_refusal(self.form, error, self.view.language) if isinstance(error, ValidationError) else None
        if placed is None:
            self._errors.show(error)
            return
        field_id, text = placed
        self._refusals[field_id] = text
        self.findings.errors[field_id] = text
        self._touched.add(field_id)
        self._show_findings()
        self.view.focus_field(field_id)
