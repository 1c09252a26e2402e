"""A polite, robust HTTP fetcher: what `ingest URL` and `update` use to read the web.

Polite: a User-Agent that names armstrack, robots.txt read once per site and obeyed, and a
pause between two requests to one host. Robust: timeouts, a few retries with backoff on 429
and 5xx (a ``Retry-After`` is honoured up to a cap), a size limit read as the body streams
in, redirects followed by hand so that each hop is checked, only http(s), and conditional
requests (ETag, Last-Modified) so that a second poll of an unchanged feed costs a 304.

Safe: a URL whose host resolves to a private, loopback or link-local address is refused
unless the user allows it (``--allow-private`` or ``ARMSTRACK_ALLOW_PRIVATE=1``): a feed must
not make armstrack probe the network it runs in. (The address is checked before each hop;
a host that changes its answer between the check and the connection can still slip by.)
"""

from __future__ import annotations

import ipaddress
import os
import socket
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from armstrack import __version__
from armstrack.errors import ArmstrackError

USER_AGENT = f"armstrack/{__version__} (+https://github.com/armstrack/armstrack; news reader for analysts)"
_REDIRECTS = {301, 302, 303, 307, 308}
_RETRY = {429, 500, 502, 503, 504}
_RETRY_AFTER_CAP = 30.0  # seconds: a server asking for longer is retried on the next update


class FetchError(ArmstrackError):
    """A URL that could not be read; the message says which and why, in one line."""


@dataclass(frozen=True, slots=True)
class Policy:
    """How politely and how defensively to fetch. The defaults suit polling a few dozen
    feeds; tests shorten the waits."""

    user_agent: str = USER_AGENT
    timeout: float = field(default_factory=lambda: _seconds("ARMSTRACK_TIMEOUT", 15.0))  # connect, each read
    retries: int = 2  # after the first try, on 429, 5xx and network errors
    backoff: float = field(default_factory=lambda: _seconds("ARMSTRACK_BACKOFF", 1.0))  # doubled each retry
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    host_interval: float = field(default_factory=lambda: _seconds("ARMSTRACK_HOST_INTERVAL", 1.0))
    allow_private: bool = field(default_factory=lambda: os.environ.get("ARMSTRACK_ALLOW_PRIVATE") == "1")
    obey_robots: bool = True


@dataclass(frozen=True, slots=True)
class Fetched:
    """One response: the final URL after redirects, and the body unless it was 304."""

    url: str
    status: int
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """One fetcher per command: it keeps the connection pool, what each site's robots.txt
    says and when each host was last asked."""

    def __init__(self, policy: Policy | None = None, *, sleep: Callable[[float], None] = time.sleep) -> None:
        self.policy = policy or Policy()
        self._sleep = sleep
        self._client = httpx.Client(
            headers={"User-Agent": self.policy.user_agent},
            timeout=self.policy.timeout,
            follow_redirects=False,
            trust_env=False,  # no proxy from the environment: the address checks would mean nothing
        )
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._last_request: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET ``url``, following redirects; ``etag``/``last_modified`` from an earlier
        response make the request conditional (a 304 comes back with an empty body)."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        seen: set[str] = set()
        for _ in range(self.policy.max_redirects + 1):
            self._check(url)
            if url in seen:
                raise FetchError(f"{url}: redirect loop")
            seen.add(url)
            response = self._request(url, headers)
            if response.status in _REDIRECTS:
                location = response.location
                if not location:
                    raise FetchError(f"{url}: redirect ({response.status}) without a Location")
                url = urljoin(url, location)
                continue
            return response.fetched
        raise FetchError(f"{url}: more than {self.policy.max_redirects} redirects")

    def _check(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"}:
            raise FetchError(
                f"{url}: only http and https URLs are fetched, not {parts.scheme or 'a bare path'}"
            )
        if not parts.hostname:
            raise FetchError(f"{url}: no host in the URL")
        if not self.policy.allow_private:
            try:
                addresses = _addresses(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
            except FetchError as exc:
                raise FetchError(f"{url}: {exc}") from None
            for address in addresses:
                if not address.is_global:
                    raise FetchError(
                        f"{url}: {parts.hostname} is a private or local address ({address}); "
                        "use --allow-private to fetch it"
                    )
        if self.policy.obey_robots and not self._allowed(url):
            raise FetchError(f"{url}: disallowed by the site's robots.txt")

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        rules = self._robots[origin]
        return rules is None or rules.can_fetch(self.policy.user_agent, url)

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """The site's rules; None (everything allowed) when it has no robots.txt. A site
        whose robots.txt fails with a server error is treated as disallowing everything
        for now (RFC 9309), and asked again on the next run."""
        url = f"{origin}/robots.txt"
        self._pause(url)
        try:
            response = self._stream(url, {})
        except FetchError:
            return None  # 4xx (no robots.txt) or too large: no rules
        except httpx.TransportError:
            return None  # unreachable: the page's own request will say so
        parser = urllib.robotparser.RobotFileParser(url)
        if response.status in _RETRY:
            parser.parse(["User-agent: *", "Disallow: /"])
            return parser
        if response.status != 200:
            return None
        parser.parse(response.fetched.body.decode("utf-8", errors="replace").splitlines())
        return parser

    def _request(self, url: str, headers: dict[str, str], retries: int | None = None) -> _Raw:
        tries = 1 + (self.policy.retries if retries is None else retries)
        wait = self.policy.backoff
        for attempt in range(tries):
            self._pause(url)
            try:
                raw = self._stream(url, headers)
            except httpx.TimeoutException:
                problem = f"timed out after {self.policy.timeout:g} s"
            except httpx.TransportError as exc:
                problem = f"network error ({type(exc).__name__})"
            else:
                if raw.status not in _RETRY:
                    return raw
                problem = f"HTTP {raw.status}"
                asked = _retry_after(raw.retry_after)
                if asked is not None:
                    if asked > _RETRY_AFTER_CAP:
                        break
                    wait = max(wait, asked)
            if attempt + 1 < tries:
                self._sleep(wait)
                wait *= 2
        raise FetchError(f"{url}: {problem}")

    def _stream(self, url: str, headers: dict[str, str]) -> _Raw:
        with self._client.stream("GET", url, headers=headers) as response:
            status = response.status_code
            if status in _REDIRECTS or status in _RETRY or status == 304:
                return _Raw(url, status, b"", response.headers)
            if status >= 400:
                raise FetchError(f"{url}: HTTP {status}")
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > self.policy.max_bytes:
                raise FetchError(
                    f"{url}: too large ({int(declared):,} bytes; the limit is {self.policy.max_bytes:,})"
                )
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.policy.max_bytes:
                    raise FetchError(f"{url}: too large (over {self.policy.max_bytes:,} bytes)")
                chunks.append(chunk)
            return _Raw(url, status, b"".join(chunks), response.headers)

    def _pause(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last_request.get(host)
        if last is not None:
            wait = self.policy.host_interval - (time.monotonic() - last)
            if wait > 0:
                self._sleep(wait)
        self._last_request[host] = time.monotonic()


@dataclass(frozen=True, slots=True)
class _Raw:
    url: str
    status: int
    body: bytes
    headers: httpx.Headers

    @property
    def location(self) -> str | None:
        value: str | None = self.headers.get("Location")
        return value

    @property
    def retry_after(self) -> str | None:
        value: str | None = self.headers.get("Retry-After")
        return value

    @property
    def fetched(self) -> Fetched:
        return Fetched(
            url=self.url,
            status=self.status,
            body=self.body,
            content_type=self.headers.get("Content-Type", "").split(";")[0].strip().lower(),
            etag=self.headers.get("ETag"),
            last_modified=self.headers.get("Last-Modified"),
        )


def _seconds(name: str, default: float) -> float:
    """Seconds from the environment (tests set the pause between requests to 0)."""
    try:
        return max(0.0, float(os.environ[name]))
    except (KeyError, ValueError):
        return default


def _retry_after(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None  # an HTTP date: the backoff decides


def _addresses(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except OSError as exc:
        raise FetchError(f"{host}: cannot resolve the host name ({exc.strerror or exc})") from None
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
