"""What a fact carries of its sentence: the whole sentence when it is short, as news
sentences are, else a window of whole words around the find, marked where cut."""

from __future__ import annotations

from armstrack.extract.pipeline import extract
from armstrack.loader import load_text
from armstrack.text import (
    CONTEXT_SIDE,
    CONTEXT_STEP,
    CONTEXT_WHOLE,
    CUT_MARK,
    Sentences,
    context_bounds,
    context_text,
)

WIDEST = 2 * CONTEXT_SIDE + CONTEXT_STEP  # the most a window holds besides a long find


def test_a_short_sentence_is_carried_whole() -> None:
    text = "The Pentagon said on Friday that more Patriot interceptors would reach Kyiv in the spring."
    assert context_bounds(text, 0, len(text), 38, 45) == (0, len(text))


def test_a_long_sentence_gives_whole_words_around_the_find() -> None:
    words = " ".join(f"word{i:03d}" for i in range(100))  # 799 characters, one sentence
    start = words.index("word050")
    lo, hi = context_bounds(words, 0, len(words), start, start + 7)
    assert lo <= start and hi >= start + 7
    assert hi - lo <= WIDEST
    assert start - lo >= 50 and hi - (start + 7) >= 50  # the find has words either side
    # Cut between words, never inside one, with no space left at either edge.
    assert words[lo - 1] == " " and words[lo] != " "
    assert words[hi] == " " and words[hi - 1] != " "
    shown = context_text(words, 0, len(words), lo, hi)
    assert shown.startswith(CUT_MARK + "word") and shown.endswith(CUT_MARK)
    assert "word050" in shown


def test_finds_close_together_share_one_window() -> None:
    words = " ".join(f"word{i:03d}" for i in range(100))
    sentences = Sentences.split(words, [(0, len(words))])
    near = [sentences.context(at, at + 7) for at in range(400, 400 + CONTEXT_STEP, 8)]
    assert all(c is near[0] for c in near)
    assert sentences.context(600, 607) is not near[0]


def test_a_find_near_the_sentence_start_is_marked_only_at_the_end() -> None:
    words = " ".join(f"word{i:03d}" for i in range(100))
    lo, hi = context_bounds(words, 0, len(words), 0, 7)
    shown = context_text(words, 0, len(words), lo, hi)
    assert lo == 0 and not shown.startswith(CUT_MARK) and shown.endswith(CUT_MARK)


def test_a_word_longer_than_the_window_does_not_push_past_the_find() -> None:
    text = "x" * 500 + " Patriot " + "y" * 500
    start = text.index("Patriot")
    lo, hi = context_bounds(text, 0, len(text), start, start + 7)
    assert (lo, hi) == (start, start + 7)


def test_every_mention_of_an_endless_sentence_carries_a_bounded_window() -> None:
    text = "Ministers said Patriot batteries and $1.5 billion in aid were coming " * 400
    record = extract(load_text(text))
    mentions = [m for s in record.systems for m in s.mentions] + record.amounts + record.quantities
    assert len(record.systems[0].mentions) == 400
    for m in mentions:
        assert m.sentence.cut
        assert (m.sentence.start, m.sentence.end) == (0, len(record.text))  # the full sentence's offsets
        window = m.sentence.text.strip(CUT_MARK)
        assert window in record.text and m.text in window
        assert len(window) <= WIDEST + len(m.text)
    for event in record.events:
        assert event.evidence.cut and len(event.evidence.text) <= WIDEST + 40


def test_ordinary_article_sentences_stay_whole() -> None:
    text = (
        "US to send more air defense to Ukraine\n\n"
        "The United States will send Ukraine another $400 million in weapons, including "
        "interceptors for its Patriot batteries, Defense Secretary Lloyd Austin said on Tuesday.\n\n"
        "The package is the 60th drawdown since August 2021, officials said."
    )
    record = extract(load_text(text))
    for m in [m for s in record.systems for m in s.mentions] + record.amounts:
        assert not m.sentence.cut
        assert record.text[m.sentence.start : m.sentence.end] == m.sentence.text
        assert len(m.sentence.text) <= CONTEXT_WHOLE


def test_a_sentence_glued_to_the_next_by_a_scrape_is_split() -> None:
    # "… more drones.Zelensky called …": a word's end, a stop and a capitalised word with no
    # space between (a scraper dropped it) end a sentence; "U.S.Army" and a
    # domain ("kyivpost.com") do not.
    text = "Kyiv wants more drones.Zelensky called the talks productive. The U.S.Army and kyivpost.com agree."
    sentences = Sentences.split(text, [(0, len(text))])
    assert [text[a:b] for a, b in zip(sentences.starts, sentences.ends, strict=True)] == [
        "Kyiv wants more drones.",
        "Zelensky called the talks productive.",
        "The U.S.Army and kyivpost.com agree.",
    ]
