"""Decoding: BOMs, declared charsets, UTF-8, Western single-byte text, charset-normalizer."""

from __future__ import annotations

import codecs

import pytest

from dateline.errors import BinaryInputError
from dateline.ingest import decode, read_bytes
from dateline.model import RawDoc

FRENCH = "Bashar al-Asad dénonce les frappes aériennes près d'Idlib, « un crime »."
QUOTES = "He said “we will not retreat” – the army’s spokesman… cost 5 €."
RUSSIAN = (
    "Российские войска обстреляли Харьков, погибли пять человек, сообщили местные власти. "
    "По словам губернатора, удар пришёлся по жилому кварталу."
)
ARABIC = "قالت وزارة الدفاع إن قوات الجيش سيطرت على المدينة بعد اشتباكات عنيفة استمرت يومين"

CASES = [
    ("utf-8", FRENCH.encode("utf-8"), FRENCH, "utf-8"),
    ("utf-8 with BOM", codecs.BOM_UTF8 + FRENCH.encode("utf-8"), FRENCH, "utf-8-sig"),
    ("utf-16-le with BOM", FRENCH.encode("utf-16"), FRENCH, "utf-16"),
    ("utf-16-be with BOM", codecs.BOM_UTF16_BE + FRENCH.encode("utf-16-be"), FRENCH, "utf-16"),
    ("utf-32 with BOM", FRENCH.encode("utf-32"), FRENCH, "utf-32"),
    ("utf-16-le without BOM", FRENCH.encode("utf-16-le"), FRENCH, "utf-16-le"),
    ("latin-1", FRENCH.encode("latin-1"), FRENCH, "cp1252"),
    ("latin-1, short", "Bashar al-Asad dénonce".encode("latin-1"), "Bashar al-Asad dénonce",
     "cp1252"),
    ("cp1252 punctuation", QUOTES.encode("cp1252"), QUOTES, "cp1252"),
    ("german latin-1", "Angriffe über Mörfelden; Straße gesperrt".encode("latin-1"),
     "Angriffe über Mörfelden; Straße gesperrt", "cp1252"),
    ("ascii", b"Shelling in Idlib", "Shelling in Idlib", "utf-8"),
    ("cp1251 russian", RUSSIAN.encode("cp1251"), RUSSIAN, "cp1251"),
    ("cp1256 arabic", ARABIC.encode("cp1256"), ARABIC, "cp1256"),
]


@pytest.mark.parametrize(
    ("data", "text", "encoding"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_decode(data: bytes, text: str, encoding: str) -> None:
    assert decode(data) == (text, encoding)


def test_meta_charset_is_used_when_the_bytes_agree() -> None:
    html = '<html><head><meta charset="windows-1251"></head><body>Харьков</body></html>'
    text, encoding = decode(html.encode("cp1251"))
    assert (text, encoding) == (html, "cp1251")


def test_http_equiv_charset() -> None:
    html = ('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
            "<p>Frappes près d'Idlib</p>")
    assert decode(html.encode("latin-1")) == (html, "cp1252")


def test_xml_declaration_encoding() -> None:
    xml = '<?xml version="1.0" encoding="ISO-8859-15"?><p>5 € à Alep</p>'
    assert decode(xml.encode("iso-8859-15")) == (xml, "iso8859-15")


def test_a_wrong_declaration_is_not_trusted() -> None:
    html = '<meta charset="utf-8"><p>Bashar al-Asad dénonce</p>'
    assert decode(html.encode("cp1252")) == (html, "cp1252")


def test_declared_by_the_container() -> None:
    assert decode("Харьков под обстрелом".encode("koi8-r"), declared="koi8-r") == (
        "Харьков под обстрелом",
        "koi8-r",
    )


def test_undecodable_bytes_raise_binary_input_error() -> None:
    with pytest.raises(BinaryInputError):
        decode(bytes(range(128, 256)) * 4)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252"])
def test_read_bytes_reports_the_encoding(encoding: str) -> None:
    (doc,) = read_bytes(FRENCH.encode(encoding), "article.txt")
    assert isinstance(doc, RawDoc)
    assert doc.text == FRENCH
    assert doc.encoding == {"latin-1": "cp1252"}.get(encoding, encoding)


def test_invalid_utf8_jsonl_line_is_decoded_on_its_own_evidence() -> None:
    data = b'{"text": "plain ascii"}\n' + '{"text": "Asad dénonce"}\n'.encode("cp1252")
    docs = list(read_bytes(data, "x.jsonl"))
    assert [d.text for d in docs if isinstance(d, RawDoc)] == ["plain ascii", "Asad dénonce"]
