"""CSV (and TSV, ...): a header row naming the columns, one article per row."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from dateline.errors import MalformedInputError
from dateline.ingest.lines import TextLine
from dateline.ingest.records import HTML_FIELDS, TEXT_FIELDS, doc_from_record, outcome_for
from dateline.ingest.streams import too_large
from dateline.model import Outcome, RawDoc

Dialect = type[csv.Dialect] | csv.Dialect


class _Feed:
    """Feeds decoded lines to ``csv.reader``; remembers over-long lines and the last encoding."""

    def __init__(self, lines: Iterable[TextLine], origin: str, limit: int) -> None:
        self._lines = lines
        self._origin = origin
        self._limit = limit
        self.dropped: list[Outcome] = []
        self.encoding: str | None = None

    def __iter__(self) -> Iterator[str]:
        for line in self._lines:
            if line.text is None:
                where = f"{self._origin}:line {line.number}"
                self.dropped.append(outcome_for(where, too_large(line.size, self._limit)))
                continue
            self.encoding = line.encoding
            yield line.text


def _allow_fields_up_to(limit: int) -> None:
    # The csv module's field limit is process-wide; it is only ever raised, never lowered, so
    # that an article of up to ``max_bytes`` fits in one field.
    csv.field_size_limit(max(csv.field_size_limit(), limit))


def read_csv(
    lines: Iterable[TextLine], origin: str, dialect: Dialect, limit: int
) -> Iterator[RawDoc | Outcome]:
    """One RawDoc or Outcome per row; origins are ``origin:row N``, the header being row 1."""
    _allow_fields_up_to(limit)
    feed = _Feed(lines, origin, limit)
    reader = csv.reader(feed, dialect)
    row_number = 1
    try:
        header = next(reader, None)
        columns = _columns(header)
        for row in reader:
            row_number += 1
            yield from feed.dropped
            feed.dropped.clear()
            if row:
                yield _row_doc(row, columns, f"{origin}:row {row_number}", feed.encoding, limit)
    except csv.Error as exc:
        raise MalformedInputError(
            f"malformed CSV at row {row_number + 1}: {exc}",
            "the rows before it were read; fix the quoting or the delimiter",
        ) from exc
    yield from feed.dropped


def _columns(header: list[str] | None) -> list[str]:
    columns = [cell.strip().lower() for cell in header or []]
    if not any(name in columns for name in TEXT_FIELDS + HTML_FIELDS):
        found = ", ".join(cell.strip() for cell in header or []) or "no columns"
        raise MalformedInputError(
            f"CSV has no text column; its columns: {found}",
            "name the column that holds the article text, body or content, "
            "or html for markup",
        )
    return columns


def _row_doc(
    row: list[str], columns: list[str], where: str, encoding: str | None, limit: int
) -> RawDoc | Outcome:
    size = sum(len(cell) for cell in row)
    if size > limit:
        return outcome_for(where, too_large(size, limit))
    if len(row) < len(columns):
        body_index = min(columns.index(name) for name in TEXT_FIELDS + HTML_FIELDS
                         if name in columns)
        if body_index >= len(row):
            return Outcome(
                where,
                "quarantined",
                f"row has {len(row)} fields but the header has {len(columns)} columns, so it has "
                f'no "{columns[body_index]}" value (fix the row)',
            )
    record: dict[str, object] = dict(zip(columns, row, strict=False))
    return doc_from_record(record, where, encoding)
