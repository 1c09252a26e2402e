"""Real output for the README's tour, made by cog (``cog -r -I docs README.md``).

Each command runs in-process on a fresh store of the bundled seeds, with a 100-column
terminal and no colour, exactly as the tests' CLI fixture runs it. ``tests/test_docs.py``
checks that README.md is what this would write, so the tour cannot rot.
"""

from __future__ import annotations

import contextlib
import io
import os
import shlex
import tempfile
from pathlib import Path

import cog  # type: ignore[import-not-found]  # provided by cogapp while it runs

_STORE = Path(tempfile.mkdtemp(prefix="armstrack-tour-")) / "armstrack.db"


def show(*args: str, head: int | None = None) -> None:
    """Write ``$ armstrack ARGS`` and its output (the first ``head`` lines) as a code block."""
    from armstrack.cli import corpus, run

    env = {"ARMSTRACK_DB": str(_STORE), "COLUMNS": "100", "NO_COLOR": "1"}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    corpus.db_path = None
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = run(list(args))
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    if status != 0:
        raise RuntimeError(f"armstrack {' '.join(args)} failed: {err.getvalue().strip()}")
    lines = [line.rstrip() for line in out.getvalue().splitlines()]
    if head is not None and len(lines) > head:
        lines = [*lines[:head], "…"]
    quoted = " ".join(shlex.quote(a) for a in args)
    cog.outl("```console")
    cog.outl(f"$ armstrack {quoted}")
    for line in lines:
        cog.outl(line)
    cog.outl("```")
