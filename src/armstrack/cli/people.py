"""``armstrack quotes`` and ``armstrack actors``: who said what, and who acted."""

from __future__ import annotations

from typing import Annotated

import typer

from armstrack.cli.options import ActorsOpt, Articles, Json, Limit, Systems


def quotes(
    speaker: Annotated[
        str | None,
        typer.Option(
            "--speaker", metavar="NAME", help="Only quotes by this speaker (name, id or description)."
        ),
    ] = None,
    system: Systems = None,
    actor: ActorsOpt = None,
    article: Articles = None,
    query: Annotated[
        str | None,
        typer.Option("--query", "-q", metavar="TEXT", help="Only quotes containing every word of TEXT."),
    ] = None,
    limit: Limit = None,
    json_: Json = False,
) -> None:
    """List direct quotations with their speakers.

    Unnamed sources have no speaker and a description ("a defense official"); partial
    quotes are fragments inside the writer's sentence.

    \b
    Examples:
      armstrack quotes --speaker Kirby
      armstrack quotes --system ATACMS
      armstrack quotes --json | jq -r '.[] | select(.speaker == null) | .speaker_description'
    """
    from armstrack.cli.corpus import load_records
    from armstrack.filters import Filters
    from armstrack.query import quotes as list_quotes

    filters = Filters.build(systems=system, query=query, limit=limit, articles=article, actors=actor)
    rows = list_quotes(load_records(), filters, speaker=speaker)
    if json_:
        from armstrack.render import print_json

        print_json(rows)
        return
    from armstrack.render import print_table

    print_table(
        ["speaker", "quote", "article"],
        [
            [
                r.speaker or (f"({r.speaker_description})" if r.speaker_description else "—"),
                ("… " if r.partial else "") + " ".join(r.text.split()),
                r.article_id[:8],
            ]
            for r in rows
        ],
        wrap=["quote"],
    )


def actors(
    kind: Annotated[
        str | None, typer.Option("--kind", metavar="KIND", help="person, organization or country.")
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", metavar="TEXT", help="Only actors whose name contains TEXT.")
    ] = None,
    article: Articles = None,
    limit: Limit = None,
    json_: Json = False,
) -> None:
    """List people, organizations and countries across articles, with every role and when it was stated.

    \b
    Examples:
      armstrack actors --kind person
      armstrack actors --name Kirby
      armstrack actors --json | jq '.[] | select(.kind == "organization") | .name'
    """
    from armstrack.cli.corpus import load_records
    from armstrack.errors import UsageError
    from armstrack.filters import Filters
    from armstrack.query import actors as list_actors

    if kind is not None and kind not in {"person", "organization", "country"}:
        raise UsageError(f"--kind: {kind!r} is not one of person, organization, country")
    rows = list_actors(load_records(), Filters.build(limit=limit, articles=article), kind=kind, name=name)
    if json_:
        from armstrack.render import print_json

        print_json(rows)
        return
    from armstrack.render import print_table

    print_table(
        ["id", "name", "kind", "articles", "roles"],
        [
            [
                r.id,
                r.name,
                r.kind,
                str(r.articles),
                "; ".join(f"{d.role} ({(d.published or '?')[:4]})" for d in r.roles),
            ]
            for r in rows
        ],
        wrap=["roles"],
    )


def register(app: typer.Typer) -> None:
    app.command()(quotes)
    app.command()(actors)
