"""Clues to the publication date from a web page's header: the dates its labels and bylines
carry ("Created: 25-09-2023 17:16 IST", "Published Date: 02.07.2025", "Jane Doe Published May 02,
2022 | 10:02 PM", "by Jane Doe - 07/06/23 10:04 PM ET", a line that is only "25.09.2023 17:43"
or opens with it before a "|", a date set apart by "|" on both sides, a short line's last
field after a dash or a bar: "- The Washington Times - Friday, January 12, 2024"), and the day a page
says it was last updated, which its publication cannot follow ("Updated: 25-09-2023").

A date written in numbers is read both ways when both are days ("07/06/23": July 6 or June 7)
and the other clues choose, unless a US time zone beside it ("10:04 PM ET") says the month
comes first, or dots between its numbers ("02.07.2025") the day: that is how the countries
that write dates with dots order them (Germany, Ukraine, Russia, Turkey). Two-digit years
are this century's. Only the header is read (the first lines, before the story has gone
far): a number in the body is a score, a ratio or a part number as often as a date.

Written dates in a byline or on a line of their own ("By Ashley Roque on June 28, 2024",
"Sept. 25, 2024") are read by published.py through the time expressions; this module takes
the labelled ones and those in numbers, and gives the starts of the dates it read, so that
no date counts twice.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection

from armstrack.extract.constraints import EARLIEST, Constraint, span_of
from armstrack.extract.timeresolve import safe_date
from armstrack.extract.timex import month_of

_HEADER_CHARS = 1500  # a headline, a standfirst, a byline: not the story
_HEADER_LINES = 12
_EXACT_WEIGHT = 3.0  # as a dateline's: the page says when it was published
_NUMERIC = (
    r"(?<![\d./-])(?:(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)"
    r"|(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<c>(?:19|20)\d\d|\d\d))(?![\d./-]|,\d)"
)
_WRITTEN = (
    r"(?P<wm>[A-Z][a-z]{2,8})\.? (?P<wd>\d{1,2})(?:st|nd|rd|th)?,? ?(?P<wy>(?:19|20)\d\d)"
    r"|(?P<dd>\d{1,2}) (?P<dm>[A-Z][a-z]{2,8})\.?,? (?P<dy>(?:19|20)\d\d)"
)
_TIME = r"\d{1,2}[:.]\d{2}(?::\d{2})?\s?(?:[AaPp]\.?[Mm]\.?)?(?:\s?[A-Z]{2,4})?"
_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+"
_LABEL = re.compile(
    # at a line's start, after a separator, or after the byline's name ("Jane Roe Published May 02, 2022")
    r"(?:^[ \t]*(?:(?:[Bb]y\s+)?[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){0,3}[ \t]+)?|[|•·—–][ \t]*)(?P<label>(?i:first\s+published|published|posted|created|last\s+updated|updated"
    r"|last\s+modified|modified))(?:\s+(?i:date))?(?:\s+(?:on|at))?\s*:?\s*"
    rf"(?:{_TIME},?\s+)?(?:{_WEEKDAY})?(?P<date>{_NUMERIC}|{_WRITTEN})(?![\w])",
    re.M,
)
# … or after other words of a short line of the page's furniture: "Category: U.S. Politics
# Published on Friday, 08 July 2022 22:24 Hits: 3"
_LABEL_INSIDE = re.compile(
    r"(?<=[ \t])(?P<label>(?i:first\s+published|published|posted|last\s+updated|updated))(?:\s+(?:on|at))?\s*:?\s*"
    rf"(?:{_TIME},?\s+)?(?:{_WEEKDAY})?(?P<date>{_NUMERIC}|{_WRITTEN})(?![\w])"
)
_FURNITURE_LINE = 120  # characters: a line this short with no stop at its end is no sentence
# "by Julia Shapero - 07/06/23 10:04 PM ET", "By Staff | 25.09.2023" (matched at a line's start)
_NUMERIC_BYLINE = re.compile(
    rf"(?:[Bb]y|BY)\s+[A-Z][^\n|]{{1,60}}?\s*[-—–|,]\s*(?:{_WEEKDAY})?(?P<date>{_NUMERIC})"
)
# a line that is only a date in numbers, with its time before or after it ("25.09.2023 17:43",
# "09:54 25.04.2024", or ISO 8601's "2022-03-01T17:07:39Z" a page prints as it stores it), or
# that opens with one before the page's other fields ("07/02/2024 | News release | …")
_ISO_TIME = r"T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?"
_NUMERIC_LINE = re.compile(
    rf"[ \t]*(?:{_TIME},?[ \t]+)?(?P<date>{_NUMERIC})(?:{_ISO_TIME}|,?\s+{_TIME})?[ \t]*(?:[|•·][^\n]*)?$"
)
# a date set apart by "|" on both sides, among a page's other fields: "… has said | 24 April
# 2024 | Washington secretly sent …" (a standfirst, the stamp, the story run into one line)
_PIPED = re.compile(rf"\|[ \t]*(?:{_WEEKDAY})?(?P<date>{_NUMERIC}|{_WRITTEN})(?:,?[ \t]+{_TIME})?[ \t]*\|")
# a short line of the page's fields whose last is the date, after a dash or a bar: "- The
# Washington Times - Friday, January 12, 2024", "News | June 26, 2024"
_TRAILING_DATE = re.compile(
    rf"[ \t][-—–|•·][ \t]*(?:{_WEEKDAY})?(?P<date>{_WRITTEN})(?:,?[ \t]+{_TIME})?[ \t]*$"
)
_LABEL_WORDS = ("publish", "posted", "created", "updated", "modified")
_BYLINE_OR_DIGIT = re.compile(r"(?:[Bb]y|BY)\s|[ \t]*\d")  # how a numeric byline or date line starts
_US_ZONE = re.compile(r"\s(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT)\b")
_LATER = ("updated", "modified")  # the page changed then: it was published before


def header_constraints(text: str, taken: Collection[int] = ()) -> tuple[list[Constraint], set[int]]:
    """The header's dated clues, and the starts of the dates read (module docstring). Dates
    starting at ``taken`` were read already, as a dateline or a written byline."""
    out: list[Constraint] = []
    read: set[int] = set()
    lines = _header_lines(text)
    if not lines:
        return out, read
    # Most headers hold no label, and most lines open with neither "By" nor a digit: cheap
    # looks before any pattern is tried.
    head = text[: lines[-1][1]].lower()
    labelled = any(word in head for word in _LABEL_WORDS)
    for line_start, line_end in lines:
        found: list[re.Match[str]] = []
        if labelled:
            found += _LABEL.finditer(text, line_start, line_end)
            if (
                not found
                and line_end - line_start <= _FURNITURE_LINE
                and not text[line_start:line_end].rstrip().endswith(".")
            ):
                found += _LABEL_INSIDE.finditer(text, line_start, line_end)
        if text.find("|", line_start, line_end) != -1:
            found += _PIPED.finditer(text, line_start, line_end)
        if (
            not found
            and line_end - line_start <= _FURNITURE_LINE
            and text[line_end - 1 : line_end].isdigit()
            and (trailing := _TRAILING_DATE.search(text, line_start, line_end)) is not None
        ):
            found.append(trailing)
        if _BYLINE_OR_DIGIT.match(text, line_start, line_end):
            found += filter(
                None, (p.match(text, line_start, line_end) for p in (_NUMERIC_BYLINE, _NUMERIC_LINE))
            )
        for m in found:
            start = m.start("date")
            if start in taken or start in read:
                continue
            days = _days(m, text[m.end() : line_end][:20])
            if not days:
                continue
            read.add(start)
            evidence = span_of(text, start, m.end("date"))
            label = " ".join((m.groupdict().get("label") or "").lower().split())
            if label.endswith(_LATER):
                out.append(Constraint(((EARLIEST, max(days)),), _EXACT_WEIGHT, evidence))
            else:
                out.append(Constraint(tuple((d, d) for d in days), _EXACT_WEIGHT, evidence, exact=days))
    return out, read


def _header_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the header's lines: the first ones, within ``_HEADER_CHARS``."""
    lines: list[tuple[int, int]] = []
    start = 0
    limit = min(len(text), _HEADER_CHARS)
    while start < limit and len(lines) < _HEADER_LINES:
        end = text.find("\n", start, limit)
        end = limit if end == -1 else end
        lines.append((start, end))
        start = end + 1
    return lines


def _days(m: re.Match[str], after: str) -> list[dt.date]:
    """The days a matched date can be: one when it is written in words or in ISO order or
    only one reading is a day; two for "07/06/23" unless a US time zone follows."""
    g = m.groupdict()
    if g.get("wm") or g.get("dm"):
        month = month_of(g["wm"] or g["dm"])
        day = safe_date(int(g["wy"] or g["dy"]), month, int(g["wd"] or g["dd"])) if month else None
        return [day] if day else []
    if g["iy"]:
        day = safe_date(int(g["iy"]), int(g["im"]), int(g["id"]))
        return [day] if day else []
    year = int(g["c"]) if len(g["c"]) == 4 else 2000 + int(g["c"])
    a, b = int(g["a"]), int(g["b"])
    month_first, day_first = safe_date(year, a, b), safe_date(year, b, a)
    if _US_ZONE.search(after):
        readings = [month_first]
    elif g["sep"] == ".":  # "02.07.2025": dots are the day-first convention of those who write them
        readings = [day_first]
    else:
        readings = [month_first, day_first]
    return sorted({d for d in readings if d is not None})
