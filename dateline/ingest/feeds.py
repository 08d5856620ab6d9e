"""RSS and Atom feeds, parsed from bytes by feedparser (so it never touches the network)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Literal

import feedparser

from dateline.errors import MalformedInputError
from dateline.model import Outcome, RawDoc

_MARKUP = re.compile(r"<[A-Za-z!/][^>]*>")
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


def read_feed(data: bytes, origin: str) -> Iterator[RawDoc | Outcome]:
    """One RawDoc per item/entry (origins ``origin:item N``); ``source`` is the feed title."""
    # Raw bytes are never taken for a URL; markup is kept as published for the cleaner.
    try:
        parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    except (ValueError, LookupError) as exc:  # feedparser trips on some broken declarations
        raise MalformedInputError(
            f"malformed feed, it cannot be parsed ({type(exc).__name__}: {exc})",
            "check the XML declaration and that the file is a complete RSS or Atom document",
        ) from exc
    if not parsed.entries:
        if parsed.get("bozo"):
            raise MalformedInputError(
                f"malformed feed, no item could be read ({parsed.get('bozo_exception')})",
                "check that the file is a complete RSS or Atom document",
            )
        yield Outcome(origin, "skipped", "feed has no items (nothing to read)")
        return
    feed = parsed.get("feed", {})
    problem = str(parsed.get("bozo_exception")) if parsed.get("bozo") else None
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{origin}:item {number}"
        body = _entry_body(entry)
        if body.strip():
            yield _entry_doc(entry, body, where, feed, parsed.get("encoding"))
        elif problem:
            reason = f"malformed feed, this item could not be read ({problem})"
            yield Outcome(where, "quarantined", f"{reason}; check the feed is complete")
        else:
            yield Outcome(
                where,
                "skipped",
                "feed item has no content or description, only a title or link "
                "(fetch the page and pass its HTML)",
            )


def _entry_doc(entry: Any, body: str, where: str, feed: Any, encoding: str | None) -> RawDoc:
    kind: Literal["text", "html"] = "html" if _MARKUP.search(body) else "text"
    return RawDoc(
        text=body,
        kind=kind,
        origin=where,
        id=_text(entry.get("id")),
        url=_text(entry.get("link")),
        title=_text(entry.get("title")),
        published=feed_date(entry),
        source=_text(feed.get("title")),
        language=_text(entry.get("language") or feed.get("language")),
        encoding=encoding,
    )


def _entry_body(entry: Any) -> str:
    """The fullest body an entry has: content (content:encoded, Atom content), else summary."""
    for content in entry.get("content") or ():
        value = content.get("value")
        if isinstance(value, str) and value.strip():
            return value
    summary = entry.get("summary")
    return summary if isinstance(summary, str) else ""


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def feed_date(entry: Any) -> str | None:
    """The entry's publication (else update) time in ISO 8601, keeping the feed's UTC offset;
    ``YYYY-MM-DD`` when the feed gives a date only."""
    raw = _text(entry.get("published") or entry.get("updated"))
    if raw is None:
        return None
    if _DATE_ONLY.fullmatch(raw):
        return raw
    for parse in (parsedate_to_datetime, datetime.fromisoformat):
        try:
            return parse(raw.replace("Z", "+00:00")).isoformat()
        except (TypeError, ValueError, IndexError):
            continue
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    year, month, day, hour, minute, second = parsed[:6]
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC).isoformat()
