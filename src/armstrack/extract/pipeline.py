"""Article → ArticleRecord: every extractor, in dependency order, over one shared sentence split."""

from __future__ import annotations

import datetime as dt

from armstrack.errors import UsageError
from armstrack.extract.amounts import extract_amounts
from armstrack.extract.systems import default_tagger
from armstrack.extract.trie import lowered
from armstrack.loader import Article
from armstrack.models import ArticleRecord, Paragraph, Published
from armstrack.text import Sentences


def parse_published(value: str) -> dt.date:
    """A ``--published`` value: YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"--published: {value!r} is not a date of the form YYYY-MM-DD") from None


def published_of(article: Article) -> Published:
    if article.published:
        day = parse_published(article.published)
        return Published(date=day, earliest=day, latest=day, precision="day", inferred=False)
    return Published()


def extract(article: Article) -> ArticleRecord:
    text = article.text
    sentences = Sentences.split(text, article.paragraphs)
    low = lowered(text)  # shared by every pattern that ignores case
    tagger = default_tagger()
    hits = tagger.hits(text, sentences, low)
    systems, categories = tagger.tag_hits(text, sentences, hits)
    money, quantities = extract_amounts(text, sentences, hits, low)
    return ArticleRecord(
        id=article.id,
        title=article.title,
        source=article.source,
        url=article.url,
        path=article.path,
        text=text,
        paragraphs=[Paragraph(start=s, end=e) for s, e in article.paragraphs],
        published=published_of(article),
        systems=systems,
        categories=categories,
        amounts=money,
        quantities=quantities,
        warnings=article.warnings,
    )
