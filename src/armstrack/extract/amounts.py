"""Money, percentages, equipment counts and qualitative amounts.

Forms recognised (see tests/test_amounts.py for the full table):

* money: "$800 million", "US$500 million", "USD 300 million", "$1bn", "€1.5bn",
  "450 million dollars", "$80.5 billion" → value in units of the currency;
* percentages: "22 percent", "22%", "22 per cent";
* counts: a number (digits or words, optionally "up to", "more than", …) followed within
  three words by an equipment noun or a catalog system: "two Patriot batteries",
  "31 Abrams tanks", "eighteen 155 mm howitzers", "up to 150,000 rounds"; "hundreds
  of missiles" is a count with no value;
* qualitative amounts: "a finite number", "a very “limited” supply", "any significant
  number" → text only, no value.

Not amounts: calibres ("155mm"), designations ("F-16", "M142"), years ("2024"),
ordinals ("47th").

Money goes to ``ArticleRecord.amounts``; the other kinds to ``quantities`` (see
docs/json.md for why they are apart).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from armstrack.extract.systems import Hit
from armstrack.models import Amount
from armstrack.text import Sentences

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALES = {
    "trillion": 1e12, "tn": 1e12,
    "billion": 1e9, "bn": 1e9, "b": 1e9,
    "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6,
    "thousand": 1e3, "k": 1e3,
}  # fmt: skip
_CURRENCY_SIGNS = {
    "us$": "USD", "u.s.$": "USD", "$": "USD", "usd": "USD", "a$": "AUD", "c$": "CAD",
    "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
}  # fmt: skip
_CURRENCY_WORDS = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "usd": "USD", "eur": "EUR", "gbp": "GBP"}
_QUALIFIERS = (
    r"up\s+to|more\s+than|over|at\s+least|nearly|almost|about|around|approximately|roughly|some"
    r"|fewer\s+than|less\s+than|an\s+additional|another"
)

_MONEY = re.compile(
    rf"""
    (?<![\w$€£])
    (?:(?P<qual>{_QUALIFIERS})\s+)?
    (?:
        (?P<sign>US\s?\$|U\.S\.\s?\$|[AC]\$|\$|€|£|(?:USD|EUR|GBP)(?=\s?\d))\s?
        (?P<num>{_NUM})
        (?:[\s-]?(?P<scale>trillion|billion|million|thousand|tn|bn|mln|mn|[bmk])(?![\w]))?
        (?:\s(?:US\s)?(?:dollars?|euros?|pounds?)\b)?
      |
        (?P<num2>{_NUM})[\s-]?(?P<scale2>trillion|billion|million|thousand|bn|mn)?\s
        (?:US\s)?(?P<word>dollars?|euros?|pounds?(?:\ssterling)?|USD|EUR|GBP)\b
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)

_PERCENT = re.compile(rf"(?<![\w.,])(?P<num>{_NUM})\s?(?:%|percent\b|per\s?cent\b)", re.IGNORECASE)

_WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a dozen": 12, "a hundred": 100, "a thousand": 1000, "one": 1, "a single": 1,
}  # fmt: skip
_VAGUE_NUMBERS = ("dozens", "hundreds", "thousands", "tens of thousands", "hundreds of thousands", "scores")
_UNITS = (
    r"rounds?|shells?|missiles?|rockets?|interceptors?|launchers?|batter(?:y|ies)|systems?|tanks?"
    r"|vehicles?|howitzers?|guns?|drones?|aircraft|jets?|helicopters?|boats?|vessels?|radars?"
    r"|munitions?|grenades?|mines?|mortars?|rifles?|trucks?|carriers?|projectiles?|warheads?"
    r"|bombs?|launch\s+units?|fire\s+units?|pieces\s+of\s+equipment"
)
_AMMO_UNITS = frozenset(
    "round shell missile rocket interceptor munition projectile warhead bomb grenade mine mortar".split()
)
_WORD_NUM_RE = "|".join(sorted((re.escape(w) for w in _WORD_NUMBERS), key=len, reverse=True))
_COUNT = re.compile(
    rf"""
    (?<![\w$€£.,/-])
    (?:(?P<qual>{_QUALIFIERS})\s+)?
    (?:(?P<num>{_NUM})|(?P<word>{_WORD_NUM_RE})|(?P<vague>{"|".join(_VAGUE_NUMBERS)})\s+of)
    (?![\w%])(?!\s*(?:mm|cm|millimet|caliber|calibre|percent|per\s?cent)\b)
    \s+(?P<mid>(?:[^\s.,;:!?()]+\s+){{0,3}}?)
    (?P<unit>{_UNITS})\b
    """,
    re.VERBOSE | re.IGNORECASE,
)
_BEFORE_SYSTEM = re.compile(
    rf"""(?<![\w$€£.,/-])(?:(?P<qual>{_QUALIFIERS})\s+)?(?:(?P<num>{_NUM})|(?P<word>{_WORD_NUM_RE}))
    (?!\s*(?:mm|cm|millimet|caliber|calibre)\b)\s+(?:(?:more|additional|new|further|extra|older|used)\s+)?$""",
    re.VERBOSE | re.IGNORECASE,
)
_QUALITATIVE = re.compile(
    r"""(?<!\w)(?:a|an|any|the|no)\s+(?:very\s+|relatively\s+|extremely\s+)?["“‘]?
    (?:finite|limited|small|significant|large|substantial|modest|huge|vast|sufficient|insufficient
      |considerable|meaningful|certain|unspecified|undisclosed)["”’]?
    \s+(?:numbers?|supply|supplies|quantity|quantities|amounts?|stocks?)\b(?:(?<=\w)["”’](?!\w))?
    |(?<!\w)a\s+handful\s+of\b""",
    re.VERBOSE | re.IGNORECASE,
)


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _qualifier(m: re.Match[str]) -> str | None:
    q = m.group("qual")
    return " ".join(q.lower().split()) if q else None


def extract_amounts(
    text: str, sentences: Sentences, system_hits: Sequence[Hit]
) -> tuple[list[Amount], list[Amount]]:
    """(money, other quantities), each in text order."""
    money: list[Amount] = []
    taken: list[tuple[int, int]] = []

    def make(m: re.Match[str], **fields: Any) -> Amount:
        start, end = m.span()
        taken.append((start, end))
        return Amount.model_construct(
            text=text[start:end], start=start, end=end, sentence=sentences.span_at(start), **fields
        )

    for m in _MONEY.finditer(text):
        num = m.group("num") or m.group("num2")
        scale = (m.group("scale") or m.group("scale2") or "").lower()
        if m.group("sign"):
            currency = _CURRENCY_SIGNS.get(re.sub(r"\s", "", m.group("sign")).lower(), "USD")
        else:
            word = m.group("word").lower().split()[0].rstrip("s")
            currency = _CURRENCY_WORDS.get(word, "USD")
        money.append(
            make(m, kind="money", value=_number(num) * _SCALES.get(scale, 1.0), currency=currency,
                 qualifier=_qualifier(m))
        )  # fmt: skip

    quantities: list[Amount] = []
    for m in _PERCENT.finditer(text):
        quantities.append(make(m, kind="percent", value=_number(m.group("num")), unit="percent"))

    for m in _COUNT.finditer(text):
        if _overlaps(m.span(), taken) or _is_year(m):
            continue
        word = (m.group("word") or "").lower()
        if word in {"one", "a single"} and re.match(r"\s+of\b", text[m.end("word") :]):
            continue
        value: float | None
        if m.group("num"):
            value = _number(m.group("num"))
        elif word:
            value = float(_WORD_NUMBERS[word])
        else:
            value = None
        unit = " ".join(m.group("unit").lower().split())
        system = _counted_system(system_hits, m.start(), m.end(), unit)
        quantities.append(
            make(
                m,
                kind="count",
                value=value,
                unit=unit,
                qualifier=_qualifier(m) or (m.group("vague") or None),
                system=system,
            )
        )

    # "31 Abrams", "three more HIMARS": a number right before a system, with no unit noun.
    for hit in system_hits:
        if hit.entry.is_category or _overlaps((hit.start, hit.end), taken):
            continue
        before = _BEFORE_SYSTEM.search(text, max(0, hit.start - 40), hit.start)
        if before is None or _is_year(before):
            continue
        word = (before.group("word") or "").lower()
        value = _number(before.group("num")) if before.group("num") else float(_WORD_NUMBERS[word])
        start = before.start()
        taken.append((start, hit.end))
        quantities.append(
            Amount.model_construct(
                text=text[start : hit.end], start=start, end=hit.end, sentence=sentences.span_at(start),
                kind="count", value=value, unit=None, qualifier=_qualifier(before), system=hit.entry.id,
            )
        )  # fmt: skip

    for m in _QUALITATIVE.finditer(text):
        if not _overlaps(m.span(), taken):
            quantities.append(make(m, kind="qualitative", value=None, unit=None))
    quantities.sort(key=lambda a: a.start)
    return money, quantities


def _counted_system(hits: Sequence[Hit], start: int, end: int, unit: str) -> str | None:
    """The catalog system a count counts: named inside the count, and of a kind the unit fits.

    "eighteen 155 mm howitzers" counts howitzers, not 155mm ammunition: a munition is
    only what rounds, missiles and the like count.
    """
    for hit in hits:
        if start <= hit.start < end and not hit.entry.is_category:
            if hit.entry.category == "munition" and unit.split()[0].rstrip("s") not in _AMMO_UNITS:
                continue
            return hit.entry.id
    return None


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


def _is_year(m: re.Match[str]) -> bool:
    num = m.group("num")
    return bool(num and len(num) == 4 and num.isdigit() and 1900 <= int(num) <= 2100)
