"""Exports that load: every listing's CSV read by pandas and by DuckDB with the right types
(dates as dates, counts and dollars as numbers, nothing cut), and the store opened in
Datasette with its views (articles, events with their sources, quotes, mentions)."""

from __future__ import annotations

import asyncio
import io
import json
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")
duckdb = pytest.importorskip("duckdb")

# Each listing and the columns that must load as numbers.
LISTINGS = [
    (["timeline", "--limit", "0"], {"sources", "amount_value"}),
    (["articles"], {"systems", "amounts", "quotes", "events"}),
    (["search", "--system", "Patriot"], set()),
    (["quotes"], set()),
    (["actors"], {"articles"}),
    (["systems"], {"mentions", "articles"}),
    (["packages"], {"value_usd"}),
    (["chart"], {"count"}),
]


@pytest.mark.parametrize(("command", "numbers"), LISTINGS, ids=lambda c: c[0] if isinstance(c, list) else "")
def test_every_csv_loads_in_pandas_and_duckdb(
    cli, command: list[str], numbers: set[str], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    result = cli(*command, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    frame = pd.read_csv(io.StringIO(result.stdout))
    assert len(frame) > 0
    assert numbers <= set(frame.columns)
    path = tmp_path / "export.csv"
    path.write_text(result.stdout, encoding="utf-8")
    table = duckdb.sql(f"SELECT * FROM read_csv_auto('{path}')")
    assert table.columns == list(frame.columns)
    assert len(table.fetchall()) == len(frame)
    types = dict(zip(table.columns, (str(t) for t in table.dtypes), strict=True))
    for name, kind in types.items():
        if name.endswith(("_start", "_end", "_earliest", "_latest", "_date")) or name in (
            "announced",
            "first_start",
        ):
            assert kind == "DATE", (command, name, kind)
        if name in numbers:
            assert kind in ("BIGINT", "INTEGER", "DOUBLE"), (command, name, kind)
        if name.endswith("_inferred"):
            assert kind == "BOOLEAN", (command, name, kind)


def test_csv_carries_full_text_and_article_ids(cli) -> None:  # type: ignore[no-untyped-def]
    frame = pd.read_csv(io.StringIO(cli("timeline", "--limit", "0", "--format", "csv").stdout))
    entries = json.loads(cli("timeline", "--limit", "0", "--json").stdout)
    longest = max(entries, key=lambda e: len(e["sources"][0]["evidence"]["text"]))
    sentence = " ".join(longest["sources"][0]["evidence"]["text"].split())
    assert len(sentence) > 200 and sentence in set(frame["sentence"])  # whole, where the summary is cut
    assert all(len(i) == 12 for ids in frame["article_ids"] for i in ids.split())
    quotes = pd.read_csv(io.StringIO(cli("quotes", "--format", "csv").stdout))
    assert all(len(i) == 12 for i in quotes["article_id"])


def test_datasette_opens_the_store_with_readable_views(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    datasette = pytest.importorskip("datasette.app")
    db = tmp_path / "armstrack.db"
    assert cli("--db", str(db), "ingest", "--with-seeds").exit_code == 0

    async def fetch() -> dict[str, list[dict[str, object]]]:
        ds = datasette.Datasette([str(db)])
        await ds.invoke_startup()
        found = {}
        for view in ("articles_view", "events_view", "quotes_view", "mentions_view"):
            response = await ds.client.get(f"/armstrack/{view}.json?_shape=array&_size=max")
            assert response.status_code == 200, (view, response.text[:300])
            found[view] = response.json()
        page = await ds.client.get("/armstrack/events_view")
        assert page.status_code == 200 and "events_view" in page.text
        return found

    views = asyncio.run(fetch())
    assert len(views["articles_view"]) == 5
    events = views["events_view"]
    assert events and all(e["article_title"] and e["kind"] and e["sentence"] for e in events)
    assert any(e["date_start"] and str(e["date_start"]).startswith("20") for e in events)
    assert any(q["speaker"] == "John Kirby" or q["speaker"] for q in views["quotes_view"])
    assert {"patriot", "nasams"} <= {m["system_id"] for m in views["mentions_view"]}
