"""Golden files: whole-article outputs of demo articles, reviewed by hand when they change.

Regenerate with ``UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and review the diff: a change
is either a fix (keep it) or a regression (fix the code).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from dateline.ingest import iter_inputs
from dateline.model import Document, RawDoc

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
ARTICLES = [
    "examples/txt/2024-03-14_afp_mogadishu_bombing.txt",
    "examples/txt/2024-03-12_afp_baghuz_ambush.txt",
    "examples/html/kyivledger_kramatorsk_market_strike.html",
]


def summary(doc: Document) -> dict[str, Any]:
    return {
        "title": doc.title, "published": doc.published, "agency": doc.agency,
        "clean_text": doc.clean_text, "captions": list(doc.captions),
        "edits": [[e.rule, e.before, e.after] for e in doc.edits],
        "times": [[t.text, t.value, t.precision] + ([f"caption {t.caption}"] if t.caption
                                                     is not None else []) for t in doc.times],
        "places": [[p.text, p.name, p.country, p.role] for p in doc.places],
        "events": [
            {k: getattr(e, k) for k in ("event_date", "time_precision", "event_type",
                                        "sub_event_type", "actor1", "actor2", "location",
                                        "country", "fatalities", "injured")}
            | {"evidence": [ev.text for ev in e.evidence]}
            for e in doc.events
        ],
        "watch": [[w.text, w.who] for w in doc.watch],
    }


@pytest.mark.parametrize("relative", ARTICLES)
def test_golden(relative: str, pipeline) -> None:  # type: ignore[no-untyped-def]
    (raw,) = [item for item in iter_inputs([str(ROOT / relative)]) if isinstance(item, RawDoc)]
    result = pipeline.run(raw)
    assert result.document is not None, result.outcome.reason
    got = summary(result.document)
    path = GOLDEN / (Path(relative).stem + ".json")
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", "utf-8")
    expected = json.loads(path.read_text("utf-8"))
    assert got == expected
