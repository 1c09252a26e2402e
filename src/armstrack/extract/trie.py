"""Compile many aliases into one regular expression shaped as a prefix trie.

Python's ``re`` does not factor alternations: ``Patriot|PAC-3|Paladin|...`` tries every
branch at every position. Sharing prefixes ("p" → "a" → "t"/"l"/"c") lets the engine drop
a whole subtree after one character. Two more things keep the scan fast
(benchmarks/RESULTS.md has the figures):

* the pattern is case-sensitive and runs over a lower-cased copy of the text
  (``lowered``): IGNORECASE, or a lookbehind in front, stops ``re`` from skipping quickly
  over positions whose character starts no alias;
* the top level is a flat alternation of literal first characters, for the same reason;
* a ``\b`` in front (not a lookbehind, which does stop the skipping) passes over the
  middles of words: 4 KB of news took 123 µs to scan without it and 84 µs with it. An
  alias starting with a digit may also follow a letter ("and155mm"); those few aliases are
  looked for again in a second pattern, which skips along to their first digits. The
  finer checks of a match's start are done in Python, on the few matches found.

Matching rules, shared by every alias:

* case is ignored (callers re-check case where it matters);
* wherever the alias has a separator (space, hyphen, dash) or switches between letters
  and digits, the text may have one separator or none ("PAC-3" = "PAC 3" = "PAC3");
* an alias starting with a letter needs a non-word character before it; one starting with
  a digit only needs a non-digit ("and155mm" still yields "155mm");
* an alias ending in a letter may take a plural "s" and then needs a non-word character;
  one ending in a digit needs a non-digit after it ("F-16s", "M1A2" both work).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Iterable
from typing import Any

from armstrack.catalog import SEPARATORS

_SEP = object()  # a trie edge meaning "one optional separator"
_SEP_RE = f"[{re.escape(SEPARATORS)}]?"
_END = ""  # the key of a node's end-of-alias marker

Node = dict[object, "Node"]


def lowered(text: str) -> str:
    """``text`` in lower case, guaranteed the same length so offsets carry over."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)  # "İ" and friends


def _tokens(alias: str) -> list[object]:
    tokens: list[object] = []
    previous = ""
    for ch in alias.lower():
        if ch in SEPARATORS:
            if tokens and tokens[-1] is not _SEP:
                tokens.append(_SEP)
            previous = ""
            continue
        switches = previous.isalnum() and ch.isalnum() and previous.isdigit() != ch.isdigit()
        if switches and tokens[-1] is not _SEP:
            tokens.append(_SEP)
        tokens.append(ch)
        previous = ch
    while tokens and tokens[-1] is _SEP:
        tokens.pop()
    return tokens


def _boundary_after(last: str) -> str:
    if last.isdigit():
        return r"(?!\d)"
    if last.isalpha():
        return r"s?(?!\w)"
    return ""


def _emit(node: Node, last: str) -> str:
    branches: list[str] = []
    for token, child in node.items():
        if token == _END:
            continue
        if token is _SEP:
            branches.append(_SEP_RE + _emit(child, last))
        else:
            assert isinstance(token, str)
            branches.append(re.escape(token) + _emit(child, token))
    if _END in node:
        branches.append(_boundary_after(last))  # longer aliases are tried first
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def factored(
    words: Iterable[str],
    *,
    lower: bool = False,
    space: str | None = None,
    after: Callable[[str], str] | None = None,
) -> str:
    """``words`` as one alternation factored into a trie of their characters, the longer
    word first at every branch: the same matches as the plain alternation sorted longest
    first, but ``re`` tries one branch per position instead of every word. ``lower``
    lower-cases the words (for a case-blind pattern); ``space`` is what a space in a word
    stands for; ``after(word)`` is appended where a whole word ends (a lookahead)."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word.lower() if lower else word:
            node = node.setdefault(ch, {})
        node[_END] = word

    def emit(node: dict[str, Any]) -> str:
        branches = [
            (space if space is not None and ch == " " else re.escape(ch)) + emit(child)
            for ch, child in node.items()
            if ch != _END
        ]
        if _END in node:
            branches.append(after(node[_END]) if after is not None else "")  # tried after every longer word
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(root) if root else "(?!)"


class AliasTrie:
    """Find aliases in text under the rules above."""

    def __init__(self, aliases: Iterable[str]) -> None:
        root: Node = {}
        for alias in aliases:
            node = root
            for token in _tokens(alias):
                node = node.setdefault(token, {})
            if node is not root:
                node[_END] = {}
        # A flat top level: each branch starts with its literal first character.
        branches = {str(t): re.escape(str(t)) + _emit(child, str(t)) for t, child in root.items()}
        self.alternation = "|".join(branches.values())  # every alias, wherever it starts
        self.pattern = re.compile(rf"\b(?:{self.alternation})" if branches else r"(?!)")
        # Aliases starting with a digit, also where ``\b`` does not hold: right after a
        # letter ("and155mm"). No assertion in front, so the scan skips to their digits;
        # ``_starts_word`` then checks each find, as it does the main pattern's.
        glued = [branch for first, branch in branches.items() if first.isdigit()]
        self.glued = re.compile("|".join(glued)) if glued else None

    def spans(self, low: str) -> Generator[tuple[int, int], int | None, None]:
        """(start, end) of each alias in ``low`` (from ``lowered``), leftmost-longest.

        The caller may reject a span and ask again from ``start + 1`` by sending that
        position into the generator; by default the scan continues after the span.
        """
        search = self.pattern.search
        digits = self.glued.search if self.glued is not None else None
        digit_find = (
            digits(low) if digits is not None else None
        )  # the next digit-first alias: kept while ahead
        pos = 0
        while True:
            m = search(low, pos)
            if digit_find is not None and digits is not None:
                if digit_find.start() < pos:
                    digit_find = digits(low, pos)
                if digit_find is not None and (m is None or digit_find.start() < m.start()):
                    m = digit_find
            if m is None:
                return
            start, end = m.span()
            if start and not _starts_word(low, start):
                pos = start + 1
                continue
            resume = yield start, end
            pos = resume if resume is not None else end


def _starts_word(low: str, start: int) -> bool:
    before = low[start - 1]
    if low[start].isdigit():
        return not (before.isdigit() or before in ".,")
    return not (before.isalnum() or before == "_")
