"""Dates the text itself marks as background, which say only that the writing is later.

A date without a tense is read as news (published.py: within a month before to a year after
it), as a caption's or a headline's date is. Two kinds of text say otherwise:

- a wire photo's caption that calls itself a file photo ("FILE PHOTO: … seen at the G20
  summit in Buenos Aires, Argentina November 30, 2018. REUTERS/…/File Photo"): the picture
  is old; the story is not of its day (captions.py);
- a year the writer looks back to ("Back in 2022, a group of lawmakers …"): the year is
  past, so the writing is in a later year, and every date in that year (the lawmakers'
  letter "is dated 21 August 2022") is the background the paragraph tells.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from armstrack.extract.timex import TimeMention

_BACK = re.compile(r"\bback\s+$")


def looked_back_years(low: str, mentions: Iterable[TimeMention]) -> set[int]:
    """The years written "back in 2022" (``low``: the lower-cased text)."""
    return {
        int(m.fields["year"])
        for m in mentions
        if m.kind == "year"
        and m.fields.get("prep") == "in"
        and _BACK.search(low, max(0, m.start - 8), m.start)
    }
