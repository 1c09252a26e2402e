"""``armstrack timeline`` and ``armstrack search``: rows from the corpus, filtered one way."""

from __future__ import annotations

from typing import Annotated

import typer

from armstrack.cli.options import (
    SEARCH_LIMIT,
    TIMELINE_LIMIT,
    ActorsOpt,
    Articles,
    Json,
    Kinds,
    LatestSearch,
    LatestTimeline,
    Since,
    Sources,
    Systems,
    Until,
)  # fmt: skip


def timeline(
    kind: Kinds = None,
    system: Systems = None,
    actor: ActorsOpt = None,
    source: Sources = None,
    query: Annotated[
        str | None,
        typer.Option(
            "--query", "-q", help="Only events whose sentence has every word of TEXT.", metavar="TEXT"
        ),
    ] = None,
    article: Articles = None,
    since: Since = None,
    until: Until = None,
    limit: LatestTimeline = None,
    json_: Json = False,
) -> None:
    """Show what the US decided, delivered, paused, restricted, sold and produced, in date order.

    Each row is one event however many articles report it, with the number of sources.
    Dates show their precision (2024-06-20, 2024-05, 2024-W25, 2024-Q3, 2024); "~" marks a
    date that rests on an inferred publication date. Kinds: aid_package, delivery,
    delivery_pause, use_policy, sale, production, stockpile, meeting, request, training,
    strike, exercise (docs/events.md).

    \b
    Examples:
      armstrack timeline
      armstrack timeline --kind delivery --kind delivery_pause --system Patriot
      armstrack timeline --actor Kirby --since 2024 --until 2024-08
      armstrack timeline --json | jq '.[] | {date: .date.start, kind, sources: (.sources | length)}'
    """
    from armstrack.cli.corpus import open_reader
    from armstrack.filters import Filters, event_filter
    from armstrack.timeline import entries as timeline_entries

    filters = Filters.build(
        systems=system, query=query, limit=limit, articles=article, since=since, until=until, actors=actor,
        kinds=kind, sources=source,
    )  # fmt: skip
    with open_reader() as store:
        entries, total = timeline_entries(
            store.db, event_filter(store, filters), _limit(limit, TIMELINE_LIMIT)
        )
        names = {} if json_ else store.actor_names(a for e in entries for a in e["actors"][:2])
    _note_shown(len(entries), total, "entries")
    if json_:
        from armstrack.render import print_json

        print_json(entries)
        return
    from armstrack.daterange import DateRange, show
    from armstrack.render import print_grouped_table

    groups: dict[str, list[list[str]]] = {}
    for e in entries:
        month = e["date"]["start"][:7] if e["date"] else "undated"
        groups.setdefault(month, []).append(
            [
                show(DateRange.from_json(e["date"]) if e["date"] else None, inferred=e["inferred"]),
                e["kind"],
                ", ".join(e["systems"]),
                ", ".join(names.get(a, a) for a in e["actors"][:2]),
                e["summary"],
                str(len(e["sources"])),
            ]
        )
    print_grouped_table(
        ["date", "kind", "systems", "actors", "summary", "sources"], groups, wrap={"summary": 5, "actors": 2}
    )


def _limit(given: int | None, default: int) -> int | None:
    """--limit N; 0 means no limit; unset means the command's default."""
    if given is None:
        return default
    return given or None


def _note_shown(shown: int, total: int, what: str) -> None:
    if shown < total:
        from armstrack.cli import note

        note(f"showing the latest {shown:,} of {total:,} {what} (--limit 0 shows all)")


def search(
    query: Annotated[str | None, typer.Argument(help="Words that must all occur in the article.")] = None,
    system: Systems = None,
    actor: ActorsOpt = None,
    article: Articles = None,
    limit: LatestSearch = None,
    json_: Json = False,
) -> None:
    """Find articles by words (full-text, in the text and in quotes), by the systems they
    name and by the actors in them.

    \b
    Examples:
      armstrack search --system Patriot
      armstrack search "production line" --system NASAMS
      armstrack search --system MIM-104 --json | jq -r '.[].title'
    """
    from armstrack.cli.corpus import open_reader
    from armstrack.filters import Filters, actor_ids, unique_id
    from armstrack.search import hits as search_hits

    filters = Filters.build(systems=system, query=query, limit=limit, articles=article, actors=actor)
    with open_reader() as store:
        ids = store.matching_ids(
            systems=filters.systems,
            actors=sorted(actor_ids(store.actor_names(), filters.actors)) if filters.actors else (),
            articles=[unique_id(store.find_ids(p.strip().lower()), p) for p in filters.articles],
            query=filters.query,
        )
        shown = _limit(limit, SEARCH_LIMIT)
        chosen = ids[len(ids) - shown :] if shown is not None and shown < len(ids) else ids
        wanted = actor_ids(store.actor_names(), filters.actors) if filters.actors else None
        hits = search_hits(
            store.record_dicts(chosen), systems=filters.systems, query=filters.query, actors=wanted
        )
    _note_shown(len(chosen), len(ids), "articles")
    if json_:
        from armstrack.render import print_json

        print_json(hits)
        return
    from armstrack.render import print_table

    print_table(
        ["id", "source", "title", "systems", "first match"],
        [
            [
                h["article_id"][:8],
                h["source"] or "",
                h["title"],
                ", ".join(h["systems"]),
                h["matches"][0]["sentence"]["text"] if h["matches"] else "",
            ]
            for h in hits
        ],
        wrap=["title", "first match"],
    )


def register(app: typer.Typer) -> None:
    app.command()(timeline)
    app.command()(search)
