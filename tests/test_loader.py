from __future__ import annotations

from pathlib import Path

import pytest

from armstrack.errors import InputError
from armstrack.loader import article_id, decode, load_bytes, load_path, load_text

ARTICLE = """Menu

Search

  |   Politics

Allies weigh new air defense package for Kyiv

RescueWarrior / Pixabay

The Pentagon said on Monday it would send more interceptors to Ukraine.

“We are moving as fast as we can,” a spokesman said. (Getty Images)

  • Market Data
Close

Welcome to ExampleNews

Sign up for daily updates for the most important
stories unfolding in the global economy.

Comments

No comments yet

Back to top button
"""


def paragraphs(text: str) -> list[str]:
    article = load_text(text)
    return [article.text[s:e] for s, e in article.paragraphs]


def test_furniture_is_removed_and_reporting_kept() -> None:
    assert paragraphs(ARTICLE) == [
        "Allies weigh new air defense package for Kyiv",
        "The Pentagon said on Monday it would send more interceptors to Ukraine.",
        "“We are moving as fast as we can,” a spokesman said.",
    ]


def test_disclaimers_and_copyright_credits_go() -> None:
    text = (
        "Minister meets counterpart at the Pentagon, August 30, 2024 © AP / Jane Doe\n"
        "The talks lasted two hours.\n"
        "Disclaimer: This site utilizes AI for research.\n"
        "A fleet arrived. (Image grab via @SomeAccount/X)\n"
    )
    assert paragraphs(text) == [
        "Minister meets counterpart at the Pentagon, August 30, 2024",
        "The talks lasted two hours.",
        "A fleet arrived.",
    ]


def test_words_that_look_like_furniture_inside_sentences_stay() -> None:
    text = "Officials will search for more menu options.\nComments from the minister were sharp.\n"
    assert paragraphs(text) == [
        "Officials will search for more menu options.",
        "Comments from the minister were sharp.",
    ]


def test_headline_is_chosen_by_shape_not_position() -> None:
    text = (
        "In a move prioritizing defense, the United States is sending missiles, officials said.\n\n"
        "US Rushes Interceptors to Kyiv\n\nThe rest of the story follows here.\n"
    )
    assert load_text(text).title == "US Rushes Interceptors to Kyiv"


def test_headline_falls_back_to_first_paragraph() -> None:
    text = "Only sentences here. Nothing looks like a headline.\n\nAnother sentence."
    assert load_text(text).title == "Only sentences here. Nothing looks like a headline."


def test_repeated_headline_at_the_end_is_removed() -> None:
    title = "Arms chiefs to meet on production in Brussels"
    text = f"{title}\n\nThe meeting starts soon.\n\n“We will sacrifice,” he said. {title}\n\nBack to top button\n"
    article = load_text(text)
    assert article.title == title
    assert article.text.count(title) == 1
    assert article.text.endswith("“We will sacrifice,” he said.")


def test_hard_wrapped_lines_are_joined() -> None:
    assert paragraphs("The Pentagon will send more\nmissiles next week.\n") == [
        "The Pentagon will send more missiles next week."
    ]


def test_offsets_index_the_cleaned_text() -> None:
    article = load_text(ARTICLE)
    for start, end in article.paragraphs:
        assert article.text[start:end].strip() == article.text[start:end]
    assert article.text.split("\n\n") == [article.text[s:e] for s, e in article.paragraphs]


def test_bom_crlf_and_cp1252() -> None:
    utf8 = load_bytes("\ufeffHeadline of the story here\r\nBody text.\r\n".encode())
    assert utf8.title == "Headline of the story here"
    assert "\r" not in utf8.text
    assert utf8.warnings == []
    latin = load_bytes("Caf\xe9 owners back Patriot deliveries\nBody.".encode("cp1252"), name="x.txt")
    assert latin.title == "Café owners back Patriot deliveries"
    assert latin.warnings and "cp1252" in latin.warnings[0]


def test_id_is_stable_across_line_endings_and_short() -> None:
    assert article_id("A b\r\nc") == article_id("A b\nc") == article_id("A  b \n c")
    assert len(article_id("x")) == 12


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "empty"), (b"  \n\t\n", "empty"), (b"\x7fELF\x00\x01\x02", "binary")],
)
def test_bad_bytes_are_input_errors(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode(data, "f")


def test_paths(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_path(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="directory"):
        load_path(tmp_path)
    only_furniture = tmp_path / "menu.txt"
    only_furniture.write_text("Menu\nSearch\nBack to top button\n")
    with pytest.raises(InputError, match="no article text"):
        load_path(only_furniture)


def test_control_characters_are_removed() -> None:
    article = load_text("Headline with a bell\x07 in it\nBody \x1b[2Jtext.")
    assert article.text == "Headline with a bell in it\n\nBody text."
