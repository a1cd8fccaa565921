"""Copy the screenshots the user guides show from the test suite's output (build/screenshots, written by tests/ui*
with IAM_SCREENSHOT_DIR) into docs/img/, scaled to 1024 px wide so the guides stay small (~2 MB in all).

    QT_QPA_PLATFORM=offscreen IAM_SCREENSHOT_DIR=build/screenshots uv run --frozen pytest -q \\
        tests/ui tests/ui_pathway tests/ui_monitoring tests/ui_sync
    uv run --frozen python packaging/docs_images.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "build" / "screenshots"
TARGET = ROOT / "docs" / "img"
WIDTH = 1024
# The screens the guides (docs/guida-utente.md, docs/user-guide.md) walk through, in their order.
SHOWN = (
    "wizard_3_recovery_key", "lock_screen", "intake_1_inline_error", "intake_2_duplicate", "main_cases_search",
    "case_file", "pdf_preview", "case_file_pathway", "pathway_plan", "pathway_diary", "pathway_placements",
    "pathway_closure", "main_agenda", "monitoring_dashboard", "sync_status_up_to_date", "sync_status_offline",
    "sync_panel", "sync_conflicts_view",
)  # fmt: skip


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage

    _app = QGuiApplication(sys.argv[:1])
    TARGET.mkdir(parents=True, exist_ok=True)
    missing = [name for name in SHOWN if not (SOURCE / f"{name}.png").is_file()]
    if missing:
        print(f"missing in {SOURCE}: {', '.join(missing)} — run the UI tests first", file=sys.stderr)
        return 1
    total = 0
    for name in SHOWN:
        image = QImage(str(SOURCE / f"{name}.png"))
        if image.width() > WIDTH:
            image = image.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
        # Fewer colours, same look: UI screenshots have few, and 8-bit PNGs are a third of the size.
        image = image.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither)
        out = TARGET / f"{name}.png"
        image.save(str(out), "PNG", 9)
        total += out.stat().st_size
    print(f"{len(SHOWN)} images, {total / 1e6:.2f} MB in {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
