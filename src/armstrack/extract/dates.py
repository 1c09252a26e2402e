"""Dates for one article: the publication date (given or inferred) and every time expression.

Order matters: time expressions are found first (they are clues to the publication
date), the publication date is fixed next, and only then is every expression resolved
against it. An expression whose meaning depended on an inferred publication date says so
(``inferred: true``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from armstrack.extract.published import SPAN_START, infer_published
from armstrack.extract.published_choice import width_precision
from armstrack.extract.timeresolve import day, fiscal_year, resolve
from armstrack.extract.timex import TimeMention, find_time_mentions, month_number, tense_at
from armstrack.facts import FactEvent, events_named, fact_words, load_facts
from armstrack.models import Amount, Interval, Published, TimeExpression
from armstrack.text import Sentences

# Kinds whose meaning does not depend on the reference date when they carry a year.
_ABSOLUTE_WITH_YEAR = {"weekday_date", "range", "month_day", "day_month", "month_year", "iso", "year", "anchor",
                       "half", "quarter", "short_period", "season"}  # fmt: skip


def needs_reference(mention: TimeMention) -> bool:
    if mention.kind in {"month_year", "iso", "year", "anchor", "short_period"}:
        return False
    return not (mention.kind in _ABSOLUTE_WITH_YEAR and "year" in mention.fields)


# Words before a verb's "-ed" form that make it no simple past: a passive or perfect still
# ahead ("will be invaded", "would have invaded") or an infinitive.
_NOT_PAST_BEFORE = frozenset("be being to will would could might may should shall can must".split())


def _mark_fiscal_days(mentions: list[TimeMention]) -> None:
    """A day without its year just after a fiscal year in its sentence ("in the 2022 fiscal
    year, which ended Sept. 30") is a day of that fiscal year: its year is kept in the
    mention's ``fiscal`` field. It defines the fiscal year, old news as often as not: it
    bounds the writing from below only (published.py)."""
    fiscal: TimeMention | None = None
    for m in mentions:
        if m.kind == "fiscal":
            fiscal = m
        elif (
            fiscal is not None
            and m.sentence == fiscal.sentence
            and fiscal.end <= m.start <= fiscal.end + _FISCAL_NEAR
            and "year" not in m.fields
            and "day" in m.fields
            and "month" in m.fields
        ):
            year = fiscal_year(fiscal.fields)
            m.fields["fiscal"] = str(
                year - 1 if month_number(m.fields["month"]) >= _FISCAL_START_MONTH else year
            )


def _falls_in(event: FactEvent, month: int, day: int | None) -> int | None:
    """The year in which ``month`` (and ``day``) falls within a day of ``event``'s days, or None."""
    if day is None:
        return event.start.year if event.start.month == month else None
    for year in dict.fromkeys((event.start.year, event.end.year)):
        try:
            named = dt.date(year, month, day)
        except ValueError:
            continue
        if event.start - dt.timedelta(days=1) <= named <= event.end + dt.timedelta(days=1):
            return year
    return None


def _fact_tense(low: str, sentences: Sentences, start: int, end: int, background: bool = False) -> str:
    """The tense of a dated fact's mention: a trigger that is itself a verb in the past
    ("Russia, which invaded Ukraine in February 2022"), or a noun told as begun after it
    ("the invasion launched in February 2022"), is past whatever the clause around it says
    ("… will strengthen Ukraine's efforts against Russia, which invaded …"); else the
    clause's (``tense_at``)."""
    if low.endswith("ed", start, end) and " " not in low[start:end]:
        before = low[max(0, start - 30) : start].split()[-2:]
        if not before or (
            before[-1] not in _NOT_PAST_BEFORE
            and not (before[-1] == "have" and len(before) > 1 and before[0] in _NOT_PAST_BEFORE)
        ):
            return "past"
    if _BEGUN_AFTER.match(low, end):
        return "past"  # "against the brutal Russian invasion launched in February 2022"
    tense = tense_at(low, sentences, start, end)
    if tense == "future" and background and _definite_before(low, start):
        # A backdrop named as a thing that is ("will help Ukraine defend itself against the
        # Russian invasion") has begun; one still ahead is "an invasion", "a Russian invasion".
        return "past"
    return tense


def _definite_before(low: str, start: int) -> bool:
    """Do the words right before a noun trigger (up to three) make it definite: "the",
    "its", a possessive ("Russia's invasion"), and no "a" or "an"?"""
    words = low[max(0, start - 40) : start].split()[-3:]
    if "a" in words or "an" in words:
        return False
    return any(w in _DEFINITE for w in words) or any(w.endswith(("'s", "’s")) for w in words)


_DEFINITE = frozenset("the its their this that his".split())


# A noun trigger that the words after it tell as begun ("the invasion launched in February
# 2022", "the war that began in 2022"): past, whatever the clause around it says.
_BEGUN_AFTER = re.compile(
    r"\s+(?:(?:that|which)\s+)?(?:launched|began|started|unleashed|kicked\s+off|broke\s+out)\b"
)


FactSpan = tuple[int, int, Interval]  # a dated fact's words in the text, and its days


def date_article(
    text: str,
    low: str,
    sentences: Sentences,
    *,
    url: str | None,
    given: dt.date | None,
    today: dt.date | None = None,
    money: Sequence[Amount] = (),
    systems: Sequence[tuple[int, str]] = (),
) -> tuple[Published, list[TimeExpression], list[FactSpan]]:
    """The publication date, every time expression, and the dated facts the text names
    (where, and when they happened: "the G7 summit in Puglia" is 2024-06-13..15). ``systems``
    are the named systems (offset, catalog id): with a day and an announcement beside them,
    the ledger's package of that day and those systems gives the day its year."""
    facts = load_facts()
    today = today or dt.date.today()
    mentions = find_time_mentions(text, low, sentences)
    bounds = list(zip(sentences.starts, sentences.ends, strict=True))
    named = [
        (event, start, end, "ahead" if ahead else _fact_tense(low, sentences, start, end, event.background))
        for event, start, end, ahead in events_named(text, low, bounds, facts)
    ]
    by_sentence: dict[int, list[FactEvent]] = {}
    for event, start, _, _ in named:
        by_sentence.setdefault(sentences.index_at(start), []).append(event)
    for i, package_day in _packages_named(low, sentences, mentions, systems):
        by_sentence.setdefault(i, []).append(package_day)

    written = _written_months(mentions, low)

    def fact_year(mention: TimeMention, month: int, day: int | None = None) -> int | None:
        """A month (or a month and day) named beside a dated fact that falls then is the
        fact's: "at a NATO summit in The Hague on June 25" is June 25, 2025. Else, the
        same month written with its year nearby gives the year: "In March 2025, … resumed
        later in March"; a caption's "Sept. 6, 2023" and the body's "on Sept. 7"."""
        linked = _fact_year(mention, month, day)
        if linked is not None:
            return linked
        if day is not None and "fiscal" in mention.fields:
            return int(mention.fields["fiscal"])
        anaphoric = " ".join(mention.fields.get("prep", "").split()) in _SAME_MONTH_PREPS
        if day is None and not anaphoric:
            return None
        near = [
            (abs(start - mention.start), year)
            for start, year, m, has_day in written
            if m == month and (has_day or day is None) and (day is not None or start < mention.start)
        ]
        nearest = min(near, default=None)
        return nearest[1] if nearest is not None and nearest[0] <= _WRITTEN_NEAR else None

    _mark_fiscal_days(mentions)

    def _fact_year(mention: TimeMention, month: int, day: int | None) -> int | None:
        for event in by_sentence.get(mention.sentence, ()):
            if (year := _falls_in(event, month, day)) is not None:
                return year
        return None

    # A day of a fact still ahead ("ahead of Donald Trump's return to the White House on Jan.
    # 20") is ahead too, whatever the clause's verb says.
    ahead: dict[int, list[FactEvent]] = {}
    for event, start, _, tense in named:
        if tense in ("ahead", "future"):
            ahead.setdefault(sentences.index_at(start), []).append(event)
    for mention in mentions:
        if mention.tense == "unknown" and mention.sentence in ahead and "day" in mention.fields:
            month, day_ = month_number(mention.fields["month"]), int(mention.fields["day"])
            if any(_falls_in(event, month, day_) is not None for event in ahead[mention.sentence]):
                mention.tense = "future"

    if given is not None:
        published = Published(date=given, earliest=given, latest=given, precision="day", inferred=False)
    else:
        published = infer_published(
            text, low, mentions, sentences, facts, fact_year, named, url, today, money, systems
        )
    named_facts = [
        (
            *fact_words(event, text, start, end, bounds),
            Interval(start=event.start, end=event.end, precision=width_precision(event.start, event.end)),
        )
        for event, start, end, _ in named
    ]
    return published, resolve_all(text, mentions, published, fact_year, facts.events), named_facts


_ANNOUNCED = re.compile(
    r"\b(?:announc\w*|unveil\w*|approv\w*|authori[sz]\w*|drawdown|package|tranche|decision|decided|pledg\w*)\b"
)
_NEVER = re.compile(r"(?!)")
_AID_PACKAGE = re.compile(r"\b(?:package|drawdown|tranche)\b")
_MILITARY = re.compile(r"\b(?:military|security|weapons|arms|defen[cs]e)\b")
_MAX_PACKAGE_CLUES = 300  # days read for a package's year: real articles have a few dozen
_ANNOUNCED_NEAR = 300  # characters either side of the day where its announcement is named


def _packages_named(
    low: str, sentences: Sentences, mentions: Sequence[TimeMention], systems: Sequence[tuple[int, str]]
) -> list[tuple[int, FactEvent]]:
    """(sentence, the package as a dated fact) for each day without a year that a sentence
    names beside an announcement and systems the ledger lists for a package of that day, in
    one year only: "the administration's announcement on Jan. 6 to send 50 Bradleys". With
    no systems named, an aid package of military aid named beside the day is one of the
    ledger's drawdowns or USAI packages of that day, in one year only: "On December 27,
    Washington provided Kyiv with the last package of military aid" (not a sanctions package)."""
    from armstrack.packages import load_ledger

    by_sentence: dict[int, set[str]] = {}
    for start, system_id in systems:
        by_sentence.setdefault(sentences.index_at(start), set()).add(system_id)
    out = []
    for m in mentions[:_MAX_PACKAGE_CLUES]:
        named = by_sentence.get(m.sentence)
        if "year" in m.fields or m.kind not in {"month_day", "day_month", "weekday_date"}:
            continue
        month, day = m.fields.get("month"), m.fields.get("day")
        if not (month and day and day.isdigit()):
            continue
        # The sentence around the day, no more than a window of it (a hostile endless sentence
        # must not be read again for each of its days).
        lo = max(sentences.starts[m.sentence], m.start - _ANNOUNCED_NEAR)
        hi = min(sentences.ends[m.sentence], m.end + _ANNOUNCED_NEAR)
        if not _ANNOUNCED.search(low, lo, hi):
            continue
        if not named and not (
            _AID_PACKAGE.search(low, lo, hi)
            and _MILITARY.search(low, lo, hi)
            and "sanction" not in low[lo:hi]
        ):
            continue
        found = load_ledger().with_items_on(month_number(month), int(day), named or None)
        if len({p.announced.year for p in found}) == 1:
            p = found[0]
            fact = FactEvent(
                id=p.id, name=p.id, start=p.announced, end=p.announced, triggers_re=_NEVER, context_re=None
            )
            out.append((m.sentence, fact))
    return out


_FISCAL_NEAR = 40  # characters after a fiscal year where a day without its year is one of it
_FISCAL_START_MONTH = 10  # the US federal fiscal year N runs from October N-1 to September N
_WRITTEN_NEAR = 2000  # characters: a date written with its year dates the same month this near
_SAME_MONTH_PREPS = {
    "later in",
    "earlier in",
    "later that",
    "earlier that",
}  # "later in March": the March just named


def _written_months(mentions: list[TimeMention], low: str) -> list[tuple[int, int, int, bool]]:
    """(offset, year, month, names a day) of every mention that writes a month with its
    year, except in a pluperfect clause ("had approved the transfer in August 2023"),
    which sets the date apart from the story's own time."""
    out = []
    for m in mentions:
        month = m.fields.get("month") or m.fields.get("month2")
        if "year" not in m.fields or not month or _PLUPERFECT.search(low, max(0, m.start - 80), m.start):
            continue
        out.append((m.start, int(m.fields["year"]), month_number(month), bool(m.fields.get("day"))))
    return out


_PLUPERFECT = re.compile(r"\bhad\s+(?:\w+\s+){0,2}?\w+(?:ed|en|wn|ne|ght)\b[^.;]*$")


def resolve_all(
    text: str,
    mentions: list[TimeMention],
    published: Published,
    fact_year: object,
    events: tuple[FactEvent, ...],
) -> list[TimeExpression]:
    ref = published.date
    span = published_span(published)
    resolved: list[Interval | None] = []
    for mention in mentions:
        if ref is None and needs_reference(mention):
            resolved.append(None)
            continue
        if span is not None and needs_reference(mention):
            # Read against an inferred date known only to a span, "Tuesday" is any Tuesday
            # the span allows: resolved from both its ends (a later reference never gives
            # an earlier day), not a narrow guess from its middle.
            first = resolve(mention, span[0], fact_year)  # type: ignore[arg-type]
            last = resolve(mention, span[1], fact_year)  # type: ignore[arg-type]
            interval = widened(first, last)
        else:
            interval = resolve(mention, ref or dt.date(2000, 1, 1), fact_year)  # type: ignore[arg-type]
        if mention.kind == "anchor":
            interval = _event_dates(text[mention.start : mention.end], events) or interval
        resolved.append(interval)
    if any(m.kind == "relative_day" and m.in_quote for m in mentions):
        _quotes_relative_to_their_saying(text.lower(), mentions, resolved)
    _anaphora(mentions, resolved)
    return [
        TimeExpression(
            text=text[m.start : m.end], start=m.start, end=m.end, resolved=interval,
            inferred=bool(published.inferred and needs_reference(m) and interval is not None),
        )
        for m, interval in zip(mentions, resolved, strict=True)
    ]  # fmt: skip


def published_span(published: Published) -> tuple[dt.date, dt.date] | None:
    """The days an inferred publication date may be, when no clue fixed one of them (its
    ``date`` is the middle of the span): what a date read from it (a weekday, "last month",
    an event dated by it) may be too. A date a clue fixed ("Saturday" after "August 30,
    2024") is read as the day it is."""
    if not published._guessed or published.earliest is None or published.latest is None:
        return None
    if published.latest <= published.earliest:
        return None
    return published.earliest, published.latest


def widened(first: Interval | None, last: Interval | None) -> Interval | None:
    """One interval from ``first`` to ``last``, at the precision of its width (never
    narrower than theirs); either alone when the other is undated."""
    from armstrack.daterange import PRECISION_ORDER
    from armstrack.extract.published_choice import width_precision

    if first is None or last is None:
        return first or last
    start, end = min(first.start, last.start), max(first.end, last.end)
    precision = max(
        first.precision, last.precision, width_precision(start, end), key=PRECISION_ORDER.__getitem__
    )
    return Interval(start=start, end=end, precision=precision)


def _event_dates(anchor: str, events: tuple[FactEvent, ...]) -> Interval | None:
    for event in events:
        if event.triggers_re.fullmatch(anchor):
            return Interval(start=event.start, end=event.end, precision="day")
    return None


_ANAPHORA_SENTENCES = 2  # "the day before" and "at the time" look back this many sentences
_ANAPHORA_MENTIONS = 8  # … and no further back than this many time expressions


def _anaphora(mentions: list[TimeMention], resolved: list[Interval | None]) -> None:
    """ "On June 3 talks began; the day before, Kyiv asked again": the day before June 3.
    "At the time" is the time just named. With nothing dated just before, they stay undated."""
    from armstrack.extract.timeresolve import month_interval, week_interval, year_interval

    for i, mention in enumerate(mentions):
        if mention.kind not in {"anchored", "at_the_time"}:
            continue
        anchor = None
        for j in range(i - 1, max(-1, i - 1 - _ANAPHORA_MENTIONS), -1):  # bounded: hostile text stays linear
            if mention.sentence - mentions[j].sentence > _ANAPHORA_SENTENCES:
                break
            if resolved[j] is not None and mentions[j].kind not in {"present_ref", "anchored", "at_the_time"}:
                anchor = resolved[j]
                break
        if anchor is None:
            continue
        if mention.kind == "at_the_time":
            resolved[i] = anchor
            continue
        f = mention.fields
        unit = f.get("unit") or f["unit2"]
        step = 1 if (f.get("order") in {"next", "following"} or f.get("side") in {"after", "later"}) else -1
        start = anchor.start
        if unit == "day" and anchor.precision == "day":
            resolved[i] = day(start + dt.timedelta(days=step))
        elif unit == "week":
            resolved[i] = week_interval(start + dt.timedelta(days=7 * step))
        elif unit == "month":
            month = start.month + step
            resolved[i] = month_interval(start.year + (month - 1) // 12, (month - 1) % 12 + 1)
        elif unit == "year":
            resolved[i] = year_interval(start.year + step)


# The verb of a saying right before its day ("he said on Tuesday", "told reporters Tuesday"):
# the day of the statement (extract/eventdates.py: not the event's, when the sentence gives
# another), or right after it ("On Tuesday, Kirby said").
SAID_BEFORE = re.compile(
    r"\b(?:said|says|announced|announces|told\s+(?:\w+\s+){0,2}?|stated|reported|confirmed|added|wrote"
    r"|tweeted|posted|declared|noted)\s+(?:on\s+|late\s+|early\s+)?$"
)
_SAID_AFTER = re.compile(
    r",?\s+(?:[\w.'’-]+\s+){1,4}?(?:said|says|told|added|announced|stated|wrote|declared)\b"
)


def _quotes_relative_to_their_saying(
    low: str, mentions: list[TimeMention], resolved: list[Interval | None]
) -> None:
    """ "“We start today,” he said on Tuesday": today is that Tuesday, the day the saying
    names ("said on Tuesday", "On Tuesday, Kirby said"); not another day of the sentence ("…,”
    the White House said, the first visit since the war began last Feb. 24, a year ago this
    Friday"): without a day of the saying, today is the report's."""
    for i, mention in enumerate(mentions):
        if mention.kind != "relative_day" or not mention.in_quote:
            continue
        saying = next(
            (
                r
                for m, r in zip(mentions, resolved, strict=True)
                if m.sentence == mention.sentence
                and not m.in_quote
                and r is not None
                and r.precision == "day"
                and SPAN_START.search(low, max(0, m.start - 90), m.start) is None
                and (
                    SAID_BEFORE.search(low, max(0, m.start - 40), m.start) is not None
                    or _SAID_AFTER.match(low, m.end) is not None
                )
            ),
            None,
        )
        if saying is not None:
            offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[mention.fields["word"]]
            resolved[i] = day(saying.start + dt.timedelta(days=offset))
