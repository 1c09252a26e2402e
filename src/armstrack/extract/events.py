"""Policy events: what the US decided, delivered, paused, restricted, sold and produced.

Trigger words per kind live in data/events.toml; docs/events.md defines the kinds. A
trigger makes an event of its kind in its sentence unless:

* it is negated ("cannot provide", "should not expect another delivery", "no sales");
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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from armstrack.extract.actors import ActorFinding
from armstrack.extract.systems import Hit
from armstrack.models import Amount, Event, Interval, Published, Span, TimeExpression
from armstrack.resources import bundled_dir
from armstrack.text import Sentences

DateSource = Literal["sentence", "paragraph", "published", "none"]

_LEAD = r"[\s“\"‘(\[—–/]"
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
_PACKAGE_WORDS = re.compile(r"package|drawdown|pda|usai|initiative|supplemental|appropriat|enterprise")
_AID_WORDS = re.compile(r"\b(?:aid|assistance|package|drawdown|appropriat\w*|funding|support)\b")
_AID_WORDS_BESIDE = re.compile(r"\b(?:aid|assistance|drawdown|appropriat\w*|funding)\b")
_INCLUDES = re.compile(r"\b(?:includ\w*|contain\w*|compris\w*)\b")
_RUNNING_TOTAL = re.compile(r"\b(?:totals?|totall?ed|totall?ing|to date|so far|cumulative|in all)\b")
_OTHER_RECIPIENTS = re.compile(
    r"\b(?:other countries|other nations|others|allies|partners|waiting list|queue|israel|taiwan)\b"
)
_UKRAINE = re.compile(r"\b(?:ukrain\w*|kyiv|kiev)\b")
_PRESS = re.compile(r"(?:press|news)\s+$")
_MEET_NEEDS = re.compile(
    r"\s+(?:the\s+|those\s+|its\s+|their\s+|these\s+)?(?:needs|demands?|requirements|targets|goals|standards|criteria|deadlines?)\b"
)
_TRAINEES = re.compile(
    r"\b(?:troops|soldiers|forces|pilots|crews|personnel|operators|units|servicemembers|recruits|brigades?|staff)\b"
)
_SUMMARY_LENGTH = 200


@dataclass(frozen=True, slots=True)
class EventRules:
    pattern: re.Pattern[str]
    needs: dict[str, str]


@cache
def load_event_rules() -> EventRules:
    with (bundled_dir("data") / "events.toml").open("rb") as f:
        kinds = tomllib.load(f)["kind"]
    groups = "|".join(f"(?P<{k['id']}>{'|'.join(k['triggers'])})" for k in kinds)
    return EventRules(
        pattern=re.compile(_LEAD + "(?:" + groups + r")(?![a-z])"),
        needs={k["id"]: k["needs"] for k in kinds if "needs" in k},
    )


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
    found: dict[tuple[int, str], float] = {}  # (sentence index, kind) -> confidence
    system_starts = [h.start for h in system_hits]
    for m in rules.pattern.finditer(" " + low):
        kind = m.lastgroup
        assert kind is not None
        start, end = m.start(kind) - 1, m.end(kind) - 1
        i = sentences.index_at(start)
        s_start, s_end = sentences.starts[i], sentences.ends[i]
        sentence = low[s_start:s_end]
        systems_here = _systems_in(system_hits, system_starts, s_start, s_end)
        if _NEGATION.search(low, max(s_start, start - 40), start):
            continue
        if not (systems_here or _DOMAIN.search(sentence)):
            continue
        if not _kind_holds(kind, rules.needs.get(kind), low, start, end, s_start, s_end, systems_here, money):
            continue
        confidence = (
            0.6
            + (0.2 if systems_here else 0.0)
            + (0.1 if any(s_start <= t.start < s_end for t in times) else 0.0)
        )
        key = (i, kind)
        found[key] = max(found.get(key, 0.0), confidence)
    dater = _Dater(times, paragraphs, published)
    events: list[Event] = []
    for (i, kind), confidence in sorted(found.items()):
        s_start, s_end = sentences.starts[i], sentences.ends[i]
        evidence = Span.model_construct(text=text[s_start:s_end], start=s_start, end=s_end)
        date, source = dater.date(s_start, s_end)
        events.append(
            Event.model_construct(
                kind=kind, date=date, date_source=source,
                systems=list(dict.fromkeys(h.entry.id for h in _systems_in(system_hits, system_starts, s_start, s_end))),
                actors=_actors_in(actors, s_start, s_end),
                amounts=[a.text for a in (*money, *quantities) if s_start <= a.start < s_end and a.kind != "percent"],
                summary=summarize(evidence.text), evidence=evidence, confidence=round(min(confidence, 0.95), 2),
            )
        )  # fmt: skip
    return events


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
    money: Sequence[Amount],
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
        has_money = any(s_start <= a.start < s_end for a in money)
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
    people = [p[2] for p in actors.person_mentions if lo <= p[0] < hi]
    others = [o[2] for o in actors.org_mentions if lo <= o[0] < hi]
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
            return Interval.model_construct(start=d, end=d, precision="day"), "published"
        return None, "none"


def summarize(sentence: str) -> str:
    """The sentence on one line, cut at a word boundary: words from the text, none invented."""
    line = " ".join(sentence.split())
    if len(line) <= _SUMMARY_LENGTH:
        return line
    cut = line.rfind(" ", 0, _SUMMARY_LENGTH - 1)
    return line[: cut if cut > 0 else _SUMMARY_LENGTH - 1].rstrip(",;:") + "…"
