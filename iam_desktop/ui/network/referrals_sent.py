"""The referrals this desk sent, in the "Rete" section: their state as the network last told it (the receiving desk's
answer arrives with sync), and what the sender may still do — withdraw a referral not answered yet, mark an accepted
one as done (the receiver's access to the extract ends), copy the chosen sections into the extract again — each
asked for confirmation where it cannot be undone. Plus the referral letter, printed from here or from the inbox
(``print_letter``). Reads and writes run on the task runner's database worker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.domain.referral import Purpose, State
from iam_desktop.domain.roles import Permission
from iam_desktop.services.desk import Desk

from ..errors import ErrorDialog
from ..pdf_preview import PrivateTempDir, open_pdf
from ..tasks import TaskRunner
from ..widgets import read_only_table, selected_row

SENT_COLUMNS = ("state", "purpose", "to_desk", "opportunity", "proposed_at", "problems")
LANGUAGE_NAMES = {"it": "italiano", "en": "English", "fr": "français", "ar": "العربية"}


def ask_letter_language(parent: QWidget) -> str | None:
    """The second language of the letter (the first is Italian): one the person reads, chosen by the operator."""
    from iam_desktop.services.documents import print_languages

    printable = [code for code in print_languages() if code != "it"] or ["it"]
    items = [f"{LANGUAGE_NAMES.get(code, code)} ({code})" for code in printable]
    title = QCoreApplication.translate("SentPanel", "Referral letter")
    label = QCoreApplication.translate("SentPanel", "The letter is printed in Italian and in:")
    choice, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return printable[items.index(choice)] if ok and choice in items else None


def print_letter(
    parent: QWidget, desk: Desk, runner: TaskRunner, errors: ErrorDialog, referral_id: str, language: str,
    previews: list[QDialog],
) -> None:  # fmt: skip
    """Write the referral letter on the worker into a private temporary folder and open its preview (which removes
    the folder when it closes)."""
    temp = PrivateTempDir()
    target = temp.file(f"invio-{referral_id[:8]}-{language}.pdf")

    def failed(error: BaseException) -> None:
        temp.remove()
        errors.show(error)

    def show(pdf: Path) -> None:
        title = QCoreApplication.translate("SentPanel", "Referral letter")
        preview = open_pdf(pdf, temp, title, parent.window())
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.destroyed.connect(lambda _=None, p=preview: previews.remove(p) if p in previews else None)
        previews.append(preview)
        preview.show()

    runner.run_database(lambda: desk.network.referral_letter(referral_id, target, language), show, failed)


class SentPanel(QWidget):
    """The table of referrals sent and their actions; ``changed`` fires after a withdrawal, completion or
    refresh."""

    changed = Signal()

    def __init__(self, desk: Desk, runner: TaskRunner, errors: ErrorDialog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk, self._runner, self._errors = desk, runner, errors
        self._rows: list[dict[str, Any]] = []
        self.previews: list[QDialog] = []
        self.state_names = {State.PROPOSED.value: self.tr("proposed — waiting for an answer"),
                            State.ACCEPTED.value: self.tr("accepted"), State.DECLINED.value: self.tr("declined"),
                            State.WITHDRAWN.value: self.tr("withdrawn"),
                            State.COMPLETED.value: self.tr("completed")}  # fmt: skip
        self.purpose_names = {Purpose.HOUSING.value: self.tr("housing"), Purpose.JOB.value: self.tr("job"),
                              Purpose.TRAINING.value: self.tr("training"),
                              Purpose.TRANSFER.value: self.tr("transfer of the whole case")}  # fmt: skip
        self.problem_names = {"answered_after_withdrawal": self.tr("accepted before the withdrawal reached them"),
                              "place_overbooked": self.tr("the place is booked twice"),
                              "desk_key_changed": self.tr("not sent: the server announces another key for this "
                                                          "desk; compare fingerprints by telephone")}  # fmt: skip
        headers = [self.tr("State"), self.tr("Purpose"), self.tr("To"), self.tr("Opportunity"),
                   self.tr("Proposed on"), self.tr("Problems")]  # fmt: skip
        self.table = read_only_table(headers, stretch=SENT_COLUMNS.index("problems"))
        self.table.itemSelectionChanged.connect(self._buttons)
        self.empty_note = QLabel(
            self.tr("This desk has not referred anyone yet. A referral is proposed from the person's case file "
                    "(Refer…); its state appears here once the receiving desk answers and both have synced.")
        )  # fmt: skip
        self.empty_note.setWordWrap(True)
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty_note.setStyleSheet("color: palette(placeholder-text); font-size: 11pt;")
        self.letter = QPushButton(self.tr("Print &letter…"))
        self.refresh = QPushButton(self.tr("&Update shared extract"))
        self.refresh.setToolTip(self.tr("Copy the chosen sections of the file into the extract again (the file "
                                        "changed since the referral)."))  # fmt: skip
        self.complete = QPushButton(self.tr("Mark as &done…"))
        self.withdraw = QPushButton(self.tr("&Withdraw…"))
        self.letter.clicked.connect(self._print)
        self.refresh.clicked.connect(lambda: self._act("refresh"))
        self.complete.clicked.connect(lambda: self._act("complete"))
        self.withdraw.clicked.connect(lambda: self._act("withdraw"))
        row = QHBoxLayout()
        row.addWidget(self.letter)
        row.addStretch(1)
        for button in (self.refresh, self.complete, self.withdraw):
            row.addWidget(button)
        col = QVBoxLayout(self)
        col.addWidget(self.empty_note)
        col.addWidget(self.table, 1)
        col.addLayout(row)
        self.ask_language: Callable[[], str | None] = lambda: ask_letter_language(self)
        self.fill([], {}, {})

    def title(self) -> str:
        return self.tr("Referrals sent")

    def fill(self, rows: list[dict[str, Any]], names: dict[str, str], titles: dict[str, str]) -> None:
        self._rows = rows
        self.empty_note.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self.table.setRowCount(len(rows))
        for r, view in enumerate(rows):
            to = view["to_desk"]
            to_name = names.get(to) or (self.tr("partner organisation") if to.startswith("partner:") else to[:8])
            opportunity = view["opportunity"] or ""
            day = str(view["proposed_at"])[:10].split("-")
            values = [self.state_names.get(view["state"], view["state"]),
                      self.purpose_names.get(view["purpose"], view["purpose"]), to_name,
                      titles.get(opportunity, opportunity), "/".join(reversed(day)),
                      ", ".join(self.problem_names.get(p, p) for p in view["problems"])]  # fmt: skip
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(str(value)))
        self._buttons()

    def selected(self) -> dict[str, Any] | None:
        return selected_row(self.table, self._rows)

    def _buttons(self) -> None:
        view = self.selected()
        state = view["state"] if view else ""
        can = self._desk.can(Permission.EDIT_CASE)
        extract = bool(view and view["extract_id"])
        self.letter.setEnabled(view is not None and self._desk.can(Permission.PRINT))
        self.withdraw.setEnabled(can and state == State.PROPOSED.value)
        self.complete.setEnabled(can and state == State.ACCEPTED.value and extract)
        self.refresh.setEnabled(can and extract and state in (State.PROPOSED.value, State.ACCEPTED.value))

    def confirm(self, action: str) -> bool:
        """Withdrawing and marking done cannot be undone: asked first (a test replaces this)."""
        if action == "refresh":
            return True
        text = {
            "withdraw": self.tr("Withdraw this referral? The receiving desk can no longer accept it, and its access "
                                "to what was shared ends. A new referral can be proposed later."),
            "complete": self.tr("Mark this referral as done? The receiving desk's access to the shared extract "
                                "ends; the referral stays in both desks' lists."),
        }[action]  # fmt: skip
        answer = QMessageBox.question(self, self.tr("Referral"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)  # fmt: skip
        return answer == QMessageBox.StandardButton.Yes

    def _act(self, action: str) -> None:
        view = self.selected()
        if view is None or not self.confirm(action):
            return
        referrals, rid = self._desk.network.referrals, view["referral_id"]
        do = {"withdraw": referrals.withdraw, "complete": referrals.complete, "refresh": referrals.refresh}[action]
        self._runner.run_database(lambda: do(rid), lambda _none: self.changed.emit(), self._errors.show)

    def _print(self) -> None:
        view = self.selected()
        language = self.ask_language() if view is not None else None
        if view is None or language is None:
            return
        print_letter(self, self._desk, self._runner, self._errors, view["referral_id"], language, self.previews)
