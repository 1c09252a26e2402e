"""The ledger dates reports by what a package contained, not only by its value. Texts of our
own; the packages are real rows of data/packages.toml (their sources are cited there)."""

from __future__ import annotations

from tests.conftest import extract_text


def test_a_day_without_a_year_takes_the_year_of_the_package_of_those_systems() -> None:
    # Bradleys were announced on 6 January 2023 (the 29th drawdown) and in no other
    # package on a 5-7 January.
    record = extract_text(
        "Strykers next?\n\nOfficials are weighing more armored vehicles. The talks follow the administration's "
        "announcement on Jan. 6 to send 50 Bradley Fighting Vehicles to Ukraine."
    )
    (jan6,) = [t for t in record.time_expressions if t.text == "Jan. 6"]
    assert jan6.resolved is not None and jan6.resolved.start.isoformat() == "2023-01-06"
    published = record.published
    assert published.earliest is not None and published.latest is not None
    # The announcement happened, whatever the sentence's tense: the report comes after it.
    assert published.earliest.isoformat() == "2023-01-06"
    assert published.latest.isoformat() <= "2023-06-30"


def test_the_same_day_with_systems_no_package_listed_stays_yearless() -> None:
    # No package of 6 January lists Patriots: the day keeps every year it can have.
    record = extract_text(
        "Air defense\n\nThe talks follow the administration's announcement on Jan. 6 to send Patriot "
        "interceptors to Ukraine."
    )
    assert record.published.precision not in {"day", "week", "month"}


def test_a_round_figure_with_its_contents_names_the_package() -> None:
    # "$3 billion … Bradley": the $2.85 billion drawdown and $225 million FMF of 6 January 2023.
    record = extract_text(
        "New aid\n\nWASHINGTON — The administration announced a new $3 billion package of military assistance "
        "for Ukraine that will include Bradley Fighting Vehicles."
    )
    published = record.published
    assert published.earliest is not None and published.latest is not None
    assert published.earliest.isoformat() <= "2023-01-06" <= published.latest.isoformat()
    assert (published.latest - published.earliest).days <= 130


def test_a_round_figure_without_contents_is_no_evidence() -> None:
    record = extract_text(
        "New aid\n\nThe administration announced a new $3 billion package of military assistance for Ukraine."
    )
    assert (
        record.published.precision in {"year", "unknown", "half"}
        or record.published.earliest is None
        or (
            record.published.latest is not None
            and record.published.earliest is not None
            and (record.published.latest - record.published.earliest).days > 130
        )
    )


def test_contents_choose_between_packages_of_one_value() -> None:
    # $175 million drawdowns were announced in July 2022, September 2023 and December 2023;
    # only September's listed depleted uranium rounds.
    # Without a publication date the days the report can be about span both of the later
    # two (the sum is background, far from the lede, so it dates the report loosely).
    record = extract_text(
        "Tanks\n\nUkraine's tank crews trained in Germany. They returned home in the autumn. Officials said "
        "more help was coming.\n\nThe $175 million aid package included depleted uranium rounds for Abrams tanks."
    )
    (amount,) = [a for a in record.amounts if a.kind == "money"]
    assert amount.package is not None and amount.package.id == "pda-46"
    assert "items" in amount.package.matched


def test_a_day_the_lede_reports_is_news_a_day_deep_in_the_story_is_not() -> None:
    # "announced on Thursday, June 20": June 20 was a Thursday in 2024 (and 2019).
    lede = extract_text(
        "Interceptors first\n\nThe Pentagon announced on Thursday, June 20, that interceptors will go to Kyiv first."
    )
    deep = extract_text(
        "Interceptors first\n\nAir defense is scarce. Allies are waiting. Production is slow.\n\n"
        "Factories run two shifts.\n\nThe Pentagon announced on Thursday, June 20, that interceptors will go to Kyiv first."
    )
    assert lede.published.latest is not None and deep.published.latest is not None
    assert lede.published.latest.isoformat() == "2024-06-30"  # ten days after: the lede is news
    assert deep.published.latest.isoformat() == "2024-07-20"  # thirty days after a weekday and date


def test_a_span_start_is_not_the_news_the_point_is_guessed_inside_the_range() -> None:
    # "Since Russia invaded on February 24": the range starts then (within the year after, as
    # a span's start without a year: 2022-02-24 + 366 days), but the story is not news of
    # February 24, so the guess is not the day after it.
    record = extract_text(
        "Factory visit\n\nThe president will visit an ammunition plant in Pennsylvania next week, the White House "
        "said Wednesday.\n\nSince Russia invaded on February 24, the administration has pledged about $3 billion in "
        "military aid for Kyiv."
    )
    published = record.published
    assert (str(published.earliest), str(published.latest)) == ("2022-02-24", "2023-02-25")
    assert published.date is not None and published.date.isoformat() == "2022-08-26"  # the middle


def test_a_dateline_day_is_guessed_in_the_year_of_the_decision_the_story_reports() -> None:
    # "July 13" fits every year after the cluster-munitions decision of 2023-07-07 (data/facts.toml):
    # the claim spans them all, the guess is the year of the decision the story reports.
    record = extract_text(
        "Cluster munitions arrive\n\nKIEV, July 13 (Wire) -- Ukraine has received cluster munitions from the "
        "United States, a commander said on Thursday.\n\nThe rounds are fired from 155 mm howitzers."
    )
    published = record.published
    assert published.date is not None and published.date.isoformat() == "2023-07-13"
    assert published.earliest is not None and published.earliest.isoformat() == "2023-07-13"


def test_weighing_a_decision_is_not_dated_after_it() -> None:
    # Before 2023-07-07 officials weighed sending cluster munitions: no decision named, so the
    # decision's date is no lower bound.
    record = extract_text(
        "Cluster munitions\n\nWASHINGTON, June 20, 2023 -- Officials are weighing whether to send cluster "
        "munitions to Ukraine, two people familiar with the talks said."
    )
    assert record.published.date is not None and record.published.date.isoformat() == "2023-06-20"


def test_a_backdrop_event_does_not_pull_the_guess_toward_its_year() -> None:
    # "Russia's full-scale invasion" is named for years as the backdrop: "June 20" (past,
    # 2014-2026) keeps its latest year rather than 2022.
    record = extract_text(
        "Air defense\n\nThe Pentagon said on June 20 that more interceptors are needed three years into "
        "Russia's full-scale invasion of Ukraine."
    )
    assert record.published.date is not None and record.published.date.year != 2022


def test_a_round_figure_with_its_contents_links_the_days_packages() -> None:
    record = extract_text(
        "New aid\n\nThe administration announced a new $3 billion package of military assistance for Ukraine "
        "that will include Bradley Fighting Vehicles.",
        published="2023-01-06",
    )
    (amount,) = [a for a in record.amounts if a.kind == "money"]
    assert amount.package is not None
    assert amount.package.announced.isoformat() == "2023-01-06"
    assert set(amount.package.together) == {"pda-29", "fmf-2023-01-06"}  # $3.075 billion that day
    assert {"rounded value", "items"} <= set(amount.package.matched)


def test_a_month_the_sentence_names_chooses_among_packages_of_one_value() -> None:
    # $800 million drawdowns were announced on 16 March and 21 April 2022; "last month" in
    # a report of early April is March's.
    record = extract_text(
        "More aid\n\nThe Pentagon is shipping more drones. The aid comes after the administration announced "
        "that it would provide $800 million in new assistance for Ukraine last month.",
        published="2022-04-05",
    )
    (amount,) = [a for a in record.amounts if a.kind == "money"]
    assert amount.package is not None and amount.package.announced.isoformat() == "2022-03-16"


def test_a_weekday_between_subject_and_verb_chooses_the_package_and_the_report_week() -> None:
    # $800 million drawdowns: Wednesday 16 March and Thursday 21 April 2022. Wire copy writes
    # the weekday with no "on"; "the war that began last month" is the war's month, not the sum's.
    record = extract_text(
        "Biden sends more drones\n\nPresident Joe Biden Wednesday announced an additional $800 million "
        "in military assistance for Ukraine, which is fighting a Russian invasion that began last month."
    )
    (amount,) = [a for a in record.amounts if a.kind == "money"]
    assert amount.package is not None and amount.package.announced.isoformat() == "2022-03-16"
    published = record.published
    assert published is not None and published.earliest is not None and published.latest is not None
    assert published.earliest.isoformat() <= "2022-03-16" <= published.latest.isoformat()
    assert published.latest.isoformat() < "2022-04-01"


def test_a_sale_to_ukraine_the_ledger_holds_dates_the_report_but_another_buyers_does_not() -> None:
    # data/packages.toml: fms-2025-08-28, a possible sale of $825 million (ERAM missiles).
    sale = extract_text(
        "Missiles for Kyiv\n\nThe State Department approved a possible sale of air-to-surface missiles to "
        "Ukraine worth an estimated $825 million, the agency said."
    ).published
    assert sale is not None and sale.earliest is not None and sale.latest is not None
    assert sale.earliest.isoformat() <= "2025-08-28" <= sale.latest.isoformat()
    assert sale.latest.isoformat() < "2026-01-01"
    other = extract_text(
        "Planes for Chile\n\nChile agreed to an $825 million sale of transport planes, its ministry said."
    ).published
    assert other is not None and other.earliest is not None and other.earliest.isoformat() < "2025-01-01"


def test_a_value_two_packages_share_is_guessed_as_the_one_listing_a_weapon_the_article_names() -> None:
    # $450 million: the drawdown of 23 June 2022, which lists HIMARS, and one of 20 February
    # 2023 whose contents the ledger does not list. HIMARS named elsewhere in the article
    # makes the first the guess; the range still holds both. Near miss: no weapon named,
    # and the later one is the guess (a tie goes to the latest).
    sum_sentence = "The Pentagon announced another $450 million in military aid for Kyiv."
    named = extract_text(
        f"Aid\n\n{sum_sentence}\n\nHIMARS rockets remain the item most wanted, officials said."
    )
    published = named.published
    assert published.earliest is not None and published.latest is not None and published.date is not None
    assert published.earliest.isoformat() <= "2022-06-23" and published.latest.isoformat() >= "2023-02-20"
    assert published.date.isoformat().startswith("2022-06")
    plain = extract_text(f"Aid\n\n{sum_sentence}\n\nRockets remain the item most wanted, officials said.")
    assert plain.published.date is not None and plain.published.date.isoformat().startswith("2023-02")


def test_a_price_is_a_sales_and_a_bills_line_an_acts_not_an_aid_packages() -> None:
    # $850 million is a USAI package of 21 December 2022 and $300 million one of USAI's too
    # (data/packages.toml). A price ("will cost") is what a buyer pays, and a line of a bill
    # is no package announced: neither is that package, and neither dates the report to
    # the weeks after it. Near misses: the same sums as packages announced.
    price = extract_text(
        "Missiles for Kyiv\n\nThe package of weapons Ukraine is buying will cost $850 million, officials said on Tuesday."
    ).published
    assert price.latest is None or price.latest.isoformat() > "2023-06-30", price
    aid = extract_text(
        "Missiles for Kyiv\n\nThe Pentagon announced $850 million in new aid for Kyiv, officials said on Tuesday."
    ).published
    assert aid.latest is not None and aid.latest.isoformat() <= "2023-06-30", aid
    law = extract_text(
        "Budget\n\nThe House passed the budget bill. The legislation also includes $300 million for Ukraine via "
        "the Ukraine Security Assistance Initiative, aides said on Friday."
    ).published
    announced = extract_text(
        "Budget\n\nThe Pentagon announced $300 million for Ukraine via the Ukraine Security Assistance "
        "Initiative, aides said on Friday."
    ).published
    assert announced.latest is not None and announced.latest.isoformat() < "2024-12-31", announced
    assert law.latest is None or law.latest > announced.latest, law


def test_a_round_figure_stands_for_the_package_that_rounds_to_it() -> None:
    # Denmark, Norway and Sweden's PURL package of Tuesday 5 August 2025 is $495 million in
    # the ledger; reports call it "$500 million". No $500 million PURL package was announced on a
    # Tuesday, so without the rounding the weekday chose none and the clue held only others.
    published = extract_text(
        "Nordic money\n\nSweden, Norway and Denmark agreed on Tuesday to pay for a $500 million package of US "
        "weapons for Ukraine under NATO's PURL scheme, the alliance said."
    ).published
    assert published.earliest is not None and published.latest is not None
    assert published.earliest.isoformat() <= "2025-08-05" <= published.latest.isoformat(), published


def test_rounding_spread_is_half_a_unit_of_the_second_digit() -> None:
    from armstrack.packages import rounding_spread

    assert rounding_spread(500_000_000) == 5_000_000
    assert rounding_spread(1_200_000_000) == 50_000_000
    assert rounding_spread(578_000_000) == 0  # three digits: that very worth
    assert rounding_spread(2_980_000_000) == 0


def test_a_size_of_many_tranches_is_no_packages_value() -> None:
    # "$500 million tranches": the size each is, not one package announced (the PURL
    # packages of $500 million were announced from August to December 2025).
    many = extract_text(
        "Aid rhythm\n\nWashington is releasing weapons for Ukraine in $500 million tranches under the PURL "
        "mechanism, officials said on Wednesday."
    ).published
    assert many.latest is not None and many.latest.isoformat() >= "2026-06-01", many
    each = extract_text(
        "Aid rhythm\n\nUnder PURL, allies fund packages worth $500 million each, officials said on Wednesday."
    ).published
    assert each.latest is not None and each.latest.isoformat() >= "2026-06-01", each
    # Near miss: one tranche announced is a package of that value.
    one = extract_text(
        "Aid rhythm\n\nGermany announced a $500 million tranche under the PURL mechanism on Wednesday."
    ).published
    assert one.latest is not None and one.latest.isoformat() <= "2026-04-30", one


def test_a_sum_in_euros_names_the_package_its_funder_announced_in_euros() -> None:
    # The Netherlands' PURL package of 4 August 2025: EUR 500 million ($578 million).
    euros = extract_text(
        "Dutch money\n\nThe Netherlands will pay €500 million for US Patriot parts and missiles for Ukraine "
        "under NATO's PURL scheme, the defence ministry said on Monday."
    ).published
    assert euros.earliest is not None and euros.latest is not None
    assert euros.earliest.isoformat() <= "2025-08-04" <= euros.latest.isoformat() <= "2025-08-31", euros
    # Near miss: a sum in euros no funder announced is no clue.
    other = extract_text(
        "Dutch money\n\nThe Netherlands will pay €400 million for US Patriot parts and missiles for Ukraine "
        "under NATO's PURL scheme, the defence ministry said on Monday."
    ).published
    assert other.latest is not None and other.latest.isoformat() >= "2026-06-01", other


def test_the_f16_sustainment_sale_of_december_2024_dates_its_reports() -> None:
    # data/packages.toml fms-2024-12-10: $266.4 million, notified on Tuesday 10 December 2024.
    published = extract_text(
        "F-16 support\n\nThe State Department approved a possible sale of F-16 sustainment services and spare "
        "parts to Ukraine for $266.4 million, the agency said on Tuesday."
    ).published
    assert published.earliest is not None and published.latest is not None
    # From three days before a notice (as for leaks) to the lede's ten days after it.
    assert "2024-12-07" <= published.earliest.isoformat() <= published.latest.isoformat() <= "2024-12-20", (
        published
    )


def test_a_typical_size_still_to_come_is_no_package_ahead() -> None:
    # "will announce packages worth $500 million each": the size each will be, not a package
    # of that value about to be announced (which would date the report to the month before one).
    ahead = extract_text(
        "Aid rhythm\n\nAllies will announce aid packages worth $500 million each under PURL, officials said on Monday."
    ).published
    assert ahead.latest is not None and ahead.latest.isoformat() >= "2026-06-01", ahead
    # Near miss: one package still to come is a clue.
    one = extract_text(
        "Aid rhythm\n\nGermany will announce a $500 million package under PURL, officials said on Monday."
    ).published
    assert one.latest is not None and one.latest.isoformat() <= "2026-01-31", one


def test_a_sum_repeated_is_one_clue_not_three() -> None:
    # $2.85 billion: the drawdown of 2023-01-06; $1.5 billion and $2.2 billion: USAI packages
    # of 2024-07-29 and 2024-07-03. Named three times, the first is still one package against
    # two: the claim spans both readings (before, the three mentions outweighed the two).
    published = extract_text(
        "Aid for Kyiv\n\nThe $2.85 billion package of weapons for Ukraine was the largest yet. The $2.85 "
        "billion package was drawn from US stocks, and the $2.85 billion package will go to the front. A $1.5 "
        "billion aid package for Ukraine was announced, and a $2.2 billion aid package for Ukraine as well."
    ).published
    assert published.earliest is not None and published.latest is not None
    assert published.earliest.isoformat() <= "2023-01-06" and published.latest.isoformat() >= "2024-07-29"


def test_an_authority_named_for_the_next_sum_is_not_this_ones() -> None:
    # $1.25 billion is the drawdown of 2024-12-30 and $1.22 billion the USAI package of the
    # same day: "from the USAI" is the second's, so the first is a drawdown's clue too.
    published = extract_text(
        "Aid\n\nThe aid consisted of $1.25 billion in military equipment and $1.22 billion from the Ukraine "
        "Security Assistance Initiative."
    ).published
    assert {span.text for span in published.evidence} >= {"$1.25 billion", "$1.22 billion"}
    assert published.earliest is not None and published.earliest.isoformat() >= "2024-12-27"


def test_a_round_total_of_the_parts_named_is_their_days() -> None:
    # "$2.5 billion" is exactly the drawdown of 2023-01-19, but beside $1.25 billion and
    # $1.22 billion (both of 2024-12-30, together $2.47 billion) it is their day's total.
    # Near miss: alone, it is the drawdown of January 2023.
    together = extract_text(
        "Aid\n\nThe president unveiled a $2.5 billion aid package for Ukraine. It holds a $1.25 billion drawdown "
        "and $1.22 billion under the Ukraine Security Assistance Initiative."
    ).published
    assert together.earliest is not None and together.earliest.isoformat() >= "2024-12-27"
    alone = extract_text("Aid\n\nThe president unveiled a $2.5 billion aid package for Ukraine.").published
    assert alone.earliest is not None and alone.latest is not None
    assert alone.earliest.isoformat() <= "2023-01-19" <= alone.latest.isoformat() <= "2023-12-31"


def test_a_headlines_infinitive_puts_the_package_ahead() -> None:
    # "Biden to offer $2.85 billion aid": the drawdown of 2023-01-06 is still to come, so the
    # report is from before it (or its day). Near miss: "Biden offers" it, after it.
    ahead = extract_text(
        "Biden to offer $2.85 billion aid for Ukraine\n\nOfficials previewed the plan."
    ).published
    assert ahead.latest is not None and ahead.latest.isoformat() == "2023-01-06"
    done = extract_text(
        "Biden offers $2.85 billion aid for Ukraine\n\nOfficials previewed the plan."
    ).published
    assert done.earliest is not None and done.earliest.isoformat() >= "2023-01-03"


def test_a_sale_said_to_be_foreign_military_sales_finds_one_paid_from_fmf() -> None:
    # The $138 million HAWK sale of 2024-04-09 was paid from Foreign Military Financing (the
    # ledger's authority "FMF"); reports call it "foreign military sales". Near miss: the same
    # sum named as a drawdown is no sale, and no drawdown of that worth exists.
    sale = extract_text(
        "Air defense\n\nThe State Department approved $138 million in foreign military sales to Ukraine "
        "to repair its air defense launchers."
    ).published
    assert sale.earliest is not None and sale.latest is not None
    assert sale.earliest.isoformat() >= "2024-04-01" and sale.latest.isoformat() <= "2024-12-31", sale
    drawdown = extract_text(
        "Air defense\n\nThe Pentagon approved a $138 million drawdown for Ukraine to repair its air defense launchers."
    ).published
    assert drawdown.earliest is not None and drawdown.earliest.isoformat() < "2024-01-01", drawdown


def test_a_weekday_a_release_was_said_on_does_not_choose_the_packages_day() -> None:
    # "Raytheon said in a release Friday that … the $40 billion aid package": the release's
    # Friday, not the act's (signed 2022-05-21): the report may come more than a week after it.
    # Near miss: "passed the $40 billion aid package on Friday" is the act's Friday.
    said = extract_text(
        "Stingers\n\nThe Army ordered 1,300 Stinger missiles from Raytheon. The missiles replace those sent to "
        "Kyiv. Lawmakers had asked for them. Raytheon said in a release Friday that the order is funded through "
        "the $40 billion military and humanitarian aid package for Ukraine."
    ).published
    assert said.latest is not None and said.latest.isoformat() > "2022-06-15", said
    passed = extract_text(
        "Stingers\n\nCongress passed the $40 billion military and humanitarian aid package for Ukraine on Friday."
    ).published
    assert passed.latest is not None and passed.latest.isoformat() < "2022-06-15", passed
