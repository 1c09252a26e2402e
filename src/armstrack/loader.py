"""Plain text in, ``Article`` out: decoding, site furniture removed, paragraphs, headline.

What the loader promises:

* **Decoding.** UTF-8 with or without a BOM; CRLF and CR become LF. Bytes that are
  not UTF-8 are read as cp1252 and the article carries a warning saying so. Binary
  input (NUL bytes) and input with no text are errors, not articles.
* **Paragraphs.** Each non-empty line is a paragraph, except that a line which stops
  mid-sentence (no closing punctuation) and is followed by a line starting in lower
  case is the same paragraph hard-wrapped, and the two are joined.
* **Furniture.** Lines that are page chrome rather than reporting are dropped: menu
  and navigation words, section labels ("| Politics"), sign-up prompts, "Market
  Data", "Back to top button", comment counters, disclaimers, image-credit lines
  ("RescueWarrior / Pixabay"). Credits at the end of a caption ("(Getty Images)",
  "© AP / …", "(Image grab via @…)") are cut from the line, which stays. A copy of
  the headline at the end of the article is removed. "RELATED: <headline>" lines
  stay: a related headline is reporting too.
* **Headline.** The first of the first three paragraphs that looks like a headline:
  3 to 30 words, not ending in "." or "!" (headlines carry no full stop; lead
  sentences do). If none does, the first paragraph, cut to 120 characters.
* **Id.** The first 12 hex digits of the SHA-256 of the input text with whitespace
  collapsed, so re-saving a file with other line endings keeps its id.

The cleaned ``text`` is the paragraphs joined by blank lines; all offsets index it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from armstrack.errors import InputError
from armstrack.sanitize import strip_controls

# Runs of whitespace other than a single plain space (which needs no rewriting).
_SPACES = re.compile(
    r" [ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+|[\t\u00a0\u2000-\u200b\u202f\u205f\u3000][ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]*"
)
_BULLET = re.compile(r"^[\s•·▪◦‣∙*\-–—|]+")

# Whole lines that are navigation or page chrome, compared lower-cased with bullets,
# pipes and spaces stripped and a final colon dropped.
_FURNITURE_LINES = frozenset(
    """menu search close home share print email comments comment advertisement advertising
    related more tweet facebook twitter linkedin whatsapp reddit telegram subscribe register
    login newsletter trending""".split()
) | frozenset(
    {
        "skip to content",
        "back to top",
        "back to top button",
        "market data",
        "sign in",
        "log in",
        "sign up",
        "no comments yet",
        "leave a comment",
        "read more",
        "see also",
        "most popular",
        "latest news",
        "follow us",
        "share this article",
    }
)

_FURNITURE_START = re.compile(
    r"""^(?:
        disclaimer\s*:
      | sign\s+up\b|subscribe\s+(?:to|for|now)\b|get\s+(?:our|the)\s+\w+\s+newsletter
      | welcome\s+to\s+\S+(?:\s+\S+)?\s*$
      | (?:\d+\s+)?comments?\s*(?:\(\d+\))?\s*$
      | \(?(?:photo|image|credit|picture)s?\s*(?:credit)?\s*:\s*\S
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# "RescueWarrior / Pixabay": a short line of the form "Name / Name" (a photo credit).
_CREDIT_LINE = re.compile(r"^[^\s/.!?]+(?: [^\s/.!?]+){0,3} / [^\s/.!?]+(?: [^\s/.!?]+){0,3}$")
# Credits hanging off the end of a caption.
_TRAILING_CREDIT = re.compile(
    r"""\s*(?:
        ©.*
      | \((?:[^()]*\b(?:Getty|Images?|Photo|Pixabay|Shutterstock|Reuters|AFP|AP|EPA|Unsplash|Wikimedia|via\s+@)\b[^()]*)\)
    )\s*$""",
    re.VERBOSE,
)
_SECTION_LABEL = re.compile(r"^\|\s*[\w&' -]{1,30}$")
_SENTENCE_END_CHARS = frozenset('.!?…:;,"”’)]')
_HEADLINE_END = re.compile(r"[.!]\s*[\"”’)]?\s*$")


@dataclass(slots=True)
class Article:
    """One article, cleaned: the text every offset indexes, and what is known of it."""

    id: str
    title: str
    text: str
    paragraphs: list[tuple[int, int]]
    source: str | None = None
    url: str | None = None
    path: str | None = None
    published: str | None = None
    warnings: list[str] = field(default_factory=list)
    author: str | None = None  # as the page or container names it


def decode(data: bytes, name: str = "input") -> tuple[str, list[str]]:
    """Bytes to text, with the warnings the decoding raised."""
    if not data.strip():
        raise InputError(f"{name}: empty input, nothing to read")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file (NUL bytes), not an article")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="replace")
        return text, [f"{name}: not valid UTF-8 (byte {exc.start}); read as cp1252"]


def load_bytes(
    data: bytes,
    *,
    name: str = "input",
    source: str | None = None,
    url: str | None = None,
    path: str | None = None,
    published: str | None = None,
) -> Article:
    raw, warnings = decode(data, name)
    return load_text(raw, source=source, url=url, path=path, published=published, warnings=warnings)


def load_path(path: Path, **meta: str | None) -> Article:
    """Read one file. Every failure is an ``InputError`` naming the file."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    return load_bytes(data, name=str(path), path=str(path), **meta)


def article_id(raw: str) -> str:
    normalised = " ".join(unicodedata.normalize("NFC", raw).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:12]


def load_text(
    raw: str,
    *,
    source: str | None = None,
    url: str | None = None,
    path: str | None = None,
    published: str | None = None,
    warnings: list[str] | None = None,
) -> Article:
    raw = raw.removeprefix("\ufeff")
    if not raw.strip():
        raise InputError(f"{path or 'input'}: empty input, nothing to read")
    paragraphs = _paragraphs(raw)
    title = _choose_title(paragraphs)
    paragraphs = _drop_repeated_title(paragraphs, title)
    if not paragraphs:
        raise InputError(f"{path or 'input'}: no article text left once page furniture was removed")
    text, spans = _join(paragraphs)
    return Article(
        id=article_id(raw),
        title=title,
        text=text,
        paragraphs=spans,
        source=source,
        url=url,
        path=path,
        published=published,
        warnings=list(warnings or []),
    )


def _is_furniture(line: str) -> bool:
    bare = _BULLET.sub("", line).strip().rstrip(":").strip().lower()
    if not bare:
        return True
    if bare in _FURNITURE_LINES or _SECTION_LABEL.match(line.strip()):
        return True
    if _FURNITURE_START.match(bare):
        return True
    return bool(_CREDIT_LINE.match(line) and not any(c.isdigit() for c in line))


def _paragraphs(raw: str) -> list[str]:
    """Lines to paragraphs: join hard-wrapped lines first, then drop furniture, then credits."""
    # Once over the whole text: none of these touches a newline.
    raw = _SPACES.sub(" ", strip_controls(raw.replace("\r\n", "\n").replace("\r", "\n")))
    joined: list[str] = []
    joinable = False  # may the next line continue the last paragraph?
    for original in raw.split("\n"):
        line = original.strip()
        if not line:
            joinable = False
            continue
        if joinable and line[0].islower():
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
        joinable = joined[-1][-1] not in _SENTENCE_END_CHARS  # lines are stripped
    out: list[str] = []
    for paragraph in joined:
        if _is_furniture(paragraph):
            continue
        if "©" in paragraph or paragraph.endswith(")"):  # only then can a credit hang off the end
            paragraph = _TRAILING_CREDIT.sub("", paragraph)
        paragraph = _BULLET.sub("", paragraph).strip()
        if paragraph:
            out.append(paragraph)
    return out


def _choose_title(paragraphs: list[str]) -> str:
    for p in paragraphs[:3]:
        words = p.split()
        if 3 <= len(words) <= 30 and not _HEADLINE_END.search(p):
            return p
    first = paragraphs[0] if paragraphs else ""
    return first if len(first) <= 120 else first[:119].rstrip() + "…"


def _drop_repeated_title(paragraphs: list[str], title: str) -> list[str]:
    """Remove a copy of the headline after its first appearance, at the end of the text."""
    if not title or len(paragraphs) < 2:
        return paragraphs
    first = next((i for i, p in enumerate(paragraphs) if p == title), None)
    out = list(paragraphs)
    for i in range(len(out) - 1, max(len(out) - 4, 0) - 1, -1):
        if first is not None and i <= first:
            break
        if out[i] == title:
            del out[i]
        elif out[i].endswith(title) and len(out[i]) > len(title):
            out[i] = out[i][: -len(title)].rstrip()
            break
    return out


def _join(paragraphs: list[str]) -> tuple[str, list[tuple[int, int]]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for p in paragraphs:
        spans.append((pos, pos + len(p)))
        pos += len(p) + 2
    return "\n\n".join(paragraphs), spans
