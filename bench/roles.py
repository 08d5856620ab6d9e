"""Suite `roles`: who acts and who is acted on, given the gold actor mentions, dateline's role
logic (``dateline/events/roles.py``, ``role_for``) against word order, in the same run.

1. PLOVER GSR (CC BY-SA 4.0, Open Event Data Alliance): 322 sentences edited from the CAMEO
   manual; each (SRC: ..) and (TAR: ..) mention of the markup, read against the first (EVT: ..)
   span, the gold trigger. (SRC/TAR: ..) mentions of mutual events count right either way.
2. ConfliBERT ``cameo_ner`` test set (research use; Hu et al., NAACL 2022): news sentences with
   S (source) and T (target) actor spans; R (third role) spans are left out.
3. ConfliBERT ``muc4`` test set (MUC-4, 1992, via GRIT; research use): the gold perpetrator and
   target strings found in each document; scored per gold entity (majority of its mentions,
   the first on a tie; gated) and per mention.

Where the set gives no trigger both sides read a mention against the same reference: in 2, the
sentence's main verb (the root, or what a reporting root reports); in 3, the trigger of
``dateline/data/triggers.json`` nearest it in its sentence, else the main verb.

Baseline: word order (a mention before the trigger acts, one after it is acted on), which is
also dateline's fallback where the parse is silent. Beside it, ungated: a plain spaCy rule (the
mention's noun phrase is a subject or a 'by' agent: acts; else acted on), and dateline given
no trigger (its own clause first, as the event coder reads roles). See
``bench/_roles_data.py`` and ``bench/_roles_score.py``.

End to end (PLOVER, ``bench/_roles_e2e.py``): no gold actor span; from the sentence and the gold
trigger dateline finds the source and the target among its own entities and actor words
(:func:`dateline.events.role_claims.claim_roles`); baseline, spaCy NER entity order (the first
PERSON, ORG, GPE or NORP entity is the source, the next the target). Scored per gold mention.

Nothing here is tuned on these sets; they are read in place, never copied. ``--limit N`` takes
the first N texts of each set. Without ``../shared/eval/plover-gsr`` and
``../shared/eval/conflibert-tasks`` the suite is skipped.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from dateline.benchmarks import BenchContext, Score, SuiteResult, hash_files

HERE = Path(__file__).resolve().parent


def _helpers() -> tuple[object, object]:
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    import _roles_data
    import _roles_score

    return _roles_data, _roles_score


def _end_to_end(result: SuiteResult, role_set: Any, nlp: Any) -> None:
    """PLOVER from the sentence and the gold trigger alone (``bench/_roles_e2e.py``): dateline's
    candidates and :func:`claim_roles` against the spaCy entity-order baseline."""
    import _roles_e2e as e2e

    outcome = e2e.evaluate(role_set, nlp)
    ours, alone, base = outcome.ours, outcome.alone, outcome.base
    name = "plover end-to-end"
    result.scores += [
        Score(f"{name} actor-role accuracy (baseline: entity order)", ours.accuracy(),
              base.accuracy()),
        Score(f"{name} source accuracy (entity order)", ours.accuracy("1"),
              base.accuracy("1"), gated=False),
        Score(f"{name} target accuracy (entity order)", ours.accuracy("2"),
              base.accuracy("2"), gated=False),
        Score(f"{name} role precision (entity order)", ours.precision(), base.precision(),
              gated=False),
        Score(f"{name} actor-role accuracy, dateline given no trigger (entity order)",
              alone.accuracy(), base.accuracy(), gated=False),
    ]
    result.details += e2e.report(outcome)


def run(ctx: BenchContext) -> SuiteResult:
    data, score = _helpers()
    root = ctx.shared / "eval"
    paths = data.files(root)  # type: ignore[attr-defined]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        result = SuiteResult("roles", "absent", baseline_name="word order")
        result.details.append(f"[roles] skipped: {', '.join(missing)} absent (the suite reads "
                              f"../shared/eval/plover-gsr and ../shared/eval/conflibert-tasks)")
        return result
    from dateline.events.triggers import TriggerLexicon
    from dateline.nlp.model import load_spacy

    started = time.perf_counter()
    nlp, lexicon = load_spacy(), TriggerLexicon.load()
    result = SuiteResult("roles", hash_files(paths), baseline_name="word order")
    readers = (data.read_plover, data.read_cameo, data.read_muc4)  # type: ignore[attr-defined]
    for reader in readers:
        role_set = reader(root)
        role_set.texts = role_set.texts[:ctx.limit] if ctx.limit else role_set.texts
        uses = lexicon if role_set.name == "muc4" else None
        outcome = score.evaluate(role_set, nlp, uses)  # type: ignore[attr-defined]
        name = outcome.name
        if name == "muc4":
            result.scores.append(Score(f"{name} entity role accuracy",
                                       outcome.entity_accuracy(outcome.ours),
                                       outcome.entity_accuracy(outcome.base)))
        result.scores.append(Score(f"{name} role accuracy", outcome.accuracy(outcome.ours),
                                   outcome.accuracy(outcome.base), gated=name != "muc4"))
        result.scores.append(Score(f"{name} role accuracy (baseline: spaCy subject rule)",
                                   outcome.accuracy(outcome.ours),
                                   outcome.accuracy(outcome.rule), gated=False))
        clause = (outcome.entity_accuracy if name == "muc4" else outcome.accuracy)
        result.scores.append(Score(f"{name} {'entity ' if name == 'muc4' else ''}role accuracy,"
                                   f" dateline given no trigger", clause(outcome.clause),
                                   clause(outcome.base), gated=False))
        result.details += score.report(outcome)  # type: ignore[attr-defined]
        if name == "plover":
            _end_to_end(result, role_set, nlp)
    result.details.append(f"[roles] {time.perf_counter() - started:.0f} s")
    return result


if __name__ == "__main__":
    from dateline.benchmarks import run_suites

    sys.exit(0 if run_suites(["roles"], sys.argv[1] if len(sys.argv) > 1 else "../shared") else 1)
