"""Systems an event names by reference: "the missiles", "these weapons", "the vehicles".

Reporting names a system once and then refers back to it: "The Pentagon halted shipments of
Patriot interceptors. The missiles were needed at home." An event whose sentence names no
system but holds a definite reference (the, these, those, such + up to two words + a weapon
noun) takes the nearest system named before it that fits the noun ("the vehicles" fits a
Bradley, not a Patriot; "the weapons" fits anything).

How far it reaches: back to the start of the paragraph two before the event's (news
paragraphs are a sentence or two) and never more than three sentences. A reference with
no fitting system in reach adds nothing. Such systems are listed in the event's
``systems_by_reference`` as well as in ``systems``, so a reader can tell them apart.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from armstrack.extract.systems import Hit
from armstrack.text import Sentences

_ANY = frozenset(
    {"air_defense", "aircraft", "anti_armor", "drone", "fires", "munition", "naval", "sensor", "vehicle"}
)
_MISSILES = frozenset({"air_defense", "fires", "anti_armor", "munition", "naval"})
# A weapon noun and the catalog categories of the systems it can refer back to.
_FITS: dict[str, frozenset[str]] = {
    "weapon": _ANY, "weapons": _ANY, "arms": _ANY, "equipment": _ANY, "system": _ANY, "systems": _ANY,
    "missile": _MISSILES, "missiles": _MISSILES,
    "rockets": frozenset({"fires", "munition"}), "launchers": frozenset({"fires", "air_defense"}),
    "interceptors": frozenset({"air_defense", "munition"}), "batteries": frozenset({"air_defense"}),
    "battery": frozenset({"air_defense"}),
    "vehicles": frozenset({"vehicle"}), "vehicle": frozenset({"vehicle"}), "tanks": frozenset({"vehicle"}),
    "carriers": frozenset({"vehicle"}),
    "jets": frozenset({"aircraft"}), "aircraft": frozenset({"aircraft"}), "planes": frozenset({"aircraft"}),
    "fighters": frozenset({"aircraft"}), "drones": frozenset({"drone"}),
    "munitions": frozenset({"munition"}), "rounds": frozenset({"munition"}), "shells": frozenset({"munition"}),
    "ammunition": frozenset({"munition"}), "howitzers": frozenset({"fires"}), "guns": frozenset({"fires"}),
}  # fmt: skip


def _noun_pattern(nouns: list[str]) -> re.Pattern[str]:
    """The nouns grouped by first letter: a word that starts with none of them fails at once."""
    by_first: dict[str, list[str]] = {}
    for noun in sorted(nouns, key=len, reverse=True):
        by_first.setdefault(noun[0], []).append(re.escape(noun[1:]))
    return re.compile(r"\b(?:" + "|".join(f"{k}(?:{'|'.join(v)})" for k, v in by_first.items()) + r")\b")


# Nouns first (rarer than "the"), then the determiner in the two or three words before.
_NOUN = _noun_pattern(list(_FITS))
_DETERMINERS = frozenset({"the", "these", "those", "such"})
_NOT_MODIFIERS = frozenset({"of", "for", "to", "in", "on", "with", "and", "or", "from", "by", "at", "as"})


def _definite(before: list[str]) -> bool:
    """Do the (up to three) words before a noun open a definite noun phrase that ends with it:
    a determiner followed only by modifiers ("the infantry fighting", not "the delivery of")?"""
    for i in range(len(before) - 1, -1, -1):
        word = before[i]
        if word in _DETERMINERS:
            return True
        if word in _NOT_MODIFIERS or not word[-1].isalnum():
            return False
    return False


_PARAGRAPHS_BACK = 2
_SENTENCES_BACK = 3


class References:
    """Resolves definite references to the systems named before them."""

    def __init__(
        self, low: str, sentences: Sentences, paragraphs: Sequence[tuple[int, int]], hits: Sequence[Hit]
    ) -> None:
        self.low = low
        self.sentences = sentences
        self.para_starts = [p[0] for p in paragraphs]
        self.hits = [h for h in hits if not h.entry.is_category]
        self.hit_starts = [h.start for h in self.hits]
        self.found: dict[int, list[str]] = {}  # by sentence start: several kinds share a sentence

    def systems_for(self, lo: int, hi: int) -> list[str]:
        """The system ids a definite reference in [lo, hi) takes, nearest fitting first (one)."""
        if not self.hits or self.hit_starts[0] >= lo:
            return []
        known = self.found.get(lo)
        if known is None:
            known = self.found[lo] = self._resolve(lo, hi)
        return known

    def _resolve(self, lo: int, hi: int) -> list[str]:
        reach = self._reach(lo)
        candidates = self.hits[bisect_left(self.hit_starts, reach) : bisect_left(self.hit_starts, lo)]
        if not candidates:
            return []  # nothing in reach to refer back to: the sentence need not be read
        for m in _NOUN.finditer(self.low, lo, hi):
            if not _definite(self.low[max(lo, m.start() - 40) : m.start()].split()[-3:]):
                continue  # "some equipment", "the delivery of weapons": not a reference back
            fits = _FITS[m.group()]
            for h in reversed(candidates):
                if h.entry.category in fits:
                    return [h.entry.id]
            return []
        return []

    def _reach(self, lo: int) -> int:
        p = bisect_right(self.para_starts, lo) - 1 - _PARAGRAPHS_BACK
        by_paragraph = self.para_starts[p] if p >= 0 else 0
        i = self.sentences.index_at(lo) - _SENTENCES_BACK
        by_sentence = self.sentences.starts[i] if i >= 0 else 0
        return max(by_paragraph, by_sentence)
