"""What the store keeps for one record, computed where the record is made.

``prepare`` turns an ``ArticleRecord`` into plain row tuples: the article row (with the full
record as compressed JSON), its systems and actors, and one row per event with everything
the timeline merges on. Ingest runs it in the worker processes, so the single writer only
inserts, and reading commands build timelines from these rows without parsing records.

No pydantic here: reading commands decode stored records with this module and stay quick
to start. Records are stored compressed (recordzip.py) and without the copies of the article's text
that each mention, quote and event carries (recordslim.py): the JSON of a 4 KB article is
about 50 KB; stored, about 2.7 KB.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from armstrack.articlefacts import actor_facts, actor_row, package_ids, system_facts, system_row
from armstrack.corrections import fingerprint
from armstrack.daterange import PRECISION_ORDER
from armstrack.eventbody import event_columns
from armstrack.neardup import sketch
from armstrack.recordzip import compress, decompress

if TYPE_CHECKING:
    from armstrack.models import ArticleRecord, Event

ArticleRow = tuple[object, ...]
EventRow = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class Prepared:
    id: str
    url: str | None
    article: ArticleRow
    systems: list[tuple[object, ...]]  # articlefacts.system_row
    actors: list[tuple[object, ...]]  # articlefacts.actor_row
    events: list[tuple[EventRow, list[str], list[str]]]  # the row, its system ids, its actor ids
    sketch: tuple[int, ...] = ()  # neardup.sketch of the text
    quotes: list[tuple[object, ...]] = field(default_factory=list)  # the quotes table's rows
    packages: list[tuple[str, str]] = field(default_factory=list)  # article id, ledger row id


def encode_record(record: ArticleRecord) -> bytes:
    """The record's JSON, compressed, without its copies of the article's text (the store
    keeps the text beside it: recordslim.py): encoded by pydantic straight from the model (no
    intermediate dicts, which for a hostile record of 100,000 facts cost more than the rest)."""
    from pydantic_core import to_json

    return compress(to_json(record), record.text)


def decode_json(value: bytes | str, text: str) -> bytes:
    """A stored record's JSON as UTF-8, given its article's stored text (recordzip.py:
    whichever way it was stored)."""
    return decompress(value, text)


def decode_record(value: bytes | str, text: str) -> dict[str, Any]:
    """A stored record as a dict."""
    data = json.loads(decode_json(value, text))
    assert isinstance(data, dict)
    return data


def decode_model(value: bytes | str, text: str) -> ArticleRecord:
    """A stored record as the model, parsed by pydantic straight from its JSON (no dicts
    in between: a fraction of the memory for a record of many facts)."""
    from armstrack.models import ArticleRecord

    return ArticleRecord.model_validate_json(decode_json(value, text))


def prepare(record: ArticleRecord) -> Prepared:
    p = record.published.model_dump(mode="json")
    article: ArticleRow = (
        record.id, record.url, record.source, record.title, record.path, p["date"], p["earliest"], p["latest"],
        p["precision"], int(p["inferred"]), record.text, _quotes_text(record),
        encode_record(record), json.dumps(p, ensure_ascii=False, separators=(",", ":")),
        fingerprint(record.text, record.title), len(record.amounts) + len(record.quantities),
    )  # fmt: skip
    own_words = _substr_reads(record.text)  # a quote that is the text's own words is kept as offsets
    people = {a.id for a in record.actors if a.kind == "person"}
    inferred_at = sorted(t.start for t in record.time_expressions if t.inferred)  # most often none
    events = []
    for event in record.events:
        d = event.date
        row: EventRow = (
            record.id, event.kind,
            d.start.toordinal() if d else None, d.end.toordinal() if d else None,
            PRECISION_ORDER[d.precision] if d else PRECISION_ORDER["unknown"],
            merge_keys(event, people), int(event.date_source == "sentence"), event.confidence,
            event.evidence.start, event.evidence.end, event.status,
            *event_columns(record.text, event, _inferred(record, inferred_at, event)),
        )  # fmt: skip
        events.append((row, list(dict.fromkeys(event.systems)), list(dict.fromkeys(event.actors))))
    return Prepared(
        id=record.id,
        url=record.url,
        article=article,
        systems=[system_row(record.id, facts) for facts in system_facts(record)],
        actors=[actor_row(record.id, facts) for facts in actor_facts(record)],
        packages=[(record.id, package_id) for package_id in package_ids(record)],
        events=events,
        sketch=sketch(record.text),
        quotes=[
            (
                record.id,
                q.start,
                q.end,
                None if own_words and record.text[q.start : q.end] == q.text else q.text,
                q.speaker,
                q.speaker_id,
                q.speaker_description,
                int(q.partial),
            )
            for q in record.quotes
        ],
    )


def _substr_reads(text: str) -> bool:
    """Can SQL read a quote back from ``text`` with ``substr`` (migration 13)? Not past a
    NUL character, where SQLite's string functions stop: the loader never keeps one, but a
    record made elsewhere can hold it, and then each quote keeps its own words."""
    return "\x00" not in text


def _quotes_text(record: ArticleRecord) -> str:
    """What the full-text index takes of the quotes beyond the text: those that are not a
    span of it. An extracted quote always is one, and indexing it again only made the index
    bigger (about 450 bytes an article, and the index's share of them)."""
    text = record.text
    return "\n".join(q.text for q in record.quotes if text[q.start : q.end] != q.text)


def merge_keys(event: Event, people: set[str]) -> str:
    """What two reports of one event can share, typed: its systems ("s:patriot"), the people
    it names ("p:lloyd-austin") and the sum it is about ("$:USD:400000000"). timeline.py
    merges on them."""
    keys = [f"s:{s}" for s in dict.fromkeys(event.systems)]
    keys += [f"p:{a}" for a in dict.fromkeys(event.actors) if a in people]
    if event.amount is not None and event.amount.value:
        keys.append(f"$:{event.amount.currency or '?'}:{round(event.amount.value)}")
    return " ".join(keys)


def _inferred(record: ArticleRecord, inferred_at: list[int], event: Event) -> bool:
    """Does the event's date rest on an inferred publication date: the publication date
    itself, or a time expression in its evidence resolved from it (``inferred_at``: where
    the record's inferred time expressions start, in order)?"""
    if event.date_source == "published":
        return record.published.inferred
    start, end = event.evidence.start, event.evidence.end
    first = bisect_left(inferred_at, start)
    return (first < len(inferred_at) and inferred_at[first] < end) or (
        event.date_source == "paragraph" and record.published.inferred
    )
