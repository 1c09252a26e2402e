"""The fetcher against a real local server: every way the issue lists a server can
misbehave, and the courtesies a polite client owes it."""

from __future__ import annotations

import pytest

from armstrack.web.fetch import Fetcher, FetchError, Policy
from tests.websites import Reply, Site

FAST = Policy(timeout=1.0, retries=2, backoff=0.01, host_interval=0.0, allow_private=True)


def test_a_page_is_fetched_with_a_user_agent_naming_armstrack(site: Site) -> None:
    site.page("/a", "<html><body>hello</body></html>")
    with Fetcher(FAST) as fetcher:
        got = fetcher.get(site.url("/a"))
    assert got.status == 200 and got.body.startswith(b"<html>") and got.content_type == "text/html"
    assert site.asked("/a")[0]["user-agent"].startswith("armstrack/")


def test_404_is_one_clear_error(site: Site) -> None:
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError, match=r"/missing: HTTP 404"):
        fetcher.get(site.url("/missing"))


def test_500_then_success_is_retried(site: Site) -> None:
    site.routes["/flaky"] = lambda n, _: Reply(500, "oops") if n == 0 else Reply(200, "<p>ok</p>")
    with Fetcher(FAST) as fetcher:
        assert fetcher.get(site.url("/flaky")).body == b"<p>ok</p>"
    assert len(site.asked("/flaky")) == 2


def test_a_server_that_keeps_failing_is_given_up_after_the_retries(site: Site) -> None:
    site.routes["/down"] = lambda n, _: Reply(503, "down")
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError, match="HTTP 503"):
        fetcher.get(site.url("/down"))
    assert len(site.asked("/down")) == 3


def test_429_waits_as_long_as_retry_after_says() -> None:
    waits: list[float] = []
    server = Site()
    try:
        server.routes["/busy"] = lambda n, _: (
            Reply(429, "", headers={"Retry-After": "2"}) if n == 0 else Reply()
        )
        with Fetcher(FAST, sleep=waits.append) as fetcher:
            fetcher.get(server.url("/busy"))
    finally:
        server.close()
    assert 2.0 in waits


def test_a_slow_response_times_out(site: Site) -> None:
    site.routes["/slow"] = lambda n, _: Reply(200, "late", delay=1.5)
    policy = Policy(timeout=0.3, retries=0, host_interval=0.0, allow_private=True)
    with Fetcher(policy) as fetcher, pytest.raises(FetchError, match="timed out"):
        fetcher.get(site.url("/slow"))


def test_a_redirect_loop_stops(site: Site) -> None:
    site.routes["/a"] = lambda n, _: Reply(302, headers={"Location": "/b"})
    site.routes["/b"] = lambda n, _: Reply(302, headers={"Location": "/a"})
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError, match="redirect loop"):
        fetcher.get(site.url("/a"))


def test_redirects_are_followed_and_bounded(site: Site) -> None:
    for i in range(10):
        site.routes[f"/hop{i}"] = lambda n, _, i=i: Reply(301, headers={"Location": f"/hop{i + 1}"})
    site.page("/hop10", "<p>end</p>")
    with Fetcher(FAST) as fetcher:
        assert fetcher.get(site.url("/hop7")).url == site.url("/hop10")
        with pytest.raises(FetchError, match="more than 5 redirects"):
            fetcher.get(site.url("/hop0"))


def test_a_huge_body_is_cut_off_at_the_limit(site: Site) -> None:
    site.routes["/huge"] = lambda n, _: Reply(200, b"x" * 65536, chunks=200)  # 13 MB
    policy = Policy(max_bytes=1_000_000, host_interval=0.0, allow_private=True)
    with Fetcher(policy) as fetcher, pytest.raises(FetchError, match="too large"):
        fetcher.get(site.url("/huge"))


def test_robots_txt_is_obeyed(site: Site) -> None:
    site.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    site.page("/private/page", "<p>secret</p>")
    site.page("/public", "<p>open</p>")
    with Fetcher(FAST) as fetcher:
        assert fetcher.get(site.url("/public")).status == 200
        with pytest.raises(FetchError, match=r"robots\.txt"):
            fetcher.get(site.url("/private/page"))
    assert site.asked("/private/page") == []
    assert len(site.asked("/robots.txt")) == 1  # read once per site


def test_a_robots_txt_that_fails_with_a_server_error_disallows_everything_for_now(site: Site) -> None:
    site.routes["/robots.txt"] = lambda n, _: Reply(503, "busy", "text/plain")
    site.page("/page", "<p>hi</p>")
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError, match=r"robots\.txt"):
        fetcher.get(site.url("/page"))
    assert site.asked("/page") == []


def test_conditional_requests_get_304(site: Site) -> None:
    site.page(
        "/feed",
        "<rss/>",
        "application/rss+xml",
        ETag='"v1"',
        **{"Last-Modified": "Mon, 01 Jul 2024 10:00:00 GMT"},
    )
    with Fetcher(FAST) as fetcher:
        first = fetcher.get(site.url("/feed"))
        again = fetcher.get(site.url("/feed"), etag=first.etag, last_modified=first.last_modified)
    assert first.etag == '"v1"' and again.not_modified and again.body == b""
    assert site.asked("/feed")[1]["if-none-match"] == '"v1"'
    assert site.asked("/feed")[1]["if-modified-since"] == "Mon, 01 Jul 2024 10:00:00 GMT"


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/x", "javascript:alert(1)", "/relative"]
)
def test_only_http_and_https(url: str) -> None:
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError, match="only http and https"):
        fetcher.get(url)


def test_private_addresses_are_refused_unless_allowed(site: Site) -> None:
    site.page("/a", "<p>hi</p>")
    with Fetcher(Policy(host_interval=0.0, allow_private=False)) as fetcher:
        with pytest.raises(FetchError, match="private or local address"):
            fetcher.get(site.url("/a"))
        with pytest.raises(FetchError, match="private or local address"):
            fetcher.get("http://10.1.2.3/")  # refused before any connection is tried
    assert site.asked("/a") == []


def test_every_redirect_hop_is_checked(site: Site) -> None:
    # The hop is checked like the first URL (scheme, address, robots.txt).
    site.routes["/out"] = lambda n, _: Reply(302, headers={"Location": "file:///etc/passwd"})
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError, match="only http and https"):
        fetcher.get(site.url("/out"))


def test_requests_to_one_host_are_spaced(site: Site) -> None:
    site.page("/a", "<p>a</p>")
    waits: list[float] = []
    with Fetcher(
        Policy(host_interval=5.0, allow_private=True, obey_robots=False), sleep=waits.append
    ) as fetcher:
        fetcher.get(site.url("/a"))
        fetcher.get(site.url("/a"))
    assert len(waits) == 1 and 4.0 < waits[0] <= 5.0
