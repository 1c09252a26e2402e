"""The shared filter set: every listing command takes every filter, and each narrows."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

SEED_ATACMS = "ffd27164d1ac"  # the Pentagon and ATACMS article (2024-08)

Key = Callable[[dict[str, Any]], object]
COMMANDS: dict[str, tuple[list[str], Key]] = {
    # An entry's date and lists depend on which reports merged into it (filters act on reports).
    "timeline": (["timeline", "--limit", "0"], lambda r: (r["kind"], r["sources"][0]["article_id"])),
    "search": (["search", "--limit", "0"], lambda r: r["article_id"]),
    "articles": (["articles"], lambda r: r["id"]),
    "quotes": (["quotes"], lambda r: (r["article_id"], r["start"])),
    "actors": (["actors"], lambda r: r["id"]),
    "systems": (["systems"], lambda r: r["id"]),
    "chart": (["chart"], lambda r: (r["system"], r["month"])),
}
FILTERS = {
    "system": ["--system", "ATACMS"],
    "kind": ["--kind", "use_policy"],
    "actor": ["--actor", "Umerov"],
    "source": ["--source", "sofrep"],
    "article": ["--article", SEED_ATACMS[:6]],
    "since": ["--since", "2025"],
    "until": ["--until", "2022-12"],
    "query": ["--query", "Pentagon"],
}


def rows(cli, args: list[str]) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    result = cli(*args, "--json")
    assert result.exit_code == 0, (args, result.stderr)
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_filter_narrows_every_command(cli, command: str) -> None:  # type: ignore[no-untyped-def]
    base, key = COMMANDS[command]
    everything = {key(r) for r in rows(cli, base)}
    assert everything
    narrowed = 0
    for name, option in FILTERS.items():
        if command == "search" and name == "query":
            option = ["Pentagon"]  # search takes its words as the argument
        found = {key(r) for r in rows(cli, [*base, *option])}
        if command not in ("actors", "systems", "chart"):  # counted rows change with their articles
            assert found <= everything, (command, name)
        narrowed += len(found) < len(everything)
    assert narrowed >= 5, command  # the filters do something on this command


@pytest.mark.parametrize("command", ["search", "articles", "quotes", "timeline"])
def test_article_filter_keeps_that_article(cli, command: str) -> None:  # type: ignore[no-untyped-def]
    base, _ = COMMANDS[command]
    found = rows(cli, [*base, "--article", SEED_ATACMS[:6]])
    assert found
    for row in found:
        ids = (
            [s["article_id"] for s in row["sources"]]
            if command == "timeline"
            else [row.get("article_id", row.get("id"))]
        )
        assert ids == [SEED_ATACMS]


@pytest.mark.parametrize("command", ["search", "articles", "quotes"])
def test_since_and_until_bound_the_publication_date(cli, command: str) -> None:  # type: ignore[no-untyped-def]
    base, _ = COMMANDS[command]
    late = rows(cli, [*base, "--since", "2024-08"])
    early = rows(cli, [*base, "--until", "2024-06-30"])
    assert late and early
    assert all(r["published"]["date"] >= "2024-08-01" for r in late)
    assert all(r["published"]["date"] <= "2024-06-30" for r in early)


def test_timeline_since_and_until_bound_event_dates(cli) -> None:  # type: ignore[no-untyped-def]
    found = rows(cli, ["timeline", "--since", "2024-06", "--until", "2024-06"])
    assert found and all(
        e["date"]["start"] <= "2024-06-30" and e["date"]["end"] >= "2024-06-01" for e in found
    )


def test_relative_since(cli) -> None:  # type: ignore[no-untyped-def]
    assert rows(cli, ["timeline", "--since", "1w"]) == []  # the seeds are all older than a week
    assert rows(cli, ["articles", "--since", "100 years ago"]) == rows(cli, ["articles"])


@pytest.mark.parametrize("command", ["timeline", "search", "articles", "quotes", "actors", "systems"])
def test_limit_0_shows_every_row_in_every_listing(cli, command: str) -> None:  # type: ignore[no-untyped-def]
    """One meaning of --limit 0 across the commands: every row (quotes, actors and systems
    once printed none)."""
    every = rows(cli, [command, "--limit", "100000"])
    assert len(every) > 2
    assert rows(cli, [command, "--limit", "0"]) == every
