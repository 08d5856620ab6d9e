"""Suite `extraction`: the main text dateline takes from web pages, and how precise its repairs are.

Three measurements, each beside a baseline measured in the same run. "dateline" is what
``clean_document`` produces for an HTML page: ``dateline.clean.html.extract_page`` followed by the
header reader and every repair pass (``clean_text``). The baseline of 1 and 2 is plain
``trafilatura.extract(html)`` with its default settings. Both read the same decoded page
(``dateline.ingest.encoding.decode``) and neither is given the page's URL.

1. **Article extraction benchmark** (Zyte, formerly Scrapinghub:
   https://github.com/scrapinghub/article-extraction-benchmark, MIT; ``ground-truth.json`` and
   ``html/<id>.html.gz``). The benchmark's own metric, as in its ``evaluate.py``: the text is split
   into word tokens (regex ``\\w+``, case kept as written: the regex's IGNORECASE flag does not
   fold case), shingles are the runs of 4 consecutive tokens (a text of fewer than 4 tokens is one
   shorter shingle), counted as a multiset. Per page, TP = shared shingles, FP = predicted only,
   FN = true only, then normalised by TP+FP+FN so that long pages weigh no more than short ones.
   Precision is averaged over the pages with a prediction (TP+FP > 0), recall over the pages with
   a truth (TP+FN > 0), each with the benchmark's conventions (1 when FP = FN = 0, 0 when nothing
   matches), and F1 = 2PR / (P + R) of the two averages (not an average of per-page F1).
2. **trafilatura's evaluation set** (https://github.com/adbar/trafilatura, ``tests/evaldata.json``
   and its pages, Apache-2.0; the pages are third-party web pages archived for evaluation). For
   each page, snippets that must appear ("with") and must not ("without") in the extracted text,
   matched as exact substrings as trafilatura's ``tests/comparison.py`` does; the share of "with"
   snippets kept and of "without" snippets removed, over all snippets of the pages read. To stay
   within the time budget every ``PAGE_STEP``-th page (by URL order) is read; the data hash covers
   exactly the files read.
3. **False edits on clean text.** The repair passes (``dateline.clean.repair_text`` on an
   ``EditLog``) run over the human-verified article bodies of benchmark 1, which need no repair.
   Every edit that changes what a reader sees counts as false (an edit of whitespace or of
   invisible format characters alone, such as a zero-width space, does not); the rate is per
   10,000 words (lower is better; pinned as a maximum). Baseline: ``ftfy.fix_text`` with its
   default settings alone, each changed region that is more than whitespace counted as one edit.
"""

from __future__ import annotations

import datetime as dt
import difflib
import gzip
import json
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import ftfy
import trafilatura

from dateline.benchmarks import BenchContext, Score, SuiteResult, hash_files
from dateline.clean import CleaningData, EditLog, clean_document, repair_text
from dateline.errors import DatelineError
from dateline.ingest.encoding import decode
from dateline.model import Document

PAGE_STEP = 2  # trafilatura-eval: every 2nd page (495 of 990) keeps the suite under 3 minutes
SHINGLE_N = 4
TODAY = dt.date(2026, 1, 1)  # wire datelines without a year resolve the same way on every run
_TOKEN = re.compile(r"\w+", re.UNICODE)

Extractor = Callable[[str], str]


# -- the article extraction benchmark's metric (evaluate.py) --------------------------------------

def shingles(text: str, n: int = SHINGLE_N) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))
                   if tokens[i:i + n])


def shingle_match(true: str, pred: str) -> tuple[float, float, float]:
    """(TP, FP, FN) over shingles, normalised to sum to 1 (all zero when both texts are empty)."""
    t, p = shingles(true), shingles(pred)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def precision_recall_f1(matches: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    precisions = [_precision(*m) for m in matches if m[0] + m[1] > 0]
    recalls = [_recall(*m) for m in matches if m[0] + m[2] > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def page_f1(match: tuple[float, float, float]) -> float:
    p, r = _precision(*match), _recall(*match)
    return 2 * p * r / (p + r) if p + r else 0.0


# -- extractors ------------------------------------------------------------------------------------

def read_page(path: Path) -> str:
    return decode(gzip.decompress(path.read_bytes()))[0]


def dateline_extractor(data: CleaningData) -> Extractor:
    def extract(html: str) -> str:
        doc = Document(id="bench", raw_text=html, kind="html")
        try:
            return clean_document(doc, data, today=TODAY).clean_text
        except DatelineError:  # no article found: an empty prediction
            return ""
    return extract


def trafilatura_extractor(html: str) -> str:
    return trafilatura.extract(html) or ""


@dataclass
class Timer:
    seconds: dict[str, float] = field(default_factory=dict)

    def timed(self, name: str, extract: Extractor, html: str) -> str:
        start = time.perf_counter()
        text = extract(html)
        self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start
        return text


# -- 1. article extraction benchmark ---------------------------------------------------------------

def article_benchmark(ctx: BenchContext, data: CleaningData, timer: Timer,
                      result: SuiteResult) -> tuple[list[Path], dict[str, str]]:
    """Scores of benchmark 1; returns the files read and the ground-truth bodies."""
    root = ctx.shared / "eval" / "article-extraction-benchmark"
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    pages = sorted(root.glob("html/*.html.gz"))[: ctx.limit]
    ours, base, worse = [], [], []
    extract = dateline_extractor(data)
    for path in pages:
        html, body = read_page(path), truth[path.name.split(".")[0]]["articleBody"]
        mine = shingle_match(body, timer.timed("dateline", extract, html))
        theirs = shingle_match(body, timer.timed("trafilatura", trafilatura_extractor, html))
        ours.append(mine)
        base.append(theirs)
        if page_f1(mine) < page_f1(theirs) - 0.05:
            worse.append(f"  {path.name[:12]}  F1 {page_f1(mine):.3f} < {page_f1(theirs):.3f}")
    (p, r, f1), (bp, br, bf1) = precision_recall_f1(ours), precision_recall_f1(base)
    result.scores += [
        Score("article F1", f1, bf1),
        Score("article precision", p, bp, gated=False),
        Score("article recall", r, br, gated=False),
    ]
    result.details.append(f"[article-extraction-benchmark] {len(pages)} pages; "
                          f"{len(worse)} where dateline's page F1 is 0.05+ below trafilatura's")
    result.details += worse
    bodies = {path.name.split(".")[0]: truth[path.name.split(".")[0]]["articleBody"]
              for path in pages}
    return pages + [root / "ground-truth.json"], bodies


# -- 2. trafilatura's evaluation set ---------------------------------------------------------------

@dataclass
class SnippetCounts:
    kept: int = 0
    wanted: int = 0
    removed: int = 0
    unwanted: int = 0

    def add(self, text: str, item: dict[str, list[str]]) -> None:
        self.kept += sum(s in text for s in item["with"])
        self.wanted += len(item["with"])
        self.removed += sum(s not in text for s in item["without"])
        self.unwanted += len(item["without"])


def _eval_page(root: Path, name: str) -> Path:
    cached = root / "tests" / "cache" / f"{name}.gz"
    return cached if cached.exists() else root / "tests" / "eval" / f"{name}.gz"


def snippet_benchmark(ctx: BenchContext, data: CleaningData, timer: Timer,
                      result: SuiteResult) -> list[Path]:
    root = ctx.shared / "eval" / "trafilatura-eval"
    evaldata = json.loads((root / "evaldata.json").read_text("utf-8"))
    chosen = sorted(evaldata)[::PAGE_STEP][: ctx.limit]
    ours, base = SnippetCounts(), SnippetCounts()
    extract = dateline_extractor(data)
    paths = []
    for url in chosen:
        item = evaldata[url]
        path = _eval_page(root, item["file"])
        paths.append(path)
        html = read_page(path)
        ours.add(timer.timed("dateline", extract, html), item)
        base.add(timer.timed("trafilatura", trafilatura_extractor, html), item)
    result.scores += [
        Score("snippets kept (with)", ours.kept / ours.wanted, base.kept / base.wanted),
        Score("snippets removed (without)", ours.removed / ours.unwanted,
              base.removed / base.unwanted),
    ]
    result.details.append(
        f"[trafilatura-eval] {len(chosen)} of {len(evaldata)} pages (every {PAGE_STEP}nd); "
        f"with: dateline {ours.kept}/{ours.wanted}, trafilatura {base.kept}/{base.wanted}; "
        f"without removed: dateline {ours.removed}/{ours.unwanted}, "
        f"trafilatura {base.removed}/{base.unwanted}")
    return paths + [root / "evaldata.json"]


# -- 3. false edits on clean text ------------------------------------------------------------------

def _squash(text: str) -> str:
    """The text as a reader sees it: whitespace runs as one space, invisible format characters
    (zero-width space, left-to-right mark, byte-order mark: Unicode category Cf) dropped."""
    visible = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return " ".join(visible.split())


def dateline_false_edits(body: str, data: CleaningData) -> list[str]:
    log = EditLog(body)
    repair_text(log, data)
    return [f"{e.rule}: {e.before[:60]!r} -> {e.after[:60]!r}" for e in log.edits()
            if _squash(e.before) != _squash(e.after)]


def ftfy_edits(body: str) -> int:
    fixed = ftfy.fix_text(body)
    if fixed == body:
        return 0
    pairs = (zip(body.split("\n"), fixed.split("\n"), strict=True)
             if body.count("\n") == fixed.count("\n") else [(body, fixed)])
    count = 0
    for before, after in pairs:
        if before == after:
            continue
        matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
        count += sum(1 for op, i1, i2, j1, j2 in matcher.get_opcodes()
                     if op != "equal" and _squash(before[i1:i2]) != _squash(after[j1:j2]))
    return count


def false_edit_rate(bodies: dict[str, str], data: CleaningData, result: SuiteResult) -> None:
    words = sum(len(body.split()) for body in bodies.values())
    ours: list[str] = []
    pages_ours = base = pages_base = 0
    for page, body in sorted(bodies.items()):
        found = dateline_false_edits(body, data)
        ours += [f"  {page[:12]}  {edit}" for edit in found]
        pages_ours += bool(found)
        changed = ftfy_edits(body)
        base += changed
        pages_base += bool(changed)
    per_10k = 10_000 / max(words, 1)
    result.scores += [
        Score("false edits /10k words", len(ours) * per_10k, base * per_10k,
              higher_is_better=False),
        Score("pages with a false edit", pages_ours / max(len(bodies), 1),
              pages_base / max(len(bodies), 1), higher_is_better=False, gated=False),
    ]
    result.details.append(f"[false edits] {len(bodies)} ground-truth bodies, {words} words: "
                          f"dateline {len(ours)} edits, ftfy.fix_text {base}")
    result.details += ours[:40]


def run(ctx: BenchContext) -> SuiteResult:
    data = CleaningData.load()
    timer = Timer()
    result = SuiteResult("extraction", "", baseline_name="trafilatura.extract / ftfy.fix_text")
    started = time.perf_counter()
    files, bodies = article_benchmark(ctx, data, timer, result)
    files += snippet_benchmark(ctx, data, timer, result)
    false_edit_rate(bodies, data, result)
    result.data_hash = hash_files(files)
    seconds = timer.seconds
    result.details.append(
        f"[time] {time.perf_counter() - started:.0f} s in all; extraction: dateline "
        f"{seconds.get('dateline', 0):.0f} s, trafilatura {seconds.get('trafilatura', 0):.0f} s")
    return result


if __name__ == "__main__":
    import sys

    from dateline.benchmarks import run_suites

    sys.exit(0 if run_suites(["extraction"], sys.argv[1] if len(sys.argv) > 1 else "../shared")
             else 1)
