"""Store and ingest at scale, on this machine.

    python benchmarks/bench_store.py              # 10,000 articles
    python benchmarks/bench_store.py 10000 100000 # each size in turn

Prints, as Markdown: extraction throughput (articles/s per core and MB/s, full pipeline, in
process), then for each size: ingest time, store size, peak RSS of the ingest (the largest
process), and p50/p95 whole-command latency of `timeline --system patriot --json`, the
unfiltered `timeline --json`, `search "air defense" --json` and `timeline --system patriot
--json --limit 0`; then the median time of `ingest` of one more article about last week's
news, with the timeline merges those queries kept; and `armstrack --help` start-up. A
second table gives the median of three runs of each listing that reads the whole store
(``LISTINGS``), the unfiltered timeline of every entry among them. Uses a temporary folder.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import articles

ARMSTRACK = [sys.executable, "-m", "armstrack"]
RUNS = 7
QUERIES = [
    ["timeline", "--system", "patriot", "--json"],  # the latest 100 entries (the default)
    ["timeline", "--json"],  # every event merged, the latest 100 entries shown: the plain command
    ["search", "air defense", "--json"],  # the latest 50 articles (the default)
    ["timeline", "--system", "patriot", "--json", "--limit", "0"],  # every entry
]

LISTINGS = [  # each over every article: what it sums comes from the store's rows
    ["systems", "--json"],
    ["actors", "--json"],
    ["chart", "--json"],
    ["chart", "--by", "events", "--json"],
    ["packages", "--json"],
    ["quotes", "--limit", "5", "--json"],
    ["articles", "--format", "csv"],
    [
        "timeline",
        "--json",
        "--limit",
        "0",
    ],  # every entry of every event (issue 19's `timeline --limit 0 --json`)
]


def throughput(n: int = 400) -> tuple[float, float]:
    from armstrack.extract.pipeline import extract
    from armstrack.loader import load_text

    docs = list(articles(n, seed=7))
    extract(load_text(docs[0]["text"]))  # warm caches: catalog, patterns
    start = time.perf_counter()
    for d in docs:
        extract(load_text(d["text"], published=d["published"]))
    seconds = time.perf_counter() - start
    megabytes = sum(len(d["text"].encode()) for d in docs) / 1e6
    return n / seconds, megabytes / seconds


def run(args: list[str], **kw: object) -> float:
    start = time.perf_counter()
    kw.setdefault("stderr", subprocess.DEVNULL)
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, **kw)  # type: ignore[call-overload]
    return time.perf_counter() - start


def latency(db: Path, args: list[str]) -> tuple[float, float]:
    times = sorted(run([*ARMSTRACK, "--db", str(db), *args]) for _ in range(RUNS))
    return statistics.median(times), times[int(0.95 * (len(times) - 1) + 0.5)]


def size_row(n: int, folder: Path) -> tuple[list[str], list[str]]:
    feed = folder / f"articles-{n}.jsonl"
    with feed.open("w", encoding="utf-8") as f:
        for item in articles(n):
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    db = folder / f"store-{n}.db"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    seconds = run([*ARMSTRACK, "--db", str(db), "ingest", str(feed)], stderr=subprocess.DEVNULL)
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    size = sum(p.stat().st_size for p in folder.glob(f"store-{n}.db*")) / 1e6
    cells = [f"{n:,}", f"{seconds:.0f} s", f"{size:.0f} MB", f"{peak:.0f} MB"]
    for args in QUERIES:
        p50, p95 = latency(db, args)
        cells.append(f"{p50 * 1000:.0f} / {p95 * 1000:.0f} ms")
    cells.append(f"{one_more(db, folder) * 1000:.0f} ms")
    listings = [f"{n:,}"]
    for args in LISTINGS:
        times = sorted(run([*ARMSTRACK, "--db", str(db), *args]) for _ in range(3))
        listings.append(f"{statistics.median(times):.2f} s")
    return cells, listings


LATEST_NEWS = """Pentagon sends more interceptors to Kyiv

The Pentagon announced a ${amount} million military aid package for Ukraine on {day}, including
Patriot interceptors and HIMARS rockets, a spokesman said.

Officials said the first interceptors from the package would arrive within weeks."""


def one_more(db: Path, folder: Path) -> float:
    """Median time of ``ingest`` of one article about last week's news (a week before the
    store's newest event) once the queries above have kept their timeline merges: the
    daily use of a large store, where the write brings the kept merges up to date."""
    import datetime as dt
    import sqlite3

    with sqlite3.connect(db) as conn:
        (newest,) = conn.execute("SELECT max(start_day) FROM events").fetchone()
    day = dt.date.fromordinal(newest - 7)
    times = []
    for i in range(3):
        path = folder / f"latest-{i}.txt"
        path.write_text(
            LATEST_NEWS.format(amount=115 + i, day=f"{day:%B} {day.day}, {day.year}"), encoding="utf-8"
        )
        published = (day + dt.timedelta(days=1)).isoformat()
        times.append(run([*ARMSTRACK, "--db", str(db), "ingest", str(path), "--published", published]))
    return statistics.median(times)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [10_000]
    per_second, mb_per_second = throughput()
    print(f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d')}\n")
    print(f"- extraction, full pipeline, one process: {per_second:.0f} articles/s ({mb_per_second:.2f} MB/s)")
    help_times = sorted(run([*ARMSTRACK, "--help"]) for _ in range(RUNS))
    bare = sorted(run([sys.executable, "-c", "pass"]) for _ in range(RUNS))
    print(
        f"- `armstrack --help`: {statistics.median(help_times) * 1000:.0f} ms (bare python: {statistics.median(bare) * 1000:.0f} ms)\n"
    )
    heads = (
        ["articles", "ingest", "store size", "peak RSS"]
        + [f"`{' '.join(q[:-1] if q[-1] == '--json' else q)}` p50 / p95" for q in QUERIES]
        + ["`ingest` of one more article (last week's news)"]
    )
    print("| " + " | ".join(heads) + " |")
    print("|" + " ---: |" * len(heads))
    listed = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            cells, listings = size_row(n, Path(tmp))
            print("| " + " | ".join(cells) + " |", flush=True)
            listed.append(listings)
    heads = ["articles"] + [f"`{' '.join(q)}`" for q in LISTINGS]
    print("\n| " + " | ".join(heads) + " |")
    print("|" + " ---: |" * len(heads))
    for row in listed:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
