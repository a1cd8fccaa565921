"""Pure-ASGI middleware: request size limits and gzip request bodies, security headers, structured access logs.

The body limit applies to both the bytes on the wire and the decompressed bytes, so a small gzip bomb is refused
with 413 like a large body. Access log lines are JSON with method, path, status, sizes and duration — never a
query string, header value or payload (they may carry tokens or ciphertext).
"""

from __future__ import annotations

import json
import logging
import time
import zlib
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from sync.protocol import ErrorCode, ProtocolError

__all__ = ["AccessLogMiddleware", "BodyLimitMiddleware", "error_response"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

access_logger = logging.getLogger("iam_sync.access")

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
    (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


async def error_response(send: Send, error: ProtocolError) -> None:
    body = json.dumps(error.reply()).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": error.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class BodyLimitMiddleware:
    """Reads the whole request body (bounded), un-gzips it, and hands the app a plain body."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        encoding = headers.get(b"content-encoding", b"identity").strip().lower()
        if encoding not in (b"identity", b"gzip", b""):
            await error_response(send, ProtocolError(ErrorCode.UNSUPPORTED_ENCODING, "only gzip bodies"))
            return
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            await error_response(send, ProtocolError(ErrorCode.BODY_TOO_LARGE, f"limit {self.max_bytes} bytes"))
            return
        parts: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await error_response(send, ProtocolError(ErrorCode.BODY_TOO_LARGE, f"limit {self.max_bytes} bytes"))
                return
            parts.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(parts)
        if encoding == b"gzip":
            inflater = zlib.decompressobj(wbits=31)
            try:
                body = inflater.decompress(body, self.max_bytes + 1)
            except zlib.error:
                await error_response(send, ProtocolError(ErrorCode.MALFORMED_JSON, "the gzip body is corrupt"))
                return
            if len(body) > self.max_bytes or inflater.unconsumed_tail:
                await error_response(send, ProtocolError(ErrorCode.BODY_TOO_LARGE, f"limit {self.max_bytes} bytes"))
                return
            scope = dict(scope)
            scope["headers"] = [
                (k, v) for k, v in scope["headers"] if k not in (b"content-encoding", b"content-length")
            ] + [(b"content-length", str(len(body)).encode())]
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        scope.setdefault("state", {})["request_bytes"] = size
        await self.app(scope, replay, send)


class AccessLogMiddleware:
    """Adds the security headers to every reply and writes one JSON access-log line per request."""

    def __init__(self, app: ASGIApp, enabled: bool = True) -> None:
        self.app = app
        self.enabled = enabled

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        scope.setdefault("state", {})  # shared with BodyLimitMiddleware, which records the request size
        started = time.perf_counter()
        status = 0
        sent_bytes = 0

        async def send_wrapper(message: Message) -> None:
            nonlocal status, sent_bytes
            if message["type"] == "http.response.start":
                status = int(message["status"])
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            elif message["type"] == "http.response.body":
                sent_bytes += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            if self.enabled:
                client = scope.get("client") or ("-", 0)
                access_logger.info(
                    json.dumps(
                        {
                            "method": scope.get("method"),
                            "path": scope.get("path"),
                            "status": status,
                            "ms": round((time.perf_counter() - started) * 1000, 1),
                            "bytes_in": scope.get("state", {}).get("request_bytes", 0),
                            "bytes_out": sent_bytes,
                            "client": client[0],
                        }
                    )
                )
