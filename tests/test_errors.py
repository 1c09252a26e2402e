"""Every user error is one line on stderr with a documented exit code (2: usage, 1: failure)."""

from __future__ import annotations

from pathlib import Path

import pytest


def one_line(result, code: int, *words: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == code, result.stderr
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("armstrack: error: ")
    for word in words:
        assert word in result.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["timeline", "--since", "2024-13"], ["--since", "not a real date"]),
        (["timeline", "--until", "next tuesday"], ["--until", "not a date"]),
        (["search", "--system", "NASAM"], ["did you mean NASAMS"]),
        (["timeline", "--kind", "deliveries"], ["did you mean delivery"]),
        (["quotes", "--actor", "Kirbyy"], ["no actor matches"]),
        (["show", "zzzz"], ["no article with id 'zzzz'"]),
        (["articles", "--format", "xml"], ["--format"]),
        (["chart", "--by", "weeks"], ["--by"]),
        (["actors", "--type", "robot"], ["--type"]),
    ],
)
def test_usage_errors(cli, args: list[str], words: list[str]) -> None:  # type: ignore[no-untyped-def]
    one_line(cli(*args), 2, *words)


def test_ambiguous_id_prefix_lists_the_candidates(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "many.db")
    for i in range(40):  # enough articles that two ids share a first hex digit
        path = tmp_path / f"a{i}.txt"
        path.write_text(f"Story {i}\n\nThe US delivered {i} HIMARS launchers to Ukraine.", encoding="utf-8")
    assert cli("--db", db, "ingest", str(tmp_path)).exit_code == 0
    ids = [
        line.split()[0]
        for line in cli("--db", db, "articles", "--format", "csv", "--fields", "id").stdout.split()[1:]
    ]
    prefix = next(p for p in "0123456789abcdef" if sum(i.startswith(p) for i in ids) > 1)
    result = cli("--db", db, "show", prefix)
    one_line(result, 2, "ambiguous")
    assert all(i in result.stderr for i in ids if i.startswith(prefix))


def test_missing_store_folder_and_corrupt_store(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    one_line(cli("--db", str(tmp_path / "nope" / "x.db"), "timeline"), 2, "not a directory")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    one_line(cli("--db", str(junk), "timeline"), 1, "cannot open the store")


def test_store_path_that_is_a_folder(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # (An unreadable file cannot be tested here: CI runs as root, who reads anything.)
    folder = tmp_path / "folder.db"
    folder.mkdir()
    one_line(cli("--db", str(folder), "timeline"), 1, "cannot open the store")
