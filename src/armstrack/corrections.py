"""Corrections that stick: what a new copy of a stored article states about it, how that
merges with what the store knows, and the record extracted again with the merged facts.

An article is stored once. When it arrives again — the same text with a publication date
the user now knows, the same story as HTML with its outlet and URL, or as JSON Lines beside
the .txt it was first read from — the store keeps one article and updates it: what the new
copy states (a given date, an outlet, a URL) wins, what it does not state is kept, and the
record is extracted again so that every date in it rests on the corrected publication day.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from armstrack.documents import Document
    from armstrack.models import ArticleRecord
    from armstrack.stored import Prepared


@dataclass(frozen=True, slots=True)
class Stated:
    """The facts about an article that a copy of it states (None: not stated)."""

    published: str | None  # a given day (YYYY-MM-DD), never an inferred one
    source: str | None
    url: str | None

    def over(self, known: Stated) -> Stated:
        """These facts, with ``known`` where these say nothing."""
        return Stated(self.published or known.published, self.source or known.source, self.url or known.url)


def stated(prepared: Prepared) -> Stated:
    """What a prepared record states (ingest.prepare's article row: url, source, …, inferred)."""
    row = prepared.article
    given = row[5] if row[9] == 0 else None
    return Stated(published=given, source=row[2], url=row[1])  # type: ignore[arg-type]


def fingerprint(text: str, title: str) -> str:
    """The article's text, normalised: case and spacing folded, a leading headline dropped, so
    that a .txt (headline first) and JSON Lines (headline apart) of one story match."""
    body = " ".join(text.split()).casefold()
    head = " ".join(title.split()).casefold()
    if head and body.startswith(head):
        body = body[len(head) :].lstrip(" .:-—–")
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:24]


def with_facts(record: ArticleRecord, article_id: str, facts: Stated) -> ArticleRecord:
    """The record extracted again from its own text, under ``article_id`` and with ``facts``."""
    from armstrack.extract.pipeline import extract
    from armstrack.loader import Article

    article = Article(
        id=article_id, title=record.title, text=record.text,
        paragraphs=[(p.start, p.end) for p in record.paragraphs], source=facts.source, url=facts.url,
        path=record.path, published=facts.published, warnings=list(record.warnings), author=record.author,
    )  # fmt: skip
    return extract(article)


def record_of(prepared: Prepared) -> ArticleRecord:
    from armstrack.models import ArticleRecord
    from armstrack.stored import decode_json

    return ArticleRecord.model_validate_json(decode_json(prepared.article[12], prepared.article[10]))  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Sidecar:
    """Dates (and outlets) for bulk ingest, from a CSV with a header: a ``file`` or ``url``
    column naming the article, then ``published`` and optionally ``source``."""

    by_file: dict[str, tuple[str | None, str | None]]
    by_url: dict[str, tuple[str | None, str | None]]

    def apply(self, doc: Document) -> None:
        """Give ``doc`` the date and outlet its row states (by URL, else by file)."""
        from pathlib import Path

        facts = self.by_url.get(doc.url or "") or (
            self.by_file.get(str(Path(doc.name).resolve())) or self.by_file.get(Path(doc.name).name)
        )
        if facts is not None:
            doc.published = facts[0] or doc.published
            doc.source = facts[1] or doc.source


def read_sidecar(path: str) -> Sidecar:
    """The sidecar at ``path``; a bad file or row is an ``InputError`` naming it."""
    import csv
    from pathlib import Path

    from armstrack.documents import written_day
    from armstrack.errors import InputError

    where = Path(path)
    try:
        rows = list(csv.DictReader(where.open(encoding="utf-8-sig", newline="")))
    except OSError as exc:
        raise InputError(f"{path}: cannot read the dates file ({exc.strerror or exc})") from None
    by_file: dict[str, tuple[str | None, str | None]] = {}
    by_url: dict[str, tuple[str | None, str | None]] = {}
    for line, row in enumerate(rows, start=2):
        key_file, key_url = (row.get("file") or "").strip(), (row.get("url") or "").strip()
        raw = (row.get("published") or "").strip()
        day = written_day(raw) if raw else None
        if raw and day is None:
            raise InputError(f"{path}:{line}: published {raw!r} is not a date")
        facts = (day, (row.get("source") or "").strip() or None)
        if key_url:
            by_url[key_url] = facts
        elif key_file:
            # Relative to the dates file's folder, and by name alone for a file found elsewhere.
            by_file[str((where.parent / key_file).resolve())] = facts
            by_file.setdefault(Path(key_file).name, facts)
        else:
            raise InputError(f"{path}:{line}: a row needs a file or a url")
    return Sidecar(by_file, by_url)
