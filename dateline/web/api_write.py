"""The write side: ``POST /api/articles`` with ``Authorization: Bearer TOKEN``."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from dateline.web import schemas
from dateline.web.errors import ApiError, error_responses
from dateline.web.queries import IsoDate
from dateline.web.state import WebState, web_state
from dateline.web.writer import PostedBody

router = APIRouter(prefix="/api", tags=["write"])

bearer = HTTPBearer(auto_error=False, description="The token given to `dateline serve` with "
                    "--token or DATELINE_TOKEN.")

_TEXT = {"schema": {"type": "string"}}
BODY_DOC: dict[str, Any] = {"requestBody": {"required": True, "content": {
    "text/plain": _TEXT, "text/html": _TEXT, "application/x-ndjson": _TEXT,
    "application/jsonl": _TEXT, "application/json": {"schema": {"type": "object"}},
}}}
_EXTENSIONS = {"text/html": ".html", "application/xhtml+xml": ".html",
               "application/x-ndjson": ".jsonl", "application/jsonl": ".jsonl",
               "application/json": ".json", "text/csv": ".csv"}
_TOKEN_HINT = "send the server's token as 'Authorization: Bearer TOKEN'"


def require_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """Refuse the request unless it carries the token (compared in constant time)."""
    expected = web_state(request).token
    if not expected:
        raise ApiError(403, "writing is off: this server was started without a token",
                       "restart it with `dateline serve --token TOKEN` (or DATELINE_TOKEN set)")
    given = credentials.credentials if credentials else ""
    if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        message = "wrong token" if credentials else "this endpoint needs a token"
        raise ApiError(401, message, _TOKEN_HINT, headers={"WWW-Authenticate": "Bearer"})


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 past ``limit`` bytes (before reading, when the
    client says its length)."""
    too_large = ApiError(413, f"the body is larger than {limit} bytes",
                         "send fewer articles per request, or restart the server with a larger "
                         "--max-bytes")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def _origin(request: Request, name: str | None) -> str:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    extension = _EXTENSIONS.get(media, ".txt")
    return f"post:{name or 'body'}{'' if name and '.' in name else extension}"


@router.post("/articles", response_model=schemas.PostResult, openapi_extra=BODY_DOC,
             dependencies=[Depends(require_token)],
             responses=error_responses(401, 403, 413, 422, 503),
             summary="Add articles (text, HTML or JSON Lines) to the database")
async def post_articles(
    request: Request,
    published: Annotated[IsoDate | None, Query(description="Publication date for articles that "
                                                        "do not carry one.")] = None,
    source: Annotated[str | None, Query(max_length=200, description="Outlet.")] = None,
    title: Annotated[str | None, Query(max_length=500)] = None,
    url: Annotated[str | None, Query(max_length=2000)] = None,
    name: Annotated[str | None, Query(max_length=100, pattern=r"^[\w.-]+$",
                                      description="Names the body in the run's outcomes.")]
    = None,
) -> JSONResponse:
    """Process the body like `dateline run` does (format detected from the content: plain text,
    HTML, JSON Lines records `{"text" | "html", "url", "title", "published", ...}`) and store
    the articles and their events. Articles already stored are skipped, and their events listed.
    Answers with every input's outcome; 422 when nothing in the body could be read."""
    state: WebState = web_state(request)
    data = await read_body(request, state.options.max_body_bytes)
    if not data.strip():
        raise ApiError(422, "the body is empty",
                       "send the article as text/plain, text/html or JSON Lines")
    defaults = {key: value for key, value in (
        ("published", published.isoformat() if published else None), ("source", source),
        ("title", title), ("url", url)) if value}
    body = PostedBody(data, _origin(request, name), state.options.max_body_bytes, defaults)
    result = await run_in_threadpool(state.writer.process, state.db_path, body)
    counts = result["counts"]
    if counts["processed"] + counts["skipped"] == 0:
        reasons = "; ".join(o["reason"] for o in result["outcomes"][:3])
        raise ApiError(422, f"nothing in the body could be processed: {reasons}",
                       "send plain text, HTML, or JSON Lines records with a 'text' or 'html' "
                       "field")
    return JSONResponse(result)
