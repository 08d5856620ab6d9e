"""The day's briefing (:mod:`dateline.brief`): its page at /brief and its record at /api/brief.

The page is the briefing module's self-contained HTML (one inline stylesheet, no scripts); it
is sent with the same Content-Security-Policy as every page, except that the stylesheet is
allowed by its SHA-256 hash."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from dateline.model import Briefing, to_dict
from dateline.store import MergeStore, Store
from dateline.web.errors import ApiError, error_responses
from dateline.web.queries import IsoDate
from dateline.web.security import CONTENT_SECURITY_POLICY
from dateline.web.state import web_state

router = APIRouter(tags=["read"])
FIRST_YEAR, LAST_YEAR = 1900, 2100  # days outside have no briefing (404)
_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)

Day = Annotated[IsoDate | None, Query(
    alias="date", description="The day, YYYY-MM-DD (default: the latest day with events).")]


def _briefing(request: Request, day: dt.date | None) -> Briefing:
    from dateline.brief import build_feed

    if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ApiError(404, f"no briefing for {day.isoformat()}",
                       f"briefings cover {FIRST_YEAR} to {LAST_YEAR}; pick a day with events")
    with web_state(request).store() as store:
        if not isinstance(store, MergeStore):
            raise ApiError(503, "this store cannot answer briefing queries",
                           "serve a SQLite database")
        chosen = day.isoformat() if day else _latest_day(store)
        return build_feed(store, chosen, days=1)[0]


def _latest_day(store: Store) -> str:
    days = store.tally(("event_date",))
    return str(days[-1]["event_date"]) if days else dt.datetime.now(dt.UTC).date().isoformat()


@router.get("/api/brief", response_model=Briefing, responses=error_responses(404, 422, 503),
            summary="The briefing of a day")
def brief_record(request: Request, day: Day = None) -> JSONResponse:
    """What happened on the day (by country, most severe first, with sources and story), the
    numbers against the seven days before, and what to watch."""
    return JSONResponse(to_dict(_briefing(request, day)))


@router.get("/brief", response_class=HTMLResponse, include_in_schema=False)
def brief_page(request: Request, day: Day = None) -> Response:
    from dateline.brief import render

    html = render([_briefing(request, day)], "html")
    hashes = " ".join(f"'sha256-{_digest(style)}'" for style in _STYLE.findall(html))
    policy = CONTENT_SECURITY_POLICY.replace("style-src 'self'", f"style-src 'self' {hashes}")
    return HTMLResponse(html, headers={"Content-Security-Policy": policy})


def _digest(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
