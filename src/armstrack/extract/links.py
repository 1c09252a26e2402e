"""What each sum of money is, and which ledger package it names.

A report's dollars mean different things: a package's value ("a $400 million package"), a
running total ("more than $60 billion since 2022"), an act of Congress ("the $61 billion
supplemental"), a contract, a sale, a politician's claim. Only package values may be
totalled or matched to the ledger, so each money amount gets a ``role`` from the words
next to it, in this order (the first that fits wins):

* cumulative: "since", "so far", "to date", "in total", "bringing … to";
* other, first: a sum someone needs ("Kyiv requires $40 billion"), not one granted;
* appropriation: "supplemental", "appropriated", "bill", "legislation", "Congress approved",
  "budget" (not a country's "budget deficit" or "budget support");
* claim: "claimed", "falsely", "boasted";
* contract: "contract", "awarded";
* package: "package", "tranche", "drawdown", "USAI";
* cumulative again: "has provided", "have given" (a package would have said so above);
  and a sum of aid in a sentence framed by a whole year ("In 2022, Congress pledged nearly
  $50 billion in assistance"), unless it is a package's value;
* sale: "sale", "sell", "purchase", "buy", "pay for", "Foreign Military Sales";
* package: "aid", "assistance", "weapons", "military", "arms", "send", "provide", "pledge";
* claim: a sum "given" or "spent" inside a quote; other: anything else ("a $5 million
  reward"), and first of all a share of another sum ("$800 million of the funds came from …").

A sum followed by the noun it measures ("a $400 million package") is that first. The
words are read in a window of the sentence around the sum that stops at the next sum,
so "a $400 million package, bringing the total to $50 billion" gives each its own role.

A package value (or a sale's) in US dollars that the ledger (data/packages.toml) holds is linked to its
row when the announcement falls in the days the report can be about: from 60 days before
the earliest publication date to 14 days after the latest (reports of leaks come first).
Several rows of the same value in that span are told apart by the authority the sentence
names ("drawdown", "USAI"), by the systems its sentence names and the row lists as its
items, by a day, week or month it names ("on Sept. 6", "last month"), by its tense (a package that "will" be sent is announced on or
after the report's day) and by a weekday it names ("on Friday"); if still more than one
fits, the sum stays unlinked rather than guessed. A round figure ("$3 billion") with no row
of its exact value stands for one within 5% that lists a system its sentence names. Only
an article's first 300 sums are linked (real reporting names a few dozen at most). A sum that is several packages announced
the same day ("$1.85 billion": a drawdown and USAI together) links them all. An aid_package or sale event takes the
link of the package value its sentence states, and the package's announcement day as its
date (``date_source`` "ledger"). An act's sum ("the $61 billion aid bill")
links the act's row the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Sequence

from armstrack.models import Amount, Event, Interval, PackageLink, Published, Quote, TimeExpression
from armstrack.ordinals import ORDINAL
from armstrack.packages import Ledger, authority_fits, load_ledger, named_authority

_BEFORE, _AFTER = 70, 45  # characters of the sentence read either side of a sum

_CUMULATIVE = r"\b(?:since|so far|to date|in total|total(?:ing|led|s)?|altogether|cumulative|overall|bring(?:s|ing)?|brought)\b"
# What a "since" counts or ranks from, not a total's start: "the largest since the Cold
# War", "our 32nd drawdown of arms … since August 2021".
_RANKED_BEFORE = re.compile(rf"\b(?:\w+est|most|{ORDINAL})\s+(?:[\w'’.,-]+\s+){{0,9}}?$")


def counting_since(text: str, at: int) -> bool:
    """Is the "since" at ``at`` a superlative's or an ordinal's ("the largest since", "the
    32nd drawdown … since")? Then the sum near it is one package's, not a running total."""
    return _RANKED_BEFORE.search(text, max(0, at - 90), at) is not None


def _cumulative_words(words: str, before_len: int, earlier: str) -> bool:
    """Do ``words`` (the sum's ``before`` text, of ``before_len`` characters, a space and
    its ``after``) make it a running total? A "since" before the sum is read against
    ``earlier``, the sentence before the sum as far as ``_RANK_REACH`` (it ends with
    ``before``), where an ordinal may stand that ``before`` does not reach."""
    for m in _CUMULATIVE_RE.finditer(words):
        if m.group() != "since":
            return True
        if m.start() < before_len:
            ranked = counting_since(earlier, len(earlier) - before_len + m.start())
        else:
            ranked = counting_since(words, m.start())
        if not ranked:
            return True
    return False


_CUMULATIVE_RE = re.compile(_CUMULATIVE)  # read by ``_cumulative_words``: a ranked "since" is none
_RANK_REACH = 170  # characters before a sum where what its "since" ranks may stand
_PACKAGE = r"\b(?:package|tranche|drawdown|security assistance initiative|usai|pda)\b"
_PACKAGE_NOUN = re.compile(_PACKAGE)
_SALE = re.compile(
    r"\b(?:sales?|sell(?:s|ing)?|sold|purchas\w*|buy(?:s|ing)?|bought|pay(?:s|ing)? for|paid for"
    r"|foreign military (?:sales|financing))\b"
)
_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cumulative", _CUMULATIVE_RE),
    (
        "appropriation",
        re.compile(
            r"\b(?:supplemental|appropriat\w*|(?:aid|funding|spending) bill|bill|legislation"
            r"|congress(?:ional)? (?:approved|passed)|funding request"
            # not a country's own budget's hole: "$40 billion to close its budget deficit"
            r"|budget(?!\s+(?:deficits?|shortfalls?|gaps?|holes?|support)\b))\b"
        ),
    ),
    ("claim", re.compile(r"\b(?:claim(?:s|ed|ing)?|falsely|boast(?:s|ed|ing)?|exaggerat\w*)\b")),
    ("contract", re.compile(r"\b(?:contracts?|awarded|award)\b")),
    ("package", _PACKAGE_NOUN),
    ("cumulative", re.compile(r"\bha(?:s|ve) (?:provided|given|sent|committed|spent|pledged|amounted to)\b")),
    ("sale", _SALE),
    (
        "package",
        re.compile(
            r"\b(?:aid|assistance|weapons|military|arms|munitions"
            r"|send(?:s|ing)?|sent|provid(?:e|es|ing)|pledg(?:e|es|ed|ing)|unveil(?:s|ed|ing)?)\b"
        ),
    ),
)
_GIVEN = re.compile(r"\b(?:gave|given|give|spent|spend|sent|handed)\b")
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
_FUTURE = re.compile(
    r"\b(?:will|would|(?:is|are) set to|plans? to|(?:is|are) expected to|(?:is|are) preparing to|to announce)\b"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MAX_LINKED = 300  # sums linked per article: real reporting names a few dozen at most
_NAMED_NEAR = 300  # characters either side of a sum where the days that date it stand
_NAMED_MAX = 8  # … and at most this many of them
_EARLIER = dt.timedelta(days=60)
_DAY = dt.timedelta(days=1)
_LATER = dt.timedelta(days=14)
_PACKAGE_EVENTS = frozenset({"aid_package", "sale"})
# The ledger holds sales paid from FMF or by allies, and the acts of Congress.
_LINKED_ROLES = frozenset({"package", "sale", "appropriation"})


def assign_roles(low: str, money: Sequence[Amount], quotes: Sequence[Quote]) -> list[Amount]:
    """Money with its role. Runs before events, which read the roles: a sentence whose only
    sums are running totals reports no aid package."""
    quote_starts = [q.start for q in quotes]
    out: list[Amount] = []
    for i, amount in enumerate(money):
        before, after = _window(low, money, i)
        # the sentence further back, where what a "since" ranks may stand ("our 32nd drawdown …")
        earlier = low[max(amount.sentence.start, amount.start - _RANK_REACH) : amount.start]
        role = _role(before, after, _in_quote(quotes, quote_starts, amount.start), earlier)
        if _SHARE_AFTER.match(after):
            role = "other"  # "$800 million of the funds came from FMF": a share of another sum
        elif (
            role == "package"
            and not _HEAD_NOUN.match(after)
            and _A_YEARS_WORTH.match(low, amount.sentence.start)
        ):
            role = (
                "cumulative"  # "In 2022, Congress pledged nearly $50 billion in assistance": a year's total
            )
        elif (
            role in ("other", "package")
            and ("estimated" in before or "worth" in before or "valued" in before)
            and _ESTIMATED_BEFORE.search(before)
            and _SALE.search(low, amount.sentence.start, amount.start)
            and not _PACKAGE_NOUN.search(before + " " + after)
        ):
            # "approved the possible sale of … for an estimated cost of $30 million", also when
            # the sale is named far before and "military vehicles" stands near the sum
            role = "sale"
        out.append(amount.model_copy(update={"role": role}))
    for i in range(len(out) - 1):
        if _is_range(low, out[i], out[i + 1]):
            # "between $125 million and $250 million", "$4 billion to $5 billion": a span of
            # values is no one package, whatever the words around it
            out[i] = out[i].model_copy(update={"role": "other"})
            out[i + 1] = out[i + 1].model_copy(update={"role": "other"})
    return out


def _is_range(low: str, first: Amount, second: Amount) -> bool:
    """Are two sums the ends of one range: "X to Y", "X-Y", "between X and Y"?"""
    gap = low[first.end : second.start]
    if len(gap) > 5:
        return False
    if _RANGE_GAP.fullmatch(gap):
        return True
    return gap.strip() == "and" and low.endswith("between ", max(0, first.start - 8), first.start)


_RANGE_GAP = re.compile(r"\s*(?:to|-|–)\s*")
# A sum someone needs: "Kyiv requires $40 billion", "needs some $25 billion more" (the need's
# verb just before the sum; "asked Congress for $24 billion" is a funding request, read apart).
_NEEDED_BEFORE = re.compile(
    r"\b(?:needs?|needed|requires?|required)\s+(?:(?:about|around|roughly|some|nearly|almost|at\s+least"
    r"|more\s+than|over|an\s+additional|another|a\s+further)\s+)?$"
)
# A sum that is a share of another: "around $800 million of the funds came from Foreign
# Military Financing", "$300 million of that money", "the nearly $1.7 billion of the equipment
# sent" (a part of what was sent, told again; not "$300 million of weapons").
_SHARE_AFTER = re.compile(
    r"\s+of\s+(?:the|that|this|those|its|their)\s+(?:funds|funding|money|sum|total|amount"
    r"|equipment|weapons|weaponry|arms|items|articles)\b"
)


# Words that say a sum is rounded ("about $1.2 billion"): a package of just that value in the
# ledger may be another (a date clue from it counts half; a link needs more than the value).
_ROUNDED = frozenset(
    {"about", "around", "approximately", "roughly", "nearly", "almost", "some", "more than", "over"}
)
# "half a billion dollars": a fraction in words says as much as "about"
HALF_WORDS = re.compile(r"\bhalf[\s-]+(?:a[\s-]+)?(?:million|billion|trillion)\b", re.IGNORECASE)


def said_rounded(amount: Amount) -> bool:
    """Is the sum said as rounded ("about $1.2 billion", "half a billion dollars")?"""
    return amount.qualifier in _ROUNDED or HALF_WORDS.search(amount.text) is not None


def link_money(
    low: str,
    money: Sequence[Amount],
    events: Sequence[Event],
    published: Published,
    times: Sequence[TimeExpression] = (),
    ledger: Ledger | None = None,
    systems: Sequence[tuple[int, str]] = (),
) -> tuple[list[Amount], list[Event]]:
    """Money (with roles, from ``assign_roles``) linked to ledger rows, and events with the
    link of their package value; a linked event is dated by its package's announcement."""
    ledger = load_ledger() if ledger is None else ledger
    system_starts = [at for at, _ in systems]  # in text order: each sum's sentence is two bisects
    time_starts = [t.start for t in times]
    worths: dict[tuple[float, str], list[tuple[dt.date, tuple[str, ...]]]] = {}  # a report repeats its sums
    # Sums the text says are rounded somewhere ("nearly $2 billion"): the same figure without
    # the word (a headline's "$2 billion") is that rounded sum too.
    rounded_sums = {a.value for a in money if a.currency == "USD" and said_rounded(a)}
    out: list[Amount] = []
    for i, amount in enumerate(money):
        link = None
        if i < _MAX_LINKED and amount.role in _LINKED_ROLES and amount.currency == "USD" and amount.value:
            before, after = _window(low, money, i)
            # The days the sum's sentence names near it: a window, so that a hostile endless
            # sentence of sums and days is not read whole for each sum.
            named = _days_named(
                times,
                time_starts,
                max(amount.sentence.start, amount.start - _NAMED_NEAR),
                min(amount.sentence.end, amount.end + _NAMED_NEAR),
            )
            kind = "appropriation" if amount.role == "appropriation" else "package"
            listed = {
                i
                for _, i in systems[
                    bisect_left(system_starts, amount.sentence.start) : bisect_left(
                        system_starts, amount.sentence.end
                    )
                ]
            }
            link = _link(
                ledger, amount.value, before + " " + after, published, named, kind, listed, worths,
                rounded=amount.value in rounded_sums,
            )  # fmt: skip
        out.append(amount.model_copy(update={"package": link}) if link else amount)
    linked = [a for a in out if a.package is not None]
    return out, [_event_link(e, linked) for e in events]


def _window(low: str, money: Sequence[Amount], i: int) -> tuple[str, str]:
    """The sentence's words before and after sum ``i``, up to its neighbouring sums."""
    amount = money[i]
    start = max(amount.sentence.start, amount.start - _BEFORE)
    end = min(amount.sentence.end, amount.end + _AFTER)
    if i > 0 and money[i - 1].end > start:
        start = max(start, min(money[i - 1].end, amount.start))
    if i + 1 < len(money) and money[i + 1].start < end:
        end = min(end, max(money[i + 1].start, amount.end))
    return low[start : amount.start], low[amount.end : end]


# A sentence framed by a whole year ("In 2022, …", "Over the past year, …").
_A_YEARS_WORTH = re.compile(
    r"\W*(?:in|during|throughout|over|for)\s+(?:(?:fiscal\s+(?:year\s+)?)?(?:19|20)\d\d|(?:the\s+)?(?:past|last)\s+(?:year|\w+\s+years))\b\s*,"
)
# The price of what the sentence sells, however far its "sale" stands: "for an estimated
# (total) cost of", the wording of sale notices, or "worth" and "valued at" ("approved the
# immediate sale of rocket systems and logistics support worth $30 million").
_ESTIMATED_BEFORE = re.compile(
    r"(?:\bestimated\s+(?:total\s+)?(?:cost\s+(?:of|is)\s+|value\s+of\s+)?|\bworth\s+|\bvalued\s+at\s+)"
    r"(?:up\s+to\s+|about\s+|around\s+|approximately\s+|nearly\s+|some\s+)?$"
)
# A rate, right after a sum: "$1 billion per month", "$300 million a year" (no one package).
RATE_AFTER = re.compile(r"\W*(?:(?:per|a|each|every)\s+(?:day|week|month|year)|monthly|annually|yearly)\b")
_HEAD_NOUN = re.compile(
    r"^\W*(?:(?!(?:of|for|from|to|in|into|with|by|than|that|which|is|was|are|were)\s)[\w-]+\s+){0,4}?(?:package|tranche|drawdown)\b"
)
# A sale as the noun a sum prices: "a $30 million sale", "a $825 million arms deal" (not a
# "minerals deal": only arms are sold here).
_SALE_HEAD = re.compile(
    r"^\W*(?:(?:arms|weapons?|defen[cs]e|military|missiles?|munitions)\s+)?(?:sales?|purchases?)\b"
    r"|^\W*(?:arms|weapons?|defen[cs]e|military|missiles?|munitions)\s+deals?\b"
)
_TOTAL_BEFORE = re.compile(r"\b(?:total(?:ing| of)?|to|bring\w*|since)\W*(?:\w+\W+){0,3}$")


# One package's value after it: "the latest aid package, totaling about $1 billion" (not
# "the packages, totaling": several are a running total).
_ONE_PACKAGE_WORTH = re.compile(
    r"\b(?:package|tranche|drawdown),?\s+(?:totaling|totalling|totaled|totalled|worth|valued\s+at|amounting\s+to)\s+$"
)


def _role(before: str, after: str, quoted: bool, earlier: str) -> str:
    # The noun a sum modifies decides first: "a $400 million package brings aid to …" is a
    # package, whatever the rest of the sentence totals.
    if (_HEAD_NOUN.match(after) and not _TOTAL_BEFORE.search(before)) or _ONE_PACKAGE_WORTH.search(before):
        return "package"
    if _SALE_HEAD.match(after):
        return "sale"  # "in a $825 million arms deal", "a $30 million sale": the noun it prices
    if RATE_AFTER.match(after):
        return "other"  # "at least $1 billion per month": a rate, not one package
    if _NEEDED_BEFORE.search(before):
        return "other"  # "the country needs $65 billion": what someone lacks, no sum granted

    words = before + " " + after
    for role, pattern in _ROLES:
        if pattern is _CUMULATIVE_RE:
            if _cumulative_words(words, len(before), earlier):
                return role
        elif pattern.search(words):
            return role
    if quoted and _GIVEN.search(words):
        return "claim"
    return "other"


def _in_quote(quotes: Sequence[Quote], starts: list[int], at: int) -> bool:
    i = bisect_left(starts, at + 1) - 1
    return i >= 0 and quotes[i].start <= at < quotes[i].end


def _days_named(
    times: Sequence[TimeExpression], starts: list[int], start: int, end: int
) -> list[tuple[dt.date, dt.date]]:
    """The days and weeks or months named in [start, end) ("on Sept. 6", "last month"): a day
    decides among packages of one value, a month or week narrows them."""
    return [
        (t.resolved.start, t.resolved.end)
        for t in times[bisect_left(starts, start) : bisect_left(starts, end)][:_NAMED_MAX]
        if t.resolved is not None and t.resolved.precision in ("day", "week", "month")
    ]


def _link(
    ledger: Ledger,
    value: float,
    words: str,
    published: Published,
    named: Sequence[tuple[dt.date, dt.date]] = (),
    kind: str = "package",
    listed: set[str] | frozenset[str] = frozenset(),
    worths: dict[tuple[float, str], list[tuple[dt.date, tuple[str, ...]]]] | None = None,
    rounded: bool = False,
) -> PackageLink | None:
    """The ledger row (or a day's rows) a sum of ``value`` names, when exactly one fits. A sum
    said as ``rounded`` ("about $2 billion") may be of another worth: a weekday alone does not
    choose among the packages of exactly that worth for it (a day its sentence names, or the
    weapons it lists, do)."""
    earliest = published.earliest or published.date
    latest = published.latest or published.date
    if earliest is None or latest is None:
        return None
    key = (value, kind)
    every = worths.get(key) if worths is not None else None
    if every is None:
        every = ledger.worth(value, kind)
        if worths is not None:
            worths[key] = every
    matched = ["value"]
    if not every and kind == "package":
        # "a new $3 billion package … that will include Bradleys": a round figure stands
        # for a package (or a day's packages) within 5% that lists what the sentence names.
        every = ledger.rounded_listing(value, listed)
        matched = ["rounded value", "items"]
    # "the $175 million package announced on Sept. 6": a day the sentence names decides,
    # even for a package older than the days the report is about; "last month" narrows.
    on_named = [(d, ids) for d, ids in every if any(a - _DAY <= d <= b + _DAY for a, b in named)]
    found = on_named or [(d, ids) for d, ids in every if earliest - _EARLIER <= d <= latest + _LATER]
    matched = [*matched, "named day" if on_named else "date"]
    authority = named_authority(words)
    if authority and len(found) > 1:
        narrowed = [(d, ids) for d, ids in found if authority_fits(authority, ledger.authority_of(ids))]
        if narrowed:
            found, matched = narrowed, [*matched, "authority"]
    if len(found) > 1 and _FUTURE.search(words):
        # "will send an additional $800 million": announced on or after the report's day.
        narrowed = [(d, ids) for d, ids in found if d >= earliest - dt.timedelta(days=1)]
        if narrowed:
            found, matched = narrowed, [*matched, "tense"]
    if listed and len(found) > 1:
        # "the $175 million package included depleted uranium rounds": its contents.
        narrowed = ledger.listing(found, listed)
        if narrowed:
            found, matched = narrowed, [*matched, "items"]
    weekday = _WEEKDAY.search(words)
    if weekday and len(found) > 1:
        narrowed = [(d, ids) for d, ids in found if d.weekday() == _WEEKDAYS.index(weekday.group(1))]
        if narrowed:
            found, matched = narrowed, [*matched, "weekday"]
    if len(found) > 1 and "rounded value" in matched and len({d for d, _ in found}) == 1:
        found = [min(found, key=lambda f: abs(ledger.value_of(f[1]) - value))]  # that day's nearest sum
    if len(found) != 1:
        return None  # ambiguous: several announcements of this value fit
    if rounded and "weekday" in matched and "named day" not in matched and "items" not in matched:
        # "about $2 billion … on Wednesday": of two years' packages of $2 billion, a weekday
        # alone does not choose one for a sum that may be of another worth
        return None
    ids = found[0][1]
    package = ledger.by_id(ids[0])
    assert package is not None
    if authority == package.authority and "authority" not in matched:
        matched.append("authority")
    if len(ids) > 1:
        matched.append("day total")
    return PackageLink(
        id=package.id, authority=package.authority, announced=package.announced,
        value_usd=package.value_usd, matched=matched, together=list(ids) if len(ids) > 1 else [],
    )  # fmt: skip


def _event_link(event: Event, linked: Sequence[Amount]) -> Event:
    if event.kind not in _PACKAGE_EVENTS:
        return event
    evidence = event.evidence
    for amount in linked:
        if evidence.start <= amount.start < evidence.end and amount.package is not None:
            day = amount.package.announced
            return event.model_copy(
                update={
                    "package": amount.package,
                    "date": Interval(start=day, end=day, precision="day"),
                    "date_source": "ledger",
                }
            )
    return event
