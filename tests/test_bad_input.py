"""Bad input to extract and ingest: one clear line each, nothing run, nothing fetched,
nothing already stored lost; hostile filter values are data, never SQL or FTS syntax."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

ARTICLE = "Patriots for Kyiv\n\nThe Pentagon delivered Patriot launchers to Ukraine on June 20, 2024."


def test_invalid_utf8_is_read_with_a_warning(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "latin.txt"
    path.write_bytes(ARTICLE.replace("Kyiv", "Ky\xefv").encode("latin-1"))
    result = cli("extract", str(path), "--json")
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert "Kyïv" in record["title"] and any("not valid UTF-8" in w for w in record["warnings"])


def test_over_the_size_limit_and_max_size(cli, tmp_path: Path, db: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE + " More." * 400, encoding="utf-8")
    refused = cli("--db", db, "ingest", str(path), "--max-size", "1000")
    assert refused.exit_code == 1 and "over the 1,000-byte limit (--max-size raises it)" in refused.stderr
    assert cli("--db", db, "ingest", str(path), "--max-size", "100000").exit_code == 0


def test_html_scripts_are_never_run_nor_fetched(cli, tmp_path: Path, db: str) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Patriots for Kyiv</title>"
        "<script>document.write('INJECTED'); fetch('http://127.0.0.1:9/x')</script>"
        "<script src='http://127.0.0.1:9/evil.js'></script>"
        "<link rel='stylesheet' href='http://127.0.0.1:9/s.css'></head>"
        "<body><article><h1>Patriots for Kyiv</h1><p>"
        + "The Pentagon delivered Patriot launchers to Ukraine on June 20, 2024, officials said. " * 5
        + "</p><img src='http://127.0.0.1:9/pixel.gif'></article></body></html>",
        encoding="utf-8",
    )
    result = cli("--db", db, "ingest", str(page))
    assert result.exit_code == 0, result.stderr
    (record,) = json.loads(cli("--db", db, "articles", "--json").stdout)
    assert "INJECTED" not in record["text"] and "fetch(" not in record["text"]
    assert "Patriot launchers" in record["text"]


def test_broken_json_line_in_the_middle(cli, tmp_path: Path, db: str) -> None:  # type: ignore[no-untyped-def]
    lines = [json.dumps({"text": f"Story {i}\n\n{ARTICLE} Number {i}."}) for i in range(4)]
    lines[2] = '{"text": "unterminated'
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("--db", db, "ingest", str(feed))
    assert result.exit_code == 1
    assert "feed.jsonl:3: not valid JSON" in result.stderr
    assert "3 added, 0 unchanged, 0 updated, 0 replaced, 1 failed" in result.stderr


def test_unreadable_path_and_missing_db_folder(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    inside_a_file = tmp_path / "file.txt"
    inside_a_file.write_text(ARTICLE, encoding="utf-8")
    result = cli("extract", str(inside_a_file / "child.txt"))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    missing = cli("--db", str(tmp_path / "no" / "such" / "dir" / "x.db"), "ingest", str(inside_a_file))
    assert missing.exit_code == 2 and "not a directory" in missing.stderr


def test_a_failing_ingest_loses_nothing_stored(cli, tmp_path: Path, db: str) -> None:  # type: ignore[no-untyped-def]
    assert cli("--db", db, "ingest", "--with-seeds").exit_code == 0
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00" * 100)
    assert cli("--db", db, "ingest", str(junk)).exit_code == 1
    assert len(json.loads(cli("--db", db, "articles", "--json").stdout)) == 5


@pytest.mark.parametrize(
    "value",
    [
        "%",
        "_",
        "\\",
        "'",
        '"',
        "100%_\\'",
        "NEAR(",
        "a*",
        "AND OR",
        "-title",
        "title:x",
        "'; DROP TABLE articles; --",
    ],
)
def test_hostile_filter_and_search_values(cli, value: str) -> None:  # type: ignore[no-untyped-def]
    for args in (
        ["search", value, "--json"],
        ["timeline", "--source", value, "--json"],
        ["timeline", "--query", value, "--json"],
        ["articles", "--source", value, "--query", value, "--json"],
        ["quotes", "--speaker", value, "--json"],
    ):
        result = cli(*args)
        assert result.exit_code in (0, 2), (args, result.stderr)
        if result.exit_code == 0:
            assert isinstance(json.loads(result.stdout), list)
            if "--source" in args:
                assert json.loads(result.stdout) == []  # no outlet is named that: % and _ are not wildcards
        else:
            assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert len(json.loads(cli("articles", "--json").stdout)) == 5  # nothing dropped


def test_default_store_folder_and_file_are_private(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("ARMSTRACK_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert cli("articles").exit_code == 0
    folder = tmp_path / "data" / "armstrack"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "armstrack.db").stat().st_mode) == 0o600
