"""Suite `times`: TimeBank (TempEval-3 TBAQ-cleaned) DATE expressions resolved against the DCT.

Data: ``../shared/eval/tempeval3-tbaq/TimeBank/*.tml`` (183 newswire documents, 1989-1998;
TimeML with the document creation time, DCT). Research use only (TimeBank 1.2, LDC2006T08, through
the TempEval-3 release; cite UzZaman et al. 2013, Pustejovsky et al. 2003): measured here, never
shipped.

Scored: TIMEX3 ``type="DATE"`` whose value is a year, a month or a day (``1998``, ``1998-02``,
``1998-02-13``), the DCT itself excluded. Quarters, seasons, weeks, decades and ``PAST_REF``-style
values are not scored; a dateline span that falls on one of those TIMEX3 spans (or on a TIME,
DURATION or SET) is neither right nor wrong.

- ``given spans``: each gold span resolved with :func:`dateline.nlp.times.resolve_time` (the
  clause around the span is its context), value equal to the gold value.
- ``end to end``: :func:`dateline.nlp.times.find_times` over the document; a gold span is found
  when a dateline span overlaps it. Precision counts dateline spans that overlap a scored gold
  span against those that overlap no TIMEX3 at all. ``value (found)``: share of found gold spans
  whose value is the gold value; ``value (all gold)``: the same over every scored gold span.

Baseline, same run: dateparser 1.x with ``RELATIVE_BASE`` = the DCT and ``PREFER_DATES_FROM =
past`` (``search_dates`` for the spans, ``DateDataParser.get_date_data`` for each span's value);
its value is written at the period dateparser reports (day, week, month or year).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dateline.benchmarks import BenchContext, Score, SuiteResult, hash_files

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
SCORED_VALUE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str

    @property
    def scored(self) -> bool:
        return self.type == "DATE" and SCORED_VALUE.match(self.value) is not None


@dataclass(frozen=True)
class TimeMLDoc:
    name: str
    text: str
    dct: str
    timexes: tuple[Timex, ...]


def read_timeml(path: Path) -> TimeMLDoc:
    """The text inside <TEXT> (tags removed, entities unescaped), its DCT and TIMEX3 spans."""
    source = path.read_text("utf-8")
    dct = re.search(r'<DCT><TIMEX3[^>]*value="([^"]+)"', source)
    assert dct is not None, path
    body = source[source.index("<TEXT>") + 6:source.index("</TEXT>")]
    parts: list[str] = []
    length = pos = 0
    open_tags: list[tuple[dict[str, str], int]] = []
    timexes = []
    for m in _TAG.finditer(body):
        parts.append(html.unescape(body[pos:m.start()]))
        length += len(parts[-1])
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1):
            attrs, start = open_tags.pop()
            timexes.append(Timex(start, length, attrs.get("type", ""), attrs.get("value", "")))
        else:
            open_tags.append((dict(_ATTR.findall(m.group(3))), length))
    parts.append(html.unescape(body[pos:]))
    return TimeMLDoc(path.stem, "".join(parts), dct.group(1)[:10], tuple(timexes))


# ------------------------------------------------------------------------------ systems

Span = tuple[int, int, "str | None"]  # start, end, value


def _dateline_spans(doc: TimeMLDoc) -> list[Span]:
    from dateline.nlp.times import find_times

    return [(t.start, t.end, t.value) for t in find_times(doc.text, doc.dct)]


def _dateline_given(doc: TimeMLDoc, gold: Timex) -> str | None:
    from dateline.nlp.times import resolve_time

    found = resolve_time(doc.text, gold.start, gold.end, doc.dct)
    return found.value if found else None


class DateparserBaseline:
    """dateparser with the DCT as relative base, preferring past dates."""

    def __init__(self, dct: str) -> None:
        from dateparser.date import DateDataParser

        self.settings = {"RELATIVE_BASE": dt.datetime.fromisoformat(dct),
                         "PREFER_DATES_FROM": "past"}
        self.parser = DateDataParser(languages=["en"], settings=self.settings)

    def lenient(self, text: str, gold: str) -> bool:
        """Whether dateparser's date, cut to the gold value's length, is the gold value (the
        most generous reading: it need not know the precision)."""
        when = self.parser.get_date_data(text).date_obj
        return when is not None and when.date().isoformat()[:len(gold)] == gold

    def value(self, text: str) -> str | None:
        data = self.parser.get_date_data(text)
        when = data.date_obj
        if when is None:
            return None
        if data.period == "year":
            return f"{when.year}"
        if data.period == "month":
            return f"{when.year}-{when.month:02d}"
        if data.period == "week":
            year, week, _ = when.isocalendar()
            return f"{year}-W{week:02d}"
        return when.date().isoformat()

    def spans(self, text: str) -> list[Span]:
        from dateparser.search import search_dates

        found = search_dates(text, languages=["en"], settings=self.settings) or []
        out: list[Span] = []
        pos = 0
        for surface, _ in found:
            start = text.find(surface, pos)
            if start < 0:
                continue
            pos = start + len(surface)
            out.append((start, pos, self.value(surface)))
        return out


# ------------------------------------------------------------------------------ scoring

@dataclass
class Tally:
    given_right: int = 0
    gold: int = 0
    found: int = 0
    found_right: int = 0
    pred_true: int = 0
    pred_false: int = 0
    given_lenient: int = 0

    def add_given(self, value: str | None, gold: Timex) -> None:
        self.given_right += value == gold.value

    def add_document(self, doc: TimeMLDoc, spans: list[Span], errors: Counter[str] | None) -> None:
        scored = [g for g in doc.timexes if g.scored]
        self.gold += len(scored)
        for g in scored:
            hits = [s for s in spans if s[0] < g.end and g.start < s[1]]
            if not hits:
                continue
            self.found += 1
            right = any(value == g.value for _, _, value in hits)
            self.found_right += right
            if not right and errors is not None:
                errors[f"e2e {doc.text[g.start:g.end]!r} gold {g.value} got {hits[0][2]}"] += 1
        for start, end, _ in spans:
            if any(start < g.end and g.start < end for g in scored):
                self.pred_true += 1
            elif not any(start < g.end and g.start < end for g in doc.timexes):
                self.pred_false += 1
                if errors is not None:
                    errors[f"extra {doc.text[start:end]!r}"] += 1

    def scores(self) -> dict[str, float]:
        precision = self.pred_true / max(1, self.pred_true + self.pred_false)
        recall = self.found / max(1, self.gold)
        return {
            "given spans: value accuracy": self.given_right / max(1, self.gold),
            "end to end: precision": precision,
            "end to end: recall": recall,
            "end to end: F1": 2 * precision * recall / max(1e-9, precision + recall),
            "end to end: value (found)": self.found_right / max(1, self.found),
            "end to end: value (all gold)": self.found_right / max(1, self.gold),
        }


def _given_errors(doc: TimeMLDoc, value_of: Callable[[TimeMLDoc, Timex], str | None],
                  tally: Tally, errors: Counter[str]) -> None:
    for gold in (g for g in doc.timexes if g.scored):
        value = value_of(doc, gold)
        tally.add_given(value, gold)
        if value != gold.value:
            errors[f"given {doc.text[gold.start:gold.end]!r} gold {gold.value} got {value}"] += 1


def evaluate(docs: list[TimeMLDoc]) -> tuple[Tally, Tally, Counter[str]]:
    ours, base = Tally(), Tally()
    errors: Counter[str] = Counter()
    for doc in docs:
        baseline = DateparserBaseline(doc.dct)
        _given_errors(doc, _dateline_given, ours, errors)
        for gold in (g for g in doc.timexes if g.scored):
            surface = doc.text[gold.start:gold.end]
            base.add_given(baseline.value(surface), gold)
            base.given_lenient += baseline.lenient(surface, gold.value)
        ours.add_document(doc, _dateline_spans(doc), errors)
        base.add_document(doc, baseline.spans(doc.text), None)
    return ours, base, errors


def run(ctx: BenchContext) -> SuiteResult:
    folder = ctx.shared / "eval" / "tempeval3-tbaq" / "TimeBank"
    paths = sorted(folder.glob("*.tml"))[:ctx.limit]
    docs = [read_timeml(p) for p in paths]
    ours, base, errors = evaluate(docs)
    result = SuiteResult("times", hash_files(paths),
                         baseline_name="dateparser (DCT as base, past)")
    base_scores = base.scores()
    for name, value in ours.scores().items():
        result.scores.append(Score(name, value, base_scores[name]))
    result.details.append(f"{len(docs)} documents, {ours.gold} scored DATE values "
                          f"(year, month or day), {ours.pred_true + ours.pred_false} dateline "
                          "spans on scored or no TIMEX3")
    result.details.append(f"dateparser given the gold spans, its date cut to the gold value's "
                          f"precision (lenient): {base.given_lenient / max(1, base.gold):.3f}")
    result.details.extend(f"  {count:3}  {error}" for error, count in errors.most_common(25))
    return result
