"""Metadata a web page declares about itself: JSON-LD (schema.org ``NewsArticle`` and kin), Open
Graph and other ``<meta>`` tags, ``<link rel="canonical">`` and ``<html lang>``.

What a page declares is preferred to what an extractor guesses from its layout: the JSON-LD
``headline`` or ``og:title`` carries no " | Outlet" suffix, ``datePublished`` is the publication
date and not the date of the last comment. Every value is optional; a page without any gets an
empty :class:`PageMeta`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement

ARTICLE_TYPES = frozenset({"newsarticle", "article", "reportagenews", "analysisnewsarticle",
                           "backgroundnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
                           "blogposting", "liveblogposting", "socialmediaposting", "report",
                           "webpage"})
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_LANGUAGE = re.compile(r"^([a-z]{2,3})(?:[-_][A-Za-z]{2,4})?$")
_MAX_JSON_LD_CHARS = 200_000


@dataclass(frozen=True)
class PageMeta:
    title: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str | dict)), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@id")
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _names(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    return tuple(dict.fromkeys(name for name in (_text(item) for item in items) if name))


def iso_date(value: str | None) -> str | None:
    """The calendar date of an ISO-like timestamp ("2024-03-14T07:30:00+02:00" -> "2024-03-14"),
    as the page wrote it (the publisher's local date)."""
    match = _DATE.search(value or "")
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    if not (1990 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return match.group()


def language_code(value: str | None) -> str | None:
    """"en", "en-GB", "en_US" -> "en"; anything else -> None."""
    match = _LANGUAGE.match((value or "").strip())
    return match.group(1).lower() if match else None


def _json_ld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = (script.text or "").strip()
        raw = re.sub(r"^\s*(?://)?\s*<!\[CDATA\[|(?://)?\s*\]\]>\s*$", "", raw)
        if not raw or len(raw) > _MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"]))


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _article(tree: HtmlElement) -> dict[str, Any]:
    """The page's article object in JSON-LD: a news or blog article first, a web page last."""
    found = [item for item in _json_ld_objects(tree) if _types(item) & ARTICLE_TYPES]
    found.sort(key=lambda item: "webpage" in _types(item))
    return found[0] if found else {}


def _meta_tags(tree: HtmlElement) -> dict[str, str]:
    tags: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get(
            "http-equiv") or ""
        value = " ".join((meta.get("content") or "").split())
        if key and value:
            tags.setdefault(key.lower(), value)
    return tags


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)


def read_metadata(tree: HtmlElement) -> PageMeta:
    """Title, authors, outlet, publication date, canonical URL and language the page declares."""
    article = _article(tree)
    tags = _meta_tags(tree)
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    html_lang = tree.xpath("/html/@lang | /html/@xml:lang",
                           namespaces={"xml": "http://www.w3.org/XML/1998/namespace"})
    authors = _names(article.get("author")) or _names(
        _first(tags.get("author"), tags.get("article:author"), tags.get("dc.creator"),
               tags.get("byl"), tags.get("sailthru.author")))
    published = _first(
        iso_date(_text(article.get("datePublished"))),
        *(iso_date(tags.get(k)) for k in ("article:published_time", "datepublished",
                                           "dc.date.issued", "dc.date", "date", "pubdate",
                                           "publishdate", "parsely-pub-date", "sailthru.date")))
    url = _first(canonical[0].strip() if canonical else None, tags.get("og:url"),
                 article.get("url") if isinstance(article.get("url"), str) else None)
    return PageMeta(
        title=_first(_text(article.get("headline")), tags.get("og:title"),
                     tags.get("twitter:title")),
        authors=authors,
        outlet=_first(_text(article.get("publisher")), tags.get("og:site_name"),
                      tags.get("application-name")),
        published=published,
        url=url if url and url.startswith(("http://", "https://")) else None,
        language=_first(*(language_code(v) for v in (
            _text(article.get("inLanguage")), html_lang[0] if html_lang else None,
            tags.get("content-language"), tags.get("og:locale"), tags.get("dc.language")))),
    )


def agency_named(name: str | None, agencies: dict[str, tuple[str, ...]]) -> str | None:
    """The wire agency a byline or author name is ("AFP", "By Reuters", "Agence France-Presse",
    "AFP Agency."), by its canonical name; None for a person or an outlet."""
    if not name:
        return None
    key = re.sub(r"^(?:by|with|source:?)\s+|\s+(?:news\s+)?(?:agency|staff|wire)$", "",
                 name.strip(" .-–—|").lower())
    for canonical, names in agencies.items():
        if any(key == n.lower() for n in names):
            return canonical
    return None
