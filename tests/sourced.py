"""The one check that a record is sourced, shared by the property tests and the fuzzer:
every offset lies in the text, and every item's text is what its offsets hold (or, for a
sentence too long to carry whole, a bounded window of it: docs/json.md, "Context")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from armstrack.text import CONTEXT_SIDE, CONTEXT_STEP, CONTEXT_WHOLE, CUT_MARK

LONGEST_FIND = 200  # the longest system name, amount or event trigger a window must still hold


def spans(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object in the record with a start, an end and (usually) its text."""
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
            yield path, node
        for key, value in node.items():
            yield from spans(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from spans(value, f"{path}[{i}]")


def check_sourced(body: str, data: dict[str, Any]) -> None:
    for path, item in spans(data):
        assert 0 <= item["start"] <= item["end"] <= len(body), path
        if item.get("cut"):  # a sentence carried as a window around its find
            window = item["text"].removeprefix(CUT_MARK).removesuffix(CUT_MARK)
            assert item["end"] - item["start"] > CONTEXT_WHOLE, path
            assert window in body[item["start"] : item["end"]], path
            assert len(window) <= 2 * CONTEXT_SIDE + CONTEXT_STEP + LONGEST_FIND, path
        elif "text" in item:
            assert body[item["start"] : item["end"]] == item["text"], path
