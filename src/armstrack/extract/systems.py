"""Tag named weapon systems and generic equipment categories in one pass over the text.

All aliases of all catalog entries are compiled into one trie regex (``SystemTagger``,
built once per process). Each match is then checked against the rules the catalog
states for its alias (see data/systems.toml): capitalisation, context for aliases that
are also ordinary words or names, and phrases that exclude it ("Patriot Act").
"""

from __future__ import annotations

import re
from collections.abc import Generator
from dataclasses import dataclass
from functools import cache

from armstrack.catalog import Catalog, Entry, alias_key, load_catalog
from armstrack.extract.trie import AliasTrie, lowered
from armstrack.models import Mention, SystemRecord
from armstrack.text import Sentences, SpanIndex

_EXCLUDE_WINDOW = 40
_CONTEXT_WINDOW = 200
# Words of the other things the ambiguous names (the catalog's needs_context aliases) also
# name: a team and its sport, a film, a car, a person's life, an animal, an athletics event.
# Beside one of them the name is not a system, whatever military word the sentence also has
# ("Ukraine's javelin champion", "the Patriots' quarterback"). Words only: no system
# sentence needs "touchdown" or "box office". A set of words and a few phrases, tested on
# the lowered sentence: a regex alternation of them cost 45 µs an article.
_OTHER_SENSE_WORDS = frozenset(
    """quarterback quarterbacks touchdown touchdowns nfl playoff playoffs linebacker linebackers kickoff
    halftime olympics olympic athlete athletes athletics medal medals medalist medalists championships
    film films movie movies starring actress hollywood sequel
    suv sedan dealership dealerships horsepower mpg
    gubernatorial
    bird birds wildlife species nest nests feather feathers insect insects bee bees wasp wasps""".split()
)
_OTHER_SENSE_PHRASES = (
    "super bowl", "head coach", "wide receiver", "season opener", "box office", "test drive", "voting rights",
    "governor's race", "election campaign", "world championship", "bird-watcher",
)  # fmt: skip
_WORD = re.compile(r"[a-z']+")


@dataclass(frozen=True, slots=True)
class _Alias:
    entry: Entry
    written: str  # the alias as the catalog writes it


@dataclass(frozen=True, slots=True)
class Hit:
    """A raw tagger hit, before it becomes a ``Mention``."""

    entry: Entry
    start: int
    end: int


class SystemTagger:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.by_key: dict[str, _Alias] = {}
        for entry in catalog.entries:
            for alias in entry.aliases:
                self.by_key.setdefault(alias_key(alias), _Alias(entry, alias))
        self.trie = AliasTrie(a for e in catalog.entries for a in e.aliases)

    def _lookup(self, matched: str) -> _Alias | None:
        key = alias_key(matched)
        found = self.by_key.get(key)
        if found is None and key.endswith("s"):
            found = self.by_key.get(key[:-1])
        return found

    def hits(self, text: str, sentences: Sentences, low: str | None = None) -> list[Hit]:
        """Every accepted mention, in text order. ``low`` is ``lowered(text)`` if the caller has it."""
        accepted: list[Hit] = []
        pending: list[Hit] = []  # context-needing mentions whose sentence lacked context
        other_sense: dict[int, bool] = {}  # by sentence: one test per sentence, not per name
        context: dict[tuple[int, str], bool] = {}  # by sentence and system
        low = lowered(text) if low is None else low
        spans = self.trie.spans(low)
        span = next(spans, None)
        while span is not None:
            start, end = span
            matched = text[start:end]
            alias = self._lookup(matched)
            if alias is None or not _case_ok(matched, alias) or _excluded(text, start, end, alias.entry):
                span = _send(spans, start + 1)  # a shorter alias may still start inside this match
                continue
            hit = Hit(alias.entry, start, end)
            if alias.written in alias.entry.needs_context and _other_sense(
                low, sentences, start, other_sense
            ):
                span = next(spans, None)
                continue
            if alias.written in alias.entry.needs_context and not _has_context(
                text, sentences, start, alias, context
            ):
                pending.append(hit)
            else:
                accepted.append(hit)
            span = next(spans, None)
        if pending:
            confirmed = {h.entry.id for h in accepted}
            accepted.extend(h for h in pending if h.entry.id in confirmed)
            accepted.sort(key=lambda h: h.start)
        return accepted

    def tag(self, text: str, sentences: Sentences) -> tuple[list[SystemRecord], list[SystemRecord]]:
        """Named systems and categories, each with its mentions, ordered by first mention."""
        return self.tag_hits(text, sentences, self.hits(text, sentences))

    def tag_hits(
        self, text: str, sentences: Sentences, hits: list[Hit]
    ) -> tuple[list[SystemRecord], list[SystemRecord]]:
        """Group ``hits`` (from ``hits()``) into records."""
        grouped: dict[str, tuple[Entry, list[Mention]]] = {}
        for hit in hits:
            mention = Mention(
                text=text[hit.start : hit.end],
                start=hit.start,
                end=hit.end,
                sentence=sentences.context(hit.start, hit.end),
            )
            grouped.setdefault(hit.entry.id, (hit.entry, []))[1].append(mention)
        systems: list[SystemRecord] = []
        categories: list[SystemRecord] = []
        for entry, mentions in grouped.values():
            record = SystemRecord(id=entry.id, name=entry.name, category=entry.category, mentions=mentions)
            (categories if entry.is_category else systems).append(record)
        return systems, categories


def not_in_spans(hits: list[Hit], spans: list[tuple[int, int]]) -> list[Hit]:
    """The hits that do not lie inside any of ``spans``."""
    if not spans or not hits:
        return hits
    index = SpanIndex(spans)
    return [hit for hit in hits if not index.holds(hit.start, hit.end)]


def _send(spans: Generator[tuple[int, int], int | None, None], position: int) -> tuple[int, int] | None:
    try:
        return spans.send(position)
    except StopIteration:
        return None


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def _case_ok(matched: str, alias: _Alias) -> bool:
    written = alias.written
    if written in alias.entry.exact_case:
        got, want = _letters(matched), _letters(written)
        return got == want or got == want + "s"
    if written.islower() or not any(c.isupper() for c in written):
        return True
    first_written = next((c for c in written if c.isalpha()), "")
    first_matched = next((c for c in matched if c.isalpha()), "")
    return not (first_written.isupper() and first_matched.islower())


def _has_context(
    text: str, sentences: Sentences, start: int, alias: _Alias, known: dict[tuple[int, str], bool]
) -> bool:
    pattern = alias.entry.context_re
    if pattern is None:
        return True
    if not sentences.starts:
        return False
    i = sentences.index_at(start)
    key = (i, alias.entry.id)
    if key not in known:
        # The sentence, but no more than a window around its first mention: a hostile
        # one-sentence megabyte must not be rescanned for every mention.
        lo = max(sentences.starts[i], start - _CONTEXT_WINDOW)
        hi = min(sentences.ends[i], start + _CONTEXT_WINDOW)
        known[key] = pattern.search(text, lo, hi) is not None
    return known[key]


def _other_sense(low: str, sentences: Sentences, start: int, known: dict[int, bool]) -> bool:
    """Does the name's sentence hold the words of another sense? Read once per sentence (at
    most ``_CONTEXT_WINDOW`` either side of its first name: a hostile endless sentence is
    not read again for each name)."""
    if not sentences.starts:
        return False
    i = sentences.index_at(start)
    if i not in known:
        lo = max(sentences.starts[i], start - _CONTEXT_WINDOW)
        hi = min(sentences.ends[i], start + _CONTEXT_WINDOW)
        window = low[lo:hi]
        known[i] = not _OTHER_SENSE_WORDS.isdisjoint(_WORD.findall(window)) or any(
            phrase in window for phrase in _OTHER_SENSE_PHRASES
        )
    return known[i]


def _excluded(text: str, start: int, end: int, entry: Entry) -> bool:
    pattern: re.Pattern[str] | None = entry.exclude_re
    if pattern is None:
        return False
    window_start = max(0, start - _EXCLUDE_WINDOW)
    for m in pattern.finditer(text, window_start, min(len(text), end + _EXCLUDE_WINDOW)):
        if m.start() < end and start < m.end():
            return True
    return False


@cache
def default_tagger() -> SystemTagger:
    return SystemTagger(load_catalog())
