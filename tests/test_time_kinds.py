"""Every time expression a reader would date: bare years and spans of years, US fiscal
years, decades and centuries, TimeML's present and past references, and "the day before",
"the next day" and "at the time" read against the time just named."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.test_published import infer

WRITTEN = dt.date(2025, 6, 10)  # a Tuesday


def resolved(text: str) -> dict[str, tuple[str, str, str] | None]:
    _, times = infer(text, WRITTEN)
    return {
        t.text: (str(t.resolved.start), str(t.resolved.end), t.resolved.precision) if t.resolved else None
        for t in times
    }


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("Officials cited a 2009 analysis of the war.", "a 2009", ("2009-01-01", "2009-12-31", "year")),
        ("The 2024 budget request was large.", "The 2024", ("2024-01-01", "2024-12-31", "year")),
        ("The program ran in 2009-2010 and again later.", "2009-2010", ("2009-01-01", "2010-12-31", "year")),
        ("The 2023–24 winter was hard.", "2023–24", ("2023-01-01", "2024-12-31", "year")),
        # The US fiscal year runs from October 1 of the year before to September 30.
        ("Congress set aside funds in fiscal 2024.", "fiscal 2024", ("2023-10-01", "2024-09-30", "year")),
        ("The FY24 request was cut.", "FY24", ("2023-10-01", "2024-09-30", "year")),
        ("The fiscal year 2026 budget adds more.", "fiscal year 2026", ("2025-10-01", "2026-09-30", "year")),
        ("Stocks date from the 1990s.", "the 1990s", ("1990-01-01", "1999-12-31", "decade")),
        ("It is a weapon of the 20th century.", "the 20th century", ("1901-01-01", "2000-12-31", "century")),
        # PRESENT_REF is the time of writing; PAST_REF has no calendar value.
        ("Ukraine now needs more shells.", "now", ("2025-06-10", "2025-06-10", "day")),
        ("Kyiv currently has few interceptors.", "currently", ("2025-06-10", "2025-06-10", "day")),
        ("In the past, aid came slowly.", "In the past", None),
        # an abbreviated month with its year after a preposition is the month of that year;
        # near miss: without a year it is the nearest February
        (
            "Aid has flowed since the invasion in Feb. 2022.",
            "Feb. 2022",
            ("2022-02-01", "2022-02-28", "month"),
        ),
        (
            "The shells arrived in Feb. and were fired at once.",
            "in Feb.",
            ("2025-02-01", "2025-02-28", "month"),
        ),
        (
            "Shells have gone to Kyiv since Feb. 24, officials said.",
            "Feb. 24",
            ("2025-02-24", "2025-02-24", "day"),
        ),
    ],
)
def test_a_kind_of_time_expression(text: str, expression: str, expected: tuple[str, str, str] | None) -> None:
    found = resolved(text)
    assert expression in found, found
    assert found[expression] == expected


def test_a_day_named_relative_to_the_day_just_named() -> None:
    found = resolved(
        "Talks began on June 3. The day before, Kyiv asked again, and the next day it got an answer. "
        "At the time, officials were hopeful."
    )
    assert found["June 3"] == ("2025-06-03", "2025-06-03", "day")
    assert found["The day before"] == ("2025-06-02", "2025-06-02", "day")
    assert found["the next day"] == ("2025-06-04", "2025-06-04", "day")
    assert found["At the time"] == ("2025-06-03", "2025-06-03", "day")


def test_with_nothing_named_before_they_stay_undated() -> None:
    found = resolved("The day before, Kyiv asked again.")
    assert found == {"The day before": None}


@pytest.mark.parametrize("text", ["They fired 2024 rounds at the line.", "The 2024 troops left."])
def test_counts_are_not_bare_years(text: str) -> None:
    assert resolved(text) == {}


def test_the_past_two_years_is_a_span_not_a_past_ref() -> None:
    assert resolved("Over the past two years aid grew.") == {
        "Over the past two years": ("2023-06-10", "2025-06-10", "year")
    }
