"""Tables longer than ``longtable.LONG_ROWS`` are laid out from their first rows and printed
as the rows come (longtable.py): every cell's words still shown, in order, within the
width; printing starts before the last row is made; untrusted text stays text."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from rich.cells import cell_len

from armstrack import longtable
from armstrack.render import Listing, emit

COLUMNS = ["id", "source", "title", "n"]


@pytest.fixture(autouse=True)
def short_long_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(longtable, "LONG_ROWS", 5)


def listing(rows: list[dict[str, str]]) -> Listing:
    return Listing(
        rows=iter(rows),
        columns={name: (lambda r, name=name: r[name]) for name in COLUMNS},  # type: ignore[misc]
        keys=COLUMNS,
        wrap={"title": 3},
    )


def title(i: int) -> str:
    return f"US weighs more help for Ukraine as allies meet again in Brussels ({i})"


def cut(line: str, start: int, end: int) -> str:
    """The part of ``line`` in terminal cells ``start`` to ``end``, stripped."""
    out, at = [], 0
    for ch in line:
        if start <= at < end:
            out.append(ch)
        at += cell_len(ch)
    return "".join(out).strip()


def shown(out: list[str]) -> list[dict[str, list[str]]]:
    """Each row of a printed table as its columns' lines (the header gives where they are)."""
    header = out[0]
    starts = [header.index(name) for name in COLUMNS]
    bounds = list(zip(starts, [*starts[1:], 10_000], strict=True))
    rows: list[dict[str, list[str]]] = []
    for line in out[2:]:
        if cut(line, *bounds[0]):
            rows.append({name: [] for name in COLUMNS})
        for name, (a, b) in zip(COLUMNS, bounds, strict=True):
            if part := cut(line, a, b):
                rows[-1][name].append(part)
    return rows


def test_every_cell_is_shown_in_order_within_the_width(capsys: pytest.CaptureFixture[str]) -> None:
    rows = [{"id": f"a{i:03d}", "source": "Daily Ledger", "title": title(i), "n": str(i)} for i in range(40)]
    rows[30]["source"] = "A Much Longer Outlet Name Than The First Rows Had"  # wider than its column
    emit(listing(rows))
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == COLUMNS and set(out[1]) == {"─"}
    assert all(cell_len(line) <= 100 for line in out)
    printed = shown(out)
    assert [r["id"] for r in printed] == [[row["id"]] for row in rows]  # one row each, in order
    for row, seen in zip(rows, printed, strict=True):
        assert " ".join(seen["title"]).split() == row["title"].split()  # wrapped at spaces
        assert "".join(seen["n"]) == row["n"]  # wider than the first rows': folded
        assert "".join(seen["source"]).replace(" ", "") == row["source"].replace(" ", "")


def test_wide_characters_keep_the_columns_straight(capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        {"id": f"a{i:02d}", "source": "新华社", "title": "乌克兰 " * 12 + str(i), "n": "1"} for i in range(12)
    ]
    emit(listing(rows))
    out = capsys.readouterr().out.splitlines()
    assert all(cell_len(line) <= 100 for line in out)
    printed = shown(out)
    assert len(printed) == 12
    for row, seen in zip(rows, printed, strict=True):
        assert seen["source"] == ["新华社"] and seen["n"] == ["1"]  # each in its own column's cells
        assert " ".join(seen["title"]).split() == row["title"].split()


def test_printing_starts_before_the_last_row_is_made(monkeypatch: pytest.MonkeyPatch) -> None:
    made = 0
    made_when_first_written: list[int] = []

    def rows() -> Iterator[dict[str, str]]:
        nonlocal made
        for i in range(5000):
            made += 1
            yield {"id": f"a{i}", "source": "Wire", "title": title(i), "n": str(i)}

    class Recorder:
        def write(self, text: str) -> int:
            if not made_when_first_written:
                made_when_first_written.append(made)
            return len(text)

        def flush(self) -> None:
            pass

        def isatty(self) -> bool:
            return False

    monkeypatch.setattr(sys, "stdout", Recorder())
    emit(
        Listing(
            rows=rows(),
            columns={name: (lambda r, name=name: r[name]) for name in COLUMNS},  # type: ignore[misc]
            keys=COLUMNS,
            wrap={"title": 3},
        )
    )
    assert made == 5000
    assert made_when_first_written and made_when_first_written[0] <= longtable.LONG_ROWS + 1


def test_untrusted_cells_stay_text(capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        {"id": f"a{i}", "source": "\x1b[31mred\x1b]0;title\x07", "title": title(i), "n": "\x9b2J"}
        for i in range(9)
    ]
    emit(listing(rows))
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "red" in out


def test_a_short_table_is_laid_out_by_rich_as_before(capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        {"id": f"a{i}", "source": "Wire", "title": title(i), "n": str(i)} for i in range(longtable.LONG_ROWS)
    ]
    emit(listing(rows))
    short = capsys.readouterr().out.splitlines()
    emit(listing([*rows, rows[0]]))
    long = capsys.readouterr().out.splitlines()
    assert short[0].split() == long[0].split() == COLUMNS
    assert [line.split()[0] for line in short[2:] if line.startswith("a")] == [r["id"] for r in rows]
