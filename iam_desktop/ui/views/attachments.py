"""The attachments of a case file: the list (name, kind, size, date), "Aggiungi…" with a file dialog for PDF, JPEG
and PNG (stored encrypted by the case book on the database worker; a file too big or not what its extension says is
refused with a sentence under the list), and viewing: images in a scrollable label, PDFs in the PDF preview, both
from bytes decrypted for the moment (a PDF goes to a private temporary file removed when the preview closes).
An attachment synced from another computer whose content has not arrived yet is listed greyed as "arriving" (not
openable, a tooltip says why); one whose download failed says why (no connection, altered on the way …). On the
computer that attached it, a document whose content has not reached the server yet is "sending" (it opens here),
or says why its upload failed. "Riprova ora" makes every failed transfer of the case due again at once (the next
sync, which the case file's change notice asks for, takes them)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QPalette, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from iam_desktop.domain.errors import ValidationError
from iam_desktop.services.desk import Desk
from iam_desktop.vault.lookup import AttachmentInfo

from ..errors import ErrorDialog
from ..pdf_preview import PrivateTempDir, open_pdf
from ..tasks import TaskRunner
from ..widgets import ERROR_STYLE, heading


class ImageViewer(QDialog):
    """A scanned image, at its size, scrollable."""

    def __init__(self, data: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 700)
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        self.image = QLabel()
        self.image.setPixmap(pixmap)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        self.finished.connect(self.image.clear)  # the decrypted image leaves memory with the window


class AttachmentsPanel(QWidget):
    """Emits ``added`` after a file was stored, or after "Riprova ora" (the case file reloads, a sync follows)."""

    added = Signal()

    def __init__(self, desk: Desk, runner: TaskRunner, errors: ErrorDialog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._errors = errors
        self.case_id = ""
        self.failed: set[str] = set()  # attachments of the case shown whose transfer failed
        self.retried: set[str] = set()  # … that the operator asked to retry (until the case changes)
        self.viewers: list[QDialog] = []
        self.title_label = heading(size_delta=2)
        self.list = QListWidget()
        self.list.setMinimumHeight(90)
        self.list.setWordWrap(True)  # a long reason why a document did not arrive wraps instead of hiding
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.add_button = QPushButton()
        self.view_button = QPushButton()
        self.retry_button = QPushButton()
        self.retry_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.view_button)
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.choose_file)
        self.view_button.clicked.connect(self.view_current)
        self.retry_button.clicked.connect(self.retry_now)
        self.list.itemActivated.connect(lambda _item: self.view_current())
        self.list.currentItemChanged.connect(lambda *_: self._buttons())
        self.retranslate()

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Attachments"))
        self.add_button.setText(self.tr("&Add a document…"))
        self.view_button.setText(self.tr("&View"))
        self.retry_button.setText(self.tr("&Retry now"))
        self.retry_button.setToolTip(self.tr("Try again at once to send or receive the documents that failed"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_attachments(self, case_id: str, attachments: list[AttachmentInfo], can_edit: bool) -> None:
        if case_id != self.case_id:
            self.retried.clear()
        self.case_id = case_id
        self.list.clear()
        self.message.hide()
        from iam_desktop.services.blob_sync import uploads_of  # on use: it brings the sync client's imports

        uploads = uploads_of(self._desk, case_id) if attachments else {}
        self.failed = set()
        for info in attachments:
            when = "/".join(reversed(info.created_at[:10].split("-")))
            size = f"{max(1, round(info.size / 1024))} KB" if info.size < 2**20 else f"{info.size / 2**20:.1f} MB"
            item = QListWidgetItem(f"{info.filename} · {info.kind} · {size} · {when}")
            item.setData(Qt.ItemDataRole.UserRole, info)
            if not info.available:
                self._mark_missing(item, info)
                if info.state != "waiting":
                    self.failed.add(info.attachment_id)
            elif info.attachment_id in uploads:
                state, reason = uploads[info.attachment_id]
                self._mark_sending(item, info, state, reason)
                if state != "waiting":
                    self.failed.add(info.attachment_id)
            self.list.addItem(item)
        if not attachments:
            placeholder = QListWidgetItem(self.tr("No documents attached yet."))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(placeholder)
        self.add_button.setEnabled(can_edit)
        self.retry_button.setVisible(bool(self.failed))
        self._buttons()

    def _reasons(self) -> dict[str, str]:
        return {
            "offline": self.tr("no connection"),
            "not_found": self.tr("not on the server"),
            "forbidden": self.tr("this desk may not read it"),
            "erased": self.tr("the case was erased"),
            "sha256_mismatch": self.tr("altered on the way, refused"),
            "size_mismatch": self.tr("altered on the way, refused"),
            "too_large": self.tr("too big for the server"),
            "missing_content": self.tr("its content is damaged on this computer"),
        }  # fmt: skip

    def _mark_sending(self, item: QListWidgetItem, info: AttachmentInfo, state: str, reason: str) -> None:
        """Stored here, content not yet on the server: it opens here; the other computers wait for it."""
        if info.attachment_id in self.retried:
            item.setText(item.text() + " — " + self.tr("trying again"))
        elif state == "waiting":
            item.setText(item.text() + " — " + self.tr("sending"))
            item.setToolTip(
                self.tr(
                    "The content of this document has not reached the server yet: it leaves with the next syncs. "
                    "It opens here; the desk's other computers receive it once it is sent."
                )
            )
        else:
            why = self._reasons().get(reason, self.tr("server error"))
            item.setText(item.text() + " — " + self.tr("not sent: {0}").format(why))
            tip = self.tr(
                "Sending the content of this document failed ({0}); sync tries again later by itself, or at once "
                "with the retry button below."
            )
            item.setToolTip(tip.format(why))
        font = QFont(item.font())
        font.setItalic(True)
        item.setFont(font)

    def _mark_missing(self, item: QListWidgetItem, info: AttachmentInfo) -> None:
        """Greyed and italic, with the state in words: the content is on its way, or why it did not arrive."""
        if info.state == "waiting":
            item.setText(item.text() + " — " + self.tr("arriving"))
            tip = self.tr(
                "This document was added on another computer. Its content has not reached this computer "
                "yet: it arrives with the next syncs, and can be opened then."
            )
            item.setToolTip(tip)
        elif info.attachment_id in self.retried:
            item.setText(item.text() + " — " + self.tr("trying again"))
            item.setToolTip(self.tr("A new attempt is made at the next sync, in a few seconds."))
        else:
            why = self._reasons().get(info.reason, self.tr("server error"))
            item.setText(item.text() + " — " + self.tr("not arrived: {0}").format(why))
            tip = self.tr(
                "The content of this document could not be received ({0}). Nothing altered is ever "
                "stored; sync tries again later by itself."
            )
            item.setToolTip(tip.format(why))
        font = QFont(item.font())
        font.setItalic(True)
        item.setFont(font)
        item.setForeground(QBrush(self.palette().color(QPalette.ColorRole.PlaceholderText)))

    def _buttons(self) -> None:
        info = self.current()
        self.view_button.setEnabled(info is not None and info.available)

    def retry_now(self) -> None:
        """Every failed transfer of this case due again now; the list says "trying again" until it moves."""
        desk, case_id = self._desk, self.case_id
        if not case_id:
            return
        self.retried |= self.failed
        self.retry_button.setEnabled(False)
        from iam_desktop.services.blob_sync import retry_blobs

        self._runner.run_database(lambda: retry_blobs(desk, case_id), self._retried, self._errors.show)

    def _retried(self, _count: int) -> None:
        self.retry_button.setEnabled(True)
        self.added.emit()

    def clear(self) -> None:
        self.case_id = ""
        self.retried.clear()
        self.list.clear()
        for viewer in self.viewers:
            viewer.close()
        self.viewers.clear()

    # -- adding --------------------------------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Attach a document"), "", self.tr("Documents (*.pdf *.jpg *.jpeg *.png)")
        )
        if path:
            self.attach(Path(path))

    def attach(self, path: Path) -> None:
        cases, case_id = self._desk.cases, self.case_id
        self.message.hide()
        self._runner.run_database(lambda: cases.attach(case_id, path), lambda _info: self.added.emit(), self._refused)

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, ValidationError) or error.field != "attachment":
            self._errors.show(error)
            return
        texts = {
            "attachment_too_large": self.tr("The file is too big ({0} MB): the limit is {1} MB. Scan it again at a "
                                            "lower resolution or in black and white."),
            "attachment_type_mismatch": self.tr("The file is not what its name says (it is not a real {0} file). "
                                                "Save it again as PDF, JPEG or PNG."),
            "attachment_unsupported": self.tr("Only PDF, JPEG and PNG files can be attached."),
        }  # fmt: skip
        params = error.params
        text = texts.get(error.code, self.tr("The file could not be attached."))
        if error.code == "attachment_too_large":
            text = text.format(params.get("size_mb", "?"), params.get("maximum_mb", "?"))
        elif error.code == "attachment_type_mismatch":
            text = text.format(str(params.get("extension", "")).lstrip(".").upper())
        self.message.setText(text)
        self.message.show()

    # -- viewing -------------------------------------------------------------------------------------------

    def current(self) -> AttachmentInfo | None:
        item = self.list.currentItem() or self.list.item(0)
        info = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return info if isinstance(info, AttachmentInfo) else None

    def view_current(self) -> None:
        info = self.current()
        if info is None or not info.available:
            return
        cases = self._desk.cases
        self._runner.run_database(lambda: cases.attachment(info.attachment_id), lambda data: self._show(info, data))

    def _show(self, info: AttachmentInfo, data: bytes) -> None:
        viewer: QDialog
        if info.media_type == "application/pdf":
            temp = PrivateTempDir()
            pdf = temp.file("documento.pdf")
            pdf.write_bytes(data)
            viewer = open_pdf(pdf, temp, info.filename, self.window())
        else:
            viewer = ImageViewer(data, info.filename, self.window())
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.destroyed.connect(lambda _=None, v=viewer: self.viewers.remove(v) if v in self.viewers else None)
        self.viewers.append(viewer)
        viewer.show()
