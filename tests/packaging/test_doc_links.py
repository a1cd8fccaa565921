"""Every Markdown link or image in README.md, CHANGELOG.md and docs/*.md that points to a local file points to one
that exists (anchors and web addresses are not checked), and the user guides' pictures stay small."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = sorted([ROOT / "README.md", ROOT / "CHANGELOG.md", *(ROOT / "docs").glob("*.md")])
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^```.*?^```", re.DOTALL | re.MULTILINE)
# Links to documents another piece of work is writing right now: (document, target) → why. The test fails once the
# target exists, so the entry is removed then.
PENDING: dict[tuple[str, str], str] = {}


def local_links(document: Path) -> list[str]:
    text = FENCE.sub("", document.read_text(encoding="utf-8"))
    targets = []
    for target in LINK.findall(text):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
            continue  # http:, https:, mailto:, file: and in-page anchors
        targets.append(target.split("#", 1)[0])
    return targets


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_local_links_point_to_existing_files(document: Path) -> None:
    assert document.is_file(), document
    name = str(document.relative_to(ROOT).as_posix())
    broken = []
    for target in local_links(document):
        exists = (document.parent / target).exists()
        if (name, target) in PENDING:
            assert not exists, f"{target} exists now: remove it from PENDING"
            continue
        if not exists:
            broken.append(target)
    assert broken == [], f"{name} links to missing files: {broken}"


def test_the_guides_show_screenshots_that_stay_small() -> None:
    images = sorted((ROOT / "docs" / "img").glob("*.png"))
    assert len(images) >= 10
    assert sum(p.stat().st_size for p in images) < 2_000_000
    for guide in ("guida-utente.md", "user-guide.md"):
        shown = {t for t in local_links(ROOT / "docs" / guide) if t.startswith("img/")}
        assert len(shown) >= 10, guide
