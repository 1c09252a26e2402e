"""A month and day without a year take the year written beside the same month nearby; "later
in March" is the March just named; a reported future ("would begin in October") looks ahead."""

from __future__ import annotations

import datetime as dt

from tests.test_published import infer


def resolved(text: str, given: dt.date | None = None) -> dict[str, str]:
    _, times = infer(text, given)
    return {t.text: str(t.resolved.start) for t in times if t.resolved is not None}


def test_later_in_march_is_the_march_just_named() -> None:
    text = (
        "In March 2025, the administration paused all military aid to Kyiv. "
        "Deliveries resumed later in March after talks in Jeddah."
    )
    # Read in November 2026, "later in March" is still March 2025, not March 2026.
    assert resolved(text, dt.date(2026, 11, 2))["later in March"] == "2025-03-01"


def test_a_caption_year_dates_the_bare_days_of_its_month() -> None:
    text = (
        "US sends more shells\n\n"
        "Soldiers unload ammunition near Kharkiv on Sept. 6, 2023. (Photo: agency)\n\n"
        "The Pentagon said on Sept. 7 that more 155mm rounds were on their way, a day after "
        "Blinken arrived in Kyiv on Sept. 6."
    )
    published, _ = infer(text)
    # Both bare days are 2023's, no other year: from Sept. 7 to ten days after Sept. 6 (they
    # open the story: a lede is news); the story is written the day after the latest day it
    # reports.
    assert (str(published.earliest), str(published.latest), str(published.date)) == (
        "2023-09-07",
        "2023-09-16",
        "2023-09-08",
    )


def test_a_pluperfect_date_does_not_date_the_story() -> None:
    # "had approved … in August 2023" is before the story's time: "Aug. 4" keeps every year.
    published, _ = infer(
        "Ukraine received its first F-16 jets, the air force announced on Aug. 4. The US had "
        "approved the transfer of the jets in August 2023."
    )
    assert published.latest is not None and published.latest.year > 2023


def test_a_reported_future_month_looks_ahead() -> None:
    text = "The Pentagon said on Thursday that flight training for the pilots would begin in October."
    assert resolved(text, dt.date(2023, 8, 25))["in October"] == "2023-10-01"


def test_a_time_followed_by_when_and_a_past_verb_is_past() -> None:
    # "will provide the jets in August when the agency reported he had joined": the clause of
    # "when" says August is behind (read in October 2023, August 2023). Near miss: "when the
    # factory reopens" keeps August ahead.
    said = "President Biden said the US will provide the jets to Ukraine in August when the agency reported he joined."
    assert resolved(said, dt.date(2023, 10, 26))["in August"] == "2023-08-01"
    ahead = "The US will provide the jets to Ukraine in August when the factory reopens."
    assert resolved(ahead, dt.date(2023, 10, 26))["in August"] == "2024-08-01"


def test_likely_to_looks_ahead_and_a_participle_after_its_article_is_no_past_verb() -> None:
    # "are likely to undergo an expedited course and return to duty in early 2024": ahead of
    # the writing ("likely to" as "expected to"; "an expedited course" is an adjective, no
    # verb in the past). Near miss: "expedited their course and returned" is past.
    ahead, _ = infer(
        "F-16 pilots\n\nThe pilots are likely to undergo an expedited course and return to duty in early 2024."
    )
    assert ahead.latest is not None and ahead.latest < dt.date(2024, 1, 1), ahead
    behind, _ = infer("F-16 pilots\n\nThe pilots expedited their course and returned to duty in early 2024.")
    assert behind.earliest is not None and behind.earliest >= dt.date(2024, 1, 1), behind


def test_expecting_someone_to_act_looks_ahead_and_was_to_says_nothing() -> None:
    # "it expects the maker to complete the work by the end of June 2025": ahead of the
    # writing. "missiles that were to expire in 2023": a future seen from the past, on either
    # side of the writing. Near misses: "completed the work" and "expired in 2023" are past.
    ahead, _ = infer(
        "Stingers\n\nThe Army said it expects the maker to complete the work by the end of June 2025."
    )
    assert ahead.latest is not None and ahead.latest < dt.date(2025, 7, 1), ahead
    done, _ = infer("Stingers\n\nThe Army said the maker completed the work by the end of June 2025.")
    assert done.earliest is not None and done.earliest >= dt.date(2025, 6, 1), done
    was_to, _ = infer("Stingers\n\nThe Army is extending the life of missiles that were to expire in 2023.")
    assert was_to.earliest is not None and was_to.earliest < dt.date(2023, 1, 1), was_to
    expired, _ = infer("Stingers\n\nThe Army is extending the life of missiles that expired in 2023.")
    assert expired.earliest is not None and expired.earliest >= dt.date(2023, 1, 1), expired
