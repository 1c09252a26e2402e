"""The alias trie (extract/trie.py): its matching rules, and its fast scan (a word boundary
in the pattern, a second pattern for digits after letters) against the plain rule: the
alternation tried at every position, each find's start checked in Python."""

from __future__ import annotations

import random
import re
from collections.abc import Generator

import pytest

from armstrack.catalog import load_catalog
from armstrack.extract.trie import AliasTrie, _starts_word, lowered

ALIASES = [
    "PAC-3",
    "Patriot",
    "155mm",
    "155mm shell",
    "M1A2",
    "F-16",
    "HIMARS",
    "1st Brigade",
    "M777",
    "air defense",
]


def found(trie: AliasTrie, text: str) -> list[str]:
    low = lowered(text)
    return [text[start:end] for start, end in trie.spans(low)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PAC-3, PAC 3 and PAC3", ["PAC-3", "PAC 3", "PAC3"]),
        ("and155mm rounds", ["155mm"]),  # a digit may follow a letter
        ("x1155mm, 3.155mm, 2,155mm", []),  # not another digit, a decimal point or a comma
        ("_M777 and m777s", ["m777"]),  # a letter needs a non-word character before it
        ("F-16s and M1A2s", ["F-16", "M1A2"]),  # after a final digit, only a non-digit: no plural
        ("the 155mm shells", ["155mm shells"]),  # the longer alias, and its plural
        ("HIMARSX but HIMARS.", ["HIMARS"]),
        ("1st Brigade and air-defense", ["1st Brigade", "air-defense"]),
        ("Patriots", ["Patriots"]),
    ],
)
def test_matching_rules(text: str, expected: list[str]) -> None:
    assert found(AliasTrie(ALIASES), text) == expected


def plain_spans(trie: AliasTrie, low: str) -> Generator[tuple[int, int], int | None, None]:
    """The rule as first written: the whole alternation searched from each position, and
    a find that does not start a word passed over one character at a time."""
    pattern = re.compile(trie.alternation)
    pos = 0
    while (m := pattern.search(low, pos)) is not None:
        start, end = m.span()
        if start and not _starts_word(low, start):
            pos = start + 1
            continue
        resume = yield start, end
        pos = resume if resume is not None else end


def drive(spans: Generator[tuple[int, int], int | None, None], reject: set[int]) -> list[tuple[int, int]]:
    """Every span the scan yields, asking again from ``start + 1`` after those whose
    start is in ``reject`` (as the system tagger does with a find it turns down)."""
    out: list[tuple[int, int]] = []
    try:
        span = next(spans)
        while True:
            out.append(span)
            span = spans.send(span[0] + 1 if span[0] in reject else None)
    except StopIteration:
        return out


@pytest.mark.parametrize("source", ["catalog", "small"])
def test_the_fast_scan_finds_what_the_plain_rule_finds(source: str) -> None:
    aliases = [a for e in load_catalog().entries for a in e.aliases] if source == "catalog" else ALIASES
    trie = AliasTrie(aliases)
    rnd = random.Random(3)
    pieces = [*(a.lower() for a in aliases[:80]), "the", "and", "x", "9", "1", "²", "é", "s", "İ"]
    glue = ["", "", " ", " ", "-", "_", ".", ",", "x", "1", "²", "\n"]
    finds = 0
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) + rnd.choice(glue) for _ in range(rnd.randint(1, 12)))
        if rnd.random() < 0.5:
            text = text.upper()
        low = lowered(text)
        expected = drive(plain_spans(trie, low), set())
        assert drive(trie.spans(low), set()) == expected, text
        reject = {start for start, _ in expected[::2]}
        assert drive(trie.spans(low), reject) == drive(plain_spans(trie, low), reject), text
        finds += len(expected)
    assert finds > 3000
