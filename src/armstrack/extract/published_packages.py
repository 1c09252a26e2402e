"""Clues to the publication date from the aid-package ledger (data/packages.toml).

A package named by its value ("announced a $400 million aid package") dates the report
around the day a package of that value was announced: from 3 days before (leaks) to 120
days after, or as the words for how long ago say ("last week", "on Friday"). Systems named
in the sum's sentence keep only the packages that list them, and with them a round figure
("$3 billion") stands for one within 5%. Running totals and claims about all aid are not
packages.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Sequence

from armstrack.extract.constraints import MAX_CLUES, Constraint, nearest_cue, reported_window, span_of
from armstrack.extract.timex import WEEKDAYS, TimeMention
from armstrack.models import Amount
from armstrack.packages import load_ledger, named_authority

# Words that make an amount a running total or a claim about all aid, not one package.
_TOTAL = re.compile(
    r"\b(?:since|so far|to date|totals?|totall?ed|totall?ing|in total|in all|cumulative|altogether|overall"
    r"|more than|over the past|has (?:sent|provided|given|committed|pledged|spent))\b"
)
_AID = re.compile(r"\b(?:package|aid|assistance|drawdown|tranche|weapons|military|security|arms)\b")
_PACKAGE_WINDOW = 150  # characters either side of the amount that say what it is
_PACKAGE_BEFORE = dt.timedelta(days=3)  # reports of a package a few days before its announcement (leaks)
_PACKAGE_AFTER = dt.timedelta(days=120)


def package_constraints(
    text: str,
    low: str,
    money: Sequence[Amount],
    mentions: Sequence[TimeMention],
    sentence_bounds: list[tuple[int, int]],
    systems: Sequence[tuple[int, str]] = (),
) -> list[Constraint]:
    """A package named by its value dates the report around that package's announcement.
    Systems named in the sum's sentence keep only the packages that list them; a round
    figure ("$3 billion") stands for a package within 5% of it, but only when its contents
    are named too ("$3 billion … that will include Bradley Fighting Vehicles")."""
    ledger = load_ledger()
    starts = [start for start, _ in sentence_bounds]
    system_starts = [start for start, _ in systems]
    mention_starts = [m.start for m in mentions]
    out: list[Constraint] = []
    for amount in money[:MAX_CLUES]:
        if amount.currency != "USD" or amount.value is None or amount.value < 10_000_000:
            continue
        i = max(bisect_right(starts, amount.start) - 1, 0)
        s_start, s_end = sentence_bounds[i] if sentence_bounds else (0, len(text))
        near = low[max(s_start, amount.start - _PACKAGE_WINDOW) : min(s_end, amount.end + _PACKAGE_WINDOW)]
        if not _AID.search(near) or _TOTAL.search(near):
            continue
        days = ledger.announced_worth(amount.value, named_authority(near))
        named = {
            system
            for _, system in systems[
                bisect_right(system_starts, s_start - 1) : bisect_right(system_starts, s_end)
            ]
        }
        if named and days:  # an exact value: its contents only choose among the days it fits
            days = sorted({d for d, _ in ledger.listing(ledger.values_on(days), named)}) or days
        elif named:
            days = sorted({d for d, _ in ledger.rounded_listing(amount.value, named)})
        if not days:
            continue
        # The time words nearest the amount in its sentence say when it was announced.
        cue = nearest_cue(mentions, mention_starts, amount.start, amount.end, i)
        if cue is not None and cue.kind == "weekday" and "weekday" in cue.fields:
            days = [d for d in days if d.weekday() == WEEKDAYS[cue.fields["weekday"]]] or days
        span = span_of(text, amount.start, amount.end)
        news = days if cue is None or cue.tense != "future" else []
        out.append(
            Constraint(
                tuple(reported_window(d, d, cue) or (d - _PACKAGE_BEFORE, d + _PACKAGE_AFTER) for d in days),
                1.0,
                span,
                past=days,
                news=news,
                news_before=_PACKAGE_BEFORE,
            )
        )
    return out
