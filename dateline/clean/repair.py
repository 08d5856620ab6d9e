"""Text repairs. Each pass reads the current text and proposes :class:`Replacement` s; the
:class:`~dateline.clean.editlog.EditLog` applies them and keeps the map to the raw text.

Repairs are precise by construction: a token is changed only when it is not a word and the
repair is one (word frequencies from ``wordfreq``), so clean text comes through unchanged.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import ftfy

from dateline.clean.editlog import Replacement
from dateline.clean.resources import CleaningData

REPEAT_MAX_GAP = 3  # a copy at most this many paragraphs after its twin goes
REPEAT_MIN_WORDS = 30  # a copy further down goes when the paragraph is this long and only twice
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\ufeff]")


@dataclass
class RepairReport:
    """What the passes found besides edits: metadata and captions moved out of the body."""

    agency: str | None = None
    captions: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)


def lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end_with_newlines, stripped_line) for each non-empty line."""
    for match in re.finditer(r"[^\n]*(?:\n|$)", text):
        if match.start() == match.end():
            break
        stripped = match.group().strip()
        if stripped:
            yield match.start(), match.end(), stripped


def normalize_characters(text: str) -> list[Replacement]:
    """Mojibake (ftfy), HTML entities and control characters, line by line."""
    out = []
    for start, end, _ in lines(text):
        line = text[start:end]
        fixed = ftfy.fix_text(
            line, uncurl_quotes=False, fix_character_width=False, fix_latin_ligatures=False,
            normalization="NFC", unescape_html=False,
        )
        fixed = _ENTITY.sub(lambda m: html.unescape(m.group()), fixed)
        fixed = _CONTROL.sub("", fixed)
        if fixed != line:
            out.append(Replacement(start, end, fixed, "encoding"))
    return out


def normalize_whitespace(text: str) -> list[Replacement]:
    out = []
    for match in re.finditer(r"[ \t\u00a0]{2,}|[ \t\u00a0]+(?=\n)|\r\n?|\n{3,}|^\s+|\s+$", text):
        value = match.group()
        if match.start() == 0 or match.end() == len(text):
            after = ""
        elif "\n" in value or "\r" in value:
            after = "\n\n" if value.count("\n") + value.count("\r") > 1 else "\n"
        elif match.end() < len(text) and text[match.end()] == "\n":
            after = ""
        else:
            after = " "
        out.append(Replacement(match.start(), match.end(), after, "whitespace"))
    return out


def entity_remnants(text: str, data: CleaningData) -> list[Replacement]:
    """'of 39;' and '&#39' remnants of numeric character references."""
    codes = "|".join(sorted(data.entity_codes, key=len, reverse=True))
    pattern = re.compile(rf"(?:(?<=\s)(?:of|de|d) )?(?<![\w&#])&?#?({codes});")
    out = []
    for match in pattern.finditer(text):
        char = data.entity_codes[match.group(1)]
        after = "" if match.group().startswith(("of ", "de ", "d ")) or char in "'\"" else char
        start, end = match.start(), match.end()
        if not after and text[start - 1:start] == " " and text[end:end + 1] == " ":
            end += 1
        out.append(Replacement(start, end, after, "entity-remnant"))
    return out


def furniture(text: str, data: CleaningData, report: RepairReport) -> list[Replacement]:
    """Whole furniture lines, agency bylines (to metadata) and markup fragments."""
    out = []
    for start, end, line in lines(text):
        if any(p.fullmatch(line) for p in data.furniture_lines):
            out.append(Replacement(start, end, "", "furniture"))
            continue
        agency = next((name for name, p in data.agency_lines if p.fullmatch(line)), None)
        if agency:
            report.agency = report.agency or agency
            out.append(Replacement(start, end, "", "byline"))
            continue
        for pattern in data.furniture_fragments:
            match = pattern.search(text, start, start + len(text[start:end].rstrip("\n")))
            if match and match.end() > match.start():
                out.append(Replacement(match.start(), match.end(), "", "markup-fragment"))
                break
    return out


def _paragraph_key(line: str) -> str:
    return re.sub(r"\W+", " ", unicodedata.normalize("NFKC", line)).strip().lower()


def captions_and_repeats(text: str, data: CleaningData, report: RepairReport) -> list[Replacement]:
    """Photo captions leave the body (kept once in ``captions``); a paragraph printed twice is
    kept once. Only near copies (a scraper printing a block twice) or long ones go: a short line
    that comes back further down is the page's own structure (a recipe's "Eat 60–90 minutes
    before your workout" for each day)."""
    out = []
    paragraphs = list(lines(text))
    keys = [_paragraph_key(line) for _, _, line in paragraphs]
    counts = Counter(keys)
    last_seen: dict[str, int] = {}
    for index, ((start, end, line), key) in enumerate(zip(paragraphs, keys, strict=True)):
        is_caption = bool(data.caption_credit.search(line)) and (
            len(line.split()) <= data.caption_max_words
        )
        if is_caption:
            if key not in {_paragraph_key(c) for c in report.captions}:
                report.captions.append(line)
            out.append(Replacement(start, end, "", "caption"))
        elif key in last_seen and len(key) > 20 and (
                index - last_seen[key] <= REPEAT_MAX_GAP
                or (counts[key] == 2 and len(key.split()) >= REPEAT_MIN_WORDS)):
            out.append(Replacement(start, end, "", "repeated-paragraph"))
        last_seen[key] = index
    return out


def translation_leftovers(text: str, data: CleaningData, report: RepairReport) -> list[Replacement]:
    out = []
    for word, english in data.leftovers.items():
        for match in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text):
            out.append(Replacement(match.start(), match.end(), english, "translation-leftover"))
            report.flags.append(f"untranslated '{word}' read as '{english}'")
    return out
