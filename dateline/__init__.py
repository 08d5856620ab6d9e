"""dateline: raw news about armed conflict in, clean text and evidence-linked events out.

``process``, ``build_pipeline`` and ``Resources`` load spaCy; they are imported on first use so
that ``import dateline.model`` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dateline.model import Document, Event, Outcome, RawDoc, to_dict

if TYPE_CHECKING:
    from dateline.api import Resources, build_pipeline, process

__all__ = ["Document", "Event", "Outcome", "RawDoc", "Resources", "build_pipeline", "process",
           "to_dict"]
__version__ = "0.1.0"

_LAZY = {"Resources", "build_pipeline", "process"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from dateline import api

        return getattr(api, name)
    raise AttributeError(f"module 'dateline' has no attribute {name!r}")
