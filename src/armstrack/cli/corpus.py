"""Where reading commands get their records: the store (``--db``, ``ARMSTRACK_DB``, or the
user data directory), opened read-only when it exists."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, overload

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


class StoredRecords(Sequence["ArticleRecord"]):
    """The records of chosen articles, read from the open store each time they are walked
    (a batch at a time: ``Store.iter_records``), never all held at once."""

    def __init__(self, store: Store, ids: list[str]) -> None:
        self.store = store
        self.ids = ids
        self.actor_names = store.actor_names  # id → name for --actor, from the store's rows

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[ArticleRecord]:
        return self.store.iter_records(self.ids)

    @overload
    def __getitem__(self, index: int) -> ArticleRecord: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[ArticleRecord]: ...
    def __getitem__(self, index: int | slice) -> ArticleRecord | Sequence[ArticleRecord]:
        if isinstance(index, slice):
            return StoredRecords(self.store, self.ids[index])
        return next(self.store.iter_records([self.ids[index]]))


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
