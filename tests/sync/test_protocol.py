"""The wire protocol: public API, strict models, canonical signing bytes, short codes, clocks, error numbers."""

from __future__ import annotations

import ast
import base64
import os
import uuid
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import sync.protocol as protocol
from sync.protocol import (
    Change,
    ErrorCode,
    Grant,
    ProtocolError,
    PushRequest,
    canonical_batch_bytes,
    format_hlc,
    hlc_wall_ms,
    http_status,
    new_change_id,
    parse_hlc,
    short_code,
    sign_batch,
    verify_batch,
    version_tuple,
)
from sync.server.testing import public_key_b64

SYNC = Path(__file__).resolve().parents[2] / "sync"


def change(**overrides: object) -> Change:
    values: dict[str, object] = {
        "change_id": new_change_id(),
        "device_id": str(uuid.uuid4()),
        "device_seq": 1,
        "case_id": str(uuid.uuid4()),
        "kind": "person",
        "record_id": str(uuid.uuid4()),
        "hlc": format_hlc(1_764_000_000_000, 0),
        "base": {"f1": format_hlc(1_763_000_000_000, 2), "a0": format_hlc(1_763_000_000_000, 1)},
        "key_id": "k1",
        "schema_version": 1,
        "ciphertext": base64.b64encode(os.urandom(40)).decode(),
        "blind_indexes": ["ab" * 32],
    }
    values.update(overrides)
    return Change.model_validate(values)


def test_public_api_is_explicit_and_complete() -> None:
    exported = set(protocol.__all__)
    assert all(hasattr(protocol, name) for name in exported)
    public = {n for n in dir(protocol) if not n.startswith("_")} - {
        "clock", "errors", "models", "partitions", "signing", "versions", "annotations",
    }  # fmt: skip
    assert public == exported
    for name in ("Change", "Grant", "PushRequest", "PullReply", "canonical_batch_bytes", "short_code", "ErrorCode"):
        assert name in exported


def test_sync_never_imports_the_desktop_app_or_qt() -> None:
    for path in SYNC.rglob("*.py"):
        tree = ast.parse(path.read_text())
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert not [n for n in names if n.startswith(("iam_desktop", "PySide6"))], path
        if "protocol" in path.parts:
            assert not [n for n in names if n.startswith("sync.server")], path


@pytest.mark.parametrize(
    "bad",
    [
        {"device_seq": "1"},
        {"device_seq": 0},
        {"schema_version": True},
        {"change_id": str(uuid.uuid4())},  # a v4 id: change ids are UUIDv7
        {"case_id": "Mario Rossi"},
        {"kind": "Person; DROP"},
        {"hlc": "2025-11-25T10:00:00"},
        {"ciphertext": "not base64!"},
        {"blind_indexes": ["RSSMRA80A01H501U"]},
        {"surprise": 1},
    ],
)
def test_change_model_is_strict(bad: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        change(**bad)


def test_canonical_bytes_cover_every_field_and_signatures_verify() -> None:
    key = Ed25519PrivateKey.generate()
    c = change()
    g = Grant(case_id=c.case_id, desk_id=str(uuid.uuid4()), key_id="k1", wrapped_key="d3JhcA==")
    batch = PushRequest(
        device_id=c.device_id, grants=[g], changes=[c], signature=sign_batch(key, c.device_id, [g], [c])
    )
    assert verify_batch(public_key_b64(key), batch)
    assert canonical_batch_bytes(c.device_id, [g], [c]).startswith(b"IAMDESK-BATCH-V1\n")
    # base is sorted, so dictionary order does not change the bytes
    same = c.model_copy(update={"base": dict(reversed(list(c.base.items())))})
    assert canonical_batch_bytes(c.device_id, [], [c]) == canonical_batch_bytes(c.device_id, [], [same])
    for field, value in [("device_seq", 2), ("deleted", True), ("blind_indexes", None), ("key_id", "k2"),
                         ("ciphertext", "QUJD"), ("hlc", format_hlc(1, 0)), ("base", {})]:  # fmt: skip
        altered = batch.model_copy(update={"changes": [c.model_copy(update={field: value})]})
        assert not verify_batch(public_key_b64(key), altered), field
    assert not verify_batch(public_key_b64(Ed25519PrivateKey.generate()), batch)
    assert not verify_batch("not-a-key", batch)


@settings(max_examples=40, deadline=None)
@given(
    seq=st.integers(1, 2**53),
    kind=st.from_regex(r"\A[a-z][a-z0-9_]{0,10}\Z"),
    payload=st.binary(min_size=1, max_size=64),
    deleted=st.booleans(),
)
def test_signature_roundtrip_property(seq: int, kind: str, payload: bytes, deleted: bool) -> None:
    key = Ed25519PrivateKey.generate()
    c = change(device_seq=seq, kind=kind, ciphertext=base64.b64encode(payload).decode(), deleted=deleted)
    batch = PushRequest(device_id=c.device_id, changes=[c], signature=sign_batch(key, c.device_id, [], [c]))
    parsed = PushRequest.model_validate_json(batch.model_dump_json())
    assert verify_batch(public_key_b64(key), parsed)


def test_short_code_is_stable_and_binds_both_keys() -> None:
    desk, device = base64.b64encode(os.urandom(32)).decode(), base64.b64encode(os.urandom(32)).decode()
    code = short_code(desk, device)
    assert code == short_code(desk, device) and len(code) == 7 and code[3] == " "
    assert code.replace(" ", "").isdigit()
    assert short_code(device, desk) != code or short_code(desk, base64.b64encode(os.urandom(32)).decode()) != code


def test_clock_stamps_and_change_ids_sort_by_time() -> None:
    assert format_hlc(1_764_000_000_000, 3) == "1764000000000-000003"
    assert parse_hlc("1764000000000-000003") == (1_764_000_000_000, 3)
    assert hlc_wall_ms(format_hlc(5, 1)) == 5
    assert format_hlc(999, 999_999) < format_hlc(1000, 0)
    with pytest.raises(ValueError):
        parse_hlc("yesterday")
    early, late = new_change_id(1_000), new_change_id(2_000)
    assert early < late and uuid.UUID(early).version == 7


def test_every_error_has_a_status_and_a_reply() -> None:
    for code in ErrorCode:
        assert 400 <= http_status(code) <= 599
        reply = ProtocolError(code, "why").reply()
        assert reply["errno"] == int(code) and reply["code"] == http_status(code) and reply["error"]
    rebuilt = ProtocolError.from_reply({"errno": 301, "message": "no"})
    assert rebuilt.code is ErrorCode.CASE_FORBIDDEN
    assert ProtocolError.from_reply({"errno": 12345}).code is ErrorCode.INTERNAL
    assert version_tuple("0.10.2rc1") > version_tuple("0.9.9")
