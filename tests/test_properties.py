"""Property-based tests: any text gives a valid record whose every offset points into the
text, and the text at every offset is the item's recorded text (or, for a sentence too long
to carry whole, a bounded window of it); and the JSON grows linearly with the input."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from armstrack.errors import InputError
from armstrack.extract.pipeline import extract
from armstrack.loader import load_text
from armstrack.render import dumps
from armstrack.text import CONTEXT_SIDE, CONTEXT_STEP
from tests.sourced import LONGEST_FIND, check_sourced, spans

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
    check_sourced(body, data)
    for paragraph in record.paragraphs:
        assert 0 <= paragraph.start <= paragraph.end <= len(body)
    # No control character or escape survives loading (bidirectional marks may: they are
    # text in right-to-left writing, and are removed only on the way to a terminal).
    assert not any(c in body for c in "\x00\x1b\r\x9b\x07")


# The JSON of a record is at most this many characters per character of input (the text, the
# title, quotes and the finds themselves, with JSON escapes) plus this many per fact.
PER_INPUT_CHAR, PER_FACT, FIXED = 8, 2 * CONTEXT_SIDE + CONTEXT_STEP + LONGEST_FIND + 300, 2000


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(TEXTS, st.builds(lambda w, n: (w + " ") * n, st.sampled_from(WORDS), st.integers(400, 3000)))
)
def test_output_grows_linearly(text: str) -> None:
    """However the input is shaped (one endless sentence of facts above all), the JSON is at
    most a constant times the input plus a constant per fact: nothing is copied per fact."""
    try:
        record = extract(load_text(text))
    except InputError:
        return
    data = record.model_dump(mode="json")
    facts = sum(1 for _ in spans(data))
    size = len(dumps(record, indent=None))
    assert size <= PER_INPUT_CHAR * len(text) + PER_FACT * facts + FIXED, (size, len(text), facts)


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
