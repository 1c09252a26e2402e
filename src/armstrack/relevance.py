"""Is an article about arms for Ukraine? Asked before the full extraction of what a feed
brings, so that a football report on the Patriots or a javelin final is skipped, not
stored with a Patriot system in it.

An article is on topic when it names Ukraine (the country, Kyiv, its people or its
president) and either a catalog system in its military sense (systems.py checks each
name's context: "Patriot" beside "quarterback" is not the air defense system) or the words
of arms and aid ("weapons", "military aid", "air defense", "drawdown", …). The check is a
few substring scans of the lowered text; the system tagger runs only on a text that names
Ukraine, no arms words, and a word a system's name starts with, and then only on the
paragraphs that hold such a word. No dates, quotes or events.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from armstrack.extract.systems import default_tagger
from armstrack.extract.trie import lowered
from armstrack.text import Sentences

# Stems found by substring in the lowered text: a handful of C-speed scans, not a regex
# over every position (the alternation cost 120 µs per 4 KB of off-topic text).
_UKRAINE = ("ukrain", "kyiv", "kiev", "zelensk")
_ARMS = (
    "weapon", "missile", "munition", "artiller", "howitzer", "drawdown", "interceptor", "air defen",
    "military aid", "military assistance", "military support", "military package", "security assistance",
    "arms deliver", "arms package", "arms sale", "arms shipment", "arms transfer", "aid package",
    "rocket system", "armored vehicle", "armoured vehicle", "battle tank",
)  # fmt: skip
_WORD = re.compile(r"[a-z][a-z0-9-]*")
_LINE = re.compile(r"[^\n]+")
# Punctuation to spaces, so that str.split (C speed) gives the words: "javelins," → "javelins".
_SPACES = str.maketrans(dict.fromkeys(".,;:!?\"'()[]{}“”‘’«»/|—–…*", " "))


@cache
def _system_words() -> frozenset[str]:
    """Every word a system's name can start with (lowered): a text with none of them names
    no system, and the tagger need not run."""
    from armstrack.catalog import load_catalog

    words: set[str] = set()
    for entry in load_catalog().systems:
        for alias in entry.aliases:
            first = _WORD.findall(alias.lower())
            if first:
                words.update((first[0], first[0] + "s"))  # "Javelins"
    return frozenset(words)


def _lines_with(spaced: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """The (start, end) of each line of ``spaced`` that holds one of ``words`` as a word,
    in order, found by substring search (the lines are few, the text may be long)."""
    found: set[tuple[int, int]] = set()
    for word in words:
        at = spaced.find(word)
        while at != -1:
            end = at + len(word)
            if (at == 0 or spaced[at - 1].isspace()) and (end == len(spaced) or spaced[end].isspace()):
                lo = spaced.rfind("\n", 0, at) + 1
                hi = spaced.find("\n", end)
                hi = len(spaced) if hi == -1 else hi
                found.add((lo, hi))
                at = spaced.find(word, hi)
            else:
                at = spaced.find(word, end)
    return sorted(found)


@dataclass(frozen=True, slots=True)
class Relevance:
    on_topic: bool
    reason: str  # for the summary and --verbose: what decided it


def relevance(text: str) -> Relevance:
    """Whether ``text`` is about arms for Ukraine, and why."""
    low = lowered(text)  # the same length as the text: offsets in one are offsets in the other
    if not any(stem in low for stem in _UKRAINE):
        return Relevance(False, "does not name Ukraine")
    if any(stem in low for stem in _ARMS):
        return Relevance(True, "names Ukraine and arms or aid")
    spaced = low.translate(_SPACES)
    candidates = _system_words().intersection(spaced.split())
    if not candidates:
        return Relevance(False, "names Ukraine but no weapons or aid")
    # Only the lines (paragraphs) that hold such a word can name a system, and a system's
    # context is read within its sentence: the tagger reads those lines only.
    text = "\n".join(text[lo:hi] for lo, hi in _lines_with(spaced, candidates))
    paragraphs = [m.span() for m in _LINE.finditer(text)]  # a line is a paragraph: no sentence crosses it
    sentences = Sentences.split(text, paragraphs)
    named = [hit.entry.name for hit in default_tagger().hits(text, sentences) if not hit.entry.is_category]
    if named:
        return Relevance(True, f"names Ukraine and {named[0]}")
    return Relevance(False, "names Ukraine but no weapons or aid")
