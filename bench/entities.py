"""Suite `entities`: people, organisations and places of re3d, exact spans, dateline vs spaCy.

Data: ``../shared/eval/re3d`` (Dstl's re3d, 98 documents on the conflict in Syria and Iraq from
seven sources; each source keeps its licence: CENTCOM and US State Department public domain, UK
Government OGL v3, Australian DFA CC BY 3.0 AU, BBC Online CC BY-NC 3.0, Wikipedia CC BY-SA 3.0,
EU Delegation to Syria reuse with acknowledgement). Measured here, never shipped.

Types: re3d ``Person`` is spaCy/dateline ``PERSON``; ``Organisation`` is ``ORG``; ``Location`` is
``GPE``, ``LOC`` or ``FAC``. Other labels (``NORP``, ``EVENT``; re3d ``Nationality``, ``Weapon``
...) are not scored. Gold is the re3d annotations of the three types whose IBCC confidence (the
crowd's posterior that the annotation is right) is at least 0.5; a prediction that hits the exact
span of an annotation below 0.5 (of any type: 'Mosul' is also a Location at 0.0) counts neither
way. A prediction is right when document, start, end and type all match (exact-span micro
P/R/F1). Pronouns and descriptions ('he', 'the musician', 'these people') are gold too, so
recall has a ceiling well under 1 for any name tagger.

dateline: :func:`dateline.nlp.entities.merge_entities` over spaCy's entities and the actor
lexicon (the pipeline's parse step; spaCy runs its ``ner`` alone here, which gives the same
entities: it shares no layer with the parser). Baseline, same run and same spaCy model: spaCy's
entities as they come (:func:`dateline.nlp.entities.spacy_entities`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dateline.benchmarks import BenchContext, Score, SuiteResult, hash_files
from dateline.model import Entity

TYPE_OF_LABEL = {"PERSON": "Person", "ORG": "Organisation", "GPE": "Location",
                 "LOC": "Location", "FAC": "Location"}
TYPES = ("Person", "Organisation", "Location")
MIN_CONFIDENCE = 0.5

Mention = tuple[str, int, int, str]  # document id, start, end, re3d type


@dataclass(frozen=True)
class Re3dDoc:
    id: str
    source: str
    text: str


@dataclass
class Gold:
    mentions: set[Mention] = field(default_factory=set)
    unsure: set[tuple[str, int, int]] = field(default_factory=set)  # spans below MIN_CONFIDENCE


def _lines(path: Path) -> Iterable[dict[str, object]]:
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def read_re3d(folder: Path) -> tuple[list[Re3dDoc], Gold, list[Path]]:
    docs: list[Re3dDoc] = []
    gold = Gold()
    paths: list[Path] = []
    for source in sorted(p for p in folder.iterdir() if p.is_dir()):
        paths += [source / "documents.json", source / "entities.json"]
        docs += [Re3dDoc(str(d["_id"]), source.name, str(d["text"]))
                 for d in _lines(source / "documents.json")]
        for e in _lines(source / "entities.json"):
            if e["type"] not in TYPES:
                continue
            key = (str(e["documentId"]), int(e["begin"]), int(e["end"]))  # type: ignore[call-overload]
            if float(e["confidence"]) >= MIN_CONFIDENCE:  # type: ignore[arg-type]
                gold.mentions.add((*key, str(e["type"])))
            else:
                gold.unsure.add(key)
    gold.unsure -= {m[:3] for m in gold.mentions}
    return docs, gold, paths


def mentions(doc_id: str, entities: Iterable[Entity]) -> set[Mention]:
    return {(doc_id, e.start, e.end, TYPE_OF_LABEL[e.label]) for e in entities
            if e.label in TYPE_OF_LABEL}


@dataclass
class Tally:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def add(self, predicted: set[Mention], gold: Gold, doc_id: str) -> None:
        wanted = {m for m in gold.mentions if m[0] == doc_id}
        for m in predicted:
            if m in wanted:
                self.tp[m[3]] += 1
            elif m[:3] not in gold.unsure:
                self.fp[m[3]] += 1
        for m in wanted - predicted:
            self.fn[m[3]] += 1

    def prf(self, kind: str | None = None) -> tuple[float, float, float]:
        kinds = [kind] if kind else list(TYPES)
        tp = sum(self.tp[k] for k in kinds)
        fp = sum(self.fp[k] for k in kinds)
        fn = sum(self.fn[k] for k in kinds)
        p = tp / max(1, tp + fp)
        r = tp / max(1, tp + fn)
        return p, r, 2 * p * r / max(1e-9, p + r)


def evaluate(docs: list[Re3dDoc], gold: Gold) -> tuple[Tally, Tally, Counter[str]]:
    from dateline.nlp.actors import ActorLexicon
    from dateline.nlp.entities import merge_entities, spacy_entities
    from dateline.nlp.model import load_spacy

    nlp = load_spacy()
    lexicon = ActorLexicon.load()
    ours, base = Tally(), Tally()
    errors: Counter[str] = Counter()
    with nlp.select_pipes(enable=["ner"]):
        parsed_docs = list(nlp.pipe(d.text for d in docs))
    for doc, parsed in zip(docs, parsed_docs, strict=True):
        model = spacy_entities(parsed)
        predicted = mentions(doc.id, merge_entities(doc.text, model, lexicon))
        baseline = mentions(doc.id, model)
        ours.add(predicted, gold, doc.id)
        base.add(baseline, gold, doc.id)
        wanted = {m for m in gold.mentions if m[0] == doc.id}
        for m in predicted - wanted:
            if m[:3] not in gold.unsure:
                errors[f"extra {m[3]} {doc.text[m[1]:m[2]]!r}"] += 1
        for m in wanted - predicted:
            errors[f"missed {m[3]} {doc.text[m[1]:m[2]]!r}"] += 1
    return ours, base, errors


def run(ctx: BenchContext) -> SuiteResult:
    docs, gold, paths = read_re3d(ctx.shared / "eval" / "re3d")
    docs = docs[:ctx.limit]
    ours, base, errors = evaluate(docs, gold)
    result = SuiteResult("entities", hash_files(paths), baseline_name="spaCy entities")
    for kind in (None, *TYPES):
        label = kind or "micro"
        for name, value, baseline in zip(("P", "R", "F1"), ours.prf(kind), base.prf(kind),
                                         strict=True):
            result.scores.append(Score(f"{label} {name}", value, baseline,
                                       gated=name == "F1"))
    result.details.append(f"{len(docs)} documents, {len(gold.mentions)} gold mentions "
                          f"(confidence >= {MIN_CONFIDENCE}), {len(gold.unsure)} unsure spans")
    result.details.extend(f"  {count:3}  {error}" for error, count in errors.most_common(30))
    return result
