"""Main text and metadata of a web page, with trafilatura (issue "Clean" deepens this)."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from dateline.errors import MalformedInputError


@dataclass(frozen=True)
class PageText:
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None


def extract_page(html: str, url: str | None = None) -> PageText:
    """The article of ``html`` as text with blank lines between paragraphs, and its metadata."""
    try:
        extracted = trafilatura.bare_extraction(
            html, url=url, include_comments=False, with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
        result = extracted.as_dict() if extracted is not None else None
    except (ValueError, RecursionError, TypeError) as exc:
        raise MalformedInputError(
            f"the page could not be parsed ({type(exc).__name__})",
            "check that the file is a complete HTML page",
        ) from exc
    if not isinstance(result, dict) or not (result.get("text") or "").strip():
        raise MalformedInputError(
            "no article text found in the page",
            "the page may be an index, a paywall or a script-rendered app; pass the article text",
        )
    text = "\n\n".join(line.strip() for line in result["text"].splitlines() if line.strip())
    return PageText(
        text=text,
        title=result.get("title"),
        author=result.get("author"),
        published=(result.get("date") or None),
        outlet=result.get("sitename") or result.get("hostname"),
        url=result.get("url") or url,
        language=result.get("language"),
    )
