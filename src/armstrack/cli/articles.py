"""``armstrack articles`` and ``armstrack show``: the articles themselves."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from armstrack.daterange import DateRange
    from armstrack.models import ArticleRecord

from armstrack.cli.options import (
    NO_FILTERS,
    Fields,
    FilterArgs,
    Format,
    Json,
    LatestAll,
    with_filters,
)  # fmt: skip


@with_filters()
def articles(
    filter_args: FilterArgs = NO_FILTERS,
    limit: LatestAll = None,
    format_: Format = None,
    json_: Json = False,
    fields: Fields = None,
) -> None:
    """List the articles: id, publication date, source, title and what was found in each.

    With --json, prints the complete records. --since and --until bound the publication
    date; --query searches the full text; --kind keeps articles reporting such an event.

    \b
    Examples:
      armstrack articles --since 2024
      armstrack articles --system HIMARS --format csv
      armstrack articles --json | jq -r '.[] | [.id, .title] | @tsv'
    """
    from armstrack.cli.corpus import open_reader
    from armstrack.cli.output import resolve_format
    from armstrack.filters import select_articles

    filters = filter_args.build()
    with open_reader() as store:
        ids, _ = select_articles(store, filters, latest=limit or None)
        if fields is None and resolve_format(format_, json_) in ("table", "csv", "markdown"):
            # The columns are counts: read from the store's rows, no record decoded.
            _show_articles(
                store.article_counts(ids), list(ARTICLE_KEYS), format_, json_, fields, counted=True
            )
            return
        if fields is None:  # JSON or JSON Lines: each record printed as it was stored
            # (bytes rows: JSON already encoded, which the JSON layouts print as it is)
            _show_articles(store.iter_record_json(ids), list(ARTICLE_KEYS), format_, json_, fields)  # type: ignore[arg-type]
            return
        # Read as they are printed: one batch of records at a time (JSON and JSON Lines write
        # each record, the other layouts keep only its cells).
        records = store.iter_record_dicts(ids)
        first = next(records, None)
        keys = list(first) if first is not None else list(ARTICLE_KEYS)
        _show_articles(
            itertools.chain([first], records) if first is not None else iter(()), keys, format_, json_, fields
        )


def _show_articles(
    records: Iterator[dict[str, Any]],
    keys: list[str],
    format_: str | None,
    json_: bool,
    fields: str | None,
    *,
    counted: bool = False,
) -> None:
    """The listing of ``records``: whole records, or (``counted``) ``Store.article_counts``
    rows, whose systems, amounts, quotes and events are already counts."""
    from armstrack.cli.output import show as show_listing
    from armstrack.render import Listing, published_parts

    def count(*names: str) -> Callable[[dict[str, Any]], str]:
        if counted:
            return lambda r: str(r[names[0]])
        return lambda r: str(sum(len(r[name]) for name in names))

    columns = {
        "id": lambda r: r["id"],
        "published": lambda r: (
            (r["published"]["date"] or "unknown") + ("~" if r["published"]["inferred"] else "")
        ),
        "source": lambda r: r["source"] or "",
        "title": lambda r: r["title"],
        "systems": count("systems"),
        "amounts": count("amounts", "quantities"),
        "quotes": count("quotes"),
        "events": count("events"),
    }
    show_listing(
        lambda: Listing(
            records,
            columns,
            keys,
            wrap={"title": 1},
            dates={"published": lambda r: published_parts(r.get("published") or {})},
        ),
        format_,
        json_,
        fields,
    )


ARTICLE_KEYS = (
    "schema_version", "id", "title", "source", "url", "path", "text", "paragraphs", "published", "systems",
    "categories", "amounts", "quantities", "actors", "quotes", "time_expressions", "events", "warnings",
    "sources",
)  # fmt: skip


def show(
    article_id: Annotated[str, typer.Argument(metavar="ID", help="An article id or an unambiguous prefix.")],
    json_: Json = False,
) -> None:
    """Show one article: its text with its tags highlighted (weapon systems, actors, dates
    and quotes; a legend says which colour is which), then what was found in it.

    \b
    Examples:
      armstrack show e424a8
      armstrack show e424a8 --json | jq .systems
    """
    from armstrack.cli.corpus import open_reader
    from armstrack.filters import unique_id

    with open_reader() as store:
        found = unique_id(store.find_ids(article_id.strip().lower()), article_id)
        if json_:  # the record as stored: printed without being parsed when piped
            from armstrack.render import print_json, print_json_text

            stored = next(store.iter_record_json([found]))
            if isinstance(stored, bytes):
                print_json_text(stored)
            else:  # kept in an older form: encoded again
                print_json(stored)
            return
        (record,) = store.records([found])
    _show_record(record)


# What each highlight means; quotes first, so tags inside a quote keep their own colour.
LEGEND = (
    ("quote", "italic green"),
    ("date", "bold magenta"),
    ("actor", "bold yellow"),
    ("weapon system", "bold cyan"),
)


def _show_record(record: ArticleRecord) -> None:
    from rich.text import Text

    from armstrack.daterange import show as show_date
    from armstrack.render import clean, stdout_console

    console = stdout_console()
    console.print(Text(clean(record.title), style="bold"))
    published = show_date(
        None if record.published.date is None else _day(record.published.date),
        inferred=record.published.inferred,
    )
    console.print(
        Text(f"{record.id} · {clean(record.source) or 'source unknown'} · published {published}", style="dim")
    )
    if record.url:
        console.print(Text(clean(record.url), style="dim"))
    legend = Text("legend: ", style="dim")
    for i, (name, style) in enumerate(LEGEND):
        legend += Text(("  " if i else "") + name, style=style)
    console.print(legend)
    console.print()
    body = Text(clean_keep_length(record.text))
    styles = dict(LEGEND)
    for q in record.quotes:
        body.stylize(styles["quote"], q.start, q.end)
    for t in record.time_expressions:
        body.stylize(styles["date"], t.start, t.end)
    for actor in record.actors:
        for m in actor.mentions:
            body.stylize(styles["actor"], m.start, m.end)
    for system in record.systems:
        for m in system.mentions:
            body.stylize(styles["weapon system"], m.start, m.end)
    console.print(body)
    console.print()
    tables = _Tables(record.id)
    if record.systems:
        tables.print(
            "systems", ["system", "category", "mentions"],
            [[s.name, s.category, str(len(s.mentions))] for s in record.systems],
        )  # fmt: skip
    amounts = record.amounts + record.quantities
    if amounts:
        tables.print(
            "amounts", ["amount", "kind", "system"], [[a.text, a.kind, a.system or ""] for a in amounts]
        )
    if record.actors:
        tables.print(
            "actors", ["actor", "type", "roles", "mentions"],
            [[a.name, a.kind, "; ".join(a.roles), str(len(a.mentions))] for a in record.actors],
            wrap=["roles"],
        )  # fmt: skip
    if record.quotes:
        tables.print(
            "quotes", ["speaker", "quote"],
            [
                [
                    q.speaker or (f"({q.speaker_description})" if q.speaker_description else "—"),
                    " ".join(q.text.split()),
                ]
                for q in record.quotes
            ],
            wrap=["quote"],
        )  # fmt: skip
    dated = [t for t in record.time_expressions if t.resolved is not None]
    if dated:
        tables.print(
            "dates",
            ["expression", "date"],
            [[t.text, show_date(t.resolved, inferred=t.inferred)] for t in dated],
        )
    if record.events:
        tables.print(
            "events", ["event", "status", "date", "systems", "summary"],
            [[e.kind, e.status, show_date(e.date), ", ".join(e.systems), e.summary] for e in record.events],
            wrap=["summary"],
        )  # fmt: skip


SHOW_ROWS = 200  # rows per table in `show`: a person reads no more, and drawing more takes seconds


class _Tables:
    """``show``'s tables, each cut to ``SHOW_ROWS`` rows with a note that says so: an
    article of 30,000 amounts is for ``--json``, not for a terminal."""

    def __init__(self, article_id: str) -> None:
        self.article_id = article_id

    def print(
        self, what: str, columns: list[str], rows: list[list[str]], wrap: list[str] | None = None
    ) -> None:
        from armstrack.cli import note
        from armstrack.render import print_table

        print_table(columns, rows[:SHOW_ROWS], wrap=wrap or ())
        if len(rows) > SHOW_ROWS:
            note(
                f"showing {SHOW_ROWS} of {len(rows):,} {what} ('armstrack show {self.article_id} --json' has them all)"
            )


def _day(value: dt.date) -> DateRange:
    from armstrack.daterange import DateRange

    return DateRange(value, value, "day")


def clean_keep_length(text: str) -> str:
    """``clean`` that keeps offsets: every unsafe character becomes a space."""
    from armstrack.render import clean

    return "".join(c if clean(c) == c else " " for c in text) if clean(text) != text else text


def register(app: typer.Typer) -> None:
    app.command()(articles)
    app.command()(show)
