"""PDF budget (issue 3): one intake PDF ≤ 50 ms, 100 PDFs ≤ 5 s. Deterministic synthetic people (seeded), every
language the documents support, written to a temporary folder. ``python -m bench.pdfs [--json]``."""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from iam_desktop.domain.forms import load_form
from iam_desktop.domain.interchange import parse_record
from iam_desktop.printing.bilingual import DocumentContext
from iam_desktop.printing.consent_form import write_consent_form
from iam_desktop.printing.intake_form import intake_values, write_intake_form
from iam_desktop.resources import resource

from ._report import print_figures

GIVEN = ["Mohamed", "Amina", "Ibrahim", "Fatoumata", "Youssef", "Awa", "Abdoulaye", "Mariam", "Omar", "Blessing"]
FAMILY = ["Diallo", "N'Diaye", "Traoré", "Hassan", "Okafor", "D'Angelo", "Camara", "Haidari", "Bangura", "Sow"]
COUNTRIES = ["SN", "ML", "GN", "NG", "AF", "PK", "SY", "GM", "CI", "ER"]
LANGS = ["en", "fr", "ar", "it"]
TODAY = date(2025, 6, 2)


def people(n: int, seed: int = 3) -> list[dict[str, object]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        country = rng.choice(COUNTRIES)
        out.append({
            "given_names": [rng.choice(GIVEN)], "family_name": rng.choice(FAMILY),
            "aliases": [{"text": "محمد", "kind": "original"}] if i % 3 == 0 else [],
            "sex": rng.choice("FM"), "birth_date": f"{rng.randint(1970, 2005)}" + ("-03" if i % 2 else ""),
            "birth_country": country, "citizenships": [country], "languages": ["fr", "ar", "en"][: 1 + i % 3],
            "italian_level": {"listening": "A2", "writing": "pre-A1"}, "protection_status": "protezione_sussidiaria",
            "permit": {"type": "protezione_sussidiaria", "number": f"I{1000000 + i}", "questura": "Brescia",
                       "issued": "2023-05-02", "expires": "2028-05-01"},
            "phone": f"+39333{1000000 + i}", "notes": "Sintetico.",
        })  # fmt: skip
    return out


def run(n: int = 100) -> dict[str, float]:
    form = load_form(resource("forms", "intake.json"))
    context = DocumentContext(desk_name="Val Trompia", printed_on=TODAY, case_ref="VT-BENCH", controller="Ente")
    records = [parse_record(p, today=TODAY).record for p in people(n)]
    extra = {"household": [{"relation": "figlio", "name": "Awa", "birth_year": 2019, "in_italy": True}],
             "skills": [{"kind": "artigianato_tradizionale", "name": "Tessitura"}]}  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        # Warm-up: fonts are registered and texts loaded once per process, as in the app.
        write_intake_form(Path(tmp, "warm.pdf"), form=form, values={}, language="ar", context=context)
        times = []
        start = time.perf_counter()
        for i, record in enumerate(records):
            assert record is not None
            t = time.perf_counter()
            write_intake_form(Path(tmp, f"intake-{i}.pdf"), form=form, values=intake_values(record, extra),
                              language=LANGS[i % len(LANGS)], context=context)  # fmt: skip
            times.append(time.perf_counter() - t)
        total = time.perf_counter() - start
        t = time.perf_counter()
        for i in range(10):
            write_consent_form(Path(tmp, f"consent-{i}.pdf"), language=LANGS[i % 4], context=context, person_name="X")
        consent = (time.perf_counter() - t) / 10
    times.sort()
    return {
        "intake_pdfs": n,
        "intake_p50_ms": round(statistics.median(times) * 1000, 1),
        "intake_p95_ms": round(times[int(len(times) * 0.95) - 1] * 1000, 1),
        "intake_max_ms": round(times[-1] * 1000, 1),
        "intake_total_s": round(total, 2),
        "consent_mean_ms": round(consent * 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("-n", type=int, default=100)
    args = parser.parse_args()
    figures = run(args.n)
    print_figures(figures, args.json)


if __name__ == "__main__":
    main()
