"""From a record of a container (a JSON object, a CSV row) to a RawDoc, and from an error to
an Outcome. Shared by the JSON, JSON Lines and CSV readers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from dateline.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MalformedInputError,
)
from dateline.model import Outcome, OutcomeStatus, RawDoc

TEXT_FIELDS = ("text", "body", "content")
HTML_FIELDS = ("html",)
_METADATA_FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "url": ("url", "link"),
    "title": ("title", "headline"),
    "published": ("published", "date"),
    "source": ("source", "outlet"),
    "language": ("language", "lang"),
}
_NEEDED = 'add the article as "text" (or "body", "content"), or its markup as "html"'


def outcome_for(origin: str, error: InputError) -> Outcome:
    """The Outcome for an input that failed with ``error``: empty inputs are skipped; binary,
    too large or malformed ones quarantined; anything else failed."""
    status: OutcomeStatus = "failed"
    if isinstance(error, EmptyInputError):
        status = "skipped"
    elif isinstance(error, BinaryInputError | InputTooLargeError | MalformedInputError):
        status = "quarantined"
    return Outcome(origin=origin, status=status, reason=explain(error.message, error.hint))


def explain(message: str, hint: str) -> str:
    """``message (hint)``; ``message; hint`` where the message already ends in parentheses."""
    if not hint:
        return message
    return f"{message}; {hint}" if message.endswith(")") else f"{message} ({hint})"


def empty(origin: str, what: str = "") -> Outcome:
    return Outcome(origin=origin, status="skipped", reason=f"empty input{what}")


def _scalar(value: object) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return str(value)


def _first(record: Mapping[str, object], names: tuple[str, ...]) -> tuple[str, object] | None:
    for name in names:
        if record.get(name) is not None:
            return name, record[name]
    return None


def _body(record: Mapping[str, object]) -> tuple[str, object, Literal["text", "html"]] | None:
    found = _first(record, TEXT_FIELDS)
    if found is not None and not (isinstance(found[1], str) and not found[1].strip()):
        return found[0], found[1], "text"
    html = _first(record, HTML_FIELDS)
    if html is not None:
        return html[0], html[1], "html"
    return (found[0], found[1], "text") if found is not None else None


def doc_from_record(
    record: Mapping[str, object], origin: str, encoding: str | None
) -> RawDoc | Outcome:
    """A RawDoc from a record with lower-case keys, or the Outcome saying why there is none.

    ``text`` is preferred to ``html`` when both are given and ``text`` is not empty.
    """
    body = _body(record)
    if body is None:
        fields = ", ".join(sorted(record)) or "none"
        return Outcome(
            origin=origin,
            status="quarantined",
            reason=f'record has no "text" or "html" field; its fields: {fields} ({_NEEDED})',
        )
    name, value, kind = body
    if not isinstance(value, str):
        return Outcome(
            origin=origin,
            status="quarantined",
            reason=f'"{name}" must be a string, not {type(value).__name__} (fix the record)',
        )
    if not value.strip():
        return empty(origin, f': the "{name}" field is empty')
    return RawDoc(
        text=value,
        kind=kind,
        origin=origin,
        encoding=encoding,
        id=_meta(record, "id"),
        url=_meta(record, "url"),
        title=_meta(record, "title"),
        published=_meta(record, "published"),
        source=_meta(record, "source"),
        language=_meta(record, "language"),
    )


def _meta(record: Mapping[str, object], key: str) -> str | None:
    found = _first(record, _METADATA_FIELDS[key])
    return _scalar(found[1]) if found is not None else None
