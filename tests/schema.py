"""Stores as an earlier armstrack left them, for migration tests."""

from __future__ import annotations

import sqlite3

from armstrack.migrations import MIGRATIONS


def undo(db: sqlite3.Connection, version: int) -> None:
    """Take back what migration ``version`` added: its columns ("ALTER TABLE t ADD COLUMN
    c ...") and its tables ("CREATE TABLE t (...")."""
    for statement in reversed(MIGRATIONS[version]):
        words = statement.split()
        if words[:2] == ["ALTER", "TABLE"] and words[3:5] == ["ADD", "COLUMN"]:
            db.execute(f"ALTER TABLE {words[2]} DROP COLUMN {words[5]}")
        elif words[:2] == ["CREATE", "TABLE"]:
            db.execute(f"DROP TABLE {words[2]}")
        else:
            raise ValueError(f"undo: not an added column or table: {statement[:60]!r}")
    db.execute(f"PRAGMA user_version = {version - 1}")
