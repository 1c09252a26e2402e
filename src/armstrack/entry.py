"""The ``armstrack`` executable's first step: answer ``--version`` without importing typer,
then hand over to the CLI. Every help, the root one included, is the app's own, at any
terminal width (a pre-rendered copy of it would be a special case for a benchmark)."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs 8 ms here
if TYPE_CHECKING:
    from typing import NoReturn


def main() -> NoReturn:
    if sys.argv[1:] == ["--version"]:
        from armstrack import __version__

        sys.stdout.write(f"armstrack {__version__}\n")
        sys.exit(0)
    from armstrack.cli import main as cli_main

    cli_main()
