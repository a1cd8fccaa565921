"""The dashboard's period and scope selectors: two date fields (from, to) with presets — this month, this quarter,
this year, last year, or a period of one's own — and the scope (this desk; for the central monitor also the network
and each other desk). Every change restarts a short timer and ``changed`` is emitted once the operator stops
(debounced), so typing a date or scrolling through presets asks for one computation, not one per keystroke."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QDate, QEvent, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from iam_desktop.services.monitoring import Scope

DEBOUNCE_MS = 250
PRESETS = ("month", "quarter", "year", "last_year", "custom")


def preset_period(preset: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a preset around ``today``; None for a period of one's own."""
    if preset == "month":
        start = today.replace(day=1)
        following = (start + dt.timedelta(days=32)).replace(day=1)
        return start, following - dt.timedelta(days=1)
    if preset == "quarter":
        first_month = 3 * ((today.month - 1) // 3) + 1
        start = dt.date(today.year, first_month, 1)
        following = dt.date(today.year + 1, 1, 1) if first_month == 10 else dt.date(today.year, first_month + 3, 1)
        return start, following - dt.timedelta(days=1)
    if preset == "year":
        return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    if preset == "last_year":
        return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
    return None


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class PeriodSelector(QWidget):
    """Presets, from/to dates and scope; ``changed`` once the selection rests for ``DEBOUNCE_MS``."""

    changed = Signal()

    def __init__(self, today: Callable[[], dt.date] = dt.date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._quiet = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.changed)
        self.preset_combo = QComboBox()
        for preset in PRESETS:
            self.preset_combo.addItem("", preset)
        self.from_label = QLabel()
        self.to_label = QLabel()
        self.scope_label = QLabel()
        self.from_edit = QDateEdit()
        self.to_edit = QDateEdit()
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.scope_combo = QComboBox()
        self.scope_combo.setMinimumContentsLength(16)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preset_combo)
        layout.addWidget(self.from_label)
        layout.addWidget(self.from_edit)
        layout.addWidget(self.to_label)
        layout.addWidget(self.to_edit)
        layout.addSpacing(12)
        layout.addWidget(self.scope_label)
        layout.addWidget(self.scope_combo)
        self.preset_combo.setCurrentIndex(PRESETS.index("year"))
        self._apply_preset()
        self.preset_combo.currentIndexChanged.connect(self._preset_chosen)
        self.from_edit.dateChanged.connect(self._date_edited)
        self.to_edit.dateChanged.connect(self._date_edited)
        self.scope_combo.currentIndexChanged.connect(self._touched)
        self.retranslate()

    def retranslate(self) -> None:
        names = (self.tr("This month"), self.tr("This quarter"), self.tr("This year"), self.tr("Last year"),
                 self.tr("Other period"))  # fmt: skip
        for row, name in enumerate(names):
            self.preset_combo.setItemText(row, name)
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.scope_label.setText(self.tr("Scope"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- what is chosen ------------------------------------------------------------------------------------

    def period(self) -> tuple[dt.date, dt.date]:
        return from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date())

    def scope(self) -> Scope | None:
        data = self.scope_combo.currentData()
        return data if isinstance(data, Scope) else None

    def set_period(self, start: dt.date, end: dt.date) -> None:
        """A period of one's own (tests, or a caller that knows the dates)."""
        self._quiet = True
        self.preset_combo.setCurrentIndex(PRESETS.index("custom"))
        self.from_edit.setDate(to_qdate(start))
        self.to_edit.setDate(to_qdate(end))
        self._quiet = False
        self._touched()

    def set_scopes(self, scopes: Sequence[tuple[Scope, str]]) -> None:
        """The scopes this operator may choose, keeping the current one; hidden when there is only one."""
        current = self.scope()
        if [self.scope_combo.itemData(i) for i in range(self.scope_combo.count())] != [s for s, _ in scopes]:
            self._quiet = True
            self.scope_combo.clear()
            for scope, label in scopes:
                self.scope_combo.addItem(label, scope)
            index = next((i for i, (s, _) in enumerate(scopes) if s == current), -1)
            self.scope_combo.setCurrentIndex(index if index >= 0 else min(1, len(scopes) - 1) if scopes else -1)
            self._quiet = False
        else:
            for row, (_scope, label) in enumerate(scopes):
                self.scope_combo.setItemText(row, label)
        visible = len(scopes) > 1
        self.scope_label.setVisible(visible)
        self.scope_combo.setVisible(visible)

    # -- changes -------------------------------------------------------------------------------------------

    def _apply_preset(self) -> None:
        period = preset_period(str(self.preset_combo.currentData()), self._today())
        if period is None:
            return
        self._quiet = True
        self.from_edit.setDate(to_qdate(period[0]))
        self.to_edit.setDate(to_qdate(period[1]))
        self._quiet = False

    def _preset_chosen(self) -> None:
        self._apply_preset()
        self._touched()

    def _date_edited(self) -> None:
        if self._quiet:
            return
        if self.to_edit.date() < self.from_edit.date():
            sender = self.sender()
            other = self.to_edit if sender is self.from_edit else self.from_edit
            self._quiet = True
            other.setDate(sender.date() if isinstance(sender, QDateEdit) else other.date())
            self._quiet = False
        self.preset_combo.blockSignals(True)
        self.preset_combo.setCurrentIndex(PRESETS.index("custom"))
        self.preset_combo.blockSignals(False)
        self._touched()

    def _touched(self) -> None:
        if not self._quiet:
            self.timer.start()
