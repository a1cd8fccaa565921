"""The first page of the first-run wizard ("Configura lo sportello" or "Prova la rete dimostrativa") and the page
that waits while the demo network is built; the wizard (``ui.wizard``) owns the flow and the building."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QProgressBar, QRadioButton, QVBoxLayout, QWidget, QWizardPage


class StartChoicePage(QWizardPage):
    """Set up this desk (the usual path) or try the demo network first."""

    def __init__(self, setup_id: int, demo_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ids = (setup_id, demo_id)
        self.setup_radio = QRadioButton()
        self.setup_radio.setChecked(True)
        self.setup_text = QLabel()
        self.demo_radio = QRadioButton()
        self.demo_text = QLabel()
        layout = QVBoxLayout(self)
        for radio, text in ((self.setup_radio, self.setup_text), (self.demo_radio, self.demo_text)):
            font = QFont(radio.font())
            font.setPointSize(font.pointSize() + 2)
            font.setWeight(QFont.Weight.DemiBold)
            radio.setFont(font)
            text.setWordWrap(True)
            text.setContentsMargins(26, 0, 0, 14)
            layout.addWidget(radio)
            layout.addWidget(text)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to I.Am Desk"))
        self.setSubTitle(self.tr("What would you like to do?"))
        self.setup_radio.setText(self.tr("&Set up the desk"))
        self.setup_text.setText(
            self.tr("Create this desk's encrypted vault and its first coordinator. Choose this for real work.")
        )
        self.demo_radio.setText(self.tr("Try the &demo network"))
        self.demo_text.setText(
            self.tr(
                "Start a sync server on this computer with demo desks and fictitious cases, and open one of them: "
                "see sync, conflicts and the case file without any set-up. Nothing real is stored."
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def initializePage(self) -> None:
        QTimer.singleShot(0, self.setup_radio.setFocus)  # after the wizard's own focus move

    def nextId(self) -> int:
        return self._ids[1] if self.demo_radio.isChecked() else self._ids[0]


class DemoPage(QWizardPage):
    """Builds the demo network; the wizard closes and the demo desk opens when it is ready."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Demo network"))
        self.status_label.setText(
            self.tr("Starting the demo sync server and preparing the demo desks with fictitious cases…")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def isComplete(self) -> bool:
        return False

    def nextId(self) -> int:
        return -1

    def mark_failed(self) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status_label.setText(self.tr("The demo network could not be started. Go back to set up the desk."))
