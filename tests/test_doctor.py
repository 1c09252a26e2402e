"""``armstrack doctor`` finds a healthy store healthy and a damaged one damaged."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path


def test_healthy_store(cli) -> None:  # type: ignore[no-untyped-def]
    cli("articles")  # the default store, seeded
    result = cli("doctor", "--json")
    assert result.exit_code == 0
    findings = {f["check"]: f for f in json.loads(result.stdout)}
    assert set(findings) == {
        "catalogs", "integrity", "schema", "references", "full-text index", "events", "timeline merges",
    }  # fmt: skip
    assert all(f["ok"] for f in findings.values())
    assert "5 articles" in findings["full-text index"]["detail"]
    assert findings["timeline merges"]["detail"] == "none kept yet (the first timeline keeps one)"
    cli("timeline", "--system", "patriot", "--json")
    merges = {f["check"]: f for f in json.loads(cli("doctor", "--json").stdout)}["timeline merges"]
    assert merges["detail"] == "1 kept (patriot)"


def test_full_text_index_out_of_step(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "s.db"
    cli("--db", str(db), "ingest", "--with-seeds")
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER articles_fts_update")  # an update the index never hears of
    conn.execute("UPDATE articles SET text = 'nothing about weapons' WHERE rowid = 1")
    conn.commit()
    conn.close()
    result = cli("--db", str(db), "doctor")
    assert result.exit_code == 1
    assert "PROBLEM" in result.stdout and "full-text index" in result.stdout


def test_orphans_and_missing_store(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "s.db"
    cli("--db", str(db), "ingest", "--with-seeds")
    conn = sqlite3.connect(db)  # foreign keys off: deleting an article leaves its events behind
    conn.execute("DELETE FROM articles WHERE rowid = 1")
    conn.commit()
    conn.close()
    findings = {f["check"]: f for f in json.loads(cli("--db", str(db), "doctor", "--json").stdout)}
    assert not findings["references"]["ok"] and "events" in findings["references"]["detail"]
    missing = cli("--db", str(tmp_path / "none.db"), "doctor", "--json")
    assert missing.exit_code == 1 and "no store here" in json.loads(missing.stdout)[-1]["detail"]


def test_rows_of_deleted_events(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The per-system and per-actor rows have no foreign key (a trigger deletes them with
    their event): the events check finds those a store lost the trigger for."""
    db = tmp_path / "s.db"
    cli("--db", str(db), "ingest", "--with-seeds")
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER events_rows_delete")
    conn.execute("DELETE FROM events WHERE id IN (SELECT event_id FROM event_systems LIMIT 2)")
    conn.commit()
    conn.close()
    result = cli("--db", str(db), "doctor", "--json")
    findings = {f["check"]: f for f in json.loads(result.stdout)}
    assert result.exit_code == 1 and findings["references"]["ok"]
    assert not findings["events"]["ok"] and "rows of events that are gone" in findings["events"]["detail"]


def test_unused_space_is_reported(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Deleting most of a store leaves its pages free in the file: the integrity check says
    how much, and how to give it back; a store without many free pages says nothing."""
    db = tmp_path / "s.db"
    cli("--db", str(db), "ingest", "--with-seeds")
    before = {f["check"]: f for f in json.loads(cli("--db", str(db), "doctor", "--json").stdout)}
    assert before["integrity"]["detail"] == "ok"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("DELETE FROM articles")
    conn.commit()
    conn.close()
    after = {f["check"]: f for f in json.loads(cli("--db", str(db), "doctor", "--json").stdout)}
    assert after["integrity"]["ok"] and "MB are unused" in after["integrity"]["detail"]
    assert "VACUUM" in after["integrity"]["detail"]
