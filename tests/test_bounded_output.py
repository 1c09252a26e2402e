"""Hostile inputs through whole commands: what is printed and stored stays proportional to
the input, and `show` stays readable however many facts an article holds."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from armstrack.models import ArticleRecord

ENDLESS = "$1.5 billion for Patriot missiles and " * 3000  # one sentence, 6,000 facts


@pytest.fixture
def endless(tmp_path: Path) -> Path:
    path = tmp_path / "endless.txt"
    path.write_text(ENDLESS, encoding="utf-8")
    return path


def test_extract_json_of_an_endless_sentence_stays_proportional(cli, endless: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("extract", str(endless), "--json")
    assert result.exit_code == 0, result.stderr
    record = ArticleRecord.model_validate_json(result.stdout)
    assert len(record.amounts) == 3000 and len(record.systems[0].mentions) == 3000
    assert len(result.stdout.encode()) <= 40 * len(ENDLESS.encode())


def test_store_grows_with_the_input_not_with_its_facts(cli, endless: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "store.db"
    assert cli("--db", str(db), "ingest", str(endless)).exit_code == 0
    conn = sqlite3.connect(db)
    stored = conn.execute("SELECT length(record), length(text) FROM articles").fetchone()
    conn.close()
    assert stored[1] == len(ENDLESS.strip())
    assert stored[0] <= 2 * len(ENDLESS)  # the compressed record, windows and all


def test_show_json_is_the_stored_record(cli, endless: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "store.db")
    cli("--db", db, "ingest", str(endless))
    extracted = json.loads(cli("extract", str(endless), "--json").stdout)
    shown = json.loads(cli("--db", db, "show", extracted["id"], "--json").stdout)
    assert shown == extracted


def test_show_cuts_long_tables_and_says_where_the_rest_is(cli, endless: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from armstrack.cli.articles import SHOW_ROWS

    db = str(tmp_path / "store.db")
    cli("--db", db, "ingest", str(endless))
    article = json.loads(cli("--db", db, "articles", "--json", "--fields", "id").stdout)[0]["id"]
    shown = cli("--db", db, "show", article)
    assert shown.exit_code == 0
    amount_rows = [line for line in shown.stdout.splitlines() if "$1.5 billion" in line and "money" in line]
    assert len(amount_rows) == SHOW_ROWS
    assert (
        f"showing {SHOW_ROWS} of 3,000 amounts ('armstrack show {article} --json' has them all)"
        in shown.stderr
    )


def test_an_ordinary_article_shows_every_row(cli, seed_dir: Path) -> None:  # type: ignore[no-untyped-def]
    shown = cli("show", "72c3")
    assert shown.exit_code == 0 and "showing" not in shown.stderr
