"""Counts that name a kind, not a system: "eighteen 155 mm howitzers" in a report whose only
howitzer is the M777 counts M777s.

Reporting names a system once and then counts it by its kind ("A new batch of M777
howitzers … the package includes eighteen 155 mm howitzers"). A count whose unit is a noun
the catalog gives systems as ``counted_as`` ("howitzer", "tank", "radar") is tied to the
system when every one of these holds:

* the article names exactly one system counted by that noun (an M777 and a Paladin named:
  neither);
* the count's own words name nothing else: no capitalised word after its number ("14
  Leopard tanks", "two Soviet-era helicopters");
* its sentence is about giving arms (a package, sending, delivering, receiving, …) and
  names no country but the US and Ukraine, nor Russia's side ("Russia has lost 3,000
  tanks", "Germany will send 14 tanks").

The tie shows its evidence: ``system_evidence`` is the system's mention it rests on, the
nearest one before the count (else the first after it).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from armstrack.extract.systems import Hit
from armstrack.models import Actor, Amount, Span

_GIVING = re.compile(
    r"\b(?:packages?|includ|send|sent|deliver|provid|provision|receiv|arriv|suppl|ship|pledg|promis"
    r"|transfer|giv|gave|donat|tranche|aid\b|assistance)"
)
_OTHER_SIDE = re.compile(r"\b(?:russia|russian|russians|moscow|kremlin|soviet)\b")
_OWN_SIDES = frozenset({"united-states", "ukraine"})


def tie_kind_counts(
    quantities: list[Amount],
    text: str,
    low: str,
    hits: Sequence[Hit],
    actors: Sequence[Actor],
    org_mentions: Sequence[tuple[int, int, str, str]],
) -> list[Amount]:
    """``quantities`` with each count of a kind tied to the one system of that kind the
    article names (module docstring). ``low`` is ``text`` lower-cased; ``hits`` the system
    tagger's, in text order; ``org_mentions`` (start, end, actor id, name) in text order."""
    by_noun: dict[str, list[Hit]] = {}
    for hit in hits:
        for noun in hit.entry.counted_as:
            by_noun.setdefault(noun, []).append(hit)
    if not by_noun:
        return quantities  # the usual case: no system counted by a plain noun is named
    countries = {a.id for a in actors if a.kind == "country"} - _OWN_SIDES
    org_starts = [start for start, _, _, _ in org_mentions]
    out = []
    for q in quantities:
        named = by_noun.get(q.unit.split()[-1].removesuffix("s")) if q.kind == "count" and q.unit else None
        if q.system is None and named and len({h.entry.id for h in named}) == 1:
            s_start, s_end = q.sentence.start, q.sentence.end
            after_number = q.text.split(None, 1)[1:]
            sentence = low[s_start:s_end]
            if (
                not any(c.isupper() for c in "".join(after_number))
                and _GIVING.search(sentence)
                and not _OTHER_SIDE.search(sentence)
                and not any(
                    org_mentions[i][2] in countries
                    for i in range(bisect_left(org_starts, s_start), bisect_left(org_starts, s_end))
                )
            ):
                before = [h for h in named if h.start < q.start]
                hit = before[-1] if before else named[0]
                evidence = Span(text=text[hit.start : hit.end], start=hit.start, end=hit.end)
                q = q.model_copy(update={"system": hit.entry.id, "system_evidence": evidence})
        out.append(q)
    return out
