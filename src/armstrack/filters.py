"""One filter set shared by every reading command.

Commands build a ``Filters`` from their options: user-typed values are checked here once
(an unknown system or kind, a bad date), so every command means the same by each option.
No pydantic and no rich: the ``--json`` path of a command stays quick to start.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from armstrack.daterange import DateRange, Range, overlaps, parse_bound
from armstrack.errors import IdError, UsageError
from armstrack.vocab import EVENT_KINDS, EVENT_STATUSES

if TYPE_CHECKING:
    from armstrack.eventrows import EventFilter
    from armstrack.store import Store


@dataclass(frozen=True)
class Filters:
    systems: tuple[str, ...] = ()  # catalog ids, already resolved
    query: str | None = None
    limit: int | None = None
    articles: tuple[str, ...] = field(default=())  # id prefixes
    since: DateRange | None = None
    until: DateRange | None = None
    actors: tuple[str, ...] = ()  # names, aliases or ids as typed; matched by ``actor_ids``
    kinds: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # outlet names, matched case-insensitively as substrings
    statuses: tuple[str, ...] = ()  # event statuses (done, planned, …)

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
        statuses: Sequence[str] | None = None,
    ) -> Filters:
        """Resolve user-typed values: an unknown system or a bad date is a usage error."""
        if limit is not None and limit < 0:
            raise UsageError("--limit must be 0 or more")
        catalog = None
        if systems:  # importing and parsing the catalog costs 20 ms: only when asked
            from armstrack.catalog import load_catalog

            catalog = load_catalog()
        ids = tuple(dict.fromkeys(catalog.resolve_system(s).id for s in systems or ())) if catalog else ()
        return cls(
            systems=ids, query=query or None, limit=limit, articles=tuple(articles or ()),
            since=parse_bound(since, option="--since") if since else None,
            until=parse_bound(until, option="--until") if until else None,
            actors=tuple(a for a in actors or () if a.strip()),
            kinds=tuple(_check_kind(k) for k in kinds or ()),
            sources=tuple(s for s in sources or () if s.strip()),
            statuses=tuple(_check_status(s) for s in statuses or ()),
        )  # fmt: skip

    def keeps_date(self, interval: Range | None) -> bool:
        if self.since is None and self.until is None:
            return True
        return interval is not None and overlaps(interval, self.since, self.until)


def _check_kind(kind: str) -> str:
    value = kind.strip().lower().replace("-", "_")
    if value not in EVENT_KINDS:
        import difflib

        close = difflib.get_close_matches(value, EVENT_KINDS, n=2)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise UsageError(f"--kind: unknown event kind {kind!r}{hint}; kinds: {', '.join(EVENT_KINDS)}")
    return value


def _check_status(status: str) -> str:
    value = status.strip().lower()
    if value not in EVENT_STATUSES:
        raise UsageError(f"--status: unknown status {status!r}; statuses: {', '.join(EVENT_STATUSES)}")
    return value


def event_filter(store: Store, filters: Filters) -> EventFilter:
    """The filter set resolved against a store: actor names to ids, id prefixes to ids."""
    from armstrack.eventrows import EventFilter

    return EventFilter(
        kinds=filters.kinds, statuses=filters.statuses, systems=filters.systems,
        actors=tuple(sorted(actor_ids(store.actor_names(), filters.actors))) if filters.actors else (),
        articles=tuple(unique_id(store.find_ids(p.strip().lower()), p) for p in filters.articles),
        sources=filters.sources,
        since_day=filters.since.start.toordinal() if filters.since else None,
        until_day=filters.until.end.toordinal() if filters.until else None,
        query=filters.query,
    )  # fmt: skip


def actor_ids(known: Mapping[str, str], wanted: Sequence[str]) -> set[str]:
    """The actor ids an ``--actor`` value names: an id, a name, an alias, or part of a name.

    ``known`` maps the corpus's actor ids to names. An actor nobody in the corpus matches is
    a usage error naming the nearest actors.
    """
    from armstrack.extract.actors import fold, load_gazetteer

    gazetteer = load_gazetteer()
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


def unique_id(candidates: Sequence[tuple[str, str]], prefix: str) -> str:
    """The one id among (id, title) pairs that starts with ``prefix``, or an error listing them."""
    prefix = prefix.strip().lower()
    if not prefix:
        raise IdError("an article id (or a prefix of one) is required")
    found = [(i, t) for i, t in candidates if i.startswith(prefix)]
    if not found:
        raise IdError(f"no article with id {prefix!r}; `armstrack articles` lists them")
    if len(found) > 1:
        listing = ", ".join(f"{i} ({t[:40]})" for i, t in found[:5])
        raise IdError(f"id prefix {prefix!r} is ambiguous: {listing}")
    return found[0][0]


def select_articles(store: Store, filters: Filters, latest: int | None = None) -> tuple[list[str], int]:
    """Ids of the articles the filter set keeps, in publication order (with ``latest``, the
    last that many), and how many it keeps in all: each article-level filter, resolved
    against the store. Commands that list articles, quotes, actors or systems start from
    these; the timeline filters events instead (``event_filter``)."""
    return store.matching_ids(
        systems=filters.systems,
        actors=sorted(actor_ids(store.actor_names(), filters.actors)) if filters.actors else (),
        sources=filters.sources,
        articles=[unique_id(store.find_ids(p.strip().lower()), p) for p in filters.articles],
        query=filters.query,
        kinds=filters.kinds,
        statuses=filters.statuses,
        since=filters.since.start.isoformat() if filters.since else None,
        until=filters.until.end.isoformat() if filters.until else None,
        latest=latest,
    )
