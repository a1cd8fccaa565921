"""Sync in the desktop app: the background scheduler, the status-bar widget, the sync panel with enrolment and
approval of a desk's computers, the conflicts view, and the demo network of the first run."""

from .conflicts import ConflictsDialog
from .controls import SyncControls
from .demo import DemoBanner, DemoStart, show_demo_banner, start_demo
from .enrolment import EnrolmentDialog, PendingDevicesBox
from .panel import SyncPanel
from .scheduler import SyncScheduler
from .status import SyncStatusWidget

__all__ = [
    "ConflictsDialog",
    "DemoBanner",
    "DemoStart",
    "EnrolmentDialog",
    "PendingDevicesBox",
    "SyncControls",
    "SyncPanel",
    "SyncScheduler",
    "SyncStatusWidget",
    "show_demo_banner",
    "start_demo",
]
