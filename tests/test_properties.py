"""Property-based tests: any text gives a valid record whose every offset points into the
text, and the text at every offset is the item's recorded text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from armstrack.errors import InputError
from armstrack.extract.pipeline import extract
from armstrack.loader import load_text

# Words that wake every extractor: systems, money, counts, dates, titles, quotes, triggers.
WORDS = [
    "Patriot", "NASAMS", "HIMARS", "ATACMS", "Javelin", "F-16", "MIM-104", "PAC-3", "155mm", "$1.5 billion",
    "$300 million", "20%", "two", "dozens of", "a finite number", "on Tuesday", "June 20", "2024", "last month",
    "next week", "in early June", "Sept. 28", "Q3", "spring", "Pentagon", "Lloyd Austin", "Secretary",
    "Gen.", "said", "told", "according to", "“", "”", '"', "'", "‘", "’", "(", ")", "[", "]", ".", ",", ";",
    "\n", "\n\n", " ", "delivered", "paused", "approved", "package", "strike", "inside Russia", "Ukraine",
    "Kyiv", "Zelenskyy", "U.S.", "officials", "a senior defense official", "Mr.", "Dr.", "—", "…",
]  # fmt: skip
HOSTILE = ["\x00", "\x1b[2J", "\x1b]0;x\x07", "\r", "\u202e", "\x9b", "\ufeff", "\u2028", "\t", "\x0c"]

article_like = st.lists(st.sampled_from(WORDS + HOSTILE), min_size=1, max_size=120).map(" ".join)
anything = st.text(min_size=1, max_size=3000)
quotes_only = st.text(alphabet="“”\"'‘’«»", min_size=1, max_size=500)
brackets = st.text(alphabet="()[]{}<>“” .", min_size=1, max_size=500)
no_punctuation = st.text(
    alphabet=st.characters(categories=["Lu", "Ll", "Nd", "Zs"]), min_size=1, max_size=2000
)
long_line = st.builds(lambda w, n: (w + " ") * n, st.sampled_from(WORDS), st.integers(1, 400))
TEXTS = st.one_of(article_like, anything, quotes_only, brackets, no_punctuation, long_line)
DATES = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))


def spans(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object in the record with a start, an end and (usually) its text."""
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
            yield path, node
        for key, value in node.items():
            yield from spans(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from spans(value, f"{path}[{i}]")


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, DATES)
def test_any_text_gives_a_sourced_record(text: str, published: str | None) -> None:
    try:
        article = load_text(text, published=published)
    except InputError:
        return  # empty or unusable input is refused with a clear error, which is allowed
    record = extract(article)
    data = record.model_dump(mode="json")
    body = record.text
    for path, item in spans(data):
        assert 0 <= item["start"] <= item["end"] <= len(body), path
        if "text" in item:
            assert body[item["start"] : item["end"]] == item["text"], path
    for paragraph in record.paragraphs:
        assert 0 <= paragraph.start <= paragraph.end <= len(body)
    # No control character or escape survives loading (bidirectional marks may: they are
    # text in right-to-left writing, and are removed only on the way to a terminal).
    assert not any(c in body for c in "\x00\x1b\r\x9b\x07")


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_loading_is_stable(text: str) -> None:
    """The same text twice is the same article (the id is what makes ingest idempotent)."""
    try:
        first = load_text(text)
    except InputError:
        return
    again = load_text(text)
    assert (first.id, first.text, first.title) == (again.id, again.text, again.title)
