"""Publication dates from the age of the war (extract/published_war.py), on texts of our
own; ``today`` is 2025-11-01 (tests/test_published.py). Worked by hand: the full-scale
invasion began 2022-02-24; the war of 2014 between 2014-02-20 (Crimea) and 2014-04-15 (the
Donbas); a year is 365.25 days."""

from __future__ import annotations

import pytest

from armstrack.loader import load_text
from tests.test_published import infer


def claim(text: str) -> tuple[str, str, list[str]]:
    published, _ = infer(text)
    return published.earliest.isoformat(), published.latest.isoformat(), [e.text for e in published.evidence]


def test_a_full_scale_war_of_three_and_a_half_years() -> None:
    # 2022-02-24 + 3.25 years (1187 days) = 2025-05-26; + 3.75 years (1369 days) = 2025-11-24, cut at today.
    earliest, latest, evidence = claim(
        "Kyiv asks again\n\nUkraine's full-scale war with Russia has dragged on for three-and-a-half years, "
        "and Kyiv wants longer-range missiles."
    )
    assert (earliest, latest) == ("2025-05-26", "2025-11-01")
    assert "war with Russia has dragged on for three-and-a-half years" in evidence


def test_the_three_year_war_keeps_both_wars_for_other_clues_to_choose() -> None:
    # Three years to four: after 2014 (2016-11-20 .. 2018-04-15) or after 2022 (2024-11-24 ..
    # 2026-02-24, cut at today). Alone it keeps both; with Zelensky in office (2019-05-20 on)
    # only the second is left.
    alone = claim("Barrage\n\nUkraine faced the largest Russian barrage of the three-year war on Sunday.")
    assert alone[:2] == ("2016-11-20", "2025-11-01")
    with_zelensky = claim(
        "Barrage\n\nPresident Volodymyr Zelensky said Ukraine faced the largest Russian barrage of the "
        "three-year war on Sunday."
    )
    assert with_zelensky[:2] == ("2024-11-24", "2025-11-01")


@pytest.mark.parametrize(
    ("text", "window"),
    [
        # In its fourth year: three to four years after 2022-02-24 (2025-02-23 .. 2026-02-24).
        (
            "The war Russia began with its full-scale invasion, now in its fourth year, drains US stocks of Patriots.",
            ("2025-02-23", "2025-11-01"),
        ),
        # The third anniversary: a month either side of 2025-02-24 (2025-01-24 .. 2025-03-26).
        (
            "Leaders in Kyiv marked the third anniversary of Russia's full-scale invasion of Ukraine.",
            ("2025-01-24", "2025-03-26"),
        ),
        # The same counted in years: "the one-year anniversary" is the first.
        (
            "Biden's visit comes ahead of the one-year anniversary of Russia's invasion of Ukraine.",
            ("2023-01-24", "2023-03-26"),
        ),
        # The 300th day: 298 to 300 days after 2022-02-24 (2022-12-19 .. 2022-12-21).
        (
            "Zelensky's visit falls on the 300th day of Russia's full-scale invasion, officials said.",
            ("2022-12-19", "2022-12-21"),
        ),
        # The same day counted from the verb: "since Russia began its full-scale invasion".
        (
            "Zelensky's visit falls on the 300th day since Russia began its full-scale invasion.",
            ("2022-12-19", "2022-12-21"),
        ),
        # A day counted after the noun: the 60th day of the invasion, 58 to 60 days after
        # 2022-02-24 (2022-04-23 .. 2022-04-25).
        (
            "Ukraine asks for more Javelins as the invasion rages for a 60th day.",
            ("2022-04-23", "2022-04-25"),
        ),
        # An age in months before the noun: "three-month-old", as "three-year" is, 2.75 to 4
        # months (83.7 to 121.8 days) after 2022-02-24 (2022-05-18 .. 2022-06-25).
        (
            "The US has sent Javelins since the start of Russia's three-month-old invasion.",
            ("2022-05-18", "2022-06-25"),
        ),
        # "In its fourth month" anywhere within the noun's 60 characters (here 37 after it),
        # 3 to 4 months (91.3 to 121.8 days) after 2022-02-24 (2022-05-26 .. 2022-06-25).
        (
            "The invasion Russia planned as a quick raid is now in its fourth month.",
            ("2022-05-26", "2022-06-25"),
        ),
        # "Enters its second year": around the day the year begins, a month either side of
        # 2023-02-24 (334.8 to 395.7 days after 2022-02-24: 2023-01-24 .. 2023-03-26), not
        # the whole year after it ("in its second year", the near miss below).
        (
            "Biden spoke of Ukraine's resilience as the full-scale invasion enters its second year.",
            ("2023-01-24", "2023-03-26"),
        ),
        (
            "Biden spoke of Ukraine's resilience with the full-scale invasion in its second year.",
            ("2023-02-24", "2024-02-24"),
        ),
        # "Nearly four years": three and a half to four after 2022 (2025-08-25 .. 2026-02-24).
        (
            "After nearly four years of full-scale war, Ukraine still needs Patriot interceptors.",
            ("2025-08-25", "2025-11-01"),
        ),
        # How long ago it began: "launched almost four years ago", the same three and a half
        # to four years.
        (
            "Russia's full-scale war on Ukraine, launched almost four years ago, has drained Patriot stocks.",
            ("2025-08-25", "2025-11-01"),
        ),
        # "Began more than three years ago": three to three and three quarters years after
        # 2022-02-24 (1095.75 to 1369.7 days: 2025-02-23 .. 2025-11-24, cut at today).
        (
            "The invasion, which began more than three years ago, has Ukraine still asking for Patriots.",
            ("2025-02-23", "2025-11-01"),
        ),
    ],
)
def test_other_ways_of_saying_the_wars_age(text: str, window: tuple[str, str]) -> None:
    assert claim("Aid\n\n" + text)[:2] == window


@pytest.mark.parametrize(
    "text",
    [
        # Ukraine's own incursion into Russia, called an invasion too.
        "Ukraine's invasion of Russia's Kursk region entered its 10th day on Thursday.",
        # Another war, and "fighting" as a verb.
        "The two-year war in Gaza has drawn on US stocks of 155mm shells meant for Ukraine.",
        "The war in Gaza began two years ago, and Ukraine still asks for Patriots.",
        "We have had five years of fighting ISIS in Syria, the general told reporters about Russia.",
        # An article that names neither Ukraine nor Russia.
        "The three-year war has emptied the country's arsenals, the minister said.",
    ],
)
def test_no_age_of_this_war(text: str) -> None:
    assert claim("Aid\n\n" + text)[2] == [] or all("war" not in e for e in claim("Aid\n\n" + text)[2])


def test_a_day_of_the_kursk_incursion_is_no_age_of_the_war() -> None:
    # Without "Kursk" the same words would be the invasion's tenth day (March 2022).
    earliest, _ = claim(
        "Aid\n\nUkraine's invasion of Russia's Kursk region entered its 10th day on Thursday."
    )[:2]
    assert earliest < "2022-03-01"


def ages(text: str) -> list[tuple[str, str]]:
    """The intervals of every age of the war the text gives (the module's constraints)."""
    from armstrack.extract.published_war import war_age_constraints
    from armstrack.text import Sentences

    article = load_text(text)
    sentences = Sentences.split(article.text, article.paragraphs)
    bounds = list(zip(sentences.starts, sentences.ends, strict=True))
    found = war_age_constraints(article.text, article.text.lower(), bounds)
    return [(lo.isoformat(), hi.isoformat()) for c in found for lo, hi in c.intervals]


def test_the_nth_day_since_russia_invaded() -> None:
    # "the 300th day since Russia invaded Ukraine": 298 to 300 days after 2022-02-24, or, as
    # the verb does not say which invasion, after 2014-02-20 (Crimea) to 2014-04-15. Near
    # miss: "Russia invaded" with no day counted gives no age.
    assert ("2022-12-19", "2022-12-21") in ages(
        "Aid\n\nThe visit marks the 300th day since Russia invaded Ukraine."
    )
    assert ages("Aid\n\nThe visit comes years after Russia invaded Ukraine.") == []
