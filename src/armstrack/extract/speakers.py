"""Who a quote's speaker can be: names the text presents, and the people "he" and "she" refer to.

Speakers are recognised from how reporting presents them, not from a list: an honorific
("Mr. Dalton"), a full name opening a sentence ("Jacinda Ardern spoke"), a name led by a
common given name or given an age anywhere ("two voters, Bryan Anderson and …", "Jimmy
Tompkins, 31,"), a name next to a speech verb; and that person's surname alone after.
``Names`` keeps the names no list knows, so that a later surname or "Mr. Surname" is the
same person. ``Antecedents`` resolves a pronoun: the speaker quoted last, unless someone
else has since been a sentence's subject (opening it, after a phrase set off by a comma, or
named by "according to"); else the nearest recent subject of its gender; else the nearest
person of its gender. A person's gender comes from an honorific, a common given name
(data/first_names.toml), or the first "he"/"she" after the name.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from armstrack.extract.actors import ActorFinding, slug
from armstrack.extract.roles import ARTICLE_BEFORE, ROLE_WORDS, SPEECH_BEFORE, first_name_gender, given_names
from armstrack.extract.trie import factored
from armstrack.text import Sentences, SpanIndex, in_headline_case

_HONORIFIC = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Gen|Sen|Rep|Gov|Prof|Lt|Col|Maj|Capt|Adm|Sgt|Gov)\.?\s+)"
_NAME_WORD = r"(?:[A-Z]{2,5}(?=\s+[A-Z][a-z])|[A-Z]['’][A-Z][a-z]+|[A-Z][a-zà-öø-ÿ'’]+(?:-[A-Z]?[a-zà-öø-ÿ'’]+)*|[A-Z]\.|Mc[A-Z][a-z]+|[A-Z][a-z]*[A-Z][a-z]+)"
NAME = rf"{_HONORIFIC}?{_NAME_WORD}(?:[^\S\n]+{_NAME_WORD}){{0,3}}"  # never across a line break
_NAME_AT_END = re.compile(rf"(?P<name>{NAME})[\s,]*$")
_NAME_AT_START = re.compile(rf"^[\s,'’]*(?P<name>{NAME})(?![\w-])")
# Capitalised words that begin a clause or name a group, not a person.
_NOT_NAMES = frozenset(
    """the a an it this that these those he she they we i you his her their its our my in on at but and or so as
    if when while after before asked according also then there here yes no mr mrs ms dr officials democrats
    republicans americans ukrainians russians europeans critics supporters voters residents people police
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december democratic republican conservative liberal progressive
    american russian ukrainian european british french german chinese national federal sources analysts experts
    lawmakers legislators senators commanders diplomats officers aides advisers advisors insiders protesters
    demonstrators witnesses observers economists historians researchers journalists reporters authorities
    negotiators investigators prosecutors activists today yesterday tomorrow tonight
    last next more most many some several few other another each every all both such earlier later
    since until meanwhile however although though quote""".split()
)


class Antecedents:
    """Who "he" or "she" can be: the person mentions outside quotations, each with the gender
    the text gives them (an honorific, "Mr."/"Ms.", or the first "he"/"she" that follows
    their name before another person is named); unknown gender fits either."""

    def __init__(
        self, text: str, sentences: Sentences, actors: ActorFinding, quoted: list[tuple[int, int]]
    ) -> None:
        inside = SpanIndex(quoted)
        known = SpanIndex([(m[0], m[1]) for m in (*actors.person_mentions, *actors.org_mentions)])
        # People the lists do not know, from how the text presents them (``presented``: "Mr.
        # Dalton", "Jacinda Ardern spoke", "two voters, Bryan Anderson and …"), unless a known
        # name is part of the words; and their surnames after ("Anderson agreed").
        known_starts = sorted(m[0] for m in (*actors.person_mentions, *actors.org_mentions))
        headlines: dict[int, bool] = {}  # per line: written in headline case?
        unknown = []
        for start, end, name in presented(text):
            if (
                not known.holds(start, start + 1)
                and bisect_left(known_starts, start) == bisect_left(known_starts, end)  # none inside it
                and not {w.lower() for w in name.split()} & _NOT_NAMES
                and not _in_headline(text, start, headlines)  # "Lawmakers Weigh New Weapons for Kyiv"
            ):
                unknown.append((start, end, slug(name), name))
        unknown += surname_mentions(text, unknown, known)
        everyone = sorted([*actors.person_mentions, *unknown])
        self.mentions = [p for p in everyone if not inside.holds(p[0], p[1])]
        # Mentions that open their sentence, after nothing but words of title: its subject.
        self.subjects = set()
        for i, (start, end, *_) in enumerate(self.mentions):
            opens = sentences.bounds_at(start)[0]
            if start - opens <= TITLE_LEAD and TITLE_ONLY.fullmatch(text, opens, start) is not None:
                self.subjects.add(i)
            elif (
                start - opens <= TITLE_LEAD + FRONTED_LONGEST
                and (fronted := FRONTED.match(text, opens, start)) is not None
                and TITLE_ONLY.fullmatch(text, fronted.end(), start) is not None
            ):
                # After a phrase set off at the sentence's start, the subject: "In a statement,
                # President Obama condemned …", "During a town hall, Tina Houchins asked …";
                # and the source that "according to" names.
                self.subjects.add(i)
            elif (
                (verb := SPEECH_BEFORE.search(text, max(opens, start - 40), start))
                and _COMMA_BEFORE.search(text, max(opens, verb.start() - 3), verb.start())
                and not text.startswith(_POSSESSIVE, end)  # "…, said Ivanka Trump's statement": an object
            ):
                self.subjects.add(i)  # the subject of an inverted speech verb: "…, noted NBC’s Dante Chinni"
        self.starts = [p[0] for p in self.mentions]
        self.last: tuple[str, str, int] | None = None  # (name, id, end) of the last quote's named speaker
        self.described: tuple[str, int] | None = None  # (description, end) of the last quote's unnamed one
        # (name, id, end) of the last quote an organization or a country spoke: "it said" after it
        self.organization: tuple[str, str, int] | None = None
        self.gender: dict[str, str] = {}
        for i, (start, end, pid, _) in enumerate(self.mentions):
            if pid in self.gender:
                continue
            honorific = _GENDERED_TITLE.search(text, max(0, start - 6), start)
            if honorific is not None:
                self.gender[pid] = "he" if honorific.group().lower().startswith("mr") else "she"
                continue
            given = first_name_gender(self.mentions[i][3])
            if given is not None:
                self.gender[pid] = given
                continue
            if text.startswith(_POSSESSIVE, end):
                continue  # "After Biden's remarks, she said": the pronoun is someone else
            until = self.mentions[i + 1][0] if i + 1 < len(self.mentions) else min(len(text), end + 300)
            pronoun = _SUBJECT_PRONOUN.search(text, end, min(until, end + 300))
            if pronoun is not None:
                self.gender[pid] = pronoun.group().lower()

    def organization_before(self, offset: int) -> tuple[str, str] | None:
        """(name, id) of the organization "it said" is, before ``offset``: the last one quoted,
        not long before (``_SUBJECT_RECENT``), and no person quoted since."""
        if self.organization is None:
            return None
        name, oid, at = self.organization
        if offset - at > _SUBJECT_RECENT or (self.last is not None and self.last[2] > at):
            return None
        return name, oid

    def before(self, offset: int, pronoun: str) -> tuple[str, str] | None:
        """(name, id) of the person before ``offset`` that ``pronoun`` refers to: the speaker
        quoted last, when of its gender and nobody else has since been a sentence's subject;
        else the nearest one of its gender that was the subject of a recent sentence ("Trump
        said he will meet Mark Rutte … Asked …, he said"); else the nearest one of its gender."""
        fits = [
            i for i in range(bisect_left(self.starts, offset) - 1, -1, -1)
            if self.gender.get(self.mentions[i][2], pronoun) == pronoun
        ]  # fmt: skip
        recent = [i for i in fits if offset - self.starts[i] <= _SUBJECT_RECENT and i in self.subjects]
        if self.last is not None:
            # "“…,” Kurz said. “…,” she added.": the one quoted last, unless another person
            # has since become a sentence's subject.
            name, sid, at = self.last
            newer = any(self.starts[i] > at and self.mentions[i][2] != sid for i in recent)
            if (
                offset - at <= _SUBJECT_RECENT
                and self._gender_of(sid, name, pronoun) == pronoun
                and not newer
            ):
                return name, sid
        candidates = recent or fits
        if not candidates:
            return None
        return self.mentions[candidates[0]][3], self.mentions[candidates[0]][2]

    def described_before(self, offset: int) -> str | None:
        """The unnamed speaker "he" or "she" at ``offset`` refers to: the one quoted last,
        when quoted after every named one and nobody has since been a sentence's subject
        ("“…,” the White House official said. He added …")."""
        if self.described is None:
            return None
        description, at = self.described
        if (self.last is not None and self.last[2] > at) or offset - at > _SUBJECT_RECENT:
            return None
        since = range(bisect_left(self.starts, at), bisect_left(self.starts, offset))
        return None if any(i in self.subjects for i in since) else description

    def _gender_of(self, pid: str, name: str, unknown: str) -> str:
        """The gender the text gives a person, else that of a common given name the person
        is called by alone ("Melanie said") or that leads a fuller name; ``unknown`` when
        neither tells. A surname that is also a given name ("Austin" alone) is read as one:
        a small risk, beside the many people reporting calls by their given name."""
        known = self.gender.get(pid)
        if known is not None:
            return known
        given = first_name_gender(name) if " " in name else given_names().get(name)
        return given or unknown


# What may stand before a name that opens its sentence: titles ("NATO Secretary General",
# "Mr.", "U.S. President"), a quote mark, "the", "former".
TITLE_LEAD = 120  # characters: the longest title before a name that opens its sentence
TITLE_ONLY = re.compile(
    r"[\s“\"‘(]*(?:(?:[A-Z][\w.'’-]*|the|of|and|for|former|then-?|"
    + factored(w for w in ROLE_WORDS if w.isalpha())
    + r")[\s,]+)*"
)  # "Conservative writer Dan McLaughlin agreed": a role word in lower case is title too
FRONTED_LONGEST = 100  # characters: the longest phrase set off before a sentence's subject
FRONTED = re.compile(rf"[\s“\"‘(]*(?:[Aa]ccording to\s+|[A-Z][^,.;:!?“”\"\n]{{0,{FRONTED_LONGEST - 2}}},\s+)")
_SUBJECT_RECENT = 600  # characters back that a sentence's subject stays the likely "he" or "she"
_GENDERED_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss)\.?\s+$")
# How a text presents a person no list knows: after an honorific ("Mr. Dalton"), or as the
# first and last name that open a sentence before a verb ("Jacinda Ardern spoke"). Two
# patterns that start with literal characters, their word and sentence starts checked in
# Python: as one pattern led by \b and lookbehinds, ``re`` tried it at every position (about
# 140 µs per 4 KB, against 40).
# A word of a name: capitalised, perhaps after a short capitalised prefix ("McLaughlin",
# "DeSantis", "LaBelle") or an O' ("O’Brien"). Narrower than ``_NAME_WORD``, which also
# reads acronyms and initials next to a speech verb: here, with no verb to confirm it, an
# "NBC" or a "J." would make a person of any run of capitals.
_NAME_PART = r"[A-Z](?:['’][A-Z]|[a-z]{1,2}[A-Z])?[a-z'’-]+"  # led by a capital: ``re`` skips to one
_HONORIFIC_NAME = re.compile(rf"(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+(?P<name>{_NAME_PART}(?:\s+{_NAME_PART})?)\b")
# A given name and a surname or two ("Aung San Suu Kyi visited"), before a word in lower case.
_OPENING_NAME = re.compile(rf"{_NAME_PART}(?:[^\S\n]+{_NAME_PART}){{1,3}}(?=\s+[a-z])")
# Two capitalised words, perhaps with an initial between ("Bryan Anderson", "George W. Bush"):
# a person's name anywhere in a sentence when its first word is a common given name or an age
# follows it, and no capitalised word does.
_CAPITALISED_RUN = re.compile(rf"{_NAME_PART}[^\S\n]+(?:[A-Z]\.[^\S\n]+)?{_NAME_PART}")
_POSSESSIVE = ("’s", "'s")
_AGE_AFTER = re.compile(r",\s*\d{1,3},")  # "Jimmy Tompkins, 31,": only a person is given an age


def presented(text: str, *, in_sentences: bool = True) -> list[tuple[int, int, str]]:
    """(start, end, name) of each person the text presents by an honorific, by a full name
    opening a sentence, and (``in_sentences``) by a name only a person's can be anywhere in
    a sentence (``_named_in_sentence``); in text order; where two read the same words, the
    honorific."""
    found: list[tuple[int, int, int, int]] = []  # whole match start, end, name start, end
    search, pos = _HONORIFIC_NAME.search, 0
    while (m := search(text, pos)) is not None:
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            pos = start + 1  # inside a word ("DrMr."): not an honorific
            continue
        found.append((start, m.end(), m.start("name"), m.end("name")))
        pos = m.end()
    # An opening name holds no full stop or line break, so a match that is not at a sentence
    # start cannot hide one that is.
    for m in _OPENING_NAME.finditer(text):
        start = m.start()
        if (
            start == 0
            or text[start - 1] == "\n"
            or (start > 1 and text[start - 2] in ".!?" and text[start - 1].isspace())
        ):
            found.append((start, m.end(), start, m.end()))
    if in_sentences:
        found += _named_in_sentence(text)
    found.sort(key=lambda f: (f[0], f[2] == f[0]))  # at one start, the honorific first
    out: list[tuple[int, int, str]] = []
    taken_to = 0
    for start, end, name_start, name_end in found:
        if start >= taken_to:
            out.append((name_start, name_end, text[name_start:name_end]))
            taken_to = end
    return out


def _named_in_sentence(text: str) -> list[tuple[int, int, int, int]]:
    """Names anywhere in a sentence that only a person's name can be: led by a common given
    name ("… two voters, Tyresha McClenney and Bryan Anderson, who …"), or given an age
    ("Jimmy Tompkins, 31, tossed …"); never right after "the" or "a" ("the Charlotte
    Panthers"), nor when a capitalised word follows ("George Washington Bridge"). A run of
    capitals that is none of these ("Senate Armed Services Committee") is passed over a word
    at a time, so a name inside it is still found ("Senator Tim Kaine")."""
    given = given_names()
    found: list[tuple[int, int, int, int]] = []
    search, pos = _CAPITALISED_RUN.search, 0
    while (m := search(text, pos)) is not None:
        start, end = m.span()
        first = m.group().split(None, 1)[0]
        if start and (text[start - 1].isalnum() or text[start - 1] in "_'’-"):
            pos = start + len(first)  # inside a word ("iPhone Pro"): not a name's start
            continue
        if (
            (first not in given and _AGE_AFTER.match(text, end) is None)
            or ARTICLE_BEFORE.search(text, max(0, start - 4), start)
            or _CAPITAL_AFTER.match(text, end)
        ):
            pos = start + len(first)
            continue
        if text.endswith(_POSSESSIVE, start, end):
            end -= 2
        found.append((start, end, start, end))
        pos = end
    return found


def _in_headline(text: str, at: int, lines: dict[int, bool]) -> bool:
    """``in_headline_case`` once a line: every offset of a line gets the same answer."""
    line = text.rfind("\n", 0, at) + 1
    found = lines.get(line)
    if found is None:
        found = lines[line] = in_headline_case(text, at)
    return found


def surname_mentions(
    text: str, people: list[tuple[int, int, str, str]], known: SpanIndex
) -> list[tuple[int, int, str, str]]:
    """Later mentions of ``people`` (start, end, id, name: persons no list knows) by their
    surname alone ("Bryan Anderson … Anderson largely agreed"): each the same person, so
    that "he said" after it can be theirs. A surname two of them share names neither, and
    a surname that is part of a longer run of capitals ("Pamela Anderson") is someone else."""
    first_seen: dict[str, tuple[int, str, str]] = {}
    shared: set[str] = set()
    for _, end, pid, name in people:
        words = name.split()
        if len(words) < 2 or len(words[-1]) < 3:
            continue
        surname = words[-1]
        seen = first_seen.get(surname)
        if seen is not None and seen[1] != pid:
            shared.add(surname)
        elif seen is None:
            first_seen[surname] = (end, pid, name)
    for surname in shared:
        del first_seen[surname]
    if not first_seen:
        return []
    taken = SpanIndex([(start, end) for start, end, _, _ in people])
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(s) for s in sorted(first_seen, key=len, reverse=True)) + r")\b"
    )
    out = []
    for m in pattern.finditer(text):
        start, end = m.span()
        after, pid, name = first_seen[m.group()]
        if (
            start < after
            or taken.holds(start, end)
            or known.holds(start, start + 1)
            or _CAPITAL_AFTER.match(text, end)
            or (
                (before := _CAPITAL_BEFORE.search(text, max(0, start - 30), start)) is not None
                and before.group("word").lower() not in ROLE_WORDS  # "Senator Anderson" is him
            )
        ):
            continue
        out.append((start, end, pid, name))
    return out


# A capitalised word right after: "Anderson Cooper", "Hillary Clinton Goes After": a longer run.
_CAPITAL_AFTER = re.compile(r"[^\S\n]+[A-Z][a-z]")
# A capitalised word right before a surname, not opening a sentence: "Pamela Anderson" is
# someone else than the Bryan Anderson named before; ". Anderson said" is him.
_CAPITAL_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b(?P<word>[A-Z][a-z'’-]+)[^\S\n]+$")


_COMMA_BEFORE = re.compile(r",\s*$")  # an inverted verb follows the clause it attributes
_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)


class Names:
    """Speakers named in the text but known to no list: "…,” Johnson said", "said Mr. Burman",
    "Kall said:". A later bare surname or "Mr. Surname" is the same person."""

    def __init__(self) -> None:
        self.by_surname: dict[str, tuple[str, str]] = {}

    def find(self, chunk: str, side: str) -> tuple[str | None, str | None, str | None] | None:
        m = (_NAME_AT_END if side == "end" else _NAME_AT_START).search(chunk)
        if m is None:
            return None
        words = [
            w
            for w in re.sub(_HONORIFIC, "", m.group("name")).split()
            if re.split(r"['’]", w.lower().strip("."))[0] not in _NOT_NAMES  # "He’s claiming" is no name
        ]
        if not words or all(len(w) <= 2 for w in words):
            return None
        return self.named(" ".join(words), honorific=m.group("name") != " ".join(words))

    def named(self, name: str, *, honorific: bool = False) -> tuple[str, str, None]:
        surname = name.split()[-1]
        known = self.by_surname.get(surname.casefold())
        if known is not None and (len(name.split()) == 1 or honorific or known[0] == name):
            return known[0], known[1], None
        self.by_surname[surname.casefold()] = (name, slug(name))
        return name, slug(name), None


def owner_of_words(
    text: str,
    before: str,
    s_start: int,
    verbs: list[re.Match[str]],
    actors: ActorFinding,
    names: Names | None,
) -> tuple[str | None, str | None, str | None] | None:
    """The person whose words the text names just before the quote, after any speech verb:
    "Blinken dismissed Dmitry Peskov’s comment that HIMARS are “pouring fuel …”" is Peskov's,
    and so is "…, Dmitry Peskov, whose comment that HIMARS are “…”"."""
    lo = max(0, len(before) - _OWNED_REACH)
    whose = _WHOSE_WORDS.search(before, lo) if before.find("whose ", lo) != -1 else None
    if whose is not None and not (verbs and whose.start() < verbs[-1].end()):
        # "Zelensky, whose mantra that there be no talks “about Ukraine without Ukraine”": the
        # words of the person named right before the relative "whose" (a few lower-case words
        # may stand between: "Zelensky in particular, whose …")
        people = actors.people_between(max(0, s_start + whose.start() - 60), s_start + whose.start())
        if people and _FEW_WORDS.fullmatch(text, people[-1][1], s_start + whose.start()):
            return people[-1][3], people[-1][2], None
    if before.find("'s ", lo) == -1 and before.find("’s ", lo) == -1:
        return None  # no possessive at all: the usual case, without the pattern
    owned = _OWNED_WORDS.search(before, lo)
    if owned is None or (verbs and owned.start() < verbs[-1].end()):
        return None
    at = s_start + owned.start("name")
    people = actors.people_between(at, s_start + owned.end("name"))
    if people:
        return people[-1][3], people[-1][2], None
    return names.find(owned.group("name"), "end") if names is not None else None


# A person's words named as theirs just before the quote: "Peskov’s comment that …",
# "Kirby's remarks:", "the senator’s warning that".
_OWNED_WORDS = re.compile(
    rf"(?<![\w.])(?P<name>{NAME})['’]s\s+(?:[a-z-]+\s+){{0,2}}?"
    r"(?:comments?|remarks?|statements?|claims?|assertions?|warnings?|words|arguments?|suggestions?|pledges?"
    r"|promises?|vows?|threats?|accusations?|charges?|descriptions?|responses?|reply|answers?|messages?"
    r"|posts?|tweets?|insistence|complaints?)\b(?:\s+that\b[^“”\"]*|[,:]\s*|\s*)$"
)
_OWNED_REACH = 200  # characters before the quote where such words stand
_FEW_WORDS = re.compile(r"(?:\s+[a-z]+){0,3}\s*")
# … or by a relative "whose" after the name: "Zelensky, whose mantra that …".
_WHOSE_WORDS = re.compile(
    r",\s+whose\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:mantra|slogan|motto|refrain|catchphrase|comments?|remarks?|statements?|claims?|warnings?|words|arguments?"
    r"|pledges?|promises?|vows?|messages?|posts?|tweets?|insistence)\b(?:\s+(?:that|was|is|has\s+been)\b[^“”\"]*|[,:]\s*|\s*)$"
)
