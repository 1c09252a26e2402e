"""Is an article about arms for Ukraine? Asked before the full extraction of what a feed
brings, so that a football report on the Patriots or a javelin final is skipped, not
stored with a Patriot system in it.

An article is on topic when it names Ukraine (the country, Kyiv, its people or its
president) and either a catalog system in its military sense (systems.py checks each
name's context: "Patriot" beside "quarterback" is not the air defense system) or the words
of arms and aid ("weapons", "military aid", "air defense", "drawdown", …). The check reads
the text once with two compiled patterns and the system tagger: no dates, quotes or events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from armstrack.extract.systems import default_tagger
from armstrack.text import Sentences

_UKRAINE = re.compile(r"\b(?:Ukrain\w*|Kyiv|Kiev|Zelensk\w*|Zelenskyy)\b", re.IGNORECASE)
_ARMS = re.compile(
    r"\b(?:weapons?|arms (?:deliver\w*|sales?|packages?|shipments?|transfers?)|military (?:aid|assistance|support|package)"
    r"|security assistance|air defen[cs]es?|missiles?|munitions?|ammunition|artillery|tanks?|howitzers?"
    r"|drawdowns?|(?:aid|weapons) packages?|interceptors?|rocket systems?|armou?red vehicles?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Relevance:
    on_topic: bool
    reason: str  # for the summary and --verbose: what decided it


def relevance(text: str) -> Relevance:
    """Whether ``text`` is about arms for Ukraine, and why."""
    if not _UKRAINE.search(text):
        return Relevance(False, "does not name Ukraine")
    if _ARMS.search(text):
        return Relevance(True, "names Ukraine and arms or aid")
    sentences = Sentences.split(text, [(0, len(text))])
    named = [hit.entry.name for hit in default_tagger().hits(text, sentences) if not hit.entry.is_category]
    if named:
        return Relevance(True, f"names Ukraine and {named[0]}")
    return Relevance(False, "names Ukraine but no weapons or aid")
