"""Sync in the desktop app: the background scheduler, the status-bar widget, the sync panel with enrolment and
approval of a desk's computers, the conflicts view, and the demo network of the first run.

Names are imported on first use (PEP 562): the sync client brings requests and pydantic, which the lock screen
must not wait for (start-up budget, bench/startup.py)."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .conflicts import ConflictsDialog
    from .controls import SyncControls
    from .demo import DemoBanner, DemoStart, show_demo_banner, start_demo
    from .enrolment import EnrolmentDialog, PendingDevicesBox
    from .panel import SyncPanel
    from .scheduler import SyncScheduler
    from .status import SyncStatusWidget

_WHERE = {
    "ConflictsDialog": "conflicts",
    "SyncControls": "controls",
    "DemoBanner": "demo",
    "DemoStart": "demo",
    "show_demo_banner": "demo",
    "start_demo": "demo",
    "EnrolmentDialog": "enrolment",
    "PendingDevicesBox": "enrolment",
    "SyncPanel": "panel",
    "SyncScheduler": "scheduler",
    "SyncStatusWidget": "status",
}

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


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(name)
    return getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
