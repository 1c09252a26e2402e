"""Clues to the publication date from dated facts the text names (data/facts.toml).

=====================================================  ======================================
the text says                                          publication date …
=====================================================  ======================================
"Russia invaded Ukraine", "the cluster munitions       on or after the fact (before it, in the
decision" (past or no tense)                           future tense, unless the fact is
                                                       ``past_only``: "will send Patriots" is
                                                       not the decision to send the first)
… with words for how long ago: "Last week, the US      as those words say: the week or two
announced the decision to send cluster munitions",     after it, the next calendar month, the
"last month", "yesterday", "on Friday"                 day after, the same week or month
… with a duration: "two months before                  that long before or after it, give or
President-elect Trump takes office", "a year after     take half a unit (a quarter of a year);
Russia invaded", "three weeks since the decision"      in the past tense, on or after that
                                                       time; in the future, before it
=====================================================  ======================================

A person named with an office that ends when they take another ("President-elect Donald
Trump") is also a dated fact for the duration rule: their taking office is the end of that
term ("two months before President-elect Donald J. Trump takes office": mid-November of
2024, or of 2016, whichever other clues allow).

Clauses without a tense marker ("his shift comes two months before …") are read as the
time of writing, and so is every "since": "in the three years and four months since Russia
invaded" counts from the fact to now, whatever the tense of the fact's verb. A duration may
join a smaller unit to its first ("three years and four months"); the smaller sets the slack.
A plural unit without a count ("just days after the Oval Office clash", "weeks before the
summit") is a few of it.
"Russia invaded Ukraine three years ago" dates the writing the same way, when the "ago"
stands in the fact's own clause.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence

from armstrack.extract.constraints import (
    DAY,
    EARLIEST,
    Constraint,
    Intervals,
    nearest_cue,
    reported_window,
    span_of,
)
from armstrack.extract.timeresolve import WORD_COUNTS, YEAR_OFFSETS
from armstrack.extract.timex import WEEKDAYS, TimeMention, tense_at
from armstrack.facts import FactEvent, Found
from armstrack.models import Span
from armstrack.text import Sentences

# Counts as written (timeresolve's), and how far the vague ones reach: "a few" is two to four.
_VAGUE = {"a few": (2, 4), "few": (2, 4), "a couple of": (2, 3), "several": (3, 7)}
_COUNT_WORDS = "|".join(
    w.replace(" ", r"\s+") for w in sorted({*WORD_COUNTS, *_VAGUE}, key=len, reverse=True)
)
_UNIT_DAYS = {"day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}
# How loosely reporting counts: "two months" is six to ten weeks; "a year" nine to fifteen months.
_SLACK = {"day": 0.5, "week": 0.5, "month": 0.5, "year": 0.25}
# A plural unit without a count ("just days after the clash", "weeks before the summit"):
# a few of them, counted loosely.
_BARE = {"day": (1, 10), "week": (1, 7), "month": (2, 11), "year": (2, 10)}
# Words between "before"/"after" and the fact: "before President-elect Donald J. Trump", "after
# Biden signed a major foreign aid package providing $61 billion".
_GAP_WORDS = 9
# "two months before", "three years and four months since": a second, smaller unit may follow.
_DURATION = re.compile(
    r"(?<![\w-])(?:(?:about|nearly|almost|just|some|roughly|around|barely|only|more\s+than|less\s+than|over|under)\s+){0,2}"
    rf"(?:(?P<count>{_COUNT_WORDS}|\d{{1,2}})\s+(?P<unit>day|week|month|year)s?|(?P<bare>day|week|month|year)s)"
    rf"(?:,?\s+and\s+(?P<count2>{_COUNT_WORDS}|\d{{1,2}})\s+(?P<unit2>day|week|month)s?)?"
    rf"\s+(?P<side>before|after|ahead\s+of|since)\s+(?:[\w.'’-]+\s+){{0,{_GAP_WORDS}}}$"
)
_LOOK_BACK = 140  # characters before a fact within which its duration is written
_TAKES_OFFICE = re.compile(
    r"\b(?:takes?|took|taking|assumes?|assumed|enters?|entered)\s+office\b|\b(?:is|was|being|gets?)\s+sworn\s+in\b"
    r"|\b(?:is|was)\s+inaugurated\b|\binauguration\b"
)
# The verb the duration is said of, just before it: "his shift comes two months before …".
_VERB_BEFORE = re.compile(
    r"\b(?P<verb>comes|come|is|are|falls|fall|arrives|arrive|came|was|were|fell|arrived)\s+(?:just\s+|only\s+)?$"
)
_PRESENT = frozenset("comes come is are falls fall arrives arrive".split())
_MODAL_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:would|will|could|might|shall)\b")
_ELECT = re.compile(r"-elect\b[^.]{0,24}$", re.IGNORECASE)


def fact_constraints(
    text: str,
    low: str,
    sentences: Sentences,
    mentions: Sequence[TimeMention],
    named_events: Sequence[tuple[FactEvent, int, int, str]],
    offices: Sequence[Found],
) -> list[Constraint]:
    """One constraint per dated fact named, and one per "<duration> before <person-elect>
    takes office"."""
    mention_starts = [m.start for m in mentions]
    out: list[Constraint] = []
    named_at: dict[int, tuple[str, int]] = {}  # where each fact is named: its id and sentence
    for event, start, end, tense in named_events:
        named_at[span_of(text, start, end).start] = (
            event.id,
            sentences.index_at(start) if sentences.starts else 0,
        )
        if tense == "ahead":  # "a potential Russian invasion", "none have been delivered": before it
            # (how long before is not said: no day to guess from)
            out.append(Constraint(((EARLIEST, event.start - DAY),), 1.0, span_of(text, start, end)))
            continue
        if event.standing and tense == "future":
            tense = "unknown"  # "shipments under PURL will arrive": what is done under it, later
        if event.past_only and (tense == "future" or _MODAL_AFTER.match(low, end, end + 40)):
            # "will send Patriots", "said the first Abrams would be delivered this week":
            # more of them, or later steps, not the first decision
            continue
        evidence = span_of(text, start, end)
        anchor = None if event.background else event.start
        during = duration_clause(text, low, sentences, start, [(event.start, event.end)], evidence)
        if during is not None:
            during.anchor = anchor
            out.append(during)
        elif tense == "future":
            out.append(Constraint(((EARLIEST, event.start - DAY),), 1.0, evidence, future=[event.start]))
        else:
            i = sentences.index_at(start)
            cue = nearest_cue(mentions, mention_starts, start, end, i, low)
            # Only words that count back from the time of writing ("last week", "yesterday"):
            # a bare weekday in a sentence naming an old decision is the day of the report.
            # Nor when the sentence tells of the weapon in use ("Last Saturday, officials said
            # a Patriot shot down a missile"): the words date the use, any time after the fact;
            # nor in one that tells of a later step (`later`: "the ATACMS arrived last week").
            s_start, s_end = sentences.starts[i], sentences.ends[i]
            window = (
                reported_window(event.start, event.end, cue)
                if cue is not None
                and _ago(cue)
                and not _IN_USE.search(low, s_start, s_end)
                and not (event.later_re is not None and event.later_re.search(low, s_start, s_end))
                else None
            )
            if cue is not None and cue.kind == "ago" and (ago := _AGO_OF_FACT.fullmatch(low, end, cue.start)):
                # "invaded Ukraine three years ago", "agreed to send Abrams more than a year ago"
                window = _counted_back(event.start, event.end, cue, ago["more"] is not None)
            elif _own_weekday(event, cue, low, end):
                window = reported_window(event.start, event.end, cue)  # "invaded … on Thursday"
            elif cue is not None and _names_a_year(cue) and _AGO_OF_FACT.fullmatch(low, end, cue.start):
                window = _in_year_after(
                    event.start, event.end, cue.fields["rel"]
                )  # "the war began last year"
            intervals = (window,) if window is not None else ((event.named_from or event.start, dt.date.max),)
            out.append(Constraint(intervals, 1.0, evidence, anchor=anchor))
    # One fact named twice in a sentence ("the Army Tactical Missile System (ATACMS)") is one
    # clue: its constraints share one weight.
    named = Counter(named_at.get(c.evidence.start) for c in out)
    for c in out:
        c.weight /= named[named_at.get(c.evidence.start)]
    for found in offices:
        if not _ELECT.search(text, max(0, found.start - 40), found.start):
            continue
        i = sentences.index_at(found.start)
        taking = _TAKES_OFFICE.search(low, found.end, min(sentences.ends[i], found.end + 60))
        if taking is None:
            continue
        ends = [(end, end) for _, end in found.intervals if end is not None]
        during = duration_clause(
            text, low, sentences, taking.start(), ends, span_of(text, found.start, taking.end())
        )
        if during is not None:
            out.append(during)
    return out


def _ago(cue: TimeMention) -> bool:
    if cue.kind == "relative_day":
        return True
    return cue.kind in {"relative_unit", "weekday"} and cue.fields.get("rel") in {"last", "this"}


# The weapon used, not sent: "was used to neutralize", "fired", "shot down", "intercepted".
_IN_USE = re.compile(
    r"\b(?:used|using|uses|fired|firing|fires|shot\s+down|shoots\s+down|shooting\s+down|intercept(?:ed|s|ing)?"
    r"|neutrali[sz](?:e|ed|es|ing)|struck|destroy(?:ed|s|ing))\b"
)
# Between a fact and the "… ago" that dates it, in one clause: "invaded Ukraine nearly",
# "began"; not across a comma or a new clause ("Russia, which invaded, struck Kyiv two days ago").
_AGO_OF_FACT = re.compile(
    r"(?:\s+(?!(?:and|but|which|who|that|while|when)\b)[\w’'-]+){0,4}?\s+(?:(?P<more>more\s+than|over|just\s+over)\s+)?"
)


def _own_weekday(event: FactEvent, cue: TimeMention | None, low: str, end: int) -> bool:
    """ "Russian forces invaded its smaller neighbour on Thursday": a bare weekday in the
    fact's own clause that is the weekday of its day names that day, so the report is of
    the same week (later ones say "last Thursday" or the date). A weekday elsewhere in the
    sentence is the report's own ("On Friday, Biden defended the decision")."""
    return (
        cue is not None
        and cue.kind == "weekday"
        and cue.fields.get("rel") in (None, "on")
        and event.start == event.end
        and WEEKDAYS.get(cue.fields.get("weekday", "")) == event.start.weekday()
        and cue.start >= end
        and _AGO_OF_FACT.fullmatch(low, end, cue.start) is not None
    )


def _names_a_year(cue: TimeMention) -> bool:
    """ "last year", "earlier this year": not "the last two years"."""
    f = cue.fields
    return (
        cue.kind == "relative_unit"
        and f.get("unit") == "year"
        and f.get("rel") in ("last", "this")
        and "count" not in f
    )


def _in_year_after(first: dt.date, last: dt.date, rel: str) -> tuple[dt.date, dt.date]:
    """When "<fact> last year" was written: the calendar year after the fact's; "this year":
    after it, in its own year."""
    year = last.year - YEAR_OFFSETS[rel]
    return (first if rel == "this" else dt.date(year, 1, 1)), dt.date(year, 12, 31)


def _counted_back(
    first: dt.date, last: dt.date, cue: TimeMention, more: bool = False
) -> tuple[dt.date, dt.date] | None:
    """When "<fact> three years ago" was written: that long after the fact, give or take
    half its unit (a quarter of a year); "more than a year ago", from a year after it to
    twice as long (a writer who knew it was two years would say so)."""
    unit_word = cue.fields.get("unit", "").rstrip("s")
    if unit_word not in _UNIT_DAYS or "count" not in cue.fields:
        return None
    count_lo, count_hi = _counted(cue.fields["count"])
    unit, slack = _UNIT_DAYS[unit_word], _SLACK[unit_word] * _UNIT_DAYS[unit_word]
    if more:
        return first + dt.timedelta(days=count_lo * unit), last + dt.timedelta(
            days=2 * count_hi * unit + slack
        )
    return first + dt.timedelta(days=count_lo * unit - slack), last + dt.timedelta(
        days=count_hi * unit + slack
    )


def _counted(words: str) -> tuple[int, int]:
    """The count a duration names, as a range: "two" is (2, 2), "a few" (2, 4)."""
    word = " ".join(words.split())
    exact = int(word) if word.isdigit() else WORD_COUNTS.get(word, 0)
    return _VAGUE.get(word, (exact, exact))


def duration_clause(
    text: str,
    low: str,
    sentences: Sentences,
    at: int,
    days: Sequence[tuple[dt.date, dt.date]],
    evidence: Span,
) -> Constraint | None:
    """The time a clause names as a duration before or after the fact written at ``at``, as a
    constraint on the publication date; None when no duration is written there."""
    i = sentences.index_at(at)
    lo = max(sentences.starts[i], at - _LOOK_BACK)
    m = _DURATION.search(low, lo, at)
    if m is None or not days:
        return None
    unit_word = m["unit"] or m["bare"]
    count_lo, count_hi = _counted(m["count"]) if m["count"] else _BARE[unit_word]
    unit = _UNIT_DAYS[unit_word]
    span_lo, span_hi = count_lo * unit, count_hi * unit
    slack = _SLACK[unit_word] * unit
    if m["count2"]:  # "three years and four months": the smaller unit sets the slack
        more_lo, more_hi = _counted(m["count2"])
        unit2 = _UNIT_DAYS[m["unit2"]]
        span_lo, span_hi = span_lo + more_lo * unit2, span_hi + more_hi * unit2
        slack = _SLACK[m["unit2"]] * unit2
    before = m["side"] != "after" and m["side"] != "since"
    intervals: list[tuple[dt.date, dt.date]] = []
    for first, last in days:
        if before:
            near = (first - dt.timedelta(days=span_hi + slack), first - dt.timedelta(days=span_lo - slack))
        else:
            near = (last + dt.timedelta(days=span_lo - slack), last + dt.timedelta(days=span_hi + slack))
        intervals.append(near)
    verb = _VERB_BEFORE.search(low, max(lo, m.start() - 30), m.start())
    # "… nearly 15 months after Russian forces invaded": the fact's own verb is no tense of the
    # clause the duration is in; read the words before it, or those after the fact's clause
    # ("Four months after Russia invaded, the first HIMARS arrived")
    after_from = None
    if m["side"] in ("after", "before"):
        comma = low.find(", ", at, sentences.ends[i])
        after_from = comma if comma != -1 else -1
    tense = (
        ("unknown" if verb["verb"] in _PRESENT else "past")
        if verb
        else tense_at(low, sentences, m.start(), m.end(), after_from)
    )
    if tense == "past" and m["side"] == "since":
        # "in the three years since Russia invaded": the time from the fact to now, whatever
        # the tense of the fact's own verb
        tense = "unknown"
    if tense == "past":  # "two weeks after the decision, the Pentagon sent": that happened by now
        found: Intervals = tuple((near_lo, dt.date.max) for near_lo, _ in intervals)
    elif tense == "future":  # "will arrive a month after the summit"
        found = tuple((EARLIEST, near_hi) for _, near_hi in intervals)
    else:  # "his shift comes two months before …": the time of writing
        found = tuple(intervals)
    return Constraint(found, 1.0, evidence)
