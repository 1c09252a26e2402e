"""``armstrack packages`` and ``chart --by dollars``: the ledger from the command line."""

from __future__ import annotations

import csv
import io
import json

# The drawdowns of 2023 as the embassy's list gives them ($ million), typed from the list,
# and the USAI announcements of 2023 (the sources in data/packages.toml).
PDA_2023 = [2850, 2500, 425, 450, 400, 350, 500, 325, 300, 375, 300, 325, 500, 800, 400, 200, 250, 175,
            325, 200, 150, 125, 100, 175, 200, 250]  # fmt: skip
# 3 Feb, 24 Feb, 4 Apr, 9 May, 9 Jun, 19 Jul, 7 Sep, 3 Nov
USAI_2023 = [1750, 2000, 2100, 1200, 2100, 1300, 600, 300]
FMF_2023 = [225]  # for Ukraine, with the 29th drawdown (State Department, 6 January 2023)


def test_packages_of_2023_and_their_total(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("packages", "--since", "2023", "--until", "2023-12", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["total_usd"] == (sum(PDA_2023) + sum(USAI_2023) + sum(FMF_2023)) * 1_000_000
    assert all(p["announced"].startswith("2023") for p in data["packages"])
    assert {(t["authority"], t["packages"]) for t in data["totals"]} == {("PDA", 26), ("USAI", 8), ("FMF", 1)}


def test_packages_with_himars(cli) -> None:  # type: ignore[no-untyped-def]
    rows = list(csv.DictReader(io.StringIO(cli("packages", "--system", "HIMARS", "--format", "csv").stdout)))
    assert len(rows) >= 10
    assert all("himars" in r["items"] for r in rows)
    assert all(r["value_usd"].isdigit() for r in rows)  # dollars as numbers in CSV


def test_totals_as_rows(cli) -> None:  # type: ignore[no-untyped-def]
    rows = json.loads(cli("packages", "--totals", "--authority", "PDA", "--json").stdout)
    assert {r["authority"] for r in rows} == {"PDA"}
    assert [r["year"] for r in rows] == [2021, 2022, 2023, 2024, 2025]
    assert rows[2]["value_usd"] == sum(PDA_2023) * 1_000_000


def test_a_bad_authority_is_one_line_and_exit_2(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("packages", "--authority", "lend-lease")
    assert result.exit_code == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "--authority" in result.stderr


def test_packages_list_the_articles_that_reported_them(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "friday.txt"
    article.write_text(
        "US unveils new arms for Kyiv\n\n"
        "WASHINGTON - The Pentagon on Friday announced a $400 million military aid package for "
        "Ukraine, including air defense interceptors and artillery rounds.\n"
    )
    assert cli("ingest", str(article), "--published", "2024-05-11").exit_code == 0
    data = json.loads(cli("packages", "--since", "2024-05", "--until", "2024-05", "--json").stdout)
    reported = {p["id"]: p["articles"] for p in data["packages"]}
    assert len(reported["pda-57"]) == 1
    assert reported["pda-58"] == []


def test_chart_of_dollars_per_month(cli) -> None:  # type: ignore[no-untyped-def]
    cells = json.loads(
        cli("chart", "--by", "dollars", "--since", "2024-12", "--until", "2024-12", "--json").stdout
    )
    # December 2024: drawdowns of $725 million, $500 million and $1.25 billion; USAI of
    # $988 million and $1.22 billion; the F-16 sustainment sale of $266.4 million (FMS).
    assert {(c["authority"], c["usd_millions"]) for c in cells} == {
        ("PDA", 2475),
        ("USAI", 2208),
        ("FMS", 266),
    }


def test_table_writes_dollars_as_the_releases_do(cli) -> None:  # type: ignore[no-untyped-def]
    out = cli("packages", "--authority", "FMS", "--since", "2025-05", "--until", "2025-05").stdout
    assert "$310.5 million" in out  # the F-16 sustainment sale, not "$310 million"
    out = cli("packages", "--since", "2023-01-06", "--until", "2023-01-06").stdout
    assert "$2.85 billion" in out and "$225 million" in out
