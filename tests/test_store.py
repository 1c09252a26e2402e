"""The store and ingest: every format, idempotency, replacement, bad input, stdin, migration, FTS."""

from __future__ import annotations

import io
import json
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from armstrack.migrations import SCHEMA_VERSION
from armstrack.models import ArticleRecord
from armstrack.store import Store

ARTICLE = (
    "Aid news today\n\nThe Pentagon delivered HIMARS launchers to Ukraine on May 3, 2024, officials said."
)


def write(folder: Path, name: str, content: str) -> Path:
    path = folder / name
    path.write_text(content, encoding="utf-8")
    return path


def articles(cli, db: str) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    result = cli("--db", db, "articles", "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_a_new_db_starts_empty_and_with_seeds_adds_them(cli, db: str) -> None:  # type: ignore[no-untyped-def]
    first = cli("--db", db, "ingest", "--with-seeds")
    assert first.exit_code == 0 and first.stderr.endswith(
        "ingest: 5 added, 0 unchanged, 0 updated, 0 replaced, 0 failed\n"
    )
    assert len(articles(cli, db)) == 5
    again = cli("--db", db, "ingest", "--with-seeds")
    assert again.stderr.endswith("ingest: 0 added, 5 unchanged, 0 updated, 0 replaced, 0 failed\n")


@pytest.mark.parametrize(
    ("name", "content", "title", "published", "source"),
    [
        # no date given: inferred from "May 3, 2024" (past tense), the day after
        ("a.txt", ARTICLE, "Aid news today", "2024-05-04", None),
        (
            "b.md",
            f"---\ntitle: From markdown\ndate: 2024-05-04\nsource: MD Wire\nurl: https://e.com/b\n---\n# Aid news\n\n{ARTICLE}",
            "From markdown",
            "2024-05-04",
            "MD Wire",
        ),
        (
            "c.html",
            "<html><head><title>HIMARS arrive</title><meta property='article:published_time' content='2024-05-05'>"
            "</head><body><nav>Home</nav><article><h1>HIMARS arrive</h1><p>The Pentagon delivered HIMARS launchers to "
            "Ukraine on May 3, 2024, officials said in a statement to reporters.</p></article>"
            "<script>document.write('pwned')</script></body></html>",
            "HIMARS arrive",
            "2024-05-05",
            None,
        ),
        (
            "d.json",
            json.dumps({"text": ARTICLE, "title": "From JSON", "published": "2024-05-06", "source": "J"}),
            "From JSON",
            "2024-05-06",
            "J",
        ),
        (
            "e.jsonl",
            json.dumps({"text": ARTICLE, "title": "From JSONL", "published": "2024-05-07"}) + "\n",
            "From JSONL",
            "2024-05-07",
            None,
        ),
    ],
    ids=["txt", "md", "html", "json", "jsonl"],
)
def test_round_trip_every_format(cli, db: str, tmp_path: Path, name: str, content: str, title: str,  # type: ignore[no-untyped-def]
                                 published: str | None, source: str | None) -> None:  # fmt: skip
    path = write(tmp_path, name, content)
    result = cli("--db", db, "ingest", str(path))
    assert result.exit_code == 0, result.stderr
    assert "1 added" in result.stderr
    (record,) = articles(cli, db)
    assert (record["title"], record["published"]["date"], record["source"]) == (title, published, source)
    assert record["published"]["inferred"] is (name == "a.txt")
    assert "himars" in [s["id"] for s in record["systems"]]
    assert "pwned" not in record["text"]


def test_stdin_with_options(cli, db: str, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    result = cli("--db", db, "ingest", "-", "--published", "2024-05-04", "--source", "Piped")
    assert result.exit_code == 0, result.stderr
    (record,) = articles(cli, db)
    assert (record["source"], record["published"]["date"], record["published"]["inferred"]) == (
        "Piped",
        "2024-05-04",
        False,
    )


def test_idempotent(cli, db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "a.txt", ARTICLE)
    cli("--db", db, "ingest", str(path))
    again = cli("--db", db, "ingest", str(path))
    assert "0 added, 1 unchanged" in again.stderr
    write(tmp_path, "copy.txt", ARTICLE.replace("\n", "\r\n"))
    assert "1 unchanged" in cli("--db", db, "ingest", str(tmp_path / "copy.txt")).stderr
    assert len(articles(cli, db)) == 1


def test_changed_text_under_the_same_url_replaces(cli, db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = write(tmp_path, "v1.txt", ARTICLE)
    second = write(tmp_path, "v2.txt", ARTICLE + " A correction was added.")
    cli("--db", db, "ingest", str(first), "--url", "https://e.com/story")
    result = cli("--db", db, "ingest", str(second), "--url", "https://e.com/story")
    assert "1 replaced" in result.stderr
    (record,) = articles(cli, db)
    assert record["text"].endswith("A correction was added.")


def test_bad_files_are_reported_and_good_ones_land(cli, db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "batch"
    folder.mkdir()
    write(folder, "good.txt", ARTICLE)
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02")
    (folder / "empty.txt").write_bytes(b"")
    write(
        folder,
        "feed.jsonl",
        json.dumps({"text": ARTICLE + " One."})
        + "\n{not json\n"
        + json.dumps({"text": ARTICLE + " Two."})
        + "\n",
    )
    (folder / "big.txt").write_text("x" * 2000)
    result = cli("--db", db, "ingest", str(folder), "--max-size", "1000")
    assert result.exit_code == 1
    assert "3 added" in result.stderr and "4 failed" in result.stderr
    assert (
        "feed.jsonl:2" in result.stderr
        and "binary" in result.stderr
        and "over the 1,000-byte limit" in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_search_finds_words_in_text_and_in_quotes(cli) -> None:  # type: ignore[no-untyped-def]
    in_text = json.loads(cli("search", "reprioritize", "--json").stdout)
    assert [h["article_id"] for h in in_text] == ["e424a8ca58ca"]
    in_quote = json.loads(cli("search", "blackmail", "--json").stdout)
    assert [h["article_id"] for h in in_quote] == ["ffd27164d1ac"]
    hostile = cli("search", 'NEAR( "air AND OR * -title:x', "--json")
    assert hostile.exit_code == 0 and json.loads(hostile.stdout) == []


def test_quotes_are_searched_in_the_text_and_indexed_again_only_when_not_in_it() -> None:
    from tests.conftest import extract_text

    record = extract_text(
        "Kyiv needs more launchers, officials said. “We will not be blackmailed by anyone,” Oleksii"
        " Reznikov told reporters on Friday as HIMARS rockets arrived in Ukraine.",
        "2024-05-03",
    )
    (quote,) = record.quotes
    assert record.text[quote.start : quote.end] == quote.text
    elsewhere = record.model_copy(
        update={
            "id": "0000000000aa",
            "url": "https://example.org/b",
            "text": record.text.replace("blackmailed", "pressured"),
            "title": "Launchers arrive",
            "quotes": [quote.model_copy(update={"text": "We will not be outflanked by anyone"})],
        }
    )
    store = Store.memory()
    with store.transaction():
        store.put(record)
        store.put(elsewhere)
    kept = dict(store.db.execute("SELECT id, quotes_text FROM articles"))
    assert kept == {record.id: "", elsewhere.id: "We will not be outflanked by anyone"}
    assert store.matching_ids(query="blackmailed")[0] == [record.id]
    assert store.matching_ids(query="outflanked")[0] == [elsewhere.id]


def make_v1_store(path: Path) -> ArticleRecord:
    """A store as armstrack schema 1 left it, holding one article; returns its record."""
    from tests.conftest import extract_text

    old = Store(path)
    old.db.execute("PRAGMA user_version = 0")
    for view in ("articles_view", "events_view", "quotes_view", "mentions_view"):
        old.db.execute(f"DROP VIEW IF EXISTS {view}")
    for table in (
        "quotes", "event_systems", "event_actors", "event_bodies", "events", "article_actors", "article_systems", "articles_fts",
        "articles", "article_sources", "article_sketches", "sketch_keys", "feeds", "fetched",
        "store_generation", "merged_scopes", "merged_entries", "article_packages",
    ):  # fmt: skip
        old.db.execute(f"DROP TABLE IF EXISTS {table}")
    old.migrate(upto=1)
    assert old.version == 1
    record = extract_text(ARTICLE, "2024-05-04")
    with old.transaction():
        old.db.execute(
            "INSERT INTO articles (id, title, text, record, published) VALUES (?, ?, ?, ?, ?)",
            (record.id, record.title, record.text, record.model_dump_json(), "2024-05-04"),
        )
    old.close()
    return record


def test_previous_schema_migrates(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "old.db"
    record = make_v1_store(path)
    # A reading command is the first to meet the old store: it upgrades it rather than refusing.
    first = cli("--db", str(path), "articles", "--json")
    assert first.exit_code == 0, first.stderr
    assert [a["id"] for a in json.loads(first.stdout)] == [record.id]
    new = Store(path)
    assert new.version == SCHEMA_VERSION
    assert new.matching_ids(systems=["himars"]) == ([record.id], 1)
    assert new.db.execute("SELECT count(*) FROM events").fetchone()[0] == len(record.events) > 0
    # The v1 record (plain JSON text) now reads back compressed, and the same.
    (stored,) = new.db.execute("SELECT record FROM articles").fetchone()
    assert isinstance(stored, bytes) and len(stored) < len(record.model_dump_json()) / 2
    assert new.records() == [record]
    timeline = json.loads(cli("--db", str(path), "timeline", "--json").stdout)
    assert {e["kind"] for e in timeline} == {e.kind for e in record.events}
    # The listing's counts come from the derived rows the migration made.
    import csv

    (counts,) = csv.DictReader(cli("--db", str(path), "articles", "--format", "csv").stdout.splitlines())
    assert counts["amounts"] == str(len(record.amounts) + len(record.quantities))
    assert counts["events"] == str(len(record.events)) and counts["systems"] == str(len(record.systems))


def test_store_file_is_private(db: str, cli) -> None:  # type: ignore[no-untyped-def]
    cli("--db", db, "ingest", "--with-seeds")
    assert stat.S_IMODE(Path(db).stat().st_mode) == 0o600
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_missing_db_folder_is_one_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("--db", str(tmp_path / "nope" / "x.db"), "articles")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and "not a directory" in result.stderr


def test_two_articles_one_event_one_entry(cli, db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a = write(
        tmp_path,
        "a.txt",
        "Patriots for Kyiv\n\nThe Pentagon said on June 20, 2024 that it will expedite Patriot deliveries to Ukraine.",
    )
    b = write(
        tmp_path,
        "b.txt",
        "Air defense first\n\nPatriot deliveries to Ukraine will be expedited, officials said on June 21, 2024.",
    )
    assert cli("--db", db, "ingest", str(a), str(b)).exit_code == 0
    entries = json.loads(cli("--db", db, "timeline", "--kind", "delivery", "--json").stdout)
    assert len(entries) == 1 and len(entries[0]["sources"]) == 2


def test_jsonl_size_limit_is_per_line(cli, db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A feed is many articles: its lines are streamed, and the limit applies to each one."""
    body = "The Pentagon delivered HIMARS launchers to Ukraine on March 3, 2024. " * 8
    # Each story its own body: the same body under two headlines is one article (a fingerprint).
    lines = [
        json.dumps({"title": f"Story {i}", "text": f"Story {i}\n\n{body} Report {i}."}) for i in range(3)
    ]
    lines.insert(1, json.dumps({"title": "Huge", "text": "Huge\n\n" + body * 4}))
    feed = write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    assert feed.stat().st_size > 2000
    result = cli("--db", db, "ingest", str(feed), "--max-size", "1000")
    assert result.exit_code == 1
    assert "feed.jsonl:2: " in result.stderr and "over the 1,000-byte limit" in result.stderr
    assert "3 added, 0 unchanged, 0 updated, 0 replaced, 1 failed" in result.stderr
