"""``armstrack systems`` and ``armstrack schema``: what armstrack knows and promises."""

from __future__ import annotations

import typer

from armstrack.cli.options import Json


def systems(json_: Json = False) -> None:
    """List the weapon systems in the catalog, with their designations and aliases.

    \b
    Examples:
      armstrack systems
      armstrack systems --json | jq -r '.[] | select(.category == "air_defense") | .name'
    """
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
