"""Article → ArticleRecord: every extractor, in dependency order, over one shared sentence split."""

from __future__ import annotations

import datetime as dt

from armstrack.errors import UsageError
from armstrack.extract.actors import find_actors
from armstrack.extract.amounts import extract_amounts, not_designations, not_in_dates
from armstrack.extract.dates import date_article
from armstrack.extract.events import find_events
from armstrack.extract.kindcounts import tie_kind_counts
from armstrack.extract.links import assign_roles, link_money
from armstrack.extract.quotes import extract_quotes
from armstrack.extract.systems import default_tagger, not_in_spans
from armstrack.extract.trie import lowered
from armstrack.loader import Article
from armstrack.models import ArticleRecord, Paragraph
from armstrack.text import Sentences


def parse_published(value: str) -> dt.date:
    """A ``--published`` value: YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"--published: {value!r} is not a date of the form YYYY-MM-DD") from None


def extract(article: Article) -> ArticleRecord:
    """Run every extractor. Where two read the same words, the order settles it: people
    first (a system's name inside a full name is the person), then systems and amounts;
    a count whose number is a model's ("Leopard 2") or a date's day ("Aug. 5") is dropped
    once actors and dates are known."""
    text = article.text
    sentences = Sentences.split(text, article.paragraphs)
    low = lowered(text)  # shared by every pattern that ignores case
    tagger = default_tagger()
    actors = find_actors(text, sentences)
    people = [(start, end) for start, end, _, _ in actors.person_mentions]
    # A system's name inside a person's full name ("General Creighton Abrams") is the person.
    full_names = [(start, end) for start, end in people if " " in text[start:end]]
    hits = not_in_spans(tagger.hits(text, sentences, low), full_names)
    systems, categories = tagger.tag_hits(text, sentences, hits)
    money, quantities = extract_amounts(text, sentences, hits, low)
    named = people + [(start, end) for start, end, _, _ in actors.org_mentions]
    quantities = not_designations(quantities, text, named)
    quantities = tie_kind_counts(quantities, text, low, hits, actors.actors, actors.org_mentions)
    quotes = extract_quotes(text, sentences, article.paragraphs, actors, {(h.start, h.end) for h in hits})
    money = assign_roles(low, money, quotes)
    given = parse_published(article.published) if article.published else None
    named_systems = [(h.start, h.entry.id) for h in hits if not h.entry.is_category]
    published, time_expressions, facts_named = date_article(
        text, low, sentences, url=article.url, given=given, money=money, systems=named_systems
    )
    quantities = not_in_dates(quantities, time_expressions)
    events = find_events(
        text,
        low,
        sentences,
        article.paragraphs,
        hits,
        money,
        quantities,
        actors,
        time_expressions,
        published,
        quotes,
        facts_named,
    )
    money, events = link_money(low, money, events, published, time_expressions, systems=named_systems)
    return ArticleRecord(
        id=article.id,
        title=article.title,
        source=article.source,
        author=article.author,
        url=article.url,
        path=article.path,
        text=text,
        paragraphs=[Paragraph(start=s, end=e) for s, e in article.paragraphs],
        published=published,
        systems=systems,
        categories=categories,
        amounts=money,
        quantities=quantities,
        actors=actors.actors,
        quotes=quotes,
        time_expressions=time_expressions,
        events=events,
        warnings=article.warnings,
    )
