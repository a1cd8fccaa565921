"""The demo network from the app's first run ("Prova la rete dimostrativa"): ``start_demo`` builds
``services.demo`` — a sync server child process on 127.0.0.1 and three demo desks with fictitious cases — in a new
folder next to the data directory, and names the desk the app opens (Val Trompia); the shell keeps the
``DemoNetwork`` for the session and stops the server on quit. ``DemoBanner`` says on the lock screen that this is
a demo and shows its (public, demo-only) passphrase."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

from iam_desktop.services import demo
from iam_desktop.vault.paths import DataDir

DEMO_DESK = "Sportello Val Trompia"
BANNER_STYLE = "background: #fff3cd; color: #5c4400; border: 1px solid #e0b84c; border-radius: 6px; padding: 10px;"


@dataclass
class DemoStart:
    network: demo.DemoNetwork
    data_dir: DataDir  # the desk the app opens


def demo_folder(data_dir: DataDir) -> Path:
    """A new folder per demo, beside the real data directory (never inside it)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return data_dir.root.parent / "iam-demo" / stamp


def start_demo(data_dir: DataDir, cases_per_desk: int = 5) -> DemoStart:
    """Runs on the network pool: starts the server and sets up the desks (a few seconds). The passphrase is
    public, so the demo vaults use the quick key derivation."""
    network = demo.build(demo_folder(data_dir), cases_per_desk=cases_per_desk, fast_kdf=True)
    return DemoStart(network, DataDir(network.desks[DEMO_DESK]))


class DemoBanner(QLabel):
    """ "Demo network: operator demo, passphrase …" — never for real data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(BANNER_STYLE)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(
            self.tr(
                "<b>Demo network</b> — fictitious cases only, never real data. Operator: <b>{0}</b>, passphrase: "
                "<b>{1}</b>. The demo server runs on this computer until you quit."
            ).format(demo.DEMO_OPERATOR, demo.DEMO_PASSPHRASE)
        )


def show_demo_banner(lock_screen: QWidget) -> DemoBanner:
    """Put the banner at the top of the lock screen (its layout is a vertical box)."""
    banner = DemoBanner(lock_screen)
    layout = lock_screen.layout()
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(0, banner)
    return banner
