"""The methodology library tab of the "Rete" section: each methodology entry of the catalogue (title, version,
language) with its files — ready, or still arriving with sync —; "Attach a file…" for coordinators and the central
office, "Save a copy…" for anyone. Talks only to ``desk.network``; reads and writes run on the database worker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.domain.catalogue import EntryKind
from iam_desktop.domain.roles import Permission
from iam_desktop.services.desk import Desk

from ..errors import ErrorDialog
from ..tasks import TaskRunner
from ..widgets import selected_row


def load(desk: Desk) -> list[dict[str, Any]]:
    """One row per file, and one per entry that has none yet (read on the database worker)."""
    entries = desk.network.catalogue.entries(EntryKind.METHODOLOGY)
    files = desk.network.methodology.files()
    rows: list[dict[str, Any]] = []
    for e in entries:
        mine = [f for f in files if f.subject == e.entry_id]
        base = {"entry_id": e.entry_id, "title": e.title, "version": e.get("version", ""),
                "language": e.get("language", "")}  # fmt: skip
        rows.extend({**base, "file": f} for f in mine)
        if not mine:
            rows.append({**base, "file": None})
    return rows


class MethodologyPanel(QWidget):
    def __init__(self, desk: Desk, runner: TaskRunner, errors: ErrorDialog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk, self._runner, self._errors = desk, runner, errors
        self._rows: list[dict[str, Any]] = []
        self.table = QTableWidget(0, 5)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        self.attach_button = QPushButton()
        self.save_button = QPushButton()
        self.attach_button.clicked.connect(self.choose_file)
        self.save_button.clicked.connect(self.choose_target)
        self.table.itemSelectionChanged.connect(self._buttons)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.attach_button)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.retranslate()
        self._buttons()

    def title(self) -> str:
        return self.tr("Methodology library")

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Title"), self.tr("Version"), self.tr("Language"), self.tr("File"), self.tr("State")]
        )
        self.note.setText(
            self.tr(
                "Documents and templates the desks share. Files travel with sync to every desk; a file still on "
                "its way shows as arriving."
            )
        )
        self.attach_button.setText(self.tr("&Attach a file…"))
        self.save_button.setText(self.tr("&Save a copy…"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reload(self) -> None:
        self._runner.run_database(lambda: load(self._desk), self._loaded, self._errors.show)

    def clear(self) -> None:
        self._loaded([])

    def _loaded(self, rows: list[dict[str, Any]]) -> None:
        self._rows = rows
        self._fill()

    def _state(self, info: Any) -> str:
        if info is None:
            return self.tr("no file yet")
        if info.available:
            return self.tr("ready")
        if info.state == "waiting":
            return self.tr("arriving")
        return self.tr("not arrived (sync tries again)")

    def _fill(self) -> None:
        self.table.setRowCount(len(self._rows))
        for r, row in enumerate(self._rows):
            info = row["file"]
            values = [row["title"], row["version"], row["language"], info.filename if info else "", self._state(info)]
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if info is not None and not info.available:
                    item.setToolTip(self.tr("The file's content has not reached this computer yet: it arrives "
                                            "with the next syncs."))  # fmt: skip
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self._buttons()

    def selected(self) -> dict[str, Any] | None:
        return selected_row(self.table, self._rows)

    def _buttons(self) -> None:
        row = self.selected()
        self.attach_button.setEnabled(row is not None and self._desk.can(Permission.MANAGE_CATALOGUE))
        self.save_button.setEnabled(row is not None and row["file"] is not None and row["file"].available)

    # -- actions -------------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Attach a file to the library"))
        if path:
            self.attach(Path(path))

    def attach(self, path: Path) -> None:
        row = self.selected()
        if row is None:
            return
        entry_id, methodology = row["entry_id"], self._desk.network.methodology
        self._runner.run_database(lambda: methodology.attach(entry_id, path), lambda _i: self.reload(),
                                  self._errors.show)  # fmt: skip

    def choose_target(self) -> None:
        row = self.selected()
        if row is None or row["file"] is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy"), row["file"].filename)
        if path:
            self.save(Path(path))

    def save(self, target: Path) -> None:
        row = self.selected()
        if row is None or row["file"] is None:
            return
        file_id, methodology = row["file"].attachment_id, self._desk.network.methodology
        self._runner.run_database(lambda: methodology.save(file_id, target), lambda _p: None, self._errors.show)
