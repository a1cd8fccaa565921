"""The case file (scheda del caso): every section of the intake form with the stored answers, read-only; "Modifica"
opens the same form builder prefilled and saves with ``desk.cases.update``; the history of changes (when, who, which
fields, old → new); the attachments; and the "Stampa" menu — intake form, consent, privacy notice, blank form — each
in the person's language when it can be printed (else the operator chooses) and opened in the PDF preview. Reading
the file is an audit event, so it runs on the database worker like every write."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.domain.errors import IamError, ValidationError
from iam_desktop.domain.forms import FieldDef, FormDefinition
from iam_desktop.domain.roles import Permission
from iam_desktop.domain.writers import Writer
from iam_desktop.services.cases import CaseFile
from iam_desktop.services.desk import Changes, Desk
from iam_desktop.services.documents import intake_form, print_languages
from iam_desktop.services.messages import describe

from ..errors import ErrorDialog
from ..intake.checking import check_answers, service_refusal
from ..intake.fields import country_name, italian_from_iso, language_name
from ..intake.form_view import FormView
from ..intake.mapping import join_answers, split_answers
from ..pathway import CasePathwayPanel, ClosurePanel, DiaryView, PlacementsView, PlanEditor, TimelineView
from ..pdf_preview import PrivateTempDir, open_pdf
from ..tasks import TaskRunner
from ..widgets import heading
from ..writer_name import operator_name
from .attachments import AttachmentsPanel
from .case_list import status_name
from .data_rights import PersonRightsButton

MAX_VALUE_CHARS = 90
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
EDIT_FORM_ID = "case-edit"  # the draft of an edit in progress when the desk locks
DRAFT_DELAY_MS = 1500
READ_ONLY_STYLE = "background: #fff4e5; color: #7a4b00; border: 1px solid #f0c36d; padding: 6px; font-weight: bold;"


def short_value(value: Any) -> str:
    """A stored value in one short line for the history (dicts and lists compactly, long text cut)."""
    if value in (None, "", [], {}):
        return "—"
    if isinstance(value, str):
        text = italian_from_iso(value) if ISO_DAY.fullmatch(value) else value
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = ", ".join(value)
    else:
        text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"


def answer_text(f: FieldDef, value: Any, language: str) -> str:
    from iam_desktop.printing.intake_form import display  # reportlab loads with the first case shown, not at start

    if f.type == "country" and isinstance(value, str):
        return f"{country_name(value)} ({value})"
    if f.type == "countries" and isinstance(value, list):
        return ", ".join(country_name(str(v)) for v in value) or "—"
    if f.type == "languages" and isinstance(value, list):
        return ", ".join(language_name(str(v)) for v in value) or "—"
    if f.type == "repeat":
        rows = value if isinstance(value, list) else []
        lines = ["; ".join(display(sub, row.get(sub.id), language) for sub in f.fields) for row in rows]
        return "\n".join(lines) or "—"
    shown = display(f, value, language)
    # print's display() shows both languages for choices; the screen needs only the UI language.
    if f.type == "choice" and value:
        return f.choice_label(str(value), language)
    if f.type == "multichoice" and value:
        return ", ".join(f.choice_label(str(v), language) for v in value)
    return shown


class CaseSummary(QWidget):
    """The stored answers, section by section, as text the operator can select and copy."""

    def __init__(self, form: FormDefinition, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(8, 4, 8, 4)
        self.values: dict[str, QLabel] = {}
        self.names: dict[str, QLabel] = {}
        self.section_titles: list[QLabel] = []
        for section in form.sections:
            if all(f.type == "signature" for f in section.fields):
                continue
            title = heading(size_delta=2)
            self.section_titles.append(title)
            self.layout_.addWidget(title)
            rows = QFormLayout()
            rows.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            for f in section.fields:
                name, value = QLabel(), QLabel()
                name.setStyleSheet("color: palette(placeholder-text);")
                name.setMinimumWidth(240)
                name.setWordWrap(True)
                name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.names[f.id], self.values[f.id] = name, value
                rows.addRow(name, value)
            self.layout_.addLayout(rows)
        self.layout_.addStretch(1)

    def show_answers(self, answers: Mapping[str, Any], language: str) -> None:
        titles = iter(self.section_titles)
        for section in self.form.sections:
            if all(f.type == "signature" for f in section.fields):
                continue
            next(titles).setText(section.label.get(language, section.label["it"]))
            for f in section.fields:
                self.names[f.id].setText(f.label.get(language, f.label["it"]) + ":")
                self.values[f.id].setText(answer_text(f, answers.get(f.id), language))


class CaseFileView(QWidget):
    """One case at a time; ``closed`` goes back to the list, ``changes_applied`` reports an edit or attachment."""

    closed = Signal()
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
        self._errors = errors
        self._language = language
        self.form = intake_form()
        self.case: CaseFile | None = None
        self._pathway_case: str | None = None
        self.answers: dict[str, Any] = {}
        self.operators: dict[str, Writer] = {}  # id → who wrote in the case (any computer), read with the case
        self.previews: list[QDialog] = []
        self.back_button = QPushButton()
        self.title_label = heading(size_delta=6)
        self.meta_label = QLabel()
        self.meta_label.setStyleSheet("color: palette(placeholder-text);")
        self.edit_button = QPushButton()
        self.refer_button = QPushButton()
        self.read_only: IamError | None = None  # a case transferred away: read only here (see CaseBook.read_only)
        self.read_only_banner = QLabel()
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet(READ_ONLY_STYLE)
        self.read_only_banner.hide()
        self.print_button = QToolButton()
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_menu = QMenu(self)
        self.print_actions = {key: self.print_menu.addAction("") for key in ("intake", "consent", "privacy", "blank")}
        for key, action in self.print_actions.items():
            action.triggered.connect(lambda _=False, k=key: self.print_document(k))
        self.print_button.setMenu(self.print_menu)
        self.rights_button = PersonRightsButton(desk, runner, errors)  # export and erasure (issue 7)
        self.rights_button.erased.connect(self._erased)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(8)
        titles = QVBoxLayout()
        titles.addWidget(self.title_label)
        titles.addWidget(self.meta_label)
        top.addLayout(titles, 1)
        top.addWidget(self.edit_button)
        top.addWidget(self.refer_button)
        top.addWidget(self.print_button)
        top.addWidget(self.rights_button)

        self.summary = CaseSummary(self.form)
        summary_scroll = QScrollArea()
        summary_scroll.setWidgetResizable(True)
        summary_scroll.setWidget(self.summary)
        self.history_title = heading(size_delta=2)
        self.history = QTreeWidget()
        self.history.setColumnCount(3)
        self.history.setRootIsDecorated(True)
        self.history.setAlternatingRowColors(True)
        self.attachments = AttachmentsPanel(desk, runner, errors)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.history_title)
        side_layout.addWidget(self.history, 3)
        side_layout.addWidget(self.attachments, 2)
        splitter = QSplitter()
        splitter.addWidget(summary_scroll)
        splitter.addWidget(side)
        splitter.setSizes([560, 600])
        # The pathway of the case (issue 4): one tab per part, each a panel of ui.pathway that refreshes the others
        # after its own writes.
        self.pathway_panels = {
            "pathway": CasePathwayPanel(desk, runner, errors, language),
            "plan": PlanEditor(desk, runner, errors, language),
            "diary": DiaryView(desk, runner, errors, language),
            "placements": PlacementsView(desk, runner, errors, language),
            "timeline": TimelineView(desk, runner, errors, language),
            "closure": ClosurePanel(desk, runner, errors, language),
        }
        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, "")
        for panel in self.pathway_panels.values():
            self.tabs.addTab(panel, "")
            panel.changed.connect(self._pathway_changed)
        read_page = QWidget()
        read_layout = QVBoxLayout(read_page)
        read_layout.setContentsMargins(0, 0, 0, 0)
        read_layout.addLayout(top)
        read_layout.addWidget(self.read_only_banner)
        read_layout.addWidget(self.tabs, 1)

        self.editor = FormView(self.form, language())
        self.editor_title = heading(size_delta=4)
        self.save_button = QPushButton()
        self.cancel_button = QPushButton()
        edit_buttons = QHBoxLayout()
        edit_buttons.addWidget(self.save_button)
        edit_buttons.addWidget(self.cancel_button)
        edit_buttons.addStretch(1)
        edit_page = QWidget()
        edit_layout = QVBoxLayout(edit_page)
        edit_layout.setContentsMargins(0, 0, 0, 0)
        edit_layout.addWidget(self.editor_title)
        edit_layout.addWidget(self.editor, 1)
        edit_layout.addLayout(edit_buttons)
        self.pages = QStackedWidget()
        self.pages.addWidget(read_page)
        self.pages.addWidget(edit_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self.back_button.clicked.connect(self.closed)
        self.edit_button.clicked.connect(lambda: self.start_editing())
        self.refer_button.clicked.connect(self.propose_referral)
        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_DELAY_MS)
        self.draft_timer.timeout.connect(self.save_edit_draft)
        self.editor.changed.connect(self.draft_timer.start)
        self.save_button.clicked.connect(self.save_edit)
        self.cancel_button.clicked.connect(self.cancel_edit)
        self.attachments.added.connect(self._attachment_added)
        self.retranslate()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("← Cases"))
        self.edit_button.setText(self.tr("&Edit"))
        self.refer_button.setText(self.tr("&Refer…"))
        self.refer_button.setToolTip(self.tr("Refer the person to another desk or partner, sharing only the parts "
                                             "of the file you choose"))  # fmt: skip
        self.print_button.setText(self.tr("&Print"))
        self.print_actions["intake"].setText(self.tr("Intake form (scheda di presa in carico)…"))
        self.print_actions["consent"].setText(self.tr("Consent form…"))
        self.print_actions["privacy"].setText(self.tr("Privacy notice (informativa)…"))
        self.print_actions["blank"].setText(self.tr("Blank intake form…"))
        self.history_title.setText(self.tr("History of changes"))
        self.history.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What")])
        tab_names = (self.tr("File"), self.tr("Pathway"), self.tr("Plan"), self.tr("Diary"), self.tr("Placements"),
                     self.tr("Timeline"), self.tr("Closure"))  # fmt: skip
        for index, name in enumerate(tab_names):
            self.tabs.setTabText(index, name)
        self.save_button.setText(self.tr("&Save changes"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.editor.set_language(self._language())
        if self.case is not None:
            self._show(self.case)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- showing -------------------------------------------------------------------------------------------

    def open_case(self, case_id: str, *, resume_editing: dict[str, Any] | None = None) -> None:
        """Show a case; with ``resume_editing`` (an edit's draft after unlocking) go straight back to the editor."""
        desk = self._desk

        def read() -> tuple[CaseFile, dict[str, Writer], IamError | None]:
            return desk.cases.open(case_id), desk.cases.writers(case_id), desk.cases.read_only(case_id)

        def shown(result: tuple[CaseFile, dict[str, Writer], IamError | None]) -> None:
            self.operators, self.read_only = result[1], result[2]
            self._show(result[0])
            if resume_editing is not None:
                self.start_editing(resume_editing)

        self._runner.run_database(read, shown)

    def _show(self, case: CaseFile) -> None:
        if not self._desk.unlocked:
            return
        self.case = case
        language = self._language()
        self.answers = join_answers(self.form, case.person, case.extra)
        given = " ".join(case.person.get("given_names") or [])
        self.title_label.setText(f"{str(case.person.get('family_name', '')).upper()} {given}".strip())
        operators = self.operators
        opened = "/".join(reversed(str(case.meta.get("opened", "")).split("-")))
        self.meta_label.setText(
            self.tr("Opened on {0} by {1} · status: {2} · step {3}").format(
                opened, operator_name(operators, case.meta.get("operator")), status_name(str(case.meta.get("status"))),
                case.meta.get("step", 1),
            )
        )  # fmt: skip
        self.summary.show_answers(self.answers, language)
        self._show_history(case, operators, language)
        can_edit = self._desk.can(Permission.EDIT_CASE) and self.read_only is None
        self.read_only_banner.setVisible(self.read_only is not None)
        if self.read_only is not None:
            self.read_only_banner.setText(describe(self.read_only, language))
        for panel in self.pathway_panels.values():
            panel.set_read_only(self.read_only is not None)  # readable, not editable; the service refuses writes too
        self.edit_button.setEnabled(can_edit)
        self.refer_button.setEnabled(can_edit)
        self.print_button.setEnabled(self._desk.can(Permission.PRINT))
        self.rights_button.set_case(case, read_only=self.read_only is not None)
        self.attachments.show_attachments(case.case_id, case.attachments, can_edit)
        if self._pathway_case != case.case_id:
            self._pathway_case = case.case_id
            for panel in self.pathway_panels.values():
                panel.set_case(case.case_id)
        self.pages.setCurrentIndex(0)

    def _field_label(self, key: str, language: str) -> str:
        name = key.removeprefix("extra.")
        try:
            f = self.form.field(name)
        except KeyError:
            others = {"codice_fiscale_history": self.tr("Previous codici fiscali"), "consents": self.tr("Consents"),
                      "permit": self.tr("Residence permit"), "registrations": self.tr("Registrations")}  # fmt: skip
            return others.get(name, name)
        return f.label.get(language, f.label["it"])

    @staticmethod
    def field_changes(changes: Mapping[str, Any]) -> list[tuple[str, Any, Any]]:
        """(key, old, new) per changed field; a nested record (the permit) is opened up into its changed parts, so
        each line names a field of the form ("permit.expires") rather than the whole record."""
        out: list[tuple[str, Any, Any]] = []
        for key, change in changes.items():
            old, new = change.get("from"), change.get("to")
            nested = key.split(".", 1)[0] == "permit"  # the one nested record of the person format
            if nested and isinstance(old, dict | None) and isinstance(new, dict | None) and (old or new):
                before, after = old or {}, new or {}
                for sub in sorted(set(before) | set(after)):
                    if before.get(sub) != after.get(sub):
                        out.extend(CaseFileView.field_changes({f"{key}.{sub}": {"from": before.get(sub),
                                                                                 "to": after.get(sub)}}))  # fmt: skip
                continue
            out.append((key, old, new))
        return out

    def _show_history(self, case: CaseFile, operators: Mapping[str, Writer], language: str) -> None:
        actions = {"case.create": self.tr("case opened"), "case.update": self.tr("changed"),
                   "case.import": self.tr("imported")}  # fmt: skip
        self.history.clear()
        for entry in reversed(case.history):
            at = str(entry.get("at", ""))
            try:
                when = datetime.fromisoformat(at).astimezone().strftime("%d/%m/%Y %H:%M")
            except ValueError:
                when = at[:16]
            action = str(entry.get("action", ""))
            changed = self.field_changes(entry.get("changes") or {}) if action == "case.update" else []
            summary = actions.get(action, action)
            if changed:
                summary += ": " + ", ".join(dict.fromkeys(self._field_label(k, language) for k, _o, _n in changed))
            item = QTreeWidgetItem([when, operator_name(operators, entry.get("operator")), summary])
            item.setToolTip(1, item.text(1))
            item.setToolTip(2, summary)
            for key, old, new in changed:
                line = f"{short_value(old)} → {short_value(new)}"
                child = QTreeWidgetItem(["", self._field_label(key, language), line])
                child.setToolTip(2, line)
                item.addChild(child)
            self.history.addTopLevelItem(item)
            item.setExpanded(True)
        self.history.resizeColumnToContents(0)
        self.history.resizeColumnToContents(1)  # a name with its desk, or "another computer's operator", whole
        self.history.setColumnWidth(1, min(max(self.history.columnWidth(1), 150), 260))

    def clear(self) -> None:
        """Forget the case shown (on lock): names must not stay behind the lock screen."""
        self.case = None
        self.read_only = None
        self.read_only_banner.hide()
        self.answers = {}
        self.title_label.clear()
        self.meta_label.clear()
        self.summary.show_answers({}, self._language())
        self.history.clear()
        self.attachments.clear()
        self.rights_button.set_case(None)
        self._pathway_case = None
        for panel in self.pathway_panels.values():
            panel.clear()
        self.tabs.setCurrentIndex(0)
        self.editor.set_values({})
        self.pages.setCurrentIndex(0)
        for preview in list(self.previews):
            preview.close()

    def _pathway_changed(self) -> None:
        """A move, a plan, a diary entry …: the other panels and the case's step and status follow."""
        sender = self.sender()
        for panel in self.pathway_panels.values():
            if panel is not sender:
                panel.refresh()
        row = self._desk.cases.row(self.case.case_id) if self.case is not None else None
        if self.case is not None and row is not None:
            # The header shows step and status: update them from the index, without another audited read.
            self.case.meta.update(step=row.step, status=row.status)
            self._show(self.case)
        self.changes_applied.emit(Changes(cases=True))

    def _attachment_added(self) -> None:
        if self.case is not None:
            self.open_case(self.case.case_id)
            self.changes_applied.emit(Changes(cases=True))

    # -- editing -------------------------------------------------------------------------------------------

    def start_editing(self, values: dict[str, Any] | None = None) -> None:
        if self.case is None:
            return
        self.editor_title.setText(self.tr("Editing: {0}").format(self.title_label.text()))
        self.editor.set_values(self.answers if values is None else values)
        self.editor.show_findings({}, {})
        self.pages.setCurrentIndex(1)
        self.editor.go_to(0)

    @property
    def editing(self) -> bool:
        return self.pages.currentIndex() == 1

    def cancel_edit(self) -> None:
        self.pages.setCurrentIndex(0)
        self._forget_edit_draft()

    def save_edit_draft(self) -> None:
        """Keep the edit in progress as an encrypted draft (a crash or a lock does not lose it)."""
        self.draft_timer.stop()
        if self.case is None or not self.editing or not self._desk.unlocked:
            return
        desk, data = self._desk, {"case_id": self.case.case_id, "values": self.editor.values()}
        self._runner.run_database(lambda: desk.save_draft(EDIT_FORM_ID, data))

    def _forget_edit_draft(self) -> None:
        self.draft_timer.stop()
        if self._desk.unlocked:
            desk = self._desk
            self._runner.run_database(lambda: desk.discard_draft(EDIT_FORM_ID))

    def save_edit(self) -> None:
        if self.case is None:
            return
        language = self._language()
        values = self.editor.values()
        found = check_answers(self.form, values, language, date.today())
        self.editor.show_findings(found.errors, found.warnings)
        if found.errors:
            self.editor.focus_field(next(iter(found.errors)))
            return
        person, extra = split_answers(self.form, values)
        cases, case_id = self._desk.cases, self.case.case_id
        self._runner.run_database(lambda: cases.update(case_id, person, extra=extra), self._saved, self._refused)

    def _saved(self, _changed: list[str]) -> None:
        self._forget_edit_draft()
        if self.case is not None:
            self.open_case(self.case.case_id)
        self.changes_applied.emit(Changes(cases=True))

    def _refused(self, error: BaseException) -> None:
        placed = service_refusal(self.form, error, self._language()) if isinstance(error, ValidationError) else None
        if placed is None:
            self._errors.show(error)
            return
        self.editor.show_findings({placed[0]: placed[1]}, {})
        self.editor.focus_field(placed[0])

    # -- referral ------------------------------------------------------------------------------------------

    def propose_referral(self) -> None:
        """The "refer" dialog (what to share, pre-filled by purpose); the referral is written on the worker."""
        if self.case is None:
            return
        from ..network.propose import ProposeReferralDialog, choices

        desk, case_id = self._desk, self.case.case_id

        def ask(offer: Any) -> None:
            dialog = ProposeReferralDialog(offer, self._language(), self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            answers = dialog.values()
            self._runner.run_database(lambda: desk.network.referrals.propose(case_id, **answers),
                                      lambda _rid: self.changes_applied.emit(Changes(cases=True)),
                                      self._errors.show)  # fmt: skip

        self._runner.run_database(lambda: choices(desk), ask, self._errors.show)

    def _erased(self, _case_id: str) -> None:
        """The person was erased: nothing of the case stays on screen; the list reloads without it."""
        self.clear()
        self.closed.emit()
        self.changes_applied.emit(Changes(cases=True))

    # -- printing ------------------------------------------------------------------------------------------

    def print_language(self) -> str | None:
        """The person's first language when there is a printed version of it, else the operator's choice."""
        spoken = [str(code) for code in (self.case.person.get("languages") or [])] if self.case else []
        printable = print_languages()
        for code in spoken[:1]:
            if code in printable:
                return code
        names = {"it": "italiano", "en": "English", "fr": "français", "ar": "العربية"}
        items = [f"{names.get(code, code)} ({code})" for code in printable]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Language of the document"),
            self.tr("The document is printed in Italian and in:"), items, 1 if len(items) > 1 else 0, False,
        )  # fmt: skip
        return printable[items.index(choice)] if ok and choice in items else None

    def print_document(self, key: str, language: str | None = None) -> None:
        if self.case is None and key != "blank":
            return
        language = language or self.print_language()
        if language is None:
            return
        documents, case_id = self._desk.documents, self.case.case_id if self.case else ""
        temp = PrivateTempDir()
        target = temp.file(f"{key}-{language}.pdf")
        writers: dict[str, Callable[[], Path]] = {
            "intake": lambda: documents.intake(case_id, language, target),
            "consent": lambda: documents.consent(case_id, language, target),
            "privacy": lambda: documents.privacy_notice(language, target, case_id=case_id or None),
            "blank": lambda: documents.blank_intake(language, target),
        }

        def failed(error: BaseException) -> None:
            temp.remove()
            self._errors.show(error)

        self._runner.run_database(writers[key], lambda path: self._preview(path, temp, key), failed)

    def _preview(self, pdf: Path, temp: PrivateTempDir, key: str) -> None:
        title = self.print_actions[key].text().rstrip("…")
        preview = open_pdf(pdf, temp, title, self.window())
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.destroyed.connect(lambda _=None, p=preview: self.previews.remove(p) if p in self.previews else None)
        self.previews.append(preview)
        preview.show()
