"""When an event happened: the time expression that belongs to it.

A sentence often holds more than one date: "The Pentagon announced on Thursday that training
would begin in October" (the statement's day and the event's month), "before Zelensky met
Biden on his first visit since the invasion began on Feb. 24" (a span's starting point). The
event takes its sentence's time expression nearest to its trigger, leaving out those that
open a span ("since Feb. 24", "since 2022", or where a count begins: "the 64th tranche …,
beginning in August 2021"), date a circumstance ("amid fears of an
offensive in spring", "ahead of a summit next week": only an event that phrase names, the
summit, takes it), a clause of time with its own
subject ("before Trump takes office on January 20", unless the event is named after its
opening word; an event told as following one runs from its day to the writing) or another
noun ("following last week's clash", "a 2008 treaty", unless the event is that noun:
"Friday's meeting") and, when it has others, those that date the
statement rather than the event ("announced on Thursday", "officials said Wednesday"); else
the nearest in its paragraph; else the
publication date. What the present perfect reports since a day ("has sent 700 Switchblades
since Russia invaded on Feb. 24", or a total "brought" to a sum since then) runs from that
day, or the dated fact named after "since", to the writing, before a statement's day; what
continues "through October" runs from the writing to that end, and the end dates nothing
else.
``date_source`` says which. A meeting that is a dated fact the text names ("on the
sidelines of the G7 summit in Puglia", "a surprise visit to Kyiv") happened on the fact's
days. An aid package
the ledger knows is dated by its announcement instead (extract/links.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Literal

from armstrack.extract.dates import SAID_BEFORE, FactSpan, published_span
from armstrack.extract.published import SPAN_END_PREPS, SPAN_START
from armstrack.extract.published_choice import width_precision
from armstrack.extract.timex import YEAR_DETERMINERS
from armstrack.models import Interval, Published, TimeExpression
from armstrack.ordinals import ORDINAL

DateSource = Literal["sentence", "paragraph", "published", "none"]
_OWNED_NOUN = 30  # characters after "Friday's" within which the noun it dates stands

_SINCE = SPAN_START  # "since 2022", "since the invasion began on Feb. 24": the date starts a span
# "to strengthen Ukraine's defenses through 2027": the end of a span, not when the event is
_SPAN_ENDS = tuple(f"{prep} " for prep in SPAN_END_PREPS)
# The present perfect, or a running total brought up to now ("brings the total … to $6.9
# billion since …"): what is reported holds over a span to the writing.
_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:(?:also|now|already|so\s+far)\s+)?[a-z]+(?:ed|en|t|ne|id)\b"
    r"|\bbring(?:s|ing)\s+(?:the\s+|its\s+)?(?:total|tally|sum)\b"
)


# "… amid fears of a renewed offensive in spring", "ahead of a summit next week": the date
# belongs to the circumstance the phrase names, not to the event.
_CIRCUMSTANCE = re.compile(r"\b(?:amid|ahead\s+of|in\s+anticipation\s+of|despite)\b[^,;.]*$")


# A year between a determiner and its noun ("signed a 2008 treaty", "the 2024 budget").
_YEAR_OF_NOUN = re.compile(rf"(?:{YEAR_DETERMINERS})\s+(?:19|20)\d\d")


# A season naming an operation ("the spring offensive", "a summer counteroffensive"): the
# season of that operation, as a possessive's day is its noun's.
_SEASON_OF_NOUN = re.compile(r"\s+(?:offensive|counter-?offensive|campaign|push|assault)\b")
_SEASONS = ("spring", "summer", "autumn", "fall", "winter")


# A clause of time with a subject and a verb of its own ("before President-elect Donald
# Trump takes office on January 20", "after he met Zelensky on Tuesday"): its day dates that
# clause's verb, not an event outside the clause. Not "before the end of the year" (no
# subject: the event's own deadline).
_CLAUSE_OF_TIME = re.compile(
    r"(?:[Bb]efore|[Aa]fter|[Uu]ntil|[Oo]nce|[Ww]hen)\s+"
    r"(?:(?:he|she|they|it|we)\s+|(?:[A-Z][\w.’'-]*\s+){1,4})"  # the subject: a pronoun or a name
    r"[a-z][\w’'-]*\s+(?:[\w’'-]+\s+){0,8}$"  # its verb, then the words up to the time
)
_CLAUSE_REACH = 90
_SUBORDINATORS = ("before ", "after ", "until ", "once ", "when ")


def _clause_start(text: str, low: str, at: int) -> int:
    """Where the clause of time holding the time expression at ``at`` opens, or -1. The
    pattern is tried only from a "before", "after" … found by plain string search (a
    pattern scanning every position of the reach cost more than all the rest)."""
    lo = max(0, at - _CLAUSE_REACH)
    lo = max(lo, text.rfind(". ", lo, at) + 1, text.rfind("; ", lo, at) + 1, text.rfind("\n", lo, at) + 1)
    for word in _SUBORDINATORS:
        i = low.find(word, lo, at)
        while i >= 0:
            if (i == 0 or not low[i - 1].isalnum()) and (m := _CLAUSE_OF_TIME.match(text, i, at)) is not None:
                return m.start()
            i = low.find(word, i + 1, at)
    return -1


# ", which ratified the treaty in 2005", ", who took office in January": a relative clause's
# time is its own verb's, not another sentence's event's.
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who)\s+[a-z][\w’'-]*\s+(?:[\w’'-]+\s+){0,8}$")


def _in_relative(text: str, at: int) -> bool:
    lo = max(0, at - _CLAUSE_REACH)
    lo = max(lo, text.rfind(". ", lo, at) + 1, text.rfind("\n", lo, at) + 1)
    return text.find(", wh", lo, at) != -1 and _RELATIVE_CLAUSE.search(text, lo, at) is not None


def _line_reach(low: str, at: int) -> int:
    """Where the 60 characters before ``at`` start, within its line: a title's "ahead of
    Zelenskyy meeting" is no circumstance of the first sentence's "on Thursday"."""
    return max(0, at - 60, low.rfind("\n", max(0, at - 60), at) + 1)


def _circumstance_at(low: str, at: int) -> int:
    """Where the circumstance phrase ("ahead of a summit", "amid fears of") that holds the
    time at ``at`` opens, or -1."""
    lo = _line_reach(low, at)
    window = low[lo:at]
    if "amid" in window or "ahead" in window or "despite" in window or "anticipation" in window:
        found = _CIRCUMSTANCE.search(low, lo, at)
        if found is not None:
            return found.start()
    return -1


def _after_since(low: str, at: int) -> bool:
    lo = _line_reach(low, at)
    if "since" in low[lo:at] and _SINCE.search(low, lo, at) is not None:
        return True
    # "the sixty-fourth tranche … from the stockpile, beginning in August 2021": where the
    # count starts, as "since" would say (not a date of the numbered thing)
    window = low[lo:at]
    return (
        ("ning " in window or "ting " in window)
        and _SERIES_START.search(low, lo, at) is not None
        and _COUNTED.search(low, _sentence_reach(low, at), at) is not None
    )


_SERIES_START = re.compile(r"\b(?:beginning|starting)\s+(?:in|from|with)\s+(?:the\s+)?$")
_COUNTED = re.compile(rf"\b{ORDINAL}\b")


def _sentence_reach(low: str, at: int) -> int:
    """Where the 250 characters before ``at`` start, within its sentence (roughly)."""
    lo = max(0, at - 250)
    return max(lo, low.rfind(". ", lo, at) + 1, low.rfind("\n", lo, at) + 1)


class EventDater:
    """Dates an event from its sentence, its paragraph, or the publication date."""

    def __init__(
        self,
        low: str,
        times: Sequence[TimeExpression],
        paragraphs: list[tuple[int, int]],
        published: Published,
        quoted: Sequence[tuple[int, int]] = (),
        text: str = "",
        facts: Sequence[FactSpan] = (),
    ) -> None:
        # Each time expression's part is settled once: a span's start never dates an event,
        # and a statement's day ("said on Monday") only when nothing else in its sentence does.
        # … but a span's start does bound what the present perfect reports over the span
        self.times: list[TimeExpression] = []
        self.since: list[TimeExpression] = []
        self.until: list[TimeExpression] = []  # "through October": a span's end
        # "ahead of a summit next week": where each such phrase opens, and its time, which
        # dates only an event the phrase itself names (the summit)
        self.circumstances: list[tuple[int, TimeExpression]] = []
        for t in times:
            if t.resolved is None:
                continue
            if low.startswith("since", t.start) or _after_since(low, t.start):
                self.since.append(t)
            elif low.startswith(_SPAN_ENDS, t.start):
                self.until.append(t)
            elif (opens := _circumstance_at(low, t.start)) >= 0:
                self.circumstances.append((opens, t))
            else:
                self.times.append(t)
        self.circumstances.sort(key=lambda c: c[1].start)
        self.circumstance_starts = [t.start for _, t in self.circumstances]
        self.statement = [
            SAID_BEFORE.search(low, max(0, t.start - 30), t.start) is not None for t in self.times
        ]
        # "last week's clash", "Friday's meeting", "a 2008 treaty", "the spring offensive": the
        # day of the noun after it
        self.possessive = [
            low.startswith(("'s ", "’s "), t.end)
            or _YEAR_OF_NOUN.fullmatch(low, t.start, t.end) is not None
            or (low.endswith(_SEASONS, t.start, t.end) and _SEASON_OF_NOUN.match(low, t.end) is not None)
            for t in self.times
        ]
        self.starts = [t.start for t in self.times]
        # "before Trump takes office on January 20": where the clause of time holding each opens,
        # found when an event first asks (most time expressions date no event)
        self.text = text
        self.low = low
        self._clause: dict[int, int] = {}
        self._relative: dict[int, bool] = {}
        # Whole quotations (not a phrase quoted in the writer's sentence): a day the speaker
        # names ("“… if you just started building them on the 24th of February,” Kirby said,
        # noting the US will send 121") dates only what the speaker's words report.
        self.quoted = sorted(quoted)
        self.quote_starts = [q[0] for q in self.quoted]
        self.quote_of = [self._quote_at(t.start) for t in self.times]
        self.paragraphs = paragraphs
        self.para_starts = [p[0] for p in paragraphs]
        self.published = published
        self.facts = facts  # dated facts the text names: their words and their days

    def date(
        self, lo: int, hi: int, start: int, end: int, may_be_fact: bool = False, done: bool = False
    ) -> tuple[Interval | None, DateSource]:
        """The date of an event whose sentence is [lo, hi) and whose trigger is [start, end).
        An event that ``may_be_fact`` and whose trigger is a word of a dated fact the text
        names ("summit" of "the G7 summit in Puglia") happened on the fact's days, or on the
        day of them its sentence names ("at the G7 summit in Italy on June 13"). An event
        ``done`` is not dated by a time of its paragraph after the writing."""
        fact = self._fact_of(start, end) if may_be_fact and self.facts else None
        found = self._date(lo, hi, start, end, until=not may_be_fact, done=done)
        if fact is not None and not (
            found[0] is not None
            and found[1] == "sentence"
            and fact.start <= found[0].start <= found[0].end <= fact.end
        ):
            return fact, "sentence"
        return found

    def _fact_of(self, start: int, end: int) -> Interval | None:
        """The days of the dated fact whose words hold the trigger [start, end), if any."""
        return next((days for f_start, f_end, days in self.facts if f_start < end and start < f_end), None)

    def _date(
        self, lo: int, hi: int, start: int, end: int, until: bool = True, done: bool = False
    ) -> tuple[Interval | None, DateSource]:
        # (only the sentence's own: a hostile text of many such phrases stays linear)
        first = bisect_left(self.circumstance_starts, end)
        for opens, t in self.circumstances[first : bisect_left(self.circumstance_starts, hi)]:
            if opens <= start:
                return t.resolved, "sentence"  # the summit "ahead of" which: "… a summit next week"
        i, j = bisect_left(self.starts, lo), bisect_left(self.starts, hi)
        own_quote = self._quote_at(start)
        # A day that owns another noun ("pausing aid, following last week's clash") dates that
        # noun: this event only when its trigger is that noun ("Friday's meeting").
        kept = [
            k
            for k in range(i, j)
            if (not self.possessive[k] or 0 <= start - self.times[k].end <= _OWNED_NOUN)
            and self.quote_of[k] in (-1, own_quote)
            and ((clause := self.clause(k)) < 0 or clause <= start)
        ]
        if kept and not all(self.statement[k] for k in kept):
            return self._nearest(kept, start, end)
        # a statement's day ("…, Umerov said on Oct. 21") yields to a span the present perfect
        # reports over ("has provided … since the beginning of the invasion")
        over = self._over_span(lo, hi, end)
        if over is not None:
            return over, "sentence"
        if kept:
            return self._nearest(kept, start, end)
        after = self._after_clause(i, j, start, own_quote)
        if after is not None:
            return after, "sentence"
        # (a meeting is on a day: "the meeting will outline a plan through 2027" is the plan's)
        span = self._until(lo, hi) if until else None
        if span is not None:
            return span, "sentence"
        return self._outside(lo, start, end, own_quote, done)

    def _until(self, lo: int, hi: int) -> Interval | None:
        """ "The deliveries are expected to continue through October": from the writing to the
        span's end (a range that says as much), not the month alone."""
        first = self.published.date or self.published.earliest
        for t in self.until:
            if (
                lo <= t.start < hi
                and t.resolved is not None
                and first is not None
                and first <= t.resolved.end
            ):
                return Interval(
                    start=first, end=t.resolved.end, precision=width_precision(first, t.resolved.end)
                )
        return None

    def _over_span(self, lo: int, hi: int, end: int) -> Interval | None:
        """ "The US has sent 700 Switchblades since Russia invaded on Feb. 24": what the present
        perfect reports over a span happened from its start to the writing (a range that says
        as much), not on a day another sentence of the paragraph names."""
        latest = self.published.latest or self.published.date
        if latest is None or _PERFECT.search(self.low, lo, end) is None:
            return None
        # the span's start: a time after "since", or a dated fact named there ("since the
        # beginning of Russia's full-scale invasion in 2022": the invasion's day, the later)
        starts = [t.resolved.start for t in self.since if lo <= t.start < hi and t.resolved is not None] + [
            days.start
            for f_start, _, days in self.facts
            if lo <= f_start < hi and _after_since(self.low, f_start)
        ]
        first = max(starts, default=None)
        if first is None or first > latest:
            return None
        return Interval(start=first, end=latest, precision=width_precision(first, latest))

    def _after_clause(self, i: int, j: int, start: int, own_quote: int) -> Interval | None:
        """ "The talks began after Umerov on Aug. 30 visited Washington": an event told as
        following a clause of time's day happened from that day to the writing (its latest
        day), a range that says as much; None without such a clause or a publication date."""
        latest = self.published.latest or self.published.date
        if latest is None:
            return None
        for k in range(i, j):
            opens = self.clause(k)
            day = self.times[k].resolved
            if (
                opens > start
                and day is not None
                and day.start <= latest
                and self.quote_of[k] in (-1, own_quote)
                and self.low.startswith(("after ", "once "), opens)
            ):
                return Interval(start=day.start, end=latest, precision=width_precision(day.start, latest))
        return None

    def relative(self, k: int) -> bool:
        """Is time expression ``k`` in a relative clause (cached)?"""
        found = self._relative.get(k)
        if found is None:
            found = self._relative[k] = bool(self.text) and _in_relative(self.text, self.times[k].start)
        return found

    def clause(self, k: int) -> int:
        """Where the clause of time holding time expression ``k`` opens, or -1 (cached)."""
        found = self._clause.get(k)
        if found is None:
            at = self.times[k].start
            found = self._clause[k] = _clause_start(self.text, self.low, at) if self.text else -1
        return found

    def _quote_at(self, at: int) -> int:
        """The index of the whole quotation holding offset ``at``, or -1."""
        i = bisect_right(self.quote_starts, at) - 1
        return i if i >= 0 and self.quoted[i][0] <= at < self.quoted[i][1] else -1

    def _nearest(self, ks: list[int], start: int, end: int) -> tuple[Interval | None, DateSource]:
        """The nearest of the sentence's times ``ks``: "announced on Thursday that training
        would begin in October": the statement's day dates the event only when the sentence
        gives no other."""
        own = [k for k in ks if not self.statement[k]] or ks
        nearest = min(own, key=lambda k: _distance(self.times[k], start, end))
        return self.times[nearest].resolved, "sentence"

    def _outside(
        self, lo: int, start: int, end: int, own_quote: int, done: bool = False
    ) -> tuple[Interval | None, DateSource]:
        """The date from the paragraph, else the publication date; for an event done, not a
        time of the paragraph after the writing ("has been sending Stingers …; a replacement
        will go into production in 2027")."""
        written = self.published.latest or self.published.date
        p = bisect_right(self.para_starts, lo) - 1
        if p >= 0:
            p_start, p_end = self.paragraphs[p]
            near = [
                self.times[k]
                for k in range(bisect_left(self.starts, p_start), bisect_left(self.starts, p_end))
                if not self.possessive[k]
                and self.quote_of[k] in (-1, own_quote)
                and self.clause(k) < 0
                and not self.relative(k)
                and not (
                    done
                    and written is not None
                    and (r := self.times[k].resolved) is not None
                    and r.start > written
                )
            ]
            if near:
                return min(near, key=lambda t: _distance(t, start, end)).resolved, "paragraph"
        if self.published.date is not None:
            span = published_span(self.published)
            if span is not None:  # an inferred date known to a span: the event is as wide
                return Interval(start=span[0], end=span[1], precision=self.published.precision), "published"
            d = self.published.date
            return Interval(start=d, end=d, precision="day"), "published"
        return None, "none"


def _distance(t: TimeExpression, start: int, end: int) -> int:
    """Characters between a time expression and the trigger [start, end)."""
    return t.start - end if t.start >= end else max(0, start - t.end)
