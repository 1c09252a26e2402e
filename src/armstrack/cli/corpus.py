"""Where reading commands get their records: the store (``--db``, ``ARMSTRACK_DB``, or the
user data directory), opened read-only when it exists."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from armstrack.models import ArticleRecord
    from armstrack.store import Store

db_path: str | None = None  # set by the global --db option


def load_records(
    systems: tuple[str, ...] = (), sources: tuple[str, ...] = (), query: str | None = None
) -> list[ArticleRecord]:
    """Records from the store; with systems, sources or a full-text query, only the
    articles that can match (found through the store's indexes and FTS5)."""
    from armstrack.store import open_store

    store = open_store(db_path, readonly=True)
    try:
        ids = store.ids_with(systems=systems, sources=sources)
        if query:
            found = set(store.search_ids(query))
            ids = found if ids is None else ids & found
        return store.records(ids)
    finally:
        store.close()


@contextmanager
def open_reader() -> Iterator[Store]:
    """The store, read-only when it exists, closed afterwards."""
    from armstrack.store import open_store

    store = open_store(db_path, readonly=True)
    try:
        yield store
    finally:
        store.close()
