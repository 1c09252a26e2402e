"""``armstrack doctor``: check the store and the catalogs."""

from __future__ import annotations

import typer

from armstrack.cli.options import Fields, Format, Json


def doctor(format_: Format = None, json_: Json = False, fields: Fields = None) -> None:
    """Check the store (integrity, schema version, references, the full-text index against
    the articles, stored events) and that the catalogs load. Exit status 1 on a problem.

    \b
    Examples:
      armstrack doctor
      armstrack --db team.db doctor --json | jq '.[] | select(.ok | not)'
    """
    from armstrack.cli import corpus
    from armstrack.cli.output import show
    from armstrack.doctor import examine
    from armstrack.errors import ExitCode
    from armstrack.render import Listing
    from armstrack.store import locate

    findings = [
        {"check": f.check, "ok": f.ok, "detail": f.detail} for f in examine(locate(corpus.db_path).path)
    ]
    columns = {
        "check": lambda r: r["check"],
        "result": lambda r: "ok" if r["ok"] else "PROBLEM",
        "detail": lambda r: r["detail"],
    }
    show(
        lambda: Listing(findings, columns, ("check", "ok", "detail"), wrap={"detail": 1}),
        format_,
        json_,
        fields,
    )
    if not all(f["ok"] for f in findings):
        raise typer.Exit(int(ExitCode.FAILURE))


def register(app: typer.Typer) -> None:
    app.command()(doctor)
