"""The access document (GDPR art. 15): everything this computer of the network holds about a person, for the
person to read — labels in Italian and in the person's language, on the shared page layout. The personal data as
the intake form labels them (``intake_form.section_story``), the pathway at the desk, every other record by kind
and date, the attachments, edits kept as conflicts, and who read or changed the file when (by name). The JSON
file written beside it holds the same data for another system. Labels come from
``resources/catalogue/export.json``."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from iam_desktop.domain.forms import FormDefinition
from iam_desktop.printing import bilingual as bi
from iam_desktop.printing.intake_form import LABEL_WIDTH, WIDTH, section_story
from iam_desktop.resources import read_json

_GRID = TableStyle([("GRID", (0, 0), (-1, -1), 0.25, bi.RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee"))])  # fmt: skip
# Record fields that are the app's own bookkeeping, not the person's data: not printed (they are in the JSON).
_INTERNAL = ("id", "created_by", "by", "operator", "desk", "key_id", "sha256", "sealed_size", "share", "voids",
             "recorded_at", "created_at", "_type", "proposed_by")  # fmt: skip
# Listed in their own section (attachments) or holding no personal data of their own.
_SKIPPED_KINDS = ("attachment_record", "extract", "referral")  # referrals: their own section
_SUMMARY_CHARS = 3000  # the person sees their records whole; only a runaway value is cut


@cache
def export_texts() -> dict[str, Any]:
    data: dict[str, Any] = read_json("catalogue", "export.json")
    return data


def _t(key: str) -> Mapping[str, str]:
    entry: Mapping[str, str] = export_texts()[key]
    return entry


def _words(group: str, code: str, language: str) -> str:
    """A code in words (Italian / the person's language), or the code itself when the file does not name it."""
    entry = export_texts()[group].get(code)
    if entry is None:
        return code
    return bi.pick_both(entry, language)


def _when(value: Any) -> str:
    text = str(value or "")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        try:
            return bi.format_date(date.fromisoformat(text[:10]))
        except ValueError:
            return text or "—"
    day = bi.format_date(moment.date())
    return day if len(text) <= 10 else f"{day} {moment:%H:%M}"


def _summary(value: Any) -> str:
    """A record's content as one readable line: ``key: value`` pairs, nested ones flattened, bookkeeping left out."""
    parts: list[str] = []

    def walk(prefix: str, item: Any) -> None:
        if isinstance(item, Mapping):
            for key, sub in item.items():
                name = str(key)
                if name in _INTERNAL or name.startswith("by:") or name.endswith("_id"):
                    continue
                walk(f"{prefix}.{name}" if prefix else name.replace("_", " "), sub)
        elif isinstance(item, list):
            if item and all(not isinstance(v, Mapping | list) for v in item):
                joined = ", ".join(str(v) for v in item)
                parts.append(f"{prefix}: {joined}" if prefix else joined)
            else:
                for index, sub in enumerate(item, 1):
                    walk(f"{prefix} {index}", sub)
        elif item not in (None, "", {}):
            parts.append(f"{prefix}: {item}" if prefix else str(item))

    walk("", value)
    text = "; ".join(parts) or "—"
    return text if len(text) <= _SUMMARY_CHARS else text[: _SUMMARY_CHARS - 1] + "…"


def _history(payload: Mapping[str, Any], labels: Mapping[str, str], language: str) -> str:
    """A change to the file in words: what was done, then each field changed with its label (``from → to``)."""
    parts = [_words("actions", str(payload.get("action", "")), language)]
    for field, change in (payload.get("changes") or {}).items():
        if isinstance(change, Mapping):
            before, after = _summary(change.get("from")), _summary(change.get("to"))
            parts.append(f"{labels.get(str(field), str(field))}: {'' if before == '—' else before} → {after}")
    text = "; ".join(parts)
    return text if len(text) <= _SUMMARY_CHARS else text[: _SUMMARY_CHARS - 1] + "…"


def _heading(key: str, language: str) -> list[Flowable]:
    return [Spacer(1, 3 * mm), *bi.both(_t(key), language, "heading", "heading_other")]


def _table(head: list[str], rows: list[list[str]], widths: list[float], language: str) -> Table:
    s = bi.styles()
    cells = [[bi.para(h, s["label"]) for h in head]]
    cells += [[bi.para(value, s["base"]) for value in row] for row in rows]
    return Table(cells, colWidths=widths, style=_GRID, repeatRows=1)


def _labels(keys: list[str], language: str) -> list[str]:
    return [bi.pick_both(_t(key), language) for key in keys]


def write_person_export(
    target: Path, data: Mapping[str, Any], *, form: FormDefinition, values: Mapping[str, Any], language: str,
    context: bi.DocumentContext, desk_names: Mapping[str, str],
) -> None:  # fmt: skip
    """``data`` is what ``DataRights.collect`` gathered; ``values`` the person's data as intake form field ids."""
    s = bi.styles()
    story: list[Flowable] = bi.header(_t("title"), language, context)
    story.append(Spacer(1, 2 * mm))
    story += bi.both(_t("intro"), language)
    story += _heading("personal", language)
    story += section_story(form, values, language)

    story += _heading("pathway", language)
    meta = data.get("case") or {}
    rows = [[label, shown] for label, shown in (
        (_labels(["desk"], language)[0], desk_names.get(str(meta.get("desk")), "") or "—"),
        (_labels(["opened"], language)[0], _when(meta.get("opened"))),
        (_labels(["step"], language)[0], str(meta.get("step") or "—")),
        (_labels(["status_label"], language)[0], _words("status", str(meta.get("status") or ""), language) or "—"),
        (_labels(["closed"], language)[0], _when(meta.get("closed")) if meta.get("closed") else "—"),
        (_labels(["transferred"], language)[0],
         f"{desk_names.get(str(meta.get('transferred_from')), '') or '—'}, {_when(meta.get('transferred_at'))}"
         if meta.get("transferred_at") else "—"),
    )]  # fmt: skip
    story.append(Table([[bi.para(a, s["label"]), bi.para(b, s["base"])] for a, b in rows],
                       colWidths=[LABEL_WIDTH, WIDTH - LABEL_WIDTH], style=_GRID))  # fmt: skip

    records = sorted((r for r in data.get("records") or [] if r.get("kind") not in _SKIPPED_KINDS),
                     key=lambda r: (str(r.get("kind")), str(r.get("created_at"))))  # fmt: skip
    labels = {f.id: bi.pick(f.label, "it") for section in form.sections for f in section.fields}
    story += _heading("records", language)
    if not records:
        story.append(bi.para("—", s["base"]))
    for kind in dict.fromkeys(str(r["kind"]) for r in records):
        rows = [[_when(r.get("created_at")),
                 _history(r.get("data") or {}, labels, language) if kind == "history" else _summary(r.get("data"))]
                for r in records if r["kind"] == kind]  # fmt: skip
        head = _labels(["date", "content"], language)
        block = [bi.para(_words("kinds", kind, language), s["label"]),
                 _table(head, rows, [30 * mm, WIDTH - 30 * mm], language)]  # fmt: skip
        story += [KeepTogether(block)] if len(rows) <= 6 else block
        story.append(Spacer(1, 2 * mm))

    story += _heading("referrals", language)
    rows = []
    for r in data.get("referrals") or []:
        shared = ", ".join(_words("sections", str(x), language) for x in r.get("share") or [])
        to = r.get("to_name") or ("partner" if str(r.get("to_desk", "")).startswith("partner:") else "—")
        rows.append([_when(r.get("proposed_at")), f"{to} — {_words('purposes', str(r.get('purpose')), language)}",
                     shared or "—", _words("states", str(r.get("state")), language)])  # fmt: skip
    widths = [28 * mm, 52 * mm, WIDTH - 108 * mm, 28 * mm]
    head = _labels(["date", "to", "shared", "state"], language)
    story.append(_table(head, rows, widths, language) if rows else bi.para("—", s["base"]))

    story += _heading("attachments", language)
    files = data.get("attachments") or []
    rows = [[str(a.get("filename")), str(a.get("type") or ""), f"{max(1, round(int(a.get('size') or 0) / 1024))} KB"]
            for a in files]  # fmt: skip
    story.append(_table(_labels(["file", "type", "size"], language), rows, [WIDTH - 60 * mm, 35 * mm, 25 * mm],
                        language) if rows else bi.para("—", s["base"]))  # fmt: skip

    conflicts = data.get("conflicts") or []
    if conflicts:
        story += _heading("conflicts", language)
        rows = [[".".join(str(p) for p in (c.get("path") or [])) or "—", _summary((c.get("winner") or {}).get("value")),
                 _summary((c.get("loser") or {}).get("value"))] for c in conflicts]  # fmt: skip
        story.append(_table(_labels(["field", "kept", "other"], language), rows,
                            [45 * mm, (WIDTH - 45 * mm) / 2, (WIDTH - 45 * mm) / 2], language))  # fmt: skip

    story += _heading("audit", language)
    audit = data.get("audit") or []
    rows = [[_when(e.get("at")), _words("actions", str(e.get("action")), language),
             str(e.get("operator_name") or bi.pick(_t("system"), "it"))] for e in audit]  # fmt: skip
    story.append(_table(_labels(["date", "what", "who"], language), rows, [32 * mm, WIDTH - 82 * mm, 50 * mm],
                        language) if rows else bi.para("—", s["base"]))  # fmt: skip
    story.append(Spacer(1, 4 * mm))
    story += bi.both(_t("closing"), language, "small", "small")
    bi.build(target, story, title="Accesso ai dati", footer="I.Am — accesso ai dati (GDPR art. 15)")
