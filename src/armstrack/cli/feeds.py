"""``armstrack feeds`` (add, list, remove) and ``armstrack update``: following the news."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from armstrack.cli.options import Fields, Format, Json

feeds_app = typer.Typer(
    name="feeds",
    help=(
        "The feeds this store follows (RSS, Atom, JSON Feed); `armstrack update` polls them.\n\n"
        "\b\nExamples:\n"
        "  armstrack feeds add https://example.org/ukraine/rss.xml\n"
        "  armstrack feeds list --json\n"
        "  armstrack feeds remove https://example.org/ukraine/rss.xml\n"
        "  armstrack update"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)

AllowPrivate = Annotated[
    bool,
    typer.Option(
        "--allow-private",
        help="Also fetch from private and local addresses (127.0.0.1, 10.x, …); off by default.",
    ),
]
FEED_KEYS = ("url", "title", "added", "polled", "items", "error")


@feeds_app.command("add")
def feeds_add(url: Annotated[str, typer.Argument(metavar="URL", help="The feed's http(s) address.")]) -> None:
    """Follow a feed. Nothing is fetched until `armstrack update`."""
    from armstrack.cli import corpus, note
    from armstrack.store import open_store
    from armstrack.web.follow import add_feed

    store = open_store(corpus.db_path)
    try:
        added = add_feed(store, url.strip())
    finally:
        store.close()
    note(f"feeds: {'following' if added else 'already following'} {url.strip()}")


@feeds_app.command("list")
def feeds_list(format_: Format = None, json_: Json = False, fields: Fields = None) -> None:
    """The feeds followed: when each was added and last polled, how many items it brought,
    and its last error."""
    from armstrack.cli import corpus
    from armstrack.cli.output import show
    from armstrack.render import Listing
    from armstrack.store import open_store
    from armstrack.web.follow import list_feeds

    store = open_store(corpus.db_path, readonly=True)
    try:
        rows = [
            {
                "url": f.url,
                "title": f.title,
                "added": f.added,
                "polled": f.polled,
                "items": f.items,
                "error": f.error,
            }
            for f in list_feeds(store)
        ]
    finally:
        store.close()
    columns = {
        "url": lambda r: r["url"],
        "title": lambda r: r["title"] or "",
        "polled": lambda r: r["polled"] or "never",
        "items": lambda r: str(r["items"]),
        "error": lambda r: r["error"] or "",
    }
    show(
        lambda: Listing(rows, columns, FEED_KEYS, wrap={"url": 3, "title": 1, "error": 2}),
        format_,
        json_,
        fields,
    )


@feeds_app.command("remove")
def feeds_remove(
    url: Annotated[str, typer.Argument(metavar="URL", help="A feed `feeds list` shows.")],
) -> None:
    """Stop following a feed. The articles it brought stay in the store."""
    from armstrack.cli import corpus, note
    from armstrack.store import open_store
    from armstrack.web.follow import remove_feed

    store = open_store(corpus.db_path)
    try:
        remove_feed(store, url.strip())
    finally:
        store.close()
    note(f"feeds: no longer following {url.strip()}")


def update(
    keep_all: Annotated[
        bool,
        typer.Option(
            "--all", help="Keep every item, also those not about arms for Ukraine (and those skipped before)."
        ),
    ] = False,
    allow_private: AllowPrivate = False,
) -> None:
    """Poll every feed followed and ingest its new items.

    Each new item's page is fetched politely (robots.txt, a pause between requests to one
    host, conditional requests), its main text and metadata read, and stored unless it is
    off topic (a text that does not name Ukraine with arms, aid or a system in its military
    sense; --all keeps it). The same story at another address or from another outlet is
    one article with all its sources. An item that fails is one line on stderr and is tried
    again on the next update; the exit status is then 1. The summary goes to stderr.

    \b
    Examples:
      armstrack feeds add https://example.org/ukraine/rss.xml
      armstrack update
      armstrack update --all
      armstrack timeline --since 2025-07
    """
    from armstrack.cli import corpus, note, warn
    from armstrack.errors import ExitCode
    from armstrack.store import open_store
    from armstrack.web.fetch import Fetcher, Policy
    from armstrack.web.follow import update as poll

    policy = Policy(allow_private=True) if allow_private else Policy()
    store = open_store(corpus.db_path)
    try:
        with Fetcher(policy) as fetcher:
            verbose = sys.stderr.isatty()
            summary = poll(
                store,
                fetcher,
                keep_all=keep_all,
                progress=(lambda url: note(f"update: {url}")) if verbose else None,
            )
    finally:
        store.close()
    for line in summary.failed:
        warn(line)
    if summary.feeds == 0:
        note("update: no feeds followed yet; `armstrack feeds add URL` follows one")
        return
    note(f"update: {summary.line()}")
    if summary.failed:
        raise typer.Exit(int(ExitCode.FAILURE))


def register(app: typer.Typer) -> None:
    app.add_typer(feeds_app)
    app.command()(update)
