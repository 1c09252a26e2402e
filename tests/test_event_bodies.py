"""An event is stored as its row, a compact body and offsets into its article's text; read
back, it must be the record's event exactly (the timeline's JSON is built from it).

The texts are written for these tests: accents and curly quotes before the sentence (SQL's
``substr`` counts characters, Python's offsets are code points: both must agree), a
sentence too long to copy (its stored window), and an event whose summary is not its
sentence."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armstrack.corpus import seed_records
from armstrack.eventbody import json_strings
from armstrack.models import ArticleRecord, Event
from armstrack.store import Store
from armstrack.timeline import stored_events
from tests.conftest import extract_text

ACCENTS = (
    "Zelensky’s envoy in Kraków — “a good day,” he said — met Pentagon officials. "
    "The Pentagon on Friday announced a $400 million package for Ukraine that includes "
    "Patriot interceptors and HIMARS rockets, Sabrina Singh said."
)
ENDLESS = (
    "The United States delivered HIMARS launchers to Ukraine on Monday and "
    + "more shells and more rockets and more spare parts and " * 40
    + "the Pentagon said"
)
LONG_SUMMARY = (
    "WASHINGTON (Reuters) - The Biden administration on Tuesday approved the sale of $90 million "
    "of spare parts for Ukraine's HAWK air defense batteries, a notice to Congress said, in a "
    "move that officials described as routine maintenance for systems already supplied."
)


INFERRED = (
    "WASHINGTON, March 8, 2024 — The Pentagon on Tuesday announced a $300 million package for "
    "Ukraine with Stinger missiles, officials said.\n\n"
    "The first Stinger missiles will arrive next week, a defense official said."
)


def _records() -> list[ArticleRecord]:
    return [
        *seed_records(),
        extract_text(ACCENTS, "2024-05-13"),
        extract_text(ENDLESS, "2024-06-04"),
        extract_text(LONG_SUMMARY, "2024-03-06"),
        extract_text(INFERRED),  # no date given: inferred from the dateline
    ]


def _inferred(record: ArticleRecord, event: Event) -> bool:
    """The rule, stated plainly: the event's date rests on the inferred publication date
    itself, or on a time expression in its sentence resolved from it."""
    start, end = event.evidence.start, event.evidence.end
    if event.date_source == "published":
        return record.published.inferred
    return any(t.inferred for t in record.time_expressions if start <= t.start < end) or (
        event.date_source == "paragraph" and record.published.inferred
    )


def test_every_stored_event_reads_back_as_the_records_event() -> None:
    store = Store.memory()
    records = _records()
    with store.transaction():
        for record in records:
            store.put(record)
    ids = [i for (i,) in store.db.execute("SELECT id FROM events ORDER BY id")]
    read = stored_events(store.db, ids)
    by_article: dict[str, list[dict[str, object]]] = {}
    for ref in ids:
        article, event, _ = read[ref]
        by_article.setdefault(article, []).append(event)
    checked = cut = inferred = 0
    for record in records:
        expected = [
            {
                **e.model_dump(mode="json"),
                "inferred": _inferred(record, e),
            }
            for e in record.events
        ]
        assert by_article.get(record.id, []) == expected, record.title
        checked += len(expected)
        cut += sum(e.evidence.cut for e in record.events)
        inferred += sum(_inferred(record, e) for e in record.events)
    assert checked > 20 and cut > 0  # the endless sentence was stored as a window
    assert inferred > 0  # the dateline's inferred date dates some events


@pytest.mark.parametrize("text", [ACCENTS, LONG_SUMMARY])
def test_a_body_holds_no_copy_of_its_sentence(text: str) -> None:  # (a cut summary is kept: views read it)
    store = Store.memory()
    record = extract_text(text, "2024-05-13")
    assert record.events
    with store.transaction():
        store.put(record)
    for (body, date_source, systems, actors), event in zip(
        store.db.execute("SELECT coalesce(body, '{}'), date_source, systems, actors FROM events ORDER BY id"),
        record.events,
        strict=True,
    ):
        stored = json.loads(body)
        assert "text" not in stored and "kind" not in stored and "evidence" not in stored
        # The date's source, systems and actors are columns of their own, not keys of the body.
        assert not {"date_source", "systems", "actors"} & set(stored)
        assert date_source == (None if event.date_source == "none" else event.date_source)
        assert json.loads(systems or "[]") == event.systems and json.loads(actors or "[]") == event.actors
        assert ("summary" in stored) == (event.summary != event.evidence.text)
        # Never the whole sentence; a summary cut from a long one is kept (SQL views show it).
        assert json.dumps(event.evidence.text, ensure_ascii=False)[1:-1] not in body
        assert len(body) < 450  # a package link or a cut summary is most of it


@pytest.mark.parametrize("text", [ACCENTS, LONG_SUMMARY])
def test_the_events_view_gives_the_sentence_and_its_precision(text: str) -> None:
    store = Store.memory()
    record = extract_text(text, "2024-05-13")
    with store.transaction():
        store.put(record)
    rows = store.db.execute(
        "SELECT sentence, summary, date_precision FROM events_view ORDER BY id"
    ).fetchall()
    assert rows == [(e.evidence.text, e.summary, e.date.precision if e.date else None) for e in record.events]


def test_precision_names_are_the_stores_ranks() -> None:
    from armstrack.daterange import PRECISION_ORDER
    from armstrack.eventbody import PRECISION_NAMES

    assert {name: rank for rank, name in enumerate(PRECISION_NAMES)} == PRECISION_ORDER


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(), min_size=1, max_size=4))
def test_a_list_of_ids_is_written_as_json_would_write_it(values: list[str]) -> None:
    """The systems and actors columns are written without json.dumps when nothing needs an
    escape: the same text either way, quotes, backslashes and control characters included."""
    assert json_strings(values) == json.dumps(values, ensure_ascii=False, separators=(",", ":"))
    assert json_strings([*values, 'a"b\\c\x01']) == json.dumps(
        [*values, 'a"b\\c\x01'], ensure_ascii=False, separators=(",", ":")
    )
