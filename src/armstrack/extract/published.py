"""Infer when an article was published, from what it says, when nobody says so.

Every clue becomes a *constraint*: a set of date intervals the publication date must lie
in, with a weight.

=================================================  ==========================================
clue                                               publication date …
=================================================  ==========================================
a date with its year, past tense ("on June 20,     on or after it
2024 … announced")
… future tense ("will meet on Sept. 28, 2022")     before it
… no tense (a caption, a headline)                 within a month (a year: two years) before
                                                   to a year after it (½)
… future, at the year's end ("until the end of     before that year is out
2025", "in late 2025")
… in a file photo's caption (captions.py), or in   on or after it, and not news ("back in
a year the text looks back to ("Back in 2022, …":  2022" itself: a later year)
published_background.py)
a month-day without a year, past / future          within 120 days after / before it, for
                                                   every year (a weekday with it: within 30
                                                   days, only years where it is that weekday)
a month without a year ("back in February")        within 240 days after / before it ("last
                                                   February": 396 days after)
… of the backstory ("initially seized in           within 396 days after it (a day or a
December", "originally", "previously")             month)
… with "last year" ("invaded in February last      the year after the one a dated fact beside
year"), or a fact with it ("the war began last     it gives (published_facts.py); "this year":
year")                                             that year, after it
a dateline ("KIEV, July 13 (Xinhua) —"), a byline  that day (weight 3)
with a date, a header's "Published" or "Created"
label (published_header.py), or a dated URL
a header's "Updated: 25-09-2023"                   on or before it (weight 3)
a dated URL of a cited reference ("/2025/07/14/")  on or after it
a dated fact named ("Russia invaded Ukraine")      on or after it (data/facts.toml); a month
                                                   or a month and day beside it take its year;
                                                   unless it is a backdrop (the invasion), the
                                                   guess among equally good years is the one
                                                   nearest it
a person named in an office ("NATO Secretary       during one of their terms (data/facts.toml)
General Mark Rutte")
a package named by its value ("announced a $400    from 3 days before to 120 days after one
million aid package"), not a running total         of the days a package of that value was
                                                   announced (data/packages.toml); the
                                                   sentence's weekday keeps only packages
                                                   announced that weekday, and "last week",
                                                   "last month", "on Friday" bound how long ago;
                                                   systems in the sentence keep the packages
                                                   that list them, and with them a round figure
                                                   ("$3 billion") stands for one within 5%
a day without a year beside an announcement and    that day of the one year whose package lists
systems ("the announcement on Jan. 6 to send 50    them (data/packages.toml), as for a dated fact:
Bradleys")                                         past whatever the sentence's tense
a past day or a package in the headline or the     also within ten days after it (a package: from
first two sentences (the lede is news)             3 days before); other clues outweigh an old one
=================================================  ==========================================

A sweep over the intervals' ends finds the dates that satisfy the greatest total weight.
When several separate regions tie (a month and day without a year fit many years), the
claim [``earliest``, ``latest``] spans them all: weak evidence gives a wide range, never a
narrow wrong one. The guess is made in one of them: the one nearest the newest date the
text writes with its year (a month and day without a year belong to the year the article
is written in, and a year written nearby is evidence of it), else the most recent. The
best ``date`` inside it: the day after the latest dated past event the article reports
(news is written the day of or the day after what it reports; a dispatch, whose dateline
names only the place it was filed from, "WASHINGTON —", the same day; events more than 30 days
before the region do not count, nor a date that opens a span: "since … February 24"), or, when
only a dated fact it names is behind it, a week before what it announces if that is later;
else a week before the earliest dated future event it announces (a month ahead from its first
day: "training will begin in September"); else the middle of the region. ``precision``
says how wide the region is.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from armstrack.extract.captions import file_photo_lines, inside
from armstrack.extract.constraints import DAY as _DAY
from armstrack.extract.constraints import EARLIEST, MAX_CLUES, Constraint
from armstrack.extract.constraints import span_of as _span
from armstrack.extract.published_background import looked_back_years
from armstrack.extract.published_choice import best_date, best_region, width_precision
from armstrack.extract.published_facts import fact_constraints
from armstrack.extract.published_header import header_constraints
from armstrack.extract.published_lines import dateline_matches, dateline_starts_of, is_dispatch, link_lines
from armstrack.extract.published_packages import WERE_INCLUDED_IN, numbered_drawdowns, package_constraints
from armstrack.extract.published_totals import running_total_constraints
from armstrack.extract.published_war import war_age_constraints
from armstrack.extract.timeresolve import YEAR_OFFSETS, FactMonth, resolve, safe_date
from armstrack.extract.timex import WEEKDAYS, TimeMention, month_number
from armstrack.facts import FactEvent, Facts, Found, offices_held
from armstrack.models import Amount, Interval, Published, Span
from armstrack.text import Sentences

_YEAR = dt.timedelta(days=365)
# How far from the publication date writers name a day or month without its year.
_WEEKDAY_RECENCY = dt.timedelta(days=30)  # "on Thursday, June 20"
_DAY_RECENCY = dt.timedelta(days=120)  # "on June 20", "will meet Sept. 28"
_MONTH_RECENCY = dt.timedelta(days=240)  # "back in February", "in July"
_NEW_YEAR_SLACK = dt.timedelta(days=31)
_UNKNOWN_BEFORE = dt.timedelta(days=30)
_LAST_MONTH_REACH = dt.timedelta(days=396)  # "last February": until the end of the next February
_URL_DATE = re.compile(r"/(?P<y>20\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?=/|\b)")
# A date that opens a span ("since 2022", "since the invasion began on Feb. 24") starts what
# the story reports; it is not the story's news.
_SPAN_YEAR = dt.timedelta(days=366)
_TODAY_BEFORE = re.compile(r"\b(?i:today|tonight)\s*[,(—–-]\s*(?:on\s+)?$")  # "today, (on) June 20"
# Up to ten words between: "Since Russia launched its special military operation in
# Ukraine on February 24", "since the beginning of Russia's attack on the country began in
# late February" (read only within the date's sentence: _opens_span).
SPAN_START = re.compile(r"\bsince(?:\s+[\w'’.-]+){0,10}?\s+(?:on\s+|in\s+)?$")


def infer_published(
    text: str,
    low: str,
    mentions: Sequence[TimeMention],
    sentences: Sentences,
    facts: Facts,
    fact_year: FactMonth,
    named_events: Sequence[tuple[FactEvent, int, int, str]],
    url: str | None,
    today: dt.date,
    money: Sequence[Amount] = (),
    systems: Sequence[tuple[int, str]] = (),
) -> Published:
    sentence_bounds = list(zip(sentences.starts, sentences.ends, strict=True))
    offices = offices_held(text, sentence_bounds, facts)
    constraints = _constraints(text, low, mentions, fact_year, url, today, offices, sentences.starts)
    constraints += fact_constraints(text, low, sentences, mentions[:MAX_CLUES], named_events, offices)
    constraints += package_constraints(text, low, money, mentions, sentences, sentence_bounds, systems)
    constraints += numbered_drawdowns(text, low, mentions, sentence_bounds)
    constraints += running_total_constraints(text, low, money, sentences)
    constraints += war_age_constraints(text, low, sentence_bounds)
    for c in constraints:
        if (c.past or c.news or c.anchor or c.explicit) and _opens_span(
            low,
            c.evidence.start,
            sentences.starts[sentences.index_at(c.evidence.start)] if sentences.starts else 0,
        ):
            # "since Russia invaded on February 24": a span's start, and "since 2014" no year
            # the story is written near
            c.past, c.news, c.anchor, c.explicit = [], [], None, None
    constraints += _lede_constraints(constraints, sentence_bounds)
    written = [c.explicit for c in constraints if c.explicit is not None]
    past = [c.explicit for c in constraints if c.explicit is not None and c.explicit_past]
    past += [c.anchor for c in constraints if c.anchor is not None and not c.explicit]
    found = best_region(
        constraints,
        today,
        max(written) if written else None,
        max(past) if past else None,
        _lede_weekdays(mentions, sentence_bounds) if any(len(c.exact) > 1 for c in constraints) else (),
    )
    if found is None:  # no clue at all: any day this reporting can have been written
        return Published(earliest=EARLIEST, latest=today, precision="unknown", inferred=True)
    (lo, hi), satisfied, (span_lo, span_hi) = found
    # A story that names its days only by weekday ("announced on Thursday … posted on
    # Saturday") is dated by them; one that writes dates uses weekdays for other days too.
    writes_days = any(m.kind in {"month_day", "day_month", "weekday_date", "iso", "range"} for m in mentions)
    reported_weekdays = set() if writes_days else _past_weekdays(mentions)
    best, guessed = best_date(satisfied, lo, hi, reported_weekdays, dispatch=is_dispatch(text))
    lo, hi = span_lo, span_hi  # the claim: every reading as good as the chosen one
    evidence = sorted(
        {(c.evidence.start, c.evidence.end): c.evidence for c in satisfied}.values(), key=lambda s: s.start
    )
    published = Published(
        date=best, earliest=lo, latest=hi, precision=width_precision(lo, hi), inferred=True, evidence=evidence
    )
    published._guessed = guessed
    return published


_LEDE_SENTENCES = 3  # the headline and the first two sentences of the story
_LEDE_DAYS = dt.timedelta(days=10)


def _lede_constraints(
    constraints: Sequence[Constraint], sentence_bounds: list[tuple[int, int]]
) -> list[Constraint]:
    """News opens with the news: a day the headline or the first sentences report as past
    ("Kirby said on Jan. 4", "announced a $450 million package") is within days of the
    publication. Each such clue adds that it is at most ten days old; where it is old
    background instead, the other clues outweigh it."""
    if not sentence_bounds:
        return []
    lede_end = sentence_bounds[min(_LEDE_SENTENCES, len(sentence_bounds)) - 1][1]
    return [
        Constraint(tuple((d - c.news_before, d + _LEDE_DAYS) for d in c.news), c.weight, c.evidence)
        for c in constraints
        if c.news and c.evidence.start < lede_end
    ]


def _constraints(
    text: str,
    low: str,
    mentions: Sequence[TimeMention],
    fact_year: FactMonth,
    url: str | None,
    today: dt.date,
    offices: Sequence[Found],
    sentence_starts: Sequence[int],
) -> list[Constraint]:
    years = range(EARLIEST.year, today.year + 2)
    mentions = mentions[:MAX_CLUES]
    # (a date line's weekday opens its time expression: "Saturday, July 2, 2022")
    dateline_starts = {at for m in dateline_matches(text) for at in dateline_starts_of(m)}
    # "will meet Biden today, Wednesday December 21st": the day named as today is the report's
    dateline_starts |= {
        m.start for m in mentions if _TODAY_BEFORE.search(text, max(0, m.start - 12), m.start)
    }
    out, header_starts = header_constraints(text, dateline_starts)
    links = link_lines(low)
    looked_back = looked_back_years(low, mentions)
    captions = file_photo_lines(low)
    for mention in mentions:
        if mention.start in header_starts:
            continue  # read with its label: "Updated: June 28, 2024" is no day of the news
        if links and any(lo <= mention.start < hi for lo, hi in links):
            continue  # another story's headline
        evidence = _span(text, mention.start, mention.end)
        if mention.start in dateline_starts and _has_year(mention):
            interval = resolve(mention, today)  # "WASHINGTON, March 14, 2024 —": that very day
            if interval is not None and interval.precision == "day":
                day = interval.start
                out.append(Constraint(((day, day),), 3.0, evidence, exact=[day]))
        elif mention.start in dateline_starts and mention.kind in {"month_day", "weekday_date", "day_month"}:
            out.append(_dateline(mention, evidence, years))
        elif _has_year(mention):
            interval = resolve(mention, today)
            if interval is not None:
                background = interval.start.year in looked_back or inside(captions, mention.start)
                if mention.tense == "past" and _span_end(mention):
                    continue  # "a funding line extended through 2028": its end may lie on either side
                dated = _dated(interval, "past" if background else mention.tense, evidence)
                if background:  # the text says it is behind the writing, and not its news
                    dated.past = []
                    if mention.kind == "year":  # "Back in 2022": a year before the writing's
                        dated.intervals = ((dt.date(interval.start.year + 1, 1, 1), dt.date.max),)
                elif mention.tense == "future" and _year_end_prep(mention):
                    # "will continue until the end of 2025": written before that year is out
                    dated.intervals = ((EARLIEST, interval.end - _DAY),)
                else:
                    dated.explicit = interval.start
                    dated.explicit_past = mention.tense == "past" and interval.precision in {"day", "month"}
                    if mention.tense == "past" and _LAST_TIME.search(
                        low, max(0, mention.start - 80), mention.start
                    ):
                        # "Last time Blinken visited Ukraine in September 2022": an earlier
                        # time than the one reported, so written after that month or year
                        dated.intervals = ((interval.end + _DAY, dt.date.max),)
                out.append(dated)
        elif mention.kind == "fiscal":
            # "the 2026 fiscal year", "FY24": named before it as after, whatever the verb
            interval = resolve(mention, today)
            if interval is None:
                continue
            dated = _dated(interval, "unknown", evidence)
            if mention.tense == "past":  # "the error in the 2022 fiscal year": any time after
                dated.intervals = tuple((lo, dt.date.max) for lo, _ in dated.intervals)
            dated.explicit = interval.start
            out.append(dated)
        elif "yrel" in mention.fields:  # "since Russia invaded in February last year"
            if (relative := _relative_year(mention, evidence, fact_year)) is not None:
                out.append(relative)  # a span's start or not: the year words bound it
            continue
        elif mention.kind in {"weekday_date", "month_day", "day_month", "range"}:
            out.append(_yearless_day(mention, evidence, years, fact_year, _backstory(low, mention)))
        elif mention.kind == "month":
            out.append(_yearless_month(mention, evidence, years, fact_year, _backstory(low, mention)))
        else:
            continue
        if out[-1].evidence is evidence and _opens_span(
            low, mention.start, sentence_starts[mention.sentence] if sentence_starts else 0
        ):
            # A span's start: any time after it, and within the year when it has no year of
            # its own ("since Russia invaded in February" is written until the next February,
            # not only that spring and summer).
            reach = dt.date.max if _has_year(mention) else None
            out[-1].intervals = tuple(
                (lo, reach or min(lo + _SPAN_YEAR, dt.date.max)) for lo, _ in out[-1].intervals
            )
    for m in _URL_DATE.finditer(text):
        d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if d is not None:
            out.append(Constraint(((d, dt.date.max),), 1.0, _span(text, m.start(), m.end()), past=[d]))
    own = _URL_DATE.search(url) if url else None
    if own is not None and (d := safe_date(int(own["y"]), int(own["m"]), int(own["d"]))) is not None:
        # The article's own URL is not in its text, so it gives no span as evidence.
        out.append(Constraint(((d, d),), 3.0, Span(text="", start=0, end=0), exact=[d]))
    for found in offices:
        intervals = tuple((start, end or dt.date.max) for start, end in found.intervals)
        out.append(Constraint(intervals, 1.0, _span(text, found.start, found.end)))
    return out


def _opens_span(low: str, at: int, sentence_start: int) -> bool:
    """Do the time words at ``at`` open a span ("since 2014", "since Russia invaded in
    February")? Only a "since" of their own sentence."""
    return (
        low.startswith("since ", at) or SPAN_START.search(low, max(sentence_start, at - 90), at) is not None
    )


# Before a year, the words that put the time at its end, not its start ("by 2019" is still
# written before 2019: in 2019 it would be "by the end of the year").
_YEAR_END_PREPS = frozenset({"the end of", "late"})


SPAN_END_PREPS = frozenset({"through", "until", "till"})


def _span_end(mention: TimeMention) -> bool:
    """ "through 2028", "until 2029": the end of a span, which a verb in the past ("was
    extended through 2028") does not put behind the writing."""
    return " ".join(mention.fields.get("prep", "").split()) in SPAN_END_PREPS


def _year_end_prep(mention: TimeMention) -> bool:
    """ "until the end of 2025", "in late 2025": the year's end is meant, not its start."""
    return mention.kind == "year" and " ".join(mention.fields.get("prep", "").split()) in _YEAR_END_PREPS


def _has_year(mention: TimeMention) -> bool:
    return "year" in mention.fields or mention.kind == "iso"


# "the last time", "last time", "the previous time": what the words date is an earlier
# occasion than the writing's own (not "previously": "previously announced in March 2023"
# may be written later that March).
_LAST_TIME = re.compile(r"\b(?:(?:the\s+)?last\s+time|the\s+previous\s+time)\b[^.;!?]*$")


def _dated(interval: Interval, tense: str, evidence: Span) -> Constraint:
    if tense == "future":
        return Constraint(((EARLIEST, interval.start - _DAY),), 1.0, evidence, future=_day_of(interval))
    if tense == "past":
        return Constraint(((interval.start, dt.date.max),), 1.0, evidence, past=_day_of(interval))
    # No tense: a caption's date, or a year named ahead of time ("the 2018 race" in 2016): a
    # year is allowed two years before it, a month or day a month before.
    before = 2 * _YEAR if interval.precision == "year" else _UNKNOWN_BEFORE
    return Constraint(
        ((interval.start - before, interval.end + _YEAR),), 0.5, evidence, past=_day_of(interval)
    )


def _day_of(interval: Interval) -> list[dt.date]:
    return [interval.start] if interval.precision == "day" else []


def _yearless_days(mention: TimeMention, years: range) -> list[dt.date]:
    f = mention.fields
    month = month_number(f.get("month") or f["month2"])
    day = int(f.get("day") or f["day2"])
    weekday = WEEKDAYS.get(f.get("weekday", ""))
    days = [d for y in years if (d := safe_date(y, month, day)) is not None]
    return [d for d in days if weekday is None or d.weekday() == weekday]


def _dateline(mention: TimeMention, evidence: Span, years: range) -> Constraint:
    days = _yearless_days(mention, years)
    return Constraint(tuple((d, d) for d in days), 3.0, evidence, exact=days)


def _yearless_day(
    mention: TimeMention,
    evidence: Span,
    years: range,
    fact_year: FactMonth,
    backstory: bool = False,
) -> Constraint:
    days = _yearless_days(mention, years)
    f = mention.fields
    if "fiscal" in f:  # "the 2022 fiscal year, which ended Sept. 30": defined, not news
        days = [d for d in days if d.year == int(f["fiscal"])] or days
        return Constraint(tuple((d, dt.date.max) for d in days), 1.0, evidence, past=days)
    linked = fact_year(mention, month_number(f.get("month") or f["month2"]), int(f.get("day") or f["day2"]))
    tense = mention.tense
    if linked is not None:  # named beside a dated fact of that day: that year only
        days = [d for d in days if d.year == linked] or days
        if tense == "unknown":  # the fact happened: "follow the announcement on Jan. 6"
            tense = "past"
    recency = _WEEKDAY_RECENCY if "weekday" in mention.fields else _DAY_RECENCY
    if backstory and tense == "past":
        recency = _LAST_MONTH_REACH  # "were originally seized on December 9": within the year before
    if tense == "future":
        # Up to the day itself: news names the day of its own writing as any other ("the
        # United States will announce the decision today, June 20"; AP style: "will meet
        # on Thursday" in a Thursday story).
        return Constraint(tuple((d - recency, d) for d in days), 1.0, evidence, future=days)
    if tense == "past":
        if linked is not None:
            # A day whose year something else gives (a dated fact beside it, "Russia invaded
            # Ukraine on Feb. 24", or the same month written with its year nearby) goes
            # without its year all through that year, as any day of the year does in house
            # styles such as the AP's: not only in the months after it.
            return Constraint(
                tuple((d, max(d + recency, _end_of_year(d))) for d in days),
                1.0,
                evidence,
                past=days,
                news=days,
            )
        # background is no news: "the package approved on March 12", which the ATACMS "were
        # included in", is not what a lede that names it reports days later
        news = [] if backstory else days
        return Constraint(tuple((d, d + recency) for d in days), 1.0, evidence, past=days, news=news)
    return Constraint(tuple((d - recency, d + recency) for d in days), 0.5, evidence, past=days)


# Words that tell the story's background, older than its news: "the rounds were initially
# seized in December", "originally confiscated … on December 9". A day or month they date
# without its year may be up to a year old, like "last December".
_BACKSTORY_WORDS = re.compile(
    rf"\b(?:originally|initially|previously|finally|{WERE_INCLUDED_IN})\b"
)  # "finally offered them in January", "were included in the package approved on March 12"
_BACKSTORY_REACH = 100  # characters before the time words, in its sentence


def _backstory(low: str, mention: TimeMention) -> bool:
    """Do background words stand before ``mention`` in its clause?"""
    lo = max(0, mention.start - _BACKSTORY_REACH)
    lo = max(lo, low.rfind(". ", lo, mention.start) + 1)
    return _BACKSTORY_WORDS.search(low, lo, mention.start) is not None


def _end_of_year(day: dt.date) -> dt.date:
    """The last day a date of ``day``'s year is written without its year: that year's end,
    and the first weeks of the next (a story written in early January)."""
    return dt.date(day.year, 12, 31) + _NEW_YEAR_SLACK


def _relative_year(mention: TimeMention, evidence: Span, fact_year: FactMonth) -> Constraint | None:
    """ "Russia invaded in February last year": written in the year after that February; "in
    March this year" in its own year (after it if past, before it if ahead). Which February
    only a dated fact beside it says; without one, no clue."""
    f = mention.fields
    month = month_number(f.get("month") or f["month2"])
    day = int(f.get("day") or f.get("day2") or 0) or None
    linked = fact_year(mention, month, day)
    if linked is None or (first := safe_date(linked, month, day or 1)) is None:
        return None
    written = linked - YEAR_OFFSETS[f["yrel"]]
    lo, hi = dt.date(written, 1, 1), dt.date(written, 12, 31)
    if f["yrel"] == "this" and mention.tense == "past":
        lo = first
    elif f["yrel"] == "this" and mention.tense == "future":
        hi = first - _DAY
    return Constraint(((lo, hi),), 1.0, evidence)


def _yearless_month(
    mention: TimeMention,
    evidence: Span,
    years: range,
    fact_year: FactMonth,
    backstory: bool = False,
) -> Constraint:
    month = month_number(mention.fields["month"])
    prep = " ".join(mention.fields.get("prep", "").split())
    tense = "past" if prep in {"since", "back in", "last", "earlier in"} else mention.tense
    linked = fact_year(mention, month, None)
    chosen = [linked] if linked is not None else list(years)
    starts = [dt.date(y, month, 1) for y in chosen]
    if tense == "future":
        intervals = tuple((s - _MONTH_RECENCY, s + dt.timedelta(days=27)) for s in starts)
        return Constraint(intervals, 1.0, evidence, future=starts)
    if tense == "past":
        # "last February" is the latest February before the writing: up to a year and a month
        # after it (in February itself, the one of the year before)
        reach = _LAST_MONTH_REACH if prep == "last" or backstory else _MONTH_RECENCY
        intervals = tuple((s, s + reach) for s in starts)
    else:
        intervals = tuple((s - _MONTH_RECENCY, s + _MONTH_RECENCY) for s in starts)
    return Constraint(intervals, 1.0 if tense != "unknown" else 0.5, evidence)


def _lede_weekdays(mentions: Sequence[TimeMention], sentence_bounds: list[tuple[int, int]]) -> set[int]:
    """The weekdays the lede reports in the past tense ("the Pentagon said on Thursday")."""
    if not sentence_bounds:
        return set()
    return _past_weekdays(mentions, sentence_bounds[min(_LEDE_SENTENCES, len(sentence_bounds)) - 1][1])


def _past_weekdays(mentions: Sequence[TimeMention], before: int | None = None) -> set[int]:
    """The weekdays the text (up to ``before``) reports in the past tense, outside quotes:
    "said on Thursday", not "will meet on Friday"."""
    return {
        WEEKDAYS[m.fields["weekday"]]
        for m in mentions
        if (before is None or m.start < before)
        and m.kind == "weekday"
        and m.fields.get("rel") in (None, "on")
        and m.tense == "past"
        and not m.in_quote
    }
