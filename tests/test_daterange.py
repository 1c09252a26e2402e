from __future__ import annotations

import datetime as dt
import json

import pytest

from armstrack.daterange import overlaps, parse_bound, show, sort_key
from armstrack.errors import UsageError
from armstrack.models import Interval

D = dt.date.fromisoformat


def iv(start: str, end: str, precision: str) -> Interval:
    return Interval(start=D(start), end=D(end), precision=precision)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "start", "end", "precision"),
    [
        ("2024", "2024-01-01", "2024-12-31", "year"),
        ("2024-06", "2024-06-01", "2024-06-30", "month"),
        ("2024-02", "2024-02-01", "2024-02-29", "month"),
        ("2024-06-20", "2024-06-20", "2024-06-20", "day"),
        ("6 months ago", "2025-05-01", "2025-05-01", "day"),
        ("2w", "2025-10-18", "2025-10-18", "day"),
        ("10d", "2025-10-22", "2025-10-22", "day"),
        ("1y", "2024-11-01", "2024-11-01", "day"),
    ],
)
def test_parse_bound(value: str, start: str, end: str, precision: str) -> None:
    got = parse_bound(value, option="--since", today=D("2025-11-01"))
    assert (str(got.start), str(got.end), got.precision) == (start, end, precision)


@pytest.mark.parametrize("value", ["June 2024", "2024-13", "2024-02-30", "soon", ""])
def test_bad_bounds_are_usage_errors(value: str) -> None:
    with pytest.raises(UsageError, match="--since"):
        parse_bound(value, option="--since")


def test_a_month_entry_overlaps_a_mid_month_since() -> None:
    june = iv("2024-06-01", "2024-06-30", "month")
    assert overlaps(june, parse_bound("2024-06-15", option="--since"), None)
    assert not overlaps(june, parse_bound("2024-07", option="--since"), None)
    assert overlaps(june, None, parse_bound("2024-06-01", option="--until"))
    assert not overlaps(june, None, parse_bound("2024-05", option="--until"))


def test_sort_by_start_then_narrower_first_then_undated() -> None:
    year = iv("2024-01-01", "2024-12-31", "year")
    day = iv("2024-01-01", "2024-01-01", "day")
    later = iv("2024-02-01", "2024-02-01", "day")
    assert sorted([None, later, year, day], key=sort_key) == [day, year, later, None]


@pytest.mark.parametrize(
    ("interval", "inferred", "shown"),
    [
        (iv("2024-06-20", "2024-06-20", "day"), False, "2024-06-20"),
        (iv("2024-05-01", "2024-05-31", "month"), False, "2024-05"),
        (iv("2022-09-01", "2022-09-30", "month"), True, "2022-09~"),
        (iv("2024-06-17", "2024-06-23", "week"), False, "2024-W25"),
        (iv("2024-07-01", "2024-09-30", "quarter"), False, "2024-Q3"),
        (iv("2024-01-01", "2024-06-30", "half"), False, "2024-H1"),
        (iv("2024-06-01", "2024-08-31", "season"), False, "2024 summer"),
        (iv("2024-01-01", "2024-12-31", "year"), False, "2024"),
        (None, False, "undated"),
    ],
)
def test_show(interval: Interval | None, inferred: bool, shown: str) -> None:
    assert show(interval, inferred=inferred) == shown


def test_timeline_since_until_filter_and_sort(cli) -> None:  # type: ignore[no-untyped-def]
    entries = json.loads(cli("timeline", "--since", "2024-06", "--until", "2024-08-31", "--json").stdout)
    assert entries
    for e in entries:
        assert e["date"]["end"] >= "2024-06-01" and e["date"]["start"] <= "2024-08-31"
    starts = [e["date"]["start"] for e in entries]
    assert starts == sorted(starts)
    # 000 (June 2024), 004 (June and August 2024), and 001 via "over the past year" (2024-07-15..2025-07-15).
    assert {e["sources"][0]["article_id"] for e in entries} == {
        "e424a8ca58ca",
        "ffd27164d1ac",
        "72c39f7f707e",
    }


def test_timeline_rows_dated_by_their_sentence(cli) -> None:  # type: ignore[no-untyped-def]
    entries = json.loads(cli("timeline", "--system", "ATACMS", "--json").stdout)
    beach = next(e for e in entries if "Crimean beach" in e["summary"])
    assert (beach["date"]["start"], beach["date"]["precision"], beach["date_source"]) == (
        "2024-06-01",
        "month",
        "sentence",
    )
    assert beach["inferred"] is True


def test_timeline_bad_since_is_one_line(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("timeline", "--since", "last tuesday")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and "--since" in result.stderr
