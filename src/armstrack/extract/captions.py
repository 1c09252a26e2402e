"""Wire photos' captions that call themselves file photos: "FILE PHOTO: … seen at the G20
summit in Buenos Aires, Argentina November 30, 2018. REUTERS/…/File Photo". The picture is
old: its day is no clue to when the story was written (published_background.py), and what it
shows is no event the story reports (events.py)."""

from __future__ import annotations

import re

# The caption opens by saying so ("FILE PHOTO: …") or ends with a wire credit that does
# ("… REUTERS/Kevin Lamarque/File Photo"). A credit "File Photo by Jemal Countess/UPI" is
# not one: UPI captions the story's news with an old picture.
_FILE_PHOTO = re.compile(
    r"^[ \t]*(?:file|archive)[ \t]+(?:photo|picture|image)\b|/[ \t]*(?:file|archive)[ \t]+(?:photo|picture|image)\b",
    re.M,
)


def file_photo_lines(low: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``low`` (the lower-cased text) that is such a caption."""
    lines: list[tuple[int, int]] = []
    for m in _FILE_PHOTO.finditer(low):
        start = low.rfind("\n", 0, m.start()) + 1
        end = low.find("\n", m.end())
        line = (start, end if end != -1 else len(low))
        if not lines or lines[-1] != line:
            lines.append(line)
    return lines


def in_file_photo_caption(low: str, at: int) -> bool:
    """Is offset ``at`` on a line that calls itself a file photo's caption?"""
    line_start = low.rfind("\n", 0, at) + 1
    line_end = low.find("\n", at)
    return _FILE_PHOTO.search(low, line_start, line_end if line_end != -1 else len(low)) is not None
