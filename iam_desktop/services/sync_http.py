"""HTTP to the sync server for the desktop client: one reused ``requests.Session`` with urllib3 ``Retry`` for the
idempotent calls (pull, info, handover, and push — idempotent by ``change_id``/``device_seq``), timeouts, gzip
request bodies, byte counters, and the sync errors (``SyncError``, a ``kind`` per problem) that the one place
showing errors turns into words (``resources/translations/catalogue.json``, keys ``error.sync_*``).

    SyncError(IamError)     kind: sync_offline, sync_unauthorised, sync_revoked, sync_pending, sync_not_enrolled,
                            sync_already_enrolled, sync_has_cases, sync_enrol_code, sync_short_code,
                            sync_desk_key, sync_rate_limited, sync_server, sync_central_key,
                            sync_no_recovery_copy
"""

from __future__ import annotations

import json
import zlib
from enum import StrEnum
from typing import Any, TypeVar

import requests
from pydantic import BaseModel, ValidationError
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from iam_desktop import __version__
from iam_desktop.domain.errors import ErrorKind, IamError
from sync.protocol import ErrorCode

Model = TypeVar("Model", bound=BaseModel)
CONNECT_TIMEOUT_S = 5.0
READ_TIMEOUT_S = 60.0


class SyncProblem(StrEnum):
    """Error kinds of sync (``error.<kind>`` in the catalogue); each is also an ``ErrorKind`` of the domain tree."""

    OFFLINE = "sync_offline"
    UNAUTHORISED = "sync_unauthorised"
    REVOKED = "sync_revoked"
    PENDING = "sync_pending"
    NOT_ENROLLED = "sync_not_enrolled"
    ALREADY_ENROLLED = "sync_already_enrolled"
    HAS_CASES = "sync_has_cases"
    ENROL_CODE = "sync_enrol_code"
    SHORT_CODE = "sync_short_code"
    DESK_KEY = "sync_desk_key"
    RATE_LIMITED = "sync_rate_limited"
    SERVER = "sync_server"
    CENTRAL_KEY = "sync_central_key"
    NO_RECOVERY_COPY = "sync_no_recovery_copy"


class SyncError(IamError):
    def __init__(self, problem: SyncProblem, detail: str = "", **params: object) -> None:
        super().__init__(detail or problem.value, **params)
        self.problem = problem
        self.kind = ErrorKind(problem.value)


_BY_ERRNO = {
    ErrorCode.MISSING_TOKEN: SyncProblem.UNAUTHORISED,
    ErrorCode.INVALID_TOKEN: SyncProblem.UNAUTHORISED,
    ErrorCode.BAD_SIGNATURE: SyncProblem.UNAUTHORISED,
    ErrorCode.DEVICE_REVOKED: SyncProblem.REVOKED,
    ErrorCode.DEVICE_PENDING: SyncProblem.PENDING,
    ErrorCode.INVALID_ENROLMENT_CODE: SyncProblem.ENROL_CODE,
    ErrorCode.DESK_KEY_STATE: SyncProblem.DESK_KEY,
    ErrorCode.NOT_SAME_DESK: SyncProblem.DESK_KEY,
    ErrorCode.RATE_LIMITED: SyncProblem.RATE_LIMITED,
}


def make_session(*, retries: int = 3) -> requests.Session:
    session = requests.Session()
    retry = Retry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        backoff_factor=0.3,
        status_forcelist=(502, 503, 504),
        # Every call made through this session is idempotent on the server (push by change_id and device_seq);
        # enrolment, which spends a one-time code, uses a session without retries.
        allowed_methods=frozenset({"GET", "POST"}),
        raise_on_status=False,
        respect_retry_after_header=True,
    )
    adapter = HTTPAdapter(max_retries=retry, pool_connections=2, pool_maxsize=4)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = f"iam-desk/{__version__}"
    return session


class Transport:
    """Calls to one server as one device (``token`` may be empty for enrolment)."""

    def __init__(
        self, server_url: str, token: str = "", *, session: requests.Session | None = None, timeout: float = 0
    ) -> None:
        self.server_url = server_url.rstrip("/")
        self.token = token
        self.session = session or make_session()
        self.timeout = (CONNECT_TIMEOUT_S, timeout or READ_TIMEOUT_S)
        self.bytes_up = 0
        self.bytes_down = 0

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def _send(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        try:
            response = self.session.request(
                method, self.server_url + path, timeout=self.timeout, headers={**self._headers(),
                                                                                **kwargs.pop("headers", {})},
                **kwargs,
            )  # fmt: skip
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise SyncError(SyncProblem.OFFLINE, type(exc).__name__) from None
        except requests.RequestException as exc:
            raise SyncError(SyncProblem.OFFLINE, type(exc).__name__) from None
        if not kwargs.get("stream"):  # a streamed body is counted as it is read (``download``)
            self.bytes_down += int(response.headers.get("Content-Length") or len(response.content))
        if response.status_code >= 400:
            raise _error_of(response)
        return response

    def get(self, path: str, model: type[Model], params: dict[str, Any] | None = None) -> Model:
        return _parse(self._send("GET", path, params=params or {}), model)

    def put_bytes(self, path: str, data: bytes, model: type[Model], params: dict[str, Any] | None = None) -> Model:
        """PUT raw bytes (a blob chunk). urllib3 never retries it — a chunk sent twice is refused by its offset
        anyway, and the next run resumes where the server stands. The bytes count as sent even when the call
        fails: they went on the wire."""
        try:
            response = self._send("PUT", path, params=params or {}, data=data,
                                  headers={"Content-Type": "application/octet-stream"})  # fmt: skip
        finally:
            self.bytes_up += len(data)
        return _parse(response, model)

    def download(self, path: str, limit: int, piece_bytes: int = 64 * 1024) -> bytes:
        """GET a body in pieces, reading at most one piece past ``limit`` bytes: a server that sends more than the
        caller expects is not read to the end. A body cut short after the headers raises ``OSError``."""
        response = self._send("GET", path, stream=True)
        data = bytearray()
        try:
            for piece in response.iter_content(piece_bytes):
                data += piece
                if len(data) > limit:
                    break
        except requests.RequestException as exc:  # ChunkedEncodingError, ConnectionError mid-body
            raise OSError(type(exc).__name__) from None
        finally:
            response.close()
            self.bytes_down += len(data)
        return bytes(data)

    def delete(self, path: str) -> None:
        self._send("DELETE", path)

    def withdraw_grant(self, case_id: str, desk_id: str, *, own: bool = False) -> None:
        """Withdraw a desk's grant to a partition on the server; one already withdrawn is not an error. For the
        calling desk's ``own`` grant, "case forbidden" means the same: another holder withdrew it first, so the
        server no longer counts this desk among the holders."""
        gone = {int(ErrorCode.NOT_FOUND), *([int(ErrorCode.CASE_FORBIDDEN)] if own else [])}
        try:
            self.delete(f"/v1/cases/{case_id}/grants/{desk_id}")
        except SyncError as exc:
            if exc.params.get("errno") not in gone:
                raise

    def post(self, path: str, body: BaseModel | None, model: type[Model], *, gzip_body: bool = False) -> Model:
        data = body.model_dump_json().encode() if body is not None else b"{}"
        headers = {"Content-Type": "application/json"}
        if gzip_body and len(data) > 1024:
            data = zlib.compress(data, 6, wbits=31)  # wbits=31: a gzip stream
            headers["Content-Encoding"] = "gzip"
        self.bytes_up += len(data)
        return _parse(self._send("POST", path, data=data, headers=headers), model)


def _parse(response: requests.Response, model: type[Model]) -> Model:
    try:
        return model.model_validate_json(response.content)
    except ValidationError:
        raise SyncError(SyncProblem.SERVER, "unexpected reply", errno=0) from None


def _error_of(response: requests.Response) -> SyncError:
    try:
        body: dict[str, Any] = json.loads(response.content)
        errno = int(body.get("errno", 0))
    except (ValueError, TypeError, AttributeError):
        errno = 0
    try:
        problem = _BY_ERRNO.get(ErrorCode(errno), SyncProblem.SERVER)
    except ValueError:
        problem = SyncProblem.SERVER
    if response.status_code in (502, 503, 504) and errno == 0:
        problem = SyncProblem.OFFLINE  # a proxy in front of a server that is down
    return SyncError(problem, f"HTTP {response.status_code} errno {errno}", errno=errno, status=response.status_code)
