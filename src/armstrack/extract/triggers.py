"""The trigger words of every event kind, compiled into one pattern (data/events.toml).

One scan of the article finds every kind's triggers: the alternatives are grouped by their
first character, so a word that starts none of them costs one comparison.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from armstrack.resources import bundled_dir

_LEAD = r"[\s“\"‘(\[—–/]"


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
