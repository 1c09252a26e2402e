"""The ledger of US military aid packages for Ukraine (``data/packages.toml``), and the
question dates ask of it: on which days was a package of this value announced?

A package named by its value in a report ("announced a $400 million package on Friday")
is strong evidence of when the report was written: a few days before (leaks) to some
weeks after the announcement, and when the sentence names the weekday or says "last
month", exactly which announcement and how long ago. ``extract/published.py`` turns that
into a constraint on the publication date.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from armstrack.resources import bundled_dir

_TOLERANCE = 0.005  # official figures are exact; a report's rounding of them is not a match


@dataclass(frozen=True, slots=True)
class Package:
    id: str
    authority: str
    announced: dt.date
    value_usd: int
    source: str


@dataclass(frozen=True, slots=True)
class Ledger:
    packages: tuple[Package, ...]
    # Every value announced on a day: each package's own, and the day's total when several
    # were announced together ("$1.85 billion": a drawdown and a USAI package at once).
    values: tuple[tuple[float, dt.date], ...]

    def announced_worth(self, value: float) -> list[dt.date]:
        """The days a package (or a day's packages together) worth ``value`` was announced."""
        return sorted({day for worth, day in self.values if abs(worth - value) <= _TOLERANCE * worth})


@cache
def load_ledger() -> Ledger:
    with (bundled_dir("data") / "packages.toml").open("rb") as f:
        rows = tomllib.load(f)["package"]
    packages = tuple(
        Package(r["id"], r["authority"], r["announced"], int(r["value_usd"]), r["source"]) for r in rows
    )
    by_day: dict[dt.date, list[int]] = defaultdict(list)
    for p in packages:
        by_day[p.announced].append(p.value_usd)
    values = {(float(p.value_usd), p.announced) for p in packages}
    values |= {(float(sum(v)), day) for day, v in by_day.items() if len(v) > 1}
    return Ledger(packages, tuple(sorted(values)))
