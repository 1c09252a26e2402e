"""`armstrack report`: one self-contained page, loaded in a real headless Chromium — the
seeds' report and one made from a hostile article (markup, scripts, `javascript:` links,
control characters): no console message (a CSP violation would be one), no script from the
article runs, and the timeline, charts and sources are there."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

HOSTILE_TITLE = "Patriot <script>document.title='PWNED'</script><img src=x onerror=\"document.title='PWNED'\"> \x1b[31mred\x07"
HOSTILE_TEXT = (
    "The Pentagon will send Ukraine another Patriot battery <script>document.body.innerHTML='PWNED'</script>, "
    "officials said on Monday, 14 July 2025. The $400 million package includes interceptors "
    '<a href="javascript:alert(1)">click</a> and <iframe src="http://example.invalid/"></iframe> artillery rounds.'
    "\n\nUkraine's defense minister said the deliveries would begin within weeks \x1b]8;;http://evil.example\x07x."
)


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def load(page: Path) -> tuple[str, list[str]]:
    """The DOM after Chromium loaded the page, and every console message it logged."""
    browser = chromium()
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install Debian's chromium (.ci/run does)")
        pytest.skip("no Chromium on this machine (apt-get install chromium)")
    result = subprocess.run(
        [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
         "--user-data-dir=" + str(page.parent / "profile"), "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    return result.stdout, console


def test_the_seeds_report_loads_clean_in_chromium(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "report.html"
    result = cli("report", "-o", str(page))
    assert result.exit_code == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in html and "script-src 'none'" in html
    assert "<script" not in html.lower() and "http-equiv" in html
    assert not re.search(r"""(?:src|href)=["']?(?!https?:|#)[a-z]+:""", html)  # no other scheme is linked
    dom, console = load(page)
    assert console == []
    assert dom.count("<svg") == 3 and "<rect" in dom  # events, dollars, mentions
    assert dom.count('class="entry"') == len(json.loads(cli("timeline", "--json", "--limit", "0").stdout))
    assert dom.count("<mark>") >= dom.count('class="entry"')  # every source's sentence highlighted
    assert 'id="packages"' in dom


def test_a_hostile_article_is_text_in_the_report(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    feed = tmp_path / "hostile.jsonl"
    item = {"title": HOSTILE_TITLE, "text": HOSTILE_TEXT, "url": "javascript:alert(1)", "source": "<b>Evil</b>",
            "published": "2025-07-14"}  # fmt: skip
    feed.write_text(json.dumps(item) + "\n", encoding="utf-8")
    db = str(tmp_path / "hostile.db")
    assert cli("--db", db, "ingest", str(feed)).exit_code == 0
    page = tmp_path / "hostile.html"
    assert cli("--db", db, "report", "-o", str(page)).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html.lower() and "<iframe" not in html.lower() and "<img" not in html.lower()
    assert "javascript:" not in html.replace("&lt;a href=&quot;javascript:", "")  # only as escaped text
    assert "\x1b" not in html and "\x07" not in html
    assert "&lt;script&gt;" in html  # the article's markup is shown as the text it is
    dom, console = load(page)
    assert console == []
    assert "PWNED" not in dom.split("&lt;script&gt;")[0]  # nothing ran: the marker is only in escaped text
    assert "<title>armstrack report</title>" in dom
    assert 'class="entry"' in dom and "<mark>" in dom and "<svg" in dom


def test_report_to_stdout_and_bad_output(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("report", "-o", "-", "--system", "Patriot")
    assert result.exit_code == 0 and result.stdout.startswith("<!DOCTYPE html>")
    assert "<code>--system Patriot</code>" in result.stdout
    bad = cli("report", "-o", str(tmp_path))
    assert bad.exit_code == 2 and "directory" in bad.stderr


def test_a_day_resting_on_a_guessed_year_is_marked_uncertain() -> None:
    from armstrack.report import ReportData, render

    def entry(precision: str) -> dict[str, object]:
        published = {"date": "2025-12-25", "earliest": "2025-01-20", "latest": "2026-11-29",
                     "precision": precision, "inferred": True}  # fmt: skip
        source = {"article_id": "a" * 12, "title": "T", "source": None, "url": None, "published": published,
                  "evidence": {"text": "Trump said on Monday.", "start": 0, "end": 21}}  # fmt: skip
        return {"kind": "meeting", "status": "planned", "date": {"start": "2025-12-29", "end": "2025-12-29",
                "precision": "day"}, "inferred": True, "systems": [], "actors": [], "amount": None,
                "summary": "Trump said on Monday.", "sources": [source]}  # fmt: skip

    def page(precision: str) -> str:
        return render(ReportData("now", [], [entry(precision)], {}, [], []))

    assert "uncertain date" in page("year") and "between 2025-01-20 and 2026-11-29" in page("year")
    assert "uncertain date" not in page("day") and "between" not in page("day")


def _timeline_and_charts(page: str) -> str:
    """The page from its charts to the end of its timeline (the header states the time)."""
    return page[page.index('<h2 id="charts">') : page.index("</main>")]


def test_a_report_written_as_entries_come_is_the_page_of_all_of_them(cli, db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The command writes the page as the entries come, newest first, from their merged
    groups (the month chart) and the store (texts, names): the same page as one drawn from
    every entry, text and name held at once."""
    from armstrack.report import ReportData, render
    from armstrack.store import Store

    # Two pages drawn a minute apart differ in their "Made" line: pin it, as a reproducible
    # build would (a run that straddled a minute once failed here).
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")

    assert cli("--db", db, "ingest", "--with-seeds").exit_code == 0
    store = Store(Path(db), readonly=True)
    texts = dict(store.db.execute("SELECT id, text FROM articles"))
    names = store.actor_names()
    store.close()
    for limit, filters in (
        (2000, []),
        (2000, ["--system", "Patriot"]),
        (3, []),
        (2000, ["--kind", "delivery"]),
    ):
        target = tmp_path / "r.html"
        args = ["--limit", str(limit), *filters]
        assert cli("--db", db, "report", "-o", str(target), *args).exit_code == 0
        written = target.read_text(encoding="utf-8")
        assert cli("--db", db, "report", "-o", "-", *args).stdout == written
        every = json.loads(cli("--db", db, "timeline", "--json", *args).stdout)  # oldest first
        total = len(json.loads(cli("--db", db, "timeline", "--json", "--limit", "0", *filters).stdout))
        whole = render(
            ReportData("now", [], list(reversed(every)), texts, [], [], names=names,
                       shown_of=(len(every), total) if total > len(every) else None)
        )  # fmt: skip
        drawn = _timeline_and_charts(whole)
        assert drawn[drawn.index('<h2 id="timeline">') :] in written, args
        made = _timeline_and_charts(written)
        assert made[: made.index("Dollars announced")] == drawn[: drawn.index("Dollars announced")], args
        assert f"{len(every):,} timeline entries ·" in written and len(every) > (2 if limit == 3 else 3)


def test_a_report_that_fails_halfway_leaves_the_one_before(cli, db, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from armstrack import report

    assert cli("--db", db, "ingest", "--with-seeds").exit_code == 0
    target = tmp_path / "r.html"
    assert cli("--db", db, "report", "-o", str(target)).exit_code == 0
    before = target.read_bytes()
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()  # made as any file is
    calls = []

    def failing(entry, data):  # type: ignore[no-untyped-def]
        calls.append(entry)
        if len(calls) > 2:
            raise RuntimeError("disk gone")
        return "<article></article>"

    monkeypatch.setattr(report, "_entry", failing)
    assert cli("--db", db, "report", "-o", str(target)).exit_code != 0
    assert target.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in tmp_path.iterdir() if not p.name.endswith(".tmp")
    )


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_report_into_a_pipe_or_through_a_link_keeps_them(cli, db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A pipe or a device (`-o /dev/stdout`) is written as the page comes, and stays what it
    is; a link keeps pointing at its file, which gets the new page. (Replacing the target
    with the finished file replaced /dev/stdout itself, run as root.)"""
    import threading

    assert cli("--db", db, "ingest", "--with-seeds").exit_code == 0
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = cli("--db", db, "report", "-o", str(fifo))
    reader.join(timeout=60)
    assert result.exit_code == 0 and received and received[0].startswith(b"<!DOCTYPE html>")
    assert fifo.is_fifo()
    elsewhere = tmp_path / "shared"
    elsewhere.mkdir()
    page = elsewhere / "report.html"
    page.write_text("old", encoding="utf-8")
    link = tmp_path / "report.html"
    link.symlink_to(page)
    assert cli("--db", db, "report", "-o", str(link)).exit_code == 0
    assert link.is_symlink() and page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in elsewhere.iterdir()) == ["report.html"]


def test_a_report_says_when_it_was_made_now_or_when_source_date_epoch_says(cli, db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    assert cli("--db", db, "ingest", "--with-seeds").exit_code == 0
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = dt.datetime.now(dt.UTC).replace(second=0, microsecond=0)
    page = cli("--db", db, "report", "-o", "-").stdout
    made = dt.datetime.fromisoformat(page.split("Made ", 1)[1].split(" by", 1)[0])
    assert before <= made <= dt.datetime.now(dt.UTC)
    # 1700000000 s after 1970-01-01 is 2023-11-14 22:13:20 UTC (date -u -d @1700000000).
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = cli("--db", db, "report", "-o", "-")
    assert "Made 2023-11-14T22:13+00:00 by" in first.stdout
    assert cli("--db", db, "report", "-o", "-").stdout == first.stdout
    for bad in ("yesterday", "1.5", "99999999999999999999"):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", bad)
        refused = cli("--db", db, "report", "-o", "-")
        assert refused.exit_code == 2 and refused.stdout == ""
        assert refused.stderr.count("\n") == 1 and "SOURCE_DATE_EPOCH" in refused.stderr
