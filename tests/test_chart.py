"""``armstrack chart``: per system per month, the same numbers in every format."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter

from armstrack.corpus import seed_records


def test_events_chart_counts_each_dated_event_per_system(cli) -> None:  # type: ignore[no-untyped-def]
    cells = json.loads(cli("chart", "--by", "events", "--system", "Patriot", "--json").stdout)
    expected = Counter(
        e.date.start.strftime("%Y-%m")
        for r in seed_records()
        for e in r.events
        if "patriot" in e.systems and e.date is not None
    )
    assert {c["month"]: c["count"] for c in cells} == dict(expected)
    assert {c["system"] for c in cells} == {"patriot"}


def test_csv_gives_the_same_numbers(cli) -> None:  # type: ignore[no-untyped-def]
    cells = json.loads(cli("chart", "--json").stdout)
    rows = list(csv.reader(io.StringIO(cli("chart", "--format", "csv").stdout)))
    assert rows[0] == ["system", "month", "count"]
    assert rows[1:] == [[c["system"], c["month"], str(c["count"])] for c in cells]
    assert [c["month"] for c in cells] == sorted(c["month"] for c in cells)


def test_mentions_chart_keeps_the_top_systems(cli) -> None:  # type: ignore[no-untyped-def]
    mentions = Counter(s.id for r in seed_records() for s in r.systems for _ in s.mentions)
    top = {c["system"] for c in json.loads(cli("chart", "--top", "2", "--json").stdout)}
    assert top <= {s for s, _ in mentions.most_common(2)} and top


def test_heat_map_table(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("chart", "--by", "events", "--system", "Patriot", "--system", "NASAMS")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("events per month")
    assert lines[1].split() == ["month", "patriot", "nasams", "total"]
    assert any(line.startswith("2024-06") for line in lines)
    assert cli("chart", "--by", "weeks").exit_code == 2
