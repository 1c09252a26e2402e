"""What a clue says about the publication date: a :class:`Constraint`, and the windows that
words for "how long ago" put around a dated event.

Shared by the publication-date inference (extract/published.py) and the modules that read
clues for it from the aid-package ledger (extract/published_packages.py) and from dated
facts (extract/published_facts.py).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from armstrack.extract.timex import TimeMention
from armstrack.models import Span

# The reporting this tool follows starts with the war in 2014; no article predates it.
EARLIEST = dt.date(2014, 1, 1)
# Dated clues read per article: real articles carry a few dozen at most; a hostile text with
# tens of thousands must not make inference slow.
MAX_CLUES = 300
DAY = dt.timedelta(days=1)
THIS_WEEK = dt.timedelta(days=6)
LAST_WEEK = dt.timedelta(days=13)
CUE_WINDOW = 150  # characters either side of a clue within which its time words are read

Intervals = tuple[tuple[dt.date, dt.date], ...]


@dataclass(slots=True)
class Constraint:
    """The publication date lies in one of ``intervals``; ``weight`` says how much the clue
    counts against others. The lists say which days the clue names, for choosing the best
    day inside the range."""

    intervals: Intervals
    weight: float
    evidence: Span
    past: list[dt.date] = field(default_factory=list)  # dated events reported as past (or undated tense)
    future: list[dt.date] = field(default_factory=list)  # dated events announced as future
    exact: list[dt.date] = field(default_factory=list)  # the publication day itself
    explicit: dt.date | None = None  # a date the text writes with its year (not a dateline)
    explicit_past: bool = False  # … of a month or a day, reported in the past tense
    news: list[dt.date] = field(default_factory=list)  # days it reports as news, if it opens the article
    news_before: dt.timedelta = dt.timedelta(0)  # … and how long before them it can be reported (leaks)
    anchor: dt.date | None = None  # a dated fact the story reports: it was written near it
    # Of ``intervals``, those the article's other words fit better (a package of that value
    # listing a weapon the article names): they break a tie, and weigh nothing.
    preferred: Intervals = ()


def span_of(text: str, start: int, end: int) -> Span:
    return Span(text=text[start:end], start=start, end=end)


# A second predicate of the sentence's subject: "The aid follows a package announced last
# week and brings the total to …": the time words before it are the other package's.
_NEXT_PREDICATE = re.compile(
    r"\band\s+(?:is|was|has|had|marks|marked|brings|brought|comes|came|becomes|became|follows|followed)\b"
)


def nearest_cue(
    mentions: Sequence[TimeMention],
    mention_starts: Sequence[int],
    start: int,
    end: int,
    sentence: int,
    low: str | None = None,
) -> TimeMention | None:
    """The time words nearest text[start:end] in its sentence (outside quotations): they say
    when the thing named there happened ("last week, the US announced …"). Given the
    lower-cased text ``low``, not those before a second predicate the clue stands in
    (``_NEXT_PREDICATE``)."""
    near = mentions[
        bisect_right(mention_starts, start - CUE_WINDOW) : bisect_right(mention_starts, end + CUE_WINDOW)
    ]
    return min(
        (
            m
            for m in near
            if m.sentence == sentence
            and not m.in_quote
            and not (low is not None and m.end <= start and _NEXT_PREDICATE.search(low, m.end, start))
        ),
        key=lambda m: min(abs(m.start - end), abs(start - m.end)),
        default=None,
    )


def reported_window(first: dt.date, last: dt.date, cue: TimeMention | None) -> tuple[dt.date, dt.date] | None:
    """When a report can be written about something that happened between ``first`` and
    ``last``, if the words for how long ago bound it: "last month" (the next calendar
    month), "last week" or "last Friday" (within two weeks after), "yesterday" (the day
    after), "this week" or "on Friday" (within the week), "earlier this month" (the same
    month), "the other day" (within a week after). None when they say nothing of it."""
    if cue is None or cue.tense == "future":
        return None
    rel, unit = cue.fields.get("rel"), cue.fields.get("unit", "").rstrip("s")
    if cue.kind == "relative_day" and cue.fields.get("word") == "yesterday":
        return first + DAY, last + DAY
    if cue.kind == "other_day":  # "the other day": a day to a week after it
        return first + DAY, last + 7 * DAY
    if cue.kind == "relative_unit" and "count" not in cue.fields:
        if rel == "last" and unit == "month":
            lo = _next_month(first)
            return lo, _next_month(_next_month(last)) - DAY
        if rel == "last" and unit == "week":
            return first + DAY, last + LAST_WEEK
        if rel == "this" and unit == "week":
            return first, last + THIS_WEEK
        if rel == "this" and unit == "month":  # "earlier this month", "this month"
            return first, _next_month(last) - DAY
    if cue.kind == "weekday" and rel == "last":
        return first + DAY, last + LAST_WEEK
    if cue.kind == "weekday" and rel in (None, "on"):
        return first, last + THIS_WEEK
    return None


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
