"""Where reading commands get their records: the store (``--db``, ``ARMSTRACK_DB``, or the
user data directory), opened read-only when it exists."""

from __future__ import annotations

from collections.abc import Callable, Iterator
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


class StoredRecords:
    """The records of chosen articles, read from the open store each time they are walked
    (a batch at a time: ``Store.iter_records``), never all held at once."""

    def __init__(self, store: Store, ids: list[str]) -> None:
        self.store = store
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[ArticleRecord]:
        return self.store.iter_records(self.ids)


@contextmanager
def selected_records(
    filters: Filters, only: Callable[[Store], set[str]] | None = None
) -> Iterator[StoredRecords]:
    """The records of the articles the filter set keeps (``filters.select_articles``),
    walked from the store while the block runs; ``only`` narrows them further (the ids of
    the articles worth reading, from the store's rows)."""
    from armstrack.filters import select_articles

    with open_reader() as store:
        ids = select_articles(store, filters)[0]
        if only is not None:
            keep = only(store)
            ids = [i for i in ids if i in keep]
        yield StoredRecords(store, ids)
