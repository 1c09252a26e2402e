"""The JSON contract: every record armstrack prints with ``--json``.

These pydantic models are the single definition of the output shape; docs/json.md
describes them and ``armstrack schema`` prints their JSON Schema. Offsets (``start``,
``end``) are character offsets into ``ArticleRecord.text``, end exclusive, so
``text[start:end]`` is exactly the item's ``text``.

Change a field's meaning only together with ``SCHEMA_VERSION``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from armstrack.vocab import EVENT_KINDS

__all__ = ["EVENT_KINDS"]  # re-exported: part of the contract's vocabulary

SCHEMA_VERSION = 2  # 2: a sentence carried with a fact is a bounded Context

Precision = Literal[
    "day", "week", "month", "season", "quarter", "half", "year", "decade", "century", "unknown"
]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Model):
    """A piece of the article text: its characters and where they are."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Context(Span):
    """The sentence a fact stands in. ``start``/``end`` are always the whole sentence's;
    ``text`` is the whole sentence too unless it is longer than 300 characters: then it is
    a window of about 200 characters of whole words around the fact (text.context_bounds),
    with "…" where cut, and ``cut`` is true. A hostile endless sentence is not copied once
    per fact."""

    cut: bool = False


class Mention(Span):
    """One occurrence of a tagged thing, with the sentence it stands in."""

    sentence: Context


class Paragraph(Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Published(Model):
    """When the article was published: given by the user, or inferred from the text."""

    date: dt.date | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    precision: Precision = "unknown"
    inferred: bool = True
    evidence: list[Span] = Field(default_factory=list)
    # Not in the JSON: no clue fixed a day, so ``date`` is the middle of earliest..latest,
    # and what is dated from it is only known to that span too (extract/dates.py).
    _guessed: bool = PrivateAttr(default=False)


class Interval(Model):
    start: dt.date
    end: dt.date
    precision: Precision


class SystemRecord(Model):
    """A named weapon system (or, under ``categories``, a generic kind of equipment)."""

    id: str
    name: str
    category: str
    mentions: list[Mention]


MoneyRole = Literal["package", "cumulative", "appropriation", "contract", "sale", "claim", "other"]


class PackageLink(Model):
    """A row of the aid-package ledger (data/packages.toml) that a report's money or event
    is about, and what matched: always ``value``; ``date`` when the announcement falls in
    the days the report can be about; ``authority`` when the sentence names it (drawdown,
    USAI); ``named day`` when a day the sentence names picked it; ``tense`` when a future-tense sentence ruled out earlier announcements;
    ``weekday`` when the sentence's weekday is the announcement's; ``day total``
    when the sum is that of several packages announced the same day, all listed in
    ``together`` (``id`` is the first)."""

    id: str
    authority: str
    announced: dt.date
    value_usd: int
    matched: list[str]
    together: list[str] = Field(default_factory=list)


class Amount(Mention):
    """Money, a percentage, an equipment count, or a qualitative amount.

    ``kind`` says which. ``value`` is null for qualitative amounts ("a finite
    number"); ``currency`` is set for money, ``unit`` for everything else.
    ``system`` is the catalog id of the system a count counts, when the
    sentence links them, or when the count names only its kind ("eighteen 155 mm
    howitzers") and the article names one system of that kind: then
    ``system_evidence`` is that system's mention it rests on. Money has a ``role`` (docs/json.md: what the sum is, so that
    only package values are totalled) and, when it is a package's value, the ledger
    row it is (``package``).
    """

    kind: Literal["money", "percent", "count", "qualitative"]
    value: float | None = None
    currency: str | None = None
    unit: str | None = None
    qualifier: str | None = None
    system: str | None = None
    system_evidence: Span | None = None
    role: MoneyRole | None = None
    package: PackageLink | None = None


class Actor(Model):
    id: str
    name: str
    kind: Literal["person", "organization", "country"]
    role: str | None = None
    roles: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class Quote(Span):
    speaker: str | None = None
    speaker_id: str | None = None
    speaker_description: str | None = None
    partial: bool = False


class TimeExpression(Span):
    resolved: Interval | None = None
    inferred: bool = False


class EventAmount(Model):
    """The sum an event is about ("a $400 million package" → 400000000 USD), as a number
    with its currency: timelines total and merge on it."""

    text: str
    value: float | None = None
    currency: str | None = None
    role: MoneyRole | None = None


EventStatus = Literal["done", "planned", "considered", "requested", "denied"]
"""How far along an event is, read from the sentence's modality (docs/events.md)."""


class Event(Model):
    """A policy event one sentence reports. docs/events.md defines the kinds."""

    kind: str
    date: Interval | None = None
    date_source: Literal["sentence", "paragraph", "published", "ledger", "none"] = "none"
    status: EventStatus = "done"
    systems: list[str] = Field(default_factory=list)
    systems_by_reference: list[str] = Field(default_factory=list)
    actors: list[str] = Field(default_factory=list)
    amounts: list[str] = Field(default_factory=list)
    amount: EventAmount | None = None
    summary: str
    evidence: Context
    confidence: float = Field(ge=0.0, le=1.0)
    package: PackageLink | None = None


class Source(Model):
    """One place the article was seen: the same story at another URL or from another outlet
    (a syndicated copy) is one article with several sources."""

    url: str
    source: str | None = None


class ArticleRecord(Model):
    """Everything armstrack knows about one article."""

    schema_version: int = SCHEMA_VERSION
    id: str
    title: str
    source: str | None = None
    url: str | None = None
    path: str | None = None
    author: str | None = None  # the byline, as a page's metadata or a JSON object names it
    text: str
    paragraphs: list[Paragraph]
    published: Published
    systems: list[SystemRecord]
    categories: list[SystemRecord]
    amounts: list[Amount]
    quantities: list[Amount]
    actors: list[Actor] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    time_expressions: list[TimeExpression] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    # Every URL the store has seen the article at, its own first (filled by the store;
    # empty from `extract`, which touches no store).
    sources: list[Source] = Field(default_factory=list)
