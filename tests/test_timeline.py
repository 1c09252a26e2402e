"""Dating events and merging reports of one event across articles."""

from __future__ import annotations

import json

from armstrack.filters import Filters
from armstrack.query import timeline
from tests.conftest import extract_text


def test_event_dated_by_its_own_sentence() -> None:
    record = extract_text(
        "Aid update today\n\nThe Pentagon delivered HIMARS launchers to Ukraine on March 3, 2024.",
        "2024-05-02",
    )
    (event,) = [e for e in record.events if e.kind == "delivery"]
    assert event.date is not None
    assert (str(event.date.start), event.date_source) == ("2024-03-03", "sentence")


def test_event_dated_by_its_paragraph() -> None:
    record = extract_text(
        "Aid update today\n\nOn March 3, 2024, officials gathered in Kyiv. The Pentagon delivered HIMARS launchers to Ukraine.",
        "2024-05-02",
    )
    (event,) = [e for e in record.events if e.kind == "delivery"]
    assert event.date is not None
    assert (str(event.date.start), event.date_source) == ("2024-03-03", "paragraph")


def test_event_dated_by_publication() -> None:
    record = extract_text(
        "Aid update today\n\nThe Pentagon delivered HIMARS launchers to Ukraine.", "2024-05-02"
    )
    (event,) = [e for e in record.events if e.kind == "delivery"]
    assert event.date is not None
    assert (str(event.date.start), event.date_source) == ("2024-05-02", "published")


def test_two_outlets_one_event_is_one_entry_with_two_sources() -> None:
    first = extract_text(
        "Patriots for Kyiv\n\nThe Pentagon said on June 20, 2024 that it will expedite Patriot deliveries to Ukraine.",
        "2024-06-20",
    )
    second = extract_text(
        "Washington speeds up air defense\n\nPatriot deliveries to Ukraine will be expedited, officials said on June 21, 2024.",
        "2024-06-21",
    )
    entries = [e for e in timeline([first, second], Filters()) if e.kind == "delivery"]
    assert len(entries) == 1
    assert {s.article_id for s in entries[0].sources} == {first.id, second.id}
    assert entries[0].systems == ["patriot"]


def test_same_words_months_apart_are_two_entries() -> None:
    sentence = "The Pentagon said it will expedite Patriot deliveries to Ukraine"
    spring = extract_text(f"Spring report\n\n{sentence} on March 4, 2024.", "2024-03-04")
    autumn = extract_text(f"Autumn report\n\n{sentence} on October 7, 2024.", "2024-10-07")
    entries = [e for e in timeline([spring, autumn], Filters()) if e.kind == "delivery"]
    assert [str(e.date.start) for e in entries if e.date] == ["2024-03-04", "2024-10-07"]
    assert all(len(e.sources) == 1 for e in entries)


def test_different_systems_on_one_day_are_two_entries() -> None:
    a = extract_text("One\n\nThe US delivered HIMARS launchers to Ukraine on May 2, 2024.", "2024-05-02")
    b = extract_text("Two\n\nThe US delivered Abrams tanks to Ukraine on May 2, 2024.", "2024-05-02")
    assert len([e for e in timeline([a, b], Filters()) if e.kind == "delivery"]) == 2


def test_kind_and_source_filters() -> None:
    a = extract_text("One\n\nThe US delivered HIMARS launchers to Ukraine on May 2, 2024.", "2024-05-02")
    a.source = "Example Wire"
    b = extract_text(
        "Two\n\nDefense ministers met in Brussels on May 3, 2024 to discuss shells for Ukraine.", "2024-05-03"
    )
    kinds = {e.kind for e in timeline([a, b], Filters.build(kinds=["meeting"]))}
    assert kinds == {"meeting"}
    sourced = timeline([a, b], Filters.build(sources=["example"]))
    assert sourced and all(s.source == "Example Wire" for e in sourced for s in e.sources)


def test_a_wide_date_stays_open_for_its_own_article() -> None:
    """The merge compares a report only with entries still open at its date: an entry dated
    by a whole year stays open all year for later reports in its own article."""
    record = extract_text(
        "Aid in review\n\nIn 2024 the US delivered Patriot launchers to Ukraine.\n\n"
        "Officials met in Brussels on March 3, 2024.\n\n"
        "The US delivered Patriot launchers to Ukraine on October 7, 2024, the ministry said.",
        "2024-12-01",
    )
    deliveries = [e for e in record.events if e.kind == "delivery"]
    assert len(deliveries) == 2
    (entry,) = [e for e in timeline([record], Filters()) if e.kind == "delivery"]
    assert entry.date is not None and str(entry.date.start) == "2024-10-07"  # the narrower date wins
    assert len(entry.sources) == 1


def test_reports_chain_across_three_articles_by_day() -> None:
    """Days apart in a chain: each report joins the entry its neighbour opened."""
    texts = [
        ("One", "June 20, 2024", "2024-06-20"),
        ("Two", "June 22, 2024", "2024-06-22"),
        ("Three", "July 30, 2024", "2024-07-30"),
    ]
    records = [
        extract_text(f"{t}\n\nThe Pentagon will expedite Patriot deliveries to Ukraine, it said on {d}.", p)
        for t, d, p in texts
    ]
    entries = [e for e in timeline(records, Filters()) if e.kind == "delivery"]
    assert [len(e.sources) for e in entries] == [2, 1]
    assert [e.sources[0].article_id for e in entries] == [records[0].id, records[2].id]


_KEYS = ["s:patriot", "s:nasams", "p:ryder", "p:austin", "p:kirby", "$:USD:5", "$:USD:7"]


def _reference_merge(rows: list[tuple]) -> list[list[int]]:  # type: ignore[type-arg]
    """The merge rule stated plainly, comparing each report with every earlier group: the
    specification ``merge.merge`` must match, through its index and without."""
    from armstrack.merge import SLACK_DAYS, WIDEST_DAYS

    def typed(keys: set[str], kind: str) -> set[str]:
        return {k for k in keys if k.startswith(kind)}

    groups: list[dict] = []  # type: ignore[type-arg]
    for ref, kind, start, end, _rank, keys, article, status in rows:
        key_set = set(keys.split())
        for g in groups:
            same = article in g["articles"]
            if g["kind"] != kind or g["status"] != status:
                continue
            if start is None or g["start"] is None:
                if not (start is None and g["start"] is None and same):
                    continue
            else:
                if not same and max(end - start, g["end"] - g["start"]) > WIDEST_DAYS:
                    continue
                if not (g["start"] <= end + SLACK_DAYS and start <= g["end"] + SLACK_DAYS):
                    continue
            # Different sums, or systems with none shared: never one event.
            if any(
                typed(key_set, t) and typed(g["keys"], t) and not typed(key_set & g["keys"], t) for t in "s$"
            ):
                continue
            shared = key_set & g["keys"]
            if same or typed(shared, "s") or typed(shared, "$") or len(typed(shared, "p")) >= 2:
                if start is not None and end - start < g["end"] - g["start"]:
                    g["start"], g["end"] = start, end
                g["keys"] |= key_set
                g["articles"].add(article)
                g["members"].append(ref)
                break
        else:
            groups.append(
                {
                    "kind": kind,
                    "status": status,
                    "start": start,
                    "end": end,
                    "keys": key_set,
                    "articles": {article},
                    "members": [ref],
                }
            )
    return [g["members"] for g in groups]


def test_indexed_merge_matches_the_plain_rule() -> None:
    import random

    from armstrack.merge import merge as _merge

    rng = random.Random(5)
    for _ in range(600):
        rows = []
        for ref in range(rng.randint(1, 90)):
            if rng.random() < 0.05:
                start = end = None
            else:
                start = rng.randint(0, 120)
                end = start + rng.choice([0, 0, 0, 1, 6, 30, 31, 32, 90, 365])  # about WIDEST_DAYS too
            keys = " ".join(rng.sample(_KEYS, rng.randint(0, 3)))
            rows.append(
                (
                    ref,
                    rng.choice("ab"),
                    start,
                    end,
                    0,
                    keys,
                    rng.choice("wxyz"),
                    rng.choice(["done", "planned"]),
                )
            )
        rows.sort(key=lambda r: (r[2] is None, r[2] or 0))
        expected = _reference_merge(rows)
        assert [g.members for g in _merge(iter(rows))] == expected  # through the index
        assert [g.members for g in _merge(iter(rows), one_key=True)] == expected  # every open entry


def test_per_system_scan_equals_filtering_every_event() -> None:
    """``timeline --system X`` reads per-system rows kept in merge order; they must be the
    events naming X, in the order the full event table gives them."""
    import json

    from armstrack.corpus import seed_records
    from armstrack.eventrows import EventFilter, light_rows
    from armstrack.store import Store

    store = Store.memory()
    with store.transaction():
        for record in seed_records():
            store.put(record)
    every = list(light_rows(store.db, EventFilter()))
    bodies = {i: json.loads(s or "[]") for i, s in store.db.execute("SELECT id, systems FROM events")}
    systems = {s for b in bodies.values() for s in b}
    assert {"patriot", "atacms", "nasams"} <= systems
    for system in systems:
        scanned = list(light_rows(store.db, EventFilter(systems=(system,))))
        assert scanned == [r for r in every if system in bodies[r[0]]], system
    both = list(light_rows(store.db, EventFilter(systems=("patriot", "nasams"))))
    assert both == [r for r in every if {"patriot", "nasams"} & set(bodies[r[0]])]


def test_streamed_entries_are_the_entries_in_batches(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Entries assembled a few reports at a time are the entries assembled at once: the
    batches share nothing but the parse cache."""
    from armstrack import timeline
    from armstrack.corpus import seed_records
    from armstrack.store import Store

    store = Store.memory()
    with store.transaction():
        for record in seed_records():
            store.put(record)
    whole, total = timeline.entries(store.db, timeline.EventFilter())
    monkeypatch.setattr(timeline, "_ASSEMBLE_REPORTS", 2)
    stream, streamed_total = timeline.stream_entries(store.db, timeline.EventFilter())
    assert (list(stream), streamed_total) == (whole, total) and total > 10


def test_a_json_array_written_row_by_row_is_the_array_written_at_once(capfdbinary) -> None:  # type: ignore[no-untyped-def]
    from armstrack.render import encode_json, print_json_array

    rows = [{"a": "x\u2028y", "b": [1, 2.5, None]}, {"c": "“quoted” ☂"}, {}]
    print_json_array(iter(rows))
    assert capfdbinary.readouterr().out == encode_json(rows, indent=None) + b"\n"
    print_json_array(iter([]))
    assert capfdbinary.readouterr().out == b"[]\n"


def test_a_long_json_array_is_the_same_bytes_from_its_bulk_encoder(capfdbinary, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Past ``_BULK_ROWS`` rows a stream is encoded by pydantic's encoder: the same bytes,
    escapes included (terminal controls, line separators, DEL and C1 controls, non-ASCII
    kept as UTF-8), for the values rows hold."""
    from armstrack import render
    from armstrack.render import encode_json, print_json_array

    monkeypatch.setattr(render, "_BULK_ROWS", 2)
    rows = [
        {"a": "plain", "n": 1},
        {"b": [1, 2.5, None, True, False], "c": {"nested": ["x", {"y": -3}]}},
        {"text": "\x1b[31mred\x1b[0m \u2028 \u2029 \x7f \x85 \u202e ‘curly’ ☂ é", "amount": 400000000.0},
        {"tuple": (1, "two"), "empty": {}, "list": [], "zero": 0.0, "confidence": 0.8, "big": 2**70},
        {"ctrl": '\t\n\r\x00"\\'},
    ]
    print_json_array(iter(rows))
    out = capfdbinary.readouterr().out
    assert out == encode_json(rows, indent=None) + b"\n"
    assert b"\x1b" not in out and "\u2028".encode() not in out and b"\xc2\x85" not in out
    assert json.loads(out) == json.loads(encode_json(rows, indent=None))


def test_a_reader_that_goes_away_is_not_an_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`armstrack timeline --format jsonl | head -n 1`: the pipe closes under the writer; every
    format ends with success and no error (click and rich each turned it into status 1)."""
    import os
    import subprocess
    import sys

    db = tmp_path / "s.db"
    env = {**os.environ, "ARMSTRACK_DB": str(db)}
    subprocess.run(
        [sys.executable, "-m", "armstrack", "ingest", "--with-seeds"],
        env=env,
        capture_output=True,
        check=True,
    )
    for fmt in ("jsonl", "json", "csv", "table"):
        proc = subprocess.Popen(
            [sys.executable, "-m", "armstrack", "timeline", "--format", fmt],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # the reader is gone before the first byte
        err = proc.stderr.read()  # notes may be there (a piped table's dropped columns), no error
        assert proc.wait() == 0 and b"error" not in err and b"Traceback" not in err, (fmt, err)


def test_words_are_found_in_each_events_sentence_whatever_their_case_or_the_sentences_length() -> None:
    """``timeline --query`` looks for the longest word in each article first and passes over
    the sentences without it: the events kept must be those the plain rule keeps, for words
    in any case, at a sentence's edges, repeated, and in the stored window of an endless
    sentence."""
    from armstrack.eventrows import EventFilter, light_rows, query_pattern
    from armstrack.store import Store
    from tests.conftest import extract_text

    texts = [
        "The Pentagon said on Monday it would send PATRIOT launchers to Ukraine. Patriot crews "
        "trained in Germany, officials said. Ukraine received more HIMARS rockets on Friday.",
        "The United States delivered HIMARS launchers to Ukraine on Monday and "
        + "more shells and more rockets and more spare parts and " * 40
        + "the Pentagon said",
        "Launchers launchers launchers: Kyiv asked Washington for Patriot launchers, the ministry said.",
    ]
    store = Store.memory()
    with store.transaction():
        for i, text in enumerate(texts):
            store.put(extract_text(text, f"2024-06-0{i + 1}"))
    sentences = dict(
        store.db.execute(
            "SELECT e.id, coalesce(json_extract(e.body, '$.text'), substr(a.text, e.evidence_start + 1,"
            " e.evidence_end - e.evidence_start)) FROM events e JOIN articles a ON a.id = e.article_id"
        )
    )
    windows = store.db.execute("SELECT count(*) FROM events WHERE json_extract(body, '$.text') IS NOT NULL")
    assert windows.fetchone()[0] > 0  # the endless sentence's events keep a window of it
    kept_any = 0
    for query in (
        "patriot", "PATRIOT launchers", "launchers patriot", "more shells", "spare parts Pentagon",
        "himars ukraine", "launcherslaunchers", "kyiv washington patriot", "the", "said.",
    ):  # fmt: skip
        kept = {row[0] for row in light_rows(store.db, EventFilter(query=query))}
        expected = {i for i, sentence in sentences.items() if query_pattern(query).search(sentence)}
        assert kept == expected, query
        kept_any += bool(kept)
    assert kept_any >= 7
