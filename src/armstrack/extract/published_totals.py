"""A running total of US military aid dates a report: "the United States has provided more
than $43 billion in security assistance since the war began" was written after the ledger's
own running total (data/packages.toml) reached that sum.

The ledger adds up to the totals officials gave to within a few per cent, not exactly, and
"since the start of the Biden administration" counts some months more: so the clue is the
day the ledger reached four fifths of the sum, a lower bound only (a figure can be quoted
long after it was new). Only a total of the United States' military aid counts: not one
that mixes in humanitarian or economic aid, not all allies' together, not one since 2014,
and not a sum Congress approved (an act's lines, which no drawdown total matches).

A total stated as the current one ("has provided … since the war began") is also no older
than the day the ledger's total grew half as large again, and a month more: reporting
quotes the newest figure it has, and in the months a total takes to grow by half a writer
has a newer one. Only such a total gives that upper bound: counted from the war's start or
the Biden administration's, not told as history ("had provided", "by the end of 2022"), and
not one kind of weapon's ("more than $5 billion in air defense since the invasion", which
the ledger's whole total outgrows in months). Measured on the 21 running totals in 17 of
266 real reports: every one written before the ledger's total grew by half, the month's
slack aside.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from armstrack.extract.constraints import MAX_CLUES, Constraint, span_of
from armstrack.models import Amount
from armstrack.packages import load_ledger
from armstrack.text import Sentences

_SHARE = 0.8  # of the sum: the ledger's total reached it by the writing, however counted
_LEAST = 2_000_000_000  # smaller running totals are as often one package's sum
_MILITARY = re.compile(r"\b(?:military|security|weapons|arms|defen[cs]e)\b")
_MIXED = re.compile(
    r"\b(?:humanitarian|economic|financial|budget(?:ary)?|civilian|energy|reconstruction|arms\s+and\s+aid)\b"
)
# Read in the text as written: "US" in capitals, not the pronoun ("they have given us …").
_US = re.compile(
    r"\b(?:U\.S\.|US|United\s+States|Washington|America|American|Pentagon|Biden\s+administration)\b"
)
_OTHERS = re.compile(r"\b(?:allies|europe|european|nato|partners|donors|countries|combined|together)\b")
# "since 2014", "since Russia's 2014 annexation of the Crimean Peninsula": counted from before the war
# (the Biden administration's first drawdowns, "since August 2021", add little: not these)
_BEFORE_THE_WAR = re.compile(r"\bsince\s+(?:(?:[\w'’]+\s+){0,3}(?:201\d|2020)|2021)\b|\bcrimea|\bannex")
_CONGRESS = re.compile(r"\b(?:congress|lawmakers|approved|appropriated|allocated|authorized|passed)\b")
_GROWN = 1.5  # the ledger's total this many times the sum: a newer figure is at hand by then
_STALE = dt.timedelta(days=30)  # and a month more
# "since the war began", "since Russia invaded", "since the start of the invasion", "since the
# beginning of the Biden administration", "since February 2022": counted from a fixed start
_SINCE_THE_START = re.compile(
    r"\bsince\b[^.;]{0,60}?\b(?:invasion|invaded|invade|war|conflict|fighting|february\s+(?:24,?\s+)?2022|feb\.?\s+24"
    r"|biden(?:'s|’s)?\s+administration|administration)\b"
)
_AS_HISTORY = re.compile(r"\b(?:had|by\s+the\s+end\s+of|as\s+of|at\s+the\s+time|until|through)\b")
_ONE_KIND = re.compile(
    r"\b(?:air[\s-]defen[cs]e|ammunition|artillery|missiles?|interceptors?|drones?|tanks?|vehicles?|rockets?"
    r"|shells?|javelins?|stingers?|patriots?|himars|f-16s?|training|purchases?|contracts?)\b"
)
_KIND_REACH = 60  # characters after the sum where a kind of weapon would narrow it


def running_total_constraints(
    text: str, low: str, money: Sequence[Amount], sentences: Sentences
) -> list[Constraint]:
    """One lower bound for each running total of US military aid the text names."""
    ledger = load_ledger()
    out: list[Constraint] = []
    for amount in money[:MAX_CLUES]:
        if amount.role != "cumulative" or amount.currency != "USD" or amount.value is None:
            continue
        if amount.value < _LEAST:
            continue
        s_start, s_end = sentences.bounds_at(amount.start)
        # the sentence read in place, not copied: a hostile endless one stays linear
        if (
            not _MILITARY.search(low, s_start, s_end)
            or _MIXED.search(low, s_start, s_end)
            or _OTHERS.search(low, s_start, s_end)
            or _BEFORE_THE_WAR.search(low, s_start, s_end)
            or _CONGRESS.search(low, s_start, s_end)
            or not _US.search(text, s_start, amount.start)  # the US gave it: named before the sum
        ):
            continue
        reached = ledger.running_total_reached(_SHARE * amount.value)
        if reached is None:
            continue
        latest = dt.date.max
        if (
            _SINCE_THE_START.search(low, amount.end, s_end)
            or _SINCE_THE_START.search(low, s_start, amount.start)
        ) and not (
            _AS_HISTORY.search(low, s_start, amount.start)
            or _ONE_KIND.search(low, amount.end, min(s_end, amount.end + _KIND_REACH))
        ):
            grown = ledger.running_total_reached(_GROWN * amount.value)
            if grown is not None:
                latest = grown + _STALE
        out.append(Constraint(((reached, latest),), 1.0, span_of(text, amount.start, amount.end)))
    return out
