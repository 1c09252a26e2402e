"""Money, percentages, equipment counts and qualitative amounts.

Forms recognised (tests/test_amounts.py has the full table):

* money: "$800 million", "US$500 million", "USD 300 million", "$1bn", "$95bln", "€1.5bn",
  "450 million dollars", "$80.5 billion" → value in units of the currency;
* percentages: "22 percent", "22%", "22 per cent";
* counts: a number (digits or words, optionally "up to", "more than", …) followed within
  three words by an equipment noun, or right before a catalog system: "two Patriot
  batteries", "31 Abrams tanks", "eighteen 155 mm howitzers", "up to 150,000 rounds",
  "three more HIMARS"; "hundreds of missiles" is a count with no value;
* qualitative amounts: "a finite number", "a very “limited” supply", "any significant
  number" → text only, no value.

Not amounts: calibres ("155mm"), designations ("F-16", "M142"), years ("2024"),
ordinals ("47th"); not money: weights ("less than 5 pounds": pounds are money only with a
scale, "5 million pounds", a sign, "£5", or "sterling").

Money goes to ``ArticleRecord.amounts``; the other kinds to ``quantities`` (docs/json.md
says why they are apart).

Speed: every pattern runs over the lower-cased text and starts with a literal or a digit,
so ``re`` skips quickly to candidate positions; qualifiers before an amount ("up to")
and word boundaries are checked by looking back from each match, not at every position.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from typing import Any

from armstrack.extract.systems import Hit
from armstrack.extract.trie import lowered
from armstrack.models import Amount, TimeExpression
from armstrack.text import Sentences, SpanIndex

# One leading \d (not an alternation) so that ``re`` can skip straight to digits.
# The lookbehind, placed after the first digit, stops a match from starting inside a
# longer number (which made a run of 300,000 digits quadratic).
_NUM = r"\d(?<![\d,.]\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)"
# Word-led patterns start with the character before the word, and run over " " + text.
_WORD_START = r"[\s“\"‘(\[]"
_SCALES = {
    "trillion": 1e12, "tn": 1e12,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9,
    "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6,
    "thousand": 1e3, "k": 1e3,
}  # fmt: skip
_SIGN_CURRENCY = {"$": "USD", "€": "EUR", "£": "GBP", "usd": "USD", "eur": "EUR", "gbp": "GBP"}
_DOLLAR_PREFIX = {"us": "USD", "u.s.": "USD", "a": "AUD", "c": "CAD"}
_WORD_CURRENCY = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "usd": "USD", "eur": "EUR", "gbp": "GBP"}

_SCALE = r"(?:[\s-]?(?P<scale>trillion|billion|million|thousand|tn|bln|bn|mln|mn|[bmk])(?!\w))?"
_MONEY_SIGN = re.compile(
    rf"(?P<sign>[$€£])\s?(?P<num>{_NUM}){_SCALE}(?:\s(?:us\s|u\.s\.\s)?(?:dollars?|euros?|pounds?)\b)?"
)
_MONEY_CODE = re.compile(rf"(?P<sign>usd|eur|gbp)\s?(?P<num>{_NUM}){_SCALE}")
_MONEY_WORD = re.compile(
    rf"(?P<num>{_NUM})(?:[\s-]?(?P<scale>trillion|billion|million|thousand|bn|mn))?\s"
    r"(?:us\s|u\.s\.\s)?(?P<word>dollars?|euros?|pounds?(?:\ssterling)?|usd|eur|gbp)\b"  # "128 million U.S. dollars"
)
# A sum with its number in words: "one billion dollars", "half a billion dollars", "a billion
# dollars" (not "billions of dollars": no number at all).
_SPELLED_SCALE_VALUES = {
    "one and a half": 1.5, "two and a half": 2.5, "half a": 0.5, "a half": 0.5, "half": 0.5, "a": 1.0, "one": 1.0,
    "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0, "seven": 7.0, "eight": 8.0,
    "nine": 9.0, "ten": 10.0,
}  # fmt: skip
_MONEY_SPELLED = re.compile(
    r"(?<![\w-])(?P<wnum>one and a half|two and a half|half a|a half|half|one|two|three|four|five|six|seven|eight"
    r"|nine|ten|a)[\s-]+(?P<scale>million|billion|trillion)\s+(?:us\s|u\.s\.\s)?(?P<word>dollars?|euros?)\b"
)
_DOLLAR_PREFIX_BEFORE = re.compile(r"(?<![\w.])(?:(?P<prefix>us|u\.s\.)\s?|(?P<letter>a|c))$")

_QUALIFIERS = (
    r"up\s+to|more\s+than|over|at\s+least|nearly|almost|about|around|approximately|roughly|some"
    r"|fewer\s+than|less\s+than|an\s+additional|another"
)
_QUALIFIER_BEFORE = re.compile(rf"(?<![\w-])(?P<qual>{_QUALIFIERS})\s+$")

_PERCENT = re.compile(rf"(?P<num>{_NUM})\s?(?:%|percent\b|per\s?cent\b)")

_WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a dozen": 12, "a hundred": 100, "a thousand": 1000, "one": 1, "a single": 1,
}  # fmt: skip
# A count whose number is not given: "hundreds of shells", "an undisclosed number of drones".
_VAGUE_NUMBERS = (
    "tens of thousands", "hundreds of thousands", "dozens", "hundreds", "thousands", "scores",
    "an unspecified number", "an undisclosed number", "an unknown number",
)  # fmt: skip
_UNITS = (
    r"rounds?|shells?|missiles?|rockets?|interceptors?|launchers?|batter(?:y|ies)|systems?|tanks?"
    r"|vehicles?|howitzers?|guns?|drones?|aircraft|jets?|helicopters?|boats?|vessels?|radars?"
    r"|munitions?|grenades?|mines?|mortars?|rifles?|trucks?|carriers?|projectiles?|warheads?"
    r"|bombs?|launch\s+units?|fire\s+units?|pieces\s+of\s+equipment|small\s+arms|firearms?"
)
# What a munition is counted in: "20,000 155mm shells" counts ammunition, "eighteen 155 mm
# howitzers" does not.
_AMMO_UNITS = frozenset(
    "round shell missile rocket interceptor munition projectile warhead bomb grenade mine mortar".split()
)
_NOT_A_COUNT_AFTER = r"(?![\w%])(?!\s*(?:mm|cm|millimet|caliber|calibre|percent|per\s?cent)\b)"
# The unit ends the count unless a hyphen makes it part of a longer word: "30 Mine-Resistant
# Ambush Protected Vehicles" counts vehicles, not mines.
# Up to three words between the number and its unit, and a pair of them joined by "and" or
# "or" ("18 coastal and riverine patrol boats"), unless a number follows it: "10 tanks and 20
# howitzers" is two counts. A unit word before another is part of a compound whose last word
# is what is counted: "2,000 mortar rounds" counts rounds, not mortars.
_COUNTED = (
    rf"\s+(?P<mid>(?:[^\s.,;:!?()]+\s+(?:(?:and|or)\s+(?![\d$€£]))?){{0,3}}?)"
    rf"(?P<unit>(?:{_UNITS})\b(?:\s+(?:{_UNITS})\b)*)(?!-\w)"
)
# What follows a unit and names what is counted: "8,500 rounds of 155mm artillery ammunition".
_OF_WHAT = re.compile(r"\s+of\s+(?:[\w-]+\s+){0,2}")
_COUNT_SCALE = r"(?:\s+(?P<cscale>thousand|million|billion))?"  # "3 million 155mm rounds"
_COUNT_DIGITS = re.compile(rf"(?P<num>{_NUM}){_COUNT_SCALE}{_NOT_A_COUNT_AFTER}{_COUNTED}")
_WORDS_ALTERNATION = "|".join(
    re.escape(w)
    for w in sorted(
        [*_WORD_NUMBERS, *(f"{v} of" for v in _VAGUE_NUMBERS), *(f"{v} each of" for v in _VAGUE_NUMBERS)],
        key=len,
        reverse=True,
    )  # "dozens each of Stinger missiles and grenade launchers"
)
_COUNT_WORDS = re.compile(
    rf"{_WORD_START}(?P<word>{_WORDS_ALTERNATION})(?:\s+(?P<wscale>dozen|hundred|thousand))?"
    rf"{_NOT_A_COUNT_AFTER}{_COUNTED}"
)  # "two dozen Stinger launchers", "two hundred shells"
_WORD_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000}
_NUMBER_BEFORE_SYSTEM = re.compile(
    rf"(?<![\w$€£.,/-])(?:(?P<num>{_NUM})|(?P<word>{'|'.join(re.escape(w) for w in _WORD_NUMBERS)}))"
    r"(?!\s*(?:mm|cm|millimet|caliber|calibre)\b)\s+(?:(?:more|additional|new|further|extra|older|used)\s+)?$"
)

_ADJECTIVES = (
    "finite|limited|small|significant|large|substantial|modest|huge|vast|sufficient|insufficient"
    "|considerable|meaningful|certain|unspecified|undisclosed"
)
_QUALITATIVE = re.compile(
    rf"{_WORD_START}(?P<core>(?:{_ADJECTIVES})[\"”’]?\s+(?:numbers?|supply|supplies|quantity|quantities|amounts?|stocks?)\b"
    r"(?:(?<=\w)[\"”’](?!\w))?|handful\s+of\b)"
)
_DETERMINER_BEFORE = re.compile(
    r"(?<!\w)(?:a|an|any|the|no)\s+(?:(?:very|relatively|extremely)\s+)?[\"“‘]?$|(?<!\w)a\s+$"
)
_LOOKBACK = 30


def extract_amounts(
    text: str, sentences: Sentences, system_hits: Sequence[Hit], low: str | None = None
) -> tuple[list[Amount], list[Amount]]:
    """(money, other quantities), each in text order. ``low`` is ``lowered(text)`` if known."""
    low = lowered(text) if low is None else low
    taken = _Taken()

    def make(start: int, end: int, **fields: Any) -> Amount:
        taken.append((start, end))
        return Amount(
            text=text[start:end], start=start, end=end, sentence=sentences.context(start, end), **fields
        )

    money = [make(*span, kind="money", **fields) for span, fields in _money(low)]
    quantities: list[Amount] = []
    for m in _PERCENT.finditer(low):
        if _starts_number(low, m.start()):
            quantities.append(make(*m.span(), kind="percent", value=_number(m.group("num")), unit="percent"))
    padded = " " + low  # word-led patterns match one character before the word: offsets - 1
    for pattern, text_, shift in ((_COUNT_DIGITS, low, 0), (_COUNT_WORDS, padded, 1)):
        for m in pattern.finditer(text_):
            start, end = m.start("num" if shift == 0 else "word") - shift, m.end() - shift
            if not _starts_number(low, start) or _overlaps((start, end), taken) or _is_year(m):
                continue
            word = (m.groupdict().get("word") or "").strip()
            if word in {"one", "a single"} and low.startswith(" of", m.end("word") - shift):
                continue
            qual = _QUALIFIER_BEFORE.search(low, max(0, start - _LOOKBACK), start)
            if qual:
                start = qual.start()
            unit = " ".join(m.group("unit").split())
            vague = word.removesuffix(" of").removesuffix(" each") if word.endswith(" of") else None
            value = _number(m.group("num")) if m.groupdict().get("num") else _word_value(word)
            if value is not None and m.groupdict().get("cscale"):
                value *= _SCALES[m.group("cscale")]
            if value is not None and m.groupdict().get("wscale"):
                value *= _WORD_SCALES[m.group("wscale")]
            quantities.append(
                make(
                    start, end, kind="count", value=value, unit=unit,
                    qualifier=_clean_qualifier(qual) or vague,
                    system=_counted_system(low, system_hits, start, end, unit),
                )
            )  # fmt: skip
    quantities += _counts_before_systems(low, system_hits, taken, make)
    for m in _QUALITATIVE.finditer(padded):
        core_start, end = m.start("core") - 1, m.end() - 1
        det = _DETERMINER_BEFORE.search(low, max(0, core_start - _LOOKBACK), core_start)
        if det is not None and not _overlaps((det.start(), end), taken):
            quantities.append(make(det.start(), end, kind="qualitative", value=None, unit=None))
    quantities.sort(key=lambda a: a.start)
    return money, quantities


def _money(low: str) -> list[tuple[tuple[int, int], dict[str, Any]]]:
    found: list[tuple[tuple[int, int], dict[str, Any]]] = []
    spans = _Taken()
    for pattern in (_MONEY_SIGN, _MONEY_CODE, _MONEY_WORD):
        for m in pattern.finditer(low):
            start, end = m.span()
            groups = m.groupdict()
            if groups.get("sign"):
                currency = _SIGN_CURRENCY[groups["sign"]]
                prefix = (
                    _DOLLAR_PREFIX_BEFORE.search(low, max(0, start - 5), start)
                    if groups["sign"] == "$"
                    else None
                )
                if prefix:
                    currency = _DOLLAR_PREFIX[prefix.group("prefix") or prefix.group("letter")]
                    start = prefix.start()
            if not _starts_number(low, start) or _overlaps((start, end), spans):
                continue
            if not groups.get("sign"):
                word = groups["word"].split()[0].rstrip("s")
                # "less than 5 pounds" weighs: pounds are money only with a scale or "sterling".
                if word == "pound" and not groups.get("scale") and "sterling" not in groups["word"]:
                    continue
                currency = _WORD_CURRENCY.get(word, "USD")
            qual = _QUALIFIER_BEFORE.search(low, max(0, start - _LOOKBACK), start)
            if qual:
                start = qual.start()
            value = _number(groups["num"]) * _SCALES.get(groups.get("scale") or "", 1.0)
            spans.append((start, end))
            found.append(
                ((start, end), {"value": value, "currency": currency, "qualifier": _clean_qualifier(qual)})
            )
    for m in _spelled_money(low):
        start, end = m.span()
        if _overlaps((start, end), spans):
            continue
        qual = _QUALIFIER_BEFORE.search(low, max(0, start - _LOOKBACK), start)
        if qual:
            start = qual.start()
        value = _SPELLED_SCALE_VALUES[" ".join(m["wnum"].split())] * _SCALES[m["scale"]]
        spans.append((start, end))
        currency = _WORD_CURRENCY[m["word"].rstrip("s")]
        found.append(
            ((start, end), {"value": value, "currency": currency, "qualifier": _clean_qualifier(qual)})
        )
    found.sort(key=lambda f: f[0][0])
    return found


_SPELLED_REACH = 40  # characters before "dollars" where "two and a half billion" starts


def _spelled_money(low: str) -> Iterator[re.Match[str]]:
    """Sums with their number in words, looked for only before each currency word (a scan of
    every "a" in the text for "a billion" would cost the whole article)."""
    for word in ("dollar", "euro"):
        at = low.find(word)
        while at != -1:
            m = _MONEY_SPELLED.search(low, max(0, at - _SPELLED_REACH), at + len(word) + 1)
            if m is not None and m.start("word") == at:
                yield m
            at = low.find(word, at + len(word))


def _counts_before_systems(low: str, hits: Sequence[Hit], taken: _Taken, make: Any) -> list[Amount]:
    """ "31 Abrams", "three more HIMARS": a number right before a system, with no unit noun."""
    found: list[Amount] = []
    for hit in hits:
        if hit.entry.is_category or _overlaps((hit.start, hit.end), taken):
            continue
        before = _NUMBER_BEFORE_SYSTEM.search(low, max(0, hit.start - 40), hit.start)
        if before is None or _is_year(before):
            continue
        value = _number(before.group("num")) if before.group("num") else _word_value(before.group("word"))
        qual = _QUALIFIER_BEFORE.search(low, max(0, before.start() - _LOOKBACK), before.start())
        start = qual.start() if qual else before.start()
        found.append(
            make(start, hit.end, kind="count", value=value, unit=None, qualifier=_clean_qualifier(qual),
                 system=hit.entry.id)
        )  # fmt: skip
    return found


def _counted_system(text: str, hits: Sequence[Hit], start: int, end: int, unit: str) -> str | None:
    """The catalog system a count counts, of a kind the unit fits: named inside the count, or
    right after its unit with "of" ("250 rounds of 155mm ammunition")."""
    of_what = _OF_WHAT.match(text, end)
    limit = of_what.end() if of_what else end
    for i in range(bisect_left(hits, start, key=lambda h: h.start), len(hits)):
        hit = hits[i]
        if hit.start >= limit:
            break
        if hit.start >= end and not _OF_WHAT.fullmatch(text, end, hit.start):
            continue
        if not hit.entry.is_category:
            if hit.entry.category == "munition" and unit.split()[-1].rstrip("s") not in _AMMO_UNITS:
                continue
            return hit.entry.id
    return None


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _word_value(word: str) -> float | None:
    value = _WORD_NUMBERS.get(" ".join(word.split()))
    return float(value) if value is not None else None


def _clean_qualifier(m: re.Match[str] | None) -> str | None:
    return " ".join(m.group("qual").split()) if m else None


def _starts_number(low: str, start: int) -> bool:
    """A number (or number word) must not continue a word, a designation or another number."""
    if start == 0:
        return True
    before = low[start - 1]
    return not (before.isalnum() or before in "_$€£.,/-")


class _Taken:
    """Non-overlapping spans already claimed, kept sorted so each check is a bisect."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def append(self, span: tuple[int, int]) -> None:
        i = bisect_left(self.starts, span[0])
        self.starts.insert(i, span[0])
        self.ends.insert(i, span[1])

    def overlaps(self, span: tuple[int, int]) -> bool:
        i = bisect_left(self.starts, span[1])  # spans starting before our end
        return i > 0 and self.ends[i - 1] > span[0]


def _overlaps(span: tuple[int, int], taken: _Taken) -> bool:
    return taken.overlaps(span)


def _is_year(m: re.Match[str]) -> bool:
    num = m.groupdict().get("num")
    return bool(num and len(num) == 4 and num.isdigit() and 1900 <= int(num) <= 2100)


def not_in_dates(quantities: list[Amount], times: Sequence[TimeExpression]) -> list[Amount]:
    """The counts that are not a date's day ("on Aug. 5 that the jets …" counts no jets)."""
    if not times or not quantities:
        return quantities
    dates = SpanIndex((t.start, t.end) for t in times)
    return [q for q in quantities if q.kind != "count" or not dates.holds(q.start, q.start + 1)]


# A capitalised word right before a number names a model ("Leopard 2 tanks", "Mirage 2000
# jets"), unless the word is an actor ("sent Ukraine 31 Abrams tanks").
_WORD_BEFORE = re.compile(r"(?<![\w.])[A-Z][a-z]+ $")


def not_designations(
    quantities: list[Amount], text: str, actor_spans: Sequence[tuple[int, int]]
) -> list[Amount]:
    """The counts whose number is not part of a model's name."""
    actors = SpanIndex(actor_spans)

    def designation(q: Amount) -> bool:
        if q.kind != "count" or not text[q.start : q.start + 1].isdigit():
            return False
        word = _WORD_BEFORE.search(text, max(0, q.start - 30), q.start)
        if word is None or _sentence_start(text, word.start()):
            return False
        return not actors.holds(word.start(), word.end() - 1)

    return [q for q in quantities if not designation(q)]


def _sentence_start(text: str, at: int) -> bool:
    before = text[max(0, at - 3) : at].rstrip(' “"‘(')
    return not before or before[-1] in ".!?\n"
