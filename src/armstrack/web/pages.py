"""A fetched page as a document to ingest: its main text and metadata (title, published
time, outlet, canonical URL) read by trafilatura, as for a saved .html file."""

from __future__ import annotations

from urllib.parse import urlsplit

from armstrack.documents import Document, html_document
from armstrack.errors import InputError
from armstrack.web.fetch import Fetched, FetchError

_HTML = {"text/html", "application/xhtml+xml"}


def page_document(page: Fetched) -> Document:
    """The article on ``page``. Its URL is the page's canonical one when the page names an
    http(s) canonical URL (so the same story at two addresses is one article), else the
    address it was fetched from."""
    looks_html = page.body.lstrip()[:1] == b"<"
    if page.content_type in _HTML or (not page.content_type and looks_html):
        try:
            doc = html_document(page.url, page.body)
        except InputError as exc:
            raise FetchError(str(exc)) from None
        canonical = doc.url
        doc.url = canonical if canonical and urlsplit(canonical).scheme in {"http", "https"} else page.url
        return doc
    if page.content_type == "text/plain":
        return Document(page.url, page.body, url=page.url)
    raise FetchError(f"{page.url}: not an article page ({page.content_type or 'no content type'})")
