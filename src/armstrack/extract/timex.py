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

import re
from dataclasses import dataclass
from typing import Literal

from armstrack.text import Sentences

Tense = Literal["past", "future", "unknown"]

_MONTH = (
    r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept\.?|sep\.?|oct\.?|nov\.?|dec\.?)(?![a-z])"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d,]\d)"
_WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![a-z])"
_COUNT = (
    r"(?P<count>a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|a\s+few|few|\d{1,3})"
)
_UNIT = r"(?P<unit>days?|weeks?|weekends?|months?|years?)(?![a-z])"

# Kinds, most specific first: the master regex tries them in this order at each boundary.
_KINDS: dict[str, str] = {
    "weekday_date": rf"(?:(?P<rel>on|by|since|until|from|last|next|this)\s+)?{_WEEKDAY},?\s+(?:{_MONTH}\s+{_DAY}|{_DAY.replace('day>', 'day2>')}\s+(?:of\s+)?{_MONTH.replace('month>', 'month2>')})(?:,?\s+{_YEAR})?",
    "range": rf"{_MONTH}\s+{_DAY}\s*(?:-|–|—|to|through)\s*(?P<end_day>[0-3]?\d)(?![\d:])(?:,?\s+{_YEAR})?",
    "month_day": rf"{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?",
    "day_month": rf"{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?",
    "month_year": rf"{_MONTH},?\s+(?:of\s+)?{_YEAR}",
    "iso": rf"{_YEAR}-(?P<mnum>[01]\d)-(?P<dnum>[0-3]\d)(?!\d)",
    "half": rf"(?:the\s+)?(?P<which>first|second|1st|2nd)\s+half\s+of\s+(?:{_YEAR}|(?P<rel>this|last|next)\s+year)",
    "quarter": rf"(?:the\s+)?(?P<which>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+(?:{_YEAR}|(?P<rel>this|last|next)\s+year)",
    "short_period": rf"(?P<letter>[hq])(?P<num>[1-4])\s+{_YEAR}",
    "season": rf"(?:(?P<rel>this|last|next|the|early|late|mid|in)[\s-]+)?(?:(?P<part>early|late|mid)[\s-]+)?(?P<season>spring|summer|autumn|fall|winter)(?![a-z])(?:\s+(?:of\s+)?{_YEAR})?",
    "relative_day": r"(?P<word>today|yesterday|tomorrow|tonight)(?![a-z])",
    "ago": rf"{_COUNT}\s+{_UNIT}\s+ago(?![a-z])",
    "relative_unit": (
        r"(?:(?P<part>earlier|later|early|late|mid|the\s+end\s+of|the\s+start\s+of)[\s-]+)?(?:(?:in|over|during|within|for|since)\s+)?"
        r"(?P<rel>this|last|next|the\s+past|the\s+last|the\s+coming|the\s+next|recent|previous|the\s+previous|the\s+following)\s+"
        rf"(?:{_COUNT}\s+)?{_UNIT}"
    ),
    "month": (
        r"(?P<prep>back\s+in|earlier\s+in|later\s+in|in|since|by|until|through|from|during|before|after|last|next|this"
        r"|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[\s-]+"
        rf"(?:(?P<part>early|late|mid)[\s-]+)?{_MONTH}(?!\s*\d)"
    ),
    "year": (
        r"(?P<prep>in|since|by|during|until|through|throughout|before|after|from|early|late|mid|the\s+end\s+of"
        rf"|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of)[\s-]+{_YEAR}(?!\s*(?:%|percent|mm|millimet|-))"
    ),
    "weekday": rf"(?:(?P<rel>last|next|this|on|by|since|until|from|early|late|before|after|through|every|each)\s+)?{_WEEKDAY}(?:'s|’s)?",
}
_LEAD = r"[\s“\"‘'(\[—–/-]"


def _unnamed(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


_MASTER = re.compile(_LEAD + "(?:" + "|".join(f"(?P<{k}>{_unnamed(p)})" for k, p in _KINDS.items()) + ")")
_FIELDS = {k: re.compile(p) for k, p in _KINDS.items()}
# Named anchors that carry a year ("Eurosatory 2024", "RIMPAC 2024"), on the original text.
_ANCHOR = re.compile(
    r"(?<![\w-])(?P<name>[A-Z][A-Za-z]{2,}(?:[ -][A-Z][A-Za-z]+)?) (?P<year>(?:19|20)\d\d)(?![\d,]\d)"
)

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_NOT_ANCHOR_NAMES = (
    frozenset(
        """in since by during until through throughout before after from early late mid the of and or
    spring summer autumn fall winter fiscal fy""".split()
    )
    | frozenset(MONTHS)
    | frozenset(WEEKDAYS)
    | frozenset(
        "january february march april june july august september october november december sept".split()
    )
)

# Tense markers: future auxiliaries and phrases, past forms (irregular verbs and "-ed").
_FUTURE = re.compile(
    r"(?<![\w'’])(?:will|won['’]t|shall|['’]ll|(?:is|are|was|were)\s+(?:set|scheduled|due|expected|slated|poised)\s+to"
    r"|(?:is|are)\s+going\s+to|plans?\s+to|planning\s+to|intends?\s+to|upcoming|forthcoming|to\s+be\s+held)(?![\w])",
    re.IGNORECASE,
)
_IRREGULAR_PAST = (
    "said|was|were|had|did|met|made|gave|sent|took|came|went|drew|held|began|won|led|spoke|wrote|saw|found|got|left"
    "|brought|thought|became|fought|bought|sold|stood|ran|knew|hit|struck|told|paid|built|chose|flew|fell|lost"
    "|rose|shot|sought|spent|threw|understood|withdrew|ago|earlier|previously|last"
)
_NOT_PAST = "need|needed|speed|seed|feed|indeed|hundred|hundreds|embed|shed|bed|red|sacred|kindred|naked|proceed|exceed"
_PAST = re.compile(
    rf"(?<![\w'’])(?!(?:{_NOT_PAST})(?![\w]))(?:{_IRREGULAR_PAST}|[a-z]{{2,}}ed)(?![\w])", re.IGNORECASE
)
_AFTER_PENALTY = 1000  # a marker after the expression counts only when none stands before it
_TENSE_WINDOW = 150  # characters either side, within the sentence


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
    padded = " " + low
    found: list[TimeMention] = []
    for m in _MASTER.finditer(padded):
        kind = m.lastgroup
        assert kind is not None
        start, end = m.start(kind) - 1, m.end(kind) - 1
        fm = _FIELDS[kind].fullmatch(low, start, end)
        if fm is None:  # pragma: no cover - the master and the field patterns agree
            continue
        fields = {k: v for k, v in fm.groupdict().items() if v is not None}
        if not _capitalised(text, fm) or not _plausible(kind, fields) or _is_name(text, kind, fields, start):
            continue
        found.append(TimeMention(start, end, kind, fields, "unknown"))
    for m in _ANCHOR.finditer(text):
        name = m.group("name")
        if name.lower() in _NOT_ANCHOR_NAMES or any(_overlaps(m.start(), m.end(), f) for f in found):
            continue
        found.append(
            TimeMention(m.start(), m.end(), "anchor", {"name": name, "year": m.group("year")}, "unknown")
        )
    found.sort(key=lambda t: t.start)
    quotes = _QuoteState(text)
    for mention in found:
        mention.sentence = sentences.index_at(mention.start)
        mention.tense = _tense(text, sentences, mention)
        mention.in_quote = quotes.inside(mention.start)
    return found


def _overlaps(start: int, end: int, mention: TimeMention) -> bool:
    return start < mention.end and mention.start < end


def _capitalised(text: str, fm: re.Match[str]) -> bool:
    """Month and weekday names must be capitalised in the original: "May", not "may"."""
    groups = fm.groupdict()
    for name in ("month", "month2", "weekday"):
        if groups.get(name) is not None and not text[fm.start(name)].isupper():
            return False
    return True


_WORD_BEFORE = re.compile(r"([A-Za-z][\w.’']*)[ ]$")


def _is_name(text: str, kind: str, fields: dict[str, str], start: int) -> bool:
    """A bare weekday right after a capitalised word is a name ("Sergeant Friday").

    Prepositions that make a weekday a date ("On", "By", "Last") are part of the match.
    """
    if kind != "weekday" or "rel" in fields:
        return False
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return m is not None and m.group(1)[0].isupper()


def _plausible(kind: str, fields: dict[str, str]) -> bool:
    day = fields.get("day") or fields.get("day2") or fields.get("dnum")
    if day is not None and not 1 <= int(day) <= 31:
        return False
    if kind == "range" and not int(fields["day"]) < int(fields["end_day"]) <= 31:
        return False
    if kind == "iso" and not 1 <= int(fields["mnum"]) <= 12:
        return False
    if kind == "season" and fields["season"] == "fall" and not (fields.get("rel") or fields.get("year")):
        return False  # "fall" is a verb more often than a season
    return not (kind == "season" and not (fields.get("rel") or fields.get("year")))


def _tense(text: str, sentences: Sentences, mention: TimeMention) -> Tense:
    return tense_at(text, sentences, mention.start, mention.end)


def tense_at(text: str, sentences: Sentences, start: int, end: int) -> Tense:
    """The tense of the clause around text[start:end]: the nearest tense marker wins."""
    if not sentences.starts:
        return "unknown"
    i = sentences.index_at(start)
    s_start = max(sentences.starts[i], start - _TENSE_WINDOW)
    s_end = min(sentences.ends[i], end + _TENSE_WINDOW)
    # The verb before a time phrase governs it ("told reporters on Monday that … will"):
    # the nearest marker before the expression wins; only without one, the nearest after.
    best: tuple[int, Tense] | None = None
    for pattern, tense in ((_FUTURE, "future"), (_PAST, "past")):
        for m in pattern.finditer(text, s_start, s_end):
            if start <= m.start() < end:
                continue  # a word of the expression itself ("last", "earlier")
            before = m.end() <= start
            distance = (start - m.end()) if before else (m.start() - end) + _AFTER_PENALTY
            if best is None or distance < best[0]:
                best = (distance, tense)  # type: ignore[assignment]
    return best[1] if best else "unknown"


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
