"""Metadata a page declares: JSON-LD, meta tags, canonical link, language."""

from __future__ import annotations

import pytest
import trafilatura

from dateline.clean import CleaningData
from dateline.clean.metadata import PageMeta, agency_named, iso_date, language_code, read_metadata

JSON_LD_PAGE = """<!DOCTYPE html><html lang="en-GB"><head>
<title>Headline here | The Outlet</title>
<meta property="og:title" content="OG headline">
<meta property="og:site_name" content="The Outlet">
<link rel="canonical" href="https://outlet.example/2024/03/14/story">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebPage", "name": "A web page", "url": "https://outlet.example/"},
  {"@type": "NewsArticle", "headline": "Headline here",
   "datePublished": "2024-03-14T07:30:00+02:00",
   "author": [{"@type": "Person", "name": "Iryna Savchuk"},
              {"@type": "Person", "name": "Jane Roe"}],
   "publisher": {"@type": "Organization", "name": "The Outlet"}, "inLanguage": "en"}]}
</script></head><body><p>Text.</p></body></html>"""

META_PAGE = """<html><head><title>T | Site</title>
<meta property="og:title" content="Only meta tags">
<meta name="author" content="AFP">
<meta property="article:published_time" content="2019-02-14T10:00:00Z">
<meta property="og:url" content="https://site.example/a">
<meta property="og:locale" content="fr_FR">
<script type="application/ld+json">{ broken json </script>
</head><body><p>Text.</p></body></html>"""


def meta_of(html: str) -> PageMeta:
    return read_metadata(trafilatura.load_html(html))


def test_json_ld_article_wins() -> None:
    meta = meta_of(JSON_LD_PAGE)
    assert meta == PageMeta(
        title="Headline here", authors=("Iryna Savchuk", "Jane Roe"), outlet="The Outlet",
        published="2024-03-14", url="https://outlet.example/2024/03/14/story", language="en",
    )


def test_meta_tags_when_json_ld_is_broken() -> None:
    meta = meta_of(META_PAGE)
    assert (meta.title, meta.authors, meta.published, meta.url, meta.language) == (
        "Only meta tags", ("AFP",), "2019-02-14", "https://site.example/a", "fr")


def test_a_bare_page_declares_nothing() -> None:
    assert meta_of("<html><body><p>Just text.</p></body></html>") == PageMeta()


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-03-14T07:30:00+02:00", "2024-03-14"), ("2024-3-14", None), ("1899-01-01", None),
     (None, None), ("Published 2019-02-14", "2019-02-14")],
)
def test_iso_date(value: str | None, expected: str | None) -> None:
    assert iso_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"), [("en-GB", "en"), ("fr_FR", "fr"), ("EN", None), ("", None)])
def test_language_code(value: str, expected: str | None) -> None:
    assert language_code(value) == expected


@pytest.mark.parametrize(
    ("name", "agency"),
    [("AFP", "AFP"), ("By Reuters", "Reuters"), ("AFP Agency.", "AFP"),
     ("Agence France-Presse", "AFP"), ("Associated Press", "AP"), ("Iryna Savchuk", None),
     ("The Kyiv Ledger", None), (None, None)],
)
def test_agency_named(name: str | None, agency: str | None) -> None:
    assert agency_named(name, CleaningData.load().agencies) == agency
