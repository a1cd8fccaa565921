"""Draw the app icon from its SVG source (resources/icons/iam-desk.svg) into the PNG (Linux desktop entry, window
icon) and the ICO (Windows program and installer). Run after changing the SVG:
``uv run --frozen python packaging/make_icon.py``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "iam-desk.svg"))
    if not renderer.isValid():
        print("cannot read iam-desk.svg", file=sys.stderr)
        return 1
    for size, name in ((256, "iam-desk.png"), (256, "iam-desk.ico")):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        if not image.save(str(ICONS / name)):
            print(f"cannot write {name}", file=sys.stderr)
            return 1
        print(ICONS / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
