"""The "Impostazioni" section: the UI language (applied live, a personal choice), the auto-lock time (desk policy,
coordinators only), the desk's operators, one's own passphrase and the encrypted backup. What a role cannot do is
hidden or disabled here; the services refuse it anyway."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.domain.roles import Permission
from iam_desktop.services.desk import Changes, Desk

from ..errors import ErrorDialog
from ..tasks import TaskRunner
from ..widgets import NOTICE_STYLE, heading
from .data_rights import RetentionReviewDialog, open_retention_review
from .operators import OperatorsBox, OwnPassphraseBox

LANGUAGE_NAMES = (("it", "Italiano"), ("en", "English"))  # each language in its own name, never translated


class SettingsView(QScrollArea):
    """Emits ``language_requested`` with "it"/"en"; the shell switches the UI and stores the choice."""

    changes_applied = Signal(object)
    language_requested = Signal(str)

    def __init__(self, desk: Desk, runner: TaskRunner, errors: ErrorDialog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._errors = errors
        self.setWidgetResizable(True)
        self.title_label = heading(size_delta=6)

        self.language_box = QGroupBox()
        self.language_combo = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language_combo.addItem(name, code)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language_combo)
        language_form = QFormLayout(self.language_box)
        language_form.addRow(self.language_label, self.language_combo)

        self.lock_box = QGroupBox()
        self.auto_lock_spin = QSpinBox()
        self.auto_lock_spin.setRange(1, 240)
        self.auto_lock_label = QLabel()
        self.auto_lock_label.setBuddy(self.auto_lock_spin)
        self.auto_lock_apply = QPushButton()
        self.auto_lock_note = QLabel()
        self.auto_lock_note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.auto_lock_spin)
        row.addWidget(self.auto_lock_apply)
        row.addStretch(1)
        lock_form = QFormLayout(self.lock_box)
        lock_form.addRow(self.auto_lock_label, row)
        lock_form.addRow(self.auto_lock_note)

        self.backup_box = QGroupBox()
        self.backup_note = QLabel()
        self.backup_note.setWordWrap(True)
        self.backup_button = QPushButton()
        self.backup_done = QLabel()
        self.backup_done.setStyleSheet(NOTICE_STYLE)
        self.backup_done.setWordWrap(True)
        backup_layout = QVBoxLayout(self.backup_box)
        backup_layout.addWidget(self.backup_note)
        backup_layout.addWidget(self.backup_button, 0, Qt.AlignmentFlag.AlignLeft)
        backup_layout.addWidget(self.backup_done)

        # The retention review (issue 7), for those who may erase: the cases the rules make due, erased on confirm.
        self.retention_box = QGroupBox()
        self.retention_note = QLabel()
        self.retention_note.setWordWrap(True)
        self.retention_button = QPushButton()
        self.retention_dialog: RetentionReviewDialog | None = None
        retention_layout = QVBoxLayout(self.retention_box)
        retention_layout.addWidget(self.retention_note)
        retention_layout.addWidget(self.retention_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.operators_box = OperatorsBox(desk, runner, errors)
        self.passphrase_box = OwnPassphraseBox(desk, runner, errors)

        content = QWidget()
        grid = QGridLayout(content)
        grid.setHorizontalSpacing(18)
        grid.addWidget(self.title_label, 0, 0, 1, 2)
        left = QVBoxLayout()
        left.addWidget(self.language_box)
        left.addWidget(self.lock_box)
        left.addWidget(self.passphrase_box)
        left.addWidget(self.backup_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.operators_box)
        right.addWidget(self.retention_box)
        right.addStretch(1)
        grid.addLayout(left, 1, 0)
        grid.addLayout(right, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.setWidget(content)

        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        self.auto_lock_apply.clicked.connect(self.apply_auto_lock)
        self.backup_button.clicked.connect(self.write_backup)
        self.retention_button.clicked.connect(self.open_retention)
        self.operators_box.changes_applied.connect(self.changes_applied)
        self.retranslate()

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Settings"))
        self.language_box.setTitle(self.tr("Language"))
        self.language_label.setText(self.tr("&Language of the app:"))
        self.lock_box.setTitle(self.tr("Automatic lock"))
        self.auto_lock_label.setText(self.tr("Lock after &idle minutes:"))
        self.auto_lock_apply.setText(self.tr("Apply"))
        self.backup_box.setTitle(self.tr("Backup"))
        self.backup_note.setText(
            self.tr(
                "Writes an encrypted, self-checking copy of the whole vault to a file. "
                "Keep it on a separate drive; it can only be restored with a passphrase or the recovery key."
            )
        )
        self.backup_button.setText(self.tr("Write a backup…"))
        self.retention_box.setTitle(self.tr("Data retention"))
        self.retention_note.setText(self.tr("The network's rules say when a person's data is erased (closed cases "
                                            "after some years). The review lists the cases due; nothing is erased "
                                            "until you choose and confirm."))  # fmt: skip
        self.retention_button.setText(self.tr("Retention review…"))
        self._explain_permissions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- session -------------------------------------------------------------------------------------------

    def session_started(self, language: str) -> None:
        settings = self._desk.settings()
        self.language_combo.blockSignals(True)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        self.language_combo.blockSignals(False)
        self.auto_lock_spin.setValue(settings.auto_lock_minutes)
        can_settings = self._desk.can(Permission.CHANGE_SETTINGS)
        self.auto_lock_spin.setEnabled(can_settings)
        self.auto_lock_apply.setEnabled(can_settings)
        self.operators_box.setVisible(self._desk.can(Permission.MANAGE_OPERATORS))
        self.operators_box.reload()
        self.backup_box.setVisible(self._desk.can(Permission.BACKUP))
        self.retention_box.setVisible(self._desk.can(Permission.ERASE_CASE))
        self.backup_done.clear()
        self._explain_permissions()

    def session_ended(self) -> None:
        self.operators_box.operator_list.clear()
        self.passphrase_box.clear()
        self.close_retention()

    def _explain_permissions(self) -> None:
        if self._desk.can(Permission.CHANGE_SETTINGS):
            self.auto_lock_note.setText(
                self.tr("When nobody uses the app for this long, it locks; unsaved input is kept encrypted.")
            )
        else:
            self.auto_lock_note.setText(self.tr("Only a coordinator can change the automatic lock."))

    # -- actions -------------------------------------------------------------------------------------------

    def _language_chosen(self, _index: int) -> None:
        self.language_requested.emit(str(self.language_combo.currentData()))

    def apply_auto_lock(self) -> None:
        desk, minutes = self._desk, self.auto_lock_spin.value()
        self._runner.run_database(
            lambda: desk.update_settings(replace(desk.settings(), auto_lock_minutes=minutes)), self.changes_applied.emit
        )

    def open_retention(self) -> None:
        self.close_retention()
        self.retention_dialog = open_retention_review(self._desk, self._runner, self._errors, self,
                                                      self.changes_applied.emit)  # fmt: skip

    def close_retention(self) -> None:
        """On lock too: the names of the review must not stay on screen."""
        if self.retention_dialog is not None:
            self.retention_dialog.reject()
            self.retention_dialog.deleteLater()
            self.retention_dialog = None

    def write_backup(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"iam-desk-backup-{QDate.currentDate().toString('yyyy-MM-dd')}.iambackup")
        target, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Write a backup"), suggested, self.tr("I.Am Desk backups (*.iambackup)")
        )
        if not target:
            return
        desk, path = self._desk, Path(target)
        self.backup_button.setEnabled(False)
        self._runner.run_database(lambda: desk.backup(path), lambda _info: self._backup_written(target), self._failed)

    def _backup_written(self, target: str) -> None:
        self.backup_button.setEnabled(True)
        self.backup_done.setText(self.tr("Backup written: {0}").format(target))
        self.changes_applied.emit(Changes())

    def _failed(self, error: BaseException) -> None:
        self.backup_button.setEnabled(True)
        self._errors.show(error)
