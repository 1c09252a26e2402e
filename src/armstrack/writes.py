"""Writing one article into the store: add, update (corrections.py), replace by URL, and
the derived rows (systems, actors, events) every reading command uses. ``Store.put`` calls
``put`` inside the transaction its caller holds."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from armstrack.store import UNDATED_DAY

if TYPE_CHECKING:
    from armstrack.models import ArticleRecord
    from armstrack.store import Outcome
    from armstrack.stored import Prepared


def put(db: sqlite3.Connection, record: ArticleRecord | Prepared) -> Outcome:
    """Store one record (inside a transaction the caller holds). Ingest passes records
    already ``prepare``d in its worker processes.

    An article already stored (the same id, or the same text in another format) is
    ``unchanged`` unless the new copy states a publication date, outlet or URL the store
    does not have: then it is ``updated`` (corrections.py). A new text under a stored
    URL ``replaced`` the old one."""
    from armstrack.stored import Prepared, prepare

    prepared = record if isinstance(record, Prepared) else prepare(record)
    known = db.execute(
        "SELECT id, published, published_inferred, source, url FROM articles WHERE id = ?"
        " UNION ALL SELECT id, published, published_inferred, source, url FROM articles WHERE fingerprint = ?"
        " LIMIT 1",
        (prepared.id, prepared.article[14]),
    ).fetchone()
    if known is not None:
        return _update(db, known, prepared)
    replaced = False
    if prepared.url:
        old = db.execute("SELECT id FROM articles WHERE url = ?", (prepared.url,)).fetchall()
        for (old_id,) in old:
            db.execute("DELETE FROM articles WHERE id = ?", (old_id,))
            replaced = True
    _insert(db, prepared)
    return "replaced" if replaced else "added"


def _update(
    db: sqlite3.Connection, known: tuple[str, str | None, int, str | None, str | None], prepared: Prepared
) -> Outcome:
    from armstrack.corrections import Stated, record_of, stated, with_facts
    from armstrack.stored import prepare

    stored_id, published, inferred, source, url = known
    before = Stated(None if inferred else published, source, url)
    facts = stated(prepared).over(before)
    if facts == before:
        return "unchanged"
    if facts != stated(prepared) or stored_id != prepared.id:  # keep what only the store knew
        prepared = prepare(with_facts(record_of(prepared), stored_id, facts))
    db.execute("DELETE FROM articles WHERE id = ?", (stored_id,))
    _insert(db, prepared)
    return "updated"


def _insert(db: sqlite3.Connection, prepared: Prepared) -> None:
    db.execute(
        """INSERT INTO articles (id, url, source, title, path, published, published_earliest,
           published_latest, published_precision, published_inferred, text, quotes_text, record,
           published_json, fingerprint)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        prepared.article,
    )
    index(db, prepared)


def index(db: sqlite3.Connection, prepared: Prepared) -> None:
    """The derived rows of one article: its systems, actors and events."""
    db.executemany("INSERT OR IGNORE INTO article_systems VALUES (?, ?)", prepared.systems)
    db.executemany("INSERT OR IGNORE INTO article_actors VALUES (?, ?, ?, ?)", prepared.actors)
    if not prepared.events:
        return
    # Ids given here (one writer, inside its transaction) so each table takes one executemany.
    (last,) = db.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()
    ids = range(last + 1, last + 1 + len(prepared.events))
    published = prepared.article[5]
    db.executemany(
        """INSERT INTO events (id, article_id, kind, start_day, end_day, precision_rank, merge_keys,
           sentence_dated, confidence, evidence_start, status, published)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [(i, *row[:-1], published) for i, (row, _, _) in zip(ids, prepared.events, strict=True)],
    )
    db.executemany(
        "INSERT INTO event_bodies VALUES (?, ?)",
        [(i, row[-1]) for i, (row, _, _) in zip(ids, prepared.events, strict=True)],
    )
    db.executemany(
        "INSERT OR IGNORE INTO event_systems VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                s,
                UNDATED_DAY if row[2] is None else row[2],
                row[4],
                published or "~",
                row[0],
                i,
                row[1],
                row[3],
                row[5],
                row[9],
            )
            for i, (row, systems, _) in zip(ids, prepared.events, strict=True)
            for s in systems
        ],
    )
    db.executemany(
        "INSERT OR IGNORE INTO event_actors VALUES (?, ?)",
        [(a, i) for i, (_, _, actors) in zip(ids, prepared.events, strict=True) for a in actors],
    )
