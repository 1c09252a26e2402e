"""Merges an analyst can explain: reports merge only when everything they say is compatible,
and each source says why it joined. Articles of our own, in the style of wire reports."""

from __future__ import annotations

import csv
import io
import json

from armstrack.filters import Filters
from armstrack.query import TimelineEntry, timeline
from tests.conftest import extract_text


def kinds(entries: list[TimelineEntry], kind: str) -> list[TimelineEntry]:
    return [e for e in entries if e.kind == kind]


def test_different_amounts_in_one_article_are_different_events() -> None:
    record = extract_text(
        "Aid round-up\n\n"
        "The Pentagon on Friday announced a $400 million military aid package for Ukraine.\n\n"
        "Defense Secretary Lloyd Austin on Friday also announced a $6 billion package for Ukraine "
        "under the Ukraine Security Assistance Initiative.",
        "2024-05-11",
    )
    packages = kinds(timeline([record], Filters()), "aid_package")
    assert sorted(e.amount.value for e in packages if e.amount) == [400_000_000, 6_000_000_000]


def test_different_years_never_merge() -> None:
    record = extract_text(
        "Patriots again\n\n"
        "The Pentagon delivered Patriot interceptors to Ukraine on March 3, 2023.\n\n"
        "The Pentagon delivered Patriot interceptors to Ukraine on March 5, 2024.",
        "2024-03-06",
    )
    deliveries = kinds(timeline([record], Filters()), "delivery")
    assert [e.date.start.year for e in deliveries if e.date] == [2023, 2024]


def test_reports_that_only_share_an_actor_do_not_merge() -> None:
    stingers = extract_text(
        "Stingers\n\nPresident Joe Biden said on June 3, 2024 that the US sent Stinger missiles to Ukraine.",
        "2024-06-03",
    )
    bradleys = extract_text(
        "Bradleys\n\nPresident Joe Biden said on June 3, 2024 that the US sent Bradley Fighting Vehicles to Ukraine.",
        "2024-06-03",
    )
    deliveries = kinds(timeline([stingers, bradleys], Filters()), "delivery")
    assert len(deliveries) == 2
    assert all(len(e.sources) == 1 for e in deliveries)


def test_one_announcement_by_two_outlets_is_one_entry_and_says_why() -> None:
    wire = extract_text(
        "US unveils new aid\n\nThe United States on Friday announced a $275 million military aid package for Ukraine.",
        "2024-06-14",
    )
    paper = extract_text(
        "Washington sends more aid\n\nWashington unveiled a $275 million security assistance package for Kyiv on Friday.",
        "2024-06-14",
    )
    (entry,) = kinds(timeline([wire, paper], Filters()), "aid_package")
    assert {s.article_id for s in entry.sources} == {wire.id, paper.id}
    assert entry.sources[0].merged_on == []
    assert entry.sources[1].merged_on == ["amount USD 275000000"]


def test_a_planned_delivery_and_a_done_one_are_two_entries() -> None:
    record = extract_text(
        "Abrams\n\nThe first Abrams tanks arrived in Ukraine on Monday, Sept. 25, 2023.\n\n"
        "The Pentagon will send more Abrams tanks to Ukraine this week.",
        "2023-09-25",
    )
    deliveries = kinds(timeline([record], Filters()), "delivery")
    assert sorted(e.status for e in deliveries) == ["done", "planned"]


def test_status_filter_keeps_that_status() -> None:
    record = extract_text(
        "Abrams\n\nThe first Abrams tanks arrived in Ukraine on Monday, Sept. 25, 2023.\n\n"
        "The Pentagon will send more Abrams tanks to Ukraine this week.",
        "2023-09-25",
    )
    planned = timeline([record], Filters.build(statuses=["planned"]))
    assert planned and all(e.status == "planned" for e in planned)


def test_timeline_csv_carries_status_amount_and_article_ids(cli, db: str) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    article = Path(db).parent / "aid.txt"
    article.write_text(
        "US unveils new aid\n\nThe United States on Friday, June 14, 2024 announced a $275 million military aid "
        "package for Ukraine.\n",
        encoding="utf-8",
    )
    assert cli("--db", db, "ingest", str(article)).exit_code == 0
    out = cli("--db", db, "timeline", "--kind", "aid_package", "--format", "csv")
    (row,) = list(csv.DictReader(io.StringIO(out.stdout)))
    assert (row["status"], row["amount_value"], row["amount_currency"]) == ("done", "275000000", "USD")
    stored = json.loads(cli("--db", db, "timeline", "--json").stdout)
    assert row["article_ids"] == stored[0]["sources"][0]["article_id"]
    assert stored[0]["amount"]["value"] == 275_000_000 and stored[0]["status"] == "done"


def test_explain_names_why_sources_joined(cli, db: str) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    for name, text in (
        ("a.txt", "US unveils new aid\n\nThe United States announced a $275 million military aid package for Ukraine on June 14, 2024.\n"),
        ("b.txt", "More aid for Kyiv\n\nWashington unveiled a $275 million security assistance package for Kyiv on June 14, 2024.\n"),
    ):  # fmt: skip
        (Path(db).parent / name).write_text(text, encoding="utf-8")
        assert cli("--db", db, "ingest", str(Path(db).parent / name)).exit_code == 0
    out = cli("--db", db, "timeline", "--kind", "aid_package", "--explain", "--format", "csv")
    (row,) = list(csv.DictReader(io.StringIO(out.stdout)))
    assert "first report" in row["why"] and "amount USD 275000000" in row["why"]


def test_status_filters_article_listings_and_show_prints_it(cli, db: str) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    article = Path(db).parent / "plan.txt"
    article.write_text(
        "Tanks\n\nThe Pentagon will send more Abrams tanks to Ukraine next month.\n", encoding="utf-8"
    )
    assert cli("--db", db, "ingest", str(article)).exit_code == 0
    planned = json.loads(cli("--db", db, "articles", "--status", "planned", "--json").stdout)
    denied = json.loads(cli("--db", db, "articles", "--status", "denied", "--json").stdout)
    assert len(planned) == 1 and denied == []
    shown = cli("--db", db, "show", planned[0]["id"])
    assert shown.exit_code == 0 and "planned" in shown.stdout
