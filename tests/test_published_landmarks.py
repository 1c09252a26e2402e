"""Publication dates from the landmarks of US weapons for Ukraine in data/facts.toml: first
arrivals, changes to how the weapons may be used, and the policy landmarks reporting names
without a year. Texts of our own; each rule has a near miss beside it.

Worked by hand from data/facts.toml: the first Abrams arrive in Ukraine 2023-09-25 (the
decision to send them 2023-01-25); the US allows strikes inside Russia near Kharkiv
2024-05-30, with ATACMS 2024-11-17; antipersonnel mines 2024-11-19; the Oval Office clash
2025-02-28; the Alaska summit 2025-08-15. Joe Biden was President 2021-01-20..2025-01-20,
Lloyd Austin Secretary of Defense 2021-01-22..2025-01-20. ``today`` is 2025-11-01.
"""

from __future__ import annotations

from tests.test_published import infer


def dated(text: str) -> tuple[str, str, str]:
    published, _ = infer(text)
    return published.earliest.isoformat(), published.latest.isoformat(), str(published.date)


def test_a_first_arrival_in_ukraine_dates_the_report_after_it() -> None:
    text = "Tanks at last\n\nThe first US Abrams tanks have arrived in Ukraine, the defense ministry said."
    # Written after the first arrival, and, with nothing to say how long after, the day after.
    assert dated(text) == ("2023-09-25", "2025-11-01", "2023-09-26")


def test_an_arrival_elsewhere_or_one_not_yet_made_is_only_the_decision() -> None:
    in_germany = (
        "Crews train\n\nThe Abrams tanks arrived in Germany, where Ukrainian crews will train on them."
    )
    assert dated(in_germany)[0] == "2023-01-25"
    not_yet = "Crews wait\n\nThe Abrams tanks the US promised have not arrived in Ukraine, the crews said."
    assert dated(not_yet)[0] != "2023-09-25"


def test_long_range_strikes_inside_russia_allowed() -> None:
    text = (
        "Deeper strikes\n\nPresident Joe Biden has authorized Ukraine to use long-range missiles "
        "against targets inside Russia, officials said."
    )
    # After the decision and within Biden's term; the report the day after the decision.
    assert dated(text) == ("2024-11-17", "2025-01-20", "2024-11-18")


def test_a_request_for_long_range_strikes_is_not_the_decision() -> None:
    text = "Kyiv asks\n\nUkraine has asked Washington for permission to fire ATACMS missiles into Russia."
    earliest, _, _ = dated(text)
    assert earliest < "2024-11-17"


def test_strikes_near_kharkiv_are_the_earlier_decision() -> None:
    text = (
        "Border strikes\n\nPresident Joe Biden has allowed Ukraine to strike inside Russia with US "
        "weapons, but only to defend Kharkiv, officials said."
    )
    assert dated(text) == ("2024-05-30", "2025-01-20", "2024-05-31")


def test_any_permission_to_strike_russia_with_us_weapons_is_after_the_first() -> None:
    # No region named: the first US permission was Kharkiv's, so the report is after it.
    text = (
        "Green light\n\nPresident Joe Biden has given Ukraine permission to use US-supplied "
        "weapons to strike some limited areas inside Russia, officials said."
    )
    assert dated(text)[:2] == ("2024-05-30", "2025-01-20")
    plural = "Go-ahead\n\nBiden allowed Ukraine to strike Russian territories with American weapons."
    assert dated(plural)[0] == "2024-05-30"


def test_seeking_permission_or_another_allys_permission_is_not_it() -> None:
    sought = (
        "Kyiv presses\n\nUkraine has long sought permission to strike inside Russia with US "
        "weapons, officials said."
    )
    assert dated(sought)[0] < "2024-05-30"
    british = (
        "London moves\n\nBritain has allowed Ukraine to strike inside Russia with British arms, "
        "unlike US weapons."
    )
    assert dated(british)[0] < "2024-05-30"


def test_arms_seized_from_iran_given_to_ukraine_and_the_plan_that_is_not_it() -> None:
    # The first transfer was 2023-10-02; a plan to make one says nothing.
    given = (
        "Rounds\n\nThe US has transferred a million rounds of ammunition seized from Iran to "
        "Ukraine's armed forces, officials said."
    )
    assert dated(given)[0] == "2023-10-02"
    planned = "Rounds\n\nThe US plans to send weapons seized from Iran to Ukraine, officials said."
    assert dated(planned)[0] < "2023-10-02"


def test_a_month_of_the_backstory_may_be_up_to_a_year_old() -> None:
    # "initially seized … in December", after the transfer of 2023-10-02: the December of
    # 2022 as well (a report of October 2023). Near miss: without the background word, a
    # month named without its year is within eight months, so the December after the fact.
    text = (
        "Rounds\n\nThe US has transferred a million rounds of ammunition seized from Iran to "
        "Ukraine's armed forces. The rounds were initially seized by the Navy in December."
    )
    assert dated(text)[0] == "2023-10-02"
    plain = text.replace("initially seized", "seized")
    assert dated(plain)[0] == "2023-12-01"


def test_antipersonnel_mines_approved_and_the_ban_that_is_not_it() -> None:
    approved = "Mines\n\nDefense Secretary Lloyd Austin said the US has approved sending antipersonnel mines to Ukraine."
    assert dated(approved)[:2] == ("2024-11-19", "2025-01-20")
    ban = (
        "Mines\n\nThe administration decided to ban antipersonnel mines outside the Korean peninsula, "
        "citing their use in Ukraine."
    )
    assert dated(ban)[0] != "2024-11-19"


def test_policy_landmarks_named_without_a_year() -> None:
    clash = "Fallout\n\nAfter the shouting match in the Oval Office, Zelensky flew to London to meet allies."
    assert dated(clash)[0] == "2025-02-28"
    summit = "Tomahawks\n\nAfter the Alaska summit with Putin, Trump said he would decide on Tomahawks later."
    assert dated(summit)[0] == "2025-08-15"
    # the place and a word of meeting apart in the sentence
    apart = (
        "Tomahawks\n\nDays after Trump met Russian President Vladimir Putin in Alaska, he spoke of Tomahawks."
    )
    assert dated(apart)[0] == "2025-08-15"


def test_landmark_words_in_another_sense_bound_nothing() -> None:
    visit = "Visit\n\nZelensky will meet Trump in the Oval Office on Friday, aides said."
    assert dated(visit)[0] != "2025-02-28"
    china = "Talks\n\nThe talks in Alaska between US and Chinese diplomats were tense, officials said."
    assert dated(china)[0] != "2025-08-15"


def test_a_fact_said_to_be_last_month_is_not_news_of_the_day_after() -> None:
    # "Last month" puts the writing in January 2023; the Patriot decision (2022-12-21) is not
    # the news, so the guess is the month's middle, not the day after the decision.
    text = (
        "Ukrainian crews head to Texas\n\n"
        "Last month, Washington said it was sending a Patriot battery to Ukraine. Crews will train for weeks."
    )
    assert dated(text) == ("2023-01-01", "2023-01-31", "2023-01-16")


def test_a_nato_meeting_in_a_summit_city_is_that_summit() -> None:
    # The Hague summit: 2025-06-24..25; "last week" of it is the fortnight after its first day.
    text = (
        "Talks on air defense\n\n"
        "Last week, at a NATO meeting in The Hague, the president told Ukraine's leader more interceptors would come."
    )
    earliest, latest, _ = dated(text)
    assert (earliest, latest) == ("2025-06-25", "2025-07-08")
    elsewhere = "Talks on air defense\n\nLast week, at a NATO meeting in Brussels, ministers discussed interceptors for Ukraine."
    assert dated(elsewhere)[0] < "2025-01-01"


def test_trumps_return_to_office_dates_the_report_in_his_second_term() -> None:
    past = "Leaders meet\n\nIt was their sixth meeting since Trump's return to office, and Ukraine asked for missiles."
    assert dated(past)[0] == "2025-01-20"
    ahead = "Kyiv worries\n\nA potential Trump return to the White House alarms officials in Kyiv who rely on US missiles."
    assert dated(ahead)[1] == "2025-01-19"
    race = "Kyiv worries\n\nTrump is seeking a second term, and officials in Kyiv who rely on US missiles are anxious."
    assert dated(race)[0] < "2024-01-01"


def test_a_first_delivery_received_is_an_arrival_but_training_received_is_not() -> None:
    # data/facts.toml: the first F-16s arrive 2024-07-31; training on them backed 2023-05-19.
    received = (
        "Jets at last\n\nUkraine has received its first batch of F-16 fighter jets, officials in Kyiv said."
    )
    assert dated(received)[0] == "2024-07-31"
    training = (
        "Pilots ready\n\nUkraine has received F-16 training for a dozen pilots in Arizona, officials said."
    )
    assert dated(training)[0] == "2023-05-19"


def test_the_first_himars_arrival_is_a_landmark() -> None:
    # data/facts.toml: the decision of 2022-05-31, the first arrival 2022-06-23.
    arrived = (
        "Rockets at last\n\nThe first HIMARS launchers have arrived in Ukraine, the defense minister said."
    )
    assert dated(arrived)[0] == "2022-06-23"
    promised = "Rockets soon\n\nThe first HIMARS launchers have not arrived in Ukraine yet, the defense minister said."
    assert dated(promised)[0] < "2022-06-23"


def test_the_intelligence_pause_of_2025_and_its_lifting_date_the_report() -> None:
    # Intelligence sharing paused 2025-03-05, resumed at the Jeddah talks 2025-03-11. Near
    # miss: "froze military aid" alone is also the hold of 2019, and dates nothing.
    resumed = "Aid resumes\n\nWashington has resumed intelligence sharing with Ukraine, officials said."
    assert dated(resumed)[0] == "2025-03-11"
    paused = "Aid stops\n\nThe US has paused intelligence sharing with Ukraine, officials said."
    assert dated(paused)[0] == "2025-03-05"
    # A resumption hoped for says the pause happened, but not when: no clue, and never one
    # that it is ahead.
    hoped = "Aid stops\n\nKyiv hopes the US will resume intelligence sharing with Ukraine soon."
    assert dated(hoped)[:2] == ("2014-01-01", "2025-11-01")
    froze = "Aid stops\n\nThe president froze military aid to Ukraine, officials said."
    assert dated(froze)[0] < "2019-01-01"
    denied = "Aid goes on\n\nThe US has not stopped intelligence sharing with Ukraine, officials said."
    assert dated(denied)[0] < "2025-01-01"


def test_a_clash_at_the_white_house_with_zelensky_is_the_oval_office_one() -> None:
    # "a confrontation … at the White House in late February" (2025-02-28). Near miss: a
    # friendly White House visit dates nothing.
    clash = (
        "Aid stops\n\nAid was suspended after an acrimonious confrontation between Trump and Zelensky at the "
        "White House."
    )
    assert dated(clash)[0] == "2025-02-28"
    visit = "Visit\n\nZelensky met Biden at the White House to ask for more air defense."
    assert dated(visit)[0] < "2025-01-01"
    argued = (
        "Visit\n\nZelensky pressed his argument for more air defense in a heated debate at the White House."
    )
    assert dated(argued)[0] < "2025-01-01"


def test_an_f16_jet_kyiv_began_receiving_dates_the_report_after_the_first_arrived() -> None:
    # "just weeks after Kyiv began receiving the aircraft": after 2024-07-31. Near miss: pilots
    # training on the jet date nothing of the sort.
    received = "Jet lost\n\nAn F-16 crashed in Ukraine just weeks after Kyiv began receiving the jets."
    assert dated(received)[0] == "2024-07-31"
    training = "Pilots\n\nUkrainian pilots began receiving training on the F-16 in Arizona."
    assert dated(training)[0] < "2024-07-31"
    pledged = "Jets\n\nKyiv has received pledges of F-16 jets from the Netherlands and Denmark."
    assert dated(pledged)[0] < "2024-07-31"


def test_the_pentagons_pause_over_its_own_stockpiles_dates_the_report_after_it() -> None:
    # Reported 2025-07-01. Near miss: Ukraine's stockpiles emptied by "the pause in US aid"
    # (the 2024 stall in Congress) are not it.
    paused = (
        "Shipments stop\n\nThe Pentagon has paused shipments of Patriot interceptors to Ukraine over "
        "concerns about US stockpiles, officials said."
    )
    assert dated(paused)[0] == "2025-07-01"
    stall = "Shells run short\n\nThe pause in US aid has left Ukraine's stockpiles of shells nearly empty."
    assert dated(stall)[0] < "2025-01-01"
    weighed = (
        "Shipments\n\nThe Pentagon could pause shipments to Ukraine if US stockpiles fall too low, "
        "officials said."
    )
    assert dated(weighed)[0] < "2025-01-01"
    # the stockpile in the singular, the shipments put on hold
    on_hold = (
        "Shipments\n\nThe Pentagon has put shipments to Ukraine on hold amid a review of the US stockpile."
    )
    assert dated(on_hold)[0] == "2025-07-01"


def test_the_lend_lease_act_signed_and_the_one_of_1941() -> None:
    # Signed 2022-05-09; "May 9" beside it is that day, and the report came the day after.
    # Near misses: the signing still ahead, and Roosevelt's act.
    signed = "Aid law\n\nPresident Biden signed the Lend-Lease Act for Ukraine on May 9, officials said."
    assert dated(signed)[:2] == ("2022-05-09", "2022-05-19")
    ahead = "Aid law\n\nBiden is expected to sign the Lend-Lease Act for Ukraine soon."
    assert dated(ahead)[0] < "2022-05-09"
    old = "History\n\nRoosevelt signed the Lend-Lease Act in 1941; Ukraine now asks for the same."
    assert dated(old)[0] < "2022-05-09"


def test_the_moskva_sunk_dates_the_report_after_it() -> None:
    # The cruiser was struck 2022-04-13: "on April 13" beside its sinking is that day of 2022,
    # and the report is after it. Near miss: the river of that name.
    sunk = "Coast\n\nUkraine sank the Moskva with two Neptune missiles on April 13."
    assert dated(sunk)[0] == "2022-04-13"
    river = "Coast\n\nA barge sank in the Moskva River near the capital, officials said."
    assert dated(river)[0] < "2022-01-01"


def test_a_g7_summit_named_with_its_host_is_that_years_summit() -> None:
    # The G7 met in Apulia, Italy, 2024-06-13..15 and in Hiroshima 2023-05-19..21: a day
    # beside the summit is that year's; the report was written after it.
    text = (
        "Air defense first\n\nThe president said at the G7 summit in Italy on June 13 that other buyers "
        "of interceptors would have to wait."
    )
    # The day told in the past in the lede is its news: written within ten days of it, the
    # guess the day after.
    assert dated(text) == ("2024-06-13", "2024-06-23", "2024-06-14")
    assert dated("Jets\n\nLeaders at the G7 summit in Hiroshima backed training pilots on F-16s.")[0] == (
        "2023-05-19"
    )
    # Near misses: a ministers' meeting of the G7 is no summit; a summit still ahead dates
    # the report before it.
    ministers = "Air defense first\n\nThe G7 foreign ministers met in Italy to talk about interceptors."
    assert dated(ministers)[0] < "2024-01-01"
    ahead = "Air defense first\n\nLeaders will discuss interceptors at the G7 summit in Italy next week."
    assert dated(ahead)[1] < "2024-06-13"
