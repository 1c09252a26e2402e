"""The rows reading commands list, built from records under one filter set
(``armstrack.filters``); no command filters records on its own. The timeline itself lives
in ``armstrack.timeline``, which reads the store's event rows."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal

from pydantic import Field

from armstrack.eventrows import query_pattern
from armstrack.filters import Filters, actor_ids, event_filter, unique_id
from armstrack.models import (
    ArticleRecord,
    Context,
    EventAmount,
    EventStatus,
    Interval,
    Mention,
    Model,
    Published,
)


class Source(Model):
    article_id: str
    title: str
    source: str | None
    url: str | None
    published: Published
    evidence: Context
    merged_on: list[str] = Field(default_factory=list)  # why it joined the entry (timeline.py)


class TimelineEntry(Model):
    """One real-world event, however many articles (and sentences) report it.

    ``date`` is the most precise date any report gives it; ``date_source`` where that date
    came from (the sentence's own time expression, the nearest in its paragraph, or the
    article's publication date); ``inferred`` is true when it rests on an inferred
    publication date. ``status`` is the reports' status (they merge only when it is the
    same); ``amount`` the sum the event is about, as a number with its currency. ``sources``
    lists every article, with the sentence that reports it and why it joined.
    """

    kind: str
    status: EventStatus = "done"
    date: Interval | None
    date_source: Literal["sentence", "paragraph", "published", "ledger", "none"]
    inferred: bool
    systems: list[str]
    actors: list[str]
    amounts: list[str]
    amount: EventAmount | None = None
    summary: str
    sources: list[Source]


class SearchHit(Model):
    article_id: str
    title: str
    source: str | None
    url: str | None
    published: Published
    systems: list[str]
    matches: list[Mention]


def known_actors(records: Iterable[ArticleRecord]) -> dict[str, str]:
    return {a.id: a.name for r in records for a in r.actors}


def find_article(records: Iterable[ArticleRecord], prefix: str) -> ArticleRecord:
    """The one article whose id starts with ``prefix``."""
    by_id = {r.id: r for r in records}
    return by_id[unique_id([(r.id, r.title) for r in by_id.values()], prefix)]


def _select_articles(records: Iterable[ArticleRecord], filters: Filters) -> Iterable[ArticleRecord]:
    """The records ``--article`` names; all of them, walked as they come, without it."""
    if not filters.articles:
        return records
    records = list(records)
    chosen = {find_article(records, p).id for p in filters.articles}
    return [r for r in records if r.id in chosen]


def timeline(records: Sequence[ArticleRecord], filters: Filters) -> list[TimelineEntry]:
    """The timeline of records held in memory (the CLI reads it from the store through
    ``armstrack.timeline.entries``, the same code). See armstrack/timeline.py for how
    reports merge into entries."""
    from armstrack.store import Store
    from armstrack.timeline import entries

    store = Store.memory()
    try:
        with store.transaction():
            for record in records:
                store.put(record)
        found, _ = entries(store.db, event_filter(store, filters), filters.limit)
    finally:
        store.close()
    return [TimelineEntry.model_validate(e) for e in found]


def search(records: Sequence[ArticleRecord], filters: Filters) -> list[SearchHit]:
    """Articles matching every filter, with the mentions or words that matched (the CLI
    runs ``armstrack.search.hits`` on the store's records directly)."""
    from armstrack.search import hits

    chosen = _select_articles(records, filters)
    wanted = actor_ids(known_actors(records), filters.actors) if filters.actors else None
    found = list(
        hits(
            (r.model_dump(mode="json") for r in chosen),
            systems=filters.systems,
            query=filters.query,
            actors=wanted,
        )
    )
    found = found[: filters.limit] if filters.limit is not None else found
    return [SearchHit.model_validate(h) for h in found]


class QuoteRow(Model):
    article_id: str
    title: str
    source: str | None
    published: Published
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_id: str | None
    speaker_description: str | None
    partial: bool


def quotes(
    records: Iterable[ArticleRecord],
    filters: Filters,
    speaker: str | None = None,
    known: Mapping[str, str] | None = None,
) -> list[QuoteRow]:
    """Quotations, in article order. ``speaker`` matches a speaker's name, id or description;
    ``--system`` keeps quotes whose paragraph names the system. ``known``: actor id → name
    for ``--actor`` (by default gathered from ``records``)."""
    if filters.actors and known is None:
        known = known_actors(records)
    keep = _quote_filter(filters, speaker, known or {})
    rows: list[QuoteRow] = []
    for record in _select_articles(records, filters):
        if len(rows) == filters.limit:  # no more records decoded than the rows shown need
            break
        paragraphs = [(p.start, p.end) for p in record.paragraphs]
        for q in record.quotes:
            if not keep(q.speaker, q.speaker_id, q.speaker_description, q.text):
                continue
            if filters.systems:
                para = next(((s, e) for s, e in paragraphs if s <= q.start < e), (q.start, q.end))
                named = {s.id for s in record.systems for m in s.mentions if para[0] <= m.start < para[1]}
                if not named & set(filters.systems):
                    continue
            rows.append(
                QuoteRow(
                    article_id=record.id, title=record.title, source=record.source, published=record.published,
                    text=q.text, start=q.start, end=q.end, speaker=q.speaker, speaker_id=q.speaker_id,
                    speaker_description=q.speaker_description, partial=q.partial,
                )
            )  # fmt: skip
    return rows[: filters.limit] if filters.limit is not None else rows


def iter_stored_quotes(
    rows: Iterable[tuple[Any, ...]],
    filters: Filters,
    speaker: str | None = None,
    known: Mapping[str, str] | None = None,
) -> Iterator[QuoteRow]:
    """``quotes`` from the store's quote rows (``Store.quote_rows``, of the articles the
    filter set keeps) rather than from records: the same rows, with no record decoded, made
    as they are read (a store of 100,000 articles has 700,000 quotes). Not for ``--system``,
    which reads each quote's paragraph and its systems in the record."""
    if filters.systems:
        raise ValueError("iter_stored_quotes: --system needs the records (quotes)")
    keep = _quote_filter(filters, speaker, known or {})
    published: dict[str, Published] = {}  # one parse per article
    if filters.limit == 0:
        return
    made = 0
    for article_id, title, source, when, text, start, end, who, who_id, who_description, partial in rows:
        if not keep(who, who_id, who_description, text):
            continue
        date = published.get(when)
        if date is None:
            date = published[when] = Published.model_validate_json(when)
        yield QuoteRow(
            article_id=article_id, title=title, source=source, published=date, text=text, start=start,
            end=end, speaker=who, speaker_id=who_id, speaker_description=who_description, partial=bool(partial),
        )  # fmt: skip
        made += 1
        if made == filters.limit:  # the rest are never read, however many the store has
            return


def _quote_filter(
    filters: Filters, speaker: str | None, known: Mapping[str, str]
) -> Callable[[str | None, str | None, str | None, str], bool]:
    """Whether a quote (its speaker, speaker id, speaker description and text) passes
    ``--speaker``, ``--actor`` and ``--query``."""
    from armstrack.extract.actors import fold

    key = fold(speaker) if speaker else None
    wanted_actors = actor_ids(known, filters.actors) if filters.actors else set()
    pattern = query_pattern(filters.query) if filters.query else None

    said_by: dict[tuple[str | None, str | None, str | None], bool] = {}  # per speaker: few, quotes many

    def keep(who: str | None, who_id: str | None, description: str | None, text: str) -> bool:
        if key:
            speaker = (who, who_id, description)
            found = said_by.get(speaker)
            if found is None:
                found = said_by[speaker] = any(key in fold(v) for v in speaker if v)
            if not found:
                return False
        if wanted_actors and who_id not in wanted_actors:
            return False
        return not (pattern and not pattern.search(text))

    return keep
