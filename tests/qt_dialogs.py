"""Modal dialogs patched for headless Qt tests (as Picard's test case does): message boxes and dialogs return at
once and are recorded, a save dialog answers with a path the test chose. Shared by the UI test folders."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox


class ShownDialogs:
    """What the patched modal dialogs would have shown."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.dialogs: list[QDialog] = []
        self.save_path: Path | None = None


@pytest.fixture(autouse=True)
def shown(monkeypatch: pytest.MonkeyPatch) -> ShownDialogs:
    record = ShownDialogs()

    def message_exec(box: QMessageBox) -> int:
        record.messages.append(box.text())
        return int(QMessageBox.StandardButton.Ok.value)

    def dialog_exec(dialog: QDialog) -> int:
        record.dialogs.append(dialog)
        return 0

    def save_file_name(*_args: object, **_kwargs: object) -> tuple[str, str]:
        return (str(record.save_path) if record.save_path else "", "")

    monkeypatch.setattr(QMessageBox, "exec", message_exec)
    monkeypatch.setattr(QDialog, "exec", dialog_exec)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_file_name))
    return record
