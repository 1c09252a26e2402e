"""Writing one article into the store: add, update (corrections.py), replace by URL, and
the derived rows (systems, actors, events) every reading command uses. ``Store.put`` calls
``put`` inside the transaction its caller holds."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from armstrack.store import UNDATED_DAY

if TYPE_CHECKING:
    from armstrack.models import ArticleRecord
    from armstrack.store import Outcome
    from armstrack.stored import Prepared


def put(db: sqlite3.Connection, record: ArticleRecord | Prepared) -> Outcome:
    """Store one record (inside a transaction the caller holds). Ingest passes records
    already ``prepare``d in its worker processes.

    An article already stored (the same id, the same text in another format, or a near
    duplicate: neardup.py) is ``unchanged`` unless the new copy states a publication date,
    outlet or URL the store does not have: then it is ``updated`` (corrections.py). A copy
    at another URL, or a near duplicate, is a ``duplicate``: the stored article keeps its
    text, URL and outlet, and the new URL joins its sources. A new text under a stored URL
    ``replaced`` the old one."""
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
    old = (
        db.execute("SELECT id FROM articles WHERE url = ?", (prepared.url,)).fetchall()
        if prepared.url
        else []
    )
    if not old and (near := _near_duplicate(db, prepared.sketch)) is not None:
        return _update(db, near, prepared, near=True)
    for (old_id,) in old:
        db.execute("DELETE FROM articles WHERE id = ?", (old_id,))
        db.execute(
            "UPDATE OR IGNORE article_sources SET article_id = ? WHERE article_id = ?", (prepared.id, old_id)
        )
    _insert(db, prepared)
    return "replaced" if old else "added"


Known = tuple[str, str | None, int, str | None, str | None]  # id, published, inferred, source, url


def _update(db: sqlite3.Connection, known: Known, prepared: Prepared, *, near: bool = False) -> Outcome:
    from armstrack.corrections import Stated, record_of, stated, with_facts
    from armstrack.stored import decode_model, prepare

    stored_id, published, inferred, source, url = known
    before = Stated(None if inferred else published, source, url)
    new = stated(prepared)
    elsewhere = bool(new.url and url and new.url != url)
    if elsewhere:  # the same story at another address: one more source, not a new home
        assert new.url is not None
        add_source(db, stored_id, new.url, new.source)
        new = Stated(new.published, None, None)
    facts = new.over(before)
    if facts == before:
        return "duplicate" if elsewhere or near else "unchanged"
    if near or elsewhere:  # the stored text stays; only the facts the copy adds are taken
        value, text = db.execute("SELECT record, text FROM articles WHERE id = ?", (stored_id,)).fetchone()
        prepared = prepare(with_facts(decode_model(value, text), stored_id, facts))
    elif facts != stated(prepared) or stored_id != prepared.id:  # keep what only the store knew
        prepared = prepare(with_facts(record_of(prepared), stored_id, facts))
    db.execute("DELETE FROM articles WHERE id = ?", (stored_id,))
    _insert(db, prepared)
    return "updated"


def _near_duplicate(db: sqlite3.Connection, sketch: tuple[int, ...]) -> Known | None:
    """The stored article this text is a near duplicate of (neardup.py), if any, among the
    ``candidates`` its smallest hashes find."""
    from armstrack.neardup import KEYS, closest, unpack

    if not sketch:
        return None
    chosen = candidates(db, sketch[:KEYS])
    if not chosen:
        return None
    rows = db.execute(
        f"SELECT article_id, sketch FROM article_sketches WHERE article_id IN ({','.join('?' * len(chosen))})",
        chosen,
    ).fetchall()
    best = closest(sketch, ((article_id, unpack(blob)) for article_id, blob in rows))
    if best is None:
        return None
    found: Known = db.execute(
        "SELECT id, published, published_inferred, source, url FROM articles WHERE id = ?", (best,)
    ).fetchone()
    return found


def candidates(db: sqlite3.Connection, keys: Sequence[int]) -> list[str]:
    """The stored articles worth comparing with a text whose smallest hashes are ``keys``:
    at most ``_CANDIDATES``, those that share the most keys first. A key that more than
    ``_CANDIDATES`` stored articles share is boilerplate (an outlet's footer, a wire's
    credit line, a stock phrase), not a story: no article is a candidate for it, and the
    copy of a story is found by the story's own keys (two texts of similarity J share each
    key with probability about J). Taking the first articles any key named instead let one
    boilerplate key fill every place, and a copy whose smallest hash was boilerplate was
    compared with fifty strangers and stored as a new article. Each key reads at most
    ``_CANDIDATES`` + 1 index entries: the cost does not grow with the store."""
    shared: dict[str, int] = {}
    for key in keys:
        found = db.execute(
            "SELECT article_id FROM sketch_keys WHERE key = ? LIMIT ?", (key, _CANDIDATES + 1)
        ).fetchall()
        if len(found) <= _CANDIDATES:
            for (article_id,) in found:
                shared[article_id] = shared.get(article_id, 0) + 1
    return sorted(shared, key=lambda a: (-shared[a], a))[:_CANDIDATES]


_CANDIDATES = 50


def add_source(db: sqlite3.Connection, article_id: str, url: str, source: str | None) -> None:
    """One more place the article was seen (kept across updates: not a derived row)."""
    db.execute(
        "INSERT OR IGNORE INTO article_sources VALUES (?, ?, ?, datetime('now'))", (article_id, url, source)
    )


def keep_sketch(db: sqlite3.Connection, article_id: str, sketch: tuple[int, ...]) -> None:
    from armstrack.neardup import KEYS, pack

    if not sketch:
        return
    db.execute("INSERT OR REPLACE INTO article_sketches VALUES (?, ?)", (article_id, pack(sketch)))
    db.executemany(
        "INSERT OR IGNORE INTO sketch_keys VALUES (?, ?)", [(k, article_id) for k in sketch[:KEYS]]
    )


def _insert(db: sqlite3.Connection, prepared: Prepared) -> None:
    db.execute(
        """INSERT INTO articles (id, url, source, title, path, published, published_earliest,
           published_latest, published_precision, published_inferred, text, quotes_text, record,
           published_json, fingerprint, amounts)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        prepared.article,
    )
    if prepared.url:
        add_source(db, prepared.id, prepared.url, prepared.article[2])  # type: ignore[arg-type]
    keep_sketch(db, prepared.id, prepared.sketch)
    index(db, prepared)


def index(db: sqlite3.Connection, prepared: Prepared) -> None:
    """The derived rows of one article: its systems, actors and events."""
    db.executemany(
        "INSERT OR IGNORE INTO article_systems VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", prepared.systems
    )
    db.executemany("INSERT OR IGNORE INTO article_actors VALUES (?, ?, ?, ?, ?, ?)", prepared.actors)
    db.executemany("INSERT OR IGNORE INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?)", prepared.quotes)
    db.executemany("INSERT OR IGNORE INTO article_packages VALUES (?, ?)", prepared.packages)
    if not prepared.events:
        return
    # Ids given here (one writer, inside its transaction) so each table takes one executemany.
    (last,) = db.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()
    ids = range(last + 1, last + 1 + len(prepared.events))
    published = prepared.article[5]
    db.executemany(
        """INSERT INTO events (id, article_id, kind, start_day, end_day, precision_rank, merge_keys,
           sentence_dated, confidence, evidence_start, evidence_end, status, date_source, systems, actors,
           body, published)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [(i, *row, published) for i, (row, _, _) in zip(ids, prepared.events, strict=True)],
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
                row[10],
            )
            for i, (row, systems, _) in zip(ids, prepared.events, strict=True)
            for s in systems
        ],
    )
    db.executemany(
        "INSERT OR IGNORE INTO event_actors VALUES (?, ?)",
        [(a, i) for i, (_, _, actors) in zip(ids, prepared.events, strict=True) for a in actors],
    )
    # The store changed (merged.py): once for the article's events, from its earliest day
    # (undated after every day). Triggers did this for each event row, a fifth of the
    # writer's time; deletions and updates, which are rare, still mark it by trigger.
    earliest = min(UNDATED_DAY if row[2] is None else cast(int, row[2]) for row, _, _ in prepared.events)
    db.execute("UPDATE store_generation SET n = n + 1 WHERE id = 1")
    db.execute(
        "UPDATE merged_scopes SET dirty_from = min(coalesce(dirty_from, ?), ?)", (UNDATED_DAY, earliest)
    )
