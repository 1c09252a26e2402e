"""``armstrack packages``: the aid-package ledger, with the articles that reported each row."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

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
    from armstrack.filters import Filters
    from armstrack.packages import Package, Total

PACKAGE_KEYS = (
    "id", "authority", "kind", "announced", "value_usd", "items", "articles", "source", "items_source", "note",
)  # fmt: skip
TOTAL_KEYS = ("year", "authority", "packages", "value_usd")


@with_filters()
def packages(
    authority: Annotated[
        list[str] | None,
        typer.Option(
            "--authority",
            metavar="NAME",
            help="PDA, USAI, FMF, PURL, FMS (sales) or supplemental. Repeatable.",
        ),
    ] = None,
    totals_only: Annotated[
        bool, typer.Option("--totals", help="Only the totals by year and authority, as rows.")
    ] = False,
    filter_args: FilterArgs = NO_FILTERS,
    limit: Limit = None,
    format_: Format = None,
    json_: Json = False,
    fields: Fields = None,
) -> None:
    """List the US aid packages for Ukraine announced since August 2021, and the sales of US
    arms to it (data/packages.toml), each with its value, main items, public source and the
    stored articles that reported it.

    --since/--until choose packages by the day they were announced, --system those that
    included a system, --authority by authority. The other filters (--source, --article,
    --query, --kind, --actor) choose which stored articles are counted as reporting them.
    Totals add up announcements only: an appropriation act, and a notice of authority the
    listed drawdowns were drawn from, are listed but never added in. --json prints
    {"packages": [...], "totals": [...], "total_usd": N}; --totals prints the totals as rows.

    \b
    Examples:
      armstrack packages --since 2023 --until 2023-12
      armstrack packages --system HIMARS --authority PDA
      armstrack packages --totals --format csv
      armstrack packages --since 2024 --json | jq .total_usd
    """
    from armstrack.cli.output import resolve_format, show
    from armstrack.packages import AUTHORITIES, load_ledger, select, totals
    from armstrack.render import Listing, print_json

    wanted = [a.strip() for a in authority or () if a.strip()]
    known = {a.lower(): a for a in AUTHORITIES}
    for a in wanted:
        if a.lower() not in known:
            from armstrack.errors import UsageError

            raise UsageError(f"--authority: {a!r} is not one of {', '.join(AUTHORITIES)}")
    # --since/--until choose packages by their announcement; the rest choose the articles.
    dated = filter_args.build()
    since, until = dated.since, dated.until
    filters = filter_args.build(limit=limit, dated=False)
    chosen = select(
        load_ledger(),
        since=since.start if since else None,
        until=until.end if until else None,
        systems=filters.systems,
        authorities=wanted,
    )
    sums = totals(chosen)
    total_rows = [_total_row(t) for t in sums]
    fmt = resolve_format(format_, json_)
    if totals_only:
        columns = {
            "year": lambda r: str(r["year"]),
            "authority": lambda r: r["authority"],
            "packages": lambda r: str(r["packages"]),
            **_money_column(fmt, "value"),
        }
        show(lambda: Listing(total_rows, columns, TOTAL_KEYS), format_, json_, fields)
        return
    reported = _reporting_articles(filters) if chosen else {}
    chronological = sorted(chosen, key=lambda p: (p.announced, p.id))
    rows = [_row(p, reported.get(p.id, [])) for p in chronological]
    if filters.limit:
        rows = rows[: filters.limit]
    if fmt == "json" and not fields:
        print_json(
            {
                "packages": rows,
                "totals": total_rows,
                "total_usd": sum(t.value_usd for t in sums),
            }
        )
        return
    columns = {
        "id": lambda r: r["id"],
        "announced": lambda r: r["announced"],
        "authority": lambda r: r["authority"] + ("" if r["kind"] == "package" else f" ({r['kind']})"),
        **_money_column(fmt, "value"),
        "items": lambda r: ", ".join(r["items"]),
        "articles": lambda r: " ".join(a[:8] for a in r["articles"]),
    }
    show(lambda: Listing(rows, columns, PACKAGE_KEYS, wrap={"items": 2}), format_, json_, fields)
    if fmt == "table" and not fields and sums:
        from armstrack.render import emit

        total_columns = {
            "year": lambda r: str(r["year"]),
            "authority": lambda r: r["authority"],
            "packages": lambda r: str(r["packages"]),
            **_money_column(fmt, "total"),
        }
        emit(Listing(total_rows, total_columns, TOTAL_KEYS), "table")


def _row(p: Package, articles: list[str]) -> dict[str, Any]:
    return {
        "id": p.id, "authority": p.authority, "kind": p.kind, "announced": p.announced.isoformat(),
        "value_usd": p.value_usd, "items": list(p.items), "articles": articles, "source": p.source,
        "items_source": p.items_source, "note": p.note,
    }  # fmt: skip


def _total_row(t: Total) -> dict[str, Any]:
    return {"year": t.year, "authority": t.authority, "packages": t.packages, "value_usd": t.value_usd}


def _reporting_articles(filters: Filters) -> dict[str, list[str]]:
    """Package id → ids of the stored articles whose money or events link it, from the
    store's rows (articlefacts.package_ids made them at ingest): no record decoded."""
    from armstrack.articlefacts import stored_package_articles
    from armstrack.cli.corpus import open_reader
    from armstrack.filters import select_articles

    with open_reader() as store:
        return stored_package_articles(store.db, select_articles(store, filters)[0])


def _money_column(fmt: str, name: str) -> dict[str, Any]:
    """Dollars as people read them in a table; as a plain number of dollars in CSV."""
    if fmt == "csv":
        return {"value_usd": lambda r: str(r["value_usd"])}
    return {name: lambda r: _usd(r["value_usd"])}


def _usd(value: int) -> str:
    """As releases write them: "$2.85 billion", "$310.5 million", "$400 million"."""
    if value >= 1_000_000_000:
        return f"${value / 1e9:,.3f}".rstrip("0").rstrip(".") + " billion"
    return f"${value / 1e6:,.1f}".removesuffix(".0") + " million"


def register(app: typer.Typer) -> None:
    app.command()(packages)
