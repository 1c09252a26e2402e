"""Dated facts from data/facts.toml, and where an article states them.

Two kinds (the TOML file documents them): events with a date ("Russia's full-scale
invasion", 2022-02-24) and terms in office ("Mark Rutte, NATO Secretary General", from
2024-10-01). An article that names a person *in* an office was written during one of that
office-holder's terms; one that names the invasion, after it.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from armstrack.catalog import SEPARATORS
from armstrack.extract.trie import AliasTrie, factored
from armstrack.ordinals import digit_ordinal, written_ordinals
from armstrack.resources import bundled_dir

_MAX_TRIGGERS = 1000  # trigger words read per article
_MAX_NAMED = 300  # facts named per article that count as clues
_CONTEXT_WINDOW = 300  # characters either side of an event's trigger where its context is read
_ROLE_WINDOW = 80  # characters between a name and its role ("Pentagon spokesman Major General Patrick Ryder")
# A role that is not the person's at the time of writing: "former President", "then-Secretary",
# "during the Trump administration", "under the Biden administration", "previously approved by
# the Biden administration", or not yet: "the
# nominee for Under Secretary …", "Trump's pick for Pentagon policy chief", "incoming".
_FORMER = re.compile(
    r"(?<!\w)(?:former|ex-|then-|onetime|one-time|ex|during\s+the|under\s+the|incoming|would-be"
    r"|(?:previously|formerly)\s+[a-z]+ed\s+(?:by|under)\s+the"  # "previously authorized by the Biden administration"
    r"|(?:nominee|nominated|pick|choice|candidate)\s+(?:for|as|to\s+be)(?:\s+the)?)\s*$",
    re.IGNORECASE,
)
_FORMER_REACH = 40  # characters before a role where those words are read


@dataclass(frozen=True, slots=True)
class Term:
    person: str
    names: tuple[str, ...]
    roles: tuple[str, ...]
    start: dt.date
    end: dt.date | None
    roles_re: re.Pattern[str]


_AHEAD_REACH = 60  # characters before (or after) a trigger where words say the fact is ahead
_AHEAD_WORDS = 3  # … of which the last three words before it: "a potential Russian invasion"
_UNQUOTED = re.compile(r"[\"“”]")  # "an invasion is “imminent”" reads as "is imminent"


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
    # Named in the future tense, it is not this fact but more of the same ("will send
    # Patriots", years after the decision to send the first): only past mentions date.
    past_only: bool = False
    # Words that, in the sentence, say the fact did not happen ("refused to send Patriots").
    unless_re: re.Pattern[str] | None = None
    # Words of which one must also be in the sentence ("Ukraine": HIMARS sold to Poland is
    # not the decision to send them to Ukraine).
    about_re: re.Pattern[str] | None = None
    # Words just before a trigger ("a potential invasion", "could invade") or just after it
    # ("an invasion is imminent") that make the mention one of the fact still ahead: the
    # article was written before it. Unless the sentence names what makes it another one
    # ("a possible invasion of a NATO country").
    ahead_re: re.Pattern[str] | None = None
    ahead_after_re: re.Pattern[str] | None = None
    ahead_unless_re: re.Pattern[str] | None = None
    # The first day reporting names it, when that is before it: a meeting announced ahead
    # ("Austin left for the 25th meeting") dates a report in the past tense from then.
    named_from: dt.date | None = None
    # Words for a later step than the fact (a decision's delivery: "arrived", "sent"): in a
    # sentence with one, its words of time date that step ("the ATACMS arrived in Ukraine
    # last week", months after the decision to send the first), not the fact; the article
    # is still written after the fact.
    later_re: re.Pattern[str] | None = None
    # The name of a program or body the fact created ("PURL"): the tense of a sentence naming
    # it is of what is done under it ("shipments under PURL will arrive"), so every mention
    # dates the article on or after the fact.
    standing: bool = False

    def ahead(self, low: str, start: int, end: int, s_start: int, s_end: int) -> bool:
        """Is the mention low[start:end], in sentence [s_start, s_end), one of the fact still
        to come (``ahead_re``, ``ahead_after_re``)?"""
        if self.ahead_re is None:
            return False
        words = low[max(s_start, start - _AHEAD_REACH) : start].split()
        # a possessor's name does not count: "ahead of Donald Trump's return to the White House"
        reach = _AHEAD_WORDS + 2 if words and words[-1].endswith(("'s", "’s")) else _AHEAD_WORDS
        before = " ".join(words[-reach:])
        near = self.ahead_re.search(before) or (
            self.ahead_after_re is not None
            and self.ahead_after_re.search(_UNQUOTED.sub("", low[end : min(s_end, end + _AHEAD_REACH)]))
        )
        return bool(near) and not (self.ahead_unless_re and self.ahead_unless_re.search(low, s_start, s_end))


@dataclass(frozen=True, slots=True)
class Facts:
    terms: tuple[Term, ...]
    events: tuple[FactEvent, ...]
    names_re: re.Pattern[str]  # every person name of every term, longest first
    # Every event's triggers in one prefix trie over the lower-cased text (one scan, however
    # many events), and which events each trigger names (by its key, ``_trigger_key``).
    event_triggers: AliasTrie
    events_by_trigger: dict[str, tuple[FactEvent, ...]]
    # The numbered meetings' triggers ("25th meeting") in a trie of their own, read only
    # around their nouns' first words (``series_heads``: "meeting", "ramstein"): hundreds of
    # ordinals in the main trie, most starting with a digit, made its scan 17% slower.
    series_phrases: tuple[str, ...]  # compiled on first use (``_series_trie``): most texts need none
    series_heads: tuple[str, ...]
    # Each name's terms, in file order: a name found asks for its own, not every term's.
    terms_by_name: dict[str, tuple[Term, ...]]


@dataclass(frozen=True, slots=True)
class Found:
    """A fact stated in the text, with the phrase that states it."""

    start: int
    end: int
    intervals: tuple[tuple[dt.date, dt.date | None], ...]
    label: str


def _trigger_key(phrase: str) -> str:
    """A trigger as the trie matches it: lower case, separators dropped ("F-16" = "F16")."""
    return "".join(ch for ch in phrase.lower() if ch not in SEPARATORS)


def _words(items: list[str]) -> re.Pattern[str]:
    """Any of ``items`` as whole words, case aside, in one trie-factored pattern (a fact's
    context and ``unless`` words are read around each mention of it). Not followed by a
    hyphenated word: "President-elect" is not "President"."""
    return re.compile(rf"(?<![\w]){factored(items, lower=True)}(?![\w]|-\w)", re.IGNORECASE)


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
    listed = tuple(
        FactEvent(
            id=e["id"], name=e["name"], start=e["date"], end=e.get("end", e["date"]),
            triggers_re=_words(e["triggers"]),
            context_re=_words(e["context"]) if e.get("context") else None,
            background=bool(e.get("background", False)), past_only=bool(e.get("past_only", False)),
            unless_re=_words(e["unless"]) if e.get("unless") else None,
            about_re=_words(e["about"]) if e.get("about") else None,
            ahead_re=_words(e["ahead"]) if e.get("ahead") else None,
            ahead_after_re=_words(e["ahead_after"]) if e.get("ahead_after") else None,
            ahead_unless_re=_words(e["ahead_unless"]) if e.get("ahead_unless") else None,
            later_re=_words(e["later"]) if e.get("later") else None,
            standing=bool(e.get("standing", False)),
        )
        for e in raw.get("event", [])
    )  # fmt: skip
    series = [
        (event, triggers) for entry in raw.get("series", []) for event, triggers in _series_events(entry)
    ]
    events = listed + tuple(event for event, _ in series)
    names = sorted({n for t in terms for n in t.names}, key=len, reverse=True)
    # A name may be glued to a capital in damaged text ("Bill LaPlanteUS Deputy Secretary").
    # No lookbehind in front (it would stop ``re`` skipping fast): the word boundary
    # before a name is checked on each match.
    # The names as a trie of their characters (longest first at every branch, as the plain
    # alternation sorted longest first): the whole text is scanned with it.
    names_re = re.compile(factored(names, after=lambda _: r"(?![a-z0-9_])"))
    plain = [(event, e["triggers"]) for event, e in zip(listed, raw.get("event", []), strict=True)]
    by_trigger: dict[str, list[FactEvent]] = {}
    for event, phrases in plain + series:
        for trigger in phrases:
            by_trigger.setdefault(_trigger_key(trigger), []).append(event)
    triggers = AliasTrie(t for _, phrases in plain for t in phrases)
    heads = {
        word.lower()
        for entry in raw.get("series", [])
        for noun in entry["nouns"]
        for word in noun.split()[:1]
    }
    heads |= {
        prefix.lower().rstrip("- ") for entry in raw.get("series", []) for prefix in entry.get("numbered", [])
    }
    # One head found inside another ("ramstein" in "ramstein-format") is looked for once.
    heads = {h for h in heads if not any(h != other and h.startswith(other) for other in heads)}
    by_name: dict[str, list[Term]] = {}
    for term in terms:
        for name in dict.fromkeys(term.names):
            by_name.setdefault(name, []).append(term)
    return Facts(
        terms, events, names_re, triggers, {t: tuple(e) for t, e in by_trigger.items()},
        tuple(t for _, phrases in series for t in phrases), tuple(sorted(heads)),
        {name: tuple(found) for name, found in by_name.items()},
    )  # fmt: skip


_SERIES_BEFORE = 20  # characters before a head word where a meeting's ordinal may start ("twenty-seventh ")
# … and after its start, where the trigger may end ("ramstein-format meeting", "ramstein-22")
_SERIES_AFTER = 40
# An ordinal's ending ("25th ", "twenty-fifth ", "first ") or a number right after a head
# ("ramstein-22"): a trigger needs one of them.
_ORDINAL_NEAR = re.compile(r"(?:st|nd|rd|th)[\s-]|[\s-]\d")


def _series_spans(low: str, facts: Facts) -> list[tuple[int, int]]:
    """(start, end) of each numbered meeting's trigger, read only around its nouns' first
    words ("meeting", "ramstein"): ``str.find`` for each, then, where an ordinal stands
    near, the series' trie on the few characters about it."""
    found: set[tuple[int, int]] = set()
    for head in facts.series_heads:
        at = low.find(head)
        while at != -1 and len(found) < _MAX_TRIGGERS:
            lo = low.rfind(" ", 0, max(0, at - _SERIES_BEFORE)) + 1  # from a word's start
            hi = at + len(head) + _SERIES_AFTER
            if not _ORDINAL_NEAR.search(low, lo, min(hi, at + len(head) + 3)):
                at = low.find(head, at + 1)
                continue  # most "meeting"s have no ordinal before them: the trie is not run
            window = low[lo:hi]
            for start, end in _series_trie(facts.series_phrases).spans(window):
                if lo + end > at:  # it holds this head (or ends past it)
                    found.add((lo + start, lo + end))
            at = low.find(head, at + 1)
    return sorted(found)


_NEVER = re.compile(r"(?!)")  # a numbered meeting is found by its trie, never as a time's anchor


@cache
def _series_trie(phrases: tuple[str, ...]) -> AliasTrie:
    """The numbered meetings' triggers as one trie, compiled when a text first needs it: at
    load it cost a tenth of a second of every command's start."""
    return AliasTrie(phrases)


def _series_events(entry: dict[str, Any]) -> list[tuple[FactEvent, list[str]]]:
    """Each numbered meeting of a ``[[series]]`` as a dated event, with its triggers: "25th
    meeting", "twenty-fifth Ramstein", "Ramstein-25". A trigger that names the series itself
    ("26th Ramstein-format meeting", "Ramstein-22") needs no context word beside it; one with
    a plain noun ("the 25th meeting") does."""
    context = _words(entry["context"]) if entry.get("context") else None
    lead = dt.timedelta(days=entry.get("announced_days", 0))
    words = [w.lower() for w in entry.get("context", [])]
    own_nouns = [n for n in entry["nouns"] if not words or any(w in n.lower() for w in words)]
    plain_nouns = [n for n in entry["nouns"] if n not in own_nouns]
    out = []
    for number, day in entry["meetings"].items():
        n = int(number)
        ordinals = written_ordinals(n)
        own = [f"{o} {noun}" for o in ordinals for noun in own_nouns]
        own += [f"{prefix}{n}" for prefix in entry.get("numbered", [])]
        plain = [f"{o} {noun}" for o in ordinals for noun in plain_nouns]
        for triggers, needs in ((own, None), (plain, context)):
            if triggers:
                event = FactEvent(
                    id=f"{entry['id']}-{n}", name=f"the {digit_ordinal(n)} {entry['name']}", start=day,
                    end=day, triggers_re=_NEVER, context_re=needs, named_from=day - lead,
                )  # fmt: skip
                out.append((event, triggers))
    return out


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
        s_start, s_end = sentence_of(sentence_bounds, m.start())
        lo, hi = max(s_start, m.start() - _ROLE_WINDOW), min(s_end, m.end() + _ROLE_WINDOW)
        by_role: dict[str, list[Term]] = {}
        for term in facts.terms_by_name.get(name, ()):
            for role in term.roles_re.finditer(text, lo, hi):
                if _FORMER.search(text, max(lo, role.start() - _FORMER_REACH), role.start()):
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


_GATHERINGS = ("meeting", "meetings", "summit", "session", "gathering", "conference")
_OF_BODY = re.compile(r"\s+of\s+(?:the\s+)?(?=[A-Z])[^,;.()\n]{1,80}")  # "… of the Contact Group on Ukraine"


def events_named(
    text: str, low: str, sentence_bounds: list[tuple[int, int]], facts: Facts
) -> list[tuple[FactEvent, int, int, bool]]:
    """Dated events the text names: (event, start, end of the trigger, whether the words say
    it is still ahead). ``low`` is text lower-cased. A mention still ahead ("none have been
    delivered") counts whatever ``unless`` says: it is a clue the other way."""
    named: list[tuple[FactEvent, int, int, bool]] = []
    spans = facts.event_triggers.spans(low)
    for k, (start, end) in enumerate(
        heapq.merge(spans, _series_spans(low, facts)) if facts.series_heads else spans
    ):
        if k >= _MAX_TRIGGERS or len(named) >= _MAX_NAMED:
            break  # a real article names a fact a few times; a hostile one must stay fast
        key = _trigger_key(low[start:end])
        events = facts.events_by_trigger.get(key) or facts.events_by_trigger.get(key[:-1], ())  # a plural
        s_start, s_end = sentence_of(sentence_bounds, start)
        # The words around the trigger in its sentence, no more than a window of it: a hostile
        # endless sentence must not be read again for each of its triggers.
        s_start, s_end = max(s_start, start - _CONTEXT_WINDOW), min(s_end, end + _CONTEXT_WINDOW)
        # "the first meeting of the National Armaments Directors": the body an "of" names
        # after the trigger says whose meeting it is; the fact's context must be among its words.
        body = _OF_BODY.match(text, end, s_end) if low.endswith(_GATHERINGS, start, end) else None
        # A decision's verb governs the weapon from the weapon's own clause: "Kyiv had
        # received positive signs that the U.S. had come around on the ATACMS system" names
        # no ATACMS received (a "that" clause holding the trigger starts its clause).
        clause = low.rfind(" that ", s_start, start)
        for event in events:
            if event.context_re is not None and not (
                event.context_re.search(text, body.start(), body.end())
                if body is not None
                else event.context_re.search(
                    text, clause + 6 if event.past_only and clause != -1 else s_start, s_end
                )
            ):
                continue
            if event.about_re is not None and not event.about_re.search(text, s_start, s_end):
                continue
            ahead = event.ahead(low, start, end, s_start, s_end)
            if not ahead and event.unless_re is not None and event.unless_re.search(text, s_start, s_end):
                continue
            named.append((event, start, end, ahead))
    return named  # in text order, and in file order at one place


_WORDS_REACH = 60  # characters from a fact's trigger to the context word that is part of its name


def fact_words(
    event: FactEvent, text: str, start: int, end: int, sentence_bounds: list[tuple[int, int]]
) -> tuple[int, int]:
    """Where the text names a dated fact: its trigger and the context word nearest it in its
    sentence ("a surprise visit to Kyiv", the visit and the place), so that an event whose
    word is either one ("visit") is that fact."""
    if event.context_re is None:
        return start, end
    s_start, s_end = sentence_of(sentence_bounds, start)
    lo, hi = max(s_start, start - _WORDS_REACH), min(s_end, end + _WORDS_REACH)
    near = min(
        (m.span() for m in event.context_re.finditer(text, lo, hi)),
        key=lambda span: min(abs(span[0] - end), abs(start - span[1])),
        default=None,
    )
    return (start, end) if near is None else (min(start, near[0]), max(end, near[1]))


_VICE = re.compile(r"vice[\s-]+$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"[ \t]+(?=[A-Z])")  # the gap before a capitalised word right after a title
# Military ranks and services between an office and a name: "Air Force Brig. Gen.", "Maj. Gen."
_RANKS = re.compile(
    r"(?:(?:Air\s+Force|Marine\s+Corps|Army|Navy|Space\s+Force|Rear|Vice|Brigadier|Brig\.|General|Gen\.|Major|Maj\."
    r"|Lieutenant|Lt\.|Colonel|Col\.|Admiral|Adm\.|Captain|Capt\.|Commander|Cmdr\.|Sergeant|Sgt\.)[ \t]+)+"
)
# The head of a longer title between an office and a name: "National Security Communications
# Advisor John Kirby", "National Security Council Strategic Communications Coordinator John Kirby".
_TITLE_HEAD = re.compile(
    r"(?:[A-Z][\w'’-]*[ \t]+){0,3}?(?:Advis[eo]r|Coordinator|Spokes(?:man|woman|person)|Director|Secretary)[ \t]+"
)
_ADJACENT = re.compile(r"(?:['’]s)?\s+")  # between a name and "administration" / "White House"
_BEFORE_NAME = re.compile(r"\s+")  # a lower-case title right before the name: "president Trump"
_HYPOTHETICAL = re.compile(r"\ban?\s+$", re.IGNORECASE)  # "a Trump administration" is one imagined
_APPOSITIVE = re.compile(r",\s+(?:now\s+)?(?:the\s+)?")  # "Trump, the president", "Milley, chairman of …"
_NAME_NEXT = re.compile(r"[\s,]*(?:[A-Z][\w.'’-]*\s+){0,3}?")  # up to three words before a name


def _role_of(text: str, names_re: re.Pattern[str], name: re.Match[str], role: re.Match[str]) -> bool:
    """Is ``role`` said of ``name``? Not when another person's name stands between them
    ("President-elect Donald Trump … President Joe Biden": the first role is Trump's), nor
    when a role after the name opens another name ("Trump said, while President Joe Biden").
    A title is the title of the name that follows it, known to us or not ("Trump … under
    President Barack Obama"; "Vice President Joseph R. Biden" is not President Biden); a
    lower-case role after the name is his only as an appositive ("Trump, the president") —
    "if Trump is elected president" is a hope, "Trump … our president" another man; and an
    administration or White House is his only right after his name ("the Trump
    administration", "Biden's White House"), not "on his way to the White House" nor "a Trump
    administration", which is imagined. A lower-case role before the name is his only
    right before it ("president Trump")."""
    if _VICE.search(text, max(0, role.start() - 5), role.start()):
        return False
    written = text[role.start() : role.end()]
    if written.endswith(("administration", "House")):  # "the Trump administration", "Biden's White House"
        if _HYPOTHETICAL.search(
            text, max(0, min(role.start(), name.start()) - 8), min(role.start(), name.start())
        ):
            return False  # "if a Trump administration were to …": not (yet) his
        if role.start() <= name.start() and name.end() <= role.end():
            return True  # the role names him: "Biden administration"
        return role.start() >= name.end() and _ADJACENT.fullmatch(text, name.end(), role.start()) is not None
    if written[:1].isupper():
        follows = _NEXT_WORD.match(text, role.end())
        if (
            follows is not None
            and follows.end() != name.start()
            and (head := _TITLE_HEAD.match(text, follows.end(), name.start())) is not None
        ):
            follows = head  # the rest of the title, then the name
        if follows is not None and (ranks := _RANKS.match(text, follows.end())) is not None:
            follows = ranks  # "Pentagon spokesman Brig. Gen. Pat Ryder": a rank, then the name
        if follows is not None and follows.end() != name.start():
            return False  # the title of the capitalised name right after it, not this one's
    elif role.start() >= name.end():
        if _APPOSITIVE.fullmatch(text, name.end(), role.start()) is None:
            return False  # "if Trump is elected president", "Trump … our president": not his office
    elif _BEFORE_NAME.fullmatch(text, role.end(), name.start()) is None:
        return False  # "to serve as our president,” Trump added": not a title of his
    lo, hi = (role.end(), name.start()) if role.end() <= name.start() else (name.end(), role.start())
    if any(other.start() != name.start() for other in names_re.finditer(text, lo, hi)):
        return False
    if role.start() >= name.end():
        gap = _NAME_NEXT.match(text, role.end())
        after = names_re.match(text, gap.end()) if gap else None
        if after is not None:
            return False
    return True


def sentence_of(bounds: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """(start, end) of the sentence among ``bounds`` (in text order) that holds ``offset``."""
    from bisect import bisect_right

    i = max(bisect_right(bounds, (offset, 1 << 62)) - 1, 0)
    return bounds[i] if bounds else (0, offset)
