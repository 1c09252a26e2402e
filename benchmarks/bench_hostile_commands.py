"""Whole commands on hostile inputs: time, peak memory and output size, as a user meets them.

    python benchmarks/bench_hostile_commands.py            # every case
    python benchmarks/bench_hostile_commands.py --quick    # the four named in issue 12
    python benchmarks/bench_hostile_commands.py --big      # also a 10 MB file (no time limit)

bench_adversarial.py times the library call; this runs the installed ``armstrack`` the way a
user does: ``extract FILE --json`` to a file, ``ingest``, ``show`` (tables) and ``show
--json``, and ``timeline --json``, each in a fresh process, with its peak resident memory
(``wait4``'s ru_maxrss). For inputs of 0.5-1.5 MB every command must finish within 3 s and
300 MB, and the JSON must be at most 40 times the input; the script exits 1 otherwise.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_adversarial import CASES as LIBRARY_CASES

LIMIT_SECONDS = 3.0
LIMIT_MB = 300
LIMIT_RATIO = 40.0

NAMED = {  # issue 12's cases: each one endless sentence
    '"Minister General Secretary Patriot " x 40,000': "Minister General Secretary Patriot " * 40_000,
    "money and systems: " + '"$1.5 billion for Patriot missiles and " x 30,000': (
        "$1.5 billion for Patriot missiles and " * 30_000
    ),
    '20,000 quotes: "“We need more air defense,” she said, " x 20,000': (
        "“We need more air defense,” she said, " * 20_000
    ),
    "dates and systems: " + '"on Tuesday, June 20, 2023 HIMARS and " x 25,000': (
        "on Tuesday, June 20, 2023 HIMARS and " * 25_000
    ),
}
ARTICLE = (
    "Pentagon announces new weapons for Ukraine\n\n"
    "The United States will send Ukraine $400 million in weapons, including HIMARS rockets, "
    "155mm shells and interceptors for its Patriot batteries, Defense Secretary Lloyd Austin "
    "said on Tuesday.\n\n"
    "“We will stand with Ukraine for as long as it takes,” Austin told reporters in Brussels.\n\n"
)


def run(argv: list[str], stdout: int | object = subprocess.DEVNULL) -> tuple[float, int, int]:
    """(seconds, peak RSS in MB, exit status) of one command in a fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss // 1024, process.returncode


def measure(name: str, text: str, work: Path, exe: str) -> tuple[list[str], bool]:
    source = work / "input.txt"
    source.write_text(text, encoding="utf-8")
    size = source.stat().st_size
    db = work / "store.db"
    db.unlink(missing_ok=True)
    out = work / "out.json"
    results = []
    with out.open("wb") as f:
        results.append(("extract --json", *run([exe, "extract", str(source), "--json"], stdout=f)))
    ratio = out.stat().st_size / size
    results.append(("ingest", *run([exe, "--db", str(db), "ingest", str(source)])))
    # Only the id: a child's peak memory counts from its parent's size at the fork, so this
    # process must stay small (never load a hostile record here).
    listing = subprocess.run(
        [exe, "--db", str(db), "articles", "--json", "--fields", "id"], capture_output=True, check=True
    )
    article = json.loads(listing.stdout)[0]["id"]
    results.append(("show", *run([exe, "--db", str(db), "show", article])))
    results.append(("show --json", *run([exe, "--db", str(db), "show", article, "--json"])))
    results.append(("timeline --json", *run([exe, "--db", str(db), "timeline", "--json"])))
    limited = 500_000 <= size <= 1_500_000
    ok = all(status == 0 for *_, status in results)
    if limited:
        ok = (
            ok
            and ratio <= LIMIT_RATIO
            and all(s <= LIMIT_SECONDS and mb <= LIMIT_MB for _, s, mb, _ in results)
        )
    cells = " | ".join(
        f"{s:.2f} s, {mb} MB" + ("" if status == 0 else f" (exit {status})") for _, s, mb, status in results
    )
    return [f"| {name} | {size:,} | {ratio:.1f}× | {cells} | {'ok' if ok else '**over**'} |"], ok


def main() -> int:
    exe = shutil.which("armstrack")
    if exe is None:
        sys.exit("bench_hostile_commands: install armstrack first (pip install .)")
    cases = dict(NAMED)
    if "--quick" not in sys.argv:
        cases |= {k: v for k, v in LIBRARY_CASES.items() if k not in cases}
    if "--big" in sys.argv:
        cases["an ordinary article repeated to 10 MB"] = ARTICLE * (10_000_000 // len(ARTICLE.encode()))
    print(
        "| input | bytes | JSON / input | extract --json | ingest | show | show --json | timeline --json | limits |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    all_ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in cases.items():
            lines, ok = measure(name, text, Path(tmp), exe)
            all_ok &= ok
            print("\n".join(lines), flush=True)
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
