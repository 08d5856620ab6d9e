"""Bad inputs, generated at run time: each gets an explained Outcome and the batch goes on."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import tracemalloc
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.ingest import IngestOptions, iter_inputs, read_bytes, read_stream
from dateline.model import Outcome, RawDoc

MB = 1024 * 1024


def only(items: list[RawDoc | Outcome]) -> RawDoc | Outcome:
    assert len(items) == 1, items
    return items[0]


def read_path(path: Path, options: IngestOptions | None = None) -> RawDoc | Outcome:
    return only(list(iter_inputs([str(path)], options or IngestOptions())))


def write_gzip_bomb(path: Path, megabytes: int) -> None:
    """Stream ``megabytes`` MiB of zeros into a valid gzip file, one compressed MiB at a time.

    A full flush makes each compressed block independent, so one block is written again and
    again: the file is about 1 KiB per MiB and costs no memory to make.
    """
    zeros = bytes(MB)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = deflate.compress(zeros) + deflate.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    with path.open("wb") as out:
        out.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff")
        for _ in range(megabytes):
            out.write(block)
            crc = zlib.crc32(zeros, crc)
        out.write(b"\x03\x00")  # final, empty block
        out.write(crc.to_bytes(4, "little") + (megabytes * MB % 2**32).to_bytes(4, "little"))


def test_gzip_bomb_helper_makes_a_valid_gzip(tmp_path: Path) -> None:
    path = tmp_path / "small.gz"
    write_gzip_bomb(path, 3)
    assert gzip.decompress(path.read_bytes()) == bytes(3 * MB)


def test_empty_file_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert read_path(path) == Outcome(str(path), "skipped", "empty input")


def test_whitespace_only_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \r\n\t\n")
    assert read_path(path) == Outcome(str(path), "skipped", "empty input")


def test_random_binary_is_quarantined(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(os.urandom(100_000))
    outcome = read_path(path)
    assert isinstance(outcome, Outcome)
    assert outcome.status == "quarantined"
    assert outcome.reason.startswith("binary content (looks like unknown binary data")


@pytest.mark.parametrize(
    ("data", "looks_like", "advice"),
    [
        (b"\x89PNG\r\n\x1a\n" + os.urandom(64), "a PNG image", "pass text, HTML"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + os.urandom(64), "a PDF document", "pdftotext"),
        (b"PK\x03\x04" + os.urandom(64), "a ZIP archive", "unzip it"),
        (b"BZh91AY&SY" + os.urandom(64), "a bzip2 archive", "decompress it first"),
    ],
)
def test_known_binary_says_what_it_looks_like(data: bytes, looks_like: str, advice: str) -> None:
    outcome = only(list(read_bytes(data, "file")))
    assert isinstance(outcome, Outcome)
    assert outcome.status == "quarantined"
    assert outcome.reason.startswith(f"binary content (looks like {looks_like}")
    assert advice in outcome.reason


def test_invalid_utf8_that_is_latin1_decodes_right(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_bytes("Bashar al-Asad dénonce les frappes".encode("latin-1"))
    doc = read_path(path)
    assert isinstance(doc, RawDoc)
    assert doc.text == "Bashar al-Asad dénonce les frappes"
    assert doc.encoding == "cp1252"


def test_50_mb_text_file_is_quarantined_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = b"Shelling was reported in Idlib province on Thursday.\n" * 1000
    with path.open("wb") as out:
        while out.tell() < 50_000_000:
            out.write(line)
        out.truncate(50_000_000)
    outcome = read_path(path)
    assert outcome == Outcome(
        str(path),
        "quarantined",
        "50000000 bytes exceeds the limit of 20000000 (raise it with --max-bytes)",
    )


class CountingStream(io.RawIOBase):
    """A stream of ``size`` bytes of text that counts how much of it is read."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.position = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        n = min(len(buffer), self.size - self.position)
        buffer[:n] = b"a" * n
        self.position += n
        return n


def test_a_known_size_over_the_limit_is_decided_from_the_head() -> None:
    stream = CountingStream(50_000_000)
    (outcome,) = read_stream(stream, "big.txt", IngestOptions(), size=stream.size)  # type: ignore[arg-type]
    assert isinstance(outcome, Outcome) and "exceeds the limit" in outcome.reason
    assert stream.position <= 64 * 1024


def test_gzip_bomb_is_quarantined_quickly_in_little_memory(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    write_gzip_bomb(path, 1024)  # 1 GiB of zeros in about 1 MiB
    assert path.stat().st_size < 2 * MB
    tracemalloc.start()
    try:
        outcome = read_path(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(outcome, Outcome)
    assert outcome.origin == str(path)
    assert outcome.status == "quarantined"
    assert outcome.reason.startswith("decompressed size exceeds 200000000 bytes")
    assert peak < 40 * MB


def test_gzip_of_text_over_max_bytes_reports_its_decompressed_size(tmp_path: Path) -> None:
    path = tmp_path / "long.txt.gz"
    path.write_bytes(gzip.compress(b"Shelling in Idlib. " * 10_000))
    outcome = read_path(path, IngestOptions(max_bytes=1000))
    reason = "190000 bytes exceeds the limit of 1000 (raise it with --max-bytes)"
    assert outcome == Outcome(str(path), "quarantined", reason)


def test_html_nested_10000_deep_is_just_html(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    html = "<html><body>" + "<div>" * 10_000 + "Shelling" + "</div>" * 10_000 + "</body></html>"
    path.write_text(html)
    doc = read_path(path)
    assert isinstance(doc, RawDoc)
    assert (doc.kind, doc.text) == ("html", html)


def test_deeply_nested_json_line_is_quarantined() -> None:
    data = b'{"text": "ok"}\n' + b"[" * 100_000 + b"]" * 100_000 + b"\n"
    items = list(read_bytes(data, "deep.jsonl"))
    assert isinstance(items[0], RawDoc)
    assert isinstance(items[1], Outcome) and items[1].status == "quarantined"


def test_jsonl_with_one_broken_line(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text('{"text": "one"}\n{"text": "two"\n{"text": "three"}\n')
    items = list(iter_inputs([str(path)]))
    assert [type(item).__name__ for item in items] == ["RawDoc", "Outcome", "RawDoc"]
    broken = items[1]
    assert isinstance(broken, Outcome)
    assert broken.origin == f"{path}:2"
    assert broken.reason.startswith("invalid JSON: Expecting ',' delimiter")


def test_csv_with_a_missing_text_column(tmp_path: Path) -> None:
    path = tmp_path / "links.csv"
    path.write_text("id,url\n1,https://example.org/a\n2,https://example.org/b\n")
    outcome = read_path(path)
    assert isinstance(outcome, Outcome)
    assert outcome.status == "quarantined"
    assert "its columns: id, url" in outcome.reason


def test_non_existent_path_fails(tmp_path: Path) -> None:
    path = tmp_path / "missing.txt"
    assert read_path(path) == Outcome(
        str(path), "failed", "no such file or directory (check the path)"
    )


def test_glob_matching_nothing_fails(tmp_path: Path) -> None:
    outcome = read_path(tmp_path / "*.nothing")
    assert isinstance(outcome, Outcome)
    assert outcome.status == "failed" and outcome.reason.startswith("no file matches")


def test_glob_is_expanded_sorted(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.md"):
        (tmp_path / name).write_text(f"Article {name}")
    items = list(iter_inputs([str(tmp_path / "*.txt")]))
    assert [item.origin for item in items] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]


def test_stdin_is_read_as_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO('{"text": "Asad dénonce"}\n'.encode("cp1252")))
    monkeypatch.setattr(sys, "stdin", fake)
    (doc,) = iter_inputs(["-"])
    assert isinstance(doc, RawDoc)
    assert (doc.origin, doc.text) == ("<stdin>:1", "Asad dénonce")


def make_mixed_directory(root: Path) -> int:
    """Good and bad inputs; returns how many items (articles, records, files) they hold."""
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "empty-dir").mkdir()
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main")  # hidden: not an input
    (root / ".hidden.txt").write_text("hidden")  # hidden: not an input
    (root / "a.txt").write_text("Shelling in Idlib.")  # 1
    (root / "b.html").write_text("<p>Clashes near Hama</p>")  # 1
    (root / "c.jsonl").write_text('{"text": "x"}\n{broken\n{"url": "no text"}\n')  # 3
    (root / "d.csv").write_text("id,text\n1,Body\n2,\n")  # 2
    (root / "e.csv").write_text("id,url\n1,https://a\n")  # 1 (no text column)
    (root / "f.bin").write_bytes(os.urandom(2048))  # 1
    (root / "g.txt").write_bytes(b"")  # 1
    (root / "sub" / "h.json").write_text(json.dumps([{"text": "a"}, {"text": "b"}]))  # 2
    (root / "sub" / "deeper" / "i.txt.gz").write_bytes(gzip.compress(b"Gzipped text"))  # 1
    (root / "sub" / "j.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))  # 1
    return 14


def test_directory_mixing_good_and_bad_files_accounts_for_every_input(tmp_path: Path) -> None:
    expected = make_mixed_directory(tmp_path)
    items = list(iter_inputs([str(tmp_path), str(tmp_path / "missing.txt")]))
    assert len(items) == expected + 1
    assert sum(isinstance(item, RawDoc) for item in items) == 7
    assert not any(".hidden" in item.origin or ".git" in item.origin for item in items)
    origins = [item.origin for item in items]
    assert origins[0] == str(tmp_path / "a.txt")
    assert str(tmp_path / "sub" / "deeper" / "i.txt.gz") in origins
    assert all(isinstance(item, RawDoc) or item.reason for item in items)


def test_directory_without_recursion_says_what_it_passed_over(tmp_path: Path) -> None:
    make_mixed_directory(tmp_path)
    items = list(iter_inputs([str(tmp_path)], IngestOptions(recursive=False)))
    passed_over = [
        item.origin for item in items if isinstance(item, Outcome) and "recursive" in item.reason
    ]
    assert passed_over == [
        str(tmp_path / "empty-dir"), str(tmp_path / "sub")]


def test_empty_directory_is_an_outcome(tmp_path: Path) -> None:
    outcome = read_path(tmp_path)
    assert isinstance(outcome, Outcome)
    assert outcome.status == "skipped" and outcome.reason.startswith("empty directory")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_items_and_never_raise(data: bytes) -> None:
    items = list(read_bytes(data, "fuzz"))
    assert items
    for item in items:
        assert isinstance(item, RawDoc | Outcome)
        if isinstance(item, Outcome):
            assert item.status != "failed", item.reason
            assert item.reason
