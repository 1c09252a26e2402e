"""The SQLite store: what was ingested, kept, searchable, never re-extracted.

* **Where.** ``--db PATH``, else ``ARMSTRACK_DB``, else the user data directory
  (``$XDG_DATA_HOME/armstrack/armstrack.db``, by default ``~/.local/share/armstrack``). The
  default store (and one named by ``ARMSTRACK_DB``) is filled with the bundled seeds on
  first use; a new file named with ``--db`` starts empty. The file and its folder are
  created readable by the user only.
* **Schema.** Numbered migrations, each in one transaction, recorded in ``PRAGMA
  user_version``. Each article keeps its full record as JSON (the contract), plus indexed
  columns and tables for every filter, and an FTS5 index over title, text and quotes kept
  current by triggers.
* **Writes.** Idempotent: the same text twice is one article (its id is a hash of the
  normalised text); a changed text under the same URL replaces the earlier version.
  Batches commit in one transaction each, so an interrupted ingest loses at most the batch
  in flight.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from armstrack.errors import ArmstrackError, UsageError
from armstrack.models import ArticleRecord

SCHEMA_VERSION = 2

_MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            url TEXT,
            source TEXT,
            title TEXT NOT NULL,
            path TEXT,
            published TEXT,
            published_earliest TEXT,
            published_latest TEXT,
            published_precision TEXT,
            published_inferred INTEGER NOT NULL DEFAULT 1,
            text TEXT NOT NULL,
            quotes_text TEXT NOT NULL DEFAULT '',
            record TEXT NOT NULL,
            ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        )""",
        "CREATE INDEX articles_url ON articles(url)",
        "CREATE INDEX articles_published ON articles(published)",
        "CREATE INDEX articles_source ON articles(source)",
        """CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, quotes_text, content='articles', content_rowid='rowid'
        )""",
        """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text, quotes_text)
            VALUES (new.rowid, new.title, new.text, new.quotes_text);
        END""",
        """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text, quotes_text)
            VALUES ('delete', old.rowid, old.title, old.text, old.quotes_text);
        END""",
        """CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text, quotes_text)
            VALUES ('delete', old.rowid, old.title, old.text, old.quotes_text);
            INSERT INTO articles_fts(rowid, title, text, quotes_text)
            VALUES (new.rowid, new.title, new.text, new.quotes_text);
        END""",
    ],
    2: [
        """CREATE TABLE article_systems (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            system_id TEXT NOT NULL,
            PRIMARY KEY (article_id, system_id)
        )""",
        "CREATE INDEX article_systems_system ON article_systems(system_id)",
        """CREATE TABLE article_actors (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            actor_id TEXT NOT NULL,
            PRIMARY KEY (article_id, actor_id)
        )""",
        "CREATE INDEX article_actors_actor ON article_actors(actor_id)",
        """CREATE TABLE article_events (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            date_start TEXT,
            date_end TEXT
        )""",
        "CREATE INDEX article_events_kind ON article_events(kind, date_start)",
        "CREATE INDEX article_events_article ON article_events(article_id)",
    ],
}
# Filling what a migration adds from what older versions kept.
_BACKFILL = {2}


class StoreError(ArmstrackError):
    """The store cannot be opened, read or written."""


Outcome = Literal["added", "unchanged", "replaced"]


@dataclass(frozen=True, slots=True)
class StoreInfo:
    path: Path
    default: bool  # the default location (or ARMSTRACK_DB): filled with the seeds on first use


def locate(db: str | None) -> StoreInfo:
    if db:
        return StoreInfo(Path(db).expanduser(), default=False)
    env = os.environ.get("ARMSTRACK_DB")
    if env:
        return StoreInfo(Path(env).expanduser(), default=True)
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return StoreInfo(base / "armstrack" / "armstrack.db", default=True)


class Store:
    def __init__(self, path: Path, *, readonly: bool = False, make_folder: bool = False) -> None:
        self.path = path
        created = not path.exists()
        if created and readonly:
            raise StoreError(f"{path}: no store here yet (run `armstrack ingest` first)")
        if created and not path.parent.exists():
            if not make_folder:
                raise UsageError(f"--db: {path.parent} is not a directory")
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            uri = f"file:{path}?mode=ro" if readonly else f"file:{path}"
            self.db = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30)
            if created:
                path.chmod(0o600)
            self.db.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
            self.migrate(readonly=readonly)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: cannot open the store ({exc})") from exc
        self.created = created

    # -------------------------------------------------------------- schema
    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self, *, readonly: bool = False, upto: int = SCHEMA_VERSION) -> None:
        current = self.version
        if current > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: made by a newer armstrack (schema {current} > {SCHEMA_VERSION})")
        if current >= upto:
            return
        if readonly:
            raise StoreError(f"{self.path}: schema {current} needs migrating, and the store is read-only")
        for version in range(current + 1, upto + 1):
            with self.transaction():
                for statement in _MIGRATIONS[version]:
                    self.db.execute(statement)
                if version in _BACKFILL:
                    self._backfill()
                self.db.execute(f"PRAGMA user_version = {version}")

    def _backfill(self) -> None:
        for (record_json,) in self.db.execute("SELECT record FROM articles").fetchall():
            self._index(ArticleRecord.model_validate_json(record_json))

    # -------------------------------------------------------------- writing
    def transaction(self) -> _Transaction:
        return _Transaction(self.db)

    def put(self, record: ArticleRecord) -> Outcome:
        """Store one record (inside a transaction the caller holds)."""
        if self.db.execute("SELECT 1 FROM articles WHERE id = ?", (record.id,)).fetchone():
            return "unchanged"
        replaced = False
        if record.url:
            old = self.db.execute("SELECT id FROM articles WHERE url = ?", (record.url,)).fetchall()
            for (old_id,) in old:
                self.db.execute("DELETE FROM articles WHERE id = ?", (old_id,))
                replaced = True
        p = record.published
        self.db.execute(
            """INSERT INTO articles (id, url, source, title, path, published, published_earliest,
               published_latest, published_precision, published_inferred, text, quotes_text, record)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                record.id, record.url, record.source, record.title, record.path,
                _iso(p.date), _iso(p.earliest), _iso(p.latest), p.precision, int(p.inferred),
                record.text, "\n".join(q.text for q in record.quotes), record.model_dump_json(),
            ),
        )  # fmt: skip
        self._index(record)
        return "replaced" if replaced else "added"

    def _index(self, record: ArticleRecord) -> None:
        self.db.executemany(
            "INSERT OR IGNORE INTO article_systems VALUES (?, ?)", [(record.id, s.id) for s in record.systems]
        )
        self.db.executemany(
            "INSERT OR IGNORE INTO article_actors VALUES (?, ?)", [(record.id, a.id) for a in record.actors]
        )
        self.db.executemany(
            "INSERT INTO article_events VALUES (?, ?, ?, ?)",
            [
                (
                    record.id,
                    e.kind,
                    _iso(e.date.start) if e.date else None,
                    _iso(e.date.end) if e.date else None,
                )
                for e in record.events
            ],
        )

    # -------------------------------------------------------------- reading
    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def records(self, ids: Iterable[str] | None = None) -> list[ArticleRecord]:
        """Full records, in publication order (undated last), then id."""
        order = "ORDER BY published IS NULL, published, id"
        if ids is None:
            rows = self.db.execute(f"SELECT record FROM articles {order}").fetchall()
        else:
            wanted = list(ids)
            rows = []
            for chunk in _chunks(wanted, 500):
                marks = ",".join("?" * len(chunk))
                rows += self.db.execute(
                    f"SELECT record FROM articles WHERE id IN ({marks}) {order}", chunk
                ).fetchall()
        return [ArticleRecord.model_validate_json(r[0]) for r in rows]

    def ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles")]

    def ids_with(
        self, *, systems: Sequence[str] = (), actors: Sequence[str] = (), sources: Sequence[str] = ()
    ) -> set[str] | None:
        """Article ids matching the indexed filters (None: no filter given)."""
        found: set[str] | None = None
        for table, column, values in (
            ("article_systems", "system_id", systems),
            ("article_actors", "actor_id", actors),
        ):
            if values:
                marks = ",".join("?" * len(values))
                sql = f"SELECT article_id FROM {table} WHERE {column} IN ({marks})"  # names are constants
                hits = {r[0] for r in self.db.execute(sql, list(values))}
                found = hits if found is None else found & hits
        if sources:
            hits = set()
            for s in sources:
                sql = "SELECT id FROM articles WHERE source LIKE ? ESCAPE '\\'"
                hits |= {r[0] for r in self.db.execute(sql, (f"%{_like(s)}%",))}
            found = hits if found is None else found & hits
        return found

    def search_ids(self, query: str) -> list[str]:
        """Article ids whose title, text or quotes hold every word of ``query`` (FTS5)."""
        terms = [t for t in query.split() if t.strip('"')]
        if not terms:
            return []
        match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        try:
            rows = self.db.execute(
                "SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                "WHERE articles_fts MATCH ? ORDER BY rank", (match,)
            ).fetchall()  # fmt: skip
        except sqlite3.OperationalError as exc:
            raise UsageError(f"search: cannot search for {query!r} ({exc})") from exc
        return [r[0] for r in rows]

    def close(self) -> None:
        self.db.close()


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, kind: object, value: object, tb: object) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


def _iso(value: object) -> str | None:
    return value.isoformat() if value is not None else None  # type: ignore[attr-defined]


def _like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def open_store(db: str | None, *, readonly: bool = False) -> Store:
    """The store the user means, seeded with the bundled articles on the default's first use."""
    info = locate(db)
    store = Store(info.path, readonly=readonly and info.path.exists(), make_folder=info.default)
    if info.default and store.created:
        from armstrack.corpus import seed_records

        with store.transaction():
            for record in seed_records():
                store.put(record)
    return store
