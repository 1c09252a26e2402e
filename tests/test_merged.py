"""The timeline's merge kept in the store (merged.py): a kept merge gives what a merge made
again gives, it is kept up to date by writing commands, an old one is never read, and a
store that cannot keep one is read as before."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from armstrack import merged, timeline
from armstrack.migrations import SCHEMA_VERSION
from armstrack.store import Store
from tests.schema import undo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from synthetic import articles

FILTERS = [
    timeline.EventFilter(),
    timeline.EventFilter(systems=("patriot",)),
    timeline.EventFilter(systems=("himars",), kinds=("aid_package", "delivery")),
    timeline.EventFilter(kinds=("delivery",), statuses=("planned",)),
    timeline.EventFilter(statuses=("done",)),
    timeline.EventFilter(actors=("lloyd-austin",)),  # a person: a merge key of every report
    timeline.EventFilter(actors=("ukraine",), kinds=("delivery",)),  # a country: none
]


def _feed(path: Path, start: int, count: int) -> Path:
    items = list(articles(start + count, seed=7))[start:]
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    return path


def _made_again(db: sqlite3.Connection, where: timeline.EventFilter, limit: int | None) -> Any:
    """The entries merged from the reports, the kept merge out of the way."""
    original = merged.scope_of
    try:
        merged.scope_of = lambda systems, actors, narrowed: None  # type: ignore[assignment]
        return timeline.entries(db, where, limit)
    finally:
        merged.scope_of = original  # type: ignore[assignment]


def _kept(path: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT scope, generation, rules FROM merged_scopes ORDER BY scope").fetchall()


def test_a_kept_merge_is_the_merge_made_again_and_ingest_keeps_it_up_to_date(
    cli, db, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(merged, "KEEP_ACTOR_FROM", 1)  # a few hundred reports: keep actors' too
    monkeypatch.setattr(merged, "FORGET_SHARE", 1.0)  # however widely a change touches them
    assert cli("--db", db, "ingest", str(_feed(tmp_path / "a.jsonl", 0, 120))).exit_code == 0
    for where in FILTERS:
        for limit in (None, 5):
            store = Store(Path(db), readonly=True)
            try:
                first = timeline.entries(store.db, where, limit)  # made, then kept
                second = timeline.entries(store.db, where, limit)  # read from what was kept
                assert first == second == _made_again(store.db, where, limit)
                assert first[1] > (5 if limit else 0)
            finally:
                store.close()
    scopes = [s for s, _, _ in _kept(db)]
    assert scopes == ["", "actor:lloyd-austin", "actor:ukraine", "himars", "patriot"]

    # More articles: the ingest makes the kept merges again before it ends.
    assert cli("--db", db, "ingest", str(_feed(tmp_path / "b.jsonl", 120, 60))).exit_code == 0
    with sqlite3.connect(db) as raw:
        now = merged.generation(raw)
    assert [(s, g) for s, g, _ in _kept(db)] == [(s, now) for s in scopes]
    store = Store(Path(db), readonly=True)
    try:
        for where in FILTERS:
            assert timeline.entries(store.db, where, None) == _made_again(store.db, where, None)
    finally:
        store.close()


def test_an_old_kept_merge_is_never_read(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = Store(Path(db))
    from armstrack.corpus import seed_records

    with store.transaction():
        for record in seed_records():
            store.put(record)
    before = timeline.entries(store.db, timeline.EventFilter(), None)
    # An event removed behind armstrack's back (no refresh): the store's generation moves on.
    store.db.execute("DELETE FROM events WHERE id = (SELECT max(id) FROM events)")
    after = timeline.entries(store.db, timeline.EventFilter(), None)
    assert after == _made_again(store.db, timeline.EventFilter(), None)
    assert after != before
    store.db.close()


def test_a_store_that_cannot_keep_a_merge_is_read_as_before(db, tmp_path, cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("--db", db, "ingest", str(_feed(tmp_path / "a.jsonl", 0, 30))).exit_code == 0
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another process is writing: keeping must not wait for it
    try:
        result = cli("--db", db, "timeline", "--json", "--limit", "0")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert result.exit_code == 0 and result.stderr.count("\n") <= 1
    assert _kept(db) == []
    assert json.loads(result.stdout) == json.loads(
        cli("--db", db, "timeline", "--json", "--limit", "0").stdout
    )
    assert [s for s, _, _ in _kept(db)] == [""]


@pytest.mark.parametrize("limit", [None, 3])
def test_kinds_and_statuses_read_from_a_kept_merge_are_their_own_merge(limit: int | None) -> None:
    """Reports merge only within their kind and status: the entries of some kinds and
    statuses, read from the whole merge, are the merge of their reports alone."""
    from armstrack.corpus import seed_records

    store = Store.memory()
    with store.transaction():
        for record in seed_records():
            store.put(record)
    timeline.entries(store.db, timeline.EventFilter(), None)  # keeps scope ''
    for kind in ("aid_package", "delivery", "meeting"):
        where = timeline.EventFilter(kinds=(kind,))
        assert timeline.entries(store.db, where, limit) == _made_again(store.db, where, limit)


def test_a_timeline_streamed_from_a_kept_merge_reads_one_snapshot(db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Every entry of a kept merge is read as it is printed, not all at once; the entries, their
    reports and their articles come from the store as it was when the timeline began. An
    article removed by another writer in the meantime is still in what is printed, and the
    read ends with the stream."""
    from armstrack.corpus import seed_records

    store = Store(Path(db))
    with store.transaction():
        for record in seed_records():
            store.put(record)
    whole, total = timeline.entries(store.db, timeline.EventFilter())  # makes and keeps scope ''
    assert [s for s, _, _ in _kept(db)] == [""] and total > 10
    monkeypatch.setattr(timeline, "_ASSEMBLE_REPORTS", 2)  # many batches
    stream, streamed_total = timeline.stream_entries(store.db, timeline.EventFilter())
    first = next(stream)
    last_article = whole[-1]["sources"][0]["article_id"]
    other = Store(Path(db))
    with other.transaction():
        other.db.execute("DELETE FROM articles WHERE id = ?", (last_article,))
    other.close()
    assert ([first, *stream], streamed_total) == (whole, total)
    assert not store.db.in_transaction
    after, _ = timeline.entries(store.db, timeline.EventFilter())
    assert last_article not in {s["article_id"] for e in after for s in e["sources"]}
    store.close()


def test_a_store_closed_by_an_error_leaves_its_merges_for_the_next_read(db, tmp_path, cli) -> None:  # type: ignore[no-untyped-def]
    """Ctrl-C or an error on its way out must not wait for the merges to be made again."""
    from armstrack.corpus import seed_records

    assert cli("--db", db, "ingest", str(_feed(tmp_path / "a.jsonl", 0, 20))).exit_code == 0
    assert cli("--db", db, "timeline", "--json").exit_code == 0
    made_at = _kept(db)[0][1]
    store = Store(Path(db))
    with pytest.raises(KeyboardInterrupt):
        try:
            with store.transaction():
                store.put(next(iter(seed_records())))
            raise KeyboardInterrupt
        finally:
            store.close()
    assert _kept(db)[0][1] == made_at  # not made again on the way out: marked old
    fresh = Store(Path(db), readonly=True)
    try:
        where = timeline.EventFilter()
        assert timeline.entries(fresh.db, where, None) == _made_again(fresh.db, where, None)
    finally:
        fresh.close()


def test_a_store_whose_path_has_uri_characters_keeps_its_merge(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "odd #1 ?name%.db")
    assert cli("--db", db, "ingest", str(_feed(tmp_path / "a.jsonl", 0, 10))).exit_code == 0
    assert cli("--db", db, "timeline", "--json").exit_code == 0
    assert [s for s, _, _ in _kept(db)] == [""]
    assert not any(
        p.name.startswith("odd") and p.name != Path(db).name for p in tmp_path.iterdir() if p.suffix == ".db"
    )


def _kept_rows(db: sqlite3.Connection, scope: str) -> list[tuple[Any, ...]]:
    return db.execute(
        "SELECT pos, kind, status, start_day, end_day, precision_rank, date_ref, members, whys, first_day, last_day"
        " FROM merged_entries WHERE scope = ? ORDER BY pos",
        (scope,),
    ).fetchall()


def _whole(db: sqlite3.Connection, scope: str) -> list[tuple[Any, ...]]:
    """The scope's merge made whole, as it would be kept."""
    return sorted(row[1:] for row in merged._rows(scope, timeline.merge_scope(db, scope)))


OWN_RECENT = """Pentagon sends more interceptors to Kyiv

The Pentagon announced a $150 million military aid package for Ukraine on {day}, including Patriot
interceptors and HIMARS rockets, a spokesman said.

Officials said the first Patriot interceptors from the package would arrive within weeks."""


def test_a_kept_merge_made_again_from_the_day_of_its_changes_is_the_whole_merge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Additions dated anywhere, reports of our own at the end of the timeline, articles
    deleted, an article published again under another date, an article with no dated event:
    after each, the kept merges made again from the earliest day touched (never whole) are
    the whole merge, entry for entry, order included."""
    import datetime as dt

    from tests.conftest import extract_text

    monkeypatch.setattr(merged, "FORGET_SHARE", 1.0)  # actors' merges too: never forgotten here
    store = Store(tmp_path / "s.db")
    docs = list(articles(150, seed=23))
    records = [extract_text(d["text"], d["published"]) for d in docs]
    scopes = ["", "patriot", "himars", "actor:lloyd-austin", "actor:ukraine"]
    with store.transaction():
        for record in records[:100]:
            store.put(record)
    for scope in scopes:
        merged.write(store.db, scope, merged.generation(store.db), timeline.merge_scope(store.db, scope))
    last_day = store.db.execute("SELECT max(start_day) FROM events").fetchone()[0]
    recent = [dt.date.fromordinal(last_day - k).strftime("%B %-d, %Y") for k in (0, 2, 5)]

    def never_whole(scope: str) -> list[Any]:
        raise AssertionError(f"scope {scope!r} was made whole")

    def changed(change: Any) -> None:
        with store.transaction():
            change()
        dirty = dict(store.db.execute("SELECT scope, dirty_from FROM merged_scopes").fetchall())
        assert all(day is not None for day in dirty.values())
        merged.refresh(
            store.db,
            never_whole,
            lambda scope, day, resume: timeline.merge_scope_from(store.db, scope, day, resume),
        )
        for scope in scopes:
            assert merged.is_current(store.db, scope)
            assert _kept_rows(store.db, scope) == _whole(store.db, scope)

    changed(lambda: [store.put(r) for r in records[100:120]])
    changed(lambda: [store.put(extract_text(OWN_RECENT.format(day=day), "2030-01-01")) for day in recent])
    ids = [r.id for r in records[3:60:12]]
    changed(lambda: [store.db.execute("DELETE FROM articles WHERE id = ?", (i,)) for i in ids])
    moved = records[70].model_copy(update={"url": None})
    changed(lambda: store.put(extract_text(docs[70]["text"], "2031-06-30")))
    undated = extract_text(OWN_RECENT.format(day="Tuesday") + " Allies weigh more help.")
    events = [e.model_copy(update={"date": None, "date_source": "none"}) for e in undated.events]
    assert events
    changed(lambda: store.put(undated.model_copy(update={"events": events})))
    # A report two days after an entry whose reports are all before it: the entry is still
    # open on that day, and the report joins it (rebuilt from its reports, not left as kept).
    own = OWN_RECENT.replace("$150 million", "$137 million").replace(
        "Patriot\ninterceptors and HIMARS rockets", "Hellfire missiles"
    )
    month_ago = dt.date.fromordinal(last_day - 30).strftime("%B %-d, %Y")
    first = extract_text(own.format(day=month_ago), "2030-02-01")
    changed(lambda: store.put(first))
    again = own.replace("a spokesman said", "the department said in a statement")
    later = extract_text(
        again.format(day=dt.date.fromordinal(last_day - 28).strftime("%B %-d, %Y")), "2030-02-02"
    )
    changed(lambda: store.put(later))
    both = {
        ref
        for (ref,) in store.db.execute(
            "SELECT id FROM events WHERE kind = 'aid_package' AND article_id IN (?, ?)", (first.id, later.id)
        )
    }
    entries = [{ref for ref, _ in json.loads(row[7])} for row in _kept_rows(store.db, "")]
    assert len(both) == 2 and both in entries  # the later report joined the entry of the earlier
    changed(lambda: [store.put(r) for r in records[120:150]])
    assert moved.id == records[70].id
    store.db.close()


def test_merges_kept_before_schema_10_are_made_again_and_then_kept_from_their_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store of schema 9 kept its merges with entry indexes for ``pos`` and no days: they
    are dropped by the migration (derived rows), made again by the next timeline, and from
    then on brought up to date from the day of each change."""
    from armstrack.corpus import seed_records

    monkeypatch.setattr(merged, "FORGET_SHARE", 1.0)  # five articles: any change touches most of it
    path = tmp_path / "s.db"
    old = Store(path)
    records = list(seed_records())
    with old.transaction():
        for record in records[:3]:
            old.put(record)
    undo(old.db, 11)  # schema 10: without schema 11's columns and tables, with its triggers
    for name in ("events_dirty_insert", "events_dirty_delete", "events_dirty_update"):  # schema 9
        old.db.execute(f"DROP TRIGGER {name}")
    old.db.execute("DROP TABLE merged_entries")
    old.db.execute("DROP TABLE merged_scopes")
    from armstrack.migrations import MIGRATIONS

    for statement in MIGRATIONS[9][-2:]:  # the two tables as schema 9 made them
        old.db.execute(statement)
    old.db.execute("PRAGMA user_version = 9")
    old.db.execute("INSERT INTO merged_scopes VALUES ('', ?, 1)", (merged.generation(old.db),))
    old.db.execute(
        "INSERT INTO merged_entries VALUES ('', 0, 'delivery', 'done', 1, 1, 0, 1, '[[1,0]]', '[null]')"
    )
    old.db.close()

    store = Store(path)
    assert store.version == SCHEMA_VERSION
    assert store.db.execute("SELECT count(*) FROM merged_entries").fetchone()[0] == 0
    where = timeline.EventFilter()
    made = timeline.entries(store.db, where, None)  # made whole, and kept
    assert made == _made_again(store.db, where, None) and made[1] > 0
    with store.transaction():
        for record in records[3:]:
            store.put(record)
    assert store.db.execute("SELECT dirty_from FROM merged_scopes").fetchone()[0] is not None
    store.close()  # brings the kept merge up to date from the changes' earliest day
    fresh = Store(path, readonly=True)
    try:
        assert merged.is_current(fresh.db, "")
        assert _kept_rows(fresh.db, "") == _whole(fresh.db, "")
    finally:
        fresh.close()


def test_an_actor_merge_is_kept_only_when_it_has_enough_reports(cli, db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Actors grow with the corpus, and each kept merge is made again after every write: one
    actor's merge is kept from ``KEEP_ACTOR_FROM`` reports on; two actors' never."""
    assert cli("--db", db, "ingest", str(_feed(tmp_path / "a.jsonl", 0, 60))).exit_code == 0
    store = Store(Path(db), readonly=True)
    try:
        austin = timeline.EventFilter(actors=("lloyd-austin",))
        reports = sum(len(g.members) for g in timeline.merge_scope(store.db, "actor:lloyd-austin"))
        assert reports > 10
        monkeypatch.setattr(merged, "KEEP_ACTOR_FROM", reports + 1)
        small = timeline.entries(store.db, austin)
        assert [s for s, _, _ in _kept(db)] == []
        monkeypatch.setattr(merged, "KEEP_ACTOR_FROM", reports)
        assert timeline.entries(store.db, austin) == small == _made_again(store.db, austin, None)
        assert [s for s, _, _ in _kept(db)] == ["actor:lloyd-austin"]
        both = timeline.EventFilter(actors=("lloyd-austin", "ukraine"))
        assert timeline.entries(store.db, both) == _made_again(store.db, both, None)
        assert [s for s, _, _ in _kept(db)] == ["actor:lloyd-austin"]
    finally:
        store.close()


def test_a_merge_a_change_touches_widely_is_forgotten_and_made_again_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reports of our own at the end of the timeline: the kept merges (every event's, a
    system's, an actor's) are brought up to date. Articles dated all over it: forgotten, not
    merged again by the write; the next timeline of each merges it whole and keeps it again."""
    import datetime as dt

    from tests.conftest import extract_text

    monkeypatch.setattr(merged, "KEEP_ACTOR_FROM", 1)
    store = Store(tmp_path / "s.db")
    docs = list(articles(160, seed=29))
    records = [extract_text(d["text"], d["published"]) for d in docs]
    with store.transaction():
        for record in records[:120]:
            store.put(record)
    wheres = {
        "": timeline.EventFilter(),
        "patriot": timeline.EventFilter(systems=("patriot",)),
        "actor:lloyd-austin": timeline.EventFilter(actors=("lloyd-austin",)),
    }
    for scope, where in wheres.items():
        timeline.entries(store.db, where)  # made and kept
        assert merged.is_current(store.db, scope)

    def refreshed() -> None:
        merged.refresh(
            store.db,
            lambda scope: timeline.merge_scope(store.db, scope),
            lambda scope, day, resume: timeline.merge_scope_from(store.db, scope, day, resume),
        )

    last_day = store.db.execute("SELECT max(start_day) FROM events").fetchone()[0]
    day = dt.date.fromordinal(last_day - 2).strftime("%B %-d, %Y")
    recent = OWN_RECENT.format(day=day).replace("a spokesman said", "Defense Secretary Lloyd Austin said")
    with store.transaction():
        store.put(extract_text(recent, "2030-01-01"))
    refreshed()
    for scope in wheres:
        assert merged.is_current(store.db, scope)  # brought up to date
        assert _kept_rows(store.db, scope) == _whole(store.db, scope)

    with store.transaction():
        for record in records[120:]:
            store.put(record)
    refreshed()
    assert store.db.execute("SELECT count(*) FROM merged_entries").fetchone()[0] == 0
    assert _kept(str(tmp_path / "s.db")) == []
    for scope, where in wheres.items():
        assert timeline.entries(store.db, where) == _made_again(store.db, where, None)
        assert merged.is_current(store.db, scope)  # kept again by that timeline
    store.db.close()
