"""A pull that catches up a new holding must end even when the log grows meanwhile (found by the soak).

A desk granted a case whose history starts before its cursor (a referral) is sent that history first: the server
gives its device a four-number cursor (`p0, high, b, f`) and walks forward only up to `high`, the log's top when the
catch-up began. When other devices write while that device is pulling page by page, the forward walk reaches `high`
with `has_more` still true (`high < top`), and `SqlStorage.pull` (sync/server/storage/log.py) then answers the
cursor `(p0, high, p0, high)` with an empty page, the same cursor and `has_more` true, for ever: the desktop client
(`SyncClient._pull`, which pulls while `has_more`) never finished its sync run. The soak's final syncs hung on desk
B's computer holding the cursor `1.91.132.91.132` with the log at 891 (`bench/soak.py`, `--minutes 3 --seed 303`).
Fixed: once the forward walk reaches `high` the page carries the plain cursor `[high]`.
Through a real server process (both backends), with the protocol's reference client.
"""

from __future__ import annotations

import os
import uuid

from sync.server.testing import ServerProcess, enrolled_desk

KEY = os.urandom(32)


def test_a_catch_up_pull_ends_when_the_log_grows_meanwhile(any_server: ServerProcess) -> None:
    tag = uuid.uuid4().hex[:8]
    (a,) = enrolled_desk(any_server.database_url, any_server.url, f"A {tag}")
    (b,) = enrolled_desk(any_server.database_url, any_server.url, f"B {tag}")
    case_id = str(uuid.uuid4())
    history = [a.change(case_id, KEY, b"{}", kind="referral") for _ in range(3)]
    assert {s.status for s in a.push(history, [a.grant(case_id)]).statuses} == {"applied"}
    b.pull_all()  # B's cursor is past the case's history; B does not hold the case yet
    # A refers the case to B: a new holding whose history starts before B's cursor, delivered by a catch-up.
    assert a.push([a.change(case_id, KEY, b"{}", kind="referral")], [a.grant(case_id, b.desk_id)]).statuses
    first = b.pull_page(limit=1)
    assert first.has_more and [c.change_id for c in first.changes] == [history[0].change_id]
    # While B pulls page by page, another case is written: the log's top moves past the catch-up's `high`.
    other = str(uuid.uuid4())
    assert a.push([a.change(other, KEY, b"{}")], [a.grant(other)]).statuses
    received = list(first.changes)
    cursors = [b.cursor]
    for _ in range(30):
        page = b.pull_page(limit=1)
        received += page.changes
        cursors.append(b.cursor)
        if not page.has_more:
            break
    assert not page.has_more, f"the pull never ends: the last cursors {cursors[-3:]} (pages empty)"
    assert [c.change_id for c in received if c.case_id == case_id][:3] == [c.change_id for c in history]
