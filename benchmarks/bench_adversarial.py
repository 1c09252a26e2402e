"""Extraction time on hostile 1 MB-scale inputs: no catastrophic backtracking, no quadratic loops.

    python benchmarks/bench_adversarial.py

Each input must extract in under 3 s (the figure is printed; the script exits 1 if any
input goes over).
"""

from __future__ import annotations

import sys
import time

LIMIT_SECONDS = 3.0
CASES = {
    '"a" x 10^6': "a" * 10**6,
    '"“" x 2*10^5': "“" * 2 * 10**5,
    '"1" x 3*10^5': "1" * 3 * 10**5,
    '"Minister General Secretary Patriot " x 40,000': "Minister General Secretary Patriot " * 40_000,
    '"on Tuesday, June 20, " x 30,000': "on Tuesday, June 20, " * 30_000,
    '"$1.5 billion and " x 40,000': "$1.5 billion and " * 40_000,
    '"[" x 10^5 + "]" x 10^5': "[" * 10**5 + "]" * 10**5,
    '"." x 10^6': "." * 10**6,
    '"1 " x 3*10^5': "1 " * 3 * 10**5,
    '"1," x 3*10^5': "1," * 3 * 10**5,
    '"two Patriot batteries " x 40,000': "two Patriot batteries " * 40_000,
    '"a finite number " x 50,000': "a finite number " * 50_000,
    '"Stacey Abrams " x 70,000': "Stacey Abrams " * 70_000,
    '"delivered HIMARS to Ukraine on Monday " x 25,000': "delivered HIMARS to Ukraine on Monday " * 25_000,
    '"“He said” x 50,000': "“He said” " * 50_000,
    "''Yes,'' said Mr. Smith. x 25,000": "''Yes,'' said Mr. Smith. " * 25_000,
    '"the day before " x 50,000': "the day before " * 50_000,
    '"$300 million aid package on Friday " x 25,000': "$300 million aid package on Friday " * 25_000,
    '"Mr. Okafor said he " x 40,000': "Mr. Okafor said he " * 40_000,
    '"“Fine,” Johnson said, ― Ann Lee " x 25,000': "“Fine,” Johnson said, ― Ann Lee " * 25_000,
    '"the 25th Ramstein meeting, the 30th " x 25,000': "the 25th Ramstein meeting, the 30th " * 25_000,
    '"‘Fine,’ the latter said of Ukraine’s " x 30,000': "‘Fine,’ the latter said of Ukraine’s " * 30_000,
    '"lifted its suspension of aid, and the " x 25,000': "lifted its suspension of aid, and the " * 25_000,
    '"After Putin spoke, the president said, “Fine,” " x 20,000': (
        "After Putin spoke, the president said, “Fine,” " * 20_000
    ),
    '"“Fine,” the president of Ukraine said. " x 25,000': "“Fine,” the president of Ukraine said. " * 25_000,
    '"postponed until Trump meets Putin. " x 14,000': (
        "The sale of the missiles was postponed until Trump meets Putin. " * 14_000
    ),
}


def main() -> int:
    from armstrack.extract.pipeline import extract  # here: bench_hostile_commands imports CASES only
    from armstrack.loader import load_text

    worst = 0.0
    print("| input | chars | seconds |")
    print("| --- | ---: | ---: |")
    for name, text in CASES.items():
        start = time.perf_counter()
        extract(load_text(text))
        seconds = time.perf_counter() - start
        worst = max(worst, seconds)
        print(f"| {name} | {len(text):,} | {seconds:.2f} |", flush=True)
    return 0 if worst < LIMIT_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
