"""Each reader: what a RawDoc carries, and the Outcome for a bad record."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.ingest import IngestOptions, iter_inputs, read_bytes
from dateline.model import Outcome, RawDoc

Item = RawDoc | Outcome


def read(data: bytes, origin: str = "input", options: IngestOptions | None = None) -> list[Item]:
    return list(read_bytes(data, origin, options or IngestOptions()))


def docs(items: list[Item]) -> list[RawDoc]:
    return [item for item in items if isinstance(item, RawDoc)]


def outcomes(items: list[Item]) -> list[Outcome]:
    return [item for item in items if isinstance(item, Outcome)]


# --- plain text and HTML --------------------------------------------------------------------


def test_plain_text_is_one_text_doc_left_unparsed() -> None:
    data = b"Syria: clashes in Idlib\n\nBEIRUT, Feb 14 (Reuters) - Government forces shelled.\n"
    (doc,) = read(data, "news.txt")
    assert doc == RawDoc(text=data.decode(), kind="text", origin="news.txt", encoding="utf-8")


def test_html_is_kept_as_markup_for_the_cleaner() -> None:
    data = b"<html><head><title>T</title></head><body><p>Shelling</p></body></html>"
    (doc,) = read(data, "page.html")
    assert isinstance(doc, RawDoc)
    assert (doc.kind, doc.text, doc.title) == ("html", data.decode(), None)


# --- JSON Lines and JSON --------------------------------------------------------------------

RECORD = {
    "id": "afp-1",
    "text": "Shelling in Idlib.",
    "url": "https://example.org/a",
    "title": "Idlib",
    "published": "2019-02-14",
    "source": "AFP",
    "language": "en",
}


def test_jsonl_record_carries_its_metadata() -> None:
    (doc,) = read(json.dumps(RECORD).encode() + b"\n", "wire.jsonl")
    assert doc == RawDoc(
        text="Shelling in Idlib.",
        kind="text",
        origin="wire.jsonl:1",
        id="afp-1",
        url="https://example.org/a",
        title="Idlib",
        published="2019-02-14",
        source="AFP",
        language="en",
        encoding="utf-8",
    )


def test_jsonl_html_record_and_numeric_id() -> None:
    (doc,) = read(b'{"html": "<p>x</p>", "id": 42}\n', "a.jsonl")
    assert isinstance(doc, RawDoc)
    assert (doc.kind, doc.text, doc.id) == ("html", "<p>x</p>", "42")


def test_jsonl_bad_lines_get_outcomes_and_the_rest_goes_on() -> None:
    lines = [
        b'{"text": "one"}',
        b'{"text": "two", ',
        b"",
        b'{"url": "https://example.org/no-text"}',
        b'["not", "an", "object"]',
        b'{"text": ""}',
        b'{"text": 5}',
        b'{"text": "seven"}',
    ]
    items = read(b"\n".join(lines) + b"\n", "batch.jsonl")
    assert [(d.origin, d.text) for d in docs(items)] == [
        ("batch.jsonl:1", "one"),
        ("batch.jsonl:8", "seven"),
    ]
    found = {o.origin: o for o in outcomes(items)}
    assert sorted(found) == [f"batch.jsonl:{n}" for n in (2, 4, 5, 6, 7)]
    assert found["batch.jsonl:2"].status == "quarantined"
    assert found["batch.jsonl:2"].reason.startswith("invalid JSON: Expecting property name")
    assert 'no "text" or "html" field; its fields: url' in found["batch.jsonl:4"].reason
    assert "not an array" in found["batch.jsonl:5"].reason
    assert found["batch.jsonl:6"].status == "skipped"
    assert found["batch.jsonl:6"].reason.startswith("empty input")
    assert '"text" must be a string, not int' in found["batch.jsonl:7"].reason


def test_jsonl_line_over_the_limit_is_quarantined_alone() -> None:
    data = b'{"text": "short"}\n{"text": "' + b"x" * 500 + b'"}\n{"text": "after"}\n'
    items = read(data, "big.jsonl", IngestOptions(max_bytes=100))
    assert [d.text for d in docs(items)] == ["short", "after"]
    (bad,) = outcomes(items)
    assert bad.origin == "big.jsonl:2"
    assert bad.reason == "513 bytes exceeds the limit of 100 (raise it with --max-bytes)"


def test_json_array_of_records() -> None:
    data = json.dumps([RECORD, {"html": "<p>b</p>"}, "nope"]).encode()
    items = read(data, "dump.json")
    assert [(d.origin, d.kind) for d in docs(items)] == [
        ("dump.json:item 1", "text"),
        ("dump.json:item 2", "html"),
    ]
    (bad,) = outcomes(items)
    assert bad.origin == "dump.json:item 3"
    assert "not a string" in bad.reason


def test_json_single_object_and_broken_json() -> None:
    (doc,) = read(json.dumps(RECORD, indent=2).encode(), "one.json")
    assert isinstance(doc, RawDoc)
    assert (doc.origin, doc.id) == ("one.json", "afp-1")
    (bad,) = read(b'[\n  {"text": "a"},\n  {"text": \n', "broken.json")
    assert isinstance(bad, Outcome)
    assert bad.status == "quarantined"
    assert bad.reason.startswith("invalid JSON:")
    assert "JSON Lines" in bad.reason


# --- CSV ------------------------------------------------------------------------------------


def test_csv_rows_with_metadata_and_a_row_without_text() -> None:
    data = (
        b"id,date,url,title,source,language,body\n"
        b'1,2019-02-14,https://a,"Idlib, shelled",AFP,en,"Shelling in Idlib.\nTwo dead."\n'
        b"2,2019-02-15,https://b,Empty,AFP,en,\n"
        b"3,2019-02-16\n"
    )
    items = read(data, "sheet.csv")
    (doc,) = docs(items)
    assert doc == RawDoc(
        text="Shelling in Idlib.\nTwo dead.",
        origin="sheet.csv:row 2",
        id="1",
        url="https://a",
        title="Idlib, shelled",
        published="2019-02-14",
        source="AFP",
        language="en",
        encoding="utf-8",
    )
    empty_row, short_row = outcomes(items)
    assert (empty_row.origin, empty_row.status) == ("sheet.csv:row 3", "skipped")
    assert (short_row.origin, short_row.status) == ("sheet.csv:row 4", "quarantined")
    assert "2 fields but the header has 7 columns" in short_row.reason


def test_csv_without_a_text_column_is_one_outcome_naming_its_columns() -> None:
    (bad,) = read(b"id,url,headline\n1,https://a,H1\n2,https://b,H2\n", "links.csv")
    assert isinstance(bad, Outcome)
    assert bad.origin == "links.csv"
    assert bad.status == "quarantined"
    assert "its columns: id, url, headline" in bad.reason
    assert "text, body or content" in bad.reason


def test_containers_without_records_are_one_empty_outcome(tmp_path: Path) -> None:
    (header_only,) = read(b"id,title,text\n", "header.csv")
    assert header_only == Outcome(
        "header.csv", "skipped", "empty input: no articles or records found in it")
    path = tmp_path / "info.warc"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
    (no_pages,) = iter_inputs([path])
    assert isinstance(no_pages, Outcome) and no_pages.reason.startswith("empty input")


def test_tsv_with_html_column_and_cp1252() -> None:
    data = "title\thtml\nAlep\t<p>Frappes près d’Alep</p>\n".encode("cp1252")
    (doc,) = read(data, "x.tsv")
    assert isinstance(doc, RawDoc)
    assert (doc.kind, doc.text, doc.encoding) == ("html", "<p>Frappes près d’Alep</p>", "cp1252")


def test_utf16_csv_is_read_whole() -> None:
    data = "id,text\n1,Frappes près d'Idlib\n".encode("utf-16")
    (doc,) = read(data, "excel.csv")
    assert isinstance(doc, RawDoc)
    assert (doc.text, doc.origin, doc.encoding) == ("Frappes près d'Idlib", "excel.csv:row 2",
                                                    "utf-16")


# --- RSS and Atom ---------------------------------------------------------------------------

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Wire</title><language>fr</language>
<item><title>Frappes</title><link>https://example.org/1</link><guid>g-1</guid>
<pubDate>Thu, 14 Feb 2019 10:30:00 +0100</pubDate><description>Court</description>
<content:encoded><![CDATA[<p>Frappes <b>pr\xc3\xa8s</b> d'Idlib</p>]]></content:encoded></item>
<item><title>Plain</title><description>Shelling near Hama.</description></item>
<item><title>Link only</title><link>https://example.org/3</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><id>tag:example.org,2019:1</id><title>Entry</title><link href="https://example.org/e"/>
<published>2019-02-14</published><content type="html">&lt;p&gt;Clashes&lt;/p&gt;</content></entry>
<entry><id>tag:example.org,2019:2</id><title>Two</title><updated>2019-02-15T08:00:00Z</updated>
<summary>Plain summary.</summary></entry>
</feed>"""


def test_rss_items() -> None:
    items = read(RSS, "feed.xml")
    first, second, third = items
    assert first == RawDoc(
        text="<p>Frappes <b>près</b> d'Idlib</p>",
        kind="html",
        origin="feed.xml:item 1",
        id="g-1",
        url="https://example.org/1",
        title="Frappes",
        published="2019-02-14T10:30:00+01:00",
        source="Example Wire",
        language="fr",
        encoding="utf-8",
    )
    assert isinstance(second, RawDoc)
    assert (second.kind, second.text, second.origin) == (
        "text", "Shelling near Hama.", "feed.xml:item 2")
    assert isinstance(third, Outcome)
    assert (third.origin, third.status) == ("feed.xml:item 3", "skipped")
    assert "no content or description" in third.reason


def test_atom_entries() -> None:
    first, second = read(ATOM, "atom.xml")
    assert isinstance(first, RawDoc) and isinstance(second, RawDoc)
    assert (first.kind, first.text, first.published, first.url, first.source) == (
        "html", "<p>Clashes</p>", "2019-02-14", "https://example.org/e", "Atom Desk")
    assert (second.kind, second.published, second.id) == (
        "text", "2019-02-15T08:00:00+00:00", "tag:example.org,2019:2")


def test_malformed_feed_and_empty_feed() -> None:
    (bad,) = read(b"<rss><channel><item><title>x</ti", "bad.xml")
    assert isinstance(bad, Outcome)
    assert bad.origin == "bad.xml:item 1"
    assert bad.status == "quarantined"
    assert bad.reason.startswith("malformed feed")
    (none,) = read(b"<rss><channel><title>Quiet</title></channel></rss>", "quiet.xml")
    assert isinstance(none, Outcome)
    assert none.status == "skipped"


# --- WARC -----------------------------------------------------------------------------------


def write_warc(path: Path, compress: bool) -> None:
    page = "<html><body><p>Frappes près d'Idlib</p></body></html>".encode("latin-1")
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))

        def response(url: str, status: str, content_type: str, body: bytes) -> None:
            headers = StatusAndHeaders(
                status, [("Content-Type", content_type), ("Content-Language", "fr")],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body),
                http_headers=headers,
            )
            writer.write_record(record)

        response("https://example.org/a", "200 OK", "text/html; charset=iso-8859-1", page)
        response("https://example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n")
        response("https://example.org/gone", "404 Not Found", "text/html", b"<p>404</p>")
        response("https://example.org/b.txt", "200 OK", "text/plain", b"Shelling in Hama.")


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_warc_responses(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    write_warc(path, compress)
    items = list(iter_inputs([str(path)]))
    html, png, gone, text = items
    assert isinstance(html, RawDoc)
    assert html.text == "<html><body><p>Frappes près d'Idlib</p></body></html>"
    assert (html.kind, html.origin, html.url) == ("html", f"{path}:record 2",
                                                 "https://example.org/a")
    assert (html.published, html.language, html.encoding) == (None, "fr", "cp1252")
    assert html.id is not None and html.id.startswith("urn:uuid:")
    assert isinstance(png, Outcome) and png.status == "skipped" and "image/png" in png.reason
    assert isinstance(gone, Outcome) and "HTTP status 404" in gone.reason
    assert isinstance(text, RawDoc)
    assert (text.kind, text.text, text.origin) == ("text", "Shelling in Hama.",
                                                  f"{path}:record 5")


def test_malformed_warc_keeps_the_records_before(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, compress=False)
    data = path.read_bytes()
    items = read(data + b"WARC/1.0\r\nContent-Length: 0\r\n\r\n\r\n\r\n", "untyped.warc")
    assert len(docs(items)) == 2
    untyped = outcomes(items)[-1]
    assert (untyped.origin, untyped.status) == ("untyped.warc:record 6", "quarantined")
    assert "no WARC-Type" in untyped.reason
    items = read(data + b"garbage here\r\n\r\n", "garbage.warc")
    assert len(docs(items)) == 2
    garbage = outcomes(items)[-1]
    assert (garbage.origin, garbage.status) == ("garbage.warc", "quarantined")
    assert garbage.reason.startswith("malformed WARC after record 5")


# --- gzip -----------------------------------------------------------------------------------


def test_gzip_of_jsonl_keeps_the_gz_origin() -> None:
    data = gzip.compress(b'{"text": "a"}\n{"text": "b"}\n')
    items = read(data, "wire.jsonl.gz")
    assert [(d.origin, d.text) for d in docs(items)] == [
        ("wire.jsonl.gz:1", "a"), ("wire.jsonl.gz:2", "b")]


def test_multi_member_gzip_and_gzip_of_gzip() -> None:
    data = gzip.compress(b'{"text": "a"}\n') + gzip.compress(b'{"text": "b"}\n')
    assert [d.text for d in docs(read(data, "m.gz"))] == ["a", "b"]
    (doc,) = read(gzip.compress(gzip.compress(b"<p>deep</p>")), "twice.gz")
    assert isinstance(doc, RawDoc)
    assert (doc.kind, doc.origin) == ("html", "twice.gz")


def test_data_after_the_gzip_stream_is_reported_after_what_was_read() -> None:
    data = gzip.compress(b'{"text": "a"}\n') + b"\x00" * 512
    assert [d.text for d in docs(read(data, "padded.gz"))] == ["a"]
    items = read(gzip.compress(b'{"text": "a"}\n') + b"junk", "junk.gz")
    assert [type(item) for item in items] == [RawDoc, Outcome]
    assert outcomes(items)[0].reason.startswith("data after the end of the gzip stream")


def test_truncated_gzip_of_jsonl_keeps_the_records_before() -> None:
    lines = b"".join(b'{"text": "record %d"}\n' % n for n in range(20_000))
    data = gzip.compress(lines)
    items = read(data[: len(data) // 2], "cut.jsonl.gz")
    assert len(docs(items)) > 1000
    assert items[-1] == Outcome(
        "cut.jsonl.gz",
        "quarantined",
        "truncated gzip data: the input ends inside a compressed member "
        "(re-download or re-create the file)",
    )


def test_truncated_and_corrupt_gzip_are_quarantined() -> None:
    data = gzip.compress(b"Shelling in Idlib. " * 1000)
    (cut,) = read(data[: len(data) // 2], "cut.gz")
    assert isinstance(cut, Outcome) and cut.status == "quarantined"
    assert cut.reason.startswith("truncated gzip data")
    (bad,) = read(data[:20] + b"\xff" * 50, "bad.gz")
    assert isinstance(bad, Outcome) and bad.status == "quarantined"
