"""Policy events: what the US decided, delivered, paused, restricted, sold and produced.

Trigger words per kind live in data/events.toml; docs/events.md defines the kinds. A
trigger makes an event of its kind in its sentence unless:

* it is negated ("cannot provide", "should not expect another delivery", "no sales"), or a
  delivery only asked for ("appealed to countries to provide Ukraine with …");
* it is an adjective glued with a hyphen ("US-supplied weapons" is not a delivery);
* the sentence has nothing to do with arms, aid or the war (no weapon system, no word
  such as "weapons", "military", "Ukraine": "a yard sale", "patriotic duty");
* the kind's own check fails: a use policy needs a word of weapon use; a strike needs a
  named system (or "US-supplied weapons") and a past strike, not "to strike"; an aid
  package needs a package word, or money beside aid words, and not a running total
  ("aid now totals $2.4 billion"); a delivery pause must be about deliveries to Ukraine,
  not delays for other countries that Ukraine's priority causes; training needs people
  to train; a meeting is not a press conference and not "meet the needs".

One sentence may hold several events of different kinds; a quote can be the evidence.
Each event is dated by its sentence's own time expression, else the nearest one in its
paragraph, else the publication date; ``date_source`` says which.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from armstrack.extract.actors import ActorFinding
from armstrack.extract.systems import Hit
from armstrack.models import Amount, Event, Interval, Published, TimeExpression
from armstrack.resources import bundled_dir
from armstrack.text import Sentences, context_bounds

DateSource = Literal["sentence", "paragraph", "published", "none"]

_LEAD = r"[\s“\"‘(\[—–/]"
# "appealed to countries to provide Ukraine with …": asked for, not delivered.
_ASKED_TO = re.compile(
    r"\b(?:ask(?:s|ed|ing)?|urg(?:e|es|ed|ing)|appeal(?:s|ed|ing)?|call(?:s|ed|ing)?\s+on|plead(?:s|ed|ing)?"
    r"|request(?:s|ed|ing)?|press(?:es|ed|ing)?)\b(?:\s+\S+){0,5}\s+to(?:\s+\S+){0,2}\s+$"
)
_NEGATION = re.compile(
    r"\b(?:not|no|cannot|can't|can’t|won't|won’t|unable\s+to|never|nor|without|n't|n’t)\b(?:\s+\S+){0,3}\s*$"
)
_DOMAIN = re.compile(
    r"\b(?:weapons?|arms|missiles?|munitions?|ammunition|ammo|military|defen[cs]e|aid|assistance|security|pentagon"
    r"|ukrain\w*|kyiv|kiev|russia\w*|moscow|nato|troops|forces|army|artillery|rockets?|drones?|tanks?|jets?"
    r"|interceptors?|contractors?|war|strikes?|batter(?:y|ies)|launchers?|shells|howitzers?|soldiers|naval|navy"
    r"|warships?|destroyers?|pilots)\b"
)
_USE = re.compile(
    r"\b(?:use|used|using|uses|strike|strikes|striking|target|targets|targeting|fire|firing|hit|attack\w*)\b"
)
_US_WEAPONS = re.compile(
    r"\b(?:us|u\.s\.|american|western)[- ](?:supplied|provided|made)\s+(?:weapons|missiles|arms|rockets)"
)
_MODAL_BEFORE = re.compile(r"\b(?:to|would|could|might|may|will|can|should)\s+$")
_PACKAGE_WORDS = re.compile(
    r"package|drawdown|tranche|pda|usai|initiative|supplemental|appropriat|financing|fmf"
)
_AID_WORDS = re.compile(r"\b(?:aid|assistance|package|drawdown|appropriat\w*|funding|support)\b")
_AID_WORDS_BESIDE = re.compile(r"\b(?:aid|assistance|drawdown|appropriat\w*|funding)\b")
_INCLUDES = re.compile(r"\b(?:includ\w*|contain\w*|compris\w*)\b")
_RUNNING_TOTAL = re.compile(r"\b(?:totals?|totall?ed|totall?ing|to date|so far|cumulative|in all)\b")
_OTHER_RECIPIENTS = re.compile(
    r"\b(?:other countries|other nations|others|allies|partners|waiting list|queue|israel|taiwan)\b"
)
_UKRAINE = re.compile(r"\b(?:ukrain\w*|kyiv|kiev)\b")
_PRESS = re.compile(r"(?:press|news)\s+$")
# "meet the demand", "meet Ukraine's critical security and defense needs": the object may
# carry a few words of its own, but not a "to" ("meeting to discuss the needs" is a meeting).
_MEET_NEEDS = re.compile(
    r"\s+(?:(?!to\b)[\w'’-]+\s+){0,6}?(?:needs|demands?|requirements|targets|goals|standards|criteria|deadlines?|threats|challenges|expectations|obligations|commitments)\b"
)
_TRAINEES = re.compile(
    r"\b(?:troops|soldiers|forces|pilots|crews|personnel|operators|units|servicemembers|recruits|brigades?|staff)\b"
)
_SUMMARY_LENGTH = 200
_CONTEXT = 300  # characters of the sentence either side of a trigger that its checks read


@dataclass(frozen=True, slots=True)
class EventRules:
    pattern: re.Pattern[str]
    needs: dict[str, str]


@cache
def load_event_rules() -> EventRules:
    with (bundled_dir("data") / "events.toml").open("rb") as f:
        kinds = tomllib.load(f)["kind"]
    return EventRules(
        pattern=_factored((k["id"], t) for k in kinds for t in k["triggers"]),
        needs={k["id"]: k["needs"] for k in kinds if "needs" in k},
    )


def _split_alternatives(group: str) -> list[str]:
    """The top-level alternatives of a regex fragment ("a|b(?:c|d)" → ["a", "b(?:c|d)"])."""
    parts, depth, current, escaped = [], 0, "", False
    for ch in group:
        if escaped:
            current, escaped = current + ch, False
            continue
        if ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(current)
            current = ""
            continue
        current += ch
    return [*parts, current]


def _leading_literal(trigger: str) -> list[str]:
    """Triggers rewritten so that each starts with a literal character: a leading
    "(?:stop|delay)…" group is distributed ("stop…", "delay…")."""
    if not trigger.startswith("(?:"):
        return [trigger]
    depth = 0
    for i, ch in enumerate(trigger):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0:
            inner, rest = trigger[3:i], trigger[i + 1 :]
            if rest.startswith(("?", "*", "+", "{")):
                return [trigger]  # an optional leading group: leave it whole
            return [alt + rest for x in _split_alternatives(inner) for alt in _leading_literal(x)]
    return [trigger]


def _factored(triggers: Iterable[tuple[str, str]]) -> re.Pattern[str]:
    """One pattern for every trigger, with the alternatives grouped by their first character.

    ``re`` skips an alternative that starts with a literal the text does not have after one
    comparison, so factoring by first character costs a couple of dozen comparisons per
    word instead of a hundred. Each trigger ends with an empty named group (``delivery__3``)
    so that a match still says its kind without putting a group before the literal.
    """
    by_first: dict[str, list[str]] = {}
    for n, (kind, trigger) in enumerate((k, t) for k, raw in triggers for t in _leading_literal(raw)):
        first, rest = (trigger[:2], trigger[2:]) if trigger.startswith("\\") else (trigger[:1], trigger[1:])
        if first == "[":  # a leading character class stays whole
            first, rest = trigger[: trigger.index("]") + 1], trigger[trigger.index("]") + 1 :]
        # An empty named group at the end marks the kind and keeps the literal first.
        by_first.setdefault(first, []).append(f"{rest}(?P<{kind}__{n}>)")
    branches = "|".join(f"{first}(?:{'|'.join(alts)})" for first, alts in by_first.items())
    return re.compile(_LEAD + "(?:" + branches + r")(?![a-z])")


def find_events(
    text: str,
    low: str,
    sentences: Sentences,
    paragraphs: list[tuple[int, int]],
    system_hits: Sequence[Hit],
    money: Sequence[Amount],
    quantities: Sequence[Amount],
    actors: ActorFinding,
    times: Sequence[TimeExpression],
    published: Published,
) -> list[Event]:
    if not sentences.starts:
        return []
    rules = load_event_rules()
    # (sentence index, kind) -> (confidence, the first trigger's start and end)
    found: dict[tuple[int, str], tuple[float, int, int]] = {}
    system_starts = [h.start for h in system_hits]
    time_starts = sorted(t.start for t in times)
    money_starts = [a.start for a in money]
    for m in rules.pattern.finditer(" " + low):
        group = m.lastgroup
        assert group is not None
        kind = group.split("__")[0]
        start, end = (
            m.start() + 1 - 1,
            m.end() - 1,
        )  # the trigger, in ``low`` (the pattern's lead is one char)
        i = sentences.index_at(start)
        # The sentence, but no more than a window around the trigger: a hostile one-sentence
        # megabyte must not be copied for every trigger in it.
        s_start = max(sentences.starts[i], start - _CONTEXT)
        s_end = min(sentences.ends[i], end + _CONTEXT)
        sentence = low[s_start:s_end]
        systems_here = _systems_in(system_hits, system_starts, s_start, s_end)
        if _NEGATION.search(low, max(s_start, start - 40), start):
            continue
        if kind == "delivery" and _ASKED_TO.search(low, max(s_start, start - 60), start):
            continue
        if not (systems_here or _DOMAIN.search(sentence)):
            continue
        has_money = _any_between(money_starts, s_start, s_end)
        if not _kind_holds(
            kind, rules.needs.get(kind), low, start, end, s_start, s_end, systems_here, has_money
        ):
            continue
        dated = _any_between(time_starts, s_start, s_end)
        confidence = 0.6 + (0.2 if systems_here else 0.0) + (0.1 if dated else 0.0)
        key = (i, kind)
        seen = found.get(key)
        found[key] = (max(seen[0], confidence), seen[1], seen[2]) if seen else (confidence, start, end)
    dater = _Dater(times, paragraphs, published)
    quantity_starts = [a.start for a in quantities]
    events: list[Event] = []
    for (_, kind), (confidence, start, end) in sorted(found.items()):
        # What the event carries is what its evidence shows: the sentence, or in a sentence
        # too long to carry whole, the words around the trigger (text.context_bounds).
        evidence = sentences.context(start, end)
        lo, hi = context_bounds(text, evidence.start, evidence.end, start, end)
        date, source = dater.date(evidence.start, evidence.end)
        events.append(
            Event(
                kind=kind, date=date, date_source=source,
                systems=list(dict.fromkeys(h.entry.id for h in _systems_in(system_hits, system_starts, lo, hi))),
                actors=_actors_in(actors, lo, hi),
                amounts=[
                    a.text for found_in, starts in ((money, money_starts), (quantities, quantity_starts))
                    for a in found_in[bisect_left(starts, lo) : bisect_left(starts, hi)] if a.kind != "percent"
                ],
                summary=summarize(evidence.text), evidence=evidence, confidence=round(min(confidence, 0.95), 2),
            )
        )  # fmt: skip
    return events


def _any_between(starts: list[int], lo: int, hi: int) -> bool:
    i = bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def _systems_in(hits: Sequence[Hit], starts: list[int], lo: int, hi: int) -> list[Hit]:
    return [h for h in hits[bisect_left(starts, lo) : bisect_left(starts, hi)] if not h.entry.is_category]


def _kind_holds(
    kind: str,
    need: str | None,
    low: str,
    start: int,
    end: int,
    s_start: int,
    s_end: int,
    systems_here: list[Hit],
    has_money: bool,
) -> bool:
    sentence = low[s_start:s_end]
    if need == "use" and not _USE.search(sentence):
        return False
    if need == "system":
        if not (systems_here or _US_WEAPONS.search(sentence)):
            return False
        if _MODAL_BEFORE.search(low, max(s_start, start - 12), start):
            return False  # "would like to strike", "could hit": not a strike that happened
    if need == "money_aid":
        if _RUNNING_TOTAL.search(sentence):
            return False  # "aid now totals $2.4 billion since the war began": background
        trigger = low[start:end]
        if trigger == "package":  # a bare "package" is aid only with aid words, money, or weapons it includes
            includes_weapons = _INCLUDES.search(sentence) and (systems_here or _DOMAIN.search(sentence))
            if not (has_money or _AID_WORDS_BESIDE.search(sentence) or includes_weapons):
                return False
        elif not _PACKAGE_WORDS.search(trigger) and not (has_money and _AID_WORDS.search(sentence)):
            return False
    if need == "ukraine" and (
        not _UKRAINE.search(sentence) or _OTHER_RECIPIENTS.search(low, end, min(s_end, end + 40))
    ):
        return False  # "delays for other countries" is not a pause of deliveries to Ukraine
    if kind == "delivery" and start > 0 and low[start - 1] == "-":
        return False
    if kind == "meeting":
        if _PRESS.search(low, max(s_start, start - 8), start):
            return False  # a press conference is a statement, not a meeting
        if low.startswith("meet", start) and _MEET_NEEDS.match(low, end):
            return False
    return kind != "training" or _TRAINEES.search(sentence) is not None


def _actors_in(actors: ActorFinding, lo: int, hi: int) -> list[str]:
    """People first (the usual agents), then organizations and countries, each in order of appearance."""
    people = [p[2] for p in actors.people_between(lo, hi)]
    others = [o[2] for o in actors.others_between(lo, hi)]
    return list(dict.fromkeys(people + others))


class _Dater:
    """Dates a sentence: its own time expression, else the nearest in its paragraph, else publication."""

    def __init__(
        self, times: Sequence[TimeExpression], paragraphs: list[tuple[int, int]], published: Published
    ):
        self.times = [t for t in times if t.resolved is not None]
        self.starts = [t.start for t in self.times]
        self.paragraphs = paragraphs
        self.para_starts = [p[0] for p in paragraphs]
        self.published = published

    def date(self, lo: int, hi: int) -> tuple[Interval | None, DateSource]:
        own = self.times[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]
        if own:
            return own[0].resolved, "sentence"
        p = bisect_right(self.para_starts, lo) - 1
        if p >= 0:
            p_start, p_end = self.paragraphs[p]
            near = self.times[bisect_left(self.starts, p_start) : bisect_left(self.starts, p_end)]
            if near:
                return min(near, key=lambda t: abs(t.start - lo)).resolved, "paragraph"
        if self.published.date is not None:
            d = self.published.date
            return Interval(start=d, end=d, precision="day"), "published"
        return None, "none"


def summarize(sentence: str) -> str:
    """The sentence on one line, cut at a word boundary: words from the text, none invented."""
    line = " ".join(sentence.split())
    if len(line) <= _SUMMARY_LENGTH:
        return line
    cut = line.rfind(" ", 0, _SUMMARY_LENGTH - 1)
    return line[: cut if cut > 0 else _SUMMARY_LENGTH - 1].rstrip(",;:") + "…"
