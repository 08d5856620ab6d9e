"""JSON Lines (one record per line) and JSON (one record, or an array of records)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from dateline.errors import MalformedInputError
from dateline.ingest.lines import TextLine, text_lines
from dateline.ingest.records import doc_from_record, empty, outcome_for
from dateline.ingest.streams import too_large
from dateline.model import Outcome, RawDoc

_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
               int: "a number", float: "a number", type(None): "null"}


def _type_name(value: object) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _lower_keys(record: dict[str, object]) -> dict[str, object]:
    return {str(key).strip().lower(): value for key, value in record.items()}


def read_jsonl(lines: Iterable[TextLine], origin: str, limit: int) -> Iterator[RawDoc | Outcome]:
    """One RawDoc or Outcome per non-blank line; origins are ``origin:LINE``."""
    for line in lines:
        where = f"{origin}:{line.number}"
        if line.text is None:
            yield outcome_for(where, too_large(line.size, limit))
        elif line.text.strip():
            yield _line_record(line.text.lstrip("\ufeff"), where, line.encoding)


def _line_record(text: str, where: str, encoding: str | None) -> RawDoc | Outcome:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        reason = f"invalid JSON: {exc.msg} at column {exc.colno}"
        return Outcome(where, "quarantined", f"{reason} (fix or remove this line)")
    except RecursionError:
        return Outcome(where, "quarantined", "invalid JSON: nested too deeply (fix the line)")
    if not isinstance(value, dict):
        return Outcome(
            where,
            "quarantined",
            f'a JSON Lines record must be an object with "text" or "html", not {_type_name(value)}',
        )
    return doc_from_record(_lower_keys(value), where, encoding)


def read_json(text: str, origin: str, encoding: str, limit: int) -> Iterator[RawDoc | Outcome]:
    """A JSON object (one record) or an array of records (origins ``origin:item N``).

    A file that turns out to hold several JSON values one after another is read as JSON Lines.
    """
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            yield from read_jsonl(text_lines(text, encoding), origin, limit)
            return
        raise MalformedInputError(
            f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
            "fix the file, or write one record per line (JSON Lines) so one bad record "
            "does not stop the others",
        ) from exc
    except RecursionError as exc:
        raise MalformedInputError("invalid JSON: nested too deeply", "fix the file") from exc
    if isinstance(value, dict):
        yield doc_from_record(_lower_keys(value), origin, encoding)
    elif isinstance(value, list):
        yield from _array_records(value, origin, encoding)
    else:
        raise MalformedInputError(
            f"JSON input must be an object or an array of objects, not {_type_name(value)}",
            'give each article as {"text": ...} or {"html": ...}',
        )


def _array_records(items: list[object], origin: str, encoding: str) -> Iterator[RawDoc | Outcome]:
    if not items:
        yield empty(origin, ": the JSON array has no records")
    for number, item in enumerate(items, start=1):
        where = f"{origin}:item {number}"
        if isinstance(item, dict):
            yield doc_from_record(_lower_keys(item), where, encoding)
        else:
            yield Outcome(
                where,
                "quarantined",
                f'an array item must be an object with "text" or "html", not {_type_name(item)}',
            )
