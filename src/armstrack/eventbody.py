"""An event as the store keeps it: its row's columns, a compact body, and offsets into its
article's text.

The row already holds the kind, status, confidence, date (as day numbers and a precision
rank) and the evidence's start and end; the sentence is the article text between them; the
summary is most often the sentence itself. So the body keeps only the rest, and only what
is not a default: about 100 bytes where the whole Event as JSON is about 480. Reading commands
import this module on their quick path: no pydantic.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from armstrack.daterange import PRECISION_ORDER

if TYPE_CHECKING:
    from armstrack.models import Event

# The store's precision_rank, narrower first, as names.
PRECISION_NAMES = tuple(sorted(PRECISION_ORDER, key=PRECISION_ORDER.__getitem__))
_LISTS = ("systems", "systems_by_reference", "actors", "amounts")
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


def event_body(text: str, event: Event, inferred: bool) -> str:
    """What of ``event`` (found in the article ``text``) its row and the text do not hold,
    as compact JSON. ``inferred``: does its date rest on an inferred publication date."""
    body: dict[str, Any] = {}
    if event.date_source != "none":
        body["date_source"] = event.date_source
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
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


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
