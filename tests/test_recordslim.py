"""A stored record leaves out its copies of the article's text and gets every one back
(recordslim.py): whatever the text, ``expand(slim(json))`` is the JSON byte for byte,
``fill`` gives the same values from what is parsed, and what is not a copy of the text stays."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from pydantic_core import to_json

from armstrack.models import Context, Quote
from armstrack.recordslim import expand, fill, slim
from tests.conftest import extract_text
from tests.test_properties import DATES, TEXTS

TEXT = (
    "WASHINGTON (Wire) - The Pentagon said on Tuesday it would send Ukraine a $275 million package "
    'including HIMARS rockets and 155mm shells. "We will keep going," Defense Secretary Lloyd Austin '
    "told reporters, adding that a C:\\path\\to\\nowhere was\tno plan. “Patriot batteries arrive by June,” "
    "Austin said.\n\nGermany said it would deliver a second Patriot battery by June 🚀, while Washington "
    "kept its limits on ATACMS strikes inside Russia \u2028 and NASAMS deliveries went on."
)


def test_a_record_comes_back_byte_for_byte_and_its_sentences_are_left_out() -> None:
    record = extract_text(TEXT, "2025-03-04")
    raw = to_json(record)
    slimmed = slim(raw, record.text)
    assert expand(slimmed, record.text) == raw
    assert fill(json.loads(slimmed), record.text) == json.loads(raw)
    assert len(raw) - len(slimmed) > 4 * len(record.text)  # the text and at least three copies more
    stored = json.loads(slimmed)
    assert stored["text"] == 0
    mentions = [m for s in stored["systems"] for m in s["mentions"]]
    assert mentions and all(m["text"] == 0 and m["sentence"]["text"] == 0 for m in mentions)
    assert stored["quotes"] and all(q["text"] == 0 for q in stored["quotes"])
    # A summary is left out when it is its sentence; one with its spaces tidied stays.
    left_out = [e["summary"] == 0 for e in stored["events"]]
    assert (
        left_out == [e.summary == e.evidence.text for e in record.events]
        and True in left_out
        and False in left_out
    )


def test_what_is_not_a_copy_of_the_text_stays() -> None:
    """A quote that is no span of the text, a long sentence's window, a summary that is not
    the sentence, and a title that spells out the stored form itself are kept as they are."""
    record = extract_text(TEXT, "2025-03-04")
    title = 'A title with "text":0,"start":0,"end":9 and "summary":0,"evidence":{"text":0,"start":1,"end":2'
    quote = record.quotes[0]
    windowed = record.events[0].evidence.model_copy(update={"text": "… a window …", "cut": True})
    changed = record.model_copy(
        update={
            "title": title,
            "quotes": [
                Quote(text="words never in the text", start=quote.start, end=quote.end),
                *record.quotes[1:],
            ],
            "events": [
                record.events[0].model_copy(update={"evidence": windowed}),
                record.events[1].model_copy(update={"summary": "Not the sentence"}),
                *record.events[2:],
            ],
        }
    )
    raw = to_json(changed)
    slimmed = slim(raw, changed.text)
    assert expand(slimmed, changed.text) == raw
    assert fill(json.loads(slimmed), changed.text) == json.loads(raw)
    stored = json.loads(slimmed)
    assert stored["title"] == title
    assert stored["quotes"][0]["text"] == "words never in the text"
    assert Context.model_validate(stored["events"][0]["evidence"]).text == "… a window …"
    assert stored["events"][0]["summary"] == record.events[0].summary
    assert (
        stored["events"][1]["summary"] == "Not the sentence" and stored["events"][1]["evidence"]["text"] == 0
    )


def test_a_record_of_another_text_is_left_whole() -> None:
    """Offsets that point at other words are no copy: nothing is left out."""
    record = extract_text(TEXT, "2025-03-04")
    raw = to_json(record)
    other = "x" * len(TEXT)
    assert slim(raw, other) == raw


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, published=DATES)
def test_any_text_comes_back_byte_for_byte(text: str, published: str | None) -> None:
    """Control characters, escapes, quotes of every kind, characters beyond the BMP, line
    separators, sentences long enough to be cut."""
    from armstrack.errors import InputError

    try:
        record = extract_text(text, published)
    except InputError:
        return
    raw = to_json(record)
    slimmed = slim(raw, record.text)
    assert expand(slimmed, record.text) == raw
    assert fill(json.loads(slimmed), record.text) == json.loads(raw)
