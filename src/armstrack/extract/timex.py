"""Find time expressions in text, before any reference date is known.

``find_time_mentions`` returns ``TimeMention``s: where each expression is, what kind it is
("Sept. 28" is a month-day without a year, "last month" a relative unit) and the tense
of its clause. ``armstrack.extract.timeresolve`` turns them into calendar intervals once
a reference date is known; publication-date inference uses them before that.

Speed: one master regex over the lower-cased text, every alternative led by the
character before the expression (whitespace, a quote, a bracket, a dash), so ``re``
jumps from boundary to boundary. Fields are parsed only for the few matches, with one
small regex per kind. Capitalisation ("May" the month, not "may" the verb) is checked on
the original text.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Literal

from armstrack.extract.roles import TITLES
from armstrack.extract.trie import factored
from armstrack.text import Sentences

Tense = Literal["past", "future", "unknown"]

_MONTH = (
    r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept\.?|sep\.?|oct\.?|nov\.?|dec\.?)(?![a-z])"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d,]\d|s(?![a-z]))"  # not a decade's "1990s"
_WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![a-z])"
_COUNT = (
    r"(?P<count>a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|a\s+few|few|\d{1,3})"
)
_UNIT = r"(?P<unit>days?|weeks?|weekends?|months?|years?)(?![a-z])"
# Words before a year that make it a noun's: "a 2009 analysis", "the 2024 budget".
YEAR_DETERMINERS = "a|an|the|its|their|his|her|this|that"
# A month or a day in the year before, of or after the writing: "in February last year", "on
# March 3 of this year". One expression: its year is the writer's, not the nearest.
_REL_YEAR = r"(?:\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year(?![a-z'’]))?"

# Kinds, most specific first: the master regex tries them in this order at each boundary.
_KINDS: dict[str, str] = {
    # "Friday, Oct. 17", "Friday 17 October", and Asian wire copy's "Friday (Oct 17)"
    "weekday_date": rf"(?:(?P<rel>on|by|since|until|from|last|next|this)\s+)?{_WEEKDAY},?\s+(?:\((?=[^)\n]{{3,20}}\)))?(?:{_MONTH}\s+{_DAY}|{_DAY.replace('day>', 'day2>')}\s+(?:of\s+)?{_MONTH.replace('month>', 'month2>')})(?:,?\s+{_YEAR})?\)?",
    "range": rf"{_MONTH}\s+{_DAY}\s*(?:-|–|—|to|through)\s*(?P<end_day>[0-3]?\d)(?!\d|:\d)(?:,?\s+{_YEAR})?",
    "month_day": rf"{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR}|{_REL_YEAR})",
    "day_month": rf"{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}|{_REL_YEAR})",
    "month_year": rf"{_MONTH},?\s+(?:of\s+)?{_YEAR}",
    # "the last day of July", "the first day of March 2023": read as that day (``_mention``)
    "edge_day": rf"(?:the\s+)?(?P<edge>first|last|final)\s+day\s+of\s+{_MONTH}(?:,?\s+{_YEAR}|{_REL_YEAR})",
    "iso": rf"{_YEAR}-(?P<mnum>[01]\d)-(?P<dnum>[0-3]\d)(?!\d)",
    "half": rf"(?:the\s+)?(?P<which>first|second|1st|2nd)\s+half\s+of\s+(?:{_YEAR}|(?P<rel>this|last|next)\s+year)",
    "quarter": rf"(?:the\s+)?(?P<which>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+(?:{_YEAR}|(?P<rel>this|last|next)\s+year)",
    "short_period": rf"(?P<letter>[hq])(?P<num>[1-4])\s+{_YEAR}",
    "season": rf"(?:(?P<rel>this|last|next|the|early|late|mid|in|by|until|since)[\s-]+)?(?:(?P<part>early|late|mid)[\s-]+)?(?P<season>spring|summer|autumn|fall|winter)(?![a-z])(?:\s+(?:of\s+)?{_YEAR})?",
    "relative_day": r"(?P<word>today|yesterday|tomorrow|tonight)(?![a-z])",
    "ago": rf"{_COUNT}\s+{_UNIT}\s+ago(?![a-z])",
    "other_day": r"the\s+other\s+(?P<unit>day)(?![a-z])",  # a few days before the writing
    "relative_unit": (
        r"(?:(?P<part>earlier|later|early|late|mid|the\s+end\s+of|the\s+start\s+of)[\s-]+)?(?:(?:in|over|during|within|for|since)\s+)?"
        r"(?P<rel>this|last|next|the\s+past|the\s+last|the\s+coming|the\s+next|recent|previous|the\s+previous|the\s+following)\s+"
        rf"(?:{_COUNT}\s+)?{_UNIT}(?!\s+of\s+{_MONTH.replace('(?P<month>', '(?:')})"  # "the last day of July": that day
    ),
    # "by the end of the year", "by year's end": the part is kept in the text, the date is the unit
    "part_of_unit": (
        r"(?P<part>the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of)\s+the\s+"
        r"(?P<unit>year|month|week)(?![a-z])"
    ),
    "unit_end": r"(?P<unit>year|month)(?:'s|’s)\s+end(?![a-z])",
    "the_weekend": r"(?:over|during|on|at)\s+the\s+(?P<unit>weekend)(?![a-z])",  # the nearest, by tense
    "month": (
        r"(?P<prep>back\s+in|earlier\s+in|later\s+in|in|since|by|until|through|from|during|before|after|last|next|this"
        r"|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of"
        # "in the last week of July": within that month
        r"|the\s+(?:first|second|third|fourth|last|final)\s+(?:week|weeks|days|few\s+days)\s+of)[\s-]+"
        rf"(?:(?P<part>early|late|mid)[\s-]+)?{_MONTH}(?!\.?\s*\d|\.?\s*(?:,\s*|of\s+)(?:19|20)\d\d(?![\d,]\d))"  # "February of 2022", "Feb. 2022": a month_year
        + _REL_YEAR
    ),
    "year": (
        r"(?P<prep>in|since|by|during|until|through|throughout|before|after|from|early|late|mid|the\s+end\s+of"
        rf"|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of)[\s-]+{_YEAR}(?!\s*(?:%|percent|mm|millimet|-))"
    ),
    "weekday": rf"(?:(?P<rel>last|next|this|on|by|since|until|from|early|late|before|after|through|every|each)\s+)?{_WEEKDAY}(?:'s|’s)?",
    # Years without a preposition, as a reader dates them: "2009-2010", "the 1990s", "a 2009
    # analysis" (a determiner, the year, then a word: not a count, "2024 rounds").
    "year_range": rf"{_YEAR}\s*(?:-|–|—|to)\s*(?P<end_year>(?:19|20)?\d\d)(?![\d%])",
    "decade": r"(?:the\s+)?(?P<decade>(?:1[89]|20)\d0)['’]?s(?![a-z])",
    "bare_year": rf"(?P<det>{YEAR_DETERMINERS})\s+{_YEAR}(?=\s+[a-z]|$)(?!\s+(?:percent|per|mm|millimet|rounds|troops|people|soldiers|units|fiscal)\b)",
    # The US fiscal year: "fiscal 2024", "fiscal year 2026", "FY24", "FY 2025" (Oct 1 - Sept 30).
    "fiscal": r"fiscal\s+(?:year\s+)?(?P<fyear>(?:19|20)\d\d)(?!\d)|fy\s?(?P<fy>(?:20)?\d\d)(?![\d-])"
    r"|(?P<fyear2>(?:19|20)\d\d)\s+fiscal\s+year(?![a-z])",  # "the 2022 fiscal year"
    "century": r"the\s+(?P<nth>1[5-9]|2[01])(?:st|nd|rd|th)\s+century(?![a-z])",
    # TimeML's present and past references, and anaphora to the time just named.
    "present_ref": r"(?P<word>now|currently|at\s+present|presently)(?![a-z])",
    "past_ref": r"(?:in|from)\s+the\s+(?P<word>past)(?![a-z]|\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?)\b)",
    "at_the_time": r"at\s+the\s+(?P<word>time)(?![a-z])",
    "anchored": (
        r"the\s+(?:(?P<order>next|following|previous|preceding)\s+(?P<unit>day|week|month|year)"
        r"|(?P<unit2>day|week|month|year)\s+(?P<side>before|after|earlier|later))(?![a-z])"
    ),
}
_LEAD = r"[\s“\"‘'(\[—–/-]"


def _unnamed(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


# Every expression contains one of these trigger words. Scanning for them first, as a
# prefix trie led by the character before a word (so ``re`` skips fast and tries only word
# starts), then running only the kinds a trigger can belong to in a short window around
# it, is far cheaper than trying every kind at every space (benchmarks/RESULTS.md).
_TRIGGER_CLASSES = {
    **dict.fromkeys(
        "january february march april may june july august september october november december"
        " jan feb mar apr jun jul aug sep sept oct nov dec".split(),
        "month",
    ),
    **dict.fromkeys("monday tuesday wednesday thursday friday saturday sunday".split(), "weekday"),
    **dict.fromkeys("today yesterday tomorrow tonight".split(), "relative_day"),
    **dict.fromkeys("day days week weeks weekend weekends month months year years".split(), "unit"),
    **dict.fromkeys("spring summer autumn fall winter".split(), "season"),
    **dict.fromkeys("half quarter".split(), "period"),
    **dict.fromkeys("h1 h2 q1 q2 q3 q4".split(), "short"),
    "fiscal": "fiscal",
    "century": "century",
    **dict.fromkeys("now currently present presently past time".split(), "reference"),
}
_CLASS_KINDS = {
    "month": ("weekday_date", "range", "month_day", "day_month", "edge_day", "month_year", "month"),
    "weekday": ("weekday_date", "weekday"),
    "relative_day": ("relative_day",),
    "unit": (
        "half",
        "quarter",
        "ago",
        "other_day",
        "anchored",
        "relative_unit",
        "part_of_unit",
        "unit_end",
        "the_weekend",
    ),
    "season": ("season",),
    "period": ("half", "quarter"),
    "short": ("short_period",),
    "year": ("iso", "year_range", "year", "decade", "fiscal", "bare_year"),
    "fy": ("fiscal",),
    "fiscal": ("fiscal",),
    "century": ("century",),
    "reference": ("present_ref", "past_ref", "at_the_time"),
}
_WINDOW_BEFORE = 45  # the longest lead-in before a trigger: "the beginning of mid-" and the like
_WINDOW_AFTER = 40


def _trigger_pattern() -> re.Pattern[str]:
    words = factored(_TRIGGER_CLASSES, after=lambda _: r"(?![a-z0-9])")
    flat = words[3:-1] if words.startswith("(?:") else words  # a flat top level of first characters
    return re.compile(
        _LEAD + "(?:" + flat + r"|(?P<year>(?:1[89]|20)\d\d)(?!\d)|(?P<fy>fy\s?(?:20)?\d\d)(?!\d))"
    )


_TRIGGER = _trigger_pattern()
_MASTERS = {
    cls: re.compile(_LEAD + "(?:" + "|".join(f"(?P<{k}>{_unnamed(_KINDS[k])})" for k in kinds) + ")")
    for cls, kinds in _CLASS_KINDS.items()
}
_FIELDS = {k: re.compile(p) for k, p in _KINDS.items()}
# Named anchors that carry a year ("Eurosatory 2024", "RIMPAC 2024"): a name before a year.
_ANCHOR_NAME = re.compile(r"(?<![\w-])(?P<name>[A-Z][A-Za-z]{2,}(?:[ -][A-Z][A-Za-z]+)?) $")
_CAMEL = re.compile(r"[a-z][A-Z]")

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
# Every word that names a weekday or a month, lower case: whole, short, or "sept".
DAY_WORDS = (
    frozenset(WEEKDAYS)
    | frozenset(MONTHS)
    | frozenset(
        "january february march april june july august september october november december sept".split()
    )
)
_NOT_ANCHOR_NAMES = (
    frozenset(
        """in since by during until through throughout before after from early late mid the of and or
    spring summer autumn fall winter fiscal fy""".split()
    )
    | DAY_WORDS
)

# Tense markers, checked word by word (lower case): future auxiliaries and "set to"-like
# phrases; past forms (irregular verbs and "-ed" words).
_FUTURE_WORDS = frozenset("will shall upcoming forthcoming won't won’t".split())
_FUTURE_ADJECTIVES = frozenset("upcoming forthcoming".split())  # of a noun, not of the clause's verb
_FUTURE_BEFORE_TO = frozenset(
    "set scheduled due expected slated poised plans plan planning intends intend going likely unlikely".split()
)
_EXPECTS = frozenset("expects expect expecting".split())  # … someone "to" do something
_WAS_TO = frozenset("was were".split())
_INTENT_PAST = frozenset(
    "vowed promised pledged planned intended hoped agreed decided aimed sought wanted threatened offered".split()
)
# A past verb that gives another its task: the time of "directed the Pentagon to allocate the
# funds by the end of his term in January" is ahead of the directing, not of the writing, and
# so is that of "called for support to keep flowing in 2023".
_DIRECTIVE_PAST = frozenset(
    "directed ordered instructed told asked urged authorized authorised allowed tasked pressed encouraged called"
    " demanded requested appealed pleaded begged invited".split()
)
# A relative clause's own verb in the present ("Biden, who leaves office in January"): a
# third-person verb right after the pronoun. These words ending in "s" are not such verbs.
_RELATIVE_PRONOUNS = frozenset("who which".split())
_NOT_PRESENT_VERBS = frozenset("has is was does this his its as us plus thus also".split())
# Verbs of what is scheduled, in the present after "before", "until", "when" …
_SCHEDULED_PRESENT = frozenset(
    "takes leaves begins starts ends expires arrives opens closes convenes meets visits hosts returns assumes".split()
)
_PRESENT_BE = frozenset("is are am".split())
_NEGATIONS = frozenset("not never".split())
_BARE_BE = frozenset("be being".split())
_PLANNED = frozenset("planned scheduled expected slated set due".split())
_AUXILIARIES_PAST = frozenset("was were had has have been".split())
_TIME_PREPOSITIONS = frozenset("in for on by until early late mid".split())
_IRREGULAR_PAST = frozenset(
    """said was were had did met made gave sent took came went drew held began won led spoke wrote saw found got
    left brought thought became fought bought sold stood ran knew hit struck told paid built chose flew fell lost
    rose shot sought spent threw understood withdrew ago earlier previously""".split()
)
_ARTICLES = frozenset({"a", "an", "the"})
_NOT_PAST = frozenset(
    "need speed seed feed indeed hundred embed shed bed red sacred kindred naked proceed exceed".split()
)
# A participle that opens a name or a fixed term is an adjective, not a verb in the past: "On
# September 26, the United States plans to announce …", "the armed forces will receive in May".
_NAMED_PARTICIPLES = {
    "united": frozenset("states nations kingdom arab".split()),
    "armed": frozenset("forces force services".split()),
    "guided": frozenset("missile missiles multiple rocket rockets bomb bombs munition munitions".split()),
    "unmanned": frozenset("aerial aircraft vehicle vehicles systems surface".split()),
}
_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")
# The words ``_word_tense`` can find a tense in, and the endings: every other word is
# passed over without a call (about 25 words a window, most of them neither).
_MARKER_WORDS = _FUTURE_WORDS | _IRREGULAR_PAST | {"would", "to"}
_MARKER_ENDINGS = ("ed", "'ll", "’ll")
_TENSE_WINDOW = 150  # characters either side, within the sentence
# The day a contract or a task is to end, named right before it: "its estimated completion
# date is Nov. 28, 2025", "with a deadline of March 1" (ahead of the writing, whatever the verb).
_DEADLINE_BEFORE = re.compile(r"\b(?:completion(?:\s+date)?|deadline)\s+(?:is\s+|of\s+|on\s+|by\s+|:\s*)?$")
_DEADLINE_REACH = 40


def _word_tense(words: list[str], i: int) -> Tense | None:
    w = words[i]
    if w in _FUTURE_WORDS or w.endswith(("'ll", "’ll")):
        return "future"
    if w == "would" and (i + 1 >= len(words) or words[i + 1] != "have"):
        return "future"  # reported future: "said training would begin in October" is after the saying
    if w == "to" and i > 0 and words[i - 1] in _FUTURE_BEFORE_TO:
        return "future"
    if w == "to" and i > 1 and not _EXPECTS.isdisjoint(words[max(0, i - 4) : i - 1]):
        return "future"  # "expects Raytheon to complete the work by June 2026"
    if w == "to" and i > 0 and words[i - 1] in _WAS_TO:
        # "Stingers that were to become obsolete in 2023": a future seen from the past, on
        # either side of the writing
        return "unknown"
    if w == "to" and i > 0 and words[i - 1] in _INTENT_PAST:
        # "vowed to end the war within 24 hours of taking office on Jan. 20": ahead of the
        # vow, which says nothing of whether it is ahead of the writing
        return "unknown"
    if w in _IRREGULAR_PAST or (len(w) > 3 and w.endswith("ed") and w not in _NOT_PAST):
        if (named := _NAMED_PARTICIPLES.get(w)) is not None and i + 1 < len(words) and words[i + 1] in named:
            return None
        if i > 0 and words[i - 1] in _ARTICLES:
            return None  # an adjective after its article: "undergo an expedited training program"
        if (
            w in _PLANNED
            and i > 0
            and words[i - 1] not in _AUXILIARIES_PAST
            and _TIME_PREPOSITIONS.issuperset(words[i + 1 :])
        ):
            # a participle after its noun, the time its own: "with a vote expected in early
            # 2024", "talks scheduled for Jan. 9" are ahead ("was expected in" is not said)
            return "future"
        # the auxiliary before the participle, past an adverb or a negation ("to be officially
        # announced", "if the authority is not renewed by Sept. 30")
        aux = (
            words[i - 2]
            if i > 1 and (words[i - 1].endswith("ly") or words[i - 1] in _NEGATIONS)
            else words[i - 1]
            if i > 0
            else ""
        )
        if aux in _PRESENT_BE:  # a present passive: "talks are planned for June"
            return "future" if w in _PLANNED else None
        if aux in _BARE_BE:
            # a passive after "will", "could", "to": "will be delivered in May" is as the
            # auxiliary before it says, not past
            return None
        return "past"
    return None


def says_past(text: str) -> bool:
    """Do the words of ``text`` (lower case) hold a verb in the past, as the tense of a time
    expression's clause is read ("met", "announced"; not "United States", "an expedited")?"""
    words = _WORD.findall(text)
    return any(_word_tense(words, i) == "past" for i in range(len(words)))


@dataclass(slots=True)
class TimeMention:
    """A time expression as written: where, what kind, its fields and its clause's tense."""

    start: int
    end: int
    kind: str
    fields: dict[str, str]
    tense: Tense
    in_quote: bool = False
    sentence: int = 0  # index into Sentences

    def field(self, name: str) -> str | None:
        return self.fields.get(name)


def find_time_mentions(text: str, low: str, sentences: Sentences) -> list[TimeMention]:
    found: list[TimeMention] = []
    padded = " " + low  # patterns match the character before a word: offsets shift by one
    done = 0  # offset in ``low`` up to which expressions are already found
    for trigger in _TRIGGER.finditer(padded):
        t_start, t_end = trigger.start(), trigger.end() - 1  # the trigger word, in ``low``
        if t_start < done:
            continue
        cls = (
            "year"
            if trigger.group("year")
            else "fy"
            if trigger.group("fy")
            else _TRIGGER_CLASSES[low[t_start:t_end]]
        )
        master = _MASTERS[cls]
        pos = max(done, t_start - _WINDOW_BEFORE)
        limit = min(len(low), t_end + _WINDOW_AFTER) + 1
        covered = False
        while (m := master.search(padded, pos, limit)) is not None:
            kind = m.lastgroup
            assert kind is not None
            start, end = m.start(kind) - 1, m.end(kind) - 1
            if start > t_start:
                break
            mention = _mention(text, low, kind, start, end) if start >= done else None
            if mention is not None:
                found.append(mention)
                done = end
                covered = end > t_start
            if end > t_start:
                break
            pos = m.end() - 1  # an expression before the trigger: look on for the trigger's own
        if not covered and cls == "year":
            anchor = _anchor(text, t_start, t_end)
            if anchor is not None and anchor.start >= done:
                found.append(anchor)
                done = anchor.end
    found.sort(key=lambda t: t.start)
    quotes = _QuoteState(text)
    for mention in found:
        mention.sentence = sentences.index_at(mention.start)
        mention.tense = (
            "unknown"
            if (
                mention.kind in _APPOSITIVE_KINDS
                and "year" not in mention.fields
                and _NAME_THEN_COMMA.search(text, max(0, mention.start - 40), mention.start)
            )
            or (mention.kind in _YEAR_KINDS and _names_a_scheduled_thing(low, mention))
            else tense_at(low, sentences, mention.start, mention.end)
        )
        mention.in_quote = quotes.inside(mention.start)
    return found


# A day without a year set off after a name says when that thing is, not when the clause's
# verb was: "to celebrate Orthodox Christmas, Jan. 7" (ahead of the proposal that named it).
# A caption's "Kyiv, Ukraine, June 5, 2023" keeps its tense: a photo is taken before.
_APPOSITIVE_KINDS = frozenset({"month_day", "day_month"})
_NAME_THEN_COMMA = re.compile(r"\b[A-Z][a-z][\w’'-]*,[ \t]+$")


# A year that names a thing held in it ("the 2024 ballot", "Presidential Election 2024") is
# named before that year as after it: the words say nothing of when they were written.
_YEAR_KINDS = frozenset({"year", "bare_year", "anchor"})
_SCHEDULED_THINGS = frozenset(
    "election elections ballot ballots race campaign primary primaries midterms vote budget fiscal olympics".split()
)
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")


def _names_a_scheduled_thing(low: str, mention: TimeMention) -> bool:
    if mention.kind == "anchor":
        return mention.fields["name"].lower().rsplit(" ", 1)[-1] in _SCHEDULED_THINGS
    nxt = _NEXT_WORD.match(low, mention.end)
    return nxt is not None and nxt.group(1) in _SCHEDULED_THINGS


def _anchor(text: str, year_start: int, year_end: int) -> TimeMention | None:
    """ "Eurosatory 2024": a capitalised name right before a year, not a month or a preposition."""
    if text[year_end : year_end + 2] in {",0", ",1", ",2", ",3", ",4", ",5", ",6", ",7", ",8", ",9"}:
        return None  # "2,024"-like numbers
    m = _ANCHOR_NAME.search(text, max(0, year_start - 40), year_start)
    if m is None or m.group("name").lower() in _NOT_ANCHOR_NAMES or _CAMEL.search(m.group("name")):
        return None  # (a model's name has a capital inside a word: "PzH 2000", "MiG 2000")
    return TimeMention(
        m.start(), year_end, "anchor", {"name": m.group("name"), "year": text[year_start:year_end]}, "unknown"
    )


def _mention(text: str, low: str, kind: str, start: int, end: int) -> TimeMention | None:
    fm = _FIELDS[kind].fullmatch(low, start, end)
    if fm is None:  # pragma: no cover - the master and the field patterns agree
        return None
    fields = {k: v for k, v in fm.groupdict().items() if v is not None}
    if not _capitalised(text, fm) or not _plausible(kind, fields) or _is_name(text, kind, fields, start, end):
        return None
    if kind == "edge_day":  # the first or last day of a month: that day, as "31 July" would be
        kind, edge = "day_month", fields.pop("edge")
        month = MONTHS[fields["month"][:3]]
        year = int(fields.get("year", 2001))  # no year given: February has 28 days
        fields["day"] = "1" if edge == "first" else str(calendar.monthrange(year, month)[1])
    return TimeMention(start, end, kind, fields, "unknown")


def _capitalised(text: str, fm: re.Match[str]) -> bool:
    """Month and weekday names must be capitalised in the original: "May", not "may"."""
    groups = fm.groupdict()
    for name in ("month", "month2", "weekday"):
        if groups.get(name) is not None and not text[fm.start(name)].isupper():
            return False
    return True


_WORD_BEFORE = re.compile(r"([A-Za-z][\w.’']*)[ ]$")
# A weekday these words lead is a name or a feast, never "that week's": "Girl Friday", "Good
# Friday", "Super Tuesday".
_WEEKDAY_NAMES = frozenset(
    "man girl good black cyber super ash holy palm easter bloody maundy shrove".split()
)
_LOWER_WORD_AFTER = re.compile(r"[ ]+[a-z]")
# A day without its year that names an attack or an uprising is that event's name, of a
# year the text need not give: "the September 11 attacks", "the Oct. 7 massacre", "the
# January 6 riot". "The Nov. 4 package" or "the April 24 signing" stay dates.
_EVENT_NAMED_BY_DAY = re.compile(
    r"[ ]+(?:terror(?:ist)?[ ]+)?(?:attacks?|attackers|hijackers|massacres?|riots?|insurrection|uprising|bombings?)(?![a-z])",
    re.I,
)


def _is_name(text: str, kind: str, fields: dict[str, str], start: int, end: int) -> bool:
    """A bare weekday right after a capitalised word is a name ("Sergeant Friday"), unless
    a lower-case word follows and no title or feast word leads it: wire copy's "President
    Joe Biden Wednesday announced", "told reporters in Washington Wednesday that". A day
    without a year before "attacks" or "riot" is an event's name (``_EVENT_NAMED_BY_DAY``).

    Prepositions that make a weekday a date ("On", "By", "Last") are part of the match.
    """
    if kind in _APPOSITIVE_KINDS and "year" not in fields:
        return _EVENT_NAMED_BY_DAY.match(text, end) is not None
    if kind != "weekday" or "rel" in fields:
        return False
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if m is None or not m.group(1)[0].isupper():
        return False
    before = m.group(1).lower()
    if before in TITLES or before.rstrip(".") in TITLES or before in _WEEKDAY_NAMES:
        return True
    return _LOWER_WORD_AFTER.match(text, start + len(fields["weekday"])) is None


def _plausible(kind: str, fields: dict[str, str]) -> bool:
    day = fields.get("day") or fields.get("day2") or fields.get("dnum")
    if day is not None and not 1 <= int(day) <= 31:
        return False
    if kind == "range" and not int(fields["day"]) < int(fields["end_day"]) <= 31:
        return False
    if kind == "iso" and not 1 <= int(fields["mnum"]) <= 12:
        return False
    if kind == "year_range":
        start, end = int(fields["year"]), int(fields["end_year"])
        end = end + start // 100 * 100 if end < 100 else end  # "2009-10"
        if not 0 < end - start <= 30:
            return False
    if kind == "season" and fields["season"] == "fall" and not (fields.get("rel") or fields.get("year")):
        return False  # "fall" is a verb more often than a season
    return not (kind == "season" and not (fields.get("rel") or fields.get("year")))


# A clause of "when" right after the time says what happened then: its verb's tense is the time's.
_WHEN = re.compile(r",?[ \t]+when[ \t]+")
_WHEN_WORDS = 6  # words after "when" where its clause's verb stands
_WHEN_REACH = 60  # … within so many characters


def _past_clause(words: list[str]) -> bool:
    """Is the first verb among the first few ``words`` of a clause in the past tense (and no
    auxiliary of the present or the future before it)?"""
    for j, w in enumerate(words[:_WHEN_WORDS]):
        if w in _FUTURE_WORDS or w in _PRESENT_AUX:
            return False
        if _word_tense(words, j) == "past":
            return True
    return False


_PRESENT_AUX = frozenset("is are am has have does do can".split())


def tense_at(low: str, sentences: Sentences, start: int, end: int, after_from: int | None = None) -> Tense:
    """The tense of the clause around low[start:end], from the lower-cased text.

    The verb before a time phrase governs it ("told reporters on Monday that … will"): the
    nearest marker before the expression wins; only without one, the nearest after, read
    from ``after_from`` when given (-1: not at all).
    """
    if not sentences.starts:
        return "unknown"
    reach = max(0, start - _DEADLINE_REACH)
    near = low[reach:start]
    if ("complet" in near or "deadline" in near) and _DEADLINE_BEFORE.search(low, reach, start):
        return "future"  # "an estimated completion date of Nov. 28, 2025": a contract's end, ahead
    i = sentences.index_at(start)
    when = _WHEN.match(low, end)
    if when is not None and _past_clause(_WORD.findall(low, when.end(), when.end() + _WHEN_REACH)):
        return "past"  # "will provide F-16s in August when the AP reported he pledged": that August is past
    lo = max(sentences.starts[i], start - _TENSE_WINDOW)
    # A colon or semicolon opens a clause of its own: "if they replied in kind: by 2019, the
    # trade war would cost …" — the verb before it does not govern the time after it.
    lo = max(lo, low.rfind(": ", lo, start) + 1, low.rfind("; ", lo, start) + 1)
    before = _WORD.findall(low, lo, start)
    adjective = False  # "upcoming" seen: the time may be the noun's or the verb's before it
    later_noun = False  # "before Trump's return on January 20": the time is the noun's, later
    for j in range(len(before) - 1, -1, -1):
        w = before[j]
        if (w in _MARKER_WORDS or w.endswith(_MARKER_ENDINGS)) and (tense := _word_tense(before, j)):
            if w in _FUTURE_ADJECTIVES:
                adjective = True
                continue
            if adjective or (later_noun and tense == "past"):
                # "announced the upcoming shipments Thursday, Jan. 5" (the announcing day) or
                # "discussed the upcoming summit in July" (the summit's): the words do not say;
                # nor of "has scrambled to send aid before Trump's return on January 20",
                # a day after the scrambling, ahead of the writing or not
                return "unknown" if tense == "past" else tense
            if tense == "past" and w in _DIRECTIVE_PAST and "to" in before[j + 1 : j + 6]:
                return "unknown"
            return "future" if tense == "past" and _after_future(before, j) else tense
        if w in _IN_ITS_WAKE and before[j + 1 : j + 2] == ["of"]:
            # "comes on the heels of DOD's announcement on Monday", "in the wake of Friday's
            # strikes": what came first, before whatever is said of it
            return "past"
        if w in _THEN and not adjective and not _SCHEDULED_PRESENT.isdisjoint(before[j + 1 :]):
            # "before Donald Trump takes office on Jan. 20": a clause of time in the present
            # speaks of what is scheduled, ahead of the writing ("took" would be a marker)
            return "future"
        if w in _LATER_THAN or (w == "of" and j > 0 and before[j - 1] == "ahead"):
            later_noun = True  # no verb between it and the time: a noun's time ("before the vote on")
        if w in _RELATIVE_PRONOUNS and not adjective and _relative_present(low, lo, start, before, j):
            # "Biden, who leaves office in January": a scheduled time, ahead of the writing
            # (no marker between the pronoun and the time; "who left" would have been one)
            return "future"
    if adjective:
        return "future"
    if after_from is not None:
        if after_from < 0:
            return "unknown"
        end = after_from
    if low.startswith((" that ", ", that "), end):
        # "DOD's announcement on Monday that it will be providing …": the clause after "that"
        # is what was announced, in a tense of its own; the time is the noun's
        return "unknown"
    hi = min(sentences.ends[i], end + _TENSE_WINDOW)
    # A coordinated clause after the time ("… in 2018, and talk had been mounting") has a
    # tense of its own: the time's clause ends before it.
    for boundary in (", and ", ", but ", "; "):
        at = low.find(boundary, end, hi)
        if at != -1:
            hi = at
    after = _WORD.findall(low, end, hi)
    for j, w in enumerate(after):
        if (w in _MARKER_WORDS or w.endswith(_MARKER_ENDINGS)) and (tense := _word_tense(after, j)):
            return tense
    return "unknown"


def _relative_present(low: str, lo: int, start: int, words: list[str], j: int) -> bool:
    """Is ``words[j]`` ("who", "which") a relative pronoun whose verb is a third-person
    present ("who leaves", ", which expires")? "which" only after a comma: "which weapons"
    is a determiner and its noun."""
    if j + 1 >= len(words):
        return False
    verb = words[j + 1]
    if len(verb) <= 3 or not verb.endswith("s") or verb.endswith("ss") or verb in _NOT_PRESENT_VERBS:
        return False
    return words[j] == "who" or f", which {verb}" in low[lo:start]


_THEN = frozenset("after once until when before".split())
_IN_ITS_WAKE = frozenset("heels wake".split())
_LATER_THAN = frozenset("before until till".split())


def _after_future(words: list[str], j: int) -> bool:
    """Is the past verb at ``j`` in a clause of time under a future one ("training would
    begin after the pilots received English lessons in September": September is ahead)?"""
    for k in range(j - 1, max(-1, j - 6), -1):
        if words[k] in _THEN:
            return any(_word_tense(words, i) == "future" for i in range(k))
    return False


class _QuoteState:
    """Whether an offset is inside quotation marks, for offsets asked in increasing order.

    Counts quote characters from the paragraph's start, carrying the counts forward
    between calls, so a whole article costs one pass however many mentions it has.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.paragraph = -1
        self.position = 0
        self.opened = 0
        self.straight = 0

    def inside(self, offset: int) -> bool:
        paragraph = self.text.rfind("\n\n", self.position, offset)
        if paragraph != -1 or self.paragraph == -1:
            self.paragraph = max(paragraph, 0)
            self.position = self.paragraph
            self.opened = self.straight = 0
        text, start = self.text, self.position
        self.opened += text.count("“", start, offset) - text.count("”", start, offset)
        self.straight += text.count('"', start, offset)
        self.position = offset
        return self.opened > 0 or (self.opened == 0 and self.straight % 2 == 1)


def month_number(word: str) -> int:
    return MONTHS[word[:3]]


_MONTH_WORD = re.compile(_MONTH)


def month_of(word: str) -> int | None:
    """The month a word names ("Sept." → 9), or None: not "Marching", not "Reuters"."""
    low = word.lower()
    return month_number(low) if _MONTH_WORD.fullmatch(low) else None
