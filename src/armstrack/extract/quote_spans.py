"""Where quotations are in a text: quotation marks, paragraph runs, headlines and transcripts.

Text between curly (“…”), straight ("…"), low-high („…“), angle («…») or ASCII
two-apostrophe (''…'', NYT style) double quotes. A quote that opens in one paragraph without
closing continues when the next paragraph opens with a quotation mark, unless that paragraph
opens a transcript's next turn ('"WALLACE: …'). Single quotes are quotations in a headline
("US sends ‘more shells’"), and everywhere in a text that has no double quotation marks at
all (a house style: curly, or straight in a wire's plain text); elsewhere they mark quotes
inside quotes. Transcript
paragraphs that open with a label in capitals ("MR. SMITH: …", "Q: …") are quotes without
marks when the text reads as a transcript: a label comes back, or questions are marked "Q:".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from armstrack.extract.speakers import Names
from armstrack.models import Quote

TRANSCRIPT = re.compile(r"(?P<name>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s+")
# Quotation marks; two apostrophes ('') are NYT-style double quotes, as ASCII typesetting writes them.
MARKS = re.compile(r"[“”\"„«»]|''")
# What closes a quote each opening mark opens; "”" also closes a straight one.
_CLOSERS = {"“": ("”",), '"': ('"', "”"), "„": ("“", "”"), "«": ("»",), "''": ("''", "”", '"')}
OPENERS = re.compile(r"[“„«]")


@dataclass(slots=True)
class QuoteSpan:
    start: int  # first character inside the marks
    end: int  # the closing mark
    open_mark: int


def find_quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    para_ends = [e for _, e in paragraphs]
    open_at: int | None = None
    open_para = -1  # the paragraph the open quote has reached
    opener = ""
    nested = False  # inside a straight quote, a quote of its own in straight marks is open
    for m in MARKS.finditer(text):
        pos, mark = m.start(), m.group()
        para = bisect_left(para_ends, pos)
        if nested:
            nested = False
            if mark == '"' and para == open_para and _closes_only(text, pos):
                continue  # the inner quote's close: '… the word "impossible" in response …'

        if open_at is not None and para != open_para:
            # Any opening mark continues it, as in syndicated copy that mixes them (a curly
            # quote left open, the next paragraph opening with a straight mark); the
            # paragraph's own mark then closes it.
            if mark in _CLOSERS and _starts_paragraph(text, pos):
                opener = mark
                if TRANSCRIPT.match(text, pos + len(mark)):
                    # '"WALLACE: …' opening each paragraph of a transcript: a new speaker's
                    # turn ends the one before at its paragraph's end.
                    spans.append(QuoteSpan(open_at + len(opener), paragraphs[open_para][1], open_at))
                    open_at, open_para = pos, para
                    continue
                open_para = para  # the quote runs on into this paragraph
                continue
            open_at = None  # unclosed, and this paragraph does not continue it
        if open_at is None:
            if mark in _CLOSERS and not (mark == '"' and _closes_only(text, pos)):
                open_at, open_para, opener = pos, para, mark
            continue
        if opener == '"' and mark == '"' and _opens_only(text, pos):
            nested = True  # "… the word "impossible" in response …": a quote inside the quote
            continue
        if mark in _CLOSERS[opener] or (opener == "“" and mark == '"' and _closes_only(text, pos)):
            # (a curly quote that a straight mark closes, glued to its last word: “…," she said)
            spans.append(QuoteSpan(open_at + len(opener), pos, open_at))
            open_at = None
        elif mark == opener and mark != '"':
            open_at = pos  # an unbalanced opening: start again here
    if not spans and MARKS.search(text) is None:
        # A text with no double quotation marks at all quotes in single ones (some outlets'
        # house style): ‘…’ anywhere, an apostrophe inside ("Ukraine’s") running on into a
        # letter; or, with no curly ones either, straight ones ('…', a wire's plain text).
        single = _SINGLE_QUOTED_BODY if "‘" in text else _STRAIGHT_SINGLE_QUOTED if "'" in text else None
        if single is not None:
            found = [QuoteSpan(m.start() + 1, m.end() - 1, m.start()) for m in single.finditer(text)]
            # Straight marks quote only in a text that closes one on a sentence's stop or comma
            # ("… future,' Blinken said"): a lone 'reform' is an apostrophe's use, not a house style.
            if single is _SINGLE_QUOTED_BODY or any(text[q.end - 1] in ",.!?" for q in found):
                return found
    if paragraphs:
        # A headline quotes in single marks ("US sends ‘more shells’ to Kyiv"); an apostrophe
        # ("Kyiv’s") is no closing mark, for it runs on into a letter.
        h_start, h_end = paragraphs[0]
        if h_end - h_start <= _HEADLINE_MAX and not text[h_start:h_end].rstrip().endswith("."):
            head = [
                QuoteSpan(m.start() + 1, m.end() - 1, m.start())
                for m in _SINGLE_QUOTED.finditer(text, h_start, h_end)
            ]
            spans = sorted([*head, *spans], key=lambda span: span.open_mark) if head else spans
    return spans


_HEADLINE_MAX = 200  # characters: a first paragraph this short, with no final period, is the headline
_SINGLE_QUOTED = re.compile(r"(?<![A-Za-z])‘[^‘’\n]{2,120}?’(?![A-Za-z])")
_SINGLE_QUOTED_BODY = re.compile(r"(?<![A-Za-z])‘(?:[^‘’\n]|’(?=[A-Za-z])){2,2000}?’(?![A-Za-z])")
# '…' in straight marks: it opens before a letter, not after one ("Ukraine's"); inside, an
# apostrophe between letters ("don't") or of a plural possessive before its noun ("lawmakers'
# approval") runs on; it closes after a character that is not a space, before no letter.
_STRAIGHT_SINGLE_QUOTED = re.compile(
    r"(?<![A-Za-z0-9'])'(?=[A-Za-z])"
    r"(?:[^'\n]|(?<=[A-Za-z])'(?=[A-Za-z])|(?<=s)'(?=\s+[a-z])){2,2000}?"
    r"(?:(?<=[^\ss])'|(?<=s)'(?!\s+[a-z]))(?![A-Za-z0-9])"
)


def _closes_only(text: str, pos: int) -> bool:
    """Is the straight mark at ``pos`` one that can only close a quote: glued to the word
    before it and followed by a space or a stop ('… this month," Patel said', its opening mark
    lost)? Taken for an opening, it would pair with the next quote's opening mark."""
    before = text[pos - 1 : pos]
    after = text[pos + 1 : pos + 2]
    return (
        bool(before)
        and not before.isspace()
        and before not in "([{—–-"
        and (not after or after in _AFTER_CLOSE)
    )


_AFTER_CLOSE = frozenset(" \t\n\r,.;:!?)]")


def _opens_only(text: str, pos: int) -> bool:
    """Is the straight mark at ``pos`` one that can only open a quote: after a space and
    glued to the word it opens ('the word "impossible'), so no closing mark of the quote
    around it?"""
    return text[pos - 1 : pos] in (" ", "(") and text[pos + 1 : pos + 2].isalnum()


def _starts_paragraph(text: str, pos: int) -> bool:
    return pos == 0 or text[max(0, pos - 2) : pos] == "\n\n"


# A transcript turn without quotation marks: "MR. SMITH: We are ready.", "Q: When?"
_TURN = re.compile(
    r"(?P<label>(?:(?:MR|MS|MRS|DR|GEN|SEN|REP|SECRETARY|GENERAL|PRESIDENT)\.?\s+)?[A-Z][A-Z'’-]+"
    r"(?:\s+[A-Z][A-Z'’-]+){0,2}|Q):\s+(?=\S)"
)
_NOT_SPEAKERS = frozenset(
    "UPDATE NOTE EDITOR'S WATCH READ RELATED PHOTO VIDEO SOURCE DETAILS BACKGROUND".split()
)


def transcript_turns(text: str, paragraphs: list[tuple[int, int]], names: Names) -> list[Quote]:
    """Paragraphs that open with a speaker's label in capitals and a colon, when the text
    reads as a transcript (a label comes back, or questions are marked "Q:"), and have no
    quotation marks of their own: each is that speaker's quote ("Q:" is the interviewer's)."""
    found = []
    for start, end in paragraphs:
        m = _TURN.match(text, start, end)
        if m is None or m.group("label").split()[0] in _NOT_SPEAKERS or MARKS.search(text, m.end(), end):
            continue
        found.append((m, end))
    labels = [m.group("label") for m, _ in found]
    if len(labels) == len(set(labels)) and "Q" not in labels:
        return []  # a transcript's speakers take turns; "KYIV: …" and "WASHINGTON: …" are datelines
    turns = []
    for m, end in found:
        label = m.group("label")
        body_end = len(text[:end].rstrip())
        speaker: str | None
        speaker_id: str | None
        description: str | None
        if label == "Q":
            speaker, speaker_id, description = None, None, "the interviewer"
        else:
            speaker, speaker_id, description = names.named(
                re.sub(r"^(?:MR|MS|MRS|DR)\.?\s+", "", label).title()
            )
        turns.append(
            Quote(
                text=text[m.end() : body_end],
                start=m.end(),
                end=body_end,
                speaker=speaker,
                speaker_id=speaker_id,
                speaker_description=description,
                partial=False,
            )
        )
    return turns
