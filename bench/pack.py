"""Suite `pack`: what a region pack learned from a team's coded data is worth on later reports.

A pack is learned (``dateline.pack.learn``, as ``dateline learn`` does) from the ACLED Benin
reports before 2021 (the reading split of suite ``acled``), written to a temporary folder that
is deleted afterwards (ACLED's terms: evaluation only; no pack is shipped). The 2021-and-later
reports (the check split) are then scored with the scorer of ``acled``, with and without the
pack, in the same run. The learning curve learns from the first 25% and 50% of the earlier
reports (by date) as well. The baseline column is dateline without a pack.
"""

from __future__ import annotations

import csv
import sys
import tempfile
import time
from pathlib import Path

from dateline.benchmarks import BenchContext, Score, SuiteResult, hash_files

HERE = Path(__file__).resolve().parent
GATED = ("found", "sub_event_type", "actor1", "actor2", "admin1", "place 50 km", "date",
         "fatalities")
CURVE = (0.25, 0.5)


def _helpers():  # type: ignore[no-untyped-def]
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    import _acled

    return _acled


def _earlier_export(shared: Path, folder: Path, share: float) -> Path:
    """The reading split's rows (the first ``share`` of them by date) as an export."""
    acled = _helpers()
    with (shared / acled.FILE).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or ())
        rows = [r for r in reader if int(acled.iso_date(r["event_date"])[:4])
                < acled.CHECK_FROM_YEAR]
    rows.sort(key=lambda r: acled.iso_date(r["event_date"]))
    rows = rows[:max(1, round(len(rows) * share))]
    path = folder / f"earlier-{int(share * 100)}.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _score(pipeline, reports):  # type: ignore[no-untyped-def]
    acled = _helpers()
    tally = acled.Tally()
    code = acled.dateline_coder(pipeline)
    for report in reports:
        tally.add(report, acled.record_of(code(report)))
    return tally


def run(ctx: BenchContext) -> SuiteResult:
    from dateline.api import Resources, build_pipeline
    from dateline.pack import RegionPack
    from dateline.pack.learn import learn

    acled = _helpers()
    started = time.perf_counter()
    plain = Resources.load(pack=None)
    reports = [r for r in acled.load(ctx.shared) if r.check][:ctx.limit or None]
    without = _score(build_pipeline(plain), reports)
    result = SuiteResult("pack", hash_files([ctx.shared / acled.FILE]),
                         baseline_name="dateline without a pack")
    with tempfile.TemporaryDirectory(prefix="dateline-bench-pack-") as tmp:
        folder = Path(tmp)
        for share in (*CURVE, 1.0):
            export = _earlier_export(ctx.shared, folder, share)
            learned = learn([export], folder / f"pack-{int(share * 100)}", resources=plain)
            pack = RegionPack.load(folder / f"pack-{int(share * 100)}")
            ours = _score(build_pipeline(Resources.load(pack=pack)), reports)
            tag = "" if share == 1.0 else f" ({int(share * 100)}% of earlier)"
            names = acled.FIELDS if share == 1.0 else ("sub_event_type", "actor1", "place 50 km")
            for name in names:
                result.scores.append(Score(f"check {name}{tag}", ours.share(name),
                                           without.share(name),
                                           gated=share == 1.0 and name in GATED))
            result.scores.append(Score(f"check sub_event_type macro F1{tag}", ours.macro_f1(),
                                       without.macro_f1(), gated=share == 1.0))
            card = learned.card
            result.details.append(
                f"[pack] {int(share * 100)}% of the earlier reports: {card['rows_used']} rows, "
                f"{card['places']} places, {card['actors']} actors")
            result.details.append(f"[pack]   classifier {_classifier_line(card['classifier'])}")
            if share == 1.0:
                result.details += ours.confusion("check split, with the pack")
    result.details.append(f"[pack] {len(reports)} check reports; "
                          f"{time.perf_counter() - started:.0f} s")
    return result


def _classifier_line(scores: dict) -> str:  # type: ignore[type-arg]
    if not scores.get("trained"):
        return f"not trained ({scores.get('reason')})"
    return (f"(latest fifth): rules {scores['rules_accuracy']}, with it "
            f"{scores['with_classifier_accuracy']}, threshold {scores['threshold']}, "
            f"ECE {scores['expected_calibration_error']}")


if __name__ == "__main__":
    from dateline.benchmarks import run_suites

    sys.exit(0 if run_suites(["pack"], sys.argv[1] if len(sys.argv) > 1 else "../shared") else 1)
