from __future__ import annotations

import dataclasses

import pytest

from dateline.errors import MalformedInputError, PipelineError
from dateline.model import Document, RawDoc
from dateline.pipeline import Component, Pipeline


def _set_title(doc: Document) -> Document:
    return dataclasses.replace(doc, title="t", clean_text=doc.raw_text.upper())


def _needs_clean(doc: Document) -> Document:
    return dataclasses.replace(doc, flags=(doc.clean_text,))


CLEAN = Component("clean", _set_title, ("raw_text",), ("clean_text",))
USE = Component("use", _needs_clean, ("clean_text",), ("flags",))


def test_order_is_checked_once_at_construction() -> None:
    Pipeline([CLEAN, USE])
    with pytest.raises(PipelineError, match="requires clean_text"):
        Pipeline([USE, CLEAN])


def test_a_failing_document_becomes_an_outcome() -> None:
    def boom(doc: Document) -> Document:
        raise ValueError("kaput")

    result = Pipeline([CLEAN, Component("boom", boom)]).run(RawDoc("abc", origin="a.txt"))
    assert result.document is None
    assert result.outcome.status == "failed"
    assert "boom failed: ValueError: kaput" in result.outcome.reason
    assert result.outcome.origin == "a.txt"


def test_an_input_error_quarantines() -> None:
    def bad(doc: Document) -> Document:
        raise MalformedInputError("no article text found in the page")

    result = Pipeline([Component("clean", bad)]).run(RawDoc("<html></html>", "html", "p.html"))
    assert result.outcome.status == "quarantined"
    assert "no article text" in result.outcome.reason


def test_processed_documents_carry_their_content_id() -> None:
    result = Pipeline([CLEAN, USE]).run(RawDoc("abc", origin="a.txt", published="14 Feb 2019"))
    assert result.outcome.status == "processed"
    assert result.document is not None
    assert result.document.flags == ("ABC",)
    assert result.document.published == "2019-02-14"
    assert result.outcome.article_id == result.document.id
