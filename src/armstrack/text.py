"""Sentence spans over an article's cleaned text.

Extractors need "the sentence this mention stands in" for every fact. The split is
computed once per article (``Sentences``) and looked up by offset with bisect, so
every extractor shares one pass.

The rule: a sentence ends at ``.``, ``!`` or ``?`` (plus any closing quotes or
brackets) followed by whitespace and a capital, a digit or an opening quote, unless
the word before the stop is a known abbreviation ("Gen.", "Sept.", "U.S.") or a
single capital initial ("John F. Kirby"). A paragraph break always ends a sentence.

What a fact carries of its sentence is bounded (``context_bounds``): the whole sentence
when it is at most ``CONTEXT_WHOLE`` characters, as nearly every sentence of news is, else
a window of whole words around the find, with ``…`` where cut. The offsets stay the full
sentence's. Without the bound, a hostile text of one endless sentence would be copied once
per fact in it: output quadratic in the input.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from armstrack.models import Context

CONTEXT_WHOLE = 300  # a sentence up to this long is carried whole (99% of news sentences)
CONTEXT_STEP = 50  # from a longer one: finds that start in one such stretch share a window,
CONTEXT_SIDE = 75  # which reaches this many characters beyond the stretch on either side
CUT_MARK = "…"

# Words that end in a period without ending a sentence. Lower-cased, no period.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sen rep gov gen lt col maj capt cmdr adm sgt cpl pvt brig ret
    st mt ft no nos vol fig inc corp co ltd jr sr vs etc approx est dept univ
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n e.u a.m p.m i.e e.g d.c
    """.split()
)

# Ukraine named, in lower-cased text: what a pause, a sale or a delivery must be about.
UKRAINE = re.compile(r"\b(?:ukrain\w*|kyiv|kiev)\b")
# After a package or its sum, in lower-cased text: its announcement is still to come ("the
# $800 million package set to be announced on Friday", "a new aid package that will be
# announced", "a package, which is expected to be unveiled"); not "was expected to be": it
# may have been since.
ANNOUNCED_LATER = re.compile(
    r"(?:[\s,]+(?!(?:and|but|was|were|had|has|announced|unveiled)\b)[\w-]+){0,4}?,?\s+"
    r"(?:(?:that|which)\s+)?(?:is\s+|are\s+)?(?:will\s+be|(?:set|expected|due|slated|scheduled|poised|going)\s+to\s+be)"
    r"\s+(?:\w+ly\s+)?(?:announc|unveil)"
)
_BOUNDARY = re.compile(
    r"""[.!?](?<![.!?][.!?])[.!?]*["”“»’)\]]*   # the stop (from its first character) and what closes after it
        (?=\s+["“„«‘(\[]?[A-Z0-9]  # then space and what starts a sentence
        |(?<=[a-z]{3}[.!?])[A-Z][a-z]{2})  # or, glued by a scrape, a word's end and a capitalised word ("drones.Zelensky")
    """,
    re.VERBOSE,
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


@dataclass(frozen=True, slots=True)
class Sentences:
    """The sentences of one text, as parallel lists of starts and ends."""

    text: str
    starts: list[int]
    ends: list[int]
    _contexts: dict[tuple[int, int], Context] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def split(cls, text: str, paragraphs: list[tuple[int, int]]) -> Sentences:
        starts: list[int] = []
        ends: list[int] = []
        for p_start, p_end in paragraphs:
            start = p_start
            for m in _BOUNDARY.finditer(text, p_start, p_end):
                if _is_abbreviation(text, m.start(), p_start):
                    continue
                ends_at = m.end()
                starts.append(start)
                ends.append(ends_at)
                start = _skip_space(text, ends_at, p_end)
            if start < p_end:
                starts.append(start)
                ends.append(p_end)
        return cls(text, starts, ends)

    def index_at(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (the one before it, between sentences)."""
        i = bisect_right(self.starts, offset) - 1
        return i if i > 0 else 0  # not max(): a builtin call costs more, and this is asked often

    def context(self, start: int, end: int) -> Context:
        """The sentence a find at ``start``..``end`` stands in, as much of it as the find
        carries (``context_bounds``): one shared object per short sentence, and per window
        of a long one."""
        if not self.starts:
            from armstrack.models import Context

            return Context(text="", start=0, end=0)
        i = bisect_right(self.starts, start) - 1  # index_at, inlined: a find's every fact asks
        if i < 0:
            i = 0
        s_start, s_end = self.starts[i], self.ends[i]
        if s_end - s_start <= CONTEXT_WHOLE:  # context_bounds' answer for a short sentence
            lo, hi = s_start, s_end
        else:
            lo, hi = context_bounds(self.text, s_start, s_end, start, end)
        shared = self._contexts.get((lo, hi))
        if shared is None:
            from armstrack.models import Context

            text = context_text(self.text, s_start, s_end, lo, hi)
            shared = self._contexts[lo, hi] = Context(
                text=text, start=s_start, end=s_end, cut=(lo, hi) != (s_start, s_end)
            )
        return shared

    def bounds_at(self, offset: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``offset``."""
        if not self.starts:
            return 0, 0
        i = self.index_at(offset)
        return self.starts[i], self.ends[i]

    def __len__(self) -> int:
        return len(self.starts)


def context_bounds(text: str, s_start: int, s_end: int, start: int, end: int) -> tuple[int, int]:
    """The part of the sentence ``s_start``..``s_end`` that a find at ``start``..``end``
    carries: all of it up to ``CONTEXT_WHOLE`` characters; from a longer sentence, the whole
    words of the ``CONTEXT_STEP``-character stretch the find starts in and of
    ``CONTEXT_SIDE`` characters either side of it (about 200 characters, never cutting into
    the find). Finds close together get the same window, so one copy serves them all."""
    if s_end - s_start <= CONTEXT_WHOLE:
        return s_start, s_end
    start, end = max(start, s_start), min(max(end, start), s_end)
    stretch = s_start + (start - s_start) // CONTEXT_STEP * CONTEXT_STEP
    lo = max(s_start, stretch - CONTEXT_SIDE)
    hi = min(s_end, max(end, stretch + CONTEXT_STEP + CONTEXT_SIDE))
    if lo > s_start and not text[lo - 1].isspace():
        while lo < start and not text[lo].isspace():  # drop the word the window cuts
            lo += 1
    while lo < start and text[lo].isspace():
        lo += 1
    if hi < s_end and not text[hi].isspace():
        while hi > end and not text[hi - 1].isspace():
            hi -= 1
    while hi > end and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def context_text(text: str, s_start: int, s_end: int, lo: int, hi: int) -> str:
    """``text[lo:hi]``, with ``CUT_MARK`` on each side where it is not the sentence's end."""
    return (CUT_MARK if lo > s_start else "") + text[lo:hi] + (CUT_MARK if hi < s_end else "")


def _is_abbreviation(text: str, stop: int, floor: int) -> bool:
    if text[stop] != ".":
        return False
    m = _WORD_BEFORE.search(text, max(floor, stop - 12), stop + 1)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():  # an initial: "John F. Kirby"
        return True
    return word.lower() in ABBREVIATIONS


def _skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i


class SpanIndex:
    """Spans (start, end) that do not nest, asked whether one of them holds a range: one
    bisect per question, for the filters that drop what falls inside another find."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [start for start, _ in self._spans]

    def holds(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, start) - 1
        return i >= 0 and end <= self._spans[i][1]


_WORDS = re.compile(r"[A-Za-z][\w'’-]*")
_SMALL_WORDS = frozenset("a an and as at but by for in nor of on or the to up via vs".split())


_HEADLINE_LONGEST = 250  # characters: a longer line is body text


def in_headline_case(text: str, offset: int) -> bool:
    """Is ``offset`` in a line written in headline case (most of its words capitalised)? A
    line longer than a headline is body text, and is never scanned whole for each name."""
    lo = text.rfind("\n", max(0, offset - _HEADLINE_LONGEST), offset) + 1
    hi = text.find("\n", offset, offset + _HEADLINE_LONGEST)
    if hi == -1:
        hi = len(text)
    if hi - lo > _HEADLINE_LONGEST or (lo == 0 and offset > _HEADLINE_LONGEST):
        return False
    words = [w for w in _WORDS.findall(text, lo, hi) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
