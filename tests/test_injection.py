"""Untrusted text never becomes markup, emoji, or terminal control, in any printing command,
with colour forced on or off. The hostile strings ride in the article text and in the
metadata (title, source, url) that ingest takes as given."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

HOSTILE = (
    "[bold red]alert[/] [link=http://evil.example]x[/link] :warning: "
    "\x1b[2J\x1b]0;pwned-title\x07 \x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\ "
    "\r\u202eTFEL\u202c \x9b31m \x07"
)
TEXT = (
    f"Patriot deliveries {HOSTILE}\n\n"
    f"The Pentagon delivered Patriot launchers to Ukraine on June 20, 2024, spokesman Pat Ryder said. "
    f"“We will keep {HOSTILE} sending them,” Ryder said."
)
FORBIDDEN = ("\x1b]", "\x1b[2J", "\r", "\u202e", "\x9b", "\x07", "pwned-title")
INTERPRETED = ("\x1b[1;31m", "⚠", "\x1b]8;")  # markup turned into style, emoji, or a link

COMMANDS = [
    ["timeline"],
    ["search", "Patriot"],
    ["articles"],
    ["quotes"],
    ["actors"],
    ["systems"],
    ["chart"],
    ["show", "ARTICLE"],
]


@pytest.fixture
def hostile_db(cli, tmp_path: Path) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    feed = tmp_path / "feed.jsonl"
    item = {"title": f"Patriot {HOSTILE}", "source": f"Evil {HOSTILE}", "url": f"http://x/{HOSTILE}", "text": TEXT,
            "published": "2024-06-21"}  # fmt: skip
    feed.write_text(json.dumps(item) + "\n", encoding="utf-8")
    db = str(tmp_path / "hostile.db")
    assert cli("--db", db, "ingest", str(feed)).exit_code == 0
    (article,) = json.loads(cli("--db", db, "articles", "--json").stdout)
    return db, article["id"]


@pytest.mark.parametrize("colour", ["FORCE_COLOR", "NO_COLOR"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_tables_carry_no_terminal_control(  # type: ignore[no-untyped-def]
    cli, hostile_db: tuple[str, str], monkeypatch: pytest.MonkeyPatch, colour: str, command: list[str]
) -> None:
    db, article = hostile_db
    monkeypatch.setenv(colour, "1")
    result = cli("--db", db, *[article if a == "ARTICLE" else a for a in command])
    assert result.exit_code == 0, result.stderr
    for bad in FORBIDDEN + INTERPRETED:
        assert bad not in result.stdout, (command, bad)
        assert bad not in result.stderr, (command, bad)
    if command[0] in ("articles", "search", "show"):
        # shown as the text it is (a long title may wrap inside the markup)
        assert "alert[/]" in result.stdout and "[bold" in result.stdout


@pytest.mark.parametrize("fmt", ["csv", "markdown", "json", "jsonl"])
@pytest.mark.parametrize("command", COMMANDS[:-1], ids=lambda c: c[0])
def test_other_formats_carry_no_terminal_control(  # type: ignore[no-untyped-def]
    cli, hostile_db: tuple[str, str], fmt: str, command: list[str]
) -> None:
    db, _ = hostile_db
    result = cli("--db", db, *command, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    # JSON keeps the text as data, every control character escaped; CSV and Markdown drop them.
    raw = [b for b in FORBIDDEN + INTERPRETED if b != "pwned-title" or fmt not in ("json", "jsonl")]
    for bad in raw:
        assert bad not in result.stdout, (command, fmt, bad)
    if fmt in ("json", "jsonl"):
        assert all(ord(c) >= 0x20 or c == "\n" for c in result.stdout)


def test_extract_and_show_json_escape_controls(cli, hostile_db: tuple[str, str], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, article = hostile_db
    shown = cli("--db", db, "show", article, "--json").stdout
    assert json.loads(shown)["id"] == article
    path = tmp_path / "evil.txt"
    path.write_text(TEXT, encoding="utf-8")
    for out in (shown, cli("extract", str(path), "--json").stdout):
        assert all(ord(c) >= 0x20 or c == "\n" for c in out) and "\u202e" not in out and "\x9b" not in out
