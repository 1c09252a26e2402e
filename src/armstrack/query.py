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
    actors: tuple[str, ...] = ()  # names, aliases or ids as typed; matched by ``actor_ids``

    @classmethod
    def build(
        cls,
        systems: Sequence[str] | None = None,
        query: str | None = None,
        limit: int | None = None,
        articles: Sequence[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        actors: Sequence[str] | None = None,
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
            actors=tuple(a for a in actors or () if a.strip()),
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


def actor_ids(records: Sequence[ArticleRecord], wanted: Sequence[str]) -> set[str]:
    """The actor ids an ``--actor`` value names: an id, a name, an alias, or part of a name.

    An actor nobody in the corpus matches is a usage error naming the nearest actors.
    """
    from armstrack.extract.actors import fold, load_gazetteer

    gazetteer = load_gazetteer()
    known = {a.id: a.name for r in records for a in r.actors}
    ids: set[str] = set()
    for value in wanted:
        key = fold(value.strip())
        matched = {i for i, name in known.items() if key == i or key in fold(name)}
        alias = gazetteer.by_name.get(value.strip()) or gazetteer.by_name.get(value.strip().title())
        if alias is not None:
            matched.add(alias.id)
        if not matched:
            import difflib

            close = difflib.get_close_matches(value, list(known.values()), n=3, cutoff=0.6)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise UsageError(f"no actor matches {value!r}{hint}; `armstrack actors` lists them")
        ids |= matched
    return ids


def _actors_in(record: ArticleRecord, lo: int, hi: int) -> list[str]:
    """Ids of the actors mentioned in text[lo:hi], people first, in order of appearance."""
    found: list[tuple[int, int, str]] = []
    for actor in record.actors:
        first = next((m.start for m in actor.mentions if lo <= m.start < hi), None)
        if first is not None:
            found.append((0 if actor.kind == "person" else 1, first, actor.id))
    return [i for _, _, i in sorted(found)]


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
    wanted_actors = actor_ids(records, filters.actors) if filters.actors else set()
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
            sentence_actors = _actors_in(record, sentence.start, sentence.end)
            if wanted_actors and not wanted_actors & set(sentence_actors):
                continue
            entries.append(
                TimelineEntry(
                    kind="mention", date=date, date_source=source, inferred=inferred,
                    systems=system_ids, actors=sentence_actors, amounts=[],
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
    wanted_actors = actor_ids(records, filters.actors) if filters.actors else set()
    pattern = (
        re.compile("|".join(re.escape(w) for w in filters.query.split()), re.I) if filters.query else None
    )
    for record in _select_articles(records, filters):
        if filters.query and not _query_pattern(filters.query).search(record.text):
            continue
        found = [s for s in record.systems if not filters.systems or s.id in filters.systems]
        if filters.systems and not found:
            continue
        if wanted_actors and not wanted_actors & {a.id for a in record.actors}:
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


def quotes(records: Sequence[ArticleRecord], filters: Filters, speaker: str | None = None) -> list[QuoteRow]:
    """Quotations, in article order. ``speaker`` matches a speaker's name, id or description;
    ``--system`` keeps quotes whose paragraph names the system."""
    from armstrack.extract.actors import fold

    wanted_actors = actor_ids(records, filters.actors) if filters.actors else set()
    key = fold(speaker) if speaker else None
    rows: list[QuoteRow] = []
    for record in _select_articles(records, filters):
        paragraphs = [(p.start, p.end) for p in record.paragraphs]
        for q in record.quotes:
            if key and not any(key in fold(v) for v in (q.speaker, q.speaker_id, q.speaker_description) if v):
                continue
            if wanted_actors and q.speaker_id not in wanted_actors:
                continue
            if filters.systems:
                para = next(((s, e) for s, e in paragraphs if s <= q.start < e), (q.start, q.end))
                named = {s.id for s in record.systems for m in s.mentions if para[0] <= m.start < para[1]}
                if not named & set(filters.systems):
                    continue
            if filters.query and not _query_pattern(filters.query).search(q.text):
                continue
            rows.append(
                QuoteRow(
                    article_id=record.id, title=record.title, source=record.source, published=record.published,
                    text=q.text, start=q.start, end=q.end, speaker=q.speaker, speaker_id=q.speaker_id,
                    speaker_description=q.speaker_description, partial=q.partial,
                )
            )  # fmt: skip
    return rows[: filters.limit] if filters.limit is not None else rows


class DatedRole(Model):
    role: str
    article_id: str
    published: str | None  # the article's (best) publication date


class ActorRow(Model):
    """One actor across the corpus: one id per person, with every role and when it was stated."""

    id: str
    name: str
    kind: str
    articles: int
    mentions: int
    roles: list[DatedRole]


def actors(
    records: Sequence[ArticleRecord], filters: Filters, kind: str | None = None, name: str | None = None
) -> list[ActorRow]:
    from armstrack.extract.actors import fold

    key = fold(name) if name else None
    rows: dict[str, ActorRow] = {}
    for record in _select_articles(records, filters):
        published = record.published.date.isoformat() if record.published.date else None
        for actor in record.actors:
            if kind and actor.kind != kind:
                continue
            if key and key not in fold(actor.name) and key != actor.id:
                continue
            row = rows.setdefault(
                actor.id,
                ActorRow(id=actor.id, name=actor.name, kind=actor.kind, articles=0, mentions=0, roles=[]),
            )
            row.articles += 1
            row.mentions += len(actor.mentions)
            for role in actor.roles:
                row.roles.append(DatedRole(role=role, article_id=record.id, published=published))
    ordered = sorted(rows.values(), key=lambda r: (-r.articles, -r.mentions, r.name))
    for row in ordered:
        row.roles.sort(key=lambda r: (r.published or "9999", r.role))
    return ordered[: filters.limit] if filters.limit is not None else ordered
