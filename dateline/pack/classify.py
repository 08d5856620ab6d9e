"""The sub-event type classifier of a region pack, beside the rules.

A logistic regression over a report's words (TF-IDF of words and word pairs) and the sub-event
type dateline's rules gave it, trained on the export's notes. It decides only where it is
confident: the threshold is picked by five-fold cross-validation on the training rows, as the
one that makes the most records right when the classifier replaces the rules' type at or above
it (no threshold: the classifier never overrides, and the pack card says so). Its confidence is
the model's probability; the card gives its calibration error on the held-out folds.

Stored as plain JSON (the vocabulary, idf weights, coefficients), read back without pickle.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

NO_EVENT = "(none)"
RULE_WEIGHT = 2.0  # the rules' type, as a one-hot feature beside the words
THRESHOLDS = tuple(round(0.5 + 0.05 * i, 2) for i in range(10))
NEVER = 1.01
MIN_GAIN = 0.02  # the classifier overrides only if it makes 2% more held-out records right
MIN_GAIN_RECORDS = 3  # and at least three
HELD_OUT = 0.2  # the latest fifth of the training rows validates the threshold
MIN_EXAMPLES = 20


@dataclass(frozen=True)
class Example:
    text: str  # the sentence of the rules' lead event, else the whole note
    rule: str  # the rules' sub-event type, NO_EVENT when they coded none
    gold: str
    date: str = ""  # the event's, ISO: the latest examples validate


@dataclass(frozen=True)
class TypeClassifier:
    classes: tuple[str, ...]
    vocabulary: dict[str, int]
    idf: tuple[float, ...]
    rules: tuple[str, ...]  # the rules' types with a feature
    coef: tuple[tuple[float, ...], ...]  # per class: words then rules
    intercept: tuple[float, ...]
    threshold: float

    def __post_init__(self) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        object.__setattr__(self, "_analyze", TfidfVectorizer(ngram_range=(1, 2)).build_analyzer())

    def probabilities(self, text: str, rule: str) -> dict[str, float]:
        """Each sub-event type's probability for ``text`` the rules coded as ``rule``."""
        weights = self._features(text)
        if rule in self.rules:
            weights[len(self.vocabulary) + self.rules.index(rule)] = RULE_WEIGHT
        scores = [b + sum(row[i] * w for i, w in weights.items())
                  for row, b in zip(self.coef, self.intercept, strict=True)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def decide(self, text: str, rule: str) -> tuple[str, float] | None:
        """The type the classifier puts in place of ``rule`` and its probability, or None
        where it keeps the rules' type (below the threshold, or agreeing)."""
        probs = self.probabilities(text, rule)
        best = max(probs, key=lambda c: probs[c])
        if best == rule or probs[best] < self.threshold:
            return None
        return best, probs[best]

    def _features(self, text: str) -> dict[int, float]:
        """Sublinear TF-IDF of words and word pairs, L2-normalised (as scikit-learn's
        TfidfVectorizer with the same vocabulary)."""
        words = self._analyze(text)  # type: ignore[attr-defined]
        counts: dict[int, int] = {}
        for gram in words:
            index = self.vocabulary.get(gram)
            if index is not None:
                counts[index] = counts.get(index, 0) + 1
        weights = {i: (1 + math.log(n)) * self.idf[i] for i, n in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {i: w / norm for i, w in weights.items()}

    def to_json(self) -> dict[str, Any]:
        return {"format": 1, "model": "logistic regression, TF-IDF words 1-2 + rules' type",
                "classes": list(self.classes), "vocabulary": self.vocabulary,
                "idf": [round(x, 6) for x in self.idf], "rules": list(self.rules),
                "rule_weight": RULE_WEIGHT,
                "coef": [[round(x, 6) for x in row] for row in self.coef],
                "intercept": [round(x, 6) for x in self.intercept], "threshold": self.threshold}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TypeClassifier:
        return cls(tuple(data["classes"]), dict(data["vocabulary"]), tuple(data["idf"]),
                   tuple(data["rules"]), tuple(tuple(r) for r in data["coef"]),
                   tuple(data["intercept"]), float(data["threshold"]))


def _fit(examples: Sequence[Example], seed: int) -> tuple[Any, Any, Any, tuple[str, ...]]:
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
    words = vectorizer.fit_transform([e.text for e in examples])
    rules = tuple(sorted({e.rule for e in examples}))
    model = LogisticRegression(C=10.0, max_iter=3000, random_state=seed)
    model.fit(hstack([words, csr_matrix(_rule_matrix(examples, rules))]).tocsr(),
              [e.gold for e in examples])
    return vectorizer, model, words, rules


def _rule_matrix(examples: Sequence[Example], rules: tuple[str, ...]) -> list[list[float]]:
    return [[RULE_WEIGHT if e.rule == r else 0.0 for r in rules] for e in examples]


def train(examples: Sequence[Example], seed: int = 0) -> tuple[TypeClassifier | None,
                                                                dict[str, Any]]:
    """The classifier and its measured scores (cross-validated on ``examples``), or None and
    the reason when there are too few examples to learn from."""
    labels = {e.gold for e in examples}
    if len(examples) < MIN_EXAMPLES or len(labels) < 2:
        return None, {"trained": False, "reason": f"{len(examples)} examples of {len(labels)} "
                      f"sub-event types (at least {MIN_EXAMPLES} of 2 needed)"}
    held_out = _held_out(examples, seed)
    threshold, scores = _pick_threshold(examples, held_out)
    vectorizer, model, _, rules = _fit(examples, seed)
    width = len(vectorizer.vocabulary_)
    classifier = TypeClassifier(
        tuple(str(c) for c in model.classes_),
        {str(k): int(v) for k, v in sorted(vectorizer.vocabulary_.items())},
        tuple(float(x) for x in vectorizer.idf_), rules,
        tuple(tuple(float(x) for x in row) for row in model.coef_) if len(model.classes_) > 2
        else _binary(model.coef_[0], width + len(rules)),
        tuple(float(x) for x in model.intercept_) if len(model.classes_) > 2
        else (-float(model.intercept_[0]) / 2, float(model.intercept_[0]) / 2),
        threshold)
    return classifier, {"trained": True, "examples": len(examples),
                        "sub_event_types": len(labels), **scores}


def _binary(row: Any, width: int) -> tuple[tuple[float, ...], ...]:
    half = [float(x) / 2 for x in row[:width]]
    return (tuple(-x for x in half), tuple(half))


def _held_out(examples: Sequence[Example], seed: int) -> list[dict[str, float]]:
    """Class probabilities of the latest :data:`HELD_OUT` of the examples (by date) from a
    model trained on the earlier ones; empty for the earlier ones. A pack codes reports that
    come after its training data: validating forward in time measures that (a shuffled
    cross-validation promised gains on Benin's earlier reports that its later ones took away)."""
    from scipy.sparse import csr_matrix, hstack

    order = sorted(range(len(examples)), key=lambda i: (examples[i].date, i))
    cut = len(order) - max(1, round(len(order) * HELD_OUT))
    part = [examples[i] for i in order[:cut]]
    out: list[dict[str, float]] = [{} for _ in examples]
    if len({e.gold for e in part}) < 2:
        return out
    vectorizer, model, _, rules = _fit(part, seed)
    test_idx = order[cut:]
    test = [examples[i] for i in test_idx]
    matrix = hstack([vectorizer.transform([e.text for e in test]),
                     csr_matrix(_rule_matrix(test, rules))]).tocsr()
    for i, probs in zip(test_idx, model.predict_proba(matrix), strict=True):
        out[i] = {str(c): float(p) for c, p in zip(model.classes_, probs, strict=True)}
    return out


def _pick_threshold(examples: Sequence[Example], held_out: list[dict[str, float]]
                    ) -> tuple[float, dict[str, Any]]:
    coded = [(e, p) for e, p in zip(examples, held_out, strict=True) if e.rule != NO_EVENT and p]

    def right(threshold: float) -> int:
        total = 0
        for example, probs in coded:
            best = max(probs, key=lambda c: probs[c])
            chosen = best if probs[best] >= threshold else example.rule
            total += chosen == example.gold
        return total

    rules_right = right(NEVER)
    best_threshold = max((*THRESHOLDS, NEVER), key=lambda t: (right(t), t))
    if right(best_threshold) - rules_right < max(MIN_GAIN * len(coded), MIN_GAIN_RECORDS):
        best_threshold = NEVER  # a gain within the noise of the held-out rows is not taken
    tops = [(max(p.values()), max(p, key=lambda c: p[c]) == e.gold)
            for e, p in zip(examples, held_out, strict=True) if p]
    return best_threshold, {
        "held_out_examples_with_rule_event": len(coded),
        "rules_accuracy": round(rules_right / len(coded), 4) if coded else None,
        "with_classifier_accuracy": round(right(best_threshold) / len(coded), 4) if coded else None,
        "classifier_alone_accuracy": round(sum(ok for _, ok in tops) / len(tops), 4) if tops
        else None,
        "expected_calibration_error": round(_ece(tops), 4),
        "threshold": best_threshold,
        "threshold_note": "the classifier never overrides the rules" if best_threshold == NEVER
        else "the classifier replaces the rules' type at or above this probability",
    }


def _ece(tops: list[tuple[float, bool]], bins: int = 10) -> float:
    """Expected calibration error of the top class's probability."""
    total = 0.0
    for b in range(bins):
        inside = [(p, ok) for p, ok in tops
                  if b / bins < p <= (b + 1) / bins or (b == 0 and p == 0)]
        if inside:
            confidence = sum(p for p, _ in inside) / len(inside)
            accuracy = sum(ok for _, ok in inside) / len(inside)
            total += len(inside) / len(tops) * abs(confidence - accuracy)
    return total
