"""Everything that reaches stdout: JSON, and rich tables for people.

Article text is untrusted. Before any string from an article reaches a terminal it goes
through ``clean`` (control characters, ANSI/OSC escape sequences, bidirectional
overrides removed) and into a ``rich.text.Text`` (never parsed as markup or emoji
codes). JSON escapes every control character, so ``--json`` output is safe to print too.

rich is imported only by the functions that draw for people, so ``--json`` never pays
for it.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from armstrack.sanitize import for_terminal

if TYPE_CHECKING:
    from rich.console import Console

# Characters JSON may carry raw but a terminal or a careless reader should not see raw.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str | None) -> str:
    """Untrusted text made safe for a terminal: no escapes, no control characters."""
    return for_terminal(text)


def to_jsonable(data: Any) -> Any:
    if hasattr(data, "model_dump"):  # a pydantic model (not imported here: --json stays quick to start)
        return data.model_dump(mode="json")
    if isinstance(data, list | tuple):
        return [to_jsonable(d) for d in data]
    return data


def dumps(data: Any, *, indent: int | None = 2) -> str:
    text = json.dumps(to_jsonable(data), ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def print_json(data: Any) -> None:
    """Indented for a person at a terminal; compact when piped (C-speed: indenting makes
    Python's json encoder fall back to pure Python, several times slower on large output)."""
    sys.stdout.write(dumps(data, indent=2 if sys.stdout.isatty() else None) + "\n")
    sys.stdout.flush()


def stdout_console() -> Console:
    """A console for stdout: colour and width from the terminal; plain and wide when piped."""
    from rich.console import Console

    is_tty = sys.stdout.isatty()
    no_color = bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
    width = None if is_tty else int(os.environ.get("COLUMNS", "0") or 0) or 200
    return Console(
        file=sys.stdout, width=width, no_color=no_color, highlight=False, emoji=False, markup=False,
        soft_wrap=False,
    )  # fmt: skip


def print_table(
    columns: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    title: str | None = None,
    wrap: Sequence[str] = (),
) -> None:
    """A table of untrusted strings. Columns named in ``wrap`` wrap instead of growing."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, title_justify="left")
    for name in columns:
        table.add_column(name, overflow="fold", ratio=3 if name in wrap else None, no_wrap=name not in wrap)
    for row in rows:
        table.add_row(*(Text(clean(cell)) for cell in row))
    stdout_console().print(table)


def print_text(text: str, *, style: str | None = None) -> None:
    from rich.text import Text

    stdout_console().print(Text(clean(text), style=style or ""))


def print_grouped_table(
    columns: Sequence[str], groups: dict[str, list[list[str]]], *, wrap: dict[str, int] | None = None
) -> None:
    """One table, its rows in titled sections (the timeline's months). ``wrap`` maps the
    columns that wrap to their share of the free width."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    shares = wrap or {}
    for name in columns:
        table.add_column(name, overflow="fold", ratio=shares.get(name), no_wrap=name not in shares)
    for title, rows in groups.items():
        table.add_row(Text(clean(title), style="bold"), *([""] * (len(columns) - 1)))
        for row in rows:
            table.add_row(*(Text(clean(cell)) for cell in row))
        table.add_section()
    stdout_console().print(table)
