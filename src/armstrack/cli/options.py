"""Options shared by several commands, so each means the same everywhere."""

from __future__ import annotations

from typing import Annotated

import typer

Json = Annotated[bool, typer.Option("--json", help="Print JSON (an array of records) instead of a table.")]
Limit = Annotated[
    int | None, typer.Option("--limit", "-n", min=0, help="Show at most N rows (default: all).", metavar="N")
]
Systems = Annotated[
    list[str] | None,
    typer.Option(
        "--system",
        "-s",
        help="Only rows naming this system: id, name, designation or alias, any case. Repeatable.",
        metavar="NAME",
    ),
]
Articles = Annotated[
    list[str] | None,
    typer.Option(
        "--article", "-a", help="Only this article (an id or unambiguous prefix). Repeatable.", metavar="ID"
    ),
]
