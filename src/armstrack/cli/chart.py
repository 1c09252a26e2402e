"""``armstrack chart``: mentions or events per system per month, drawn in the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from armstrack.cli.options import (
    NO_FILTERS,
    Fields,
    FilterArgs,
    Format,
    Json,
    with_filters,
)  # fmt: skip

if TYPE_CHECKING:
    from armstrack.filters import Filters


@with_filters()
def chart(
    by: Annotated[
        str,
        typer.Option(
            "--by",
            metavar="WHAT",
            help="mentions (default), events, or dollars (announced, from the ledger).",
        ),
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
    same numbers, one row per system and month. --by dollars charts the aid packages
    announced (data/packages.toml) in millions of dollars, one column per authority;
    --since, --until and --system choose the packages.

    \b
    Examples:
      armstrack chart
      armstrack chart --by events --system Patriot --system NASAMS --since 2024
      armstrack chart --format csv > mentions.csv
      armstrack chart --by dollars --since 2024
    """
    from armstrack.cli.corpus import open_reader
    from armstrack.cli.output import resolve_format, show
    from armstrack.errors import UsageError
    from armstrack.filters import select_articles
    from armstrack.overview import stored_chart
    from armstrack.render import Listing

    if by not in ("mentions", "events", "dollars"):
        raise UsageError(f"--by: {by!r} is not mentions, events or dollars")
    filters = filter_args.build()
    if by == "dollars":
        _dollars(filters, format_, json_, fields)
        return
    # The article filters choose what is counted; for events, --since/--until date the events.
    chosen = filters if by == "mentions" else filter_args.build(dated=False)
    with open_reader() as store:  # from the store's rows: no record decoded
        ids = select_articles(store, chosen)[0]
        cells = [c.model_dump() for c in stored_chart(store.db, ids, filters, by, top)]  # type: ignore[arg-type]
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


def _dollars(filters: Filters, format_: str | None, json_: bool, fields: str | None) -> None:
    """Millions of dollars announced per month and authority, from the ledger."""
    from collections import Counter

    from armstrack.cli.output import resolve_format, show
    from armstrack.packages import load_ledger, select
    from armstrack.render import Listing

    chosen = select(
        load_ledger(),
        since=filters.since.start if filters.since else None,
        until=filters.until.end if filters.until else None,
        systems=filters.systems,
    )
    sums: Counter[tuple[str, str]] = Counter()
    for p in chosen:
        if p.counted:
            sums[(p.authority, p.announced.strftime("%Y-%m"))] += p.value_usd
    cells = [
        {"authority": a, "month": m, "usd_millions": round(v / 1e6)} for (a, m), v in sorted(sums.items())
    ]
    if resolve_format(format_, json_) != "table" or fields:
        columns = {
            "authority": lambda c: c["authority"],
            "month": lambda c: c["month"],
            "usd_millions": lambda c: str(c["usd_millions"]),
        }
        show(lambda: Listing(cells, columns, ("authority", "month", "usd_millions")), format_, json_, fields)
        return
    heat = [{"system": c["authority"], "month": c["month"], "count": c["usd_millions"]} for c in cells]
    _heat_map(heat, "$ million announced")


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
