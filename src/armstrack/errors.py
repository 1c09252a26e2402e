"""Errors the library raises on purpose, and the exit codes the CLI maps them to.

The library never prints. The CLI catches ``ArmstrackError`` in one place
(``armstrack.cli.main``) and turns it into one line on stderr and ``exit_code``.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FAILURE = 1  # the command ran but something it was asked to do failed
    USAGE = 2  # the user asked for something that cannot be done as asked
    INTERRUPTED = 130


class ArmstrackError(Exception):
    """Base of every error meant for the user: the message is the whole story."""

    exit_code = ExitCode.FAILURE


class UsageError(ArmstrackError):
    exit_code = ExitCode.USAGE


class InputError(UsageError):
    """An input file or stream that cannot be read as an article."""


class UnknownSystemError(UsageError):
    pass


class IdError(UsageError):
    """An article id prefix that matches nothing or more than one article."""
