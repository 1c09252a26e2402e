"""Clues to the publication date from the aid-package ledger (data/packages.toml).

A package named by its value ("announced a $400 million aid package") dates the report
around the day a package of that value was announced: from 3 days before (leaks) to 120
days after, or as the words for how long ago say ("last week", "on Friday"). Systems named
in the sum's sentence keep only the packages that list them (or list nothing: the ledger
does not know their contents), and with them a round figure ("$3 billion") stands for one
within 5%. Running totals and claims about all aid are not packages. The clue is weaker or
none where the words say so:

* a price ("the weapons will cost $850 million", "paid for by Europe") is a sale's: only
  sales (FMS, PURL) are candidates; a line of a bill ("the legislation includes $300
  million for Ukraine", no package named) only an act of Congress of that sum;
* a sum the text rounds ("about $1.2 billion") counts half; a rounded typical size of
  "packages" is none;
* a package still to come ("will soon announce a package worth …", "the $800 million package
  set to be announced on Friday") dates the report at most a month before such a package,
  as half a clue, and not at all when rounded too;
* time words that are another's do not choose the package: a shipment's ("the third
  shipment of a $200 million package", "landed on Tuesday, part of a … package") or a
  saying's ("two officials said on Friday");
* an act of Congress is in the news from its bill's first day (a House vote, the request),
  weeks or months before its signing, unless the words say it was signed.

A drawdown named by its number ("the 15th drawdown", "the package, the 41st for Ukraine")
dates the report the same way; "the first" to "the third" are no clue (see ``_FEWEST_COUNTED``).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import cache

from armstrack.extract.constraints import MAX_CLUES, Constraint, nearest_cue, reported_window, span_of
from armstrack.extract.links import HALF_WORDS, RATE_AFTER, counting_since, said_rounded
from armstrack.extract.published_facts import duration_clause
from armstrack.extract.timex import WEEKDAYS, TimeMention
from armstrack.models import Amount
from armstrack.ordinals import ordinal_value
from armstrack.packages import Ledger, is_round, load_ledger, named_authority, rounding_spread
from armstrack.text import ANNOUNCED_LATER, UKRAINE, Sentences

# Words that make an amount a running total or a claim about all aid, not one package.
_TOTAL = re.compile(
    r"\b(?:since|so far|to date|totals?|totall?ed|totall?ing|in total|in all|cumulative|altogether|overall"
    r"|more than|over the past|has (?:sent|provided|given|committed|pledged|spent))\b"
)


def _a_total(near: str) -> bool:
    """Do the words around a sum make it a running total ("has sent $50 billion since the
    invasion")? Not a superlative's or an ordinal's "since" ("a $61 billion bill, the
    largest since the Cold War"): the sum is still one act's or package's."""
    return any(m.group() != "since" or not counting_since(near, m.start()) for m in _TOTAL.finditer(near))


_AID = re.compile(r"\b(?:package|aid|assistance|drawdown|tranche|weapons|weaponry|military|security|arms)\b")
# A sale to Ukraine too: the ledger holds the sales notified to Congress (FMS), and "possible
# sale" names that authority. Not a sale to another buyer that happens to match a value.
_SALE_WORD = re.compile(r"\bsales?\b")
_BUSINESS = re.compile(r"\b(?:contracts?|awarded|orders?|revenues?|earnings|profits?|shares)\b")
_SIGNED = re.compile(r"(?<!\bbe )\bsigned\b")  # "Biden signed the $40 billion bill": the act's own day
# … and the signing still ahead: "sending the legislation to the White House to be signed",
# "heads to President Biden for his signature", "Biden is expected to sign it".
_SIGNING_AHEAD = re.compile(
    r"\bto\s+be\s+signed\b|\bfor\s+(?:his|her|the\s+president['’]s)\s+signature\b"
    r"|\b(?:expected|set|poised|due)\s+to\s+sign\b|\bwill\s+sign\b|['’]s\s+desk\b"
)
# A package still to come: "will soon announce a package worth", "would be worth about".
_AHEAD = re.compile(
    r"\b(?:will|would|could|soon|to)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:announc\w*|unveil\w*|be\s+worth|be\s+valued)\b"  # not "will provide": an announcement's own words
)
_HEADLINE_TO = re.compile(
    r"\bto\s+(?P<verb>offer|send|provide|give|pledge|commit|announce|unveil|approve)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:about\s+|nearly\s+|over\s+)?$"
)
_SENDING = frozenset({"send", "provide", "give"})
_SENDING_AFTER = dt.timedelta(days=3)
_PLURAL = re.compile(r"\bpackages\b")
# A sum said of many packages, each that size: "releasing aid in $500 million tranches",
# "packages worth $500 million each". A typical size, not one package's value.
_EACH_OF_MANY = re.compile(
    r"\s+(?:(?!(?:of|for|in|and|to|from|the|a|an)\b)[\w-]+\s+){0,2}?(?:packages|tranches|drawdowns)\b"
    r"|\s+(?:each|apiece)\b"
)
# A bill's words, and a package's: a sum named with the first and none of the second is a
# line of a law (a budget, an appropriation), not a package announced.
_LAW = re.compile(r"\b(?:legislation|bills?|budget|appropriations?|spending|measure|ndaa)\b")
# Congress acting on a sum: an act's line, not a package the administration announced
# ("U.S. Congress Designates USD400M Aid Package for Ukraine", "lawmakers allocated $300 million").
_CONGRESS_ACTS = re.compile(
    r"\b(?:congress|lawmakers|legislators|senate|house|committee)\s+(?:[\w'’]+\s+){0,2}?(?:designat|allocat|earmark|appropriat|authoriz)\w*"
)
# A sum for a fiscal year or a year at a time is a budget line, never one package: "$400
# million in both 2026 and 2027", "increased from $300 million in the current fiscal year".
# ("before the end of the fiscal year" is a deadline, and says nothing of the sum; a rate
# counts only right after the sum, "$300 million a year" (links.RATE_AFTER), not "announced
# a year ago".)
_BUDGET_LINE = re.compile(
    r"\b(?:fiscal\s+(?:year\s+)?\d{4}|fy\s*\d{2,4}|(?:current|this|next|each|every)\s+fiscal\s+year"
    r"|annual(?:ly)?)\b"
)
_PACKAGE_NAMED = re.compile(r"\b(?:package|drawdown|tranche)\b")
# Words that make a sum a price, what a buyer pays for weapons (a sale), not aid given:
# "will cost $850 million", "priced at"; or the buyer another than the US ("funded by
# European countries"). Not "cost savings" nor "to purchase equipment" (aid can buy).
_PRICE_BEFORE = re.compile(
    r"\b(?:cost|costs|costing|priced\s+at|at\s+a\s+cost\s+of)\s+(?:[\w.-]+\s+){0,2}?\$?\s*$"
)
_PAID_BY_OTHERS = re.compile(
    r"\b(?:paid\s+for|funded|financed|bought)\s+(?:mostly\s+|largely\s+|entirely\s+|in\s+part\s+)?by\s+(?:the\s+)?"
    r"(?:europe\w*|allies|allied|nato|partners)\b"
)
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told\s+(?:\w+\s+){0,2}?|reported|added)\s+"
    # "said in a release Friday", "said in a statement on Friday"
    r"(?:in\s+(?:a|an|its|the)\s+(?:[\w-]+\s+)?(?:release|statement|post|note|filing|briefing|interview)\s+)?(?:on\s+)?$"
)
_AHEAD_BEFORE = dt.timedelta(days=30)
# A numbered drawdown still to come: "… will be the 16th drawdown of firepower"
_WILL_BE = re.compile(r"\b(?:will|would)\s+be\s+(?:the\s+|its\s+|their\s+)?$")
_WILL_BE_REACH = 24
_PART_OF_ANY = re.compile(r"\bpart\s+of\s+(?:the\s+|a\s+|an\s+|its\s+|that\s+|this\s+)?$")
# What arrives is part of a package announced before it: "a plane carrying 80 tons of
# equipment landed in Kyiv on Tuesday, part of a $200 million package". (What a package
# "includes" or a weapon that is "part of a new $400 million package" is the package's news.)
_ARRIVED = re.compile(r"\b(?:landed|arrived|arrives|arriving|reached|delivered|unloaded)\b")
# "the missiles … were included in the $300 million package approved on March 12": what was
# shipped in it since (the package's present, "are included in", is its news); also a
# background word before a day (published.py)
WERE_INCLUDED_IN = r"(?:was|were|had\s+been)\s+(?:\w+\s+)?included\s+in"
_PART_OF = re.compile(
    r"\b(?:shipments?\s+of|deliver(?:y|ies)\s+of|batch\s+of|rest\s+of|from|under"
    rf"|{WERE_INCLUDED_IN})\s+"
    r"(?:the\s+|a\s+|an\s+|its\s+|that\s+|this\s+)?$"
)
# Dollars, and euros for the packages European funders announced in euros (value_eur).
_LEDGER_CURRENCIES = frozenset({"USD", "EUR"})
_PACKAGE_WINDOW = 150  # characters either side of the amount that say what it is
_PACKAGE_BEFORE = dt.timedelta(days=3)  # reports of a package a few days before its announcement (leaks)
_PACKAGE_AFTER = dt.timedelta(days=120)


def _near(low: str, amount: Amount, s_start: int, s_end: int) -> str:
    """The words of its sentence around a sum, no more than a window either side."""
    return low[max(s_start, amount.start - _PACKAGE_WINDOW) : min(s_end, amount.end + _PACKAGE_WINDOW)]


def _law_line(near: str) -> bool:
    """Do the words around a sum make it a line of a bill or of Congress's act ("the
    legislation also includes $300 million", "lawmakers allocated $300 million")?"""
    return bool((_LAW.search(near) and not _PACKAGE_NAMED.search(near)) or _CONGRESS_ACTS.search(near))


def package_constraints(
    text: str,
    low: str,
    money: Sequence[Amount],
    mentions: Sequence[TimeMention],
    sentences: Sentences,
    sentence_bounds: list[tuple[int, int]],
    systems: Sequence[tuple[int, str]] = (),
) -> list[Constraint]:
    """A package named by its value dates the report around that package's announcement,
    or as long after it as a duration before it says ("comes just over a month after Biden
    signed a … package providing $61 billion"). Systems named in the sum's sentence keep
    only the packages that list them; a round figure ("$3 billion") stands for a package
    within 5% of it, but only when its contents are named too ("$3 billion … that will
    include Bradley Fighting Vehicles"). ``sentence_bounds`` are ``sentences`` as (start,
    end) pairs, made once by the caller."""
    ledger = load_ledger()
    article_systems = {system for _, system in systems}
    starts = [start for start, _ in sentence_bounds]
    system_starts = [start for start, _ in systems]
    mention_starts = [m.start for m in mentions]
    out: list[Constraint] = []
    values: list[tuple[float, str]] = []  # each constraint's sum, to weigh repeats as one clue
    exact: dict[tuple[float, str], list[dt.date]] = {}  # the days of each sum's exact worth
    considered = money[:MAX_CLUES]
    # Sums the text also says are rounded ("nearly $2 billion"): a headline drops the word
    # ("Biden to announce $2 billion aid package"), so its same sum is rounded too.
    rounded_sums = {(a.value, a.currency) for a in considered if said_rounded(a)}
    # Sums the text names as a line of a bill in one sentence ("the NDAA … provides for $400
    # million for Ukraine"): the same sum in another sentence is that line too, unless that
    # sentence names a package of its own ("the Pentagon announced a $300 million package").
    law_lines = [_law_line(_near(low, a, a.sentence.start, a.sentence.end)) for a in considered]
    law_sums = {(a.value, a.currency) for a, law in zip(considered, law_lines, strict=True) if law}
    for n, amount in enumerate(considered):
        if amount.currency not in _LEDGER_CURRENCIES or amount.value is None or amount.value < 10_000_000:
            continue
        if amount.role == "contract":
            continue  # "a $1.2 billion U.S. Army contract to deliver six NASAMS": a maker's business
        i = max(bisect_right(starts, amount.start) - 1, 0)
        s_start, s_end = sentence_bounds[i] if sentence_bounds else (0, len(text))
        near = _near(low, amount, s_start, s_end)
        rounded = said_rounded(amount) or (i == 0 and (amount.value, amount.currency) in rounded_sums)
        # Weapons named in the sentence make it about arms as much as "aid" or "weapons" do,
        # unless it is a maker's business ("a $1.2 billion contract for NASAMS").
        named = {
            system
            for _, system in systems[
                bisect_right(system_starts, s_start - 1) : bisect_right(system_starts, s_end)
            ]
        }
        if (
            not (
                (named and not _BUSINESS.search(near))
                or _AID.search(near)
                or (_SALE_WORD.search(near) and UKRAINE.search(near))
            )
            or _a_total(near)
            or _BUDGET_LINE.search(near)
            or RATE_AFTER.match(low, amount.end)
        ):
            continue
        # The authority a sum's own words name, not its neighbour's: "$1.25 billion in
        # military equipment and $1.22 billion from the USAI" (the first is no USAI package)
        own_start = max(s_start, amount.start - _PACKAGE_WINDOW)
        own_end = min(s_end, amount.end + _PACKAGE_WINDOW)
        if n > 0 and considered[n - 1].end > own_start:
            own_start = max(own_start, min(considered[n - 1].end, amount.start))
        if n + 1 < len(considered) and considered[n + 1].start < own_end:
            own_end = min(own_end, max(considered[n + 1].start, amount.end))
        authority = named_authority(low[own_start:own_end])
        # A round figure stands for what rounds to it ("$500 million" for $495 million) among
        # the few packages of the authority the words name ("under PURL"); among all of the
        # ledger's hundreds, a near value is as likely another package (exact values only).
        # With contents named, the contents choose among packages within 5% instead (below).
        if authority is None and HALF_WORDS.search(amount.text):
            continue  # "pledges half a billion dollars": no package of exactly that worth, nor one it names
        spread = 0.0 if named or authority is None else rounding_spread(amount.value)
        if law_lines[n] or ((amount.value, amount.currency) in law_sums and not _PACKAGE_NAMED.search(near)):
            # "the legislation also includes $300 million for Ukraine via USAI": a line of a
            # bill, which dates nothing unless it is an act's own sum ("the $95 billion bill")
            days = ledger.announced_worth(amount.value, "supplemental", amount.currency, spread)
        elif authority is None and (
            _PRICE_BEFORE.search(low, max(s_start, amount.start - 40), amount.start)
            or _PAID_BY_OTHERS.search(near)
        ):
            # "will cost $850 million", "paid for by European countries": a price, so a sale
            # (notified to Congress, or bought for Ukraine under PURL), not a gift of aid
            days = sorted(
                {
                    *ledger.announced_worth(amount.value, "FMS", amount.currency, spread),
                    *ledger.announced_worth(amount.value, "PURL", amount.currency, spread),
                }
            )
        else:
            days = ledger.announced_worth(amount.value, authority, amount.currency, spread)
            if is_round(amount.value) and not spread:
                # "a $2.5 billion package" beside "$1.25 billion" and "$1.22 billion" of one
                # day: a round total of the day whose parts the report names, not another
                # package of exactly that worth
                days = _total_of_parts(ledger, amount.value, amount.currency, considered, days, exact) or days
        if named and days:  # an exact value: its contents only choose among the days it fits
            # (a package whose items the ledger does not list may hold them: it stays)
            days = (
                sorted(
                    {
                        d
                        for d, ids in ledger.values_on(days)
                        if not ledger.items_of(ids) or ledger.listing([(d, ids)], named)
                    }
                )
                or days
            )
        elif named and amount.currency == "USD":
            days = sorted({d for d, _ in ledger.rounded_listing(amount.value, named)})
        if not days or _EACH_OF_MANY.match(low, amount.end, s_end):
            continue  # "in $500 million tranches", "worth $500 million each": a typical size
        span = span_of(text, amount.start, amount.end)
        headline_to = _HEADLINE_TO.search(low, s_start, amount.start) if i == 0 else None
        if (
            _AHEAD.search(low, max(s_start, amount.start - _PACKAGE_WINDOW), amount.start)
            or ANNOUNCED_LATER.match(low, amount.end, s_end)
            # a headline's infinitive is its future: "Biden to offer $2 billion aid"
            or headline_to is not None
        ):
            # "will soon announce a package worth $1.2 billion": written before it or on its
            # day, if it is that one (whatever weekday the sentence names: the saying's); a
            # rounded sum still to come ("nearly $2 billion") may be any: no clue. A headline's
            # sending ("US to send $550 mln in arms") is ahead of the arms, not always of their
            # announcing: it may follow that by a day or two.
            if not rounded:
                after = (
                    _SENDING_AFTER
                    if headline_to is not None and headline_to.group("verb") in _SENDING
                    else dt.timedelta(0)
                )
                listing = _listing_named(ledger, days, article_systems)
                values.append((amount.value, amount.currency))
                out.append(
                    Constraint(
                        tuple((d - _AHEAD_BEFORE, d + after) for d in days),
                        0.5,
                        span,
                        future=[] if after else days,
                        preferred=tuple((d - _AHEAD_BEFORE, d + after) for d in listing),
                    )
                )
            continue
        if rounded and _PLURAL.search(near):
            continue  # "recent packages, which have been around $700 million": a typical size
        during = duration_clause(text, low, sentences, amount.start, [(d, d) for d in days], span)
        if during is not None:
            values.append((amount.value, amount.currency))
            during.weight = 0.5 if rounded else 1.0
            out.append(during)
            continue
        earlier, cue = _cue_of(low, amount, s_start, mentions, mention_starts, i)
        # An act is in the news from its bill's first day (its weekday may be a vote's),
        # unless the sum's words say it was signed: that is the act's own day; and until
        # that day at the latest when they say its signing is still ahead.
        signing_ahead = _SIGNING_AHEAD.search(near) is not None
        debated = (
            {}
            if _SIGNED.search(near) and not signing_ahead
            else {d: since for d in days if (since := ledger.reported_from(d, amount.value)) is not None}
        )
        if cue is not None and cue.kind == "weekday" and "weekday" in cue.fields:
            weekday = WEEKDAYS[cue.fields["weekday"]]
            days = [d for d in days if d.weekday() == weekday or d in debated] or days
        news = [] if earlier else days if cue is None or cue.tense != "future" else []
        listing = _listing_named(ledger, days, article_systems)
        values.append((amount.value, amount.currency))
        windows = [_reported(d, cue, debated.get(d)) for d in days]
        if signing_ahead:
            windows = [
                (lo, min(hi, d)) if d in debated else (lo, hi)
                for (lo, hi), d in zip(windows, days, strict=True)
            ]
        out.append(
            Constraint(
                tuple(windows),
                0.5 if rounded else 1.0,
                span,
                past=days,
                news=news,
                news_before=max((d - debated[d] for d in days if d in debated), default=_PACKAGE_BEFORE),
                preferred=tuple(_reported(d, cue, debated.get(d)) for d in listing),
            )
        )
    # A report repeats its sums (the headline, the lede, a quote): one package named three
    # times is one clue, not three that outweigh the other sums it names.
    repeats = Counter(values)
    for value, constraint in zip(values, out, strict=True):
        constraint.weight /= repeats[value]
    return out


def _total_of_parts(
    ledger: Ledger,
    value: float,
    currency: str,
    money: Sequence[Amount],
    days: list[dt.date],
    exact: dict[tuple[float, str], list[dt.date]],
) -> list[dt.date]:
    """The days whose packages together a round sum (``value``) stands for, within its rounding,
    and whose parts, each of its own exact worth, the report names as other sums; none when
    ``days`` (its exact worth's) already holds such a day. ``exact`` keeps each sum's days."""
    parts: set[dt.date] = set()
    for other in money:
        if other.value is None or not 0 < other.value < value or other.currency != currency:
            continue
        key = (other.value, currency)
        if key not in exact:
            exact[key] = ledger.announced_worth(other.value, None, currency)
        parts.update(exact[key])
    if not parts or parts.intersection(days):
        return []
    return sorted(parts.intersection(ledger.announced_worth(value, None, currency, rounding_spread(value))))


def _listing_named(ledger: Ledger, days: list[dt.date], systems: set[str]) -> list[dt.date]:
    """Of the days a package's value fits, those whose packages list a weapon the article
    names anywhere ("HIMARS" beside "$450 million": the June 2022 package, which lists them,
    rather than one whose contents the ledger does not know); none when all or none do."""
    if not systems or len(days) < 2:
        return []
    listing = sorted({d for d, _ in ledger.listing(ledger.values_on(days), systems)})
    return listing if len(listing) < len(days) else []


def _cue_of(
    low: str, amount: Amount, s_start: int, mentions: Sequence[TimeMention], mention_starts: list[int], i: int
) -> tuple[bool, TimeMention | None]:
    """(whether the sum is an earlier package something is shipped from, the time words that
    say when it was announced): the nearest in its sentence, unless they are another's."""
    before = max(s_start, amount.start - 40)
    if _PART_OF.search(low, before, amount.start):
        return True, None  # "the third shipment of a $200 million package": an earlier package
    if _PART_OF_ANY.search(low, before, amount.start) and _ARRIVED.search(low, s_start, amount.start):
        return True, None  # "a plane … landed in Kyiv on Tuesday, part of a $200 million package"
    cue = nearest_cue(mentions, mention_starts, amount.start, amount.end, i, low)
    if cue is not None and cue.end <= amount.start and _PART_OF_ANY.search(low, before, amount.start):
        return False, None  # "landed on Tuesday, part of a $200 million package": the landing's Tuesday
    if (
        cue is not None
        and cue.kind == "weekday"
        and _SAID_BEFORE.search(low, max(s_start, cue.start - 30), cue.start)
    ):
        return False, None  # "…, two U.S. officials said on Friday": the report's day, not the package's
    return False, cue


def _reported(day: dt.date, cue: TimeMention | None, debated: dt.date | None) -> tuple[dt.date, dt.date]:
    """When a report can name a package of ``day``: as its time words say, else from a few
    days before (leaks) to months after; an act (signed on ``day``) from its bill's first
    day in the news, ``debated``, for a report of a vote or of the request is about it too."""
    lo, hi = reported_window(day, day, cue) or (day - _PACKAGE_BEFORE, day + _PACKAGE_AFTER)
    return (min(lo, debated), hi) if debated is not None else (lo, hi)


# "the 15th drawdown", "its seventeenth withdrawal of equipment", "the 68th tranche of US
# weapons": the Defense Department numbers its drawdowns for Ukraine (pda-NN in the ledger)
# and reporting repeats the number. A numbered "package" or "tranche" is another donor's or
# a sanctions package unless the sentence names the US side and no sanctions.
# The rare nouns first, then the ordinal among the four words before each ("its 15th
# security assistance package"): one alternation of a hundred ordinals tried at every
# position of the text cost half a millisecond an article.
# A count of times ("marks the 40th time the administration has pulled weapons from its
# stockpile") numbers drawdowns only in a sentence that names them (``_DRAWN_FROM``).
_NUMBERED_NOUNS = ("drawdown", "withdrawal", "tranche", "package", "time")
_ORDINAL_REACH = 60  # characters before the noun where its ordinal stands
# … or set off after it, or said of it: "The package of aid, the 41st for Ukraine since
# August 2021, is …", "The package is the 41st approved for Ukraine"; not a rank ("the
# package is the 5th largest").
_ORDINAL_AFTER = re.compile(
    r"(?:\s+of\s+[\w-]+(?:\s+[\w-]+)?)?(?:,\s+|\s+(?:is|was|marks|becomes|became)\s+)(?:the|its)\s+"
    r"(?P<ordinal>[\w-]+)(?!\s+[a-z]+est\b)"
)
_DRAWN_FROM = re.compile(r"\b(?:stockpiles?|inventor(?:y|ies)|drawdowns?)\b")
# "the first package under the new president", "the second tranche this month": a count that
# small is of something else as often as of every drawdown since 2021.
_FEWEST_COUNTED = 4


@cache
def _drawdown_days() -> dict[int, dt.date]:
    """The day of each numbered drawdown: {15: the day of pda-15, …}."""
    return {int(p.id[4:]): p.announced for p in load_ledger().packages if re.fullmatch(r"pda-\d+", p.id)}


def _numbered_nouns(low: str) -> list[tuple[int, int, str]]:
    """(start, end, noun) of each of ``_NUMBERED_NOUNS`` standing as a word, singular or
    plural, in text order. ``str.find`` for each: an alternation of them has no literal
    start for ``re`` to skip to, and read all 4 KB of an article at 144 µs."""
    found = []
    for noun in _NUMBERED_NOUNS:
        at = low.find(noun)
        while at != -1:
            end = at + len(noun)
            if end < len(low) and low[end] == "s":
                end += 1
            if (at == 0 or not low[at - 1].isalnum()) and (end == len(low) or not low[end].isalnum()):
                found.append((at, end, noun))
            at = low.find(noun, at + 1)
    return sorted(found)


def _ordinal_before(low: str, at: int) -> tuple[int, int] | None:
    """(number, where it starts) of the ordinal among the four words before ``at``."""
    window_start = max(0, at - _ORDINAL_REACH)
    words = low[window_start:at].split()[-4:]
    for word in reversed(words):
        number = ordinal_value(word)
        if number is not None:
            return number, low.rindex(word, window_start, at)
    return None


def _ordinal_after(low: str, end: int) -> tuple[int, int] | None:
    """(number, where it starts) of an ordinal set off right after the noun ending at ``end``."""
    m = _ORDINAL_AFTER.match(low, end)
    number = ordinal_value(m["ordinal"]) if m is not None else None
    return (number, m.start("ordinal")) if m is not None and number is not None else None


_WORD_AT = re.compile(r"[\w-]+")
_US_SIDE = re.compile(
    r"\b(?:u\.s\.|us|united states|american|washington|pentagon|defense department|department of defense"
    r"|biden|presidential drawdown|drawdown)\b"
)


def numbered_drawdowns(
    text: str, low: str, mentions: Sequence[TimeMention], sentence_bounds: list[tuple[int, int]]
) -> list[Constraint]:
    """A drawdown the text names by its number dates the report around that drawdown's
    announcement, as a package named by its value does."""
    out: list[Constraint] = []
    starts: list[int] | None = None  # made once, at the first numbered drawdown
    mention_starts: list[int] = []
    counted: set[int] = set()  # where each ordinal stands: one clue however many nouns name it
    for what_start, what_end, what in _numbered_nouns(low):
        found = _ordinal_before(low, what_start) or _ordinal_after(low, what_end)
        day = _drawdown_days().get(found[0]) if found is not None and found[0] >= _FEWEST_COUNTED else None
        if found is None or day is None or found[1] in counted:
            continue  # "The Presidential Drawdown is the thirty-sixth such drawdown": one
        at = found[1]
        counted.add(at)
        # the words from the first of the ordinal and its noun to the last
        word = _WORD_AT.match(low, at)
        lo, hi = min(at, what_start), max(what_end, word.end() if word is not None else at)
        if starts is None:
            starts = [start for start, _ in sentence_bounds]
            mention_starts = [m.start for m in mentions]
        i = max(bisect_right(starts, at) - 1, 0)
        s_start, s_end = sentence_bounds[i] if sentence_bounds else (0, len(text))
        # its sentence, but no more than a window of it: an endless hostile sentence of
        # numbered packages must not be copied for each
        sentence = low[max(s_start, at - _PACKAGE_WINDOW) : min(s_end, what_end + _PACKAGE_WINDOW)]
        if "sanction" in sentence or not (what in {"drawdown", "withdrawal"} or _US_SIDE.search(sentence)):
            continue
        if what == "time" and not _DRAWN_FROM.search(sentence):
            continue  # "the fifth time Russia struck Kyiv"
        if _WILL_BE.search(low, max(s_start, at - _WILL_BE_REACH), at):
            # "the assistance … will be the 16th drawdown": announced ahead, on its day at the latest
            out.append(Constraint(((day - _AHEAD_BEFORE, day),), 1.0, span_of(text, lo, hi), future=[day]))
            continue
        cue = nearest_cue(mentions, mention_starts, at, what_end, i, low)
        out.append(
            Constraint(
                (reported_window(day, day, cue) or (day - _PACKAGE_BEFORE, day + _PACKAGE_AFTER),),
                1.0,
                span_of(text, lo, hi),
                past=[day],
                news=[day] if cue is None or cue.tense != "future" else [],
                news_before=_PACKAGE_BEFORE,
            )
        )
        if len(out) >= MAX_CLUES:
            break
    return out
