"""Suite `merge`: cross-article event merging, pair by pair, against exact-match de-duplication.

Data: the demo corpus (``examples/``) and the articles written for this suite
(``bench/data/merge/``: a syndicated copy with another outlet's furniture, two events told again
in other words, two other events on the same day in the same town), all fictional and written
for dateline. ``bench/data/merge_pairs.json`` describes 32 events in those articles and labels
56 pairs of them (every two within 400 km and 3 days) as the same or a different happening.

Run: the whole corpus goes through ``dateline run`` (pipeline, store, merging) into a temporary
SQLite database. For each labelled event the suite finds the article's own event records that fit
it (its reports: same ACLED event type, date within a day, within 300 km; of those, the closest
in date, then in distance, by 50 km; where the article has no record of a labelled protest's or
riot's type, its record of the demonstration typed the other way, Riots or Protests, since the
two sources of one demonstration may tell it either way); a pair is predicted
"same" when a report of one and a report of the other belong to one merged event. A labelled
event the coder did not produce makes its pairs "different" for both methods.

Baseline, same run, same reports: exact-match de-duplication, two reports are one event when
their date, event type and location name are equal.

Scores: precision and recall of "same" over the pairs, their F1, and the share of the near-
duplicate copies (S1 and the Shabelle Post copy) found as copies (either way round: the one
stored first is the original). The baseline finds no copies; it has no score there.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from dateline.benchmarks import BenchContext, Score, SuiteResult, hash_files
from dateline.model import EventReport
from dateline.nlp.gazetteer import distance_km

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "bench" / "data" / "merge_pairs.json"
INPUTS = [ROOT / "examples", ROOT / "bench" / "data" / "merge"]
COPIES = [("bench/data/merge/2024-03-14_shabellepost_mogadishu_syndicated.txt",
           "examples/txt/2024-03-14_afp_mogadishu_bombing.txt"),
          ("examples/html/goldenlandtimes_depayin_airstrike_syndicated.html",
           "examples/txt/2024-03-14_afp_sagaing_airstrike.txt")]
FIND_KM = 300.0
# One demonstration, typed either way: an article whose record of a labelled protest is a
# Violent demonstration (the police said the crowd turned violent) still reports it.
DEMONSTRATION = {"Protests": {"Riots"}, "Riots": {"Protests"}}


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return distance_km(a, b)


def _days(a: str, b: str) -> int:
    import datetime as dt

    return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)


def find_reports(gold: dict[str, Any], reports: list[EventReport]) -> list[EventReport]:
    """The article's reports that fit a labelled event (the coder may read one event more than
    once in an article)."""
    fits = []
    types = {event_type for event_type in (report.event.event_type for report in reports)
             if event_type == gold["event_type"]} or DEMONSTRATION.get(gold["event_type"], set())
    for report in reports:
        event = report.event
        if event.event_type not in types or event.latitude is None:
            continue
        gap = _days(event.event_date, gold["date"])
        km = _km((event.latitude, event.longitude or 0.0), tuple(gold["at"]))
        if (gap <= 1 or (event.time_precision > 1 and gap <= 6)) and km <= FIND_KM:
            fits.append(((gap, int(km // 50)), report))
    best = min((key for key, _ in fits), default=None)
    return [report for key, report in fits if key == best]


def _exact_key(report: EventReport) -> tuple[str, str, str]:
    event = report.event
    return event.event_date, event.event_type, event.location


def _process(db: Path) -> dict[str, Any]:
    """Run the corpus through dateline into ``db``; reports by origin, and the copies found."""
    from dateline.api import build_pipeline
    from dateline.runner import run_batch
    from dateline.store import SQLiteStore

    pipeline = build_pipeline()
    with SQLiteStore(db) as store:
        run_batch([str(p) for p in INPUTS], lambda: pipeline, store, pipeline=pipeline)
        rows = store._read("SELECT id, origin FROM articles")
        origin = {row["id"]: str(Path(row["origin"]).resolve().relative_to(ROOT))
                  if ":" not in Path(row["origin"]).name else
                  str(Path(row["origin"].rsplit(":", 1)[0]).resolve().relative_to(ROOT))
                  + ":" + row["origin"].rsplit(":", 1)[1] for row in rows}
        reports = {origin[aid]: store.article_reports(aid) for aid in origin}
        copies = {origin[aid]: origin.get(store.original_of(aid) or "", "") for aid in origin}
    return {"reports": reports, "copies": copies}


def _prf(gold: list[bool], pred: list[bool]) -> tuple[float, float, float]:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def run(ctx: BenchContext) -> SuiteResult:
    labels = json.loads(PAIRS.read_text("utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        found = _process(Path(folder) / "merge.db")
    reports = {name: find_reports(gold, found["reports"].get(gold["file"], []))
               for name, gold in labels["events"].items()}
    result = SuiteResult("merge", "", baseline_name="exact match (date + type + place)")
    gold, ours, base = [], [], []
    for a, b, label in labels["pairs"][: ctx.limit]:
        ra, rb = reports[a], reports[b]
        same = bool({r.event_id for r in ra if r.event_id} & {r.event_id for r in rb})
        exact = bool({_exact_key(r) for r in ra} & {_exact_key(r) for r in rb})
        gold.append(label == "same")
        ours.append(same)
        base.append(exact)
        mark = "ok  " if same == (label == "same") else "MISS"
        result.details.append(f"  {mark} {label:9} dateline={'same' if same else 'diff'} "
                              f"exact={'same' if exact else 'diff'}  {a} ~ {b}")
    missing = sorted(name for name, found_reports in reports.items() if not found_reports)
    result.details.append(f"[events not coded, their pairs count as different] "
                          f"{', '.join(missing) or 'none'}")
    p, r, f = _prf(gold, ours)
    bp, br, bf = _prf(gold, base)
    copies = sum(found["copies"].get(a) == b or found["copies"].get(b) == a for a, b in COPIES)
    result.scores += [Score("pair precision", p, bp), Score("pair recall", r, br),
                      Score("pair F1", f, bf),
                      Score("near-duplicates found", copies / len(COPIES), None)]
    files = [PAIRS, *sorted(p for folder in INPUTS for p in folder.rglob("*") if p.is_file())]
    result.data_hash = hash_files(files)
    return result


if __name__ == "__main__":
    import sys

    from dateline.benchmarks import run_suites

    sys.exit(0 if run_suites(["merge"], sys.argv[1] if len(sys.argv) > 1 else "../shared")
             else 1)
