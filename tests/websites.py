"""A real HTTP server on 127.0.0.1 for the fetcher, feed and page tests: fixture pages and
feeds of our own, and the ways real servers misbehave (errors, slowness, loops, huge
bodies). Each route is a function of the request count for that path, so "500, then 200"
is a route too. The server records every request it saw, with its headers."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Reply:
    status: int = 200
    body: bytes | str = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the headers are sent
    chunks: int = 1  # the body sent this many times (a huge body without building it)


Route = Callable[[int, dict[str, str]], Reply]  # (how many times this path was asked before, headers)


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                headers = {k.lower(): v for k, v in self.headers.items()}
                with site._lock:
                    count = sum(1 for path, _ in site.requests if path == self.path)
                    site.requests.append((self.path, headers))
                route = site.routes.get(self.path)
                reply = route(count, headers) if route else Reply(404, "not here", "text/plain")
                if reply.delay:
                    time.sleep(reply.delay)
                body = reply.body.encode("utf-8") if isinstance(reply.body, str) else reply.body
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", reply.content_type)
                    self.send_header("Content-Length", str(len(body) * reply.chunks))
                    for key, value in reply.headers.items():
                        self.send_header(key, value)
                    self.end_headers()
                    for _ in range(reply.chunks):
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a size limit or a timeout): what the test wants

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def page(
        self, path: str, body: str, content_type: str = "text/html; charset=utf-8", **headers: str
    ) -> None:
        """A fixed page, with ETag/Last-Modified answered by 304 when the client has them."""

        def route(_: int, asked: dict[str, str]) -> Reply:
            etag = headers.get("ETag")
            if etag and asked.get("if-none-match") == etag:
                return Reply(304, b"", content_type, dict(headers))
            return Reply(200, body, content_type, dict(headers))

        self.routes[path] = route

    def asked(self, path: str) -> list[dict[str, str]]:
        return [headers for p, headers in self.requests if p == path]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """A local site; armstrack may fetch from 127.0.0.1 while it runs, without waiting
    between requests."""
    monkeypatch.setenv("ARMSTRACK_ALLOW_PRIVATE", "1")
    monkeypatch.setenv("ARMSTRACK_HOST_INTERVAL", "0")
    monkeypatch.setenv("ARMSTRACK_TIMEOUT", "0.5")
    monkeypatch.setenv("ARMSTRACK_BACKOFF", "0.01")
    server = Site()
    yield server
    server.close()
