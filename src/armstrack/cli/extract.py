"""``armstrack extract``: one article in, one record out; no store is read or written."""

from __future__ import annotations

from typing import Annotated

import typer

from armstrack.cli.options import MAX_SIZE, InputFormat, MaxSize


def extract(
    path: Annotated[
        str, typer.Argument(metavar="PATH|-", help="One article: .txt, .md, .html, .json, or - for stdin.")
    ],
    published: Annotated[
        str | None, typer.Option("--published", metavar="YYYY-MM-DD", help="The publication date, if known.")
    ] = None,
    source: Annotated[str | None, typer.Option("--source", metavar="NAME", help="The outlet.")] = None,
    url: Annotated[
        str | None, typer.Option("--url", metavar="URL", help="Where the article was published.")
    ] = None,
    fmt: InputFormat = None,
    max_size: MaxSize = MAX_SIZE,
    json_: Annotated[bool, typer.Option("--json", help="Print the record as one JSON object.")] = False,
) -> None:
    """Extract systems, amounts and dates from one article.

    The article is read as `armstrack ingest` reads it (the same formats, front matter,
    HTML main-text extraction and size limit), but nothing is stored. With --json, prints
    ONE JSON object (the contract in docs/json.md); otherwise a summary.

    \b
    Examples:
      armstrack extract article.txt --json
      armstrack extract article.txt --published 2024-06-21 --source SOFREP --json
      pbpaste | armstrack extract - --json | jq '.amounts[] | {text, value}'
    """
    from pathlib import Path

    from armstrack.cli import warn
    from armstrack.documents import expand, read_documents, stdin_bytes
    from armstrack.errors import InputError, UsageError
    from armstrack.extract.pipeline import parse_published
    from armstrack.ingest import Overrides, extract_document

    if published is not None:
        parse_published(published)  # a bad date is a usage error before any reading
    if path != "-" and Path(path).is_dir():
        raise InputError(f"{path}: is a directory, not a file (armstrack ingest reads folders)")
    ((name, file, kind),) = expand([path], fmt)
    stdin = stdin_bytes() if file is None else None
    documents = []
    for item in read_documents(name, file, kind, max_bytes=max_size, stdin=stdin):
        if isinstance(item, InputError):
            raise item
        documents.append(item)
    if len(documents) != 1:
        raise UsageError(f"{name}: holds {len(documents)} articles; extract reads one (ingest reads many)")
    record = extract_document(documents[0], Overrides(published=published, source=source, url=url))
    for warning in record.warnings:
        warn(warning)
    if json_:
        from armstrack.render import print_json

        print_json(record)
        return
    _summary(record)


def _summary(record: object) -> None:
    from armstrack.models import ArticleRecord
    from armstrack.render import print_table, print_text

    assert isinstance(record, ArticleRecord)
    published = record.published.date.isoformat() if record.published.date else "unknown"
    print_text(record.title, style="bold")
    print_text(f"id {record.id} · source {record.source or '—'} · published {published}")
    if record.systems:
        print_table(
            ["system", "category", "mentions", "first mention"],
            [[s.name, s.category, str(len(s.mentions)), s.mentions[0].sentence.text] for s in record.systems],
            wrap=["first mention"],
        )
    else:
        print_text("no named weapon systems found")
    amounts = record.amounts + record.quantities
    if amounts:
        print_table(
            ["amount", "kind", "value", "system"],
            [[a.text, a.kind, _value(a.value, a.currency or a.unit), a.system or ""] for a in amounts],
        )


def _value(value: float | None, unit: str | None) -> str:
    if value is None:
        return "—"
    number = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
    return f"{number} {unit or ''}".strip()


def register(app: typer.Typer) -> None:
    app.command()(extract)
