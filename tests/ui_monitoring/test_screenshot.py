"""A screenshot at 1366×768 of the main window on the Monitoraggio section with data, for a person to look at
(IAM_SCREENSHOT_DIR): 300 synthetic cases written straight into the vault (as the benchmark does), the year 2025,
and the lazy refresh — the section recomputes when shown, only marks itself stale while hidden."""

from __future__ import annotations

import datetime as dt

from bench.indicators import build_vault, generate
from iam_desktop.services.desk import Changes
from iam_desktop.ui.main_window import Workspace
from tests.ui.test_lock import open_lock_screen, select_coordinator, unlock
from tests.ui.test_screenshots import shoot

YEAR_2025 = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def test_monitoring_section_screenshot(qtbot, make_shell, prepared_desk, screenshot_dir):
    shell, window = open_lock_screen(qtbot, make_shell, prepared_desk)
    select_coordinator(window)
    unlock(qtbot, window)
    view = window.workspace.monitoring
    build_vault(shell.desk, generate(300, seed=7, desks=["x"]))
    window.apply_changes(Changes(cases=True))
    assert view.stale and view.report is None  # hidden: nothing computed yet
    window.workspace.show_section(Workspace.MONITORING)
    qtbot.waitUntil(lambda: view.report is not None)
    view.selector.set_period(*YEAR_2025)
    qtbot.waitUntil(lambda: view.shown_period == YEAR_2025, timeout=3000)
    assert not view.is_empty() and int(view.figures["active"].value_label.text()) > 50
    shoot(qtbot, window, screenshot_dir / "monitoring_dashboard.png")
    view.tabs.setCurrentWidget(view.others)
    view.others.select("people_active")
    shoot(qtbot, window, screenshot_dir / "monitoring_dashboard_indicators.png")
    window.lock_now()
    assert view.report is None and view.is_empty()
