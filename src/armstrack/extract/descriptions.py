"""Unnamed speakers: the phrase that describes one ("a senior US defense official", "the
ruling"), the fuller description an earlier sentence gave, the issuer of a document that a
quote is attributed to ("the statement said" after "The Pentagon issued a statement"), the
organization a description names again ("the agency said" after "the Defense Security
Cooperation Agency") and the one "it said" is, and whether a description is one person's (a
later "he" can be them). extract/quotes.py decides when a quote's source is such a phrase."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from armstrack.extract.actors import ActorFinding, slug
from armstrack.extract.roles import ROLE_WORDS, has_role_word
from armstrack.extract.trie import factored

# The nouns that head a description of a speaker (those of the first list in the singular and
# the plural): one trie-factored alternation, as every word of a text may end a description.
_COUNTED_HEADS = """official source minister diplomat analyst officer aide adviser advisor expert lawmaker
    senator commander representative insider candidate outlet""".split()
_OTHER_HEADS = """spokesman spokesperson spokeswoman statement report administration ministry person people
    nominee letter ruling court judge article piece study poll survey memo complaint lawsuit filing
    protesters demonstrators residents voters critics supporters campaign committee""".split()
DESCRIPTION_HEADS = factored([*_COUNTED_HEADS, *(w + "s" for w in _COUNTED_HEADS), *_OTHER_HEADS])
# A word of a description, and the space after it; not one that ends a sentence ("from a
# mobile truck. The official" is no "a … official"): "U.S." and "Gen." may stand in one.
# Nor a preposition, or an article but after "of" ("one of the officials", "a group of
# 17 lawmakers"): "Agency confirmed the news in an official statement" is no description
# (its own would be "an official statement", after "in": a place of saying).
_WORD = (
    # nor a relative pronoun: "worries that analysts told the paper are overblown" is no
    # "… analysts" (the analysts are those of the clause after it)
    r"(?:(?![a-z][\w’'-]*[a-z0-9]\.\s)(?!(?i:in|on|at|to|for|with|by|from|into|that|which|who|whom|whose)\s)"
    r"(?!(?<!of\s)(?i:the|a|an)\s)[\w’'.-]+\s+)"
)
DESCRIPTION = re.compile(
    rf"(?P<det>\b(?i:a|an|the|one|two|three|several|some)\s+)?(?:US\s+|U\.S\.\s+)?"
    # The head ends its word: "Commander-in-Chief Forum" is no commander, "report-writing" no report.
    # Nor does it open with a preposition or a conjunction: "According to the official" and "But
    # the official" describe "the official".
    rf"(?P<body>(?<![\w’'.-])(?!(?i:according|to|by|from|of|with|for|at|in|on|and|but|or|so|yet|still|however|while|although|though|because)\s){_WORD}{{0,6}}?(?P<head>(?i:{DESCRIPTION_HEADS}))\b(?!-\w)"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:of\s+)?(?:the\s+)?[A-Z][\w’'.-]*)*)?)",
)


def fuller(text: str, at: int, description: re.Match[str]) -> str:
    """ "the official" → the last earlier "a … official" ("a senior US defense official") that
    has its words: "the defense official" is "a senior defense official", not the "a senior
    military official" introduced since; with words of its own, the only one introduced.
    An introduction set off after a name ("Elbridge Colby, a senior Pentagon official,")
    describes that named person, and is passed over (not "Ukraine, a senior defense official
    said": the subject of a verb)."""
    words = " ".join(description.group().split())
    det = (description.group("det") or "").strip().lower()
    if det != "the":
        return words
    head = description.group("head")
    modifiers = [w.lower() for w in description.group("body").split()[:-1] if w.lower() != head.lower()]
    ends, introduced, starts = _introductions(text, head)
    candidates = [
        i
        for i in range(bisect_right(ends, at) - 1, -1, -1)
        if not (  # set off on both sides: "Colby, a senior Pentagon official, backed …"
            _AFTER_A_NAME.search(text, max(0, starts[i] - 40), starts[i])
            and text[ends[i] : ends[i] + 1] in {",", ".", ";", ")"}
        )
    ]
    for i in candidates:
        have = introduced[i].lower().split()
        if all(m in have for m in modifiers):
            return introduced[i]
    # Words of its own ("the White House official" after "a senior administration official"):
    # the one introduced, when there is only one.
    return introduced[candidates[0]] if len(candidates) == 1 else words


# "Elbridge Colby, a senior Pentagon official": an appositive of the name before it.
_AFTER_A_NAME = re.compile(r"\b[A-Z][\w’'.-]+,\s*$")


# Documents that speak for whoever issued them: "the statement said", "the report said".
_DOCUMENTS = frozenset("statement report letter memo ruling filing complaint article piece study".split())
# Between "a report" and its issuer: "a statement from the", "a report on the official
# Facebook page of the", "a letter signed by".
_ISSUED_AFTER = re.compile(
    r"\s+(?:(?:on|in|at)\s+(?:[\w’'.-]+\s+){1,5}?)?(?:(?:issued|released|published|posted|signed)\s+)?"
    r"(?:from|by|of)\s+(?:the\s+)?"
)
# … and a person, titles and all: "a letter from Senator", "a memo signed by Defense Secretary".
_ISSUED_BY_PERSON = re.compile(_ISSUED_AFTER.pattern + r"(?:[A-Z][\w.’'-]*\s+){0,3}")
# Between an issuer and "a statement": "The Pentagon issued", "Lockheed said in".
_ISSUED_BEFORE = re.compile(
    r"\s+(?:(?:has|had|also|later)\s+)?(?:issued|released|published|posted|put\s+out|sent|wrote|said\s+in)\s+"
)


def issuer_of(
    text: str, at: int, description: re.Match[str], actors: ActorFinding
) -> tuple[int, int, str, str] | None:
    """Who issued "the statement" (a document a quote is attributed to): the organization
    or person the text names as its source where it first introduced it ("a report on the
    official Facebook page of the U.S. Department of Defense", "The Pentagon issued a
    statement"). Only a definite document with such an introduction earlier in the text: a
    statement nobody is said to have issued stays a description."""
    head = description.group("head").lower()
    if head not in _DOCUMENTS or (description.group("det") or "").strip().lower() != "the":
        return None
    ends, _, starts = _introductions(text, description.group("head"))
    i = bisect_right(ends, at) - 1
    if i < 0:
        return None
    start, end = starts[i], ends[i]
    after = [m for m in actors.others_between(end, end + 120) if _ISSUED_AFTER.fullmatch(text, end, m[0])]
    after += [
        m for m in actors.people_between(end, end + 120) if _ISSUED_BY_PERSON.fullmatch(text, end, m[0])
    ]
    after.sort()
    if after:
        issuer = after[0]
        # "the U.S. Department of Defense": the office, not the country that names it.
        for following in actors.others_between(issuer[1], issuer[1] + 3):
            if not text[issuer[1] : following[0]].strip():
                issuer = following
        return issuer
    before = [
        m
        for m in (
            *actors.others_between(max(0, start - 120), start),
            *actors.people_between(max(0, start - 120), start),
        )
        if _ISSUED_BEFORE.fullmatch(text, m[1], start)
    ]
    return before[0] if before else None


# Heads of an organization's name that "the agency said" refers back to.
ORGANIZATION_HEADS = frozenset(
    "agency department ministry committee commission office council embassy company bureau command".split()
)
_LEADING_ARTICLE = re.compile(r"(?:The|A|An)\s+")


def organization_named(text: str, at: int, head: str, actors: ActorFinding) -> tuple[str, str] | None:
    """ "the agency" → the last organization named before ``at`` whose name ends with that
    word ("the Defense Security Cooperation Agency") or opens with it ("the Department of
    Defense"): the description names it again. (name, id): a known organization's own, else
    the words of the name. None when no such name stands before."""
    starts, ends, names = _organizations(text, head.lower())
    i = bisect_right(starts, at) - 1
    if i < 0:
        return None
    known = [m for m in actors.others_between(starts[i], ends[i]) if m[1] <= ends[i]]
    return (known[-1][3], known[-1][2]) if known else (names[i], slug(names[i]))


@lru_cache(maxsize=8)
def _organizations(text: str, head: str) -> tuple[list[int], list[int], list[str]]:
    """Every capitalised name of an organization with this head, once per text and head
    (where each starts and ends, its words): one scan, as ``_introductions``."""
    if head not in ORGANIZATION_HEADS:
        return [], [], []
    cap = head.capitalize()
    word = r"[A-Z][\w.&’'-]*"
    # Words of one line: a headline's last word does not open the next paragraph's name.
    pattern = re.compile(
        rf"(?:{word} +){{0,5}}\b{cap}\b(?!-\w)(?: +of +(?:the +)?{word}(?: +{word}){{0,3}})?"
    )
    starts, ends, names = [], [], []
    for m in pattern.finditer(text):
        name = _LEADING_ARTICLE.sub("", " ".join(m.group().split()), count=1)
        if name != cap:  # "The Agency": a sentence's first word, not a name
            starts.append(m.start())
            ends.append(m.end())
            names.append(name)
    return starts, ends, names


@lru_cache(maxsize=8)
def _introductions(text: str, head: str) -> tuple[list[int], list[str], list[int]]:
    """Every "a … official" in the text, once per text and head (where each ends, its
    words, where each starts): one scan, where a scan of all the text before each
    description is quadratic."""
    pattern = re.compile(rf"\b(?i:a|an)\s+{_WORD}{{0,5}}?{re.escape(head)}\b")
    found = [(m.end(), " ".join(m.group().split()), m.start()) for m in pattern.finditer(text)]
    return [f[0] for f in found], [f[1] for f in found], [f[2] for f in found]


# "the agency which specializes in … said": the head before its relative clause
HEAD_BEFORE_CLAUSE = re.compile(
    r"(?:^|[\s,])(?P<np>(?i:the)\s+(?:[a-z][\w’'-]*\s+)?[a-z][\w’'-]*)\s+(?:which|that|who)\s[^,;:“”\"]{3,120}$"
)


# Heads of a description of one person, whom a later "he" or "she" can be.
_PERSON_HEADS = frozenset(
    "official spokesman spokeswoman spokesperson minister diplomat analyst officer aide adviser advisor expert "
    "lawmaker senator commander representative person insider nominee candidate source judge".split()
)


def is_one_person(description: str) -> bool:
    """Does the description name one person ("the White House official", "the Pentagon
    chief": an office, in the singular), whom a later "he" or "she" can be?"""
    head = description.rsplit(None, 1)[-1].lower()
    return head in _PERSON_HEADS or head in ROLE_WORDS


def organization_again(text: str, at: int, phrase: str, actors: ActorFinding) -> tuple[str, str, None] | None:
    """ "the agency" (the whole phrase: "the" and the head) as the organization named before
    with that head, as a speaker: (name, id, no description)."""
    words = phrase.split()
    if len(words) != 2 or words[0].lower() != "the" or words[1].lower() not in ORGANIZATION_HEADS:
        return None
    found = organization_named(text, at, words[1], actors)
    return (found[0], found[1], None) if found is not None else None


_SUBJECT_LEAD = re.compile(r"\s*(?:The\s+)?$")  # before an organization that opens its sentence


def ends_with_it(chunk: str) -> bool:
    """Is the pronoun "it" the subject of the speech verb after ``chunk``: its last word
    ("…,” it said"), or all of it but adverbs ("It also noted that “…”")? String tests
    first: this is asked of every quote."""
    words = chunk.rstrip(" ,\t\n")
    if words.endswith(("it", "It")) and (len(words) == 2 or words[-3] in " ,\t\n"):
        return True
    return words.lstrip(' “"').startswith("It ") and _IT_THEN_ADVERBS.fullmatch(words) is not None


# "It also", "It further", "It later": a sentence whose subject is "it", before its verb.
_IT_THEN_ADVERBS = re.compile(
    r"[\s“\"]*It(?:\s+(?:also|further|then|later|again|previously|earlier|[a-z]+ly))+"
)


def organization_subject(text: str, at: int, actors: ActorFinding) -> tuple[str, str] | None:
    """(name, id) of the organization or country that opens the sentence holding ``at``, its
    subject: "The United Nations Security Council … condemned … what it called “…”"."""
    opens = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1)
    first = actors.others_between(opens, at)[:1]
    if first and _SUBJECT_LEAD.fullmatch(text, opens, first[0][0]):
        return first[0][3], first[0][2]
    return None


# Offices one person holds at a time: "the NATO Secretary General said" is the one the text
# names with that office. Not the heads of anonymous sources ("the official", "the
# spokesman" may be one the text leaves unnamed), which stay descriptions.
_OFFICES = frozenset(
    "president vice-president premier chancellor secretary-general minister secretary ambassador governor "
    "mayor king pope director".split()
)
_THE = re.compile(r"(?i)the\s+")


def _role_key(words: str) -> str:
    """A role as words to compare: lower case, "U.S." as "us", spaces single, "Secretary
    General" and "Secretary-General" alike."""
    key = " ".join(words.lower().replace("u.s.", "us").split())
    return key.replace("vice president", "vice-president").replace("secretary general", "secretary-general")


def role_holder(description: str, actors: ActorFinding, before: int | None = None) -> tuple[str, str] | None:
    """(name, id) of the one person the text names with the office a definite description
    names ("the NATO Secretary General" → Mark Rutte; "the president" → the one named
    "President" or "Ukrainian President"). The description's words must close one of the
    person's roles: "the Ukrainian president" is not one named only "President Joe Biden",
    whose country the role does not say. Two people holding it (Biden and Zelensky for
    "the president") leave it a description, and so does an indefinite one ("a minister").
    Only the roles the text gives count: an office held for a term is not known to be held
    on the day of writing. Given where the description stands (``before``), two holders of
    whom the text has named only one so far leave it that one: "the president said" right
    after "Ukrainian President Volodymyr Zelenskyy" is he, whoever is named later."""
    the = _THE.match(description)
    if the is None:
        return None
    wanted = _role_key(description[the.end() :])
    words = wanted.split()
    if not words or len(words) > 4 or words[-1] not in _OFFICES:
        return None
    found: dict[str, str] = {}
    for actor in actors.actors:
        if actor.kind == "person" and any(
            (key := _role_key(role)) == wanted
            or key.endswith(" " + wanted)
            # "the ambassador" for "U.S. Ambassador to Ukraine", "the deputy director" for
            # "deputy director of the Information and Press Department": the office before
            # its place or body
            or any(
                (office := key.partition(link)[0]) != key
                and (office == wanted or office.endswith(" " + wanted))
                for link in (" to ", " of ")
            )
            for role in actor.roles
        ):
            found[actor.id] = actor.name
    if len(found) > 1 and before is not None:
        named_so_far = {
            actor.id
            for actor in actors.actors
            if actor.id in found and actor.mentions and min(m.start for m in actor.mentions) < before
        }
        if len(named_so_far) == 1:
            found = {pid: name for pid, name in found.items() if pid in named_so_far}
    if len(found) != 1:
        return None
    ((pid, name),) = found.items()
    return name, pid


# "of" right before a place or organization ("the president of Ukraine", "the chairman of
# the Joint Chiefs of Staff"), and a word before it.
_OF_BEFORE = re.compile(r"\s+of\s+(?:the\s+)?$")
_A_WORD = re.compile(r"[\w’'.-]+")
_DETERMINERS = frozenset({"the", "a", "an", "The", "A", "An"})
_PLAIN = re.compile(r"[\w’'.\s-]+")  # words and spaces only: one phrase
_PREPOSITION_BEFORE = re.compile(r"\b(?i:to|for|of|with|from|by|at|in|on|about|against|near)\s+$")
# What the organization owns after it: "the head of the Pentagon's acquisition office".
_OWNED_AFTER = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*")


def office_of(text: str, lo: int, org: tuple[int, int, str, str]) -> tuple[int, str] | None:
    """The office that ``org`` (a place or organization mention, in ``text[lo:]``) qualifies
    when the words before it name one and "of" ("…,” the president of Ukraine said"): that
    whole description from its determiner (the first of the five words before "of" with one
    to four words after it), and what the organization owns after it, if anything ("the head
    of the Pentagon's acquisition office"), with where it starts; None when no office stands
    there. The office's holder speaks, not the country: a description, unless the text names
    the one who holds it. The words are read as words, not by a pattern tried at each
    character: a quote's attribution asks this of every organization it names."""
    start, end = org[0], org[1]
    of = _OF_BEFORE.search(text, max(lo, start - 9), start)
    if of is None:
        return None
    words = [(m.start(), m.group()) for m in _A_WORD.finditer(text, max(lo, of.start() - 60), of.start())][
        -5:
    ]
    det = next(
        (
            k
            for k, (at, word) in enumerate(words[:-1])
            if word in _DETERMINERS
            and (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "_’'-"))
            and _PLAIN.fullmatch(text, at, of.start())
        ),
        None,
    )
    if det is None:
        return None
    det_at = words[det][0]
    if not has_role_word(" ".join(w for _, w in words[det + 1 :])) or _PREPOSITION_BEFORE.search(
        text, max(0, det_at - 12), det_at
    ):
        return None  # "a top adviser to the president of Ukraine": the president is no subject
    owned = _OWNED_AFTER.match(text, end)
    return det_at, " ".join(text[det_at : owned.end() if owned else end].split())
