"""``armstrack timeline`` and ``armstrack search``: rows from the corpus, filtered one way."""

from __future__ import annotations

from typing import Annotated

import typer

from armstrack.cli.options import ActorsOpt, Articles, Json, Limit, Since, Systems, Until


def timeline(
    system: Systems = None,
    query: Annotated[
        str | None,
        typer.Option("--query", "-q", help="Only articles containing every word of TEXT.", metavar="TEXT"),
    ] = None,
    actor: ActorsOpt = None,
    article: Articles = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = None,
    json_: Json = False,
) -> None:
    """List what the articles report, in date order, each row with the article it came from.

    Each row is a sentence naming a weapon system, dated by its own time expression,
    else the nearest one in its paragraph, else the article's publication date. Dates show
    their precision (2024-06-20, 2024-05, 2024-W25, 2024-Q3, 2024); "~" marks a date that
    rests on an inferred publication date.

    \b
    Examples:
      armstrack timeline
      armstrack timeline --system HIMARS --system ATACMS --since 2024
      armstrack timeline --since 2024-06 --until 2024-08-31
      armstrack timeline --json | jq '.[] | {date: .date.start, systems, summary}'
    """
    from armstrack.cli.corpus import load_records
    from armstrack.query import Filters
    from armstrack.query import timeline as build

    filters = Filters.build(
        systems=system, query=query, limit=limit, articles=article, since=since, until=until, actors=actor
    )
    entries = build(load_records(), filters)
    if json_:
        from armstrack.render import print_json

        print_json(entries)
        return
    from armstrack.daterange import show
    from armstrack.render import print_table

    print_table(
        ["date", "systems", "summary", "article"],
        [
            [
                show(e.date, inferred=e.inferred),
                ", ".join(e.systems),
                e.summary,
                f"{e.sources[0].article_id[:8]} {e.sources[0].source or ''}".strip(),
            ]
            for e in entries
        ],
        wrap=["summary"],
    )


def search(
    query: Annotated[str | None, typer.Argument(help="Words that must all occur in the article.")] = None,
    system: Systems = None,
    actor: ActorsOpt = None,
    article: Articles = None,
    limit: Limit = None,
    json_: Json = False,
) -> None:
    """Find articles by words, by the systems they name and by the actors in them.

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
    hits = run_search(load_records(), filters)
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
