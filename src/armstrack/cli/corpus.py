"""Where reading commands get their records: the store (``--db``, ``ARMSTRACK_DB``, or the
user data directory), opened read-only when it exists."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
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


class _StoreLookup(Mapping[str, str]):
    """Values read from the open store the first time each is asked for: a listing printed
    as it is made does not know beforehand what it will need. At most ``KEPT`` are kept
    (the least recently used go first); None keeps every one."""

    KEPT: int | None = None

    def __init__(self, store: Store) -> None:
        self._store = store
        self._known: OrderedDict[str, str | None] = OrderedDict()

    def _read(self, key: str) -> str | None:
        raise NotImplementedError

    def __getitem__(self, key: str) -> str:
        if key in self._known:
            self._known.move_to_end(key)
        else:
            self._known[key] = self._read(key)
            if self.KEPT is not None and len(self._known) > self.KEPT:
                self._known.popitem(last=False)
        value = self._known[key]
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        return (key for key, value in self._known.items() if value is not None)

    def __len__(self) -> int:
        return sum(value is not None for value in self._known.values())


class ActorNames(_StoreLookup):
    """Actor id → name (a store has a few thousand actors: all are kept)."""

    def _read(self, key: str) -> str | None:
        return self._store.actor_names([key]).get(key)


class ArticleTexts(_StoreLookup):
    """Article id → text. The texts used last are kept, a few thousand (neighbouring entries
    of a timeline cite the same articles), never all of a large store's."""

    KEPT = 16_384

    def _read(self, key: str) -> str | None:
        row = self._store.db.execute("SELECT text FROM articles WHERE id = ?", (key,)).fetchone()
        return None if row is None else str(row[0])


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
