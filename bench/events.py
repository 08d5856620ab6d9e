"""Suite `events`: how well dateline types and detects events, each beside a baseline measured
in the same run.

1. CASE 2021 task 2, the snippets of the 25 ACLED sub-event types: the sub-event type of each
   snippet's most confident event; accuracy, weighted F1 and macro F1 against the strongest
   trigger of ``dateline/data/triggers.json`` alone; the published best weighted F1 (0.839) is
   printed for reference, and how often the top event is right above confidence 0.5, 0.7, 0.9.
   See ``bench/_events_case.py``.
2. IndiaPoliceEvents, one document in three (by id): sentence-level KILL, ARREST and FORCE (what the
   police did) from dateline's event records, P/R/F1 against keyword match; on the bench third
   and, as ``ipe held-out``, on a third kept out of error analysis; both again with the cues of
   the 2002 Indian register switched on (``triggers.json``'s 'registers': lathi charges,
   dharnas, CRPF, jawans, miscreants; off by default), reported beside them, not gated.
   See ``bench/_events_ipe.py``.

Both sets are research-only: read in place from ``../shared/eval``, never copied or shipped,
never trained on (the trigger lexicon is written from ACLED's codebook and newswire usage). Their
misses have been read while writing rules (CASE's odd-id half, IPE's bench third): those scores
are optimistic, which is why IPE's held-out third is scored too. ``--limit N`` takes the first N
snippets and the first N documents of each subset.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from dateline.benchmarks import BenchContext, Score, SuiteResult, hash_files

HERE = Path(__file__).resolve().parent


def _helpers() -> tuple[object, object]:
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    import _events_case
    import _events_ipe

    return _events_case, _events_ipe


def run(ctx: BenchContext) -> SuiteResult:
    from dateline.api import Resources, build_pipeline

    case, ipe = _helpers()
    case_dir = ctx.shared / "eval" / "case2021-task2"
    ipe_dir = ctx.shared / "eval" / "indiapoliceevents"
    files = [case_dir / case.FILE] + [ipe_dir / name for name in ipe.FILES]  # type: ignore[attr-defined]
    started = time.perf_counter()
    resources = Resources.load()
    pipeline = build_pipeline(resources)
    case_outcome = case.evaluate(case_dir, pipeline, ctx.limit)  # type: ignore[attr-defined]
    ipe_outcome = ipe.evaluate(ipe_dir, pipeline, ctx.limit)  # type: ignore[attr-defined]
    held_out = ipe.evaluate(ipe_dir, pipeline, ctx.limit,  # type: ignore[attr-defined]
                            ipe.HELD_OUT)  # type: ignore[attr-defined]
    # the same with the cues of the 2002 Indian register (triggers.json 'registers'), opt-in
    general = build_pipeline(resources.with_registers(frozenset({"in-2002"})))
    ipe_general = ipe.evaluate(ipe_dir, general, ctx.limit)  # type: ignore[attr-defined]
    held_general = ipe.evaluate(ipe_dir, general, ctx.limit,  # type: ignore[attr-defined]
                                ipe.HELD_OUT)  # type: ignore[attr-defined]
    result = SuiteResult("events", hash_files(files),
                         baseline_name="baseline (triggers alone / keywords)")
    for name, (ours, base) in case_outcome.scores().items():
        result.scores.append(Score(name, ours, base))
    for threshold, _, share in case_outcome.calibration():
        result.scores.append(Score(f"case right at conf>={threshold}", share, gated=False))
    for prefix, outcome in (("ipe", ipe_outcome), ("ipe held-out", held_out)):
        for label in ipe.CLASSES:  # type: ignore[attr-defined]
            ours, base = outcome.table(label)
            result.scores.append(Score(f"{prefix} {label} F1", ours.f1, base.f1))
            result.scores.append(Score(f"{prefix} {label} precision", ours.precision,
                                       base.precision, gated=False))
            result.scores.append(Score(f"{prefix} {label} recall", ours.recall, base.recall,
                                       gated=False))
    for prefix, outcome in (("ipe with the in-2002 register", ipe_general),
                            ("ipe held-out with the in-2002 register", held_general)):
        for label in ipe.CLASSES:  # type: ignore[attr-defined]
            ours, base = outcome.table(label)
            result.scores.append(Score(f"{prefix} {label} F1", ours.f1, base.f1, gated=False))
    result.details += case_outcome.report() + ipe_outcome.report() + held_out.report()
    result.details.append(f"[events] {time.perf_counter() - started:.0f} s "
                          f"(models loaded once)")
    return result


if __name__ == "__main__":
    from dateline.benchmarks import run_suites

    sys.exit(0 if run_suites(["events"], sys.argv[1] if len(sys.argv) > 1 else "../shared") else 1)
