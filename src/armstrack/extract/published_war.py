"""Clues to the publication date from the age of the war: "the three-year war", "a conflict
that has dragged three-and-a-half years", "the war, now in its fourth year", "as the war
enters its 17th month", "Russia's three-month-old invasion", "nearly four years of war",
"the 300th day of the war" (or "since Russia invaded"), "as war rages for a 48th day", "the
war, launched almost four years ago", "the invasion, which began more than three years ago", "the
fourth (or "four-year") anniversary of Russia's full-scale invasion", in an article that
names Ukraine or Russia.

Each dates the writing to that long after the war began, give or take how loosely it is
said: "the three-year war" is three years to four ("nearly": two and a half to three;
"and a half": a quarter of a year either side), "in its fourth year" three years to four
("enters its fourth year" a month either side of its start),
an anniversary a month either side of the day. Which war: the full-scale invasion of
2022-02-24 when the words say "full-scale" or "invasion"; otherwise that one or the war
Russia began in 2014 (Crimea in February, the Donbas in April), both readings kept, for the
other clues to choose. A sentence about another war (Gaza, Iran, ISIS, "the Cold War") gives
none.
"""

from __future__ import annotations

import datetime as dt
import re

from armstrack.extract.constraints import Constraint, span_of
from armstrack.extract.timeresolve import WORD_COUNTS
from armstrack.facts import sentence_of
from armstrack.ordinals import ordinal_value

_FULL_SCALE = (dt.date(2022, 2, 24), dt.date(2022, 2, 24))
_SINCE_2014 = (dt.date(2014, 2, 20), dt.date(2014, 4, 15))
_YEAR, _MONTH, _WEEK = 365.25, 30.44, 7.0
_QUALIFIERS = r"nearly|almost|about|around|roughly|some|more\s+than|over|just\s+over|just\s+under"
_COUNT = "|".join(
    sorted((w for w in WORD_COUNTS if w not in {"a", "an", "few", "a few", "several"}), key=len)
)
_COUNT = rf"\d{{1,2}}|{_COUNT}"
_HALF = r"(?P<half>[- ]and[- ]a[- ]half)?"
_ORDINAL = r"\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?"
_NOUNS = ("war", "conflict", "invasion", "invaded")  # "invaded": only "the 300th day since Russia invaded"
_REACH = 60  # characters around the noun where its age is written
_HOW_MANY_YEARS = rf"(?:(?P<q>{_QUALIFIERS})\s+)?(?P<n>{_COUNT}){_HALF}"  # "nearly three", "three-and-a-half"
_OF_THE = r"(?:the\s+|russia['’]s\s+)?(?:full[- ]scale\s+)?$"  # "… of Russia's full-scale" before the noun
# "the three-year war", "nearly four-year-old conflict", "the 3-year full-scale invasion"
_AGED_NOUN = re.compile(rf"{_HOW_MANY_YEARS}[- ]years?[- ](?:old[- ]|long[- ])?(?:full[- ]scale\s+)?$")
# "the three-month-old invasion", "a 10-month war": months to the next month, as years are
_AGED_MONTHS = re.compile(rf"{_HOW_MANY_YEARS}[- ]months?[- ](?:old[- ]|long[- ])?(?:full[- ]scale\s+)?$")
# "four years of war", "three years into the full-scale invasion"
_YEARS_OF = re.compile(rf"{_HOW_MANY_YEARS}\s+years?\s+(?:of|into)\s+{_OF_THE}")
# "the fourth anniversary of Russia's full-scale invasion"
_ANNIVERSARY = re.compile(
    rf"(?:(?P<n>{_COUNT})[- ]years?|(?P<ord>{_ORDINAL}))\s+anniversary\s+of\s+{_OF_THE}"
)  # … or "the one-year anniversary of Russia's invasion"
# "the 300th day of the war", "the 1,000th day of Russia's full-scale invasion"
_NTH_DAY = re.compile(rf"(?P<n>\d{{1,4}})(?:st|nd|rd|th)\s+day\s+of\s+{_OF_THE}")
# "the 300th day since Russia invaded", "the 100th day since Russia began its full-scale invasion"
_NTH_DAY_SINCE = re.compile(
    r"(?P<n>\d{1,4})(?:st|nd|rd|th)\s+day\s+since\s+(?:russia|moscow|the\s+russians?|russian\s+(?:forces|troops))\s+"
    r"(?:(?:began|launched|started)\s+(?:its\s+|their\s+)?(?:full[- ]scale\s+)?)?$"
)
# After the noun: "… that has dragged three-and-a-half years", "…, now in its fourth year"
_LASTED = re.compile(
    r"[^.;]{0,40}?\b(?:dragged|lasted|raged|gone|continued|run)\s+(?:on\s+)?(?:for\s+)?"
    rf"{_HOW_MANY_YEARS}\s+years?\b"
)
# "… war on Ukraine, launched almost four years ago", "the invasion, which began more than
# three years ago": how long ago it began (a fact's verb and its "… ago" in one clause,
# "Russia invaded Ukraine three years ago", are published_facts.py's)
_AGO = re.compile(
    r"[^.;]{0,40}?\b(?:launched|began|begun|started|erupted|broke\s+out)\s+(?:(?:some|about)\s+)?"
    rf"{_HOW_MANY_YEARS}\s+(?P<unit>year|month)s?\s+ago\b"
)
# (anywhere in the noun's reach: "the invasion Putin thought would last days is now in its fourth month")
_ITS_NTH = re.compile(
    rf"[^.;]*?\b(?P<verb>in|enters|entering|entered|into)\s+its\s+(?P<ord>{_ORDINAL})\s+(?P<unit>year|month)\b"
)
# "… as war rages for a 48th day", "the invasion, now in its 100th day"
_ITS_NTH_DAY = re.compile(
    r"[^.;]{0,30}?\b(?:in|enters|entering|entered|into|for)\s+(?:its|a|an|the)\s+(?P<n>\d{1,4})(?:st|nd|rd|th)"
    r"\s+(?:straight\s+|consecutive\s+)?day\b"
)
# … and Ukraine's own "invasion" of Russia's Kursk region (August 2024): "entered its 10th day"
_OTHER_WAR = re.compile(
    r"\b(?:gaza|israel|hamas|hezbollah|iran|yemen|syria|afghan|iraq|korea|vietnam|chechnya|isis|islamic state"
    r"|taliban|qaeda|civil war|cold war|world war|kursk)"
)


def war_age_constraints(text: str, low: str, sentence_bounds: list[tuple[int, int]]) -> list[Constraint]:
    """One constraint per age of the war the text writes (module docstring)."""
    out: list[Constraint] = []
    if "ukrain" not in low and "russia" not in low:
        return out  # whichever war it is, not this one
    for at, end in _nouns(low):
        s_start, s_end = sentence_of(sentence_bounds, at)
        lo, hi = max(s_start, at - _REACH), min(s_end, end + _REACH)
        found = _age(low, lo, at, end, hi)
        if found is None or _OTHER_WAR.search(low, s_start, s_end):
            continue
        (age_lo, age_hi), start, stop = found
        phrase = low[max(s_start, min(start, at - 12)) : stop]  # with a "full-scale" just before the noun
        began = (
            [_FULL_SCALE]
            if "full" in phrase or low.startswith("invasion", at) or "anniversary" in phrase
            else [_SINCE_2014, _FULL_SCALE]
        )
        intervals = tuple(
            (first + dt.timedelta(days=age_lo), last + dt.timedelta(days=age_hi)) for first, last in began
        )
        out.append(Constraint(intervals, 1.0, span_of(text, start, stop)))
        if len(out) >= 8:
            break  # a real article states the war's age once or twice; a hostile one stays fast
    return out


def _nouns(low: str) -> list[tuple[int, int]]:
    """(start, end) of each of ``_NOUNS`` standing as a word, in text order: ``str.find`` for
    each (an alternation led by ``\\b`` is tried at every position: ten times slower)."""
    found = []
    for noun in _NOUNS:
        at = low.find(noun)
        while at != -1:
            end = at + len(noun)
            if (at == 0 or not low[at - 1].isalnum()) and (end == len(low) or not low[end].isalnum()):
                found.append((at, end))
            at = low.find(noun, end)
    return sorted(found)


def _age(low: str, lo: int, at: int, end: int, hi: int) -> tuple[tuple[float, float], int, int] | None:
    """(days since the war began: least, most), and the phrase's start and end. Each pattern
    is tried only where its word stands: most mentions of a war give no age."""
    if low.find(" day since", lo, at) != -1 and (m := _NTH_DAY_SINCE.search(low, lo, at)):
        day = int(m["n"])  # as "the 300th day of the war"
        return ((day - 2, day), m.start(), end)
    if low.startswith("invaded", at):
        return None  # the verb is read only after "the Nth day since" (its "… ago": published_facts)
    if low.find(" ago", end, hi) != -1 and (m := _AGO.match(low, end, hi)):
        ago = _ago(m)
        return (ago if m["unit"] == "year" else _as_months(ago)), at, m.end()
    if low.find(" day of", lo, at) != -1 and (m := _NTH_DAY.search(low, lo, at)):
        day = int(m["n"])  # "the 300th day of the war": 299 days after its first, give or take one
        return ((day - 2, day), m.start(), end)
    before = low.find("year", lo, at) != -1
    if before and (m := _AGED_NOUN.search(low, lo, at) or _YEARS_OF.search(low, lo, at)):
        return _years(m), m.start(), end
    if low.find("month", lo, at) != -1 and (m := _AGED_MONTHS.search(low, lo, at)):
        return _months(m), m.start(), end
    if low.find("anniversar", lo, at) != -1 and (m := _ANNIVERSARY.search(low, lo, at)):
        n = ordinal_value(m["ord"]) if m["ord"] else _count(m["n"])
        return ((n * _YEAR - _MONTH, n * _YEAR + _MONTH), m.start(), end) if n else None
    after_year = low.find("year", end, hi) != -1
    if after_year and (m := _LASTED.match(low, end, hi)):
        return _years(m), at, m.end()
    if low.find(" day", end, hi) != -1 and (m := _ITS_NTH_DAY.match(low, end, hi)):
        day = int(m["n"])
        return ((day - 2, day), at, m.end())
    if (after_year or low.find("month", end, hi) != -1) and (m := _ITS_NTH.match(low, end, hi)):
        n = ordinal_value(m["ord"])
        unit = _YEAR if m["unit"] == "year" else _MONTH
        if not n:
            return None
        start = (n - 1) * unit
        # "as the war enters its second year" is said around the day that year begins, days
        # before it as after: a month either side of a year's start (as of an anniversary),
        # a week of a month's
        if m["verb"] in ("enters", "entering"):
            near = _MONTH if unit == _YEAR else _WEEK
            return ((start - near, start + near), at, m.end())
        if m["verb"] == "entered":  # its start has come, give or take the same
            return ((start - (_MONTH if unit == _YEAR else _WEEK), n * unit), at, m.end())
        return ((start, n * unit), at, m.end())
    return None


def _ago(m: re.Match[str]) -> tuple[float, float]:
    """How long ago "four years ago" (with its qualifier) is, in days: a round figure, half a
    year either side; "almost" half a year short of it, "more than" up to three quarters
    past it."""
    n = _count(m["n"])
    q = " ".join((m["q"] or "").split())
    if m["half"]:
        return (n + 0.25) * _YEAR, (n + 0.75) * _YEAR
    if q in {"nearly", "almost", "just under"}:
        return (n - 0.5) * _YEAR, n * _YEAR
    if q in {"more than", "over", "just over"}:
        return n * _YEAR, (n + 0.75) * _YEAR
    return (n - 0.5) * _YEAR, (n + 0.5) * _YEAR


def _months(m: re.Match[str]) -> tuple[float, float]:
    """How long "three months" is, in days: as ``_years``, a month for a year."""
    return _as_months(_years(m))


def _as_months(years: tuple[float, float]) -> tuple[float, float]:
    """A span counted in years, counted in months instead: a month for each year."""
    return years[0] / _YEAR * _MONTH, years[1] / _YEAR * _MONTH


def _count(word: str) -> int:
    """ "one", "three", "3": the number a count word says."""
    word = " ".join(word.split())
    return int(word) if word.isdigit() else WORD_COUNTS.get(word, 0)


def _years(m: re.Match[str]) -> tuple[float, float]:
    """How long "three years" (with its qualifier, or "and a half") is, in days."""
    word = " ".join(m["n"].split())
    n = int(word) if word.isdigit() else WORD_COUNTS[word]
    q = " ".join((m["q"] or "").split())
    if m["half"]:
        return (n + 0.25) * _YEAR, (n + 0.75) * _YEAR
    if q in {"nearly", "almost", "just under"}:
        return (n - 0.5) * _YEAR, n * _YEAR
    return (n - 0.25) * _YEAR, (n + 1) * _YEAR
