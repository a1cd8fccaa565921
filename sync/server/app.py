"""The FastAPI application: `create_app(settings)` wires storage, limits, middleware, error handlers and routes.

Every failure leaves as a numbered `ErrorReply`: protocol errors with their own status, FastAPI's validation
errors as 400 (malformed JSON) or 422 (wrong types), unknown routes as 404/405, and anything unexpected as 500
with the details only in the server log. `app_from_env` is the factory uvicorn workers import.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from sync.protocol import APP_VERSION, ErrorCode, ProtocolError
from sync.server.deps import Limits
from sync.server.middleware import AccessLogMiddleware, BodyLimitMiddleware
from sync.server.ratelimit import SlidingWindow
from sync.server.routes import ERRORS, blobs, cases, devices, digest, log, meta
from sync.server.settings import Settings
from sync.server.storage import Storage, open_storage

__all__ = ["app_from_env", "create_app"]

logger = logging.getLogger("iam_sync.server")


def _reply(error: ProtocolError) -> JSONResponse:
    return JSONResponse(error.reply(), status_code=error.status)


async def _on_protocol_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ProtocolError)
    return _reply(exc)


async def _on_validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    if any(e.get("type") == "json_invalid" for e in errors):
        return _reply(ProtocolError(ErrorCode.MALFORMED_JSON, "the body is not valid JSON"))
    # Locations and types only: the offending input may be ciphertext or a token and must not be echoed.
    where = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('type')}" for e in errors[:5])
    return _reply(ProtocolError(ErrorCode.INVALID_REQUEST, where[:500] or "invalid request"))


async def _on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    codes = {404: ErrorCode.NOT_FOUND, 405: ErrorCode.METHOD_NOT_ALLOWED, 400: ErrorCode.MALFORMED_JSON}
    code = codes.get(exc.status_code, ErrorCode.INVALID_REQUEST)
    response = _reply(ProtocolError(code, str(exc.detail)))
    response.headers.update(exc.headers or {})
    if exc.status_code == 405:
        # RFC 9110: `Allow` lists every method of the path; Starlette lists only the first matching route's.
        methods: set[str] = set()
        for route in request.app.routes:
            if isinstance(route, APIRoute) and route.matches(request.scope)[0] is not Match.NONE:
                methods |= route.methods or set()
        response.headers["Allow"] = ", ".join(sorted(methods))
    return response


async def _on_database_error(_request: Request, exc: Exception) -> JSONResponse:
    # The database went away (restart, failover, network): nothing was committed, so the client may retry.
    logger.warning("database unavailable: %s", type(exc).__name__)
    response = _reply(ProtocolError(ErrorCode.DATABASE_UNAVAILABLE, "the database is unavailable; retry"))
    response.headers["Retry-After"] = "2"
    return response


async def _on_unexpected(_request: Request, exc: Exception) -> JSONResponse:
    logger.exception("unexpected server error", exc_info=exc)
    return _reply(ProtocolError(ErrorCode.INTERNAL, "internal server error"))


def _openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                responses = operation.setdefault("responses", {})
                for status, spec in ERRORS.items():
                    responses[str(status)] = {
                        "description": spec["description"],
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorReply"}}},
                    }
        schema.get("components", {}).get("schemas", {}).pop("HTTPValidationError", None)
        schema.get("components", {}).get("schemas", {}).pop("ValidationError", None)
        app.openapi_schema = schema
    return app.openapi_schema


def create_app(settings: Settings, storage: Storage | None = None) -> FastAPI:
    """The server for `settings`; opens (and upgrades) the database unless a `storage` is given."""
    settings = settings.resolved()
    app = FastAPI(
        title="I.Am Desk sync server",
        version=APP_VERSION,
        description="Zero-knowledge store of encrypted case changes for the I.Am Desk network.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.storage = storage or open_storage(
        settings.database_url, max_blob_bytes=settings.max_blob_bytes, blob_chunk_bytes=settings.blob_chunk_bytes
    )
    app.state.limits = Limits(
        enrol=SlidingWindow(settings.enrol_per_minute), auth_failures=SlidingWindow(settings.auth_failures_per_minute)
    )
    for router in (meta.router, devices.router, log.router, cases.router, blobs.router, digest.router):
        app.include_router(router)
    app.add_exception_handler(ProtocolError, _on_protocol_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(OperationalError, _on_database_error)
    app.add_exception_handler(Exception, _on_unexpected)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(AccessLogMiddleware, enabled=settings.access_log)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory` and `iam-sync-server serve --workers K`: settings from `IAM_SYNC_*`."""
    return create_app(Settings.from_env())
