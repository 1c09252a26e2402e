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
from armstrack.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from synthetic import articles

FILTERS = [
    timeline.EventFilter(),
    timeline.EventFilter(systems=("patriot",)),
    timeline.EventFilter(systems=("himars",), kinds=("aid_package", "delivery")),
    timeline.EventFilter(kinds=("delivery",), statuses=("planned",)),
    timeline.EventFilter(statuses=("done",)),
]


def _feed(path: Path, start: int, count: int) -> Path:
    items = list(articles(start + count, seed=7))[start:]
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    return path


def _made_again(db: sqlite3.Connection, where: timeline.EventFilter, limit: int | None) -> Any:
    """The entries merged from the reports, the kept merge out of the way."""
    original = merged.scope_of
    try:
        merged.scope_of = lambda systems, narrowed: None  # type: ignore[assignment]
        return timeline.entries(db, where, limit)
    finally:
        merged.scope_of = original  # type: ignore[assignment]


def _kept(path: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT scope, generation, rules FROM merged_scopes ORDER BY scope").fetchall()


def test_a_kept_merge_is_the_merge_made_again_and_ingest_keeps_it_up_to_date(cli, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
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
    assert scopes == ["", "himars", "patriot"]

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
