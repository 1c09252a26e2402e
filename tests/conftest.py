"""Shared fixtures: a pinned terminal, the bundled seeds, and a CLI runner that goes through ``run``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from armstrack.cli import run
from armstrack.loader import load_text
from armstrack.models import ArticleRecord
from tests.websites import site  # noqa: F401 (a fixture: a local HTTP server)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(autouse=True)
def _pinned_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every test sees the same terminal (100 columns, no colour preferences from the host)
    and its own store in a temporary folder (seeded on first use, like the default store)."""
    from armstrack.cli import corpus

    monkeypatch.setattr(corpus, "db_path", None)
    monkeypatch.setenv("ARMSTRACK_DB", str(tmp_path / "store" / "armstrack.db"))
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("ARMSTRACK_DEBUG", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run ``armstrack ARGS...`` in-process through the real entry point (error mapping included)."""

    def invoke(*args: str) -> Result:
        code = run(list(args))
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return invoke


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A store file named with --db: it starts empty."""
    return str(tmp_path / "test.db")


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return SEEDS


def extract_text(text: str, published: str | None = None) -> ArticleRecord:
    from armstrack.extract.pipeline import extract

    return extract(load_text(text, published=published))
