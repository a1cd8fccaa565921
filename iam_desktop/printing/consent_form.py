"""The consent form: one box per purpose (presa_in_carico, condivisione_rete, monitoraggio, comunicazione), each
with the purpose's text in Italian and in the person's language and tick boxes to agree or refuse — or to
acknowledge, for purposes whose lawful basis is not consent —, then the withdrawal note and the signatures. Pass
``decisions`` to print what the person already chose (a reprint); leave it empty for a form to fill in."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from iam_desktop.domain.consent import ConsentPurpose
from iam_desktop.printing import bilingual as bi
from iam_desktop.printing.intake_form import WIDTH

TICKED, EMPTY = "☒", "☐"


def consent_version() -> str:
    return str(bi.texts()["consent"]["version"])


def _box(purpose: ConsentPurpose, spec: Mapping[str, object], language: str, decision: bool | None) -> Flowable:
    s = bi.styles()
    texts = bi.texts()["consent"]
    cell: list[Flowable] = [*bi.both(spec["title"], language, "heading", "heading_other")]  # type: ignore[arg-type]
    cell += bi.both(spec["text"], language)  # type: ignore[arg-type]
    if spec["kind"] == "acknowledge":
        choices = [(texts["acknowledge"], decision is not None)]
    else:
        choices = [(texts["agree"], decision is True), (texts["disagree"], decision is False)]
    ticks = [
        bi.para(
            f"{TICKED if ticked else EMPTY} {bi.pick(label, 'it')}"
            + ("" if language == "it" else f" / {bi.pick(label, language)}"),
            s["label"],
        )
        for label, ticked in choices
    ]
    cell.append(Spacer(1, 1.5 * mm))
    cell.append(Table([ticks], colWidths=[(WIDTH - 12) / len(ticks)] * len(ticks)))
    return KeepTogether(
        Table(
            [[cell]],
            colWidths=[WIDTH],
            style=TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                    ("LEFTPADDING", (0, 0), (-1, -1), 6),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            ),
        )
    )


def write_consent_form(
    target: Path,
    *,
    language: str,
    context: bi.DocumentContext,
    person_name: str,
    decisions: Mapping[ConsentPurpose, bool] | None = None,
) -> None:
    texts = bi.texts()["consent"]
    story: list[Flowable] = bi.header(texts["title"], language, context)
    story.append(Spacer(1, 3 * mm))
    story += bi.both(texts["intro"], language, nome=person_name, versione=consent_version())
    story.append(Spacer(1, 2 * mm))
    for purpose in ConsentPurpose:
        spec = texts["purposes"][purpose.value]
        story.append(_box(purpose, spec, language, (decisions or {}).get(purpose)))
        story.append(Spacer(1, 2.5 * mm))
    story += bi.both(texts["withdrawal"], language, "small", "small")
    story.append(Spacer(1, 4 * mm))
    story.append(bi.signature_block(language, ("place_date", "signature_person", "signature_operator")))
    story.append(Spacer(1, 3 * mm))
    story.append(bi.signature_block(language, ("interpreter",)))
    bi.build(
        target,
        story,
        title=bi.pick(texts["title"], "it"),
        footer=f"consenso · {bi.common('text_version', 'it')} {consent_version()}",
    )
