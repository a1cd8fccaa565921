"""The PDF preview (QtPdf): shows a generated document page by page, sends it to a printer (QtPrintSupport: each
page rendered by ``QPdfDocument.render`` onto the ``QPrinter`` through a ``QPainter``) or saves a copy where the
operator chooses. The documents hold personal data, so they are written into a private temporary directory (mode
0700) that the preview owns and deletes when it closes; ``PrivateTempDir`` is that directory. From PySide6 6.12 QtPdf
ships as its own wheel (``pyside6-pdf``); where it is missing, ``open_pdf`` offers to save the document instead of
showing it."""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QCloseEvent, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

try:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView

    PREVIEW_AVAILABLE = True
except ImportError:  # pyside6-pdf not installed: documents can still be saved and printed from a PDF reader
    PREVIEW_AVAILABLE = False

log = logging.getLogger(__name__)

RENDER_DPI = 300


class PrivateTempDir:
    """A temporary directory only this user can read, removed with everything in it by ``remove()``."""

    def __init__(self) -> None:
        self.path = Path(tempfile.mkdtemp(prefix="iam-print-"))  # mkdtemp creates it with mode 0700

    def file(self, name: str) -> Path:
        return self.path / name

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


class PdfPreview(QDialog):
    """Preview of one PDF; deletes its temporary directory when closed."""

    def __init__(self, pdf: Path, temp: PrivateTempDir | None, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self._temp = temp
        self.setWindowTitle(title)
        self.resize(900, 720)
        self.document = QPdfDocument(self)
        self.document.load(str(pdf))
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages_label = QLabel()
        self.print_button = QPushButton()
        self.save_button = QPushButton()
        self.close_button = QPushButton()
        self.print_button.setDefault(True)
        bar = QHBoxLayout()
        bar.addWidget(self.pages_label)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_copy)
        self.close_button.clicked.connect(self.close)
        self.finished.connect(self._forget)
        self.retranslate()

    @property
    def page_count(self) -> int:
        return int(self.document.pageCount())

    def retranslate(self) -> None:
        self.pages_label.setText(self.tr("{0} pages").format(self.page_count))
        self.print_button.setText(self.tr("&Print…"))
        self.save_button.setText(self.tr("&Save as PDF…"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.render_to(printer)

    def render_to(self, printer: QPrinter) -> None:
        """Each page rendered at the printer's resolution and drawn centred on its page."""
        painter = QPainter()
        if not painter.begin(printer):
            return
        try:
            # Pages are rendered at most at 300 dpi (sharp on paper; 1200 dpi would be half a gigabyte a page) and
            # the painter scales them to the printer's page.
            dpi = min(printer.resolution(), RENDER_DPI)
            for page in range(self.page_count):
                if page:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                size = QSize(int(points.width() * dpi / 72), int(points.height() * dpi / 72))
                image = self.document.render(page, size)
                area = painter.viewport()
                scaled = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                target = QRect(area.x() + (area.width() - scaled.width()) // 2, area.y(), scaled.width(),
                               scaled.height())  # fmt: skip
                painter.drawImage(target, image)
        finally:
            painter.end()

    def save_copy(self) -> None:
        target, _filter = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), self.pdf.name, "PDF (*.pdf)")
        if target:
            shutil.copyfile(self.pdf, target)

    def _forget(self) -> None:
        self.document.close()
        if self._temp is not None:
            self._temp.remove()
            self._temp = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self._forget()
        super().closeEvent(event)


class PdfSaveOnly(QDialog):
    """Where QtPdf is missing: says so, and saves the document where the operator chooses."""

    def __init__(self, pdf: Path, temp: PrivateTempDir | None, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self._temp = temp
        self.setWindowTitle(title)
        self.page_count = 0
        label = QLabel(self.tr("The preview is not available on this computer: save the document and open it with "
                               "a PDF reader to print it."))  # fmt: skip
        label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save_copy)
        self.close_button.clicked.connect(self.close)
        self.finished.connect(self._forget)

    def save_copy(self) -> None:
        target, _filter = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), self.pdf.name, "PDF (*.pdf)")
        if target:
            shutil.copyfile(self.pdf, target)

    def _forget(self) -> None:
        if self._temp is not None:
            self._temp.remove()
            self._temp = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self._forget()
        super().closeEvent(event)


def open_pdf(pdf: Path, temp: PrivateTempDir | None, title: str, parent: QWidget | None = None) -> QDialog:
    """The preview of ``pdf`` (not yet shown); it removes ``temp`` when it closes."""
    if PREVIEW_AVAILABLE:
        return PdfPreview(pdf, temp, title, parent)
    return PdfSaveOnly(pdf, temp, title, parent)
