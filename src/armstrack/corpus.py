"""The bundled seed corpus: the five articles in seeds/, with what seeds/meta.toml knows of them.

Until the persistent store exists, reading commands work on this corpus, extracted
in memory on each run (five articles take a few milliseconds).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from armstrack.extract.pipeline import extract
from armstrack.loader import load_path
from armstrack.models import ArticleRecord
from armstrack.resources import bundled_dir


def seed_paths() -> list[Path]:
    return sorted(bundled_dir("seeds").glob("*.txt"))


def seed_records() -> list[ArticleRecord]:
    folder = bundled_dir("seeds")
    meta_file = folder / "meta.toml"
    meta: dict[str, dict[str, str]] = {}
    if meta_file.is_file():
        with meta_file.open("rb") as f:
            meta = tomllib.load(f)
    records = []
    for path in seed_paths():
        known = meta.get(path.name, {})
        article = load_path(
            path, source=known.get("source"), url=known.get("url"), published=known.get("published")
        )
        article.path = f"seeds/{path.name}"
        records.append(extract(article))
    return records
