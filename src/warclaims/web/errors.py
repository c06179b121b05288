"""The one JSON error shape of the REST API: `WarclaimsError.to_dict()`, for every failure.

    {"ok": false, "error": "message", "errors": [{"code", "message", "hint", ...}], "status": 404}

Known failures of the core (bad category, bad date, empty input …) keep their own code and status;
FastAPI's and Starlette's own failures (404 route, 405 method, 422 validation) and the limits of this
module (413) are turned into the same shape, and an unexpected exception into a 500 with no traceback.
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..errors import WarclaimsError

log = logging.getLogger("warclaims.web")


class NotFound(WarclaimsError):
    code = "not_found"
    status = 404


class MethodNotAllowed(WarclaimsError):
    code = "method_not_allowed"
    status = 405


class PayloadTooLarge(WarclaimsError):
    code = "payload_too_large"
    status = 413


class InvalidRequest(WarclaimsError):
    """A parameter or body field failed validation (FastAPI's 422)."""

    code = "invalid"
    status = 422


class LedgerUnavailable(WarclaimsError):
    """The server runs without a ledger (no --db, or the store module is not installed)."""

    code = "no_ledger"
    status = 503


class InternalError(WarclaimsError):
    code = "internal"
    status = 500


def error_body(err: WarclaimsError, errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    body = err.to_dict()
    if errors:
        body["errors"] = errors
    return body


def error_response(err: WarclaimsError, errors: list[dict[str, Any]] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(err, errors), status_code=err.status, headers=headers)


_HTTP = {404: (NotFound, "no such page", "see /docs for the API and / for the dashboard"),
         405: (MethodNotAllowed, "method not allowed", "see /docs for the methods of each route"),
         413: (PayloadTooLarge, "request body too large", "send a smaller text")}


async def _warclaims(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, WarclaimsError)
    return error_response(exc)


async def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    cls, message, hint = _HTTP.get(exc.status_code, (WarclaimsError, str(exc.detail), None))
    if exc.status_code == 404 and request.url.path.startswith("/api/"):
        message = f"no API route {request.url.path}"
    elif exc.status_code == 405:
        message = f"{request.method} is not allowed on {request.url.path}"
        allow = (exc.headers or {}).get("Allow")
        if allow:
            hint = f"use {allow}"
    err = cls(message, hint=hint)
    if cls is WarclaimsError:
        err.status = exc.status_code
        err.code = "http_error"
    return error_response(err, headers=getattr(exc, "headers", None))


async def _validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = []
    for e in exc.errors():
        loc = [str(p) for p in e.get("loc", ()) if p not in ("body", "query", "path")] or ["request"]
        field = ".".join(loc)
        errors.append({"code": "invalid", "message": f"{field}: {e.get('msg', 'invalid')}",
                       "hint": _validation_hint(e), "field": field})
    first = errors[0]["message"] if errors else "invalid request"
    err = InvalidRequest(first, hint=errors[0]["hint"] if errors else None)
    return error_response(err, errors)


def _validation_hint(e: dict[str, Any]) -> str | None:
    kind = e.get("type", "")
    ctx = e.get("ctx") or {}
    if kind == "missing":
        return "this parameter is required; see /docs"
    if kind == "string_too_long":
        return f"at most {ctx.get('max_length')} characters"
    if kind in ("less_than_equal", "greater_than_equal", "greater_than", "less_than"):
        return "see /docs for the allowed range"
    if kind == "literal_error":
        return f"one of {ctx.get('expected')}"
    if kind == "json_invalid":
        return "send a JSON object, e.g. {\"text\": \"...\"}"
    return None


async def _internal(request: Request, exc: Exception) -> JSONResponse:
    log.exception("internal error on %s %s", request.method, request.url.path)
    err = InternalError(f"internal error: {type(exc).__name__}", hint="see the server log and report it")
    return error_response(err)


def install(app: FastAPI) -> None:
    app.add_exception_handler(WarclaimsError, _warclaims)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(Exception, _internal)
