"""The timeline: stored events merged into one entry per real-world event.

Two reports merge into one entry only when everything they say is compatible:

* the same kind and the same status ("will send" never merges with "sent");
* dates that overlap, give or take three days (so never different years); across articles
  both dates must be a month or narrower;
* amounts: two reports that each state the sum they are about must state the same one (a
  $400 million package and a $6 billion one are two events, even in one sentence's article);
* systems: two reports that each name systems must share one;
* and, across articles, something specific in common: a system, the same sum, or at least
  two of the same people. One shared actor is not enough ("Biden" is in half the news).

Within one article, compatible reports merge: the headline, the lede and the body restate
one event. Each source records why it joined (``merged_on``: "same article", "system
patriot", "amount USD 400000000", "people …"), and sources count articles, never
sentences. The summary is the sentence of the strongest report in the entry's first
article: one that dates itself, then the most confident, then the earliest.

Two passes keep this fast on a large store. The merge runs over light rows straight from
SQL (kind, day numbers, merge keys, strength), in date order, comparing each report only
with the entries still open at its date that share its article or one of its keys (an
index per kind and status). Only the entries to be shown are then assembled from the
events' stored rows, bodies and their articles' text, replaying their reports in merge
order, a batch at a time (JSON streams them). Plain dicts come out: the JSON contract is
``query.TimelineEntry``; no pydantic is needed on this path.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from armstrack import merged
from armstrack.eventbody import Row, date_of, evidence_of, expand_event, stored_body, summary_of
from armstrack.eventrows import EventFilter, light_rows
from armstrack.merge import Group, merge, merged_on
from armstrack.store import _chunks


def entries(
    db: sqlite3.Connection, where: EventFilter, limit: int | None = None
) -> tuple[list[dict[str, Any]], int]:
    """Timeline entries in date order (undated last) and how many there are in all.

    ``limit`` keeps the latest entries: an analyst following the reporting wants the end.
    """
    rows, total = stream_entries(db, where, limit)
    return list(rows), total


# Entries are assembled a batch at a time, each batch up to this many reports (and their
# articles' texts, about 4 KB each): memory stays flat however many entries are printed.
_ASSEMBLE_REPORTS = 5000


def stream_entries(
    db: sqlite3.Connection, where: EventFilter, limit: int | None = None
) -> tuple[Iterator[dict[str, Any]], int]:
    """As ``entries``, the entries made as they are read: the merge runs first (it needs every
    report), then the entries are assembled a chunk at a time, so that printing every entry
    of a large store starts at once and holds one chunk in memory, not all of them."""
    groups, total, release = _merged(db, where, limit)
    return _assembled(db, groups, release), total


def newest_first(
    db: sqlite3.Connection, where: EventFilter, limit: int | None = None
) -> tuple[list[Group], Iterator[dict[str, Any]], int]:
    """The entries of ``stream_entries`` newest first (a report's order), made as they are
    read; first their merged groups in that order (each entry's kind, date and reports:
    what a page must know before its first entry, a fraction of the entries' size), and
    how many entries there are in all."""
    groups, total, release = _merged(db, where, limit)
    try:
        chosen = list(groups)
    except BaseException:
        release()
        raise
    chosen.reverse()
    return chosen, _assembled(db, chosen, release), total


def group_month(group: Group) -> str:
    """The month a merged group's entry is shown under ("2024-06"), or "undated": the month
    of its date's start, as ``report.entry_month`` reads it from the entry."""
    return (
        "undated"
        if group.start is None or group.end is None
        else dt.date.fromordinal(group.start).isoformat()[:7]
    )


def _assembled(
    db: sqlite3.Connection, groups: Iterable[Group], release: Callable[[], None]
) -> Iterator[dict[str, Any]]:
    """The entries of ``groups``, assembled a chunk at a time as they are asked for;
    ``release`` is called once the last is assembled (or the stream is dropped)."""
    parsed: dict[Any, Any] = {}  # stored JSON repeats (a day's publication, a body): parsed once
    articles: Articles = ({}, {})
    chunk: list[Group] = []
    reports = 0
    try:
        for group in groups:
            chunk.append(group)
            reports += len(group.members)
            if reports >= _ASSEMBLE_REPORTS:
                with _no_cycle_collection():
                    batch = _assemble(db, chunk, parsed, articles)
                yield from batch
                chunk, reports = [], 0
                if len(parsed) > _PARSED_KEPT:  # a bound: what repeats comes back soon
                    parsed.clear()
        with _no_cycle_collection():
            batch = _assemble(db, chunk, parsed, articles)
    finally:
        release()
    yield from batch


_PARSED_KEPT = 20_000  # distinct stored JSON strings kept parsed while a timeline streams


def _merged(
    db: sqlite3.Connection, where: EventFilter, limit: int | None
) -> tuple[Iterable[Group], int, Callable[[], None]]:
    """The merged entries in timeline order (the latest ``limit``), how many in all, and what
    to call once they are assembled: read from the merge the store keeps when the filters
    allow (merged.py), else merged now. A kept merge is read as it is used, in one read
    transaction (its generation, its entries and their events in one snapshot) that the
    call ends."""
    narrowed = bool(where.articles or where.sources or where.query)
    scope = merged.scope_of(
        where.systems, where.actors, narrowed or where.since_day is not None or where.until_day is not None
    )
    if scope is None:
        return (*_limited(_merge_now(db, where), limit), _nothing)
    began = not db.in_transaction
    if began:
        db.execute("BEGIN")
    try:
        if merged.is_current(db, scope):
            groups, total = merged.read(db, scope, where.kinds, where.statuses, limit)
            release, began = (_ending(db) if began else _nothing), False  # the snapshot outlives this call
            return groups, total, release
        made_at = merged.generation(db)
        whole = merge_scope(db, scope)
    finally:
        if began:
            db.execute("COMMIT")
    if merged.worth_keeping(scope, whole):
        path = db.execute("PRAGMA database_list").fetchone()[2] or ":memory:"
        merged.keep(path, db, scope, made_at, whole)
    kinds, statuses = set(where.kinds), set(where.statuses)
    chosen = [g for g in whole if (not kinds or g.kind in kinds) and (not statuses or g.status in statuses)]
    return (*_limited(chosen, limit), _nothing)


def _nothing() -> None:
    pass


def _ending(db: sqlite3.Connection) -> Callable[[], None]:
    """Ends the read transaction ``_merged`` began (once, whenever the stream stops)."""

    def end() -> None:
        if db.in_transaction:
            db.execute("COMMIT")

    return end


def merge_scope(db: sqlite3.Connection, scope: str) -> list[Group]:
    """The whole merge of a kept scope ('' every event, one system's, one actor's), in
    timeline order (merged.refresh)."""
    systems, actors = merged.scope_reports(scope)
    return _merge_now(db, EventFilter(systems=systems, actors=actors))


def merge_scope_from(
    db: sqlite3.Connection, scope: str, day: int, resume: tuple[list[Group], int]
) -> list[Group]:
    """A kept scope's merge resumed (merged.update): its reports from ``day`` on (and the
    undated ones) merged on from the entries in ``resume``; those entries and the new ones,
    in no particular order (each carries its order key)."""
    systems, actors = merged.scope_reports(scope)
    where = EventFilter(systems=systems, actors=actors)
    with _no_cycle_collection():
        return merge(light_rows(db, where, from_day=day), one_key=bool(systems), resume=resume)


def _merge_now(db: sqlite3.Connection, where: EventFilter) -> list[Group]:
    with _no_cycle_collection():
        groups = merge(light_rows(db, where), one_key=len(where.systems) == 1)
    groups.sort(key=lambda g: (g.start is None, g.start or 0, g.rank))
    return groups


def _limited(groups: list[Group], limit: int | None) -> tuple[list[Group], int]:
    total = len(groups)
    if limit is not None and limit < total:
        groups = groups[total - limit :]
    return groups, total


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Keep Python's cycle collector off what the merge and the assembly make: hundreds of
    thousands of small objects (sets, tuples, dicts) and no cycles, which the collector would
    only scan again and again as they pile up (at 100,000 articles, 40% of the merge's
    time). Paused while they are made, and then frozen (``gc.freeze``: left out of later
    collections). Reference counting still frees each of them when it is no longer used."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


Report = tuple[str, dict[str, Any], tuple[int, float, int], Row]
"""A stored event as the timeline reads it: its article, its body (parsed), the strength it
leads an entry by (dates itself, confidence, earliest), and its row (eventbody.Row)."""


def _assemble(
    db: sqlite3.Connection,
    groups: Sequence[Group],
    parsed: dict[Any, Any] | None = None,
    before: Articles | None = None,
) -> list[dict[str, Any]]:
    """The entries of ``groups``, from their reports' stored events, replayed in merge order.
    ``parsed`` caches the stored JSON strings already parsed (shared values, never changed).
    ``before`` holds the articles the previous batch read, and is left holding this batch's:
    a story's reports span days, so neighbouring batches share many of their articles.
    Only what an entry shows is built: each source's evidence, the leading report's summary,
    the dating report's date."""
    parsed = {} if parsed is None else parsed
    wanted = [ref for g in groups for ref in g.members]
    reports = _reports(db, wanted, parsed)
    articles, texts = _articles(db, {reports[ref][0] for ref in wanted}, parsed, before)
    out = []
    for group in groups:
        lead = reports[group.members[0]]
        first, best = lead[1], lead[2]
        systems = dict.fromkeys(first.get("systems", ()))  # ordered sets
        actors = dict.fromkeys(first.get("actors", ()))
        amounts = dict.fromkeys(first.get("amounts", ()))
        amount = first.get("amount")
        sources: list[dict[str, Any]] = []
        seen: set[str] = set()
        for ref, joined in zip(group.members, group.why, strict=True):
            report = reports[ref]
            article, stored, strength, row = report
            same_article = article in seen
            for name in stored.get("systems", ()):
                systems[name] = None
            for name in stored.get("actors", ()):
                actors[name] = None
            for name in stored.get("amounts", ()):
                amounts[name] = None
            if same_article and strength > best:  # the report the summary comes from leads: its agent first
                lead, best = report, strength
                actors = dict.fromkeys([*stored.get("actors", ()), *actors])
                systems = dict.fromkeys([*stored.get("systems", ()), *systems])
            if amount is None:
                amount = stored.get("amount")
            if not same_article:
                seen.add(article)
                evidence = evidence_of(stored, row, texts[article])
                sources.append({**articles[article], "evidence": evidence, "merged_on": merged_on(joined)})
        _, dating, _, (_, _, _, start, end, rank, _, _) = reports[group.date_ref]
        lead_text = evidence_of(lead[1], lead[3], texts[lead[0]])["text"]
        out.append({
            "kind": group.kind, "status": group.status, "date": date_of(start, end, rank),
            "date_source": dating.get("date_source", "none"), "inferred": dating.get("inferred", False),
            "systems": list(systems), "actors": list(actors), "amounts": list(amounts), "amount": amount,
            "summary": summary_of(lead[1], lead_text), "sources": sources,
        })  # fmt: skip
    return out


def stored_events(
    db: sqlite3.Connection, ids: Sequence[int]
) -> dict[int, tuple[str, dict[str, Any], tuple[int, float, int]]]:
    """Each event's article, the event as the contract gives it (plus ``inferred``), and the
    strength its report leads an entry by: what the timeline reads, made whole."""
    reports = _reports(db, ids, {})
    _, texts = _articles(db, {r[0] for r in reports.values()}, {})
    return {
        ref: (article, expand_event(stored, row, texts[article]), strength)
        for ref, (article, stored, strength, row) in reports.items()
    }


def _reports(db: sqlite3.Connection, ids: Sequence[int], parsed: dict[Any, Any]) -> dict[int, Report]:
    """The stored events ``ids``: each one's row and its own values (eventbody.stored_body)."""
    found: dict[int, Report] = {}
    for chunk in _chunks(ids, 900):
        marks = ",".join("?" * len(chunk))
        rows = db.execute(
            "SELECT id, article_id, date_source, systems, actors, body, sentence_dated, confidence, kind, status,"
            f" start_day, end_day, precision_rank, evidence_start, evidence_end FROM events WHERE id IN ({marks})",
            chunk,
        )
        for ref, article, source, systems, actors, body, dated, confidence, *row in rows:
            kind, status, start, end, rank, ev_start, ev_end = row
            key = (source, systems, actors, body)
            stored = parsed.get(key)
            if stored is None:
                stored = parsed[key] = stored_body(key)
            found[ref] = (
                article,
                stored,
                (dated, confidence, -ev_start),
                (kind, status, confidence, start, end, rank, ev_start, ev_end),
            )
    return found


Articles = tuple[dict[str, dict[str, Any]], dict[str, str]]
"""Articles as sources show them, and their texts, by id."""


def _articles(
    db: sqlite3.Connection, ids: set[str], parsed: dict[Any, Any], before: Articles | None = None
) -> Articles:
    """Each article as a source shows it, and its text (the events' sentences are slices of it:
    read once an article, not once an event). Those in ``before`` are not read again;
    ``before`` is left holding these."""
    found: dict[str, dict[str, Any]] = {}
    texts: dict[str, str] = {}
    if before is not None:
        known, known_texts = before
        for article_id in ids & known.keys():
            found[article_id], texts[article_id] = known[article_id], known_texts[article_id]
        ids = ids - found.keys()
        known.clear()
        known_texts.clear()
        known.update(found)
        known_texts.update(texts)
        found, texts = known, known_texts
    for chunk in _chunks(sorted(ids), 900):
        marks = ",".join("?" * len(chunk))
        for article_id, title, source, url, published, text in db.execute(
            f"SELECT id, title, source, url, published_json, text FROM articles WHERE id IN ({marks})", chunk
        ):
            date = parsed.get(published)
            if date is None:
                date = parsed[published] = json.loads(published)
            found[article_id] = {
                "article_id": article_id, "title": title, "source": source, "url": url, "published": date,
            }  # fmt: skip
            texts[article_id] = text
    return found, texts


def event_sentence(entry: dict[str, Any]) -> str:
    """The sentence that states an entry's event, whole (its ``summary`` is cut at 200
    characters): the first source's evidence, on one line."""
    for source in entry.get("sources", []):
        text = (source.get("evidence") or {}).get("text")
        if text:
            return " ".join(str(text).split())
    return str(entry["summary"])


def day_number(value: dt.date) -> int:
    return value.toordinal()
