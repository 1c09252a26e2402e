"""Extraction speed on the bundled seeds, per stage, normalised to a 4 KB article.

    python benchmarks/bench_extract.py            # prints a Markdown table

Each figure is the best of several rounds of many repetitions (``timeit``), which
is the least noisy estimate on a shared machine. The "alternation" row compiles the same
aliases joined with ``|`` to show what the trie saves.
"""

from __future__ import annotations

import platform
import re
import sys
import timeit
from pathlib import Path

from armstrack.catalog import load_catalog
from armstrack.extract.actors import find_actors
from armstrack.extract.amounts import extract_amounts
from armstrack.extract.dates import date_article
from armstrack.extract.events import find_events
from armstrack.extract.pipeline import extract
from armstrack.extract.quotes import extract_quotes
from armstrack.extract.systems import default_tagger
from armstrack.extract.timex import find_time_mentions
from armstrack.loader import load_path, load_text
from armstrack.text import Sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def per_4kb(seconds: float, chars: int) -> float:
    return seconds / chars * 4096 * 1e6  # µs per 4 KB


def best(fn, number: int = 50, repeat: int = 15) -> float:  # type: ignore[no-untyped-def]
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number


def _events(article, sentences):  # type: ignore[no-untyped-def]
    """Only the events stage: every input it needs is computed once, outside the timing."""
    return _EVENT_INPUTS[id(article)]()


_EVENT_INPUTS: dict[int, object] = {}


def main() -> None:
    from armstrack.extract.links import assign_roles, link_money
    from armstrack.extract.trie import lowered

    raws = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    articles = [load_path(p) for p in sorted(SEEDS.glob("*.txt"))]
    records = [extract(a) for a in articles]
    chars = sum(len(a.text) for a in articles)
    raw_chars = sum(len(r) for r in raws)
    tagger = default_tagger()
    sentences = [Sentences.split(a.text, a.paragraphs) for a in articles]
    hits = [tagger.hits(a.text, s) for a, s in zip(articles, sentences, strict=True)]
    # The money each article names: a package's value is a clue to its publication date.
    money = [extract_amounts(a.text, s, h)[0] for a, s, h in zip(articles, sentences, hits, strict=True)]
    aliases = [a for e in load_catalog().entries for a in e.aliases]
    for article, s in zip(articles, sentences, strict=True):
        record = extract(article)
        low = article.text.lower()
        hits_ = tagger.hits(article.text, s, low)
        actors = find_actors(article.text, s)
        _EVENT_INPUTS[id(article)] = lambda a=article, s=s, low=low, h=hits_, r=record, ac=actors: (
            find_events(
                a.text, low, s, a.paragraphs, h, r.amounts, r.quantities, ac, r.time_expressions, r.published
            )
        )
    alternation = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True)) + r")(?!\w)",
        re.I,
    )

    rows = [
        ("load (furniture, paragraphs, title)", best(lambda: [load_text(r) for r in raws]), raw_chars),
        ("sentence split", best(lambda: [Sentences.split(a.text, a.paragraphs) for a in articles]), chars),
        (
            f"systems: trie of {len(aliases)} aliases (scan only)",
            best(lambda: [list(tagger.trie.spans(a.text.lower())) for a in articles]),
            chars,
        ),
        (
            f"systems: plain alternation of {len(aliases)} aliases (scan only)",
            best(lambda: [alternation.findall(a.text) for a in articles]),
            chars,
        ),
        (
            "systems: tag (scan, checks, mentions)",
            best(lambda: [tagger.tag(a.text, s) for a, s in zip(articles, sentences, strict=True)]),
            chars,
        ),
        (
            "amounts",
            best(
                lambda: [
                    extract_amounts(a.text, s, h) for a, s, h in zip(articles, sentences, hits, strict=True)
                ]
            ),
            chars,
        ),
        (
            "time: find expressions",
            best(
                lambda: [
                    find_time_mentions(a.text, a.text.lower(), s)
                    for a, s in zip(articles, sentences, strict=True)
                ]
            ),
            chars,
        ),
        (
            "time: find, infer publication date, resolve",
            best(
                lambda: [
                    date_article(a.text, a.text.lower(), s, url=None, given=None, money=m)
                    for a, s, m in zip(articles, sentences, money, strict=True)
                ]
            ),
            chars,
        ),
        (
            "actors and quotes",
            best(
                lambda: [
                    extract_quotes(a.text, s, a.paragraphs, find_actors(a.text, s))
                    for a, s in zip(articles, sentences, strict=True)
                ]
            ),
            chars,
        ),
        (
            "events (the pipeline's last stage)",
            best(lambda: [_events(a, s) for a, s in zip(articles, sentences, strict=True)]),
            chars,
        ),
        (
            "money roles and ledger links (on the extracted records)",
            best(
                lambda: [
                    link_money(
                        low,
                        assign_roles(low, r.amounts, r.quotes),
                        r.events,
                        r.published,
                        r.time_expressions,
                    )
                    for r in records
                    for low in (lowered(r.text),)
                ]
            ),
            chars,
        ),
        ("whole pipeline (extract)", best(lambda: [extract(a) for a in articles], number=20), chars),
    ]
    print(
        f"Python {platform.python_version()} on {platform.machine()}, {len(articles)} seed articles, {chars} chars\n"
    )
    print("| stage | µs per 4 KB article |")
    print("| --- | ---: |")
    for name, seconds, n in rows:
        print(f"| {name} | {per_4kb(seconds, n):,.0f} |")


if __name__ == "__main__":
    sys.exit(main())
