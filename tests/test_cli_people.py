from __future__ import annotations

import json


def test_actors_name_kirby_shows_roles_dated_by_article(cli) -> None:  # type: ignore[no-untyped-def]
    (kirby,) = json.loads(cli("actors", "--name", "Kirby", "--json").stdout)
    assert (kirby["id"], kirby["kind"], kirby["articles"]) == ("john-kirby", "person", 3)
    roles = [(r["role"], r["published"][:4]) for r in kirby["roles"]]
    assert roles[0] == ("Pentagon spokesperson", "2022")
    assert {year for _, year in roles[1:]} == {"2024"}
    assert all("White House National Security" in role for role, _ in roles[1:])


def test_actors_type_filter_and_bad_type(cli) -> None:  # type: ignore[no-untyped-def]
    rows = json.loads(cli("actors", "--type", "country", "--json").stdout)
    assert rows and {r["kind"] for r in rows} == {"country"}
    assert "ukraine" in {r["id"] for r in rows}
    bad = cli("actors", "--type", "robot")
    assert bad.exit_code == 2 and bad.stderr.count("\n") == 1
    # --kind is the event kind, as on every command: actors of articles reporting a strike.
    struck = {r["id"] for r in json.loads(cli("actors", "--kind", "strike", "--json").stdout)}
    everyone = {r["id"] for r in json.loads(cli("actors", "--json").stdout)}
    assert struck and struck < everyone


def test_actors_actor_filter_keeps_that_actor(cli) -> None:  # type: ignore[no-untyped-def]
    rows = json.loads(cli("actors", "--actor", "Kirby", "--json").stdout)
    assert [r["id"] for r in rows] == ["john-kirby"]


def test_quotes_by_speaker(cli) -> None:  # type: ignore[no-untyped-def]
    rows = json.loads(cli("quotes", "--speaker", "lavrov", "--json").stdout)
    assert [r["speaker"] for r in rows] == ["Sergey Lavrov", "Sergey Lavrov"]
    assert rows[0]["text"].startswith("This is blackmail")


def test_quotes_unnamed_sources_have_no_speaker(cli) -> None:  # type: ignore[no-untyped-def]
    rows = json.loads(cli("quotes", "--speaker", "defense official", "--json").stdout)
    assert rows and all(r["speaker"] is None and "official" in r["speaker_description"] for r in rows)


def test_actor_filter_on_timeline_and_search(cli) -> None:  # type: ignore[no-untyped-def]
    entries = json.loads(cli("timeline", "--actor", "Umerov", "--json").stdout)
    assert entries and all("rustem-umerov" in e["actors"] for e in entries)
    hits = json.loads(cli("search", "--actor", "Rutte", "--json").stdout)
    assert [h["article_id"] for h in hits] == ["72c39f7f707e"]
    missing = cli("search", "--actor", "Nobody Atall")
    assert missing.exit_code == 2 and "no actor matches" in missing.stderr


def test_systems_arc(cli) -> None:  # type: ignore[no-untyped-def]
    rows = {r["id"]: r for r in json.loads(cli("systems", "--json").stdout)}
    patriot = rows["patriot"]
    assert (patriot["articles"], patriot["first"]["start"][:7], patriot["last"]["start"][:7]) == (
        2,
        "2024-06",
        "2025-07",
    )
    assert patriot["kinds"][0] == "delivery" and {"sale", "stockpile"} <= set(patriot["kinds"])
    catalog = json.loads(cli("systems", "--catalog", "--json").stdout)
    assert len(catalog) >= 60


def test_timeline_kind_filter_rejects_unknown_kind(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("timeline", "--kind", "deliveries")
    assert result.exit_code == 2 and "did you mean delivery" in result.stderr
    entries = json.loads(cli("timeline", "--kind", "use_policy", "--json").stdout)
    assert entries and {e["kind"] for e in entries} == {"use_policy"}


def test_the_roles_column_shows_each_role_once_with_its_years() -> None:
    """A role stated in many articles (tens of thousands at 100,000) is one entry of the
    table's column, with the span of years; the order is that of first statement."""
    from armstrack.cli.people import roles_cell

    def said(role: str, published: str | None) -> dict[str, str | None]:
        return {"role": role, "article_id": "a", "published": published}

    roles = [
        said("Defense analyst", "2022-03-01"),
        said("Pentagon spokesperson", "2022-05-02"),
        said("defense analyst", "2023-01-09"),
        *[said("Defense analyst", "2025-06-30")] * 500,
        said("Adviser", None),
    ]
    assert roles_cell(roles) == "Defense analyst (2022–2025); Pentagon spokesperson (2022); Adviser (?)"
    assert roles_cell([said("Adviser", None), said("Adviser", "2024-01-01")]) == "Adviser (2024)"
    assert roles_cell([]) == ""


def test_actors_table_shows_kirbys_roles(cli) -> None:  # type: ignore[no-untyped-def]
    out = cli("actors", "--name", "Kirby").stdout
    assert "Pentagon spokesperson (2022)" in " ".join(out.split())
