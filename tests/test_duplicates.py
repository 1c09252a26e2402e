"""One story is one article, whatever address or outlet it arrives from: texts of our own,
written as a wire story, its syndicated copy, an update of it and a rival's own report."""

from __future__ import annotations

import random
import zlib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from armstrack.neardup import SKETCH, THRESHOLD, closest, similarity, sketch
from armstrack.store import Store
from tests.conftest import extract_text

WIRE = """US to send more air defense interceptors to Ukraine

WASHINGTON — The United States will send Ukraine another batch of interceptors for its air defense
systems, the Pentagon said on Tuesday, as Russian missile and drone attacks on the country's power
grid intensified ahead of the winter.

The package, worth about $300 million, draws on existing Defense Department stocks and includes
missiles for NASAMS launchers, artillery rounds and spare parts for armored vehicles, a senior
defense official told reporters on condition of anonymity.

"The Ukrainians have been clear that air defense is their top priority, and we are listening," the
official said, adding that deliveries would begin within weeks.

Ukraine's defense minister thanked Washington in a post on social media and said the interceptors
would protect cities and energy infrastructure from the nightly barrages.

The announcement comes as lawmakers in Congress debate how much further help to approve next year."""

SYNDICATED = (
    WIRE.replace(
        "US to send more air defense interceptors to Ukraine",
        "Pentagon readies new interceptor shipment for Kyiv",
    )
    + "\n\n(Reporting by a staff correspondent; editing by the desk)"
)

UPDATED = (
    WIRE
    + """

Russia's embassy in Washington called the decision provocative and said it would prolong the war.

Officials said a further package could follow before the end of the year if stocks allow it."""
)

RIVAL = """Washington approves $300 million in weapons for Kyiv

The Biden administration on Tuesday approved a new $300 million weapons package for Ukraine, its
latest effort to shore up Kyiv's defenses against Russian strikes on energy facilities.

According to a Pentagon statement, the aid includes interceptors for the Norwegian-designed NASAMS
air defense system as well as 155 mm artillery shells and maintenance equipment.

"The Ukrainians have been clear that air defense is their top priority, and we are listening," a
senior official said during a briefing.

Critics in the House have questioned whether the administration has a strategy for ending the
conflict, and several Republicans have vowed to oppose further spending."""


def test_sketch_similarity_separates_copies_from_other_reports() -> None:
    wire = sketch(WIRE)
    assert similarity(wire, sketch(SYNDICATED)) >= 0.8
    assert similarity(wire, sketch(UPDATED)) >= THRESHOLD
    assert similarity(wire, sketch(RIVAL)) < 0.3
    assert sketch("Too short to judge.") == ()


def test_similarity_is_the_share_of_the_k_smallest_hashes_of_both_that_each_has() -> None:
    """Checked against the definition, written out plainly, on sketches of every size."""
    import random

    rnd = random.Random(19)
    for _ in range(3000):
        a = tuple(sorted(rnd.sample(range(500), rnd.randint(0, 80)))[:SKETCH])
        b = tuple(sorted(rnd.sample(range(500), rnd.randint(0, 80)))[:SKETCH])
        if not a or not b:
            assert similarity(a, b) == 0.0
            continue
        k = min(SKETCH, len(a), len(b))
        union = sorted(set(a) | set(b))[:k]
        assert similarity(a, b) == sum(1 for h in union if h in a and h in b) / k


def test_closest_is_the_most_similar_candidate_at_the_threshold_or_above() -> None:
    """Its quick pass-over of candidates sharing too few hashes changes no answer: checked
    against scoring every candidate, on stores of near copies and strangers."""
    import random

    rnd = random.Random(7)
    for _ in range(400):
        mine = tuple(sorted(rnd.sample(range(400), rnd.randint(1, 90)))[:SKETCH])
        candidates = []
        for n in range(rnd.randint(0, 12)):
            kept = [h for h in mine if rnd.random() < rnd.choice((0.5, 0.8, 0.95, 1.0))]
            theirs = tuple(sorted(set(kept) | set(rnd.sample(range(400), rnd.randint(0, 20))))[:SKETCH])
            candidates.append((f"a{n}", theirs))
        scored = [(similarity(mine, theirs), key) for key, theirs in candidates]
        best = max(scored, default=None)
        expected = best[1] if best is not None and best[0] >= THRESHOLD else None
        assert closest(mine, candidates) == expected
    assert closest((), [("a", (1, 2))]) is None


def test_a_syndicated_copy_at_another_url_is_one_article_with_both_sources(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    original = extract_text(WIRE, "2024-10-08").model_copy(
        update={"url": "https://wire.example/a", "source": "Wire"}
    )
    copy = extract_text(SYNDICATED, "2024-10-08").model_copy(
        update={"url": "https://paper.example/b", "source": "Paper"}
    )
    rival = extract_text(RIVAL, "2024-10-08").model_copy(
        update={"url": "https://other.example/c", "source": "Other"}
    )
    with store.transaction():
        outcomes = [store.put(original), store.put(copy), store.put(copy), store.put(rival)]
    assert outcomes == ["added", "duplicate", "duplicate", "added"]
    assert store.count() == 2
    sources = store.db.execute(
        "SELECT url, source FROM article_sources WHERE article_id = ? ORDER BY url", (original.id,)
    ).fetchall()
    assert sources == [("https://paper.example/b", "Paper"), ("https://wire.example/a", "Wire")]
    (url, title) = store.db.execute("SELECT url, title FROM articles WHERE id = ?", (original.id,)).fetchone()
    assert url == "https://wire.example/a" and "interceptors to Ukraine" in title  # the first copy stays


def test_the_same_text_at_a_second_url_keeps_the_first_as_its_home(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    first = extract_text(WIRE).model_copy(update={"url": "https://wire.example/a?utm_source=x"})
    second = extract_text(WIRE).model_copy(update={"url": "https://wire.example/amp/a"})
    with store.transaction():
        assert [store.put(first), store.put(second)] == ["added", "duplicate"]
    assert store.db.execute("SELECT count(*) FROM article_sources").fetchone() == (2,)


def test_a_near_copy_that_states_a_date_updates_the_stored_article_but_not_its_text(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    with store.transaction():
        assert store.put(extract_text(WIRE)) == "added"
        assert store.put(extract_text(UPDATED, "2024-10-08")) == "updated"
    (record,) = store.records()
    assert record.published.date is not None and record.published.date.isoformat() == "2024-10-08"
    assert not record.published.inferred
    assert "embassy" not in record.text


def _words(rnd: random.Random, n: int) -> str:
    return " ".join(rnd.choice(_VOCABULARY) for _ in range(n))


_VOCABULARY = (
    "army brigade convoy depot border winter supply shells rounds crews trainers officials "
    "minister allies budget vote senate house pentagon briefing statement reporters weeks "
    "months delays stocks factory contract order plant workers parts engines trucks rail "
    "port ships cargo airfield radar launcher battery interceptor drone missile strike city "
    "grid power night attack defense repair spare training camp river bridge front line"
).split()


def test_candidates_share_the_most_keys_and_skip_boilerplate_keys(tmp_path: Path) -> None:
    """A key more than ``_CANDIDATES`` stored articles share names none of them; the others
    name theirs, those that share the most keys first."""
    from armstrack.writes import _CANDIDATES, candidates

    store = Store(tmp_path / "s.db")
    store.db.execute("PRAGMA foreign_keys = OFF")  # keys alone, without their articles
    rows = [(1, f"footer-{n:03}") for n in range(_CANDIDATES + 10)]  # key 1: boilerplate
    rows += [(1, "copy"), (2, "copy"), (3, "copy"), (4, "other"), (5, "lone")]
    with store.transaction():
        store.db.executemany("INSERT INTO sketch_keys VALUES (?, ?)", rows)
    assert candidates(store.db, (1, 2, 3, 4)) == ["copy", "other"]
    assert candidates(store.db, (1,)) == []
    few = [(9, f"a{n}") for n in range(_CANDIDATES - 1)] + [(9, "lone")]  # as many as may be compared: kept
    with store.transaction():
        store.db.executemany("INSERT INTO sketch_keys VALUES (?, ?)", few)
    chosen = candidates(store.db, (9, 5))
    assert len(chosen) == _CANDIDATES and chosen[0] == "lone"  # it shares both keys


def test_a_copy_whose_smallest_hash_is_boilerplate_is_still_found(tmp_path: Path) -> None:
    """Two hundred stored stories end with one outlet's footer, and the footer holds the
    smallest hash of a story's copy: the copy is still one article with the story. (Taking
    the first fifty articles its keys named compared it with fifty of the footer's.)"""
    from armstrack.neardup import KEYS, SHINGLE

    rnd = random.Random(11)
    story = _words(rnd, 90)
    copy = story.replace(story.split()[40], "tanks", 1) + " updated"
    while True:  # a footer that holds the copy's smallest hash
        footer = _words(rnd, 25)
        keys = sketch(f"{copy} {footer}")[:KEYS]
        words = footer.split()
        in_footer = {
            zlib.crc32(" ".join(words[i : i + SHINGLE]).encode()) for i in range(len(words) - SHINGLE + 1)
        }
        if keys[0] in in_footer and not set(keys[1:]) & in_footer:
            break
    store = Store(tmp_path / "s.db")
    with store.transaction():
        for n in range(200):
            store.put(extract_text(f"Report {n}\n\n{_words(rnd, 90)} {footer}"))
        assert store.put(extract_text(f"Story\n\n{story} {footer}")) == "added"
        assert store.put(extract_text(f"Story, updated\n\n{copy} {footer}")) == "duplicate"
    assert store.count() == 201


def _sketch_as_defined(text: str) -> tuple[int, ...]:
    """The sketch as neardup.py's docstring defines it: the crc32 of each run of five
    words, joined by one space, as UTF-8; the smallest SKETCH of them."""
    import re

    words = re.findall(r"\w+", text.casefold())
    if len(words) < 24:
        return ()
    shingles = {" ".join(words[i : i + 5]) for i in range(len(words) - 4)}
    return tuple(sorted({zlib.crc32(s.encode("utf-8")) for s in shingles})[:SKETCH])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["aid", "Patriot", "ÉTÉ", "Київ", "日本", "ﬁre", "İstanbul", "x", "😀", "ß", "9"]),
        min_size=0,
        max_size=60,
    )
)
def test_a_sketch_hashes_the_same_bytes_as_its_definition(words: list[str]) -> None:
    text = " ".join(words)
    assert sketch(text) == _sketch_as_defined(text)
