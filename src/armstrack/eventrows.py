"""Which stored events a timeline merges, read from SQL in merge order (timeline.py merges
and assembles them): the filters an event's own row decides, and the search for the events
whose sentence has every word of ``--query``."""

from __future__ import annotations

import json
import re
import sqlite3
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from armstrack.store import UNDATED_DAY, _chunks, like_escape


@dataclass(frozen=True, slots=True)
class EventFilter:
    """The timeline's share of the filter set, already resolved to ids and day numbers."""

    kinds: tuple[str, ...] = ()
    systems: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()  # actor ids
    articles: tuple[str, ...] = ()  # full article ids
    sources: tuple[str, ...] = ()  # outlet name fragments
    statuses: tuple[str, ...] = ()
    since_day: int | None = None
    until_day: int | None = None
    query: str | None = None  # every word must begin a word of the event's sentence


def light_rows(
    db: sqlite3.Connection, where: EventFilter, from_day: int | None = None
) -> Iterator[tuple[Any, ...]]:
    """(event id, kind, start day, end day, precision rank, merge keys, article id, status), in merge
    order: date, narrower first, then the earlier-published article (it leads the entry).
    ``from_day``: only the reports dated from that day on, and the undated ones."""
    if where.systems:  # one range scan of the per-system rows, already in order
        event, table = "e.event_id", "event_systems e"
        sql = [f"SELECT {'DISTINCT ' if len(where.systems) > 1 else ''}e.event_id, e.kind,"]
        sql.append(
            f" nullif(e.start_day, {UNDATED_DAY}), e.end_day, e.precision_rank, e.merge_keys, e.article_id,"
            " e.status"
        )
        order = " ORDER BY e.start_day, e.precision_rank, e.published, e.article_id, e.event_id"
    else:
        event, table = "e.id", "events e"
        sql = [
            "SELECT e.id, e.kind, e.start_day, e.end_day, e.precision_rank, e.merge_keys, e.article_id, e.status"
        ]
        order = (
            " ORDER BY e.start_day IS NULL, e.start_day, e.precision_rank, e.published IS NULL, e.published,"
            " e.article_id, e.id"
        )
    sql.append(f" FROM {table} WHERE 1")
    args: list[Any] = []
    for column, values, subquery in (
        ("e.system_id", where.systems, None),
        ("e.article_id", where.articles, None),
        (event, where.actors, "SELECT event_id FROM event_actors WHERE actor_id IN"),
    ):
        if values:
            marks = ",".join("?" * len(values))
            sql.append(
                f" AND {column} IN ({subquery} ({marks}))" if subquery else f" AND {column} IN ({marks})"
            )
            args += values
    if where.sources:
        likes = " OR ".join("source LIKE ? ESCAPE '\\'" for _ in where.sources)
        sql.append(f" AND e.article_id IN (SELECT id FROM articles WHERE {likes})")
        args += [f"%{like_escape(s)}%" for s in where.sources]
    match = fts_prefixes(where.query) if where.query else None
    if match:  # only an article with every word can have a sentence with them all
        sql.append(f" AND e.article_id IN ({_MATCHING_ARTICLES})")
        args.append(match)
    kept, kept_args = _event_conditions(where)  # kinds, statuses, dates
    sql.append(kept)
    args += kept_args
    if from_day is not None:  # a system's undated rows carry UNDATED_DAY, every event's null
        sql.append(
            " AND e.start_day >= ?" if where.systems else " AND (e.start_day >= ? OR e.start_day IS NULL)"
        )
        args.append(from_day)
    if where.query:  # the events whose sentence has the words, found first (one statement at a time)
        said = _events_saying(db, where.query, match, _event_conditions(where, indexed=False))
        # Given to the ordered read as a set it probes, not tested in Python on every event
        # of the articles with the words (1.7 s of 13 at 100,000 articles, for one event).
        sql.append(f" AND {event} IN (SELECT value FROM json_each(?))")
        args.append(json.dumps(sorted(said)))
    sql.append(order)
    return db.execute("".join(sql), args)


_MATCHING_ARTICLES = (
    "SELECT id FROM articles WHERE rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
)


def _event_conditions(where: EventFilter, indexed: bool = True) -> tuple[str, list[Any]]:
    """SQL (``e`` an event row: of ``events`` or of ``event_systems``, which name these
    columns alike) and its parameters for the filters an event's own row decides: kinds,
    statuses and dates. An undated event has no end day in either, and a start day after
    every real one in ``event_systems`` (none in ``events``): no date filter keeps it.
    Not ``indexed``: each column behind a unary plus, which SQLite never looks up by an
    index, for a statement that must find its rows by another column (``_events_saying``:
    by article; a kind's or a date's index there made one query take minutes)."""
    e = "e" if indexed else "+e"
    sql: list[str] = []
    args: list[Any] = []
    for column, values in ((f"{e}.kind", where.kinds), (f"{e}.status", where.statuses)):
        if values:
            sql.append(f" AND {column} IN ({','.join('?' * len(values))})")
            args += values
    if where.since_day is not None:
        sql.append(f" AND {e}.end_day >= ?")
        args.append(where.since_day)
    if where.until_day is not None:
        sql.append(f" AND {e}.start_day <= ?")
        args.append(where.until_day)
    return "".join(sql), args


def _events_saying(
    db: sqlite3.Connection, query: str, match: str | None, conditions: tuple[str, list[Any]]
) -> set[int]:
    """The ids of the events whose sentence has every word of ``query`` (``query_pattern``):
    the body's own text (a window of an endless sentence), else the article text between
    the evidence offsets. Only the events ``conditions`` keep (``_event_conditions``: the
    timeline would drop the others anyway) are tried, and only the texts of articles with
    such an event are read. Each article the full-text ``match`` keeps is read once, a few
    hundred at a time (an event at a time, as a correlated subquery, took minutes at
    100,000 articles)."""
    pattern = query_pattern(query)
    # The longest word is looked for once in each article's text, and a sentence without
    # it is passed over before the pattern is tried on it (the pattern needs every word,
    # matched case-blind, wholly inside the sentence: each occurrence, overlapping ones too).
    longest = max(query.split(), key=len, default="")  # no word: every sentence has them all
    finder = re.compile(f"(?={re.escape(longest)})", re.IGNORECASE) if longest else None
    if match:
        ids = [i for (i,) in db.execute(_MATCHING_ARTICLES, (match,))]
    else:
        ids = [i for (i,) in db.execute("SELECT id FROM articles")]
    kept, args = conditions
    said: set[int] = set()
    for chunk in _chunks(ids, 200):
        marks = ",".join("?" * len(chunk))
        events = db.execute(
            "SELECT e.id, e.article_id, e.evidence_start, e.evidence_end, json_extract(e.body, '$.text')"
            f" FROM events e WHERE e.article_id IN ({marks}){kept}",
            [*chunk, *args],
        ).fetchall()
        wanted = sorted({article_id for _, article_id, _, _, own in events if own is None})
        texts: dict[str, str] = dict(
            db.execute(f"SELECT id, text FROM articles WHERE id IN ({','.join('?' * len(wanted))})", wanted)
        )
        found = {i: [m.start() for m in finder.finditer(text)] for i, text in texts.items()} if finder else {}
        for event_id, article_id, start, end, own in events:
            if own is not None:
                sentence = own
            else:
                if finder is not None:
                    places = found[article_id]
                    i = bisect_left(places, start)
                    if i == len(places) or places[i] > end - len(longest):
                        continue
                sentence = texts[article_id][start:end]
            if pattern.search(sentence):
                said.add(event_id)
    return said


def query_pattern(query: str) -> re.Pattern[str]:
    """Every word of the query must occur (case-insensitive, as a word prefix). Anchored at
    the start: unanchored, ``search`` tried the lookaheads again from every position of a
    text without the words (90 µs for a 110-character sentence, 1.6 µs anchored)."""
    words = query.split()
    return re.compile(
        r"\A" + "".join(rf"(?=.*?(?<!\w){re.escape(w)})" for w in words), re.IGNORECASE | re.DOTALL
    )


def fts_prefixes(query: str) -> str | None:
    """A full-text query that every article matching ``query_pattern`` matches: each word
    with a letter or digit as a quoted prefix (the index splits words where the pattern
    does, or more often). None when no word has one."""
    words = [w for w in query.split() if any(c.isalnum() for c in w)]
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words) or None
