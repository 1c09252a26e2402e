"""The lines of a page that are not the story's sentences: datelines ("KIEV, July 13
(Xinhua) —", "FEBRUARY 13, 2025 –"), bylines and date lines ("By Ashley Roque on June 28,
2024", "Saturday, July 2, 2022"), a dispatch's place ("WASHINGTON —"), and lines that link other stories ("Read more:
…"). published.py reads a dateline or a byline's date as the day of publication, a dispatch
as news filed the day it happened, and skips the links (their tense is another story's).
"""

from __future__ import annotations

import re

# The day a dateline gives, its year or not ("Dec. 1", "March 14, 2024"), and an agency in
# brackets after it ("(UPI)").
_DAY = r"(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?(?:, \d{4})?)"  # "February 17th" too
_AGENCY = r"\([A-Z][A-Za-z-]{1,20}\)"

_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][A-Za-z.]+)?,\s*"
    + _DAY
    # "(Xinhua) —", "(Reuters) -", or the agency between slashes: "WASHINGTON, May 11. /TASS/."
    + r"(?:\s*(?:\([^)]{1,40}\))?\s*[-—–:]|\.\s*/[A-Za-z][A-Za-z-]{1,20}/\.)"
)
# The dateline of ANI's wire and the many sites that carry it: "New Delhi [India], December 28
# (ANI):", "Washington, DC [US], December 28:": a place in plain case, its country in brackets.
_BRACKET_DATELINE = re.compile(
    r"[A-Z][A-Za-z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.]+)?\s*\[[A-Z][A-Za-z. ]{1,30}\],\s*"
    + _DAY
    + r"(?:\s*\([^)]{1,40}\))?\s*[-—–:]"
)
# An agency's dateline with no place: "Dec. 1 (UPI) —".
_AGENCY_DATELINE = re.compile(_DAY + r"\s*" + _AGENCY + r"\s*(?:—|–|--?|:)")
# A place in plain case, its day and an agency, the dash left out: "Washington, Aug 19
# (NationPress) Ukrainian President …" (the agency's brackets say it is a dateline).
_PLACE_AGENCY_DATELINE = re.compile(
    r"[A-Z][A-Za-z.'’ -]{1,40},\s*" + _DAY + r"\s*" + _AGENCY + r"\s*(?:—|–|--?|:)?\s*(?=[A-Z“\"])"
)
# A dateline of the full date alone, in any case: "FEBRUARY 13, 2025 – Stating that …".
_DATE_DATELINE = re.compile(r"(?P<date>[A-Z][A-Za-z]{2,8}\.? \d{1,2}, \d{4})\s*(?:—|–|--?)\s")

# A line that is only a day and the time of posting, with no year: "9 June, 07:26 PM", "June 9,
# 7:26 PM" (the time says it is the page's stamp, not a heading that names a day).
_TIMED_DAY_LINE = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,? +)?"
    r"(?P<date>\d{1,2} [A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.? \d{1,2}),?[ \t]+\d{1,2}[:.]\d{2}"
    r"(?:[ \t]*[AaPp]\.?[Mm]\.?)?(?:[ \t]+[A-Z]{2,4})?[ \t]*(?=\n|$)"
)

# A dispatch's dateline names only the place it was filed from: "WASHINGTON —", "KYIV,
# Ukraine (AP) —", "BRUSSELS (Reuters) -". The reporter was there as it happened.
_PLACE_DATELINE = re.compile(
    r"[A-Z]{2}[A-Z.'’ -]{0,38}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?(?: \([A-Za-z. ]{1,30}\))? ?(?:—|–|--?) ?(?=[A-Z\"“])"
)

_SENTENCE_ENDS = frozenset('.!?"”')
_HEADER_CHARS = 1500  # where a page's header has surely ended

# A byline, a "Published" line or a line that is only a date, with the full date: "By Ashley
# Roque on June 28, 2024 at 4:08 PM", "Published 10:04 AM EDT, Tue July 2, 2024", "Sept. 25,
# 2024", "Saturday, July 2, 2022", and the day first as British and European pages write it
# ("26 January 2022, 12:07 PM", "By Jane Roe | Tuesday, 25 January 2022 08:58 PM"), a name
# and its date set apart by a slash ("By Jane Roe / April 21, 2022 at 11:19 AM"). ("Updated"
# dates are later than publication: not these.) A byline's weekday is its own group: the time
# expression read there starts with it.
_MONTH_NAME = r"[A-Z](?:[a-z]{2,8}|[A-Z]{2,8})"  # "July", "JULY" (a line in capitals)
_FULL_DATE = rf"(?:{_MONTH_NAME}\.? \d{{1,2}}, \d{{4}}|\d{{1,2}} {_MONTH_NAME}\.? \d{{4}})"
_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,? +"
_WEEKDAY_BEFORE = rf"(?:{_WEEKDAY})?"
_BYLINE = re.compile(
    r"(?:By [A-Z][^\n]{1,80}?(?: on|,| [|/]|\s—|\s-) +"  # a name: not "By the time … on June 5, 2024"
    rf"(?P<weekday>{_WEEKDAY})?"
    r"|[Bb]y (?:[A-Z][\w'’.-]+ ){1,4}(?=[A-Z][a-z]{2,8}\.? \d)"  # "by Olena Goncharova December 2, 2024"
    r"|(?:Published|Posted)(?: on)?:? +(?:\d{1,2}:\d{2} ?(?:[AP]M)?(?: [A-Z]{2,4})?,? +)?"
    rf"{_WEEKDAY_BEFORE}"
    rf"|{_WEEKDAY_BEFORE}(?={_FULL_DATE}[^\n]{{0,30}}(?:\n|$)))"
    rf"(?P<date>{_FULL_DATE})(?!\d)"
)

# A line linking another story: "Read more: Biden will sign the law on May 9" is that story's
# headline, and its tense is that story's, not this one's. Looked for only when one of its
# words is in the text.
_LINK_WORDS = (
    "read more",
    "read also",
    "read next",
    "also read",
    "see also",
    "related",
    "recommended",
    "more on this",
)
_LINK_LINE = re.compile(
    r"^[ \t]*(?:read\s+(?:more|also|next)|also\s+read|see\s+also|related(?:\s+(?:news|stor(?:y|ies)|articles?))?"
    r"|more\s+on\s+this(?:\s+story)?|recommended)\s*:[^\n]*",
    re.M,
)


def link_lines(low: str) -> list[tuple[int, int]]:
    """(start, end) of each line that links another story (``_LINK_LINE``)."""
    if not any(word in low for word in _LINK_WORDS):
        return []
    return [m.span() for m in _LINK_LINE.finditer(low)]


_HEADER_PARAGRAPHS = 4  # paragraphs a dateline may open, as many more as a page's short lines take
_HEADER_LINE = 200  # characters: a paragraph this short, with no stop at its end, is a header line


def dateline_matches(text: str) -> list[re.Match[str]]:
    """Datelines open one of the first paragraphs: "KIEV, July 13 (Xinhua) —", or a byline
    with the full date ("By Ashley Roque on June 28, 2024"). A page's header lines before
    the story (a menu, a breadcrumb, the outlet's name) do not count among them."""
    found = []
    start = 0
    paragraphs = 0
    while paragraphs < _HEADER_PARAGRAPHS:
        m = (
            _DATELINE.match(text, start)
            or _BRACKET_DATELINE.match(text, start)
            or _AGENCY_DATELINE.match(text, start)
            or _PLACE_AGENCY_DATELINE.match(text, start)
            or _DATE_DATELINE.match(text, start)
            or _TIMED_DAY_LINE.match(text, start)
            or _BYLINE.match(text, start)
        )
        if m:
            found.append(m)
        nxt = text.find("\n\n", start)
        if nxt == -1:
            break
        line = text[start:nxt].rstrip()
        if m or len(line) > _HEADER_LINE or line[-1:] in _SENTENCE_ENDS or start > _HEADER_CHARS:
            paragraphs += 1
        start = nxt + 2
    return found


def dateline_starts_of(m: re.Match[str]) -> tuple[int, ...]:
    """Where a dateline's time expression may start: the line, its date, and each word
    between them, since the words a time expression takes in differ ("Published on
    Wednesday, 20 April 2022" is read from its "on" or its weekday, "By Jane Roe on June 28,
    2024" from its date)."""
    text, start, date = m.string, m.start(), m.start("date")
    words = [i for i in range(start + 1, date) if text[i - 1] in " \t" and text[i] not in " \t"]
    return (start, *words, date)


def is_dispatch(text: str) -> bool:
    """A story whose first paragraphs open with a place alone ("WASHINGTON —") was filed
    from where the news happened, as it happened: the same day, not the day after."""
    start = 0
    for _ in range(4):
        nxt = text.find("\n\n", start)
        end = nxt if nxt != -1 else len(text)
        # A headline in capitals with a dash ("UKRAINE WAR - US Sends More") is no dateline:
        # a dateline opens a paragraph of sentences.
        if _PLACE_DATELINE.match(text, start, end) and text[start:end].rstrip()[-1:] in _SENTENCE_ENDS:
            return True
        if nxt == -1:
            return False
        start = nxt + 2
    return False
