"""The timeline of a case: one chronological list of everything that happened — step transitions, diary entries
(their current version, flagged when corrected), placements starting and ending, documents issued, renewed and
expiring, the plan and its reviews, closures and reopenings — newest first, with what deserves attention (an
overridden move, a corrected entry) in colour and what lies ahead (a permit expiring next year) greyed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout

from iam_desktop.domain.closure import Outcome
from iam_desktop.domain.diary import InterventionType
from iam_desktop.domain.placements import ContractType, HousingKind
from iam_desktop.domain.timeline import TimelineEvent, TimelineKind

from ..widgets import heading
from ..writer_name import writer_name
from .common import ERROR_COLOUR, CasePanel, contract_name, housing_name, intervention_name, outcome_name, show_date

FUTURE = QColor("#8a8a8a")


class TimelineView(CasePanel):
    """Everything that happened in one case, in date order."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.events: list[TimelineEvent] = []
        self.title_label = heading(size_delta=4)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setColumnCount(4)
        self.tree.setColumnWidth(0, 110)
        self.tree.setColumnWidth(1, 260)
        self.tree.setColumnWidth(2, 320)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.tree, 1)
        self.retranslate()
        if self.case_id:
            self.refresh()

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Timeline"))
        self.tree.setHeaderLabels([self.tr("Date"), self.tr("Event"), self.tr("Details"), self.tr("Who")])
        self._show()

    def _forget(self) -> None:
        self.events = []
        self._show()

    def refresh(self) -> None:
        self._load(self._desk.pathway.case_timeline, self._loaded)

    def _loaded(self, result: object) -> None:
        assert isinstance(result, list)
        self.events = result
        self._show()

    def kind_name(self, kind: TimelineKind) -> str:
        return {
            TimelineKind.GRADINO: self.tr("Step"),
            TimelineKind.DIARIO: self.tr("Diary"),
            TimelineKind.INSERIMENTO_INIZIO: self.tr("Placement starts"),
            TimelineKind.INSERIMENTO_FINE: self.tr("Placement ends"),
            TimelineKind.DOCUMENTO_RILASCIO: self.tr("Permit issued"),
            TimelineKind.DOCUMENTO_RINNOVO: self.tr("Permit renewal requested"),
            TimelineKind.DOCUMENTO_SCADENZA: self.tr("Permit expires"),
            TimelineKind.PIANO: self.tr("Individual plan agreed"),
            TimelineKind.REVISIONE_PIANO: self.tr("Plan review"),
            TimelineKind.CHIUSURA: self.tr("Case closed"),
            TimelineKind.RIAPERTURA: self.tr("Case reopened"),
        }[kind]

    def details(self, event: TimelineEvent) -> str:
        if event.kind is TimelineKind.GRADINO:
            source, _, target = event.ref.partition(">")
            text = self.tr("from step {0} to step {1}").format(source if source != "0" else "–", target)
            return text + (" · " + self.tr("forced by the coordinator") if event.flag else "")
        if event.kind is TimelineKind.DIARIO and event.code in InterventionType.__members__.values():
            text = intervention_name(InterventionType(event.code))
            return text + (" · " + self.tr("corrected") if event.flag else "")
        if event.kind in (TimelineKind.INSERIMENTO_INIZIO, TimelineKind.INSERIMENTO_FINE):
            return self.placement_name(event.code)
        if event.kind is TimelineKind.CHIUSURA and event.code in Outcome.__members__.values():
            return outcome_name(Outcome(event.code))
        return ""

    def placement_name(self, code: str) -> str:
        family, _, sub = code.partition(":")
        names = {"abitazione": self.tr("Housing"), "lavoro": self.tr("Work"), "formazione": self.tr("Training"),
                 "autoimprenditorialita": self.tr("Self-entrepreneurship")}  # fmt: skip
        text = names.get(family, family)
        if family == "abitazione" and sub in HousingKind.__members__.values():
            text += " · " + housing_name(HousingKind(sub))
        if family == "lavoro" and sub in ContractType.__members__.values():
            text += " · " + contract_name(ContractType(sub))
        return text

    def _show(self) -> None:
        self.tree.clear()
        today = dt.date.today()
        for event in reversed(self.events):
            who = writer_name(event.writer) if event.operator_id else ""  # a permit's dates: nobody wrote them here
            item = QTreeWidgetItem([show_date(event.date), self.kind_name(event.kind), self.details(event), who])
            if event.date > today:
                for column in range(4):
                    item.setForeground(column, QBrush(FUTURE))
                item.setToolTip(1, self.tr("planned"))
            elif event.flag:
                item.setForeground(2, QBrush(QColor(ERROR_COLOUR)))
            self.tree.addTopLevelItem(item)
