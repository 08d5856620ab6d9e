"""Main text and metadata of a web page.

The text comes from trafilatura in its precision mode, which leaves out the teasers of other
articles, share bars and "most read" lists that news pages carry around their story (on the
article extraction benchmark it scores higher F1 than trafilatura's default, see
bench/README.md). When that text is short and trafilatura's default mode finds at least twice as
much, the default text is taken (precision mode sometimes drops a whole short article); when both
find nothing, trafilatura's recall mode is tried (and its text kept when it is more than a menu).
The metadata the page declares (JSON-LD, meta tags, see :mod:`dateline.clean.metadata`) is
preferred to what trafilatura infers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import trafilatura
from lxml.html import HtmlElement

from dateline.clean.metadata import PageMeta, read_metadata
from dateline.errors import MalformedInputError

FALLBACK_CHARS = 2000  # a precision-mode text shorter than this is compared with the default mode
FALLBACK_RATIO = 0.5  # ... and replaced when it is shorter than this share of the default text
RECALL_MIN_WORDS = 15  # what recall mode finds on a page the other modes find empty, at least
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# Inline quotations (<q>) lose their quotation marks in trafilatura's text; put them back.
_Q_OPEN = re.compile(r"<q(?:\s[^>]*)?>", re.I)
_Q_CLOSE = re.compile(r"</q\s*>", re.I)
_Q_CLOSE_GLUED = re.compile(r"</q\s*>(?=[^\W\d_])", re.I)  # '</q>said': the space was lost


@dataclass(frozen=True)
class PageText:
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    extractor: str = "trafilatura-precision"


def _inline_quotes(html: str) -> str:
    if "<q" not in html and "<Q" not in html:
        return html
    html = _Q_OPEN.sub("“", html)
    return _Q_CLOSE.sub("”", _Q_CLOSE_GLUED.sub("” ", html))


def _extract(html: str | HtmlElement, url: str | None, **options: Any) -> dict[str, Any]:
    try:
        extracted = trafilatura.bare_extraction(
            html, url=url, include_comments=False, date_extraction_params=_DATE_PARAMS, **options)
    except (ValueError, RecursionError, TypeError) as exc:
        raise MalformedInputError(
            f"the page could not be parsed ({type(exc).__name__})",
            "check that the file is a complete HTML page",
        ) from exc
    if isinstance(extracted, dict):
        return extracted
    return extracted.as_dict() if extracted is not None else {}


def _paragraphs(result: dict[str, Any]) -> str:
    text = result.get("text") or ""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _parse(html: str) -> HtmlElement | None:
    try:
        tree = trafilatura.load_html(html)
    except (ValueError, RecursionError, TypeError):
        return None
    return tree if isinstance(tree, HtmlElement) else None


def main_text(html: str, url: str | None) -> tuple[str, dict[str, Any], str]:
    """The article's text, trafilatura's metadata and the name of the mode that found it."""
    result = _extract(html, url, favor_precision=True, with_metadata=True)
    text, mode = _paragraphs(result), "trafilatura-precision"
    if len(text) < FALLBACK_CHARS:
        default = _paragraphs(_extract(html, url))
        if len(text) < FALLBACK_RATIO * len(default):
            text, mode = default, "trafilatura"
    if not text:
        recall = _paragraphs(_extract(html, url, favor_recall=True))
        if len(recall.split()) >= RECALL_MIN_WORDS:  # not a menu or a cookie notice
            text, mode = recall, "trafilatura-recall"
    return text, result, mode


def extract_page(html: str, url: str | None = None) -> PageText:
    """The article of ``html`` as text with blank lines between paragraphs, and its metadata."""
    html = _inline_quotes(html)
    tree = _parse(html)
    declared = read_metadata(tree) if tree is not None else PageMeta()
    text, result, mode = main_text(html, url)
    if not text:
        raise MalformedInputError(
            "no article text found in the page",
            "the page may be an index, a paywall or a script-rendered app; pass the article text",
        )
    return PageText(
        text=text,
        title=declared.title or result.get("title"),
        author="; ".join(declared.authors) or result.get("author"),
        published=declared.published or result.get("date") or None,
        outlet=declared.outlet or result.get("sitename") or result.get("hostname"),
        url=url or declared.url or result.get("url"),
        language=declared.language or result.get("language"),
        extractor=mode,
    )
