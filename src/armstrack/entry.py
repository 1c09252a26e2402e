"""The ``armstrack`` executable's first step: answer ``--version`` and the root ``--help``
without importing typer (half the start-up time of any command), then hand over to the CLI.

The root help is the typer app's own, generated into ``roothelp.py`` by cog for the two
widths click uses (an 80-column or narrower default, and the 100-column maximum) and checked
by the tests; at any other width the real app answers.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs 8 ms here
if TYPE_CHECKING:
    from typing import NoReturn


def main() -> NoReturn:
    args = sys.argv[1:]
    if args == ["--version"]:
        from armstrack import __version__

        sys.stdout.write(f"armstrack {__version__}\n")
        sys.exit(0)
    if args in ([], ["--help"], ["-h"]):  # bare `armstrack` is a request for help, as with gh
        from armstrack.roothelp import ROOT_HELP

        width = max(min(_columns(), 100) - 2, 50)
        text = ROOT_HELP.get(width)
        if text is not None:
            sys.stdout.write(text)
            sys.exit(0)
    from armstrack.cli import main as cli_main

    cli_main()


def _columns() -> int:
    """``shutil.get_terminal_size().columns``, as click measures it, without importing shutil."""
    import os

    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80
