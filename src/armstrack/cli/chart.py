"""``armstrack chart``: mentions or events per system per month, drawn in the terminal."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from armstrack.cli.options import (
    NO_FILTERS,
    Fields,
    FilterArgs,
    Format,
    Json,
    with_filters,
)  # fmt: skip


@with_filters()
def chart(
    by: Annotated[
        str, typer.Option("--by", metavar="WHAT", help="mentions (default) or events.")
    ] = "mentions",
    top: Annotated[
        int, typer.Option("--top", min=1, metavar="N", help="Without --system, the N most counted systems.")
    ] = 10,
    filter_args: FilterArgs = NO_FILTERS,
    format_: Format = None,
    json_: Json = False,
    fields: Fields = None,
) -> None:
    """Chart how often each system is mentioned (or takes part in events) month by month.

    On a terminal: a heat map, one row per month and one column per system, with the
    count in each cell and a bar for the month's total. --format csv (or json) gives the
    same numbers, one row per system and month.

    \b
    Examples:
      armstrack chart
      armstrack chart --by events --system Patriot --system NASAMS --since 2024
      armstrack chart --format csv > mentions.csv
    """
    from armstrack.cli.corpus import selected_records
    from armstrack.cli.output import resolve_format, show
    from armstrack.errors import UsageError
    from armstrack.query import chart as count
    from armstrack.render import Listing

    if by not in ("mentions", "events"):
        raise UsageError(f"--by: {by!r} is not mentions or events")
    filters = filter_args.build()
    # The article filters choose what is counted; for events, --since/--until date the events.
    chosen = filters if by == "mentions" else filter_args.build(dated=False)
    cells = [c.model_dump() for c in count(selected_records(chosen), filters, by, top)]  # type: ignore[arg-type]
    if resolve_format(format_, json_) != "table" or fields:
        columns = {
            "system": lambda c: c["system"],
            "month": lambda c: c["month"],
            "count": lambda c: str(c["count"]),
        }
        show(lambda: Listing(cells, columns, ("system", "month", "count")), format_, json_, fields)
        return
    _heat_map(cells, by)


_BAR = 10  # the widest total bar, in characters


def _heat_map(cells: list[dict[str, Any]], by: str) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from armstrack.render import clean, stdout_console

    systems = list(dict.fromkeys(c["system"] for c in sorted(cells, key=lambda c: -c["count"])))
    systems.sort(key=lambda s: -sum(c["count"] for c in cells if c["system"] == s))
    months = sorted({c["month"] for c in cells})
    grid = {(c["month"], c["system"]): c["count"] for c in cells}
    peak = max((c["count"] for c in cells), default=0)
    totals = {m: sum(grid.get((m, s), 0) for s in systems) for m in months}
    top_total = max(totals.values(), default=0)
    table = Table(
        box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, title=f"{by} per month", title_justify="left"
    )
    table.add_column("month", no_wrap=True, min_width=7)
    for s in systems:
        table.add_column(clean(s), justify="right", no_wrap=True, min_width=len(clean(s)))
    table.add_column("total", no_wrap=True, min_width=_BAR + 5)
    shades = ("grey35", "cyan", "bold cyan", "bold yellow", "bold red")
    for m in months:
        row = [Text(m)]
        for s in systems:
            n = grid.get((m, s), 0)
            style = shades[min(len(shades) - 1, (n * len(shades)) // (peak + 1))] if n else "grey23"
            row.append(Text(str(n) if n else "·", style=style))
        bar = "█" * max(1, round(_BAR * totals[m] / top_total)) if totals[m] else ""
        row.append(Text(f"{totals[m]:>4} {bar}", style="cyan"))
        table.add_row(*row)
    console = stdout_console()
    if not cells:
        console.print(Text(f"no dated {by} to chart"))
        return
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command()(chart)
