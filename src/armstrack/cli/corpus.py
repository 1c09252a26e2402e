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
        return store.records(select_articles(store, filters)[0])
