"""Resolve ``TimeMention``s to calendar intervals against a reference date.

The rules (each is a row of tests/test_time.py):

* A date with its year is itself. A weekday with a month-day fixes the year: the year
  nearest the reference in which that day is that weekday.
* A month-day or a month without a year takes its year from tense: in a past-tense
  clause, the latest such day or month on or before the reference; in a future-tense
  clause, the earliest on or after it; with no tense, the nearest. A month named with a
  dated fact in the same sentence ("Russia invaded Ukraine back in February") is the
  fact's month.
* A bare weekday: past → the latest such day on or before the reference (the same day
  counts: news writes "on Friday" on a Friday); future → the earliest on or after it.
  "last Friday" is strictly before, "next Friday" strictly after, "this Friday" in the
  reference's week.
* "today", "yesterday", "tomorrow" are days from the reference; inside a quotation whose
  sentence dates the saying ("…,” he said on Tuesday), from that day.
* "this/last/next week|month|year", "earlier this week", "over the past year", "in the
  coming weeks", "two weeks ago": intervals around the reference at that unit's precision.
  Weeks run Monday to Sunday.
* Seasons are meteorological: spring = March–May, summer = June–August, autumn =
  September–November, winter = December to February (winter 2024 starts in December 2024);
  "winter 2023" with its year may be the winter that opens that year or the one that ends it,
  so it runs from January 2023 to February 2024.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

from dateutil.relativedelta import relativedelta

from armstrack.extract.timex import WEEKDAYS, TimeMention, month_number
from armstrack.models import Interval, Precision

WORD_COUNTS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3, "few": 3,
}  # fmt: skip
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
# "in the coming days/weeks/months/years", "in recent weeks": how far such a plural reaches.
_PLURAL_SPAN = {"day": 7, "week": 4, "weekend": 4, "month": 3, "year": 3}
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

# (mention, month, day or None) -> the year of a dated fact named beside it, if one fits
# How far "last year", "this year" and "next year" are from the year of writing.
YEAR_OFFSETS = {"last": -1, "this": 0, "next": 1}
FactMonth = Callable[[TimeMention, int, int | None], int | None]


def day(d: dt.date) -> Interval:
    return Interval(start=d, end=d, precision="day")


def month_interval(year: int, month: int) -> Interval:
    last = calendar.monthrange(year, month)[1]
    return Interval(start=dt.date(year, month, 1), end=dt.date(year, month, last), precision="month")


def year_interval(year: int) -> Interval:
    return Interval(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31), precision="year")


def week_interval(d: dt.date) -> Interval:
    monday = d - dt.timedelta(days=d.weekday())
    return Interval(start=monday, end=monday + dt.timedelta(days=6), precision="week")


def safe_date(year: int, month: int, day_: int) -> dt.date | None:
    """The day, or None when the calendar has none ("February 30")."""
    try:
        return dt.date(year, month, day_)
    except ValueError:
        return None


def _count(value: str | None) -> int:
    if not value:
        return 1
    value = " ".join(value.split())
    return int(value) if value.isdigit() else WORD_COUNTS.get(value, 1)


def pick_year(candidates: list[tuple[int, dt.date]], ref: dt.date, tense: str) -> int:
    """The candidate (year, date) that tense picks relative to ``ref``."""
    if tense == "past":
        before = [c for c in candidates if c[1] <= ref]
        if before:
            return max(before, key=lambda c: c[1])[0]
    elif tense == "future":
        after = [c for c in candidates if c[1] >= ref]
        if after:
            return min(after, key=lambda c: c[1])[0]
    return min(candidates, key=lambda c: abs((c[1] - ref).days))[0]


def _month_day_year(month: int, day_: int, ref: dt.date, tense: str, weekday: int | None) -> int | None:
    if weekday is not None:
        years = [
            y
            for y in range(ref.year - 6, ref.year + 7)
            if (d := safe_date(y, month, day_)) and d.weekday() == weekday
        ]
        if years:
            return min(years, key=lambda y: abs((dt.date(y, month, day_) - ref).days))
    candidates = [(y, d) for y in (ref.year - 1, ref.year, ref.year + 1) if (d := safe_date(y, month, day_))]
    return pick_year(candidates, ref, tense) if candidates else None


def fiscal_year(fields: dict[str, str]) -> int:
    """The US federal fiscal year a "fiscal" mention names ("fiscal 2024", "FY24", "the 2022
    fiscal year"): the year it ends in."""
    return int(fields.get("fyear") or fields.get("fyear2") or 2000 + int(fields["fy"][-2:]))


def resolve(mention: TimeMention, ref: dt.date, fact_year: FactMonth | None = None) -> Interval | None:
    """The interval ``mention`` means when written on ``ref``; None if it cannot be dated."""
    f = mention.fields
    kind = mention.kind
    tense = mention.tense
    if kind in {"weekday_date", "range", "month_day", "day_month"}:
        month = month_number(f.get("month") or f["month2"])
        day_ = int(f.get("day") or f["day2"])
        if "year" in f:
            year: int | None = int(f["year"])
        elif "yrel" in f:  # "on March 3 last year": the year before the writing's
            year = ref.year + YEAR_OFFSETS[f["yrel"]]
        elif fact_year is not None and (linked := fact_year(mention, month, day_)) is not None:
            year = linked
        else:
            weekday = WEEKDAYS[f["weekday"]] if "weekday" in f else None
            year = _month_day_year(month, day_, ref, tense, weekday)
        if year is None or (start := safe_date(year, month, day_)) is None:
            return None
        if kind == "range":
            end = safe_date(year, month, int(f["end_day"]))
            return Interval(start=start, end=end or start, precision="day")
        return day(start)
    if kind == "iso":
        d = safe_date(int(f["year"]), int(f["mnum"]), int(f["dnum"]))
        return day(d) if d else None
    if kind == "month_year":
        return month_interval(int(f["year"]), month_number(f["month"]))
    if kind == "month":
        return _resolve_month(mention, ref, fact_year)
    if kind in {"year", "bare_year"}:
        return year_interval(int(f["year"]))
    if kind == "year_range":
        first, last = int(f["year"]), int(f["end_year"])
        last = last + first // 100 * 100 if last < 100 else last
        return Interval(start=dt.date(first, 1, 1), end=dt.date(last, 12, 31), precision="year")
    if kind == "decade":
        first = int(f["decade"])
        return Interval(start=dt.date(first, 1, 1), end=dt.date(first + 9, 12, 31), precision="decade")
    if kind == "century":
        last = int(f["nth"]) * 100
        return Interval(start=dt.date(last - 99, 1, 1), end=dt.date(last, 12, 31), precision="century")
    if kind == "fiscal":  # the US federal fiscal year: October 1 of the year before to September 30
        year = fiscal_year(f)
        return Interval(start=dt.date(year - 1, 10, 1), end=dt.date(year, 9, 30), precision="year")
    if kind == "present_ref":  # TimeML's PRESENT_REF: the time of writing
        return day(ref)
    if kind in {"past_ref", "at_the_time", "anchored"}:
        return None  # PAST_REF has no calendar value; the others are resolved against their anchor
    if kind == "anchor":
        return year_interval(int(f["year"]))
    if kind in {"half", "quarter", "short_period"}:
        return _resolve_period(kind, f, ref)
    if kind == "season":
        return _resolve_season(f, ref, tense)
    if kind == "relative_day":
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[f["word"]]
        return day(ref + dt.timedelta(days=offset))
    if kind == "weekday":
        return day(_resolve_weekday(WEEKDAYS[f["weekday"]], f.get("rel"), ref, tense))
    if kind == "ago":
        return _resolve_ago(f, ref)
    if kind == "other_day":  # "the other day": recently, a day to a week before the writing
        return Interval(start=ref - dt.timedelta(days=7), end=ref - dt.timedelta(days=1), precision="week")
    if kind == "relative_unit":
        return _resolve_relative_unit(f, ref)
    if kind in {"part_of_unit", "unit_end"}:  # the unit the reference date is in
        return _resolve_relative_unit({"rel": "this", "unit": f["unit"]}, ref)
    if kind == "the_weekend":  # past: the last one (this one on a weekend); future: the coming one
        rel = "this" if tense == "future" or ref.weekday() >= 5 else "last"
        return _resolve_relative_unit({"rel": rel, "unit": "weekend"}, ref)
    return None


def _resolve_month(mention: TimeMention, ref: dt.date, fact_year: FactMonth | None) -> Interval:
    f = mention.fields
    month = month_number(f["month"])
    prep = " ".join(f.get("prep", "").split())
    tense = mention.tense
    if "yrel" in f:  # "in February last year"
        return month_interval(ref.year + YEAR_OFFSETS[f["yrel"]], month)
    if fact_year is not None and (year := fact_year(mention, month, None)) is not None:
        return month_interval(year, month)
    if prep in {"since", "back in", "last", "earlier in"}:
        tense = "past"
    elif prep == "next" or (prep in {"until", "through", "by"} and tense != "past"):
        tense = "future"  # "funds the government through September": an end still ahead
    elif prep == "this":
        return month_interval(ref.year, month)
    candidates = [(y, dt.date(y, month, 1)) for y in (ref.year - 1, ref.year, ref.year + 1)]
    ref_month = dt.date(ref.year, ref.month, 1)
    return month_interval(pick_year(candidates, ref_month, tense), month)


def _resolve_period(kind: str, f: dict[str, str], ref: dt.date) -> Interval:
    if kind == "short_period":  # "H1 2024", "Q3 2024"
        is_half, index = f["letter"] == "h", int(f["num"])
    else:
        is_half, index = kind == "half", _ORDINALS[f["which"]]
    size = 6 if is_half else 3
    year = int(f["year"]) if "year" in f else ref.year + {"this": 0, "last": -1, "next": 1}[f["rel"]]
    first_month = min((index - 1) * size + 1, 13 - size)
    end_month = first_month + size - 1
    return Interval(
        start=dt.date(year, first_month, 1),
        end=dt.date(year, end_month, calendar.monthrange(year, end_month)[1]),
        precision="half" if is_half else "quarter",
    )


def _season(year: int, season: str) -> Interval:
    first = _SEASONS[season]
    start = dt.date(year, first, 1)
    end = start + relativedelta(months=3) - dt.timedelta(days=1)
    return Interval(start=start, end=end, precision="season")


def _winter_of(year: int, ref: dt.date, tense: str) -> Interval:
    """ "winter 2023" is the winter that opens the year (January, February) as often as the
    one that ends it ("sent tanks in winter 2023": January 2023). The tense and the reference
    choose when they can (a winter still ahead is the later one once the earlier is past; one
    gone by is the earlier one before the later has begun); else both, as one range."""
    late = _season(year, "winter")
    early_end = dt.date(year, 3, 1) - dt.timedelta(days=1)
    if tense == "future" and ref > early_end:
        return late
    if tense == "past" and ref < late.start:
        return Interval(start=dt.date(year, 1, 1), end=early_end, precision="month")
    return Interval(start=dt.date(year, 1, 1), end=late.end, precision="year")


def _resolve_season(f: dict[str, str], ref: dt.date, tense: str) -> Interval:
    season = f["season"]
    if "year" in f:
        year = int(f["year"])
        if season == "winter":
            return _winter_of(year, ref, tense)
        return _season(year, season)
    # The occurrence of this season that contains the reference, or the one after, or before.
    year = ref.year if not (season == "winter" and ref.month <= 2) else ref.year - 1
    current = _season(year, season)
    rel = f.get("rel", "")
    if rel == "this" or (current.start <= ref <= current.end and rel not in {"last", "next"}):
        return current
    earlier = _season(year - 1, season) if current.start > ref else current
    later = current if current.start > ref else _season(year + 1, season)
    if rel in {"last", "since"} or (rel not in {"next", "by", "until"} and tense == "past"):
        return earlier
    if rel in {"next", "by", "until"} or tense == "future":
        return later
    return min((earlier, later), key=lambda s: min(abs((s.start - ref).days), abs((s.end - ref).days)))


def _resolve_weekday(weekday: int, rel: str | None, ref: dt.date, tense: str) -> dt.date:
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if rel == "last":
        return ref - dt.timedelta(days=back or 7)
    if rel == "next":
        return ref + dt.timedelta(days=ahead or 7)
    if rel == "this":
        return ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=weekday)
    if tense == "future" or rel in {"until", "by"}:
        return ref + dt.timedelta(days=ahead)
    return ref - dt.timedelta(days=back)


def _resolve_ago(f: dict[str, str], ref: dt.date) -> Interval:
    n = _count(f.get("count"))
    unit = f["unit"].rstrip("s")
    if unit == "day":
        return day(ref - dt.timedelta(days=n))
    if unit in {"week", "weekend"}:
        return week_interval(ref - dt.timedelta(weeks=n))
    if unit == "month":
        d = ref - relativedelta(months=n)
        return month_interval(d.year, d.month)
    return year_interval(ref.year - n)


def _resolve_relative_unit(f: dict[str, str], ref: dt.date) -> Interval:
    rel = " ".join(f["rel"].split())
    unit = f["unit"].rstrip("s")
    part = " ".join(f.get("part", "").split())
    n = _count(f.get("count")) if "count" in f else 1
    if rel in {"the past", "the last", "recent", "previous", "the previous"} and (
        "count" in f or f["unit"].endswith("s") or rel in {"the past", "the last"}
    ):
        plural = f["unit"].endswith("s")
        span = _span(unit, n if "count" in f else (_PLURAL_SPAN[unit] if plural else 1))
        return Interval(
            start=ref - span, end=ref, precision=_precision("week" if unit == "day" and plural else unit)
        )
    if rel in {"the coming", "the next", "the following"}:
        plural = f["unit"].endswith("s")
        span = _span(unit, n if "count" in f else (_PLURAL_SPAN[unit] if plural else 1))
        return Interval(
            start=ref, end=ref + span, precision=_precision("week" if unit == "day" and plural else unit)
        )
    offset = {"this": 0, "last": -1, "previous": -1, "the previous": -1, "recent": -1, "next": 1}.get(rel, 0)
    if unit == "day":
        interval = day(ref + dt.timedelta(days=offset))
    elif unit in {"week", "weekend"}:
        interval = week_interval(ref + dt.timedelta(weeks=offset))
        if unit == "weekend":
            saturday = interval.start + dt.timedelta(days=5)
            interval = Interval(start=saturday, end=saturday + dt.timedelta(days=1), precision="week")
    elif unit == "month":
        d = ref + relativedelta(months=offset)
        interval = month_interval(d.year, d.month)
    else:
        interval = year_interval(ref.year + offset)
    if part == "earlier" and offset == 0:
        return Interval(start=interval.start, end=min(ref, interval.end), precision=interval.precision)
    if part == "later" and offset == 0:
        return Interval(start=max(ref, interval.start), end=interval.end, precision=interval.precision)
    return interval


def _span(unit: str, n: int) -> relativedelta:
    return {
        "day": relativedelta(days=n),
        "week": relativedelta(weeks=n),
        "weekend": relativedelta(weeks=n),
        "month": relativedelta(months=n),
    }.get(unit, relativedelta(years=n))


def _precision(unit: str) -> Precision:
    if unit in {"day", "week", "month"}:
        return unit  # type: ignore[return-value]
    return "week" if unit == "weekend" else "year"
