"""One filter set shared by every reading command, and the rows those commands list.

Commands build a ``Filters`` from their options and call ``timeline``, ``search`` or
``find_article``; none of them filters records on its own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from armstrack.catalog import load_catalog
from armstrack.daterange import overlaps, parse_bound, sort_key
from armstrack.errors import IdError, UsageError
from armstrack.models import EVENT_KINDS, ArticleRecord, Event, Interval, Mention, Model, Published, Span


@dataclass(frozen=True)
class Filters:
    systems: tuple[str, ...] = ()  # catalog ids, already resolved
    query: str | None = None
    limit: int | None = None
    articles: tuple[str, ...] = field(default=())  # id prefixes
    since: Interval | None = None
    until: Interval | None = None
    actors: tuple[str, ...] = ()  # names, aliases or ids as typed; matched by ``actor_ids``
    kinds: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # outlet names, matched case-insensitively as substrings

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
        kinds: Sequence[str] | None = None,
        sources: Sequence[str] | None = None,
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
            kinds=tuple(_check_kind(k) for k in kinds or ()),
            sources=tuple(s for s in sources or () if s.strip()),
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
    """One real-world event, however many articles (and sentences) report it.

    ``date`` is the most precise date any report gives it; ``date_source`` where that date
    came from (the sentence's own time expression, the nearest in its paragraph, or the
    article's publication date); ``inferred`` is true when it rests on an inferred
    publication date. ``sources`` lists every article, with the sentence that reports it.
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


def _check_kind(kind: str) -> str:
    value = kind.strip().lower().replace("-", "_")
    if value not in EVENT_KINDS:
        import difflib

        close = difflib.get_close_matches(value, EVENT_KINDS, n=2)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise UsageError(f"--kind: unknown event kind {kind!r}{hint}; kinds: {', '.join(EVENT_KINDS)}")
    return value


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


_MERGE_SLACK_DAYS = 3  # two reports of one event may date it a few days apart
_MERGE_WIDEST_DAYS = 31  # across articles, dates wider than a month say too little to merge on


def _compatible(a: Interval | None, b: Interval | None, *, same_article: bool) -> bool:
    if a is None or b is None:
        return a is b and same_article
    if not same_article and max((a.end - a.start).days, (b.end - b.start).days) > _MERGE_WIDEST_DAYS:
        return False
    slack = dt.timedelta(days=_MERGE_SLACK_DAYS)
    return a.start <= b.end + slack and b.start <= a.end + slack


def _narrower(a: Interval | None, b: Interval | None) -> bool:
    """Is ``a`` a more precise date than ``b``?"""
    if a is None:
        return False
    if b is None:
        return True
    return (a.end - a.start) < (b.end - b.start)


def _merge_keys(event: Event, people: set[str]) -> set[str]:
    """What identifies an event across articles: its systems and the people in it (offices
    such as the Pentagon and countries are in too many reports to tell events apart)."""
    return set(event.systems) | {a for a in event.actors if a in people}


def timeline(records: Sequence[ArticleRecord], filters: Filters) -> list[TimelineEntry]:
    """Events, one entry per real-world event, sorted by date (start, then narrower first).

    Reports merge into one entry when they are of one kind with compatible dates (their
    intervals overlap, give or take three days) and, across articles, share a system or a
    non-country actor; within one article, kind and date suffice. The same announcement by
    two outlets is one entry with two sources; the same words months apart are two. Across
    articles both dates must be a month or narrower, and the reports must share a system or
    a person. The summary is the sentence of the strongest report: one that dates itself,
    then the most confident, then the earliest.
    """
    wanted_actors = actor_ids(records, filters.actors) if filters.actors else set()
    people = {a.id for r in records for a in r.actors if a.kind == "person"}
    entries: list[TimelineEntry] = []
    keys: list[set[str]] = []
    articles: list[set[str]] = []
    best: list[tuple[bool, float, int]] = []  # (dates itself, confidence, -offset) of the summary's report
    candidates = [
        (e, r)
        for r in _select_articles(records, filters)
        for e in r.events
        if _keeps_event(e, r, filters, wanted_actors)
    ]
    candidates.sort(key=lambda c: sort_key(c[0].date))
    for event, record in candidates:
        key = _merge_keys(event, people)
        strength = (event.date_source == "sentence", event.confidence, -event.evidence.start)
        for i, entry in enumerate(entries):
            same_article = record.id in articles[i]
            if entry.kind != event.kind or not _compatible(entry.date, event.date, same_article=same_article):
                continue
            if same_article or (key & keys[i]):
                _absorb(entry, event, record)
                if same_article and strength > best[i]:
                    # The report the summary comes from leads: its agent first.
                    entry.summary, best[i] = event.summary, strength
                    entry.actors = list(dict.fromkeys(event.actors + entry.actors))
                    entry.systems = list(dict.fromkeys(event.systems + entry.systems))
                keys[i] |= key
                articles[i].add(record.id)
                break
        else:
            entries.append(_entry(event, record))
            keys.append(key)
            articles.append({record.id})
            best.append(strength)
    entries.sort(key=lambda e: sort_key(e.date))
    return entries[: filters.limit] if filters.limit is not None else entries


def _keeps_event(event: Event, record: ArticleRecord, filters: Filters, wanted_actors: set[str]) -> bool:
    if filters.kinds and event.kind not in filters.kinds:
        return False
    if filters.systems and not set(filters.systems) & set(event.systems):
        return False
    if wanted_actors and not wanted_actors & set(event.actors):
        return False
    if filters.sources and not any(s.lower() in (record.source or "").lower() for s in filters.sources):
        return False
    if filters.query and not _query_pattern(filters.query).search(event.evidence.text):
        return False
    return filters.keeps_date(event.date)


def _source(event: Event, record: ArticleRecord) -> Source:
    return Source(
        article_id=record.id, title=record.title, source=record.source, url=record.url,
        published=record.published, evidence=event.evidence,
    )  # fmt: skip


def _inferred(event: Event, record: ArticleRecord) -> bool:
    if event.date_source == "published":
        return record.published.inferred
    return any(
        t.inferred for t in record.time_expressions if event.evidence.start <= t.start < event.evidence.end
    ) or (event.date_source == "paragraph" and record.published.inferred)


def _entry(event: Event, record: ArticleRecord) -> TimelineEntry:
    return TimelineEntry(
        kind=event.kind, date=event.date, date_source=event.date_source, inferred=_inferred(event, record),
        systems=list(event.systems), actors=list(event.actors), amounts=list(event.amounts),
        summary=event.summary, sources=[_source(event, record)],
    )  # fmt: skip


def _absorb(entry: TimelineEntry, event: Event, record: ArticleRecord) -> None:
    if _narrower(event.date, entry.date):
        entry.date, entry.date_source, entry.inferred = (
            event.date,
            event.date_source,
            _inferred(event, record),
        )
    entry.systems = list(dict.fromkeys(entry.systems + event.systems))
    entry.actors = list(dict.fromkeys(entry.actors + event.actors))
    entry.amounts = list(dict.fromkeys(entry.amounts + event.amounts))
    if not any(s.article_id == record.id for s in entry.sources):
        entry.sources.append(_source(event, record))


def search(records: Sequence[ArticleRecord], filters: Filters) -> list[SearchHit]:
    """Articles matching every filter, with the mentions or words that matched."""
    hits: list[SearchHit] = []
    wanted_actors = actor_ids(records, filters.actors) if filters.actors else set()
    pattern = (
        re.compile("|".join(re.escape(w) for w in filters.query.split()), re.I) if filters.query else None
    )
    for record in _select_articles(records, filters):
        if filters.query and not _query_pattern(filters.query).search(record.text + " " + record.title):
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


class SystemRow(Model):
    """A system's arc across the coverage."""

    id: str
    name: str
    category: str
    mentions: int
    articles: int
    first: Interval | None  # the earliest dated mention
    last: Interval | None  # the latest dated mention
    kinds: list[str]  # event kinds it appears in, in order of first date


def systems_overview(records: Sequence[ArticleRecord], filters: Filters) -> list[SystemRow]:
    """Per system in the corpus: mentions, articles, first and last dated mention, event kinds."""
    rows: dict[str, SystemRow] = {}
    kind_dates: dict[str, dict[str, tuple[int, dt.date, int]]] = {}
    for record in _select_articles(records, filters):
        dated = _mention_dater(record)
        for system in record.systems:
            if filters.systems and system.id not in filters.systems:
                continue
            row = rows.setdefault(
                system.id,
                SystemRow(id=system.id, name=system.name, category=system.category, mentions=0, articles=0,
                          first=None, last=None, kinds=[]),
            )  # fmt: skip
            row.articles += 1
            row.mentions += len(system.mentions)
            for mention in system.mentions:
                date = dated(mention.sentence.start, mention.sentence.end)
                if date is not None and (row.first is None or sort_key(date) < sort_key(row.first)):
                    row.first = date
                if date is not None and (row.last is None or date.start > row.last.start):
                    row.last = date
        for event in record.events:
            for system_id in event.systems:
                if system_id in rows:
                    seen = kind_dates.setdefault(system_id, {})
                    seen.setdefault(event.kind, sort_key(event.date))
    for system_id, row in rows.items():
        row.kinds = sorted(kind_dates.get(system_id, {}), key=lambda k: kind_dates[system_id][k])
    ordered = sorted(rows.values(), key=lambda r: (-r.mentions, r.name))
    return ordered[: filters.limit] if filters.limit is not None else ordered


def _mention_dater(record: ArticleRecord) -> Callable[[int, int], Interval | None]:
    """A sentence's date: its own time expression, else the nearest in its paragraph, else publication."""
    times = [t for t in record.time_expressions if t.resolved is not None]
    paragraphs = [(p.start, p.end) for p in record.paragraphs]

    def date_of(lo: int, hi: int) -> Interval | None:
        own = [t for t in times if lo <= t.start < hi]
        if own:
            return own[0].resolved
        para = next(((s, e) for s, e in paragraphs if s <= lo < e), None)
        near = [t for t in times if para and para[0] <= t.start < para[1]]
        if near:
            return min(near, key=lambda t: abs(t.start - lo)).resolved
        d = record.published.date
        return Interval(start=d, end=d, precision="day") if d else None

    return date_of
