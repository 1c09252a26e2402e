"""``armstrack batch``: extraction over JSON Lines and WARC files on a Dask cluster."""

from __future__ import annotations

from typing import Annotated

import typer


def batch(
    inputs: Annotated[
        list[str], typer.Argument(metavar="INPUT...", help="JSON Lines or WARC files: paths or fsspec URLs.")
    ],
    output: Annotated[
        str, typer.Option("--output", "-o", metavar="DIR", help="Where the Parquet tables go.")
    ],
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", metavar="ADDRESS", help="A Dask scheduler (default: a local cluster)."),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", min=1, metavar="N", help="Worker processes of the local cluster.")
    ] = 2,
    partition_size: Annotated[
        int, typer.Option("--partition-size", min=1, metavar="N", help="JSON Lines per task (500).")
    ] = 500,
    keep_all: Annotated[
        bool, typer.Option("--all", help="Extract every article, also those not about arms for Ukraine.")
    ] = False,
) -> None:
    """Extract every article of JSON Lines and WARC files on a Dask cluster into Parquet
    tables (articles, mentions, events, quotes, amounts) in DIR.

    Off-topic articles are counted and skipped before extraction (--all keeps them). A
    partition whose worker dies is retried by Dask; each writes its own files, so nothing is
    lost or doubled. `armstrack ingest DIR` stores the records without extracting again;
    DuckDB queries the tables as they are (README).

    \b
    Examples:
      armstrack batch news-2025-07.warc.gz feed.jsonl -o out/
      armstrack batch s3://bucket/crawl/*.warc.gz -o out/ --scheduler tcp://10.0.0.5:8786
      armstrack ingest out/
      armstrack batch crawl.warc.gz -o out/ --all --workers 4
    """
    from armstrack.batch import run
    from armstrack.cli import note, warn
    from armstrack.errors import ExitCode

    summary = run(
        inputs, output, scheduler=scheduler, workers=workers, keep_all=keep_all, partition_size=partition_size
    )
    for line in summary.failed[:100]:
        warn(line)
    note(f"batch: {summary.line()} → {output}")
    if summary.failed:
        raise typer.Exit(int(ExitCode.FAILURE))


def register(app: typer.Typer) -> None:
    app.command()(batch)
