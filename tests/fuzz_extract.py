"""A time-bounded fuzzer over the loader and the extractors (not collected by pytest; CI
runs it for 45 s):

    python tests/fuzz_extract.py --seconds 45 [--seed N]

It mutates the bundled seed articles (cuts, splices, duplicated slices, hostile characters,
bytes decoded as cp1252) and extracts each mutant, checking the same properties as
tests/test_properties.py: a record comes out (or a clear InputError), and every offset
slices to its text. A failure prints the seed and the mutant's repr, and exits 1.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from armstrack.errors import InputError
from armstrack.extract.pipeline import extract
from armstrack.loader import load_bytes, load_text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the script runs from any folder
from tests.sourced import check_sourced

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
HOSTILE = [
    "\x00",
    "\x1b[31m",
    "\x1b]8;;x\x07",
    "\r",
    "\u202e",
    "“",
    "”",
    "(",
    "]",
    "$",
    "%",
    "\n\n",
    "..",
    "Gen. ",
    "$1.5 billion",
]


def mutate(rng: random.Random, texts: list[str]) -> str:
    text = rng.choice(texts)
    for _ in range(rng.randint(1, 6)):
        i, j = sorted(rng.randrange(len(text) + 1) for _ in range(2))
        op = rng.randrange(5)
        if op == 0:
            text = text[:i] + text[j:]  # cut
        elif op == 1:
            other = rng.choice(texts)
            k = rng.randrange(len(other) + 1)
            text = text[:i] + other[k : k + rng.randint(1, 400)] + text[i:]  # splice
        elif op == 2:
            text = text[:i] + text[i:j][:2000] * rng.randint(2, 20) + text[j:]  # repeat
        elif op == 3:
            text = text[:i] + "".join(rng.choice(HOSTILE) for _ in range(rng.randint(1, 30))) + text[i:]
        else:
            text = text[:i] + text[i:j].upper() + text[j:]
    return text[:200_000]


def check(text: str, rng: random.Random) -> None:
    try:
        if rng.random() < 0.2:
            article = load_bytes(text.encode("utf-8", "surrogatepass")[: rng.randint(0, 60_000)], name="fuzz")
        else:
            article = load_text(text)
    except InputError:
        return
    record = extract(article)
    check_sourced(record.text, record.model_dump(mode="json"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=45.0)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    deadline = time.monotonic() + args.seconds
    runs = 0
    while time.monotonic() < deadline:
        mutant = mutate(rng, texts)
        try:
            check(mutant, rng)
        except Exception:
            print(
                f"fuzz: failure with --seed {seed} after {runs} inputs; input: {mutant[:2000]!r}",
                file=sys.stderr,
            )
            raise
        runs += 1
    print(f"fuzz: {runs} inputs in {args.seconds:.0f} s, no failure (seed {seed})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
