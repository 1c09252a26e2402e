"""One self-contained HTML page of what armstrack found: the report an analyst can send.

The page fetches nothing (no script, style sheet, font or image from anywhere) and runs no
script at all: its charts are inline SVG, its one style sheet is inline and allowed by its
hash in the page's Content-Security-Policy, which forbids every script. Article text is
untrusted: every string goes through ``_text`` (control characters removed, then HTML-
escaped), and a link is written only for an http(s) URL.

Sections: what the report covers (when made, the filters, the counts); charts (events and
dollars announced per month, mentions per system); the timeline by month, each entry with
its kind, status, systems, amount and sources, each source with its evidence sentence
highlighted in its paragraph and a link to the article; and the package ledger rows the
filters choose.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from armstrack.render import clean, show_published
from armstrack.timeline import event_sentence

STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d232b;background:#fbfbfa}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 8px;border-bottom:1px solid #ddd}
h3{font-size:16px;margin:20px 0 6px;color:#45505c}
.meta{color:#5b6673;font-size:13px}.meta code{background:#eef0f2;padding:1px 4px;border-radius:3px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:16px}
figure{margin:0;background:#fff;border:1px solid #e3e5e8;border-radius:6px;padding:10px}
figcaption{font-weight:600;font-size:13px;margin-bottom:6px}
svg text{font:11px system-ui,sans-serif;fill:#45505c}
.entry{background:#fff;border:1px solid #e3e5e8;border-radius:6px;padding:10px 12px;margin:8px 0}
.head{display:flex;flex-wrap:wrap;gap:6px;align-items:baseline}
.date{font-weight:600;min-width:96px}.tag{font-size:12px;padding:1px 6px;border-radius:10px;background:#eef0f2}
.kind{background:#dde9f7}.status-planned,.status-considered,.status-requested{background:#fdf1d6}
.status-denied{background:#f9dcdc}.status-done{background:#dcf1e0}.sys{background:#e8e1f5}
.amount{font-weight:600}.summary{margin:6px 0}
details{margin:4px 0 0;font-size:14px}summary{cursor:pointer;color:#45505c}
.source{margin:6px 0 6px 12px;padding-left:8px;border-left:3px solid #d5d9de}
.context{color:#45505c}mark{background:#fff1a8;color:inherit;padding:0 1px}
table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}
th,td{border-bottom:1px solid #e3e5e8;text-align:left;padding:4px 6px;vertical-align:top}
td.num{text-align:right;white-space:nowrap}
"""


def _hash(style: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode("ascii")


CSP = (
    "default-src 'none'; script-src 'none'; style-src '" + _hash(STYLE) + "'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)


@dataclass
class ReportData:
    """What the report shows; the CLI gathers it from the store and the ledger. The entries
    may come as they are made (``timeline.newest_first``): then how many there are and how
    many each month has are given, and the page is written as they come."""

    made: str  # when, ISO
    filters: list[str]  # the options as given, for the header
    entries: Iterable[dict[str, Any]]  # timeline entries, newest first
    texts: Mapping[str, str]  # article id → text, for the evidence paragraphs
    mentions: list[tuple[str, int]]  # (system name, mentions), most first
    dollars: list[tuple[str, int]]  # (month, USD announced), in month order
    packages: list[dict[str, Any]] = field(default_factory=list)  # ledger rows (cli.packages._row)
    shown_of: tuple[int, int] | None = None  # (entries shown, entries in all) when capped
    names: Mapping[str, str] = field(default_factory=dict)  # actor id → name
    shown: int | None = None  # how many entries; None: count them
    # (month, entries) of the dated entries, in month order; None: count them
    months: Sequence[tuple[str, int]] | None = None


def _text(value: object) -> str:
    """Untrusted text as HTML: control characters and escape sequences removed, escaped."""
    return html.escape(clean("" if value is None else str(value)), quote=True)


def _link(url: str | None, label: str) -> str:
    if url and urlsplit(url).scheme in {"http", "https"}:
        return f'<a href="{_text(url)}" rel="noopener noreferrer nofollow">{label}</a>'
    return label


def render(data: ReportData) -> str:
    """The whole page."""
    return "".join(render_parts(data))


def render_parts(data: ReportData) -> Iterator[str]:
    """The page a piece at a time (each entry is one), to be written as it is made: a report
    of every entry of a large store never holds them all."""
    entries, shown, months = data.entries, data.shown, data.months
    if shown is None or months is None:
        entries = list(entries)
        shown = len(entries)
        counted = Counter(entry_month(e) for e in entries)
        months = sorted((m, n) for m, n in counted.items() if m != "undated")
    head = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        "<title>armstrack report</title>",
        f"<style>{STYLE}</style></head><body><main>",
        "<h1>US weapons for Ukraine: what the reporting says</h1>",
        _header(data, shown),
        '<h2 id="charts">Charts</h2><div class="charts">',
        _figure("Events per month", _columns(months, "events")),
        _figure("Dollars announced per month (ledger)", _columns(data.dollars, "USD", money=True)),
        _figure("Mentions per system", _bars(data.mentions)),
        "</div>",
        '<h2 id="timeline">Timeline</h2>',
    ]
    yield from (part + "\n" for part in head)
    if not shown:
        yield "<p>No events match these filters.</p>\n"
    if data.shown_of:
        of, total = data.shown_of
        yield f'<p class="meta">The latest {of:,} of {total:,} entries (--limit 0 shows all).</p>\n'
    month = None
    articles: set[str] = set()
    for entry in entries:
        if (this := entry_month(entry)) != month:
            month = this
            yield f'<h3 id="m-{_text(month)}">{_text(month)}</h3>\n'
        articles.update(s["article_id"] for s in entry.get("sources", []))
        yield _entry(entry, data) + "\n"
    if shown:
        yield f'<p class="meta">{shown:,} timeline entries from {len(articles):,} articles.</p>\n'
    if data.packages:
        yield '<h2 id="packages">Aid packages (ledger)</h2>\n'
        yield _packages(data.packages) + "\n"
    yield "</main></body></html>\n"


def entry_month(entry: dict[str, Any]) -> str:
    """The month an entry is shown under ("2024-06"), or "undated"."""
    return entry["date"]["start"][:7] if entry.get("date") else "undated"


def _header(data: ReportData, shown: int) -> str:
    filters = " ".join(f"<code>{_text(f)}</code>" for f in data.filters) or "none"
    return (
        f'<p class="meta">Made {_text(data.made)} by armstrack · filters: {filters} · '
        f"{shown:,} timeline entries · dates marked ~ rest on an inferred publication date</p>"
    )


def _figure(caption: str, svg: str) -> str:
    return f"<figure><figcaption>{_text(caption)}</figcaption>{svg}</figure>"


def _money(value: float) -> str:
    if value >= 1e9:
        return f"${value / 1e9:,.1f}B"
    if value >= 1e6:
        return f"${value / 1e6:,.0f}M"
    return f"${value:,.0f}"


def _columns(points: Sequence[tuple[str, int]], unit: str, *, money: bool = False) -> str:
    """A column chart of (month, value), as inline SVG."""
    if not points:
        return '<p class="meta">Nothing to chart.</p>'
    width, height, left, bottom = 480, 180, 44, 28
    top_value = max(v for _, v in points) or 1
    step = (width - left - 8) / len(points)
    bar = max(step * 0.8, 1.0)
    out = [
        f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{_text(unit)} per month">',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - 4}" y2="{height - bottom}" stroke="#9aa3ad"/>',
        f'<text x="{left - 4}" y="14" text-anchor="end">{_text(_money(top_value) if money else top_value)}</text>',
    ]
    label_every = max(1, -(-len(points) // 6))  # at most six labels: a month label is 7 characters
    for i, (month, value) in enumerate(points):
        h = (height - bottom - 20) * value / top_value
        x = left + i * step + (step - bar) / 2
        tip = f"{month}: {_money(value) if money else value} {'' if money else unit}".strip()
        out.append(
            f'<rect x="{x:.1f}" y="{height - bottom - h:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="#3d6fb4">'
            f"<title>{_text(tip)}</title></rect>"
        )
        if i % label_every == 0:
            out.append(
                f'<text x="{x + bar / 2:.1f}" y="{height - bottom + 14}" text-anchor="middle">{_text(month)}</text>'
            )
    out.append("</svg>")
    return "".join(out)


def _bars(points: Sequence[tuple[str, int]]) -> str:
    """Horizontal bars of (name, count), as inline SVG."""
    if not points:
        return '<p class="meta">Nothing to chart.</p>'
    row, left, width = 18, 120, 480
    top_value = max(v for _, v in points) or 1
    height = row * len(points) + 6
    out = [f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="mentions per system">']
    for i, (name, value) in enumerate(points):
        y = 3 + i * row
        w = (width - left - 40) * value / top_value
        out.append(f'<text x="{left - 6}" y="{y + 12}" text-anchor="end">{_text(name[:18])}</text>')
        out.append(
            f'<rect x="{left}" y="{y + 2}" width="{w:.1f}" height="{row - 5}" fill="#7b5ea7">'
            f"<title>{_text(name)}: {value}</title></rect>"
        )
        out.append(f'<text x="{left + w + 4:.1f}" y="{y + 12}">{value}</text>')
    out.append("</svg>")
    return "".join(out)


def _entry(entry: dict[str, Any], data: ReportData) -> str:
    from armstrack.daterange import DateRange
    from armstrack.daterange import show as show_date

    date = show_date(
        DateRange.from_json(entry["date"]) if entry.get("date") else None, inferred=entry["inferred"]
    )
    tags = [
        f'<span class="date">{_text(date)}</span>',
        f'<span class="tag kind">{_text(entry["kind"])}</span>',
    ]
    tags.append(f'<span class="tag status-{_text(entry["status"])}">{_text(entry["status"])}</span>')
    tags += [f'<span class="tag sys">{_text(s)}</span>' for s in entry.get("systems", [])]
    amount = entry.get("amount") or {}
    if amount.get("value"):
        shown = (
            _money(amount["value"])
            if amount.get("currency") == "USD"
            else f"{amount['value']:,.0f} {amount.get('currency') or ''}"
        )
        tags.append(f'<span class="amount">{_text(shown)}</span>')
    if _uncertain(entry):
        tags.append('<span class="tag status-considered">uncertain date</span>')
    actors = ", ".join(data.names.get(a, a) for a in entry.get("actors", [])[:4])
    if actors:
        tags.append(f'<span class="meta">{_text(actors)}</span>')
    sources = entry.get("sources", [])
    out = [
        '<article class="entry">',
        f'<div class="head">{"".join(tags)}</div>',
        f'<p class="summary">{_text(event_sentence(entry))}</p>',
        f"<details open><summary>{len(sources)} source{'s' if len(sources) != 1 else ''}</summary>",
    ]
    out.extend(_source(s, data.texts.get(s["article_id"])) for s in sources)
    out.append("</details></article>")
    return "".join(out)


def _uncertain(entry: dict[str, Any]) -> bool:
    """An entry dated from publication dates that are only guessed to within months: its
    day is a best guess, and the page says so rather than show it as fact."""
    if not entry.get("inferred"):
        return False
    published = [s.get("published") or {} for s in entry.get("sources", [])]
    return bool(published) and all(
        p.get("inferred", True) and p.get("precision") not in ("day", "week", "month") for p in published
    )


_CONTEXT = 300  # characters of the paragraph shown either side of the evidence sentence


def _source(source: dict[str, Any], text: str | None) -> str:
    title = _text(source.get("title") or source["article_id"])
    outlet = f" · {_text(source['source'])}" if source.get("source") else ""
    published = source.get("published") or {}
    when = f" · published {_text(show_published(published))}" if published.get("date") else ""
    if published.get("inferred") and published.get("precision") not in ("day", "week"):
        when += (
            f" (inferred: between {_text(published.get('earliest'))} and {_text(published.get('latest'))})"
        )
    evidence = source.get("evidence") or {}
    start, end = evidence.get("start"), evidence.get("end")
    if text and isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        p_start = text.rfind("\n\n", 0, start)
        p_start = 0 if p_start < 0 else p_start + 2
        p_end = text.find("\n\n", end)
        p_end = len(text) if p_end < 0 else p_end
        lo, hi = max(p_start, start - _CONTEXT), min(p_end, end + _CONTEXT)
        quote = (
            ("…" if lo > p_start else "")
            + _text(text[lo:start])
            + f"<mark>{_text(text[start:end])}</mark>"
            + _text(text[end:hi])
            + ("…" if hi < p_end else "")
        )
    else:
        quote = f"<mark>{_text(evidence.get('text', ''))}</mark>"
    return (
        f'<div class="source"><div>{_link(source.get("url"), title)}{outlet}{when} '
        f'<span class="meta">({_text(source["article_id"])})</span></div>'
        f'<div class="context">{quote}</div></div>'
    )


def _packages(rows: Sequence[dict[str, Any]]) -> str:
    out = ["<table><thead><tr><th>announced</th><th>id</th><th>authority</th><th>value</th><th>items</th>"
           "<th>reported by</th></tr></thead><tbody>"]  # fmt: skip
    for r in rows:
        link = _link(r.get("source"), _text(r["id"]))
        out.append(
            f"<tr><td>{_text(r['announced'])}</td><td>{link}</td><td>{_text(r['authority'])}</td>"
            f'<td class="num">{_text(_money(r["value_usd"]))}</td><td>{_text(", ".join(r["items"]))}</td>'
            f"<td>{_text(' '.join(a[:8] for a in r['articles']))}</td></tr>"
        )
    out.append("</tbody></table>")
    return "".join(out)
