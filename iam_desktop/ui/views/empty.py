"""Empty states: a section that has nothing to show yet says what will be there, so an operator is never left
wondering whether something failed to load."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..widgets import heading


class EmptyState(QWidget):
    """A centred title and explanation; the texts come from callables so they re-translate live."""

    def __init__(self, title: Callable[[], str], explanation: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._explanation = explanation
        self.title_label = heading(size_delta=6)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explanation_label = QLabel()
        self.explanation_label.setWordWrap(True)
        self.explanation_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explanation_label.setMaximumWidth(620)
        self.explanation_label.setStyleSheet("color: palette(placeholder-text); font-size: 11pt;")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title_label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(8)
        layout.addWidget(self.explanation_label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.title_label.setText(self._title())
        self.explanation_label.setText(self._explanation())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
