"""``armstrack ingest``: files, folders and stdin into the store."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated

import typer

from armstrack.cli.options import MAX_SIZE, InputFormat, MaxSize

if TYPE_CHECKING:
    from armstrack.documents import Document
    from armstrack.errors import InputError


def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH...|URL...|-", help="Files, folders (recursive), http(s) pages, or - for stdin."
        ),
    ] = None,
    fmt: InputFormat = None,
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            metavar="YYYY-MM-DD",
            help="Publication date of every document read (a correction: stored articles are updated).",
        ),
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", metavar="NAME", help="The outlet of every document read.")
    ] = None,
    url: Annotated[
        str | None, typer.Option("--url", metavar="URL", help="Where it was published (one document only).")
    ] = None,
    dates: Annotated[
        str | None,
        typer.Option(
            "--dates",
            metavar="CSV",
            help="Publication dates for bulk ingest: a CSV of file (or url), published, source.",
        ),
    ] = None,
    with_seeds: Annotated[
        bool, typer.Option("--with-seeds", help="Also add the bundled seed articles.")
    ] = False,
    max_size: MaxSize = MAX_SIZE,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Also fetch pages from private and local addresses.")
    ] = False,
    workers: Annotated[
        int, typer.Option("--workers", metavar="N", help="Extraction processes (default: one per core).")
    ] = 0,
) -> None:
    """Add articles to the store: extract once, keep the records, search them later.

    The same text twice is stored once, and so is the same story in two formats (.txt and
    JSON Lines); a copy that states a publication date, outlet or URL the store lacks
    updates the stored article ("1 updated") and its dates are extracted again. A changed
    text under the same URL replaces the old one. A file that fails is reported and the rest go on; the exit status is 1 if any
    failed. A summary goes to stderr.

    \b
    Examples:
      armstrack ingest articles/
      armstrack ingest story.txt --published 2025-07-13 --source Reuters
      armstrack ingest https://example.org/2025/07/14/patriots-for-ukraine
      armstrack --db team.db ingest --with-seeds
    """
    from armstrack.cli import corpus, warn
    from armstrack.corrections import read_sidecar
    from armstrack.documents import expand, read_documents, stdin_bytes
    from armstrack.errors import ExitCode, InputError, UsageError
    from armstrack.extract.pipeline import parse_published
    from armstrack.ingest import Overrides
    from armstrack.ingest import ingest as run
    from armstrack.store import open_store

    paths = paths or []
    if not paths and not with_seeds:
        raise UsageError("nothing to ingest: give files, folders or - (stdin), or --with-seeds")
    if published is not None:
        parse_published(published)
    from pathlib import Path

    from armstrack.batch import is_batch_output

    urls = [p for p in paths if p.startswith(("http://", "https://"))]
    parquet = [p for p in paths if p not in urls and is_batch_output(Path(p))]
    inputs = list(expand([p for p in paths if p not in urls and p not in parquet], fmt))
    single = (len(inputs) == 1 and not urls and (inputs[0][1] is None or inputs[0][1].is_file())) or (
        len(urls) == 1 and not inputs
    )
    if url and not single:
        raise UsageError(
            "--url applies to a single document (--published and --source to every document read)"
        )
    overrides = Overrides(published, source, url) if (published or source or url) else None

    sidecar = read_sidecar(dates) if dates else None  # a bad dates file stops before anything is stored
    store = open_store(corpus.db_path)
    try:
        seeded: list[str] = []
        if with_seeds:
            from armstrack.corpus import seed_records

            with store.transaction():
                seeded = [store.put(record) for record in seed_records()]

        def documents() -> Iterator[Document | InputError]:
            stdin = stdin_bytes() if any(p is None for _, p, _ in inputs) else None
            for name, path, kind in inputs:
                for item in read_documents(name, path, kind, max_bytes=max_size, stdin=stdin):
                    if sidecar is not None and not isinstance(item, InputError):
                        sidecar.apply(item)
                    yield item
            if urls:
                yield from _pages(urls, allow_private)

        progress = _progress(len(inputs) + len(urls))
        try:
            # One JSON, JSON Lines or stdin input may hold any number of documents.
            many = any(kind in {"json", "jsonl", "sniff"} for _, _, kind in inputs)
            summary = run(store, documents(), overrides=overrides, workers=workers or (os.cpu_count() or 1),
                          expected=None if many else len(inputs) + len(urls),
                          progress=progress.advance if progress else None)  # fmt: skip
        finally:
            if progress:
                progress.stop()
    finally:
        store.close()
    for outcome in seeded:
        setattr(summary, outcome, getattr(summary, outcome) + 1)
    if parquet:
        _store_batch_output(parquet, summary)
    for message in summary.warnings:
        warn(message)
    for name, reason in summary.failed:
        warn(reason if reason.startswith(name) else f"{name}: {reason}".lstrip(": "))
    sys.stderr.write(f"armstrack: ingest: {summary.line()}\n")
    if summary.failed:
        raise typer.Exit(int(ExitCode.FAILURE))


def _store_batch_output(folders: list[str], summary: object) -> None:
    """Records that `armstrack batch` extracted, stored as they are (no second extraction),
    read file by file and written 200 to a transaction."""
    import itertools
    from pathlib import Path

    from armstrack.batch import parquet_records
    from armstrack.cli import corpus
    from armstrack.models import ArticleRecord
    from armstrack.store import open_store

    store = open_store(corpus.db_path)
    try:
        for folder in folders:
            pending: list[str] = []
            for raw in itertools.chain(parquet_records(Path(folder)), [None]):
                if raw is not None:
                    pending.append(raw)
                if pending and (raw is None or len(pending) >= 200):
                    with store.transaction():
                        for one in pending:
                            outcome = store.put(ArticleRecord.model_validate_json(one))
                            setattr(summary, outcome, getattr(summary, outcome) + 1)
                    pending = []
    finally:
        store.close()


def _pages(urls: list[str], allow_private: bool) -> Iterator[Document | InputError]:
    """Each page fetched and read (web/pages.py); one that fails is an error in its place."""
    from armstrack.errors import InputError
    from armstrack.web.fetch import Fetcher, FetchError, Policy
    from armstrack.web.pages import page_document

    with Fetcher(Policy(allow_private=True) if allow_private else Policy()) as fetcher:
        for url in urls:
            try:
                yield page_document(fetcher.get(url))
            except FetchError as exc:
                yield InputError(str(exc))


class _Progress:
    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import Progress

        self.progress = Progress(console=Console(stderr=True), transient=True)
        self.task = self.progress.add_task("ingesting", total=total)
        self.progress.start()

    def advance(self, n: int) -> None:
        self.progress.advance(self.task, n)

    def stop(self) -> None:
        self.progress.stop()


def _progress(total: int) -> _Progress | None:
    """A progress bar on a terminal for more than a few files; nothing off a terminal."""
    if total > 5 and sys.stderr.isatty():
        return _Progress(total)
    return None


def register(app: typer.Typer) -> None:
    app.command()(ingest)
