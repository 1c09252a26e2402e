"""The roles the text gives people: the title phrase before a name ("Pentagon spokesman
Major General"), a role set off before it ("Russia's ambassador to the United States,"),
and the appositive after it ("John Kirby, White House National Security Communications
Advisor,"), as written; and the word lists that say what a title or a role is.

``actors.py`` finds the names; this module reads what stands around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from armstrack.extract.trie import factored
from armstrack.text import Sentences

TITLES = frozenset(
    """president vice secretary general gen. gen major maj. maj lieutenant lt. lt colonel col. col admiral adm.
    adm rear brigadier brig. sergeant sgt. captain capt. minister prime chancellor senator sen. representative
    rep. rep senators sens. reps. representatives congressman congresswoman governor gov. ambassador
    envoy director chairman chairwoman chair ceo chief
    commander deputy under undersecretary assistant acting spokesman spokesperson spokeswoman press advisor
    adviser coordinator analyst official head officer dr. mr. mrs. ms. dr mr mrs ms sir lord king queen pope prince mayor
    speaker leader judge justice professor prof. fellow secretary-general attorney marshal commander-in-chief
    comptroller controller treasurer auditor inspector administrator commissioner prosecutor
    """.split()
)
# Lower-case words that, right before a name, make it a person: "spokesman Patrick Ryder".
ROLE_WORDS = TITLES | frozenset(
    """spokesman spokesperson spokeswoman analyst official minister secretary president director chief envoy
    ambassador adviser advisor commander general colonel lawmaker senator expert researcher reporter
    correspondent ceo chairman head leader editor professor fellow economist strategist diplomat negotiator
    aide executive founder partner colleague counterpart deputy manager engineer successor predecessor
    writer columnist commentator host anchor pollster author journalist blogger historian scholar lawyer
    attorney doctor veteran widow mother father activist organizer strategist consultant candidate""".split()
)


def _speech_verbs() -> str:
    """The verbs of data/speech_verbs.toml as one alternation, factored into a trie of their
    characters and the longest first at each branch (as the plain alternation, longest first,
    would match): ``re`` tries one branch per position instead of two hundred verbs, and every
    quote's attribution is searched with it."""
    import tomllib

    from armstrack.resources import bundled_dir

    with (bundled_dir("data") / "speech_verbs.toml").open("rb") as f:
        verbs = tomllib.load(f)["verbs"]
    # "…,” he continued", but "Kyiv continues to seize …" says nothing
    return factored(
        set(verbs), space=r"\s+", after=lambda verb: r"(?!\s+to\s)" if verb.startswith("continue") else ""
    )


SPEECH_VERBS = _speech_verbs()


@cache
def given_names() -> dict[str, str]:
    """data/first_names.toml as {given name: "he" or "she"}."""
    import tomllib

    from armstrack.resources import bundled_dir

    with (bundled_dir("data") / "first_names.toml").open("rb") as f:
        raw = tomllib.load(f)
    return {**dict.fromkeys(raw["male"], "he"), **dict.fromkeys(raw["female"], "she")}


def first_name_gender(name: str) -> str | None:
    """ "he" or "she" for a name whose first word is a common given name of that gender
    ("Jacinda Ardern" → "she"); None for a surname alone or a name given to both."""
    words = name.split()
    return given_names().get(words[0]) if len(words) > 1 else None


ROLE_WORD_BEFORE = re.compile(rf"\b{factored(ROLE_WORDS)}\s$")
SPEECH_AFTER = re.compile(rf"^ (?:{SPEECH_VERBS})\b")
# "said Jane Doe", "said on Monday Jane Doe", "noted NBC’s Dante Chinni": an outlet's possessive may stand between.
SPEECH_BEFORE = re.compile(
    rf"\b(?:{SPEECH_VERBS}|(?i:according to))(?: [a-z]+){{0,3}}(?: [A-Z][\w.&]*(?:’s|'s))? $"
)
OF_ORG = re.compile(r"^ of (?:the )?[A-Z]")
APPOSITIVE = re.compile(r"^, (?:(?:a|an|the) )?(?P<role>[^,.;:“”\"()\n]{2,110}?)(?=,|\.|;| told| said|$)")
# A role set off before the name: "Russia’s ambassador to the United States, Anatoly Antonov,
# called …". The clause runs from the sentence start or the last comma-like break.
_CLAUSE_BEFORE = re.compile(r"(?:^|[,;:(“\"—])\s*(?P<role>[^,;:(“\"—\n]{3,100}?),\s$")
_SENTENCE_END = re.compile(r"[.!?]\s+")
_OF_NAME = re.compile(r"^ of (?:the )?([A-Z][\w’'&.-]*(?: [A-Z][\w’'&.-]*)*)")  # "… of TD Cowen"


@dataclass(slots=True)
class Token:
    """One word of a capitalised run, classified."""

    text: str  # possessive and a final period stripped
    start: int
    end: int
    cls: str  # name | initial | particle | title | org | stop | other
    key: str  # its gazetteer key


# Nouns that head a role phrase ("director of international business", "White House spokesman").
_ROLE_HEADS = frozenset(
    """spokesman spokesperson spokeswoman director secretary minister analyst advisor adviser official president
    chief head ceo chair chairman chairwoman commander general ambassador envoy coordinator officer leader lawmaker
    senator representative governor expert researcher fellow professor editor correspondent economist
    strategist diplomat aide executive founder partner chancellor admiral colonel deputy undersecretary manager
    engineer mayor commissioner administrator congressman congresswoman counselor counsellor negotiator
    comptroller inspector auditor counsel attorney prosecutor judge""".split()
)
_NOT_APPOSITIVE_START = frozenset(
    """in on at for with who whose which while after before during according speaking saying who's by from to
    as since until despite and but or""".split()
)


def has_role_word(phrase: str) -> bool:
    words = phrase.split()
    if not words or words[0].lower() in _NOT_APPOSITIVE_START:
        return False
    if any(_bare(w) in _ROLE_HEADS for w in words):
        return True
    # A party's member is a politician when the party's word is the phrase's noun ("a
    # Nebraska Republican", "a Democrat from Ohio"), not an adjective ("a Republican stronghold").
    last = len(words) - 1
    return any(
        _bare(w) in _PARTY_MEMBERS and (i == last or words[i + 1].lower() in _AFTER_PARTY_MEMBER)
        for i, w in enumerate(words)
    )


_PARTY_MEMBERS = frozenset({"republican", "democrat"})
_AFTER_PARTY_MEMBER = frozenset({"from", "of", "on", "in", "who"})


def _bare(word: str) -> str:
    """A word without its punctuation or possessive: "Secretary’s" → "secretary"."""
    word = word.strip(".,’'").lower()
    return word[:-2] if word.endswith(("’s", "'s")) else word


CONNECTORS = frozenset({"of", "the", "for"})
# … and between a role word and the place its holder is sent to: "U.S. Ambassador to Ukraine
# Bridget Brink" (``_role_before``)
_LEAD_CONNECTORS = CONNECTORS | {"to"}
# Right after "the"/"a", capitalised words name a thing, not a person: "the Charlotte Hornets".
ARTICLE_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+$")
_LEAD_STOP = frozenset("the a an and or but of for to in on at by with from as that this while when".split())
_NATIONALITY = re.compile(r"(?:ian|ean|ish|ese|ic|ian’s)$")  # "Lithuanian", "Finnish", "Japanese"
# Words that may stand in a role phrase before a name, besides titles and capitalised words.
_ROLE_MODIFIERS = frozenset(
    """industry defense defence press senior deputy chief national security foreign former acting top military
    government pentagon white house spokesman spokesperson spokeswoman analyst official minister secretary
    affairs communications policy strategic""".split()
)


def _role_before(text: str, tokens: list[Token], i: int, run_start: int, sentence_start: int) -> str | None:
    """The title phrase before a name, as written: "Pentagon spokesman Major General",
    "NATO Secretary General", "White House National Security Council spokesman"."""
    k = i
    while (
        k > 0
        and tokens[k - 1].start >= sentence_start
        and (
            tokens[k - 1].cls in {"title", "org", "other"}
            or (tokens[k - 1].cls == "particle" and tokens[k - 1].text in {"of", "for", "the"})
            or (tokens[k - 1].cls == "name" and k < i and _NATIONALITY.search(tokens[k - 1].text) is not None)
        )
    ):
        k -= 1
    while k < i and tokens[k].cls in {"stop", "particle"}:
        k += 1
    in_run = [t for t in tokens[k:i] if t.cls != "stop"]
    words: list[str] = [text[tokens[k].start : tokens[i - 1].end]] if in_run else []
    has_title = any(t.cls == "title" for t in in_run)
    if k == 0:  # the run starts here: a role word may stand right before it ("spokesman John Kirby")
        before = text[sentence_start:run_start].split()
        # "to" joins a role to the place the run opens with ("Ambassador to Ukraine Bridget
        # Brink"), not to a name alone ("a letter from the Ukrainian president to Trump") nor
        # to one with a title of its own ("ambassador to Russia under President Obama")
        connecting = _LEAD_CONNECTORS if in_run and not has_title else CONNECTORS
        lead: list[str] = []
        while before:
            word = before[-1]
            bare = word.strip(',.;:“”"()').lower()
            if word[-1] in ',;:“”"(' or not (
                bare in _ROLE_MODIFIERS or bare in ROLE_WORDS or word[0].isupper() or bare in connecting
            ):
                break
            lead.insert(0, before.pop())
        # "the head of the Office of the President …": connectors may stand between the role
        # word and the run.
        connectors: list[str] = []
        while lead and lead[-1].lower() in connecting:
            connectors.insert(0, lead.pop())
        if lead and lead[-1].lower() in ROLE_WORDS:
            lead += connectors
            while lead and lead[0].lower() in _LEAD_STOP:
                lead.pop(0)
            words = [" ".join(lead), *words]
            has_title = True
    if not has_title:
        return None
    return " ".join(words).strip() or None


def role_set_off_before(text: str, start: int, end: int) -> str | None:
    """The role phrase that ends, with a comma, right before a name that a comma follows."""
    if not text.startswith(",", end) or not text.startswith(", ", start - 2):
        return None
    m = _CLAUSE_BEFORE.search(text, max(0, start - 102), start)
    if m is None:
        return None
    role = _SENTENCE_END.split(m.group("role"))[-1]  # not across a sentence end
    if not role.strip():
        return None
    first = role.split()[0].lower()
    if first in {"the", "a", "an"}:
        role = role.split(None, 1)[1] if len(role.split()) > 1 else ""
    return role if has_role_word(role) else None


def roles_around(
    text: str, tokens: list[Token], i: int, j: int, run_start: int, sentences: Sentences
) -> str | None:
    """Every role stated around one mention, joined: the title before and the role after."""
    sentence_start = sentences.bounds_at(tokens[i].start)[0]
    before = _role_before(text, tokens, i, run_start, max(sentence_start, run_start - 120))
    if before is None:
        before = role_set_off_before(text, tokens[i].start, tokens[j - 1].end)
    after = _role_after(text, tokens, j)
    if before and after:
        return f"{before} {after}" if after.startswith("of ") else f"{before}, {after}"
    return before or after


def _role_after(text: str, tokens: list[Token], j: int) -> str | None:
    """An appositive role ("John Kirby, White House National Security Communications Advisor,")
    or title words glued on in damaged text ("LaPlanteUS Deputy Secretary of Defense …")."""
    if j < len(tokens) and tokens[j].cls in {"title", "other", "org"}:
        rest = [t.text for t in tokens[j:]]
        if any(w.lower() in TITLES for w in rest):
            return " ".join(rest)
    end = tokens[j - 1].end
    after = text[end : end + 140]
    m = APPOSITIVE.match(after)
    if m and has_role_word(m.group("role")):
        return m.group("role").strip()
    of = _OF_NAME.match(after)
    if of:
        return f"of {of.group(1)}"
    return None
