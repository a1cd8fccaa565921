"""Numbered wire errors and the one exception tree of the protocol.

Every error reply has the same body (Kinto style): `code` (the HTTP status), `errno` (a stable number from
`ErrorCode`), `error` (the HTTP reason phrase) and `message` (a short English sentence for logs; clients show
their own translated text chosen by `errno`). Tree::

    ProtocolError                 any error that travels on the wire; carries `code: ErrorCode`
    └── (raised by the server, rebuilt by clients with `ProtocolError.from_reply`)

Numbers are grouped: 1xx request shape, 2xx authentication, 3xx authorisation, 4xx state conflicts,
5xx limits, 9xx server side.
"""

from __future__ import annotations

from enum import IntEnum
from http import HTTPStatus
from typing import Any

__all__ = ["ErrorCode", "ProtocolError", "http_status"]


class ErrorCode(IntEnum):
    """Stable error numbers (`errno`); never renumber, only add."""

    MALFORMED_JSON = 100
    INVALID_REQUEST = 101
    BAD_SIGNATURE = 102
    BAD_CURSOR = 103
    UNSUPPORTED_ENCODING = 104
    NOT_FOUND = 110
    METHOD_NOT_ALLOWED = 111
    MISSING_TOKEN = 200
    INVALID_TOKEN = 201
    DEVICE_REVOKED = 202
    INVALID_ENROLMENT_CODE = 203
    DEVICE_PENDING = 300
    CASE_FORBIDDEN = 301
    NOT_SAME_DESK = 302
    WRONG_DEVICE = 303
    CASE_ERASED = 400
    ALREADY_EXISTS = 401
    DESK_KEY_STATE = 402
    BLOB_OFFSET = 403
    BLOB_HASH = 404
    BLOB_INCOMPLETE = 405
    DEVICE_SEQ_CONFLICT = 406
    CLOCK_SKEW = 407
    PARTITION_KEY_CONFLICT = 410  # a network-wide partition already has another key (sync.protocol.partitions)
    BODY_TOO_LARGE = 500
    BATCH_TOO_LARGE = 501
    BLOB_TOO_LARGE = 502
    RATE_LIMITED = 503
    SCHEMA_TOO_NEW = 900
    DATABASE_UNAVAILABLE = 901
    INTERNAL = 999


_STATUS: dict[ErrorCode, int] = {
    ErrorCode.MALFORMED_JSON: 400,
    ErrorCode.INVALID_REQUEST: 422,
    ErrorCode.BAD_SIGNATURE: 401,
    ErrorCode.BAD_CURSOR: 422,
    ErrorCode.UNSUPPORTED_ENCODING: 415,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.METHOD_NOT_ALLOWED: 405,
    ErrorCode.MISSING_TOKEN: 401,
    ErrorCode.INVALID_TOKEN: 401,
    ErrorCode.DEVICE_REVOKED: 401,
    ErrorCode.INVALID_ENROLMENT_CODE: 403,
    ErrorCode.DEVICE_PENDING: 403,
    ErrorCode.CASE_FORBIDDEN: 403,
    ErrorCode.NOT_SAME_DESK: 403,
    ErrorCode.WRONG_DEVICE: 403,
    ErrorCode.CASE_ERASED: 409,
    ErrorCode.ALREADY_EXISTS: 409,
    ErrorCode.DESK_KEY_STATE: 409,
    ErrorCode.BLOB_OFFSET: 409,
    ErrorCode.BLOB_HASH: 422,
    ErrorCode.BLOB_INCOMPLETE: 409,
    ErrorCode.DEVICE_SEQ_CONFLICT: 409,
    ErrorCode.CLOCK_SKEW: 422,
    ErrorCode.PARTITION_KEY_CONFLICT: 409,
    ErrorCode.BODY_TOO_LARGE: 413,
    ErrorCode.BATCH_TOO_LARGE: 413,
    ErrorCode.BLOB_TOO_LARGE: 413,
    ErrorCode.RATE_LIMITED: 429,
    ErrorCode.SCHEMA_TOO_NEW: 503,
    ErrorCode.DATABASE_UNAVAILABLE: 503,
    ErrorCode.INTERNAL: 500,
}


def http_status(code: ErrorCode) -> int:
    """The HTTP status an error travels with."""
    return _STATUS[code]


class ProtocolError(Exception):
    """An error with a number: raised by the server's storage and routes, rebuilt by clients from a reply."""

    def __init__(self, code: ErrorCode, message: str = "") -> None:
        super().__init__(message or code.name.lower().replace("_", " "))
        self.code = code
        self.message = message or code.name.lower().replace("_", " ")

    @property
    def status(self) -> int:
        return http_status(self.code)

    def reply(self) -> dict[str, Any]:
        """The wire body of this error (see `ErrorReply`)."""
        status = self.status
        return {
            "code": status,
            "errno": int(self.code),
            "error": HTTPStatus(status).phrase,
            "message": self.message,
        }

    @classmethod
    def from_reply(cls, body: dict[str, Any]) -> ProtocolError:
        """Rebuild the error a server sent; unknown numbers become `INTERNAL` rather than crashing a client."""
        try:
            code = ErrorCode(int(body.get("errno", ErrorCode.INTERNAL)))
        except (ValueError, TypeError):
            code = ErrorCode.INTERNAL
        return cls(code, str(body.get("message", "")))
