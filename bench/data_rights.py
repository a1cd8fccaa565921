"""A person's request to see or delete their data, answered "in minutes" (issue 7): how long access and erasure take
on a realistic network, through a real server process on SQLite.

    python -m bench.data_rights [--cases 500] [--attachment-kb 200] [--seed 2026] [--note-after-decline] [--json]

The network: desk A with two computers, desk B with one, and the central office, all enrolled through the proxy of
``bench/_link.py``, left transparent while the network is built. Desk A holds ``--cases`` people, each with a file
that has a history (intake and two edits), a plan with goals, actions and a review, three diary entries and one or
two attachments of about ``--attachment-kb`` (random bytes: a scan compresses as little); everything is synced and
every attachment downloaded by A's second computer and the central office. Two chosen people have in addition a
transfer to B that B declined, then a housing referral to B whose shared extract B has pulled. Seeing the decline
rotates the case key on each of A's computers; ``--note-after-decline`` has A write a diary note on both people
afterwards, whose push carries the new key to the others (without it the erasure proof is sealed with a key only
A's first computer holds, and the others refuse it: the bench then fails, as it should).

Measured: (a) **access**: ``person export`` of the first chosen person on A's first computer — the service call and
the command ``iam-desktop person export`` in a fresh process (start-up, unlocking with the app's Argon2id cost,
export), seconds, bytes of the JSON and the PDF, pages of the PDF; (b) **erasure** over loopback:
``iam-desktop person erase --yes`` then ``iam-desktop network sync`` on A's first computer, then one network sync
on each of A's second computer, B and the central office in turn, repeated until every device has shredded the
case and its extract — sync runs needed, seconds, bytes; (c) the same for the second chosen person with the link
set to 256 kbit/s, 300 ms round trip, 2 % loss. After each erasure the bench checks that no device holds a key or
a record of the case or its extract and that the server's changes, grants, holdings and blobs of both are gone,
and exits non-zero otherwise. Deterministic data from ``--seed``; the other vaults use cheap Argon2id
(``IAM_INSECURE_FAST_KDF``), A's first computer the app's own cost, since its unlocking is part of the operator's
wait."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ["IAM_INSECURE_FAST_KDF"] = "1"

import sqlalchemy as sa

from iam_desktop.domain.diary import DiaryEntry, HousingModule, InterventionType
from iam_desktop.domain.plan import Action, ActionStatus, Axis, Goal, Plan, Review
from iam_desktop.domain.roles import Permission
from iam_desktop.services.desk import Desk
from iam_desktop.vault.crypto import KdfParams
from iam_desktop.vault.paths import DataDir
from iam_desktop.vault.tables import attachments, case_keys, records
from sync.server.testing import ServerProcess, provision_desk

from ._link import EmulatedLink, LinkProfile
from .sync_link import PASSPHRASE, new_desk, person

APP_KDF = KdfParams(64 * 1024, 16, 4)  # vault.default_kdf() without the test switch: what an operator unlocks
TRANSPARENT = LinkProfile(kbit_s=10_000_000.0, rtt_ms=0.0, loss=0.0)
CHOSEN = 2  # the first people of the generated list: one erased over loopback, one over the rural link
CONSENTS = [
    {"purpose": "presa_in_carico", "date": "2026-01-10", "text_version": "v1", "language": "fr"},
    {"purpose": "condivisione_rete", "date": "2026-01-10", "text_version": "v1", "language": "fr"},
]
CATALOGUE = {
    "format": "iam-catalogue/1",
    "entries": [{"id": "casa-re-1", "kind": "housing", "title": "Co-housing Reggio Emilia",
                 "territory": "Reggio Emilia", "area": "centro", "places": 4, "places_free": 2,
                 "rules": "turni pulizie", "monthly_cost_eur": 150}],
}  # fmt: skip
NOTES = ["Colloquio di verifica: cerca lavoro nell'edilizia.", "Accompagnata in Questura per il rinnovo.",
         "Iscrizione al corso di italiano del CPIA.", "Bilancio delle competenze con il mediatore.",
         "Visita alla casa in co-housing, incontro con i coinquilini."]  # fmt: skip


@dataclass(frozen=True)
class CaseSpec:
    """One person's file as the generator draws it: intake data, later edits, plan goals, diary entries (days ago,
    type, minutes, note) and attachment sizes in bytes."""

    person: dict[str, Any]
    edits: tuple[dict[str, Any], ...]
    goals: tuple[tuple[Axis, str, tuple[str, ...]], ...]
    diary: tuple[tuple[int, InterventionType, int, str], ...]
    attachments: tuple[int, ...]
    chosen: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def generate(n: int, seed: int = 2026, attachment_kb: int = 200) -> list[CaseSpec]:
    """``n`` files, the first ``CHOSEN`` of them with the consents a referral needs. Pure and deterministic."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        base = {**person(i), "consents": CONSENTS} if i < CHOSEN else person(i)
        edits = ({"phone": f"+39 333 {rng.randrange(10**7):07d}"},
                 {"notes": f"{base['notes']} {rng.choice(NOTES)}"})  # fmt: skip
        goals = tuple(
            (
                axis,
                f"Obiettivo {axis.value}",
                tuple(f"Azione {k + 1} su {axis.value}" for k in range(rng.randint(1, 2))),
            )
            for axis in rng.sample([Axis.LAVORO, Axis.ABITAZIONE, Axis.FORMAZIONE, Axis.SALUTE_DOCUMENTI], 2)
        )
        diary = tuple(
            (rng.randint(1, 90), rng.choice([InterventionType.COLLOQUIO, InterventionType.ORIENTAMENTO_LAVORO,
                                              InterventionType.PRATICHE_BUROCRATICHE]),
             rng.choice([30, 45, 60, 90]), rng.choice(NOTES))
            for _ in range(3)
        )  # fmt: skip
        sizes = tuple(int(attachment_kb * 1024 * rng.uniform(0.75, 1.25)) for _ in range(rng.randint(1, 2)))
        extra = (
            {"skills": ["saldatura"], "household": [{"relation": "figlio", "birth_year": 2019}]} if i < CHOSEN else {}
        )
        out.append(CaseSpec(base, edits, goals, diary, sizes, chosen=i < CHOSEN, extra=extra))
    return out


def pdf_pages(pdfinfo_output: str) -> int:
    """The page count in ``pdfinfo``'s output (poppler)."""
    match = re.search(r"^Pages:\s+(\d+)\s*$", pdfinfo_output, re.MULTILINE)
    if match is None:
        raise ValueError("no page count in pdfinfo output")
    return int(match.group(1))


def build_case(desk: Desk, spec: CaseSpec, number: int, root: Path, seed: int) -> str:
    """Write one file the way operators do: intake, edits, plan, diary, attachments."""
    case_id = desk.cases.intake(spec.person, extra=spec.extra or None)
    data = dict(spec.person)
    for edit in spec.edits:
        data = {**data, **edit}
        desk.cases.update(case_id, data)
    today = dt.date.today()
    made = today - dt.timedelta(days=100)
    me = desk.require(Permission.EDIT_CASE).id
    goals = tuple(
        Goal(f"g{k}", axis, text, tuple(Action(f"g{k}a{j}", act, "persona", made + dt.timedelta(days=30 * (j + 1)),
                                               ActionStatus.FATTO if j == 0 else ActionStatus.IN_CORSO,
                                               "fatto" if j == 0 else "") for j, act in enumerate(acts)))
        for k, (axis, text, acts) in enumerate(spec.goals)
    )  # fmt: skip
    plan = Plan(str(uuid.UUID(int=random.Random(seed * 7 + number).getrandbits(128))), case_id, made, me, goals,
                (Review(made + dt.timedelta(days=60), "Verifica con la persona: avanza", me),))  # fmt: skip
    desk.pathway.save_plan(case_id, plan)
    now = dt.datetime.now(dt.UTC)
    for k, (days, kind, minutes, note) in enumerate(spec.diary):
        module = HousingModule.ECONOMIA_DOMESTICA if kind is InterventionType.ACCOMPAGNAMENTO_ABITATIVO else None
        entry = DiaryEntry(str(uuid.uuid4()), case_id, kind, today - dt.timedelta(days=days), minutes, me,
                           now - dt.timedelta(days=days, minutes=k), (), note, module)  # fmt: skip
        desk.pathway.add_diary(case_id, entry)
    noise = random.Random(seed * 1_000_003 + number)
    for k, size in enumerate(spec.attachments):
        scan = root / f"scan-{number}-{k}.pdf"
        scan.write_bytes(b"%PDF-1.4\n" + noise.randbytes(size - 9))
        desk.cases.attach(case_id, scan, kind="documento")
        scan.unlink()
    return case_id


@dataclass
class Network:
    a1: Desk
    a2: Desk
    b: Desk
    central: Desk
    server: ServerProcess
    link: EmulatedLink

    def devices(self) -> dict[str, Desk]:
        return {"a1": self.a1, "a2": self.a2, "b": self.b, "central": self.central}


def _enrol(server: ServerProcess, link: EmulatedLink, root: Path, name: str, devices: int, *,
           central: bool = False, kdf: KdfParams | None = None) -> list[Desk]:  # fmt: skip
    """A desk's computers enrolled through the link, the later ones approved by the first after the short code."""
    _, codes = provision_desk(server.database_url, name, central=central, codes=devices)
    out: list[Desk] = []
    for index, code in enumerate(codes):
        folder = root / f"{name.replace(' ', '_')}-{index}"
        if index == 0 and kdf is not None:
            desk, _ = Desk.initialise(DataDir(folder), desk_name=name, territory="Bench", username="anna",
                                      display_name="Anna", passphrase=PASSPHRASE, kdf=kdf)  # fmt: skip
        else:
            desk = new_desk(folder, name)
        result = desk.sync.enrolment().enrol(link.url, code, label=f"pc{index}")
        if index:
            out[0].sync.enrolment().approve(result.device_id, result.short_code)
            assert desk.sync.enrolment().finish_handover()
        out.append(desk)
    return out


def netsync(*desks: Desk) -> None:
    for desk in desks:
        report = desk.network.sync()
        if not report.ok:
            raise RuntimeError(f"sync failed: {report.sync.message}")


def drain(desk: Desk, limit: int = 500) -> int:
    """Sync until nothing moves: every change pushed and pulled, every attachment uploaded and downloaded (a run
    pushes a bounded batch and moves at most 64 MiB and 50 downloads of attachments); returns the runs taken."""
    for runs in range(1, limit + 1):
        report = desk.network.sync()
        if not report.ok:
            raise RuntimeError(f"sync failed: {report.sync.message}")
        r = report.sync
        if not (r.waiting or r.blobs_waiting or r.pushed or r.pulled or r.blobs_up or r.blobs_down):
            return runs
    raise RuntimeError("attachments still waiting after many runs")


def attachment_count(desk: Desk) -> int:
    with desk.vault.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(attachments)).scalar_one())


def build_network(root: Path, server: ServerProcess, link: EmulatedLink, specs: list[CaseSpec], seed: int,
                  log: Any, note_after_decline: bool = False) -> tuple[Network, list[str], dict[str, Any]]:  # fmt: skip
    """Every computer enrolled, A's cases written, synced and downloaded, the chosen people's referral history
    played out. Returns the network, the chosen case ids and figures of the set-up."""
    started = time.perf_counter()
    central = _enrol(server, link, root, "Ufficio centrale", 1, central=True)[0]
    a1, a2 = _enrol(server, link, root, "Sportello A", 2, kdf=APP_KDF)
    b = _enrol(server, link, root, "Sportello B", 1)[0]
    net = Network(a1, a2, b, central, server, link)
    catalogue = root / "catalogo.json"
    catalogue.write_text(json.dumps(CATALOGUE), encoding="utf-8")
    a1.network.catalogue.found()
    a1.network.catalogue.import_file(catalogue)
    ids = []
    for number, spec in enumerate(specs):
        ids.append(build_case(a1, spec, number, root, seed))
        if number % 100 == 99:
            log(f"{number + 1} cases written")
    written = time.perf_counter()
    netsync(a1, a2, central, b)
    runs = {name: drain(d) for name, d in (("a1", a1), ("a2", a2), ("central", central))}
    for name, desk in (("a2", a2), ("central", central)):
        if attachment_count(desk) != attachment_count(a1):
            raise RuntimeError(f"set-up: {name} holds {attachment_count(desk)} attachments, A1 {attachment_count(a1)}")
    synced = time.perf_counter()
    log(f"synced; attachment runs {runs}")
    b_id = b.network.referrals.my_desk_id()
    chosen = ids[:CHOSEN]
    transfers = [a1.network.referrals.propose(c, b_id, "transfer") for c in chosen]
    netsync(a1, b)
    for referral in transfers:
        b.network.referrals.answer(referral, "declined", "nessun operatore disponibile")
    netsync(b, a1, b, a2, central)
    if note_after_decline:
        # The operator notes the refusal in the diary: a change sealed with the key rotated when the decline was
        # seen, whose push wraps that key to the desk and the central office.
        me = a1.require(Permission.EDIT_CASE).id
        for case_id in chosen:
            a1.pathway.add_diary(case_id, DiaryEntry(str(uuid.uuid4()), case_id, InterventionType.COLLOQUIO,
                                                     dt.date.today(), 15, me, dt.datetime.now(dt.UTC), (),
                                                     "Trasferimento rifiutato da B: si cerca un posto"))  # fmt: skip
        netsync(a1, a2, central)
    for case_id in chosen:
        a1.network.referrals.propose(case_id, b_id, "housing", opportunity="casa-re-1",
                                     share=["identity", "italian", "household"])  # fmt: skip
    netsync(a1, b, a2, central)
    for case_id in chosen:
        extract = extract_of(a1, case_id)
        for name, desk in (("b", b), ("a2", a2), ("central", central)):
            if not held(desk, [extract]):
                raise RuntimeError(f"set-up: {name} has not pulled the extract")
        if held(b, [case_id]):
            raise RuntimeError("set-up: B still holds the case of the declined transfer")
    setup = {"setup_write_s": round(written - started, 1), "setup_sync_s": round(synced - written, 1),
             "setup_sync_runs": runs, "setup_s": round(time.perf_counter() - started, 1)}  # fmt: skip
    return net, chosen, setup


def extract_of(desk: Desk, case_id: str) -> str:
    with desk.vault.engine.connect() as conn:
        [extract] = [e for e in desk.network.referrals.extract_ids(conn, case_id)]
    return extract


def held(desk: Desk, partitions: list[str]) -> list[str]:
    """What the device still holds of these partitions: keys and records, counted (empty when shredded)."""
    out = []
    with desk.vault.engine.connect() as conn:
        for table, what in ((case_keys, "keys"), (records, "records")):
            count = conn.execute(sa.select(sa.func.count()).select_from(table)
                                 .where(table.c.case_id.in_(partitions))).scalar_one()  # fmt: skip
            if count:
                out.append(f"{count} {what}")
    return out


def server_left(server: ServerProcess, partitions: list[str]) -> list[str]:
    """What the server still holds of these partitions (changes, grants, holdings, blobs), or a case not erased."""
    engine = sa.create_engine(server.database_url)
    out = []
    try:
        with engine.connect() as conn:
            for case_id in partitions:
                row = conn.execute(sa.text("SELECT case_no, erased_ms FROM cases WHERE case_id = :c"),
                                   {"c": case_id}).first()  # fmt: skip
                if row is None or row.erased_ms is None:
                    out.append(f"{case_id[:8]} not erased")
                    continue
                for table in ("changes", "grants", "holdings"):
                    count = conn.execute(sa.text(f"SELECT count(*) FROM {table} WHERE case_no = :n"),
                                         {"n": row.case_no}).scalar_one()  # fmt: skip
                    if count:
                        out.append(f"{case_id[:8]}: {count} {table}")
                blobs = conn.execute(sa.text("SELECT count(*) FROM blobs WHERE case_id = :c"), {"c": case_id})
                if count := blobs.scalar_one():
                    out.append(f"{case_id[:8]}: {count} blobs")
    finally:
        engine.dispose()
    return out


def cli(desk: Desk, *argv: str) -> tuple[float, str]:
    """One ``iam-desktop`` command in a fresh process, as an operator types it; wall seconds and output."""
    env = {**os.environ, "IAM_PASSPHRASE": PASSPHRASE}
    command = [sys.executable, "-m", "iam_desktop", "--data-dir", str(desk.vault.data_dir.root), *argv]
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[:3])} failed: {done.stderr.strip()[-400:]}")
    return seconds, done.stdout


def measure_access(desk: Desk, case_id: str, out: Path, repeat: int = 3) -> dict[str, Any]:
    api, command = [], []
    for k in range(repeat):
        start = time.perf_counter()
        json_path, pdf_path = desk.network.rights.export(case_id, out / f"api-{k}")
        api.append(time.perf_counter() - start)
        command.append(cli(desk, "person", "--operator", "anna", "export", case_id, "-o", str(out / f"cli-{k}"))[0])
    info = subprocess.run(["pdfinfo", str(pdf_path)], capture_output=True, text=True, check=True).stdout
    exported = json.loads(json_path.read_text(encoding="utf-8"))
    return {
        "export_api_s": round(statistics.median(api), 3), "export_api_runs_s": [round(s, 3) for s in api],
        "export_cli_s": round(statistics.median(command), 2), "export_cli_runs_s": [round(s, 2) for s in command],
        "json_bytes": json_path.stat().st_size, "pdf_bytes": pdf_path.stat().st_size, "pdf_pages": pdf_pages(info),
        "json_records": len(exported["records"]), "json_attachments": len(exported["attachments"]),
        "json_audit_events": len(exported["audit"]), "pdf_path": str(pdf_path),
    }  # fmt: skip


def measure_erasure(net: Network, case_id: str, max_rounds: int = 3) -> dict[str, Any]:
    """``person erase`` and ``network sync`` on A's first computer (commands), then one network sync per other
    device in turn, until every device and the server hold nothing of the case and its extract."""
    parts = [case_id, extract_of(net.a1, case_id)]
    before = {name: held(d, parts) for name, d in net.devices().items()}
    if not all(before.values()):
        raise RuntimeError(f"nothing to erase on some device: {before}")
    wire = dict(net.link.bytes)
    start = time.perf_counter()
    erase_s, _ = cli(net.a1, "person", "--operator", "anna", "erase", case_id, "--yes")
    runs: list[dict[str, Any]] = []
    done_at: dict[str, float] = {}
    for _round in range(max_rounds):
        for name, desk in net.devices().items():
            if name in done_at:
                continue
            t = time.perf_counter()
            if name == "a1":
                cli(desk, "network", "--operator", "anna", "sync")
                report = None
            else:
                report = desk.network.sync()
                if not report.ok:
                    raise RuntimeError(f"{name}: sync failed: {report.sync.message}")
            runs.append({"device": name, "s": round(time.perf_counter() - t, 2),
                         **({"bytes_down": report.sync.bytes_down, "bytes_up": report.sync.bytes_up}
                            if report else {})})  # fmt: skip
            if not held(desk, parts):
                done_at[name] = time.perf_counter() - start
        if len(done_at) == len(net.devices()) and not server_left(net.server, parts):
            break
    total = time.perf_counter() - start
    net.a1.lock()
    net.a1.unlock("anna", PASSPHRASE)  # the commands wrote in other sessions: read the vault again
    left = {name: held(d, parts) for name, d in net.devices().items()}
    left = {name: what for name, what in left.items() if what}
    left_server = server_left(net.server, parts)
    registered = {name: len(set(parts) & registered_erasures(d)) for name, d in net.devices().items()}
    return {
        "erase_command_s": round(erase_s, 2), "sync_runs": len(runs), "all_shredded_s": round(total, 2),
        "shredded_at_s": {k: round(v, 2) for k, v in done_at.items()}, "runs": runs,
        "wire_bytes_up": net.link.bytes["up"] - wire["up"], "wire_bytes_down": net.link.bytes["down"] - wire["down"],
        "left_on_devices": left, "left_on_server": left_server, "in_erasure_register": registered,
        "verified": not left and not left_server,
    }  # fmt: skip


def registered_erasures(desk: Desk) -> set[str]:
    from iam_desktop.vault import erasures

    with desk.vault.engine.connect() as conn:
        return set(erasures.registered(conn))


def run(cases: int, attachment_kb: int, seed: int, log: Any, note_after_decline: bool = False) -> dict[str, Any]:
    specs = generate(cases, seed, attachment_kb)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        server = ServerProcess(f"sqlite:///{root / 'server.sqlite3'}",
                               env={"IAM_SYNC_ENROL_PER_MINUTE": "10000"}).start()  # fmt: skip
        link = EmulatedLink(server.port, TRANSPARENT)
        net = None
        try:
            net, chosen, setup = build_network(root, server, link, specs, seed, log, note_after_decline)
            log("set-up done; measuring access")
            access = measure_access(net.a1, chosen[0], root / "export")
            pdf = Path(access.pop("pdf_path"))
            keep = Path(os.environ.get("IAM_BENCH_KEEP_PDF", ""))
            if keep.name:
                keep.write_bytes(pdf.read_bytes())
            log("erasure over loopback")
            loopback = measure_erasure(net, chosen[0])
            link.profile = LinkProfile()  # every connection opened from now on crosses the rural link
            log("erasure over the rural link")
            rural = measure_erasure(net, chosen[1])
            return {
                "cases": cases, "attachment_kb": attachment_kb, "seed": seed, "note_after_decline": note_after_decline,
                "attachments": sum(len(s.attachments) for s in specs),
                "attachment_bytes": sum(sum(s.attachments) for s in specs), **setup,
                "access": access, "erasure_loopback": loopback,
                "erasure_link": {"link_kbit_s": link.profile.kbit_s, "rtt_ms": link.profile.rtt_ms,
                                 "loss": link.profile.loss, **rural},
            }  # fmt: skip
        finally:
            if net is not None:
                for desk in net.devices().values():
                    desk.close()
            link.close()
            server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=500)
    parser.add_argument("--attachment-kb", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--note-after-decline",
        action="store_true",
        help="A writes a diary note on the chosen people after B declines the transfer",
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.cases < CHOSEN:
        parser.error(f"--cases must be at least {CHOSEN}")
    figures = run(
        args.cases,
        args.attachment_kb,
        args.seed,
        lambda text: print(text, file=sys.stderr, flush=True),
        args.note_after_decline,
    )
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:20} {value}")
    sys.stdout.flush()
    verified = figures["erasure_loopback"]["verified"] and figures["erasure_link"]["verified"]
    if not verified:
        print("erasure NOT verified: something of the person is left (see left_on_devices, left_on_server)",
              file=sys.stderr)  # fmt: skip
        sys.exit(1)


if __name__ == "__main__":
    main()
