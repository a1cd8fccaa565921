"""The person's data rights in the app (issue 7, ``desk.network.rights``): the case file's "Diritti della persona"
menu — export everything held about the person (access: one JSON and one PDF in a folder the operator chooses, the
PDF offered in the preview) and erase the person (right to erasure: a confirmation that says what happens and asks
for the family name typed, then crypto-shredding here and the erasure queued for the server) — and the retention
review reached from Settings (the cases the rules make due, none pre-selected, erased only after a confirmation
that names how many people). Every read and write runs on the database worker; what a role cannot do is disabled
with the reason in its tooltip, and the services refuse it anyway."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.domain.referral import State
from iam_desktop.domain.roles import Permission
from iam_desktop.services.cases import CaseFile
from iam_desktop.services.data_rights import RetentionCandidate
from iam_desktop.services.desk import Changes, Desk
from iam_desktop.services.referrals import network_rules

from ..errors import ErrorDialog
from ..pdf_preview import open_pdf
from ..tasks import TaskRunner
from ..widgets import heading

# Bold in every state: the button is sized once, while still disabled, and must fit its text when enabled.
DANGER_STYLE = (
    "QPushButton { font-weight: bold; padding: 4px 14px; } "
    "QPushButton:enabled { background: #b00020; color: white; border: 1px solid #7a0016; border-radius: 3px; }"
)
PENDING_STATES = (State.PROPOSED.value, State.ACCEPTED.value)


def italian_day(iso: str) -> str:
    """2020-06-30 → 30/06/2020 (the date format of the whole app)."""
    parts = iso[:10].split("-")
    return "/".join(reversed(parts)) if len(parts) == 3 else iso


def ask_folder(parent: QWidget, title: str) -> str:
    """The folder for the export ("" when the operator cancels); tests replace ``QFileDialog``'s call."""
    start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return QFileDialog.getExistingDirectory(parent, title, start)


class ExportDoneDialog(QDialog):
    """Where the two files are, and "Open the PDF" (the in-app preview)."""

    open_requested = Signal()

    def __init__(self, json_path: Path, pdf_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Person's data exported"))
        self.setMinimumWidth(640)
        title = heading(size_delta=3)
        title.setText(self.tr("The person's data was exported"))
        self.files_label = QLabel(
            self.tr(
                "Two files hold everything this computer keeps about the person, in the folder<br><b>{0}</b><br><br>"
                "<b>PDF</b> (to read and hand over): {1}<br><b>JSON</b> (the same data, for another system): {2}"
                "<br><br>They hold personal data: give them to the person directly, then delete them from this "
                "folder."
            ).format(pdf_path.parent, pdf_path.name, json_path.name)
        )
        self.files_label.setWordWrap(True)
        self.files_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("&Open the PDF"))
        self.open_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.files_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(self.open_requested)
        self.open_button.clicked.connect(self.accept)
        self.close_button.clicked.connect(self.reject)


class EraseDialog(QDialog):
    """What erasing does, in plain words; the erase button is enabled only once the family name (or, when the case
    has none, a fixed word) is typed."""

    def __init__(self, name: str, family_name: str, pending: int, extracts: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Erase the person"))
        self.setMinimumWidth(600)
        self.expected = family_name.strip() or self.tr("ERASE")
        title = heading(size_delta=3)
        title.setText(self.tr("Erase {0} from the whole network?").format(name or "—"))
        points = [
            self.tr(
                "<b>It cannot be undone.</b> The key of the case is destroyed: nothing of the person can be "
                "read again, not even from a backup."
            ),
            self.tr(
                "It happens on this computer now, and on every computer of the network and on the server at "
                "the next sync."
            ),
            self.tr(
                "Referrals still pending: {0} — they are released (a booked place becomes free again). Extracts "
                "shared with other desks: {1} — they are erased too."
            ).format(pending, extracts)
            if pending or extracts
            else self.tr("No referral in progress and no extract shared with other desks: nothing else to release."),
            self.tr("Only an audit line without personal data stays: that a case was erased, by whom and when."),
        ]
        self.explanation = QLabel("<ul>" + "".join(f"<li>{p}</li>" for p in points) + "</ul>")
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        if family_name.strip():
            prompt = self.tr("To confirm, type the person's family name: <b>{0}</b>").format(self.expected)
        else:
            prompt = self.tr("The case has no family name. To confirm, type the word <b>{0}</b>").format(self.expected)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.prompt.setBuddy(self.name_edit)
        self.erase_button = QPushButton(self.tr("Erase for good"))
        self.erase_button.setStyleSheet(DANGER_STYLE)
        self.erase_button.setEnabled(False)
        self.erase_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.erase_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.explanation)
        layout.addWidget(self.prompt)
        layout.addWidget(self.name_edit)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.name_edit.textChanged.connect(self._typed)
        self.erase_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)

    def _typed(self, text: str) -> None:
        # Capitals do not matter (the case file shows the family name in capitals); every letter does.
        self.erase_button.setEnabled(text.strip().casefold() == self.expected.casefold())


class PersonRightsButton(QToolButton):
    """The case file's "Diritti della persona" menu; ``erased`` (case id) once a person has been erased here."""

    erased = Signal(str)

    def __init__(self, desk: Desk, runner: TaskRunner, errors: ErrorDialog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._errors = errors
        self.case: CaseFile | None = None
        self.read_only = False
        self.erase_dialog: EraseDialog | None = None
        self.export_dialog: ExportDoneDialog | None = None
        self.previews: list[QDialog] = []
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.rights_menu = QMenu(self)
        self.rights_menu.setToolTipsVisible(True)  # a disabled action says why
        self.export_action = self.rights_menu.addAction("")
        self.erase_action = self.rights_menu.addAction("")
        self.setMenu(self.rights_menu)
        self.export_action.triggered.connect(self.export)
        self.erase_action.triggered.connect(self.ask_erase)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Person's &rights"))
        self.export_action.setText(self.tr("Export the person's data (access)…"))
        self.erase_action.setText(self.tr("Erase the person (right to erasure)…"))
        self._explain()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_case(self, case: CaseFile | None, *, read_only: bool = False) -> None:
        """The case shown (None on lock: its previews close, nothing of it stays)."""
        self.case, self.read_only = case, read_only
        if case is None:
            for preview in list(self.previews):
                preview.close()
            for dialog in (self.erase_dialog, self.export_dialog):
                if dialog is not None:
                    dialog.reject()
        self._explain()

    def _explain(self) -> None:
        unlocked = self._desk.unlocked
        can_export = unlocked and self._desk.can(Permission.EXPORT)
        can_erase = unlocked and self._desk.can(Permission.ERASE_CASE) and not self.read_only
        self.export_action.setEnabled(can_export and self.case is not None)
        self.erase_action.setEnabled(can_erase and self.case is not None)
        self.export_action.setToolTip(
            self.tr("One PDF and one JSON file with everything this computer holds about the person")
            if can_export else self.tr("Only a coordinator can export a person's data")
        )  # fmt: skip
        if self.read_only:
            erase_tip = self.tr("The case was transferred: the desk now responsible for it erases it")
        elif can_erase:
            erase_tip = self.tr("Erases the person on every computer and on the server; it cannot be undone")
        else:
            erase_tip = self.tr("Only a coordinator can erase a person")
        self.erase_action.setToolTip(erase_tip)
        self.setToolTip(self.tr("The person's rights: a copy of their data, or their erasure"))

    def _forget(self, name: str, ident: int) -> None:
        """Drop the reference to a closed dialog, unless a newer one has taken its place meanwhile."""
        if id(getattr(self, name)) == ident:
            setattr(self, name, None)

    # -- access --------------------------------------------------------------------------------------------
    def export(self) -> None:
        if self.case is None:
            return
        folder = ask_folder(self, self.tr("Folder for the person's data"))
        if not folder:
            return
        rights, case_id, target = self._desk.network.rights, self.case.case_id, Path(folder)
        self._runner.run_database(lambda: rights.export(case_id, target), self._exported, self._errors.show)

    def _exported(self, paths: tuple[Path, Path]) -> None:
        json_path, pdf_path = paths
        dialog = ExportDoneDialog(json_path, pdf_path, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_requested.connect(lambda: self.preview(pdf_path))
        ident = id(dialog)
        dialog.destroyed.connect(lambda _=None: self._forget("export_dialog", ident))
        self.export_dialog = dialog
        dialog.open()

    def preview(self, pdf: Path) -> None:
        """The exported PDF in the preview; it is the operator's file, so the preview leaves it in place."""
        preview = open_pdf(pdf, None, self.tr("Person's data"), self.window())
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.destroyed.connect(lambda _=None, p=preview: self.previews.remove(p) if p in self.previews else None)
        self.previews.append(preview)
        preview.show()

    # -- erasure -------------------------------------------------------------------------------------------
    def ask_erase(self) -> None:
        """Count what the erasure touches (on the worker), then ask."""
        if self.case is None:
            return
        desk, case_id = self._desk, self.case.case_id

        def count() -> tuple[int, int]:
            views = desk.network.referrals.all(case_id)
            pending = sum(1 for v in views if v.state in PENDING_STATES)
            return pending, len({v.extract_id for v in views if v.extract_id})

        self._runner.run_database(count, self._confirm_erase, self._errors.show)

    def _confirm_erase(self, counts: tuple[int, int]) -> None:
        case = self.case
        if case is None:
            return
        family = str(case.person.get("family_name") or "")
        name = f"{family.upper()} {' '.join(case.person.get('given_names') or [])}".strip()
        dialog = EraseDialog(name, family, counts[0], counts[1], self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.erase(case.case_id))
        ident = id(dialog)
        dialog.destroyed.connect(lambda _=None: self._forget("erase_dialog", ident))
        self.erase_dialog = dialog
        dialog.open()
        dialog.name_edit.setFocus()

    def erase(self, case_id: str) -> None:
        rights = self._desk.network.rights
        self._runner.run_database(lambda: rights.erase(case_id), lambda _r: self._erased(case_id), self._errors.show)

    def _erased(self, case_id: str) -> None:
        self.erased.emit(case_id)
        tell(
            self.window(),
            self.tr(
                "The person was erased from this computer. The erasure reaches the server and the other desks "
                "at the next sync (the sync panel shows it until then)."
            ),
        )


def tell(parent: QWidget | None, message: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("I.Am Desk")
    box.setText(message)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


class ConfirmDialog(QDialog):
    """A yes/no question whose yes is a destructive, plainly named button (Cancel is the default)."""

    def __init__(self, title: str, text: str, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.text_label = QLabel(text)
        self.text_label.setWordWrap(True)
        self.confirm_button = QPushButton(action)
        self.confirm_button.setStyleSheet(DANGER_STYLE)
        self.confirm_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_label)
        layout.addLayout(buttons)
        self.confirm_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)


class RetentionReviewDialog(QDialog):
    """The cases the retention rules make due, one checkbox each and none ticked; "Erase the selected…" asks how
    many people, then erases them. ``on`` is the day of the review (today unless a test says otherwise)."""

    changes_applied = Signal(object)

    def __init__(
        self, desk: Desk, runner: TaskRunner, errors: ErrorDialog, on: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._errors = errors
        self._on = on
        self.candidates: list[RetentionCandidate] = []
        self.confirm: ConfirmDialog | None = None
        self.setWindowTitle(self.tr("Retention review"))
        self.resize(860, 480)
        title = heading(size_delta=3)
        title.setText(self.tr("Cases due for erasure"))
        years = {str(r["purpose"]): int(r["erase_after_years"]) for r in network_rules()["rules"]}
        self.note = QLabel(
            self.tr(
                "The retention rules of the network say these cases should now be erased: closed cases {0} years "
                "after closure, open cases untouched for {1} years. Nothing is erased until you tick the people and "
                "confirm; a person you keep stays listed at the next review."
            ).format(years.get("presa_in_carico", "—"), years.get("abandoned_intake", "—"))
        )
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Person"), self.tr("Why"), self.tr("Since"), self.tr("Due on")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: palette(placeholder-text); padding: 24px;")
        self.erase_button = QPushButton(self.tr("Erase the selected…"))
        self.erase_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.erase_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(buttons)
        self.table.itemChanged.connect(lambda _item: self._selection_changed())
        self.erase_button.clicked.connect(self.ask_erase)
        self.close_button.clicked.connect(self.accept)
        self.reload()

    def purpose_words(self, rule: str) -> str:
        words = {
            "presa_in_carico": self.tr("Case closed: kept for {0} years after closure"),
            "abandoned_intake": self.tr("Open case with no activity for {0} years"),
        }
        years = {str(r["purpose"]): r["erase_after_years"] for r in network_rules()["rules"]}
        return words[rule].format(years.get(rule, "?")) if rule in words else rule

    def reload(self) -> None:
        desk, on = self._desk, self._on

        def read() -> list[tuple[RetentionCandidate, str]]:
            found = desk.network.rights.review(on)
            rows = [(c, desk.cases.row(c.case_id)) for c in found]
            return [(c, row.display_name if row is not None else c.case_id[:8]) for c, row in rows]

        self.erase_button.setEnabled(False)
        self._runner.run_database(read, self._show, self._errors.show)

    def _show(self, found: list[tuple[RetentionCandidate, str]]) -> None:
        self.candidates = [c for c, _name in found]
        self.table.blockSignals(True)
        self.table.setRowCount(len(found))
        for index, (candidate, name) in enumerate(found):
            person = QTableWidgetItem(name)
            person.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            person.setCheckState(Qt.CheckState.Unchecked)
            person.setData(Qt.ItemDataRole.UserRole, candidate.case_id)
            self.table.setItem(index, 0, person)
            cells = (self.purpose_words(candidate.rule), italian_day(candidate.since), italian_day(candidate.due))
            for column, value in enumerate(cells, start=1):
                self.table.setItem(index, column, QTableWidgetItem(value))
        self.table.blockSignals(False)
        self.table.setVisible(bool(found))
        self.empty_label.setVisible(not found)
        self.empty_label.setText(self.tr("No case is due for erasure under the retention rules: nothing to do."))
        self._selection_changed()

    def selected(self) -> list[str]:
        out = []
        for index in range(self.table.rowCount()):
            item = self.table.item(index, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def set_checked(self, case_id: str, checked: bool = True) -> None:
        for index in range(self.table.rowCount()):
            item = self.table.item(index, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == case_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _selection_changed(self) -> None:
        count = len(self.selected())
        self.erase_button.setEnabled(count > 0)
        self.erase_button.setText(self.tr("Erase the selected ({0})…").format(count) if count else
                                  self.tr("Erase the selected…"))  # fmt: skip

    def ask_erase(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        text = self.tr(
            "People selected for erasure: <b>{0}</b>.<br><br>Their cases are erased on this computer now, and on "
            "every computer of the network and on the server at the next sync. It cannot be undone; only an audit "
            "line without personal data stays for each."
        ).format(len(chosen))
        dialog = ConfirmDialog(self.tr("Erase the selected people"), text,
                               self.tr("Erase for good"), self)  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.erase(chosen))
        dialog.destroyed.connect(lambda _=None: setattr(self, "confirm", None))
        self.confirm = dialog
        dialog.open()

    def erase(self, case_ids: list[str]) -> None:
        rights, on = self._desk.network.rights, self._on
        self.erase_button.setEnabled(False)
        self._runner.run_database(lambda: rights.apply_review(case_ids, confirmed=True, on=on), self._erased,
                                  self._failed)  # fmt: skip

    def _erased(self, erased: list[str]) -> None:
        self.changes_applied.emit(Changes(cases=True))
        self.reload()
        tell(
            self,
            self.tr(
                "People erased from this computer: {0}. The erasure reaches the server and the other desks "
                "at the next sync."
            ).format(len(erased)),
        )

    def _failed(self, error: BaseException) -> None:
        self.reload()
        self._errors.show(error)


def open_retention_review(desk: Desk, runner: TaskRunner, errors: ErrorDialog, parent: QWidget,
                          on_changes: Callable[[Any], None]) -> RetentionReviewDialog:  # fmt: skip
    """The retention review, shown window-modal without blocking; ``on_changes`` hears of the erasures. The caller
    owns it (rejects and deletes it on lock)."""
    dialog = RetentionReviewDialog(desk, runner, errors, parent=parent)
    dialog.changes_applied.connect(on_changes)
    dialog.open()
    return dialog
