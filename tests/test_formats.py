"""Every listing command prints every format, and --fields chooses what it prints."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

COMMANDS = {
    "timeline": (["timeline"], "kind"),
    "search": (["search", "Ukraine"], "title"),
    "articles": (["articles"], "title"),
    "quotes": (["quotes"], "speaker"),
    "actors": (["actors"], "name"),
    "systems": (["systems"], "name"),
    "catalog": (["systems", "--catalog"], "name"),
    "chart": (["chart"], "month"),
}


@pytest.mark.parametrize("name", COMMANDS)
def test_json_jsonl_csv_markdown_agree(cli, name: str) -> None:  # type: ignore[no-untyped-def]
    args, key = COMMANDS[name]
    rows = json.loads(cli(*args, "--json").stdout)
    assert rows, name
    assert json.loads(cli(*args, "--format", "json").stdout) == rows
    lines = cli(*args, "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == rows  # every line is one valid object
    table = list(csv.reader(io.StringIO(cli(*args, "--format", "csv").stdout)))
    assert len(table) == len(rows) + 1
    assert len({len(r) for r in table}) == 1  # rectangular
    markdown = cli(*args, "--format", "markdown").stdout.splitlines()
    assert len(markdown) == len(rows) + 2 and markdown[1].startswith("| ---")
    # CSV splits each date column into its ISO parts; Markdown shows one column per name.
    # CSV splits a date (and the timeline's amount) into parts; Markdown shows one column per name.
    names = list(dict.fromkeys(DATE_PART.sub("", c) for c in table[0]))
    assert {line.count(" | ") for line in markdown[2:]} <= {len(names) - 1} or "\\|" in "".join(markdown)
    assert key in rows[0]
    assert not any(cell.endswith("~") for row in table for cell in row)  # "~" is for people


DATE_PART = re.compile(r"_(?:start|end|precision|inferred|date|earliest|latest|value|currency)$")


@pytest.mark.parametrize(
    ("name", "column"), [("timeline", "date"), ("articles", "published"), ("systems", "first")]
)
def test_csv_dates_are_iso_parts(cli, name: str, column: str) -> None:  # type: ignore[no-untyped-def]
    args, _ = COMMANDS[name]
    table = list(csv.DictReader(io.StringIO(cli(*args, "--format", "csv").stdout)))
    assert table
    for row in table:
        for part in ("start", "end", "earliest", "latest", "date"):
            value = row.get(f"{column}_{part}")
            assert value is None or value == "" or ISO_DAY.fullmatch(value), (part, value)
        assert row[f"{column}_precision"] in {
            "day",
            "week",
            "month",
            "season",
            "quarter",
            "half",
            "year",
            "unknown",
        }
        if f"{column}_inferred" in row:
            assert row[f"{column}_inferred"] in {"true", "false"}


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@pytest.mark.parametrize("name", COMMANDS)
def test_fields_choose_columns_and_keys(cli, name: str) -> None:  # type: ignore[no-untyped-def]
    args, key = COMMANDS[name]
    listed = cli(*args, "--fields").stdout.split()
    assert key in listed
    json_listed = cli(*args, "--json", "--fields").stdout.split()
    rows = json.loads(cli(*args, "--json").stdout)
    assert json_listed == list(rows[0])  # JSON fields are exactly the contract's keys
    only = json.loads(cli(*args, "--json", "--fields", key).stdout)
    assert only == [{key: r[key]} for r in rows]
    table = list(csv.reader(io.StringIO(cli(*args, "--format", "csv", "--fields", key).stdout)))
    assert table[0] == [key] and len(table) == len(rows) + 1


def test_unknown_field_and_format_are_usage_errors(cli) -> None:  # type: ignore[no-untyped-def]
    bad = cli("timeline", "--fields", "kindd")
    assert bad.exit_code == 2 and "did you mean kind?" in bad.stderr and bad.stderr.count("\n") == 1
    fmt = cli("timeline", "--format", "jsn")
    assert fmt.exit_code == 2 and "did you mean json?" in fmt.stderr
    both = cli("timeline", "--json", "--format", "csv")
    assert both.exit_code == 2


def test_no_color_and_plain_when_piped(cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    assert "\x1b[" not in cli("timeline").stdout  # piped (CliRunner): no colour
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = cli("timeline").stdout
    monkeypatch.setenv("NO_COLOR", "1")
    plain = cli("timeline").stdout
    assert "\x1b[" not in plain
    assert "\x1b[" in coloured
    assert cli("--no-color", "timeline").stdout == plain


class _Row(dict):  # type: ignore[type-arg]
    """A row that can be watched (weakref, by identity): is it still held?"""

    __hash__ = object.__hash__  # type: ignore[assignment]


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
@pytest.mark.parametrize("grouped", [False, True])
def test_layouts_read_each_row_once_and_keep_only_its_cells(fmt: str, grouped: bool, capsys) -> None:  # type: ignore[no-untyped-def]
    """A listing of every stored record must not hold the records: the rows come as an
    iterator, each is read once, and none is kept once its cells are made."""
    import gc
    import weakref

    from armstrack.render import Listing, emit

    alive: weakref.WeakSet[_Row] = weakref.WeakSet()
    peak = 0

    def rows():  # type: ignore[no-untyped-def]
        nonlocal peak
        for i in range(50):
            row = _Row(name=f"row {i}", month=f"2024-0{1 + i % 3}", body="x" * 1000)
            alive.add(row)
            gc.collect()
            peak = max(peak, len(alive))
            yield row

    def listing(source):  # type: ignore[no-untyped-def]
        return Listing(
            source, {"name": lambda r: r["name"], "month": lambda r: r["month"]}, ["name", "month", "body"],
            group=(lambda r: r["month"]) if grouped else None,
        )  # fmt: skip

    emit(listing(rows()), fmt)
    streamed = capsys.readouterr().out
    assert peak <= 2  # the row being read, and at most the one before it
    emit(listing(list(rows())), fmt)
    assert capsys.readouterr().out == streamed and "row 49" in streamed
