"""Ordinal numbers as reporting writes them: "fourth", "twenty-fifth", "4th", "21st".

Numbered things recur in the news on US arms for Ukraine: the Pentagon's drawdowns ("the 15th
drawdown") and the Ukraine Defense Contact Group's meetings ("the 26th Ramstein-format
meeting"). Both the ledger's reader and the dated facts read the same words.
"""

from __future__ import annotations

import re

_UNITS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_TENS_ORDINAL = {
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}

# "fourth" -> 4, "twenty-fifth" -> 25: every spelled ordinal up to 79.
ORDINAL_WORDS: dict[str, int] = {w: i + 1 for i, w in enumerate(_UNITS)} | _TENS_ORDINAL
ORDINAL_WORDS |= {f"{t}-{u}": n + i + 1 for t, n in _TENS.items() for i, u in enumerate(_UNITS[:9])}
_SPELLED = {n: w for w, n in ORDINAL_WORDS.items()}


def digit_ordinal(n: int) -> str:
    """21 -> "21st", 12 -> "12th", 23 -> "23rd"."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def written_ordinals(n: int) -> tuple[str, ...]:
    """Every way reporting writes the ordinal ``n``: "25th" and "twenty-fifth"."""
    spelled = _SPELLED.get(n)
    return (digit_ordinal(n), spelled) if spelled else (digit_ordinal(n),)


_DIGITS = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")
# Any ordinal as written, for a pattern to embed: "32nd", "sixty-fourth" (the longest first).
ORDINAL = r"(?:\d+(?:st|nd|rd|th)|" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + ")"


def ordinal_value(word: str) -> int | None:
    """The number of an ordinal word as written: "fourth" and "4th" are 4; None for others."""
    digits = _DIGITS.fullmatch(word)
    return int(digits[1]) if digits else ORDINAL_WORDS.get(word)
