"""Tables of many rows (``armstrack articles`` of a large store: 100,000 rows), printed as
the rows come.

rich lays out a whole table before it prints a line: at 100,000 articles the `articles`
table took 53 s and 930 MB before anything showed, 0.3-0.4 ms a row even with fixed column
widths. A table longer than ``LONG_ROWS`` is laid out here instead, from its first
``LONG_ROWS`` rows (which columns fit, how wide each is: the rules of
``render.fit_columns``), and then printed a block of rows at a time in that layout, plain
text: the header and its rule as rich draws them (``SIMPLE_HEAD``, no edges), a column
that wraps wrapped at word boundaries, a later cell wider than its column folded onto more
lines. Cells are cleaned of control characters like every table's (``render.clean``), and
widths are counted in terminal cells, so wide characters keep the columns straight.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

LONG_ROWS = 2000  # rows: a table up to this long is rich's, laid out whole
GAP = "   "  # between two columns, as rich's SIMPLE_HEAD box without edges draws it


def column_widths(
    columns: Sequence[str], rows: Sequence[Sequence[str]], width: int, shares: dict[str, int], wrap_min: int
) -> list[int]:
    """Each column's width in a table ``width`` cells wide: a column that does not wrap, its
    widest cell (or header); the columns that wrap share what is left by their ``shares``,
    each at least ``wrap_min`` cells and at most its widest cell."""
    from rich.cells import cell_len

    natural = [
        max(
            [
                cell_len(name),
                *(max((cell_len(line) for line in row[i].split("\n")), default=0) for row in rows),
            ]
        )
        for i, name in enumerate(columns)
    ]
    widths = [0 if name in shares else natural[i] for i, name in enumerate(columns)]
    free = width - sum(widths) - len(GAP) * (len(columns) - 1)
    wrapping = [i for i, name in enumerate(columns) if name in shares]
    while wrapping:  # give each its share; one that needs less keeps its own width
        total = sum(shares[columns[i]] for i in wrapping)
        narrow = [i for i in wrapping if natural[i] <= max(wrap_min, free * shares[columns[i]] // total)]
        if not narrow:
            for i in wrapping:
                widths[i] = max(wrap_min, free * shares[columns[i]] // total)
            break
        for i in narrow:
            widths[i] = natural[i]
            free -= natural[i]
            wrapping.remove(i)
    return [max(w, cell_len(name)) for w, name in zip(widths, columns, strict=True)]  # headers whole


def print_long_table(columns: Sequence[str], widths: Sequence[int], rows: Iterable[Sequence[str]]) -> None:
    """The header, its rule, and ``rows`` (cleaned cells of ``columns``) in blocks."""
    from rich.text import Text

    from armstrack.render import stdout_console

    console = stdout_console()
    header = _line([*columns], widths)
    console.print(Text(header, style="bold"), soft_wrap=True)
    console.print(Text("─" * len(header)), soft_wrap=True)
    out = sys.stdout
    it = iter(rows)
    while block := list(islice(it, 500)):
        out.write("".join(line + "\n" for row in block for line in _row_lines(row, widths)))
    out.flush()


def _row_lines(row: Sequence[str], widths: Sequence[int]) -> Iterator[str]:
    cells = [_cell_lines(cell, width) for cell, width in zip(row, widths, strict=True)]
    height = max(len(lines) for lines in cells)
    for k in range(height):
        yield _line([lines[k] if k < len(lines) else "" for lines in cells], widths)


def _line(parts: Sequence[str], widths: Sequence[int]) -> str:
    from rich.cells import cell_len

    padded = [part + " " * (width - cell_len(part)) for part, width in zip(parts, widths, strict=True)]
    return GAP.join(padded).rstrip()


def _cell_lines(cell: str, width: int) -> list[str]:
    """``cell`` in lines of at most ``width`` terminal cells: broken at spaces, a word
    longer than the width cut; each line break of the cell kept."""
    from rich.cells import cell_len

    lines: list[str] = []
    for paragraph in cell.split("\n"):
        if cell_len(paragraph) <= width:
            lines.append(paragraph)
        elif paragraph.isascii():
            lines += textwrap.wrap(paragraph, width, break_on_hyphens=False) or [""]
        else:  # wide characters: rich's own wrapping counts cells
            from rich.text import Text

            lines += [
                line.plain for line in Text(paragraph).wrap(_measuring_console(), width, overflow="fold")
            ]
    return lines


@cache
def _measuring_console() -> Console:
    from rich.console import Console

    return Console(width=1000, color_system=None)
