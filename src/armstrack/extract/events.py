"""Policy events: what the US decided, delivered, paused, restricted, sold and produced.

Trigger words per kind live in data/events.toml (compiled by extract/triggers.py), and a
sum whose role is a package's or an act's value is a trigger too; docs/events.md defines the
kinds. A trigger makes an event of its kind in its sentence unless:

* it is negated ("cannot provide", "none have been delivered", "no sales"), or a delivery
  only asked for ("appealed to countries to provide Ukraine with …");
* it is an adjective ("US-supplied weapons", "missiles provided by the US"), the object of
  a pause ("suspended the delivery") or a time ("before delivery"), or a person arriving;
* the sentence has nothing to do with arms, aid or the war (no weapon system, no word
  such as "weapons", "military", "Ukraine": "a yard sale", "patriotic duty"), unless the
  trigger's object is a pronoun ("paying for it") and its paragraph is about them;
* the kind's own check fails: a use policy needs a word of weapon use; a strike needs a
  named system (or US-supplied weapons) and a past strike, not "to strike"; an aid
  package needs a package word, or money beside aid words, and not only running totals
  ("has pledged $3.7 billion since the invasion"); a delivery pause must be about
  deliveries to Ukraine; training needs people to train; a meeting is not a press
  conference, "meet the needs" or talks held up; a request is not a source's asking for
  anonymity.

One sentence holds at most one event of each kind; a quote can be the evidence. Each event
carries a status (extract/status.py), its date (extract/eventdates.py; a linked package
takes its announcement day, extract/links.py), the systems of its sentence or of a definite
reference back (extract/references.py), and the sum it is about.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache

from pydantic import TypeAdapter

from armstrack.eventbody import summarize
from armstrack.extract.actors import ActorFinding
from armstrack.extract.captions import file_photo_lines, inside
from armstrack.extract.dates import FactSpan
from armstrack.extract.event_checks import DOMAIN, PACKAGE_ROLES, kind_holds
from armstrack.extract.eventdates import EventDater
from armstrack.extract.references import References
from armstrack.extract.status import event_status
from armstrack.extract.systems import Hit
from armstrack.extract.triggers import load_event_rules
from armstrack.models import Amount, Event, EventAmount, Published, Quote, TimeExpression
from armstrack.text import Sentences, context_bounds

# "appealed to countries to provide Ukraine with …": asked for, not delivered.
_ASKED_TO = re.compile(
    r"\b(?:ask(?:s|ed|ing)?|urg(?:e|es|ed|ing)|appeal(?:s|ed|ing)?|call(?:s|ed|ing)?\s+on|plead(?:s|ed|ing)?"
    r"|request(?:s|ed|ing)?|press(?:es|ed|ing)?)\b(?:\s+\S+){0,5}\s+to(?:\s+\S+){0,2}\s+$"
)
# "at its request", "at Kyiv's request", "at the request of": the reason for the sentence's act.
# Kinds of event a dated fact of data/facts.toml can be: a summit or a numbered Contact Group
# meeting is the meeting its words name ("met on the sidelines of the G7 summit in Puglia").
_FACT_KINDS = frozenset({"meeting"})
_AT_REQUEST = re.compile(r"\b(?:at|upon|on)\s+(?:the|its|their|his|her|our|[\w.-]+[’']s)\s+$")
_NEGATION = re.compile(
    r"\b(?:not|no|none|cannot|can't|can’t|won't|won’t|unable\s+to|never|nor|without|n't|n’t)\b(?:\s+\S+){0,3}\s*$"
)
# "would lift its suspension of military aid", "has reversed its pause", "terminated its
# suspension on sharing intelligence": the pause ends, the deliveries resume.
_PAUSE_LIFTED_BEFORE = re.compile(
    r"\b(?:lift\w*|end(?:s|ed|ing)?|revers\w*|terminat\w*|rescind\w*|undo\w*|undid|scrap\w*|drop(?:s|ped|ping)?)"
    r"\s+(?:the\s+|its\s+|their\s+|his\s+|a\s+)?(?:[\w-]+\s+)?$"
)
# A trigger with a pronoun as its object, just after it or ending it ("paying for it").
_PRONOUN_OBJECT = re.compile(r".[\w\s-]{0,40}?\s(?:it|them|these|those)\b")
_OWN_ROLES = frozenset({"package", "appropriation", "sale", "contract"})
_CONTEXT = 300  # characters of the sentence either side of a trigger that its checks read


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
    quotes: Sequence[Quote] = (),
    facts_named: Sequence[FactSpan] = (),
) -> list[Event]:
    if not sentences.starts:
        return []
    rules = load_event_rules()
    # (sentence index, kind) -> (confidence, the first trigger's start and end)
    found: dict[tuple[int, str], tuple[float, int, int]] = {}
    system_starts = [h.start for h in system_hits]
    time_starts = sorted(t.start for t in times)
    money_starts = [a.start for a in money]
    sentence_starts, sentence_ends = sentences.starts, sentences.ends
    about_arms: dict[int, bool] = {}  # per sentence: does it concern arms, aid or the war?
    # Per sentence short enough that every trigger's window is all of it: its systems, sums
    # and whether it dates itself, gathered once however many triggers it holds.
    whole: dict[int, tuple[bool, Sequence[Amount], bool]] = {}
    captions = file_photo_lines(low)  # an old picture's caption reports no event of the story
    for kind, start, end in _triggers(rules.pattern, low, money):
        i = max(bisect_right(sentence_starts, start) - 1, 0)  # sentences.index_at, inlined: hot
        if (i, kind) in found:
            continue  # the sentence already reports an event of this kind: one is enough
        if captions and inside(captions, start):
            continue
        # The sentence, but no more than a window around the trigger: a hostile one-sentence
        # megabyte must not be copied for every trigger in it.
        s_start = max(sentence_starts[i], start - _CONTEXT)
        s_end = min(sentence_ends[i], end + _CONTEXT)
        if _NEGATION.search(low, max(s_start, start - 40), start):
            continue
        if kind == "delivery" and _ASKED_TO.search(low, max(s_start, start - 60), start):
            continue
        if kind == "delivery_pause" and _PAUSE_LIFTED_BEFORE.search(low, max(s_start, start - 40), start):
            kind = "delivery"  # the pause lifted: deliveries resume
            if (i, kind) in found:
                continue
        gathered = whole.get(i)
        if gathered is None:
            near = system_hits[bisect_left(system_starts, s_start) : bisect_left(system_starts, s_end)]
            gathered = (
                bool(near) and any(not h.entry.is_category for h in near),
                money[bisect_left(money_starts, s_start) : bisect_left(money_starts, s_end)],
                _any_between(time_starts, s_start, s_end),
            )
            if sentence_ends[i] - sentence_starts[i] <= _CONTEXT:
                whole[i] = gathered
        systems_here, sums, dated = gathered
        relevant = about_arms.get(i)
        if relevant is None:
            relevant = about_arms[i] = bool(
                systems_here
                or DOMAIN.search(low, s_start, s_end)
                or _domain_by_pronoun(low, paragraphs, start, system_starts)
            )
        if not relevant:
            continue
        if not kind_holds(kind, rules.needs.get(kind), low, start, end, s_start, s_end, systems_here, sums):
            continue
        if kind == "delivery" and low.startswith("arriv", start) and actors.people_between(start - 30, start):
            continue  # "Blinken arrived in Kyiv": a visit, not a delivery
        if (
            kind == "request"
            and not systems_here
            and low.startswith("request", start)
            and _AT_REQUEST.search(low, s_start, start)
        ):
            continue  # "kept it quiet at its request": why something was done, no arms asked for
        found[i, kind] = (0.6 + (0.2 if systems_here else 0.0) + (0.1 if dated else 0.0), start, end)
    dater = EventDater(
        low,
        times,
        paragraphs,
        published,
        [(q.start, q.end) for q in quotes if not q.partial],
        text,
        facts_named,
    )
    references = References(low, sentences, paragraphs, system_hits)
    named_ids = _NamedIds(actors)
    quantity_starts = [a.start for a in quantities]
    per_evidence: dict[
        tuple[int, int], tuple[list[str], list[str], list[str], list[str], Sequence[Amount], str]
    ] = {}
    rows: list[dict[str, object]] = []  # validated together at the end: one call, not one per event
    for (_, kind), (confidence, start, end) in sorted(found.items()):
        # What the event carries is what its evidence shows: the sentence, or in a sentence
        # too long to carry whole, the words around the trigger (text.context_bounds).
        evidence = sentences.context(start, end)
        shown = per_evidence.get((evidence.start, evidence.end))
        if shown is None:  # several kinds often share a sentence: read it once
            lo, hi = context_bounds(text, evidence.start, evidence.end, start, end)
            systems = list(dict.fromkeys(h.entry.id for h in _systems_in(system_hits, system_starts, lo, hi)))
            by_reference = [] if systems else references.systems_for(lo, hi)
            shown = per_evidence[evidence.start, evidence.end] = (
                systems + by_reference, by_reference, _actors_in(named_ids, lo, hi),
                [
                    a.text for found_in, starts in ((money, money_starts), (quantities, quantity_starts))
                    for a in found_in[bisect_left(starts, lo) : bisect_left(starts, hi)] if a.kind != "percent"
                ],
                money[bisect_left(money_starts, lo) : bisect_left(money_starts, hi)], summarize(evidence.text),
            )  # fmt: skip
        systems, by_reference, named, amounts, sums, summary = shown
        status = event_status(kind, low, start, end, evidence.start, evidence.end)
        date, source = dater.date(
            evidence.start, evidence.end, start, end, may_be_fact=kind in _FACT_KINDS, done=status == "done"
        )
        rows.append(
            {
                "kind": kind, "date": date, "date_source": source, "status": status,
                "systems": systems, "systems_by_reference": by_reference, "actors": named,
                "amounts": amounts, "amount": _own_sum(sums, start) if sums else None,
                "summary": summary, "evidence": evidence, "confidence": round(min(confidence, 0.95), 2),
            }
        )  # fmt: skip
    return _event_list().validate_python(rows)


@cache
def _event_list() -> TypeAdapter[list[Event]]:
    return TypeAdapter(list[Event])


def _own_sum(sums: Sequence[Amount], at: int) -> EventAmount | None:
    """The sum the event is about: the package, act, sale or contract value nearest its trigger
    (a running total or a claim beside it is background, never the event's)."""
    own = [a for a in sums if a.role in _OWN_ROLES]
    if not own:
        return None
    a = min(own, key=lambda a: abs(a.start - at))
    return EventAmount(text=a.text, value=a.value, currency=a.currency, role=a.role)


def _triggers(pattern: re.Pattern[str], low: str, money: Sequence[Amount]) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every trigger in ``low``, in order: the words of data/events.toml,
    and each sum whose role says it is a package or an act's appropriation ("would provide
    $800 million in new assistance", "a bill with $61 billion for Ukraine")."""
    out = []
    padded = " " + low
    m = pattern.search(padded)
    while m is not None:
        group = m.lastgroup
        assert group is not None
        # The pattern's lead is one character, and ``low`` was given a leading space.
        out.append((group.split("__")[0], m.start(), m.end() - 1))
        # On from the trigger's first letter, not its end: a trigger inside a longer one
        # counts too ("receive US weapons that are paid for by allies" is also a sale).
        m = pattern.search(padded, m.start() + 1)
    # "$10 billion worth of weapons" values goods (a delivery or a sale), not a package.
    sums = [
        ("aid_package", a.start, a.end)
        for a in money
        if a.role in PACKAGE_ROLES and not low.startswith(" worth", a.end)
    ]
    return sorted(out + sums, key=lambda t: t[1]) if sums else out


def _domain_by_pronoun(
    low: str, paragraphs: list[tuple[int, int]], at: int, system_starts: list[int]
) -> bool:
    """A trigger whose object is a pronoun ("The European Union is paying for it.", "we will
    send them") is about what its paragraph and the one before are about: a system named there, or a word of the domain
    (read up to a bounded window, so a huge paragraph costs no more than a sentence)."""
    if not _PRONOUN_OBJECT.match(low, max(0, at - 1), min(len(low), at + 60)):
        return False
    p = bisect_right(paragraphs, (at, len(low) + 1)) - 1
    if p < 0:
        return False
    lo = paragraphs[max(0, p - 1)][0]
    hi = paragraphs[p][1]
    lo = max(lo, at - 2 * _CONTEXT)
    hi = min(hi, at + 2 * _CONTEXT)
    return _any_between(system_starts, lo, hi) or DOMAIN.search(low, lo, hi) is not None


def _any_between(starts: list[int], lo: int, hi: int) -> bool:
    i = bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def _systems_in(hits: Sequence[Hit], starts: list[int], lo: int, hi: int) -> list[Hit]:
    return [h for h in hits[bisect_left(starts, lo) : bisect_left(starts, hi)] if not h.entry.is_category]


class _NamedIds:
    """Actor ids by offset, people and the others apart: two bisects on plain ints per sentence."""

    def __init__(self, actors: ActorFinding) -> None:
        self.people = [m[2] for m in actors.person_mentions]
        self.people_starts = [m[0] for m in actors.person_mentions]
        self.others = [m[2] for m in actors.org_mentions]
        self.others_starts = [m[0] for m in actors.org_mentions]


def _actors_in(ids: _NamedIds, lo: int, hi: int) -> list[str]:
    """People first (the usual agents), then organizations and countries, each in order of appearance."""
    named = ids.people[bisect_left(ids.people_starts, lo) : bisect_left(ids.people_starts, hi)]
    named += ids.others[bisect_left(ids.others_starts, lo) : bisect_left(ids.others_starts, hi)]
    return list(dict.fromkeys(named)) if len(named) > 1 else named
