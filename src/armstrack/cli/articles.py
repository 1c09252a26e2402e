"""``armstrack articles`` and ``armstrack show``: the articles themselves."""

from __future__ import annotations

from typing import Annotated

import typer

from armstrack.cli.options import Json, LatestAll


def articles(limit: LatestAll = None, json_: Json = False) -> None:
    """List the articles: id, publication date, source, title and what was found in each.

    With --json, prints the complete records.

    \b
    Examples:
      armstrack articles
      armstrack articles --json | jq -r '.[] | [.id, .title] | @tsv'
    """
    from armstrack.cli.corpus import load_records

    records = load_records(latest=limit)
    if json_:
        from armstrack.render import print_json

        print_json(records)
        return
    from armstrack.render import print_table

    print_table(
        ["id", "published", "source", "title", "systems", "amounts", "quotes", "events"],
        [
            [
                r.id,
                r.published.date.isoformat() if r.published.date else "unknown",
                r.source or "",
                r.title,
                str(len(r.systems)),
                str(len(r.amounts) + len(r.quantities)),
                str(len(r.quotes)),
                str(len(r.events)),
            ]
            for r in records
        ],
        wrap=["title"],
    )


def show(
    article_id: Annotated[str, typer.Argument(metavar="ID", help="An article id or an unambiguous prefix.")],
    json_: Json = False,
) -> None:
    """Show one article: its text with weapon systems highlighted, then its records.

    \b
    Examples:
      armstrack show e424a8
      armstrack show e424a8 --json | jq .systems
    """
    from armstrack.cli.corpus import open_reader
    from armstrack.filters import unique_id

    with open_reader() as store:
        (record,) = store.records([unique_id(store.find_ids(article_id.strip().lower()), article_id)])
    if json_:
        from armstrack.render import print_json

        print_json(record)
        return
    from rich.text import Text

    from armstrack.render import clean, print_table, stdout_console

    console = stdout_console()
    console.print(Text(clean(record.title), style="bold"))
    published = record.published.date.isoformat() if record.published.date else "unknown"
    console.print(
        Text(f"{record.id} · {clean(record.source) or 'source unknown'} · published {published}", style="dim")
    )
    if record.url:
        console.print(Text(clean(record.url), style="dim"))
    console.print(Text("legend: ", style="dim") + Text("weapon system", style="bold cyan"))
    console.print()
    body = Text(clean_keep_length(record.text))
    for system in record.systems:
        for m in system.mentions:
            body.stylize("bold cyan", m.start, m.end)
    console.print(body)
    console.print()
    if record.systems:
        print_table(
            ["system", "category", "mentions"],
            [[s.name, s.category, str(len(s.mentions))] for s in record.systems],
        )
    amounts = record.amounts + record.quantities
    if amounts:
        print_table(["amount", "kind", "system"], [[a.text, a.kind, a.system or ""] for a in amounts])


def clean_keep_length(text: str) -> str:
    """``clean`` that keeps offsets: every unsafe character becomes a space."""
    from armstrack.render import clean

    return "".join(c if clean(c) == c else " " for c in text) if clean(text) != text else text


def register(app: typer.Typer) -> None:
    app.command()(articles)
    app.command()(show)
