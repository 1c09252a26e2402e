"""An event as the store keeps it: its row's columns, a compact body, and offsets into its
article's text.

The row already holds the kind, status, confidence, date (as day numbers and a precision
rank) and the evidence's start and end; the sentence is the article text between them; the
summary is made from the sentence. So the body keeps only the rest, and only what is not a
default: about 100 bytes where the whole Event as JSON is about 480. Reading commands
import this module on their quick path: no pydantic, no regular expressions.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from armstrack.models import Event

# Narrower first: the store's precision_rank (daterange.PRECISION_ORDER, checked by a test).
PRECISION_NAMES = (
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "half",
    "year",
    "decade",
    "century",
    "unknown",
)
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
    if event.summary != summarize(evidence.text):
        body["summary"] = event.summary
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def expand_event(
    body: str,
    kind: str,
    status: str,
    confidence: float,
    start_day: int | None,
    end_day: int | None,
    precision_rank: int,
    evidence: tuple[int, int],
    sentence: str,
) -> dict[str, Any]:
    """The contract's Event (plus ``inferred``) from a stored body, its row's columns and
    ``sentence``, the article text between the evidence's start and end."""
    stored: dict[str, Any] = json.loads(body)
    text = stored.get("text", sentence)
    get = stored.get
    return {
        "kind": kind,
        "date": None if start_day is None or end_day is None else _date(start_day, end_day, precision_rank),
        "date_source": get("date_source", "none"),
        "status": status,
        "systems": get("systems", []),
        "systems_by_reference": get("systems_by_reference", []),
        "actors": get("actors", []),
        "amounts": get("amounts", []),
        "amount": get("amount"),
        "summary": get("summary") or summarize(text),
        "evidence": {"text": text, "start": evidence[0], "end": evidence[1], "cut": get("cut", False)},
        "confidence": confidence,
        "package": get("package"),
        "inferred": get("inferred", False),
    }


@lru_cache(maxsize=4096)  # a timeline names a few thousand distinct days
def _iso(day: int) -> str:
    return dt.date.fromordinal(day).isoformat()


def _date(start_day: int, end_day: int, precision_rank: int) -> dict[str, str]:
    return {"start": _iso(start_day), "end": _iso(end_day), "precision": PRECISION_NAMES[precision_rank]}
