"""Enrolling this device with the sync server and handing the desk key between devices of a desk (DESIGN.md §5).

The first device of a desk registers the desk's X25519 public key (created locally at ``init``) and is active at
once; it also leaves the central office a recovery copy of the desk private key, wrapped to the central office's
public key. A later device of the same desk is *pending*: it shows ``short_code(desk public key, its X25519 public
key)``; an operator of an enrolled device lists pending devices, compares the same six digits on both screens and
approves, which wraps the desk private key to the new device's X25519 key; the new device fetches that handover,
checks the key against the desk's public key and installs it in its key store. A pending device whose vault
already holds cases is refused (its cases are sealed under a desk key that is about to be replaced).

The central office's public key is pinned (security finding "the server as a key directory", docs/security.md):
the operator types the fingerprint the central office shows (``iam-desktop device fingerprint``) at enrolment; the
first look at the server's desk directory must show a central office with that fingerprint, else nothing is wrapped
to it (``sync_central_key``); afterwards every run checks that the directory still announces the pinned key.

Recovery of a desk whose only computer was lost (DESIGN.md §5 promise 5): a central office computer lists the
pending computers of every desk, computes each short code with *that* desk's public key, and approves by opening
the desk's recovery copy with the central office's desk key (checked against the desk's public key) and wrapping
the desk private key to the new computer."""

from __future__ import annotations

import base64
import dataclasses
import time
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import requests
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import func, select

from iam_desktop.domain.errors import TamperedError, ValidationError
from iam_desktop.domain.roles import Permission, Role
from iam_desktop.vault import audit, crypto, outbox, sync_state
from iam_desktop.vault.database import translate_errors
from iam_desktop.vault.merge import RECOVERY_KEY_ID
from iam_desktop.vault.tables import grants_in, records
from iam_desktop.vault.vault import Vault
from sync.protocol import (
    ApproveRequest,
    DeskInfo,
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


FINGERPRINT_DIGITS = 20  # 80 bits: a server would need ~2^80 key pairs to forge a matching one


def key_fingerprint(public_key_b64: str) -> str:
    """What the central office reads out or prints for the desks: SHA-256 of its X25519 public key, the first 20
    hexadecimal digits in groups of four (``1A2B-3C4D-5E6F-7081-92A3``)."""
    digest = hashes.Hash(hashes.SHA256())
    digest.update(b"iam-central-key|" + base64.b64decode(public_key_b64))
    text = digest.finalize().hex().upper()[:FINGERPRINT_DIGITS]
    return "-".join(text[i : i + 4] for i in range(0, FINGERPRINT_DIGITS, 4))


def normalise_fingerprint(typed: str) -> str:
    """The typed fingerprint in canonical form; spaces, dashes and case do not matter. Empty stays empty."""
    digits = "".join(c for c in typed.upper() if c not in " -.:\t")
    if not digits:
        return ""
    if len(digits) != FINGERPRINT_DIGITS or any(c not in "0123456789ABCDEF" for c in digits):
        raise ValidationError("central_fingerprint", "central_fingerprint_format")
    return "-".join(digits[i : i + 4] for i in range(0, FINGERPRINT_DIGITS, 4))


@dataclass(frozen=True)
class EnrolmentResult:
    status: str  # "active" or "pending"
    device_id: str
    desk_id: str
    desk_name: str
    short_code: str  # what both screens show while pending ("" once active)
    recovery_copy: bool  # a recovery copy of the desk key was left for the central office
    central_fingerprint: str = ""  # the pinned central office key ("" while pending or with no central office)
    central_confirmed: bool = False  # the operator typed that fingerprint (else pinned at first sight)


@dataclass(frozen=True)
class PendingDeviceView:
    device_id: str
    label: str
    short_code: str  # computed here from that desk's public key: compare with the new device's screen
    enrolled_at_ms: int
    desk_id: str = ""
    desk_name: str = ""  # shown on the central office, which sees the pending computers of every desk
    recovery: bool = False  # approving it opens the desk's recovery copy (a central office, another desk)
    x25519_public_key: str = ""  # the key the desk key is wrapped to on approval


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
    def enrol(self, server_url: str, code: str, *, label: str = "", central_fingerprint: str = "") -> EnrolmentResult:
        """Enrol with a one-time code. ``central_fingerprint`` is the central office's key fingerprint as its
        screen shows it; empty means the key is pinned at first sight and shown as unconfirmed."""
        self._desk.require(Permission.CHANGE_SETTINGS)
        if self.state() is not None:
            raise SyncError(SyncProblem.ALREADY_ENROLLED)
        expected = normalise_fingerprint(central_fingerprint)  # a typo is refused before the code is spent
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
            central_fingerprint=expected,
            central_confirmed=bool(expected),
        )
        with translate_errors(), self.vault.engine.begin() as conn:
            sync_state.save_enrolment(conn, state)
            sync_state.save_token(conn, store.local_key, store.vault_id, reply.token)
            if reply.status == "active":
                outbox.restamp_device(conn, self.vault, self._key, store.device_id, reply.device_id)
        recovery = False
        if reply.status == "active":
            recovery = self.check_central_key()
        code_text = short_code(reply.desk_public_key or desk_pub, x_pub) if reply.status == "pending" else ""
        pinned = self.state()
        assert pinned is not None
        return EnrolmentResult(reply.status, reply.device_id, reply.desk_id, reply.desk_name, code_text, recovery,
                               pinned.central_fingerprint if pinned.central_pinned else "",
                               pinned.central_confirmed)  # fmt: skip

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

    # -- the central office's key: pinned --------------------------------------------------------------
    def own_fingerprint(self) -> str:
        """The fingerprint of this desk's public key — on the central office, what its desks must type."""
        return key_fingerprint(self.device_public_keys()[2])

    def check_central_key(self) -> bool:
        """Pin the central office's key on first sight, or check the directory still announces the pinned one.

        Raises ``sync_central_key`` when the directory's central office key is not the one confirmed (or pinned):
        nothing is then wrapped to it. Returns True when the key was pinned now and this desk's recovery copy was
        left for the central office."""
        enrolled = self.state()
        if enrolled is None or enrolled.status != "active" or enrolled.desk_kind == "central":
            return False
        transport = self.transport()
        directory = transport.get("/v1/desks", DeskList)
        self._desk.network.catalogue.remember(directory)  # the run's network step uses this copy (one request)
        central = [d for d in directory.desks if d.kind == "central" and d.public_key]
        if enrolled.central_pinned:
            listed = next((d for d in central if d.desk_id == enrolled.central_desk_id), None)
            if listed is None or listed.public_key != enrolled.central_public_key:
                raise SyncError(SyncProblem.CENTRAL_KEY, "the directory's central office key is not the pinned one",
                                announced=_fingerprint_of(listed), expected=enrolled.central_fingerprint)  # fmt: skip
            return False
        if not central:
            return False  # no central office on this server yet: pinned when one appears
        if enrolled.central_fingerprint:
            office = next((d for d in central if key_fingerprint(d.public_key or "") == enrolled.central_fingerprint),
                          None)  # fmt: skip
            if office is None:
                raise SyncError(SyncProblem.CENTRAL_KEY, "no central office key with the confirmed fingerprint",
                                announced=", ".join(_fingerprint_of(d) for d in central),
                                expected=enrolled.central_fingerprint)  # fmt: skip
        else:
            office = central[0]  # nothing typed: trust on first sight, shown as unconfirmed
        pinned = dataclasses.replace(enrolled, central_desk_id=office.desk_id,
                                     central_public_key=office.public_key or "",
                                     central_fingerprint=key_fingerprint(office.public_key or ""))  # fmt: skip
        with translate_errors(), self.vault.engine.begin() as conn:
            sync_state.save_enrolment(conn, pinned)
        return self._leave_recovery_copy(transport, pinned)

    def confirm_central_fingerprint(self, typed: str) -> bool:
        """Type the central office's fingerprint after an enrolment that was refused (a typo) or left unconfirmed.
        A key already pinned is never replaced: a different fingerprint is refused."""
        self._desk.require(Permission.CHANGE_SETTINGS)
        expected = normalise_fingerprint(typed)
        if not expected:
            raise ValidationError("central_fingerprint", "central_fingerprint_format")
        enrolled = self.state()
        if enrolled is None:
            raise SyncError(SyncProblem.NOT_ENROLLED)
        if enrolled.central_pinned and enrolled.central_fingerprint != expected:
            raise SyncError(SyncProblem.CENTRAL_KEY, "another central office key is pinned",
                            announced=enrolled.central_fingerprint, expected=expected)  # fmt: skip
        with translate_errors(), self.vault.engine.begin() as conn:
            sync_state.save_enrolment(conn, dataclasses.replace(enrolled, central_fingerprint=expected,
                                                                central_confirmed=True))  # fmt: skip
        return self.check_central_key()

    def _leave_recovery_copy(self, transport: Transport, enrolled: sync_state.Enrolment) -> bool:
        """Wrap the desk private key to the pinned central office key and store it on the server as a grant to
        the central office (DESIGN.md §5 promise 5). The server has no dedicated endpoint; see docs/sync.md."""
        store = self.vault.keyring.require()
        wrapped = crypto.wrap_for_public_key(base64.b64decode(enrolled.central_public_key), store.desk_x25519,
                                             desk_key_context(enrolled.desk_id))  # fmt: skip
        grant = Grant(case_id=recovery_case_id(enrolled.desk_id), desk_id=enrolled.central_desk_id,
                      key_id=RECOVERY_KEY_ID, wrapped_key=b64(wrapped))  # fmt: skip
        reply = transport.post("/v1/grants", GrantRequest(grants=[grant]), GrantReply)
        return all(s.status in ("applied", "duplicate") for s in reply.statuses)

    # -- the new device: wait for the handover ----------------------------------------------------------
    def finish_handover(self) -> bool:
        """Fetch the handover; once approved, check and install the desk key. True when this device is active.
        On an active device, checks the central office key against the pinned one (every sync run calls this)."""
        enrolled = self.state()
        if enrolled is None:
            raise SyncError(SyncProblem.NOT_ENROLLED)
        if enrolled.status == "active":
            self.check_central_key()
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
            sync_state.save_enrolment(conn, dataclasses.replace(enrolled, status="active"))
            outbox.restamp_device(conn, self.vault, self._key, store.device_id, enrolled.device_id)
        self.check_central_key()
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
    def _require_approver(self) -> sync_state.Enrolment:
        actor = self._desk.require(Permission.VIEW_CASE)
        enrolled = self.state()
        # The central office's monitors recover desks (DESIGN.md §2); elsewhere, a coordinator approves.
        if not (enrolled is not None and enrolled.desk_kind == "central" and actor.role is Role.CENTRAL_MONITOR):
            self._desk.require(Permission.CHANGE_SETTINGS)
        if enrolled is None or enrolled.status != "active":
            raise SyncError(SyncProblem.NOT_ENROLLED)
        return enrolled

    def pending_devices(self) -> list[PendingDeviceView]:
        """Computers waiting for a desk key: this desk's, or — on the central office — every desk's, each short
        code computed with that desk's public key from the directory."""
        return self._pending(self._require_approver(), self.transport())

    def _pending(self, enrolled: sync_state.Enrolment, transport: Transport) -> list[PendingDeviceView]:
        _, _, desk_pub = self.device_public_keys()
        listing = transport.get("/v1/devices/pending", PendingList)
        directory: dict[str, DeskInfo] = {}
        if enrolled.desk_kind == "central":
            directory = {d.desk_id: d for d in transport.get("/v1/desks", DeskList).desks}
        out: list[PendingDeviceView] = []
        for d in listing.devices:
            mine = d.desk_id == enrolled.desk_id
            desk = directory.get(d.desk_id)
            other = (desk.public_key, desk.name) if desk is not None else (None, "")
            public, name = (desk_pub, enrolled.desk_name) if mine else other
            if not public:
                continue  # a desk without a key yet has nothing to recover
            out.append(
                PendingDeviceView(
                    d.device_id,
                    d.label,
                    short_code(public, d.x25519_public_key),
                    d.enrolled_at_ms,
                    d.desk_id,
                    name,
                    not mine,
                    d.x25519_public_key,
                )
            )
        return out

    def approve(self, device_id: str, code: str) -> PendingDeviceView:
        """Hand the desk key to a pending device after the operator typed the short code its screen shows. On the
        central office, a device of another desk receives that desk's key from its recovery copy."""
        enrolled = self._require_approver()
        transport = self.transport()
        target = next((d for d in self._pending(enrolled, transport) if d.device_id == device_id), None)
        if target is None:
            raise SyncError(SyncProblem.DESK_KEY, "no such pending device")
        if "".join(c for c in code if c.isdigit()) != target.short_code.replace(" ", ""):
            raise SyncError(SyncProblem.SHORT_CODE)
        store = self.vault.keyring.require()
        desk_private = self._recovered_desk_key(transport, target) if target.recovery else store.desk_x25519
        wrapped = crypto.wrap_for_public_key(base64.b64decode(target.x25519_public_key), desk_private,
                                             desk_key_context(target.desk_id))  # fmt: skip
        transport.post(f"/v1/devices/{device_id}/approve", ApproveRequest(wrapped_desk_key=b64(wrapped)),
                       HandoverReply)  # fmt: skip
        with translate_errors(), self.vault.engine.begin() as conn:
            audit.append(conn, operator_id=self._desk.require(Permission.VIEW_CASE).id,
                         action="sync.desk_recovered" if target.recovery else "sync.device_approved",
                         detail={"desk": target.desk_id, "device": device_id})  # fmt: skip
        return target

    def _recovered_desk_key(self, transport: Transport, target: PendingDeviceView) -> bytes:
        """Open the desk's recovery copy with the central office's desk key; the key must be the desk's. A copy
        not pulled yet is fetched by one sync run first."""
        wrapped = self._recovery_copy(target.desk_id)
        if wrapped is None:
            from .sync_client import SyncClient  # the client imports this module: imported on use

            SyncClient(self._desk, session=self._session).run_once()
            wrapped = self._recovery_copy(target.desk_id)
        if wrapped is None:
            raise SyncError(SyncProblem.NO_RECOVERY_COPY, "no recovery copy of this desk's key",
                            desk=target.desk_name)  # fmt: skip
        store = self.vault.keyring.require()
        try:
            private = crypto.unwrap_with_private_key(X25519PrivateKey.from_private_bytes(store.desk_x25519),
                                                     base64.b64decode(wrapped), desk_key_context(target.desk_id),
                                                     what="desk recovery copy")  # fmt: skip
            public = crypto.x25519_public_bytes(X25519PrivateKey.from_private_bytes(private).public_key())
        except (TamperedError, ValueError):
            raise SyncError(SyncProblem.DESK_KEY, "the recovery copy does not open") from None
        desk = next((d for d in transport.get("/v1/desks", DeskList).desks if d.desk_id == target.desk_id), None)
        if desk is None or desk.public_key != b64(public):
            raise SyncError(SyncProblem.DESK_KEY, "the recovery copy is not the desk's key")
        return private

    def _recovery_copy(self, desk_id: str) -> str | None:
        with self.vault.engine.connect() as conn:
            wrapped = conn.execute(
                select(grants_in.c.wrapped).where(grants_in.c.case_id == recovery_case_id(desk_id),
                                                  grants_in.c.key_id == RECOVERY_KEY_ID)
            ).scalar()  # fmt: skip
        return None if wrapped is None else str(wrapped)


def _fingerprint_of(desk: DeskInfo | None) -> str:
    return key_fingerprint(desk.public_key) if desk is not None and desk.public_key else "—"
