"""CASE 2021 task 2 (fine-grained event classification of news-like snippets), known types only.

Data: ``../shared/eval/case2021-task2/test_set_final_release_with_labels.tsv`` (id, snippet,
label), the rows with odd ids. Research use; cite Haneczok, Jacquet, Piskorski and Stefanovitch,
"Fine-grained event classification in news-like text snippets", CASE 2021. The five "unseen"
types (ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO, ATTRIB) are not ACLED's and are
left out.

Each snippet is processed as one article with no publication date. dateline's prediction is the
sub-event type of the document's most confident event ("none" when it codes no event, which
counts as wrong). Baseline, in the same run: the strongest trigger of
``dateline/data/triggers.json`` anywhere in the snippet (the first of equal weight).
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _metrics import accuracy, f1_by_label, macro_f1, weighted_f1

from dateline.events.triggers import TriggerLexicon

FILE = "test_set_final_release_with_labels.tsv"
PUBLISHED_BEST_WEIGHTED_F1 = 0.839  # CASE 2021 task 2, subtask 1, best system (fine-tuned models)
THRESHOLDS = (0.5, 0.7, 0.9)

# The dataset's label names -> ACLED's sub-event types as spelled in ACLED's codebook.
LABELS = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "AGREEMENT": "Agreement",
    "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash",
    "ARREST": "Arrests",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ATTACK": "Attack",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
    "PEACE_PROTEST": "Peaceful protest",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence",
    "SUIC_BOMB": "Suicide bomb",
    "VIOL_DEMONSTR": "Violent demonstration",
}
NONE = "none"


@dataclass(frozen=True)
class Snippet:
    id: str
    text: str
    label: str  # ACLED spelling


@dataclass
class CaseOutcome:
    gold: list[str]
    predicted: list[str]
    confidence: list[float]
    baseline: list[str]

    def scores(self) -> dict[str, tuple[float, float]]:
        """metric -> (dateline, baseline)."""
        return {
            "case accuracy": (accuracy(self.gold, self.predicted),
                              accuracy(self.gold, self.baseline)),
            "case weighted F1": (weighted_f1(self.gold, self.predicted),
                                 weighted_f1(self.gold, self.baseline)),
            "case macro F1": (macro_f1(self.gold, self.predicted),
                              macro_f1(self.gold, self.baseline)),
        }

    def calibration(self) -> list[tuple[float, int, float]]:
        """(threshold, snippets whose top event is at least that confident, share right)."""
        rows = []
        for threshold in THRESHOLDS:
            right = [g == p for g, p, c in zip(self.gold, self.predicted, self.confidence,
                                               strict=True) if c >= threshold]
            rows.append((threshold, len(right), sum(right) / len(right) if right else 0.0))
        return rows

    def report(self) -> list[str]:
        lines = ["[case2021-task2] per type: dateline F1 (baseline F1), support"]
        ours, theirs = f1_by_label(self.gold, self.predicted), f1_by_label(self.gold, self.baseline)
        for label, row in sorted(ours.items(), key=lambda item: item[1].f1):
            lines.append(f"  {row.f1:.2f} ({theirs[label].f1:.2f})  n={row.support:<3} {label}")
        confusions = Counter((g, p) for g, p in zip(self.gold, self.predicted, strict=True)
                             if g != p)
        lines.append("[case2021-task2] most frequent confusions (gold -> predicted)")
        lines += [f"  {n:3}  {g} -> {p}" for (g, p), n in confusions.most_common(12)]
        lines.append("[case2021-task2] calibration: top event's confidence >= t: snippets, right")
        lines += [f"  >= {t:.1f}: {n:4}  {share:.3f}" for t, n, share in self.calibration()]
        lines.append(f"[case2021-task2] reference: published best weighted F1 "
                     f"{PUBLISHED_BEST_WEIGHTED_F1} (CASE 2021 task 2, fine-tuned transformers; "
                     f"the full test set)")
        return lines


def load(folder: Path, limit: int | None) -> list[Snippet]:
    with (folder / FILE).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))[1:]
    snippets = [Snippet(row[0], row[1], LABELS[row[2]]) for row in rows if row[2] in LABELS]
    return snippets[:limit] if limit else snippets


def strongest_trigger(lexicon: TriggerLexicon, text: str) -> str:
    hits = lexicon.find(text)
    if not hits:
        return NONE
    best = max(hits, key=lambda hit: hit.weight)  # max keeps the first of equal weight
    return best.sub_event_type


def evaluate(folder: Path, pipeline: Any, limit: int | None) -> CaseOutcome:
    from dateline.model import RawDoc

    lexicon = TriggerLexicon.load()
    outcome = CaseOutcome([], [], [], [])
    for snippet in load(folder, limit):
        result = pipeline.run(RawDoc(snippet.text, "text", f"case2021:{snippet.id}"))
        events = result.document.events if result.document is not None else ()
        top = max(events, key=lambda e: e.confidence, default=None)
        outcome.gold.append(snippet.label)
        outcome.predicted.append(top.sub_event_type if top else NONE)
        outcome.confidence.append(top.confidence if top else 0.0)
        outcome.baseline.append(strongest_trigger(lexicon, snippet.text))
    return outcome
