"""Who wrote a record, on any computer of the network. Operator ids are local to the device an operator unlocks,
so an id alone means nothing on the desk's other computers or at another desk. Every record a desk writes into a
case (its meta, each history entry, each pathway record) therefore carries its writer's *stamp* — display name, desk
id and desk name — under the key ``by:<operator id>``. One key per operator keeps the stamps of a record edited on
two computers from colliding in the last-writer-wins merge (each is its own field, and never changes). The
stamps are sealed with the record, like everything else in it; this module only reads them back into names."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

STAMP_PREFIX = "by:"


@dataclass(frozen=True)
class Writer:
    """An operator as the reader should see them: ``desk_name`` is set only when they work at another desk."""

    name: str
    desk_name: str = ""


def stamp_key(operator_id: str) -> str:
    return STAMP_PREFIX + operator_id


def make_stamp(name: str, desk_id: str, desk_name: str) -> dict[str, str]:
    return {"name": name, "desk": desk_id, "desk_name": desk_name}


def stamps_in(payload: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(operator id, stamp) of every stamp in a record's payload (a case record keeps them in its meta)."""
    for part in (payload, payload.get("meta")):
        if not isinstance(part, Mapping):
            continue
        for key, value in part.items():
            if isinstance(key, str) and key.startswith(STAMP_PREFIX) and isinstance(value, Mapping):
                yield key.removeprefix(STAMP_PREFIX), value


def writers(
    payloads: Iterable[Mapping[str, Any]], *, local: Mapping[str, str], here: Collection[str]
) -> dict[str, Writer]:
    """Operator id → writer for one case: this computer's operators by their own names, everyone else by the stamp
    their records carry. ``here`` holds this desk's ids (local and enrolled): a stamp from another desk names it.
    An id with no stamp (a record written before stamps existed) is left out; the reader shows it as unknown."""
    out = {operator_id: Writer(name) for operator_id, name in local.items()}
    for payload in payloads:
        for operator_id, stamp in stamps_in(payload):
            name = str(stamp.get("name") or "").strip()
            if operator_id in out or not name:
                continue
            desk_name = "" if stamp.get("desk") in here else str(stamp.get("desk_name") or "").strip()
            out[operator_id] = Writer(name, desk_name)
    return out
