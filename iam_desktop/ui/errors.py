"""The one place that shows errors to the operator. An :class:`IamError` is put into words by
``services.messages.describe`` in the current UI language; anything else is an unexpected failure: the operator
gets a generic sentence and the log gets the exception type and the code locations — never its message, which may
quote personal data typed by the operator. A refused value names its field in words (``field.<name>`` in the
catalogue, e.g. "impronta dell'ufficio centrale"), never by its technical name.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from iam_desktop.domain.errors import IamError
from iam_desktop.services.messages import describe

log = logging.getLogger(__name__)


def log_unexpected(error: BaseException) -> None:
    """Log where an unexpected exception happened, without its message (it may carry personal data)."""
    frames = traceback.extract_tb(error.__traceback__)
    where = " <- ".join(f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno} {frame.name}" for frame in frames[::-1])
    log.error("unexpected %s at %s", type(error).__name__, where or "?")


class ErrorDialog:
    """Shows errors in a message box on top of the window that is current when the error arrives."""

    def __init__(self, language: Callable[[], str], parent: Callable[[], QWidget | None] | None = None) -> None:
        self._language = language
        self._parent = parent or (lambda: None)
        self.last_message = ""  # what the operator was last shown (tests and the status bar read it)

    def message_for(self, error: BaseException) -> str:
        if isinstance(error, IamError):
            return describe(error, self._language())
        return QCoreApplication.translate(
            "ErrorDialog",
            "Something went wrong and the operation was not completed. If it happens again, tell your coordinator.",
        )

    def show(self, error: BaseException) -> None:
        if isinstance(error, IamError):
            log.info("error shown: %s", error.kind.value)
        else:
            log_unexpected(error)
        self.last_message = self.message_for(error)
        box = QMessageBox(self._parent())
        box.setIcon(QMessageBox.Icon.Warning if isinstance(error, IamError) else QMessageBox.Icon.Critical)
        box.setWindowTitle("I.Am Desk")
        box.setText(self.last_message)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()
