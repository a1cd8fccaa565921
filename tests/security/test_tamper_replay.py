"""A malicious server and a tampered vault file: each alteration is detected and reported, never merged.

The server double is the real server process with its pull replies rewritten on the way to the client
(`MaliciousSession` wraps the client's HTTP session, so the client code under test is the real one): an old page
served again, a change moved to another record or case, its ciphertext truncated or re-ordered, a newer change
replaced by an older valid one of the same record (whole, or its ciphertext grafted under the new metadata), and
another desk's changes and grants. On the vault file: a record's ciphertext truncated or its blocks re-ordered
(tests/vault covers a flipped bit, a blob moved to another record or case, and swapped case keys).
"""

from __future__ import annotations

import base64
import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from iam_desktop.domain.errors import TamperedError
from iam_desktop.services.desk import Desk
from iam_desktop.services.sync_repair import LAST_CHECK
from iam_desktop.vault import sync_state
from iam_desktop.vault.erasures import make_proof
from iam_desktop.vault.paths import DataDir
from sync.server.testing import ServerProcess
from tests.sync_client.helpers import desk_devices, person, replica, sync
from tests.vault_fixtures import PERSON

Page = dict[str, Any]


class MaliciousSession(requests.Session):
    """The client's HTTP session, with every pull reply passed through `rewrite` first."""

    def __init__(self, rewrite: Callable[[Page], Page]) -> None:
        super().__init__()
        self.rewrite = rewrite

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        response = super().request(method, url, *args, **kwargs)
        if "/v1/pull" in url and response.status_code == 200:
            response._content = json.dumps(self.rewrite(json.loads(response.content))).encode()
        return response


def _raw(text: str) -> bytes:
    return base64.b64decode(text)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def _truncate(text: str) -> str:
    return _b64(_raw(text)[:-7])


def _reorder(text: str) -> str:
    raw = _raw(text)
    body = raw[12:]
    half = len(body) // 2
    return _b64(raw[:12] + body[half:] + body[:half])


@pytest.fixture
def desk_pair(server: ServerProcess, tmp_path: Path) -> Iterator[tuple[Desk, Desk, dict[str, str]]]:
    """Desk A's two computers; `a` took two people in charge and edited the first (two versions of its record)."""
    a, b = desk_devices(server, tmp_path)
    first, second = a.cases.intake(person(1)), a.cases.intake(person(2))
    sync(a)
    old_phone = a.cases.open(first).person["phone"]
    a.cases.update(first, {**a.cases.open(first).person, "phone": "+39 333 000 9999"})
    sync(a)
    yield a, b, {"first": first, "second": second, "old_phone": old_phone}
    a.close()
    b.close()


def _case_changes(page: Page, case_id: str) -> list[dict[str, Any]]:
    return [c for c in page["changes"] if c["case_id"] == case_id and c["kind"] == "case"]


def _rewrite_first(ids: dict[str, str], alter: Callable[[dict[str, Any], Page], None]) -> Callable[[Page], Page]:
    def rewrite(page: Page) -> Page:
        for change in _case_changes(page, ids["first"]):
            alter(change, page)
        return page

    return rewrite


ALTERATIONS: dict[str, Callable[[dict[str, str]], Callable[[Page], Page]]] = {
    "record id swapped": lambda ids: _rewrite_first(ids, lambda c, _p: c.update(record_id=ids["second"])),
    "case id swapped": lambda ids: _rewrite_first(ids, lambda c, _p: c.update(case_id=ids["second"])),
    "ciphertext truncated": lambda ids: _rewrite_first(ids, lambda c, _p: c.update(ciphertext=_truncate(c["ciphertext"]))),  # noqa: E501
    "ciphertext re-ordered": lambda ids: _rewrite_first(ids, lambda c, _p: c.update(ciphertext=_reorder(c["ciphertext"]))),  # noqa: E501
    "device id swapped": lambda ids: _rewrite_first(ids, lambda c, _p: c.update(device_id=c["change_id"])),
    "stamp moved forward": lambda ids: _rewrite_first(ids, lambda c, _p: c.update(hlc="9" + c["hlc"][1:])),
}  # fmt: skip


def _partition_check_due(desk: Desk, due: bool) -> None:
    """Make the after-pull partition check (services.sync_repair) due, or not, in the next run."""
    with desk.vault.engine.begin() as conn:
        sync_state.put(conn, LAST_CHECK, "0" if due else str(time.time()))


@pytest.mark.parametrize("alteration", list(ALTERATIONS))
def test_an_altered_change_is_quarantined_and_never_merged(
    desk_pair: tuple[Desk, Desk, dict[str, str]], alteration: str
) -> None:
    a, b, ids = desk_pair
    _partition_check_due(b, False)
    report = b.sync.client(session=MaliciousSession(ALTERATIONS[alteration](ids))).run_once()
    assert report.ok and report.quarantined == 2, report  # both versions of the first case's record
    # A change claiming another case is looked up under that case's key, which has another key id: "no key".
    expected = "no_key" if alteration == "case id swapped" else "tampered"
    assert {q["reason"] for q in b.sync.quarantine()} == {expected}
    assert b.cases.row(ids["first"]) is None  # nothing of the altered record was merged
    # The server's partition digests differ from the replica's, so the next check fetches that partition's history
    # outside the pull and rebuilds it from the genuine changes: the desk ends on A's real version.
    _partition_check_due(b, True)
    report = b.sync.client(session=MaliciousSession(ALTERATIONS[alteration](ids))).run_once()
    # (a change claiming the second case was set aside under it: that partition may be compared and rebuilt too)
    assert report.ok and report.partitions_repaired >= 1, report
    assert b.cases.open(ids["first"]).person == a.cases.open(ids["first"]).person
    assert b.sync.quarantine() == []
    assert b.cases.open(ids["second"]).person == a.cases.open(ids["second"]).person  # the rest applied


def _graft(ids: dict[str, str]) -> Callable[[Page], Page]:
    """The older version's ciphertext under the newer change's metadata (so it would win the merge)."""

    def rewrite(page: Page) -> Page:
        older, newer = _case_changes(page, ids["first"])
        newer["ciphertext"] = older["ciphertext"]
        return page

    return rewrite


def _restamp(ids: dict[str, str]) -> Callable[[Page], Page]:
    """The older change, whole, served in place of the newer one with the newer clock stamp."""

    def rewrite(page: Page) -> Page:
        older, newer = _case_changes(page, ids["first"])
        page["changes"][page["changes"].index(newer)] = {**older, "hlc": newer["hlc"]}
        return page

    return rewrite


def test_an_older_version_grafted_under_the_newer_metadata_is_refused(
    desk_pair: tuple[Desk, Desk, dict[str, str]],
) -> None:
    a, b, ids = desk_pair
    _partition_check_due(b, False)
    report = b.sync.client(session=MaliciousSession(_graft(ids))).run_once()
    assert report.ok and report.quarantined == 1, report
    assert [q["reason"] for q in b.sync.quarantine()] == ["tampered"]
    assert b.cases.open(ids["first"]).person["phone"] == ids["old_phone"]  # the older, genuine version only
    _partition_check_due(b, True)  # the partition check then fetches the genuine newer version outside the pull
    report = b.sync.client().run_once()
    assert report.ok and report.pulled == 0 and report.partitions_repaired == 1, report
    assert b.cases.open(ids["first"]).person == a.cases.open(ids["first"]).person


def test_an_older_change_restamped_in_place_of_the_newer_is_never_merged(
    desk_pair: tuple[Desk, Desk, dict[str, str]],
) -> None:
    """The older change served again with the newer clock stamp: its change id was applied already, so it is
    dropped before it could win the merge. What the pull withheld (the newer version) shows in the partition
    digest, so the same run fetches that partition's history and the replica reaches the newer, genuine version.
    (A server that lies in its digests as well can still withhold a change — see docs/security.md.)"""
    a, b, ids = desk_pair
    report = b.sync.client(session=MaliciousSession(_restamp(ids))).run_once()
    assert report.ok and report.quarantined == 0 and report.conflicts == 0, report
    assert report.partitions_repaired == 1, report
    assert b.cases.open(ids["first"]).person["phone"] != ids["old_phone"]
    assert b.cases.open(ids["first"]).person["phone"] == a.cases.open(ids["first"]).person["phone"]


def test_a_replayed_old_page_changes_nothing(desk_pair: tuple[Desk, Desk, dict[str, str]]) -> None:
    """The server serves an old page (and its old cursor) again: already applied, nothing is duplicated."""
    a, b, _ids = desk_pair
    recorded: list[Page] = []

    def record(page: Page) -> Page:
        recorded.append(json.loads(json.dumps(page)))
        return page

    sync(b, session=MaliciousSession(record))
    before = replica(b)
    assert before == replica(a)
    report = b.sync.client(session=MaliciousSession(lambda _page: recorded[0])).run_once()
    assert report.ok and report.pulled == 0 and report.quarantined == 0 and report.conflicts == 0, report
    assert replica(b) == before and b.sync.status().conflicts == 0
    sync(b)
    assert replica(b) == replica(a)


def test_another_desks_changes_and_grants_are_refused(
    server: ServerProcess, tmp_path: Path, desk_pair: tuple[Desk, Desk, dict[str, str]]
) -> None:
    """The server hands desk A's computer desk C's changes and grants: no key opens them, nothing is merged."""
    _a, b, ids = desk_pair
    (other,) = desk_devices(server, tmp_path / "c", devices=1)
    foreign_case = other.cases.intake(person(77))
    captured: list[Page] = []

    def capture(page: Page) -> Page:
        captured.append(page)
        return page

    sync(other, session=MaliciousSession(capture))
    foreign: dict[str, list[Any]] = {"changes": [], "grants": []}
    for page in captured:
        foreign["changes"] += page["changes"]
        foreign["grants"] += page["grants"]
    assert foreign["changes"] and foreign["grants"]

    def inject(page: Page) -> Page:
        page["changes"] += foreign["changes"]
        page["grants"] += foreign["grants"]
        return page

    report = b.sync.client(session=MaliciousSession(inject)).run_once()
    assert report.quarantined >= len(foreign["changes"]), report
    assert b.cases.row(foreign_case) is None
    assert foreign_case not in json.dumps(replica(b)) and ids["first"] in json.dumps(replica(b))
    reasons = {q["reason"] for q in b.sync.quarantine()}
    print("\nforeign changes and grants quarantined as:", sorted(reasons))
    assert reasons
    other.close()


# -- the vault file ---------------------------------------------------------------------------------------------
def _rewrite_sealed(data_dir: DataDir, record_id: str, alter: Callable[[bytes], bytes]) -> None:
    conn = sqlite3.connect(data_dir.vault)
    sealed = conn.execute("SELECT sealed FROM records WHERE record_id=?", (record_id,)).fetchone()[0]
    conn.execute("UPDATE records SET sealed=? WHERE record_id=?", (alter(bytes(sealed)), record_id))
    conn.commit()
    conn.close()


VAULT_ALTERATIONS: dict[str, Callable[[bytes], bytes]] = {
    "truncated by one byte": lambda s: s[:-1],
    "truncated to the nonce": lambda s: s[:12],
    "emptied": lambda s: b"",
    "blocks re-ordered": lambda s: s[:12] + s[12 + (len(s) - 12) // 2 :] + s[12 : 12 + (len(s) - 12) // 2],
    "extended": lambda s: s + b"\x00" * 16,
}


@pytest.mark.parametrize("alteration", list(VAULT_ALTERATIONS))
def test_a_stored_ciphertext_truncated_or_reordered_is_tampered(desk: Desk, data_dir: DataDir, alteration: str) -> None:
    damaged, intact = desk.cases.intake(PERSON), desk.cases.intake({**PERSON, "given_names": ["Fatou"]})
    _rewrite_sealed(data_dir, damaged, VAULT_ALTERATIONS[alteration])
    with pytest.raises(TamperedError) as caught:
        desk.cases.open(damaged)
    assert damaged in caught.value.record
    assert desk.cases.open(intact).person["given_names"] == ["Fatou"]


@pytest.mark.xfail(
    strict=True,
    raises=pytest.fail.Exception,  # only "DID NOT RAISE" is the known gap; any other failure is a real one
    reason="rollback of one record is not detected: the associated data binds case|kind|record|schema|key but no "
    "version, so an older valid ciphertext of the SAME record opens (iam_desktop/vault/records.py; docs/security.md)",
)
def test_an_older_valid_ciphertext_of_the_same_record_is_detected(desk: Desk, data_dir: DataDir) -> None:
    case_id = desk.cases.intake(PERSON)
    conn = sqlite3.connect(data_dir.vault)
    old = conn.execute("SELECT sealed FROM records WHERE record_id=?", (case_id,)).fetchone()[0]
    conn.close()
    assert desk.cases.update(case_id, {**PERSON, "phone": "+39 030 000000"}) == ["phone"]
    _rewrite_sealed(data_dir, case_id, lambda _s: bytes(old))
    with pytest.raises(TamperedError):
        desk.cases.open(case_id)


def test_a_forged_erasure_notice_is_refused(desk_pair: tuple[Desk, Desk, dict[str, str]]) -> None:
    """The server cannot prove an erasure: a notice without proof, with random bytes, or carrying the valid proof
    of another case is refused, set aside in quarantine and counted; the case stays readable."""
    a, b, ids = desk_pair
    sync(b)
    desk_id = b.sync.enrolment().state().desk_id  # type: ignore[union-attr]
    with a.vault.engine.connect() as conn:
        first_key_id, first_key = a.records.case_key(conn, ids["first"])
        second_key_id = a.records.case_key(conn, ids["second"])[0]
    moved = {"key_id": first_key_id, "sealed": _b64(make_proof(first_key, ids["first"], first_key_id))}
    forgeries = [
        (None, "erasure_not_proven"),
        ({"key_id": second_key_id, "sealed": _b64(bytes(60))}, "erasure_proof_invalid"),
        (moved, "erasure_not_proven"),  # a real proof, of another case: not made with this case's key
    ]
    for attempt, (proof, reason) in enumerate(forgeries, start=1):

        def forge(page: Page, proof: dict[str, str] | None = proof) -> Page:
            page["notices"].append({"kind": "erased", "case_id": ids["second"], "desk_id": desk_id, "proof": proof})
            return page

        report = b.sync.client(session=MaliciousSession(forge)).run_once()
        assert report.ok and report.quarantined == 1, report
        assert b.cases.row(ids["second"]) is not None, "a notice nobody proved erased the case"
        assert b.cases.open(ids["second"]).person["family_name"] == "Fittizio c"
        [entry] = [q for q in b.sync.quarantine() if q["what"] == "erasure"]
        assert (entry["case_id"], entry["reason"], entry["attempts"]) == (ids["second"], reason, attempt)
