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


@pytest.mark.parametrize("args", [["--version"]])
def test_version_does_not_import_typer(args: list[str]) -> None:
    import subprocess
    import sys

    env = {"COLUMNS": "80", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "armstrack", *args],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("Usage: armstrack" if args == ["--help"] else "armstrack ")
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    assert not imported & {"typer", "rich", "pydantic", "sqlite3"}
