"""Numbers in digits and words, their qualifiers, and what they count.

Vague counts follow ACLED's conservative reading: "dozens" = 12, "hundreds" = 100, "several" = 3,
"a few" = 3, "many" and "a number of" = 3 (the fewest they can mean), "scores" = 20. One victim
named by a singular noun with no number ("a supporter was killed", "the youth died in the
firing", "killing a policeman") or by name ("Mohammed Yunus, 22, was killed") is one killed,
where the sentence gives no other count of the dead.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from importlib import resources

from dateline.model import Quantity

UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
VAGUE = {"dozens": 12, "dozens of": 12, "hundreds": 100, "hundreds of": 100, "thousands": 1000,
         "thousands of": 1000, "scores of": 20, "several": 3, "a few": 3, "a dozen": 12,
         "a handful of": 3, "a few hundred": 100, "several hundred": 100, "a few thousand": 1000,
         "several thousand": 1000, "tens of thousands of": 10000, "many": 3, "a number of": 3,
         "numerous": 3, "scores": 20}
MEASURES = [
    ("killed", r"killed|killing|kills?|dead|deaths?|died|lives|bodies|fatalities|slain|massacred|"
               r"executed|perished|succumbed|fell to (?:[\w']+ ){0,2}bullets?|"
               r"(?:burnt|burned) alive|(?:burnt|burned|charred|hacked|stabbed|beaten|lynched) "
               r"to death"),
    ("injured", r"injured|injuring|wounded|wounding|hurt|injuries|casualties"),
    ("displaced", r"displaced|fled|fleeing|refugees|evacuated|homeless|arrived|"
                  r"out of the enclave"),
    ("arrested", r"arrested|detained|captured|abducted|kidnapped|held|taken hostage|hostages"),
    ("troops", r"troops|soldiers|fighters|militants|jihadists|personnel|servicemen|gunmen|"
               r"terrorists|insurgents|rebels|attackers|assailants"),
    ("attacks", r"attacks?|strikes?|raids?|explosions?|bombings?|rockets?|missiles?|drones?|"
                r"shells"),
]
QUALIFIERS = r"more than|over|at least|about|around|nearly|almost|some|up to|roughly|" \
             r"approximately|fewer than|less than|an estimated|as many as"
_WORD_NUMBER = r"(?:(?:" + "|".join(UNITS) + r")(?:[- ](?:" + "|".join(UNITS) + r"))?)" \
               r"(?: (?:hundred|thousand|million))*"
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?: (?:million|thousand))?"
_NUMBER = re.compile(
    rf"\b(?:(?P<qual>{QUALIFIERS}) )?(?P<num>{_DIGITS}|"
    rf"(?:{'|'.join(sorted(VAGUE, key=len, reverse=True))})|{_WORD_NUMBER})(?P<orso> or so)?\b",
    re.I,
)
_CUMULATIVE = re.compile(
    r"\b(since (?:the )?(?:start|beginning|war|conflict|coup|invasion|uprising|revolution|"
    r"takeover|outbreak|19\d\d|20\d\d|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|last year)|in total|so far|"
    r"to date|overall|death toll of the war|this year|over the past|throughout|"
    r"(?:according to|as per) (?:the )?(?:[\w-]+ ){0,2}(?:figures|statistics|data)|"
    r"figures\b[^.;:\d]{0,30}?\b(?:show|showed|shows|reveal|reveals|released|available|"
    r"compiled)|"
    r"(?:violence|conflict|war|insurgency|fighting|unrest|crisis|rebellion|uprising|campaign)\b"
    r"[^.;:]{0,40}?\b(?:has|have|had) (?:so far |already )?(?:killed|left|claimed|displaced|cost)|"
    r"(?:violence|conflict|war|insurgency|unrest|crisis|rebellion|uprising|campaign|riots|rioting|"
    r"carnage|disturbances) (?:(?:has|have|had) )?(?:already |so far )?claimed .{0,30}lives)\b",
    re.I,
)
_NOT_COUNTS = re.compile(
    r"\s*(?:-| )?(?:times|days?|weeks?|months?|years?|hours?|minutes?|nights?|kilomet\w+|km|miles?|"
    r"meters?|metres?|percent|per cent|%|square|tons?|tonnes?|dollars?|euros?)\b", re.I)
_AGE = re.compile(r"\b(?:aged|ages|age|aged between|between)\s+(?:\d+\s+and\s+)?$", re.I)
_AGE_AFTER = re.compile(r"(?:\s*-?\s*(?:years?|yrs?)[\s-]*old|\s*-year-old)", re.I)
# A part of a count given elsewhere: 'two of the injured', 'among them two children',
# 'killing 12, including three children'. Not a count of its own ('three of them died' is).
_PART_OF = re.compile(r"\s+(?:of\s+(?:the|those)\s+(?:injured|wounded|dead|killed|victims|"
                      r"casualties|hostages|detainees|arrested)\b|out of\b)", re.I)
# Words that name a part of the count before them (the event coder reads them too).
PART_WORDS = (r"among them|among those|among the dead|among the \w+|including|"
              r"of whom|of them")
_PART_BEFORE = re.compile(rf"\b(?:{PART_WORDS})\s*,?\s*$", re.I)
_AGES_INSIDE = re.compile(r"\b(?:aged|ages?)\s+(?:between\s+)?\d+(?:\s*(?:and|to|-)\s*\d+)?|"
                          r"\d+(?:\s*(?:and|to|-)\s*\d+)?[\s-]*years?[\s-]*old", re.I)
_AGE_APPOSITION = re.compile(r"(?<=\d),\s+(?:was|were|is|who|had|has|and|a|an|the|his|her)\b")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
# A count of people ('300 women and children') whose clause says they left their homes or the
# fighting, however far the verb stands: 'one of 300 women and children, mostly Iraqi, recently
# out of the enclave', '40 families from the village, who fled on foot'.
_PEOPLE = re.compile(r"\s+(?:(?:more|other|young|local|displaced)\s+)?(?:people|persons|"
                     r"civilians|women|children|men|families|residents|villagers|inhabitants|"
                     r"households)\b", re.I)
_LEFT_HOME = re.compile(
    r"\b(?:fled|flee(?:ing)?|escaped|escaping|evacuated|displaced|uprooted|forced (?:out|from)|"
    r"(?:leaving|left|abandoning|abandoned) (?:the|their) (?:homes?|houses|enclave|pocket|"
    r"besieged|city|town|village|area|region|country)|out of the (?:enclave|pocket|besieged|"
    r"city|town|village|area|region))\b", re.I)
_CLAUSE_REACH = 120
# Singular nouns for a person (dateline/data/people.json); 'a' or 'an' and up to three words
# before one ('a 22-year-old man', 'a police constable', 'a Bharatiya Janata Party worker': a
# party or group named in front of its member).
_PERSON = "|".join(re.escape(word).replace(r"\-", "-?") for word in sorted(
    set(json.loads(resources.files("dateline.data").joinpath("people.json").read_text("utf-8"))[
        "singular"]), key=len, reverse=True))
# 'a youth', 'the boy', 'his son', 'my brother', 'a 20-year-old': one person ('the' and a
# possessive name one known person; 'the boy' after 'a boy was shot' is a restatement, which
# joins its event).
_ONE_VICTIM = (rf"\b(?:an?|another|the|his|her|their|my|our|your) "
               rf"(?:(?:[\w'-]+ ){{0,3}}?(?:{_PERSON})|\d{{1,3}}-year-old)\b")
_KILLED_AFTER = (r" (?:(?:was|is|has been|had been|has|had|got) )?(?:killed|shot dead|slain|"
                 r"lynched|(?:shot|stabbed|beaten|hacked|burnt|burned|charred) to death|"
                 r"(?:burnt|burned) alive|died|"
                 r"succumbed)\b")
_KILLED_BEFORE = (r"\b(?:killing|killed|shot dead|gunned down|murdered|lynched|slew|slaying|"
                  r"(?:burnt|burned|beaten|stabbed|hacked|stoned) to death|(?:burnt|burned) alive|"
                  r"assassinated|beheaded) ")
_NAMED_KILLED_AFTER = re.compile(rf"(?:,[^,.;:]{{1,40}},)?{_KILLED_AFTER}", re.I)
_KILLED_BEFORE_NAME = re.compile(rf"{_KILLED_BEFORE}$", re.I)
_SINGULAR_KILLED = re.compile(rf"(?P<a>{_ONE_VICTIM})(?={_KILLED_AFTER})|"
                              rf"{_KILLED_BEFORE}(?P<b>{_ONE_VICTIM})", re.I)
_MEASURE_RES = [(name, re.compile(rf"\b(?:{pattern})\b", re.I)) for name, pattern in MEASURES]


def parse_number(words: str) -> int | None:
    text = words.lower().replace(",", "").strip()
    if text in VAGUE:
        return VAGUE[text]
    if re.fullmatch(r"\d+(?:\.\d+)?(?: (?:million|thousand))?", text):
        parts = text.split()
        value = float(parts[0]) * (SCALES[parts[1]] if len(parts) > 1 else 1)
        return int(value)
    total, current = 0, 0
    for token in re.split(r"[- ]", text):
        if token in UNITS:
            current += UNITS[token]
        elif token in SCALES:
            current = max(current, 1) * SCALES[token]
            if SCALES[token] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current or None


_SHORT_REACH = frozenset({"several", "a few", "many", "a number of", "numerous"})
_NOT_MANY = re.compile(r"\b(?:how|so|too|as|not|that)\s+$", re.I)


def _measure(text: str, end: int, vague: bool) -> str | None:
    window = text[end:end + (20 if vague else 50)]
    window = _AGES_INSIDE.sub("", window)  # 'two shepherds, aged 14 and 16, were killed'
    window = re.split(r"[.;:()]|\d", window, maxsplit=1)[0]
    if _NOT_COUNTS.match(window):
        return None
    for group in (_MEASURE_RES[:4], _MEASURE_RES[4:]):  # outcomes before what is counted
        best: tuple[int, str] | None = None
        for name, pattern in group:
            found = pattern.search(window)
            if found and (best is None or found.start() < best[0]):
                best = (found.start(), name)
        if best:
            return best[1]
    return None


_TOLL_BEFORE = re.compile(
    r"\b(?:death|casualty|fatality|official)?\s*toll\b[^.;:\d]{0,60}?\b(?:at|to|of|was|is|"
    r"stood at|stands at|reached|hit)\s+(?:(?:only|just|now)\s+)?$", re.I)
_TOLL_SPREAD = re.compile(r"\btoll\b[^.;:\d]{0,30}\bin (?:the )?(?:[\w-]+ )?(?:violence|riots|"
                          r"rioting|unrest|conflict|war|clashes|disturbances|state|district|"
                          r"country|region|city)\b|"
                          r"\bin [\w-]+(?: [\w-]+)?,? where (?:the )?(?:death |official )?toll\b",
                          re.I)  # 'most deaths were in Ahmedabad, where the toll is 233'


def _measure_before(text: str, start: int) -> str | None:
    """A verb of outcome right before the number: 'police arrested 14', 'killing at least 9';
    a death toll: 'the toll rose to 12', 'police put the toll at five'."""
    if _TOLL_BEFORE.search(text, max(0, start - 90), start):
        return "killed"
    before = text[max(0, start - 20):start]
    for name, pattern in _MEASURE_RES[:4]:
        ends = [m.end() for m in pattern.finditer(before)]
        if ends and not before[ends[-1]:].strip(" ,"):
            return name
    return None


def find_quantities(text: str, people: Iterable[tuple[int, int]] = ()) -> list[Quantity]:
    """Counts in ``text``; ``people``: the spans of people named in it (an entity recogniser's
    PERSON names), each one victim where the text says they were killed ('Mohammed Yunus, 22,
    was killed in police firing')."""
    out: list[Quantity] = []
    for m in _NUMBER.finditer(text):
        number = m.group("num")
        if re.fullmatch(r"(?:19|20)\d\d", number) or _is_date_part(text, m.start("num"), m.end()):
            continue
        if _AGE.search(text, max(0, m.start() - 12), m.start()) or _AGE_AFTER.match(
                text, m.end()) or (_AGE_APPOSITION.match(text, m.end()) and text[
                    max(0, m.start() - 2):m.start()] == ", "):
            continue  # 'aged 22', '22-year-old', 'Mohammed Yunus, 22, was killed'
        if any(a.start() <= m.start() < a.end() for a in _AGES_INSIDE.finditer(
                text, max(0, m.start() - 24), min(len(text), m.end() + 16))):
            continue  # 'aged between 20 and 30'

        value = parse_number(number)
        part = _PART_OF.match(text, m.end()) or _PART_BEFORE.search(
            text, max(0, m.start() - 24), m.start())
        whole = out[-1] if out and out[-1].cumulative and _sentence(
            text, m.start(), m.end())[0] <= out[-1].start else None
        if value is None or (part and whole is None):
            continue  # a part of a count given elsewhere; a part of a running total is one too
        if number.lower() == "many" and _NOT_MANY.search(text, max(0, m.start() - 6),
                                                         m.start()):
            continue  # 'how many were killed', 'so many'
        measure = _measure_before(text, m.start()) or _measure(
            text, m.end(), number.lower() in _SHORT_REACH) or _left_home(text, m.end())
        if measure is None:
            continue
        if measure == "troops":  # 'six fighters of the ... Forces (SDF), ..., were killed'
            measure = _fate_of_people(text, m.end()) or measure
        qualifier = (m.group("qual") or ("about" if m.group("orso") else "")).lower() or None
        end = m.end()
        out.append(Quantity(m.start(), end, text[m.start():end], value, measure, qualifier,
                            bool(part) or _cumulative(text, m.start(), end)))
    return sorted(out + _singular_victims(text, out, people), key=lambda q: q.start)


_FATE = re.compile(r"\b(?:were|have been|had been|are) (?:(?:also|all|reportedly|later) )?"
                   r"(?P<fate>killed|slain|shot dead|wounded|injured|captured|arrested|"
                   r"detained)\b",
                   re.I)


def _fate_of_people(text: str, end: int) -> str | None:
    """What befell the people a count names when the verb comes after a long noun phrase:
    the first 'were killed' (or wounded, captured) within the clause, no other number
    between."""
    reach = text[end:end + _CLAUSE_REACH]
    found = _FATE.search(reach)
    if found is None or _NUMBER.search(reach, 0, found.start()) or _SENTENCE_END.search(
            reach, 0, found.start()):
        return None
    return next(name for name, pattern in _MEASURE_RES[:4] if pattern.search(
        found.group("fate")))  # MEASURES names each fate: 'slain', 'shot dead' are killed


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    found_end = _SENTENCE_END.search(text, end)
    return sentence_start, found_end.start() if found_end else len(text)


_STATISTICS = re.compile(r"\b(?:per ?cent|percentage|proportion|as compared (?:to|with))\b|%|"
                         r"\bout of (?:the )?\d", re.I)


def _cumulative(text: str, start: int, end: int) -> bool:
    """A running total: 'since 2011', 'so far', or a toll of a whole wave of violence or of a
    whole area ('the toll in the communal violence climbed to 430'); a count in a sentence of
    statistics ('out of the 286 people killed, 41 were ...', '57 per cent of those killed')."""
    if _TOLL_SPREAD.search(text, max(0, start - 110), start) and _TOLL_BEFORE.search(
            text, max(0, start - 90), start):
        return True
    return _totals_told(text, *_sentence(text, start, end))


@functools.lru_cache(maxsize=16)
def _totals_told(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], a sentence, tells statistics or running totals; read once per
    sentence however many counts it holds (a run-on 'sentence' of a thousand counts)."""
    return bool(_STATISTICS.search(text, start, end) or _CUMULATIVE.search(text, start, end))


def _singular_victims(text: str, counts: list[Quantity],
                      people: Iterable[tuple[int, int]] = ()) -> list[Quantity]:
    """One killed for each victim named by a singular noun or by name in a sentence with no
    count of the dead ('a youth died in the firing', 'police shot dead Rafiq Sheikh')."""
    out: list[Quantity] = []
    spans = [m.span("a") if m.group("a") else m.span("b") for m in _SINGULAR_KILLED.finditer(text)]
    spans += [(start, end) for start, end in people
              if _NAMED_KILLED_AFTER.match(text, end) or _KILLED_BEFORE_NAME.search(
                  text, max(0, start - 20), start)]
    for start, end in sorted(spans):
        first, last = _sentence(text, start, end)
        if any(q.measure == "killed" and first <= q.start < last for q in [*counts, *out]):
            continue
        out.append(Quantity(start, end, text[start:end], 1, "killed", None,
                            _cumulative(text, start, end)))
    return out


def _left_home(text: str, end: int) -> str | None:
    """'displaced' for a count of people whose sentence, after them, says they fled or left."""
    if not _PEOPLE.match(text, end):
        return None
    found = _SENTENCE_END.search(text, end)
    clause = text[end:min(found.start() if found else len(text), end + _CLAUSE_REACH)]
    return "displaced" if _LEFT_HOME.search(clause) else None


def _is_date_part(text: str, start: int, end: int) -> bool:
    after = text[end:end + 12].lower()
    before = text[max(0, start - 12):start].lower()
    months = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    return after.lstrip().startswith(months) or before.rstrip().endswith(months)
