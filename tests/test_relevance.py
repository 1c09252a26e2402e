"""Off topic stays out: texts of our own in which a system's name means something else — a
team, a law, a car, a person, an animal, a film, a place, an athletics event — get no
system and are not about arms for Ukraine; on-topic texts that mention such things in
passing keep their systems."""

from __future__ import annotations

import pytest

from armstrack.relevance import relevance
from tests.conftest import extract_text

OFF_TOPIC = {
    "football team": "Patriots rally past Jets\n\nThe New England quarterback threw for 300 yards as the Patriots "
    "beat the Jets 27-20 on Sunday. The Patriots' defense held late to seal the win.",
    "team without its city": "Patriots sign veteran linebacker\n\nThe Patriots signed a veteran linebacker on "
    "Tuesday, the team said, ahead of the season opener against Miami.",
    "law": "Senate renews surveillance powers\n\nThe Senate voted to extend provisions first written into the "
    "Patriot Act, over objections from civil liberties groups.",
    "car": "Used SUV buyers guide\n\nThe Jeep Patriot remains a cheap compact SUV, though its horsepower and mpg "
    "trail newer rivals at the dealership.",
    "person, politics": "Abrams weighs another run\n\nStacey Abrams told supporters in Atlanta that voting rights "
    "would be the center of any gubernatorial campaign.",
    "person, film": "Bradley Cooper's new film\n\nBradley Cooper directs and stars in the film, which opens in "
    "theaters next month after a warm reception at a festival.",
    "film": "Weekend box office\n\nThe fantasy film Excalibur topped the box office, starring a newcomer as the "
    "young king.",
    "animal": "Spring migration\n\nBird-watchers counted more than a hundred hawks over the ridge; the birds ride "
    "thermals north each spring. One Hawk, tagged as a chick, came back for a fifth year.",
    "insect": "Garden pests\n\nThe wasps' stinger can sting repeatedly, unlike a honey bee's, entomologists say.",
    "athletics": "Javelin final thriller\n\nThe javelin final went to the last throw as the Olympic champion "
    "edged a rival by four centimeters.",
    "athletics, Ukrainian athlete": "Kyiv-born thrower wins gold\n\nUkraine's Javelin hope took gold at the "
    "European athletics championships in Rome, her first major medal.",
    "place and restaurant": "Harbor dining\n\nHarpoon Harry's on the waterfront reopened after renovations, the "
    "owners said.",
    "video game": "Game review\n\nThe sequel's Hellfire level is the hardest in the series, and the film tie-in "
    "disappoints.",
    "Ukraine, no arms": "Grain corridor reopens\n\nUkraine resumed grain exports from Odesa on Monday, shipping "
    "officials said, easing pressure on wheat prices.",
}

ON_TOPIC = {
    "with a team in passing": (
        "Patriots for Kyiv\n\nThe Pentagon will send Ukraine another Patriot battery, officials said. Unlike the "
        "New England Patriots, this Patriot has no off-season.",
        {"patriot"},
    ),
    "with a film in passing": (
        "Tanks at last\n\nWashington approved sending 31 Abrams tanks to Ukraine. One official compared the fight "
        "over the decision to a Hollywood film.",
        {"abrams"},
    ),
    "names only by name": (
        "Kyiv gets more Javelins\n\nUkraine will receive more Javelins and Stingers under the new package.",
        {"javelin", "stinger"},
    ),
}


@pytest.mark.parametrize("sense", sorted(OFF_TOPIC))
def test_off_topic_text_has_no_system_and_is_skipped(sense: str) -> None:
    text = OFF_TOPIC[sense]
    assert [s.id for s in extract_text(text).systems] == []
    assert not relevance(text).on_topic


@pytest.mark.parametrize("kind", sorted(ON_TOPIC))
def test_on_topic_text_keeps_its_systems(kind: str) -> None:
    text, systems = ON_TOPIC[kind]
    assert {s.id for s in extract_text(text).systems} == systems
    assert relevance(text).on_topic


def test_the_reason_is_given() -> None:
    assert relevance(OFF_TOPIC["football team"]).reason == "does not name Ukraine"
    assert relevance(OFF_TOPIC["Ukraine, no arms"]).reason == "names Ukraine but no weapons or aid"


def test_a_line_is_a_paragraph_no_sentence_crosses_it() -> None:
    # Page text as extractors give it: one paragraph a line, not always with a full stop.
    text = "Tanks at last\nWashington approved sending 31 Abrams tanks to Ukraine\nOne critic called it a Hollywood film"
    assert relevance(text).on_topic


def test_the_tagger_reads_only_the_paragraphs_that_may_name_a_system() -> None:
    text = "Front update\n\nUkraine's army held the line near the river.\n\nThe Pentagon will send more Javelins."
    assert relevance(text).reason == "names Ukraine and Javelin"
    # The same name with no military word in its sentence (another paragraph has Ukraine).
    assert not relevance("Front update\n\nUkraine held the line.\n\nJavelins flew at the Rome meet.").on_topic
