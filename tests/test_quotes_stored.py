"""A quote is stored as its offsets into the article's text when it is that text's own slice
(migration 13): its text is read back from the article, in the listings and in the
``quotes_view`` a person opens, and a quote that is no slice of the text keeps its words."""

from __future__ import annotations

from pathlib import Path

from armstrack.migrations import SCHEMA_VERSION
from armstrack.models import ArticleRecord, Quote
from armstrack.store import Store
from tests.conftest import extract_text
from tests.schema import undo

TEXT = (
    "KYIV (Wire) - “We need more Patriot systems — now,” President Volodymyr Zelensky said on Monday. "
    '"The HIMARS deliveries will go on 🚀," Pentagon spokesman Pat Ryder told reporters, and the '
    "Secretary added: “We will keep going.”\n\nGermany said it would send a second IRIS-T battery."
)


def _records() -> list[ArticleRecord]:
    first = extract_text(TEXT, "2025-03-03")
    second = extract_text("Officials said “two NASAMS arrived last week,” Kirby said.", "2025-03-04")
    assert len(first.quotes) >= 3 and second.quotes
    reworded = Quote(
        text="words the article never had", start=second.quotes[0].start, end=second.quotes[0].end
    )
    return [first, second.model_copy(update={"quotes": [reworded]})]


def _read(
    store: Store, ids: list[str]
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]], list[tuple[object, ...]]]:
    return (
        list(store.quote_rows(ids)),
        store.db.execute("SELECT * FROM quotes_view ORDER BY article_id, start").fetchall(),
        store.db.execute("SELECT * FROM articles_view ORDER BY id").fetchall(),
    )


def test_a_quote_of_the_texts_own_words_is_stored_as_offsets() -> None:
    records = _records()
    store = Store.memory()
    with store.transaction():
        for record in records:
            store.put(record)
    stored = {(a, s): t for a, s, t in store.db.execute("SELECT article_id, start, text FROM quotes")}
    assert stored == {
        (r.id, q.start): (None if r.id == records[0].id else q.text) for r in records for q in r.quotes
    }
    rows, view, _ = _read(store, [r.id for r in records])
    expected = [q.text for r in records for q in r.quotes]
    assert [row[4] for row in rows] == expected
    assert sorted(v[6] for v in view) == sorted(expected)
    assert store.records([r.id for r in records]) == records


def test_a_store_of_schema_12_migrates_to_offsets_and_reads_the_same(tmp_path: Path) -> None:
    records = _records()
    ids = [r.id for r in records]
    path = tmp_path / "s.db"
    old = Store(path)
    with old.transaction():
        for record in records:
            old.put(record)
    before = _read(old, ids)
    undo(old.db, 13)
    assert old.version == 12
    assert old.db.execute("SELECT count(*) FROM quotes WHERE text IS NULL").fetchone()[0] == 0
    assert _read(old, ids) == before  # schema 12 wrote every quote out
    # A quote of no stored article, as a store written with foreign keys off can hold.
    old.db.execute("PRAGMA foreign_keys = OFF")
    old.db.execute("INSERT INTO quotes VALUES ('gone', 0, 5, 'words', NULL, NULL, NULL, 0)")
    old.db.close()

    store = Store(path)
    try:
        assert store.version == SCHEMA_VERSION
        nulls = store.db.execute("SELECT count(*) FROM quotes WHERE text IS NULL").fetchone()[0]
        assert nulls == len(records[0].quotes)
        assert _read(store, ids) == before
        assert store.db.execute("SELECT count(*) FROM quotes WHERE article_id = 'gone'").fetchone()[0] == 0
        assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        store.close()


def test_a_text_holding_a_nul_keeps_its_quotes_words() -> None:
    """SQLite's substr stops at a NUL character. The loader never keeps one, but a record
    made elsewhere can hold it: its quotes are then stored with their words."""
    record = extract_text(TEXT, "2025-03-03")
    at = record.text.index("Monday")  # before the second quote, outside every quote
    assert all(not q.start <= at < q.end for q in record.quotes)
    nul = record.model_copy(update={"text": record.text[:at] + "\x00" + record.text[at + 1 :]})
    store = Store.memory()
    with store.transaction():
        store.put(nul)
    assert [row[4] for row in store.quote_rows([nul.id])] == [q.text for q in nul.quotes]
    assert sorted(v[6] for v in store.db.execute("SELECT * FROM quotes_view")) == sorted(
        q.text for q in nul.quotes
    )
