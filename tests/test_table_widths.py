"""Tables that fit: every listing command on the seeds at 60, 80, 100 and 160 columns keeps
its key columns readable (a title or summary at least 20 characters wide), never prints a
line wider than the terminal, and leaves no column out without a note naming it."""

from __future__ import annotations

import re

import pytest

WIDTHS = (60, 80, 100, 160)
COMMANDS = [
    ["articles"],
    ["search", "--system", "Patriot"],
    ["timeline", "--limit", "20"],
    ["quotes"],
    ["actors"],
    ["systems"],
    ["packages", "--since", "2024"],
    ["feeds", "list"],
]
READABLE = {"title", "summary", "quote"}


def header(stdout: str) -> list[tuple[str, int]]:
    """(column name, start) of the table's header line."""
    line = stdout.splitlines()[0]
    return [(m.group(0), m.start()) for m in re.finditer(r"\S+(?: \S+)*", line)]


def all_columns(cli, command: list[str], monkeypatch: pytest.MonkeyPatch) -> list[str]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "400")
    result = cli(*command)
    return [name for name, _ in header(result.stdout)] if result.stdout else []


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
def test_tables_fit_every_width(cli, command: list[str], monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    full = all_columns(cli, command, monkeypatch)
    for width in WIDTHS:
        monkeypatch.setenv("COLUMNS", str(width))
        result = cli(*command)
        assert result.exit_code == 0, result.stderr
        if len(result.stdout.splitlines()) <= 2:  # a header and no rows (no feeds yet): nothing to fit
            continue
        assert max(len(line.rstrip()) for line in result.stdout.splitlines()) <= width, (command, width)
        shown = header(result.stdout)
        names = [name for name, _ in shown]
        missing = [name for name in full if name not in names]
        for name in missing:
            assert name in result.stderr and "--fields" in result.stderr, (command, width, name)
        for i, (name, start) in enumerate(shown):
            if name in READABLE:
                end = shown[i + 1][1] - 3 if i + 1 < len(shown) else width
                assert end - start >= 20, (command, width, name, end - start)
        assert names[0] == full[0]  # the key column always stays


def test_fields_choose_table_columns_and_objects_read_as_text(cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "80")
    result = cli("quotes", "--fields", "published,speaker,quote")
    assert [name for name, _ in header(result.stdout)] == ["published", "speaker", "quote"]
    assert "{" not in result.stdout  # a publication date, not a JSON object
    assert re.search(r"^20\d\d-\d\d-\d\d~? ", result.stdout.splitlines()[2])


def test_piped_tables_use_columns_or_a_readable_width(cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("COLUMNS")
    result = cli("articles")
    assert max(len(line) for line in result.stdout.splitlines()) <= 100


def test_bare_armstrack_is_help_and_success(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli()
    assert result.exit_code == 0 and result.stdout.startswith("Usage: armstrack") and result.stderr == ""


@pytest.mark.parametrize(
    "command",
    [
        ["show", "e424a8"],
        ["timeline", "--limit", "1"],
        ["systems"],
        ["packages", "--limit", "1"],
        ["feeds", "list"],
    ],
)
def test_every_command_takes_no_color(cli, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = cli(*command, "--no-color")
    assert result.exit_code == 0, result.stderr
    assert "\x1b[" not in result.stdout
