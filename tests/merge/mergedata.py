"""Small hand-made articles and events for the merge tests (no spaCy needed)."""

from __future__ import annotations

import dataclasses
from typing import Any

from dateline.merge import MergeResult, merge_document
from dateline.model import Document, Event, Evidence, content_id
from dateline.store import SQLiteStore

KRAMATORSK = {"location": "Kramatorsk", "admin1": "Donetsk", "country": "Ukraine",
              "iso3": "UKR", "latitude": 48.731, "longitude": 37.568, "geo_precision": 1}
GOMA = {"location": "Goma", "admin1": "Nord-Kivu", "country": "Democratic Republic of the Congo",
        "iso3": "COD", "latitude": -1.674, "longitude": 29.228, "geo_precision": 1}
STRIKE = "A Russian missile struck the central market of Kramatorsk on Wednesday evening."


def event(article_id: str, key: str = "a", text: str = STRIKE, **changes: Any) -> Event:
    """A missile strike on Kramatorsk market as one article's coder read it."""
    fields: dict[str, Any] = {
        "event_id": content_id(f"{article_id}|{key}"), "event_date": "2024-03-13",
        "time_precision": 1, "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "actor1": "Military Forces of Russia (2000-)", "inter1": 8,
        "actor2": "Civilians (Ukraine)", "inter2": 7, "interaction": 78,
        "civilian_targeting": "Civilian targeting", "source": "Outlet " + article_id[:4],
        "fatalities": 7, "injured": 21, "confidence": 0.8,
        "evidence": (Evidence(article_id, 0, len(text), text),), "article_ids": (article_id,),
        **KRAMATORSK,
    }
    fields.update(changes)
    return Event(**fields)


def document(name: str, *events_of: Any, text: str | None = None,
             published: str = "2024-03-14") -> Document:
    """An article named ``name`` whose events are built by ``events_of`` (callables taking
    the article id) and whose clean text is ``text`` (by default, its evidence)."""
    article_id = content_id(name)
    events = tuple(make(article_id) for make in events_of)
    body = text if text is not None else " ".join(ev.text for e in events for ev in e.evidence)
    return Document(id=article_id, raw_text=body, clean_text=body, published=published,
                    outlet=f"Outlet {name}", title=f"Title {name}", events=events)


def rebased(doc: Document, new_id: str) -> Document:
    """The same article under another id (a copy): its events and evidence move with it."""
    events = tuple(dataclasses.replace(
        e, event_id=content_id(f"{new_id}|{e.event_id}"), article_ids=(new_id,),
        evidence=tuple(dataclasses.replace(ev, article_id=new_id) for ev in e.evidence))
        for e in doc.events)
    return dataclasses.replace(doc, id=new_id, events=events)


def save_and_merge(store: SQLiteStore, doc: Document) -> MergeResult:
    """What ``dateline run`` does with a processed article: store it, then merge it."""
    store.save_document(doc)
    return merge_document(store, doc)


def snapshot(store: SQLiteStore) -> dict[str, list[tuple[Any, ...]]]:
    """Every merge-related row, timestamps left out (to compare before and after)."""
    tables = {
        "events": "SELECT * FROM events", "evidence": "SELECT * FROM evidence",
        "event_reports": "SELECT * FROM event_reports", "stories": "SELECT * FROM story_events",
        "duplicates": "SELECT * FROM article_duplicates",
    }
    out = {}
    for name, sql in tables.items():
        rows = store._conn.execute(sql).fetchall()
        out[name] = sorted(tuple(v for k, v in zip(row.keys(), row, strict=True)
                                 if k not in ("created_at", "updated_at")) for row in rows)
    return out
