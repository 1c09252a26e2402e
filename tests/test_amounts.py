from __future__ import annotations

import pytest

from tests.conftest import extract_text


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("Washington sent $800 million in aid.", 800e6, "USD"),
        ("A package worth $2.4 billion was approved.", 2.4e9, "USD"),
        ("Sales reached $80.5 billion this year.", 80.5e9, "USD"),
        ("The deal is worth US$500 million.", 500e6, "USD"),
        ("It cost 450 million dollars in total.", 450e6, "USD"),
        ("Germany pledged €1.5bn for the effort.", 1.5e9, "EUR"),
        ("A $1bn loan was agreed.", 1e9, "USD"),
        # a wire's "Bln" and "mln", glued to the figure
        ("Biden to sign $95Bln aid package.", 95e9, "USD"),
        ("The US approved a $172mln sale.", 172e6, "USD"),
        ("The contract is USD 300 million.", 300e6, "USD"),
        ("Britain gave £2.3 billion last year.", 2.3e9, "GBP"),
        ("The program costs $1,250,000 a year.", 1.25e6, "USD"),
        ("A $400m sale was cleared.", 400e6, "USD"),
        ("Aid reached 128 million U.S. dollars.", 128e6, "USD"),
        # the number in words, as wires and translations write it
        ("The next package is estimated at one billion dollars.", 1e9, "USD"),
        ("Biden signed a memorandum for half a billion dollars in aid.", 0.5e9, "USD"),
        ("Biden announced a half-billion dollars of assistance.", 0.5e9, "USD"),
        ("Kyiv asked for a two billion euro loan.", 2e9, "EUR"),
    ],
)
def test_money(text: str, value: float, currency: str) -> None:
    record = extract_text(text)
    assert [(a.value, a.currency, a.kind) for a in record.amounts] == [(value, currency, "money")]
    (amount,) = record.amounts
    assert record.text[amount.start : amount.end] == amount.text


def test_billions_in_words_without_a_number_are_no_sum() -> None:
    # "billions of dollars" says no number: no sum (near miss of "two billion dollars").
    assert extract_text("The US spent billions of dollars on weapons for Ukraine.").amounts == []


@pytest.mark.parametrize(
    ("text", "value", "unit", "system"),
    [
        ("The US will send two Patriot batteries.", 2, "batteries", "patriot"),
        ("Kyiv received 31 Abrams tanks.", 31, "tanks", "abrams"),
        ("They sent eighteen 155 mm howitzers.", 18, "howitzers", None),
        ("The order covers up to 150,000 rounds.", 150_000, "rounds", None),
        ("The plant made 20,000 155mm shells.", 20_000, "shells", "ammo-155mm"),
        ("Ukraine got three more HIMARS.", 3, None, "himars"),
        ("Allies delivered a dozen helicopters.", 12, "helicopters", None),
        ("It includes 30 Mine-Resistant Ambush Protected Vehicles.", 30, "vehicles", "mrap"),
        ("They shipped 8,500 rounds of 155mm artillery ammunition.", 8_500, "rounds", "ammo-155mm"),
        ("They shipped 40 missiles of the Patriot system.", 40, "missiles", "patriot"),
        ("The US has provided more than 3 million 155mm rounds.", 3_000_000, "rounds", "ammo-155mm"),
        ("The US sent Ukraine 31 Abrams tanks.", 31, "tanks", "abrams"),
        ("Ukraine will get two dozen Stinger launchers.", 24, "launchers", "stinger"),
        ("Kyiv received two hundred shells.", 200, "shells", None),
        ("They shipped 40 missiles, and Patriot launchers.", 40, "missiles", None),
        ("The package has 7,000 small arms and ammunition.", 7_000, "small arms", None),
        ("Customs officers seized 40 firearms near Lviv.", 40, "firearms", None),
        ("The Navy will send 18 coastal and riverine patrol boats.", 18, "boats", None),
        ("The package has 2,000 mortar rounds.", 2_000, "mortar rounds", None),
        ("Kyiv wants 12 more Patriot interceptor missiles.", 12, "interceptor missiles", "patriot"),
    ],
)
def test_counts(text: str, value: float, unit: str | None, system: str | None) -> None:
    record = extract_text(text)
    counts = [a for a in record.quantities if a.kind == "count"]
    assert [(a.value, a.unit, a.system) for a in counts] == [(value, unit, system)]
    assert record.amounts == []


def test_vague_count_has_no_value() -> None:
    (count,) = extract_text("Russia fired hundreds of missiles at the grid.").quantities
    assert (count.text, count.value, count.qualifier, count.unit) == (
        "hundreds of missiles",
        None,
        "hundreds",
        "missiles",
    )


def test_dozens_each_of_is_a_vague_count() -> None:
    record = extract_text(
        "The held-up weapons include dozens each of Stinger missiles and grenade launchers."
    )
    assert [(q.text, q.value, q.qualifier, q.system) for q in record.quantities] == [
        ("dozens each of Stinger missiles", None, "dozens", "stinger")
    ]


def test_a_count_whose_number_is_withheld_is_a_vague_count() -> None:
    record = extract_text("The package holds an undisclosed number of 155mm artillery rounds.")
    (count,) = record.quantities
    assert (count.text, count.kind, count.value, count.qualifier, count.unit, count.system) == (
        "an undisclosed number of 155mm artillery rounds", "count", None, "an undisclosed number",
        "rounds", "ammo-155mm",
    )  # fmt: skip
    # With nothing counted after it, the phrase is no count: "an unknown number of people".
    assert [q.kind for q in extract_text("An unknown number of people came.").quantities] == []


def test_a_number_after_and_starts_a_second_count() -> None:
    record = extract_text("The US sent 10 Abrams tanks and 20 M777 howitzers.")
    counts = [(a.text, a.value, a.system) for a in record.quantities if a.kind == "count"]
    assert counts == [("10 Abrams tanks", 10, "abrams"), ("20 M777 howitzers", 20, "m777")]


def test_up_to_is_a_qualifier() -> None:
    (count,) = extract_text("The order covers up to 150,000 rounds.").quantities
    assert count.qualifier == "up to"
    assert count.text == "up to 150,000 rounds"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Pentagon has a finite number of them.", "a finite number"),
        ("It has a “finite number” of missiles.", "a “finite number”"),
        ("Ukraine got a very “limited” supply of these missiles.", "a very “limited” supply"),
        ("Kyiv cannot expect any significant number of ATACMS.", "any significant number"),
    ],
)
def test_qualitative_amounts_are_text_without_value(text: str, expected: str) -> None:
    qualitative = [a for a in extract_text(text).quantities if a.kind == "qualitative"]
    assert [(a.text, a.value) for a in qualitative] == [(expected, None)]


@pytest.mark.parametrize(
    ("text", "value"), [("22 percent of that", 22), ("a 15% rise", 15), ("7.5 per cent", 7.5)]
)
def test_percentages(text: str, value: float) -> None:
    (pct,) = extract_text(text).quantities
    assert (pct.kind, pct.value, pct.unit) == ("percent", value, "percent")


@pytest.mark.parametrize(
    "text",
    [
        "Plants make 155mm shells.",
        "Pilots train on the F-16 jet.",
        "The M142 launcher fired.",
        "In 2024 the war went on.",
        "The 47th Brigade fought on.",
        "They use PAC-3 interceptors.",
        "Two main scenarios have been proposed.",
        "More than 40 members attended.",
        "One of the companies declined.",
    ],
)
def test_non_amounts(text: str) -> None:
    record = extract_text(text)
    assert record.amounts == [] and record.quantities == []


def test_a_date_s_day_is_not_a_count() -> None:
    record = extract_text(
        "Ihnat told reporters on Aug. 5 that the jets would be used first against missiles."
    )
    assert [a.text for a in record.quantities if a.kind == "count"] == []
    assert [t.text for t in record.time_expressions] == ["Aug. 5"]


def test_a_model_number_is_not_a_count() -> None:
    record = extract_text("Western-supplied Leopard 2 tanks and Challenger 2 tanks were lost near Robotyne.")
    assert [a.text for a in record.quantities if a.kind == "count"] == []
