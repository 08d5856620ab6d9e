"""From a web page to the article: extraction, fallbacks, metadata, header."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.clean import CleaningData, clean_document
from dateline.clean.html import extract_page
from dateline.errors import MalformedInputError
from dateline.model import Document

BODY = " ".join(["The shelling of the market killed eight people, officials said on Thursday."] * 3)
PAGE = f"""<!DOCTYPE html><html lang="en"><head>
<title>Eight dead in market strike | The Ledger</title>
<meta property="og:title" content="Eight dead in market strike">
<meta property="og:site_name" content="The Ledger">
<meta name="author" content="AFP">
<meta property="article:published_time" content="2024-03-14T07:30:00+02:00">
<link rel="canonical" href="https://ledger.example/eight-dead">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/war">War</a></li></ul></nav>
<article>
<h1>Eight dead in market strike</h1>
<p>By AFP | 14 March 2024</p>
<p>KRAMATORSK, Ukraine – {BODY}</p>
<p><q>I heard the whistle and then the explosion,</q>said Valentyna, 67, who lives nearby.</p>
<p>{BODY}</p>
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Another story entirely</a></li></ul></aside>
</body></html>"""


@pytest.fixture(scope="module")
def doc() -> Document:
    raw = Document(id="p", raw_text=PAGE, kind="html")
    return clean_document(raw, CleaningData.load(), today=dt.date(2024, 3, 20))


def test_metadata_from_the_page(doc: Document) -> None:
    assert (doc.title, doc.published, doc.outlet, doc.agency, doc.language, doc.url) == (
        "Eight dead in market strike", "2024-03-14", "The Ledger", "AFP", "en",
        "https://ledger.example/eight-dead")


def test_byline_and_dateline_leave_the_body(doc: Document) -> None:
    assert doc.clean_text.startswith("The shelling of the market")
    assert doc.dateline_place == "Kramatorsk, Ukraine"
    assert "By AFP" not in doc.clean_text and "Another story" not in doc.clean_text


def test_inline_quotes_keep_their_marks(doc: Document) -> None:
    assert "“I heard the whistle and then the explosion,” said Valentyna" in doc.clean_text


def test_the_mode_used_is_recorded(doc: Document) -> None:
    assert doc.meta["extractor"].startswith("trafilatura")


def test_a_page_without_text_is_malformed() -> None:
    with pytest.raises(MalformedInputError):
        extract_page("<html><head><title>App</title></head><body><script>start();</script>"
                     "<div id='root'></div></body></html>")


def test_a_short_article_is_not_lost() -> None:
    """Precision mode may drop a short article whole; the fallback finds it."""
    html = ("<html><body><div class='c'><p>Gunmen killed three farmers near Kaduna on Sunday, "
            "police said.</p></div><div><a href='/x'>More</a></div></body></html>")
    assert "Gunmen killed three farmers" in extract_page(html).text
