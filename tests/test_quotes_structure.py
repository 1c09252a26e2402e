"""Who said what, for anyone: speakers found from how reporting is written, not from a list
of names. Each pattern with a near miss, on texts of our own."""

from __future__ import annotations

from tests.conftest import extract_text


def said(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_text("Talks\n\n" + text).quotes]


def test_ascii_double_apostrophes_are_quotation_marks() -> None:
    assert said("''This is not reform,'' said Jane Okafor, an economist.") == [
        ("This is not reform", "Jane Okafor")
    ]
    # Near miss: single apostrophes are not quotation marks.
    assert said("The 'reform' talk, as it's called, went on.") == []


def test_a_name_next_to_the_speech_verb_is_the_speaker() -> None:
    assert said('"We need more shells," Johnson said.') == [("We need more shells", "Johnson")]
    assert said('Reddick told reporters: "It is over."') == [("It is over.", "Reddick")]
    assert said('"Fine," Ramirez adds.') == [("Fine", "Ramirez")]
    # Near misses: a capitalised word that opens a clause, and a lower-case subject, are no names.
    assert said('"Stop," It said.') == [("Stop", None)]
    assert said('"We will wait," the committee said.') == [("We will wait", None)]


def test_mr_surname_later_is_the_same_person() -> None:
    quotes = said('"First," said Dana Whitlock, a lawyer. "Second," said Ms. Whitlock.')
    assert quotes == [("First", "Dana Whitlock"), ("Second", "Dana Whitlock")]
    # Near miss: another first name with the same surname is another person.
    other = said('"First," said Dana Whitlock. "Second," said Paul Whitlock.')
    assert other == [("First", "Dana Whitlock"), ("Second", "Paul Whitlock")]


def test_a_transcript_label_is_the_speaker() -> None:
    assert said('"WALLACE: Let us start with the news."\n\n"PENCE: Well, look."') == [
        ("Let us start with the news.", "Wallace"),
        ("Well, look.", "Pence"),
    ]
    # Near miss: a label inside the quote, not at its start, is part of the quote.
    assert said('"The answer is: no," Johnson said.') == [("The answer is: no", "Johnson")]


def test_she_goes_to_the_nearest_woman_not_the_nearest_name() -> None:
    text = (
        'Mr. Trudeau spoke first. "We are ready," he said.\n\n'
        'Jacinda Ardern spoke for an hour. She thanked the hosts. "We stand together," she said.'
    )
    assert said(text) == [("We are ready", "Trudeau"), ("We stand together", "Jacinda Ardern")]
    # Near miss: "he" after both skips the woman for the man.
    assert said(text + ' "Agreed," he said.')[-1] == ("Agreed", "Trudeau")


def test_a_pronoun_right_before_the_verb_is_the_subject() -> None:
    text = 'Mr. Dalton met the press. Asked about sanctions on Russia, he said: "We will see tomorrow."'
    assert said(text) == [("We will see tomorrow.", "Dalton")]


def test_a_named_office_speaks_for_itself() -> None:
    assert said('"Any delay helps the aggressor," the Foreign Ministry said in a statement.') == [
        ("Any delay helps the aggressor", "Foreign Ministry")
    ]
    # Near miss: an unnamed official stays unnamed.
    quotes = extract_text('Talks\n\n"Any delay helps the aggressor," a ministry official said.').quotes
    assert [(q.speaker, q.speaker_description) for q in quotes] == [(None, "a ministry official")]


def test_the_subject_next_to_the_verb_beats_a_name_further_back() -> None:
    text = 'Leaders feared "strikes inside Russia," prompting Kremlin anger, Channel Nine reported.'
    assert said(text) == [("strikes inside Russia", "Channel Nine")]


def test_a_quote_that_ends_the_sentence_is_attributed_by_the_next() -> None:
    assert said("“Why is this not clear?” Vitter demanded. Banks disagreed.") == [
        ("Why is this not clear?", "Vitter")
    ]
    # Near miss: a next sentence that reports something else is no attribution.
    assert said("“Is it over?” Moscow has warned that it is not.") == [("Is it over?", None)]


def test_speech_verbs_are_an_open_class_from_data() -> None:
    assert said("“Where do we go from here?” Blige sings to the crowd.") == [
        ("Where do we go from here?", "Blige")
    ]
    assert said("“Not now,” Okoro cautioned.") == [("Not now", "Okoro")]
    # Near miss: a verb that does not report speech attributes nothing.
    assert said("“Not now,” Okoro walked away.") == [("Not now", None)]


def test_a_verb_joined_by_and_shares_the_clauses_subject() -> None:
    text = "Tokyo blamed Ottawa for the delay, and suggested it might send “more ships soon” to the region."
    quotes = extract_text("Talks\n\n" + text).quotes
    assert [(q.text, q.speaker) for q in quotes] == [("more ships soon", "Japan")]
    # Near miss: without "and", the name nearest the verb is its subject.
    quotes = extract_text(
        "Talks\n\nTokyo met Ottawa, which suggested “more ships soon” for the region."
    ).quotes
    assert [q.speaker for q in quotes] == ["Canada"]


def describe(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.speaker_description) for q in extract_text("Talks\n\n" + text).quotes]


def test_a_paragraph_opening_with_an_unattributed_quote_continues_the_speaker() -> None:
    text = '"We will send them," Johnson told reporters.\n\n"Because the need is real. It is urgent."'
    assert said(text) == [
        ("We will send them", "Johnson"),
        ("Because the need is real. It is urgent.", "Johnson"),
    ]
    # Near miss: a quote inside the writer's sentence, not opening the paragraph, is not continued.
    text = '"We will send them," Johnson told reporters.\n\nCritics called the plan "too slow" at best.'
    assert said(text)[1] == ("too slow", None)


def test_he_is_the_recent_subject_not_the_last_name_mentioned() -> None:
    text = (
        "Mr. Okafor said he will meet Mr. Lindqvist, who arrives on Monday. "
        'Asked about new sanctions, he said: "We will see tomorrow."'
    )
    assert said(text) == [("We will see tomorrow.", "Okafor")]


def test_a_phrase_before_the_verb_describes_an_unnamed_speaker() -> None:
    assert describe('As a phone rang, the announcer said, "It is three in the morning."') == [
        (None, "the announcer")
    ]
    # Near miss: a name after the verb beats a phrase before it.
    assert describe('The lesson, says Hana Kurz, a fellow, is that "we keep going."') == [("Hana Kurz", None)]


def test_a_speaker_and_role_after_the_quote_attribute_it_without_a_verb() -> None:
    text = (
        "“It lends itself well to this kind of fight,” John Kirby, the strategic communications "
        "coordinator for the National Security Council."
    )
    assert said(text) == [("It lends itself well to this kind of fight", "John Kirby")]
    # Near miss: a name after the quote with no role is no attribution.
    assert (
        said("“It lends itself well to this kind of fight,” John Kirby and others agreed on.")[0][1] is None
    )


def test_a_quote_signed_with_a_dash_and_a_name_is_theirs() -> None:
    assert said("“It is our greatest shame.” ― Sonya Herridge\n\n“I am so ashamed.” — Jacklyn Ashley") == [
        ("It is our greatest shame.", "Sonya Herridge"),
        ("I am so ashamed.", "Jacklyn Ashley"),
    ]
    # Near miss: a dash that goes on with the writer's own words signs nothing.
    assert said("Officials called it “a delay” — and nobody objected.") == [("a delay", None)]


def test_headline_case_is_no_evidence_of_a_person() -> None:
    record = extract_text(
        "White House: US Will Expedite Shipment of Air Defense Systems to Ukraine\n\n"
        "The White House said Tuesday that the US will speed up deliveries."
    )
    assert [a.name for a in record.actors if a.kind == "person"] == []
    # Near miss: in running text, a name with "of ORG" after it is still a person.
    record = extract_text("Aid news\n\nThe plan drew praise from Roman Schweizer of TD Cowen on Tuesday.")
    assert "Roman Schweizer" in [a.name for a in record.actors if a.kind == "person"]


def test_a_characterising_verb_right_before_a_short_quote_gives_it_to_the_subject() -> None:
    # The words are the senator's; a short quote with no verb beside it stays the writer's.
    text = (
        "Senator Maria Kovalenko called the delay a “moral failure” on Tuesday. "
        "The Pentagon still has a “finite number” of interceptors in stock."
    )
    assert said(text) == [("moral failure", "Maria Kovalenko"), ("finite number", None)]


def test_a_characterising_verb_far_before_a_short_quote_does_not_reach_it() -> None:
    # Near miss: the verb is more than a few words away; "stopgap" is the writer's word.
    text = (
        "Senator Maria Kovalenko criticized the plan at length in a hearing on Tuesday about the "
        "shipments, which arrive late and are, by most accounts, a “stopgap” measure."
    )
    assert said(text) == [("stopgap", None)]


def test_the_name_right_before_the_verb_beats_a_name_earlier_in_the_sentence() -> None:
    text = (
        "President Joe Biden spoke first. After Biden's remarks on the shipments, "
        'Okafor said: "We will need more."'
    )
    assert said(text) == [("We will need more.", "Okafor")]
    # Near miss: an office or outlet right before the verb speaks, not a person.
    text = 'After Biden\'s remarks on the shipments, the Kremlin said: "This is escalation."'
    assert said(text) == [("This is escalation.", "Kremlin")]
    # Near miss: a name at the end of an "of" phrase is not the subject.
    text = "The Minister of Defense of Norway said everyone was “queuing up at the factories” again."
    assert [q for q, _ in said(text)] == ["queuing up at the factories"]
    assert said(text)[0][1] != "Norway"


def test_names_with_an_apostrophe_and_an_age_appositive() -> None:
    assert said('"The cause is not known," said O\'Neill, the commissioner.') == [
        ("The cause is not known", "O'Neill")
    ]
    assert said('Reporters asked again. "I have never lied," Mr. Dray, 82, told me.') == [
        ("I have never lied", "Dray")
    ]
    # Near miss: a number that is not an age between commas is no appositive of a name.
    assert said('"Fine," the 2,000 troops said.') == [("Fine", None)]


def test_said_name_colon_opening_a_sentence() -> None:
    assert said('The plan drew doubts. Said Okafor: "It will not pass."') == [("It will not pass.", "Okafor")]
    # Near miss: "Said" as a surname inside a sentence is no verb of its own.
    assert said('Edward Said wrote books. "It is late," the editor said.') == [("It is late", None)]


def test_a_quote_after_a_sentence_that_ends_with_its_speaker_and_verb_continues_it() -> None:
    text = 'Talks with Moscow stalled over Syria, Okafor said. "The other factor is the election."'
    assert said(text) == [("The other factor is the election.", "Okafor")]
    # A sentence its speaker opens with a verb of saying, the writer's paraphrase of them,
    # is continued the same way (wire copy's "X said …. “…”").
    text = 'Okafor said talks stalled over Syria last week. "The other factor is the election."'
    assert said(text) == [("The other factor is the election.", "Okafor")]
    # Near miss: a sentence that names a person without a verb of saying gives the quote to no one.
    text = 'Okafor visited Damascus last week. "The other factor is the election."'
    assert said(text) == [("The other factor is the election.", None)]


def test_she_skips_a_man_named_by_a_common_given_name() -> None:
    # Neither has an honorific; "Justin" is a man's given name, "Jacinda" a woman's.
    text = 'Jacinda Ardern spoke for an hour. Justin Trudeau listened. "We stand with Kyiv," she said.'
    assert said(text) == [("We stand with Kyiv", "Jacinda Ardern")]
    # Near miss: a given name used for both (Chris) says nothing; the man named by
    # an honorific is skipped, and "she" goes to the one who can be a she.
    text = 'Chris Lund spoke for an hour. Mr. Okafor listened. "We stand with Kyiv," she said.'
    assert said(text) == [("We stand with Kyiv", "Chris Lund")]


def test_a_contracted_pronoun_is_a_pronoun_not_a_name() -> None:
    text = "Mr. Okafor spoke on Monday. He’s claiming that fraud is “a big, big problem in this country.”"
    assert said(text) == [("a big, big problem in this country.", "Okafor")]
    # Near miss: a name with an apostrophe stays a name.
    assert said('"It is done," O’Brien said.') == [("It is done", "O’Brien")]


def test_a_subject_set_off_by_an_appositive_and_a_role_before_an_inverted_name() -> None:
    text = 'Dana Whitfield, of Dayton, Ohio, said the shells were "late by every measure we have."'
    assert said(text) == [("late by every measure we have.", "Dana Whitfield")]
    text = '"The shells are late," said veteran gunner Ivan Petrenko.'
    assert said(text) == [("The shells are late", "Ivan Petrenko")]
    # Near miss: a time phrase set off by a comma is no subject.
    text = 'Last Tuesday, the committee said the shells were "late by every measure we have."'
    assert said(text) == [("late by every measure we have.", None)]


def describe_all(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.speaker_description) for q in extract_text("Talks\n\n" + text).quotes]


def test_a_possessive_phrase_before_the_verb_is_an_unnamed_speaker() -> None:
    assert describe_all('"We live in hard times," my father often said.') == [(None, "my father")]
    # Near miss: a phrase after a characterising verb is what is characterised, not a speaker.
    assert describe_all('"It is a waste," Okafor said, calling the spending outrageous.') == [
        ("Okafor", None)
    ]


def test_says_of_someone_is_not_said_by_them() -> None:
    text = 'The New York businessman says of Ms. Varga, "If she gets the chance, she will sell it."'
    assert [s for s, _ in describe_all(text)] == [None]
    # Near miss: "says Ms. Varga," is said by her.
    text = 'The deal, says Ms. Varga, "is not done yet."'
    assert [s for s, _ in describe_all(text)] == ["Varga"]


def test_an_article_read_is_an_unnamed_speaker() -> None:
    assert describe_all('"The city is back," the article read.') == [(None, "the article")]


def test_a_name_never_runs_across_a_line_break() -> None:
    # "Talks" (the headline) and "Polls" (the paragraph's first word) are no first and last name.
    quotes = extract_text("Talks\n\nPolls moved late. “It is odd,” he wrote.").quotes
    assert [q.speaker for q in quotes] == [None]


def test_people_from_a_role_word_or_an_outlets_possessive() -> None:
    text = "Polls moved late in the race, noted NBC’s Dana Petrenko. “It is odd,” he wrote."
    assert said(text) == [("It is odd", "Dana Petrenko")]
    text = "Conservative columnist Ivo Marsh agreed. “He won the night,” he wrote."
    assert said(text) == [("He won the night", "Ivo Marsh")]
    # Near miss: an outlet's possessive before a thing, not a person, names nobody.
    text = "Polls moved late, noted NBC’s Meet the Press. “It is odd,” the host said."
    assert describe_all(text) == [(None, "the host")]


def test_a_subject_after_a_lower_case_role_takes_over_he_from_the_last_speaker() -> None:
    text = (
        '"It was close," Mr. Lund said. Conservative columnist Ivo Marsh agreed with Mr. Lund. '
        '"He won the night," he wrote.'
    )
    assert said(text) == [("It was close", "Lund"), ("He won the night", "Ivo Marsh")]
    # Near miss: a man met in passing, not a sentence's subject, does not take "he" over.
    text = '"It was close," Mr. Lund said. He then met columnist Ivo Marsh. "He won the night," he wrote.'
    assert said(text) == [("It was close", "Lund"), ("He won the night", "Lund")]


def test_a_quoted_phrase_with_no_verb_is_the_words_of_the_person_opening_the_sentence() -> None:
    text = "Senator Ada Lind has gone after the plan as “a gift that will bleed the arsenal dry” for weeks."
    assert said(text) == [("a gift that will bleed the arsenal dry", "Ada Lind")]
    # Near miss: a sentence opened by a thing, not a person, gives the phrase to nobody.
    text = "The plan has been described in hearings as “a gift that will bleed the arsenal dry” for weeks."
    assert said(text) == [("a gift that will bleed the arsenal dry", None)]


def test_he_after_an_inverted_attribution_goes_to_its_speaker() -> None:
    text = (
        '"We will see," Mr. Lund said. Turnout will be low, noted NBC’s Dana Petrenko. '
        '"Voters decide late," he wrote.'
    )
    assert said(text) == [("We will see", "Lund"), ("Voters decide late", "Dana Petrenko")]
    # Near miss: a man named in passing after a preposition does not take "he" over.
    text = '"We will see," Mr. Lund said. Turnout will be low, in a poll by Dana Petrenko. "Voters decide late," he wrote.'
    assert said(text) == [("We will see", "Lund"), ("Voters decide late", "Lund")]


def test_documents_crowds_and_nominees_are_unnamed_speakers() -> None:
    assert describe_all('"The state cannot avoid it," the ruling said.') == [(None, "the ruling")]
    assert describe_all('Small groups of protesters chanted, "Send the shells."') == [
        (None, "Small groups of protesters")
    ]
    # Near miss: a named judge is a person, not a description.
    assert describe_all('"The state cannot avoid it," Judge Ada Lind said.') == [("Ada Lind", None)]


def test_a_document_speaks_for_whoever_the_text_says_issued_it() -> None:
    issued = (
        "The Pentagon issued a statement on Friday about the launchers.\n\n"
        '"They will reach the front within weeks," the statement said.'
    )
    assert describe_all(issued) == [("Pentagon", None)]
    letter = 'A letter from Senator Ada Lind reached the ministry. "The delays hurt," the letter said.'
    assert describe_all(letter) == [("Ada Lind", None)]
    page = (
        "This is according to a report on the official Facebook page of the U.S. Department of "
        'Defense. "The guns are loaded for transport," the report said.'
    )
    assert describe_all(page) == [("Pentagon", None)]
    # Near misses: a statement nobody is said to have issued stays a description, and so
    # does one whose only organization is merely named near it.
    assert describe_all(
        'A statement was posted late on Monday. "We will not comment," the statement said.'
    ) == [(None, "A statement")]
    near = 'A statement about the Pentagon was posted on Monday. "We will not comment," the statement said.'
    assert describe_all(near) == [(None, "A statement")]


def test_the_agency_is_the_organization_of_that_name_named_before() -> None:
    # "the agency" names again the last organization whose name ends with that word (or
    # opens it: "the Department of Defense"); a known one under its own name.
    quote = '"The sale will improve Ukraine\'s defenses," the {} said.'
    dsca = "Sale\n\nThe Defense Security Cooperation Agency announced the possible sale on Tuesday. "
    assert describe_all(dsca + quote.format("agency")) == [("Defense Security Cooperation Agency", None)]
    dod = "Sale\n\nThe Department of Defense approved the sale on Tuesday. "
    assert describe_all(dod + quote.format("department")) == [("Pentagon", None)]
    # … and with a relative clause between it and the verb
    clause = '"The sale will help," the agency which specializes in foreign sales said in a statement.'
    assert describe_all(dsca + clause) == [("Defense Security Cooperation Agency", None)]
    # Near misses: no such name before it (a sentence's first word "The Agency" is none, nor
    # is a headline's last word before the next paragraph), or a name with another head.
    for before in ("Sale\n\nAgency staff approved the sale. ", "The Agency approved the sale. ", dod):
        assert describe_all(before + quote.format("agency")) == [(None, "the agency")], before


def test_according_to_the_agency_and_it_said_are_the_organization_named_before() -> None:
    dsca = "Sale\n\nThe Defense Security Cooperation Agency announced the possible sale on Tuesday. "
    according = 'According to the agency, Kyiv "asked to buy spare parts for armored vehicles."'
    assert describe_all(dsca + according) == [("Defense Security Cooperation Agency", None)]
    it_said = '"The sale will help," the agency said. "The estimated cost is $95 million," it said.'
    assert describe_all(dsca + it_said) == [("Defense Security Cooperation Agency",) * 1 + (None,)] * 2
    # "it said" with an organization opening the sentence, and no quote before
    opening = 'The Pentagon approved the plan and called it "a prudent step," it said.'
    assert describe_all(opening) == [("Pentagon", None)]
    # Near misses: "it said" with no organization before it is nobody's; "It is unclear, …
    # the ministry said" keeps the ministry.
    alone = 'Kyiv waits for parts. "The cost is $95 million," it said.'
    assert describe_all(alone) == [(None, None)]
    expletive = 'The Defense Ministry met on Monday. "It is unclear," the Defense Ministry said.'
    assert describe_all(expletive)[0][0] is not None


def test_it_opening_a_sentence_before_its_verb_is_the_organization_quoted_last() -> None:
    # "It also noted that “…”": "it" is the subject, adverbs between it and the verb.
    dsca = (
        'Sale\n\nThe Defense Security Cooperation Agency said the sale "will help Kyiv."\n\n'
        "Analysts were surprised by the price.\n\n"
        'It also noted that "the cost is $95 million."'
    )
    assert describe_all(dsca) == [("Defense Security Cooperation Agency", None)] * 2
    # Near miss: with no organization before it, "it" is nobody's.
    alone = 'Kyiv waits for parts. It also noted that "the cost is $95 million."'
    assert describe_all(alone) == [(None, None)]


def test_a_combatant_command_speaks_by_its_acronym() -> None:
    text = 'Rounds\n\n"We will keep countering the flow of weapons to the region," CENTCOM said.'
    assert describe_all(text) == [("US Central Command", None)]


def test_a_phrase_quoted_in_a_sentence_a_pronoun_opens_is_that_persons() -> None:
    # "He expressed gratitude for “…”": no speech verb, a pronoun subject: the person it is.
    thanks = (
        'Oleksii Reznikov said the rockets had arrived. He expressed gratitude for "these powerful '
        'tools from our partners."'
    )
    assert describe_all(thanks) == [("Oleksii Reznikov", None)]
    # Near miss: a sentence opened by a name's own words ("He" inside it) stays the name's
    other = 'Oleksii Reznikov said the rockets had arrived. Kirby later praised "these powerful tools from our partners."'
    assert describe_all(other)[0][0] != "Oleksii Reznikov"


def test_according_to_after_a_quote_names_who_follows_it() -> None:
    # "… “…” more effectively, according to X": X, though words stand between the quote and
    # "according to". Near miss: a name before "according to" is not its source.
    after = (
        'Ukraine has received air defense systems to shoot down "incoming enemy targets" more '
        "effectively, according to Defense Minister Oleksii Reznikov."
    )
    assert describe_all(after) == [("Oleksii Reznikov", None)]
    near = (
        'Ukraine has received air defense systems to shoot down "incoming enemy targets" more '
        "effectively than Kirby expected, according to a ministry statement."
    )
    assert describe_all(near)[0][0] != "Kirby"


def test_the_speaker_of_a_that_clause_is_the_subject_of_its_speech_verb() -> None:
    # "also" between the name and the verb; "continues to" is no speech verb (", he
    # continued" still is).
    noted = 'Lloyd Austin spoke in Germany. Austin also noted that Kyiv continues to "seize the initiative."'
    assert describe_all(noted) == [("Lloyd Austin", None)]
    continued = '"We will stay," Kirby said. "We will not leave," he continued.'
    assert describe_all(continued) == [("Kirby", None), ("Kirby", None)]


def test_words_named_as_a_persons_are_that_persons() -> None:
    # "Peskov’s comment that …": his words, though Blinken is the sentence's subject and a
    # participle ("saying Russia …") follows the quote. Near miss: the possessive in another
    # sentence, and words with no owner, stay the subject's.
    owned = (
        "Blinken dismissed Kremlin spokesman Dmitry Peskov's comment that sending HIMARS is "
        '"pouring fuel on the fire," saying Russia started the war.'
    )
    assert describe_all(owned) == [("Dmitry Peskov", None)]
    unowned = 'Blinken dismissed the charge that sending HIMARS is "pouring fuel on the fire," saying Russia started it.'
    assert describe_all(unowned) == [("Antony Blinken", None)]
    apart = 'Peskov\'s comment was brief. Blinken said sending HIMARS is "the right thing to do."'
    assert describe_all(apart) == [("Antony Blinken", None)]


def test_words_named_by_a_relative_whose_are_its_antecedents() -> None:
    # "Zelensky in particular, whose mantra that …": his words, though Trump is named before
    # him in the sentence. Near miss: "whose army" names no words, and the quote stays the
    # speaker's the verb names.
    owned = (
        "The call of Donald Trump was a blow to President Volodymyr Zelensky in particular, whose mantra "
        "that there be no talks “about Ukraine without Ukraine” lies in tatters."
    )
    assert describe_all(owned) == [("Volodymyr Zelenskyy", None)]
    army = "President Volodymyr Zelensky, whose army needs shells, heard Donald Trump call the talks “very productive.”"
    assert describe_all(army) == [("Donald Trump", None)]


def test_he_after_an_unnamed_speaker_is_that_speaker() -> None:
    # "he" after a quote by "a White House official" is that official, not the last person
    # named; near misses: a person who has since become a sentence's subject, and "a box"
    # (no person) named as a quote's place.
    official = (
        "The administration of Donald Trump confirmed the deal. "
        '"This will bring billions," a White House official said. He added that it helps "efforts to end this war."'
    )
    assert describe_all(official) == [(None, "a White House official"), (None, "a White House official")]
    since = (
        '"This will bring billions," a White House official said. Trump spoke later. "We are done," he said.'
    )
    assert describe_all(since)[-1] == ("Donald Trump", None)
    box = 'In a box labeled "medical problem," the form was filed. Ann Ruiz waited. "I am fine," she said.'
    assert describe_all(box)[-1] == ("Ann Ruiz", None)


def test_according_to_is_no_part_of_a_description() -> None:
    text = (
        "A senior administration official spoke on condition of anonymity. According to the official, "
        'the deal, described in the White House as "historic", will help.'
    )
    assert describe_all(text) == [(None, "A senior administration official")]


def test_a_hyphenated_compound_is_no_description_of_a_speaker() -> None:
    text = (
        'Lind, the former envoy, spoke at a "Commander-in-Chief Forum" hosted by a radio '
        'station and said she has one aim: "Steadiness above all."'
    )
    assert describe_all(text)[-1] == ("Lind", None)
    # Near miss: the head word on its own still describes one ("the Commander said"): an
    # office the text names no holder of, so a description, not a name.
    assert describe_all('"We hold the line," the Air Force Commander said.') == [
        (None, "the Air Force Commander")
    ]


def test_a_longer_unnamed_speaker_phrase() -> None:
    assert describe_all('The 34-year-old mother of three replied, "It is meant to help."') == [
        (None, "The 34-year-old mother of three")
    ]
    assert describe_all('The New York businessman says, "She will sell it."') == [
        (None, "The New York businessman")
    ]
    # Near miss: a phrase that ends in a capitalised word is a name, not a description.
    assert describe_all('"It is done," the envoy Ada Lind said.') == [("Ada Lind", None)]


def test_a_party_or_nationality_adjective_alone_is_no_name() -> None:
    assert said('"We are ready," Democratic said.') == [("We are ready", None)]
    # Near miss: with a name after it, the name speaks.
    assert said('"We are ready," said Democratic Sen. Ada Lind.')[0][1] in {"Ada Lind", "Sen. Ada Lind"}


def test_a_clause_of_time_after_a_quote_is_not_its_attribution() -> None:
    text = 'Ms. Lind said during the debate, "That makes me smart," when Mr. Okafor blasted her.'
    assert said(text) == [("That makes me smart", "Lind")]
    # Near miss: "as" + a speech verb is an attribution ("as Okafor put it").
    text = 'The plan is, "a gift to Moscow," as Mr. Okafor put it.'
    assert said(text) == [("a gift to Moscow", "Okafor")]


def test_he_said_colon_at_a_paragraphs_end_gives_the_next_paragraphs_quote() -> None:
    text = 'Mr. Okafor spoke last. He said:\n\n"We have a situation where we need more shells."'
    assert said(text) == [("We have a situation where we need more shells.", "Okafor")]
    # Near miss: without the colon or any verb of saying, a sentence in the paragraph before
    # is no attribution. (One that reports what someone said, with the quote alone in the
    # next paragraph, is: test_quotes.py, a paragraph that is only a quote.)
    text = 'Mr. Okafor spoke last.\n\n"We have a situation where we need more shells."'
    assert said(text) == [("We have a situation where we need more shells.", None)]


def test_a_verb_after_and_is_a_clause_of_its_own() -> None:
    text = "Mr. Okafor has used the words “a total failure” often, and criticized Ms. Lind for it."
    assert said(text) != [("a total failure", "Lind")]
    # Near miss: a verb right after the quote attributes it.
    assert said('"It is a total failure," Ms. Lind said, and left.') == [("It is a total failure", "Lind")]


def test_an_office_or_outlet_with_a_long_name_speaks_as_itself() -> None:
    assert said('"We delivered the shells," the Department of Defense wrote in a Facebook post.') == [
        ("We delivered the shells", "Pentagon")  # the catalog's name for the Department of Defense
    ]
    assert said('"It is stuck in Poland," NBC News reported, citing two officials.') == [
        ("It is stuck in Poland", "NBC News")
    ]
    # Near miss: an officer named next to the verb, after the office, is the speaker.
    assert said('"It is stuck," the Pentagon’s spokesman, Ivo Marsh, said.')[0][1] == "Ivo Marsh"


def test_transcript_turns_without_quotation_marks() -> None:
    quotes = extract_text(
        "Briefing\n\nMR. SMITH: We are ready to send more.\n\nQ: When?\n\nMR. SMITH: Next week."
    ).quotes
    assert [(q.text, q.speaker, q.speaker_description) for q in quotes] == [
        ("We are ready to send more.", "Smith", None),
        ("When?", None, "the interviewer"),
        ("Next week.", "Smith", None),
    ]
    # Near misses: one capitalised label ("UPDATE:"), or datelines that never come back, are
    # no transcript.
    assert extract_text("Briefing\n\nUPDATE: The Pentagon said more.\n\nThe shells are late.").quotes == []
    digest = "Digest\n\nKYIV: Drones hit the port overnight.\n\nWASHINGTON: The Pentagon sent more shells."
    assert extract_text(digest).quotes == []


def test_a_name_and_outlet_label_before_a_quote() -> None:
    assert said('Ivan Petrenko, Kyiv Post: "We need air defense."') == [
        ("We need air defense.", "Ivan Petrenko")
    ]
    # Near miss: a colon after a common noun introduces the writer's own quotation.
    assert said('The plan had one aim: "to hold the line."') == [("to hold the line.", None)]


def test_single_quotation_marks_quote_in_a_headline_only() -> None:
    # … where the body quotes in double marks; a text with none quotes in single ones
    # (test_quotes.py).
    quotes = extract_text(
        "US sends ‘more shells’ to Kyiv’s army\n\nThe US sent shells, Kyiv’s ‘army’ said. “We need more,” Kurz said."
    ).quotes
    assert [(q.text, q.partial) for q in quotes] == [("more shells", True), ("We need more", False)]


def test_more_verbs_companies_and_papers_as_reporting_writes_them() -> None:
    assert said('"We need more," Okafor stressed. "We will not stop," Okafor insisted.') == [
        ("We need more", "Okafor"),
        ("We will not stop", "Okafor"),
    ]
    assert said('According to Okafor, "the shells are late."') == [("the shells are late.", "Okafor")]
    assert describe_all('"We will ship on time," the company said.') == [(None, "the company")]
    assert describe_all('"The deal is off," the newspaper wrote.') == [(None, "the newspaper")]
    # Near miss: a verb of motion is no speech verb.
    assert said('"We need more," Okafor shrugged.') == [("We need more", None)]


def test_headline_case_and_repeated_names_make_no_extra_people() -> None:
    record = extract_text(
        "US Sends Armored Personnel Carriers, Will Expedite Shipment\n\n"
        "Russian President Vladimir Putin spoke. Putin left. President Volodymyr Zelensky spoke. "
        "Zelensky said the carriers came."
    )
    people = sorted(a.name for a in record.actors if a.kind == "person")
    assert people == ["Vladimir Putin", "Volodymyr Zelenskyy"]


def test_the_next_sentence_attributes_only_when_it_is_only_an_attribution() -> None:
    assert said('"Will they come?" Okafor asked.') == [("Will they come?", "Okafor")]
    # Near miss: a next sentence that goes on to its own clause and quote is not this
    # quote's attribution.
    text = (
        'Japan branded the launch an "outlaw act in the neighborhood." Russia insisted that '
        'Pyongyang "stop its dangerous escapades."'
    )
    assert said(text)[0] == ("outlaw act in the neighborhood.", "Japan")


def test_the_given_names_list_gives_each_name_one_gender() -> None:
    import tomllib

    from armstrack.resources import bundled_dir

    with (bundled_dir("data") / "first_names.toml").open("rb") as f:
        names = tomllib.load(f)
    assert not set(names["male"]) & set(names["female"])
    assert len(names["male"]) == len(set(names["male"])) and len(names["female"]) == len(set(names["female"]))
    assert not {"Chris", "Alex", "Jordan", "Taylor", "Sam", "Jean"} & (
        set(names["male"]) | set(names["female"])
    )


def test_presented_names_read_as_the_one_pattern_they_replace() -> None:
    """``presented`` scans with two patterns and checks word and sentence starts in Python;
    the answer must be the single pattern's, written out here as the definition, on random
    texts of honorifics, names, stops, line breaks and glued words."""
    import random
    import re

    from armstrack.extract.speakers import presented

    part = r"(?:[A-Z]['’]|[A-Z][a-z]{1,2}(?=[A-Z]))?[A-Z][a-z'’-]+"  # "Reed", "McAllister", "O’Neil"
    definition = re.compile(
        rf"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+(?P<name>{part}(?:\s+{part})?)\b"
        rf"|(?:^|(?<=[.!?]\s)|(?<=\n))(?P<name2>{part}(?:[^\S\n]+{part}){{1,3}})(?=\s+[a-z])",
        re.MULTILINE,
    )

    def expected(text: str) -> list[tuple[int, int, str]]:
        out = []
        for m in definition.finditer(text):
            group = "name" if m.group("name") else "name2"
            out.append((m.start(group), m.end(group), m.group(group)))
        return out

    pieces = ["Mr", "Mr.", "Mrs.", "Ms", "Miss", "Dr", "Dr.", "Smith", "Jones", "O’Neil", "Anne-Marie", "McAllister", "DeLuca",
              "said", "spoke", "the", "He", "Meet", ".", "!", "?", "\n", " ", "  ", "\t", "X", "_", "9",
              "’s", "é", "\u00a0", ",", "\r"]  # fmt: skip
    rnd = random.Random(5)
    found = 0
    for _ in range(20000):
        text = "".join(
            rnd.choice(pieces) + rnd.choice(["", " ", " ", "\n", ". "]) for _ in range(rnd.randint(1, 14))
        )
        assert presented(text, in_sentences=False) == expected(text), repr(text)
        found += bool(expected(text))
    assert found > 2000  # the texts do present people
    assert presented("Said Mr. Dalton Reed. Jacinda Ardern spoke.\nAnn Lee said so; XMr Smith") == [
        (9, 20, "Dalton Reed"), (22, 36, "Jacinda Ardern"), (44, 51, "Ann Lee"),
    ]  # fmt: skip


def test_the_subject_set_off_by_a_comma_speaks_not_the_person_in_a_possessive() -> None:
    text = (
        "Marta Lisova, who runs Volodymyr Zelensky's outreach to veterans, said, "
        '"The front needs shells, not speeches."'
    )
    assert said(text) == [("The front needs shells, not speeches.", "Marta Lisova")]
    # Near miss: without a subject of its own, the sentence's person speaks.
    assert said('Volodymyr Zelensky said, "The front needs shells."') == [
        ("The front needs shells.", "Volodymyr Zelenskyy")
    ]


def test_a_person_after_a_preposition_is_not_the_subject_that_speaks() -> None:
    text = (
        "Asked whether he still senses hatred of Volodymyr Zelensky among his voters, the Ohio "
        'senator acknowledged that there are still "some people who feel that way" in the state.'
    )
    assert describe_all(text) == [(None, "the Ohio senator")]
    # Near miss: a person named right before the verb speaks, preposition or not.
    assert said('The clip ends with footage of Volodymyr Zelensky saying, "We will hold."') == [
        ("We will hold.", "Volodymyr Zelenskyy")
    ]


def test_a_quoted_phrase_after_a_fronted_phrase_is_the_words_of_the_subject() -> None:
    text = "In recent weeks, Senator Ada Lind has gone after the plan as “a gift that will bleed the arsenal dry.”"
    assert said(text) == [("a gift that will bleed the arsenal dry.", "Ada Lind")]
    # Near miss: a person named inside the fronted phrase is not the subject.
    text = "In a rebuke to Senator Ada Lind, the plan has become “a gift that will fill the arsenal.”"
    assert said(text) == [("a gift that will fill the arsenal.", None)]
