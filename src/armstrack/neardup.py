"""Near-duplicates: the same story with a different headline, a wire credit added or a
paragraph trimmed (a syndicated copy, an updated page) is one article.

Each text gets a bottom-k MinHash sketch: the ``SKETCH`` smallest hashes of its shingles
(runs of five words, case and punctuation folded). Two texts' Jaccard similarity is
estimated from their sketches alone (Broder 1997): of the ``SKETCH`` smallest hashes of
both sketches together, the share that is in both. Texts at or above ``THRESHOLD`` are one
story. 0.7 was chosen on texts of our own (tests/test_duplicates.py): a wire story and its
syndicated copy with a new headline and a credit line score 0.86; the story updated with two
paragraphs added to five, 0.81; a rival outlet's own report of the same announcement, which
shares one quote, 0.0.

The store finds candidates by the ``KEYS`` smallest hashes (two texts of similarity J share
each with probability about J), skipping a hash so many stored texts share that it is
boilerplate (writes.candidates), and checks each with the whole sketch: a few bounded
indexed lookups per article, whatever the store's size.

A hand-written sketch rather than datasketch: this is forty lines, and that library brings
numpy and scipy to a command that starts in a fraction of a second.
"""

from __future__ import annotations

import re
import zlib
from array import array
from collections.abc import Iterable
from itertools import accumulate

SHINGLE = 5  # words
SKETCH = 64  # hashes kept per text
KEYS = 4  # of them, looked up in the store
THRESHOLD = 0.7
MIN_SHINGLES = 20  # a shorter text (a headline, a brief) is too short to judge this way

_WORD = re.compile(r"\w+")


def sketch(text: str) -> tuple[int, ...]:
    """The text's sketch: its smallest shingle hashes, in increasing order; () when the text
    is too short to have one."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE + MIN_SHINGLES - 1:
        return ()
    # Each shingle's bytes are a slice of the words joined once: the same bytes as joining
    # and encoding its five words (a shingle is hashed ~600 times an article, at ingest).
    joined = " ".join(words)
    data = joined.encode("utf-8")
    sizes = (
        (len(w) + 1 for w in words)
        if len(data) == len(joined)
        else (len(w.encode("utf-8")) + 1 for w in words)
    )
    starts = [0, *accumulate(sizes)]  # where each word starts; shingle i ends one before word i + SHINGLE
    crc32 = zlib.crc32
    hashes = {crc32(data[starts[i] : starts[i + SHINGLE] - 1]) for i in range(len(words) - SHINGLE + 1)}
    return tuple(sorted(hashes)[:SKETCH])


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """The estimated Jaccard similarity of the two texts the sketches were made from."""
    if not a or not b:
        return 0.0
    k = min(SKETCH, len(a), len(b))
    # Sketches are sorted, so the k smallest of the union are among the first k of each:
    # a sort of at most 2k numbers in C rather than a heap over both sets in Python.
    union = sorted(set(a[:k]).union(b[:k]))[:k]
    return len(set(a).intersection(b).intersection(union)) / k


def closest(mine: tuple[int, ...], candidates: Iterable[tuple[str, tuple[int, ...]]]) -> str | None:
    """The key of the candidate whose sketch is most similar to ``mine`` (of equals, the
    greatest key: the choice does not depend on the order they come in), if its
    similarity is at least ``THRESHOLD``. A candidate that shares too few hashes with
    ``mine`` to reach it (the share of the union's smallest in both is at most the shared
    count over k) is passed over by one set intersection: a store's candidates share a key
    with the text, most of them only boilerplate."""
    if not mine:
        return None
    mine_set = frozenset(mine)
    scored = []
    for key, theirs in candidates:
        k = min(SKETCH, len(mine), len(theirs))
        if not k or len(mine_set.intersection(theirs)) < THRESHOLD * k:
            continue
        score = similarity(mine, theirs)
        if score >= THRESHOLD:
            scored.append((score, key))
    return max(scored)[1] if scored else None


def pack(values: tuple[int, ...]) -> bytes:
    return array("I", values).tobytes()


def unpack(data: bytes) -> tuple[int, ...]:
    values = array("I")
    values.frombytes(data)
    return tuple(values)
