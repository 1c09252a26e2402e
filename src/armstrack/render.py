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
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from armstrack.sanitize import for_terminal

if TYPE_CHECKING:
    from rich.console import Console

# Characters JSON may carry raw but a terminal or a careless reader should not see raw
# (DEL, C1 controls, line and paragraph separators, bidirectional controls), as UTF-8: each
# lead byte here never occurs inside another character's encoding.
_JSON_UNSAFE_UTF8 = re.compile(rb"\x7f|\xc2[\x80-\x9f]|\xe2\x80[\x8e\x8f\xa8-\xae]|\xe2\x81[\xa6-\xa9]")


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
    return encode_json(data, indent=indent).decode("utf-8")


def encode_json(data: Any, *, indent: int | None = 2) -> bytes:
    """JSON as UTF-8: indented, or compact with no spaces. A pydantic model is encoded by
    pydantic's own (Rust) encoder straight to bytes: for a record of a hundred thousand
    facts, no intermediate dicts and no text copy, a fraction of the time and memory."""
    if hasattr(data, "model_dump_json"):
        from pydantic_core import to_json

        raw = to_json(data, indent=indent)
    else:
        separators = (",", ":") if indent is None else (",", ": ")
        raw = json.dumps(to_jsonable(data), ensure_ascii=False, indent=indent, separators=separators).encode()
    return _terminal_safe(raw)


def _terminal_safe(raw: bytes) -> bytes:
    if raw.isascii() and b"\x7f" not in raw:  # two C scans: nothing the pattern matches can be in it
        return raw
    return _JSON_UNSAFE_UTF8.sub(_escape_utf8, raw)


def _bulk_encoder() -> Callable[[Any], bytes]:
    """``encode_json(row, indent=None)`` by pydantic's (Rust) encoder, in half the time: the
    same bytes for the plain values rows are made of (tests/test_timeline.py), but for a
    float under 0.0001, written as a decimal (0.00001, not 1e-05: the same number). Its
    import costs about 25 ms, so only a long stream of rows takes it."""
    from pydantic_core import to_json

    return lambda row: _terminal_safe(to_json(to_jsonable(row)))


_BULK_ROWS = 1000  # rows streamed before the bulk encoder pays for its import


def _escape_utf8(match: re.Match[bytes]) -> bytes:
    return f"\\u{ord(match.group().decode('utf-8')):04x}".encode("ascii")


def print_json(data: Any) -> None:
    """Indented for a person at a terminal; compact when piped (C-speed: indenting makes
    Python's json encoder fall back to pure Python, several times slower on large output)."""
    _write_line(encode_json(data, indent=2 if sys.stdout.isatty() else None))


def print_json_array(rows: Iterable[Any]) -> None:
    """A JSON array of ``rows``: on a terminal indented, as ``print_json``; piped, compact
    and written a row at a time as the rows come (the same bytes as the whole array at
    once), so that a long listing starts at once and is never all in memory."""
    if sys.stdout.isatty():
        print_json([json.loads(row) if isinstance(row, bytes) else row for row in rows])
        return
    sys.stdout.flush()
    out = sys.stdout.buffer
    out.write(b"[")
    for i, line in enumerate(encoded_rows(rows)):
        if i:
            out.write(b",")
        out.write(line)
    out.write(b"]\n")
    out.flush()


def print_json_lines(rows: Iterable[Any]) -> None:
    """One compact JSON object a line, written as the rows come."""
    sys.stdout.flush()
    out = sys.stdout.buffer
    for line in encoded_rows(rows):
        out.write(line)
        out.write(b"\n")
    out.flush()


def encoded_rows(rows: Iterable[Any]) -> Iterator[bytes]:
    """Each row as compact JSON (``encode_json``), past ``_BULK_ROWS`` by the bulk encoder. A
    row already encoded (bytes: a stored record's JSON, written by the same encoder) is
    taken as it is, made as safe for a terminal as any other."""
    encode: Callable[[Any], bytes] = partial(encode_json, indent=None)
    for i, row in enumerate(rows):
        if i == _BULK_ROWS:
            encode = _bulk_encoder()
        yield _terminal_safe(row) if isinstance(row, bytes) else encode(row)


def print_json_text(raw: bytes) -> None:
    """JSON already encoded (a stored record): as it is when piped, indented on a terminal."""
    if sys.stdout.isatty():
        print_json(json.loads(raw))
        return
    _write_line(_JSON_UNSAFE_UTF8.sub(_escape_utf8, raw))


def _write_line(raw: bytes) -> None:
    sys.stdout.flush()  # whatever went through the text layer first stays first
    sys.stdout.buffer.write(raw)
    sys.stdout.buffer.write(b"\n")
    sys.stdout.buffer.flush()


def stdout_console() -> Console:
    """A console for stdout: colour and width from the terminal; plain and wide when piped."""
    from rich.console import Console

    is_tty = sys.stdout.isatty()
    no_color = bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
    width = None if is_tty else _piped_width()
    console = Console(
        file=sys.stdout, width=width, no_color=no_color, highlight=False, emoji=False, markup=False,
        soft_wrap=False, color_system=None if no_color else "auto",  # NO_COLOR: no escape codes at all
    )  # fmt: skip
    console.on_broken_pipe = _reader_gone  # type: ignore[method-assign]
    return console


def _reader_gone() -> None:
    """rich ends the process with status 1 when the reader of stdout goes away (`… | head`);
    armstrack's one place for exit codes (cli.run) says that is no error."""
    raise BrokenPipeError


def _piped_width() -> int:
    """Tables written to a pipe or a file: ``COLUMNS`` if set, else a readable fixed width."""
    try:
        return max(int(os.environ.get("COLUMNS", "0") or 0), 0) or PIPED_WIDTH
    except ValueError:
        return PIPED_WIDTH


PIPED_WIDTH = 100
WRAP_MIN = 20  # a column that wraps (a title, a summary, a quote) is never narrower than this
_LONG = 40  # characters: a cell this long wraps, whatever the listing said
_GAP = 3  # what rich puts between two columns: padding either side and the box's divider


def fit_columns(
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int,
    wrap: dict[str, int],
    drop: Sequence[str] = (),
) -> tuple[list[str], list[str]]:
    """(kept, dropped): the columns a table of ``width`` characters can show readably.

    A column that does not wrap needs its widest cell; one that wraps needs ``WRAP_MIN``
    (or its widest cell, if narrower). While the sum is too wide, columns are left out: those
    named in ``drop`` first, in that order, then the columns that do not wrap from the last
    one back (the first column, the row's key, stays), then the wrapping ones with the
    smallest share. The column with the largest share (the title, the summary) always stays.
    """
    natural = _natural_widths(columns, rows)

    def need(name: str) -> int:
        return min(natural[name], WRAP_MIN) if name in wrap else natural[name]

    kept = list(columns)
    main = max(wrap, key=lambda n: wrap[n]) if wrap else columns[0]
    order = [n for n in drop if n in kept]
    order += [n for n in reversed(columns[1:]) if n not in wrap and n not in order]
    order += sorted((n for n in wrap if n in kept and n != main and n not in order), key=lambda n: wrap[n])
    dropped: list[str] = []
    for name in order:
        if sum(need(n) for n in kept) + _GAP * (len(kept) - 1) <= width:
            break
        if name == main or name == columns[0]:
            continue
        kept.remove(name)
        dropped.append(name)
    return kept, dropped


def _natural_widths(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> dict[str, int]:
    """Each column's widest line, its header included."""
    return {
        name: max([len(name), *(max((len(line) for line in row[i].split("\n")), default=0) for row in rows)])
        for i, name in enumerate(columns)
    }


def _needed_shares(
    columns: Sequence[str], rows: Sequence[Sequence[str]], shares: dict[str, int]
) -> dict[str, int]:
    """The wrapping columns that need to wrap: one whose text fits in ``WRAP_MIN`` (an empty
    title, a short error) keeps its own width and leaves the free width to the others."""
    natural = _natural_widths(columns, rows)
    return {name: share for name, share in shares.items() if natural.get(name, 0) > WRAP_MIN}


def _note_dropped(dropped: Sequence[str], width: int) -> None:
    if dropped:
        sys.stderr.write(
            f"armstrack: note: {width} columns leave no room for {', '.join(dropped)}; "
            "--fields chooses the columns (or widen the terminal)\n"
        )


def _table_width() -> int:
    return stdout_console().width


def print_table(
    columns: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    title: str | None = None,
    wrap: Sequence[str] | dict[str, int] = (),
    drop: Sequence[str] = (),
    fit: bool = True,
) -> None:
    """A table of untrusted strings. Columns named in ``wrap`` wrap instead of growing (a
    dict gives each its share of the free width). With ``fit``, columns that cannot be
    shown readably at this width are left out, with a note on stderr (``fit_columns``)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from armstrack.longtable import LONG_ROWS, column_widths, print_long_table

    shares = dict(wrap) if isinstance(wrap, dict) else dict.fromkeys(wrap, 3)
    rest = iter(rows)
    lines = [[clean(cell) for cell in row] for row in islice(rest, LONG_ROWS + 1)]  # the layout's rows
    width = _table_width()
    for i, name in enumerate(columns):  # a long text nobody said would wrap (a --fields choice) wraps
        if name not in shares and any(len(line[i]) > _LONG for line in lines):
            shares[name] = 1
    shares = _needed_shares(columns, lines, shares)
    kept = list(columns)
    if fit:
        kept, dropped = fit_columns(columns, lines, width, shares, drop)
        _note_dropped(dropped, width)
    index = [list(columns).index(name) for name in kept]
    if len(lines) > LONG_ROWS and title is None:  # laid out from its first rows, printed as they come
        shown = [[line[i] for i in index] for line in lines]
        widths = column_widths(kept, shown, width, {n: s for n, s in shares.items() if n in kept}, WRAP_MIN)
        later = ([clean(row[i]) for i in index] for row in rest)
        print_long_table(kept, widths, chain(shown, later))
        return
    lines += ([clean(cell) for cell in row] for row in rest)
    table = Table(
        title=title,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        title_justify="left",
        expand=bool(shares),
    )
    for name in kept:
        share = shares.get(name)
        table.add_column(
            name, overflow="fold", ratio=share, no_wrap=share is None, min_width=WRAP_MIN if share else None
        )
    for line in lines:
        table.add_row(*(Text(line[i]) for i in index))
    stdout_console().print(table)


def print_text(text: str, *, style: str | None = None) -> None:
    from rich.text import Text

    stdout_console().print(Text(clean(text), style=style or ""))


def print_grouped_table(
    columns: Sequence[str],
    groups: dict[str, list[list[str]]],
    *,
    wrap: dict[str, int] | None = None,
    drop: Sequence[str] = (),
) -> None:
    """One table, its rows in titled sections (the timeline's months). ``wrap`` maps the
    columns that wrap to their share of the free width; columns that cannot be shown
    readably at this width are left out, with a note (``fit_columns``)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    width = _table_width()
    cleaned = {title: [[clean(cell) for cell in row] for row in rows] for title, rows in groups.items()}
    flat = [r for rows in cleaned.values() for r in rows]
    shares = _needed_shares(columns, flat, wrap or {})
    kept, dropped = fit_columns(columns, flat, width, shares, drop)
    _note_dropped(dropped, width)
    index = [list(columns).index(name) for name in kept]
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=bool(shares))
    for name in kept:
        share = shares.get(name)
        table.add_column(
            name, overflow="fold", ratio=share, no_wrap=share is None, min_width=WRAP_MIN if share else None
        )
    for title, rows in cleaned.items():
        table.add_row(Text(clean(title), style="bold"), *([""] * (len(kept) - 1)))
        for row in rows:
            table.add_row(*(Text(row[i]) for i in index))
        table.add_section()
    stdout_console().print(table)


# ---------------------------------------------------------------- listings in every format

FORMATS = ("table", "json", "jsonl", "csv", "markdown")


@dataclass
class Listing:
    """What a listing command prints, in any format.

    ``rows`` are the JSON contract's objects (plain dicts). ``columns`` is the flat view that
    tables, CSV and Markdown show: a column name and how to make its cell from a row.
    ``wrap`` gives the table columns that wrap their share of the free width; ``group``
    splits a table into titled sections (the timeline's months).
    """

    rows: Iterable[dict[str, Any]]  # a Sequence, or an iterator for JSON and JSON Lines
    columns: dict[str, Callable[[dict[str, Any]], str]]
    keys: Sequence[str]  # the JSON objects' keys (tests check them against the models)
    wrap: dict[str, int] = field(default_factory=dict)
    group: Callable[[dict[str, Any]], str] | None = None
    # Date columns, for CSV: how to get the column's date parts from a row. In CSV a date is
    # ISO parts in columns of their own ("date_start", "date_end", "date_precision", …); the
    # "2024-06~" display is for people (tables and Markdown).
    dates: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = field(default_factory=dict)
    # Columns CSV adds by default that tables leave out for width (ids, numbers). Every
    # ``dates`` getter that is not a column is added too (its parts in columns of their own).
    machine: dict[str, Callable[[dict[str, Any]], str]] = field(default_factory=dict)
    # Table columns to leave out first when the terminal is narrow (fit_columns).
    drop: Sequence[str] = ()

    def fields(self, fmt: str = "table") -> list[str]:
        """The names ``--fields`` accepts in ``fmt``: JSON keys for JSON and JSON Lines; the
        flat columns, then the JSON keys, for the others."""
        if fmt in ("json", "jsonl"):
            return list(self.keys)
        return list(dict.fromkeys([*self.columns, *self.dates, *self.machine, *self.keys]))


def emit(listing: Listing, fmt: str = "table", fields: Sequence[str] | None = None) -> None:
    """Print ``listing`` as a table, JSON, JSON Lines, CSV or Markdown. ``fields`` chooses
    and orders the columns (tables, CSV, Markdown) or the keys kept (JSON, JSON Lines)."""
    chosen = list(fields) if fields else None
    if fmt in ("json", "jsonl"):  # rows may be made as they are printed (an iterator)
        rows: Iterable[dict[str, Any]] = (
            (_project(r, chosen) for r in listing.rows) if chosen else listing.rows
        )
        if fmt == "json":
            print_json_array(rows)
        else:
            print_json_lines(rows)
        return
    # The layouts below read each row once, as it comes, and keep only its cells: a listing
    # of every stored record holds strings, not the records.
    names = chosen or list(listing.columns)
    if fmt == "csv":
        names = chosen or [
            *listing.columns,
            *(d for d in listing.dates if d not in listing.columns),
            *listing.machine,
        ]
        import csv

        header: list[str] = []
        for name in names:  # a date column's getter answers an empty row with its part names
            header += (
                [f"{name}_{part}" for part in listing.dates[name]({})] if name in listing.dates else [name]
            )
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(header)
        for row in listing.rows:
            line: list[str] = []
            for name in names:
                if name in listing.dates:
                    line += [_csv_value(v) for v in listing.dates[name](row).values()]
                else:
                    line.append(clean_cell(_cell(listing, name, row)))
            writer.writerow(line)
        sys.stdout.flush()
        return
    if fmt == "markdown":  # a document, not a terminal: it carries the machine columns too
        names = chosen or [
            *listing.columns,
            *(d for d in listing.dates if d not in listing.columns),
            *listing.machine,
        ]
    if fmt == "markdown":
        sys.stdout.write("| " + " | ".join(_md(n) for n in names) + " |\n")
        sys.stdout.write("|" + " --- |" * len(names) + "\n")
        for row in listing.rows:
            sys.stdout.write("| " + " | ".join(_md(_cell(listing, name, row)) for name in names) + " |\n")
        sys.stdout.flush()
        return
    if listing.group is not None and not chosen:
        groups: dict[str, list[list[str]]] = {}
        for row in listing.rows:
            groups.setdefault(listing.group(row), []).append([_cell(listing, name, row) for name in names])
        print_grouped_table(names, groups, wrap=listing.wrap, drop=listing.drop)
        return
    print_table(
        names,
        ([_cell(listing, name, row) for name in names] for row in listing.rows),  # made as they are printed
        wrap={n: s for n, s in listing.wrap.items() if n in names},
        drop=listing.drop,
        fit=not chosen,  # columns the user chose with --fields are all shown, folded if need be
    )


def check_fields(listing: Listing, fields: Sequence[str], fmt: str) -> None:
    allowed = listing.fields(fmt)
    for name in fields:
        if name not in allowed:
            import difflib

            from armstrack.errors import UsageError

            close = difflib.get_close_matches(name, allowed, n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise UsageError(f"--fields: no field {name!r} in {fmt}{hint}; fields: {', '.join(allowed)}")


def _project(row: dict[str, Any], names: Sequence[str]) -> dict[str, Any]:
    return {n: row[n] for n in names if n in row}


def amount_parts(row: dict[str, Any]) -> dict[str, Any]:
    """An event's sum for CSV: the number and its currency (empty when it states none)."""
    amount = row.get("amount") or {}
    value = amount.get("value")
    return {"value": int(value) if isinstance(value, float) and value.is_integer() else value,
            "currency": amount.get("currency")}  # fmt: skip


def interval_parts(interval: dict[str, Any] | None, inferred: bool = False) -> dict[str, Any]:
    """A date interval's parts for CSV: ISO start and end, precision, inferred."""
    interval = interval or {}
    return {
        "start": interval.get("start"), "end": interval.get("end"),
        "precision": interval.get("precision", "unknown"), "inferred": inferred,
    }  # fmt: skip


def show_published(published: dict[str, Any] | None) -> str:
    """An article's publication date for people: "2024-06-21", or "2024-06-21~" when inferred."""
    if not published:
        return "unknown"
    return (published.get("date") or "unknown") + ("~" if published.get("inferred") else "")


def published_parts(published: dict[str, Any]) -> dict[str, Any]:
    """An article's publication date for CSV: the best guess, the range it claims, its precision."""
    return {
        "date": published.get("date"), "earliest": published.get("earliest"),
        "latest": published.get("latest"), "precision": published.get("precision", "unknown"),
        "inferred": bool(published.get("inferred")),
    }  # fmt: skip


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return clean_cell(str(value))


def _cell(listing: Listing, name: str, row: dict[str, Any]) -> str:
    make = listing.columns.get(name) or listing.machine.get(name)
    if make is not None:
        return make(row)
    if name in listing.dates:  # parts of a value that is not a column: "275000000 USD"
        return " ".join(_csv_value(v) for v in listing.dates[name](row).values() if v is not None)
    value = row.get(name)
    return _display(value)


def _display(value: Any) -> str:
    """A JSON value as a cell a person reads: a publication date or an interval as its date,
    a list as its items, an object with a name, text or URL as that; anything else as JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return json.dumps(value)
    if isinstance(value, dict):
        if "inferred" in value and "date" in value:
            return show_published(value)
        if "start" in value and "precision" in value:
            return str(value["start"]) + (
                "" if value.get("end") in (None, value["start"]) else f"..{value['end']}"
            )
        for key in ("name", "text", "url", "id"):
            found = value.get(key)
            if isinstance(found, str):
                return found
    if isinstance(value, list):
        return ", ".join(_display(v) for v in value)
    return json.dumps(value, ensure_ascii=False)


def clean_cell(text: str) -> str:
    """A CSV or Markdown cell: no control characters or escape sequences (a spreadsheet or
    a terminal may show it), newlines kept by CSV's quoting."""
    return clean(text)


def _md(text: str) -> str:
    return " ".join(clean(text).split()).replace("\\", "\\\\").replace("|", "\\|")
