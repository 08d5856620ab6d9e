"""Repairs that need to know which strings are English words: glued words and profanity-filter
damage. They run only on English text (:func:`looks_english`), so a German, Spanish or Indonesian
page is never "repaired" into English fragments.

Word frequencies come from ``wordfreq`` (Zipf scale: log10 of occurrences per billion words). A
glued token is split only when every one of these holds (each measured on clean news text, see
bench/extraction.py and tests/clean/test_english.py):

- the token is a whole lower-case word (not part of a URL, a file name, an e-mail address, an
  accented word or a hyphenated compound) that occurs once in the text and is rare or unknown;
- both parts are common words; the left part is no English prefix ("over", "photo", "micro") and
  the right part no suffix ("ment", "like"); a short part must be a function word (the lists are
  in ``dateline/data/cleaning.json``);
- the two words side by side are more likely than the token itself: with independent words the
  pair's Zipf frequency is ``zipf(left) + zipf(right) - 9``, and it must exceed the token's
  (at least 0). This keeps "tarball", "multilink" and "electrohydraulic" and splits "bombssaid",
  "airin" and "foreignersaccording".
"""

from __future__ import annotations

import re
from collections import Counter

from wordfreq import zipf_frequency

from dateline.clean.editlog import Replacement
from dateline.clean.resources import CleaningData, GlueWords

WORD_MIN_ZIPF = 2.5  # a token at or above this frequency is an English word
DAMAGED_MAX_ZIPF = 1.5  # a token below this frequency may be damage
PART_MIN_ZIPF = 3.0  # both halves of a split glued token must be common words
PAIR_MARGIN = 0.0  # zipf(left) + zipf(right) - 9 must exceed max(zipf(token), 0) by this much
ENGLISH_MIN_SHARE = 0.75  # share of lower-case tokens that are common English words
ENGLISH_MIN_TOKENS = 20  # fewer lower-case tokens than this: too little evidence, assume English
ENGLISH_SAMPLE = 400  # tokens looked at to decide the language
_LOWER_WORD = re.compile(r"(?<![\w'’/@.#=:_&-])[a-z]+(?![\w'’/@=_&-])(?!\.\w)")
_LETTERS = re.compile(r"[^\W\d_]+")


def is_word(token: str) -> bool:
    return zipf_frequency(token, "en") >= WORD_MIN_ZIPF


def looks_english(text: str) -> bool:
    """Whether most lower-case tokens of ``text`` are common English words (proper names, which
    every language shares, are left out). Short texts count as English."""
    tokens = [t for t in _LETTERS.findall(text) if t.islower() and len(t) >= 2][:ENGLISH_SAMPLE]
    if len(tokens) < ENGLISH_MIN_TOKENS:
        return True
    common = sum(zipf_frequency(t, "en") >= PART_MIN_ZIPF for t in tokens)
    return common / len(tokens) >= ENGLISH_MIN_SHARE


def best_split(token: str, glue: GlueWords) -> tuple[str, str] | None:
    """The split of a glued token into two common words that is most likely, or None."""
    best, best_score = None, 0.0
    token_zipf = max(zipf_frequency(token, "en"), 0.0)
    for i in range(1, len(token)):
        left, right = token[:i], token[i:]
        if (len(left) < 3 and left not in glue.short_left) or (
                len(right) < 3 and right not in glue.short_right):
            continue
        if right in glue.suffixes or left in glue.prefixes:
            continue
        zl, zr = zipf_frequency(left, "en"), zipf_frequency(right, "en")
        if zl < PART_MIN_ZIPF or zr < PART_MIN_ZIPF:
            continue
        if zl + zr - 9 <= token_zipf + PAIR_MARGIN:
            continue
        score = min(zl, zr)
        if score > best_score:
            best, best_score = (left, right), score
    return best


def _quote_open_before(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    return text.count('"', line_start, position) % 2 == 1


def glued_words(text: str, data: CleaningData) -> list[Replacement]:
    """Words glued where markup was removed ('bombssaid', 'airin'); a missing closing quote
    before a speech verb is restored ('bombs" said')."""
    out = []
    matches = [m for m in _LOWER_WORD.finditer(text) if len(m.group()) >= 5]
    counts = Counter(w.lower() for w in _LETTERS.findall(text))
    for match in matches:
        token = match.group()
        if counts[token] > 1 or zipf_frequency(token, "en") >= DAMAGED_MAX_ZIPF:
            continue
        split = best_split(token, data.glue)
        if not split:
            continue
        left, right = split
        joint = " "
        if right in data.glue.speech_verbs and _quote_open_before(text, match.start()):
            joint = '" '
        out.append(Replacement(match.start(), match.end(), left + joint + right, "glued-word"))
    return out


def glued_quotes(text: str) -> list[Replacement]:
    """A space lost after a closing quote ('women"they said')."""
    out = []
    for match in re.finditer(r'(?<=[a-z.,!?])"(?=[a-z])', text):
        if _quote_open_before(text, match.start()):  # this quote closes one: a space was lost
            out.append(Replacement(match.start(), match.end(), '" ', "glued-quote"))
    return out


def profanity_filter(text: str, data: CleaningData) -> list[Replacement]:
    """Reverse a profanity filter's substitutions when the token is not a word and exactly one
    reversal is."""
    out = []
    for match in re.finditer(r"(?<![\w'’-])[A-Za-z*]+(?![\w'’-])", text):
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
            repaired = candidates.pop()
            out.append(Replacement(match.start(), match.end(), repaired, "profanity-filter"))
    return out


def _replace_case(token: str, old: str, new: str) -> str:
    index = token.lower().find(old)
    piece = new.capitalize() if token[index].isupper() else new
    return token[:index] + piece + token[index + len(old):]
