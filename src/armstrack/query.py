"""One filter set shared by every reading command, and the rows those commands list.

Commands build a ``Filters`` from their options and call ``timeline``, ``search`` or
``find_article``; none of them filters records on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from armstrack.catalog import load_catalog
from armstrack.daterange import overlaps, parse_bound, sort_key
from armstrack.errors import IdError, UsageError
from armstrack.models import ArticleRecord, Interval, Mention, Model, Published, Span


@dataclass(frozen=True)
class Filters:
    systems: tuple[str, ...] = ()  # catalog ids, already resolved
    query: str | None = None
    limit: int | None = None
    articles: tuple[str, ...] = field(default=())  # id prefixes
    since: Interval | None = None
    until: Interval | None = None

    @classmethod
    def build(
        cls,
        systems: Sequence[str] | None = None,
        query: str | None = None,
        limit: int | None = None,
        articles: Sequence[str] | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> Filters:
        """Resolve user-typed values: an unknown system or a bad date is a usage error."""
        if limit is not None and limit < 0:
            raise UsageError("--limit must be 0 or more")
        catalog = load_catalog()
        ids = tuple(dict.fromkeys(catalog.resolve_system(s).id for s in systems or ()))
        return cls(
            systems=ids, query=query or None, limit=limit, articles=tuple(articles or ()),
            since=parse_bound(since, option="--since") if since else None,
            until=parse_bound(until, option="--until") if until else None,
        )  # fmt: skip

    def keeps_date(self, interval: Interval | None) -> bool:
        if self.since is None and self.until is None:
            return True
        return interval is not None and overlaps(interval, self.since, self.until)


class Source(Model):
    article_id: str
    title: str
    source: str | None
    url: str | None
    published: Published
    evidence: Span


class TimelineEntry(Model):
    """One row of the timeline. Until events exist, each row is a dated system mention.

    ``date_source`` says where the date came from: the sentence's own time expression, the
    nearest one in its paragraph, or the article's publication date; ``inferred`` is true
    when it rests on an inferred publication date.
    """

    kind: str
    date: Interval | None
    date_source: Literal["sentence", "paragraph", "published", "none"]
    inferred: bool
    systems: list[str]
    actors: list[str]
    amounts: list[str]
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


def find_article(records: Iterable[ArticleRecord], prefix: str) -> ArticleRecord:
    """The one article whose id starts with ``prefix``."""
    prefix = prefix.strip().lower()
    if not prefix:
        raise IdError("an article id (or a prefix of one) is required")
    found = [r for r in records if r.id.startswith(prefix)]
    if not found:
        raise IdError(f"no article with id {prefix!r}; `armstrack articles` lists them")
    if len(found) > 1:
        listing = ", ".join(f"{r.id} ({r.title[:40]})" for r in found[:5])
        raise IdError(f"id prefix {prefix!r} is ambiguous: {listing}")
    return found[0]


def _select_articles(records: Sequence[ArticleRecord], filters: Filters) -> list[ArticleRecord]:
    if not filters.articles:
        return list(records)
    chosen = {find_article(records, p).id for p in filters.articles}
    return [r for r in records if r.id in chosen]


def _query_pattern(query: str) -> re.Pattern[str]:
    """Every word of the query must occur (case-insensitive, as a word prefix)."""
    words = query.split()
    return re.compile("".join(rf"(?=.*?(?<!\w){re.escape(w)})" for w in words), re.IGNORECASE | re.DOTALL)


def _published_interval(published: Published) -> Interval | None:
    if published.date is None:
        return None
    return Interval(start=published.date, end=published.date, precision="day")


def _dater(record: ArticleRecord) -> Callable[[Span], tuple[Interval | None, str, bool]]:
    """For a sentence: (date, source, inferred) from its own time expression, else the
    nearest one in its paragraph, else the publication date."""
    dated = [t for t in record.time_expressions if t.resolved is not None]
    paragraphs = [(p.start, p.end) for p in record.paragraphs]

    def date_of(sentence: Span) -> tuple[Interval | None, str, bool]:
        own = [t for t in dated if sentence.start <= t.start < sentence.end]
        if own:
            return own[0].resolved, "sentence", own[0].inferred
        para = next(((s, e) for s, e in paragraphs if s <= sentence.start < e), None)
        if para is not None:
            near = [t for t in dated if para[0] <= t.start < para[1]]
            if near:
                t = min(near, key=lambda t: abs(t.start - sentence.start))
                return t.resolved, "paragraph", t.inferred
        interval = _published_interval(record.published)
        return interval, ("published" if interval else "none"), record.published.inferred

    return date_of


def _sentence_key(mention: Mention) -> tuple[int, int]:
    return mention.sentence.start, mention.sentence.end


def timeline(records: Sequence[ArticleRecord], filters: Filters) -> list[TimelineEntry]:
    """Dated system mentions: one entry per sentence that names a system.

    Sorted by start date, then narrower precision first; undated entries last.
    """
    entries: list[TimelineEntry] = []
    for record in _select_articles(records, filters):
        if filters.query and not _query_pattern(filters.query).search(record.text):
            continue
        by_sentence: dict[tuple[int, int], tuple[Mention, list[str]]] = {}
        for system in record.systems:
            for mention in system.mentions:
                slot = by_sentence.setdefault(_sentence_key(mention), (mention, []))
                if system.id not in slot[1]:
                    slot[1].append(system.id)
        date_of = _dater(record)
        for mention, system_ids in sorted(by_sentence.values(), key=lambda v: v[0].sentence.start):
            if filters.systems and not set(filters.systems) & set(system_ids):
                continue
            sentence = mention.sentence
            date, source, inferred = date_of(sentence)
            if not filters.keeps_date(date):
                continue
            entries.append(
                TimelineEntry(
                    kind="mention", date=date, date_source=source, inferred=inferred,
                    systems=system_ids, actors=[], amounts=[],
                    summary=" ".join(sentence.text.split()),
                    sources=[Source(
                        article_id=record.id, title=record.title, source=record.source, url=record.url,
                        published=record.published, evidence=sentence,
                    )],
                )
            )  # fmt: skip
    entries.sort(key=lambda e: sort_key(e.date))
    return entries[: filters.limit] if filters.limit is not None else entries


def search(records: Sequence[ArticleRecord], filters: Filters) -> list[SearchHit]:
    """Articles matching every filter, with the mentions or words that matched."""
    hits: list[SearchHit] = []
    pattern = (
        re.compile("|".join(re.escape(w) for w in filters.query.split()), re.I) if filters.query else None
    )
    for record in _select_articles(records, filters):
        if filters.query and not _query_pattern(filters.query).search(record.text):
            continue
        found = [s for s in record.systems if not filters.systems or s.id in filters.systems]
        if filters.systems and not found:
            continue
        matches = [m for s in found for m in s.mentions] if filters.systems else []
        if pattern is not None:
            matches += _word_matches(record, pattern)
        matches.sort(key=lambda m: m.start)
        hits.append(
            SearchHit(
                article_id=record.id, title=record.title, source=record.source, url=record.url,
                published=record.published, systems=[s.id for s in record.systems], matches=matches,
            )
        )  # fmt: skip
    return hits[: filters.limit] if filters.limit is not None else hits


def _word_matches(record: ArticleRecord, pattern: re.Pattern[str]) -> list[Mention]:
    from armstrack.text import Sentences

    sentences = Sentences.split(record.text, [(p.start, p.end) for p in record.paragraphs])
    return [
        Mention(text=m.group(), start=m.start(), end=m.end(), sentence=sentences.span_at(m.start()))
        for m in pattern.finditer(record.text)
        if not (m.start() > 0 and record.text[m.start() - 1].isalnum())
    ]
