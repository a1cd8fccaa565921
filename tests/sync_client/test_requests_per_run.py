"""A network sync run asks the server for the desk directory once: the central office key check at the start of the
run fetches it and the network step after the pull uses that copy. Through a real server."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests

from sync.server.testing import ServerProcess
from tests.sync_client.helpers import desk_devices


class CountingSession(requests.Session):
    def __init__(self) -> None:
        super().__init__()
        self.calls: Counter[tuple[str, str]] = Counter()

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        self.calls[(method.upper(), urlsplit(url).path)] += 1
        return super().request(method, url, *args, **kwargs)


def test_one_directory_request_per_network_sync(server: ServerProcess, tmp_path: Path) -> None:
    (desk,) = desk_devices(server, tmp_path, devices=1)
    try:
        session = CountingSession()
        assert desk.network.sync(session=session).ok
        assert session.calls[("GET", "/v1/desks")] == 1, session.calls
        assert session.calls[("POST", "/v1/push")] + session.calls[("GET", "/v1/pull")] >= 1  # it did sync
        assert desk.network.catalogue.directory()  # the copy kept for offline use
    finally:
        desk.close()
