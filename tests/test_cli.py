from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

SEED_000 = "e424a8ca58ca"  # SOFREP, Patriot and NASAMS
SEED_001 = "72c39f7f707e"  # WSJ via Politico, Patriot sales


def test_search_system_patriot_finds_seeds_000_and_001_only(cli) -> None:  # type: ignore[no-untyped-def]
    for name in ("Patriot", "patriot", "MIM-104"):
        result = cli("search", "--system", name, "--json")
        assert result.exit_code == 0, result.stderr
        assert [h["article_id"] for h in json.loads(result.stdout)] == [SEED_000, SEED_001]
        assert result.stderr == ""


def test_search_table_exact(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("search", "--system", "HARM")
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    # The title has the larger share of the free width (3 to the first match's 2).
    assert lines == [
        "id         published     source   title                              systems   first match",
        "─" * 100,
        "0967ad00   2022-09-21~            The meeting of the USA and         harm      RELATED: It took ‘a",
        "                                  partners on September 28 about               couple of months’ to",
        "                                  the industrial strategies of                 put US anti-radiation",
        "                                  armament of Ukraine                          missiles on Ukrainian",
        "                                                                               fighter jets, US Air",
        "                                                                               Force says",
    ]


def test_search_words_and_system_combine(cli) -> None:  # type: ignore[no-untyped-def]
    hits = json.loads(cli("search", "production line", "--system", "NASAMS", "--json").stdout)
    assert [h["article_id"] for h in hits] == [SEED_000]
    assert any(m["text"].lower() == "production" for m in hits[0]["matches"])
    assert json.loads(cli("search", "nonexistentword", "--json").stdout) == []


def test_unknown_system_is_a_usage_error_with_suggestion(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("search", "--system", "NASAM")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "did you mean NASAMS" in result.stderr


def test_timeline_json_entries_are_sourced_events(cli) -> None:  # type: ignore[no-untyped-def]
    from armstrack.models import EVENT_KINDS

    entries = json.loads(cli("timeline", "--json").stdout)
    assert entries
    for entry in entries:
        assert entry["kind"] in EVENT_KINDS
        assert entry["sources"]
        for source in entry["sources"]:
            assert len(source["article_id"]) == 12
            assert source["evidence"]["text"]
        assert set(entry) >= {"kind", "date", "systems", "actors", "amounts", "summary", "sources"}


def test_timeline_filters_and_limit(cli) -> None:  # type: ignore[no-untyped-def]
    entries = json.loads(cli("timeline", "--system", "ATACMS", "--json").stdout)
    assert entries and all("atacms" in e["systems"] for e in entries)
    everything = json.loads(cli("timeline", "--json").stdout)
    assert len(everything) < 100  # the seeds fit under the default limit: nothing is cut
    latest = cli("timeline", "--json", "--limit", "2")
    assert json.loads(latest.stdout) == everything[-2:]  # the latest two, still in date order
    assert (
        latest.stderr
        == f"armstrack: showing the latest 2 of {len(everything)} entries (--limit 0 shows all)\n"
    )
    assert json.loads(cli("timeline", "--json", "--limit", "0").stdout) == everything
    only = json.loads(cli("timeline", "--article", "e424", "--json").stdout)
    assert {e["sources"][0]["article_id"] for e in only} == {SEED_000}


def test_timeline_table_shows_kind_systems_and_month(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("timeline", "--system", "HIMARS")
    assert result.exit_code == 0
    assert "exercise" in result.stdout and "himars" in result.stdout and "2025-07" in result.stdout


def test_extract_json_is_one_object_with_the_contract(cli, seed_dir: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("extract", str(seed_dir / "002_e69a8b969b7dde78.txt"), "--json", "--source", "EconoTimes")
    record = json.loads(result.stdout)
    assert isinstance(record, dict)
    for key in ("schema_version", "id", "title", "source", "url", "path", "text", "published", "systems",
                "categories", "amounts", "actors", "quotes", "time_expressions", "events"):  # fmt: skip
        assert key in record
    assert record["source"] == "EconoTimes"
    assert [s["name"] for s in record["systems"]] == ["Javelin", "Stinger"]


def test_extract_published_given_wins(cli, seed_dir: Path) -> None:  # type: ignore[no-untyped-def]
    path = str(seed_dir / "000_15dbe5167617452f.txt")
    published = json.loads(cli("extract", path, "--json", "--published", "2024-06-21").stdout)["published"]
    assert published["date"] == "2024-06-21" and published["inferred"] is False


def test_extract_reads_stdin(cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    data = b"Kyiv gets more Javelins\n\nThe US sent Javelin missiles worth $100 million.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    record = json.loads(cli("extract", "-", "--json").stdout)
    assert record["systems"][0]["id"] == "javelin"
    assert record["amounts"][0]["value"] == 100e6


def test_extract_reads_every_ingest_format(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """extract reads a file as ingest does: HTML main text and date, front matter, JSON."""
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><title>US sends HIMARS rockets</title><meta property="article:published_time" '
        'content="2024-09-12T14:03:00Z"></head><body><nav>Home | World | Subscribe now!</nav><article>'
        "<h1>US sends HIMARS rockets</h1><p>The Pentagon announced on Wednesday a $250 million package "
        "that includes GMLRS rockets for HIMARS launchers.</p><p>The package is the 65th drawdown since "
        "August 2021, officials said.</p></article><footer>All rights reserved.</footer></body></html>",
        encoding="utf-8",
    )
    html = json.loads(cli("extract", str(page), "--json").stdout)
    assert html["title"] == "US sends HIMARS rockets"
    assert "<" not in html["text"] and "Subscribe" not in html["text"]
    assert html["published"]["date"] == "2024-09-12" and not html["published"]["inferred"]
    note = tmp_path / "note.md"
    note.write_text(
        "---\ntitle: Javelins for Kyiv\ndate: 2024-05-02\nsource: Example Wire\n---\n"
        "The US sent **Javelin** missiles worth $100 million to Ukraine.\n",
        encoding="utf-8",
    )
    md = json.loads(cli("extract", str(note), "--json").stdout)
    assert (md["title"], md["source"], md["published"]["date"]) == (
        "Javelins for Kyiv",
        "Example Wire",
        "2024-05-02",
    )
    assert "**" not in md["text"]
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "One about Javelins."}\n{"text": "Two about Stingers."}\n', encoding="utf-8")
    two = cli("extract", str(feed), "--json")
    assert two.exit_code == 2 and "holds 2 articles; extract reads one" in two.stderr


def test_extract_size_limit_and_max_size(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "big.txt"
    path.write_text("Patriots for Kyiv\n\n" + "The US sent Patriot missiles. " * 100, encoding="utf-8")
    refused = cli("extract", str(path), "--max-size", "1000")
    assert refused.exit_code == 2 and "over the 1,000-byte limit (--max-size raises it)" in refused.stderr
    assert cli("extract", str(path), "--max-size", "100000", "--json").exit_code == 0


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: (d / "bin.dat", (d / "bin.dat").write_bytes(b"\x7fELF\x00\x00\x01"))[0], "binary"),
        (lambda d: (d / "empty.txt", (d / "empty.txt").write_bytes(b""))[0], "empty"),
    ],
    ids=["missing", "directory", "binary", "empty"],
)
def test_extract_bad_input_is_one_line_exit_2(cli, tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("extract", str(make(tmp_path)), "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("armstrack: error: ") and result.stderr.count("\n") == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_published_date_and_unknown_command(cli, seed_dir: Path) -> None:  # type: ignore[no-untyped-def]
    bad = cli("extract", str(seed_dir / "000_15dbe5167617452f.txt"), "--published", "June 2024")
    assert (bad.exit_code, bad.stderr.count("\n")) == (2, 1)
    unknown = cli("frobnicate")
    assert unknown.exit_code == 2 and "No such command" in unknown.stderr


def test_show_by_prefix_and_errors(cli) -> None:  # type: ignore[no-untyped-def]
    record = json.loads(cli("show", "72c3", "--json").stdout)
    assert record["id"] == SEED_001
    shown = cli("show", "72c3")
    assert "Patriot" in shown.stdout and "legend" in shown.stdout
    missing = cli("show", "zzzz")
    assert missing.exit_code == 2 and "no article" in missing.stderr


def test_articles_lists_the_five_seeds(cli) -> None:  # type: ignore[no-untyped-def]
    records = json.loads(cli("articles", "--json").stdout)
    assert len(records) == 5
    assert {r["source"] for r in records} == {"SOFREP", "EconoTimes", None}
    sofrep = next(r for r in records if r["source"] == "SOFREP")
    assert sofrep["url"] == "https://sofrep.com/news/us-air-defense-support-ukraine/"
    dates = [r["published"]["date"] for r in records]
    assert dates == sorted(dates)  # listed in publication order


def test_schema_and_version(cli) -> None:  # type: ignore[no-untyped-def]
    schema = json.loads(cli("schema").stdout)
    assert {"systems", "amounts", "published", "events"} <= set(schema["properties"])
    assert cli("--version").stdout.startswith("armstrack ")


def test_untrusted_text_never_reaches_the_terminal_raw(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "evil.txt"
    path.write_text(
        "Patriot [bold red]alert[/] :warning: \x1b]0;pwned\x07 news\u202e here\n\nBody about Patriot."
    )
    result = cli("extract", str(path))
    assert result.exit_code == 0
    assert "[bold red]alert[/]" in result.stdout and ":warning:" in result.stdout
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout and "pwned" not in result.stdout


def test_search_limit_keeps_the_latest_articles(cli) -> None:  # type: ignore[no-untyped-def]
    every = [h["article_id"] for h in json.loads(cli("search", "Ukraine", "--json").stdout)]
    assert len(every) == 5
    dates = [h["published"]["date"] for h in json.loads(cli("search", "Ukraine", "--json").stdout)]
    assert dates == sorted(dates)
    latest = cli("search", "Ukraine", "--json", "-n", "2")
    assert [h["article_id"] for h in json.loads(latest.stdout)] == every[-2:]
    assert "showing the latest 2 of 5 articles" in latest.stderr


def test_store_json_matches_the_contract_models(cli) -> None:  # type: ignore[no-untyped-def]
    """The --json paths build dicts without pydantic; the models still define them."""
    from armstrack.corpus import seed_records
    from armstrack.filters import Filters
    from armstrack.query import SearchHit, TimelineEntry, search, timeline

    entries = json.loads(cli("timeline", "--json", "--limit", "0").stdout)
    assert [TimelineEntry.model_validate(e).model_dump(mode="json") for e in entries] == entries
    # The CLI (from the store) and the library (from records in memory) agree.
    assert [e.model_dump(mode="json") for e in timeline(seed_records(), Filters())] == entries
    hits = json.loads(cli("search", "Patriot", "--system", "NASAMS", "--json").stdout)
    assert hits and [SearchHit.model_validate(h).model_dump(mode="json") for h in hits] == hits
    library = search(seed_records(), Filters.build(systems=["NASAMS"], query="Patriot"))
    assert [h.model_dump(mode="json") for h in library] == hits


def test_every_command_help_ends_with_examples(cli) -> None:  # type: ignore[no-untyped-def]
    import typer

    from armstrack.cli import app, register

    register()
    names = sorted(c.name for c in typer.main.get_command(app).commands.values())  # type: ignore[attr-defined]
    assert {"timeline", "search", "articles", "quotes", "actors", "systems", "chart", "show"} <= set(names)
    for name in names:
        text = cli(name, "--help").stdout
        description = text.split("\nArguments:")[0].split("\nOptions:")[0].rstrip().splitlines()
        examples = description[description.index("  Examples:") + 1 :]
        assert 2 <= len(examples) <= 4 and all("armstrack " in line for line in examples), name


def test_command_table_names_every_command_and_its_module() -> None:
    import typer

    from armstrack.cli import COMMAND_MODULES, app, register

    register()
    group = typer.main.get_command(app)
    assert list(group.commands) == list(COMMAND_MODULES)  # type: ignore[attr-defined]
    for name, module in COMMAND_MODULES.items():
        command = group.commands[name]  # type: ignore[attr-defined]
        if hasattr(command, "commands"):  # a group (feeds): its subcommands live in the module
            callback = next(iter(command.commands.values())).callback
            assert callback.__module__ == f"armstrack.cli.{module}"
            continue
        callback = command.callback
        assert callback.__module__ == f"armstrack.cli.{module}" and callback.__name__ == name


def test_only_the_requested_command_is_built() -> None:
    from armstrack.cli import requested_command

    assert requested_command(["--db", "x.db", "timeline", "--json"]) == "timeline"
    assert requested_command(["--no-color", "search", "Patriot"]) == "search"
    assert requested_command(["--db", "timeline"]) is None  # "timeline" is --db's value here
    assert requested_command(["--help"]) is None and requested_command(["nonsense"]) is None


def test_system_option_completes_catalog_ids() -> None:
    from armstrack.cli.options import _complete_system

    assert "patriot" in _complete_system("pat")
    assert all(i.startswith("na") for i in _complete_system("NA")) and "nasams" in _complete_system("NA")


def test_shell_completion_installs_and_completes_system_ids(cli) -> None:  # type: ignore[no-untyped-def]
    import os
    import subprocess
    import sys

    script = cli("--show-completion", "bash")
    assert script.exit_code == 0 and "_armstrack_completion" in script.stdout
    env = {**os.environ, "_ARMSTRACK_COMPLETE": "complete_bash", "COMP_WORDS": "armstrack timeline --system pat",
           "COMP_CWORD": "3"}  # fmt: skip
    done = subprocess.run([sys.executable, "-m", "armstrack"], env=env, capture_output=True, text=True)
    assert "patriot" in done.stdout.split()


def test_the_cli_size_limit_is_the_library_default() -> None:
    from armstrack.cli.options import MAX_SIZE
    from armstrack.documents import DEFAULT_MAX_BYTES

    assert MAX_SIZE == DEFAULT_MAX_BYTES
