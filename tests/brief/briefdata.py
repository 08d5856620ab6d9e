"""A small database for the briefing tests: hand-made articles, merged as `dateline run` does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dateline.merge import merge_document
from dateline.model import Document, Event, Evidence, Watch, content_id
from dateline.store import SQLiteStore

SCRIPT = '<script>alert("owned")</script>'
KRAMATORSK = {"location": "Kramatorsk", "admin1": "Donetsk", "country": "Ukraine",
              "iso3": "UKR", "latitude": 48.731, "longitude": 37.568}
GOMA = {"location": "Goma", "admin1": "Nord-Kivu", "country": "Democratic Republic of the Congo",
        "iso3": "COD", "latitude": -1.674, "longitude": 29.228}


def _event(article_id: str, key: str, text: str, **fields: Any) -> Event:
    values: dict[str, Any] = {
        "event_id": content_id(article_id + key), "event_date": "2024-03-14",
        "time_precision": 1, "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "actor1": "Military Forces of Russia (2000-)", "actor2": "Civilians (Ukraine)",
        "inter1": 8, "inter2": 7, "interaction": 78, "civilian_targeting": "Civilian targeting",
        "geo_precision": 1, "confidence": 0.8,
        "evidence": (Evidence(article_id, 0, len(text), text),), "article_ids": (article_id,),
        **KRAMATORSK,
    }
    values.update(fields)
    return Event(**values)


def _doc(name: str, published: str, events: list[tuple[str, str, dict[str, Any]]],
         outlet: str, watch: tuple[Watch, ...] = ()) -> Document:
    article_id = content_id(name)
    built = tuple(_event(article_id, key, text, **fields) for key, text, fields in events)
    body = " ".join(text for _, text, _ in events) + " " + " ".join(w.text for w in watch)
    return Document(id=article_id, raw_text=body, clean_text=body, published=published,
                    outlet=outlet, title=f"Report from {outlet}", events=built, watch=watch)


def documents() -> list[Document]:
    strike = "A missile hit the market in Kramatorsk, killing seven people."
    return [
        _doc("reuters", "2024-03-14", [("a", strike, {"fatalities": 7, "injured": 21})],
             "Reuters"),
        _doc("ledger", "2024-03-14", [("a", "Eight died in the Kramatorsk market strike. "
                                            + SCRIPT, {"fatalities": 8})],
             f"The Kyiv Ledger {SCRIPT}",
             watch=(Watch(0, 10, f"Allies meet next week in Ramstein {SCRIPT}.", "Minister",
                          "next week"),)),
        _doc("goma", "2024-03-14", [("p", "Police fired tear gas at marchers in Goma.", {
            "event_type": "Protests", "sub_event_type": "Protest with intervention",
            "disorder_type": "Demonstrations", "actor1": "Protesters (Democratic Republic of "
            "Congo)", "actor2": "Police Forces of the Democratic Republic of Congo (2019-)",
            "civilian_targeting": "", "injured": 9, **GOMA})], "Great Lakes Wire"),
        _doc("yesterday", "2024-03-14", [("y", "On Wednesday shells hit Goma's camp.", {
            "event_date": "2024-03-13", "actor1": "M23: March 23 Movement",
            "actor2": "Civilians (Democratic Republic of Congo)", "fatalities": 4, **GOMA})],
             "Goma Daily"),
        _doc("monday", "2024-03-11", [("m", "A missile hit Kramatorsk on Monday.", {
            "event_date": "2024-03-11", "fatalities": 2})], "Reuters"),
    ]


def build(path: Path) -> Path:
    with SQLiteStore(path) as store:
        for doc in documents():
            store.save_document(doc)
            merge_document(store, doc)
    return path
