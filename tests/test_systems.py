from __future__ import annotations

import pytest

from armstrack.catalog import Entry, load_catalog
from armstrack.errors import UnknownSystemError
from armstrack.extract.systems import default_tagger
from armstrack.loader import load_text
from armstrack.text import Sentences
from tests.conftest import extract_text

CATALOG = load_catalog()


def tag(text: str) -> tuple[list[str], list[str]]:
    article = load_text(text)
    systems, categories = default_tagger().tag(
        article.text, Sentences.split(article.text, article.paragraphs)
    )
    return [s.id for s in systems], [c.id for c in categories]


def sentence_for(entry: Entry, alias: str) -> str:
    context = f" with its {entry.context[0]}" if alias in entry.needs_context else ""
    return f"Officials said the {alias}{context} would arrive soon."


def test_catalog_is_large_enough_and_consistent() -> None:
    assert len(CATALOG.systems) >= 60
    categories = {e.category for e in CATALOG.systems}
    assert categories <= {
        "air_defense",
        "fires",
        "anti_armor",
        "vehicle",
        "aircraft",
        "drone",
        "naval",
        "sensor",
        "munition",
    }
    for entry in CATALOG.systems:
        assert entry.aliases, entry.id
        assert entry.manufacturer, entry.id


@pytest.mark.parametrize(
    ("entry", "alias"),
    [(e, a) for e in CATALOG.entries for a in e.aliases],
    ids=lambda v: v if isinstance(v, str) else v.id,
)
def test_every_alias_matches(entry: Entry, alias: str) -> None:
    systems, categories = tag(sentence_for(entry, alias))
    assert entry.id in (categories if entry.is_category else systems)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ATACMS (MGM-140 Army Tactical Missile Systems) arrived.", ["atacms"]),
        ("Crews fired PAC-3 MSE and PAC3 interceptors from MIM-104 launchers.", ["patriot"]),
        ("Plants make and155mm shells, 155 mm rounds and 155-millimeter rounds.", ["ammo-155mm"]),
        ("Ukraine flies F-16s and used AGM88E missiles.", ["f-16", "harm"]),
        ("Kyiv got M1A2 tanks and 31 Abrams tanks.", ["abrams"]),
        ("Ukraine wants Patriots and Javelins and Stingers.", ["patriot", "javelin", "stinger"]),
        ("The Himars and the HIMARS are one system.", ["himars"]),
        ("Kyiv asked for more anti-radiation missiles.", ["harm"]),
    ],
)
def test_positive_forms(text: str, expected: list[str]) -> None:
    assert tag(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "He is a patriotic man who loves his country.",
        "The Patriot Act was renewed by Congress.",
        "Fans of the New England Patriots cheered.",
        "She won the javelin throw at the Olympics.",
        "A bee's stinger can hurt a child.",
        "Stacey Abrams spoke in Atlanta on Tuesday.",
        "Senator Bradley voted against the bill.",
        "The delay did no harm to anyone.",
        "A hawk circled above the field.",
        "Trucks will tow the broken cars away.",
        "The Avengers movie opened this week.",
        "Puma shoes sold well in Berlin.",
        "A raven sat on the fence.",
        "Traffic on the M30 was slow.",
        "The F-1 race and the M1 motorway are not weapons.",
        "About 155 people attended in 2024.",
    ],
)
def test_false_friends_are_not_systems(text: str) -> None:
    assert tag(text)[0] == []


def test_context_from_elsewhere_in_the_article_confirms_an_ambiguous_alias() -> None:
    text = "Kyiv received M1 Abrams tanks last year.\n\nThe Abrams were moved east."
    article = load_text(text)
    sentences = Sentences.split(article.text, article.paragraphs)
    hits = default_tagger().hits(article.text, sentences)
    assert [article.text[h.start : h.end] for h in hits if h.entry.id == "abrams"] == ["M1 Abrams", "Abrams"]


def test_categories_are_apart_from_named_systems() -> None:
    systems, categories = tag(
        "The new package will include artillery systems and rounds, armored personnel carriers, and helicopters."
    )
    assert systems == []
    assert categories == ["artillery", "armored-vehicles", "helicopters"]


def test_mentions_carry_offsets_and_sentence() -> None:
    text = "First sentence here. Then Patriot missiles came. Last one."
    article = load_text(text)
    systems, _ = default_tagger().tag(article.text, Sentences.split(article.text, article.paragraphs))
    (mention,) = systems[0].mentions
    assert article.text[mention.start : mention.end] == "Patriot"
    assert mention.sentence.text == "Then Patriot missiles came."


@pytest.mark.parametrize("name", ["patriot", "Patriot", "MIM-104", "mim104", "PATRIOTS", "pac-3"])
def test_resolve_system_by_any_name(name: str) -> None:
    assert CATALOG.resolve_system(name).id == "patriot"


def test_unknown_system_suggests_nearest() -> None:
    with pytest.raises(UnknownSystemError, match="did you mean NASAMS"):
        CATALOG.resolve_system("NASAM")


def test_a_system_name_inside_a_person_s_full_name_is_the_person() -> None:
    record = extract_text(
        "The State Department approved the sale of Abrams tank ammunition, while retired "
        "General Creighton Abrams's name came up at the hearing."
    )
    (abrams,) = [s for s in record.systems if s.id == "abrams"]
    assert [m.text for m in abrams.mentions] == ["Abrams"] and abrams.mentions[0].start < 60
