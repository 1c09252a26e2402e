from __future__ import annotations

import pytest

from armstrack.models import Actor
from tests.conftest import extract_text


def people(text: str) -> dict[str, Actor]:
    return {a.name: a for a in extract_text(text).actors if a.kind == "person"}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Army spokesman Colonel Dana Whitfield said the convoy left.",
            "Dana Whitfield",
            "Army spokesman Colonel",
        ),
        ("Rear Adm. Carla Mendez briefed the committee.", "Carla Mendez", "Rear Adm."),
        (
            "Talks went well, said Owen Radley, a senior fellow at the Baltic Institute.",
            "Owen Radley",
            "senior fellow at the Baltic Institute",
        ),
        (
            "Priya Natarajan, Deputy Director of the agency, disagreed.",
            "Priya Natarajan",
            "Deputy Director of the agency",
        ),
        (
            "Market analyst Henrik Sollberg of Nordic Capital expects delays.",
            "Henrik Sollberg",
            "Market analyst of Nordic Capital",
        ),
        (
            "Lithuanian Defense Minister Tomas Varnas visited the plant.",
            "Tomas Varnas",
            "Lithuanian Defense Minister",
        ),
        ("Kenji Arata told reporters the line would reopen.", "Kenji Arata", None),
        (  # the role stops at the sentence before: not "Ukraine. Secretary of Defense"
            "The group will send more aid to Ukraine. Secretary of Defense Marta Quill will convene it.",
            "Marta Quill",
            "Secretary of Defense",
        ),
        ("Minister of Defence Ivan Petrenko said it.", "Ivan Petrenko", "Minister of Defence"),
        ("The minister and her successor Ruben Aldema pledged jets.", "Ruben Aldema", "successor"),
        (
            "The Pentagon's comptroller, Mika Rourke, said equipment was overvalued.",
            "Mika Rourke",
            "Pentagon's comptroller",
        ),
        (
            "The head of the Office of the President Taras Melnyk said a list was handed over.",
            "Taras Melnyk",
            "head of the Office of the President",
        ),
        (
            "Commander-in-Chief of the Armed Forces of Ukraine Ostap Dovbush also took part.",
            "Ostap Dovbush",
            "Commander-in-Chief of the Armed Forces of Ukraine",
        ),
        (  # a role head that starts or ends with "s" (secretary, spokesman) is still a role head
            "Mara Lindqvist, the under secretary of defense for policy, said it was complicated.",
            "Mara Lindqvist",
            "under secretary of defense for policy",
        ),
        (  # a role set off by commas before the name
            "Russia's ambassador to the United States, Pavel Orlov, called the decision a provocation.",
            "Pavel Orlov",
            "Russia's ambassador to the United States",
        ),
        (  # a role set off before the name starts after the previous sentence
            "She called it “a relief”. The UK defence secretary, Owen Price, said Britain would help.",
            "Owen Price",
            "UK defence secretary",
        ),
        ("Mr Zelensky welcomed the move, British style.", "Volodymyr Zelenskyy", "Mr"),
        (
            "Dana Morrow, the Republican chair of the House Armed Services Committee, welcomed it.",
            "Dana Morrow",
            "Republican chair of the House Armed Services Committee",
        ),
        # a party's member as the appositive's noun, and a title written without its period
        (
            "Cole Varney, a Kansas Republican, noted that the shells were late.",
            "Cole Varney",
            "Kansas Republican",
        ),
        (
            "Cole Varney, a Democrat from Ohio, noted that the shells were late.",
            "Cole Varney",
            "Democrat from Ohio",
        ),
        ("Rep Cole Varney noted that the shells were late.", "Cole Varney", "Rep"),
        # offices of money and oversight are titles too, after an organisation's name
        (
            "The funds are gone, wrote Defense Department comptroller Nolan Pierce in a letter to Congress.",
            "Nolan Pierce",
            "Defense Department comptroller",
        ),
        (
            "Pentagon Inspector General Ruth Adair said the shipments were tracked.",
            "Ruth Adair",
            "Pentagon Inspector General",
        ),
        # a former holder's title ("Ex-ambassador") is no part of the name; near miss: a
        # hyphenated surname keeps both halves
        ("Ex-ambassador Lyle Brenner called it a losing strategy.", "Lyle Brenner", "Ex-ambassador"),
        ("Ambassador Lyle Brenner-Hoyt called it a losing strategy.", "Lyle Brenner-Hoyt", "Ambassador"),
        # an office and the place its holder is sent to, before the name
        (
            "U.S. Ambassador to Ukraine Lyle Brenner confirmed that the pilots are training.",
            "Lyle Brenner",
            "U.S. Ambassador to Ukraine",
        ),
    ],
)
def test_people_found_by_pattern_with_their_roles(text: str, name: str, role: str | None) -> None:
    found = people(text)
    assert list(found) == [name]
    assert found[name].role == role


def test_america_at_the_end_of_a_longer_name_is_no_country() -> None:
    # "Voice of America", "Bank of America Stadium": the name of an outlet or a building, not
    # the United States (which then speaks no one's chant). Near misses: "the United States
    # of America" is the country, and "the Armed Forces of Ukraine" are Ukraine's.
    def countries(text: str) -> list[str]:
        return [a.name for a in extract_text(text).actors if a.kind == "country"]

    assert countries("The Voice of America reported that the shells had arrived.") == []
    assert countries("Fans walked past Bank of America Stadium chanting slogans.") == []
    assert countries("The United States of America sent more shells.") == ["United States"]
    assert countries("The Armed Forces of Ukraine received more shells.") == ["Ukraine"]


def test_to_joins_a_role_only_to_the_place_a_name_follows() -> None:
    # Near misses of "U.S. Ambassador to Ukraine Lyle Brenner": "to" before a name alone, or
    # before a name with a title of its own, joins the role before it to no one.
    letter = people("It followed a letter from the Ukrainian president to Senator Lyle Brenner.")
    assert letter["Lyle Brenner"].role == "Senator", letter
    under = people("A former ambassador to Poland under Governor Lyle Brenner slammed the delay.")
    assert "ambassador" not in (under["Lyle Brenner"].role or ""), under


def test_one_person_per_article_with_every_role() -> None:
    text = (
        "Air Force Secretary Lena Moss opened the session.\n\n"
        "Lena Moss, who leads the service, later said more was coming. Moss added that funding was short."
    )
    found = people(text)
    assert list(found) == ["Lena Moss"]
    assert found["Lena Moss"].roles == ["Air Force Secretary"]
    assert [m.text for m in found["Lena Moss"].mentions] == ["Lena Moss", "Lena Moss", "Moss"]


@pytest.mark.parametrize(
    ("names", "canonical"),
    [
        (["Pat Ryder", "Patrick Ryder", "Maj. Gen. Pat Ryder"], "Patrick Ryder"),
        (["Zelensky", "Zelenskyy", "Zelenskiy"], "Volodymyr Zelenskyy"),
        (["John F. Kirby", "John Kirby"], "John Kirby"),
    ],
)
def test_gazetteer_merges_aliases(names: list[str], canonical: str) -> None:
    text = " ".join(f"{name} spoke on day {i}." for i, name in enumerate(names))
    found = people(text)
    assert list(found) == [canonical]
    assert len(found[canonical].mentions) == len(names)


def test_kiev_is_kyiv_and_capitals_are_their_countries() -> None:
    actors = {
        a.id: a
        for a in extract_text("Kiev asked Washington for help, and Kyiv waited. Moscow objected.").actors
    }
    assert [m.text for m in actors["ukraine"].mentions] == ["Kiev", "Kyiv"]
    assert actors["united-states"].kind == "country" and actors["russia"].kind == "country"


def test_organizations() -> None:
    actors = {a.id: a.kind for a in extract_text(
        "Lockheed Martin and Northrop Grumman met the Pentagon; Reuters and the Financial Times reported it."
    ).actors}  # fmt: skip
    assert actors == {
        "lockheed-martin": "organization", "northrop-grumman": "organization", "pentagon": "organization",
        "reuters": "organization", "financial-times": "organization",
    }  # fmt: skip


def test_damaged_text_glued_title() -> None:
    assert list(people("Mara QuintelUS Under Secretary of the Army, spoke first.")) == ["Mara Quintel"]


def test_conditional_surname_needs_the_full_name() -> None:
    assert people("Crowds gathered in Austin on Saturday.") == {}
    assert list(people("Lloyd Austin spoke. Later Austin left.")) == ["Lloyd Austin"]


NOT_PEOPLE = [
    "Closing Thoughts: the war goes on.",
    "Market Data and more.",
    "He was promoted to Major General last year.",
    "The Defense Minister said nothing.",
    "The Security Forum opened on time.",
    "The Air Force tested the jet.",
    "High Mobility is the goal.",
    "Uncle Sam is paying the bill.",
    "Breaking Defense quoted the official.",
    "Lockheed Martin said output rose.",
    "The White House said it would respond.",
    "Northrop Grumman revealed its plans.",
    "The Joint Chiefs of Staff met in the Tank.",
    "US European Command sent a team.",
    "Aspen Security Forum organizers said the event would go on.",
    "Middle East tensions rose.",
    "National Armaments Directors met in Brussels.",
    "The Kyiv Independent reported the strike.",
    # the party's word as an adjective (near miss of "a Kansas Republican" above)
    "Sumner County, a Republican stronghold, voted early.",
]


@pytest.mark.parametrize("text", NOT_PEOPLE)
def test_capitalised_phrases_are_not_people(text: str) -> None:
    assert people(text) == {}


def test_mentions_point_at_text() -> None:
    record = extract_text("Navy spokesman Commander Ian Brook said Brook would return.")
    for actor in record.actors:
        for m in actor.mentions:
            assert record.text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text",
    [
        # A headline's capitalised words are not a person whose role runs into the next paragraph.
        "U.S. to Send Ukraine Abrams Tanks, Reversing Course\n\nWASHINGTON — President Biden said it.",
        # A place after "of" is not the speaker.
        "Senator Jeanne Shaheen of New Hampshire said the aid must continue.",
        # A list set off by commas has no role before it.
        "The delegation included Poland, Marek Holub, and others from the region.",
    ],
)
def test_no_person_without_evidence_in_its_own_paragraph(text: str) -> None:
    assert set(people(text)) <= {"Joe Biden", "Jeanne Shaheen"}


def test_a_name_led_by_a_common_given_name_is_a_person_once_its_surname_recurs() -> None:
    text = (
        "Talks\n\nMaria Kovalenko and Oleh Marchuk met the delegation in Lviv on Monday. "
        "Kovalenko said the shells were late."
    )
    assert "Maria Kovalenko" in people(text)
    assert "Oleh Marchuk" not in people(text)  # named once, with nothing else to say he is a person
    # Near misses: not after "the", not when a capitalised word goes on with the name, and
    # not when a title gives the surname to someone who may be another ("Mrs. Rowe").
    assert people("Talks\n\nThe Charlotte Rowe fund paid. Rowe said so.") == {}
    assert "George Marsh" not in people("Talks\n\nGeorge Marsh University opened. Marsh said so.")
    assert people("Talks\n\nMichelle Rowe spoke. Mrs. Rowe said more.").get("Michelle Rowe") is None


def test_a_name_after_the_is_no_person_by_a_speech_verb() -> None:
    # "stated that the Phoenix Ghost is a drone": no one is "the Jane Doe", so the drone stays
    # a system. Near miss: "said the Rev. Peter Wherry" keeps its honorific's "the".
    record = extract_text("Kirby stated that the Phoenix Ghost is a drone like the Switchblade.")
    assert [a.name for a in record.actors if a.kind == "person"] == []
    assert "phoenix-ghost" in [s.id for s in record.systems]
    record = extract_text("“The city will change,” said the Rev. Peter Wherry, of Mayfield Church.")
    assert [a.name for a in record.actors if a.kind == "person"] == ["Rev Peter Wherry"]


def test_a_title_linked_to_its_place_by_to_names_a_person() -> None:
    # "Ambassador to Ukraine Bridget Brink": the title reaches the name across "to Ukraine".
    # Near miss: "appointed Ambassador to Ukraine last May" names no one.
    record = extract_text(
        "Ukrainian pilots began training, informed the U.S. Ambassador to Ukraine Bridget Brink."
    )
    assert [a.name for a in record.actors if a.kind == "person"] == ["Bridget Brink"]
    record = extract_text("He was appointed Ambassador to Ukraine last May.")
    assert [a.name for a in record.actors if a.kind == "person"] == []


def test_a_captions_word_for_the_event_ends_the_name_before_it() -> None:
    # "President Tamm Speech at …" (a video caption in title case): the speech is no part of
    # his name. Near miss: a surname of its own after the title stays.
    assert "Tamm Speech" not in people(
        "Video\n\n[Video: FULL SPEECH: President Tamm Speech at the Black Caucus Foundation.]\n\n"
        "The president spoke for an hour."
    )
    assert "Arvo Tamm" in people("Video\n\nPresident Arvo Tamm spoke for an hour at the foundation.")


def test_a_possessive_ends_a_name_and_its_owner_lends_the_evidence_before_it() -> None:
    # "told Fox Business’ Maria Bartiromo": the outlet owns the name after it; "told" is her
    # evidence, and the outlet is no person. The same with "’s" and with an outlet the
    # gazetteer knows. Near miss: a person's possessive before a title keeps both people.
    for owner in ("Harbor Business’", "Harbor Business’s", "Fox News’"):
        found = people(f"Mayor Dale Orton told {owner} Lena Marsh that the shells were late.")
        assert set(found) == {"Dale Orton", "Lena Marsh"}, owner
    both = people("Mayor Dale Orton’s Deputy Mayor Lena Marsh said the shells were late.")
    assert set(both) == {"Dale Orton", "Lena Marsh"}


def test_a_plural_possessive_keeps_a_countrys_name() -> None:
    # "the United States’ commitment": the country, as "the United States's" would be.
    record = extract_text("Aid\n\nThe visit will show the United States’ commitment to Ukraine, she said.")
    assert "united-states" in {a.id for a in record.actors}


@pytest.mark.parametrize(
    "outlet",
    [
        "Yevropeyska Pravda",
        "Novaya Gazeta",
        "Deutsche Welle",
        "Radio Liberty",
        "Miami Herald",
        "Boston Globe",
    ],
)
def test_a_newspapers_or_broadcasters_name_is_no_person_by_a_speech_verb(outlet: str) -> None:
    # "…, Yevropeyska Pravda reported": an outlet's name (its last word is a paper's or a
    # station's) is no one's name, though a speech verb follows it. Near miss: a person's
    # name in the same place.
    assert people(f"The first interceptors arrived last week, {outlet} reported on Monday.") == {}
    assert list(people("The first interceptors arrived last week, Marta Kovalenko reported on Monday.")) == [
        "Marta Kovalenko"
    ]
