"""The evaluation runner behind ``dateline bench``: suites, pinned minimums and the gate.

Suites live in the repository's ``bench/`` folder (one module each, with a ``run(ctx)`` that
returns :class:`SuiteResult`). Minimum scores are pinned in ``bench/minimums.json`` together
with a hash of the data they were measured on; the gate fails when a score drops below its
minimum by more than ``EPSILON``, and says so when the data changed. A score where lower is better
(``higher_is_better=False``, e.g. false edits per 10,000 words) is pinned as a maximum instead.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from rich.console import Console
from rich.table import Table

from dateline.errors import BenchError

EPSILON = 0.005
BENCH_DIR = Path(__file__).resolve().parent.parent / "bench"
UNGATED_SUITES = ("speed", "web_latency")  # measured and reported, never a gate (machine)


def suites() -> tuple[str, ...]:
    """Every suite in bench/: one module per suite, each with a ``run(ctx)``."""
    return tuple(sorted(p.stem for p in BENCH_DIR.glob("*.py") if not p.stem.startswith("_")))


@dataclass(frozen=True)
class Score:
    """One metric: dateline's value beside the baseline measured in the same run."""

    name: str
    value: float
    baseline: float | None = None
    higher_is_better: bool = True
    gated: bool = True
    unit: str = ""


@dataclass
class SuiteResult:
    suite: str
    data_hash: str
    scores: list[Score] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    baseline_name: str = ""


@dataclass(frozen=True)
class BenchContext:
    shared: Path
    limit: int | None = None
    console: Console = field(default_factory=Console)


def hash_files(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def _load_suite(name: str) -> ModuleType:
    path = BENCH_DIR / f"{name}.py"
    if not path.exists():
        raise BenchError(f"no suite '{name}' in {BENCH_DIR}", f"choose from {', '.join(suites())}")
    spec = importlib.util.spec_from_file_location(f"dateline_bench_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def load_minimums() -> dict[str, dict[str, dict[str, object]]]:
    path = BENCH_DIR / "minimums.json"
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


def check(result: SuiteResult, minimums: dict[str, dict[str, dict[str, object]]]) -> list[str]:
    """Failures of the gate for one suite's result (empty when it passes)."""
    failures = []
    pinned = minimums.get(result.suite, {})
    for score in result.scores:
        entry = pinned.get(score.name)
        if not score.gated or entry is None:
            continue
        if entry.get("data_hash") != result.data_hash:
            failures.append(f"{result.suite}/{score.name}: the data changed (hash "
                            f"{result.data_hash}, pinned on {entry.get('data_hash')}); re-pin")
            continue
        if "max" in entry:
            maximum = float(entry["max"])  # type: ignore[arg-type]
            if score.value > maximum + EPSILON:
                failures.append(f"{result.suite}/{score.name}: {score.value:.3f} > pinned "
                                f"maximum {maximum:.3f}")
            continue
        minimum = float(entry["min"])  # type: ignore[arg-type]
        if score.value < minimum - EPSILON:
            failures.append(
                f"{result.suite}/{score.name}: {score.value:.3f} < pinned {minimum:.3f}")
    return failures


def _print(result: SuiteResult, console: Console) -> None:
    table = Table("metric", "dateline", result.baseline_name or "baseline", "pinned min",
                  title=f"bench {result.suite} (data {result.data_hash})")
    pinned = load_minimums().get(result.suite, {})
    for s in result.scores:
        base = "" if s.baseline is None else f"{s.baseline:.3f}{s.unit}"
        entry = pinned.get(s.name, {})
        minimum = entry.get("min", f"max {entry['max']}" if "max" in entry else "")
        table.add_row(s.name, f"{s.value:.3f}{s.unit}", base, str(minimum))
    for line in result.details:
        console.print(line, markup=False, highlight=False)
    console.print(table)


def pin(result: SuiteResult, minimums: dict[str, dict[str, dict[str, object]]]) -> None:
    """Raise the pinned minimums of a suite to this run's scores (never lowers one pinned on the
    same data; a lower-is-better score's maximum is only ever lowered) and write
    bench/minimums.json."""
    minimums = {**minimums, **load_minimums()}  # another suite may have pinned meanwhile
    pinned = minimums.setdefault(result.suite, {})
    for score in result.scores:
        if not score.gated:
            continue
        entry = pinned.get(score.name, {})
        same_data = entry.get("data_hash") == result.data_hash
        if not score.higher_is_better:  # pinned as a maximum, never raised on the same data
            top = float(str(entry.get("max", "inf"))) if same_data else float("inf")
            pinned[score.name] = {"max": round(min(top, score.value), 4),
                                  "data_hash": result.data_hash}
            continue
        old = float(entry["min"]) if same_data and "min" in entry else 0.0  # type: ignore[arg-type]
        pinned[score.name] = {"min": round(max(old, score.value), 4),
                              "data_hash": result.data_hash}
    path = BENCH_DIR / "minimums.json"
    path.write_text(json.dumps(minimums, indent=2, sort_keys=True) + "\n", "utf-8")


def run_suites(names: list[str], shared: str, gate: bool = False, limit: int | None = None,
               pin_scores: bool = False) -> bool:
    """Run suites, print their tables; with ``gate`` return False when a minimum is not met."""
    shared_path = Path(shared)
    if not shared_path.exists():
        raise BenchError(f"the shared data folder {shared} does not exist",
                         "pass --shared PATH; the evaluations need ../shared")
    ctx = BenchContext(shared_path, limit)
    minimums = load_minimums()
    failures: list[str] = []
    chosen = names or [n for n in suites() if not (gate and n in UNGATED_SUITES)]
    for name in chosen:
        result: SuiteResult = _load_suite(name).run(ctx)
        _print(result, ctx.console)
        failures.extend(check(result, minimums))
        if pin_scores and limit is None:
            pin(result, minimums)
    for failure in failures:
        ctx.console.print(f"[red]gate[/red] {failure}")
    return not (gate and failures)
