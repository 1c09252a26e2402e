"""Where reading commands get their records: the store (``--db``, ``ARMSTRACK_DB``, or the
user data directory), opened read-only when it exists."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from armstrack.filters import Filters
    from armstrack.models import ArticleRecord
    from armstrack.store import Store

db_path: str | None = None  # set by the global --db option


def load_records(
    systems: tuple[str, ...] = (),
    sources: tuple[str, ...] = (),
    query: str | None = None,
    articles: tuple[str, ...] = (),
    latest: int | None = None,
) -> list[ArticleRecord]:
    """Records from the store, in publication order; with systems, sources, article ids
    or a full-text query, only the articles that can match (found through the store's
    indexes and FTS5); with ``latest``, only the last that many."""
    with open_reader() as store:
        ids = store.matching_ids(systems=systems, sources=sources, articles=articles, query=query)
        if latest is not None:
            ids = ids[len(ids) - latest :] if latest < len(ids) else ids
        return store.records(ids)


@contextmanager
def open_reader() -> Iterator[Store]:
    """The store, read-only when it exists, closed afterwards."""
    from armstrack.store import open_store

    store = open_store(db_path, readonly=True)
    try:
        yield store
    finally:
        store.close()


def selected_records(filters: Filters) -> list[ArticleRecord]:
    """The records of the articles the filter set keeps (``filters.select_articles``)."""
    from armstrack.filters import select_articles

    with open_reader() as store:
        return store.records(select_articles(store, filters))
