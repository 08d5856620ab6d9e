"""WARC archives (warcio): one RawDoc per ``response``/``resource`` record with an HTML or
text payload. Other record types (warcinfo, request, metadata, revisit) are not articles and
are passed over; a response that is not a page (an image, a redirect) gets a skipped Outcome."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO, Literal

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from dateline.errors import BinaryInputError, InputError, MalformedInputError
from dateline.ingest.detect import binary_kind, binary_reason, detect_format
from dateline.ingest.encoding import decode
from dateline.ingest.options import IngestOptions
from dateline.ingest.records import empty, outcome_for
from dateline.ingest.streams import drain, read_up_to, too_large
from dateline.model import Outcome, RawDoc

_ARTICLE_RECORDS = ("response", "resource")
_KINDS: dict[str, Literal["text", "html"]] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
}


def read_warc(stream: BinaryIO, origin: str, options: IngestOptions) -> Iterator[RawDoc | Outcome]:
    """Records are numbered from 1 in file order, every type counted: ``origin:record N``."""
    records = iter(ArchiveIterator(stream, arc2warc=True))
    number = 0
    while (record := _next_record(records, number)) is not None:
        number += 1
        where = f"{origin}:record {number}"
        if record.rec_type in _ARTICLE_RECORDS:
            yield _record_doc(record, where, options)
        elif record.rec_type is None:
            reason = "malformed WARC record: it has no WARC-Type (repair or re-crawl the file)"
            yield Outcome(where, "quarantined", reason)


def _next_record(records: Iterator[Any], number: int) -> Any:
    """The next record, None at the end; damage in the archive raises MalformedInputError."""
    try:
        return next(records)
    except StopIteration:
        return None
    except InputError:
        raise
    except Exception as exc:  # ArchiveLoadFailed, or warcio tripping over a damaged header
        message = exc.msg if isinstance(exc, ArchiveLoadFailed) else f"{type(exc).__name__}: {exc}"
        raise MalformedInputError(
            f"malformed WARC after record {number}: {str(message).strip()}",
            "the records before it were read; repair or re-crawl the file",
        ) from exc


def _content_type(record: Any) -> tuple[str | None, str | None]:
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    value = headers.get_header("Content-Type") if headers is not None else None
    if not value:
        return None, None
    mime, *params = (part.strip() for part in value.split(";"))
    charset = next((p.split("=", 1)[1].strip("\"' ") for p in params
                    if p.lower().startswith("charset=")), None)
    return mime.lower() or None, charset


def _record_doc(record: Any, where: str, options: IngestOptions) -> RawDoc | Outcome:
    if record.rec_type == "response" and record.http_headers is None:
        return Outcome(where, "skipped", f"not an HTTP response ({record.content_type})")
    status = record.http_headers.get_statuscode() if record.http_headers is not None else None
    if status and not status.startswith("2"):
        return Outcome(where, "skipped", f"HTTP status {status}: not a page (nothing to read)")
    mime, charset = _content_type(record)
    if mime is not None and mime not in _KINDS:
        return Outcome(where, "skipped", f"payload is {mime}, not HTML or text (nothing to read)")
    try:
        data = _payload(record, options)
        return _payload_doc(record, data, mime, charset, where)
    except InputError as error:
        return outcome_for(where, error)
    except Exception as exc:  # warcio failing to de-chunk or decompress a damaged payload
        reason = f"malformed record payload ({type(exc).__name__}: {exc}); the other records go on"
        return Outcome(where, "quarantined", reason)


def _payload(record: Any, options: IngestOptions) -> bytes:
    stream = record.content_stream()
    data = read_up_to(stream, options.max_bytes + 1)
    if len(data) > options.max_bytes:
        size = len(data) + drain(stream, options.max_decompressed)
        raise too_large(size, options.max_bytes)
    return data


def _payload_doc(
    record: Any, data: bytes, mime: str | None, charset: str | None, where: str
) -> RawDoc | Outcome:
    if not data.strip():
        return empty(where, ": the record has no payload")
    kind = binary_kind(data[:4096])
    if kind is not None:
        raise BinaryInputError(*binary_reason(kind))
    if mime is None:
        sniffed = detect_format(data)
        if sniffed not in ("html", "text"):
            return Outcome(where, "skipped", f"payload is {sniffed}, not HTML or text")
        mime = "text/html" if sniffed == "html" else "text/plain"
    text, encoding = decode(data, declared=charset)
    record_id = record.rec_headers.get_header("WARC-Record-ID")
    language = record.http_headers.get_header("Content-Language") if record.http_headers else None
    return RawDoc(
        text=text,
        kind=_KINDS[mime],
        origin=where,
        id=record_id.strip("<>") if record_id else None,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        language=language,
        encoding=encoding,
    )
