"""``armstrack doctor``: is the store whole, current and consistent, and do the catalogs load?

Each check returns a ``Finding``; the command prints them all and fails if any failed.
Read-only: the doctor never repairs (a repair is a re-ingest, which the report suggests).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Finding:
    check: str
    ok: bool
    detail: str


def examine(path: Path) -> Iterator[Finding]:
    """Every check, in order; a store that cannot be opened stops the store checks."""
    yield from _catalogs()
    if not path.exists():
        yield Finding("store", False, f"{path}: no store here (run `armstrack ingest` first)")
        return
    try:
        from armstrack.store import store_uri

        db = sqlite3.connect(store_uri(path, "ro"), uri=True)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        yield Finding("store", False, f"{path}: cannot open ({exc})")
        return
    try:
        checks: list[Callable[[sqlite3.Connection], Finding]] = [
            _integrity, _schema, _foreign_keys, _fts, _derived, _merges,
        ]  # fmt: skip
        for check in checks:
            try:
                yield check(db)
            except sqlite3.DatabaseError as exc:
                yield Finding(check.__name__.strip("_"), False, f"could not check ({exc})")
    finally:
        db.close()


def _catalogs() -> Iterator[Finding]:
    try:
        from armstrack.catalog import load_catalog
        from armstrack.extract.actors import load_gazetteer
        from armstrack.extract.triggers import load_event_rules
        from armstrack.facts import load_facts

        catalog = load_catalog()
        gazetteer = load_gazetteer()
        load_event_rules()
        load_facts()
    except Exception as exc:  # any failure to load is the finding
        yield Finding("catalogs", False, f"data/*.toml do not load: {type(exc).__name__}: {exc}")
        return
    yield Finding(
        "catalogs",
        True,
        f"{len(catalog.systems)} systems, {len(gazetteer.by_name)} actor names, events, facts",
    )


def _integrity(db: sqlite3.Connection) -> Finding:
    rows = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
    if rows != ["ok"]:
        return Finding("integrity", False, "; ".join(rows[:5]))
    return Finding("integrity", True, "ok" + _unused(db))


def _unused(db: sqlite3.Connection) -> str:
    """A note when a tenth of the file or more is free pages: deletes and migrations that
    rebuild tables (12 does: a sixth of a 100,000-article store's file) free pages that
    SQLite reuses for new rows but does not give back to the disk until a VACUUM."""
    (page_size,) = db.execute("PRAGMA page_size").fetchone()
    (pages,) = db.execute("PRAGMA page_count").fetchone()
    (free,) = db.execute("PRAGMA freelist_count").fetchone()
    if not pages or free * 10 < pages:
        return ""
    import shlex

    (path,) = [row[2] for row in db.execute("PRAGMA database_list") if row[1] == "main"]
    mb = page_size / 1_000_000
    return (
        f"; {free * mb:,.0f} of the file's {pages * mb:,.0f} MB are unused"
        f" (`sqlite3 {shlex.quote(path)} VACUUM` gives them back to the disk)"
    )


def _schema(db: sqlite3.Connection) -> Finding:
    from armstrack.migrations import SCHEMA_VERSION

    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version == SCHEMA_VERSION:
        return Finding("schema", True, f"version {version}, current")
    if version < SCHEMA_VERSION:
        return Finding("schema", True, f"version {version}; the next write migrates it to {SCHEMA_VERSION}")
    return Finding("schema", False, f"version {version} is newer than this armstrack ({SCHEMA_VERSION})")


def _foreign_keys(db: sqlite3.Connection) -> Finding:
    orphans = db.execute("PRAGMA foreign_key_check").fetchall()
    tables = sorted({r[0] for r in orphans})
    return Finding(
        "references",
        not orphans,
        "ok" if not orphans else f"{len(orphans)} orphan rows in {', '.join(tables)}",
    )


def _fts(db: sqlite3.Connection) -> Finding:
    articles = int(db.execute("SELECT count(*) FROM articles").fetchone()[0])
    indexed = int(db.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0])
    if indexed != articles:
        return Finding(
            "full-text index", False, f"{indexed:,} documents for {articles:,} articles; re-ingest to rebuild"
        )
    # FTS5's own check compares every token with the articles; it runs as a command, so it
    # needs a writable connection, and is rolled back.
    (path,) = [row[2] for row in db.execute("PRAGMA database_list") if row[1] == "main"]
    try:
        rw = sqlite3.connect(path, isolation_level=None, timeout=5)
    except sqlite3.DatabaseError:
        return Finding(
            "full-text index", True, f"{articles:,} articles indexed (token check needs write access)"
        )
    try:
        rw.execute("BEGIN")
        rw.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc) or "locked" in str(exc):
            return Finding(
                "full-text index", True, f"{articles:,} articles indexed (token check skipped: {exc})"
            )
        return Finding("full-text index", False, f"does not match the articles ({exc}); re-ingest to rebuild")
    except sqlite3.DatabaseError as exc:
        return Finding("full-text index", False, f"does not match the articles ({exc}); re-ingest to rebuild")
    finally:
        if rw.in_transaction:
            rw.execute("ROLLBACK")
        rw.close()
    return Finding("full-text index", True, f"matches the {articles:,} articles, token by token")


def _derived(db: sqlite3.Connection) -> Finding:
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version < 3:
        return Finding("events", True, "indexed at the next write (schema migration)")
    events = db.execute("SELECT count(*) FROM events").fetchone()[0]
    if version < 12:
        return Finding("events", True, f"{events:,} events")
    # Rows of events that are gone: the per-system and per-actor rows have no foreign key
    # (a deleted event deletes them by trigger, migration 12), so the reference check
    # cannot see them.
    orphans = db.execute(
        "SELECT (SELECT count(*) FROM event_systems s WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = s.event_id))"
        " + (SELECT count(*) FROM event_actors a WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = a.event_id))"
    ).fetchone()[0]
    if orphans:
        return Finding("events", False, f"{orphans:,} per-system or per-actor rows of events that are gone")
    return Finding("events", True, f"{events:,} events, each system's and actor's rows with their event")


def _merges(db: sqlite3.Connection) -> Finding:
    """The timeline merges the store keeps (merged.py): which, and whether they are current.
    An old one is never read, only made again, so it is never a failure."""
    from armstrack.merged import is_current
    from armstrack.migrations import MERGED_SINCE

    if int(db.execute("PRAGMA user_version").fetchone()[0]) < MERGED_SINCE:
        return Finding("timeline merges", True, "none kept yet (schema migration at the next write)")
    kept = [scope for (scope,) in db.execute("SELECT scope FROM merged_scopes ORDER BY scope")]
    if not kept:
        return Finding("timeline merges", True, "none kept yet (the first timeline keeps one)")
    names = [scope or "every event" for scope in kept]
    old = [scope or "every event" for scope in kept if not is_current(db, scope)]
    detail = f"{len(kept)} kept ({', '.join(names)})"
    if old:
        detail += f"; made again at the next read or write: {', '.join(old)}"
    return Finding("timeline merges", True, detail)
