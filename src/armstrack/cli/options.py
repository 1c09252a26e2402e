"""Options shared by several commands, so each means the same everywhere."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from armstrack.cli.output import Fields, Format, Json

__all__ = ["Fields", "Format", "Json"]  # the output options, with the filters: one import for commands
Limit = Annotated[
    int | None, typer.Option("--limit", "-n", min=0, help="Show at most N rows (default: all).", metavar="N")
]
TIMELINE_LIMIT = 100
SEARCH_LIMIT = 50


def _latest(default: str) -> Any:  # typer.Option is typed as returning Any
    return typer.Option(
        "--limit", "-n", min=0, metavar="N", help=f"Show the latest N rows, in date order ({default})."
    )


LatestTimeline = Annotated[int | None, _latest(f"default {TIMELINE_LIMIT}; 0 shows all")]
LatestSearch = Annotated[int | None, _latest(f"default {SEARCH_LIMIT}; 0 shows all")]
LatestAll = Annotated[int | None, _latest("default: all")]


def _complete_system(incomplete: str) -> list[str]:
    from armstrack.catalog import load_catalog

    return [e.id for e in load_catalog().systems if e.id.startswith(incomplete.lower())]


Systems = Annotated[
    list[str] | None,
    typer.Option(
        "--system",
        "-s",
        help="Only rows naming this system: id, name, designation or alias, any case. Repeatable.",
        metavar="NAME",
        autocompletion=_complete_system,
    ),
]
Query = Annotated[
    str | None,
    typer.Option("--query", "-q", metavar="TEXT", help="Only rows whose text has every word of TEXT."),
]
Articles = Annotated[
    list[str] | None,
    typer.Option(
        "--article", "-a", help="Only this article (an id or unambiguous prefix). Repeatable.", metavar="ID"
    ),
]
Since = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="DATE",
        help="Only rows dated on or after DATE: 2024, 2024-06, 2024-06-20, '6 months ago', 2w.",
    ),
]
Until = Annotated[
    str | None,
    typer.Option(
        "--until", metavar="DATE", help="Only rows dated on or before DATE (same forms as --since)."
    ),
]
ActorsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--actor",
        metavar="NAME",
        help="Only rows naming this actor: a name, an alias or an id ('Kirby', 'Kiev'). Repeatable.",
    ),
]
Kinds = Annotated[
    list[str] | None,
    typer.Option(
        "--kind", "-k", metavar="KIND", help="Only events of this kind (delivery, sale, …). Repeatable."
    ),
]
Sources = Annotated[
    list[str] | None,
    typer.Option(
        "--source",
        metavar="OUTLET",
        help="Only events reported by this outlet (part of its name). Repeatable.",
    ),
]
