"""The catalogue is one network-wide partition: when two desks found it offline, each under its own key, the server
keeps the first key it receives and refuses the other (errno PARTITION_KEY_CONFLICT); the refused desk adopts the
network's key when it arrives and re-issues its entries under it, so both desks end with every entry."""

from __future__ import annotations

from sqlalchemy import select

from iam_desktop.domain.catalogue import parse_entry
from iam_desktop.services.catalogue import CATALOGUE_ID
from iam_desktop.vault import outbox
from iam_desktop.vault.tables import case_keys
from iam_desktop.vault.tables import outbox as outbox_table
from sync.protocol import CATALOGUE_PARTITION_ID
from tests.network.conftest import CATALOGUE, Net, netsync


def _entries(desk: object) -> list[str]:
    return sorted(e.entry_id for e in desk.network.catalogue.entries())  # type: ignore[attr-defined]


def _key_ids(desk: object) -> set[str]:
    with desk.vault.engine.connect() as conn:  # type: ignore[attr-defined]
        return set(conn.execute(select(case_keys.c.key_id).where(case_keys.c.case_id == CATALOGUE_ID)).scalars())


def test_two_desks_found_offline_and_both_end_with_every_entry(net: Net) -> None:
    assert CATALOGUE_ID == CATALOGUE_PARTITION_ID  # the client's partition is the one the server knows
    first, second = (parse_entry(raw) for raw in CATALOGUE["entries"][:2])  # type: ignore[index]
    shared = parse_entry(CATALOGUE["entries"][2])  # type: ignore[index]
    # Offline, both found the catalogue and add entries; one entry both add (same id: one record everywhere).
    for desk, own in ((net.a, first), (net.b, second)):
        assert desk.network.catalogue.found()
        assert desk.network.catalogue.put([own, shared]) == 2
    key_a, key_b = _key_ids(net.a), _key_ids(net.b)
    assert key_a != key_b

    netsync(net.a)  # A reaches the server first: its key is the network's, and A grants it to every desk
    report = net.b.sync.client().run_once()  # B's two entries are refused (PARTITION_KEY_CONFLICT) ...
    assert report.ok and report.rejected == 2, report
    # ... and the same run's pull brought A's key: B re-sealed its entries under it and queued them again, in
    # place of the refused changes.
    with net.b.vault.engine.connect() as conn:
        queued = conn.execute(select(outbox_table.c.key_id).where(outbox_table.c.state == outbox.PENDING)).scalars()
        assert set(queued) == key_a
    assert _key_ids(net.b) == key_a
    assert net.b.sync.status().rejected == 0 and net.b.sync.status().waiting >= 2
    assert _entries(net.b) == sorted(e.entry_id for e in (first, second, shared))

    netsync(net.b, net.a, net.c, net.central)
    every = sorted(e.entry_id for e in (first, second, shared))
    for desk in (net.a, net.b, net.c):
        assert _entries(desk) == every, desk
        assert desk.sync.status().rejected == 0
    assert _key_ids(net.c) == key_a
    b_entry = {e.entry_id: e for e in net.a.network.catalogue.entries()}[second.entry_id]
    assert b_entry.title == second.title  # B's entry reached A whole, readable under the network key
