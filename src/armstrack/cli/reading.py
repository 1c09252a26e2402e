"""``armstrack timeline`` and ``armstrack search``: rows from the corpus, filtered one way."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Annotated, Any

import typer

from armstrack.cli.options import (
    NO_FILTERS,
    SEARCH_LIMIT,
    TIMELINE_LIMIT,
    Fields,
    FilterArgs,
    Format,
    Json,
    LatestSearch,
    LatestTimeline,
    with_filters,
)  # fmt: skip

TIMELINE_KEYS = (
    "kind",
    "status",
    "date",
    "date_source",
    "inferred",
    "systems",
    "actors",
    "amounts",
    "amount",
    "summary",
    "sources",
)
SEARCH_KEYS = ("article_id", "title", "source", "url", "published", "systems", "matches")


@with_filters()
def timeline(
    filter_args: FilterArgs = NO_FILTERS,
    limit: LatestTimeline = None,
    format_: Format = None,
    json_: Json = False,
    fields: Fields = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Add a column saying why each source joined its row.")
    ] = False,
) -> None:
    """Show what the US decided, delivered, paused, restricted, sold and produced, in date order.

    Each row is one event however many articles report it, with its status (done, planned,
    considered, requested, denied) and the number of sources; --explain prints why each
    source joined its row. In CSV the amount is a number and a currency, and the article
    ids of the sources are a column.
    Dates show their precision (2024-06-20, 2024-05, 2024-W25, 2024-Q3, 2024); "~" marks a
    date that rests on an inferred publication date. Kinds: aid_package, delivery,
    delivery_pause, use_policy, sale, production, stockpile, meeting, request, training,
    strike, exercise (docs/events.md). --query matches the event's sentence.

    \b
    Examples:
      armstrack timeline --kind delivery --kind delivery_pause --system Patriot
      armstrack timeline --actor Kirby --since 2024 --until 2024-08
      armstrack timeline --status planned --kind delivery --explain
      armstrack timeline --json | jq '.[] | {date: .date.start, kind, sources: (.sources | length)}'
    """
    from armstrack.cli.corpus import ActorNames, open_reader
    from armstrack.filters import event_filter
    from armstrack.timeline import stream_entries

    filters = filter_args.build(limit=limit)
    with open_reader() as store:
        stream, total = stream_entries(store.db, event_filter(store, filters), _limit(limit, TIMELINE_LIMIT))
        # Each entry is printed as it is made (a table keeps only its cells), its actors named
        # as they come.
        _note_shown(min(total, _limit(limit, TIMELINE_LIMIT) or total), total, "entries")
        _show_timeline(stream, ActorNames(store), format_, json_, fields, explain)


def _show_timeline(
    entries: Iterable[dict[str, Any]],
    names: Mapping[str, str],
    format_: str | None,
    json_: bool,
    fields: str | None,
    explain: bool,
) -> None:
    from armstrack.cli.output import show
    from armstrack.render import Listing
    from armstrack.timeline import event_sentence

    def listing() -> Listing:
        from armstrack.daterange import DateRange
        from armstrack.daterange import show as show_date
        from armstrack.render import amount_parts, interval_parts

        def date(e: dict[str, Any]) -> str:
            return show_date(DateRange.from_json(e["date"]) if e["date"] else None, inferred=e["inferred"])

        return Listing(
            entries,
            {
                "date": date,
                "kind": lambda e: e["kind"],
                "status": lambda e: e["status"],
                "systems": lambda e: ", ".join(e["systems"]),
                "actors": lambda e: ", ".join(names.get(a, a) for a in e["actors"][:2]),
                "summary": lambda e: e["summary"],
                "sources": lambda e: str(len(e["sources"])),
                **({"why": _why} if explain else {}),
            },
            TIMELINE_KEYS,
            wrap={"summary": 5, "actors": 2, **({"why": 4} if explain else {})},
            drop=("sources", "actors", "why", "status", "kind"),  # systems go last
            group=lambda e: e["date"]["start"][:7] if e["date"] else "undated",
            dates={
                "date": lambda e: interval_parts(e.get("date"), bool(e.get("inferred"))),
                "amount": amount_parts,
            },
            machine={
                "sentence": event_sentence,  # the summary is cut at 200 characters; machine formats get it whole
                "article_ids": lambda e: " ".join(s["article_id"] for s in e["sources"]),
            },
        )

    show(listing, format_, json_, fields)


def _why(entry: dict[str, Any]) -> str:
    """Each source's article id and what it shares with the row ("first report" for the one
    that opened it)."""
    return "; ".join(
        f"{s['article_id'][:12]}: {', '.join(s.get('merged_on') or []) or 'first report'}"
        for s in entry["sources"]
    )


@with_filters(query=False)
def search(
    query: Annotated[str | None, typer.Argument(help="Words that must all occur in the article.")] = None,
    filter_args: FilterArgs = NO_FILTERS,
    limit: LatestSearch = None,
    format_: Format = None,
    json_: Json = False,
    fields: Fields = None,
) -> None:
    """Find articles by words (full-text, in the title, the text and the quotes), by the
    systems and actors they name, the kinds of event they report, their outlet and their
    publication date.

    \b
    Examples:
      armstrack search --system Patriot
      armstrack search "production line" --system NASAMS --since 2024
      armstrack search --system MIM-104 --json | jq -r '.[].title'
    """
    from armstrack.cli.corpus import open_reader
    from armstrack.filters import actor_ids, select_articles
    from armstrack.search import hits as search_hits
    from armstrack.search import reader_for

    filters = filter_args.build(query=query)
    with open_reader() as store:
        chosen, total = select_articles(store, filters, latest=_limit(limit, SEARCH_LIMIT))
        wanted = actor_ids(store.actor_names(), filters.actors) if filters.actors else None
        found = search_hits(
            store.iter_record_parts(chosen, reader_for(len(chosen))),
            systems=filters.systems,
            query=filters.query,
            actors=wanted,
        )
        # Each hit is printed as its record is read: a few hundred records in memory, however
        # many match (a table keeps only its cells).
        _note_shown(len(chosen), total, "articles")
        _show_hits(found, format_, json_, fields)


def _show_hits(hits: Iterable[dict[str, Any]], format_: str | None, json_: bool, fields: str | None) -> None:
    from armstrack.cli.output import show
    from armstrack.render import Listing, published_parts

    columns = {
        "id": lambda h: h["article_id"][:8],
        "published": lambda h: _published(h["published"]),
        "source": lambda h: h["source"] or "",
        "title": lambda h: h["title"],
        "systems": lambda h: ", ".join(h["systems"]),
        "first match": lambda h: h["matches"][0]["sentence"]["text"] if h["matches"] else "",
    }
    show(
        lambda: Listing(
            hits,
            columns,
            SEARCH_KEYS,
            wrap={"title": 3, "first match": 2},
            drop=("systems", "source", "first match"),
            dates={"published": lambda h: published_parts(h.get("published") or {})},
        ),
        format_,
        json_,
        fields,
    )


def _published(published: dict[str, Any]) -> str:
    """The article's date; "~" when inferred from the text."""
    return (published["date"] + ("~" if published["inferred"] else "")) if published["date"] else "unknown"


def _limit(given: int | None, default: int) -> int | None:
    """--limit N; 0 means no limit; unset means the command's default."""
    if given is None:
        return default
    return given or None


def _note_shown(shown: int, total: int, what: str) -> None:
    if shown < total:
        from armstrack.cli import note

        note(f"showing the latest {shown:,} of {total:,} {what} (--limit 0 shows all)")


def register(app: typer.Typer) -> None:
    app.command()(timeline)
    app.command()(search)
