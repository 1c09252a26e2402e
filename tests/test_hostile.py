"""Hostile megabyte inputs extract in bounded time (the full set, against 3 s each, is
benchmarks/bench_adversarial.py). The bound here is generous, five times the target, so
that only catastrophic backtracking or a quadratic loop can trip it on a slow CI machine."""

from __future__ import annotations

import time

import pytest

from armstrack.extract.pipeline import extract
from armstrack.loader import load_text

WORST = {  # the slowest in benchmarks/RESULTS.md
    # every sum a package, every one dated by a weekday: once quadratic in linking sums to days
    "packages": "$300 million aid package on Friday " * 25_000,
    "finite": "a finite number " * 50_000,
    "names": "Stacey Abrams " * 70_000,
    "titles": "Minister General Secretary Patriot " * 40_000,
    # one endless sentence of short quotes: once quadratic when each read its sentence whole
    "quotes": "“He said”" * 50_000,
}


@pytest.mark.slow
@pytest.mark.parametrize("name", WORST)
def test_worst_hostile_inputs_are_bounded(name: str) -> None:
    text = WORST[name]
    start = time.perf_counter()
    record = extract(load_text(text))
    assert time.perf_counter() - start < 15.0
    for system in record.systems[:3]:
        for m in system.mentions[:100]:
            assert record.text[m.start : m.end] == m.text
