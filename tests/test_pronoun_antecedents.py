"""Whom "he" and "she" after a quote refer to, when the person is no one a list knows: how
reporting introduces people (a given name, a role, an age, a surname repeated, a subject
after an opening phrase). Texts of our own, each rule with a near miss."""

from __future__ import annotations

from tests.conftest import extract_text


def said(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_text("Aid talks\n\n" + text).quotes]


def test_a_surname_with_an_inner_capital_opens_a_sentence() -> None:
    text = (
        'Ronan McAllister at the Atlantic Institute agreed with the decision. "The shells are '
        'late, but they are coming," he wrote.'
    )
    assert said(text) == [("The shells are late, but they are coming", "Ronan McAllister")]


def test_a_full_name_opening_a_sentence_may_have_several_words() -> None:
    text = (
        "Maria Elena Vasquez Ortiz visited the depot on Tuesday. The ministry kept its counsel.\n\n"
        '"We will need more interceptors before winter," she said.'
    )
    assert said(text) == [("We will need more interceptors before winter", "Maria Elena Vasquez Ortiz")]


def test_names_led_by_a_given_name_anywhere_and_their_surname_later() -> None:
    text = (
        "Two reservists, Olena Petrenko and Bryan Holloway, watched the convoy leave the base.\n\n"
        "Holloway largely agreed that the drones had come too late.\n\n"
        '"A lot of this equipment arrives after the fight has moved," he said.'
    )
    assert said(text) == [("A lot of this equipment arrives after the fight has moved", "Bryan Holloway")]
    # Near miss: another given name with the same surname is someone else; "he" then goes to
    # the one who opened the sentence, whole.
    other = text.replace("Holloway largely agreed", "Tom Holloway, his cousin, largely agreed")
    assert said(other) == [("A lot of this equipment arrives after the fight has moved", "Tom Holloway")]


def test_an_age_makes_a_name_a_person() -> None:
    text = (
        "On Sunday, Yarema Kostiuk, 44, loaded crates at the rail yard with two other volunteers. "
        "The yard, Kostiuk said, is usually quiet on weekends.\n\n"
        '"This normally is an empty platform," he said.'
    )
    assert said(text) == [("This normally is an empty platform", "Yarema Kostiuk")]


def test_a_team_or_a_bridge_named_after_people_is_no_one() -> None:
    text = (
        "Martha Quill spoke to reporters after the match. Fans of the Charlotte Hornets lined up "
        "outside the arena.\n\n"
        '"We raised money for field hospitals," she said.'
    )
    assert said(text) == [("We raised money for field hospitals", "Martha Quill")]
    # A run of capitals longer than the name is a place: "Robert Moses" is no one here.
    causeway = (
        "Reporters spoke to Oleh Tkachuk, 52, at the depot. The convoy used Robert Moses "
        "Causeway at night.\n\n"
        '"It was the only open road," he said.'
    )
    assert said(causeway) == [("It was the only open road", "Oleh Tkachuk")]


def test_a_title_opening_the_sentence_is_not_part_of_the_name() -> None:
    # The role word makes "Ostap Lys" a person the actors know; the longer run of capitals
    # around it is not another, unknown one.
    text = 'Commander Ostap Lys met the convoy at the border.\n\n"The trucks were on time," he said.'
    assert said(text) == [("The trucks were on time", "Ostap Lys")]


def test_the_subject_after_an_opening_phrase_is_the_likely_he() -> None:
    text = (
        "Defense Secretary Lloyd Austin spoke first at the meeting in Ramstein.\n\n"
        "During a briefing in Kyiv on Friday, Taras Melnychuk described the damage to the grid.\n\n"
        '"We cannot repair it without more air defense," he said.'
    )
    assert said(text) == [("We cannot repair it without more air defense", "Taras Melnychuk")]
    # Near miss: without the comma the name is inside the phrase, not its sentence's subject,
    # and the one who opened a sentence before stays the likelier "he".
    inside = text.replace(
        "During a briefing in Kyiv on Friday, Taras Melnychuk described",
        "The briefing with Taras Melnychuk described",
    )
    assert said(inside) == [("We cannot repair it without more air defense", "Lloyd Austin")]


def test_according_to_names_the_source_he_refers_to() -> None:
    text = (
        "Retired Gen. Samuel Okafor spoke to the committee about stockpiles.\n\n"
        "Senator Mark Daley opened the hearing with a list of delays.\n\n"
        "According to Okafor, the Pentagon has run through three chiefs of acquisition.\n\n"
        '"We are on our fourth plan for shells," he said.'
    )
    assert said(text) == [("We are on our fourth plan for shells", "Samuel Okafor")]


def test_a_possessive_after_said_is_an_object_not_the_subject() -> None:
    text = (
        "Economist Daria Hlib, who studies arms budgets, said Maria Orlova's estimate did not add up.\n\n"
        '"I do not see where the money comes from," she said.'
    )
    assert said(text) == [("I do not see where the money comes from", "Daria Hlib")]


def test_a_surname_is_the_person_unless_another_capital_comes_first() -> None:
    from armstrack.extract.speakers import surname_mentions
    from armstrack.text import SpanIndex

    text = (
        "Bryan Holloway drove. Holloway said so. A mechanic, Zoltan Holloway, checked it. "
        "The panel heard Senator Holloway again. Holloway Street was shut."
    )
    people = [(0, 14, "bryan-holloway", "Bryan Holloway")]
    found = [text[start : start + 12] for start, _, _, _ in surname_mentions(text, people, SpanIndex([]))]
    # "Holloway said" after a full stop and "Senator Holloway" are him; "Zoltan Holloway" is
    # someone else, and "Holloway Street" a street.
    assert found == ["Holloway sai", "Holloway aga"]


def test_a_run_of_capitals_around_a_known_person_is_no_other_person() -> None:
    from armstrack.extract.actors import find_actors
    from armstrack.extract.speakers import Antecedents
    from armstrack.loader import load_text
    from armstrack.text import Sentences

    article = load_text("Aid talks\n\nCommander Ostap Lys met the convoy at the border.")
    sentences = Sentences.split(article.text, article.paragraphs)
    antecedents = Antecedents(article.text, sentences, find_actors(article.text, sentences), [])
    assert [name for _, _, _, name in antecedents.mentions] == ["Ostap Lys"]


def test_a_headline_in_title_case_presents_no_one() -> None:
    text = 'Lawmakers Weigh New Weapons for Kyiv\n\nThe committee met on Monday.\n\n"We need more interceptors," she said.'
    assert said_whole(text) == [("We need more interceptors", None)]
    # Near miss: the same words opening a sentence of the story are a name.
    body = 'Aid talks\n\nMarta Weigh New spoke for the committee on Monday.\n\n"We need more interceptors," she said.'
    assert said_whole(body) == [("We need more interceptors", "Marta Weigh New")]


def said_whole(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_text(text).quotes]


def test_he_skips_the_woman_quoted_last_whom_the_text_calls_by_her_given_name() -> None:
    text = (
        "President Joe Biden spoke last in the hall. "
        '"We won," Melanie said to the screen. "I love you," he said.'
    )
    assert said(text)[-1] == ("I love you", "Joe Biden")
    # Near miss: "she" goes on with her.
    text = 'President Joe Biden spoke last in the hall. "We won," Melanie said to the screen. "We did," she said.'
    assert said(text)[-1] == ("We did", "Melanie")
