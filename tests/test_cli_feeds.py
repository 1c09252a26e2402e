"""`feeds` and `update` against a real local server: feeds and pages of our own, and
every way the issue lists a server can fail. A second update adds nothing and asks with
conditional requests."""

from __future__ import annotations

import json
from html import escape

from tests.websites import Reply, Site

STORY = (
    "The Pentagon will send Ukraine another Patriot battery and more interceptors, officials said on Monday. "
    "The package, worth $400 million, also includes artillery rounds for Ukrainian howitzers and spare parts "
    "for armored vehicles already delivered. A senior official said the air defense system would be deployed "
    "to protect Kyiv's power plants from nightly missile and drone attacks. Lawmakers in Washington welcomed "
    "the decision, while Moscow warned that more Western weapons would only prolong the fighting."
)
OTHER_STORY = (
    "Ukraine has received the first of the Abrams tanks promised by Washington, President Volodymyr Zelensky "
    "said in his nightly address. The M1 tanks will join brigades training for the counteroffensive, and more "
    "are expected by the end of the month. A Pentagon spokesman confirmed the delivery but gave no numbers, "
    "citing security, and said crews had trained on the tanks in Germany since the spring."
)
FOOTBALL = (
    "The Patriots beat the Jets 24-17 on Sunday as the quarterback threw two touchdowns in the fourth quarter. "
    "The head coach praised the defense after the game, and the Patriots moved to 5-2 on the season."
)


def page(title: str, body: str, canonical: str | None = None, published: str = "2025-07-14") -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    paragraphs = "".join(f"<p>{escape(p.rstrip('.'))}.</p>" for p in body.split(". "))
    return (
        f'<html><head><title>{escape(title)}</title>{link}<meta property="og:site_name" content="Example News">'
        f'<meta property="article:published_time" content="{published}T10:00:00Z">'
        '<meta name="author" content="Dana Reporter"></head>'
        f"<body><article><h1>{escape(title)}</h1>{paragraphs}</article></body></html>"
    )


def rss(site: Site, paths: list[str], extra: str = "") -> str:
    items = "".join(f"<item><title>Item {p}</title><link>{site.url(p)}</link></item>" for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example feed</title>{items}{extra}</channel></rss>'


def test_update_fetches_a_feed_and_a_second_update_adds_nothing(site: Site, cli) -> None:  # type: ignore[no-untyped-def]
    site.page("/a", page("Patriots for Kyiv", STORY))
    site.page("/sports", page("Patriots win", FOOTBALL))
    site.page("/feed.xml", rss(site, ["/a", "/sports"]), "application/rss+xml", ETag='"feed-1"')
    assert cli("feeds", "add", site.url("/feed.xml")).exit_code == 0
    first = cli("update")
    assert first.exit_code == 0, first.stderr
    assert "1 feeds polled; items: 1 new, 0 unchanged, 0 duplicate, 1 off-topic, 0 failed" in first.stderr
    found = json.loads(cli("search", "--system", "Patriot", "--json").stdout)
    assert [a["url"] for a in found if a["url"] == site.url("/a")] == [site.url("/a")]
    articles = {a["url"]: a for a in json.loads(cli("articles", "--json").stdout)}
    assert articles[site.url("/a")]["source"] == "Example News"
    assert site.url("/sports") not in articles

    second = cli("update")
    assert "0 new" in second.stderr and "0 failed" in second.stderr
    assert site.asked("/feed.xml")[-1]["if-none-match"] == '"feed-1"'
    assert len(site.asked("/a")) == 1  # never fetched again
    listed = json.loads(cli("feeds", "list", "--json").stdout)
    assert (
        listed[0]["url"] == site.url("/feed.xml")
        and listed[0]["items"] == 2
        and listed[0]["title"] == "Example feed"
    )


def test_atom_and_json_feeds(site: Site, cli) -> None:  # type: ignore[no-untyped-def]
    site.page("/a", page("Patriots for Kyiv", STORY))
    site.page("/b", page("Abrams arrive", OTHER_STORY))
    atom = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title>'
        f'<entry><title>A</title><link href="{site.url("/a")}"/><id>a</id><updated>2025-07-14T00:00:00Z</updated></entry>'
        "</feed>"
    )
    site.page("/atom.xml", atom, "application/atom+xml")
    site.page(
        "/feed.json",
        json.dumps(
            {"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [{"id": "b", "url": "/b"}]}
        ),
        "application/feed+json",
    )
    cli("feeds", "add", site.url("/atom.xml"))
    cli("feeds", "add", site.url("/feed.json"))
    result = cli("update")
    assert "2 feeds polled; items: 2 new" in result.stderr, result.stderr


def test_failures_are_one_line_each_and_retried_next_time(site: Site, cli) -> None:  # type: ignore[no-untyped-def]
    site.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    site.routes["/flaky"] = lambda n, _: Reply(500, "oops") if n < 3 else Reply(200, page("Patriots", STORY))
    site.routes["/slow"] = lambda n, _: Reply(200, page("Slow", STORY), delay=1.0)
    site.routes["/loop1"] = lambda n, _: Reply(302, headers={"Location": "/loop2"})
    site.routes["/loop2"] = lambda n, _: Reply(302, headers={"Location": "/loop1"})
    site.routes["/huge"] = lambda n, _: Reply(200, b"<p>" + b"x" * 65536, chunks=100)  # 6.5 MB
    site.page("/image.png", "\x89PNG", "image/png")
    site.page("/private/story", page("Private", STORY))
    paths = ["/missing", "/flaky", "/slow", "/loop1", "/huge", "/image.png", "/private/story"]
    malformed = "<item><title>No link at all</title></item>"
    site.page("/feed.xml", rss(site, paths, malformed), "application/rss+xml")
    site.routes["/gone.xml"] = lambda n, _: Reply(404, "no")
    cli("feeds", "add", site.url("/feed.xml"))
    cli("feeds", "add", site.url("/gone.xml"))

    result = cli("update")
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("armstrack: warning:")]
    assert len(lines) == 9, result.stderr  # 7 items, the malformed one, the missing feed
    text = "\n".join(lines)
    for expected in ("HTTP 404", "HTTP 500", "timed out", "redirect loop", "too large", "not an article page",
                     "robots.txt", "without a link"):  # fmt: skip
        assert expected in text, expected
    assert "Traceback" not in result.stderr
    assert "2 feeds polled; items: 0 new" in result.stderr

    again = cli("update")  # the flaky page now answers (3 failures were its first try's)
    assert "1 new" in again.stderr, again.stderr
    assert len(site.asked("/image.png")) == 2  # failed items are tried again


def test_the_same_story_at_two_urls_and_syndicated_is_stored_once_with_its_sources(site: Site, cli) -> None:  # type: ignore[no-untyped-def]
    canonical = site.url("/story")
    site.page("/story", page("Patriots for Kyiv", STORY, canonical))
    site.page("/story?utm=feed", page("Patriots for Kyiv", STORY, canonical))
    syndicated = page(
        "Kyiv to get Patriot battery", STORY + " (Reporting by a correspondent.)", site.url("/syn")
    )
    site.page("/syn", syndicated)
    site.page("/feed.xml", rss(site, ["/story", "/story?utm=feed", "/syn"]), "application/rss+xml")
    cli("feeds", "add", site.url("/feed.xml"))
    result = cli("update")
    assert "1 new, 1 unchanged, 1 duplicate" in result.stderr, result.stderr
    articles = json.loads(cli("articles", "--json").stdout)
    mine = [a for a in articles if a["url"] and a["url"].startswith(site.base)]
    assert len(mine) == 1 and mine[0]["url"] == canonical
    assert [s["url"] for s in mine[0]["sources"]] == [canonical, site.url("/syn")]
    shown = json.loads(cli("show", mine[0]["id"], "--json").stdout)
    assert shown["sources"] == mine[0]["sources"]


def test_ingest_url_fetches_one_page(site: Site, cli) -> None:  # type: ignore[no-untyped-def]
    site.page("/one", page("Patriots for Kyiv", STORY, published="2025-07-14"))
    result = cli("ingest", site.url("/one"))
    assert result.exit_code == 0 and "1 added" in result.stderr, result.stderr
    (article,) = [a for a in json.loads(cli("articles", "--json").stdout) if a["url"] == site.url("/one")]
    assert article["published"]["date"] == "2025-07-14" and article["published"]["inferred"] is False
    assert article["author"] == "Dana Reporter" and article["title"] == "Patriots for Kyiv"
    bad = cli("ingest", site.url("/nope"))
    assert bad.exit_code == 1 and "HTTP 404" in bad.stderr and "Traceback" not in bad.stderr


def test_private_addresses_need_allow_private(site: Site, cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("ARMSTRACK_ALLOW_PRIVATE")
    site.page("/one", page("Patriots for Kyiv", STORY))
    refused = cli("ingest", site.url("/one"))
    assert refused.exit_code == 1 and "--allow-private" in refused.stderr
    assert cli("ingest", "--allow-private", site.url("/one")).exit_code == 0


def test_feeds_add_remove_and_bad_urls(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("feeds", "add", "https://example.org/rss").exit_code == 0
    assert "already following" in cli("feeds", "add", "https://example.org/rss").stderr
    assert cli("feeds", "add", "file:///etc/passwd").exit_code == 2
    assert cli("feeds", "remove", "https://example.org/rss").exit_code == 0
    missing = cli("feeds", "remove", "https://example.org/rss")
    assert missing.exit_code == 2 and "not a feed" in missing.stderr
    assert json.loads(cli("feeds", "list", "--json").stdout) == []


def test_update_skips_every_off_topic_fixture_and_keeps_on_topic_ones(site: Site, cli) -> None:  # type: ignore[no-untyped-def]
    from tests.test_relevance import OFF_TOPIC, ON_TOPIC

    paths = []
    for i, text in enumerate(OFF_TOPIC.values()):
        title, body = text.split("\n\n", 1)
        site.page(f"/off{i}", page(title, body))
        paths.append(f"/off{i}")
    for i, (text, _) in enumerate(ON_TOPIC.values()):
        title, body = text.split("\n\n", 1)
        site.page(f"/on{i}", page(title, body))
        paths.append(f"/on{i}")
    site.page("/feed.xml", rss(site, paths), "application/rss+xml")
    cli("feeds", "add", site.url("/feed.xml"))
    result = cli("update")
    assert (
        f"{len(ON_TOPIC)} new, 0 unchanged, 0 duplicate, {len(OFF_TOPIC)} off-topic, 0 failed"
        in result.stderr
    )
    stored = {a["url"]: a for a in json.loads(cli("articles", "--json").stdout)}
    for i, (_, systems) in enumerate(ON_TOPIC.values()):
        assert {s["id"] for s in stored[site.url(f"/on{i}")]["systems"]} == systems
    assert not any(site.url(f"/off{i}") in stored for i in range(len(OFF_TOPIC)))
    kept = cli("update", "--all")  # the items skipped as off-topic are fetched again and kept
    assert f"{len(OFF_TOPIC)} new, {len(ON_TOPIC)} unchanged" in kept.stderr, kept.stderr
    assert "0 new" in cli("update", "--all").stderr
