"""An event as the store keeps it: its row's columns, a compact body, and offsets into its
article's text.

The row already holds the kind, status, confidence, date (as day numbers and a precision
rank) and the evidence's start and end; the sentence is the article text between them; the
summary is most often the sentence itself. So the row also keeps the date's source, the
systems and the actors, and a JSON body only the rest, only what is not a default (most
events have none): about 40 bytes where the whole Event as JSON is about 480. Reading
commands import this module on their quick path: no pydantic.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from armstrack.daterange import PRECISION_ORDER

if TYPE_CHECKING:
    from armstrack.models import Event

# The store's precision_rank, narrower first, as names.
PRECISION_NAMES = tuple(sorted(PRECISION_ORDER, key=PRECISION_ORDER.__getitem__))
_LISTS = ("systems_by_reference", "amounts")  # systems and actors: columns of their own
_SUMMARY_LENGTH = 200  # characters: an event's summary is its sentence, cut to one line of this


def summarize(sentence: str) -> str:
    """The sentence on one line, cut at a word boundary: words from the text, none invented."""
    if (
        len(sentence) <= _SUMMARY_LENGTH
        and sentence.isprintable()  # no whitespace but the plain space (every other is a separator)
        and "  " not in sentence
        and sentence[:1] != " "
        and sentence[-1:] != " "
    ):
        return sentence  # already one line of single spaces (the loader's usual output): as is
    line = " ".join(sentence.split())
    if len(line) <= _SUMMARY_LENGTH:
        return line
    cut = line.rfind(" ", 0, _SUMMARY_LENGTH - 1)
    return line[: cut if cut > 0 else _SUMMARY_LENGTH - 1].rstrip(",;:") + "…"


Columns = tuple[str | None, str | None, str | None, str | None]
"""An event's stored columns besides its row's: the date's source (null: none), its systems
and its actors (JSON lists, null when none) and its body (JSON of the rest, null when empty)."""


def event_columns(text: str, event: Event, inferred: bool) -> Columns:
    """What of ``event`` (found in the article ``text``) its row and the text do not hold:
    the date's source, its systems and actors as columns of their own (nearly every event
    has them: as JSON keys they cost 40 bytes an event), the rest as compact JSON, only
    what is not a default. ``inferred``: does its date rest on an inferred publication date."""
    body: dict[str, Any] = {}
    if inferred:
        body["inferred"] = True
    for name in _LISTS:
        if values := getattr(event, name):
            body[name] = values
    if event.amount is not None:
        body["amount"] = event.amount.model_dump(mode="json")
    if event.package is not None:
        body["package"] = event.package.model_dump(mode="json")
    evidence = event.evidence
    if evidence.cut or evidence.text != text[evidence.start : evidence.end]:
        body["text"] = evidence.text  # a window of an endless sentence: kept as shown
        if evidence.cut:
            body["cut"] = True
    if event.summary != evidence.text:  # cut to one line (SQL views read it: kept as made)
        body["summary"] = event.summary
    return (
        None if event.date_source == "none" else event.date_source,
        json_strings(event.systems) if event.systems else None,
        json_strings(event.actors) if event.actors else None,
        _json(body) if body else None,
    )


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


_ESCAPED = re.compile(r'[\x00-\x1f"\\]')  # what json.dumps escapes when ensure_ascii is off


def json_strings(values: list[str]) -> str:
    """``_json(values)`` for a list of strings, written out directly when none needs an
    escape (ids always): two lists an event, 30 events an article, and json.dumps costs
    4 µs a call."""
    if _ESCAPED.search("".join(values)):  # one character class: in any value iff in them joined
        return _json(values)
    return '["' + '","'.join(values) + '"]'


def stored_body(columns: Columns) -> dict[str, Any]:
    """The stored event's own values as one dict (what ``expand_event`` reads) from its
    columns (``event_columns``)."""
    date_source, systems, actors, body = columns
    stored: dict[str, Any] = json.loads(body) if body else {}
    if date_source is not None:
        stored["date_source"] = date_source
    if systems:
        stored["systems"] = json.loads(systems)
    if actors:
        stored["actors"] = json.loads(actors)
    return stored


Row = tuple[str, str, float, int | None, int | None, int, int, int]
"""An event's columns as read: kind, status, confidence, start and end day, precision rank,
evidence start and end (its sentence is the article text between them)."""


def expand_event(stored: dict[str, Any], row: Row, text: str) -> dict[str, Any]:
    """The contract's Event (plus ``inferred``) from a stored body (parsed), its row and its
    article's ``text``."""
    kind, status, confidence, start_day, end_day, rank, _, _ = row
    get = stored.get
    evidence = evidence_of(stored, row, text)
    return {
        "kind": kind,
        "date": date_of(start_day, end_day, rank),
        "date_source": get("date_source", "none"),
        "status": status,
        "systems": get("systems", []),
        "systems_by_reference": get("systems_by_reference", []),
        "actors": get("actors", []),
        "amounts": get("amounts", []),
        "amount": get("amount"),
        "summary": summary_of(stored, evidence["text"]),
        "evidence": evidence,
        "confidence": confidence,
        "package": get("package"),
        "inferred": get("inferred", False),
    }


def evidence_of(stored: dict[str, Any], row: Row, text: str) -> dict[str, Any]:
    """The event's evidence: its sentence, sliced from its article's ``text`` (or the window
    stored of an endless one), and its offsets."""
    start, end = row[6], row[7]
    sentence = stored["text"] if "text" in stored else text[start:end]
    return {"text": sentence, "start": start, "end": end, "cut": stored.get("cut", False)}


def summary_of(stored: dict[str, Any], text: str) -> str:
    """The stored summary, or, when none is stored, the one the sentence ``text`` makes: the
    sentence itself (a summary is stored whenever it is not the sentence as written)."""
    summary = stored.get("summary")
    return summary if summary is not None else summarize(text)


@lru_cache(maxsize=4096)  # a timeline names a few thousand distinct days
def _iso(day: int) -> str:
    return dt.date.fromordinal(day).isoformat()


def date_of(start_day: int | None, end_day: int | None, precision_rank: int) -> dict[str, str] | None:
    """An event's date from its row's day numbers and precision rank (None when undated)."""
    if start_day is None or end_day is None:
        return None
    return {"start": _iso(start_day), "end": _iso(end_day), "precision": PRECISION_NAMES[precision_rank]}
