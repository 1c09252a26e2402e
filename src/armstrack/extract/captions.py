"""Wire photos' captions that call themselves file photos: "FILE PHOTO: … seen at the G20
summit in Buenos Aires, Argentina November 30, 2018. REUTERS/…/File Photo", "FILE - A launch
truck fires … on May 23, 2011." The picture is old: its day is no clue to when the story was
written (published_background.py), and what it shows is no event the story reports (events.py)."""

from __future__ import annotations

import re
from bisect import bisect_right

# The caption opens by saying so ("FILE PHOTO: …", the AP's "FILE - In this May 23, 2011,
# file photo …") or ends with a wire credit that does ("… REUTERS/Kevin Lamarque/File Photo";
# the AP's "(AP Photo/…, File)" is gone by then: the loader drops credits in parentheses). A
# credit "File Photo by Jemal Countess/UPI" is not one: UPI captions the story's news with an
# old picture.
_FILE_PHOTO = re.compile(
    r"^[ \t]*(?:file|archive)[ \t]+(?:photo|picture|image)\b|/[ \t]*(?:file|archive)[ \t]+(?:photo|picture|image)\b"
    r"|^[ \t]*file[ \t]*[-–—:][ \t]",
    re.M,
)


def file_photo_lines(low: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``low`` (the lower-cased text) that is such a caption."""
    lines: list[tuple[int, int]] = []
    if "file" not in low and "archive" not in low:
        return lines  # the usual page: a fast scan, not the pattern's at every offset
    for m in _FILE_PHOTO.finditer(low):
        if lines and m.start() < lines[-1][1]:
            continue  # its line is found already (each line is searched back and on once)
        start = low.rfind("\n", 0, m.start()) + 1
        end = low.find("\n", m.end())
        lines.append((start, end if end != -1 else len(low)))
    return lines


def inside(lines: list[tuple[int, int]], at: int) -> bool:
    """Is offset ``at`` within one of ``lines`` (sorted and apart, as ``file_photo_lines``
    gives them)? One bisect: a page of many captions costs no more per clue."""
    i = bisect_right(lines, (at, _AFTER_ANY_END)) - 1
    return i >= 0 and lines[i][0] <= at < lines[i][1]


_AFTER_ANY_END = 1 << 62
