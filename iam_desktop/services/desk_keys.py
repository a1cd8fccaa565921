"""The public keys of the other desks, pinned on first sight. A referral wraps a case key — or a shared extract's —
to the receiving desk's public key, which the server's directory announces; a server that announced its own key
instead would read what is shared. So each desk's key is remembered the first time the directory lists it, and a
directory that later announces another key for that desk is not believed: nothing is wrapped to that desk any more
(its referrals show ``desk_key_changed``) until a coordinator, having compared the fingerprint with the other desk
by telephone (``iam-desktop device fingerprint`` there), accepts the new key (``trust``). A coordinator may also mark
a pinned key as verified the same way. Kept in the vault's meta (ids and public keys only); the central office's
own key has its stricter pin in the enrolment (``Enrolment.check_central_key``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from iam_desktop.domain.errors import ValidationError
from iam_desktop.domain.roles import Permission
from iam_desktop.vault.database import translate_errors

from .enrolment import key_fingerprint, normalise_fingerprint

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from .desk import Desk

PINNED_META = "network.desk_keys"  # {desk id: {"public_key", "confirmed", "announced"}}


@dataclass(frozen=True)
class DeskKey:
    desk_id: str
    name: str
    fingerprint: str  # of the pinned key
    confirmed: bool  # compared with the desk out of band
    announced: str  # fingerprint of another key the directory now announces ("" when none)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class DeskKeys:
    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    def _pins(self) -> dict[str, dict[str, Any]]:
        pins: dict[str, dict[str, Any]] = json.loads(self._desk.vault.meta(PINNED_META, "{}") or "{}")
        return pins

    def pin(self, conn: Connection, directory: list[dict[str, Any]]) -> None:
        """After fetching the directory (in the caller's transaction): pin the keys seen for the first time, note a
        different key announced for a pinned desk, forget such a note once the directory is back to the pin."""
        pins = self._pins()
        for d in directory:
            public = d.get("public_key")
            if not public:
                continue
            pin = pins.get(d["desk_id"])
            if pin is None:
                pins[d["desk_id"]] = {"public_key": public, "confirmed": False, "announced": None}
            else:
                pin["announced"] = None if public == pin["public_key"] else public
        self._desk.vault.set_meta(conn, PINNED_META, json.dumps(pins, sort_keys=True))

    def key_for(self, desk_id: str) -> str | None:
        """The public key to wrap to: the pinned one, unless the directory announces another (then None)."""
        pin = self._pins().get(desk_id)
        if pin is None or pin.get("announced"):
            return None
        return str(pin["public_key"])

    def changed(self) -> set[str]:
        """Desks whose announced key is not the pinned one."""
        return {desk_id for desk_id, pin in self._pins().items() if pin.get("announced")}

    def all(self) -> list[DeskKey]:
        names = {d["desk_id"]: d["name"] for d in self._desk.network.catalogue.directory()}
        out = [
            DeskKey(desk_id, names.get(desk_id, ""), key_fingerprint(pin["public_key"]), bool(pin["confirmed"]),
                    key_fingerprint(pin["announced"]) if pin.get("announced") else "")
            for desk_id, pin in self._pins().items()
        ]  # fmt: skip
        return sorted(out, key=lambda k: (k.name, k.desk_id))

    def trust(self, desk: str, typed: str) -> DeskKey:
        """A coordinator typed the fingerprint the other desk read out: it confirms the pinned key, or — when the
        directory announces another key with exactly that fingerprint — pins that one instead. Anything else is
        refused and changes nothing."""
        self._desk.require(Permission.CHANGE_SETTINGS)
        try:
            expected = normalise_fingerprint(typed)
        except ValidationError:
            expected = ""
        if not expected:
            raise ValidationError("fingerprint", "fingerprint_format")
        desk_id = self._desk.network.catalogue.resolve_desk(desk)["desk_id"]
        pins = self._pins()
        pin = pins.get(desk_id)
        if pin is None:
            raise ValidationError("desk", "desk_key_unknown", value=desk[:80])
        if pin.get("announced") and key_fingerprint(pin["announced"]) == expected:
            pins[desk_id] = {"public_key": pin["announced"], "confirmed": True, "announced": None}
        elif key_fingerprint(pin["public_key"]) == expected:
            pin["confirmed"] = True
        else:
            raise ValidationError("fingerprint", "desk_fingerprint_mismatch")
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            self._desk.vault.set_meta(conn, PINNED_META, json.dumps(pins, sort_keys=True))
        return next(k for k in self.all() if k.desk_id == desk_id)
