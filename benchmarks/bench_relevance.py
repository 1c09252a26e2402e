"""The relevance check (relevance.py) per 4 KB article, by the path it takes.

    python benchmarks/bench_relevance.py

Kinds: the bundled seeds and synthetic articles (on topic: Ukraine and arms words found at
once); the off-topic fixtures of tests/test_relevance.py, each repeated to about 4 KB
(most do not name Ukraine); a Ukraine story with no arms words and no system names (the
word-set path); and one that names Ukraine and, in one paragraph, a system's name without
any arms word (the only path that runs the system tagger, on that paragraph).
"""

from __future__ import annotations

import sys
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import articles  # noqa: E402
from tests.test_relevance import OFF_TOPIC  # noqa: E402

from armstrack.relevance import relevance  # noqa: E402


def per_4kb(texts: list[str], number: int = 50) -> float:
    chars = sum(len(t) for t in texts)
    seconds = timeit.timeit(lambda: [relevance(t) for t in texts], number=number)
    return seconds / number / chars * 4096 * 1e6


def to_4kb(text: str) -> str:
    return " ".join([text] * max(1, 4096 // max(1, len(text))))


def main() -> None:
    relevance("Ukraine warms up the catalog")
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    synthetic = [a["text"] for a in articles(200)]
    off = [to_4kb(v) for k, v in OFF_TOPIC.items() if "Ukrain" not in k]
    grain = to_4kb(OFF_TOPIC["Ukraine, no arms"])
    # A Ukraine story of about 4 KB whose one paragraph names an athlete's javelin.
    athlete = "\n\n".join([*(OFF_TOPIC["Ukraine, no arms"].split("\n\n")[1] for _ in range(18)),
                            OFF_TOPIC["athletics, Ukrainian athlete"].split("\n\n")[1]])  # fmt: skip
    rows = [
        ("seed articles (on topic)", per_4kb(seeds, 200)),
        ("synthetic articles (on topic)", per_4kb(synthetic, 5)),
        (f"off topic, no Ukraine ({len(off)} fixtures)", per_4kb(off)),
        ("Ukraine, no arms words, no system names", per_4kb([grain])),
        ("Ukraine, and a system's name in one paragraph, no arms words (tagger)", per_4kb([athlete])),
    ]
    print(f"Python {sys.version.split()[0]}\n")
    print("| text | µs per 4 KB |\n| --- | ---: |")
    for name, micros in rows:
        print(f"| {name} | {micros:,.0f} |")


if __name__ == "__main__":
    main()
