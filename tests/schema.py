"""Stores as an earlier armstrack left them, for migration tests."""

from __future__ import annotations

import sqlite3

from armstrack.migrations import MIGRATIONS


def undo(db: sqlite3.Connection, version: int) -> None:
    """Take back migration ``version``: drop the columns ("ALTER TABLE t ADD COLUMN c ..."),
    tables and triggers it created, and make again the triggers and indexes it dropped, as
    the last earlier migration made them."""
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
