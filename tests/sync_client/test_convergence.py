"""Convergence property (hypothesis), through a real server: 3–5 devices on 2 desks take cases in charge, edit and
delete offline, then sync in a random order while requests are randomly duplicated or dropped (the server applied
the request, the reply never arrived). Afterwards, with the network healthy again:

- every replica of a desk holds exactly the same records, and nothing of the other desk;
- nothing acknowledged is lost: each field holds the value of the greatest ``(hlc, device)`` edit any device made;
- every device's last edit of a field that lost to an edit that had not seen it is in some conflicts list.
"""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path
from typing import Any

import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from iam_desktop.domain.errors import ValidationError
from iam_desktop.services.desk import Desk
from iam_desktop.vault import outbox
from iam_desktop.vault.tables import outbox as outbox_table
from sync.server.testing import ServerProcess
from tests.sync_client.helpers import desk_devices, person, replica

VALUES = ("alfa", "beta", "gamma", "delta")


class FlakySession(requests.Session):
    """Duplicates or drops (after the server handled it) a request at random."""

    def __init__(self, rng: random.Random, enabled: bool = True) -> None:
        super().__init__()
        self.rng = rng
        self.enabled = enabled

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        roll = self.rng.random() if self.enabled else 1.0
        response = super().request(method, url, *args, **kwargs)
        if roll < 0.15:
            response = super().request(method, url, *args, **kwargs)  # the same request delivered twice
        elif roll < 0.3:
            raise requests.ConnectionError("reply lost after the server applied the request")
        return response


def _edit(desk: Desk, case_id: str, op: str, value: str) -> None:
    try:
        if op == "delete":
            with desk.vault.engine.begin() as conn:
                desk.records.delete(conn, case_id)
            desk.cases.forget()
            return
        file = desk.cases.open(case_id)
    except ValidationError:
        return  # the case was deleted here: nothing to edit
    if op == "extra":
        desk.cases.update(case_id, file.person, extra={**file.extra, "lingua": value})
    else:
        new = value if op == "notes" else f"+39 333 {VALUES.index(value)}00 0000"
        desk.cases.update(case_id, {**file.person, op: new})


def _edits(desks: list[Desk]) -> dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]]:
    """Every field edit any of ``desks`` made (from their outboxes): value, stamp and the base it saw."""
    out: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = {}
    for desk in desks:
        with desk.vault.engine.connect() as conn:
            rows = conn.execute(select(outbox_table).where(outbox_table.c.kind == "case")).all()
            for row in rows:
                e = outbox.Envelope(row.change_id, row.device_id, row.device_seq, row.case_id, row.kind, row.record_id,
                                    row.hlc, row.key_id, row.schema_version, row.ciphertext, bool(row.deleted),
                                    json.loads(row.base))  # fmt: skip
                key = desk.records.case_key(conn, e.case_id, e.key_id)[1]
                body = outbox.open_change(key, e)
                for path, value in body["set"]:
                    p = tuple(path)
                    out.setdefault((e.record_id, p), []).append(
                        {"stamp": (e.hlc, e.device_id), "value": value, "base": e.base.get(outbox.field_id(key, p))}
                    )
    return out


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    sizes=st.tuples(st.integers(2, 3), st.integers(1, 2)),
    ops=st.lists(
        st.tuples(
            st.integers(0, 4),
            st.integers(0, 2),
            st.sampled_from(["notes", "phone", "extra", "delete", "new"]),
            st.sampled_from(VALUES),
        ),
        min_size=3,
        max_size=14,
    ),
    schedule=st.lists(st.integers(0, 4), min_size=2, max_size=10),
    seed=st.integers(0, 2**16),
)
def test_replicas_converge(
    server: ServerProcess, sizes: tuple[int, int], ops: list[Any], schedule: list[int], seed: int
) -> None:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        groups = [desk_devices(server, Path(tmp) / f"g{g}", devices=n) for g, n in enumerate(sizes)]
        devices = [d for group in groups for d in group]
        try:
            cases: dict[int, list[str]] = {}
            for g, group in enumerate(groups):
                cases[g] = [group[0].cases.intake(person(g * 10 + i)) for i in range(2)]
                for device in [*group, *group]:
                    device.sync.client().run_once()
            group_of = {id(d): g for g, group in enumerate(groups) for d in group}
            for index, case_n, op, value in ops:  # offline work
                device = devices[index % len(devices)]
                g = group_of[id(device)]
                if op == "new":
                    cases[g].append(device.cases.intake(person(100 + len(cases[g]) + g * 50)))
                else:
                    _edit(device, cases[g][case_n % len(cases[g])], op, value)
            flaky = FlakySession(rng)
            for index in schedule:  # a random order over a bad network
                devices[index % len(devices)].sync.client(session=flaky).run_once()
            for _ in range(2):  # the network is back: everyone sends, then everyone receives
                for device in devices:
                    report = device.sync.client().run_once()
                    assert report.ok, report
            for group in groups:
                _check_group(group)
            ids = [set(replica(group[0])) for group in groups]
            assert not ids[0] & ids[1]
        finally:
            for device in devices:
                device.close()


def _check_group(group: list[Desk]) -> None:
    states = [replica(d) for d in group]
    assert all(s == states[0] for s in states[1:]), "replicas of one desk differ"
    for d in group:
        assert d.sync.status().waiting == 0 and d.sync.status().rejected == 0
    final = states[0]
    edits = _edits(group)
    losers = {(c.record_id, c.path, repr(c.loser["value"])) for d in group for c in d.sync.conflicts()}
    seen = {(record_id, path, e["base"]) for (record_id, path), es in edits.items() for e in es}
    for (record_id, path), es in edits.items():
        if record_id not in final:
            continue  # deleted: a tombstone wins over every edit
        winner = max(es, key=lambda e: e["stamp"])
        value = outbox.flatten("case", final[record_id]).get(path)
        assert value == winner["value"], f"{path} holds {value!r}, the last writer wrote {winner['value']!r}"
        last_by_device: dict[str, dict[str, Any]] = {}
        for e in sorted(es, key=lambda e: e["stamp"]):
            last_by_device[e["stamp"][1]] = e
        for e in last_by_device.values():
            overwritten_knowingly = (record_id, path, e["stamp"][0]) in seen
            if e["value"] != winner["value"] and not overwritten_knowingly:
                assert (record_id, path, repr(e["value"])) in losers, f"lost edit of {path} not in conflicts"
