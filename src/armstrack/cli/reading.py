"""``armstrack timeline`` and ``armstrack search``: rows from the corpus, filtered one way."""

from __future__ import annotations

from typing import Annotated

import typer

from armstrack.cli.options import ActorsOpt, Articles, Json, Kinds, Limit, Since, Sources, Systems, Until


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
    limit: Limit = None,
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
    from armstrack.cli.corpus import load_records
    from armstrack.query import Filters
    from armstrack.query import timeline as build

    filters = Filters.build(
        systems=system, query=query, limit=limit, articles=article, since=since, until=until, actors=actor,
        kinds=kind, sources=source,
    )  # fmt: skip
    records = load_records(systems=filters.systems, sources=filters.sources)
    entries = build(records, filters)
    if json_:
        from armstrack.render import print_json

        print_json(entries)
        return
    from armstrack.daterange import show
    from armstrack.render import print_grouped_table

    names = {a.id: a.name for r in records for a in r.actors}
    groups: dict[str, list[list[str]]] = {}
    for e in entries:
        month = e.date.start.strftime("%Y-%m") if e.date else "undated"
        groups.setdefault(month, []).append(
            [
                show(e.date, inferred=e.inferred),
                e.kind,
                ", ".join(e.systems),
                ", ".join(names.get(a, a) for a in e.actors[:2]),
                e.summary,
                str(len(e.sources)),
            ]
        )
    print_grouped_table(
        ["date", "kind", "systems", "actors", "summary", "sources"], groups, wrap={"summary": 5, "actors": 2}
    )


def search(
    query: Annotated[str | None, typer.Argument(help="Words that must all occur in the article.")] = None,
    system: Systems = None,
    actor: ActorsOpt = None,
    article: Articles = None,
    limit: Limit = None,
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
    from armstrack.cli.corpus import load_records
    from armstrack.query import Filters
    from armstrack.query import search as run_search

    filters = Filters.build(systems=system, query=query, limit=limit, articles=article, actors=actor)
    hits = run_search(load_records(systems=filters.systems, query=query), filters)
    if json_:
        from armstrack.render import print_json

        print_json(hits)
        return
    from armstrack.render import print_table

    print_table(
        ["id", "source", "title", "systems", "first match"],
        [
            [
                h.article_id[:8],
                h.source or "",
                h.title,
                ", ".join(h.systems),
                h.matches[0].sentence.text if h.matches else "",
            ]
            for h in hits
        ],
        wrap=["title", "first match"],
    )


def register(app: typer.Typer) -> None:
    app.command()(timeline)
    app.command()(search)
