"""Documents into the store: extract (in worker processes for large batches), write in
batches with one writer.

Reading the inputs is documents.py's. A document that fails is reported with its reason
and the rest go on. Memory stays flat: documents are read lazily and at most a few batches
are in flight at once.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from armstrack.documents import Document
from armstrack.errors import ArmstrackError, InputError
from armstrack.models import ArticleRecord
from armstrack.stored import Prepared

BATCH = 200
_PARALLEL_FROM = 64  # documents; below this, worker processes cost more than they save


@dataclass(slots=True)
class Summary:
    added: int = 0
    unchanged: int = 0
    updated: int = 0
    replaced: int = 0
    duplicate: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.added} added, {self.unchanged} unchanged, {self.updated} updated, {self.replaced} replaced, "
            + (f"{self.duplicate} duplicate, " if self.duplicate else "")
            + f"{len(self.failed)} failed"
        )


@dataclass(slots=True)
class Overrides:
    """--published, --source, --url: for a single document only."""

    published: str | None = None
    source: str | None = None
    url: str | None = None


def extract_document(doc: Document, overrides: Overrides | None = None) -> ArticleRecord:
    """A document to its record (runs in worker processes: no shared state)."""
    from armstrack.extract.pipeline import extract
    from armstrack.loader import load_bytes, load_text

    o = overrides or Overrides()
    published, source, url = o.published or doc.published, o.source or doc.source, o.url or doc.url
    path = doc.name if Path(doc.name).exists() else None
    if isinstance(doc.text, bytes):
        article = load_bytes(doc.text, name=doc.name, path=path, published=published, source=source, url=url)
    else:
        article = load_text(doc.text, path=path, published=published, source=source, url=url)
    if doc.title:
        article.title = " ".join(doc.title.split())
    if doc.author:
        article.author = " ".join(doc.author.split())
    return extract(article)


def _extract_batch(batch: list[Document], overrides: Overrides | None) -> list[Prepared | tuple[str, str]]:
    from armstrack.stored import prepare

    out: list[Prepared | tuple[str, str]] = []
    for doc in batch:
        try:
            out.append(prepare(extract_document(doc, overrides)))  # the writer only inserts
        except ArmstrackError as exc:
            out.append((doc.name, str(exc)))
        except Exception as exc:  # one bad document must not stop the rest
            out.append((doc.name, f"{type(exc).__name__}: {exc}"))
    return out


def ingest(
    store: object,
    documents: Iterable[Document | InputError],
    *,
    overrides: Overrides | None = None,
    workers: int = 0,
    expected: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Summary:
    """Extract and store every document. ``workers`` > 1 extracts in that many processes."""
    from armstrack.store import Store

    assert isinstance(store, Store)
    summary = Summary()

    def write(results: list[Prepared | tuple[str, str]]) -> None:
        with store.transaction():
            for item in results:
                if isinstance(item, tuple):
                    summary.failed.append(item)
                    continue
                outcome = store.put(item)
                setattr(summary, outcome, getattr(summary, outcome) + 1)
        if progress:
            progress(len(results))

    batches = _batches(documents, summary, progress)
    if workers > 1 and (expected is None or expected >= _PARALLEL_FROM):
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_start)
        try:
            pending: list[Future[list[Prepared | tuple[str, str]]]] = []
            for batch in batches:
                pending.append(pool.submit(_extract_batch, batch, overrides))
                while len(pending) >= workers * 2:  # bounded: memory stays flat
                    write(pending.pop(0).result())
            for future in pending:
                write(future.result())
        except BaseException:  # Ctrl-C or an error: what is committed stays, the workers stop now
            _stop_workers(pool)
            raise
        pool.shutdown()
    else:
        for batch in batches:
            write(_extract_batch(batch, overrides))
    return summary


_PARENT_CHECK_SECONDS = 0.5


def _worker_start() -> None:
    """Each extraction worker, first: Ctrl-C is the parent's to handle (a terminal sends it
    to the whole process group), and the worker exits on its own once the parent is gone,
    even after a kill -9 that gave the parent no chance to stop it."""
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()  # the ingest, or a fork server that exits with it

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="armstrack-parent-watch", daemon=True).start()


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the workers at once, rather than letting each
    finish a batch whose result nobody will write."""
    # What the pool forgets on shutdown, kept first.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    call_queue = getattr(pool, "_call_queue", None)
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)
    # A worker ended while it was sending a result leaves half a message in the result pipe,
    # and the pool's manager thread waits for the rest for ever; the process cannot exit,
    # since Python joins that thread (a full disk hung the ingest about one time in twelve).
    # With the workers gone, this process holds the pipe's only write end: closing it ends
    # the read. The feeder of the call queue, which may be blocked on a pipe no worker
    # reads any more, is not waited for either.
    if call_queue is not None:
        call_queue.cancel_join_thread()
    if writer is not None and not any(process.is_alive() for process in processes):
        writer.close()


def _batches(
    documents: Iterable[Document | InputError], summary: Summary, progress: Callable[[int], None] | None
) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in documents:
        if isinstance(item, InputError):
            summary.failed.append(("", str(item)))
            if progress:
                progress(1)
            continue
        summary.warnings += item.warnings
        batch.append(item)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch
