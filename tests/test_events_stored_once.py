"""Schema 12 keeps each event once: its date's source, systems and actors are columns of its
row (no separate body row), and the per-system and per-actor rows have no foreign key, so a
deleted event deletes them itself (a trigger). Nothing may be left behind, and a store of
schema 11 must migrate to exactly the rows a new store writes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from armstrack.corpus import seed_records
from armstrack.loader import load_text
from armstrack.migrations import SCHEMA_VERSION
from armstrack.store import UNDATED_DAY, Store
from armstrack.timeline import EventFilter, entries
from tests.schema import undo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from synthetic import articles


def _records():  # type: ignore[no-untyped-def]
    from armstrack.extract.pipeline import extract

    return [*seed_records(), *(extract(load_text(a["text"], url=a["url"])) for a in articles(30, seed=5))]


@pytest.fixture(scope="module")
def records():  # type: ignore[no-untyped-def]
    return _records()


def _derived(db) -> tuple[set[tuple[object, ...]], set[tuple[object, ...]]]:  # type: ignore[no-untyped-def]
    """The per-system and per-actor rows the events table implies, worked out here from the
    events' own columns (the rule: one row per distinct system or actor of an event)."""
    systems, actors = set(), set()
    for event_id, article, kind, start, end, rank, keys, status, published, names, people in db.execute(
        "SELECT id, article_id, kind, start_day, end_day, precision_rank, merge_keys, status, published,"
        " systems, actors FROM events"
    ):
        day = UNDATED_DAY if start is None else start
        for system in json.loads(names or "[]"):
            systems.add((system, day, rank, published or "~", article, event_id, kind, end, keys, status))
        for actor in json.loads(people or "[]"):
            actors.add((actor, event_id))
    return systems, actors


def _stored(db) -> tuple[set[tuple[object, ...]], set[tuple[object, ...]]]:  # type: ignore[no-untyped-def]
    return set(db.execute("SELECT * FROM event_systems")), set(db.execute("SELECT * FROM event_actors"))


def test_the_per_system_and_per_actor_rows_follow_their_events(records) -> None:  # type: ignore[no-untyped-def]
    store = Store.memory()
    with store.transaction():
        for record in records:
            store.put(record)
    systems, actors = _stored(store.db)
    assert len(systems) > 100 and len(actors) > 100
    assert (systems, actors) == _derived(store.db)
    # Deleting articles (a replaced text, a correction) deletes their events' rows, and no other.
    gone = [r.id for r in records[::3]]
    with store.transaction():
        for article_id in gone:
            store.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    left_systems, left_actors = _stored(store.db)
    assert (left_systems, left_actors) == _derived(store.db)
    assert 0 < len(left_systems) < len(systems) and 0 < len(left_actors) < len(actors)
    assert not {row for row in left_systems if row[4] in gone}
    # The same article stored again gets the same rows back.
    with store.transaction():
        for record in records:
            store.put(record)
    assert len(_stored(store.db)[0]) == len(systems) and _stored(store.db) == _derived(store.db)


def test_an_undated_event_without_a_publication_date_leaves_nothing_behind() -> None:
    from tests.conftest import extract_text

    record = extract_text("The Pentagon said it would send more Patriot interceptors to Ukraine.")
    assert record.published.date is None and record.events and record.events[0].date is None
    store = Store.memory()
    with store.transaction():
        store.put(record)
    assert store.db.execute("SELECT start_day, published FROM event_systems").fetchall() == [
        (UNDATED_DAY, "~")
    ]
    with store.transaction():
        store.db.execute("DELETE FROM articles")
    assert _stored(store.db) == (set(), set())


def test_a_store_of_schema_11_migrates_to_the_rows_a_new_store_writes(records, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "s.db"
    old = Store(path)
    with old.transaction():
        for record in records:
            old.put(record)
    expected_events = old.db.execute("SELECT * FROM events ORDER BY id").fetchall()
    expected_rows = _stored(old.db)
    expected_timeline = entries(old.db, EventFilter())
    undo(old.db, 12)
    assert old.version == 11
    # Schema 11's shape: a body row per event, holding the date's source, systems and actors.
    bodies = dict(old.db.execute("SELECT event_id, body FROM event_bodies"))
    assert len(bodies) == len(expected_events)
    with_systems = [json.loads(b) for b in bodies.values() if "systems" in json.loads(b)]
    assert with_systems and all("date_source" in b for b in with_systems)
    old.db.close()

    store = Store(path)
    try:
        assert store.version == SCHEMA_VERSION
        assert store.db.execute("SELECT * FROM events ORDER BY id").fetchall() == expected_events
        assert _stored(store.db) == expected_rows
        assert entries(store.db, EventFilter()) == expected_timeline
        names = {n for (n,) in store.db.execute("SELECT name FROM sqlite_master")}
        assert "event_bodies" not in names and "event_systems_event" not in names
        assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        store.close()


def test_the_events_view_names_an_events_systems_in_name_order(records) -> None:  # type: ignore[no-untyped-def]
    """Datasette facets on the view's ``systems``: one set of systems is one value, whatever
    order the sentence named them in."""
    store = Store.memory()
    with store.transaction():
        for record in records:
            store.put(record)
    rows = store.db.execute(
        "SELECT v.systems, e.systems FROM events_view v JOIN events e ON e.id = v.id"
    ).fetchall()
    unsorted = [
        (shown, json.loads(stored))
        for shown, stored in rows
        if stored and json.loads(stored) != sorted(json.loads(stored))
    ]
    assert unsorted  # the generated articles name "patriot" before "nasams"
    assert all(shown == ", ".join(sorted(set(names))) for shown, names in unsorted)
