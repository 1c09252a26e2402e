"""The timeline's merge kept in the store, so that reading a timeline does not merge every
report again (at 100,000 articles, one system's timeline merges 140,000 reports).

A merge is kept per *scope*: every event (scope ``''``), one system's events (its id) or one
actor's (``actor:`` and its id, when it has enough reports to be worth it), the timelines
that can be read from it whatever kinds and statuses are asked for:
reports merge only within their kind and status, so the entries of some kinds and statuses
are exactly the merge of their reports alone. Other filters (dates, articles, sources,
words, a second system or actor) change which reports meet, and are merged as they are
asked for.

Every change to an event bumps the store's generation (a trigger, migration 9); a kept
merge is read only at the generation and under the rules (``merge.RULES``) it was made
with. The first timeline of a scope makes its merge and keeps it; after each write
command the store brings its kept merges up to date (``refresh``). Each scope also keeps
the earliest day a change has touched since (triggers, migration 10), and is merged again
from that day on only (``update``): the reports before it merge as they did; a merge that
a change touched widely (historical articles) is dropped instead, and made whole by the
next timeline that reads it. Keeping is best effort: a store that cannot be written (a
read-only file, a busy writer) is merged as before, and nothing is lost.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from typing import Any

from armstrack.merge import RULES, SLACK_DAYS, Group, decode_why, encode_why, replay

_NOTHING: set[str] = set()
_WRITE_BATCH = 2000  # entries a statement
_SEQ_BITS, _RANK_BITS, _DAY_BITS = 32, 4, 24


def order_key(group: Group) -> int:
    """The entry's place in timeline order as one integer (the kept ``pos``): undated last,
    then by date and precision, then in the order the merge opened them. Unlike an index
    into the list, an entry keeps it while entries after it come and go (``update``)."""
    start = 0 if group.start is None else group.start
    assert (
        0 <= start < 1 << _DAY_BITS and 0 <= group.rank < 1 << _RANK_BITS and 0 <= group.seq < 1 << _SEQ_BITS
    )
    return (
        ((group.start is None) << (_DAY_BITS + _RANK_BITS + _SEQ_BITS))
        | (start << (_RANK_BITS + _SEQ_BITS))
        | (group.rank << _SEQ_BITS)
        | group.seq
    )


def _seq(pos: int) -> int:
    return pos & ((1 << _SEQ_BITS) - 1)


ACTOR_SCOPE = "actor:"  # an actor's kept merge: this and the actor's id (no system id has a colon)
# Reports an actor's merge must have to be kept. A system's merge is always kept: the
# catalog has a few hundred. Actors grow with the corpus, and every kept merge is brought up
# to date after each write; one of fewer reports is made in about the time it takes to read
# (at 150,000 reports a second, 0.13 s), while at 100,000 articles a person's 130,000
# reports take 1 s and a country's 2.4 million 14 s.
KEEP_ACTOR_FROM = 20_000


def scope_of(systems: Sequence[str], actors: Sequence[str], narrowed: bool) -> str | None:
    """The kept merge a timeline can be read from: '' for every event, a system's id for one
    system, ``ACTOR_SCOPE`` and an actor's id for one actor, None when other filters than
    kind and status narrow the reports (``narrowed``)."""
    if narrowed or len(systems) + len(actors) > 1:
        return None
    if actors:
        return ACTOR_SCOPE + actors[0]
    return systems[0] if systems else ""


def scope_reports(scope: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The systems and the actors (ids) whose reports a kept scope merges."""
    if scope.startswith(ACTOR_SCOPE):
        return (), (scope[len(ACTOR_SCOPE) :],)
    return ((scope,) if scope else ()), ()


def worth_keeping(scope: str, groups: Sequence[Group]) -> bool:
    """Keep this merge? Every event's and each system's, always; an actor's when it merges
    at least ``KEEP_ACTOR_FROM`` reports."""
    if not scope.startswith(ACTOR_SCOPE):
        return True
    reports = 0
    for group in groups:
        reports += len(group.members)
        if reports >= KEEP_ACTOR_FROM:
            return True
    return False


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
) -> tuple[Iterator[Group], int]:
    """The kept entries of ``scope`` of these kinds and statuses (all when empty), in timeline
    order: the latest ``limit`` of them, and how many there are in all. The caller has
    checked ``is_current`` in the same read transaction, and holds it until the entries are
    read: every entry (no limit) is read as it is used, not all at once (at 100,000
    articles, 200,000 entries of 3 million reports)."""
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
        return map(_group, rows), total
    return map(_group, db.execute(sql, args)), total


def _group(row: tuple[Any, ...]) -> Group:
    pos, kind, status, start, end, rank, date_ref, members, whys = row
    reasons = [decode_why(w) for w in json.loads(whys)]
    pairs = json.loads(members)
    group = Group(kind, status, start, end, rank, date_ref, _NOTHING, _NOTHING, _NOTHING, _NOTHING, _seq(pos))
    group.members = [ref for ref, _ in pairs]
    group.why = [reasons[i] for _, i in pairs]
    return group


def _rows(scope: str, groups: Sequence[Group]) -> Iterator[tuple[Any, ...]]:
    for group in groups:
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
            scope, order_key(group), group.kind, group.status, group.start, group.end, group.rank, group.date_ref,
            json.dumps(pairs, separators=(",", ":")), json.dumps(encoded, separators=(",", ":")),
            group.first_day, group.last_day,
        )  # fmt: skip


_INSERT = (
    "INSERT INTO merged_entries (scope, pos, kind, status, start_day, end_day, precision_rank, date_ref, members,"
    " whys, first_day, last_day) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
)


def _insert(db: sqlite3.Connection, scope: str, groups: Sequence[Group]) -> None:
    rows = _rows(scope, groups)
    while batch := list(islice(rows, _WRITE_BATCH)):
        db.executemany(_INSERT, batch)


def _made(db: sqlite3.Connection, scope: str, generation: int) -> None:
    db.execute(
        "INSERT OR REPLACE INTO merged_scopes (scope, generation, rules, dirty_from) VALUES (?, ?, ?, NULL)",
        (scope, generation, RULES),
    )


def write(db: sqlite3.Connection, scope: str, made_at: int, groups: Sequence[Group]) -> None:
    """Keep ``groups`` (the whole merge of ``scope``, in timeline order) as made at
    generation ``made_at``, in one write transaction; only if the store is still at it."""
    db.execute("BEGIN IMMEDIATE")
    try:
        if generation(db) != made_at:  # a writer came in between: this merge is already old
            db.execute("ROLLBACK")
            return
        db.execute("DELETE FROM merged_entries WHERE scope = ?", (scope,))
        _insert(db, scope, groups)
        _made(db, scope, made_at)
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


def refresh(
    db: sqlite3.Connection,
    make: Callable[[str], list[Group]],
    make_from: Callable[[str, int, tuple[list[Group], int]], list[Group]] | None = None,
) -> None:
    """Bring every kept merge that is out of date up to date (after a write command): from
    the earliest day its changes touched when that is recorded (``update``, through
    ``make_from(scope, day, resume)``, which merges the scope's reports from ``day`` on,
    resuming the merge as ``resume`` says), else whole (``make``, the scope's whole merge
    in timeline order). A merge the changes touched widely (``FORGET_SHARE``) is dropped
    instead."""
    stale = [
        (scope, dirty_from)
        for scope, made_at, rules, dirty_from in db.execute(
            "SELECT scope, generation, rules, dirty_from FROM merged_scopes"
        ).fetchall()
        if rules != RULES or made_at != generation(db)
    ]
    for scope, dirty_from in stale:
        if not _cheap_to_update(db, scope, dirty_from):
            forget(db, scope)  # made again by the next timeline that asks for it, if any does
            continue
        if make_from is not None and dirty_from is not None and update(db, scope, make_from):
            continue
        now = generation(db)
        write(db, scope, now, make(scope))


# A kept merge is brought up to date after a write only when the change touched at most
# this share of its entries (a few days of news, typically). An ingest of historical
# articles, dated all over the timeline, would merge most reports again for every kept
# scope: at 100,000 articles, 500 such articles took 23 s to ingest with every event's and
# Patriot's merges kept (most of it the merge of every event, and 770 MB), 46 s with three
# actors' too. The merge is dropped instead, and made whole by the next timeline that
# reads it: the same work, done only if some timeline asks for it.
FORGET_SHARE = 0.25


def _cheap_to_update(db: sqlite3.Connection, scope: str, dirty_from: int | None) -> bool:
    if dirty_from is None:
        return False
    total, touched = db.execute(
        "SELECT count(*), count(*) FILTER (WHERE first_day IS NULL OR first_day >= ?)"
        " FROM merged_entries WHERE scope = ?",
        (dirty_from, scope),
    ).fetchone()
    return bool(touched <= FORGET_SHARE * total)


def forget(db: sqlite3.Connection, scope: str) -> None:
    """Drop a kept merge, in one write transaction: its scope is merged as asked again."""
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute("DELETE FROM merged_entries WHERE scope = ?", (scope,))
        db.execute("DELETE FROM merged_scopes WHERE scope = ?", (scope,))
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


def update(
    db: sqlite3.Connection, scope: str, make_from: Callable[[str, int, tuple[list[Group], int]], list[Group]]
) -> bool:
    """Make a kept merge up to date from the earliest day its changes touched, in one write
    transaction; False (nothing done) when it cannot be (other rules, nothing recorded).

    Reports are merged in date order, so the merge of those dated before that day is what
    it was: the entries it had closed stay as kept, the ones still open then are rebuilt
    from their earlier reports (``merge.replay``), and the merge goes on from there over the
    reports of that day and after. What changed is typically a few days old: a small part
    of a large store's reports is merged again, not all of them."""
    db.execute("BEGIN IMMEDIATE")
    try:
        row = db.execute("SELECT rules, dirty_from FROM merged_scopes WHERE scope = ?", (scope,)).fetchone()
        if row is None or row[0] != RULES or row[1] is None:
            db.execute("ROLLBACK")
            return False
        day = int(row[1])
        before = int(
            db.execute(
                "SELECT count(*) FROM merged_entries WHERE scope = ? AND first_day < ?", (scope, day)
            ).fetchone()[0]
        )
        reopen = "first_day < ? AND (last_day >= ? OR end_day + ? >= ?)"  # still open on that day
        entries = db.execute(
            f"SELECT pos, kind, status, members, whys FROM merged_entries WHERE scope = ? AND {reopen}",
            (scope, day, day, SLACK_DAYS, day),
        ).fetchall()
        resumed = _replayed(db, entries, day)
        if resumed is None:
            db.execute("ROLLBACK")
            return False
        groups = make_from(scope, day, (resumed, before))
        db.execute(
            f"DELETE FROM merged_entries WHERE scope = ? AND (first_day IS NULL OR first_day >= ? OR {reopen})",
            (scope, day, day, day, SLACK_DAYS, day),
        )
        _insert(db, scope, groups)
        _made(db, scope, generation(db))
        db.execute("COMMIT")
        return True
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


def _replayed(db: sqlite3.Connection, entries: list[tuple[Any, ...]], day: int) -> list[Group] | None:
    """The kept ``entries`` as they stood before ``day``: each with its reports dated
    before it (a report dated later, or gone, came after them in merge order). None if an
    entry's first report is not among them: what was kept does not fit the store."""
    members = {pos: json.loads(m) for pos, _, _, m, _ in entries}
    refs = [ref for pairs in members.values() for ref, _ in pairs]
    rows: dict[int, tuple[Any, ...]] = {}
    for start in range(0, len(refs), 900):
        chunk = refs[start : start + 900]
        for ref, *rest in db.execute(
            "SELECT id, start_day, end_day, precision_rank, merge_keys, article_id FROM events"
            f" WHERE id IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            rows[ref] = tuple(rest)
    groups = []
    for pos, kind, status, _, whys in entries:
        reasons = [decode_why(w) for w in json.loads(whys)]
        earlier = []
        for ref, i in members[pos]:
            found = rows.get(ref)
            if found is None or found[0] is None or found[0] >= day:
                break
            earlier.append((ref, reasons[i]))
        if not earlier:
            return None
        groups.append(replay(kind, status, _seq(pos), earlier, rows))
    groups.sort(key=lambda g: g.seq)
    return groups
