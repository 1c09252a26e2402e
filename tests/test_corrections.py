"""Corrections that stick: a date given later updates the stored article (re-ingest, a
folder, a dates file, `edit`), the same story in another format is one article, and a date
written any common way in JSON Lines is read (an unreadable one warns, naming the line)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

STORY = (
    "US sends more interceptors to Ukraine\n\n"
    "The Pentagon said on Friday it will send more interceptors for Ukraine's Patriot "
    "batteries, a senior defense official told reporters.\n\n"
    "The missiles will be delivered within weeks, the official said."
)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    path = folder / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def stored(cli, db: str) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    result = cli("--db", db, "articles", "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_a_date_given_later_updates_the_stored_article(cli, db: str, story: Path) -> None:  # type: ignore[no-untyped-def]
    assert "1 added" in cli("--db", db, "ingest", str(story)).stderr
    (before,) = stored(cli, db)
    assert before["published"]["inferred"] is True
    again = cli("--db", db, "ingest", str(story), "--published", "2025-07-11")
    assert again.exit_code == 0 and "0 added, 0 unchanged, 1 updated" in again.stderr
    (after,) = stored(cli, db)
    assert after["id"] == before["id"]
    assert after["published"] == {**after["published"], "date": "2025-07-11", "inferred": False}
    # Dates in the text now rest on the given day: "on Friday" is the Friday of that week.
    friday = next(t for t in after["time_expressions"] if t["text"] == "on Friday")
    assert friday["resolved"]["start"] == "2025-07-11" and friday["inferred"] is False
    # The same again changes nothing.
    assert (
        "1 unchanged, 0 updated" in cli("--db", db, "ingest", str(story), "--published", "2025-07-11").stderr
    )


def test_published_applies_to_every_document_of_a_folder(cli, db: str, story: Path) -> None:  # type: ignore[no-untyped-def]
    other = story.parent / "other.txt"
    other.write_text(STORY.replace("interceptors", "shells"), encoding="utf-8")
    cli("--db", db, "ingest", str(story.parent))
    result = cli("--db", db, "ingest", str(story.parent), "--published", "2024-03-01")
    assert result.exit_code == 0 and "2 updated" in result.stderr
    assert {a["published"]["date"] for a in stored(cli, db)} == {"2024-03-01"}


def test_the_same_story_as_json_lines_is_one_article_with_its_metadata(cli, db: str, story: Path) -> None:  # type: ignore[no-untyped-def]
    cli("--db", db, "ingest", str(story))
    title, body = STORY.split("\n\n", 1)
    feed = story.parent.parent / "feed.jsonl"
    feed.write_text(
        json.dumps({"title": title, "text": body, "published": "July 4, 2024", "source": "Wire",
                    "url": "https://example.com/story"}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    result = cli("--db", db, "ingest", str(feed))
    assert result.exit_code == 0 and "0 added, 0 unchanged, 1 updated" in result.stderr
    (article,) = stored(cli, db)
    assert (article["published"]["date"], article["source"], article["url"]) == (
        "2024-07-04",
        "Wire",
        "https://example.com/story",
    )


def test_an_unreadable_date_in_json_lines_warns_and_keeps_the_line(cli, db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    feed = tmp_path / "feed.jsonl"
    lines = [
        {
            "title": "One",
            "text": "One\n\nThe US sent HIMARS to Ukraine, officials said.",
            "published": "4 July 2024",
        },
        {
            "title": "Two",
            "text": "Two\n\nThe US sent NASAMS to Ukraine, officials said.",
            "published": "soon-ish",
        },
        {"title": "Three", "text": "Three\n\nThe US sent ATACMS to Ukraine.", "published": "July 2024"},
    ]
    feed.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    result = cli("--db", db, "ingest", str(feed))
    assert result.exit_code == 0 and "3 added" in result.stderr
    assert f"{feed}:2: published 'soon-ish' is not a date" in result.stderr
    assert f"{feed}:3: published 'July 2024' is not a date" in result.stderr  # no day: not a publication day
    dates = {a["title"]: (a["published"]["date"], a["published"]["inferred"]) for a in stored(cli, db)}
    assert dates["One"] == ("2024-07-04", False)
    assert dates["Two"][1] is True and dates["Three"][1] is True


def test_a_dates_file_dates_a_bulk_ingest(cli, db: str, story: Path) -> None:  # type: ignore[no-untyped-def]
    other = story.parent / "other.txt"
    other.write_text(STORY.replace("interceptors", "shells"), encoding="utf-8")
    sidecar = story.parent / "dates.csv"
    sidecar.write_text(
        "file,published,source\nstory.txt,2023-01-06,Wire\nother.txt,Jan 9 2023,\n", encoding="utf-8"
    )
    result = cli("--db", db, "ingest", str(story.parent), "--dates", str(sidecar))
    assert result.exit_code == 0 and "2 added" in result.stderr
    found = {a["path"].rsplit("/", 1)[-1]: (a["published"]["date"], a["source"]) for a in stored(cli, db)}
    assert found == {"story.txt": ("2023-01-06", "Wire"), "other.txt": ("2023-01-09", None)}


def test_a_bad_dates_file_is_one_clear_line(cli, db: str, story: Path) -> None:  # type: ignore[no-untyped-def]
    sidecar = story.parent / "dates.csv"
    sidecar.write_text("file,published\nstory.txt,someday\n", encoding="utf-8")
    result = cli("--db", db, "ingest", str(story), "--dates", str(sidecar))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "dates.csv:2: published 'someday' is not a date" in result.stderr


def test_edit_sets_one_articles_date_after_the_fact(cli, db: str, story: Path) -> None:  # type: ignore[no-untyped-def]
    cli("--db", db, "ingest", str(story), "--source", "Wire")
    (article,) = stored(cli, db)
    edited = cli("--db", db, "edit", str(article["id"])[:6], "--published", "2025-07-11")
    assert edited.exit_code == 0 and edited.stderr == f"armstrack: edit: {article['id']}: updated\n"
    (after,) = stored(cli, db)
    assert (after["published"]["date"], after["published"]["inferred"], after["source"]) == (
        "2025-07-11",
        False,
        "Wire",  # what was not given is kept
    )
    same = cli("--db", db, "edit", str(article["id"]), "--published", "2025-07-11")
    assert same.stderr.endswith(": unchanged\n")
    nothing = cli("--db", db, "edit", str(article["id"]))
    assert nothing.exit_code == 2 and "nothing to change" in nothing.stderr
