"""The output options every listing command shares, mapped onto ``render.emit``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Annotated

import typer

from armstrack.errors import UsageError

FIELDS_LIST = "?"  # what a bare --fields becomes (cli.run rewrites the arguments)

Format = Annotated[
    str | None,
    typer.Option(
        "--format", "-f", metavar="FORMAT",
        help="table (on a terminal), json, jsonl, csv or markdown. Piped, a table is plain text.",
        autocompletion=lambda: ["table", "json", "jsonl", "csv", "markdown"],
    ),
]  # fmt: skip
Json = Annotated[bool, typer.Option("--json", help="Short for --format json.")]
Fields = Annotated[
    str | None,
    typer.Option(
        "--fields", metavar="A,B,C",
        help="Only these columns (table, csv, markdown) or keys (json, jsonl), in this order. Bare --fields lists them.",
    ),
]  # fmt: skip


def resolve_format(fmt: str | None, json_: bool) -> str:
    from armstrack.render import FORMATS

    if fmt is None:
        return "json" if json_ else "table"
    value = fmt.strip().lower()
    if value == "md":
        value = "markdown"
    if value not in FORMATS:
        import difflib

        close = difflib.get_close_matches(value, FORMATS, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        raise UsageError(f"--format: unknown format {fmt!r}{hint}; formats: {', '.join(FORMATS)}")
    if json_ and value != "json":
        raise UsageError(f"--json and --format {value} disagree: give one")
    return value


def wants_json(fmt: str | None, json_: bool) -> bool:
    """Will the rows be printed as JSON or JSON Lines? (Such commands skip table-only work.)"""
    return resolve_format(fmt, json_) in ("json", "jsonl")


def show(make: Callable[[], object], fmt: str | None, json_: bool, fields: str | None) -> None:
    """Print the listing ``make`` builds in the chosen format, or list its fields."""
    from armstrack.render import Listing, check_fields, emit

    chosen = resolve_format(fmt, json_)
    listing = make()
    assert isinstance(listing, Listing)
    if fields == FIELDS_LIST:
        sys.stdout.write("\n".join(listing.fields(chosen)) + "\n")
        return
    names = [f.strip() for f in fields.split(",") if f.strip()] if fields else None
    if names:
        check_fields(listing, names, chosen)
    emit(listing, chosen, names)


def bare_fields(args: list[str]) -> list[str]:
    """``--fields`` with no value (last, or before another option) lists the fields."""
    out = []
    for i, arg in enumerate(args):
        out.append(arg)
        if arg == "--fields" and (i + 1 == len(args) or args[i + 1].startswith("-")):
            out.append(FIELDS_LIST)
    return out
