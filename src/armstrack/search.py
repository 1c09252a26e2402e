"""``armstrack search``: articles matching every filter, with what matched in each.

Works on records as the JSON contract's plain dicts, of which it reads only a few fields
(``record_reader``), so the command reads, filters and prints without pydantic;
``query.SearchHit`` is the contract.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from armstrack.eventrows import query_pattern

# What ``hits`` reads of a record: the rest of it (every fact's sentence, the time
# expressions, the events: most of its 50 KB of JSON) is passed over by the parser.
READS = ("id", "title", "source", "url", "published", "text", "paragraphs", "systems")


def reader_for(records: int) -> Callable[[bytes], dict[str, Any]]:
    """How to read ``records`` stored records' JSON: ``record_reader`` when there are enough
    of them to pay for its import (about 25 ms, a millisecond saved a record), else whole."""
    return record_reader() if records >= _PARTIAL_FROM else json.loads


_PARTIAL_FROM = 25  # records


@lru_cache(maxsize=1)
def record_reader() -> Callable[[bytes], dict[str, Any]]:
    """A stored record's JSON to the dict ``hits`` reads: the fields it reads (``READS``),
    and each actor's id, the same values ``json.loads`` gives, in about a third of the time
    (pydantic-core's parser builds no objects for what it passes over)."""
    from pydantic_core import SchemaValidator
    from pydantic_core import core_schema as cs

    def whole() -> cs.TypedDictField:  # as stored; a field a record lacks stays out, as json.loads leaves it
        return cs.typed_dict_field(cs.any_schema(), required=False)

    actor = cs.typed_dict_schema({"id": whole()}, extra_behavior="ignore")
    fields = {name: whole() for name in READS} | {
        "actors": cs.typed_dict_field(cs.list_schema(actor), required=False)
    }
    validator = SchemaValidator(cs.typed_dict_schema(fields, extra_behavior="ignore"))
    return validator.validate_json


def hits(
    records: Iterable[dict[str, Any]],
    *,
    systems: Sequence[str] = (),
    query: str | None = None,
    actors: set[str] | None = None,
) -> Iterator[dict[str, Any]]:
    """One hit per record that names one of ``systems`` (when given), holds every word of
    ``query`` and names one of ``actors`` (ids, when given). ``matches`` lists the system
    mentions and the query's words, in text order, each with its sentence. Made as the
    records come: a hit keeps none of its record."""
    every_word = query_pattern(query) if query else None
    any_word = re.compile("|".join(re.escape(w) for w in query.split()), re.IGNORECASE) if query else None
    for record in records:
        text = record["text"]
        if every_word is not None and not every_word.search(text + " " + record["title"]):
            continue
        named = [s for s in record["systems"] if not systems or s["id"] in systems]
        if systems and not named:
            continue
        if actors and not actors & {a["id"] for a in record["actors"]}:
            continue
        matches = [m for s in named for m in s["mentions"]] if systems else []
        if any_word is not None:
            matches += _word_matches(record, any_word)
        matches.sort(key=lambda m: m["start"])
        yield {
            "article_id": record["id"], "title": record["title"], "source": record["source"],
            "url": record["url"], "published": record["published"],
            "systems": [s["id"] for s in record["systems"]], "matches": matches,
        }  # fmt: skip


def _word_matches(record: dict[str, Any], pattern: re.Pattern[str]) -> list[dict[str, Any]]:
    from armstrack.text import Sentences, context_bounds, context_text

    text = record["text"]
    sentences = Sentences.split(text, [(p["start"], p["end"]) for p in record["paragraphs"]])
    out = []
    for m in pattern.finditer(text):
        if m.start() > 0 and text[m.start() - 1].isalnum():
            continue  # words are matched from their start
        s_start, s_end = sentences.bounds_at(m.start())
        lo, hi = context_bounds(text, s_start, s_end, m.start(), m.end())
        sentence = {"text": context_text(text, s_start, s_end, lo, hi), "start": s_start, "end": s_end}
        out.append(
            {
                "text": m.group(),
                "start": m.start(),
                "end": m.end(),
                "sentence": {**sentence, "cut": (lo, hi) != (s_start, s_end)},
            }
        )
    return out
