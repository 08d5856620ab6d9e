"""Format detection from content (the file name only breaks ties)."""

from __future__ import annotations

import gzip
import os

import pytest

from dateline.ingest import FORMATS, detect_format

RSS = b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>T</title></channel></rss>'
RDF = b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
ATOM = b'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
XHTML = b'<?xml version="1.0"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml">'

CASES = [
    ("zero bytes", b"", "", "empty"),
    ("whitespace", b" \n\t\r\n ", "", "empty"),
    ("bom only", b"\xef\xbb\xbf  \n", "", "empty"),
    ("gzip", gzip.compress(b"hello"), "", "gzip"),
    ("warc", b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "", "warc"),
    ("jsonl", b'{"text": "a"}\n{"text": "b"}\n', "", "jsonl"),
    ("jsonl, first line broken", b'{"text": "a\n{"text": "b"}\n{"text": "c"}\n', "", "jsonl"),
    ("one-line json object", b'{"text": "a", "id": "1"}', "", "jsonl"),
    ("pretty json object", b'{\n  "text": "a",\n  "id": "1"\n}\n', "", "json"),
    ("json array", b'[\n {"text": "a"},\n {"html": "<p>b</p>"}\n]', "", "json"),
    ("empty json array", b"[]", "", "json"),
    ("csv", b"id,title,text\n1,A,Body one\n2,B,Body two\n", "", "csv"),
    ("tsv", b"id\ttitle\tbody\n1\tA\tBody one\n2\tB\tBody two\n", "", "csv"),
    ("semicolon csv", b"id;url;content\n1;http://a;Body\n", "", "csv"),
    ("quoted multi-line csv", b'title,text\nA,"line one\nline two"\nB,"x, y"\n', "", "csv"),
    ("csv, unknown columns, .csv name", b"alpha,beta\n1,2\n3,4\n", "x.csv", "csv"),
    ("csv, unknown columns, no name", b"alpha,beta\n1,2\n3,4\n", "", "text"),
    ("csv header only", b"id,title,text\n", "", "csv"),
    ("csv without text column", b"id,url,headline\n1,http://a,H\n", "", "csv"),
    ("rss", RSS, "", "rss"),
    ("rss without declaration", b"<rss><channel></channel></rss>", "", "rss"),
    ("rdf", RDF, "", "rss"),
    ("atom", ATOM, "", "atom"),
    ("html", b"<!DOCTYPE html>\n<html><head><title>T</title></head><body>x</body></html>", "",
     "html"),
    ("html with comment first", b"<!-- saved -->\n<html><body>x</body></html>", "", "html"),
    ("xhtml", XHTML, "", "html"),
    ("html fragment", b"<p>Clashes in <b>Idlib</b></p>", "", "html"),
    ("tags after text", b"Breaking<br>\n<p>Shelling</p><p>More</p>", "", "html"),
    ("html, deeply nested", b"<div>" * 10_000 + b"x" + b"</div>" * 10_000, "", "html"),
    ("plain text", b"BEIRUT, Feb 14 (Reuters) - Syrian forces shelled Idlib.\n", "", "text"),
    ("text with commas", b"Clashes, shelling, airstrikes\nin Idlib, Hama\n", "", "text"),
    ("text in brackets", b"[Reuters] Syrian forces shelled Idlib.", "", "text"),
    ("text in braces", b"{Update} Syrian forces shelled Idlib.", "", "text"),
    ("text in angle brackets", b"<Reuters> Syrian forces shelled Idlib.", "", "text"),
    ("unknown xml root", b'<?xml version="1.0"?><doc><p>x</p></doc>', "", "html"),
    ("latin-1 text", "Bashar al-Asad dénonce".encode("latin-1"), "", "text"),
    ("utf-16 text", "Frappes près d'Idlib".encode("utf-16"), "", "text"),
    ("utf-16-le text without BOM", "Frappes près d'Idlib".encode("utf-16-le"), "", "text"),
    ("utf-16 jsonl", '{"text": "é"}\n'.encode("utf-16"), "", "jsonl"),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "", "binary"),
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "", "binary"),
    ("zip", b"PK\x03\x04\x14\x00\x00\x00", "", "binary"),
    ("nul bytes", b"abc\x00def", "", "binary"),
    ("control characters", bytes(range(1, 9)) * 20, "", "binary"),
    ("random bytes", os.urandom(4096), "", "binary"),
]


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_detect_format(data: bytes, name: str, expected: str) -> None:
    assert detect_format(data, name) == expected


def test_every_format_is_covered_by_the_table() -> None:
    assert {case[3] for case in CASES} == set(FORMATS)


def test_detection_looks_only_at_the_head() -> None:
    data = b"<html><body>" + b"x" * 5_000_000
    assert detect_format(data) == "html"


def test_jsonl_with_a_first_line_longer_than_the_head() -> None:
    line = b'{"text": "' + b"a" * 100_000 + b'"}\n'
    assert detect_format(line * 2) == "jsonl"
