"""Shared fixtures: the shared data folder (tests skip without it) and one loaded pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is absent: this test reads the shared evaluation data in place")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared: Path) -> str:
    return (shared / "samples" / "seed" / "article.txt").read_text("utf-8")


@pytest.fixture(scope="session")
def resources():  # type: ignore[no-untyped-def]
    from dateline.api import Resources

    return Resources.load()


@pytest.fixture(scope="session")
def pipeline(resources):  # type: ignore[no-untyped-def]
    from dateline.api import build_pipeline

    return build_pipeline(resources)


@pytest.fixture(scope="session")
def seed_doc(pipeline, seed_text):  # type: ignore[no-untyped-def]
    from dateline.model import RawDoc

    result = pipeline.run(RawDoc(seed_text, "text", "seed/article.txt"))
    assert result.document is not None, result.outcome.reason
    return result.document


@pytest.fixture(scope="session")
def demo_db(pipeline, tmp_path_factory):  # type: ignore[no-untyped-def]
    """The bundled demo corpus (examples/) processed once into a database in a tmp dir."""
    from dateline.runner import run_batch
    from dateline.store import open_store

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with open_store(path) as store:
        summary = run_batch([str(EXAMPLES)], lambda: pipeline, store, pipeline=pipeline)
    assert summary.events > 0, summary.problems
    return path
