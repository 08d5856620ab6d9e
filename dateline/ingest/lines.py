"""Line-based inputs (JSON Lines, CSV): bounded lines, decoded one at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from dateline.ingest.encoding import decode_line
from dateline.ingest.options import CHUNK_BYTES


@dataclass(frozen=True)
class Line:
    """One line of an input (with its line end); ``data`` is None when it is over the limit."""

    number: int
    data: bytes | None
    size: int


@dataclass(frozen=True)
class TextLine:
    """One decoded line; ``text`` is None when the line is over the limit (``size`` bytes)."""

    number: int
    text: str | None
    size: int
    encoding: str | None


def iter_lines(stream: BinaryIO, limit: int) -> Iterator[Line]:
    """The lines of ``stream``; a line over ``limit`` bytes is skipped (never held), not split."""
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        if len(line) <= limit:
            yield Line(number, line, len(line))
            continue
        size = len(line)
        while not line.endswith(b"\n") and (line := stream.readline(CHUNK_BYTES)):
            size += len(line)
        yield Line(number, None, size)


def decoded_lines(lines: Iterable[Line], encoding: str) -> Iterator[TextLine]:
    """Decode each line with ``encoding``, or on its own evidence where it disagrees."""
    for line in lines:
        if line.data is None:
            yield TextLine(line.number, None, line.size, None)
        else:
            text, used = decode_line(line.data, encoding)
            yield TextLine(line.number, text, line.size, used)


def text_lines(text: str, encoding: str) -> Iterator[TextLine]:
    """The lines of an already decoded input."""
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        yield TextLine(number, line, len(line), encoding)
