"""Following the news: the feeds a store follows, and ``update``, which polls them.

A feed (RSS, Atom or JSON Feed) is polled with a conditional request; each item's page is
fetched, read (pages.py), checked for relevance (relevance.py, unless ``keep_all``),
extracted and stored. Every item's fate is kept in the ``fetched`` table: a second update
fetches nothing it already has, and an item that failed is tried again on the next one.
Nothing stored is ever removed by an update.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from armstrack.errors import InputError, UsageError
from armstrack.store import Store
from armstrack.web.fetch import Fetcher, FetchError

MAX_ITEMS = 200  # per feed and poll: a feed of a million items is read no further


@dataclass(slots=True)
class UpdateSummary:
    feeds: int = 0
    new: int = 0
    unchanged: int = 0
    duplicate: int = 0
    off_topic: int = 0
    failed: list[str] = field(default_factory=list)  # one line each

    def line(self) -> str:
        return (
            f"{self.feeds} feeds polled; items: {self.new} new, {self.unchanged} unchanged, "
            f"{self.duplicate} duplicate, {self.off_topic} off-topic, {len(self.failed)} failed"
        )


@dataclass(frozen=True, slots=True)
class Item:
    link: str
    title: str | None
    published: str | None  # as the feed writes it
    author: str | None


@dataclass(frozen=True, slots=True)
class Feed:
    url: str
    title: str | None
    added: str
    polled: str | None
    error: str | None
    items: int


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def add_feed(store: Store, url: str) -> bool:
    """Follow ``url``; False when it was already followed."""
    if urlsplit(url).scheme not in {"http", "https"} or not urlsplit(url).hostname:
        raise UsageError(f"{url}: a feed is an http(s) URL")
    with store.transaction():
        cursor = store.db.execute("INSERT OR IGNORE INTO feeds (url, added) VALUES (?, ?)", (url, _now()))
    return cursor.rowcount == 1


def remove_feed(store: Store, url: str) -> None:
    """Stop following ``url``. The articles it brought stay in the store."""
    with store.transaction():
        cursor = store.db.execute("DELETE FROM feeds WHERE url = ?", (url,))
    if cursor.rowcount == 0:
        raise UsageError(f"{url}: not a feed this store follows (`armstrack feeds list`)")


def list_feeds(store: Store) -> list[Feed]:
    rows = store.db.execute(
        "SELECT f.url, f.title, f.added, f.polled, f.error,"
        " (SELECT count(*) FROM fetched WHERE feed_url = f.url) FROM feeds f ORDER BY f.added, f.url"
    ).fetchall()
    return [Feed(*row) for row in rows]


def parse_feed(url: str, body: bytes) -> tuple[str | None, list[Item], list[str]]:
    """(title, items, problems) of an RSS, Atom or JSON feed. An item without a usable link
    is a problem, not a stop; a body that is no feed at all raises ``FetchError``."""
    if body.lstrip()[:1] in (b"{", b"["):
        return _json_feed(url, body)
    import feedparser

    parsed = feedparser.parse(body)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        raise FetchError(f"{url}: not an RSS, Atom or JSON feed")
    items: list[Item] = []
    problems: list[str] = []
    for entry in parsed.entries[:MAX_ITEMS]:
        link = entry.get("link")
        title = entry.get("title")
        if not link:
            problems.append(f"{url}: an item without a link ({title or 'untitled'})")
            continue
        items.append(
            Item(
                urljoin(url, link), title, entry.get("published") or entry.get("updated"), entry.get("author")
            )
        )
    return parsed.feed.get("title"), items, problems


def _json_feed(url: str, body: bytes) -> tuple[str | None, list[Item], list[str]]:
    try:
        data: Any = json.loads(body)
    except ValueError:
        raise FetchError(f"{url}: not an RSS, Atom or JSON feed") from None
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise FetchError(f"{url}: a JSON document, but not a JSON Feed (no items)")
    items: list[Item] = []
    problems: list[str] = []
    for raw in data["items"][:MAX_ITEMS]:
        raw = raw if isinstance(raw, dict) else {}
        link = raw.get("url") or raw.get("external_url")
        title = raw.get("title") if isinstance(raw.get("title"), str) else None
        if not isinstance(link, str) or not link:
            problems.append(f"{url}: an item without a link ({title or 'untitled'})")
            continue
        author: dict[str, Any] = raw["author"] if isinstance(raw.get("author"), dict) else {}
        published = raw.get("date_published")
        items.append(
            Item(
                urljoin(url, link),
                title,
                published if isinstance(published, str) else None,
                author.get("name") if isinstance(author.get("name"), str) else None,
            )
        )
    title = data.get("title")
    return (title if isinstance(title, str) else None), items, problems


def update(
    store: Store,
    fetcher: Fetcher,
    *,
    keep_all: bool = False,
    progress: Callable[[str], None] | None = None,
) -> UpdateSummary:
    """Poll every feed the store follows and ingest what is new."""
    summary = UpdateSummary()
    for feed in list_feeds(store):
        summary.feeds += 1
        if progress:
            progress(feed.url)
        for problem in _poll(store, fetcher, feed, summary, keep_all):
            summary.failed.append(problem)
    return summary


def _poll(
    store: Store, fetcher: Fetcher, feed: Feed, summary: UpdateSummary, keep_all: bool
) -> Iterator[str]:
    db = store.db
    etag, modified = db.execute("SELECT etag, last_modified FROM feeds WHERE url = ?", (feed.url,)).fetchone()
    try:
        response = fetcher.get(feed.url, etag=etag, last_modified=modified)
        items: list[Item] = []
        problems: list[str] = []
        if response.not_modified:
            title = feed.title
        else:
            title, items, problems = parse_feed(feed.url, response.body)
    except FetchError as exc:
        with store.transaction():
            db.execute("UPDATE feeds SET polled = ?, error = ? WHERE url = ?", (_now(), str(exc), feed.url))
        yield str(exc)
        return
    with store.transaction():
        db.execute(
            "UPDATE feeds SET title = coalesce(?, title), etag = ?, last_modified = ?, polled = ?, error = NULL"
            " WHERE url = ?",
            (title, response.etag or etag, response.last_modified or modified, _now(), feed.url),
        )
    yield from problems
    for item in items:
        state = db.execute("SELECT state FROM fetched WHERE url = ?", (item.link,)).fetchone()
        retry = state is None or state[0] == "failed" or (keep_all and state[0] == "off_topic")
        if not retry:  # stored, duplicate or skipped before: not fetched again
            summary.unchanged += 1
            continue
        problem = _fetch_item(store, fetcher, feed, item, summary, keep_all, source=title)
        if problem:
            yield problem


def _fetch_item(
    store: Store,
    fetcher: Fetcher,
    feed: Feed,
    item: Item,
    summary: UpdateSummary,
    keep_all: bool,
    source: str | None,
) -> str | None:
    from armstrack.ingest import extract_document
    from armstrack.relevance import relevance
    from armstrack.web.pages import page_document

    db = store.db
    article_id = None
    try:
        doc = page_document(fetcher.get(item.link))
        doc.title = doc.title or item.title
        doc.source = doc.source or source
        doc.author = doc.author or item.author
        if doc.published is None and item.published:
            from armstrack.documents import written_day

            doc.published = written_day(item.published)
        text = doc.text if isinstance(doc.text, str) else doc.text.decode("utf-8", errors="replace")
        if not keep_all and not relevance(text).on_topic:
            state = "off_topic"
            summary.off_topic += 1
        else:
            record = extract_document(doc)
            with store.transaction():
                outcome = store.put(record)
            article_id = record.id
            state = (
                "duplicate"
                if outcome == "duplicate"
                else "new"
                if outcome in ("added", "replaced")
                else "unchanged"
            )
            setattr(summary, state, getattr(summary, state) + 1)
        error = None
    except (FetchError, InputError) as exc:
        state, error = "failed", str(exc)
    with store.transaction():
        db.execute(
            "INSERT INTO fetched (url, feed_url, state, article_id, attempts, error, fetched) VALUES (?, ?, ?, ?, 1, ?, ?)"
            " ON CONFLICT(url) DO UPDATE SET state = excluded.state, article_id = excluded.article_id,"
            " attempts = attempts + 1, error = excluded.error, fetched = excluded.fetched",
            (item.link, feed.url, state, article_id, error, _now()),
        )
    return error
