"""HTTP routes of the sync server, one module per area; each route is a thin call into `Storage`.

`ERRORS` documents the numbered error replies every route may send, so the OpenAPI description matches what the
server really does (schemathesis checks it).
"""

from __future__ import annotations

from typing import Any

from sync.protocol import ErrorReply

__all__ = ["ERRORS"]

_DESCRIPTIONS = {
    400: "Malformed JSON or a corrupt gzip body",
    401: "Missing, unknown or revoked device token, or a bad batch signature",
    403: "The device may not do this (pending device, another desk's case, wrong enrolment code)",
    404: "No such resource",
    409: "Conflicts with the stored state (erased case, blob offset, already exists)",
    413: "Request body, batch or blob over the size limit",
    415: "Unsupported Content-Encoding",
    422: "Well-formed JSON with wrong types, unknown fields or values out of range; an unknown cursor; a blob "
    "whose bytes do not match its SHA-256",
    429: "Rate limited (enrolment attempts or authentication failures)",
    503: "The database is unavailable (restart, failover); nothing was stored, retry",
}

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorReply, "description": text} for status, text in _DESCRIPTIONS.items()
}
