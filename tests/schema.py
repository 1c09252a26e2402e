"""Stores as an earlier armstrack left them, for migration tests."""

from __future__ import annotations

import sqlite3

from armstrack.migrations import MIGRATIONS


def undo(db: sqlite3.Connection, version: int) -> None:
    """Take back migration ``version`` and every later one: drop the columns ("ALTER TABLE
    t ADD COLUMN c ..."), tables and triggers each created, and make again the triggers and
    indexes it dropped, as the last earlier migration made them. Migrations 12 and 13 rebuild
    tables and move data, and are taken back by hand (``_undo_12``, ``_undo_13``)."""
    current = int(db.execute("PRAGMA user_version").fetchone()[0])
    for later in range(current, version, -1):
        undo(db, later)
    if version == 12:
        _undo_12(db)
        return
    if version == 13:
        _undo_13(db)
        return
    for statement in reversed(MIGRATIONS[version]):
        words = statement.split()
        if words[:2] == ["ALTER", "TABLE"] and words[3:5] == ["ADD", "COLUMN"]:
            db.execute(f"ALTER TABLE {words[2]} DROP COLUMN {words[5]}")
        elif words[:2] in (["CREATE", "TABLE"], ["CREATE", "TRIGGER"]):
            db.execute(f"DROP {words[1]} {words[2]}")
        elif words[:2] in (["DROP", "TRIGGER"], ["DROP", "INDEX"]):
            db.execute(_made_before(words[1], words[2], version))
        else:
            raise ValueError(f"undo: not a column, table or trigger: {statement[:60]!r}")
    db.execute(f"PRAGMA user_version = {version - 1}")


def _made_before(kind: str, name: str, version: int) -> str:
    for earlier in range(version - 1, 0, -1):
        for statement in MIGRATIONS[earlier]:
            if statement.split()[:3] == ["CREATE", kind, name]:
                return statement
    raise ValueError(f"undo: no earlier migration made {kind} {name}")


def _undo_12(db: sqlite3.Connection) -> None:
    """Schema 11's events: each body a row of event_bodies (the date's source, systems and
    actors inside it), and the per-system and per-actor rows with their foreign keys and
    event_id indexes."""
    db.execute("DROP VIEW events_view")
    db.execute("DROP TRIGGER events_rows_delete")
    db.execute(_made_before("TABLE", "event_bodies", 12))
    db.execute(
        "INSERT INTO event_bodies SELECT id, json_patch(coalesce(body, '{}'), json_object('date_source', date_source,"
        " 'systems', json(systems), 'actors', json(actors))) FROM events"
    )
    for column in ("body", "actors", "systems", "date_source"):
        db.execute(f"ALTER TABLE events DROP COLUMN {column}")
    for table in ("event_systems", "event_actors"):
        db.execute(f"ALTER TABLE {table} RENAME TO {table}_12")
        for statement in _made_by_11(table):
            db.execute(statement)
        db.execute(f"INSERT INTO {table} SELECT * FROM {table}_12")
        db.execute(f"DROP TABLE {table}_12")
        db.execute(_made_before("INDEX", f"{table}_event", 12))
    db.execute(_made_before("VIEW", "events_view", 12))
    db.execute("PRAGMA user_version = 11")


def _undo_13(db: sqlite3.Connection) -> None:
    """Schema 12's quotes: every quote's text written out, the text's own slice or not."""
    db.execute("DROP VIEW quotes_view")
    db.execute("DROP VIEW articles_view")
    db.execute("ALTER TABLE quotes RENAME TO quotes_13")
    db.execute(_made_before("TABLE", "quotes", 13))
    db.execute(
        'INSERT INTO quotes SELECT q.article_id, q.start, q."end",'
        ' coalesce(q.text, substr(a.text, q.start + 1, q."end" - q.start)),'
        " q.speaker, q.speaker_id, q.speaker_description, q.partial"
        " FROM quotes_13 q JOIN articles a ON a.id = q.article_id"
    )
    db.execute("DROP TABLE quotes_13")
    db.execute(_made_before("VIEW", "articles_view", 13))
    db.execute(_made_before("VIEW", "quotes_view", 13))
    db.execute("PRAGMA user_version = 12")


def _made_by_11(table: str) -> list[str]:
    """The statements before 12 that made ``table`` and added its columns, in order."""
    return [
        statement
        for version in range(1, 12)
        for statement in MIGRATIONS[version]
        if statement.split()[:3] == ["CREATE", "TABLE", table]
        or (
            statement.split()[:3] == ["ALTER", "TABLE", table] and statement.split()[3:5] == ["ADD", "COLUMN"]
        )
    ]
