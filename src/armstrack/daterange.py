"""Date values as users type them and as tables show them.

``--since`` and ``--until`` accept 2024, 2024-06, 2024-06-20, and relative forms
("6 months ago", "2w", "10d", "1y"). A filter keeps an entry when any part of the entry's
interval lies in the range: "2024-06" (June as a whole) is kept by ``--since 2024-06-15``
because its second half is inside. Undated entries are dropped when either bound is given.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Protocol

from dateutil.relativedelta import relativedelta

from armstrack.errors import UsageError


class Range(Protocol):
    """Anything with a start, an end and a precision: a ``models.Interval`` or a ``DateRange``."""

    @property
    def start(self) -> dt.date: ...
    @property
    def end(self) -> dt.date: ...
    @property
    def precision(self) -> str: ...


@dataclass(frozen=True, slots=True)
class DateRange:
    """A date range a user typed (pydantic-free, so filters load fast)."""

    start: dt.date
    end: dt.date
    precision: str

    @classmethod
    def from_json(cls, data: dict[str, str]) -> DateRange:
        """An ``Interval`` as the JSON contract writes it."""
        return cls(
            dt.date.fromisoformat(data["start"]), dt.date.fromisoformat(data["end"]), data["precision"]
        )


PRECISION_ORDER = {  # narrower first: sorting, and the store's precision_rank
    "day": 0,
    "week": 1,
    "month": 2,
    "season": 3,
    "quarter": 4,
    "half": 5,
    "year": 6,
    "decade": 7,
    "century": 8,
    "unknown": 9,
}
_RELATIVE = re.compile(
    r"^\s*(?P<n>\d+)\s*(?P<unit>d|days?|w|weeks?|m|months?|y|years?)(?:\s+ago)?\s*$", re.IGNORECASE
)
_SEASON_NAMES = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}


def parse_bound(value: str, *, option: str, today: dt.date | None = None) -> DateRange:
    """A user's date: the interval it names (a year, a month, a day, or a relative day)."""
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            year = int(text)
            return DateRange(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
        if re.fullmatch(r"\d{4}-\d{1,2}", text):
            start = dt.date(int(text[:4]), int(text[5:]), 1)
            return DateRange(start, start + relativedelta(months=1, days=-1), "month")
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            year, month, day_ = (int(p) for p in text.split("-"))
            d = dt.date(year, month, day_)
            return DateRange(d, d, "day")
    except ValueError:
        raise UsageError(f"{option}: {value!r} is not a real date") from None
    m = _RELATIVE.match(text)
    if m:
        n, unit = int(m["n"]), m["unit"][0].lower()
        delta = {"d": relativedelta(days=n), "w": relativedelta(weeks=n), "m": relativedelta(months=n)}.get(
            unit, relativedelta(years=n)
        )
        d = (today or dt.date.today()) - delta
        return DateRange(d, d, "day")
    raise UsageError(f"{option}: {value!r} is not a date; use 2024, 2024-06, 2024-06-20 or '6 months ago'")


def overlaps(interval: Range, since: Range | None, until: Range | None) -> bool:
    if since is not None and interval.end < since.start:
        return False
    return not (until is not None and interval.start > until.end)


def sort_key(interval: Range | None) -> tuple[int, dt.date, int]:
    """Dated before undated; then by start; then narrower before wider."""
    if interval is None:
        return (1, dt.date.max, 0)
    return (0, interval.start, PRECISION_ORDER[interval.precision])


def show(interval: Range | None, *, inferred: bool = False) -> str:
    """ "2024-06-20", "2024-05", "2024-W25", "2024-Q3", "2024-H1", "2024 summer", "2024"; "~" if inferred."""
    if interval is None:
        return "undated"
    s, p = interval.start, interval.precision
    if p == "day":
        text = s.isoformat()
    elif p == "week":
        year, week, _ = s.isocalendar()
        text = f"{year}-W{week:02d}"
    elif p == "month":
        text = s.strftime("%Y-%m")
    elif p == "season":
        text = f"{s.year} {_SEASON_NAMES.get(s.month, 'season')}"
    elif p == "quarter":
        text = f"{s.year}-Q{(s.month - 1) // 3 + 1}"
    elif p == "half":
        text = f"{s.year}-H{1 if s.month <= 6 else 2}"
    elif p == "decade":
        text = f"{s.year}s"
    elif p == "century":
        text = f"{s.year // 100 + 1}th century"
    elif p == "year" and (s.month, s.day) == (10, 1):  # a US fiscal year
        text = f"FY{s.year + 1}"
    else:
        text = str(s.year)
    return text + ("~" if inferred else "")
