"""What one article says about each system and actor it names, as plain tuples: made from
the record at ingest (kept as columns of ``article_systems`` and ``article_actors``) or on
the fly, and summed across articles by ``query.systems_overview`` and ``query.actors``.

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
from typing import TYPE_CHECKING, Any

from armstrack.daterange import PRECISION_ORDER
from armstrack.store import _chunks

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
    for chunk, rows in _rows_by_article(
        db, ids, "article_id, package_id FROM article_packages", "package_id"
    ):
        for article_id in chunk:
            for _, package_id in rows.get(article_id, ()):
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


def stored_system_facts(db: sqlite3.Connection, ids: Sequence[str]) -> Iterator[list[SystemFacts]]:
    """The ``SystemFacts`` of each article of ``ids``, in that order, read from its rows."""
    for chunk, rows in _rows_by_article(
        db, ids, "article_id, system_id, mentions, first_start, first_end, first_rank, last_start, last_end,"
        " last_rank, kinds, months FROM article_systems"
    ):  # fmt: skip
        for article_id in chunk:
            yield [
                (system_id, mentions, None if fs is None else (fs, fe, fr), None if ls is None else (ls, le, lr),
                 _pairs(words), [(month, int(n)) for month, n in _pairs(counts)])
                for _, system_id, mentions, fs, fe, fr, ls, le, lr, words, counts in rows.get(article_id, ())
            ]  # fmt: skip


def stored_actor_facts(
    db: sqlite3.Connection, ids: Sequence[str]
) -> Iterator[tuple[str, str | None, list[ActorFacts]]]:
    """(id, publication day, ``ActorFacts``) of each article of ``ids``, in that order, read
    from its rows."""
    for chunk, rows in _rows_by_article(
        db, ids, "article_id, actor_id, name, kind, mentions, roles FROM article_actors"
    ):
        marks = ",".join("?" * len(chunk))
        published = dict(db.execute(f"SELECT id, published FROM articles WHERE id IN ({marks})", chunk))
        for article_id in chunk:
            yield (
                article_id,
                published.get(article_id),
                [
                    (actor_id, name, kind, mentions, json.loads(roles) if roles else [])
                    for _, actor_id, name, kind, mentions, roles in rows.get(article_id, ())
                ],
            )


def stored_event_systems(
    db: sqlite3.Connection, ids: Sequence[str]
) -> Iterator[tuple[str, str, str, int | None, int, int]]:
    """(system, kind, status, start day or None, end day, precision rank) of each event of
    the articles ``ids`` and each system it names, from the event rows."""
    for chunk in _chunks(list(ids), 500):
        marks = ",".join("?" * len(chunk))
        for systems, kind, status, start, end, rank in db.execute(
            "SELECT systems, kind, status, start_day, end_day, precision_rank"
            f" FROM events WHERE article_id IN ({marks}) AND systems IS NOT NULL",
            chunk,
        ):
            for system_id in dict.fromkeys(json.loads(systems)):
                yield system_id, kind, status, start, end, rank


def _rows_by_article(
    db: sqlite3.Connection, ids: Sequence[str], select: str, order: str = "rowid"
) -> Iterator[tuple[list[str], dict[str, list[tuple[Any, ...]]]]]:
    """``select`` (columns and table, the article id first) for 500 articles at a time, by
    ``order`` (by default, the order the rows were written)."""
    for chunk in _chunks(list(ids), 500):
        rows: dict[str, list[tuple[Any, ...]]] = {}
        marks = ",".join("?" * len(chunk))
        for row in db.execute(f"SELECT {select} WHERE article_id IN ({marks}) ORDER BY {order}", chunk):
            rows.setdefault(row[0], []).append(row)
        yield chunk, rows


def _pairs(words: str | None) -> list[tuple[str, str]]:
    if not words:
        return []
    parts = iter(words.split())
    return list(zip(parts, parts, strict=True))
