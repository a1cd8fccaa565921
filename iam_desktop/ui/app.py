"""Start-up of the GUI and the one place where its objects are wired together (no global singletons): the
QApplication, logging to the data directory, the UI language, the task runner, the error dialog and the idle
watch; then the first-run wizard when the data directory has no vault, or the desk opened on the lock screen.

``IAM_STARTUP_PROBE=1`` makes the app print ``IAM_LOCK_SCREEN_SHOWN <unix time>`` and quit as soon as the lock
screen is shown: ``bench/startup.py`` measures cold start with it.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from iam_desktop.domain.errors import IamError
from iam_desktop.resources import resource
from iam_desktop.services.desk import Desk
from iam_desktop.services.logging_setup import configure_logging
from iam_desktop.vault.paths import DataDir

from .errors import ErrorDialog
from .i18n import UiLanguage
from .idle import IdleWatch
from .main_window import MainWindow
from .sync import DemoStart, show_demo_banner
from .tasks import TaskRunner
from .wizard import FirstRunWizard

log = logging.getLogger(__name__)

STARTUP_PROBE = "IAM_STARTUP_PROBE"
LOCK_SCREEN_MARKER = "IAM_LOCK_SCREEN_SHOWN"


class DeskShell:
    """Owns the app's long-lived objects and moves between set-up, lock screen and workspace."""

    def __init__(
        self,
        app: QApplication,
        data_dir: DataDir,
        *,
        fallback_language: str = "it",
        runner: TaskRunner | None = None,
    ) -> None:
        self.app = app
        self.data_dir = data_dir
        self.fallback_language = fallback_language
        self.language = UiLanguage(app)
        self.errors = ErrorDialog(lambda: self.language.language, QApplication.activeWindow)
        self.runner = runner or TaskRunner()
        self.runner.set_fallback_error(self.errors.show)
        self.idle = IdleWatch(app)
        self.desk: Desk | None = None
        self.wizard: FirstRunWizard | None = None
        self.main_window: MainWindow | None = None
        self.demo: DemoStart | None = None  # the demo network's server runs until close()
        self.on_lock_screen_shown: list[Callable[[], None]] = []

    def start(self) -> int | None:
        """Show the first screen. Returns an exit code if the app cannot go on, else None (run the event loop)."""
        if not Desk.is_initialised(self.data_dir):
            self.language.switch(self.fallback_language)
            self.wizard = FirstRunWizard(self.data_dir, self.runner, self.errors, lambda: self.language.language)
            self.wizard.desk_created.connect(self._desk_created)
            self.wizard.demo_started.connect(self._demo_started)
            self.wizard.rejected.connect(self.app.quit)
            self.wizard.resize(760, 560)
            self.wizard.show()
            return None
        try:
            desk = Desk.open(self.data_dir)
        except IamError as error:
            self.language.switch(self.fallback_language)
            self.errors.show(error)
            return 1
        self.language.switch(desk.settings().language or self.fallback_language)
        self._show_main_window(desk, None)
        return None

    def _desk_created(self, desk: Desk) -> None:
        # The new coordinator unlocks once straight away: it proves the passphrase just chosen is remembered
        # before any case is typed in, and it is the screen they will meet every morning.
        operator = desk.operator
        self.runner.run_database(desk.lock)
        self._show_main_window(desk, operator.username if operator else None)
        self.wizard = None

    def _demo_started(self, start: DemoStart) -> None:
        self.demo = start
        self._show_main_window(Desk.open(start.data_dir), None)
        assert self.main_window is not None
        show_demo_banner(self.main_window.lock_screen)
        self.wizard = None

    def _show_main_window(self, desk: Desk, preferred_username: str | None) -> None:
        self.desk = desk
        self.main_window = MainWindow(desk, self.runner, self.errors, self.idle, lambda: self.language.language)
        self.main_window.language_requested.connect(self.switch_language)
        self.main_window.lock_screen_shown.connect(self._lock_screen_shown)
        self.main_window.show()
        self.main_window.show_lock_screen(preferred_username)

    def _lock_screen_shown(self) -> None:
        for callback in self.on_lock_screen_shown:
            callback()

    def switch_language(self, language: str) -> None:
        """Re-translate the whole UI now and remember the choice in the desk settings."""
        if language == self.language.language:
            return
        self.language.switch(language)
        desk = self.desk
        if desk is not None and desk.unlocked:
            self.runner.run_database(lambda: desk.update_settings(replace(desk.settings(), language=language)))

    def unexpected(self, kind: type[BaseException], error: BaseException, traceback: TracebackType | None) -> None:
        """sys.excepthook while the GUI runs: an exception escaping a slot reaches the operator and the log."""
        if issubclass(kind, KeyboardInterrupt):
            self.app.quit()
            return
        self.errors.show(error)

    def close(self) -> None:
        self.runner.wait_idle()
        if self.desk is not None:
            self.desk.close()
            self.desk = None
        self.idle.close()
        self.language.close()
        if self.demo is not None:
            self.demo.network.stop()
            self.demo = None


def run_gui(options: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("I.Am Desk")
    app.setApplicationDisplayName("I.Am Desk")
    app.setWindowIcon(QIcon(str(resource("icons", "iam-desk.png"))))
    data_dir = Desk.data_dir(options.data_dir)
    configure_logging(data_dir)
    log.info("starting the GUI")
    shell = DeskShell(app, data_dir, fallback_language=getattr(options, "lang", None) or "it")
    if os.environ.get(STARTUP_PROBE) == "1":

        def report_and_quit() -> None:
            print(f"{LOCK_SCREEN_MARKER} {time.time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)

        shell.on_lock_screen_shown.append(report_and_quit)
    previous_hook = sys.excepthook
    sys.excepthook = shell.unexpected
    try:
        code = shell.start()
        if code is None:
            code = app.exec()
    finally:
        sys.excepthook = previous_hook
        shell.close()
    return int(code)
