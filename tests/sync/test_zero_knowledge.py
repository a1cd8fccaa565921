"""The server never sees personal data: after a sync its database and its log hold none of the known strings."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import uuid
from pathlib import Path

import sqlalchemy as sa

from sync.server.tables import metadata
from sync.server.testing import ServerProcess, enrolled_desk

KNOWN = ["Mohammed", "Al-Rashid", "RSHMMM85A01Z330X", "Questura di Brescia", "protezione sussidiaria", "Kabul"]


def test_server_database_and_log_hold_no_plaintext(server: ServerProcess) -> None:
    a, b = enrolled_desk(server.database_url, server.url, "Zero knowledge", devices=2)
    case_key, network_key = os.urandom(32), os.urandom(32)
    person = {
        "nome": "Mohammed",
        "cognome": "Al-Rashid",
        "codice_fiscale": "RSHMMM85A01Z330X",
        "permesso_di_soggiorno": {"questura": "Questura di Brescia", "tipo": "protezione sussidiaria"},
        "luogo_nascita": "Kabul",
    }
    case_id = str(uuid.uuid4())
    change = a.change(case_id, case_key, json.dumps(person).encode())
    blind = hmac.new(network_key, b"RSHMMM85A01Z330X", hashlib.sha256).hexdigest()
    change = change.model_copy(update={"blind_indexes": [blind]})
    a.push([change], [a.grant(case_id)])
    assert len(b.pull_all()[0]) == 1
    server.stop()

    found: list[str] = []
    if server.database_url.startswith("sqlite"):
        path = Path(sa.make_url(server.database_url).database or "")
        raw = b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())
        found += [s for s in KNOWN if s.encode() in raw or s.lower().encode() in raw.lower()]
    engine = sa.create_engine(server.database_url)
    with engine.connect() as conn:
        dump = "\n".join(
            repr(row) for table in metadata.sorted_tables for row in conn.execute(sa.select(table))
        ).lower()
    engine.dispose()
    found += [s for s in KNOWN if s.lower() in dump]
    found += [s for s in KNOWN if s.lower() in server.log().lower()]
    assert case_id in dump  # the scan did read the rows
    assert found == []
