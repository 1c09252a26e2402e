"""``armstrack quotes`` and ``armstrack actors``: who said what, and who acted."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any

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

QUOTE_KEYS = (
    "article_id", "title", "source", "published", "text", "start", "end", "speaker", "speaker_id",
    "speaker_description", "partial",
)  # fmt: skip
ACTOR_KEYS = ("id", "name", "kind", "articles", "mentions", "roles")


@with_filters()
def quotes(
    speaker: Annotated[
        str | None,
        typer.Option(
            "--speaker", metavar="NAME", help="Only quotes by this speaker (name, id or description)."
        ),
    ] = None,
    filter_args: FilterArgs = NO_FILTERS,
    limit: Limit = None,
    format_: Format = None,
    json_: Json = False,
    fields: Fields = None,
) -> None:
    """List direct quotations with their speakers, in article order.

    Unnamed sources have no speaker and a description ("a defense official"); partial
    quotes are fragments inside the writer's sentence. --system keeps quotes whose
    paragraph names the system, --actor quotes by that actor, --query quotes with every
    word; --kind, --source, --since and --until choose the articles.

    \b
    Examples:
      armstrack quotes --speaker Kirby
      armstrack quotes --system ATACMS --since 2024
      armstrack quotes --json | jq -r '.[] | select(.speaker == null) | .speaker_description'
    """
    from armstrack.cli.corpus import open_reader, selected_records
    from armstrack.cli.output import show
    from armstrack.extract.actors import fold
    from armstrack.filters import select_articles
    from armstrack.query import QuoteRow, iter_stored_quotes
    from armstrack.query import quotes as list_quotes
    from armstrack.render import Listing, published_parts, show_published

    filters = filter_args.build(limit=limit)
    columns = {
        "published": lambda r: show_published(r.get("published")),
        "speaker": lambda r: (
            r["speaker"] or (f"({r['speaker_description']})" if r["speaker_description"] else "—")
        ),
        "quote": lambda r: ("… " if r["partial"] else "") + " ".join(r["text"].split()),
        "article": lambda r: r["article_id"][:8],
    }

    def listing(found: Iterable[QuoteRow]) -> Listing:
        return Listing(
            (r.model_dump(mode="json") for r in found), columns, QUOTE_KEYS, wrap={"quote": 3, "speaker": 1},
            drop=("published", "article"), dates={"published": lambda r: published_parts(r.get("published") or {})},
            machine={"article_id": lambda r: r["article_id"]},
        )  # fmt: skip

    key = fold(speaker) if speaker else None
    if filters.systems:  # a quote's paragraph and the systems it names are in the record
        # With --speaker, only the articles quoting a match are read (from the quote rows).
        only = (lambda store: store.quoted_by(lambda value: key in fold(value))) if key else None
        with selected_records(filters, only) as records:
            known = records.store.actor_names() if filters.actors else None
            found = list_quotes(records, filters, speaker=speaker, known=known)
        show(lambda: listing(found), format_, json_, fields)
        return
    with open_reader() as store:  # the store's quote rows say the rest: no record decoded
        ids = select_articles(store, filters)[0]
        known = store.actor_names() if filters.actors else None
        # With --speaker, other speakers' quotes are passed over in SQL.
        speakers = store.speaker_values(lambda value: key in fold(value)) if key else None
        rows = store.quote_rows(ids, speakers)
        # Printed as they are read: the store stays open until the last is shown.
        show(
            lambda: listing(iter_stored_quotes(rows, filters, speaker=speaker, known=known)),
            format_,
            json_,
            fields,
        )


@with_filters()
def actors(
    type_: Annotated[
        str | None, typer.Option("--type", "-t", metavar="TYPE", help="person, organization or country.")
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", metavar="TEXT", help="Only actors whose name contains TEXT.")
    ] = None,
    filter_args: FilterArgs = NO_FILTERS,
    limit: Limit = None,
    format_: Format = None,
    json_: Json = False,
    fields: Fields = None,
) -> None:
    """List people, organizations and countries across articles, with every role and when
    it was stated, most often named first.

    --actor keeps those actors; the other filters choose the articles counted (--system:
    articles naming it; --kind: articles reporting such an event; --query: full text).

    \b
    Examples:
      armstrack actors --type person --system Patriot
      armstrack actors --name Kirby
      armstrack actors --json | jq '.[] | select(.kind == "organization") | .name'
    """
    from armstrack.cli.corpus import open_reader
    from armstrack.cli.output import show
    from armstrack.errors import UsageError
    from armstrack.filters import select_articles
    from armstrack.overview import stored_actors
    from armstrack.render import Listing

    if type_ is not None and type_ not in {"person", "organization", "country"}:
        raise UsageError(f"--type: {type_!r} is not one of person, organization, country")
    filters = filter_args.build(limit=limit)
    with open_reader() as store:  # each article's actors from their rows: no record decoded
        known = store.actor_names() if filters.actors else None
        ids = select_articles(store, filters)[0]
        found = stored_actors(store.db, ids, filters, kind=type_, name=name, known=known)
    rows = [r.model_dump(mode="json") for r in found]
    columns = {
        "id": lambda r: r["id"],
        "name": lambda r: r["name"],
        "type": lambda r: r["kind"],
        "articles": lambda r: str(r["articles"]),
        "roles": lambda r: roles_cell(r["roles"]),
    }
    show(lambda: Listing(rows, columns, ACTOR_KEYS, wrap={"roles": 3}), format_, json_, fields)


def register(app: typer.Typer) -> None:
    app.command()(quotes)
    app.command()(actors)


def roles_cell(roles: list[dict[str, Any]]) -> str:
    """The table's roles of an actor: each role once (case aside, as first written, in the
    order first stated), with the year or years its articles were published: "Defense
    analyst (2022–2025)". At 100,000 articles a person's role is stated in tens of thousands
    of them; the JSON keeps every statement, with its article."""
    spans: dict[str, tuple[str, list[str]]] = {}
    for statement in roles:
        role = statement["role"]
        years = spans.setdefault(role.casefold(), (role, []))[1]
        if statement["published"]:
            years.append(statement["published"][:4])
    cells = []
    for role, years in spans.values():
        first, last = min(years, default="?"), max(years, default="?")
        cells.append(f"{role} ({first})" if first == last else f"{role} ({first}–{last})")
    return "; ".join(cells)
