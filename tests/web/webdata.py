"""Small databases for the web tests, written directly (no pipeline): three ordinary articles
with known events, and one hostile article whose text and event fields carry script payloads."""

from __future__ import annotations

from pathlib import Path

from dateline.model import Document, Edit, Entity, Event, Evidence, Place, content_id
from dateline.store import open_store

PAYLOAD_FLAG = "__pwned"
SCRIPT = f"<script>window.{PAYLOAD_FLAG}=1</script>"
IMG = f'<img src=x onerror="window.{PAYLOAD_FLAG}=1">'
SVG = f'<svg onload="window.{PAYLOAD_FLAG}=1"></svg>'
PAYLOADS = (SCRIPT, IMG, SVG)

ARTICLES = (
    ("2024-03-12", "Syria", "SYR", "Deir ez-Zor", "Baghuz", 34.45, 40.94, "Battles",
     "Armed clash", "SDF: Syrian Democratic Forces", "Islamic State (Syria)", 7, 0.9,
     "SDF fighters clashed with Islamic State militants in Baghuz on Tuesday, killing seven."),
    ("2024-03-14", "Ukraine", "UKR", "Donetsk", "Kramatorsk", 48.73, 37.56,
     "Explosions/Remote violence", "Shelling/artillery/missile attack",
     "Military Forces of Russia (2000-)", "Civilians (Ukraine)", 8, 0.8,
     "A Russian missile struck a market in Kramatorsk on Thursday, killing eight people."),
    ("2024-03-15", "Syria", "SYR", "Idlib", "Idlib", 35.93, 36.63, "Protests",
     "Peaceful protest", "Protesters (Syria)", "", 0, 0.6,
     "Hundreds of people protested peacefully in Idlib on Friday against HTS."),
)


def _document(index: int, row: tuple) -> Document:  # type: ignore[type-arg]
    (day, country, iso3, admin1, location, lat, lon, etype, sub, actor1, actor2, deaths,
     confidence, sentence) = row
    raw = f"{location.upper()} -  {sentence}\n\nMore later.\n"
    clean = f"{location.upper()} - {sentence}\n\nMore later.\n"
    article_id = content_id(raw)
    start = clean.index(sentence)
    edit_at = clean.index(" - ") + 3
    event = Event(
        event_id=f"EV{index}", event_date=day, time_precision=1, disorder_type="Political violence",
        event_type=etype, sub_event_type=sub, actor1=actor1, actor2=actor2, country=country,
        iso3=iso3, admin1=admin1, location=location, latitude=lat, longitude=lon,
        fatalities=deaths, confidence=confidence, source="Test Wire",
        notes=f"On {day}, {sentence}",
        evidence=(Evidence(article_id, start, start + len(sentence), sentence,
                           ("event_type", "location")),),
        article_ids=(article_id,),
    )
    return Document(
        id=article_id, raw_text=raw, origin=f"test:{index}", title=f"{location} report",
        published=day, outlet="Test Wire", url=f"https://example.org/{index}", clean_text=clean,
        edits=(Edit(edit_at - 1, edit_at, edit_at - 1, edit_at + 1, "  ", " ", "whitespace"),),
        entities=(Entity(start, start + 3, sentence[:3], "ORG", actor1),),
        places=(Place(0, len(location), location.upper(), location, country, admin1, lat, lon),),
        events=(event,),
    )


def hostile_document() -> Document:
    """An article whose title, text, evidence and event fields carry payloads that would set
    ``window.__pwned`` if any of them were ever interpreted as markup."""
    text = (f"ALEPPO - {SCRIPT} Shelling hit Aleppo {IMG} on Monday, killing two. {SVG} "
            "Witnesses said the strike came at night.\n")
    start = text.index("Shelling")
    end = text.index("two.") + 4
    article_id = content_id(text)
    event = Event(
        event_id=f"XSS{IMG}", event_date="2024-03-11", time_precision=1,
        disorder_type="Political violence", event_type="Explosions/Remote violence",
        sub_event_type=f"Shelling{IMG}", actor1=f"Actor {SCRIPT}", actor2=f"Other {IMG}",
        country=f"Syria{IMG}", iso3="SYR", admin1=f"Aleppo{SVG}", location=f"Aleppo {SCRIPT}",
        latitude=36.2, longitude=37.16, fatalities=2, confidence=0.7, source=f"Wire {IMG}",
        notes=f"Notes {SCRIPT}{IMG}",
        evidence=(Evidence(article_id, start, end, text[start:end]),), article_ids=(article_id,),
    )
    return Document(
        id=article_id, raw_text=text, origin="hostile", title=f"Title {SCRIPT}{IMG}",
        published="2024-03-11", outlet=f"Outlet {IMG}", url=f"javascript:window.{PAYLOAD_FLAG}=1",
        clean_text=text,
        edits=(Edit(0, 6, 0, 6, f"before {IMG}", "ALEPPO", f"rule {SCRIPT}"),),
        events=(event,),
    )


def sample_documents() -> list[Document]:
    return [_document(i + 1, row) for i, row in enumerate(ARTICLES)]


def build_db(path: Path, hostile: bool = False) -> Path:
    with open_store(path) as store:
        for doc in sample_documents() + ([hostile_document()] if hostile else []):
            store.save_document(doc)
    return path
