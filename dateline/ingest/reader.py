"""Detection and dispatch: from a byte stream to RawDocs and Outcomes.

The first :data:`HEAD_BYTES` decide the format. Containers of many articles (gzip, WARC, JSON
Lines, CSV) are streamed, each record bounded by ``max_bytes``; single documents (text, HTML,
JSON, a feed) are read whole, up to ``max_bytes``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import BinaryIO

from dateline.errors import BinaryInputError, InputError, MalformedInputError
from dateline.ingest.csvfile import read_csv
from dateline.ingest.detect import (
    binary_kind,
    binary_reason,
    detect_format,
    detect_head,
    sniff_csv,
    sniff_text,
)
from dateline.ingest.encoding import bom_encoding, bomless_utf16, decode
from dateline.ingest.feeds import read_feed
from dateline.ingest.jsonl import read_json, read_jsonl
from dateline.ingest.lines import decoded_lines, iter_lines, text_lines
from dateline.ingest.options import (
    CHUNK_BYTES,
    DEFAULT_OPTIONS,
    HEAD_BYTES,
    MAX_GZIP_DEPTH,
    IngestOptions,
)
from dateline.ingest.records import empty, outcome_for
from dateline.ingest.streams import BoundedGunzip, drain, read_up_to, read_whole, rejoin
from dateline.ingest.warc import read_warc
from dateline.model import Outcome, RawDoc

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def read_bytes(
    data: bytes, origin: str = "<bytes>", options: IngestOptions = DEFAULT_OPTIONS
) -> Iterator[RawDoc | Outcome]:
    """Detect the format of ``data`` and yield its articles (RawDoc) or Outcomes; never raises
    for bad input. ``origin`` names the input in origins and, by its extension, breaks ties."""
    return read_stream(io.BytesIO(data), origin, options, size=len(data))


def read_stream(
    stream: BinaryIO,
    origin: str,
    options: IngestOptions = DEFAULT_OPTIONS,
    size: int | None = None,
) -> Iterator[RawDoc | Outcome]:
    """Like :func:`read_bytes`, for a binary stream; ``size`` is its length when known (a
    regular file), which lets an oversized single document be refused without reading it.

    Every input yields at least one item: a container with no records (a CSV with only its
    header, a WARC with no pages) is an ``empty input`` Outcome.
    """
    found = False
    try:
        for item in _read_source(stream, origin, options, size, ()):
            found = True
            yield item
        if not found:
            yield empty(origin, ": no articles or records found in it")
    except InputError as error:
        yield outcome_for(origin, error)
    except OSError as exc:
        reason = f"cannot read: {exc.strerror or exc} (check the file and its permissions)"
        yield Outcome(origin, "failed", reason)
    except Exception as exc:  # a reader bug must not end the batch; say so instead
        reason = (
            f"unexpected error while reading ({type(exc).__name__}: {exc}); "
            "please report it with this input"
        )
        yield Outcome(origin, "failed", reason)


def _read_source(
    stream: BinaryIO,
    origin: str,
    options: IngestOptions,
    size: int | None,
    layers: tuple[BoundedGunzip, ...],
) -> Iterator[RawDoc | Outcome]:
    """Read one input; ``layers`` are the gzip streams it is inside, outermost first. Damage
    in them is raised after the records of a container, and before a single document."""
    name = origin.removesuffix(".gz") if layers else origin
    head = read_up_to(stream, HEAD_BYTES)
    complete = len(head) < HEAD_BYTES
    fmt = detect_head(head, complete, name)
    body = rejoin(head, stream)
    if fmt == "gzip":
        if len(layers) >= MAX_GZIP_DEPTH:
            raise MalformedInputError(
                f"gzip nested more than {MAX_GZIP_DEPTH} levels deep", "decompress it first"
            )
        inflated = BoundedGunzip(body, options.max_decompressed)
        inner = io.BufferedReader(inflated, buffer_size=CHUNK_BYTES)
        yield from _read_source(inner, origin, options, None, (*layers, inflated))
        return
    if fmt == "warc":
        yield from read_warc(body, origin, options)
    elif fmt in ("jsonl", "csv") and not _wide_encoding(head):
        yield from _read_lines(body, head, complete, fmt, origin, options)
    elif fmt == "binary":
        if size is None:
            drain(body)  # inside gzip this finds a bomb; on a pipe it consumes the input
        raise BinaryInputError(*binary_reason(binary_kind(head) or "unknown binary data"))
    else:
        data = read_whole(body, size, options)
        _raise_damage(layers)
        yield from _read_document(data, origin, options)
    _raise_damage(layers)


def _raise_damage(layers: tuple[BoundedGunzip, ...]) -> None:
    for layer in reversed(layers):
        layer.raise_problem()


def _wide_encoding(head: bytes) -> bool:
    encoding = bom_encoding(head) or bomless_utf16(head) or ""
    return encoding.startswith(("utf-16", "utf-32"))


def _read_lines(
    body: BinaryIO, head: bytes, complete: bool, fmt: str, origin: str, options: IngestOptions
) -> Iterator[RawDoc | Outcome]:
    if not complete and b"\n" in head:
        head = head[: head.rindex(b"\n") + 1]
    encoding = decode(head)[1]
    lines = decoded_lines(iter_lines(body, options.max_bytes), encoding)
    if fmt == "jsonl":
        yield from read_jsonl(lines, origin, options.max_bytes)
    else:
        dialect = sniff_csv(sniff_text(head, complete), complete, origin) or csv.excel
        yield from read_csv(lines, origin, dialect, options.max_bytes)


def _read_document(data: bytes, origin: str, options: IngestOptions) -> Iterator[RawDoc | Outcome]:
    fmt = detect_format(data, origin)
    if fmt == "empty":
        yield empty(origin)
        return
    if fmt == "binary":
        raise BinaryInputError(*binary_reason(binary_kind(data) or "unknown binary data"))
    if fmt in ("rss", "atom"):
        yield from read_feed(data, origin)
        return
    text, encoding = decode(data)
    sample = text[:HEAD_BYTES]
    if len(_CONTROL_CHARS.findall(sample)) > 0.05 * len(sample):
        raise BinaryInputError(*binary_reason("unknown binary data (full of control characters)"))
    if fmt == "json":
        yield from read_json(text, origin, encoding, options.max_bytes)
    elif fmt == "jsonl":
        yield from read_jsonl(text_lines(text, encoding), origin, options.max_bytes)
    elif fmt == "csv":
        dialect = sniff_csv(sample, len(text) <= HEAD_BYTES, origin) or csv.excel
        yield from read_csv(text_lines(text, encoding), origin, dialect, options.max_bytes)
    else:
        yield RawDoc(text=text, kind="html" if fmt == "html" else "text", origin=origin,
                     encoding=encoding)
