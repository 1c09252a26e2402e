"""The README's tour is the real output of each command on the seeds (cog keeps it so)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_readme_tour_is_current(monkeypatch: pytest.MonkeyPatch) -> None:
    import cogapp  # in the test extra

    monkeypatch.chdir(ROOT)
    status = cogapp.Cog().main(["cog", "--check", "--diff", "-I", "docs", "README.md"])
    assert status == 0, "README.md is out of date: run `cog -r -I docs README.md`"
