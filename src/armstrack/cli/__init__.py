"""The ``armstrack`` command: a thin translator from options to library calls.

Every command module registers itself on ``app``. ``run`` is the one place errors are
caught: library errors, usage errors and anything unexpected become one line on stderr
and an exit code from ``armstrack.errors.ExitCode``. ``--debug`` (or ARMSTRACK_DEBUG=1)
shows the traceback instead.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

import typer

from armstrack import __version__
from armstrack.errors import ArmstrackError, ExitCode

app = typer.Typer(
    name="armstrack",
    help=(
        "Follow the reporting on US weapons for Ukraine: turn articles into typed, sourced records "
        "(systems, amounts, dates) and list them as a timeline, search results or JSON.\n\n"
        "Reading commands read the store (created with the bundled seed articles on first use; "
        "`armstrack ingest` adds more).\n\n"
        "\b\nExamples:\n"
        "  armstrack timeline\n"
        "  armstrack search --system Patriot\n"
        "  armstrack quotes --speaker Kirby\n"
        "  armstrack extract article.txt --json | jq '.systems[].name'\n"
        "  armstrack show e424a8"
    ),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"armstrack {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
    debug: bool = typer.Option(False, "--debug", help="Show a traceback when something goes wrong."),
    no_color: bool = typer.Option(
        False, "--no-color", help="No colour or styles (as NO_COLOR=1 or TERM=dumb)."
    ),
    db: str | None = typer.Option(
        None,
        "--db",
        metavar="PATH",
        help="The store to use (default: $ARMSTRACK_DB, else the user data directory).",
    ),
) -> None:
    """Global options (``--debug`` is read by ``run`` before parsing)."""
    from armstrack.cli import corpus

    corpus.db_path = db
    if no_color:
        os.environ["NO_COLOR"] = "1"


#: Which module defines each command, in the order the root help lists them. ``run``
#: imports and builds only the command it is asked for: typer builds every registered
#: command's parameters on each call, which was a third of a reading command's start-up.
COMMAND_MODULES = {
    "extract": "extract",
    "ingest": "ingest",
    "update": "feeds",
    "batch": "batch",
    "edit": "edit",
    "timeline": "reading",
    "search": "reading",
    "quotes": "people",
    "actors": "people",
    "articles": "articles",
    "show": "articles",
    "systems": "catalog",
    "schema": "catalog",
    "chart": "chart",
    "packages": "packages",
    "report": "report",
    "doctor": "doctor",
    "feeds": "feeds",  # a group: click lists groups after the commands
}
_GLOBAL_OPTIONS_WITH_VALUES = ("--db",)


def register(command: str | None = None) -> None:
    """Put ``command``'s module on ``app`` (every command when ``None``, in help order)."""
    import importlib

    if command is None:
        app.registered_commands.clear()
        modules = list(dict.fromkeys(COMMAND_MODULES.values()))
    else:
        modules = [COMMAND_MODULES[command]]
        known = {info.callback.__name__ for info in app.registered_commands if info.callback}
        known |= {info.name for info in app.registered_groups if info.name}
        if command in known:
            return
    for name in modules:
        importlib.import_module(f"armstrack.cli.{name}").register(app)


def requested_command(args: list[str]) -> str | None:
    """The command ``args`` name, if it is one of ours and nothing needs them all (completion)."""
    if any(name.startswith("_ARMSTRACK_COMPLETE") for name in os.environ):
        return None
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in _GLOBAL_OPTIONS_WITH_VALUES:
            skip = True
        elif not arg.startswith("-"):
            return arg if arg in COMMAND_MODULES else None
    return None


def error(message: str) -> None:
    """One line on stderr."""
    from armstrack.render import clean

    sys.stderr.write(f"armstrack: error: {' '.join(clean(message).split())}\n")


def warn(message: str) -> None:
    from armstrack.render import clean

    sys.stderr.write(f"armstrack: warning: {' '.join(clean(message).split())}\n")


def note(message: str) -> None:
    """Information for the person at the terminal (stderr: stdout carries data only)."""
    from armstrack.render import clean

    sys.stderr.write(f"armstrack: {' '.join(clean(message).split())}\n")


def run(argv: list[str] | None = None) -> int:
    from armstrack.cli.output import bare_fields

    args = bare_fields(list(sys.argv[1:] if argv is None else argv))
    if not args:  # bare `armstrack`: the help, and success (as gh does)
        args = ["--help"]
    if "--no-color" in args[1:] and "--" not in args:  # every command takes it, wherever it is put
        args = [a for a in args if a != "--no-color"]
        os.environ["NO_COLOR"] = "1"
    debug = "--debug" in args or os.environ.get("ARMSTRACK_DEBUG", "") not in ("", "0")
    register(requested_command(args))
    command = typer.main.get_command(app)
    try:
        result = command.main(args=args, prog_name="armstrack", standalone_mode=False)
    except ArmstrackError as exc:
        if debug:
            raise
        error(str(exc))
        return int(exc.exit_code)
    except typer.TyperException as exc:  # click's usage errors, as typer re-exports them
        if debug:
            raise
        ctx = getattr(exc, "ctx", None)
        hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
        error(exc.format_message() + hint)
        return int(getattr(exc, "exit_code", ExitCode.USAGE))
    except (typer.Abort, KeyboardInterrupt):
        sys.stderr.write("armstrack: interrupted\n")
        return int(ExitCode.INTERRUPTED)
    except SystemExit as exc:  # typer's completion options exit directly
        if type(sys.stdout).__name__ == "PacifyFlushWrapper":
            # click's answer to a write on a closed pipe is exit(1), its stdout wrapped:
            # the reader went away, which is no error here (as below).
            return int(ExitCode.OK)
        return (
            exc.code
            if isinstance(exc.code, int)
            else int(ExitCode.OK if exc.code is None else ExitCode.FAILURE)
        )
    except BrokenPipeError:
        # The reader went away (`armstrack timeline --json | head`): not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return int(ExitCode.OK)
    except Exception as exc:
        if debug:
            raise
        error(f"internal error: {type(exc).__name__}: {exc} (run again with --debug for the traceback)")
        return int(ExitCode.FAILURE)
    if result == ExitCode.INTERRUPTED:  # typer turns Ctrl-C into this exit code, silently
        sys.stderr.write("armstrack: interrupted\n")
    return result if isinstance(result, int) else int(ExitCode.OK)


def main() -> NoReturn:
    sys.exit(run())
