"""Hypothesis over the wire decoder: random JSON (and random bytes) into every wire model, structural mutations of
valid messages, and random pull replies — status, body, well-formed pages full of strangers' ids, keys that do
not open, stamps from any epoch — fed to the desktop client's real pull handling, between it and a real server.

Only the documented errors may come out: pydantic's `ValidationError` from a model; from the client, never an
exception — a run ends in a `SyncReport` whose state says what went wrong, and the vault stays whole
(`PRAGMA integrity_check`, the case list still opens). tests/sync/test_protocol.py has the hand-picked strictness
cases and the signature round trip.
"""

from __future__ import annotations

import base64
import contextlib
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

import sync.protocol as protocol
from iam_desktop.services.desk import Desk
from iam_desktop.services.sync_client import SyncState
from iam_desktop.vault import sync_state
from sync.protocol import PushRequest, format_hlc, verify_batch
from sync.server.testing import ServerProcess
from tests.sync_client.helpers import desk_devices, person, sync

MODELS: list[type[BaseModel]] = [
    m for name in protocol.__all__ if isinstance(m := getattr(protocol, name), type) and issubclass(m, BaseModel)
]
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=15,
)


def _uuid7(u: uuid.UUID) -> str:
    text = str(u)
    return f"{text[:14]}7{text[15:19]}{'89ab'[int(text[19], 16) % 4]}{text[20:]}"


_b64 = st.binary(min_size=1, max_size=80).map(lambda b: base64.b64encode(b).decode())
_hlc = st.builds(format_hlc, st.integers(0, 10**13 - 1), st.integers(0, 999_999))


def _change(case_ids: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "change_id": st.uuids().map(_uuid7),
            "device_id": st.uuids().map(str),
            "device_seq": st.integers(1, 2**53),
            "case_id": st.sampled_from(case_ids) | st.uuids().map(str),
            "kind": st.sampled_from(["case", "history", "diary", "note", "x"]),
            "record_id": st.sampled_from(case_ids) | st.uuids().map(str),
            "hlc": _hlc,
            "key_id": st.sampled_from(["k1", "case-key", "x"]),
            "schema_version": st.integers(1, 65535),
            "ciphertext": _b64,
            "deleted": st.booleans(),
        },
        optional={"base": st.dictionaries(st.from_regex(r"\A[a-f0-9]{20}\Z"), _hlc, max_size=3)},
    )


def _page(case_ids: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    uuids = st.sampled_from(case_ids) | st.uuids().map(str)
    return st.fixed_dictionaries(
        {
            "changes": st.lists(_change(case_ids), max_size=4),
            "grants": st.lists(
                st.fixed_dictionaries(
                    {"case_id": uuids, "desk_id": st.uuids().map(str), "key_id": st.just("k1"), "wrapped_key": _b64}
                ),
                max_size=2,
            ),
            "notices": st.lists(
                st.fixed_dictionaries(
                    {
                        "kind": st.sampled_from(["revoked", "erased"]),
                        "case_id": st.uuids().map(str),
                        "desk_id": st.uuids().map(str),
                    }
                ),
                max_size=2,
            ),
            "cursor": st.from_regex(r"\A[A-Za-z0-9_-]{1,20}\Z"),
            "has_more": st.booleans(),
        }
    )


# -- the models ---------------------------------------------------------------------------------------------------
@FUZZ
@given(st.sampled_from(MODELS), _JSON.map(json.dumps) | st.binary(max_size=200))
def test_random_input_into_every_wire_model_is_a_validation_error(model: type[BaseModel], data: str | bytes) -> None:
    with contextlib.suppress(ValidationError):
        model.model_validate_json(data)


@FUZZ
@given(st.data(), _JSON)
def test_mutated_pages_and_batches_decode_or_fail_validation(data: st.DataObject, value: Any) -> None:
    tree: dict[str, Any] = data.draw(_page([str(uuid.UUID(int=1))]))
    batch = {"device_id": str(uuid.UUID(int=2)), "grants": tree["grants"], "changes": tree["changes"],
             "signature": base64.b64encode(bytes(64)).decode()}  # fmt: skip
    target = data.draw(st.sampled_from([tree, batch]))
    keys = list(target)
    key = data.draw(st.sampled_from(keys))
    if isinstance(target[key], list) and target[key] and data.draw(st.booleans()):
        item = target[key][0]
        field = data.draw(st.sampled_from(list(item)))
        item[field] = value
    else:
        target[key] = value
    for model, message in ((protocol.PullReply, tree), (PushRequest, batch)):
        try:
            parsed = model.model_validate_json(json.dumps(message))
        except ValidationError:
            continue
        if isinstance(parsed, PushRequest):
            assert verify_batch(base64.b64encode(bytes(32)).decode(), parsed) in (True, False)


HONEST: list[str] = []


# -- the client's pull handling -----------------------------------------------------------------------------------
class FuzzedPull(requests.Session):
    """Answers the next pull with a canned reply; everything else (and later pulls) reaches the real server."""

    def __init__(self, status: int, body: bytes) -> None:
        super().__init__()
        self.reply: tuple[int, bytes] | None = (status, body)

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        if "/v1/pull" in url and self.reply is not None:
            status, body = self.reply
            self.reply = None
            response = requests.Response()
            response.status_code, response._content, response.url = status, body, url
            response.headers["Content-Type"] = "application/json"
            return response
        return super().request(method, url, *args, **kwargs)


@pytest.fixture(scope="module")
def enrolled(server: ServerProcess, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Desk, list[str]]]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("IAM_INSECURE_FAST_KDF", "1")
        (desk,) = desk_devices(server, Path(tmp_path_factory.mktemp("wire")), devices=1)
        case_ids = [desk.cases.intake(person(n)) for n in range(3)]
        sync(desk)
        yield desk, case_ids
        desk.close()


def _cursor(desk: Desk, value: str | None = None) -> str:
    """The stored pull cursor; with `value`, set it first."""
    with desk.vault.engine.begin() as conn:
        if value is not None:
            sync_state.put(conn, sync_state.CURSOR, value)
        return str(sync_state.get(conn, sync_state.CURSOR) or "")


@FUZZ
@given(st.data())
def test_random_pull_replies_never_crash_the_client(enrolled: tuple[Desk, list[str]], data: st.DataObject) -> None:
    desk, case_ids = enrolled
    honest = _cursor(desk) if not HONEST else HONEST[0]
    HONEST[:] = [honest]
    _cursor(desk, honest)  # each example starts from the real cursor
    status = data.draw(st.sampled_from([200, 200, 200, 400, 401, 403, 409, 422, 429, 500, 503]))
    body = data.draw(
        _page(case_ids).map(lambda p: json.dumps(p).encode())
        | _JSON.map(lambda v: json.dumps(v).encode())
        | st.binary(max_size=100)
    )
    report = desk.sync.client(session=FuzzedPull(status, body)).run_once()
    assert isinstance(report.state, SyncState)
    assert desk.integrity() == "ok"
    desk.cases.search()  # the case list still decrypts


def test_after_the_fuzz_the_desk_still_syncs(enrolled: tuple[Desk, list[str]]) -> None:
    desk, _case_ids = enrolled
    if HONEST:
        _cursor(desk, HONEST[0])
    desk.cases.intake(person(99))
    report = desk.sync.client().run_once()
    assert report.ok, report
    assert desk.integrity() == "ok" and desk.verify_audit().ok


def test_a_cursor_the_server_does_not_know_is_recovered_from(server: ServerProcess, tmp_path: Path) -> None:
    """Found by the fuzz above: a stored cursor the server does not know (errno 103) wedged every later run."""
    (desk,) = desk_devices(server, tmp_path, devices=1)
    desk.cases.intake(person(1))
    sync(desk)
    _cursor(desk, "bm90LWEtY3Vyc29y")
    report = desk.sync.client().run_once()
    desk.close()
    assert report.ok, report
