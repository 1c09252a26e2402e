"""The timeline's merge: reports, in date order, into entries (one per real-world event).

The rules are timeline.py's (its module docstring); this module applies them fast. Each
report joins the oldest open entry of its kind and status that it may join, or opens one.
``merge`` finds the candidates through an index of the entries' keys; ``merge_plain``
compares with every open entry, and is quicker when every report shares a key.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

# The version of the rules below: merges kept in a store (merged.py) from other rules are
# made again. Change it with any change to what a merge gives.
RULES = 1
SLACK_DAYS = 3  # two reports of one event may date it a few days apart
WIDEST_DAYS = 31  # across articles, dates wider than a month say too little to merge on


@dataclass(frozen=True, slots=True)
class _Keys:
    """A report's merge keys by type (stored.merge_keys)."""

    systems: frozenset[str]
    sums: frozenset[str]
    people: frozenset[str]
    typed: tuple[str, ...]  # every key as stored: "s:patriot", "$:USD:400000000", "p:lloyd-austin"
    probe: tuple[str, ...]  # those through which it can share enough with an entry (people only if two)

    @classmethod
    def parse(cls, merge_keys: str | None) -> _Keys:
        keys = tuple(dict.fromkeys(merge_keys.split())) if merge_keys else ()
        people = frozenset(k[2:] for k in keys if k.startswith("p:"))
        return cls(
            frozenset(k[2:] for k in keys if k.startswith("s:")),
            frozenset(k[2:] for k in keys if k.startswith("$:")),
            people,
            keys,
            keys if len(people) > 1 else tuple(k for k in keys if not k.startswith("p:")),
        )


# What a closed entry's key and article sets become (release): one shared empty set, never
# added to, since only open entries take reports.
_RELEASED: set[str] = set()

# Why a report joined its entry: the systems, sums and people (two or more) it shares.
_Why = tuple[frozenset[str], frozenset[str], frozenset[str]]
_NOTHING: frozenset[str] = frozenset()
_FIRST: _Why = (_NOTHING, _NOTHING, _NOTHING)  # it opened the entry
_SAME_ARTICLE: _Why = (frozenset({"same article"}), _NOTHING, _NOTHING)


def merged_on(why: _Why) -> list[str]:
    """``merged_on`` as sources show it: "same article", "system patriot", "amount USD
    400000000", "people a, b"; empty for the report that opened the entry."""
    return list(_merged_on(why))


@lru_cache(maxsize=4096)  # a timeline's reasons are few, and repeated by every source
def _merged_on(why: _Why) -> tuple[str, ...]:
    if why == _SAME_ARTICLE:
        return ("same article",)
    systems, sums, people = why
    common = [f"system {s}" for s in sorted(systems)]
    common += [f"amount {s.replace(':', ' ')}" for s in sorted(sums)]
    if people:
        common.append("people " + ", ".join(sorted(people)))
    return tuple(common)


def encode_why(why: _Why) -> Any:
    """A reason as JSON: null for the report that opened the entry, "same" for its own
    article's, else [systems, sums, people] (merged.py keeps merges as rows)."""
    if why is _SAME_ARTICLE:
        return "same"
    if not any(why):
        return None
    return [sorted(part) for part in why]


def decode_why(value: Any) -> _Why:
    """``encode_why`` undone."""
    if value is None:
        return _FIRST
    if value == "same":
        return _SAME_ARTICLE
    systems, sums, people = value
    return frozenset(systems), frozenset(sums), frozenset(people)


@dataclass(slots=True)
class Group:
    kind: str
    status: str
    start: int | None
    end: int | None
    rank: int
    date_ref: int  # the event whose date the entry shows: its narrowest
    systems: set[str]
    sums: set[str]
    people: set[str]
    articles: set[str]
    seq: int = 0  # its place among the entries: the oldest open entry that qualifies wins
    first_day: int | None = None  # the start days of its first and last reports (merged.update)
    last_day: int | None = None
    members: list[int] = field(default_factory=list)
    # member → why it joined: what it shared (sets, formatted only for the entries shown)
    why: list[_Why] = field(default_factory=list)  # beside members: why each joined

    def conflicts(self, keys: _Keys) -> bool:
        """Different sums, or systems and none shared: two events, whatever else they share."""
        return bool(
            (keys.sums and self.sums and keys.sums.isdisjoint(self.sums))
            or (keys.systems and self.systems and keys.systems.isdisjoint(self.systems))
        )

    def in_common(self, keys: _Keys) -> _Why | None:
        """What another article's report shares with the entry that identifies the event: a
        system, the sum, or two people; None when nothing."""
        systems = keys.systems & self.systems if keys.systems else _NOTHING
        sums = keys.sums & self.sums if keys.sums else _NOTHING
        people = keys.people & self.people if len(keys.people) > 1 else _NOTHING
        if len(people) < 2:
            people = _NOTHING
        return (systems, sums, people) if systems or sums or people else None

    def typed_keys(self) -> list[str]:
        """Its keys as stored: "s:patriot", "$:USD:400000000", "p:lloyd-austin"."""
        return [
            *(f"s:{k}" for k in self.systems),
            *(f"$:{k}" for k in self.sums),
            *(f"p:{k}" for k in self.people),
        ]

    def has(self, typed_key: str) -> bool:
        """Does the entry already have this key ("s:patriot", "$:…", "p:…")?"""
        kind, name = typed_key[0], typed_key[2:]
        return name in (self.systems if kind == "s" else self.sums if kind == "$" else self.people)

    def release(self) -> None:
        """Let go of what only an open entry needs (its keys and articles, for deciding who
        joins it) once its date has passed: a store's entries are mostly closed ones."""
        self.systems = self.sums = self.people = self.articles = _RELEASED

    def dated_by(self, start: int, end: int, rank: int, ref: int) -> bool:
        """Take a joining report's date if it is narrower than the entry's: an entry shows
        its narrowest report's date. Whether it did."""
        assert self.start is not None and self.end is not None
        if end - start >= self.end - self.start:
            return False
        self.start, self.end, self.rank, self.date_ref = start, end, rank, ref
        return True

    def add(self, ref: int, keys: _Keys, article: str, why: _Why, day: int | None = None) -> None:
        if not self.members:
            self.first_day = day
        self.last_day = day
        self.systems |= keys.systems
        self.sums |= keys.sums
        self.people |= keys.people
        self.articles.add(article)
        self.members.append(ref)
        self.why.append(why)


def _by_seq(group: Group) -> int:
    return group.seq


def merge(
    rows: Iterator[tuple[Any, ...]], *, one_key: bool = False, resume: tuple[list[Group], int] | None = None
) -> list[Group]:
    """Merge reports, in date order, into entries: each report joins the oldest entry of its
    kind and status that is still open at its date and that it may join (the rules at the
    top of this module), else opens one.

    Only entries that share something with a report can take it: its article, a system, its
    sum, or a person (two in common are needed). So each kind and status keeps an index from
    those keys to the entries that have them, and a report is compared only with the entries
    its keys lead to, not with every open entry (at 100,000 articles, unfiltered, tens of
    millions of comparisons). Entries whose date has passed (ended more than SLACK_DAYS
    before the report's start) are dropped from an index list when it is next read: reports
    come in start order, so they never reopen.

    ``one_key``: every report has one key in common (they are one system's): the index
    would lead every report to every open entry, and the plain comparison is quicker.

    ``resume``: go on from a merge stopped before ``rows`` (merged.update): the entries that
    may still take reports, as they were then (``replay``), oldest first, and how many
    entries there were. Returned with the entries ``rows`` open."""
    if one_key:
        return merge_plain(rows, resume=resume)
    groups: list[Group] = list(resume[0]) if resume else []
    # Per kind and status: "a:<article>", "s:<system>", "$:<sum>", "p:<person>" → dated entries.
    lanes: dict[tuple[str, str], dict[str, list[Group]]] = {}
    for group in groups:  # indexed as the merge had them: by article, and by key when narrow
        lane = lanes.setdefault((group.kind, group.status), {})
        assert group.start is not None and group.end is not None
        narrow = group.end - group.start <= WIDEST_DAYS
        for key in [*("a:" + a for a in group.articles), *(group.typed_keys() if narrow else ())]:
            lane.setdefault(key, []).append(group)
    whys: dict[_Why, _Why] = {}
    first = resume[1] if resume else 0
    for ref, kind, start, end, rank, keys, article, status in _dated(rows, groups, first):
        lane = lanes.setdefault((kind, status), {})
        own = "a:" + article
        best: Group | None = None
        best_why = _FIRST
        # A report wider than a month joins only its own article's entries.
        for key in (own, *keys.probe) if end - start <= WIDEST_DAYS else (own,):
            listed = lane.get(key)
            if not listed:
                continue
            closed = 0
            for group in listed:  # oldest first: the first that qualifies is this key's best
                assert group.start is not None and group.end is not None
                if best is not None and group.seq >= best.seq:
                    break
                if group.end + SLACK_DAYS < start:
                    closed += 1  # closed for good: dropped from the list below
                    continue
                why = _joins(group, start, end, keys, article, whys)
                if why is not None:
                    best, best_why = group, why
                    break
            if closed:
                still = [g for g in listed if g.end + SLACK_DAYS >= start]  # type: ignore[operator]
                for group in listed:
                    if group.end + SLACK_DAYS < start:  # type: ignore[operator]
                        group.release()
                listed[:] = still
        if best is None:  # a new entry: the newest, so it goes at the end of its keys' lists
            best = Group(
                kind, status, start, end, rank, ref, set(), set(), set(), set(), next_seq(groups, first)
            )
            groups.append(best)
            lane.setdefault(own, []).append(best)
            if end - start <= WIDEST_DAYS:  # a wider one takes only its own article's reports
                for key in keys.typed:
                    lane.setdefault(key, []).append(best)
        else:
            assert best.start is not None and best.end is not None
            was_wide = best.end - best.start > WIDEST_DAYS
            if best.dated_by(start, end, rank, ref) and was_wide and end - start <= WIDEST_DAYS:
                for key in best.typed_keys():  # now narrow enough to share
                    insort(lane.setdefault(key, []), best, key=_by_seq)
            if article not in best.articles:
                insort(lane.setdefault(own, []), best, key=_by_seq)
            if best.end - best.start <= WIDEST_DAYS:
                for key in keys.typed:
                    if not best.has(key):
                        insort(lane.setdefault(key, []), best, key=_by_seq)
        best.add(ref, keys, article, best_why, start)
    return groups


def next_seq(groups: list[Group], first: int = 0) -> int:
    """The place of an entry about to be opened: after the last one, and at least ``first``
    (a resumed merge's first new entry comes after every entry opened before it, including
    those that no longer take reports and are not in ``groups``)."""
    return max(groups[-1].seq + 1 if groups else 0, first)


def _joins(
    group: Group, start: int, end: int, keys: _Keys, article: str, whys: dict[_Why, _Why]
) -> _Why | None:
    """Why a dated report (``start``..``end``, its keys, its article) may join an open dated
    entry, or None: the dates overlap (give or take SLACK_DAYS), nothing conflicts, and it
    is the same article, or both dates are a month or narrower and they share something.
    ``whys`` keeps one copy of each reason (millions of joins, few reasons)."""
    assert group.start is not None and group.end is not None
    if group.start > end + SLACK_DAYS or group.conflicts(keys):
        return None
    if article in group.articles:
        return _SAME_ARTICLE
    if max(end - start, group.end - group.start) > WIDEST_DAYS:
        return None
    shared = group.in_common(keys)
    return None if shared is None else whys.setdefault(shared, shared)


def _dated(
    rows: Iterator[tuple[Any, ...]], groups: list[Group], first_seq: int = 0
) -> Iterator[tuple[int, str, int, int, int, _Keys, str, str]]:
    """The dated reports of ``rows``, their merge keys parsed (once per distinct string). An
    undated report is merged here: it joins its article's first undated entry of its kind
    and status that nothing conflicts with, or opens one (appended to ``groups``)."""
    undated: dict[tuple[str, str, str], list[Group]] = {}
    key_sets: dict[str | None, _Keys] = {}  # most reports share a few merge-key strings
    for ref, kind, start, end, rank, merge_keys, article, status in rows:
        keys = key_sets.get(merge_keys)
        if keys is None:
            keys = key_sets[merge_keys] = _Keys.parse(merge_keys)
        if start is not None:
            yield ref, kind, start, end, rank, keys, article, status
            continue
        same = undated.setdefault((kind, status, article), [])
        group = next((g for g in same if not g.conflicts(keys)), None)
        if group is None:
            seq = next_seq(groups, first_seq)
            group = Group(kind, status, None, None, rank, ref, set(), set(), set(), set(), seq)
            same.append(group)
            groups.append(group)
            group.add(ref, keys, article, _FIRST)
        else:
            group.add(ref, keys, article, _SAME_ARTICLE)


def merge_plain(
    rows: Iterator[tuple[Any, ...]], *, resume: tuple[list[Group], int] | None = None
) -> list[Group]:
    """``merge`` comparing each report with every entry still open in its kind and status:
    faster when every report shares one key (the timeline of one system), where an index
    would lead to all of them anyway."""
    groups: list[Group] = list(resume[0]) if resume else []
    # Per kind and status, the dated entries a report at the current day could still join, oldest first.
    open_by_kind: dict[tuple[str, str], list[Group]] = {}
    for group in groups:
        open_by_kind.setdefault((group.kind, group.status), []).append(group)
    day = None
    whys: dict[_Why, _Why] = {}
    first = resume[1] if resume else 0
    for ref, kind, start, end, rank, keys, article, status in _dated(rows, groups, first):
        if start != day:  # rows come in start order: entries ending well before today are closed
            day = start
            for k, still in open_by_kind.items():
                for g in still:
                    if g.end + SLACK_DAYS < start:  # type: ignore[operator]
                        g.release()
                open_by_kind[k] = [g for g in still if g.end + SLACK_DAYS >= start]  # type: ignore[operator]
        active = open_by_kind.setdefault((kind, status), [])
        for group in active:
            assert group.start is not None and group.end is not None
            why = _joins(group, start, end, keys, article, whys)
            if why is None:
                continue
            group.dated_by(start, end, rank, ref)
            group.add(ref, keys, article, why, start)
            break  # the first (oldest) open group that qualifies
        else:
            group = Group(
                kind, status, start, end, rank, ref, set(), set(), set(), set(), next_seq(groups, first)
            )
            group.add(ref, keys, article, _FIRST, start)
            groups.append(group)
            active.append(group)
    return groups


def replay(
    kind: str, status: str, seq: int, members: list[tuple[int, _Why]], rows: dict[int, tuple[Any, ...]]
) -> Group:
    """An entry as it stood after ``members`` (in merge order, each with why it joined) had
    joined it: their rows (start day, end day, precision rank, merge keys, article) give it
    its date, keys and articles as the merge gave them (merged.update)."""
    group: Group | None = None
    for ref, why in members:
        start, end, rank, merge_keys, article = rows[ref]
        if group is None:
            group = Group(kind, status, start, end, rank, ref, set(), set(), set(), set(), seq)
        else:
            group.dated_by(start, end, rank, ref)
        group.add(ref, _Keys.parse(merge_keys), article, why, start)
    assert group is not None, "an entry has at least one report"
    return group
