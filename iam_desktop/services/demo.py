"""The demo network (``iam-desktop demo``): a sync server process on 127.0.0.1 with a temporary SQLite database,
started through the server's own CLI (``python -m sync.server``), a central office and two demo desks — each a data
folder with clearly fictitious cases taken in charge through ``desk.cases.intake`` — enrolled and synced, so a
newcomer sees sync without any set-up. Then a short scenario shows the network at work: the central office founds
the shared catalogue (``resources/catalogue/demo.json``), Val Trompia refers a person to Padova for a housing place
(Padova finds it in its inbox), and a second computer of Val Trompia changes the same field as the first while
neither has the other's change (the first finds it under "Conflitti"). Everything lives under one demo folder; the
passphrase is demo-only."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from iam_desktop.vault.crypto import KdfParams
from iam_desktop.vault.paths import DataDir

from .desk import Desk

DEMO_PASSPHRASE = "demo-solo-prova-NON-segreta"
DEMO_OPERATOR = "demo"
DEMO_DESKS = (("Ufficio centrale (demo)", "centrale", True), ("Sportello Val Trompia", "val-trompia", False),
              ("Sportello Padova", "padova", False))  # fmt: skip
DEMO_CONSENTS = [
    {"purpose": "presa_in_carico", "date": "2026-01-10", "text_version": "v1", "language": "it"},
    {"purpose": "condivisione_rete", "date": "2026-01-10", "text_version": "v1", "language": "it"},
]
_GIVEN = ("Amina", "Yusuf", "Fatima", "Ibrahim", "Mariam", "Omar", "Aisha", "Samuel", "Grace", "Kofi")


@dataclass
class DemoNetwork:
    root: Path
    server_url: str
    server: subprocess.Popen[bytes]
    desks: dict[str, Path] = field(default_factory=dict)  # desk name → data folder
    cases: dict[str, int] = field(default_factory=dict)

    def stop(self) -> None:
        if self.server.poll() is None:
            os.killpg(self.server.pid, signal.SIGTERM)
            try:
                self.server.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.server.pid, signal.SIGKILL)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# All desks and codes in ONE process of the server's own CLI: each start costs seconds of imports.
_PROVISION = """
import contextlib, io, sys
from sync.server.cli import main
url = sys.argv[1]
for name, central in zip(sys.argv[2::2], sys.argv[3::2]):
    with contextlib.redirect_stdout(io.StringIO()):
        main(["desk", "create", name, *(["--central"] if central == "1" else []), "--database-url", url])
    for _ in range(2):  # the second code enrols a desk's second computer (Val Trompia's, in the scenario)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            main(["enrol-code", name, "--database-url", url])
        print(out.getvalue().strip().splitlines()[-1])
"""

# The server quits when the app that started it goes away, even after a SIGKILL that left no time to stop it.
_WATCHED_SERVER = """
import os, signal, sys, threading, time
parent = int(sys.argv[1])
def watch():
    while os.getppid() == parent:
        time.sleep(1)
    os.killpg(0, signal.SIGTERM)
threading.Thread(target=watch, daemon=True).start()
from sync.server.cli import main
sys.exit(main(sys.argv[2:]))
"""


def provision(database_url: str, desks: list[tuple[str, bool]]) -> dict[str, tuple[str, str]]:
    """Create the desks on the demo server and return two one-time enrolment codes for each."""
    args = [a for name, central in desks for a in (name, "1" if central else "0")]
    command = [sys.executable, "-c", _PROVISION, database_url, *args]
    # Fixed arguments and this interpreter: nothing here comes from untrusted input.
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)  # noqa: S603
    codes = [c.strip() for c in done.stdout.strip().splitlines()]
    pairs = zip(codes[0::2], codes[1::2], strict=True)
    return {name: pair for (name, _), pair in zip(desks, pairs, strict=True)}


def start_server(root: Path, port: int = 0) -> tuple[subprocess.Popen[bytes], str, str]:
    import requests  # here, not at the top: the app imports this module at start-up (the first-run choice)

    database_url = f"sqlite:///{root / 'server.sqlite3'}"
    port = port or _free_port()
    url = f"http://127.0.0.1:{port}"
    log = (root / "server.log").open("ab")
    command = [sys.executable, "-c", _WATCHED_SERVER, str(os.getpid()), "serve", "--database-url", database_url,
               "--host", "127.0.0.1", "--port", str(port)]  # fmt: skip
    process = subprocess.Popen(command, stdout=log, stderr=log, start_new_session=True)  # noqa: S603
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the demo server stopped; see {root / 'server.log'}")
        try:
            if requests.get(url + "/healthz", timeout=1).status_code == 200:
                return process, url, database_url
        except requests.RequestException:
            time.sleep(0.1)
    raise RuntimeError("the demo server did not start in 30 s")


def fictitious_person(n: int) -> dict[str, object]:
    letters = "".join("abcdefghij"[int(d)] for d in f"{n:03d}")
    return {"given_names": [_GIVEN[n % len(_GIVEN)]], "family_name": f"Esempio-{letters.capitalize()}",
            "birth_date": f"{1980 + n % 20}", "phone": f"+39 300 000 {n:04d}",
            "notes": "Persona inventata per la demo"}  # fmt: skip


def build(root: Path, *, cases_per_desk: int = 5, port: int = 0, fast_kdf: bool = False) -> DemoNetwork:
    """Start the server and set up the network under ``root`` (which must not hold a demo already)."""
    root.mkdir(parents=True, exist_ok=True)
    process, url, database_url = start_server(root, port)
    network = DemoNetwork(root, url, process)
    kdf = KdfParams(memory_kib=8192, iterations=1, lanes=1) if fast_kdf else None
    opened: list[Desk] = []  # kept unlocked for the scenario: each unlock costs a passphrase derivation
    try:
        offset = 0
        fingerprint = ""  # the central office enrols first; the demo desks type its fingerprint as an operator would
        codes = provision(database_url, [(name, central) for name, _, central in DEMO_DESKS])
        for name, slug, is_central in DEMO_DESKS:
            code = codes[name][0]
            data_dir = DataDir(root / slug)
            desk, _ = Desk.initialise(data_dir, desk_name=name, territory="demo", username=DEMO_OPERATOR,
                                      display_name="Operatore demo", passphrase=DEMO_PASSPHRASE, kdf=kdf)  # fmt: skip
            opened.append(desk)
            count = 0 if is_central else cases_per_desk
            for n in range(count):
                desk.cases.intake(fictitious_person(offset + n))
            offset += count
            enrolment = desk.sync.enrolment()
            enrolment.enrol(url, code, label=f"demo {slug}", central_fingerprint=fingerprint)
            if is_central:
                fingerprint = enrolment.own_fingerprint()
            report = desk.sync.client().run_once()
            if not report.ok:
                raise RuntimeError(f"demo sync of {name} failed: {report.state}")
            network.desks[name] = data_dir.root
            network.cases[name] = count
        central, trompia, padova = opened
        opened.append(_second_computer(network, codes["Sportello Val Trompia"][1], fingerprint, trompia, kdf))
        _scenario(network, central, trompia, padova, opened[-1])
    except Exception:
        network.stop()
        raise
    finally:
        for desk in opened:
            desk.close()
    return network


def _synced(desk: Desk) -> None:
    report = desk.network.sync()
    if not report.ok:
        raise RuntimeError(f"demo sync of {desk.profile.desk_name} failed: {report.sync.state}")


def _second_computer(network: DemoNetwork, code: str, fingerprint: str, first: Desk, kdf: KdfParams | None) -> Desk:
    """A second computer of Val Trompia, approved by the first after comparing the short code."""
    data_dir = DataDir(network.root / "val-trompia-2")
    second, _ = Desk.initialise(data_dir, desk_name="Sportello Val Trompia", territory="demo", username=DEMO_OPERATOR,
                                display_name="Operatore demo (secondo computer)", passphrase=DEMO_PASSPHRASE,
                                kdf=kdf)  # fmt: skip
    try:
        pending = second.sync.enrolment().enrol(network.server_url, code, label="demo val-trompia-2",
                                                central_fingerprint=fingerprint)  # fmt: skip
        approver = first.sync.enrolment()
        approver.approve(approver.pending_devices()[0].device_id, pending.short_code)
        _synced(second)
    except Exception:
        second.close()
        raise
    network.desks["Sportello Val Trompia (secondo computer)"] = data_dir.root
    return second


def _scenario(network: DemoNetwork, central: Desk, trompia: Desk, padova: Desk, second: Desk) -> None:
    """The network at work: a catalogue, a referral waiting in Padova's inbox, a conflict on Val Trompia."""
    from iam_desktop.resources import resource

    central.network.catalogue.found()
    central.network.catalogue.import_file(resource("catalogue", "demo.json"))
    for desk in (central, trompia, padova, second):  # the central office's sync grants the catalogue key to all
        _synced(desk)
    rows = trompia.cases.search()
    # The same telephone number changed on both computers, neither having seen the other's change: a conflict
    # that the first computer finds under "Conflitti" with both values side by side.
    first = rows[0].case_id
    second.cases.update(first, {**second.cases.open(first).person, "phone": "+39 300 111 2222"})
    _synced(second)
    trompia.cases.update(first, {**trompia.cases.open(first).person, "phone": "+39 300 333 4444"})
    # A person who consented to sharing within the network, referred to Padova for a co-housing place.
    referred = rows[-1].case_id
    trompia.cases.update(referred, {**trompia.cases.open(referred).person, "consents": DEMO_CONSENTS})
    trompia.network.referrals.propose(referred, "Sportello Padova", "housing", opportunity="demo-casa-pd")
    _synced(trompia)
    _synced(padova)
    _synced(central)  # now holds every desk's cases
    for (name, _, _), desk in zip(DEMO_DESKS, (central, trompia, padova), strict=True):
        network.cases[name] = desk.cases.count()
    network.cases["Sportello Val Trompia (secondo computer)"] = second.cases.count()
