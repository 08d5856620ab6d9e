"""The dashboard's HTML pages, rendered by Jinja2 with autoescaping: the map page, one event
with its articles and the evidence highlighted, one article."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

import jinja2
from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from dateline.errors import NotFoundError
from dateline.model import Event, to_dict
from dateline.store import MergeStore, Store
from dateline.web.api_read import cited_articles
from dateline.web.highlight import segments
from dateline.web.state import web_state

TEMPLATES_DIR = Path(__file__).with_name("templates")
router = APIRouter(include_in_schema=False)
Identifier = Annotated[str, PathParam(min_length=1, max_length=200)]

# Event fields shown on the event page, in order.
EVENT_FIELDS = (
    "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "country", "iso3", "admin1", "admin2", "location", "latitude",
    "longitude", "geo_precision", "geonames_id", "source", "notes", "fatalities", "injured",
    "displaced", "confidence", "sources_count",
)


def web_url(value: object) -> str | None:
    """``value`` if it is an http(s) address (the only kind a page links to), else None."""
    if not isinstance(value, str):
        return None
    try:
        scheme = urlsplit(value.strip()).scheme.lower()
    except ValueError:
        return None
    return value.strip() if scheme in ("http", "https") else None


def make_templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR), autoescape=True,
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["web_url"] = web_url
    return Jinja2Templates(env=env)


def _templates(request: Request) -> Jinja2Templates:
    templates: Jinja2Templates = request.app.state.templates
    return templates


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request) -> Response:
    return _templates(request).TemplateResponse(request, "dashboard.html", {})


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: Identifier) -> Response:
    with web_state(request).store() as store:
        event = store.get_event(event_id)
        sources = [_article_view(store, article_id, _spans(event, article_id))
                   for article_id in cited_articles(event)]
        story = _story(store, event_id)
    fields = [(name, getattr(event, name)) for name in EVENT_FIELDS]
    return _templates(request).TemplateResponse(
        request, "event.html",
        {"event": to_dict(event), "fields": fields, "sources": sources, "story": story})


def _story(store: Store, event_id: str) -> list[tuple[str, str]]:
    """The (date, event id) of every event in the event's story thread; empty if none."""
    if not isinstance(store, MergeStore):
        return []
    story_id = store.stories_of([event_id]).get(event_id)
    return store.story_members([story_id]).get(story_id, []) if story_id else []


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: Identifier) -> Response:
    with web_state(request).store() as store:
        view = _article_view(store, article_id, None)
    if not view["stored"]:
        raise NotFoundError(f"no article {article_id!r} in this database",
                            "open the dashboard at / and pick an event")
    return _templates(request).TemplateResponse(request, "article.html", {"source": view})


def _spans(event: Event, article_id: str) -> list[tuple[int, int]]:
    return [(e.start, e.end) for e in event.evidence if e.article_id == article_id]


def _article_view(store: Store, article_id: str, spans: list[tuple[int, int]] | None
                  ) -> dict[str, Any]:
    """An article ready for the template; ``spans`` None highlights every event's evidence."""
    try:
        article = store.article(article_id)
    except NotFoundError:
        return {"article_id": article_id, "stored": False}
    if spans is None:
        spans = [(ev["start"], ev["end"]) for event in article["events"]
                 for ev in event["evidence"] if ev["article_id"] == article_id]
    return {
        "article_id": article_id, "stored": True, "article": article,
        "segments": segments(article["clean_text"], spans, article["edits"]),
        "evidence_count": len(spans),
    }
