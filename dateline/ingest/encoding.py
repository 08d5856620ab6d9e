"""Turning bytes into text without assuming UTF-8 blindly.

Order of evidence: a byte-order mark; the UTF-16 pattern of NUL bytes; a charset the document
declares (HTML ``<meta charset>``, ``http-equiv`` or the XML declaration) when the bytes agree with
it; strict UTF-8; Western single-byte text (windows-1252, a superset of latin-1 for text); and
finally charset-normalizer's best guess.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from dateline.errors import BinaryInputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{2,40})"""
    rb"""|^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{2,40})""",
    re.IGNORECASE,
)
_DECLARED_SCAN_BYTES = 4096
# Labels that browsers read as windows-1252 (WHATWG Encoding Standard).
_WINDOWS_1252_LABELS = {"ascii", "us-ascii", "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1"}

# Western text decoded as windows-1252 uses these non-ASCII characters, and uses them sparsely.
# Cyrillic, Greek, Arabic or CJK bytes decoded the same way give long runs of accented letters
# (or characters outside the set), so they are left to charset-normalizer. The Icelandic letters
# are left out on purpose: in windows-1254 they are the Turkish ğ ı ş.
_ACCENTED = "ŠŒŽšœžŸÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜßàáâãäåæçèéêëìíîïñòóôõöøùúûüÿ"
_PUNCTUATION = "\xa0\xad¡¢£¤¥§©ª«®°±´µ·º»¿‚ƒ„…†‡ˆ‰‹‘’“”•–—˜™›€"


def _cp1252_bytes(chars: str) -> bytes:
    return bytes(sorted(set(chars.encode("cp1252"))))


_ACCENTED_BYTES = _cp1252_bytes(_ACCENTED)
_WESTERN_BYTES = bytes(range(0x80)) + _cp1252_bytes(_ACCENTED + _PUNCTUATION)
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_NOT_ASCII_LETTERS = bytes(b for b in range(256) if b not in _ASCII_LETTERS)
_NOT_ACCENTED = bytes(b for b in range(256) if b not in _ACCENTED_BYTES)
_ACCENTED_RUN = re.compile(b"[" + re.escape(_ACCENTED_BYTES) + b"]{4,}")


def bom_encoding(data: bytes) -> str | None:
    """The codec named by a leading byte-order mark, or None."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when the NUL bytes fall in the pattern of UTF-16 text."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nuls, odd_nuls = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nuls > 0.7 and even_nuls < 0.1:
        return "utf-16-le"
    if even_nuls > 0.7 and odd_nuls < 0.1:
        return "utf-16-be"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or XML declaration names (a Python codec name), or None."""
    match = _DECLARED.search(data[:_DECLARED_SCAN_BYTES])
    if match is None:
        return None
    return codec_name((match.group(1) or match.group(2)).decode("ascii"))


def codec_name(label: str) -> str | None:
    """The Python codec for a charset label as browsers read it, or None when unknown.

    ``latin-1`` and ``ascii`` labels mean windows-1252 (WHATWG); UTF-16/32 labels are dropped,
    because a document whose label could be read as ASCII cannot really be UTF-16/32.
    """
    label = label.strip().lower()
    if label in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return None if name.startswith(("utf-16", "utf-32")) else name


def decode_as(data: bytes, encoding: str) -> str | None:
    """``data`` decoded strictly with ``encoding``, or None when the bytes disagree with it."""
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def looks_western(data: bytes) -> bool:
    """True when ``data`` reads as Western European text in windows-1252."""
    if data.translate(None, _WESTERN_BYTES) or decode_as(data, "cp1252") is None:
        return False
    accented = len(data.translate(None, _NOT_ACCENTED))
    letters = accented + len(data.translate(None, _NOT_ASCII_LETTERS))
    return accented <= 0.3 * letters and _ACCENTED_RUN.search(data) is None


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to ``(text, encoding)``; ``encoding`` is the Python codec name used.

    ``declared`` is a charset the container gives (an HTTP ``Content-Type``, say); it is used
    when the bytes agree with it, like a charset the document declares itself. A leading BOM is
    removed. Raises :class:`BinaryInputError` when no text encoding fits the bytes.
    """
    encoding = bom_encoding(data) or bomless_utf16(data)
    if encoding is not None:
        return data.decode(encoding, errors="replace").removeprefix("\ufeff"), encoding
    given = codec_name(declared) if declared else None
    for candidate in (given, declared_charset(data), "utf-8"):
        text = decode_as(data, candidate) if candidate else None
        if text is not None and candidate:
            return text, codecs.lookup(candidate).name
    if looks_western(data):
        return data.decode("cp1252"), "cp1252"
    best = from_bytes(data).best()
    if best is None:
        raise BinaryInputError(
            "binary content (the bytes are not text in any known encoding)",
            "pass text, HTML, JSON Lines, CSV, RSS/Atom, WARC or a gzip of one of these",
        )
    return str(best), best.encoding


def decode_line(data: bytes, encoding: str) -> tuple[str, str]:
    """Decode one line of a larger input: with the input's ``encoding`` when the line agrees,
    else on its own evidence (a file whose first part was ASCII can turn windows-1252 later)."""
    text = decode_as(data, encoding)
    if text is not None:
        return text, encoding
    return decode(data)
