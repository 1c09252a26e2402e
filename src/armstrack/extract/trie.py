"""Compile many aliases into one regular expression shaped as a prefix trie.

Python's ``re`` does not factor alternations: ``Patriot|PAC-3|Paladin|...`` tries every
branch at every position. Sharing prefixes ("P" → "a" → "t"/"l"/"c") lets the engine drop
a whole subtree after one character, which measured about 8x faster on 300 aliases
(benchmarks/RESULTS.md).

Matching rules, shared by every alias:

* case is ignored (callers re-check case where it matters);
* wherever the alias has a separator (space, hyphen, dash) or switches between letters
  and digits, the text may have one separator or none ("PAC-3" = "PAC 3" = "PAC3");
* an alias starting with a letter needs a non-word character before it; one starting with
  a digit only needs a non-digit ("and155mm" still yields "155mm");
* an alias ending in a letter may take a plural "s" and then needs a non-word character;
  one ending in a digit needs a non-digit after it ("F-16s", "M1A2" both work).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from armstrack.catalog import SEPARATORS

_SEP = object()  # a trie edge meaning "one optional separator"
_SEP_RE = f"[{re.escape(SEPARATORS)}]?"
_END = ""  # the key of a node's end-of-alias marker


def _tokens(alias: str) -> list[object]:
    tokens: list[object] = []
    previous = ""
    for ch in alias.casefold():
        if ch in SEPARATORS:
            if tokens and tokens[-1] is not _SEP:
                tokens.append(_SEP)
        else:
            switches = (
                previous and (previous.isdigit() != ch.isdigit()) and previous.isalnum() and ch.isalnum()
            )
            if switches and tokens[-1] is not _SEP:
                tokens.append(_SEP)
            tokens.append(ch)
        previous = ch if ch not in SEPARATORS else ""
    while tokens and tokens[-1] is _SEP:
        tokens.pop()
    return tokens


def _boundary_after(last: str) -> str:
    if last.isdigit():
        return r"(?!\d)"
    if last.isalpha():
        return r"s?(?!\w)"
    return ""


def _emit(node: dict[object, dict[object, object]], last: str) -> str:
    branches: list[str] = []
    for token, child in node.items():
        if token == _END:
            continue
        if token is _SEP:
            branches.append(_SEP_RE + _emit(child, last))  # type: ignore[arg-type]
        else:
            assert isinstance(token, str)
            branches.append(re.escape(token) + _emit(child, token))  # type: ignore[arg-type]
    if _END in node:
        branches.append(_boundary_after(last))  # longer aliases are tried first
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def trie_pattern(aliases: Iterable[str]) -> str:
    """The regex source matching any of ``aliases`` under the rules above."""
    roots: dict[str, dict[object, dict[object, object]]] = {"alpha": {}, "digit": {}}
    for alias in aliases:
        tokens = _tokens(alias)
        if not tokens:
            continue
        first = tokens[0]
        assert isinstance(first, str)
        node: dict[object, dict[object, object]] = roots["digit" if first.isdigit() else "alpha"]
        for token in tokens:
            node = node.setdefault(token, {})  # type: ignore[assignment]
        node[_END] = {}
    parts = []
    if roots["alpha"]:
        parts.append(r"(?<!\w)" + _emit(roots["alpha"], ""))
    if roots["digit"]:
        parts.append(r"(?<![\d.,])" + _emit(roots["digit"], ""))
    return "|".join(f"(?:{p})" for p in parts)


def compile_trie(aliases: Iterable[str]) -> re.Pattern[str]:
    return re.compile(trie_pattern(aliases), re.IGNORECASE)
