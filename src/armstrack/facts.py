"""Dated facts from data/facts.toml, and where an article states them.

Two kinds (the TOML file documents them): events with a date ("Russia's full-scale
invasion", 2022-02-24) and terms in office ("Mark Rutte, NATO Secretary General", from
2024-10-01). An article that names a person *in* an office was written during one of that
office-holder's terms; one that names the invasion, after it.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from functools import cache

from armstrack.resources import bundled_dir

_ROLE_WINDOW = 80  # characters between a name and its role ("Pentagon spokesman Major General Patrick Ryder")
# A role that is not the person's at the time of writing: "former President", "then-Secretary",
# "during the Trump administration", "under the Biden administration".
_FORMER = re.compile(r"(?:former|ex-|then-|onetime|one-time|ex|during\s+the|under\s+the)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Term:
    person: str
    names: tuple[str, ...]
    roles: tuple[str, ...]
    start: dt.date
    end: dt.date | None
    roles_re: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class FactEvent:
    id: str
    name: str
    start: dt.date
    end: dt.date
    triggers_re: re.Pattern[str]
    context_re: re.Pattern[str] | None
    # Named for years after as the backdrop ("Russia's full-scale invasion"): it bounds the
    # date, but an article naming it is not thereby written near it.
    background: bool = False


@dataclass(frozen=True, slots=True)
class Facts:
    terms: tuple[Term, ...]
    events: tuple[FactEvent, ...]
    names_re: re.Pattern[str]  # every person name of every term, longest first
    # Every event's triggers in one pattern over the lower-cased text (one scan, however many
    # events), and which events each lower-cased trigger names.
    event_triggers_re: re.Pattern[str]
    events_by_trigger: dict[str, tuple[FactEvent, ...]]


@dataclass(frozen=True, slots=True)
class Found:
    """A fact stated in the text, with the phrase that states it."""

    start: int
    end: int
    intervals: tuple[tuple[dt.date, dt.date | None], ...]
    label: str


def _lower_words(items: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(i.lower()) for i in sorted(items, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})(?![\w])")


def _words(items: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))
    # Not followed by a hyphenated word: "President-elect" is not "President".
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w]|-\w)", re.IGNORECASE)


@cache
def load_facts() -> Facts:
    with (bundled_dir("data") / "facts.toml").open("rb") as f:
        raw = tomllib.load(f)
    terms = tuple(
        Term(
            person=t["person"], names=tuple(t["names"]), roles=tuple(t["roles"]), start=t["start"],
            end=t.get("end"), roles_re=_words(t["roles"]),
        )
        for t in raw.get("term", [])
    )  # fmt: skip
    events = tuple(
        FactEvent(
            id=e["id"], name=e["name"], start=e["date"], end=e.get("end", e["date"]),
            triggers_re=_words(e["triggers"]),
            context_re=_words(e["context"]) if e.get("context") else None,
            background=bool(e.get("background", False)),
        )
        for e in raw.get("event", [])
    )  # fmt: skip
    names = sorted({n for t in terms for n in t.names}, key=len, reverse=True)
    # A name may be glued to a capital in damaged text ("Bill LaPlanteUS Deputy Secretary").
    # No lookbehind in front (it would stop ``re`` skipping fast): the word boundary
    # before a name is checked on each match.
    names_re = re.compile("(?:" + "|".join(re.escape(n) for n in names) + r")(?![a-z0-9_])")
    by_trigger: dict[str, list[FactEvent]] = {}
    for event, e in zip(events, raw.get("event", []), strict=True):
        for trigger in e["triggers"]:
            by_trigger.setdefault(trigger.lower(), []).append(event)
    return Facts(
        terms, events, names_re, _lower_words(list(by_trigger)), {t: tuple(e) for t, e in by_trigger.items()}
    )


def offices_held(text: str, sentence_bounds: list[tuple[int, int]], facts: Facts) -> list[Found]:
    """People named with an office they held: each gives the terms they held it in.

    A name counts with a role when both are in one sentence, within a few words of each
    other, and the role is not "former ..." or "then-...".
    """
    found: list[Found] = []
    seen: set[tuple[str, str]] = set()
    for m in facts.names_re.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
            continue
        name = m.group()
        s_start, s_end = _sentence_of(sentence_bounds, m.start())
        lo, hi = max(s_start, m.start() - _ROLE_WINDOW), min(s_end, m.end() + _ROLE_WINDOW)
        by_role: dict[str, list[Term]] = {}
        for term in facts.terms:
            if name not in term.names:
                continue
            for role in term.roles_re.finditer(text, lo, hi):
                if _FORMER.search(text, max(lo, role.start() - 12), role.start()):
                    continue
                if not _role_of(text, facts.names_re, m, role):
                    continue
                by_role.setdefault(term.person, []).append(term)
                break
        for person, terms in by_role.items():
            key = (person, ",".join(str(t.start) for t in terms))
            if key in seen:
                continue
            seen.add(key)
            found.append(
                Found(m.start(), m.end(), tuple((t.start, t.end) for t in terms), f"{person} in office")
            )
    return found


def events_named(
    text: str, low: str, sentence_bounds: list[tuple[int, int]], facts: Facts
) -> list[tuple[FactEvent, int, int]]:
    """Dated events the text names: (event, start, end of the trigger). ``low`` is text lower-cased."""
    named: list[tuple[FactEvent, int, int]] = []
    for m in facts.event_triggers_re.finditer(low):
        if m.start() and low[m.start() - 1].isalnum():
            continue
        s_start, s_end = _sentence_of(sentence_bounds, m.start())
        for event in facts.events_by_trigger[m.group()]:
            if event.context_re is None or event.context_re.search(text, s_start, s_end):
                named.append((event, m.start(), m.end()))
    return named  # in text order, and in file order at one place


_NAME_NEXT = re.compile(r"[\s,]*(?:[A-Z][\w.'’-]*\s+){0,3}?")  # up to three words before a name


def _role_of(text: str, names_re: re.Pattern[str], name: re.Match[str], role: re.Match[str]) -> bool:
    """Is ``role`` said of ``name``? Not when another person's name stands between them
    ("President-elect Donald Trump … President Joe Biden": the first role is Trump's), nor
    when a role after the name opens another name ("Trump said, while President Joe Biden")."""
    lo, hi = (role.end(), name.start()) if role.end() <= name.start() else (name.end(), role.start())
    if any(other.start() != name.start() for other in names_re.finditer(text, lo, hi)):
        return False
    if role.start() >= name.end():
        gap = _NAME_NEXT.match(text, role.end())
        after = names_re.match(text, gap.end()) if gap else None
        if after is not None:
            return False
    return True


def _sentence_of(bounds: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    from bisect import bisect_right

    i = max(bisect_right(bounds, (offset, 1 << 62)) - 1, 0)
    return bounds[i] if bounds else (0, offset)
