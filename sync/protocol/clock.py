"""Wire formats of time-ordered identifiers: hybrid-logical-clock stamps and UUIDv7 change ids.

An HLC stamp is `"<wall clock, 13-digit Unix milliseconds>-<6-digit logical counter>"`, so plain string
comparison orders stamps; merge order is `(hlc, device_id)`. The clock itself (advancing, receiving remote stamps)
belongs to the client; the server only reads the wall part to refuse stamps from the future.
"""

from __future__ import annotations

import os
import time
import uuid

__all__ = ["format_hlc", "hlc_wall_ms", "new_change_id", "parse_hlc"]

_COUNTER_LIMIT = 1_000_000


def format_hlc(wall_ms: int, counter: int = 0) -> str:
    """The wire form of a stamp; `counter` breaks ties inside one millisecond."""
    if not 0 <= wall_ms < 10**13 or not 0 <= counter < _COUNTER_LIMIT:
        raise ValueError("HLC stamp out of range")
    return f"{wall_ms:013d}-{counter:06d}"


def parse_hlc(stamp: str) -> tuple[int, int]:
    """`(wall_ms, counter)` of a stamp; `ValueError` when it is not one."""
    wall, sep, counter = stamp.partition("-")
    if not sep or len(wall) != 13 or len(counter) != 6 or not (wall + counter).isascii():
        raise ValueError(f"not an HLC stamp: {stamp!r}")
    return int(wall), int(counter)


def hlc_wall_ms(stamp: str) -> int:
    """The physical (wall-clock) part of a stamp, in Unix milliseconds."""
    return parse_hlc(stamp)[0]


def new_change_id(now_ms: int | None = None) -> str:
    """A UUIDv7 (RFC 9562): 48-bit millisecond time, then random bits; ids sort roughly by creation time."""
    ms = int(time.time() * 1000) if now_ms is None else now_ms
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version
    value |= ((rand >> 62) & 0xFFF) << 64  # rand_a, 12 bits
    value |= 0b10 << 62  # variant
    value |= rand & ((1 << 62) - 1)  # rand_b
    return str(uuid.UUID(int=value))
