"""What one article says about each system and actor it names, as plain tuples: made from
the record at ingest (kept as columns of ``article_systems`` and ``article_actors``) or on
the fly, and summed across articles by overview.py (``systems``, ``actors``, ``chart``).

Why: ``armstrack systems`` and ``armstrack actors`` once decoded every record of the store
to count mentions and find first and last dates (60 and 84 s at 100,000 articles). These
facts are a few numbers per system and actor; kept beside their rows, the same listing
reads them instead of the records.

No pydantic at import: reading commands import this on their quick path.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import sqlite3
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from armstrack.daterange import PRECISION_ORDER
from armstrack.store import UNDATED_DAY

if TYPE_CHECKING:
    from armstrack.models import ArticleRecord

Day = tuple[int, int, int]  # a date as (start ordinal, end ordinal, precision rank)
KindKey = str  # daterange.sort_key as text that sorts the same: "0" dated, 7-digit start ordinal, rank
SystemFacts = tuple[str, int, Day | None, Day | None, list[tuple[str, KindKey]], list[tuple[str, int]]]
"""A system in one article: id, mentions, its earliest and latest dated mention (the first
met on a tie), the kinds of the events naming it, each with the date key of its first
event there, in the order met, and its dated mentions per month ("2024-06", count)."""
ActorFacts = tuple[str, str, str, int, list[str]]
"""An actor in one article: id, name, kind, mentions, roles."""

_UNDATED: KindKey = "1" + "0" * 8


def mention_dater(record: ArticleRecord) -> Callable[[int, int], Day | None]:
    """A sentence's date: its own time expression, else the nearest in its paragraph, else
    the publication date (a day)."""
    times = [
        (t.start, _day(t.resolved.start, t.resolved.end, t.resolved.precision))
        for t in record.time_expressions
        if t.resolved is not None
    ]
    published = record.published.date
    fallback = (published.toordinal(), published.toordinal(), PRECISION_ORDER["day"]) if published else None
    return dater(times, [(p.start, p.end) for p in record.paragraphs], fallback)


def dater(
    times: list[tuple[int, Day]], paragraphs: list[tuple[int, int]], fallback: Day | None
) -> Callable[[int, int], Day | None]:
    """``mention_dater`` over (start, date) of the time expressions, in text order, and the
    paragraphs: the first time expression in ``lo``..``hi``; else the one nearest ``lo`` in
    its paragraph (the earlier on a tie); else ``fallback``. Found by bisection: an
    article of 30 time expressions dates 50 mentions in a tenth of the time of a scan."""
    starts = [start for start, _ in times]
    if any(
        a > b for a, b in itertools.pairwise(starts)
    ):  # not in text order: sort them, earlier first on a tie
        times = sorted(times, key=lambda t: t[0])
        starts = [start for start, _ in times]
    p_starts = [start for start, _ in paragraphs]

    def date_of(lo: int, hi: int) -> Day | None:
        i = bisect_left(starts, lo)
        if i < len(starts) and starts[i] < hi:
            return times[i][1]
        p = bisect_right(p_starts, lo) - 1
        if p < 0 or lo >= paragraphs[p][1]:
            return fallback
        p_start, p_end = paragraphs[p]
        after = i if i < len(starts) and starts[i] < p_end else None
        before = None
        if i > 0 and starts[i - 1] >= p_start:
            before = bisect_left(starts, starts[i - 1])  # the first of those that start there
        if before is not None and (after is None or lo - starts[before] <= starts[after] - lo):
            return times[before][1]
        return times[after][1] if after is not None else fallback

    return date_of


def _day(start: dt.date, end: dt.date, precision: str) -> Day:
    return (start.toordinal(), end.toordinal(), PRECISION_ORDER[precision])


def earlier(day: Day, than: Day | None) -> bool:
    """Is ``day`` first by ``daterange.sort_key`` (start, then narrower)?"""
    return than is None or (day[0], day[2]) < (than[0], than[2])


def later(day: Day, than: Day | None) -> bool:
    """Does ``day`` start after ``than``?"""
    return than is None or day[0] > than[0]


def system_facts(record: ArticleRecord) -> list[SystemFacts]:
    """``SystemFacts`` for each system ``record`` names, in its order."""
    kinds: dict[str, dict[str, KindKey]] = {}
    for event in record.events:
        d = event.date
        key = f"0{d.start.toordinal():07d}{PRECISION_ORDER[d.precision]}" if d is not None else _UNDATED
        for system_id in event.systems:
            kinds.setdefault(system_id, {}).setdefault(event.kind, key)
    dated = mention_dater(record)
    found: list[SystemFacts] = []
    for system in record.systems:
        first = last = None
        months: dict[str, int] = {}
        for mention in system.mentions:
            day = dated(mention.sentence.start, mention.sentence.end)
            if day is not None:
                if earlier(day, first):
                    first = day
                if later(day, last):
                    last = day
                month = month_of(day[0])
                months[month] = months.get(month, 0) + 1
        found.append(
            (
                system.id,
                len(system.mentions),
                first,
                last,
                list(kinds.get(system.id, {}).items()),
                list(months.items()),
            )
        )
    return found


@lru_cache(maxsize=8192)  # a store names a few thousand distinct days
def month_of(day: int) -> str:
    """The month ("2024-06") of a day number (``date.toordinal``)."""
    return dt.date.fromordinal(day).strftime("%Y-%m")


def actor_facts(record: ArticleRecord) -> list[ActorFacts]:
    """``ActorFacts`` for each actor ``record`` names, in its order."""
    return [(a.id, a.name, a.kind, len(a.mentions), list(a.roles)) for a in record.actors]


def package_ids(record: ArticleRecord) -> list[str]:
    """The ledger rows (data/packages.toml) the article's money or events link, each once:
    every package of a day's total."""
    links = [a.package for a in record.amounts if a.package is not None]
    links += [e.package for e in record.events if e.package is not None]
    return list(dict.fromkeys(i for link in links for i in (link.together or [link.id])))


def stored_package_articles(db: sqlite3.Connection, ids: Sequence[str]) -> dict[str, list[str]]:
    """Package id → the articles of ``ids`` that link it, in the order of ``ids``."""
    found: dict[str, list[str]] = {}
    for package_id, article_id in db.execute(
        "SELECT p.package_id, j.value FROM json_each(?) j CROSS JOIN article_packages p"
        " ON p.article_id = j.value ORDER BY j.key, p.package_id",
        (chosen_articles(ids),),
    ):
        found.setdefault(package_id, []).append(article_id)
    return found


# ------------------------------------------------------------------ as the store keeps them
def system_row(article_id: str, facts: SystemFacts) -> tuple[object, ...]:
    """The ``article_systems`` row: article, system, mentions, first and last (three columns
    each, null when undated), kinds as "kind key" words (``KindKey``), months as "month count" words."""
    system_id, mentions, first, last, kinds, months = facts
    words = " ".join(f"{kind} {key}" for kind, key in kinds)
    counts = " ".join(f"{month} {n}" for month, n in months)
    return (article_id, system_id, mentions, *(first or (None,) * 3), *(last or (None,) * 3), words, counts)


def actor_row(article_id: str, facts: ActorFacts) -> tuple[object, ...]:
    """The ``article_actors`` row: article, actor, name, kind, mentions, roles (a JSON list,
    null when none)."""
    actor_id, name, kind, mentions, roles = facts
    return (
        article_id,
        actor_id,
        name,
        kind,
        mentions,
        json.dumps(roles, ensure_ascii=False) if roles else None,
    )


def chosen_articles(ids: Sequence[str]) -> str:
    """``ids`` as the one parameter of ``json_each(?)``: SQLite reads the articles a
    listing sums as a table (in their order: ``key`` is each one's place), so that one
    statement reads the rows of every article instead of one statement per 500 articles."""
    return json.dumps(list(ids), ensure_ascii=False, separators=(",", ":"))


def stored_system_facts(
    db: sqlite3.Connection, ids: Sequence[str], systems: Sequence[str] = ()
) -> Iterator[SystemFacts]:
    """The ``SystemFacts`` of each system of each article of ``ids`` (only ``systems``, if
    given), in the order of ``ids``, read from the rows; without their months, which only
    the chart reads (``stored_month_counts``)."""
    only = f" AND s.system_id IN ({','.join('?' * len(systems))})" if systems else ""
    # CROSS JOIN: SQLite walks the articles in their order and finds each one's rows by key.
    for system_id, mentions, fs, fe, fr, ls, le, lr, words in db.execute(
        "SELECT s.system_id, s.mentions, s.first_start, s.first_end, s.first_rank, s.last_start,"
        " s.last_end, s.last_rank, s.kinds FROM json_each(?) j CROSS JOIN article_systems s"
        f" ON s.article_id = j.value WHERE 1{only} ORDER BY j.key",
        (chosen_articles(ids), *systems),
    ):
        first = None if fs is None else (fs, fe, fr)
        last = None if ls is None else (ls, le, lr)
        yield system_id, mentions, first, last, _pairs(words), []


def stored_month_counts(
    db: sqlite3.Connection, ids: Sequence[str], systems: Sequence[str] = ()
) -> Iterator[tuple[str, int, list[tuple[str, int]]]]:
    """(system, mentions, [(month, count)]) summed over the articles of ``ids`` that share
    a system and the same counts per month: the chart's sums, in any order, from a few
    thousand groups of rows instead of one row per article and system."""
    only = f" AND system_id IN ({','.join('?' * len(systems))})" if systems else ""
    for system_id, months, mentions, articles in db.execute(
        "SELECT system_id, months, sum(mentions), count(*) FROM article_systems"
        f" WHERE article_id IN (SELECT value FROM json_each(?)){only} GROUP BY system_id, months",
        (chosen_articles(ids), *systems),
    ):
        yield system_id, mentions, [(month, int(n) * articles) for month, n in _pairs(months)]


def stored_actor_facts(
    db: sqlite3.Connection, ids: Sequence[str], kind: str | None = None
) -> Iterator[tuple[str, str | None, ActorFacts]]:
    """(article id, its publication day, ``ActorFacts``) for each actor of each article of
    ``ids`` (only those of ``kind``, if given), in the order of ``ids`` and, within an
    article, as written; read from the rows."""
    only = " AND a.kind = ?" if kind else ""
    # CROSS JOIN: the articles in their order, each one's day once, then its rows by key.
    for article_id, published, actor_id, name, actor_kind, mentions, roles in db.execute(
        "SELECT j.value, r.published, a.actor_id, a.name, a.kind, a.mentions, a.roles"
        " FROM json_each(?) j CROSS JOIN articles r ON r.id = j.value"
        f" CROSS JOIN article_actors a ON a.article_id = j.value WHERE 1{only} ORDER BY j.key, a.rowid",
        (chosen_articles(ids), *((kind,) if kind else ())),
    ):
        yield (
            article_id,
            published,
            (actor_id, name, actor_kind, mentions, json.loads(roles) if roles else []),
        )


def _actor_conditions(kind: str | None, actors: Sequence[str] | None) -> tuple[str, list[str]]:
    """SQL (``a`` is ``article_actors``) and its parameters: rows of ``kind`` and of the
    ``actors`` (ids), when given."""
    sql, args = "", []
    if kind:
        sql, args = " AND a.kind = ?", [kind]
    if actors is not None:
        sql += " AND a.actor_id IN (SELECT value FROM json_each(?))"
        args.append(json.dumps(list(actors)))
    return sql, args


def stored_actor_sums(
    db: sqlite3.Connection, ids: Sequence[str], kind: str | None = None, actors: Sequence[str] | None = None
) -> list[tuple[str, str, str, int, int]]:
    """(actor id, name, kind, articles, mentions) of each actor of the articles ``ids`` (of
    ``kind`` and among ``actors``, if given), summed by SQLite, in the order they are first
    met (articles in the order of ``ids``, rows as written); name and kind as first met."""
    conditions, args = _actor_conditions(kind, actors)
    # Where a row is met, as one integer: its article's place in ``ids``, then its rowid.
    (last_rowid,) = db.execute("SELECT coalesce(max(rowid), 0) FROM article_actors").fetchone()
    rowid_bits = max(last_rowid.bit_length(), 1)
    if len(ids).bit_length() + rowid_bits > 62:  # pragma: no cover - billions of rows
        raise ValueError("too many actor rows to sum in SQLite's integers")
    sums = db.execute(
        f"SELECT a.actor_id, count(*), sum(a.mentions), min((j.key << {rowid_bits}) | a.rowid)"
        " FROM json_each(?) j CROSS JOIN article_actors a ON a.article_id = j.value"
        f" WHERE 1{conditions} GROUP BY a.actor_id",
        (chosen_articles(ids), *args),
    ).fetchall()
    low_bits = (1 << rowid_bits) - 1
    met_first = sorted((met, actor_id, articles, mentions) for actor_id, articles, mentions, met in sums)
    rowids = [met & low_bits for met, *_ in met_first]
    first: dict[int, tuple[str, str]] = {}  # the row that met each actor first: its name and kind
    for at in range(0, len(rowids), 900):
        chunk = rowids[at : at + 900]
        for rowid, name, actor_kind in db.execute(
            f"SELECT rowid, name, kind FROM article_actors WHERE rowid IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            first[rowid] = (name, actor_kind)
    return [
        (actor_id, *first[rowid], articles, mentions)
        for rowid, (_, actor_id, articles, mentions) in zip(rowids, met_first, strict=True)
    ]


def stored_actor_roles(
    db: sqlite3.Connection, ids: Sequence[str], kind: str | None = None, actors: Sequence[str] | None = None
) -> Iterator[tuple[str, str | None, str, str]]:
    """(actor id, the article's publication day, role, article id) for each role an article
    of ``ids`` states for one of its actors (of ``kind`` and among ``actors``, if given), in
    the order of ``ids`` and of its rows."""
    conditions, args = _actor_conditions(kind, actors)
    for actor_id, published, roles, article_id in db.execute(
        "SELECT a.actor_id, r.published, a.roles, j.value FROM json_each(?) j"
        " CROSS JOIN articles r ON r.id = j.value CROSS JOIN article_actors a ON a.article_id = j.value"
        f" WHERE a.roles IS NOT NULL{conditions} ORDER BY j.key, a.rowid",
        (chosen_articles(ids), *args),
    ):
        for role in json.loads(roles):
            yield actor_id, published, role, article_id


def stored_event_days(
    db: sqlite3.Connection,
    ids: Sequence[str],
    *,
    systems: Sequence[str] = (),
    kinds: Sequence[str] = (),
    statuses: Sequence[str] = (),
) -> Iterator[tuple[str, int | None, int | None, int, int]]:
    """(system, start day and end day or None, precision rank, events): how many events of the
    articles ``ids`` name each system on each date, of ``kinds`` and ``statuses`` if given
    (``event_systems``: one row per event and system it names)."""
    conditions = "".join(
        f" AND {column} IN ({','.join('?' * len(values))})"
        for column, values in (("system_id", systems), ("kind", kinds), ("status", statuses))
        if values
    )
    for system_id, start, end, rank, events in db.execute(
        "SELECT system_id, start_day, end_day, precision_rank, count(*) FROM event_systems"
        f" WHERE article_id IN (SELECT value FROM json_each(?)){conditions} GROUP BY 1, 2, 3, 4",
        (chosen_articles(ids), *systems, *kinds, *statuses),
    ):
        yield system_id, (None if start == UNDATED_DAY else start), end, rank, events


def _pairs(words: str | None) -> list[tuple[str, str]]:
    if not words:
        return []
    parts = iter(words.split())
    return list(zip(parts, parts, strict=True))
