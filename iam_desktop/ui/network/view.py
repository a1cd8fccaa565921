"""The "Rete" section of the main window: the network's shared catalogue (filterable by kind, with the places a
double booking over-commits marked) and the referral inbox of this desk, where a coordinator accepts or declines
(with a reason) the referral selected — below it, the shared extract of a housing, job or training referral (only
the sections the sending desk chose, read-only). Talks only to ``desk.network``; every read and write runs on the
task runner's database worker and comes back by callback; ``changed`` fires after an answer (cases may have
moved)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.domain.catalogue import EntryKind
from iam_desktop.domain.referral import Purpose, State
from iam_desktop.domain.roles import Permission
from iam_desktop.services.desk import Desk

from ..errors import ErrorDialog
from ..tasks import TaskRunner
from ..widgets import heading, read_only_table, selected_row
from .methodology import MethodologyPanel
from .referrals_sent import SentPanel, print_letter

CATALOGUE_COLUMNS = ("kind", "title", "territory", "places_free", "booked")
INBOX_COLUMNS = ("state", "purpose", "from_desk", "opportunity", "problems")
LIVE_STATES = (State.PROPOSED.value, State.ACCEPTED.value)


def load(desk: Desk) -> dict[str, Any]:
    """What the view shows, read on the database worker."""
    cat = desk.network.catalogue
    conflicts = cat.booking_conflicts()
    booked: dict[str, int] = {}
    for b in cat.bookings():
        booked[b.entry_id] = booked.get(b.entry_id, 0) + 1
    names = {d["desk_id"]: d["name"] for d in cat.directory()}
    entries = [{**e.to_dict(), "booked": booked.get(e.entry_id, 0), "overbooked": e.entry_id in conflicts}
               for e in cat.entries()]  # fmt: skip
    inbox = [
        {**v.as_dict(), "from_desk": names.get(v.from_desk, v.from_desk[:8])} for v in desk.network.referrals.inbox()
    ]
    sent = [v.as_dict() for v in desk.network.referrals.sent()]
    return {"entries": entries, "inbox": inbox, "sent": sent, "names": names}


class NetworkView(QWidget):
    changed = Signal()

    def __init__(
        self, desk: Desk, runner: TaskRunner, errors: ErrorDialog, language: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._desk, self._runner, self._errors, self._language = desk, runner, errors, language
        self._data: dict[str, Any] = {"entries": [], "inbox": [], "sent": [], "names": {}}
        self.tabs = QTabWidget(self)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All entries"), "")
        for kind, label in ((EntryKind.HOUSING, self.tr("Housing")), (EntryKind.JOB, self.tr("Jobs and internships")),
                            (EntryKind.TRAINING, self.tr("Training")), (EntryKind.PARTNER, self.tr("Partners")),
                            (EntryKind.METHODOLOGY, self.tr("Methodology"))):  # fmt: skip
            self.kind.addItem(label, kind.value)
        # What the tables show for the stored codes, in the operator's language.
        self.kind_names = {EntryKind.HOUSING.value: self.tr("Housing", "kind of one entry"),
                           EntryKind.JOB.value: self.tr("Job"),
                           EntryKind.TRAINING.value: self.tr("Training"), EntryKind.PARTNER.value: self.tr("Partner"),
                           EntryKind.METHODOLOGY.value: self.tr("Methodology")}  # fmt: skip
        self.state_names = {State.PROPOSED.value: self.tr("proposed"), State.ACCEPTED.value: self.tr("accepted"),
                            State.DECLINED.value: self.tr("declined"), State.WITHDRAWN.value: self.tr("withdrawn"),
                            State.COMPLETED.value: self.tr("completed")}  # fmt: skip
        self.purpose_names = {Purpose.HOUSING.value: self.tr("housing"), Purpose.JOB.value: self.tr("job"),
                              Purpose.TRAINING.value: self.tr("training"),
                              Purpose.TRANSFER.value: self.tr("transfer of the whole case")}  # fmt: skip
        self.problem_names = {"answered_after_withdrawal": self.tr("answered after the sender withdrew it"),
                              "place_overbooked": self.tr("the place is booked twice")}  # fmt: skip
        self.kind.currentIndexChanged.connect(self._fill_catalogue)
        self.catalogue = read_only_table([self.tr("Kind"), self.tr("Title"), self.tr("Territory"),
                                          self.tr("Free places"), self.tr("Booked")], stretch=1)  # fmt: skip
        self.inbox = read_only_table([self.tr("State"), self.tr("Purpose"), self.tr("From"), self.tr("Opportunity"),
                                      self.tr("Problems")], stretch=3)  # fmt: skip
        self.accept = QPushButton(self.tr("Accept"))
        self.decline = QPushButton(self.tr("Decline…"))
        self.inbox_letter = QPushButton(self.tr("Print &letter…"))
        self.inbox_letter.clicked.connect(self._print_letter)
        self.previews: list[QDialog] = []
        self.accept.clicked.connect(lambda: self._answer("accepted"))
        self.decline.clicked.connect(lambda: self._answer("declined"))
        self.inbox.itemSelectionChanged.connect(self._buttons)
        self.inbox.itemSelectionChanged.connect(self._selected)
        self.extract = QTextBrowser()
        self.extract.setMinimumHeight(160)

        catalogue_page = QWidget()
        col = QVBoxLayout(catalogue_page)
        self.empty_note = QLabel(
            self.tr(
                "The network's catalogue is empty on this computer. It arrives with sync once a desk has founded it; "
                "a coordinator can also import a catalogue file (iam-desktop catalogue import)."
            )
        )
        self.empty_note.setWordWrap(True)
        self.empty_note.setStyleSheet("color: palette(placeholder-text); font-size: 11pt;")
        col.addWidget(self.kind)
        col.addWidget(self.empty_note)
        col.addWidget(self.catalogue)
        inbox_page = QWidget()
        col2 = QVBoxLayout(inbox_page)
        col2.addWidget(self.inbox, 2)
        col2.addWidget(self.extract, 3)
        row = QHBoxLayout()
        row.addWidget(self.inbox_letter)
        row.addStretch(1)
        row.addWidget(self.decline)
        row.addWidget(self.accept)
        col2.addLayout(row)
        self.tabs.addTab(catalogue_page, self.tr("Catalogue"))
        self.tabs.addTab(inbox_page, self.tr("Referrals received"))
        self.sent = SentPanel(desk, runner, errors)
        self.sent.changed.connect(lambda: self._answered(None))
        self.tabs.addTab(self.sent, self.sent.title())
        self.methodology = MethodologyPanel(desk, runner, errors)
        self.tabs.addTab(self.methodology, self.methodology.title())
        self.title = heading(size_delta=6)
        self.title.setText(self.tr("Network"))
        outer = QVBoxLayout(self)
        outer.addWidget(self.title)
        outer.addWidget(self.tabs)
        self._buttons()

    def reload(self) -> None:
        self._runner.run_database(lambda: load(self._desk), self._loaded, self._errors.show)
        self.methodology.reload()

    def clear(self) -> None:
        """Forget what was shown (on lock)."""
        self._loaded({"entries": [], "inbox": [], "sent": [], "names": {}})
        self.methodology.clear()

    def _loaded(self, data: dict[str, Any]) -> None:
        self._data = data
        self._fill_catalogue()
        rows = data["inbox"]
        self.extract.clear()
        self.inbox.setRowCount(len(rows))
        for r, view in enumerate(rows):
            titles = {e["id"]: e["title"] for e in data["entries"]}
            opportunity = view["opportunity"] or ""
            values = [self.state_names.get(view["state"], view["state"]),
                      self.purpose_names.get(view["purpose"], view["purpose"]), view["from_desk"],
                      titles.get(opportunity, opportunity),
                      ", ".join(self.problem_names.get(p, p) for p in view["problems"])]  # fmt: skip
            for c, value in enumerate(values):
                self.inbox.setItem(r, c, QTableWidgetItem(str(value)))
        titles = {e["id"]: e["title"] for e in data["entries"]}
        self.sent.fill(data.get("sent", []), data["names"], titles)
        self._buttons()

    def _fill_catalogue(self) -> None:
        kind = self.kind.currentData()
        self.empty_note.setVisible(not self._data["entries"])
        rows = [e for e in self._data["entries"] if not kind or e["kind"] == kind]
        self.catalogue.setRowCount(len(rows))
        for r, entry in enumerate(rows):
            booked = f"{entry['booked']} ⚠" if entry["overbooked"] else str(entry["booked"] or "")
            kind_name = self.kind_names.get(entry["kind"], entry["kind"])
            values = [kind_name, entry["title"], entry["territory"], entry.get("places_free", ""), booked]
            for c, value in enumerate(values):
                self.catalogue.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))

    def selected_referral(self) -> dict[str, Any] | None:
        return selected_row(self.inbox, self._data["inbox"])

    def _buttons(self) -> None:
        view = self.selected_referral()
        can = view is not None and view["state"] == "proposed" and self._desk.can(Permission.ANSWER_REFERRAL)
        self.accept.setEnabled(can)
        self.decline.setEnabled(can)
        # The letter needs what was shared: the extract, or the transferred case while the transfer stands.
        shared = view is not None and bool(
            view["extract_id"] or (view["purpose"] == Purpose.TRANSFER.value and view["state"] in LIVE_STATES)
        )
        self.inbox_letter.setEnabled(shared and self._desk.can(Permission.PRINT))

    def _print_letter(self) -> None:
        view = self.selected_referral()
        language = self.sent.ask_language() if view is not None else None
        if view is not None and language is not None:
            print_letter(self, self._desk, self._runner, self._errors, view["referral_id"], language, self.previews)

    def ask_reason(self) -> str | None:
        reason, ok = QInputDialog.getText(self, self.tr("Decline the referral"), self.tr("Reason:"))
        return reason if ok else None

    def _answer(self, decision: str) -> None:
        view = self.selected_referral()
        if view is None:
            return
        reason = ""
        if decision == "declined":
            asked = self.ask_reason()
            if asked is None:
                return
            reason = asked
        rid = view["referral_id"]
        self._runner.run_database(lambda: self._desk.network.referrals.answer(rid, decision, reason),
                                  self._answered, self._errors.show)  # fmt: skip

    def _selected(self) -> None:
        """Show what the selected referral shares: its extract (read on the worker, audited), or why there is none."""
        view = self.selected_referral()
        if view is None:
            self.extract.clear()
        elif view["extract_id"]:
            rid = view["referral_id"]
            self._runner.run_database(lambda: self._desk.network.referrals.extract(rid), self._show_extract,
                                      self._errors.show)  # fmt: skip
        elif view["purpose"] == "transfer" and view["state"] in (State.DECLINED.value, State.WITHDRAWN.value):
            text = self.tr("The transfer is over: the case is the sending desk's and no longer on this computer.")
            if "answered_after_withdrawal" in view["problems"]:
                text += " " + self.tr("The sending desk withdrew it before your acceptance reached it.")
            self.extract.setPlainText(text)
        elif view["purpose"] == "transfer":
            self.extract.setPlainText(self.tr("A transfer: the whole case is in the case list."))
        else:
            self.extract.setPlainText(
                self.tr("The referral is over: the shared extract is no longer on this computer.")
            )

    def _show_extract(self, extract: Any) -> None:
        from .extract_text import extract_html

        sender = self._data["names"].get(extract.from_desk) or extract.from_name or extract.from_desk[:8]
        copied = str(extract.copied_at)[:10].split("-")
        title = self.tr("Extract shared by {0} — read only (copied on {1})").format(sender, "/".join(reversed(copied)))
        self.extract.setHtml(extract_html(title, extract, self._language()))

    def _answered(self, _view: object) -> None:
        self.changed.emit()
        self.reload()
