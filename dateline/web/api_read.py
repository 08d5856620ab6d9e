"""The read side of the JSON API: events (JSON, GeoJSON, ACLED CSV), one event with its
evidence and sources, one article, counts, status. Reading needs no token."""

from __future__ import annotations

import io
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from dateline import __version__
from dateline.errors import NotFoundError
from dateline.export import write_acled_csv, write_geojson
from dateline.model import Event, to_dict
from dateline.store import EventQuery, MergeStore, Store
from dateline.web import schemas
from dateline.web.errors import ApiError, error_responses
from dateline.web.queries import (
    COUNT_COLUMNS,
    DEFAULT_LIMIT,
    MAX_LIMIT,
    CountKey,
    FormatParam,
    SortParam,
    event_filters,
    with_page,
)
from dateline.web.state import web_state

router = APIRouter(prefix="/api", tags=["read"])

Filters = Annotated[EventQuery, Depends(event_filters)]
Identifier = Annotated[str, Path(min_length=1, max_length=200)]

_EVENT_FORMATS: dict[int | str, dict[str, Any]] = {
    200: {"model": schemas.EventPage, "description": "The page of events, in `format`.",
          "content": {"application/geo+json": {"schema": {"type": "object"}},
                      "text/csv": {"schema": {"type": "string"}}}},
    **error_responses(422, 503),
}


@router.get("/events", responses=_EVENT_FORMATS, summary="List events, filtered")
def list_events(
    request: Request,
    filters: Filters,
    sort: Annotated[SortParam, Query(description="Sort key; '-' first for descending.")]
    = "event_date",
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
    fmt: Annotated[FormatParam, Query(alias="format")] = "json",
) -> Response:
    """Stored events matching every filter given, a page at a time (`limit`, `offset`).

    `format=json` (default) gives `{total, limit, offset, next, events}`; `geojson` a
    FeatureCollection of the events with coordinates; `acled-csv` ACLED's columns. Every format
    sends the number of matching events in the `X-Total-Count` header."""
    query = with_page(filters, sort, limit, offset)
    with web_state(request).store() as store:
        total = store.count_events(query)
        events = store.events(query) if offset < total else []
    headers = {"X-Total-Count": str(total)}
    if fmt == "geojson":
        return _text(events, write_geojson, "application/geo+json", headers)
    if fmt == "acled-csv":
        headers["Content-Disposition"] = 'attachment; filename="dateline-events.csv"'
        return _text(events, write_acled_csv, "text/csv; charset=utf-8", headers)
    following = offset + limit
    next_url = None
    if following < total:
        url = request.url.include_query_params(offset=following)
        next_url = f"{url.path}?{url.query}"
    body = {"total": total, "limit": limit, "offset": offset, "next": next_url,
            "events": [to_dict(event) for event in events]}
    return JSONResponse(body, headers=headers)


def _text(events: list[Event], writer: Any, media_type: str, headers: dict[str, str]
          ) -> Response:
    out = io.StringIO()
    result = writer(events, out)
    if result.skipped:
        headers["X-Without-Coordinates"] = str(result.skipped)
    return Response(out.getvalue(), media_type=media_type, headers=headers)


@router.get("/events/{event_id}", response_model=schemas.EventDetail,
            responses=error_responses(404, 422, 503), summary="One event, its evidence and sources")
def get_event(request: Request, event_id: Identifier) -> JSONResponse:
    """The event record, and for each article it cites: the article's title, outlet, date and
    address, and the evidence (offsets into the article's clean text)."""
    with web_state(request).store() as store:
        event = store.get_event(event_id)
        sources = [_source(store, article_id, event) for article_id in cited_articles(event)]
        story = story_of(store, event_id)
    return JSONResponse({"event": to_dict(event), "sources": sources, "story_id": story})


def story_of(store: Store, event_id: str) -> str | None:
    """The story thread the event belongs to, if the store keeps stories and it has one."""
    if not isinstance(store, MergeStore):
        return None
    return store.stories_of([event_id]).get(event_id)


@router.get("/stories/{story_id}", response_model=schemas.Story,
            responses=error_responses(404, 422, 503), summary="One story thread")
def get_story(request: Request, story_id: Identifier) -> JSONResponse:
    """The events that cross-article merging linked into one story (the same fighting,
    reported over several days), by date."""
    with web_state(request).store() as store:
        members = store.story_members([story_id]).get(story_id, []) if isinstance(
            store, MergeStore) else []
        events = [to_dict(store.get_event(event_id)) for _, event_id in members]
    if not events:
        raise ApiError(404, f"no story {story_id!r}",
                       "GET /api/events/{event_id} gives an event's story_id")
    return JSONResponse({"story_id": story_id, "events": events})


def cited_articles(event: Event) -> list[str]:
    """The ids of the articles an event cites, in order, each once."""
    return list(dict.fromkeys([*event.article_ids, *(e.article_id for e in event.evidence)]))


def _source(store: Store, article_id: str, event: Event) -> dict[str, Any]:
    evidence = [to_dict(e) for e in event.evidence if e.article_id == article_id]
    try:
        article = store.article(article_id)
    except NotFoundError:
        return {"article_id": article_id, "stored": False, "evidence": evidence}
    fields = ("title", "url", "outlet", "agency", "published")
    return {"article_id": article_id, "stored": True, **{k: article[k] for k in fields},
            "evidence": evidence}


@router.get("/articles/{article_id}", response_model=schemas.Article,
            responses=error_responses(404, 422, 503), summary="One article with its annotations")
def get_article(request: Request, article_id: Identifier) -> JSONResponse:
    """The stored article: raw and clean text, the cleaner's edits (clean offsets and raw
    offsets), every annotation as spans of the clean text, and the events that cite it."""
    with web_state(request).store() as store:
        return JSONResponse(store.article(article_id))


@router.get("/counts", response_model=schemas.Counts, responses=error_responses(422, 503),
            summary="Events counted by day, type, country...")
def count_events(
    request: Request,
    filters: Filters,
    by: Annotated[list[CountKey], Query(min_length=1, max_length=3,
                                        description="One to three keys, e.g. by=day&by=type.")]
    = ["day"],  # noqa: B006 (FastAPI copies defaults)
) -> JSONResponse:
    """Matching events grouped by the `by` keys (repeat it: `by=day&by=type` is the timeline),
    with the count and the sum of fatalities of each group."""
    keys = list(dict.fromkeys(by))
    columns = tuple(COUNT_COLUMNS[key] for key in keys)
    with web_state(request).store() as store:
        groups = store.tally(columns, filters)
    rows = [{**{key: group[column] for key, column in zip(keys, columns, strict=True)},
             "count": group["count"], "fatalities": group["fatalities"]} for group in groups]
    return JSONResponse({"by": keys, "total": sum(row["count"] for row in rows), "rows": rows})


@router.get("/status", response_model=schemas.Status, responses=error_responses(503),
            summary="Version, whether writing is on, rows per table")
def status(request: Request) -> JSONResponse:
    state = web_state(request)
    with state.store() as store:
        counts = store.counts()
    return JSONResponse({"version": __version__, "writing": bool(state.token), "counts": counts})
