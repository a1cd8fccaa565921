"""The "Casi" section: three pages — the case list (``case_list``), the intake wizard (``intake.wizard``) and the
case file (``case_file``). It moves between them (a saved intake opens the new case file; a duplicate's button opens
that case), hands the shell the wizard's unsaved input as a draft when the desk locks, and reloads the list when
cases change. The index behind the list is built on the database worker after unlocking (it decrypts every case
once); searching it afterwards happens on the main thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from iam_desktop.domain.roles import Permission
from iam_desktop.services.desk import Changes, Desk

from ..errors import ErrorDialog
from ..intake.wizard import IntakeWizard
from ..tasks import TaskRunner
from .case_file import EDIT_FORM_ID, CaseFileView
from .case_list import CaseListPage


class CasesView(QWidget):
    changes_applied = Signal(object)

    def __init__(
        self,
        desk: Desk,
        runner: TaskRunner,
        errors: ErrorDialog,
        language: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._language = language
        self.list_page = CaseListPage(desk)
        self.wizard = IntakeWizard(desk, runner, errors, language())
        self.case_file = CaseFileView(desk, runner, errors, language)
        self.pages = QStackedWidget()
        for page in (self.list_page, self.wizard, self.case_file):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.list_page.new_requested.connect(self.open_intake)
        self.list_page.open_requested.connect(self.open_case)
        self.wizard.saved.connect(self._case_saved)
        self.wizard.closed.connect(self.show_list)
        self.wizard.open_case_requested.connect(self.open_case)
        self.case_file.closed.connect(self.show_list)
        self.case_file.changes_applied.connect(self.changes_applied)

    @property
    def model(self) -> Any:
        return self.list_page.model

    @property
    def new_button(self) -> Any:
        return self.list_page.new_button

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.wizard.set_language(self._language())
        super().changeEvent(event)

    # -- session -------------------------------------------------------------------------------------------

    def session_started(self) -> None:
        self.list_page.new_button.setEnabled(self._desk.can(Permission.EDIT_CASE))
        edit = self._desk.load_draft(EDIT_FORM_ID)
        if edit and isinstance(edit.get("values"), dict) and self._desk.cases.row(str(edit.get("case_id"))):
            self.pages.setCurrentWidget(self.case_file)
            self.case_file.open_case(str(edit["case_id"]), resume_editing=edit["values"])
        elif self.wizard.restore_draft():
            self.pages.setCurrentWidget(self.wizard)
        else:
            self.show_list()
        self.reload()

    def focus_after_unlock(self) -> bool:
        """Put the keyboard back where the operator was typing; False when there is no form to go back to."""
        if self.pages.currentWidget() is self.wizard:
            self.wizard.view.focus_first()
            return True
        if self.pages.currentWidget() is self.case_file and self.case_file.editing:
            self.case_file.editor.focus_first()
            return True
        return False

    def take_drafts(self) -> list[tuple[str, dict[str, Any]]]:
        """The unsaved input to keep as encrypted drafts before locking; the widgets are emptied."""
        drafts = [(self.wizard.form_id, self.wizard.values())] if self.wizard.has_unsaved_input() else []
        self.wizard.clear_input()
        file = self.case_file
        if file.editing and file.case is not None:
            file.draft_timer.stop()
            drafts.append((EDIT_FORM_ID, {"case_id": file.case.case_id, "values": file.editor.values()}))
        return drafts

    def session_ended(self) -> None:
        """Forget what was shown: names must not stay in memory behind the lock screen."""
        self.list_page.clear()
        self.case_file.clear()
        if self.pages.currentWidget() is self.case_file:
            self.show_list()

    def reload(self) -> None:
        desk = self._desk

        def load() -> tuple[int, dict[str, str], int]:
            total = desk.cases.count()  # builds the index (decrypts every case once) here, on the worker
            return total, {op.id: op.display_name for op in desk.operators()}, desk.settings().permit_alert_days

        self.list_page.show_loading()
        self._runner.run_database(load, self._loaded)

    def _loaded(self, result: tuple[int, dict[str, str], int]) -> None:
        if self._desk.unlocked:
            self.list_page.loaded(*result)

    # -- pages ---------------------------------------------------------------------------------------------

    def open_intake(self) -> None:
        self.pages.setCurrentWidget(self.wizard)
        self.wizard.view.focus_first()

    def show_list(self) -> None:
        self.pages.setCurrentWidget(self.list_page)
        self.list_page.search_edit.setFocus()

    def open_case(self, case_id: str) -> None:
        if self.pages.currentWidget() is self.wizard and self.wizard.has_unsaved_input():
            self.wizard.save_draft_now()  # the intake in progress waits as a draft while the other case is read
        self.pages.setCurrentWidget(self.case_file)
        self.case_file.open_case(case_id)

    def _case_saved(self, case_id: str) -> None:
        self.changes_applied.emit(Changes(cases=True))
        self.open_case(case_id)
