"""Start-up, as a ratio to a bare `python -c pass` in the same run (issue 7's targets:
`armstrack --help` ≤ 3×, `armstrack timeline --json` ≤ 4×).

    python benchmarks/bench_startup.py

Runs the installed `armstrack` executable (the console script, as users do), 21 times each,
interleaved, on a fresh store of the bundled seeds in a temporary folder; prints medians.
"""

from __future__ import annotations

import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 21


def main() -> None:
    exe = shutil.which("armstrack") or str(Path(sys.executable).with_name("armstrack"))
    # Bytecode, as `pip install .` leaves it: an editable install under PYTHONDONTWRITEBYTECODE
    # would otherwise compile every edited module on every run.
    import armstrack

    compileall.compile_dir(str(Path(armstrack.__file__).parent), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "ARMSTRACK_DB": str(Path(tmp) / "armstrack.db")}
        env.pop("COLUMNS", None)
        subprocess.run([exe, "articles"], env=env, check=True, stdout=subprocess.DEVNULL)  # seed the store
        cases = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "python -c 'import typer'": [sys.executable, "-c", "import typer"],
            "armstrack --version": [exe, "--version"],
            "armstrack --help": [exe, "--help"],
            "armstrack timeline --json": [exe, "timeline", "--json"],
            "armstrack search --system Patriot --json": [exe, "search", "--system", "Patriot", "--json"],
            "armstrack timeline (table)": [exe, "timeline"],
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(RUNS):
            for name, args in cases.items():
                start = time.perf_counter()
                subprocess.run(
                    args, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
                )
                times[name].append(time.perf_counter() - start)
    bare = statistics.median(times["python -c pass"])
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}, median of {RUNS}\n"
    )
    print("| command | ms | × bare python |")
    print("| --- | ---: | ---: |")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"| `{name}` | {median * 1000:.0f} | {median / bare:.1f} |")


if __name__ == "__main__":
    main()
