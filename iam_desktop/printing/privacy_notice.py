"""The privacy notice (informativa, GDPR art. 13) given to the person at intake: every section in Italian followed by
the person's language, the desk's controller and contacts filled in, and a receipt to sign. The text and its version
live in ``resources/translations/documents.json``; a consent records which version the person read."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from iam_desktop.printing import bilingual as bi


def notice_version() -> str:
    return str(bi.texts()["privacy_notice"]["version"])


def write_privacy_notice(target: Path, *, language: str, context: bi.DocumentContext, person_name: str = "") -> None:
    notice = bi.texts()["privacy_notice"]
    params = context.placeholders()
    story: list[Flowable] = bi.header(notice["title"], language, context)
    story += bi.both(notice["subtitle"], language, "small", "small")
    if person_name:
        story += [Spacer(1, 2 * mm), bi.para(f"{bi.common('person', 'it')}: {person_name}", bi.styles()["base"])]
    for section in notice["sections"]:
        heading = bi.both(section["heading"], language, "heading", "heading_other")
        body = bi.both(section["body"], language, **params)
        story.append(KeepTogether([*heading, body[0]]))
        story += [Spacer(1, 1 * mm), *body[1:]]
    story.append(Spacer(1, 5 * mm))
    story.append(KeepTogether([*bi.both(notice["receipt"], language), Spacer(1, 2 * mm), bi.signature_block(language)]))
    bi.build(target, story, title=bi.pick(notice["title"], "it"),
             footer=f"informativa art. 13 · {bi.common('text_version', 'it')} {notice_version()}")  # fmt: skip
