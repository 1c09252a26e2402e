"""Counts that name only a kind ("eighteen 155 mm howitzers") tied to the one system of that
kind the article names (extract/kindcounts.py), on texts of our own. Each tie has near
misses beside it: two systems of the kind, the other side's or another donor's arms, a
count whose words name something else, a sentence about something else than giving arms."""

from __future__ import annotations

import pytest

from tests.conftest import extract_text

LEDE = "Howitzers for Kyiv\n\nThe Pentagon is shipping more M777 howitzers to Ukraine, officials said. "


def counts(text: str) -> dict[str, tuple[str | None, str | None]]:
    """Each count's text: (its system, the text of the mention the tie rests on)."""
    record = extract_text(text, published="2022-05-20")
    return {
        q.text: (q.system, q.system_evidence.text if q.system_evidence else None)
        for q in record.quantities
        if q.kind == "count"
    }


def test_a_count_of_the_kind_is_the_one_system_of_that_kind_the_article_names() -> None:
    text = LEDE + "The new package includes eighteen 155 mm howitzers and 18 tactical trucks to tow them."
    found = counts(text)
    assert found["eighteen 155 mm howitzers"] == ("m777", "M777 howitzers")
    assert found["18 tactical trucks"] == (None, None)  # trucks: no system is counted by that noun
    record = extract_text(text, published="2022-05-20")
    (tied,) = [q for q in record.quantities if q.system_evidence]
    evidence = tied.system_evidence
    assert evidence is not None and record.text[evidence.start : evidence.end] == "M777 howitzers"


def test_the_evidence_is_the_nearest_mention_before_the_count() -> None:
    text = (
        "Abrams tanks arrive\n\nThe first Abrams tanks reached Ukraine in September. Officials said the "
        "remaining Abrams would follow. Washington has promised to deliver 31 tanks in all."
    )
    record = extract_text(text, published="2023-10-01")
    (tied,) = [q for q in record.quantities if q.kind == "count"]
    assert tied.system == "abrams"
    assert tied.system_evidence is not None
    assert tied.system_evidence.start == record.text.index("Abrams would")


@pytest.mark.parametrize(
    "text",
    [
        # Two howitzers named: which one the count counts is not said.
        LEDE + "It has also sent M109 Paladins. The package includes eighteen 155 mm howitzers.",
        # Another donor's tanks, and the other side's.
        "Tanks\n\nThe US is sending Abrams tanks to Ukraine. Germany will send 14 tanks to Kyiv as well.",
        "Tanks\n\nThe US is sending Abrams tanks to Ukraine. Moscow has shipped 200 tanks to the front.",
        # The count's own words name another make.
        "Tanks\n\nThe US is sending Abrams tanks to Ukraine. Kyiv will also receive 14 Leopard tanks.",
        # Not about giving arms: losses.
        "Tanks\n\nThe US is sending Abrams tanks to Ukraine. Its army has lost 20 tanks in the offensive.",
    ],
)
def test_no_tie_when_the_text_does_not_settle_it(text: str) -> None:
    found = counts(text)
    assert found  # the count is there, tied to nothing
    assert all(tie == (None, None) for tie in found.values()), found
