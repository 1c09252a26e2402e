"""``armstrack timeline`` and ``armstrack search``: rows from the corpus, filtered one way."""

from __future__ import annotations

from typing import Annotated

import typer

from armstrack.cli.options import Articles, Json, Limit, Systems


def timeline(
    system: Systems = None,
    query: Annotated[
        str | None,
        typer.Option("--query", "-q", help="Only articles containing every word of TEXT.", metavar="TEXT"),
    ] = None,
    article: Articles = None,
    limit: Limit = None,
    json_: Json = False,
) -> None:
    """List what the articles report, in date order, each row with the article it came from.

    Each row is a sentence naming a weapon system, dated by its article.

    \b
    Examples:
      armstrack timeline
      armstrack timeline --system HIMARS --system ATACMS
      armstrack timeline --json | jq '.[] | {date: .date.start, systems, summary}'
    """
    from armstrack.cli.corpus import load_records
    from armstrack.query import Filters
    from armstrack.query import timeline as build

    filters = Filters.build(systems=system, query=query, limit=limit, articles=article)
    entries = build(load_records(), filters)
    if json_:
        from armstrack.render import print_json

        print_json(entries)
        return
    from armstrack.render import print_table

    print_table(
        ["date", "systems", "summary", "article"],
        [
            [
                _date(e.date.start.isoformat() if e.date else None, e.date.precision if e.date else None),
                ", ".join(e.systems),
                e.summary,
                f"{e.sources[0].article_id[:8]} {e.sources[0].source or ''}".strip(),
            ]
            for e in entries
        ],
        wrap=["summary"],
    )


def _date(start: str | None, precision: str | None) -> str:
    if start is None:
        return "undated"
    if precision == "year":
        return start[:4]
    if precision == "month":
        return start[:7]
    return start


def search(
    query: Annotated[str | None, typer.Argument(help="Words that must all occur in the article.")] = None,
    system: Systems = None,
    article: Articles = None,
    limit: Limit = None,
    json_: Json = False,
) -> None:
    """Find articles by words and by the systems they name.

    \b
    Examples:
      armstrack search --system Patriot
      armstrack search "production line" --system NASAMS
      armstrack search --system MIM-104 --json | jq -r '.[].title'
    """
    from armstrack.cli.corpus import load_records
    from armstrack.query import Filters
    from armstrack.query import search as run_search

    filters = Filters.build(systems=system, query=query, limit=limit, articles=article)
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
