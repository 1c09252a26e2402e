"""``armstrack systems`` and ``armstrack schema``: what armstrack knows and promises."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from armstrack.cli.options import (
    NO_FILTERS,
    Fields,
    FilterArgs,
    Format,
    Json,
    Limit,
    with_filters,
)  # fmt: skip

if TYPE_CHECKING:
    from armstrack.render import Listing


SYSTEM_KEYS = ("id", "name", "category", "mentions", "articles", "first", "last", "kinds")


@with_filters()
def systems(
    catalog: Annotated[
        bool, typer.Option("--catalog", help="List every system the catalog knows instead.")
    ] = False,
    filter_args: FilterArgs = NO_FILTERS,
    limit: Limit = None,
    format_: Format = None,
    json_: Json = False,
    fields: Fields = None,
) -> None:
    """Show each weapon system's arc across the coverage: mentions, articles, first and last
    dated mention, and the event kinds it appears in, most mentioned first.

    --system keeps those systems; the other filters choose the articles counted.

    \b
    Examples:
      armstrack systems --since 2024
      armstrack systems --system Patriot --json
      armstrack systems --catalog --json | jq -r '.[] | select(.category == "air_defense") | .name'
    """
    from armstrack.cli.output import show

    if catalog:
        show(_catalog, format_, json_, fields)
        return
    from armstrack.cli.corpus import open_reader
    from armstrack.filters import select_articles
    from armstrack.overview import stored_systems_overview
    from armstrack.render import Listing

    filters = filter_args.build(limit=limit)
    with open_reader() as store:  # each article's systems from their rows: no record decoded
        found = stored_systems_overview(store.db, select_articles(store, filters)[0], filters)
    rows = [r.model_dump(mode="json") for r in found]

    def listing() -> Listing:
        from armstrack.daterange import DateRange
        from armstrack.daterange import show as show_date
        from armstrack.render import interval_parts

        def when(value: dict[str, str] | None) -> str:
            return show_date(DateRange.from_json(value) if value else None)

        columns = {
            "system": lambda r: r["name"],
            "mentions": lambda r: str(r["mentions"]),
            "articles": lambda r: str(r["articles"]),
            "first": lambda r: when(r["first"]),
            "last": lambda r: when(r["last"]),
            "event kinds": lambda r: ", ".join(r["kinds"]),
        }
        return Listing(
            rows, columns, SYSTEM_KEYS, wrap={"event kinds": 1},
            dates={
                "first": lambda r: interval_parts(r.get("first")),
                "last": lambda r: interval_parts(r.get("last")),
            },
        )  # fmt: skip

    show(listing, format_, json_, fields)


def _catalog() -> Listing:
    from armstrack.catalog import load_catalog
    from armstrack.render import Listing

    rows = [
        {
            "id": e.id,
            "name": e.name,
            "category": e.category,
            "manufacturer": e.manufacturer,
            "aliases": list(e.aliases),
        }
        for e in load_catalog().systems
    ]
    columns = {
        "id": lambda r: r["id"],
        "name": lambda r: r["name"],
        "category": lambda r: r["category"],
        "aliases": lambda r: ", ".join(r["aliases"]),
    }
    return Listing(rows, columns, ("id", "name", "category", "manufacturer", "aliases"), wrap={"aliases": 1})


def schema() -> None:
    """Print the JSON Schema of the record `armstrack extract --json` prints.

    \b
    Examples:
      armstrack schema | jq '.properties | keys'
      armstrack schema | jq '.["$defs"].Event.properties.kind'
    """
    from armstrack.models import ArticleRecord
    from armstrack.render import print_json

    print_json(ArticleRecord.model_json_schema())


def register(app: typer.Typer) -> None:
    app.command()(systems)
    app.command()(schema)
