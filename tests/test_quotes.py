from __future__ import annotations

import pytest

from armstrack.models import Quote
from tests.conftest import extract_text


def quotes(text: str) -> list[Quote]:
    return extract_text(text).quotes


def speakers(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.speaker_description) for q in quotes(text)]


@pytest.mark.parametrize(
    "text",
    [
        "“We will keep sending shells to the front,” Hana Kurz said.",
        "“We will keep sending shells to the front,” said Hana Kurz.",
        "“We will keep sending shells to the front,” Hana Kurz told reporters on Friday.",
        "“We will keep sending shells to the front,” Hana Kurz remarked.",
        "“We will keep sending shells to the front,” remarked Hana Kurz, the program director.",
        "“We will keep sending shells to the front,” Hana Kurz added.",
        "“We will keep sending shells to the front,” Hana Kurz wrote on social media.",
        "“We will keep sending shells to the front,” Hana Kurz said in a statement.",
        "Hana Kurz said: “We will keep sending shells to the front.”",
        "According to Hana Kurz, “we will keep sending shells to the front.”",
        "Hana Kurz told reporters that the allies “will keep sending shells to the front.”",
        # the subject after the verb, before the quote
        "The lesson, says Hana Kurz, a senior fellow, is that “we will keep sending shells to the front.”",
        # a title with a full stop after the verb is not the end of the attribution
        "“We will keep sending shells to the front,” said Sen. Hana Kurz, the top Republican on the panel.",
    ],
)
def test_attribution_patterns(text: str) -> None:
    (quote,) = quotes(text)
    assert quote.speaker == "Hana Kurz"
    assert quote.text.startswith(("We will", "we will", "will keep"))


def test_pronoun_chain_across_paragraphs() -> None:
    text = (
        "Deputy Minister Ola Brandt spoke at the depot.\n\n"
        "“The stocks are thin,” he said.\n\n"
        "“We will refill them by spring,” he added."
    )
    assert speakers(text) == [("Ola Brandt", None), ("Ola Brandt", None)]


def test_a_surname_after_a_generational_suffix_is_the_same_person() -> None:
    text = (
        "Gen. Omar T. Vance Jr., the chairman of the Joint Chiefs of Staff, spoke after the meeting.\n\n"
        "“The key is sustainment,” Vance said."
    )
    assert speakers(text) == [("Omar T. Vance Jr.", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv needs seven more systems. „We will keep sending shells to the front,“ Hana Kurz said.",
        "Kyiv needs seven more systems. «We will keep sending shells to the front,» Hana Kurz said.",
    ],
)
def test_low_high_and_angle_quotes(text: str) -> None:
    (quote,) = quotes(text)
    assert (quote.speaker, quote.text, quote.partial) == (
        "Hana Kurz",
        "We will keep sending shells to the front",
        False,
    )


def test_continuation_in_the_same_paragraph_keeps_the_speaker() -> None:
    text = "“The line is open,” said plant manager Ruth Okoye. “We hired two hundred people this year.”"
    assert speakers(text) == [("Ruth Okoye", None), ("Ruth Okoye", None)]


def test_unnamed_source_next_to_a_named_person() -> None:
    text = (
        "Defense Minister Piotr Zalewski visited the base on Monday.\n\n"
        "“The minister was given a full list of the requests,” an official told the newspaper."
    )
    assert speakers(text) == [(None, "an official")]


def test_the_official_takes_the_earlier_fuller_description() -> None:
    text = (
        "A senior European diplomat said the talks were hard.\n\n"
        "“Nobody wanted to move first on the air defense question,” the diplomat said."
    )
    assert speakers(text) == [(None, "A senior European diplomat")]


def test_the_official_with_words_of_its_own_takes_the_description_that_has_them() -> None:
    # "the logistics official" is the one introduced as a logistics official, not the
    # military official introduced since; a description set off after a name is that
    # person's, and no unnamed source. Near miss: "the official" alone takes the latest.
    two = (
        "More radars are on their way to Kyiv, a senior logistics official said on Monday. "
        "A senior military official confirmed the schedule.\n\n"
    )
    assert speakers(two + "“Two will land this week,” the logistics official said.") == [
        (None, "a senior logistics official")
    ]
    assert speakers(two + "“Two will land this week,” the official said.") == [
        (None, "A senior military official")
    ]
    named = (
        "Mara Voss, a senior ministry official, backed the review. The ministry reacted, with its "
        "spokesman Ivo Brandt saying the order was made “for our own needs.”\n\n"
        "“We keep enough for ourselves,” the official stated."
    )
    assert speakers(named)[-1] == (None, "the official")


def test_the_subject_comes_after_a_phrase_that_sets_the_scene() -> None:
    # The person met in the opening phrase does not speak. Near miss: a subject right after
    # a short opening phrase speaks.
    text = (
        "After meeting President Ola Brenn in Oslo last week, Piotr Zalewski acknowledged the plea "
        "and said, “We will see what we can do.”"
    )
    assert speakers(text) == [("Piotr Zalewski", None)]
    near = "After meeting Piotr Zalewski in Oslo, Ola Brenn said, “We will see what we can do.”"
    assert speakers(near) == [("Ola Brenn", None)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The deal “will not be signed before the summit in the autumn,” Reuters reported.", "Reuters"),
        ("“Deliveries of the interceptors are running months behind,” the Pentagon said.", "Pentagon"),
        # a country's institution speaks, not the country; near miss: the country alone
        ("“The jets shot down four missiles,” Ukraine’s General Staff said.", "Ukraine’s General Staff"),
        (
            "“The jets shot down four missiles,” Ukraine's Defense Ministry said.",
            "Ukraine's Defense Ministry",
        ),
        ("“The jets shot down four missiles,” Ukraine said.", "Ukraine"),
    ],
)
def test_outlets_and_offices_as_speakers(text: str, speaker: str) -> None:
    (quote,) = quotes(text)
    assert quote.speaker == speaker and quote.speaker_description is None


def test_a_text_without_double_quotation_marks_quotes_in_single_ones() -> None:
    # House style in single marks: each ‘…’ is a quotation, an apostrophe inside runs on
    # ("Ukraine’s"). Near miss: beside double marks, single ones are no quotations of their own.
    single = "US sends shells\n\n‘Ukraine’s army will get the shells it needs,’ Hana Kurz said on Friday."
    assert [(q.text, q.speaker) for q in quotes(single)] == [
        ("Ukraine’s army will get the shells it needs", "Hana Kurz")
    ]
    double = (
        "US sends shells\n\n“We will keep sending shells,” Kurz said. It was ‘a big day’ for Kyiv’s army."
    )
    assert [q.text for q in quotes(double)] == ["We will keep sending shells"]


def test_a_plain_text_quotes_in_straight_single_marks() -> None:
    # A wire's plain text with no double marks: 'quoted' in straight marks, an apostrophe
    # between letters ("don't") or of a plural possessive before its noun ("lawmakers'
    # approval") inside. Near miss: possessives alone ("the allies' shells") quote nothing.
    text = (
        "Shells for Kyiv\n\nAt a briefing, Hana Kurz said, 'We don't wait for the lawmakers' approval. The "
        "shells go today.'\n\nThe minister called it a 'big day' for Ukraine's army."
    )
    found = quotes(text)
    assert [q.text for q in found] == [
        "We don't wait for the lawmakers' approval. The shells go today.",
        "big day",
    ]
    assert found[0].speaker == "Hana Kurz"
    assert (
        quotes("Shells for Kyiv\n\nThe allies' shells reached Ukraine's army, the minister's office said.")
        == []
    )


def test_a_curly_quote_a_straight_mark_closes_is_one_quotation() -> None:
    # Scraped text mixes marks: “…," glued to the last word closes the curly quote. Near
    # miss: a straight mark that opens ( "like candy") is a quote of its own, not a closer.
    text = (
        'Shells for Kyiv\n\n“Deliveries should not wait for the vote," Senator Hana Kurz said, adding that '
        'shells were handed out "like candy."'
    )
    assert [(q.text, q.speaker) for q in quotes(text)] == [
        ("Deliveries should not wait for the vote", "Hana Kurz"),
        ("like candy.", "Hana Kurz"),
    ]


def test_a_quote_left_open_runs_on_into_a_paragraph_opened_by_another_kind_of_mark() -> None:
    # Syndicated copy: the curly quote left open at the paragraph's end, the next paragraph
    # opened by a straight mark and closed by a curly one. Near miss: a paragraph that opens
    # with no mark ends the open quote there.
    text = (
        "Rounds\n\nIn a statement on Wednesday, Attorney General Hana Kurz said: “With this "
        "transfer, one regime's arms now help another's victims.\n\n\"We will keep using every "
        "legal tool we have.”"
    )
    assert [(q.text[:9], q.speaker) for q in quotes(text)] == [("With this", "Hana Kurz")]
    assert quotes(text)[0].text.endswith("legal tool we have.")
    plain = text.replace('\n\n"We', "\n\nWe")
    assert [q.text[:9] for q in quotes(plain)] != [q.text[:9] for q in quotes(text)] or len(
        quotes(plain)
    ) != 1


def test_a_nickname_within_a_name_is_no_quotation() -> None:
    # 'Gen. Charles “CQ” Brown', 'pilot Oleh “Falcon” Marchenko': a name within a name.
    text = (
        "Jets\n\nGen. Charles “CQ” Brown will attend. The pilot, Oleh “Falcon” Marchenko, died in "
        'the crash, and Marta "Mia" Price (D-Va.) mourned him.'
    )
    assert quotes(text) == []
    # Near misses: a headline's word in title case after the mark, a word quoted after a verb
    headline = "Kyiv Says “No” To Deal With Moscow\n\nThe talks ended."
    assert [q.text for q in quotes(headline)] == ["No"]
    called = "Jets\n\nHana Kurz called the plan “Reckless” on Tuesday."
    assert [q.text for q in quotes(called)] == ["Reckless"]
    # … and a word quoted after a name, a weekday after it: no surname
    dated = "Jets\n\nHana Kurz called Lena Varga “Reckless” Monday, aides said."
    assert [q.text for q in quotes(dated)] == ["Reckless"]


def test_a_quote_inside_a_straight_quote_in_straight_marks_does_not_end_it() -> None:
    # '"… the word "impossible" in response …," Kurz said': the inner marks open glued to a
    # word after a space, and close glued to one. Near miss: two quotes in a row stay two.
    nested = 'Jets at last\n\n"We often heard the word "impossible" in response, but the jets are here," Hana Kurz said.'
    assert [(q.text, q.speaker) for q in quotes(nested)] == [
        ('We often heard the word "impossible" in response, but the jets are here', "Hana Kurz")
    ]
    two = 'Jets at last\n\n"The jets are here," Hana Kurz said. "We waited a long time," she added.'
    assert [q.text for q in quotes(two)] == ["The jets are here", "We waited a long time"]


def test_a_scare_quote_of_a_described_subject_is_no_ones_named() -> None:
    # The clause's subject is a description after a time phrase, or a group: not "Last" or
    # "More", nor a country named deep in the clause or at its end. Near miss: an
    # organisation that opens the clause is its subject.
    for text in (
        "Aid\n\nLast week, the administration published a strategy accusing European officials of "
        "cultivating “unrealistic expectations” about Ukraine.",
        "Aid\n\nMore traditional Republicans warn that Ukraine’s victory matters to NATO and Russia, warning "
        "that its leader is forming an “axis of evil” with Iran.",
    ):
        assert [q.speaker for q in quotes(text)] == [None], text
    kremlin = "Aid\n\nThe Kremlin condemned the shipments to Ukraine, calling them “reckless” and dangerous."
    assert [q.speaker for q in quotes(kremlin)] == ["Kremlin"]


def test_the_former_and_the_latter_are_the_two_people_named_before() -> None:
    text = (
        "Lawmakers criticized it, including Rep. Brian Fitzpatrick and Senator Richard Blumenthal, with the former "
        "calling the pause “unacceptable” and the latter denouncing it as “fallacious.”"
    )
    assert speakers(text) == [("Brian Fitzpatrick", None), ("Richard Blumenthal", None)]


def test_a_that_clause_after_said_is_what_is_said_not_who_says_it() -> None:
    # "both governments said Tuesday's talks in Jeddah … marked “…”": the governments, not
    # Jeddah; "In a joint statement" is where, not who. Near miss: a verb set off by commas
    # has its subject after it ("The lesson, says Michael Kofman, …").
    assert speakers(
        "In a joint statement, both governments said Tuesday's talks in Jeddah, Saudi Arabia, marked “important "
        "steps toward peace.”"
    ) == [(None, "both governments")]
    assert speakers("The lesson, says Michael Kofman, a senior fellow, is that “air defense matters.”") == [
        ("Michael Kofman", None)
    ]


def test_what_a_country_owns_speaks_not_the_country() -> None:
    # "Ukraine's Western air command unit said": the unit, described; a person it owns is named.
    assert speakers("“Oleksiy saved Ukrainians,” Ukraine's Western air command unit said.") == [
        (None, "Ukraine's Western air command unit")
    ]
    assert speakers("“We need jets,” Ukraine's President Volodymyr Zelensky said.") == [
        ("Volodymyr Zelenskyy", None)
    ]


def test_an_office_a_country_qualifies_is_a_persons_not_the_countrys() -> None:
    # "the U.S. president said": a person, described (no name is given there). Near misses:
    # the country alone speaks.
    assert speakers("“The need is urgent for our partners,” the U.S. president said.") == [
        (None, "the U.S. president")
    ]
    assert speakers("“The need is urgent for our partners,” the U.S. said.") == [("United States", None)]


def test_an_office_of_a_country_or_body_is_a_persons_not_the_bodys() -> None:
    # "the president of Ukraine said": the office's holder, described, not the country; on
    # either side of the verb, and what the body owns after it stays in the description.
    # Near misses: a description that is no office ("the people of Ukraine"), an office after
    # a preposition (its holder is no subject), and a body alone.
    assert speakers("“We cannot wait for months,” the president of Ukraine said on Tuesday.") == [
        (None, "the president of Ukraine")
    ]
    assert speakers(
        "“The skies must be closed,” said the chairman of the Joint Chiefs of Staff on Monday."
    ) == [(None, "the chairman of the Joint Chiefs of Staff")]
    assert speakers("“Our plants are ready,” said the head of the Pentagon's acquisition office.") == [
        (None, "the head of the Pentagon's acquisition office")
    ]
    assert speakers("“We will not give up,” the people of Ukraine said in a petition.") == [
        (None, "the people of Ukraine")
    ]
    assert speakers("“We will keep our promises,” the European Commission said.") == [
        ("European Union", None)  # the gazetteer's alias (data/actors.toml)
    ]
    assert speakers("“We are grateful,” a top adviser to the president of Ukraine said.") != [
        (None, "the president of Ukraine")
    ]


def test_a_scare_quote_is_the_closing_attributions_however_long_the_title() -> None:
    # "…, which is “deeply concerning”, US National Security Council Strategic Communications
    # Coordinator Dana Whitfield said": the title may run to a dozen words. Near miss: a
    # speech verb before the quote gives it to its own subject.
    assert speakers(
        "Aid for Kyiv may last a few more weeks, which is “deeply concerning”, US National Security Council "
        "Strategic Communications Coordinator Dana Whitfield said at a briefing."
    ) == [("Dana Whitfield", None)]
    assert speakers(
        "Lena Varga called the delay “deeply concerning”, US National Security Council Strategic "
        "Communications Coordinator Dana Whitfield said at a briefing."
    ) == [("Lena Varga", None)]


def test_a_participle_after_an_inverted_attribution_is_its_subjects() -> None:
    # "“…,” said the US agency, adding it “…”": the agency, not its country, and not a place
    # named inside the first quote. Near miss: the country alone after "said".
    assert (
        speakers(
            "“This sale helps Kyiv guard its cities,” said the US Defense Security Cooperation Agency, "
            "adding it “will not alter the balance in the region.”"
        )
        == [("Defense Security Cooperation Agency", None)] * 2
    )
    assert (
        speakers(
            "“This sale helps Kyiv guard its cities,” the agency said, adding it “will not alter the balance.”"
        )
        == [(None, "the agency")] * 2
    )
    assert (
        speakers("“This sale helps Kyiv guard its cities,” said the US, adding it “changes nothing.”")
        == [("United States", None)] * 2
    )


def test_a_description_does_not_open_with_a_conjunction() -> None:
    assert speakers("But the Pentagon official said: “There are no updates on the jets.”") == [
        (None, "the Pentagon official")
    ]


def test_an_outlet_after_the_quote_reports_the_speaker_before_it() -> None:
    # "He said … “…,” the AP reports": the outlet carries the words of the subject of "said".
    # Near miss: with no speech verb before the quote, the outlet is the speaker (above).
    text = (
        "Defense Secretary Lloyd Austin spoke in Laos on Wednesday. He said Russian troops are leading the "
        "advance and there is “a need for things that can slow down that effort,” the AP reports."
    )
    assert speakers(text) == [("Lloyd Austin", None)]
    assert speakers("Austin met Umerov. “We need more air defense,” the AP reported.") == [
        ("Associated Press", None)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Sources told journalists that the decision was justified by the “pressing need to blunt the advance.”",
        "Analysts said the new mines were “a necessary evil in a brutal war.”",
    ],
)
def test_a_group_noun_opening_a_sentence_is_no_name(text: str) -> None:
    # "Sources", "Analysts": capitalised because they open the sentence, and unnamed speakers.
    ((speaker, description),) = speakers(text)
    assert speaker is None and description in {"Sources", "Analysts"}


def test_a_speech_verb_in_a_relative_clause_after_the_quote_is_not_its_attribution() -> None:
    # "… “…” and it suits the Donbas, the region that the Kremlin has declared …": Kirby's, by
    # "noting that" before the quote. Near miss: "a senior official who spoke on condition of
    # anonymity said" has its relative clause before the verb, which is the attribution.
    text = (
        "Pentagon press secretary John Kirby declined to elaborate, noting that it is used “largely to attack "
        "targets” and it suits the Donbas, the region that the Kremlin has declared to be its main objective."
    )
    assert speakers(text) == [("John Kirby", None)]
    assert speakers("“We need more,” a senior official who spoke on condition of anonymity said.") == [
        (None, "a senior official")
    ]


def test_a_participle_set_off_by_a_comma_is_the_sentences_subject() -> None:
    # ", saying that …" is the senators', not the United States' named in between; after
    # "the mayor said," the participle is the mayor's.
    assert speakers(
        "The senators, including Joni Ernst, expressed concern over U.S. opposition to the request, saying that "
        "the drone “demands careful reconsideration.”"
    ) == [(None, "The senators")]
    assert speakers(
        "“We do not see a link,” the mayor said, adding that it would take “more hours” before details emerge."
    ) == [(None, "the mayor"), (None, "the mayor")]


def test_a_relative_clause_before_the_verb_is_no_speaker_and_a_with_clause_after_is_anothers() -> None:
    # "The United States, which has … since Russia's annexation of Crimea, has said …" is the
    # United States'; "“premature,” with Zelensky saying …" is the sentence subject's, and
    # the words after "saying" are Zelensky's. Near miss: in "which the chief executive, Tim
    # Cook, called" the clause's own subject speaks (the tax case test below).
    assert speakers(
        "The United States, which has sent rifles to Ukraine since Russia's annexation of Crimea, has said an "
        "attack is “imminent.”"
    ) == [("United States", None)]
    assert speakers(
        "Ukraine has called the warning “premature,” with President Volodymyr Zelensky saying the situation "
        "was “under control.”"
    ) == [("Ukraine", None), ("Volodymyr Zelenskyy", None)]


def test_a_paragraph_that_is_only_a_quote_goes_on_with_the_source_of_the_paragraph_before() -> None:
    # "The official confirmed that Kyiv wants the jets. ¶ “He made it clear …”": the quote alone,
    # no words of its own, is the official's. Near miss: a paragraph with words of its own
    # beside the quote ("…,” the minister said of it) is not the paragraph before's.
    alone = (
        "The US official confirmed that Kyiv wants the jets from Poland.\n\n“He made it clear he wants them.”"
    )
    assert speakers(alone) == [(None, "The US official")]
    own = (
        "The US official confirmed that Kyiv wants the jets from Poland.\n\n"
        "“He made it clear he wants them,” a Polish minister said."
    )
    assert speakers(own) == [(None, "a Polish minister")]


def test_an_outlet_citing_a_statement_quotes_the_statements_author() -> None:
    # "“…,” TASS reported, citing the statement of the US Defense Department": the words are
    # the Pentagon's. Near miss: "citing the source" leaves the words quoted the outlet's own
    # account of what it was told.
    assert speakers(
        "“The package includes ammunition for HIMARS,” TASS reported, citing the statement of the US Defense "
        "Department on Sunday."
    ) == [("Pentagon", None)]
    assert speakers("“Kyiv should not expect more ATACMS,” CNN wrote, citing the source.") == [("CNN", None)]


def test_the_treasury_speaks_as_itself() -> None:
    # "the US Treasury Department said": the department, not "United States" (the nearest name
    # the gazetteer knew within it)
    assert speakers("“This partnership helps Ukraine,” the US Treasury Department said.") == [
        ("Treasury Department", None)
    ]


def test_a_source_quoted_by_an_outlet_or_named_by_this_was_stated_by_is_the_speaker() -> None:
    # "“…,” the White House quoted President Joe Biden"; wire style: the quote alone, then
    # "This was stated by Secretary Blinken during his visit", in the next sentence or the next
    # paragraph. Near miss: "This was stated" with no one after "by" names no one.
    assert speakers("“We announce new aid today,” the White House quoted President Joe Biden.") == [
        ("Joe Biden", None)
    ]
    assert speakers("“This may be a harbinger,” the newspaper quotes officials as saying.") == [
        (None, "officials")
    ]
    for gap in (" ", "\n\n"):
        text = f"“The US is preparing a new aid package for Ukraine”.{gap}This was stated by Antony Blinken during his visit."
        assert speakers(text) == [("Antony Blinken", None)], gap
    assert speakers("“The US is preparing a new aid package for Ukraine”. This was stated in a report.") == [
        (None, None)
    ]


def test_words_a_thing_is_described_by_in_the_passive_are_nobodys() -> None:
    # "The mines, described as “non-persistent”": the mines do not speak, and who described
    # them is not said. Near miss: in the active voice the subject characterises.
    assert speakers("The mines, described as “non-persistent” and built to switch off, are for defense.") == [
        (None, None)
    ]
    assert speakers("Austin described the mines as “non-persistent” on Wednesday.") == [("Austin", None)]
    assert speakers(
        "The EU's tax case, which the chief executive, Tim Cook, called “a political stunt”, goes on."
    ) == [("Tim Cook", None)]


def test_scare_quotes_are_partial_and_unattributed() -> None:
    text = "Officials spoke at length on Monday. The ministry keeps a “limited” stock of shells in the north."
    (quote,) = quotes(text)
    assert (quote.text, quote.partial, quote.speaker, quote.speaker_description) == (
        "limited",
        True,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence that opens with its source and verb: the words it quotes are the source's
        (
            "A Pentagon official said the Army is focused on hiring and wants the plant “fully staffed” by the end of the year.",
            [(None, "A Pentagon official")],
        ),
        # near misses: a later speech verb gives the words to its own subject, and a noun
        # "call" after the quote is no attribution
        (
            "Hana Kurz said Ivan Petrenko called the plan a “disgrace” in a phone call with reporters.",
            [("Ivan Petrenko", None)],
        ),
        # a second fragment after a clause of another subject is not the first one's speaker's
        (
            "Hana Kurz described the plan as a “disgrace” after he blamed the delays on “red tape” at the plant.",
            [("Hana Kurz", None), (None, None)],
        ),
    ],
)
def test_a_fragment_in_a_sentence_opened_by_its_source(
    text: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In May, the Army set aside a “sizeable” share of the shells for Kyiv, officials said.",
            (None, "officials"),
        ),
        (
            "The Army set aside a “sizeable” share of the shells for Kyiv, Hana Kurz said on Tuesday.",
            ("Hana Kurz", None),
        ),
        # Near misses: a speech verb before the words gives them to its subject, and a
        # relative clause or a clause joined by "and" is no attribution of the sentence.
        (
            "Moscow called the plan “reckless” in a note to the embassy on Friday, Hana Kurz said.",
            ("Russia", None),
        ),
        ("The Army set aside a “sizeable” share of the shells for Kyiv, which officials said.", (None, None)),
        ("The Army set aside a “sizeable” share of the shells for Kyiv, and officials said.", (None, None)),
    ],
)
def test_a_scare_quote_in_a_sentence_closed_by_its_attribution_is_its_sources(
    text: str, expected: tuple[str | None, str | None]
) -> None:
    # "…, officials said." at the sentence's end attributes the whole sentence, and the
    # word it quotes with it, however far the quote stands from the verb.
    assert speakers(text) == [expected]


def test_a_short_quote_after_a_quote_of_its_sentence_is_the_same_speakers() -> None:
    # The writer splices one speaker's words: the second, short fragment is far from the verb.
    # Near misses: a short quote in the next sentence, even of the same paragraph, is the
    # writer's; one given to someone else by its own verb stays theirs.
    assert speakers(
        "Mira Holt said the loans were a lifeline “not only for the front line” but also for the "
        "factories and “for us.”"
    ) == [("Mira Holt", None), ("Mira Holt", None)]
    assert speakers(
        "Mira Holt said the loans were “a lifeline for the front line.” The ministry keeps a "
        "“limited” stock of shells."
    ) == [("Mira Holt", None), (None, None)]
    assert speakers(
        "Mira Holt said the loans were “a lifeline for the front line,” though Ivan Dorn called them a “bad deal.”"
    ) == [("Mira Holt", None), ("Ivan Dorn", None)]


def test_a_short_quote_attributed_right_after_it_keeps_its_speaker() -> None:
    text = "The ministry has only a “limited” stock, officials said on Monday."
    (quote,) = quotes(text)
    assert (quote.partial, quote.speaker, quote.speaker_description) == (True, None, "officials")


def test_partial_and_full() -> None:
    text = (
        "Kyiv called the delay “a gift to the enemy and nothing else,” Ivan Petrenko said. “We need it now.”"
    )
    first, second = quotes(text)
    assert first.partial is True and second.partial is False


def test_quote_spanning_paragraphs() -> None:
    text = "“We started the line in March.\n\n“It will reach full rate next year,” said engineer Lucia Ferro."
    (quote,) = quotes(text)
    assert "March" in quote.text and "full rate" in quote.text
    assert quote.speaker == "Lucia Ferro"


def test_bracketed_insertion_and_straight_quotes() -> None:
    text = '"[W]e will deliver the rest of the rounds," said logistics chief Amir Haddad.'
    (quote,) = quotes(text)
    assert quote.text.startswith("[W]e will") and quote.speaker == "Amir Haddad"


def test_offsets_point_at_quote_text() -> None:
    record = extract_text("Headline with a “quoted phrase” in it\n\n“Full sentence here now,” Jo Rand said.")
    for quote in record.quotes:
        assert record.text[quote.start : quote.end] == quote.text


def test_unbalanced_quote_does_not_swallow_the_article() -> None:
    text = "He called it “a failure.\n\nThe next paragraph is plain reporting about the plant."
    assert quotes(text) == []


def test_a_straight_mark_glued_to_a_word_and_followed_by_a_space_only_closes() -> None:
    # The opening mark of the first quote was lost in copying: '…in April," Kurz said.' can
    # only close. Taken for an opening, it pairs with the next quote's opening mark, and the
    # next quote starts with 'Kurz said.' Near miss: a mark glued to the word after it opens.
    text = (
        'Kurz said the rockets had arrived in April," Kurz said.\n\n'
        '"We kept it quiet at their request," said spokesperson Hana Kurz.'
    )
    (quote,) = quotes(text)
    assert quote.text == "We kept it quiet at their request" and quote.speaker == "Hana Kurz"
    opened = 'Hana Kurz said:"We kept it quiet at their request."'
    assert [q.text for q in quotes(opened)] == ["We kept it quiet at their request."]
    inches = 'The crate is 6\'3" long, "more than enough," said spokesperson Hana Kurz.'
    assert [q.text for q in quotes(inches)] == ["more than enough"]


@pytest.mark.parametrize(
    "text",
    [
        "Senator Hana Kurz called the delays in shipping interceptors “a failure of nerve.”",
        "Senator Hana Kurz is describing as “a failure of nerve” the delays in shipping interceptors.",
        "Senator Hana Kurz likened the delays in shipping interceptors to “a failure of nerve.”",
        "Senator Hana Kurz accused the administration of “a failure of nerve” on interceptors.",
    ],
)
def test_a_fragment_quoted_as_a_characterisation_is_its_subjects(text: str) -> None:
    (quote,) = quotes(text)
    assert quote.partial and quote.speaker == "Hana Kurz"


def test_each_quoted_turn_of_a_transcript_is_its_speakers() -> None:
    text = (
        "Interview\n\nThe senator was asked about interceptors.\n\n"
        '"HOLT: Will the Patriots reach Kyiv before winter?\n\n'
        '"KURZ: They will, if the Pentagon stops dragging its feet.\n\n'
        '"HOLT: And if it does not?\n\n'
        '"KURZ: Then we will write the law ourselves."'
    )
    found = [(q.speaker, q.text[:12]) for q in quotes(text)]
    assert [s for s, _ in found] == ["Holt", "Kurz", "Holt", "Kurz"]


def test_a_pronoun_after_a_quote_continues_the_speaker_just_quoted() -> None:
    text = (
        "Interceptors\n\n“We need interceptors now,” Senator Hana Kurz said after meeting Defense Secretary "
        "Lloyd Austin. “We cannot wait for the spring,” she added."
    )
    assert [q.speaker for q in quotes(text)] == ["Hana Kurz", "Hana Kurz"]


def test_a_new_subject_since_the_last_quote_takes_the_pronoun() -> None:
    text = (
        "Interceptors\n\n“We need interceptors now,” Hana Kurz said.\n\n"
        "Maria Ostrova disagreed with the senator. “We need them in the east first,” she said."
    )
    assert [q.speaker for q in quotes(text)] == ["Hana Kurz", "Maria Ostrova"]


def test_a_leaders_government_speaks_as_itself_not_as_the_leader() -> None:
    # "the Biden administration said" is the administration; near miss: the man himself.
    assert speakers("“We will help Ukraine retake its territory,” the Biden administration said.") == [
        (None, "the Biden administration")
    ]
    assert speakers("“We will help,” Biden’s team said on Monday.") == [(None, "Biden’s team")]
    # … the subject of "said" after "and", not "Today’s" opening the sentence
    text = (
        "Today’s announcement marks the tenth time the Biden administration has pulled weapons from "
        "its stockpile, and said the package would help Kyiv “retake its territory.”"
    )
    assert speakers(text) == [(None, "the Biden administration")]
    assert speakers("“We will help Ukraine retake its territory,” President Joe Biden said.") == [
        ("Joe Biden", None)
    ]


def test_a_country_named_as_a_place_or_an_object_is_no_speaker() -> None:
    # "in eastern Ukraine" is where, "to Ukraine" whom: the source is the one "according to".
    # Near miss: the country as the subject of the speech verb speaks.
    place = (
        "Analysts added that according to the State Department, the strike on a market in eastern "
        "Ukraine emphasizes the “cruelty” of the invasion."
    )
    assert speakers(place) == [("State Department", None)]
    assert speakers("“We need more air defense,” Ukraine said on Monday.") == [("Ukraine", None)]


def test_verbs_of_stressing_attribute_but_adjectival_participles_do_not() -> None:
    # "Kahl shared", "he reiterated"; a common given name (Colin) joins the surname to the
    # person named first. Near miss: "her recently revealed plan" is no speech verb.
    text = "Colin Kahl spoke on Monday. “The priority is a sustainable supply,” Kahl shared."
    assert speakers(text) == [("Colin Kahl", None)]
    assert speakers("Lloyd Austin spoke. “We will stand with Ukraine,” he reiterated.") == [
        ("Lloyd Austin", None)
    ]
    assert speakers("“It is a triumph,” Hana Kurz said of her recently revealed plan.") == [
        ("Hana Kurz", None)
    ]


def test_a_name_given_to_both_sexes_takes_the_pronoun_that_follows_it() -> None:
    # Terry is a woman's name as often as a man's: "She continued" after "said … Terry Strada"
    # is hers, not the man named before.
    text = "Josh Earnest spoke first. “We disagree,” said widow Terry Strada. She continued, “We want our day in court.”"
    assert speakers(text)[-1] == ("Terry Strada", None)


def test_the_official_is_not_introduced_across_a_sentence_end() -> None:
    # "a mobile truck. The official": the "a" and the head are in two sentences. Near miss:
    # "a senior U.S. defense official" keeps its abbreviation.
    text = (
        "The launchers fire rockets from a mobile truck. The official said crews train for weeks. "
        "“We will continue to train them,” the official said."
    )
    assert speakers(text) == [(None, "the official")]
    text = "A senior U.S. defense official spoke. “We will continue to train them,” the official said."
    assert speakers(text) == [(None, "A senior U.S. defense official")]


def test_a_sentence_opening_with_its_source_gives_its_quoted_word_to_that_source() -> None:
    # "According to X, …" makes the whole sentence X's, so a word quoted in it, however far
    # from "according to", is X's. Near miss: with no source, the quoted word stays the writer's.
    assert speakers(
        "According to Foreign Ministry spokeswoman Maria Zakharova, the United States plans to keep "
        "“fueling” the conflict for years."
    ) == [("Maria Zakharova", None)]
    assert speakers("The United States plans to keep “fueling” the conflict for years.") == [(None, None)]


def test_a_verb_after_the_quoted_clause_with_its_subject_after_it() -> None:
    # "… “fueling” the conflict in Ukraine, said Maria Zakharova": the words between the quote
    # and the verb go on with the quoted clause (Ukraine is a place in it); the subject follows
    # "said". Near miss: "…, the minister said" has its subject before the verb.
    assert speakers("Washington keeps “fueling” the conflict in Ukraine, said Maria Zakharova.") == [
        ("Maria Zakharova", None)
    ]
    assert speakers("Washington keeps “fueling” the conflict in Ukraine, the minister said.") == [
        (None, "the minister")
    ]
    # … but a verb that takes a listener has its object after it: CNN is told, not telling
    assert speakers("“We are sending more,” a senior official, speaking on background, told CNN.") == [
        (None, "a senior official")
    ]


def test_a_country_named_in_scare_quotes_is_no_quotation() -> None:
    # Some outlets set a country's name in quotation marks ("“Israel” has transferred …"): a
    # stance, not anyone's words. Near misses: a word that is no name ("fine") stays a quoted
    # fragment; a name spoken with its comma inside ("“Ukraine,” he said") stays a quote.
    assert quotes("“Israel” has quietly sent air defense systems to Kyiv, the ambassador said.") == []
    assert [q.text for q in quotes("He said the weapons are “fine” for now.")] == ["fine"]
    assert [q.text for q in quotes("“Ukraine,” he said, “will win this war.”")][:1] == ["Ukraine"]


def test_a_word_or_two_the_subject_calls_someone_are_the_subjects() -> None:
    # "took to social media to accuse the Pentagon of being “duped”", "has used the phrase
    # “strategic patience”": a scare quote after a verb by which the subject names something
    # with words of its own is the subject's. Near miss: the same after a verb that names
    # nothing stays nobody's (the writer's irony).
    assert speakers(
        "Senator Lena Varga took to social media overnight to accuse the Pentagon of being “duped” by a contractor."
    ) == [("Lena Varga", None)]
    assert speakers(
        "Senator Lena Varga has used the phrase “strategic patience” often in her speeches on Ukraine."
    ) == [("Lena Varga", None)]
    assert speakers(
        "Senator Lena Varga took to social media overnight to watch the “quick fixes” pile up."
    ) == [(None, None)]
    # … but not past a clause of another subject: "after he blamed the delays on “red tape”"
    assert speakers(
        "Hana Kurz called the plan a “disgrace” after he blamed the delays on “red tape” at the plant."
    ) == [("Hana Kurz", None), (None, None)]


def test_a_weapon_named_in_scare_quotes_is_no_quotation() -> None:
    # 'similar to the "Loyal Wingman" drones', 'the "Switchblade" drones': a weapon's name in
    # quotation marks is the name, not anyone's words, whoever "reported" the sentence. Near
    # misses: a word that is no weapon's name stays a quoted fragment; a name spoken with
    # its comma inside stays a quote.
    assert quotes('They look like the "Switchblade" drones sent before, a news agency reported.') == []
    assert [
        q.text for q in quotes('They look like the "kamikaze" drones sent before, Reuters reported.')
    ] == ["kamikaze"]
    assert [q.text for q in quotes("“Javelins,” he said, “are what we need most.”")][:1] == ["Javelins"]


def test_a_description_set_off_right_before_the_verb_is_its_subject() -> None:
    # "“…” remaining for the incoming Trump defense team, the officials said": Trump only names
    # the team; the officials speak. Near miss: a person who is the subject ("Zelensky told
    # Biden, the officials said") keeps the words.
    assert speakers(
        "There would be “more than a couple of billion dollars” left for the incoming Trump defense team, "
        "the officials said Tuesday."
    ) == [(None, "the officials")]
    assert speakers("“We will keep going,” Zelensky told Biden, the officials said.") == [
        ("Volodymyr Zelenskyy", None)
    ]


def test_a_definite_office_is_the_one_person_the_text_names_with_it() -> None:
    # "the NATO Secretary General" after "NATO Secretary General Lena Varga": her, not NATO.
    assert speakers(
        "NATO Secretary General Lena Varga welcomed the Dutch money. “I am grateful to the Netherlands,” the NATO "
        "Secretary General said."
    ) == [("Lena Varga", "the NATO Secretary General")]
    # "the US president" before the body names him "U.S. President Donald Trump" (Putin's
    # "Russian President" is another office).
    assert speakers(
        "Patriots for Kyiv\n\n“We will send them Patriots,” the US president says.\n\nU.S. President Donald Trump "
        "spoke to reporters on Sunday. He is disappointed with Russian President Vladimir Putin."
    ) == [("Donald Trump", "the US president")]
    # An office in capitals right before the verb is no person's name ("the Defence
    # Secretary said"): its holder, or the words themselves when the text names none.
    assert speakers(
        "Defence Secretary Lena Varga spoke in Ramstein.\n\n“We need a long-term plan,” the Defence Secretary said."
    ) == [("Lena Varga", "the Defence Secretary")]
    assert speakers("“We need a long-term plan,” the Defence Secretary said.") == [
        (None, "the Defence Secretary")
    ]


def test_an_office_named_with_its_body_is_the_one_the_description_names() -> None:
    # "the deputy director" after "Pavel Orlov, deputy director of the Information and Press
    # Department": him (the office before its body). Near miss: two deputy directors named,
    # and "the deputy director" is either.
    assert speakers(
        "Pavel Orlov, deputy director of the Information and Press Department of the ministry, spoke on Friday. "
        "“The missiles change nothing,” the deputy director said."
    ) == [("Pavel Orlov", "the deputy director")]
    assert speakers(
        "Pavel Orlov, deputy director of the Information and Press Department, met Irina Sokol, deputy "
        "director of the Legal Department, on Friday. “The missiles change nothing,” the deputy director said."
    ) == [(None, "the deputy director")]


def test_the_director_of_an_agency_is_the_one_the_text_names_so() -> None:
    # "the CIA director added" after "CIA Director Lena Varga": her. Near miss: two directors
    # named, and "the director" is either.
    assert speakers(
        "CIA Director Lena Varga spoke on Wednesday. “We will work with Kyiv,” the CIA director added."
    ) == [("Lena Varga", "the CIA director")]
    assert speakers(
        "CIA Director Lena Varga met FBI Director Omar Pike. “We will work with Kyiv,” the director added."
    ) == [(None, "the director")]


def test_an_office_named_with_its_place_is_the_one_the_description_names() -> None:
    # "the ambassador" after "U.S. Ambassador to Ukraine Lena Varga": her (the office before
    # its place). Near miss: an ambassador to Poland and one to Ukraine, and "the
    # ambassador" is either.
    assert speakers(
        "U.S. Ambassador to Ukraine Lena Varga spoke on Thursday. “Pilots are training now,” the ambassador wrote."
    ) == [("Lena Varga", "the ambassador")]
    assert speakers(
        "U.S. Ambassador to Ukraine Lena Varga met U.S. Ambassador to Poland Omar Pike. "
        "“Pilots are training now,” the ambassador wrote."
    ) == [(None, "the ambassador")]


def test_an_office_two_people_hold_or_an_anonymous_head_stays_a_description() -> None:
    # Near misses: two presidents named, so "the president" is either; "the official" may be
    # one the text leaves unnamed, whoever else it names.
    assert speakers(
        "President Joe Biden met President Volodymyr Zelensky. “We stand together,” the president said."
    ) == [(None, "the president")]
    # A vice president is no president, and an office held for a term is not known to be
    # held on the day of writing: "the president" here is nobody the text names as one.
    # A country the description names and the role does not: not known to be his.
    assert speakers(
        "President Joe Biden met Volodymyr Zelensky. “We will not give up,” the Ukrainian president said."
    ) == [(None, "the Ukrainian president")]
    assert speakers(
        "Vice President Joe Biden opened the museum. “It is a stone of history,” the president said."
    ) == [(None, "the president")]
    assert (
        speakers(
            "Pentagon official Mia Holt spoke first. A second official asked not to be named. “It is late,” the "
            "official said."
        )[0][0]
        is None
    )


def test_a_possessive_before_the_subject_is_not_the_speaker() -> None:
    # "Lind's announcement came after Okafor gave an address …, saying “…”": Okafor says it.
    assert speakers(
        "Governor Maria Lind's announcement came after Mayor Tunde Okafor gave an address to the council on "
        "Wednesday, asking for more buses and saying, “new routes are needed every week.”"
    ) == [("Tunde Okafor", None)]
    # Near miss: a possessive after the subject is what the subject speaks of.
    assert speakers(
        "Mayor Tunde Okafor praised Governor Maria Lind's plan on Wednesday, saying, “new routes are needed "
        "every week.”"
    ) == [("Tunde Okafor", None)]


def test_a_description_does_not_run_across_a_verb_and_its_object() -> None:
    # "Agency confirmed the news in an official statement": the statement is where it was
    # said (after "in"), so the agency, the subject, is the source.
    assert speakers(
        "The Defense Security Cooperation Agency confirmed the news in an official statement, noting that Kyiv "
        "had requested “spare parts for its jets.”"
    ) == [("Defense Security Cooperation Agency", None)]
    # Near misses: an article after "of" stays in a description.
    assert speakers("“The roads are open,” one of the officials said.") == [(None, "one of the officials")]
    assert speakers("“Send the drones,” a group of 17 lawmakers wrote.") == [
        (None, "a group of 17 lawmakers")
    ]


def test_someone_of_a_persons_is_the_speaker_not_the_person() -> None:
    # "…,” Lind's former campaign strategist said": the strategist, whom the text leaves unnamed.
    assert speakers(
        "Governor Maria Lind lost the vote.\n\n“That was outrageous,” Maria Lind's former campaign strategist said."
    ) == [(None, "Maria Lind's former campaign strategist")]
    # Near miss: the strategist named is the speaker.
    assert speakers(
        "Governor Maria Lind lost the vote.\n\n“That was outrageous,” Maria Lind's strategist Tom Ruiz said."
    ) == [("Tom Ruiz", None)]


def test_a_pronoun_before_the_verb_beats_a_name_that_only_owns_something() -> None:
    # "He praised Biden's policy, which he said “…”": the pronoun (Nora Salo, quoted last)
    # speaks, not the man whose policy it is.
    text = (
        "“It was long overdue,” said Nora Salo, a former Pentagon official.\n\n"
        "She welcomed the change in Joe Biden's policy, which she said “frees Kyiv's hands.”"
    )
    assert speakers(text) == [("Nora Salo", None), ("Nora Salo", None)]
    # Near miss: with no pronoun before the verb, the person named is still read.
    near = (
        "“It was long overdue,” said Nora Salo, a former Pentagon official.\n\n"
        "Asked about Joe Biden's policy, Biden said it “frees Kyiv's hands.”"
    )
    assert speakers(near)[1] == ("Joe Biden", None)


def test_a_quote_after_a_sentence_opened_by_its_speaker_continues_them() -> None:
    # "Kurz said Ukraine has drones but needs missiles. “We have none.”": the quote opening
    # the next sentence of the paragraph is Kurz's.
    assert speakers(
        "Hana Kurz said Ukraine has thousands of drones, but needs missiles. “We have none, that is why we ask.”"
    ) == [("Hana Kurz", None)]
    # Near miss: a sentence that only names her, with no verb of saying at its start.
    assert speakers(
        "Hana Kurz visited the plant on Monday with the minister. “We have none, that is why we ask.”"
    ) == [(None, None)]
    # … or with "According to Kurz," and a paraphrase
    assert speakers(
        "According to Hana Kurz, the ministry stays determined. “We are delivering what we promised.”"
    ) == [("Hana Kurz", None)]
    # … with any verb that states what she holds ("affirmed", "asserted", "declared")
    assert speakers(
        "Hana Kurz affirmed that the missiles were a first step. “We would like more, we are at war.”"
    ) == [("Hana Kurz", None)]


def test_a_scare_quote_after_a_participle_is_the_source_the_sentence_opens_with() -> None:
    # "Blinken stated last month that …, noting that they will fly “this summer”": the
    # sentence opens with its source; "noting" is the same subject's.
    assert speakers(
        "Jets\n\nSecretary of State Ana Ruiz stated last month that the jets were on their way to Kyiv, noting "
        "that they are expected to be defending its skies “this summer”."
    ) == [("Ana Ruiz", None)]
    # Near miss: a sentence opened by no source leaves the words the writer's.
    assert (
        speakers(
            "Jets\n\nThe jets were on their way last month, the ministry noting that they would defend the skies "
            "“this summer”."
        )[0][0]
        != "Ana Ruiz"
    )


def test_a_quote_after_a_quote_label_continues_the_speaker_or_takes_the_one_it_names() -> None:
    # A wire's "Quote:" label is no speaker: the words run on from the speaker just quoted,
    # and "Quote from X:" names theirs. Near miss: with no one quoted before, no one.
    text = (
        "Defence Minister Ilona Marsh confirmed that the first launchers had arrived.\n\n"
        '"The launchers are in Ukraine. We did it," Marsh said.\n\n'
        'Quote: "I thank our crews and our partners for this result."\n\n'
        "Details: She did not say how many launchers arrived.\n\n"
        'Quote from Taras Holub: "The next batch is on its way."'
    )
    assert speakers(text) == [("Ilona Marsh", None), ("Ilona Marsh", None), ("Taras Holub", None)]
    unnamed = 'Kyiv received the first launchers.\n\nQuote: "The launchers are already with our units."'
    assert speakers(unnamed) == [(None, None)]


def test_a_relative_who_before_the_verb_gives_the_words_to_its_antecedent() -> None:
    # The sentence's subject is a person, but "…, who called the delay “…”" is the
    # antecedent's; a named antecedent too. Near miss: no relative, the subject's.
    text = (
        "Delay\n\nDefense Secretary Pete Hegseth ordered an audit of all stocks on Monday, halting deliveries "
        'expected by Ukrainian commanders, who called the delay "dangerous" amid heavy shelling.'
    )
    assert speakers(text) == [(None, "Ukrainian commanders")]
    named = (
        "Delay\n\nDefense Secretary Pete Hegseth ordered an audit on Monday, halting deliveries expected by "
        'General Olena Hrab, who called the delay "dangerous" amid heavy shelling.'
    )
    assert speakers(named) == [("Olena Hrab", None)]
    subject = 'Delay\n\nDefense Secretary Pete Hegseth called the delay "prudent" on Monday.'
    assert speakers(subject) == [("Pete Hegseth", None)]


def test_a_relative_clause_after_a_quote_with_a_common_noun_subject_is_not_its_attribution() -> None:
    # "— worries that analysts told the paper are overblown": the analysts speak of the
    # worries, not the words quoted (which are the sentence subject's purpose); no
    # description "worries that analysts" either. Near miss: "analysts told the paper".
    text = (
        'Delay\n\nDefense Secretary Tom Reyes paused a shipment of shells this week to "protect our own '
        'readiness" with a review of stockpiles — worries that analysts told the paper are overblown.'
    )
    assert speakers(text) == [("Tom Reyes", None)]
    told = 'Delay\n\n"The stocks are fine," analysts told the paper.'
    assert speakers(told) == [(None, "analysts")]


def test_a_participle_after_a_comma_inside_a_quote_mark_continues_the_described_subject() -> None:
    # '“… accurately,” adding that …': the comma stands inside the closing mark; the clause
    # opens with its subject, "The Ukrainian president", not the president named after it.
    text = (
        "Missiles\n\nThe Ukrainian president said later that his agreements with U.S. President Joe Biden "
        '"are being implemented" and "executed very accurately," adding that the missiles "have proved themselves."'
    )
    assert [d for _, d in speakers(text)] == ["The Ukrainian president"] * 3
    assert "Joe Biden" not in [s for s, _ in speakers(text)]


def test_an_outlet_described_is_the_speaker() -> None:
    text = 'Missiles\n\nWashington decided "in recent weeks" to send them, a US media outlet reported.'
    assert speakers(text) == [(None, "a US media outlet")]


def test_a_verb_joined_by_and_after_a_scare_quote_shares_the_subject_before_it() -> None:
    # "… said that he is “very dissatisfied” with Russia and announced tariffs": not Russia's
    # words. Near miss: "…,” Russia said.
    text = 'Tariffs\n\nPresident Donald Trump said that he is "very dissatisfied" with Russia and announced tariffs.'
    assert speakers(text) == [("Donald Trump", None)]
    said = 'Tariffs\n\n"We are very dissatisfied with the talks," Russia said on Monday.'
    assert speakers(said) == [("Russia", None)]


def test_a_country_set_off_in_an_appositive_before_the_verb_is_not_the_subject() -> None:
    # "Even China, Pyongyang's only ally …, said it was “resolutely opposed”": China's words.
    text = (
        "Test\n\nEven China, Pyongyang's only ally and its economic lifeline to the outside world, said it was "
        '"resolutely opposed" to the test and warned North Korea to refrain from further actions.'
    )
    assert speakers(text) == [("China", None)]


def test_a_quote_goes_on_with_whom_the_sentence_before_reports_as_saying() -> None:
    # "The outlet reports CEO Lena Varga as saying …. “That will take time.”": hers. Near
    # miss: "The outlet reports that …" names nobody who says it.
    assert speakers(
        "The Defense Daily reports CEO Lena Varga as saying the seeker needs work. “That will take us time.”"
    ) == [("Lena Varga", None)]
    assert speakers("The Defense Daily reports that the seeker needs work. “That will take us time.”") == [
        (None, None)
    ]


def test_a_short_sentence_after_a_quote_that_says_something_of_its_own_is_no_attribution() -> None:
    # "“We need more shells.” Reuters reports that the shipments slowed.": Reuters says its own
    # thing. Near miss: "“Do we need more shells?” Reuters asked." is the attribution.
    assert speakers(
        "The minister spoke at length. “We need more shells.” Reuters reports that the shipments slowed."
    ) == [(None, None)]
    assert speakers("The minister spoke at length. “Do we need more shells?” Reuters asked.") == [
        ("Reuters", None)
    ]


def test_an_office_described_after_a_clause_of_another_person_is_the_subject() -> None:
    # "While maintaining that Putin is “not ready,” the Ukrainian president said, “…”": the
    # president speaks, not the person of the clause before. Near miss: a name there speaks.
    for text in (
        "After Vladimir Putin spoke, the Ukrainian president said, “With your help, we can stop this war.”",
        "While maintaining that Vladimir Putin is “not ready,” the Ukrainian president said, “We can stop this war.”",
    ):
        assert speakers(text)[-1] == (None, "the Ukrainian president"), text
    assert speakers(
        "After Vladimir Putin spoke, Taras Melnyk said, “With your help, we can stop this war.”"
    ) == [("Taras Melnyk", None)]


def test_a_clause_of_another_subject_after_a_stray_full_stop_is_no_attribution() -> None:
    # 'Trump spoke of “weapons worth billions”. while Rutte emphasized …': the full stop is a
    # slip, the "while" clause is Rutte's own. Near miss: "…,” Rutte emphasized." attributes.
    assert speakers(
        "However, Donald Trump spoke of “weapons worth billions of dollars”. while Mark Rutte emphasized "
        "that the deal included missiles."
    ) == [("Donald Trump", None)]
    assert speakers("“The deal includes missiles,” Mark Rutte emphasized.") == [("Mark Rutte", None)]


def test_he_after_a_quote_of_an_office_described_is_that_office_holder() -> None:
    # "“…,” the Pentagon chief said. … “…,” he added.": the chief, not a name of an earlier
    # sentence. Near miss: "officials" are no one "he" can be.
    text = (
        "Taras Melnyk spoke at the opening of the meeting.\n"
        "“We will announce a package today,” the Pentagon chief said.\n"
        "He stressed that all countries will be less secure.\n"
        "“If Ukraine is not free, the world is not safe,” he added."
    )
    assert speakers(text)[-1] == (None, "the Pentagon chief")
    plural = text.replace("the Pentagon chief said", "officials said")
    assert speakers(plural)[-1] == ("Taras Melnyk", None)


def test_a_participle_after_words_that_go_on_with_the_quote_is_the_sentence_subjects() -> None:
    # "… are “on the table” and likely to be part of an upcoming package, adding that …": the
    # participle's subject is the official's, not the package the words between name. Near
    # miss: a participle right after the speaker's own verb ("…,” Kirby told reporters,
    # adding …") keeps that speaker.
    text = (
        "Missiles for Kyiv\n\n"
        'A second official said the missiles are "on the table" and likely to be included in an '
        "upcoming security assistance package, adding that no decision has been made."
    )
    assert speakers(text) == [(None, "A second official")]
    told = (
        "Missiles for Kyiv\n\n"
        '"We will not stop," John Kirby told reporters at the White House, adding that more aid was coming.'
    )
    assert speakers(told) == [("John Kirby", None)]


def test_a_definite_office_is_the_holder_named_so_far_when_another_comes_later() -> None:
    # "the president said" right after "Ukrainian President Lena Varga" is she, though the
    # text names another president later. Near miss: two presidents named before leave it a
    # description.
    later = (
        "Aid resumes\n\n"
        "Ukrainian President Lena Varga confirmed on Friday that the shipments had resumed.\n\n"
        '"We will keep working with our partners," the president said.\n\n'
        "U.S. President Tom Harlan promised to send more weapons."
    )
    assert speakers(later) == [("Lena Varga", "the president")]
    both = (
        "Aid resumes\n\n"
        "Ukrainian President Lena Varga met U.S. President Tom Harlan on Friday.\n\n"
        '"We will keep working with our partners," the president said.'
    )
    assert speakers(both) == [(None, "the president")]
