"""``armstrack edit``: correct what is known of one stored article after the fact."""

from __future__ import annotations

from typing import Annotated

import typer


def edit(
    article_id: Annotated[str, typer.Argument(metavar="ID", help="An article id or an unambiguous prefix.")],
    published: Annotated[
        str | None, typer.Option("--published", metavar="YYYY-MM-DD", help="The publication date.")
    ] = None,
    source: Annotated[str | None, typer.Option("--source", metavar="NAME", help="The outlet.")] = None,
    url: Annotated[str | None, typer.Option("--url", metavar="URL", help="Where it was published.")] = None,
) -> None:
    """Correct one stored article's publication date, outlet or URL.

    The article is extracted again from its stored text, so every date in it (and every
    event on the timeline) rests on the corrected day. What is not given is kept. Prints
    "updated" or "unchanged" on stderr. For many articles at once: ingest --dates.

    \b
    Examples:
      armstrack edit e424a8 --published 2025-07-13
      armstrack edit e424a8 --source Reuters --url https://example.com/story
    """
    import sys

    from armstrack.cli import corpus
    from armstrack.corrections import Stated, with_facts
    from armstrack.errors import UsageError
    from armstrack.extract.pipeline import parse_published
    from armstrack.filters import unique_id
    from armstrack.store import open_store

    if not (published or source or url):
        raise UsageError("nothing to change: give --published, --source or --url")
    if published is not None:
        parse_published(published)
    store = open_store(corpus.db_path)
    try:
        found = unique_id(store.find_ids(article_id.strip().lower()), article_id)
        (record,) = store.records([found])
        given = None if record.published.inferred or record.published.date is None else record.published.date
        known = Stated(given.isoformat() if given else None, record.source, record.url)
        facts = Stated(published, source, url).over(known)
        with store.transaction():
            outcome = store.put(with_facts(record, found, facts)) if facts != known else "unchanged"
    finally:
        store.close()
    sys.stderr.write(f"armstrack: edit: {found}: {outcome}\n")


def register(app: typer.Typer) -> None:
    app.command()(edit)
