"""The cleaning stage: article extraction, repairs and the edit log."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from dateline.clean import english, repair
from dateline.clean.editlog import EditLog
from dateline.clean.header import read_header
from dateline.clean.html import extract_page
from dateline.clean.metadata import agency_named
from dateline.clean.resources import CleaningData
from dateline.model import Document

__all__ = ["CleaningData", "EditLog", "clean_document", "repair_text"]


def repair_text(log: EditLog, data: CleaningData) -> repair.RepairReport:
    """Run every repair pass over the log's current text; the log keeps the edits."""
    report = repair.RepairReport()
    log.apply(repair.normalize_characters(log.text))
    log.apply(repair.entity_remnants(log.text, data))
    log.apply(repair.furniture(log.text, data, report))
    log.apply(repair.captions_and_repeats(log.text, data, report))
    log.apply(english.glued_quotes(log.text))
    if english.looks_english(log.text):  # word-list repairs would damage other languages
        log.apply(english.profanity_filter(log.text, data))
        log.apply(english.glued_words(log.text, data))
        log.apply(repair.translation_leftovers(log.text, data, report))
    log.apply(repair.normalize_whitespace(log.text))
    return report


def _page(doc: Document, data: CleaningData) -> tuple[dict[str, object], dict[str, Any]]:
    """The article text of an HTML document and the metadata its page declares (fields of the
    document, and what goes to ``meta``)."""
    page = extract_page(doc.raw_text, doc.url)
    authors = [a.strip() for a in (page.author or "").split(";") if a.strip()]
    agency = next((a for a in (agency_named(name, data.agencies)
                               for name in [*authors, page.outlet]) if a), None)
    return {
        "raw_text": page.text, "title": doc.title or page.title, "url": doc.url or page.url,
        "published": doc.published or page.published, "outlet": doc.outlet or page.outlet,
        "language": doc.language or page.language, "agency": doc.agency or agency,
    }, {**doc.meta, "html_chars": len(doc.raw_text), "author": page.author,
        "extractor": page.extractor}


def clean_document(doc: Document, data: CleaningData, today: dt.date | None = None) -> Document:
    """Fill ``clean_text``, ``edits``, ``captions`` and the metadata the text itself carries."""
    updates, meta = _page(doc, data) if doc.kind == "html" else ({}, dict(doc.meta))
    raw = str(updates.get("raw_text", doc.raw_text))
    known_title = str(updates.get("title") or "") if doc.kind == "html" else None
    header = read_header(raw, doc.published, today or dt.date.today(), known_title,
                         data.date_line)
    log = EditLog(raw)
    log.apply(list(header.replacements))
    report = repair_text(log, data)
    byline_agency = agency_named(header.byline, data.agencies)
    if header.byline and not byline_agency:
        meta["author"] = meta.get("author") or header.byline
    updates.update(
        clean_text=log.text, edits=log.edits(), captions=tuple(report.captions),
        flags=doc.flags + tuple(report.flags),
        agency=updates.get("agency") or doc.agency or header.agency or byline_agency
        or report.agency,
        title=updates.get("title") or doc.title or header.title,
        published=updates.get("published") or doc.published or header.published,
        dateline_place=header.place, meta=meta,
    )
    return dataclasses.replace(doc, **updates)  # type: ignore[arg-type]
