"""Merging one stored article into what the store already holds: near-duplicate detection, then
cross-article event merging, then story threads.

Each event the coder read from an article is kept as that article's *report*; reports of one
happening share one merged event (``events``), rebuilt whole from its reports every time one
joins or leaves, so that merging is incremental (a new article updates the events it tells
again) and idempotent (merging the same article again gives the same rows).

A report joins an event when
1. its article is a near-duplicate copy and the original has a report of that event type whose
   evidence is the same text (the copy adds a source, not events); or
2. it scores at least ``MergeOptions.min_score`` against a report of the event from another
   article (:func:`dateline.merge.similarity.pair_score`): best pairs first, one report per
   article per event.
A copy's report that matches nothing and only repeats the original's text becomes no event.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateline.merge.combine import combine
from dateline.merge.neardup import find_original, signature
from dateline.merge.rules import MergeOptions, MergeRules
from dateline.merge.similarity import date_interval, pair_score
from dateline.merge.stories import thread_events
from dateline.model import ArticleSignature, Document, Event, EventReport
from dateline.store.base import EventQuery, MergeStore

_WORD = re.compile(r"\w+")
DEFAULT_OPTIONS = MergeOptions()
WINDOW_DAYS = 7  # how far around a report's dates stored reports are compared with it


@dataclass(frozen=True)
class MergeResult:
    """What merging one article did."""

    article_id: str
    original_id: str | None = None  # the article it is a near-duplicate copy of
    similarity: float = 0.0
    new_events: tuple[str, ...] = ()  # events this article is the first to report
    joined: tuple[str, ...] = ()  # stored events it added a source to
    repeated: int = 0  # reports of a copy that only repeat its original
    stories: tuple[str, ...] = ()


# A piece of evidence that supports only these is a time or place expression, not a sentence.
_VALUE_SPAN_FIELDS = frozenset({"event_date", "location"})


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _evidence_texts(event: Event) -> set[str]:
    """The words of the event's sentences (not of a time or place given as its own span)."""
    return {_words(ev.text) for ev in event.evidence
            if ev.text.strip() and not (ev.fields and set(ev.fields) <= _VALUE_SPAN_FIELDS)}


def _match_original(store: MergeStore, reports: Sequence[EventReport], original: str
                    ) -> dict[str, str]:
    """report_id -> event of the original's report of the same event type with the same
    evidence text or, failing that, the same sub-event type and date (a copy's other dateline
    or title can move the place the coder reads)."""
    theirs = [r for r in store.article_reports(original) if r.event_id]
    found: dict[str, str] = {}
    for report in reports:
        event, texts = report.event, _evidence_texts(report.event)
        same = [t for t in theirs if t.event.event_type == event.event_type
                and t.event_id not in found.values()
                and (texts & _evidence_texts(t.event) or (
                    t.event.sub_event_type == event.sub_event_type
                    and t.event.event_date == event.event_date))]
        same.sort(key=lambda t: (not texts & _evidence_texts(t.event),
                                 t.event.sub_event_type != event.sub_event_type, t.report_id))
        if same and same[0].event_id:
            found[report.report_id] = same[0].event_id
    return found


def _candidates(store: MergeStore, event: Event, own: str, exclude: set[str]
                ) -> dict[str, list[EventReport]]:
    """Stored events near ``event`` in time, with their reports from other articles than
    ``own`` (what it said before is being replaced); events that hold a report from an article
    in ``exclude`` are left out."""
    first, last = date_interval(event)
    window = dt.timedelta(days=WINDOW_DAYS)
    found: dict[str, list[EventReport]] = {}
    for report in store.reports_near((first - window).isoformat(), (last + window).isoformat(),
                                     event.country):
        if report.event_id and report.article_id != own:
            found.setdefault(report.event_id, []).append(report)
    return {k: v for k, v in found.items() if not {r.article_id for r in v} & exclude}


def _match_stored(store: MergeStore, reports: Sequence[EventReport], exclude: set[str],
                  options: MergeOptions, rules: MergeRules) -> dict[str, str]:
    """report_id -> stored event, best-scoring pairs first, one report per event."""
    pairs: list[tuple[float, str, str]] = []
    for report in reports:
        try:
            clusters = _candidates(store, report.event, report.article_id, exclude)
        except ValueError:  # an event_date that is not an ISO date: it merges with nothing
            continue
        for event_id, members in clusters.items():
            scores = [pair_score(report.event, m.event, rules) for m in members]
            best = max((s for s in scores if s is not None), default=None)
            if best is not None and best >= options.min_score:
                pairs.append((-best, report.report_id, event_id))
    found: dict[str, str] = {}
    for _, report_id, event_id in sorted(pairs):
        if report_id not in found and event_id not in found.values():
            found[report_id] = event_id
    return found


def _repeats_original(store: MergeStore, report: EventReport, original: str) -> bool:
    """Whether every piece of the report's evidence is text of the original article."""
    text = _words(str(store.article(original).get("clean_text", "")))
    texts = _evidence_texts(report.event)
    return bool(texts) and all(t in text for t in texts)


def _assign(store: MergeStore, doc: Document, sig: ArticleSignature, options: MergeOptions,
            rules: MergeRules) -> list[EventReport]:
    reports = [EventReport(doc.id, e) for e in {e.event_id: e for e in doc.events}.values()]
    assigned: dict[str, str | None] = {}
    if sig.original_id:
        assigned.update(_match_original(store, reports, sig.original_id))
    exclude = {sig.original_id} if sig.original_id else set()
    rest = [r for r in reports if r.report_id not in assigned]
    assigned.update(_match_stored(store, rest, exclude, options, rules))
    for report in reports:
        if report.report_id not in assigned:
            repeats = sig.original_id and _repeats_original(store, report, sig.original_id)
            assigned[report.report_id] = None if repeats else report.report_id
    return [dataclasses.replace(r, event_id=assigned[r.report_id]) for r in reports]


def _roots(store: MergeStore, sig: ArticleSignature, article_ids: Iterable[str]
           ) -> dict[str, str]:
    """article_id -> the original of its near-duplicate group (itself when it is none)."""
    refs = store.article_refs(article_ids)
    roots = {aid: (ref.original_id or aid) for aid, ref in refs.items()}
    roots[sig.article_id] = sig.original_id or sig.article_id
    return roots


def _rebuild(store: MergeStore, sig: ArticleSignature, reports: Sequence[EventReport],
             previous: Sequence[EventReport]) -> tuple[list[Event], list[str]]:
    """The merged events the article touches, rebuilt from their reports, and the event ids
    that no longer stand (absorbed into another event, or left without reports)."""
    touched = {r.event_id for r in [*reports, *previous] if r.event_id}
    members = {event_id: [m for m in found if m.article_id != sig.article_id]
               for event_id, found in store.cluster_reports(touched).items()}
    for report in reports:
        if report.event_id:
            members.setdefault(report.event_id, []).append(report)
    roots = _roots(store, sig, {m.article_id for found in members.values() for m in found})
    merged = [combine(event_id, found, len({roots.get(m.article_id, m.article_id)
                                            for m in found}))
              for event_id, found in sorted(members.items()) if found]
    live = {event.event_id for event in merged}
    stale = touched | {r.report_id for r in [*reports, *previous]}
    return merged, sorted(stale - live)


def merge_document(store: MergeStore, doc: Document, options: MergeOptions = DEFAULT_OPTIONS,
                   rules: MergeRules | None = None) -> MergeResult:
    """Merge a stored article (``doc``, as just saved) with the stored events."""
    rules = rules or MergeRules.load()
    sig = signature(doc.id, doc.clean_text, options)
    original = find_original(sig, store.near_duplicate_candidates(sig.bands, doc.id), options)
    if original is not None:
        sig = dataclasses.replace(sig, original_id=original[0], similarity=original[1])
    previous = store.article_reports(doc.id)
    reports = _assign(store, doc, sig, options, rules)
    merged, retired = _rebuild(store, sig, reports, previous)
    store.apply_merge(sig, reports, merged, retired)
    mine = {r.event_id for r in reports if r.event_id}
    stories = thread_events(store, mine, rules)
    own = {r.report_id for r in reports}
    return MergeResult(
        doc.id, sig.original_id, sig.similarity,
        new_events=tuple(sorted(e for e in mine if e in own)),
        joined=tuple(sorted(e for e in mine if e not in own)),
        repeated=sum(r.event_id is None for r in reports), stories=tuple(sorted(stories)),
    )


def stored_document(store: MergeStore, article_id: str) -> Document:
    """A stored article as the merger needs it: its clean text and its own events (those that
    cite it alone: what the coder read before any merging)."""
    data = store.article(article_id)
    events = tuple(e for e in store.events(EventQuery(article_id=article_id))
                   if e.article_ids == (article_id,))
    return Document(id=article_id, raw_text="", clean_text=str(data.get("clean_text") or ""),
                    published=data.get("published"), events=events)


def merge_pending(store: MergeStore, options: MergeOptions = DEFAULT_OPTIONS,
                  rules: MergeRules | None = None) -> list[MergeResult]:
    """Merge the stored articles that never were (a database from before merging, or a run
    stopped between storing an article and merging it), oldest first."""
    rules = rules or MergeRules.load()
    return [merge_document(store, stored_document(store, article_id), options, rules)
            for article_id in store.unmerged_articles()]
