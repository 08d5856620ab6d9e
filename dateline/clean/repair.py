"""Text repairs. Each pass reads the current text and proposes :class:`Replacement` s; the
:class:`~dateline.clean.editlog.EditLog` applies them and keeps the map to the raw text.

Repairs are precise by construction: a token is changed only when it is not a word and the
repair is one (word frequencies from ``wordfreq``), so clean text comes through unchanged.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

import ftfy
from wordfreq import zipf_frequency

from dateline.clean.editlog import Replacement
from dateline.clean.resources import CleaningData

WORD_MIN_ZIPF = 2.5  # a token at or above this frequency is an English word
DAMAGED_MAX_ZIPF = 1.5  # a token below this frequency may be damage
PART_MIN_ZIPF = 3.0  # both halves of a split glued token must be common words
# Right halves that are English suffixes: "changement" is French, not "change ment".
SUFFIXES = frozenset("ment ments ing ings ness tion tions sion ers able ible ism ist ists ity ally "
                     "less ful ous ive ives ance ence ant ent age ages ure ures ship".split())
SPEECH_VERBS = frozenset({"said", "says", "told", "added", "explained", "stated", "insisted"})
_TOKEN = re.compile(r"[A-Za-z][a-z]+")
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


def is_word(token: str) -> bool:
    return zipf_frequency(token, "en") >= WORD_MIN_ZIPF


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
        if not after and start > 0 and text[start - 1] == " " and end < len(text) and text[end] == " ":
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
    """Photo captions leave the body (kept once in ``captions``); repeated paragraphs are kept once."""
    out = []
    seen: set[str] = set()
    for start, end, line in lines(text):
        key = _paragraph_key(line)
        is_caption = bool(data.caption_credit.search(line)) and (
            len(line.split()) <= data.caption_max_words
        )
        if is_caption:
            if key not in {_paragraph_key(c) for c in report.captions}:
                report.captions.append(line)
            out.append(Replacement(start, end, "", "caption"))
        elif key in seen and len(key) > 20:
            out.append(Replacement(start, end, "", "repeated-paragraph"))
        seen.add(key)
    return out


def _best_split(token: str) -> tuple[str, str] | None:
    best, best_score = None, 0.0
    for i in range(2, len(token) - 1):
        left, right = token[:i], token[i:]
        if len(right) < 2 or (len(left) < 3 and left.lower() not in {"a", "an", "in", "of", "to"}):
            continue
        if right.lower() in SUFFIXES:
            continue
        zl, zr = zipf_frequency(left, "en"), zipf_frequency(right, "en")
        score = min(zl, zr)
        if zl >= PART_MIN_ZIPF and zr >= PART_MIN_ZIPF and score > best_score:
            best, best_score = (left, right), score
    return best


def _quote_open_before(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    return text.count('"', line_start, position) % 2 == 1


def glued_words(text: str) -> list[Replacement]:
    """Words glued where markup was removed ('bombssaid', 'airin') and a space lost after a
    closing quote ('women"they'). A missing closing quote before a speech verb is restored."""
    out = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        if len(token) < 5 or token[0].isupper() or zipf_frequency(token, "en") >= DAMAGED_MAX_ZIPF:
            continue
        split = _best_split(token)
        if not split:
            continue
        left, right = split
        joint = " "
        if right in SPEECH_VERBS and _quote_open_before(text, match.start()):
            joint = '" '
        out.append(Replacement(match.start(), match.end(), left + joint + right, "glued-word"))
    for match in re.finditer(r'(?<=[a-z.,!?])"(?=[a-z])', text):
        if _quote_open_before(text, match.start()):  # this quote closes one: a space was lost
            out.append(Replacement(match.start(), match.end(), '" ', "glued-quote"))
    return out


def profanity_filter(text: str, data: CleaningData) -> list[Replacement]:
    """Reverse a profanity filter's substitutions when the token is not a word and exactly one
    reversal is."""
    out = []
    for match in re.finditer(r"[A-Za-z*]+", text):
        token = match.group()
        if is_word(token):
            continue
        candidates = set()
        for replacement, originals in data.profanity.items():
            if replacement not in token.lower():
                continue
            for original in originals:
                repaired = _replace_case(token, replacement, original)
                if is_word(repaired):
                    candidates.add(repaired)
        if len(candidates) == 1:
            out.append(Replacement(match.start(), match.end(), candidates.pop(), "profanity-filter"))
    return out


def _replace_case(token: str, old: str, new: str) -> str:
    index = token.lower().find(old)
    piece = new.capitalize() if token[index].isupper() else new
    return token[:index] + piece + token[index + len(old):]


def translation_leftovers(text: str, data: CleaningData, report: RepairReport) -> list[Replacement]:
    out = []
    for word, english in data.leftovers.items():
        for match in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text):
            out.append(Replacement(match.start(), match.end(), english, "translation-leftover"))
            report.flags.append(f"untranslated '{word}' read as '{english}'")
    return out
