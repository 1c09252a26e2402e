"""``armstrack systems`` and ``armstrack schema``: what armstrack knows and promises."""

from __future__ import annotations

from typing import Annotated

import typer

from armstrack.cli.options import Json, Limit, Systems


def systems(
    catalog: Annotated[
        bool, typer.Option("--catalog", help="List every system the catalog knows instead.")
    ] = False,
    system: Systems = None,
    limit: Limit = None,
    json_: Json = False,
) -> None:
    """Show each weapon system's arc across the coverage: mentions, articles, first and last
    dated mention, and the event kinds it appears in.

    \b
    Examples:
      armstrack systems
      armstrack systems --system Patriot --json
      armstrack systems --catalog --json | jq -r '.[] | select(.category == "air_defense") | .name'
    """
    if catalog:
        _catalog(json_)
        return
    from armstrack.cli.corpus import load_records
    from armstrack.filters import Filters
    from armstrack.query import systems_overview

    rows = systems_overview(load_records(), Filters.build(systems=system, limit=limit))
    if json_:
        from armstrack.render import print_json

        print_json(rows)
        return
    from armstrack.daterange import show
    from armstrack.render import print_table

    print_table(
        ["system", "mentions", "articles", "first", "last", "event kinds"],
        [
            [r.name, str(r.mentions), str(r.articles), show(r.first), show(r.last), ", ".join(r.kinds)]
            for r in rows
        ],
        wrap=["event kinds"],
    )


def _catalog(json_: bool) -> None:
    from armstrack.catalog import load_catalog

    catalog = load_catalog()
    if json_:
        from armstrack.render import print_json

        print_json(
            [
                {
                    "id": e.id,
                    "name": e.name,
                    "category": e.category,
                    "manufacturer": e.manufacturer,
                    "aliases": list(e.aliases),
                }
                for e in catalog.systems
            ]
        )
        return
    from armstrack.render import print_table

    print_table(
        ["id", "name", "category", "aliases"],
        [[e.id, e.name, e.category, ", ".join(e.aliases)] for e in catalog.systems],
        wrap=["aliases"],
    )


def schema() -> None:
    """Print the JSON Schema of the record `armstrack extract --json` prints.

    \b
    Example:
      armstrack schema | jq '.properties | keys'
    """
    from armstrack.models import ArticleRecord
    from armstrack.render import print_json

    print_json(ArticleRecord.model_json_schema())


def register(app: typer.Typer) -> None:
    app.command()(systems)
    app.command()(schema)
