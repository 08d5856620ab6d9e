"""One event, many sources: near-duplicate articles, cross-article event merging and story
threads (see :mod:`dateline.merge.merger`)."""

from __future__ import annotations

from dateline.merge.merger import MergeResult, merge_document, merge_pending
from dateline.merge.rules import MergeOptions, MergeRules

__all__ = ["MergeOptions", "MergeResult", "MergeRules", "merge_document", "merge_pending"]
