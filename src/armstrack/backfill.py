"""Rows a migration adds for the articles stored before them, made from what the store
already holds (their text or their records): ``Store.migrate`` calls these inside the
migration's transaction. Records are read a few hundred at a time (``every_record``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from armstrack.models import ArticleRecord


def fingerprints(db: sqlite3.Connection) -> None:
    """Fingerprint the articles stored before fingerprints were (corrections.fingerprint)."""
    from armstrack.corrections import fingerprint

    rows = db.execute("SELECT id, text, title FROM articles").fetchall()
    db.executemany(
        "UPDATE articles SET fingerprint = ? WHERE id = ?", [(fingerprint(t, h), i) for i, t, h in rows]
    )


def sketches(db: sqlite3.Connection) -> None:
    """Sources and near-duplicate sketches for the articles stored before they were kept."""
    from armstrack.neardup import sketch
    from armstrack.writes import keep_sketch

    db.execute(
        "INSERT OR IGNORE INTO article_sources SELECT id, url, source, datetime('now') FROM articles"
        " WHERE url IS NOT NULL"
    )
    for article_id, text in db.execute("SELECT id, text FROM articles").fetchall():
        keep_sketch(db, article_id, sketch(text))


def facts(db: sqlite3.Connection) -> None:
    """The systems' and actors' rows again, with their facts (articlefacts.py), the
    packages each article links and its count of amounts, for the articles stored before
    those were kept."""
    from armstrack.articlefacts import actor_facts, actor_row, package_ids, system_facts, system_row

    db.execute("DELETE FROM article_systems")
    db.execute("DELETE FROM article_actors")
    for record in every_record(db):
        db.executemany(
            "INSERT OR IGNORE INTO article_systems VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [system_row(record.id, found) for found in system_facts(record)],
        )
        db.executemany(
            "INSERT OR IGNORE INTO article_actors VALUES (?, ?, ?, ?, ?, ?)",
            [actor_row(record.id, found) for found in actor_facts(record)],
        )
        db.executemany(
            "INSERT OR IGNORE INTO article_packages VALUES (?, ?)",
            [(record.id, package_id) for package_id in package_ids(record)],
        )
        db.execute(
            "UPDATE articles SET amounts = ? WHERE id = ?",
            (len(record.amounts) + len(record.quantities), record.id),
        )


def every_record(db: sqlite3.Connection) -> Iterator[ArticleRecord]:
    """Every stored record, a few hundred at a time (a large store's records never held at once)."""
    from armstrack.stored import decode_model

    after = -1
    while rows := db.execute(
        "SELECT rowid, record, text FROM articles WHERE rowid > ? ORDER BY rowid LIMIT 200", (after,)
    ).fetchall():
        after = rows[-1][0]
        yield from (decode_model(value, text) for _, value, text in rows)


def reindex(db: sqlite3.Connection) -> None:
    """Rebuild every derived row from the stored records (inside the migration's transaction)."""
    from armstrack.models import ArticleRecord
    from armstrack.stored import decode_record, prepare
    from armstrack.writes import index

    for table in (
        "event_systems",
        "event_actors",
        "events",
        "article_systems",
        "article_actors",
        "article_packages",
        "quotes",
    ):
        db.execute(f"DELETE FROM {table}")  # names are constants
    for value, text in db.execute("SELECT record, text FROM articles").fetchall():
        prepared = prepare(ArticleRecord.model_validate(decode_record(value, text)))
        db.execute(
            "UPDATE articles SET record = ?, published_json = ?, fingerprint = ?, amounts = ? WHERE id = ?",
            (
                prepared.article[12],
                prepared.article[13],
                prepared.article[14],
                prepared.article[15],
                prepared.id,
            ),
        )
        index(db, prepared)
