"""Properties of the whole cleaner on random inputs: every clean character maps back to the raw
text through the edit log, and cleaning never raises (a page without text is a recorded
MalformedInputError, nothing else)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.clean import CleaningData, clean_document
from dateline.errors import MalformedInputError
from dateline.model import Document

DATA = CleaningData.load()
TODAY = dt.date(2024, 3, 20)
# Pieces of the damage the cleaner repairs, mixed with random text.
FRAGMENTS = [
    "the", "market", "badysts", "bombssaid", "airin", '"', 'women"they', "of 39;", "&amp;",
    "&#39;", "(AFP).", "\n", "\n\n", "  ", "Look also", "AFP Agency.", "MÃ©decins", "\u200b",
    "ONG", "By AFP | 14 March 2024", "BEIRUT, Feb 14 (AFP) - ", "MOGADISHU – ", "\r\n", "\t",
    "Soldiers patrol the town (AFP).", "comité", "Title line – 14/02/2019", "said", "ass",
]
TEXTS = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=6), min_size=1, max_size=40).map(
    lambda parts: " ".join(parts))


def rebuild(doc: Document) -> str:
    out, last = [], 0
    for edit in doc.edits:
        out.append(doc.raw_text[last:edit.raw_start])
        out.append(edit.after)
        last = edit.raw_end
    return "".join(out) + doc.raw_text[last:]


def check_map(doc: Document) -> None:
    assert rebuild(doc) == doc.clean_text
    for edit in doc.edits:
        assert doc.raw_text[edit.raw_start:edit.raw_end] == edit.before
        assert doc.clean_text[edit.start:edit.end] == edit.after
    for i, char in enumerate(doc.clean_text):
        if not any(e.start <= i < e.end for e in doc.edits):
            assert doc.raw_text[doc.raw_offset(i)] == char


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_plain_text_cleaning_maps_back(text: str) -> None:
    doc = clean_document(Document(id="t", raw_text=text), DATA, today=TODAY)
    check_map(doc)


@settings(max_examples=40, deadline=None)
@given(TEXTS, st.sampled_from(["p", "div", "q", "h1", "li"]))
def test_html_cleaning_never_raises_and_maps_back(text: str, tag: str) -> None:
    html = f"<html><body><article><{tag}>{text}</{tag}><p>{text}</p></article></body></html>"
    try:
        doc = clean_document(Document(id="h", raw_text=html, kind="html"), DATA, today=TODAY)
    except MalformedInputError:
        return
    check_map(doc)
