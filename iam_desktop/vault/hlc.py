"""The device's hybrid logical clock (HLC), persisted in ``sync_state`` so it never runs backwards across restarts.

A stamp is ``"<13-digit Unix ms>-<6-digit counter>"`` — the wire format of ``sync.protocol.clock`` (a test checks
they agree; the vault does not import the protocol) — so string order is time order. ``now`` gives a stamp greater
than every stamp this device has issued or seen; ``receive`` folds in a remote stamp. Merge order is
``(hlc, device_id)``; the server sequence, not the HLC, drives pull cursors (DESIGN.md §10)."""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlalchemy import Connection

from iam_desktop.vault import sync_state

COUNTER_LIMIT = 1_000_000


def system_ms() -> int:
    return int(time.time() * 1000)


def format_stamp(wall_ms: int, counter: int) -> str:
    return f"{wall_ms:013d}-{counter:06d}"


def parse_stamp(stamp: str) -> tuple[int, int]:
    wall, sep, counter = stamp.partition("-")
    if not sep or len(wall) != 13 or len(counter) != 6 or not (wall + counter).isdigit():
        raise ValueError("not an HLC stamp")
    return int(wall), int(counter)


class HybridClock:
    """``wall_ms`` is replaceable (tests shift it to simulate a wrong system clock)."""

    def __init__(self, wall_ms: Callable[[], int] = system_ms) -> None:
        self.wall_ms = wall_ms

    def _last(self, conn: Connection) -> tuple[int, int]:
        text = sync_state.get(conn, sync_state.HLC)
        return parse_stamp(text) if text else (0, 0)

    def _store(self, conn: Connection, wall: int, counter: int) -> str:
        if counter >= COUNTER_LIMIT:  # a million stamps in one millisecond: borrow the next millisecond
            wall, counter = wall + 1, 0
        stamp = format_stamp(wall, counter)
        sync_state.put(conn, sync_state.HLC, stamp)
        return stamp

    def now(self, conn: Connection) -> str:
        last_wall, last_counter = self._last(conn)
        physical = self.wall_ms()
        if physical > last_wall:
            return self._store(conn, physical, 0)
        return self._store(conn, last_wall, last_counter + 1)

    def receive(self, conn: Connection, remote: str) -> str:
        """Advance past ``remote`` so the next local edit orders after everything this device has seen."""
        last_wall, last_counter = self._last(conn)
        remote_wall, remote_counter = parse_stamp(remote)
        physical = self.wall_ms()
        wall = max(last_wall, remote_wall, physical)
        if wall == last_wall == remote_wall:
            counter = max(last_counter, remote_counter) + 1
        elif wall == last_wall:
            counter = last_counter + 1
        elif wall == remote_wall:
            counter = remote_counter + 1
        else:
            counter = 0
        return self._store(conn, wall, counter)
