"""Bounded reading of byte streams: look-ahead, size limits, lines, and gzip with a hard cap.

Nothing here reads more of an input than the limit it is given, so a huge file or a gzip bomb
costs time in proportion to the limit and memory in proportion to one chunk.
"""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

from dateline.errors import InputTooLargeError, MalformedInputError
from dateline.ingest.detect import GZIP_MAGIC
from dateline.ingest.options import CHUNK_BYTES, IngestOptions


def too_large(size: int, limit: int) -> InputTooLargeError:
    return InputTooLargeError(
        f"{size} bytes exceeds the limit of {limit}", "raise it with --max-bytes"
    )


def bomb(limit: int) -> InputTooLargeError:
    return InputTooLargeError(
        f"decompressed size exceeds {limit} bytes (a gzip bomb, or an unusually large member)",
        "if the file is genuine, gunzip it first or raise IngestOptions.max_decompressed",
    )


def read_up_to(stream: BinaryIO, size: int) -> bytes:
    """Read ``size`` bytes, or fewer only at the end of the stream (pipes return short reads)."""
    first = stream.read(size)
    if not first or len(first) >= size:
        return first
    parts = [first]
    remaining = size - len(first)
    while remaining > 0:
        part = stream.read(min(remaining, CHUNK_BYTES))
        if not part:
            break
        parts.append(part)
        remaining -= len(part)
    return b"".join(parts)


def drain(stream: BinaryIO, limit: int | None = None) -> int:
    """Read the rest of ``stream`` without keeping it; return how many bytes there were.

    With ``limit``, stop and raise the gzip-bomb error once more than ``limit`` bytes came.
    """
    total = 0
    while part := stream.read(CHUNK_BYTES):
        total += len(part)
        if limit is not None and total > limit:
            raise bomb(limit)
    return total


def read_whole(stream: BinaryIO, size: int | None, options: IngestOptions) -> bytes:
    """All of ``stream`` if it fits ``options.max_bytes``; else raise InputTooLargeError.

    ``size`` (known from ``stat``) decides without reading; otherwise the excess is drained to
    report the true size.
    """
    if size is not None and size > options.max_bytes:
        raise too_large(size, options.max_bytes)
    data = read_up_to(stream, options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise too_large(len(data) + drain(stream), options.max_bytes)
    return data


class _Prefixed(io.RawIOBase):
    """``head`` (already read) followed by the rest of ``rest``."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        if not data:
            return 0
        buffer[: len(data)] = data
        return len(data)


def rejoin(head: bytes, rest: BinaryIO) -> BinaryIO:
    """A buffered stream that yields ``head`` and then the rest of ``rest``."""
    return io.BufferedReader(_Prefixed(head, rest), buffer_size=CHUNK_BYTES)


class BoundedGunzip(io.RawIOBase):
    """Streaming gunzip of all members, each capped at ``limit`` decompressed bytes.

    Going over the cap raises at once. Damage (corrupt data, a truncated member, trailing data
    that is not gzip) ends the stream instead and is kept in ``problem``, so that a reader can
    first yield the records that came before it; :meth:`raise_problem` raises it.
    """

    def __init__(self, source: BinaryIO, limit: int) -> None:
        self._source = source
        self._limit = limit
        self._inflater = zlib.decompressobj(wbits=31)
        self._member_size = 0
        self._pending = b""
        self._finished = False
        self.problem: MalformedInputError | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._finished:
            out = self._inflate(len(buffer))
            if out:
                buffer[: len(out)] = out
                return len(out)
        return 0

    def raise_problem(self) -> None:
        if self.problem is not None:
            raise self.problem

    def _damaged(self, message: str) -> bytes:
        self.problem = MalformedInputError(message, "re-download or re-create the file")
        self._finished = True
        return b""

    def _inflate(self, size: int) -> bytes:
        if self._inflater.eof:
            self._next_member()
            return b""
        data = self._pending or self._source.read(CHUNK_BYTES)
        try:
            out = self._inflater.decompress(data, size)
        except zlib.error as exc:
            return self._damaged(f"corrupt gzip data ({exc})")
        self._pending = self._inflater.unconsumed_tail
        if not data and not out and not self._inflater.eof:
            return self._damaged("truncated gzip data: the input ends inside a compressed member")
        self._member_size += len(out)
        if self._member_size > self._limit:
            raise bomb(self._limit)
        return out

    def _next_member(self) -> None:
        rest = self._inflater.unused_data
        while len(rest) < len(GZIP_MAGIC) and (more := self._source.read(CHUNK_BYTES)):
            rest += more
        if rest.startswith(GZIP_MAGIC):
            self._inflater = zlib.decompressobj(wbits=31)
            self._member_size = 0
            self._pending = rest
            return
        self._finished = True
        while rest:  # NUL padding after the last member is allowed, as gzip(1) allows it
            if rest.strip(b"\x00"):
                self._damaged("data after the end of the gzip stream is not gzip")
                return
            rest = self._source.read(CHUNK_BYTES)
