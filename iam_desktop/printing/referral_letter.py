"""The referral letter (lettera di invio): who refers whom, to which desk or partner, for what, and which data are
shared — every label in Italian and in the person's language (Arabic shaped, right-to-left), on the shared page
layout of ``iam_desktop.printing.bilingual``. Labels come from ``resources/catalogue/letters.json``; the shared
sections are listed one per line with their labels from ``resources/referrals/sections.json`` and whether the
receiver gets only those (a shared extract) or the whole file (a transfer)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, Spacer

from iam_desktop.domain.referral import ShareRules, parse_share_rules
from iam_desktop.printing import bilingual as bi
from iam_desktop.resources import read_json


@cache
def letter_texts() -> dict[str, Any]:
    data: dict[str, Any] = read_json("catalogue", "letters.json")
    return data


@cache
def section_rules() -> ShareRules:
    return parse_share_rules(read_json("referrals", "sections.json"))


def _t(key: str) -> Mapping[str, str]:
    entry: Mapping[str, str] = letter_texts()[key]
    return entry


def write_referral_letter(
    target: Path,
    *,
    language: str,
    desk_name: str,
    to_name: str,
    person_name: str,
    purpose: str,
    opportunity: str,
    share: list[str],
    case_ref: str,
    on: date,
) -> None:
    s = bi.styles()
    context = bi.DocumentContext(desk_name=desk_name, printed_on=on, case_ref=case_ref)
    story: list[Flowable] = bi.header(_t("referral_title"), language, context)
    story.append(Spacer(1, 8))
    what = {lang: bi.pick(_t(f"purpose_{purpose}"), lang) for lang in ("it", language)}
    story += [bi.para(bi.pick(_t("referral_body"), lang, sportello=desk_name, purpose=what[lang]), s[style])
              for lang, style in (("it", "base"), (language, "other")) if lang == "it" or language != "it"]  # fmt: skip
    for key, value in (("person", person_name), ("to_desk", to_name), ("opportunity", opportunity)):
        story.append(Spacer(1, 4))
        story += bi.both(_t(key), language, "label", "label_other")
        story.append(bi.para(value or "—", s["base"]))
    story.append(Spacer(1, 4))
    story += bi.both(_t("shared"), language, "label", "label_other")
    rules = section_rules()
    for section_id in share:
        label = rules.section(section_id).label
        story.append(bi.para("• " + label["it"], s["base"]))
        if language != "it" and language in label:
            story.append(bi.para(label[language], s["other"]))
    story += bi.both(_t("shared_whole" if purpose == "transfer" else "shared_extract"), language, "small", "small")
    story.append(Spacer(1, 24))
    story.append(bi.signature_block(language))
    bi.build(target, story, title="Lettera di invio", footer="I.Am — lettera di invio")
