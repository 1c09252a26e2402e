"""The ledger of US military aid packages for Ukraine (``data/packages.toml``), and the
questions asked of it: which packages match a filter, what they total by year and
authority, and on which days a package of a given value was announced.

The last is evidence twice over. A package named by its value in a report ("announced a
$400 million package on Friday") dates the report (``extract/published.py``), and it
links the report's events and money to the row (``extract/links.py``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import tomllib
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from armstrack.resources import bundled_dir

_TOLERANCE = 0.005  # official figures are exact; a report's rounding of them is not a match

AUTHORITIES = ("PDA", "USAI", "FMF", "PURL", "FMS", "supplemental")
# What officials' running totals of security assistance "since the invasion" count.
_RUNNING_AUTHORITIES = frozenset({"PDA", "USAI", "FMF"})
_INVASION = dt.date(2022, 2, 24)
_AID_AUTHORITIES = frozenset({"PDA", "USAI"})  # what reporting calls "a package of military aid"
Kind = Literal["package", "appropriation", "notification"]


@dataclass(frozen=True, slots=True)
class Package:
    id: str
    authority: str
    kind: Kind
    announced: dt.date
    value_usd: int
    items: tuple[str, ...]
    source: str
    items_source: str | None = None
    note: str | None = None
    # An act's first day in the news: the bill's text released or the request sent to
    # Congress. Reporting names its figure from then, weeks or months before the signing.
    reported_from: dt.date | None = None
    # The figure its funder announced in euros, where it did ("EUR 500 million" for a PURL
    # package the Netherlands paid): reports often give only that one.
    value_eur: int | None = None
    # Other figures officials announced it by, that reporting quotes: "$500 million", as
    # President Biden announced in Kyiv the drawdown the ledger's source lists at $450 million.
    # They name the package; totals count only ``value_usd``.
    announced_as_usd: tuple[int, ...] = ()
    announced_as_source: str | None = None

    @property
    def counted(self) -> bool:
        """Whether totals count it: announcements of aid, not acts or notices of authority
        that the listed packages draw on (counting both would count the money twice)."""
        return self.kind == "package"


@dataclass(frozen=True, slots=True)
class Ledger:
    packages: tuple[Package, ...]
    # Every value announced on a day: each package's own, and the day's total when several
    # were announced together ("$1.85 billion": a drawdown and a USAI package at once).
    values: tuple[tuple[float, dt.date, tuple[str, ...]], ...]
    # Both in order of worth, for ``announced_worth``: the values, and the acts and notices
    # (the packages totals do not count).
    _by_worth: tuple[tuple[float, dt.date, tuple[str, ...]], ...] = field(
        init=False, repr=False, compare=False
    )
    _uncounted: tuple[Package, ...] = field(init=False, repr=False, compare=False)
    # Each package's items by its id: ``items_of`` is asked for every sum a report names.
    _items: dict[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    # … and its authorities (one, but for an id the ledger repeats): ``authority_of`` is
    # asked for each candidate value of each sum.
    _authorities: dict[str, frozenset[str]] = field(init=False, repr=False, compare=False)
    # (day, total so far) of the security assistance announced since the invasion
    _running: tuple[tuple[dt.date, int], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_worth", tuple(sorted(self.values, key=lambda v: v[0])))
        uncounted = sorted((p for p in self.packages if not p.counted), key=lambda p: p.value_usd)
        object.__setattr__(self, "_uncounted", tuple(uncounted))
        items: dict[str, tuple[str, ...]] = {}
        for p in self.packages:
            items[p.id] = items.get(p.id, ()) + p.items
        object.__setattr__(self, "_items", items)
        authorities: dict[str, frozenset[str]] = {}
        for p in self.packages:
            authorities[p.id] = authorities.get(p.id, frozenset()) | {p.authority}
        object.__setattr__(self, "_authorities", authorities)
        running: list[tuple[dt.date, int]] = []
        total = 0
        for p in sorted(self.packages, key=lambda p: p.announced):
            if p.counted and p.authority in _RUNNING_AUTHORITIES and p.announced >= _INVASION:
                total += p.value_usd
                running.append((p.announced, total))
        object.__setattr__(self, "_running", tuple(running))

    def announced_worth(
        self, value: float, authority: str | None = None, currency: str = "USD", spread: float = 0.0
    ) -> list[dt.date]:
        """The days a package (or a day's packages together), an act or a notice worth
        ``value`` was announced: each is a dated public event that dates a report. With
        ``authority`` (the one the report names), only that authority's. With ``spread``,
        also every worth that far from it (a round figure's ``rounding_spread``: "$500
        million" for a package of $495 million). The candidates are found by bisection on
        worth (a report names several sums; the ledger has hundreds of values), then held to
        ``_close``. A sum in euros is looked for among the figures funders announced in euros."""
        if currency == "EUR":
            return sorted(
                {
                    p.announced
                    for p in self.packages
                    if p.value_eur is not None
                    and (_close(p.value_eur, value) or abs(p.value_eur - value) <= spread)
                    and authority_fits(authority, p.authority)
                }
            )
        if currency != "USD":
            return []
        low, high = _window(value, spread)
        values = self._within(value, spread)
        days = {
            day for worth, day, ids in values
            if (_close(worth, value) or abs(worth - value) <= spread)
            and authority_fits(authority, self.authority_of(ids))
        }  # fmt: skip
        acts = self._uncounted[
            bisect_left(self._uncounted, low, key=lambda p: p.value_usd) : bisect_right(
                self._uncounted, high, key=lambda p: p.value_usd
            )
        ]
        days |= {
            p.announced
            for p in acts
            if (_close(p.value_usd, value) or abs(p.value_usd - value) <= spread)
            and authority_fits(authority, p.authority)
        }
        return sorted(days)

    def reported_from(self, day: dt.date, value: float) -> dt.date | None:
        """The first day in the news of an act worth ``value`` signed on ``day`` (None when
        no act was): Congress passes a bill over weeks, and reports name its figure all along."""
        found = [
            p.reported_from
            for p in self._uncounted
            if p.announced == day and p.reported_from and _close(p.value_usd, value)
        ]
        return min(found) if found else None

    def values_on(self, days: Iterable[dt.date]) -> list[tuple[dt.date, tuple[str, ...]]]:
        """(day, ids) of every value announced on one of ``days``."""
        wanted = set(days)
        return [(day, ids) for _, day, ids in self.values if day in wanted]

    def rounded_worth(self, value: float) -> list[tuple[dt.date, tuple[str, ...]]]:
        """(day, ids) for every announcement a round figure can stand for: "$3 billion" for
        the $3.075 billion of 6 January 2023 (within 5%). Only a round figure, and only with
        something else that names the package (its contents), is evidence."""
        return sorted((day, ids) for worth, day, ids in self.values if abs(worth - value) <= 0.05 * value)

    def value_of(self, ids: Iterable[str]) -> int:
        """The value of the packages ``ids`` together."""
        wanted = set(ids)
        return sum(p.value_usd for p in self.packages if p.id in wanted)

    def listing(
        self, found: Iterable[tuple[dt.date, tuple[str, ...]]], systems: Set[str]
    ) -> list[tuple[dt.date, tuple[str, ...]]]:
        """Those of ``found`` (day, ids) whose packages list one of ``systems`` as an item."""
        return [(day, ids) for day, ids in found if not systems.isdisjoint(self.items_of(ids))]

    def rounded_listing(self, value: float, systems: Set[str]) -> list[tuple[dt.date, tuple[str, ...]]]:
        """What a round figure with named contents stands for ("a new $3 billion package …
        that will include Bradleys"): the announcements within 5% of it that list one of
        ``systems``; nothing for a figure that is not round or names no contents."""
        if not systems or not is_round(value):
            return []
        return self.listing(self.rounded_worth(value), systems)

    def running_total_reached(self, value: float) -> dt.date | None:
        """The first day the security assistance announced since the invasion (drawdowns,
        USAI and FMF, the sums officials total) reached ``value``; None if it never did.
        Officials' running totals and the ledger's agree to within a few per cent, not
        exactly: callers allow for that."""
        for day, total in self._running:
            if total >= value:
                return day
        return None

    def items_of(self, ids: Iterable[str]) -> set[str]:
        """The catalog ids the packages ``ids`` list as their main items."""
        return {item for package_id in set(ids) for item in self._items.get(package_id, ())}

    def with_items_on(self, month: int, day: int, systems: Set[str] | None) -> list[Package]:
        """Packages announced on this month and day (give or take one, in any year) whose
        items include one of ``systems``: "the announcement on Jan. 6 to send Bradleys".
        With ``systems`` None, every aid package of the day (a drawdown or USAI's; not a
        sale, an act or a notice): "On December 27, Washington provided the last package"."""
        out = []
        for p in self.packages:
            try:
                named = dt.date(p.announced.year, month, day)
            except ValueError:
                continue
            if abs((p.announced - named).days) > 1:
                continue
            if (systems is None and p.authority in _AID_AUTHORITIES) or (
                systems is not None and not systems.isdisjoint(p.items)
            ):
                out.append(p)
        return out

    def authority_of(self, ids: tuple[str, ...]) -> str | None:
        """The authority of one package's id, or of a day's packages when they share it."""
        found = set().union(*(self._authorities.get(package_id, ()) for package_id in ids))
        return found.pop() if len(found) == 1 else None

    def worth(self, value: float, kind: str = "package") -> list[tuple[dt.date, tuple[str, ...]]]:
        """(day, ids) for every announcement worth ``value``: one package's, or a day's
        packages together; with ``kind="appropriation"``, the acts of that value."""
        if kind != "package":
            return sorted(
                (p.announced, (p.id,)) for p in self.packages if p.kind == kind and _close(p.value_usd, value)
            )
        return sorted((day, ids) for worth, day, ids in self._within(value) if _close(worth, value))

    def _within(
        self, value: float, spread: float = 0.0
    ) -> tuple[tuple[float, dt.date, tuple[str, ...]], ...]:
        """The values that may be ``_close`` to ``value`` or within ``spread`` of it, by
        bisection on worth (every one that is, and a few more at the edges): a report's sums
        each ask, and the ledger has hundreds of values."""
        low, high = _window(value, spread)
        by_worth = self._by_worth
        return by_worth[bisect_left(by_worth, low, key=_worth) : bisect_right(by_worth, high, key=_worth)]

    def by_id(self, package_id: str) -> Package | None:
        return next((p for p in self.packages if p.id == package_id), None)


_NAMED_AUTHORITY = (
    ("USAI", re.compile(r"\b(?:usai|security assistance initiative)\b")),
    (
        "PDA",
        re.compile(r"\b(?:drawdown|pda|from (?:u\.s\.|us|american|pentagon|defense department) stocks?)\b"),
    ),
    # A sale paid from FMF ("a sale … funded by Foreign Military Financing") is a sale.
    ("FMS", re.compile(r"\bforeign military sales?\b|\bfms\b|\bpossible sale\b")),
    ("FMF", re.compile(r"\bforeign military financing\b|\bfmf\b")),
    ("PURL", re.compile(r"\bpurl\b|\bprioriti[sz]ed ukraine requirements")),
)


# A sale paid from Foreign Military Financing is still a Foreign Military Sale: reports name
# the FMF-funded HAWK sale of April 2024 "$138 million in foreign military sales".
_NAMED_FITS = {"FMS": frozenset({"FMS", "FMF"})}


def authority_fits(named: str | None, row: str | None) -> bool:
    """Does a ledger row of authority ``row`` fit the authority a report names (any, when
    it names none)?"""
    return named is None or row == named or row in _NAMED_FITS.get(named, ())


def is_round(value: float) -> bool:
    """A figure written with one or two significant digits ("$3 billion", "$1.2 billion"):
    a report's rounding of an official value, which may stand for a package within 5%."""
    return len(f"{value:.0f}".rstrip("0")) <= 2


# Every authority's words in one pattern, a group each in the order above: one scan of the
# words, not one per authority (a report's sums each look for them in their sentence).
_ANY_AUTHORITY = re.compile("|".join(f"(?P<{name}>{pattern.pattern})" for name, pattern in _NAMED_AUTHORITY))
_AUTHORITY_RANK = {name: rank for rank, (name, _) in enumerate(_NAMED_AUTHORITY)}


def rounding_spread(value: float) -> float:
    """How far from a round figure the worth it stands for may be: half a unit of its second
    significant digit, as a report rounds an official value to two digits ("$500 million"
    for $495 to $505 million, "$1.2 billion" for $1.15 to $1.25 billion); none for a figure
    written with more digits ("$578 million" is that worth)."""
    if not is_round(value) or value <= 0:
        return 0.0
    return 10.0 ** (math.floor(math.log10(value)) - 1) / 2


def named_authority(low: str) -> str | None:
    """The authority lower-cased words name ("a drawdown", "USAI funds", "under PURL"): of
    several, the first in ``_NAMED_AUTHORITY`` order. Every place a match starts is visited
    (the scan goes on from one past a match's start, not its end), and at one place the
    alternation tries the authorities in that order: so this is the first authority whose
    own pattern matches anywhere in ``low``."""
    best: int | None = None
    pos = 0
    search = _ANY_AUTHORITY.search
    while (m := search(low, pos)) is not None:
        rank = _AUTHORITY_RANK[m.lastgroup or ""]
        if best is None or rank < best:
            best = rank
            if best == 0:
                break
        pos = m.start() + 1
    return None if best is None else _NAMED_AUTHORITY[best][0]


def _worth(value: tuple[float, dt.date, tuple[str, ...]]) -> float:
    return value[0]


def _window(value: float, spread: float = 0.0) -> tuple[float, float]:
    """Worths from ``low`` to ``high`` hold every one ``_close`` to ``value`` (with a margin
    for rounding), and every one within ``spread`` of it."""
    low, high = value / (1 + _TOLERANCE) * (1 - 1e-9), value / (1 - _TOLERANCE) * (1 + 1e-9)
    return min(low, value - spread), max(high, value + spread)


def _close(worth: float, value: float) -> bool:
    return abs(worth - value) <= _TOLERANCE * worth


@cache
def load_ledger() -> Ledger:
    with (bundled_dir("data") / "packages.toml").open("rb") as f:
        rows = tomllib.load(f)["package"]
    packages = tuple(
        Package(
            id=r["id"],
            authority=r["authority"],
            kind=r.get("kind", "package"),
            announced=r["announced"],
            value_usd=int(r["value_usd"]),
            items=tuple(r.get("items", ())),
            source=r["source"],
            items_source=r.get("items_source"),
            note=r.get("note"),
            reported_from=r.get("reported_from"),
            value_eur=r.get("value_eur"),
            announced_as_usd=tuple(int(v) for v in r.get("announced_as_usd", ())),
            announced_as_source=r.get("announced_as_source"),
        )
        for r in rows
    )
    by_day: dict[dt.date, list[Package]] = defaultdict(list)
    for p in packages:
        if p.counted:
            by_day[p.announced].append(p)
    values: set[tuple[float, dt.date, tuple[str, ...]]] = {
        (float(p.value_usd), p.announced, (p.id,)) for p in packages if p.counted
    }
    values |= {
        (float(sum(p.value_usd for p in day)), date, tuple(p.id for p in day))
        for date, day in by_day.items()
        if len(day) > 1
    }
    values |= {(float(v), p.announced, (p.id,)) for p in packages if p.counted for v in p.announced_as_usd}
    return Ledger(packages, tuple(sorted(values)))


def select(
    ledger: Ledger,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    systems: Iterable[str] = (),
    authorities: Iterable[str] = (),
) -> list[Package]:
    """The rows announced in [since, until] that include any of ``systems`` (catalog ids)
    and come under any of ``authorities``; an empty filter keeps everything."""
    wanted_systems, wanted_authorities = set(systems), {a.lower() for a in authorities}
    return [
        p
        for p in ledger.packages
        if (since is None or p.announced >= since)
        and (until is None or p.announced <= until)
        and (not wanted_systems or wanted_systems.intersection(p.items))
        and (not wanted_authorities or p.authority.lower() in wanted_authorities)
    ]


@dataclass(frozen=True, slots=True)
class Total:
    year: int
    authority: str
    packages: int
    value_usd: int


def totals(packages: Sequence[Package]) -> list[Total]:
    """What the counted packages add up to, by year and authority."""
    sums: dict[tuple[int, str], list[int]] = defaultdict(list)
    for p in packages:
        if p.counted:
            sums[(p.announced.year, p.authority)].append(p.value_usd)
    return [
        Total(year, authority, len(values), sum(values))
        for (year, authority), values in sorted(sums.items(), key=lambda kv: (kv[0][0], _order(kv[0][1])))
    ]


def _order(authority: str) -> int:
    return AUTHORITIES.index(authority) if authority in AUTHORITIES else len(AUTHORITIES)
