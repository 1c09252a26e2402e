"""Commands that read whole records walk them from the store a batch at a time, and read
only the articles that can matter: at 10,000 articles they held 3 GB of records at once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from armstrack.store import Store


@pytest.fixture
def seeded(cli, db) -> str:  # type: ignore[no-untyped-def]
    assert cli("--db", db, "ingest", "--with-seeds").exit_code == 0
    return db


def test_records_walked_in_batches_are_the_records(seeded: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from armstrack import store as store_module

    store = Store(Path(seeded), readonly=True)
    try:
        ids = [i for (i,) in store.db.execute("SELECT id FROM articles ORDER BY id DESC")]
        monkeypatch.setattr(
            store_module, "_chunks", lambda items, size: ([x] for x in items)
        )  # batches of one
        assert [r.id for r in store.iter_records(ids)] == ids
        assert list(store.iter_records(ids)) == store.records(ids)
    finally:
        store.close()


def test_quotes_by_a_speaker_read_only_the_articles_that_quote_them(seeded, cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    read: list[str] = []
    original = Store.iter_records

    def spy(self: Store, ids):  # type: ignore[no-untyped-def]
        read.extend(ids)
        return original(self, ids)

    monkeypatch.setattr(Store, "iter_records", spy)
    result = cli("--db", seeded, "quotes", "--speaker", "Kirby", "--json")
    assert result.exit_code == 0
    quoted = {row["article_id"] for row in json.loads(result.stdout)}
    assert quoted and read == []  # the quote rows say it all: no record decoded
    everyone = cli("--db", seeded, "quotes", "--json")
    assert len({row["article_id"] for row in json.loads(everyone.stdout)}) > len(quoted)
    # --system reads each quote's paragraph in the record: only the articles quoting Kirby
    # (and naming the system) are read.
    named = json.loads(cli("--db", seeded, "articles", "--json").stdout)
    system = next(s["id"] for r in named if r["id"] in quoted for s in r["systems"])
    assert cli("--db", seeded, "quotes", "--speaker", "Kirby", "--system", system, "--json").exit_code == 0
    assert read and set(read) <= quoted


def test_the_record_commands_never_load_every_record_at_once(seeded, cli, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    def refuse(self: Store, ids=None):  # type: ignore[no-untyped-def]
        raise AssertionError("every record loaded at once")

    monkeypatch.setattr(Store, "records", refuse)
    report = ["report", "--output", str(tmp_path / "report.html")]
    for command in (["quotes"], ["actors"], ["systems"], ["chart"], ["packages", "--json"], report):
        result = cli("--db", seeded, *command)
        assert result.exit_code == 0, (command, result.stderr)


@pytest.mark.parametrize(
    "command",
    [
        ["articles", "--json"],
        ["search", "--limit", "0", "--json"],
        ["search", "Ukraine", "--limit", "0", "--format", "jsonl"],
        ["search", "--system", "patriot", "--limit", "0", "--json"],
    ],
)
def test_records_as_json_are_printed_as_they_are_read(seeded, cli, monkeypatch, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    """JSON holds one batch of records at a time: the whole list is never asked for (every
    match of a search at 100,000 articles held 14 GB)."""
    whole = cli("--db", seeded, *command).stdout

    original = Store._stored_by_id
    asked: list[int] = []

    def batches(self: Store, ids):  # type: ignore[no-untyped-def]
        ids = list(ids)
        asked.append(len(ids))
        return original(self, ids)

    monkeypatch.setattr(Store, "_stored_by_id", batches)
    from armstrack import store as store_module

    monkeypatch.setattr(store_module, "_chunks", lambda items, size: ([x] for x in items))  # batches of one
    streamed = cli("--db", seeded, *command).stdout
    assert streamed == whole and streamed.strip() not in ("", "[]")
    assert asked and max(asked) == 1


@pytest.mark.parametrize(
    ("speaker", "actors", "query", "limit"),
    [(None, (), None, None), ("kirby", (), None, None), ("official", (), None, 2), (None, ("Lavrov",), None, None),
     (None, (), "missiles", None), (None, (), None, 1), (None, (), None, 0)],
)  # fmt: skip
def test_quotes_from_the_quote_rows_are_the_quotes_from_the_records(
    seeded: str, speaker: str | None, actors: tuple[str, ...], query: str | None, limit: int | None
) -> None:
    from armstrack.extract.actors import fold
    from armstrack.filters import Filters, select_articles
    from armstrack.query import iter_stored_quotes, quotes

    store = Store(Path(seeded), readonly=True)
    try:
        filters = Filters(actors=list(actors), query=query, limit=limit)
        ids = select_articles(store, filters)[0]
        known = store.actor_names()
        from_records = quotes(store.records(ids), filters, speaker=speaker, known=known)
        assert from_records or limit == 0  # each case keeps some quotes
        assert (
            list(iter_stored_quotes(store.quote_rows(ids), filters, speaker=speaker, known=known))
            == from_records
        )
        if speaker:  # as the command reads them: other speakers' quotes passed over in SQL
            speakers = store.speaker_values(lambda value: fold(speaker) in fold(value))
            rows = store.quote_rows(ids, speakers)
            assert list(iter_stored_quotes(rows, filters, speaker=speaker, known=known)) == from_records
    finally:
        store.close()


def test_quote_rows_of_some_speakers_are_exactly_their_quotes(seeded: str) -> None:
    """A name, an id or a description picks a quote; a speaker nobody is picks none."""
    from armstrack.filters import Filters, select_articles

    store = Store(Path(seeded), readonly=True)
    try:
        ids = select_articles(store, Filters())[0]
        every = list(store.quote_rows(ids))
        for key, picks in [
            ("Kirby", lambda row: row[7] == "John Kirby"),
            ("john-kirby", lambda row: row[8] == "john-kirby"),
            ("official", lambda row: "official" in (row[9] or "")),
            ("Nobody Atall", lambda row: False),
        ]:

            def matches(value: str, key: str = key) -> bool:
                return key.lower() in value.lower()

            wanted = [row for row in every if picks(row)]
            assert bool(wanted) == (key != "Nobody Atall")  # the seeds quote Kirby and officials
            assert list(store.quote_rows(ids, store.speaker_values(matches))) == wanted
            assert store.quoted_by(matches) == {row[0] for row in wanted}
    finally:
        store.close()


def test_a_limited_quote_listing_reads_no_more_quote_rows_than_it_shows(seeded: str) -> None:
    """``quotes --limit 5`` on 100,000 articles built all 700,000 quotes (11 s, 1.4 GB) to
    show five."""
    from armstrack.filters import Filters, select_articles
    from armstrack.query import iter_stored_quotes

    store = Store(Path(seeded), readonly=True)
    try:
        ids = select_articles(store, Filters())[0]
        every = list(iter_stored_quotes(store.quote_rows(ids), Filters()))
        assert len(every) > 3
        read = 0

        def counted():  # type: ignore[no-untyped-def]
            nonlocal read
            for row in store.quote_rows(ids):
                read += 1
                yield row

        assert list(iter_stored_quotes(counted(), Filters(limit=3))) == every[:3]
        assert read == 3
        read = 0  # made as the rows are read: `quotes` prints each as it comes
        made = iter_stored_quotes(counted(), Filters())
        assert next(made) == every[0] and read == 1
        assert list(made) == every[1:] and read == len(every)
        read = 0
        assert list(iter_stored_quotes(counted(), Filters(limit=0))) == [] and read == 0
    finally:
        store.close()


@pytest.mark.parametrize("fmt", ["csv", "markdown", "jsonl"])
def test_a_timeline_in_a_machine_format_prints_each_entry_as_it_is_made(
    seeded, cli, monkeypatch, fmt: str
) -> None:  # type: ignore[no-untyped-def]
    """CSV, Markdown and JSON Lines write an entry before the next is made (at 100,000
    articles, a CSV of every entry held 2 GB), and CSV names the first two actors of each
    as the store names them."""
    import csv
    import io

    from armstrack import timeline

    whole = cli("--db", seeded, "timeline", "--limit", "0", "--format", fmt).stdout
    entries = json.loads(cli("--db", seeded, "timeline", "--limit", "0", "--json").stdout)
    original = timeline.stream_entries

    def failing_after_two(*args, **kwargs):  # type: ignore[no-untyped-def]
        stream, total = original(*args, **kwargs)

        def entries_then_failure():  # type: ignore[no-untyped-def]
            for i, entry in enumerate(stream):
                if i == 2:
                    raise RuntimeError("stream cut")
                yield entry

        return entries_then_failure(), total

    monkeypatch.setattr(timeline, "stream_entries", failing_after_two)
    cut = cli("--db", seeded, "timeline", "--limit", "0", "--format", fmt)
    assert cut.exit_code != 0 and "stream cut" in cut.stderr
    # What was printed before the failure: the first two entries, as in the whole output.
    head = {"csv": 1, "markdown": 2, "jsonl": 0}[fmt]
    assert cut.stdout.splitlines() == whole.splitlines()[: head + 2]
    if fmt == "csv":
        store = Store(Path(seeded), readonly=True)
        names = dict(store.db.execute("SELECT actor_id, max(name) FROM article_actors GROUP BY actor_id"))
        store.close()
        rows = list(csv.DictReader(io.StringIO(whole)))
        assert [r["actors"] for r in rows] == [
            ", ".join(names.get(a, a) for a in e["actors"][:2]) for e in entries
        ]
        assert any(
            r["actors"] and r["actors"] != ", ".join(e["actors"][:2])
            for r, e in zip(rows, entries, strict=True)
        )


@pytest.mark.parametrize(
    ("systems", "query", "actors"),
    [((), None, None), (("patriot",), None, None), ((), "air defense", None), (("himars", "atacms"), "Ukraine", None),
     ((), None, {"lloyd-austin", "john-kirby"}), (("patriot",), "missiles", {"united-states"})],
)  # fmt: skip
def test_search_reads_only_what_it_shows_and_finds_the_same(
    seeded: str, systems: tuple[str, ...], query: str | None, actors: set[str] | None
) -> None:
    """``search`` parses only the fields of a record it reads: its hits are those of the whole
    records, which the partial ones are the projection of."""
    from armstrack.search import READS, hits, record_reader

    store = Store(Path(seeded), readonly=True)
    try:
        ids = [i for (i,) in store.db.execute("SELECT id FROM articles ORDER BY id")]
        whole = store.record_dicts(ids)
        parts = list(store.iter_record_parts(ids, record_reader()))
    finally:
        store.close()
    for record, part in zip(whole, parts, strict=True):
        assert part == {
            **{name: record[name] for name in READS},
            "actors": [{"id": a["id"]} for a in record["actors"]],
        }
    found = list(hits(parts, systems=systems, query=query, actors=actors))
    assert found == list(hits(whole, systems=systems, query=query, actors=actors))
    assert found or (systems, query, actors) == (("patriot",), "missiles", {"united-states"})


@pytest.mark.parametrize(
    "command",
    [["search", "--limit", "0", "--json"], ["search", "missiles", "--system", "patriot", "--json"],
     ["search", "--actor", "Kirby", "--format", "csv"]],
)  # fmt: skip
def test_search_prints_the_same_whichever_way_it_reads_records(
    seeded, cli, monkeypatch, command: list[str]
) -> None:  # type: ignore[no-untyped-def]
    """A few records are read whole (the partial reader's import would cost more than it
    saves); many, in part: the same output."""
    from armstrack import search

    whole = cli("--db", seeded, *command)
    monkeypatch.setattr(search, "_PARTIAL_FROM", 1)
    assert cli("--db", seeded, *command).stdout == whole.stdout and whole.exit_code == 0


def test_texts_and_names_read_as_asked_keep_a_bounded_few(
    seeded: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from armstrack.cli.corpus import ActorNames, ArticleTexts

    store = Store(Path(seeded), readonly=True)
    try:
        rows = store.db.execute("SELECT id, text FROM articles ORDER BY id").fetchall()
        monkeypatch.setattr(ArticleTexts, "KEPT", 2)
        texts = ArticleTexts(store)
        for article_id, text in [*rows, *reversed(rows)]:
            assert texts[article_id] == text
            assert len(texts) <= 2
        assert texts.get("no-such-article") is None and "no-such-article" not in texts
        names = ActorNames(store)
        assert (
            names.get("ukraine") == store.actor_names(["ukraine"])["ukraine"]
            and names.get("nobody", "x") == "x"
        )
    finally:
        store.close()


def test_the_partial_reader_keeps_what_a_record_has_of_what_search_reads() -> None:
    """A record without some field (written before it existed) reads as json.loads reads it,
    less the fields search does not read."""
    from armstrack.search import record_reader

    raw = {"id": "a1", "title": "T", "text": "Patriot", "systems": [{"id": "patriot", "mentions": []}],
           "actors": [{"id": "ukraine", "name": "Ukraine", "mentions": [1, 2]}], "events": [{"kind": "x"}]}  # fmt: skip
    assert record_reader()(json.dumps(raw).encode()) == {
        "id": "a1", "title": "T", "text": "Patriot", "systems": [{"id": "patriot", "mentions": []}],
        "actors": [{"id": "ukraine"}],
    }  # fmt: skip


@pytest.mark.parametrize("bulk_from", [1000, 2])
def test_records_printed_as_stored_are_the_records_encoded_again(
    cli, db, tmp_path, monkeypatch, bulk_from: int
) -> None:  # type: ignore[no-untyped-def]
    """`articles --json` and `--format jsonl` print each record's stored JSON with its
    sources written in: the same bytes as encoding the record's dict again, escapes of
    terminal controls and line separators included. A record stored in an older form (zlib)
    or holding sources of its own is encoded again from its dict."""
    import zlib

    from armstrack import render
    from armstrack.recordzip import compress
    from armstrack.render import encode_json
    from armstrack.stored import decode_json

    monkeypatch.setattr(render, "_BULK_ROWS", bulk_from)
    feed = tmp_path / "feed.jsonl"
    hostile = "Patriot \x1b[31mred\x1b[0m \u2028 \u202e\x85 “quoted” for Ukraine"
    items = [
        {"title": f"Story {n}: {hostile}", "url": f"https://example.org/{n}", "source": "Wire",
         "published": "2024-05-0" + str(n + 1), "text": f"Story {n}: {hostile}\n\nThe Pentagon will send {n + 2} HIMARS."}
        for n in range(3)
    ]  # fmt: skip
    feed.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    assert cli("--db", db, "ingest", "--with-seeds", str(feed)).exit_code == 0
    again = tmp_path / "again.jsonl"  # the same stories at other addresses: a second source each
    again.write_text(
        "".join(json.dumps({**i, "url": i["url"] + "?amp", "source": "Paper"}) + "\n" for i in items),
        encoding="utf-8",
    )
    assert cli("--db", db, "ingest", str(again)).exit_code == 0
    store = Store(Path(db))
    ids = [i for (i,) in store.db.execute("SELECT id FROM articles ORDER BY id")]
    with store.transaction():
        old, text = store.db.execute("SELECT record, text FROM articles WHERE id = ?", (ids[0],)).fetchone()
        store.db.execute(
            "UPDATE articles SET record = ? WHERE id = ?", (zlib.compress(decode_json(old, text)), ids[0])
        )
        own, text = store.db.execute("SELECT record, text FROM articles WHERE id = ?", (ids[1],)).fetchone()
        record = json.loads(decode_json(own, text))
        record["sources"] = [{"url": "https://stale.example/", "source": None}]
        store.db.execute(
            "UPDATE articles SET record = ? WHERE id = ?", (compress(json.dumps(record).encode()), ids[1])
        )
    store.close()
    printed = cli("--db", db, "articles", "--json")
    order = [r["id"] for r in json.loads(printed.stdout)]
    assert sorted(order) == ids
    store = Store(Path(db), readonly=True)
    records = store.record_dicts(order)
    store.close()
    assert printed.stdout.encode() == b"[" + b",".join(encode_json(r, indent=None) for r in records) + b"]\n"
    lines = cli("--db", db, "articles", "--format", "jsonl").stdout.encode()
    assert lines == b"".join(encode_json(r, indent=None) + b"\n" for r in records)
    assert b"\x1b" not in lines and "\u2028".encode() not in lines and "\u202e".encode() not in lines
    assert max(len(r["sources"]) for r in records) == 2 and "stale.example" not in printed.stdout
