"""One error shape for the whole API, and the handlers that produce it.

Every error the server sends is ``{"error": {"status", "code", "message", "hint", "details"}}``:
``message`` says what went wrong and ``hint`` what to do about it. A browser asking for a page
gets the same message as an HTML page.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from dateline.errors import DatelineError, NotFoundError, StoreError
from dateline.store import describe_location

log = logging.getLogger("dateline.web")

API_HINT = "GET /openapi.json describes every endpoint and parameter"
_STATUS_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                 405: "method_not_allowed", 406: "not_acceptable", 413: "too_large",
                 415: "unsupported_media_type", 422: "invalid_request",
                 500: "internal_error", 503: "unavailable"}


class ErrorDetail(BaseModel):
    parameter: str
    problem: str


class ErrorInfo(BaseModel):
    status: int
    code: str
    message: str
    hint: str
    details: list[ErrorDetail] = []


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorInfo


class ApiError(Exception):
    """An error to send as the JSON error shape (raise it from a route)."""

    def __init__(self, status: int, message: str, hint: str, *, code: str = "",
                 details: Sequence[ErrorDetail] = (), headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code or _STATUS_CODES.get(status, "error")
        self.message = message
        self.hint = hint
        self.details = list(details)
        self.headers = headers or {}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses`` entry documenting these error statuses with :class:`ErrorBody`."""
    return {status: {"model": ErrorBody, "description": _STATUS_CODES.get(status, "error")}
            for status in statuses}


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith(("/api/", "/static/")) or path == "/openapi.json":
        return False
    return "text/html" in request.headers.get("accept", "")


def _send(request: Request, error: ApiError) -> Response:
    if _wants_html(request):
        return _html_page(request, error)
    info = ErrorInfo(status=error.status, code=error.code, message=error.message,
                     hint=error.hint, details=error.details)
    return JSONResponse(ErrorBody(error=info).model_dump(), status_code=error.status,
                        headers=error.headers)


def _html_page(request: Request, error: ApiError) -> Response:
    templates = getattr(request.app.state, "templates", None)
    if templates is None:
        return HTMLResponse(status_code=error.status)
    return templates.TemplateResponse(
        request, "error.html", {"error": error}, status_code=error.status, headers=error.headers)


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return _send(request, exc)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    details = [ErrorDetail(parameter=".".join(str(p) for p in err.get("loc", ())[1:]) or "body",
                           problem=str(err.get("msg", "invalid")))
               for err in exc.errors()]
    names = ", ".join(sorted({d.parameter for d in details})) or "the request"
    return _send(request, ApiError(
        422, f"invalid {names}: " + "; ".join(d.problem for d in details),
        f"fix the parameter and send the request again; {API_HINT}", details=details))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 404:
        error = ApiError(404, f"nothing at {request.url.path}",
                         f"the dashboard is at /, the API under /api/; {API_HINT}")
    elif exc.status_code == 405:
        error = ApiError(405, f"{request.method} is not allowed on {request.url.path}",
                         f"use the method the endpoint documents; {API_HINT}")
    else:
        error = ApiError(exc.status_code, str(exc.detail), API_HINT)
    headers = dict(exc.headers or {})
    error.headers.update(headers)
    return _send(request, error)


def _public(message: str, request: Request) -> str:
    """``message`` without the server's database path."""
    state = getattr(request.app.state, "web", None)
    if state is None:
        return message
    for shown in (repr(state.db_path), state.db_path, describe_location(state.db_path)):
        message = message.replace(shown, "this database")
    return message


async def _dateline_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, DatelineError)
    message = _public(exc.message, request)
    if isinstance(exc, NotFoundError):
        hint = ("GET /api/events lists the stored events; an event's article_ids name its "
                "articles" if request.url.path.startswith("/api/")
                else "open the dashboard at / and pick an event")
        return _send(request, ApiError(404, message, hint))
    status = 503 if isinstance(exc, StoreError) else 500
    log.error("request %s failed: %s", request.url.path, exc)
    return _send(request, ApiError(status, message, _public(exc.hint, request) or "retry later"))


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return _send(request, ApiError(
        500, f"unexpected server error ({type(exc).__name__})",
        "this is a bug in dateline: please report it with the request that caused it"))


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(DatelineError, _dateline_error)
    app.add_exception_handler(Exception, _unexpected)
