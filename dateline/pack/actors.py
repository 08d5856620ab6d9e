"""The actors of a region pack: every actor an export names, with its inter code, country, the
periods of its names (ACLED's '(2016-)') and the mentions that named it in the notes.

A mention is a capitalised word sequence or an acronym of the notes ('FAB', 'Koglweogo',
'Katiba Hanifa') seen in at least :data:`MIN_MENTION_REPORTS` reports, in at least
:data:`MIN_MENTION_PRECISION` of which the actor was coded: a name that goes with many actors (a
town, 'Beninese') is not learned. ACLED's generic actors ('Civilians (Benin)', 'Rioters (Benin)',
'Fulani Ethnic Militia (Benin)') are formed from templates by the lexicon and are not learned.
An actor ACLED names mostly as an associated actor (a union beside the protesters it led) is
learned without names to find it by: it is not an event's party where the text names it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dateline.pack.places import spellings
from dateline.pack.read import CodedRow

MIN_MENTION_REPORTS = 3
MIN_MENTION_PRECISION = 0.9
MAX_MENTION_WORDS = 4
MAX_MENTIONS = 12  # per actor, most frequent first
PRUNE_EVERY = 20_000  # notes: mentions seen once are forgotten this often
_PERIOD = re.compile(r"\s*\((\d{4})?-(\d{4})?\)")
# The small words inside a name ('Front for the Liberation of ...', 'Ansar al Islam'), which a
# mention neither starts nor ends with.
MENTION_PARTICLES = ("of", "de", "du", "des", "al", "el")
# Capitalised word runs and acronyms (mechanics: what a proper-name mention looks like).
_NAME_RUN = re.compile(
    rf"(?:\b[A-Z][\w'’-]*(?:\s+(?:{'|'.join(MENTION_PARTICLES)})\s+|\s+)?){{1,4}}")


def without_period(name: str) -> str:
    """'Police Forces of Benin (2016-)' -> 'Police Forces of Benin'."""
    return _PERIOD.sub("", name).strip()


def mentions(notes: str) -> set[str]:
    """Candidate mentions of a note: capitalised runs of up to four words and their sub-runs,
    without the sentence's first word when it stands alone."""
    out: set[str] = set()
    for match in _NAME_RUN.finditer(notes):
        words = match.group(0).split()
        while words and words[-1].lower() in MENTION_PARTICLES:
            words.pop()
        for size in range(1, min(len(words), MAX_MENTION_WORDS) + 1):
            for i in range(len(words) - size + 1):
                part = words[i:i + size]
                if part[0][:1].isupper() and part[-1][:1].isupper():
                    out.add(" ".join(part).strip(".,;:’'"))
    return {m for m in out if len(m) >= 3}


@dataclass
class _Actor:
    names: dict[str, list[str]] = field(default_factory=dict)  # period name -> [first, last]
    inters: Counter[int] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    reports: int = 0
    mentions: Counter[str] = field(default_factory=Counter)
    columns: Counter[bool] = field(default_factory=Counter)  # True: actor1/actor2, False: assoc

    @property
    def party(self) -> bool:
        """Coded as actor1 or actor2 at least as often as an associated actor: a union or a
        party ACLED names beside the protesters it led is not the event's actor."""
        return self.columns[True] >= self.columns[False]


class ActorLearner:
    """Collects actors and their mentions; ``is_generic(name, country)`` says whether the lexicon
    forms the actor from a template, ``is_place(text)`` whether a mention is a place's name,
    ``is_word(text)`` whether it is a common word ('Security', 'Students': a sentence's first)."""

    def __init__(self, country_code: Callable[[str], str | None],
                 is_generic: Callable[[str, str | None], bool],
                 is_place: Callable[[str], bool], is_word: Callable[[str], bool]) -> None:
        self._country_code = country_code
        self._is_generic = is_generic
        self._is_place = is_place
        self._is_word = is_word
        self._actors: dict[str, _Actor] = {}
        self._mention_reports: Counter[str] = Counter()
        self._notes = 0

    def add(self, row: CodedRow) -> None:
        code = self._country_code(row.country)
        bases = set()
        for name, inter, column in row.actors:
            if self._is_generic(name, code):
                continue
            base = without_period(name)
            seen = self._actors.setdefault(base, _Actor())
            span = seen.names.setdefault(name, [row.date, row.date])
            span[0], span[1] = min(span[0], row.date), max(span[1], row.date)
            seen.inters[inter] += 1
            if code:
                seen.countries[code] += 1
            if base not in bases:
                seen.reports += 1
            seen.columns[column in ("actor1", "actor2")] += 1
            if column in ("actor1", "actor2"):  # associated actors lend no mentions
                bases.add(base)
        if not row.notes:
            return
        found = mentions(row.notes)
        if row.location:  # the place of the event and its spellings name no actor
            found -= {row.location, *spellings(row.location, row.notes)}
        self._mention_reports.update(found)
        for base in bases:
            self._actors[base].mentions.update(found)
        self._notes += 1
        if self._notes % PRUNE_EVERY == 0:
            self._prune()

    def _prune(self) -> None:
        """Forget the mentions seen once so far: memory stays flat on a large export (a mention
        needs MIN_MENTION_REPORTS reports; one seen once in the first N rows rarely gets there,
        and its later reports are still counted)."""
        for counter in (self._mention_reports, *(a.mentions for a in self._actors.values())):
            for text in [t for t, n in counter.items() if n < 2]:
                del counter[text]

    def __len__(self) -> int:
        return len(self._actors)

    def items(self, source: str) -> list[dict[str, Any]]:
        """The actors in the format of ``dateline/data/actors.json``'s ``actors``."""
        out = []
        for base, seen in sorted(self._actors.items()):
            periods = sorted(seen.names.items(), key=lambda kv: kv[1][0])
            latest = periods[-1][0]
            item: dict[str, Any] = {
                "name": latest, "inter": seen.inters.most_common(1)[0][0],
                "country": seen.countries.most_common(1)[0][0] if seen.countries else None,
                "aliases": _own_names(base) + [a for a in self._aliases(base, seen)
                                               if a not in _own_names(base)]
                if seen.party else [],
                "reports": seen.reports, "source": source,
            }
            if len(periods) > 1 or _PERIOD.search(latest):
                starts = [""] + [_start(name, first, periods[i][1][1])
                                 for i, (name, (first, _)) in enumerate(periods[1:])]
                item["periods"] = [
                    {"name": name, "from": starts[i],
                     "until": starts[i + 1] if i + 1 < len(periods) else ""}
                    for i, (name, _) in enumerate(periods)]
            out.append(item)
        return out

    def _aliases(self, base: str, seen: _Actor) -> list[str]:
        kept = []
        for text, count in seen.mentions.most_common():
            total = self._mention_reports[text]
            if (count >= MIN_MENTION_REPORTS and count / total >= MIN_MENTION_PRECISION
                    and text.casefold() != base.casefold() and not self._is_place(text)
                    and not self._is_word(text) and self._owners(text) == 1):
                kept.append(text)
        # a mention inside a longer kept one that is seen as often adds nothing
        kept = [t for t in kept if not any(t != o and t in o and seen.mentions[o]
                                           >= seen.mentions[t] for o in kept)]
        return kept[:MAX_MENTIONS]

    def _owners(self, text: str) -> int:
        """How many actors a mention goes with in most of its reports ('Bariba' names the
        farmers and the herders of the same clashes: it names neither)."""
        total = self._mention_reports[text]
        return sum(seen.mentions[text] / total >= MIN_MENTION_PRECISION
                   for seen in self._actors.values())


def _own_names(base: str) -> list[str]:
    """The names an ACLED actor name holds: 'JNIM: Group for Support of Islam and Muslims' is
    also 'JNIM' and 'Group for Support of Islam and Muslims'."""
    acronym, sep, full = base.partition(": ")
    return [base, acronym.strip(), full.strip()] if sep else [base]


def _start(name: str, first: str, previous_last: str) -> str:
    """When a period's name took over: its start year ('(2016-)'), but not before the day after
    the previous name's last use, and not after its own first use."""
    match = _PERIOD.search(name)
    day = f"{match.group(1)}-01-01" if match and match.group(1) else first
    if previous_last and day <= previous_last:
        import datetime as dt

        day = (dt.date.fromisoformat(previous_last) + dt.timedelta(days=1)).isoformat()
    return min(day, first) if first else day
