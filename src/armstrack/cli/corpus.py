"""Where reading commands get their records (the bundled seeds, for now)."""

from __future__ import annotations

from armstrack.models import ArticleRecord


def load_records() -> list[ArticleRecord]:
    from armstrack.corpus import seed_records

    return seed_records()
