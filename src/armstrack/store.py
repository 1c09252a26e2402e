"""The SQLite store: what was ingested, kept, searchable, never re-extracted.

* **Where.** ``--db PATH``, else ``ARMSTRACK_DB``, else the user data directory
  (``$XDG_DATA_HOME/armstrack/armstrack.db``, by default ``~/.local/share/armstrack``). The
  default store (and one named by ``ARMSTRACK_DB``) is filled with the bundled seeds on
  first use; a new file named with ``--db`` starts empty. The file and its folder are
  created readable by the user only.
* **Schema.** Numbered migrations (``migrations.py``), each in one transaction, recorded in ``PRAGMA
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
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from armstrack.errors import ArmstrackError, UsageError
from armstrack.migrations import (
    DERIVED_SINCE,
    FACTS_SINCE,
    FINGERPRINTS_SINCE,
    MERGED_SINCE,
    MIGRATIONS,
    SCHEMA_VERSION,
    SKETCHES_SINCE,
)

if TYPE_CHECKING:
    from armstrack.models import ArticleRecord
    from armstrack.stored import Prepared

UNDATED_DAY = 9_999_999  # after every real day number (date.max is 3,652,059)


class StoreError(ArmstrackError):
    """The store cannot be opened, read or written."""


Outcome = Literal["added", "unchanged", "updated", "replaced", "duplicate"]


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
            self.db = self._connect(readonly=readonly)
            if created:
                path.chmod(0o600)
            if readonly and self.version < SCHEMA_VERSION:
                # A store made by an earlier armstrack: a reading command upgrades it once,
                # the way the next ingest would, instead of refusing to read it.
                self.db.close()
                self.db = self._connect(readonly=False)
                readonly = not self._writable()
            self.migrate(readonly=readonly)
            self.opened_at = self._generation()  # close() refreshes the kept merges if it moved
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: cannot open the store ({exc})") from exc
        self.created = created

    def _connect(self, *, readonly: bool) -> sqlite3.Connection:
        uri = store_uri(self.path, "ro" if readonly else "rwc")
        db = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30)
        db.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            try:
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = NORMAL")
            except sqlite3.OperationalError as exc:
                if "readonly" not in str(exc) and "read-only" not in str(exc):
                    raise
        return db

    def _writable(self) -> bool:
        """Whether this connection may write (a read-only file opened read-write may not)."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self.db.execute(f"PRAGMA user_version = {self.version}")
            finally:
                self.db.execute("ROLLBACK")
        except sqlite3.OperationalError as exc:
            if "readonly" in str(exc) or "read-only" in str(exc):
                return False
            raise
        return True

    @classmethod
    def memory(cls) -> Store:
        """A throwaway store in memory: the same queries over records held in memory."""
        store = cls.__new__(cls)
        store.path, store.created = Path(":memory:"), True
        store.db = sqlite3.connect(":memory:", isolation_level=None)
        store.db.execute("PRAGMA foreign_keys = ON")
        store.migrate()
        store.opened_at = store._generation()
        return store

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
        from armstrack import backfill

        for version in range(current + 1, upto + 1):
            with self.transaction():
                for statement in MIGRATIONS[version]:
                    self.db.execute(statement)
                if version == upto and current < DERIVED_SINCE <= upto and current > 0:
                    backfill.reindex(self.db)
                if version == FINGERPRINTS_SINCE and current > 0:
                    backfill.fingerprints(self.db)
                if version == SKETCHES_SINCE and current > 0:
                    backfill.sketches(self.db)
                if version == FACTS_SINCE and current >= DERIVED_SINCE:
                    backfill.facts(self.db)
                self.db.execute(f"PRAGMA user_version = {version}")

    # -------------------------------------------------------------- writing
    def transaction(self) -> _Transaction:
        return _Transaction(self.db, self.path)

    def put(self, record: ArticleRecord | Prepared) -> Outcome:
        """Store one record (inside a transaction the caller holds): ``writes.put``."""
        from armstrack.writes import put

        return put(self.db, record)

    # -------------------------------------------------------------- reading
    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def records(self, ids: Iterable[str] | None = None) -> list[ArticleRecord]:
        """Full records: all in publication order (undated last, then id), or the given ids in
        the order given."""
        from armstrack.stored import decode_model

        if ids is None:
            rows = self.db.execute(
                "SELECT record, text FROM articles ORDER BY published IS NULL, published, id"
            )
            return [decode_model(value, text) for value, text in rows]
        return [decode_model(value, text) for value, text in self._stored(ids)]

    def iter_records(self, ids: Sequence[str]) -> Iterator[ArticleRecord]:
        """Full records of ``ids``, in the order given, decoded a few hundred at a time: a
        command that reads every article holds one batch, not the whole store (at 10,000
        articles, 3 GB as models)."""
        from armstrack.stored import decode_model

        for chunk in _chunks(list(ids), 200):
            yield from (decode_model(value, text) for value, text in self._stored(chunk))

    def speaker_values(self, matches: Callable[[str], bool]) -> Speakers:
        """The speaker names, ids and descriptions of the store's quotes that ``matches``
        accepts, one list per column: each distinct triple is tested once (a store of
        100,000 articles has hundreds of thousands of quotes and a few hundred speakers)."""
        found: Speakers = ([], [], [])
        seen: list[set[str]] = [set(), set(), set()]
        for triple in self.db.execute("SELECT DISTINCT speaker, speaker_id, speaker_description FROM quotes"):
            for values, done, value in zip(found, seen, triple, strict=True):
                if value and value not in done:
                    done.add(value)
                    if matches(value):
                        values.append(value)
        return found

    def quoted_by(self, matches: Callable[[str], bool]) -> set[str]:
        """The ids of the articles with a quote whose speaker's name, id or description
        ``matches``: read from the quote rows, no record decoded."""
        rows = self.db.execute(
            f"SELECT DISTINCT article_id FROM quotes q WHERE {_SPEAKER_IN}",
            _speaker_args(self.speaker_values(matches)),
        )
        return {row[0] for row in rows}

    def quote_rows(self, ids: Sequence[str], speakers: Speakers | None = None) -> Iterator[tuple[Any, ...]]:
        """The quote rows of the articles ``ids``, in the order given and in text order within
        each, with the article's title, outlet and publication (as JSON): (article_id, title,
        source, published_json, text, start, end, speaker, speaker_id, speaker_description,
        partial). With ``speakers`` (``speaker_values``), only the quotes of those speakers:
        the others are passed over in SQL, their articles never read. No record is decoded."""
        where, extra = (f" AND {_SPEAKER_IN}", _speaker_args(speakers)) if speakers is not None else ("", [])
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            by_article: dict[str, list[tuple[Any, ...]]] = {}
            for row in self.db.execute(
                "SELECT q.article_id, a.title, a.source, a.published_json,"
                ' coalesce(q.text, substr(a.text, q.start + 1, q."end" - q.start)), q.start, q."end",'
                " q.speaker, q.speaker_id, q.speaker_description, q.partial"
                f" FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.article_id IN ({marks}){where}"
                " ORDER BY q.article_id, q.start",
                [*chunk, *extra],
            ):
                by_article.setdefault(row[0], []).append(row)
            for article_id in chunk:
                yield from by_article.get(article_id, ())

    def record_dicts(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        """Records as the JSON contract's plain dicts, in the order given: no pydantic, for
        commands that only read fields."""
        from armstrack.stored import decode_record

        wanted = list(ids)
        records = [decode_record(value, text) for value, text in self._stored(wanted)]
        sources = self.sources(wanted)
        for record in records:
            record["sources"] = sources.get(record["id"], [])
        return records

    def article_counts(self, ids: Sequence[str]) -> Iterator[dict[str, Any]]:
        """What the ``articles`` listing shows of each article of ``ids``, in that order,
        from its rows (no record decoded): id, published (as the record has it), source,
        title, and how many systems, amounts (with quantities), quotes and events."""
        import json

        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            found = {
                row[0]: row
                for row in self.db.execute(
                    "SELECT id, published_json, source, title, amounts,"
                    " (SELECT count(*) FROM article_systems s WHERE s.article_id = a.id),"
                    " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id),"
                    " (SELECT count(*) FROM events e WHERE e.article_id = a.id)"
                    f" FROM articles a WHERE id IN ({marks})",
                    chunk,
                )
            }
            for article_id in chunk:
                _, published, source, title, amounts, systems, quotes, events = found[article_id]
                yield {
                    "id": article_id, "published": json.loads(published), "source": source, "title": title,
                    "systems": systems, "amounts": amounts, "quotes": quotes, "events": events,
                }  # fmt: skip

    def iter_record_dicts(self, ids: Sequence[str]) -> Iterator[dict[str, Any]]:
        """``record_dicts``, a few hundred at a time: printed as JSON as they come, every
        record of a large store never held at once."""
        for chunk in _chunks(list(ids), 200):
            yield from self.record_dicts(chunk)

    def iter_record_parts(
        self, ids: Sequence[str], read: Callable[[bytes], dict[str, Any]]
    ) -> Iterator[dict[str, Any]]:
        """What ``read`` takes of each record's stored JSON, in the order given, a few
        hundred records at a time: for commands that read a few fields of many records.
        ``read`` parses the JSON as stored, and only what it took gets the copies of the
        article's text written back (recordslim.py)."""
        from armstrack.recordslim import fill
        from armstrack.recordzip import decompress_stored

        for chunk in _chunks(list(ids), 200):
            for value, text in self._stored(chunk):
                yield fill(read(decompress_stored(value)), text)

    def iter_record_json(self, ids: Sequence[str]) -> Iterator[bytes | dict[str, Any]]:
        """``iter_record_dicts`` for printing: each record as the JSON stored at ingest, its
        sources written into it, not parsed and encoded again (a record's JSON is about 50
        KB: at 100,000 articles, parsing them all took most of a minute). A record stored in
        an older form, or holding sources of its own, comes as its dict."""
        import json

        from armstrack.recordzip import is_current
        from armstrack.stored import decode_json

        for chunk in _chunks(list(ids), 200):
            stored = self._stored_by_id(chunk)
            sources = self.sources(chunk)
            for article_id in chunk:
                if (found := stored.get(article_id)) is None:
                    continue
                value, text = found
                raw = decode_json(value, text)
                if is_current(value) and raw.endswith(_NO_SOURCES):
                    listed = json.dumps(
                        sources.get(article_id, []), ensure_ascii=False, separators=(",", ":")
                    )
                    yield raw[: -len(_NO_SOURCES)] + b',"sources":' + listed.encode("utf-8") + b"}"
                else:
                    record = json.loads(raw)
                    record["sources"] = sources.get(record["id"], [])
                    yield record

    def sources(self, ids: Iterable[str]) -> dict[str, list[dict[str, str | None]]]:
        """Every URL (and outlet) each article was seen at, its own first; articles with
        none (a file without a URL) are not in the result."""
        found: dict[str, list[dict[str, str | None]]] = {}
        for chunk in _chunks(list(dict.fromkeys(ids)), 500):
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT s.article_id, s.url, s.source FROM article_sources s JOIN articles a ON a.id = s.article_id"
                f" WHERE s.article_id IN ({marks}) ORDER BY s.article_id, s.url != a.url, s.seen, s.url",
                chunk,
            )
            for article_id, url, source in rows:
                found.setdefault(article_id, []).append({"url": url, "source": source})
        return found

    def _stored(self, ids: Iterable[str]) -> list[tuple[bytes | str, str]]:
        """The stored (compressed) records of ``ids`` with their articles' texts (which they
        need to be read: recordslim.py), in the order given; unknown ids skipped."""
        wanted = list(dict.fromkeys(ids))
        found = self._stored_by_id(wanted)
        return [found[i] for i in wanted if i in found]

    def _stored_by_id(self, ids: Sequence[str]) -> dict[str, tuple[bytes | str, str]]:
        """The stored (compressed) records of ``ids`` with their texts, by id; unknown ids left out."""
        found: dict[str, tuple[bytes | str, str]] = {}
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT id, record, text FROM articles WHERE id IN ({marks})", chunk)
            found.update((article_id, (value, text)) for article_id, value, text in rows)
        return found

    def matching_ids(
        self,
        *,
        systems: Sequence[str] = (),
        actors: Sequence[str] = (),
        sources: Sequence[str] = (),
        articles: Sequence[str] = (),
        query: str | None = None,
        kinds: Sequence[str] = (),
        statuses: Sequence[str] = (),
        since: str | None = None,
        until: str | None = None,
        latest: int | None = None,
    ) -> tuple[list[str], int]:
        """Ids of the articles matching every filter given, in publication order (undated
        last). ``systems`` and ``actors`` are ids (any one of them matches); ``sources`` are
        parts of outlet names; ``query``'s words must all be in the title, text or quotes
        (FTS5); ``kinds``: the article reports an event of one of them (with ``statuses``, of
        one of those statuses; ``statuses`` alone: any kind); ``since`` and
        ``until`` (ISO dates, inclusive) bound its publication date. With ``latest``, only
        the last that many ids. Returns the ids and how many matched in all."""
        sql, args = ["SELECT id FROM articles INDEXED BY articles_order WHERE 1"], list[str]()
        if kinds or statuses:
            wanted = [
                f"{column} IN ({','.join('?' * len(values))})"
                for column, values in (("kind", kinds), ("status", statuses))
                if values
            ]
            sql.append(f" AND id IN (SELECT article_id FROM events WHERE {' AND '.join(wanted)})")
            args += [*kinds, *statuses]
        if since is not None:
            sql.append(" AND published >= ?")
            args.append(since)
        if until is not None:
            sql.append(" AND published <= ?")
            args.append(until)
        for table, column, values in (
            ("article_systems", "system_id", systems),
            ("article_actors", "actor_id", actors),
        ):
            if values:
                marks = ",".join("?" * len(values))
                sql.append(f" AND id IN (SELECT article_id FROM {table} WHERE {column} IN ({marks}))")
                args += values
        if articles:
            sql.append(f" AND id IN ({','.join('?' * len(articles))})")
            args += articles
        if sources:
            sql.append(" AND (" + " OR ".join("source LIKE ? ESCAPE '\\'" for _ in sources) + ")")
            args += [f"%{like_escape(s)}%" for s in sources]
        if query is not None:
            terms = [t for t in query.split() if t.strip('"')]
            if not terms:
                return [], 0
            sql.append(" AND rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)  # words, never syntax
            args.append(match)
        select = "".join(sql)
        try:
            if latest is None:
                ids = [
                    r[0] for r in self.db.execute(f"{select} ORDER BY published IS NULL, published, id", args)
                ]
                return ids, len(ids)
            # The latest first, read backwards along the index, then put in order.
            newest = f"{select} ORDER BY published IS NULL DESC, published DESC, id DESC LIMIT ?"
            ids = [r[0] for r in self.db.execute(newest, [*args, latest])][::-1]
            if len(ids) < latest:
                return ids, len(ids)
            if query is not None and not (
                systems or actors or sources or articles or kinds or statuses or since or until
            ):
                # Words only: the full-text index counts its matches itself, far faster.
                count = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
                (total,) = self.db.execute(count, [match]).fetchone()
            else:
                (total,) = self.db.execute(f"SELECT count(*) FROM ({select})", args).fetchone()
            return ids, int(total)
        except sqlite3.OperationalError as exc:
            raise UsageError(f"search: cannot search for {query!r} ({exc})") from exc

    def find_ids(self, prefix: str) -> list[tuple[str, str]]:
        """(id, title) of the articles whose id starts with ``prefix``."""
        return self.db.execute(
            "SELECT id, title FROM articles WHERE id LIKE ? ESCAPE '\\' ORDER BY id",
            (like_escape(prefix) + "%",),
        ).fetchall()

    def actor_names(self, ids: Iterable[str] | None = None) -> dict[str, str]:
        """Actor id → name, for the given ids (every actor when None)."""
        if ids is None:
            rows = self.db.execute("SELECT actor_id, max(name) FROM article_actors GROUP BY actor_id")
            return {i: n or i for i, n in rows}
        found: dict[str, str] = {}
        for i in sorted(set(ids)):
            # The greatest name, as max(name) gives it, from the end of the (actor_id, name)
            # index: no row read however many articles name the actor.
            row = self.db.execute(
                "SELECT name FROM article_actors WHERE actor_id = ? ORDER BY name DESC LIMIT 1", (i,)
            ).fetchone()
            if row is not None:
                found[i] = row[0] or i
        return found

    def close(self) -> None:
        """Close, after making again the timeline merges the store keeps if this connection
        changed events (merged.py): a writing command leaves them up to date. Not while an
        error or an interrupt is on its way out (Ctrl-C stops at once): they stay marked
        old, and the next read makes them again."""
        try:
            if (
                sys.exc_info()[0] is None
                and not self.db.in_transaction
                and self.version >= MERGED_SINCE
                and self._generation() != self.opened_at
            ):
                self.refresh_merged()
        finally:
            self.db.close()

    def _generation(self) -> int:
        from armstrack.merged import generation

        return generation(self.db)

    def refresh_merged(self) -> None:
        from armstrack import merged
        from armstrack.timeline import merge_scope, merge_scope_from

        try:
            merged.refresh(
                self.db,
                lambda scope: merge_scope(self.db, scope),
                lambda scope, day, resume: merge_scope_from(self.db, scope, day, resume),
            )
        except sqlite3.OperationalError as exc:
            if "readonly" in str(exc) or "read-only" in str(exc) or "locked" in str(exc):
                return  # a store that cannot be written now keeps its old merges, marked old
            raise


_NO_SOURCES = b',"sources":[]}'  # how a stored record ends: its sources are kept as rows


class _Transaction:
    """One write transaction: committed whole or rolled back whole. SQLite's write errors
    (a read-only file, a full disk) leave as one ``StoreError`` that says what happened."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db = db
        self.path = path

    def __enter__(self) -> sqlite3.Connection:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            raise write_error(self.path, exc) from exc
        return self.db

    def __exit__(self, kind: object, value: object, tb: object) -> None:
        try:
            if kind is None:
                self.db.execute("COMMIT")
                return
        except sqlite3.DatabaseError as exc:
            value = exc
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")
        if isinstance(value, sqlite3.DatabaseError):
            raise write_error(self.path, value) from value


def write_error(path: Path, exc: sqlite3.DatabaseError) -> StoreError:
    text = str(exc)
    if "readonly" in text or "read-only" in text:
        return StoreError(f"{path}: the store is read-only; nothing was written (reading still works)")
    if "full" in text:
        return StoreError(
            f"{path}: the disk is full; the batch in progress was not written, earlier ones are kept"
        )
    if "locked" in text or "busy" in text:
        return StoreError(f"{path}: another process kept the store busy for 30 s; nothing was written")
    return StoreError(f"{path}: cannot write the store ({text})")


def store_uri(path: Path | str, mode: str) -> str:
    """The SQLite URI of the file at ``path`` opened in ``mode`` (ro, rw, rwc): quoted, so
    that a name with "#", "?" or "%" is that file and not another."""
    return f"{Path(path).absolute().as_uri()}?mode={mode}"


def like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


Speakers = tuple[list[str], list[str], list[str]]
"""Speaker names, ids and descriptions (``Store.speaker_values``)."""

_SPEAKER_IN = (
    "(q.speaker IN (SELECT value FROM json_each(?)) OR q.speaker_id IN (SELECT value FROM json_each(?))"
    " OR q.speaker_description IN (SELECT value FROM json_each(?)))"
)


def _speaker_args(speakers: Speakers) -> list[str]:
    import json

    return [json.dumps(values) for values in speakers]


_T = TypeVar("_T")


def _chunks(items: Sequence[_T], size: int) -> Iterator[Sequence[_T]]:
    """``items`` a statement's worth at a time (SQLite takes a bounded number of parameters)."""
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
