"""Classification metrics for the evaluation suites, written out (no scikit-learn needed).

    >>> gold = ["a", "a", "b", "c"]
    >>> pred = ["a", "b", "b", "none"]
    >>> round(accuracy(gold, pred), 3)
    0.5
    >>> round(f1_by_label(gold, pred)["b"].f1, 3)
    0.667
    >>> round(macro_f1(gold, pred), 3)
    0.444
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 of one label, with the counts they come from."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn


def accuracy(gold: Sequence[str], pred: Sequence[str]) -> float:
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold) if gold else 0.0


def f1_by_label(gold: Sequence[str], pred: Sequence[str]) -> dict[str, PRF]:
    """Per gold label (a prediction outside the gold labels, such as "none", is only ever a
    false negative of the gold label it missed)."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        if g == p:
            tp[g] += 1
        else:
            fn[g] += 1
            fp[p] += 1
    return {label: PRF(tp[label], fp[label], fn[label]) for label in sorted(set(gold))}


def weighted_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    """F1 of each gold label weighted by its support (scikit-learn's ``average='weighted'``)."""
    table = f1_by_label(gold, pred)
    total = sum(row.support for row in table.values())
    return sum(row.f1 * row.support for row in table.values()) / total if total else 0.0


def macro_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    """Unweighted mean F1 over the gold labels."""
    table = f1_by_label(gold, pred)
    return sum(row.f1 for row in table.values()) / len(table) if table else 0.0


def binary(gold: Sequence[bool], pred: Sequence[bool]) -> PRF:
    """Detection counts: true positives, false positives, false negatives."""
    pairs = list(zip(gold, pred, strict=True))
    return PRF(sum(g and p for g, p in pairs), sum(p and not g for g, p in pairs),
               sum(g and not p for g, p in pairs))
