"""Documents to ingest, as read from files, folders and stdin: the formats and their
metadata, before any extraction.

Formats, by extension (or ``--format`` for stdin): ``.txt``; ``.md`` with YAML-style front
matter (``title``, ``date``/``published``, ``source``, ``url``); ``.html``/``.htm``, whose
main text and metadata come from trafilatura (scripts are never run, nothing is fetched);
``.json`` (an object or an array of objects) and ``.jsonl`` (one object per line) with
``text``, ``title``, ``published``, ``source``, ``url``, ``author``.

A document that cannot be read is yielded as an error with its reason (and line, for JSON
Lines), and the rest go on. Documents are read lazily: a JSON Lines feed of any length is
read a line at a time.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from armstrack.errors import InputError

FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
           ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}  # fmt: skip
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
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
    yield from json_lines(name, enumerate(_text(name, data).splitlines(), start=1))


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
                    yield from json_lines(name, [(number, _text(f"{name}:{number}", raw))])
                except InputError as exc:
                    yield exc
        if not lines:
            yield InputError(f"{name}: empty input, nothing to read")


def json_lines(name: str, lines: Iterable[tuple[int, str]]) -> Iterator[Document | InputError]:
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


def stdin_bytes() -> bytes:
    return sys.stdin.buffer.read()
