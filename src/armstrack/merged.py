"""The timeline's merge kept in the store, so that reading a timeline does not merge every
report again (at 100,000 articles, one system's timeline merges 140,000 reports).

A merge is kept per *scope*: every event (scope ``''``) or one system's events (its id),
the two timelines that can be read from it whatever kinds and statuses are asked for:
reports merge only within their kind and status, so the entries of some kinds and statuses
are exactly the merge of their reports alone. Other filters (dates, actors, articles,
sources, words) change which reports meet, and are merged as they are asked for.

Every change to an event bumps the store's generation (a trigger, migration 9); a kept
merge is read only at the generation and under the rules (``merge.RULES``) it was made
with. The first timeline of a scope makes its merge and keeps it; after each write
command the store makes its kept merges again (``refresh``), so they stay up to date.
Keeping is best effort: a store that cannot be written (a read-only file, a busy writer)
is merged as before, and nothing is lost.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from typing import Any

from armstrack.merge import RULES, Group, decode_why, encode_why

_NOTHING: set[str] = set()
_WRITE_BATCH = 2000  # entries a statement


def scope_of(systems: Sequence[str], narrowed: bool) -> str | None:
    """The kept merge a timeline can be read from: '' for every event, a system's id for one
    system, None when other filters than kind and status narrow the reports (``narrowed``)."""
    if narrowed or len(systems) > 1:
        return None
    return systems[0] if systems else ""


def generation(db: sqlite3.Connection) -> int:
    return int(db.execute("SELECT n FROM store_generation WHERE id = 1").fetchone()[0])


def is_current(db: sqlite3.Connection, scope: str) -> bool:
    row = db.execute("SELECT generation, rules FROM merged_scopes WHERE scope = ?", (scope,)).fetchone()
    return row is not None and row[1] == RULES and row[0] == generation(db)


def read(
    db: sqlite3.Connection,
    scope: str,
    kinds: Sequence[str],
    statuses: Sequence[str],
    limit: int | None,
) -> tuple[list[Group], int]:
    """The kept entries of ``scope`` of these kinds and statuses (all when empty), in timeline
    order: the latest ``limit`` of them, and how many there are in all. The caller has
    checked ``is_current`` in the same read transaction."""
    where, args = ["scope = ?"], [scope]
    for column, values in (("kind", kinds), ("status", statuses)):
        if values:
            where.append(f"{column} IN ({','.join('?' * len(values))})")
            args += values
    clause = " AND ".join(where)
    total = int(db.execute(f"SELECT count(*) FROM merged_entries WHERE {clause}", args).fetchone()[0])
    sql = (
        "SELECT pos, kind, status, start_day, end_day, precision_rank, date_ref, members, whys"
        f" FROM merged_entries WHERE {clause} ORDER BY pos"
    )
    if limit is not None and limit < total:
        sql += " DESC LIMIT ?"
        rows = db.execute(sql, [*args, limit]).fetchall()[::-1]
    else:
        rows = db.execute(sql, args).fetchall()
    return [_group(row) for row in rows], total


def _group(row: tuple[Any, ...]) -> Group:
    pos, kind, status, start, end, rank, date_ref, members, whys = row
    reasons = [decode_why(w) for w in json.loads(whys)]
    pairs = json.loads(members)
    group = Group(kind, status, start, end, rank, date_ref, _NOTHING, _NOTHING, _NOTHING, _NOTHING, pos)
    group.members = [ref for ref, _ in pairs]
    group.why = [reasons[i] for _, i in pairs]
    return group


def _rows(scope: str, groups: Sequence[Group]) -> Iterator[tuple[Any, ...]]:
    for pos, group in enumerate(groups):
        index: dict[Any, int] = {}
        encoded: list[Any] = []
        pairs = []
        for ref, why in zip(group.members, group.why, strict=True):
            i = index.get(why)
            if i is None:
                i = index[why] = len(encoded)
                encoded.append(encode_why(why))
            pairs.append((ref, i))
        yield (
            scope, pos, group.kind, group.status, group.start, group.end, group.rank, group.date_ref,
            json.dumps(pairs, separators=(",", ":")), json.dumps(encoded, separators=(",", ":")),
        )  # fmt: skip


def write(db: sqlite3.Connection, scope: str, made_at: int, groups: Sequence[Group]) -> None:
    """Keep ``groups`` (the whole merge of ``scope``, in timeline order) as made at
    generation ``made_at``, in one write transaction; only if the store is still at it."""
    db.execute("BEGIN IMMEDIATE")
    try:
        if generation(db) != made_at:  # a writer came in between: this merge is already old
            db.execute("ROLLBACK")
            return
        db.execute("DELETE FROM merged_entries WHERE scope = ?", (scope,))
        rows = _rows(scope, groups)
        while batch := list(islice(rows, _WRITE_BATCH)):
            db.executemany("INSERT INTO merged_entries VALUES (?,?,?,?,?,?,?,?,?,?)", batch)
        db.execute(
            "INSERT OR REPLACE INTO merged_scopes (scope, generation, rules) VALUES (?, ?, ?)",
            (scope, made_at, RULES),
        )
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


def keep(path: str, db: sqlite3.Connection, scope: str, made_at: int, groups: Sequence[Group]) -> None:
    """``write``, best effort, through a connection that may write: ``db`` itself for a store
    in memory, else a second connection to ``path`` (reading commands open theirs
    read-only). A store that cannot be written now keeps nothing, and says nothing."""
    try:
        if path == ":memory:":
            write(db, scope, made_at, groups)
            return
        from armstrack.store import store_uri

        # mode=rw: a store that has gone away is not made again, empty.
        writer = sqlite3.connect(store_uri(path, "rw"), uri=True, isolation_level=None, timeout=0.5)
        try:
            write(writer, scope, made_at, groups)
        finally:
            writer.close()
    except sqlite3.Error:
        return


def refresh(db: sqlite3.Connection, make: Callable[[str], list[Group]]) -> None:
    """Make again every kept merge that is out of date (after a write command): ``make``
    merges one scope's reports, in timeline order."""
    stale = [
        scope
        for scope, made_at, rules in db.execute(
            "SELECT scope, generation, rules FROM merged_scopes"
        ).fetchall()
        if rules != RULES or made_at != generation(db)
    ]
    for scope in stale:
        now = generation(db)
        write(db, scope, now, make(scope))
