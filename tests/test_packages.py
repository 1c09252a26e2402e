"""The aid-package ledger (data/packages.toml): every row sourced, ids unique, dates in
order within an authority, items in the catalog, and its totals as published sources give
them (each figure below was typed from the cited source, not computed from the ledger)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict

import pytest

from armstrack.catalog import load_catalog
from armstrack.packages import AUTHORITIES, load_ledger, select, totals

M = 1_000_000


def test_every_row_is_sourced_unique_and_in_the_catalog() -> None:
    ledger = load_ledger()
    ids = [p.id for p in ledger.packages]
    assert len(ids) == len(set(ids))
    catalog = {e.id for e in load_catalog().systems}
    for p in ledger.packages:
        assert p.source.startswith("https://"), p.id
        assert p.items_source is None or p.items_source.startswith(("https://", "http://")), p.id
        assert not p.announced_as_usd or (p.announced_as_source or "").startswith("https://"), p.id
        assert p.value_usd > 0 and p.authority in AUTHORITIES, p.id
        assert p.kind in {"package", "appropriation", "notification"}, p.id
        assert dt.date(2021, 8, 1) <= p.announced <= dt.date(2026, 12, 31), p.id
        assert set(p.items) <= catalog, (p.id, set(p.items) - catalog)


def test_every_drawdown_from_the_first_to_the_seventy_fourth_in_order() -> None:
    numbered = [p for p in load_ledger().packages if p.id.startswith("pda-") and p.id[4:].isdigit()]
    assert [int(p.id[4:]) for p in numbered] == list(range(1, 75))
    days = [p.announced for p in numbered]
    assert days == sorted(days)
    by_authority: dict[str, list[dt.date]] = defaultdict(list)
    for p in load_ledger().packages:
        if p.counted:
            by_authority[p.authority].append(p.announced)
    for authority, announced in by_authority.items():
        assert announced == sorted(announced), authority


def _drawdowns() -> dict[int, int]:
    return {int(p.id[4:]): p.value_usd for p in load_ledger().packages if p.id[4:].isdigit()}


def test_drawdowns_by_month_match_the_congressional_research_service_table() -> None:
    # CRS IF12040 (updated 2023-08-25), Table 1, announced value by month ($ million).
    crs = {
        "2021-08": 60.0, "2021-12": 200.0, "2022-02": 350.0, "2022-03": 1_000.0, "2022-04": 1_700.0,
        "2022-05": 250.0, "2022-06": 1_500.0, "2022-07": 625.0, "2022-08": 2_325.0, "2022-09": 1_275.0,
    }  # fmt: skip
    months: dict[str, int] = defaultdict(int)
    for p in load_ledger().packages:
        if p.id[4:].isdigit():
            months[p.announced.strftime("%Y-%m")] += p.value_usd
    assert {m: months[m] / M for m in crs} == crs


def test_drawdown_totals_match_the_published_figures() -> None:
    numbered = _drawdowns()
    # The embassy's list by fiscal year, summed by hand from its rows: drawdowns 2-24 and 25-54.
    assert sum(numbered[n] for n in range(2, 25)) == 10_850 * M
    assert sum(numbered[n] for n in range(25, 55)) == 15_025 * M
    # The State Department's fact sheet of May 2023: 37 drawdowns since August 2021,
    # about $21.1 billion.
    assert abs(sum(numbered[n] for n in range(1, 38)) - 21_100 * M) <= 0.01 * 21_100 * M
    # CEPA, April 2024: 56 drawdowns, $20.9 billion after the Pentagon's $6.2 billion
    # revaluation: $27.1 billion as announced.
    assert abs(sum(numbered[n] for n in range(1, 57)) - 27_100 * M) <= 0.01 * 27_100 * M


def test_the_supplemental_acts_total_what_the_crs_reports() -> None:
    # CRS R47275: Congress appropriated $174.2 billion in Ukraine supplementals, FY2022-FY2024.
    acts = [p for p in load_ledger().packages if p.kind == "appropriation"]
    assert len(acts) == 5
    assert abs(sum(p.value_usd for p in acts) - 174_200 * M) <= 0.01 * 174_200 * M


def test_totals_count_announcements_only() -> None:
    ledger = load_ledger()
    rows = select(ledger, since=dt.date(2024, 9, 1), until=dt.date(2024, 9, 30), authorities=["PDA"])
    # September 2024: drawdowns of $250 million (6th) and $375 million (25th), and the
    # notice of $5.55 billion of authority they and later drawdowns used.
    assert sorted(p.value_usd for p in rows) == [250 * M, 375 * M, 5_550 * M]
    [total] = totals(rows)
    assert (total.year, total.authority, total.packages, total.value_usd) == (2024, "PDA", 2, 625 * M)


def test_select_by_system() -> None:
    rows = select(load_ledger(), systems=["patriot"])
    assert {"pda-28", "pda-57", "usai-2024-07-03"} <= {p.id for p in rows}
    assert all("patriot" in p.items for p in rows)


def test_a_value_finds_its_days_and_a_days_total() -> None:
    ledger = load_ledger()
    assert ledger.announced_worth(450 * M) == [dt.date(2022, 6, 23), dt.date(2023, 2, 20)]
    # Announced together on 2024-12-30: a $1.25 billion drawdown and $1.22 billion of USAI.
    assert dt.date(2024, 12, 30) in ledger.announced_worth(2_470 * M)
    assert ledger.announced_worth(123_456_789) == []
    # An act dates a report too ("the $61 billion aid bill"), though totals never count it.
    assert dt.date(2024, 4, 24) in ledger.announced_worth(61_000 * M)
    # Named as USAI, a value never finds a drawdown's day ($450 million: two drawdowns only),
    # and finds the USAI package of that value.
    assert ledger.announced_worth(450 * M, "USAI") == []
    assert ledger.announced_worth(400 * M, "USAI") == [dt.date(2022, 11, 4)]


def test_usai_through_november_2023_spends_what_congress_gave_it() -> None:
    # CRS IN12040-style summary "U.S. Security Assistance to Ukraine" (2023-10-05): $18 billion
    # for USAI in the FY2022-FY2023 supplementals and $300 million in each of the FY2022 and
    # FY2023 regular appropriations. The $300 million of 2023-11-03 spent the last of it.
    usai = [p for p in load_ledger().packages if p.authority == "USAI" and p.counted]
    spent = sum(p.value_usd for p in usai if p.announced <= dt.date(2023, 11, 3))
    assert abs(spent - 18_600 * M) <= 0.01 * 18_600 * M


@pytest.mark.parametrize(
    ("until", "published_billions", "source"),
    [
        # "the United States has committed roughly USD 3.7 billion in security assistance
        # since ... February 24" (State Department, 2022-04-25, reported by Interfax-Ukraine).
        (dt.date(2022, 4, 25), 3.7, "https://en.interfax.com.ua/news/general/827009.html"),
        # The 11th drawdown "will bring total U.S. military assistance to Ukraine to
        # approximately $4.6 billion since ... February 24" (state.gov, 2022-06-01).
        (
            dt.date(2022, 6, 1),
            4.6,
            "https://www.state.gov/700-million-drawdown-of-new-u-s-military-assistance-for-ukraine/",
        ),
        # "the Biden Administration has committed more than $43.9 billion in security
        # assistance since February 2022" (CRS, U.S. Security Assistance to Ukraine, 2023-10-05).
        (
            dt.date(2023, 10, 5),
            43.9,
            "http://heinonline.org/HOL/LandingPage?handle=hein.crs/govencb0001&div=1&src=home",
        ),
    ],
)
def test_the_ledger_adds_up_to_the_running_totals_officials_gave(
    until: dt.date, published_billions: float, source: str
) -> None:
    # Drawdowns, USAI and FMF for Ukraine: the security assistance the totals count.
    since = dt.date(2022, 2, 24)
    counted = [
        p for p in load_ledger().packages
        if p.counted and p.authority in {"PDA", "USAI", "FMF"} and since <= p.announced <= until
    ]  # fmt: skip
    total = sum(p.value_usd for p in counted)
    assert abs(total - published_billions * 1_000 * M) <= 0.01 * published_billions * 1_000 * M, source


def test_announced_worth_finds_what_a_scan_of_the_ledger_finds() -> None:
    """By bisection on worth, the same days as holding every value to the tolerance: at
    each value, at the edges of its tolerance (just in and just out), and between values."""
    from armstrack.packages import _close, authority_fits

    ledger = load_ledger()

    def scanned(value: float, authority: str | None) -> list[dt.date]:
        days = {
            day for worth, day, ids in ledger.values
            if _close(worth, value) and authority_fits(authority, ledger.authority_of(ids))
        }  # fmt: skip
        days |= {
            p.announced for p in ledger.packages
            if not p.counted and _close(p.value_usd, value) and authority_fits(authority, p.authority)
        }  # fmt: skip
        return sorted(days)

    worths = sorted({w for w, _, _ in ledger.values} | {p.value_usd for p in ledger.packages})
    probes = [w * f for w in worths for f in (1, 0.99501, 0.99499, 1.00499, 1.00501, 0.995, 1.005)]
    probes += [(a + b) / 2 for a, b in itertools.pairwise(worths)] + [0, 1, 10**13]
    found = 0
    for value in probes:
        for authority in (None, *AUTHORITIES):
            expected = scanned(value, authority)
            assert ledger.announced_worth(value, authority) == expected, (value, authority)
            found += bool(expected)
    assert found > len(worths)  # most probes find a day


def test_named_authority_is_the_first_authority_whose_words_appear() -> None:
    """One scan for every authority's words gives what asking each authority in turn gives,
    also where their words overlap or run together ("fms" inside "fmsa", "sale" after
    "foreign military")."""
    import random

    from armstrack.packages import _NAMED_AUTHORITY, named_authority

    def asked_in_turn(low: str) -> str | None:
        return next((name for name, pattern in _NAMED_AUTHORITY if pattern.search(low)), None)

    words = [
        "usai", "security assistance initiative", "drawdown", "pda", "from u.s. stocks", "from pentagon stock",
        "foreign military sales", "foreign military", "fms", "possible sale", "foreign military financing", "fmf",
        "purl", "prioritized ukraine requirements", "the", "funds", "under", "pdas", "stocks", "from us", "sale",
    ]  # fmt: skip
    rnd = random.Random(7)
    checked = set()
    for _ in range(20_000):
        low = " ".join(rnd.choice(words) for _ in range(rnd.randint(0, 6)))
        if rnd.random() < 0.3:
            low = low.replace(" ", "")
        assert named_authority(low) == asked_in_turn(low), low
        checked.add(named_authority(low))
    assert checked == {None, "USAI", "PDA", "FMS", "FMF", "PURL"}
    assert named_authority("a drawdown, after a possible sale under usai") == "USAI"


def test_an_act_is_in_the_news_from_its_bills_first_day_and_only_for_its_own_figure() -> None:
    ledger = load_ledger()
    # The 2024 act ($60.8 billion, signed 2024-04-24) was requested on 2023-10-19/20 as
    # "$61 billion"; the $1 billion drawdown of the same day is no act and has no such day.
    assert ledger.reported_from(dt.date(2024, 4, 24), 61e9) == dt.date(2023, 10, 19)
    assert ledger.reported_from(dt.date(2024, 4, 24), 1e9) is None
    assert ledger.reported_from(dt.date(2024, 4, 23), 61e9) is None
    for p in ledger.packages:  # every act says when its bill came out, before it was signed
        if p.kind == "appropriation":
            assert p.reported_from is not None and p.reported_from < p.announced, p.id


def test_items_of_finds_what_a_scan_of_the_ledger_finds() -> None:
    """By the index of items by package id, the same items as a scan of every package, for
    each package alone, each day's packages together, and ids the ledger does not have."""
    ledger = load_ledger()

    def scanned(ids: set[str]) -> set[str]:
        return {item for p in ledger.packages if p.id in ids for item in p.items}

    for p in ledger.packages:
        assert ledger.items_of([p.id]) == scanned({p.id})
    for _, _, ids in ledger.values:
        assert ledger.items_of(ids) == scanned(set(ids))
    assert ledger.items_of(["no-such-package"]) == set()


def test_a_figure_a_package_was_also_announced_by_names_it_and_totals_do_not_count_it() -> None:
    # pda-32 (2023-02-20, listed at $450 million) was announced by President Biden in Kyiv as
    # "$500 million": that figure finds its day, as $450 million does; the running total is the
    # listed value's. Near miss: $500 million finds no other day of February 2023.
    ledger = load_ledger()
    day = dt.date(2023, 2, 20)
    assert day in ledger.announced_worth(500 * M) and day in ledger.announced_worth(450 * M)
    assert [d for d in ledger.announced_worth(500 * M) if d.year == 2023 and d.month == 2] == [day]
    before = ledger.running_total_reached(1.0)
    assert before is not None
    total_on_the_day = max(t for d, t in ledger._running if d <= day)
    assert total_on_the_day == sum(
        p.value_usd
        for p in ledger.packages
        if p.counted and p.authority in {"PDA", "USAI", "FMF"} and dt.date(2022, 2, 24) <= p.announced <= day
    )


def test_a_named_foreign_military_sale_fits_a_sale_paid_from_fmf() -> None:
    # A report's "foreign military sales" fits a row of either FMS or FMF (an FMF-funded sale
    # is still a sale); a named drawdown fits neither, and naming none fits all.
    from armstrack.packages import authority_fits

    assert authority_fits("FMS", "FMF") and authority_fits("FMS", "FMS") and authority_fits(None, "PDA")
    assert not authority_fits("PDA", "FMF") and not authority_fits("FMF", "FMS")
