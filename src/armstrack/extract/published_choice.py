"""Choosing the publication date among its clues (extract/published.py gathers them).

The claim is the run of days that satisfies the most weight, from the first to the last run
that satisfies as much: weak evidence that fits several years is a range over all of them.
The guess inside it is the day after the latest past event the clues report (the same day
for a dispatch), else a week before the nearest event announced ahead, else the middle; a
tie among runs goes to one a clue prefers (a package listing a weapon the article names),
then to the one nearest a year the text writes, else the latest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable

from armstrack.extract.constraints import DAY as _DAY
from armstrack.extract.constraints import EARLIEST, Constraint, Intervals
from armstrack.models import Precision

_ANCHOR_SLACK = dt.timedelta(days=30)


def best_region(
    constraints: list[Constraint],
    today: dt.date,
    written: dt.date | None = None,
    written_past: dt.date | None = None,
    lede_weekdays: Collection[int] = (),
) -> tuple[tuple[dt.date, dt.date], list[Constraint], tuple[dt.date, dt.date]] | None:
    """The run of dates (within [EARLIEST, today]) that satisfies the most weight, the
    constraints it satisfies, and the claim: from the first to the last run that satisfies
    as much.

    When several runs tie (a month and day without a year fit several years), the guess is
    among those a clue prefers (``Constraint.preferred``), if any, the one nearest the
    newest date the text writes with its year (``written``, else a past one,
    ``written_past``): articles are written near the years they name. With no such date,
    the latest run. Runs of one day each (a dateline's month and day, every year)
    whose weekday the lede reports, or the day after it ("WASHINGTON, March 1 … the Pentagon
    said on Thursday": wire copy reports its own day or the day before) are preferred to the
    others; the claim still spans all."""
    edges: list[tuple[dt.date, float]] = []
    merged = [_merge(c.intervals) for c in constraints]
    for c, runs_of_c in zip(constraints, merged, strict=True):
        for lo, hi in runs_of_c:
            lo, hi = max(lo, EARLIEST), min(hi, today)
            if lo <= hi:
                edges.append((lo, c.weight))
                edges.append((hi + _DAY, -c.weight))
    if not edges:
        return None
    edges.sort()
    segments: list[tuple[dt.date, dt.date, float]] = []
    score = 0.0
    for i, (point, delta) in enumerate(edges):
        score += delta
        nxt = edges[i + 1][0] if i + 1 < len(edges) else today + _DAY
        if nxt > point and point <= today:
            segments.append((point, min(nxt - _DAY, today), score))
    top = max(s for _, _, s in segments)
    runs: list[tuple[dt.date, dt.date]] = []
    for lo, hi, s in segments:
        if abs(s - top) > 1e-9:
            continue
        if runs and runs[-1][1] + _DAY == lo:
            runs[-1] = (runs[-1][0], hi)
        else:
            runs.append((lo, hi))
    # The claim spans every run the evidence fits as well (a month and day without a year
    # fit every year: the range says so); the preference below only picks the best guess.
    claim = (runs[0][0], runs[-1][1])
    preferred = [iv for c in constraints for iv in c.preferred]
    if preferred and len(runs) > 1:  # a package listing a weapon the article names
        runs = [(lo, hi) for lo, hi in runs if any(a <= hi and lo <= b for a, b in preferred)] or runs
    if lede_weekdays and all(lo == hi for lo, hi in runs):
        # the day the lede reports, or the day after it (a wire filed overnight, or from a
        # time zone ahead: "New Delhi, August 19 (ANI): … confirmed on Monday")
        fitting = {*lede_weekdays, *((w + 1) % 7 for w in lede_weekdays)}
        runs = [run for run in runs if run[0].weekday() in fitting] or runs
    written = written or written_past
    if written is None and len(runs) > 1:
        runs = _nearest_news(runs, constraints, merged)
    best = runs[-1] if written is None else min(reversed(runs), key=lambda run: _distance(run, written))
    lo, hi = best
    satisfied = [
        c
        for c, runs_of_c in zip(constraints, merged, strict=True)
        if any(a <= lo and hi <= b for a, b in runs_of_c)
    ]
    return best, satisfied, claim


def _nearest_news(
    runs: list[tuple[dt.date, dt.date]],
    constraints: list[Constraint],
    merged: list[list[tuple[dt.date, dt.date]]],
) -> list[tuple[dt.date, dt.date]]:
    """Of runs that fit the clues equally well, those nearest after the past events their
    clues report: news is written soon after what it reports ("$275 million" fits a
    package of October 2022 in its first days and one of November 2024 four months on: the
    report is of the first). All of them when no clue reports a dated past event."""
    lag: list[int] = []
    for lo, hi in runs:
        days = [
            (lo - d).days if d < lo else 0
            for c, runs_of_c in zip(constraints, merged, strict=True)
            if any(a <= lo and hi <= b for a, b in runs_of_c)
            for d in c.past
            if d <= hi
        ]
        lag.append(min(days, default=_NO_NEWS))
    least = min(lag)
    return runs if least == _NO_NEWS else [run for run, n in zip(runs, lag, strict=True) if n == least]


_NO_NEWS = 1 << 30  # days: a run no clue's past event comes before


def _distance(run: tuple[dt.date, dt.date], day: dt.date) -> int:
    lo, hi = run
    return 0 if lo <= day <= hi else min(abs((lo - day).days), abs((day - hi).days))


def _merge(intervals: Intervals) -> list[tuple[dt.date, dt.date]]:
    merged: list[tuple[dt.date, dt.date]] = []
    for lo, hi in sorted(intervals):
        if merged and (merged[-1][1] == dt.date.max or lo <= merged[-1][1] + _DAY):
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def best_date(
    satisfied: list[Constraint],
    lo: dt.date,
    hi: dt.date,
    reported_weekdays: Collection[int] = (),
    dispatch: bool = False,
) -> tuple[dt.date, bool]:
    """The likeliest day in ``lo``..``hi``, and whether it is only the middle of it (no clue
    names a day)."""

    def inside(days: list[dt.date]) -> list[dt.date]:
        return [d for d in days if lo <= d <= hi]

    exact = [d for c in satisfied for d in inside(c.exact)]
    if exact:
        return max(exact), False
    # A day named without a tense ("the meeting on September 28") that another clue puts
    # ahead ("will meet Sept. 28") is not behind the writing.
    ahead = {d for c in satisfied for d in c.future}
    past = [
        d
        for c in satisfied
        for d in _one(d for d in _reported(c) if lo - _ANCHOR_SLACK <= d <= hi)
        if c.weight >= 1 or d not in ahead
    ]
    # reported by the story's own words, not only a dated fact it names
    told = any(c.past for c in satisfied if any(lo - _ANCHOR_SLACK <= d <= hi for d in c.past))
    future = [d for c in satisfied for d in c.future if d > lo]
    if past:
        # News is written the day after the last thing it reports (a dispatch, the same
        # day): the latest dated event,
        # or a weekday the story reports in the past tense when that is the one after it
        # (of the weekday's days the nearest the event: "on Thursday" beside a package of
        # Friday is the day before it, not six days after).
        latest = max(past)
        reported = [_nearest_weekday(latest, w) for w in reported_weekdays]
        latest = max([latest, *(d for d in reported if d <= hi)])
        guess = latest if dispatch else latest + _DAY
        if future and not told:
            # only a dated fact behind it ("the F-16 decision"), a month ahead named ("training
            # will begin in October"): a story is written nearer what it announces than a
            # fact it names for background
            guess = max(guess, min(future) - dt.timedelta(days=7))
        return min(max(guess, lo), hi), False
    if future:
        return min(max(min(future) - dt.timedelta(days=7), lo), hi), False
    return lo + (hi - lo) / 2, True


def _reported(c: Constraint) -> list[dt.date]:
    """The dated past events a clue reports: its own days, or the dated fact it names
    ("Biden has authorized long-range strikes inside Russia") when no words say how long
    ago it was ("last month, the US said …" is not written the day after)."""
    if c.past or c.anchor is None or any(hi != dt.date.max for _, hi in c.intervals):
        return c.past
    return [c.anchor]


def _nearest_weekday(day: dt.date, weekday: int) -> dt.date:
    """The date of ``weekday`` nearest ``day``: up to three days after it, else before it."""
    ahead = (weekday - day.weekday()) % 7
    return day + dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)


def _one(days: Iterable[dt.date]) -> list[dt.date]:
    """A clue's day, when exactly one of its days fits: a clue that fits two ("$175
    million": two packages of that value, both in the window) says nothing of which."""
    found = list(days)
    return found if len(found) == 1 else []


def width_precision(lo: dt.date, hi: dt.date) -> Precision:
    """The precision a range of days from ``lo`` to ``hi`` is known to."""
    width = (hi - lo).days
    for limit, precision in ((2, "day"), (9, "week"), (40, "month"), (100, "quarter"), (200, "half")):
        if width <= limit:
            return precision  # type: ignore[return-value]
    return "year"
