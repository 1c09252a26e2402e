"""Listings that sum what each article says across the store: systems (``armstrack
systems``), actors (``armstrack actors``) and the chart (``armstrack chart``). Each has
one summing rule fed either from records (the library's view, and the reference) or from
the store's rows (``stored_*``: what the commands read; articlefacts.py keeps them).
The row models here are part of the JSON contract (docs/json.md)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from armstrack.filters import Filters, actor_ids
from armstrack.models import ArticleRecord, Interval, Model
from armstrack.query import _select_articles, known_actors

if TYPE_CHECKING:
    from armstrack.articlefacts import ActorFacts, SystemFacts


class DatedRole(Model):
    role: str
    article_id: str
    published: str | None  # the article's (best) publication date


class ActorRow(Model):
    """One actor across the corpus: one id per person, with every role and when it was stated."""

    id: str
    name: str
    kind: str
    articles: int
    mentions: int
    roles: list[DatedRole]


def actors(
    records: Iterable[ArticleRecord],
    filters: Filters,
    kind: str | None = None,
    name: str | None = None,
    known: Mapping[str, str] | None = None,
) -> list[ActorRow]:
    """Actors across the articles, most often named first. ``known``: actor id → name for
    ``--actor`` (by default gathered from ``records``)."""
    from armstrack.articlefacts import actor_facts

    if filters.actors and known is None:
        known = known_actors(records)
    facts = (
        (r.id, r.published.date.isoformat() if r.published.date else None, f)
        for r in _select_articles(records, filters)
        for f in actor_facts(r)
    )
    return actors_of(facts, filters, kind=kind, name=name, known=known or {})


def actors_of(
    facts: Iterable[tuple[str, str | None, ActorFacts]],
    filters: Filters,
    kind: str | None = None,
    name: str | None = None,
    known: Mapping[str, str] | None = None,
) -> list[ActorRow]:
    """``actors`` from the ``ActorFacts`` of each article's actors, each with the article's
    id and publication day, article after article in publication order (made from records,
    or read from the store by ``articlefacts.stored_actor_facts``)."""
    from armstrack.extract.actors import fold

    key = fold(name) if name else None
    wanted = actor_ids(known or {}, filters.actors) if filters.actors else None
    sums: dict[str, list[Any]] = {}  # id → [name, kind, articles, mentions, [(published, role, article)]]
    for article_id, published, (actor_id, actor_name, actor_kind, mentions, roles) in facts:
        if kind and actor_kind != kind:
            continue
        if wanted is not None and actor_id not in wanted:
            continue
        if key and key not in fold(actor_name) and key != actor_id:
            continue
        found = sums.get(actor_id)
        if found is None:
            found = sums[actor_id] = [actor_name, actor_kind, 0, 0, []]
        found[2] += 1
        found[3] += mentions
        found[4].extend((published, role, article_id) for role in roles)
    return _actor_rows(_most_named(sums, filters.limit))


def _most_named(sums: dict[str, list[Any]], limit: int | None) -> list[tuple[str, list[Any]]]:
    """The actors of ``sums`` (in the order first met) most often named first: in the most
    articles, then the most mentions, then by name; the first ``limit`` of them."""
    ordered = sorted(sums.items(), key=lambda item: (-item[1][2], -item[1][3], item[1][0]))
    return ordered[:limit] if limit is not None else ordered


def _actor_rows(ordered: list[tuple[str, list[Any]]]) -> list[ActorRow]:
    """Models only for the rows shown; each actor's roles in order of date, then role."""
    return [
        ActorRow(
            id=actor_id, name=actor_name, kind=actor_kind, articles=articles, mentions=mentions,
            roles=[
                DatedRole(role=role, article_id=article_id, published=published)
                for published, role, article_id in sorted(roles, key=lambda r: (r[0] or "9999", r[1]))
            ],
        )
        for actor_id, (actor_name, actor_kind, articles, mentions, roles) in ordered
    ]  # fmt: skip


def stored_actors(
    db: sqlite3.Connection,
    ids: Sequence[str],
    filters: Filters,
    kind: str | None = None,
    name: str | None = None,
    known: Mapping[str, str] | None = None,
) -> list[ActorRow]:
    """``actors`` of the articles ``ids`` from their ``article_actors`` rows: no record
    decoded. SQLite sums them; only with ``name``, whose test folds accents (each row's name
    as that article wrote it), is every row read here."""
    from armstrack.articlefacts import stored_actor_facts, stored_actor_roles, stored_actor_sums

    if name:
        return actors_of(stored_actor_facts(db, ids, kind), filters, kind=kind, name=name, known=known)
    wanted = sorted(actor_ids(known or {}, filters.actors)) if filters.actors else None
    sums: dict[str, list[Any]] = {
        actor_id: [actor_name, actor_kind, articles, mentions, []]
        for actor_id, actor_name, actor_kind, articles, mentions in stored_actor_sums(db, ids, kind, wanted)
    }
    shown = _most_named(sums, filters.limit)
    for actor_id, published, role, article_id in stored_actor_roles(
        db, ids, kind, [actor_id for actor_id, _ in shown] if len(shown) < len(sums) else wanted
    ):
        sums[actor_id][4].append((published, role, article_id))
    return _actor_rows(shown)


class SystemRow(Model):
    """A system's arc across the coverage."""

    id: str
    name: str
    category: str
    mentions: int
    articles: int
    first: Interval | None  # the earliest dated mention
    last: Interval | None  # the latest dated mention
    kinds: list[str]  # event kinds it appears in, in order of first date


def systems_overview(records: Iterable[ArticleRecord], filters: Filters) -> list[SystemRow]:
    """Per system in the corpus: mentions, articles, first and last dated mention, event kinds."""
    from armstrack.articlefacts import system_facts

    names: dict[str, tuple[str, str]] = {}

    def facts() -> Iterator[SystemFacts]:
        for record in _select_articles(records, filters):
            for system in record.systems:
                names.setdefault(system.id, (system.name, system.category))
            yield from system_facts(record)

    return systems_of(facts(), filters, names)


def systems_of(
    facts: Iterable[SystemFacts], filters: Filters, names: Mapping[str, tuple[str, str]]
) -> list[SystemRow]:
    """``systems_overview`` from the ``SystemFacts`` of each article's systems, article after
    article in publication order (made from records, or read from the store by
    ``articlefacts.stored_system_facts``); ``names``: system id → name and category, read
    once ``facts`` is walked."""
    from armstrack.articlefacts import earlier, later

    wanted = set(filters.systems)
    sums: dict[str, list[Any]] = {}  # id → [mentions, articles, first, last]
    kind_dates: dict[str, dict[str, str]] = {}  # id → kind → its first event's KindKey
    for system_id, mentions, first, last, kinds, _ in facts:
        if wanted and system_id not in wanted:
            continue
        found = sums.get(system_id)
        if found is None:
            found = sums[system_id] = [0, 0, None, None]
        found[0] += mentions
        found[1] += 1
        if first is not None and earlier(first, found[2]):
            found[2] = first
        if last is not None and later(last, found[3]):
            found[3] = last
        seen = kind_dates.setdefault(system_id, {})
        for kind, key in kinds:
            seen.setdefault(kind, key)
    rows = []
    for system_id, (mentions, articles, first, last) in sums.items():
        name, category = names.get(system_id, (system_id, "unknown"))  # a system the catalog no longer has
        rows.append(
            SystemRow(
                id=system_id, name=name, category=category, mentions=mentions, articles=articles,
                first=_interval(first), last=_interval(last),
                kinds=sorted(kind_dates[system_id], key=kind_dates[system_id].__getitem__),
            )
        )  # fmt: skip
    ordered = sorted(rows, key=lambda r: (-r.mentions, r.name))
    return ordered[: filters.limit] if filters.limit is not None else ordered


def stored_systems_overview(db: sqlite3.Connection, ids: Sequence[str], filters: Filters) -> list[SystemRow]:
    """``systems_overview`` of the articles ``ids`` from their ``article_systems`` rows: no
    record decoded. Names and categories are the catalog's."""
    from armstrack.articlefacts import stored_system_facts
    from armstrack.catalog import load_catalog

    names = {e.id: (e.name, e.category) for e in load_catalog().entries}
    return systems_of(stored_system_facts(db, ids, filters.systems), filters, names)


def _interval(day: tuple[int, int, int] | None) -> Interval | None:
    from armstrack.eventbody import PRECISION_NAMES

    if day is None:
        return None
    start, end, rank = day
    return Interval(
        start=dt.date.fromordinal(start), end=dt.date.fromordinal(end), precision=PRECISION_NAMES[rank]
    )


class ChartCell(Model):
    """How often a system was mentioned, or took part in events, in one month."""

    system: str
    month: str  # YYYY-MM
    count: int


def chart(
    records: Iterable[ArticleRecord], filters: Filters, by: Literal["mentions", "events"], top: int = 10
) -> list[ChartCell]:
    """Counts per system per month. Mentions are dated like their sentence (its own time
    expression, else its paragraph's, else the publication date); events by their date's
    start. Undated ones are left out. Without ``--system``, the ``top`` most mentioned systems."""
    from armstrack.articlefacts import month_of, system_facts

    chosen = _select_articles(records, filters)
    if by == "mentions":
        tallies: Iterable[Tally] = (
            (system_id, mentions, months)
            for record in chosen
            for system_id, mentions, _, _, _, months in system_facts(record)
        )
    else:

        def events() -> Iterator[Tally]:
            for record in chosen:
                for event in record.events:
                    if (filters.kinds and event.kind not in filters.kinds) or (
                        filters.statuses and event.status not in filters.statuses
                    ):
                        continue
                    d = event.date
                    months = (
                        [(month_of(d.start.toordinal()), 1)]
                        if d is not None and filters.keeps_date(d)
                        else []
                    )
                    for system_id in dict.fromkeys(event.systems):
                        yield system_id, 1, months

        tallies = events()
    return chart_of(tallies, filters, top)


def stored_chart(
    db: sqlite3.Connection,
    ids: Sequence[str],
    filters: Filters,
    by: Literal["mentions", "events"],
    top: int = 10,
) -> list[ChartCell]:
    """``chart`` of the articles ``ids`` from their rows: each system's mentions per month
    (``article_systems``), or its events counted per date (``event_systems``). No record
    decoded, and the counting is SQLite's: the sums do not depend on the order of articles."""
    from armstrack.articlefacts import month_of, stored_event_days, stored_month_counts
    from armstrack.daterange import DateRange
    from armstrack.eventbody import PRECISION_NAMES

    if by == "mentions":
        tallies: Iterable[Tally] = stored_month_counts(db, ids, filters.systems)
    else:

        def dated(start: int | None, end: int | None, rank: int, events: int) -> list[tuple[str, int]]:
            if start is None or end is None:
                return []
            if filters.since or filters.until:
                when = DateRange(dt.date.fromordinal(start), dt.date.fromordinal(end), PRECISION_NAMES[rank])
                if not filters.keeps_date(when):
                    return []
            return [(month_of(start), events)]

        tallies = (
            (system_id, events, dated(start, end, rank, events))
            for system_id, start, end, rank, events in stored_event_days(
                db, ids, systems=filters.systems, kinds=filters.kinds, statuses=filters.statuses
            )
        )
    return chart_of(tallies, filters, top)


Tally = tuple[str, int, list[tuple[str, int]]]
"""What one article (or one event) adds to a system: its total and its counts per month."""


def chart_of(tallies: Iterable[Tally], filters: Filters, top: int = 10) -> list[ChartCell]:
    """``chart`` from what each article or event adds to each system, in article order."""
    counts: dict[tuple[str, str], int] = {}
    totals: dict[str, int] = {}
    for system_id, total, months in tallies:
        if filters.systems and system_id not in filters.systems:
            continue
        totals[system_id] = totals.get(system_id, 0) + total
        for month, n in months:
            counts[system_id, month] = counts.get((system_id, month), 0) + n
    chosen = sorted(totals, key=lambda s: (-totals[s], s))
    if not filters.systems:
        chosen = chosen[:top]
    rank = {s: i for i, s in enumerate(chosen)}
    cells = [ChartCell(system=s, month=m, count=n) for (s, m), n in counts.items() if s in rank]
    return sorted(cells, key=lambda c: (c.month, rank[c.system]))
