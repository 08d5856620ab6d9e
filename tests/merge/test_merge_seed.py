"""Acceptance: the seed article and a syndicated copy of it (other title and furniture) give the
seed's events, each with two sources; the copy adds a source, not events."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from dateline.runner import run_batch
from dateline.store import SQLiteStore

IGNORED = {"article_ids", "evidence", "sources_count", "source", "confidence"}


def syndicated_copy(seed: str) -> str:
    """The seed under another headline, with another outlet's furniture around the body."""
    title, _, body = seed.partition("\n")
    date = title.rsplit("–", 1)[1].strip()
    return (f"Jihadists make their last stand in the tunnels of Baghuz – {date}\n\n"
            "By AFP | The Levant Courier | Share on Facebook | Share on Twitter\n\n"
            f"{body.strip()}\n\n"
            "© 2019 The Levant Courier. All rights reserved. This article was distributed by "
            "Agence France-Presse.\n")


def _events(path: Path, inputs: list[Path], pipeline) -> list:  # type: ignore[no-untyped-def]
    with SQLiteStore(path) as store:
        run_batch([str(p) for p in inputs], lambda: pipeline, store, pipeline=pipeline)
        return store.events()


def _comparable(event) -> dict:  # type: ignore[no-untyped-def]
    return {k: v for k, v in dataclasses.asdict(event).items() if k not in IGNORED}


def test_seed_plus_syndicated_copy_gives_the_seed_events_with_two_sources(
        tmp_path: Path, seed_text: str, pipeline) -> None:  # type: ignore[no-untyped-def]
    seed = tmp_path / "seed.txt"
    seed.write_text(seed_text, "utf-8")
    copy = tmp_path / "levant-courier.txt"
    copy.write_text(syndicated_copy(seed_text), "utf-8")
    alone = _events(tmp_path / "alone.db", [seed], pipeline)
    both = _events(tmp_path / "both.db", [seed, copy], pipeline)
    assert alone and len(both) == len(alone)
    assert sorted(map(str, map(_comparable, both))) == sorted(map(str, map(_comparable, alone)))
    assert all(e.sources_count == 2 and len(set(e.article_ids)) == 2 for e in both)
    assert all({ev.article_id for ev in e.evidence} == set(e.article_ids) for e in both)
