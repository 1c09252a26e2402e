"""``armstrack report``: one self-contained HTML page to share (report.py draws it)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer

from armstrack.cli.options import NO_FILTERS, FilterArgs, with_filters

REPORT_CAP = 2000  # timeline entries in one page, unless --limit says otherwise


@with_filters()
def report(
    output: Annotated[
        str,
        typer.Option("--output", "-o", metavar="FILE", help="Where to write the page (- for stdout)."),
    ] = "report.html",
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            "-n",
            min=0,
            metavar="N",
            help=f"The latest N timeline entries (default {REPORT_CAP}; 0: all).",
        ),
    ] = None,
    top: Annotated[
        int, typer.Option("--top", min=1, metavar="N", help="Systems in the mentions chart.")
    ] = 15,
    filter_args: FilterArgs = NO_FILTERS,
) -> None:
    """Write an HTML report to share: the timeline by month with its sources, charts and
    the aid-package ledger, in one file that fetches nothing and runs no script.

    Each timeline entry shows its kind, status, systems and amount, and each source its
    evidence sentence highlighted in its paragraph with a link to the article. Charts
    (inline SVG): events and dollars announced per month, mentions per system. The shared
    filters choose what goes in; the page says which were used and when it was made
    (now, or $SOURCE_DATE_EPOCH if set, for a page that is the same whenever it is drawn).

    \b
    Examples:
      armstrack report -o report.html
      armstrack report --system Patriot --since 2024 -o patriot.html
      armstrack report --kind delivery_pause --kind use_policy -o policy.html
      armstrack report -o - | gzip > report.html.gz
    """
    import dataclasses

    from armstrack.cli import note
    from armstrack.cli.corpus import ActorNames, ArticleTexts, open_reader
    from armstrack.cli.packages import _reporting_articles, _row
    from armstrack.errors import UsageError
    from armstrack.filters import event_filter, select_articles
    from armstrack.overview import stored_systems_overview
    from armstrack.packages import load_ledger, select
    from armstrack.report import ReportData, render_parts
    from armstrack.timeline import group_month, newest_first

    filters = filter_args.build()
    cap = REPORT_CAP if limit is None else (limit or None)
    target = None if output == "-" else Path(output)
    if target is not None and target.is_dir():
        raise UsageError(f"--output: {target} is a directory; name a file (report.html)")
    chosen = select(
        load_ledger(),
        since=filters.since.start if filters.since else None,
        until=filters.until.end if filters.until else None,
        systems=filters.systems,
    )
    dollars: dict[str, int] = {}
    for p in chosen:
        if p.counted:
            month = p.announced.strftime("%Y-%m")
            dollars[month] = dollars.get(month, 0) + p.value_usd
    reported = _reporting_articles(dataclasses.replace(filters, since=None, until=None)) if chosen else {}
    packages = [_row(p, reported.get(p.id, [])) for p in sorted(chosen, key=lambda p: (p.announced, p.id))]
    with open_reader() as store:
        # Each article's systems, from their rows (no record decoded).
        overview = stored_systems_overview(store.db, select_articles(store, filters)[0], filters)
        mentions = sorted(((row.name, row.mentions) for row in overview), key=lambda m: -m[1])[:top]
        # The entries' merged groups first (what the page must know before its first entry),
        # then the entries as the page is written: every entry of a large store is never held.
        groups, entries, total = newest_first(store.db, event_filter(store, filters), cap)
        months = Counter(group_month(g) for g in groups)
        data = ReportData(
            made=_made().isoformat(timespec="minutes"),
            filters=_given_filters(filter_args),
            entries=entries,
            texts=ArticleTexts(store),
            mentions=mentions,
            dollars=sorted(dollars.items()),
            packages=packages,
            shown_of=(len(groups), total) if total > len(groups) else None,
            names=ActorNames(store),
            shown=len(groups),
            months=sorted((m, n) for m, n in months.items() if m != "undated"),
        )
        if target is None:
            for part in render_parts(data):
                sys.stdout.write(part)
            sys.stdout.flush()
            return
        _write(target, render_parts(data))
        note(
            f"report: {len(groups):,} timeline entries, {len(packages):,} packages from {store.path} → {target}"
        )


def _made() -> dt.datetime:
    """When the page says it was made: now, or ``$SOURCE_DATE_EPOCH`` (seconds since 1970,
    the reproducible-builds convention) so that the same store gives the same page, byte for
    byte, whenever it is drawn. A value that is not a whole number of seconds is refused
    rather than ignored: a page silently stamped "now" would not be the one asked for."""
    from armstrack.errors import UsageError

    given = os.environ.get("SOURCE_DATE_EPOCH")
    if given is None or not given.strip():
        return dt.datetime.now(dt.UTC)
    try:
        return dt.datetime.fromtimestamp(int(given.strip()), dt.UTC)
    except (ValueError, OverflowError, OSError):
        raise UsageError(
            f"SOURCE_DATE_EPOCH: {given[:40]!r} is not a time in whole seconds since 1970"
        ) from None


def _write(target: Path, parts: Iterable[str]) -> None:
    """The page written as it is made, into a file beside ``target`` that takes its name only
    once whole: a report that fails halfway leaves the one before it as it was."""
    from armstrack.errors import UsageError

    if target.exists() and not target.is_file():  # a pipe or a device (/dev/stdout): as it comes
        try:
            with target.open("w", encoding="utf-8") as out:
                out.writelines(parts)
        except OSError as exc:
            raise UsageError(f"--output: cannot write {target} ({exc.strerror or exc})") from None
        return
    real = Path(os.path.realpath(target))  # a link's file is replaced, not the link
    temporary = real.with_name(f".{real.name}.{os.getpid()}.tmp")
    try:
        out = temporary.open("x", encoding="utf-8")  # made as any file is (the umask)
    except OSError as exc:
        raise UsageError(f"--output: cannot write {target} ({exc.strerror or exc})") from None
    try:
        with out:
            out.writelines(parts)
        temporary.replace(real)
    except BaseException as exc:
        temporary.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise UsageError(f"--output: cannot write {target} ({exc.strerror or exc})") from None
        raise


def _given_filters(args: FilterArgs) -> list[str]:
    """The filter options as given, for the page's header ("--system Patriot")."""
    import dataclasses

    out: list[str] = []
    for option in dataclasses.fields(args):
        name = option.name
        value = getattr(args, name)
        for one in value if isinstance(value, list) else [value]:
            if one is not None:
                out.append(f"--{name} {one}")
    return out


def register(app: typer.Typer) -> None:
    app.command()(report)
