"""Files, folders and stdin into the store: parse, extract (in worker processes for large
batches), write in batches with one writer.

Formats, by extension (or ``--format`` for stdin): ``.txt``; ``.md`` with YAML-style front
matter (``title``, ``date``/``published``, ``source``, ``url``); ``.html``/``.htm``, whose
main text and metadata come from trafilatura (scripts are never run, nothing is fetched);
``.json`` (an object or an array of objects) and ``.jsonl`` (one object per line) with
``text``, ``title``, ``published``, ``source``, ``url``, ``author``.

A document that fails is reported with its reason (and line, for JSON Lines) and the rest
go on. Memory stays flat: documents are read lazily and at most a few batches are in
flight at once.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from armstrack.errors import ArmstrackError, InputError
from armstrack.models import ArticleRecord
from armstrack.stored import Prepared

FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
           ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}  # fmt: skip
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
BATCH = 200
_PARALLEL_FROM = 64  # documents; below this, worker processes cost more than they save
_FRONT_MATTER = re.compile(r"\A\ufeff?---\s*\n(?P<meta>.*?)\n---\s*\n", re.DOTALL)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"^#{1,6}\s+|^\s*>\s?|\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)", re.MULTILINE)


@dataclass(slots=True)
class Document:
    """One article to ingest, as read: raw text plus what the container says about it."""

    name: str  # for messages: a path, "stdin", "file.jsonl:12"
    text: bytes | str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD (``written_day`` reads what the container wrote)
    source: str | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)
    author: str | None = None

    def __post_init__(self) -> None:
        if self.published is not None:
            day = written_day(self.published)
            if day is None:
                self.warnings.append(
                    f"{self.name}: published {self.published!r} is not a date; the date is inferred from the text"
                )
            self.published = day


def written_day(value: str) -> str | None:
    """A publication date as containers write it ("2024-06-20", "2024-06-20T10:00:00Z",
    "July 4, 2024", "4 July 2024", "Tue, 02 Jul 2024 10:04:00 GMT") as YYYY-MM-DD; None
    when it is not a whole date ("July 2024" names no day)."""
    import datetime as dt

    from dateutil import parser

    text = value.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text[:10]) and (len(text) == 10 or text[10] in "T "):
        try:
            return dt.date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            return None
    try:  # parsed twice with different defaults: a part the text lacks shows as a difference
        first = parser.parse(text, default=dt.datetime(2000, 1, 1))
        second = parser.parse(text, default=dt.datetime(2001, 2, 2))
    except (ValueError, OverflowError):
        return None
    return first.date().isoformat() if first.date() == second.date() else None


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


def expand(paths: Iterable[str], fmt: str | None = None) -> Iterator[tuple[str, Path | None, str]]:
    """(name, path or None for stdin, format) for each input; folders recursively, by extension."""
    for raw in paths:
        if raw == "-":
            yield "stdin", None, fmt or "sniff"
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS):
                yield str(child), child, FORMATS[child.suffix.lower()]
        else:
            yield str(path), path, fmt or FORMATS.get(path.suffix.lower(), "txt")


def read_documents(
    name: str, path: Path | None, fmt: str, *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: bytes | None = None
) -> Iterator[Document | InputError]:
    """The documents in one input; a bad one is yielded as an error, not raised.

    A JSON Lines file is read line by line (memory stays flat however long the feed), and
    the size limit applies to each line: each line is one article.
    """
    if path is not None and fmt == "jsonl":
        yield from _jsonl_file(name, path, max_bytes)
        return
    try:
        data = stdin if path is None else _read(path, max_bytes)
    except InputError as exc:
        yield exc
        return
    assert data is not None
    if len(data) > max_bytes:
        yield InputError(
            f"{name}: {len(data):,} bytes is over the {max_bytes:,}-byte limit (--max-size raises it)"
        )
        return
    if fmt == "sniff":
        head = data.lstrip()[:1]
        fmt = (
            "jsonl"
            if head == b"{" and b"\n{" in data
            else "json"
            if head in (b"{", b"[")
            else "html"
            if head == b"<"
            else "txt"
        )
    try:
        if fmt == "txt":
            yield Document(name, data)
        elif fmt == "md":
            yield _markdown(name, data)
        elif fmt == "html":
            yield html_document(name, data)
        elif fmt == "json":
            yield from _json(name, data)
        elif fmt == "jsonl":
            yield from _jsonl(name, data)
        else:
            yield InputError(f"{name}: unknown format {fmt!r}")
    except InputError as exc:
        yield exc


def _check_file(path: Path) -> None:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory")


def _read(path: Path, max_bytes: int) -> bytes:
    _check_file(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{path}: {size:,} bytes is over the {max_bytes:,}-byte limit (--max-size raises it)"
            )
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def _text(name: str, data: bytes) -> str:
    from armstrack.loader import decode

    return decode(data, name)[0]


def _markdown(name: str, data: bytes) -> Document:
    text = _text(name, data)
    meta: dict[str, str] = {}
    m = _FRONT_MATTER.match(text)
    if m:
        for line in m.group("meta").splitlines():
            key, sep, value = line.partition(":")
            if sep:
                meta[key.strip().lower()] = value.strip().strip("'\"")
        text = text[m.end() :]
    body = _MD_MARKS.sub("", _MD_LINK.sub(r"\1", text))
    return Document(name, body, meta.get("title"), meta.get("published") or meta.get("date"), meta.get("source"),
                    meta.get("url"))  # fmt: skip


def html_document(name: str, data: bytes) -> Document:
    """An HTML page: its main text and metadata, read by trafilatura (no script runs)."""
    import trafilatura

    html = _text(name, data)
    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if result is None:
        raise InputError(f"{name}: no article text found in the HTML")
    meta = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = meta.get("text") or ""
    if not text.strip():
        raise InputError(f"{name}: no article text found in the HTML")
    title = meta.get("title")
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Document(
        name,
        text,
        title,
        meta.get("date"),
        meta.get("sitename") or meta.get("hostname"),
        meta.get("url"),
        author=meta.get("author") or None,
    )


def _from_object(name: str, obj: object) -> Document:
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise InputError(f'{name}: expected an object with a "text" string')

    def opt(key: str) -> str | None:
        value = obj.get(key)
        return value if isinstance(value, str) and value.strip() else None

    return Document(
        name, obj["text"], opt("title"), opt("published") or opt("date"), opt("source"), opt("url"),
        author=opt("author"),
    )  # fmt: skip


def _json(name: str, data: bytes) -> Iterator[Document | InputError]:
    try:
        parsed = json.loads(_text(name, data))
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    items = parsed if isinstance(parsed, list) else [parsed]
    for i, obj in enumerate(items):
        try:
            yield _from_object(f"{name}[{i}]" if isinstance(parsed, list) else name, obj)
        except InputError as exc:
            yield exc


def _jsonl(name: str, data: bytes) -> Iterator[Document | InputError]:
    yield from _json_lines(name, enumerate(_text(name, data).splitlines(), start=1))


def _jsonl_file(name: str, path: Path, max_bytes: int) -> Iterator[Document | InputError]:
    try:
        _check_file(path)
        feed = path.open("rb")
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield InputError(f"{path}: cannot read ({exc.strerror or exc})")
        return
    with feed:
        lines = 0
        for number, raw in enumerate(feed, start=1):
            lines += 1
            if len(raw) > max_bytes:
                yield InputError(
                    f"{name}:{number}: {len(raw):,} bytes is over the {max_bytes:,}-byte limit (--max-size raises it)"
                )
            elif raw.strip():
                try:
                    yield from _json_lines(name, [(number, _text(f"{name}:{number}", raw))])
                except InputError as exc:
                    yield exc
        if not lines:
            yield InputError(f"{name}: empty input, nothing to read")


def _json_lines(name: str, lines: Iterable[tuple[int, str]]) -> Iterator[Document | InputError]:
    for number, line in lines:
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            yield _from_object(where, json.loads(line))
        except json.JSONDecodeError as exc:
            yield InputError(f"{where}: not valid JSON ({exc.msg})")
        except InputError as exc:
            yield exc


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
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)


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


def stdin_bytes() -> bytes:
    return sys.stdin.buffer.read()
