"""Enrolling this device with the sync server and handing the desk key between devices of a desk (DESIGN.md §5).

The first device of a desk registers the desk's X25519 public key (created locally at ``init``) and is active at
once; it also leaves the central office a recovery copy of the desk private key, wrapped to the central office's
public key. A later device of the same desk is *pending*: it shows ``short_code(desk public key, its X25519 public
key)``; an operator of an enrolled device lists pending devices, compares the same six digits on both screens and
approves, which wraps the desk private key to the new device's X25519 key; the new device fetches that handover,
checks the key against the desk's public key and installs it in its key store. A pending device whose vault
already holds cases is refused (its cases are sealed under a desk key that is about to be replaced)."""

from __future__ import annotations

import base64
import time
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import func, select

from iam_desktop.domain.errors import TamperedError
from iam_desktop.domain.roles import Permission
from iam_desktop.vault import crypto, outbox, sync_state
from iam_desktop.vault.database import translate_errors
from iam_desktop.vault.merge import RECOVERY_KEY_ID
from iam_desktop.vault.tables import records
from iam_desktop.vault.vault import Vault
from sync.protocol import (
    ApproveRequest,
    DeskList,
    EnrolReply,
    EnrolRequest,
    Grant,
    GrantReply,
    GrantRequest,
    HandoverReply,
    PendingList,
    short_code,
)

from .sync_http import SyncError, SyncProblem, Transport, make_session

if TYPE_CHECKING:
    from .desk import Desk


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def desk_key_context(desk_id: str) -> bytes:
    return f"iam-desk-key|{desk_id}".encode()


def recovery_case_id(desk_id: str) -> str:
    """The partition that carries a desk's recovery copy to the central office (one per desk, stable)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"iam-desk-recovery:{desk_id}"))


@dataclass(frozen=True)
class EnrolmentResult:
    status: str  # "active" or "pending"
    device_id: str
    desk_id: str
    desk_name: str
    short_code: str  # what both screens show while pending ("" once active)
    recovery_copy: bool  # a recovery copy of the desk key was left for the central office


@dataclass(frozen=True)
class PendingDeviceView:
    device_id: str
    label: str
    short_code: str  # computed here from this desk's own public key: compare with the new device's screen
    enrolled_at_ms: int


class Enrolment:
    """Enrolment use cases of one desk (``desk.sync.enrolment``)."""

    def __init__(self, desk: Desk, session: requests.Session | None = None) -> None:
        self._desk = desk
        self._session = session

    @property
    def vault(self) -> Vault:
        return self._desk.vault

    def state(self) -> sync_state.Enrolment | None:
        with self.vault.engine.connect() as conn:
            return sync_state.enrolment(conn)

    def transport(self, *, retries: bool = True) -> Transport:
        enrolled = self.state()
        if enrolled is None:
            raise SyncError(SyncProblem.NOT_ENROLLED)
        store = self.vault.keyring.require()
        with self.vault.engine.connect() as conn:
            token = sync_state.load_token(conn, store.local_key, store.vault_id) or ""
        return Transport(enrolled.server_url, token, session=self._session or make_session(retries=3 if retries else 0))

    def device_public_keys(self) -> tuple[str, str, str]:
        """(X25519, Ed25519, desk X25519) public keys of this device, base64."""
        store = self.vault.keyring.require()
        x = crypto.x25519_public_bytes(X25519PrivateKey.from_private_bytes(store.device_x25519).public_key())
        ed = Ed25519PrivateKey.from_private_bytes(store.device_ed25519).public_key().public_bytes_raw()
        return b64(x), b64(ed), b64(store.desk_public)

    # -- enrol -----------------------------------------------------------------------------------------
    def enrol(self, server_url: str, code: str, *, label: str = "") -> EnrolmentResult:
        self._desk.require(Permission.CHANGE_SETTINGS)
        if self.state() is not None:
            raise SyncError(SyncProblem.ALREADY_ENROLLED)
        x_pub, ed_pub, desk_pub = self.device_public_keys()
        # Enrolment spends a one-time code: no automatic retries, a lost reply must not burn a second code.
        transport = Transport(server_url, session=self._session or make_session(retries=0))
        request = EnrolRequest(code=code.strip().upper(), x25519_public_key=x_pub, ed25519_public_key=ed_pub,
                               desk_public_key=desk_pub, label=label[:80])  # fmt: skip
        try:
            reply = transport.post("/v1/enrol", request, EnrolReply)
        except SyncError as exc:
            if exc.problem is not SyncProblem.DESK_KEY:
                raise
            # The desk already has a key: this is a later device. The code was not spent by the refusal.
            if self._has_cases():
                raise SyncError(SyncProblem.HAS_CASES) from None
            reply = transport.post("/v1/enrol", request.model_copy(update={"desk_public_key": None}), EnrolReply)
        store = self.vault.keyring.require()
        state = sync_state.Enrolment(
            server_url.rstrip("/"),
            reply.device_id,
            reply.desk_id,
            reply.desk_name,
            reply.desk_kind,
            reply.status,
            desk_public_key=reply.desk_public_key or "",
        )
        with translate_errors(), self.vault.engine.begin() as conn:
            sync_state.save_enrolment(conn, state)
            sync_state.save_token(conn, store.local_key, store.vault_id, reply.token)
            if reply.status == "active":
                outbox.restamp_device(conn, self.vault, self._key, store.device_id, reply.device_id)
        recovery = False
        if reply.status == "active":
            recovery = self._leave_recovery_copy()
        code_text = short_code(reply.desk_public_key or desk_pub, x_pub) if reply.status == "pending" else ""
        return EnrolmentResult(reply.status, reply.device_id, reply.desk_id, reply.desk_name, code_text, recovery)

    def pending_short_code(self) -> str:
        """The short code to show again while this device waits for approval ("" when not pending)."""
        state = self.state()
        if state is None or state.status != "pending" or not state.desk_public_key:
            return ""
        return short_code(state.desk_public_key, self.device_public_keys()[0])

    def _key(self, conn: Any, case_id: str, key_id: str) -> bytes:
        return self._desk.records.case_key(conn, case_id, key_id)[1]

    def _has_cases(self) -> bool:
        with self.vault.engine.connect() as conn:
            return bool(conn.execute(select(func.count()).select_from(records)).scalar_one())

    def _leave_recovery_copy(self) -> bool:
        """Wrap the desk private key to the central office's public key and store it on the server as a grant to
        the central office (DESIGN.md §5 promise 5). The server has no dedicated endpoint; see docs/sync.md."""
        enrolled = self.state()
        assert enrolled is not None
        transport = self.transport()
        central = [d for d in transport.get("/v1/desks", DeskList).desks if d.kind == "central" and d.public_key]
        if not central or enrolled.desk_kind == "central":
            return False
        office = central[0]
        store = self.vault.keyring.require()
        wrapped = crypto.wrap_for_public_key(base64.b64decode(office.public_key or ""), store.desk_x25519,
                                             desk_key_context(enrolled.desk_id))  # fmt: skip
        grant = Grant(case_id=recovery_case_id(enrolled.desk_id), desk_id=office.desk_id, key_id=RECOVERY_KEY_ID,
                      wrapped_key=b64(wrapped))  # fmt: skip
        reply = transport.post("/v1/grants", GrantRequest(grants=[grant]), GrantReply)
        with translate_errors(), self.vault.engine.begin() as conn:
            sync_state.save_enrolment(
                conn,
                sync_state.Enrolment(**{**enrolled.__dict__, "central_desk_id": office.desk_id,
                                        "central_public_key": office.public_key or ""}),
            )  # fmt: skip
        return all(s.status in ("applied", "duplicate") for s in reply.statuses)

    # -- the new device: wait for the handover ----------------------------------------------------------
    def finish_handover(self) -> bool:
        """Fetch the handover; once approved, check and install the desk key. True when this device is active."""
        enrolled = self.state()
        if enrolled is None:
            raise SyncError(SyncProblem.NOT_ENROLLED)
        if enrolled.status == "active":
            return True
        reply = self.transport().get("/v1/handover", HandoverReply)
        if reply.status == "revoked":
            raise SyncError(SyncProblem.REVOKED)
        if reply.status != "active" or not reply.wrapped_desk_key:
            return False
        store = self.vault.keyring.require()
        try:
            desk_private = crypto.unwrap_with_private_key(
                X25519PrivateKey.from_private_bytes(store.device_x25519), base64.b64decode(reply.wrapped_desk_key),
                desk_key_context(enrolled.desk_id), what="desk key handover",
            )  # fmt: skip
        except TamperedError:
            raise SyncError(SyncProblem.DESK_KEY, "handover does not open") from None
        public = crypto.x25519_public_bytes(X25519PrivateKey.from_private_bytes(desk_private).public_key())
        if b64(public) != reply.desk_public_key:
            raise SyncError(SyncProblem.DESK_KEY, "handed-over key is not the desk's")
        if self._has_cases():
            raise SyncError(SyncProblem.HAS_CASES)
        self.vault.install_desk_key(desk_private)
        with translate_errors(), self.vault.engine.begin() as conn:
            sync_state.save_enrolment(conn, sync_state.Enrolment(**{**enrolled.__dict__, "status": "active"}))
            outbox.restamp_device(conn, self.vault, self._key, store.device_id, enrolled.device_id)
        return True

    def wait_for_approval(self, timeout_s: float, poll_s: float = 2.0) -> bool:
        deadline = time.monotonic() + timeout_s
        while True:
            if self.finish_handover():
                return True
            if time.monotonic() + poll_s > deadline:
                return False
            time.sleep(poll_s)

    # -- an enrolled device: approve a new one ----------------------------------------------------------
    def pending_devices(self) -> list[PendingDeviceView]:
        self._desk.require(Permission.CHANGE_SETTINGS)
        _, _, desk_pub = self.device_public_keys()
        listing = self.transport().get("/v1/devices/pending", PendingList)
        return [PendingDeviceView(d.device_id, d.label, short_code(desk_pub, d.x25519_public_key), d.enrolled_at_ms)
                for d in listing.devices]  # fmt: skip

    def approve(self, device_id: str, code: str) -> None:
        """Hand the desk key to a pending device after the operator typed the short code its screen shows."""
        self._desk.require(Permission.CHANGE_SETTINGS)
        enrolled = self.state()
        if enrolled is None or enrolled.status != "active":
            raise SyncError(SyncProblem.NOT_ENROLLED)
        transport = self.transport()
        _, _, desk_pub = self.device_public_keys()
        target = next((d for d in transport.get("/v1/devices/pending", PendingList).devices
                       if d.device_id == device_id), None)  # fmt: skip
        if target is None:
            raise SyncError(SyncProblem.DESK_KEY, "no such pending device")
        expected = short_code(desk_pub, target.x25519_public_key)
        if "".join(c for c in code if c.isdigit()) != expected.replace(" ", ""):
            raise SyncError(SyncProblem.SHORT_CODE)
        store = self.vault.keyring.require()
        wrapped = crypto.wrap_for_public_key(base64.b64decode(target.x25519_public_key), store.desk_x25519,
                                             desk_key_context(enrolled.desk_id))  # fmt: skip
        transport.post(f"/v1/devices/{device_id}/approve", ApproveRequest(wrapped_desk_key=b64(wrapped)),
                       HandoverReply)  # fmt: skip
