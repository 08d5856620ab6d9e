"""Suite `speed`: documents per second end to end (ingest record -> clean -> language -> events)
over the first 500 IndiaPoliceEvents articles, beside plain spaCy ``nlp.pipe`` over the same
texts in the same run, and the process's peak memory after each. Not gated: speed depends on
the machine; the numbers go to bench/README.md.
"""

from __future__ import annotations

import json
import re
import resource
import time
from pathlib import Path

from dateline.benchmarks import BenchContext, Score, SuiteResult, hash_files

DEFAULT_DOCS = 500


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_docs(folder: Path, limit: int) -> list[tuple[str, str | None]]:
    dates: dict[int, str] = {}
    with (folder / "metadata.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            dates[record["doc_id"]] = record.get("date")
    docs = []
    with (folder / "docs.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            docs.append((record["doc_text"], dates.get(record["doc_id"])))
            if len(docs) >= limit:
                break
    return docs


def run(ctx: BenchContext) -> SuiteResult:
    from dateline.api import Resources, build_pipeline
    from dateline.model import RawDoc

    folder = ctx.shared / "eval" / "indiapoliceevents"
    docs = load_docs(folder, min(ctx.limit or DEFAULT_DOCS, DEFAULT_DOCS))
    resources = Resources.load()
    pipeline = build_pipeline(resources)
    start = time.perf_counter()
    words = sum(len(doc.text.split()) for doc in resources.nlp.pipe(t for t, _ in docs))
    baseline_s = time.perf_counter() - start
    baseline_mb = _peak_mb()
    start = time.perf_counter()
    events = failed = 0
    for i, (text, date) in enumerate(docs):
        result = pipeline.run(RawDoc(text, "text", f"docs.jsonl:{i + 1}", published=date))
        events += result.outcome.events
        failed += result.outcome.status != "processed"
    dateline_s = time.perf_counter() - start
    run_on = run_on_text(docs)
    start = time.perf_counter()
    resources.nlp(run_on)
    run_on_baseline_s = time.perf_counter() - start
    start = time.perf_counter()
    run_on_outcome = pipeline.run(RawDoc(run_on, "text", "run-on", published=docs[0][1])).outcome
    run_on_s = time.perf_counter() - start
    result = SuiteResult("speed", hash_files([folder / "docs.jsonl"]),
                         baseline_name="spaCy nlp.pipe (same model)")
    n = len(docs)
    result.scores = [
        Score("docs/s", n / dateline_s, n / baseline_s, gated=False),
        Score("words/s", words / dateline_s, words / baseline_s, gated=False),
        Score("peak RSS MB", _peak_mb(), baseline_mb, higher_is_better=False, gated=False),
        Score(f"one {RUN_ON_CHARS // 1000} KB run-on sentence, seconds", run_on_s,
              run_on_baseline_s, higher_is_better=False, gated=False),
    ]
    result.details.append(f"{n} documents, {words} words; {events} events; {failed} not processed;"
                          f" dateline {dateline_s:.1f} s, spaCy {baseline_s:.1f} s")
    result.details.append(f"run-on: the same articles' text with its sentence ends turned to "
                          f"commas, {len(run_on)} characters in one sentence: dateline "
                          f"{run_on_s:.1f} s ({run_on_outcome.status}, "
                          f"{run_on_outcome.events} events), spaCy {run_on_baseline_s:.1f} s")
    return result


RUN_ON_CHARS = 100_000


def run_on_text(docs: list[tuple[str, str | None]]) -> str:
    """A page that never ends a sentence (scraped text whose full stops were lost): the
    articles' text with every sentence end turned into a comma, cut to ``RUN_ON_CHARS``."""
    text = " ".join(" ".join(t.split()) for t, _ in docs)
    return re.sub(r"[.!?;:]+(?=\s|$)", ",", text)[:RUN_ON_CHARS].rstrip(",") + "."
