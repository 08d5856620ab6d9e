"""IndiaPoliceEvents: sentence-level detection of police killing, arresting and using force.

Data: ``../shared/eval/indiapoliceevents`` (docs.jsonl, sents.jsonl, metadata.jsonl): Times of
India articles on the Gujarat violence of 2002, lowercased, every sentence labelled with what the
police did. Research use; cite Halterman, Keith, Sarwar and O'Connor, "Corpus-Level Evaluation
for Event QA: The IndiaPoliceEvents Corpus Covering the 2002 Gujarat Violence", Findings of ACL
2021.

Two deterministic subsets, each every ``STRIDE``-th document by id, are processed document by
document: the *bench third* (offset 0), whose misses have guided development, and the *held-out
third* (offset ``HELD_OUT``), kept for measuring whether rules generalise: never read sentence by
sentence while developing (use offset 1 for error analysis). Each subset is processed
with its publication date, as dateline processes any article. Each event's evidence span is
mapped back through the edit log to the raw text and to the labelled sentence it overlaps most;
a sentence is predicted positive for a class when an event of that class points at it with
evidence that supports the class (below).

From dateline's event records (state forces = an actor with ACLED inter code 1):

- ARREST: an event of sub-event type Arrests.
- FORCE: police or state force used, as the record asserts it: Protest with intervention or
  Excessive force against protesters; a Battles, Explosions/Remote violence, Violence against
  civilians or Riots event with state forces as actor1; an Armed clash with state forces on
  either side. dateline puts the state forces first in a riot only when they used force on the
  crowd ('police opened fire on the mob'); a Riots event with the police as actor2 does not
  count: the record says the police were there (interaction 15), not that they used force.
- KILL: a sentence that is evidence for ``fatalities`` (its ``fields``) of a FORCE event with
  fatalities above 0: the sentence gave or reported the deaths, not only another part of the
  event (a later count of the wounded, the lede restated without its toll).

- KILL and FORCE also: a sentence with a running total of the killed that dateline reads as
  caused by state forces (a quantity flagged ``cumulative`` whose ``inter`` is 1: 'according
  to figures in the control room, 73 have been killed in firing by the police'). A running
  total is no event under ACLED's rules, but the sentence does say the police killed.

ARREST and FORCE are every evidence span of such an event that tells what happened: the
sentence it came from, other mentions merged into it, casualty reports; not a time or place
expression that is evidence of its own for the date or the location only (``fields`` within
``event_date``, ``location``), which says nothing of what the police did.

Baseline, in the same run: keyword match on the sentence (``KEYWORDS``).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _metrics import PRF, binary

STRIDE = 3
HELD_OUT = 2  # offset of the held-out third (offset 1: the third for reading errors)
CLASSES = ("KILL", "ARREST", "FORCE")
FILES = ("docs.jsonl", "sents.jsonl", "metadata.jsonl")
_POLICE = r"\b(?:police\w*|cops?|constables?|sri?pf|crpf|bsf|army|troops|soldiers|jawans)\b"
KEYWORDS = {
    "KILL": (_POLICE, r"\b(?:kill\w*|dead|died|death|deaths|shot dead|lost (?:their|his) lives)\b"),
    "ARREST": (r"\b(?:arrest\w*|detain\w*|custody|nabbed|rounded up|picked up|booked)\b",),
    "FORCE": (_POLICE, r"\b(?:fir(?:e|ed|ing)|open(?:ed)? fire|lathi\w*|tear[- ]?gas\w*|baton\w*|"
                       r"cane-?charg\w*|shot|beat\w*|force)\b"),
}
STATE = 1
FORCE_TYPES = frozenset({"Protest with intervention", "Excessive force against protesters"})
ACTOR1_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
VALUE_ONLY = frozenset({"event_date", "location"})  # a time or place span, not a sentence


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    labels: frozenset[str]
    text: str


@dataclass
class IpeOutcome:
    gold: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    predicted: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    baseline: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    documents: int = 0
    offset: int = 0

    def table(self, label: str) -> tuple[PRF, PRF]:
        return (binary(self.gold[label], self.predicted[label]),
                binary(self.gold[label], self.baseline[label]))

    def report(self) -> list[str]:
        sentences = len(self.gold[CLASSES[0]])
        third = "held-out third" if self.offset == HELD_OUT else f"offset {self.offset}"
        lines = [f"[indiapoliceevents] {self.documents} documents (1 in {STRIDE} by id, {third}), "
                 f"{sentences} sentences: dateline P/R/F1 (keyword baseline P/R/F1), gold count"]
        for label in CLASSES:
            ours, base = self.table(label)
            lines.append(f"  {label:6} {ours.precision:.3f}/{ours.recall:.3f}/{ours.f1:.3f} "
                         f"({base.precision:.3f}/{base.recall:.3f}/{base.f1:.3f})  "
                         f"n={ours.support}")
        return lines


def event_classes(event: Any) -> set[str]:
    """The IndiaPoliceEvents classes an event record stands for (see the module's doc); KILL
    holds only for its evidence for ``fatalities`` (:func:`evidence_classes`)."""
    found = set()
    if event.sub_event_type == "Arrests":
        found.add("ARREST")
    state1, state2 = event.inter1 == STATE, event.inter2 == STATE
    force = (event.sub_event_type in FORCE_TYPES
             or (event.event_type in ACTOR1_TYPES and state1)
             or (event.event_type == "Riots" and state1)
             or (event.sub_event_type == "Armed clash" and (state1 or state2)))
    if force:
        found.add("FORCE")
        if event.fatalities > 0:
            found.add("KILL")
    return found


def evidence_classes(classes: set[str], evidence: Any) -> set[str]:
    """The classes of an event that one of its evidence spans stands for."""
    fields = set(evidence.fields)
    if fields and fields <= VALUE_ONLY:
        return set()
    return classes if "fatalities" in fields else classes - {"KILL"}


def keyword_classes(text: str) -> set[str]:
    lowered = text.lower()
    return {label for label, patterns in KEYWORDS.items()
            if all(re.search(p, lowered) for p in patterns)}


def _read(path: Path) -> Iterable[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def _sentences(doc_text: str, records: list[dict[str, Any]]) -> list[Sentence]:
    """Each labelled sentence's span in the document's text (they follow one another)."""
    out, position = [], 0
    for record in records:
        text = record["sent_text"].strip()
        start = doc_text.find(text, position)
        if start < 0:
            raise ValueError(f"sentence {record['sent_id']} of document {record['doc_id']} "
                             f"is not in its text")
        position = start + len(text)
        out.append(Sentence(start, position, frozenset(record["sent_labels"]), text))
    return out


def _most_overlapping(sentences: list[Sentence], start: int, end: int) -> int | None:
    best, best_overlap = None, 0
    for index, sentence in enumerate(sentences):
        overlap = min(end, sentence.end) - max(start, sentence.start)
        if overlap > best_overlap:
            best, best_overlap = index, overlap
    return best


def load(folder: Path, limit: int | None, offset: int = 0
         ) -> list[tuple[int, str, str, list[Sentence]]]:
    """(doc_id, text, date, sentences) of the subset: every STRIDE-th document from ``offset``."""
    dates = {r["doc_id"]: r["date"] for r in _read(folder / "metadata.jsonl")}
    texts = {r["doc_id"]: r["doc_text"] for r in _read(folder / "docs.jsonl")}
    ids = sorted(texts)[offset::STRIDE]
    chosen = set(ids[:limit] if limit else ids)
    records: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for record in _read(folder / "sents.jsonl"):
        if record["doc_id"] in chosen:
            records[record["doc_id"]].append(record)
    return [(i, texts[i], dates[i], _sentences(texts[i], records[i]))
            for i in sorted(chosen)]


def evaluate(folder: Path, pipeline: Any, limit: int | None, offset: int = 0) -> IpeOutcome:
    from dateline.model import RawDoc

    outcome = IpeOutcome(offset=offset)
    for doc_id, text, date, sentences in load(folder, limit, offset):
        result = pipeline.run(RawDoc(text, "text", f"indiapoliceevents:{doc_id}", published=date))
        predicted: list[set[str]] = [set() for _ in sentences]
        doc = result.document
        for event in doc.events if doc is not None else ():
            classes = event_classes(event)
            for evidence in event.evidence if classes else ():
                assert doc is not None
                index = _most_overlapping(sentences, doc.raw_offset(evidence.start),
                                          doc.raw_offset(evidence.end))
                if index is not None:
                    predicted[index] |= evidence_classes(classes, evidence)
        for total in doc.quantities if doc is not None else ():
            if total.cumulative and total.measure == "killed" and total.inter == STATE:
                index = _most_overlapping(sentences, doc.raw_offset(total.start),
                                          doc.raw_offset(total.end))
                if index is not None:
                    predicted[index] |= {"KILL", "FORCE"}
        outcome.documents += 1
        for sentence, classes in zip(sentences, predicted, strict=True):
            base = keyword_classes(sentence.text)
            for label in CLASSES:
                outcome.gold[label].append(label in sentence.labels)
                outcome.predicted[label].append(label in classes)
                outcome.baseline[label].append(label in base)
    return outcome
