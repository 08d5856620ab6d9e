"""Near-duplicate articles: syndicated copies and re-publications of one story.

Each article's clean text is cut into word shingles (5 words), summarised by a MinHash
signature (datasketch) and indexed by LSH bands kept in the store, so that a new article is
compared only with the stored articles sharing a band. A candidate whose estimated Jaccard
similarity reaches ``MergeOptions.duplicate_similarity`` is a copy; the copy points at the first
stored article of its group (the original).
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash

from dateline.merge.rules import MergeOptions
from dateline.model import ArticleSignature

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int) -> set[str]:
    """The distinct runs of ``size`` words of ``text`` (lowercased); a shorter text is one."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=8).hexdigest()


def signature(article_id: str, text: str, options: MergeOptions) -> ArticleSignature:
    """The MinHash signature and LSH band keys of an article's clean text (empty when the
    article has no words)."""
    found = shingles(text, options.shingle_words)
    if not found:
        return ArticleSignature(article_id, 0, b"")
    minhash = MinHash(num_perm=options.num_perm, seed=options.seed)
    minhash.update_batch([s.encode("utf-8") for s in sorted(found)])
    values = minhash.hashvalues.astype("<u4")
    rows = options.num_perm // options.bands
    bands = tuple(f"{band}:{_digest(values[band * rows:(band + 1) * rows].tobytes())}"
                  for band in range(options.bands))
    return ArticleSignature(article_id, len(found), values.tobytes(), bands)


def similarity(a: ArticleSignature, b: ArticleSignature) -> float:
    """Estimated Jaccard similarity of two articles' shingles (0 when either is empty or the
    signatures were made with other settings)."""
    if not a.signature or len(a.signature) != len(b.signature):
        return 0.0
    left = np.frombuffer(a.signature, dtype="<u4")
    right = np.frombuffer(b.signature, dtype="<u4")
    return float(np.mean(left == right))


def find_original(sig: ArticleSignature, candidates: list[ArticleSignature],
                  options: MergeOptions) -> tuple[str, float] | None:
    """The original that ``sig`` copies, with the similarity, or None. Candidates come oldest
    first; the most similar one at or above the threshold wins and its own original, if it is
    a copy itself, is the answer."""
    best: tuple[float, ArticleSignature] | None = None
    for candidate in candidates:
        if candidate.original_id == sig.article_id:  # a copy of this one: it stays the original
            continue
        score = similarity(sig, candidate)
        if score >= options.duplicate_similarity and (best is None or score > best[0]):
            best = (score, candidate)
    if best is None:
        return None
    score, found = best
    return (found.original_id or found.article_id), round(score, 4)
