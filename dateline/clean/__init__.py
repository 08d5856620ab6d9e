"""The cleaning stage: article extraction, repairs and the edit log."""

from __future__ import annotations

import dataclasses
import datetime as dt

from dateline.clean import repair
from dateline.clean.editlog import EditLog
from dateline.clean.header import read_header
from dateline.clean.html import extract_page
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
    log.apply(repair.profanity_filter(log.text, data))
    log.apply(repair.glued_words(log.text))
    log.apply(repair.translation_leftovers(log.text, data, report))
    log.apply(repair.normalize_whitespace(log.text))
    return report


def clean_document(doc: Document, data: CleaningData, today: dt.date | None = None) -> Document:
    """Fill ``clean_text``, ``edits``, ``captions`` and the metadata the text itself carries."""
    raw = doc.raw_text
    updates: dict[str, object] = {}
    if doc.kind == "html":
        page = extract_page(doc.raw_text, doc.url)
        raw = page.text
        updates.update(
            raw_text=raw, title=doc.title or page.title, url=doc.url or page.url,
            published=doc.published or (page.published or None),
            outlet=doc.outlet or page.outlet, language=doc.language or page.language,
        )
        updates["meta"] = {**doc.meta, "html_chars": len(doc.raw_text), "author": page.author}
    header = read_header(raw, doc.published, today or dt.date.today())
    log = EditLog(raw)
    log.apply(list(header.replacements))
    report = repair_text(log, data)
    agency = doc.agency or header.agency or report.agency
    updates.update(
        clean_text=log.text, edits=log.edits(), captions=tuple(report.captions),
        flags=doc.flags + tuple(report.flags), agency=agency,
        title=updates.get("title") or doc.title or header.title,
        published=updates.get("published") or doc.published or header.published,
        dateline_place=header.place,
    )
    return dataclasses.replace(doc, **updates)  # type: ignore[arg-type]
