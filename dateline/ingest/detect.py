"""Format detection from content; the file name only breaks ties.

:func:`detect_format` looks at the first :data:`HEAD_BYTES` of an input and answers one of
``gzip warc jsonl json csv rss atom html text binary empty``.
"""

from __future__ import annotations

import contextlib
import csv
import json
import re
from pathlib import PurePath

from dateline.ingest.encoding import bom_encoding, bomless_utf16
from dateline.ingest.options import HEAD_BYTES

FORMATS = ("gzip", "warc", "jsonl", "json", "csv", "rss", "atom", "html", "text", "binary", "empty")

GZIP_MAGIC = b"\x1f\x8b"
_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (0, b"\xff\xd8\xff", "a JPEG image"),
    (0, b"GIF87a", "a GIF image"),
    (0, b"GIF89a", "a GIF image"),
    (8, b"WEBP", "a WebP image"),
    (0, b"%PDF-", "a PDF document"),
    (0, b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (0, b"PK\x05\x06", "an empty ZIP archive"),
    (4, b"1AY&SY", "a bzip2 archive"),
    (0, b"\xfd7zXZ\x00", "an xz archive"),
    (0, b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (0, b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (0, b"SQLite format 3\x00", "an SQLite database"),
    (0, b"\x7fELF", "an executable"),
    (257, b"ustar", "a tar archive"),
)
_ADVICE = {
    "PDF": "extract its text first (for example with pdftotext)",
    "ZIP": "unzip it and pass the files or the folder",
    "bzip2": "decompress it first; only gzip is read directly",
    "xz": "decompress it first; only gzip is read directly",
    "zstd": "decompress it first; only gzip is read directly",
    "7-Zip": "unpack it and pass the files or the folder",
    "tar": "unpack it and pass the files or the folder",
    "Office": "save it as text or HTML first",
}
_DEFAULT_ADVICE = "pass text, HTML, JSON Lines, CSV, RSS/Atom, WARC or a gzip of one of these"
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32), 127])
_CONTROL_RATIO = 0.05
_MARKUP_LEAD = re.compile(
    r"(?:\s|<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<([A-Za-z][\w:.-]*)", re.S | re.I
)
_HTML_TAG = re.compile(
    r"<(?:html|head|body|div|p|br|span|a|b|i|em|strong|h[1-6]|ul|ol|li|table|tr|td|img|"
    r"article|section|header|footer|nav|main|figure|title|meta|link|script|style)\b[^>]*>",
    re.I,
)
_JSON_ARRAY = re.compile(r"\[\s*(?:[{\]]|$)")
_JSON_OBJECT = re.compile(r'\{\s*(?:"|\}|$)')
_HEADER_CELL = re.compile(r"[A-Za-z_][\w .:/-]{0,39}")
KNOWN_COLUMNS = frozenset(
    {"id", "text", "body", "content", "html", "url", "link", "title", "headline", "published",
     "date", "source", "outlet", "language", "lang"}
)
_BODY_COLUMNS = frozenset({"text", "body", "content", "html"})
_CSV_EXTENSIONS = {".csv", ".tsv", ".tab"}
_CSV_DELIMITERS = ",\t;|"


def detect_format(data: bytes, name: str = "") -> str:
    """The format of ``data`` from its content; ``name`` (a file name) only breaks ties.

    Only the first :data:`HEAD_BYTES` are looked at, so this is cheap on any input.
    """
    return detect_head(data[:HEAD_BYTES], complete=len(data) <= HEAD_BYTES, name=name)


def detect_head(head: bytes, complete: bool, name: str = "") -> str:
    """Detect from the first bytes of an input; ``complete`` says whether they are all of it."""
    if not head.strip():
        return "empty"
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if binary_kind(head) is not None:
        return "binary"
    text = sniff_text(head, complete)
    if not text.strip():
        return "empty"
    return detect_text(text, complete, name)


def detect_text(text: str, complete: bool, name: str = "") -> str:
    """Detect the format of (the start of) a decoded input."""
    start = text.lstrip()
    if start.startswith("WARC/"):
        return "warc"
    if start.startswith("<"):
        return _markup_format(start)
    if start.startswith("{"):
        return _object_format(start, complete)
    if _JSON_ARRAY.match(start):
        return "json"
    if sniff_csv(text, complete, name) is not None:
        return "csv"
    return "html" if len(_HTML_TAG.findall(start)) >= 3 else "text"


def _markup_format(start: str) -> str:
    match = _MARKUP_LEAD.match(start)
    root = match.group(1).lower() if match else ""
    if root in ("rss", "rdf:rdf", "rdf"):
        return "rss"
    if root == "feed":
        return "atom"
    # "<Reuters> Syrian forces ..." is text: markup has a known tag or closes what it opens.
    markup = _HTML_TAG.match(start[match.start(1) - 1 :]) if match else None
    return "html" if markup or "</" in start or start.startswith("<!") else "text"


def _object_format(start: str, complete: bool) -> str:
    lines = [line.strip() for line in start.splitlines() if line.strip()]
    first_is_whole = complete or "\n" in start
    if not first_is_whole:
        return "jsonl"  # one long line: as JSON Lines it is the same single record
    try:
        json.loads(lines[0])
        return "jsonl"
    except ValueError:
        pass
    objects = sum(1 for line in lines if line.startswith("{") and line.endswith("}"))
    if len(lines) > 1 and objects * 2 >= len(lines):
        return "jsonl"
    return "json" if _JSON_OBJECT.match(start) else "text"


def binary_kind(head: bytes) -> str | None:
    """What binary content ``head`` starts like ("a PNG image", ...), or None for text.

    Unknown binary is recognised by NUL bytes or many control characters.
    """
    for offset, magic, kind in _MAGIC:
        if head[offset : offset + len(magic)] == magic:
            return kind
    if bom_encoding(head) or bomless_utf16(head):
        return None
    if b"\x00" in head:
        return "unknown binary data (it contains NUL bytes)"
    sample = head[:HEAD_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _CONTROL_RATIO * len(sample):
        return "unknown binary data (it is full of control characters)"
    return None


def binary_reason(kind: str) -> tuple[str, str]:
    """The message and the advice for binary content of ``kind``."""
    advice = next((text for key, text in _ADVICE.items() if key in kind), _DEFAULT_ADVICE)
    return f"binary content (looks like {kind})", advice


def sniff_text(head: bytes, complete: bool) -> str:
    """The start of an input as text, good enough to detect its structure.

    UTF-16/32 are decoded as such; anything else as UTF-8 with replacement characters (the
    structure of every supported format is ASCII). An incomplete head is cut at its last line
    break so that no half line is judged.
    """
    encoding = bom_encoding(head) or bomless_utf16(head)
    if encoding is not None and encoding != "utf-8-sig":
        unit = 4 if "32" in encoding else 2
        head = head[: len(head) - len(head) % unit]
        return head.decode(encoding, errors="replace").removeprefix("\ufeff")
    if not complete and b"\n" in head:
        head = head[: head.rindex(b"\n") + 1]
    return head.decode("utf-8-sig", errors="replace")


def sniff_csv(text: str, complete: bool, name: str = "") -> type[csv.Dialect] | csv.Dialect | None:
    """The CSV dialect of ``text`` when it is a table with a header row, else None.

    The header must be made of short column names, and the rows must have as many fields as the
    header. Unless a column has a name ``dateline`` knows (text, url, title, ...), the file name
    must end in ``.csv``/``.tsv`` too.
    """
    lines = text.splitlines()
    if not complete:
        lines = lines[:-1]
    lines = lines[:50]
    if not lines:
        return None
    known_extension = PurePath(name).suffix.lower() in _CSV_EXTENSIONS
    for dialect in _candidate_dialects("\n".join(lines[:20])):
        if _fits_table(lines, dialect, known_extension):
            return dialect
    return None


def _plain_dialect(delimiter: str) -> type[csv.Dialect]:
    return type(f"Delimited{ord(delimiter)}", (csv.excel,), {"delimiter": delimiter})


_PLAIN_DIALECTS = tuple(_plain_dialect(delimiter) for delimiter in _CSV_DELIMITERS)


def _candidate_dialects(sample: str) -> list[type[csv.Dialect] | csv.Dialect]:
    candidates: list[type[csv.Dialect] | csv.Dialect] = []
    with contextlib.suppress(csv.Error):
        candidates.append(csv.Sniffer().sniff(sample, delimiters=_CSV_DELIMITERS))
    return candidates + list(_PLAIN_DIALECTS)


def _fits_table(lines: list[str], dialect: type[csv.Dialect] | csv.Dialect, named: bool) -> bool:
    try:
        rows = [row for row in csv.reader(lines, dialect) if row]
    except csv.Error:
        return False
    if not rows or len(rows[0]) < 2:
        return False
    header = [cell.strip() for cell in rows[0]]
    if not all(_HEADER_CELL.fullmatch(cell) for cell in header):
        return False
    known = KNOWN_COLUMNS.intersection(cell.lower() for cell in header)
    if not named and not known:
        return False
    if len(rows) == 1:  # a header alone is a table only if it names the article column
        return bool(known.intersection(_BODY_COLUMNS))
    body = rows[1:-1] if len(rows) > 2 else rows[1:]
    matching = sum(1 for row in body if len(row) == len(header))
    return matching >= 0.8 * len(body)
