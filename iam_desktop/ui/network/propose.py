"""The "refer this case" dialog (proposta di invio): to which desk or partner, for what purpose, which catalogue
opportunity, and — one checkbox per section of ``resources/referrals/sections.json`` — which parts of the file the
receiving desk will read, pre-filled by purpose. A transfer gives the whole case, so its boxes are all ticked and
locked. What the dialog offers is read on the database worker (:func:`choices`); the dialog only collects answers,
the caller proposes through ``desk.network.referrals``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.domain.catalogue import EntryKind
from iam_desktop.domain.referral import Purpose, ShareRules
from iam_desktop.domain.roles import Permission
from iam_desktop.services.desk import Desk
from iam_desktop.services.referrals import share_rules


@dataclass(frozen=True)
class ReferralChoices:
    desks: list[tuple[str, str]]  # (id, name): the other desks of the directory, then partners as partner:<id>
    opportunities: list[tuple[str, str, str]]  # (entry id, kind, title)
    rules: ShareRules
    can_record_basis: bool


def choices(desk: Desk) -> ReferralChoices:
    """What the dialog offers, read on the database worker."""
    net = desk.network
    me = net.referrals.my_desk_id()
    desks = [(d["desk_id"], d["name"]) for d in net.catalogue.directory() if d["desk_id"] != me and d["name"]]
    entries = net.catalogue.entries() if net.catalogue.joined() else []
    desks += [(f"partner:{e.entry_id}", e.title) for e in entries if e.kind is EntryKind.PARTNER]
    offers = [(e.entry_id, e.kind.value, e.title) for e in entries
              if e.kind in (EntryKind.HOUSING, EntryKind.JOB, EntryKind.TRAINING)]  # fmt: skip
    return ReferralChoices(sorted(desks, key=lambda d: (d[0].startswith("partner:"), d[1])), offers, share_rules(),
                           desk.can(Permission.RECORD_LAWFUL_BASIS))  # fmt: skip


class ProposeReferralDialog(QDialog):
    def __init__(self, offer: ReferralChoices, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._offer, self._language = offer, language
        self.to = QComboBox()
        for desk_id, name in offer.desks:
            self.to.addItem(name, desk_id)
        self.purpose = QComboBox()
        self.opportunity = QComboBox()
        self.boxes: dict[str, QCheckBox] = {}
        self.sections = QGroupBox()
        col = QVBoxLayout(self.sections)
        for section in offer.rules.sections:
            box = QCheckBox(section.label_in(language))
            box.setProperty("section", section.section_id)
            self.boxes[section.section_id] = box
            col.addWidget(box)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        col.addWidget(self.note)
        self.basis = QLineEdit()
        self.basis.setEnabled(offer.can_record_basis)
        self.labels = {k: QLabel() for k in ("to", "purpose", "opportunity", "basis")}
        form = QFormLayout()
        for key, widget in (("to", self.to), ("purpose", self.purpose), ("opportunity", self.opportunity),
                            ("basis", self.basis)):  # fmt: skip
            self.labels[key].setBuddy(widget)
            form.addRow(self.labels[key], widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.sections)
        layout.addWidget(self.buttons)
        self.purpose.currentIndexChanged.connect(self._purpose_changed)
        for box in self.boxes.values():
            box.toggled.connect(self._check)
        self.retranslate()
        self.resize(520, self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Refer the case to another desk"))
        names = {
            Purpose.HOUSING: self.tr("Housing"),
            Purpose.JOB: self.tr("Job"),
            Purpose.TRAINING: self.tr("Training"),
            Purpose.TRANSFER: self.tr("Transfer of the whole case"),
        }
        current = self.purpose.currentData()
        self.purpose.blockSignals(True)
        self.purpose.clear()
        for purpose, name in names.items():
            self.purpose.addItem(name, purpose.value)
        self.purpose.setCurrentIndex(max(0, self.purpose.findData(current)))
        self.purpose.blockSignals(False)
        self.labels["to"].setText(self.tr("&To:"))
        self.labels["purpose"].setText(self.tr("&Purpose:"))
        self.labels["opportunity"].setText(self.tr("&Opportunity:"))
        self.labels["basis"].setText(self.tr("Lawful &basis (no consent):"))
        self.basis.setPlaceholderText(self.tr("coordinators only, when the person has not consented"))
        self.sections.setTitle(self.tr("Data to share"))
        self._purpose_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _purpose_changed(self) -> None:
        purpose = Purpose(self.purpose.currentData() or Purpose.HOUSING.value)
        chosen = set(self._offer.rules.ids() if purpose is Purpose.TRANSFER else self._offer.rules.default_for(purpose))
        for section_id, box in self.boxes.items():
            box.setChecked(section_id in chosen)
            box.setEnabled(purpose is not Purpose.TRANSFER)
        kinds = {Purpose.HOUSING: "housing", Purpose.JOB: "job", Purpose.TRAINING: "training"}
        self.opportunity.clear()
        self.opportunity.addItem(self.tr("(none)"), None)
        for entry_id, kind, title in self._offer.opportunities:
            if kinds.get(purpose) == kind:
                self.opportunity.addItem(title, entry_id)
        self._check()

    def _check(self) -> None:
        transfer = self.purpose.currentData() == Purpose.TRANSFER.value
        if transfer:
            self.note.setText(self.tr("A transfer gives the receiving desk the whole case; this desk keeps read-only "
                                      "access for the configured days."))  # fmt: skip
        else:
            self.note.setText(self.tr("The receiving desk reads a copy of only these parts (a shared extract), "
                                      "never the rest of the file."))  # fmt: skip
        ok = bool(self.to.count()) and (transfer or any(b.isChecked() for b in self.boxes.values()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> dict[str, Any]:
        """The answers as ``referrals.propose`` takes them."""
        return {
            "to_desk": self.to.currentData(), "purpose": self.purpose.currentData(),
            "opportunity": self.opportunity.currentData(),
            "share": [s for s, b in self.boxes.items() if b.isChecked()], "lawful_basis": self.basis.text().strip(),
        }  # fmt: skip
