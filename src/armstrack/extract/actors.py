"""People, organizations and countries, with the roles the text gives people.

One pass over runs of capitalised words ("Pentagon", "Major General Patrick Ryder",
"Secretary of Defense Lloyd Austin"). In each run:

1. gazetteer names (data/actors.toml) are looked up as token n-grams: they are people,
   organizations or countries, whatever their context;
2. the remaining runs of name-like tokens (capitalised, not a title, not an organization
   or place word, not a sentence-starting function word) are people only with evidence:
   a title right before them ("General Patrick Ryder"), a role word before the run
   ("analyst Roman Schweizer"), a title or an appositive role after them ("Bill LaPlante,
   Deputy Secretary …"), a speech verb beside them ("said Jane Doe", "Jane Doe told"),
   or "of ORG" after them ("Roman Schweizer of TD Cowen"); or, for two or three words
   led by a common given name (data/first_names.toml), the surname alone later in the
   article ("Hillary Clinton … Clinton said"), unless a title claims that surname;
3. a surname alone is the person already named with it in the article ("Bartell added").

Each person appears once per article, with every role stated: the title phrase before
the name and the appositive after it, as written. A name glued to the next word in
damaged text ("Bill LaPlanteUS Deputy Secretary") is split at the run of capitals.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, Literal

from pydantic import TypeAdapter

from armstrack.extract.roles import (
    APPOSITIVE,
    ARTICLE_BEFORE,
    CONNECTORS,
    OF_ORG,
    ROLE_WORD_BEFORE,
    SPEECH_AFTER,
    SPEECH_BEFORE,
    TITLES,
    Token,
    given_names,
    has_role_word,
    role_set_off_before,
    roles_around,
)
from armstrack.models import Actor
from armstrack.resources import bundled_dir
from armstrack.text import Sentences, in_headline_case

_RUN = re.compile(
    r"[A-Z][\w’'.\-]*(?: (?:(?:of|for|and|the|de|van|von|der|al|bin|la|le|du|da) )*[A-Z][\w’'.\-]*)*"
)
_TOKEN = re.compile(r"[\w’'.\-]+")
_GLUED = re.compile(r"^([A-Z][a-z]+(?:[A-Z][a-z]+)*)([A-Z]{2,})$")  # "LaPlanteUS" → "LaPlante", "US"
_PARTICLES = frozenset("of for and the de van von der al bin la le du da".split())
_NAME_PARTICLES = frozenset("de van von der al bin la le du da".split())

_ORG_WORDS = frozenset(
    """pentagon white house department ministry forum command force forces armed army navy air marine marines corps
    congress senate parliament kremlin council national security defense defence foreign affairs state
    communications staff joint chiefs acquisition sustainment policy international european american russian
    ukrainian norwegian british german french polish dutch israeli chinese iranian australian canadian
    swedish finnish danish italian spanish japanese korean turkish belarusian western eastern northern
    southern united states nations kingdom republic federation union agency office bureau committee
    commission group company corporation corp. inc. ltd. co. institute center centre university times post
    journal news press media daily review program programme initiative fund bank industries industry
    systems technologies aerospace dynamics directors armaments region oblast city street middle east west
    north south indo-pacific pacific atlantic black sea administration government cabinet embassy mission
    brigade battalion division regiment fleet guard guards service services intelligence
    radio tribune herald monitor globe chronicle insider telegraph gazette gazeta inquirer pravda welle welt
    """.split()
)
_STOP = frozenset(
    """the this that these those in on at by for but and or a an it its he she they we i you his her their our
    as if while when after before since with from to of however although though meanwhile also then there
    here what who why how not no yes all some many more most other another one two both each every such so
    because despite during until according closing thoughts market data menu search comments related sign
    welcome disclaimer references summary officials experts speech speeches remarks address interview briefing
    statement visit conference summit
    analysts sources image photo read more click share watch video live update updates breaking exclusive
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december sept jan feb mar apr jun jul aug sep oct nov dec
    """.split()
)


@dataclass(frozen=True, slots=True)
class KnownActor:
    id: str
    name: str
    kind: Literal["person", "organization", "country"]
    surname_only: bool = False  # a conditional surname: only with a full mention or a title


@dataclass(frozen=True, slots=True)
class Gazetteer:
    by_name: dict[str, KnownActor]
    max_tokens: int
    first_words: frozenset[str]  # a token that starts no name needs no n-gram lookups
    outlets: frozenset[str] = frozenset()  # ids of news outlets: they report what others say


@dataclass(frozen=True, slots=True)
class _Surname:
    """A single name word, resolved once the whole article is read."""

    start: int
    end: int
    known: KnownActor | None  # a gazetteer surname ("Austin") or None for any other word
    titled: bool  # "Secretary Austin"
    role: str | None


@dataclass(slots=True)
class _Person:
    id: str
    name: str
    known: bool
    roles: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class ActorFinding:
    """What the actors pass returns: records for the JSON, and mentions for quote attribution."""

    actors: list[Actor]
    person_mentions: list[tuple[int, int, str, str]]  # start, end, actor id, name; in text order
    org_mentions: list[tuple[int, int, str, str]]  # organizations and countries; in text order

    def people_between(self, lo: int, hi: int) -> list[tuple[int, int, str, str]]:
        """The person mentions starting in ``lo``..``hi``: two bisects, not a scan of them all."""
        return self.person_mentions[
            bisect_left(self.person_mentions, (lo,)) : bisect_left(self.person_mentions, (hi,))
        ]

    def others_between(self, lo: int, hi: int) -> list[tuple[int, int, str, str]]:
        """The organization and country mentions starting in ``lo``..``hi``."""
        return self.org_mentions[
            bisect_left(self.org_mentions, (lo,)) : bisect_left(self.org_mentions, (hi,))
        ]


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Accents off, lower case: "Bjørn" and "Bjorn" are one key. (Cached: the same names are
    folded at every mention.)"""
    text = unicodedata.normalize("NFKD", text.replace("ø", "o").replace("Ø", "O"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


@cache
def load_gazetteer() -> Gazetteer:
    with (bundled_dir("data") / "actors.toml").open("rb") as f:
        raw = tomllib.load(f)
    by_name: dict[str, KnownActor] = {}
    kinds: tuple[Literal["person", "organization", "country"], ...] = ("person", "organization", "country")
    for kind in kinds:
        for entry in raw.get(kind, []):
            actor = KnownActor(entry["id"], entry["name"], kind)
            for alias in [entry["name"], *entry.get("aliases", [])]:
                by_name.setdefault(_key(alias), actor)
            for surname in entry.get("surnames", []):
                by_name.setdefault(
                    _key(surname), KnownActor(entry["id"], entry["name"], kind, surname_only=True)
                )
    outlets = frozenset(e["id"] for e in raw.get("organization", []) if e.get("type") == "outlet")
    return Gazetteer(
        by_name, max(len(k.split()) for k in by_name), frozenset(k.split()[0] for k in by_name), outlets
    )


def _key(name: str) -> str:
    """Gazetteer key: accents folded, case kept for acronyms ("AP" is not "Ap")."""
    if name.isascii():
        return " ".join(name.split())
    folded = unicodedata.normalize("NFKD", name.replace("ø", "o").replace("Ø", "O"))
    return " ".join("".join(c for c in folded if not unicodedata.combining(c)).split())


@lru_cache(maxsize=16384)
def _classify(word: str) -> str:
    low = word.lower()
    if low in _PARTICLES:
        return "particle"
    if re.fullmatch(r"[A-Z]\.", word):
        return "initial"
    if low in TITLES or low.rstrip(".") in TITLES:
        return "title"
    if low.startswith("ex-") and low[3:].rstrip(".") in TITLES:
        return "title"  # "Ex-ambassador Michael McFaul": a former holder's title, not his name
    if low in _ORG_WORDS:
        return "org"
    if low in _STOP:
        return "stop"
    if word.isupper() or any(c.isdigit() for c in word) or not word[0].isupper():
        return "other"
    return "name"


def _tokens(text: str, start: int, end: int) -> list[Token]:
    """The words of a capitalised run, classified. Runs recur ("The", "Ukraine", a name),
    so their shape is computed once per distinct run and only the offsets are shifted."""
    return [
        Token(word, start + lo, start + hi, cls, key)
        for word, lo, hi, cls, key in _run_shape(text[start:end])
    ]


@lru_cache(maxsize=16384)
def _run_shape(run: str) -> tuple[tuple[str, int, int, str, str], ...]:
    gazetteer = load_gazetteer()
    out: list[tuple[str, int, int, str, str]] = []
    for m in _TOKEN.finditer(run):
        word, w_start = m.group(), m.start()
        for suffix in ("’s", "'s"):
            word = word.removesuffix(suffix)
        if word.endswith(("s’", "s'")):
            word = word[:-1]  # a plural's or an "-s" name's possessive: "Fox Business’ Maria Bartiromo"
        if word.endswith(".") and not (
            re.fullmatch(r"(?:[A-Z]\.)+", word) or word.lower() in TITLES or word.lower() in _SUFFIXES
        ):
            word = word[:-1]  # a full stop, not an abbreviation ("Ryder." but "Gen.", "U.S.")
        glued = _GLUED.match(word)
        parts = [(glued[1], w_start, None), (glued[2], w_start + len(glued[1]), "other")] if glued else []
        if not glued and word:
            parts = [(word, w_start, None)]
        for part, lo, cls in parts:
            known = gazetteer.by_name.get(part)
            if cls is None:  # "Ukraine’s Defense Minister": a country word belongs to the title
                cls = "org" if known is not None and known.kind != "person" else _classify(part)
            out.append((part, lo, lo + len(part), cls, _key(part)))
    return tuple(out)


def find_actors(text: str, sentences: Sentences) -> ActorFinding:
    gazetteer = load_gazetteer()
    persons: dict[str, _Person] = {}
    by_surname: dict[str, str] = {}  # folded surname -> person id
    pending: list[_Surname] = []
    tentative: list[tuple[int, int, str]] = []  # given-name-led names, waiting for their surname alone
    others: dict[str, tuple[KnownActor, list[tuple[int, int]]]] = {}

    def add_person(pid: str, name: str, known: bool, start: int, end: int, role: str | None) -> None:
        person = persons.get(pid)
        if person is None:
            person = persons[pid] = _Person(pid, name, known)
        elif not known and len(name) > len(person.name) and not person.known:
            person.name = name
        person.mentions.append((start, end))
        if role and role not in person.roles:
            person.roles.append(role)
        by_surname.setdefault(fold(_surname(name)), pid)

    for run in _RUN.finditer(text):
        tokens = _tokens(text, run.start(), run.end())
        i = 0
        while i < len(tokens):
            hit = _gazetteer_at(tokens, i, gazetteer)
            if hit is not None:
                actor, n = hit
                start, end = tokens[i].start, tokens[i + n - 1].end
                if actor.kind == "person":
                    role = roles_around(text, tokens, i, i + n, run.start(), sentences)
                    if actor.surname_only:
                        titled = i > 0 and tokens[i - 1].cls == "title"
                        pending.append(_Surname(start, end, actor, titled, role))
                    else:
                        add_person(actor.id, actor.name, True, start, end, role)
                elif not (actor.kind == "country" and _of_a_longer_name(tokens, i)):
                    others.setdefault(actor.id, (actor, []))[1].append((start, end))
                i += n
                continue
            if tokens[i].cls not in {"name", "initial"}:
                i += 1
                continue
            j = i
            while j < len(tokens) and (
                tokens[j].cls in {"name", "initial"}
                or (tokens[j].cls == "particle" and tokens[j].text in _NAME_PARTICLES and j + 1 < len(tokens))
            ):
                j += 1
                if text.startswith(("’", "'"), tokens[j - 1].end):
                    break  # a possessive ends a name: "Fox Business’ Maria Bartiromo" is two
            while j > i and tokens[j - 1].cls == "particle":
                j -= 1
            words = [t.text for t in tokens[i:j]]
            start, end = tokens[i].start, tokens[j - 1].end
            if text.startswith(("’", "'"), end) and j < len(tokens) and tokens[j].cls in {"name", "initial"}:
                # The owner of the name after it ("told Fox Business’ Maria Bartiromo"): what
                # stands before the owner is that name's evidence, not the owner's.
                pending.append(_Surname(start, end, None, False, None))
                i = j
                continue
            evidence_from = _owner_start(text, tokens, i)
            if len(words) == 1:
                pending.append(_Surname(start, end, None, False, None))
            elif len(words) <= 4 and _is_person(text, tokens, evidence_from, j, run.start()):
                role = roles_around(text, tokens, i, j, run.start(), sentences)
                name = " ".join(words)
                pid = _person_id(name, persons, by_surname)
                add_person(pid, name, False, start, end, role)
            elif len(words) <= 4:  # no evidence here: a person only if named with evidence elsewhere
                if _given_name_led(text, tokens, i, j):
                    tentative.append((start, end, " ".join(words)))
                pending.append(_Surname(start, end, None, False, None))
            i = j

    # "Donald Trump and Hillary Clinton vied …" names her with no title or verb; a common
    # given name leading the words, and her surname alone later ("Clinton said"), do.
    if tentative:
        last_seen: dict[str, int] = {}  # each word standing alone: where it last does
        claimed: set[str] = set()
        for alone in pending:
            if " " not in text[alone.start : alone.end]:
                word = fold(text[alone.start : alone.end])
                last_seen[word] = alone.start
                if _TITLE_BEFORE.search(text, max(0, alone.start - 12), alone.start):
                    claimed.add(word)
        for start, end, name in tentative:
            last = fold(_surname(name))
            # "Mrs. Obama", "President Obama": a surname that a title claims may be another's.
            if last not in by_surname and last not in claimed and last_seen.get(last, -1) > end:
                add_person(_person_id(name, persons, by_surname), name, False, start, end, None)

    for surname in pending:
        known_actor = surname.known
        if known_actor is not None and (known_actor.id in persons or surname.titled):
            # a gazetteer surname: that person when named in full, or titled
            add_person(known_actor.id, known_actor.name, True, surname.start, surname.end, surname.role)
            continue
        # else whoever this article named in full with that surname (another "Vance", "Brown")
        parts = text[surname.start : surname.end].split()  # as written, not the gazetteer's name
        owner = by_surname.get(fold(parts[-1]))
        if owner is not None and (
            len(parts) == 1 or fold(persons[owner].name.split()[0])[:1] == fold(parts[0])[:1]
        ):
            persons[owner].mentions.append((surname.start, surname.end))

    return _finding(text, sentences, persons, others)


def _given_name_led(text: str, tokens: list[Token], i: int, j: int) -> bool:
    """Two or three name words led by a common given name (data/first_names.toml), not
    after "the"/"a" ("the Charlotte Hornets"), not in a headline, and not followed by another
    capitalised word ("George Washington University", "Barack Obama Election Day")."""
    if not 2 <= j - i <= 3 or tokens[i].text not in given_names():
        return False
    if j < len(tokens) and tokens[j].text[:1].isupper() and tokens[j].start - tokens[j - 1].end < 3:
        return False
    start = tokens[i].start
    return not ARTICLE_BEFORE.search(text, max(0, start - 5), start) and not in_headline_case(text, start)


_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|President|Senator|Sen|Gov|Governor|Rep)\.?\s+$")


def _of_a_longer_name(tokens: list[Token], i: int) -> bool:
    """Is "America" at ``i`` the end of a longer name of something else ("Bank of America
    Stadium", "Voice of America", "Boy Scouts of America"): "of" right before it, after a
    capitalised word that is no title ("President of America" is the country's)? Names that
    end "of Ukraine" are the state's own bodies ("the Armed Forces of Ukraine"): they stay."""
    return (
        i >= 2
        and tokens[i].key == "America"
        and tokens[i - 1].text == "of"
        and tokens[i - 2].cls not in {"title", "particle"}
        and tokens[i - 2].key != "States"
    )


def _gazetteer_at(tokens: list[Token], i: int, gazetteer: Gazetteer) -> tuple[KnownActor, int] | None:
    if tokens[i].key not in gazetteer.first_words:
        return None
    for n in range(min(gazetteer.max_tokens, len(tokens) - i), 0, -1):
        key = " ".join(t.key for t in tokens[i : i + n])
        actor = gazetteer.by_name.get(key)
        if actor is not None:
            return actor, n
    return None


# Generational suffixes follow the surname ("Charles Q. Brown Jr." is "Brown" on second mention).
_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr"})


def _surname(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1].lower() in _SUFFIXES:
        words.pop()
    return words[-1]


def _person_id(name: str, persons: dict[str, _Person], by_surname: dict[str, str]) -> str:
    """The id of the person this name is: one already seen with the same surname and a
    compatible first name ("Pat Ryder" ~ "Patrick Ryder"), else a new one."""
    first, last = fold(name.split()[0]), fold(_surname(name))
    pid = by_surname.get(last)
    if pid is not None and fold(persons[pid].name.split()[0])[:1] == first[:1]:
        return pid
    return slug(name)


# A title linked to its place by "to": "Ambassador to Ukraine", "Special Envoy to the UN".
_TITLE_TO_BEFORE = re.compile(
    r"\b(?:Ambassador|Envoy|Representative|Delegate|Emissary)\s+to\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?\s+$"
)
# Honorifics written after "the": "the Rev. Peter Wherry", "the Hon. Jane Doe".
_THE_HONORIFIC = re.compile(r"(?:Rev|Reverend|Hon|Honorable|Honourable|Very|Right|Most)\b")


def _owner_start(text: str, tokens: list[Token], i: int) -> int:
    """Where the words that own the name at ``i`` begin ("told Fox News’ Bret Baier": at
    "Fox"), back to a title or the run's start; ``i`` itself when no possessive stands
    right before it. What stands before the owner is the name's evidence."""
    if i == 0 or not text.startswith(("’", "'"), tokens[i - 1].end):
        return i
    k = i - 1
    while k > 0 and tokens[k - 1].cls != "title":
        k -= 1
    return k


def _is_person(text: str, tokens: list[Token], i: int, j: int, run_start: int) -> bool:
    if i > 0 and tokens[i - 1].cls == "title":
        return True
    k, linked = i - 1, False
    while k >= 0 and (tokens[k].cls in {"org", "other"} or tokens[k].text in CONNECTORS):
        linked = linked or tokens[k].text in {"of", "for"}
        k -= 1
    # A title linked by "of"/"for" through organisation words: "Secretary of Defense Lloyd
    # Austin", "Commander-in-Chief of the Armed Forces of Ukraine Oleksandr Syrskyi".
    if linked and k >= 0 and tokens[k].cls == "title":
        return True
    if j < len(tokens) and (
        tokens[j].cls == "title"
        or (tokens[j].cls in {"other", "org"} and j + 1 < len(tokens) and tokens[j + 1].cls == "title")
    ):
        return True  # "Bill LaPlante Deputy Secretary …", "Mara QuintelUS Under Secretary …" in damaged text
    start, end = tokens[i].start, tokens[j - 1].end
    if _TITLE_TO_BEFORE.search(text, max(0, start - 60), start):
        return True  # "the U.S. Ambassador to Ukraine Bridget Brink"
    if in_headline_case(text, start):
        return False  # "US Will Expedite Shipment of Air Defense Systems": case is no evidence there
    before = text[max(0, start - 40) : start]
    if ROLE_WORD_BEFORE.search(before.lower()):
        return True
    if role_set_off_before(text, start, end) is not None:
        return True
    if SPEECH_BEFORE.search(before) and (
        not ARTICLE_BEFORE.search(before) or _THE_HONORIFIC.match(text, start)
    ):
        # "said Jane Doe", "said the Rev. Peter Wherry"; not "stated that the Phoenix Ghost is"
        return True
    after = text[end : end + 120]
    if SPEECH_AFTER.match(after) and not before.endswith(" of "):
        return True  # "Kenji Arata said", but not "Senator Jeanne Shaheen of New Hampshire said"
    if OF_ORG.match(after):
        return True
    m = APPOSITIVE.match(after)
    return bool(m and has_role_word(m.group("role")))


def _finding(
    text: str,
    sentences: Sentences,
    persons: dict[str, _Person],
    others: dict[str, tuple[KnownActor, list[tuple[int, int]]]],
) -> ActorFinding:
    # Actors as plain dicts, validated together at the end: one pydantic call for the
    # article, not one per actor and per mention.
    records: list[tuple[int, dict[str, Any]]] = []
    person_mentions: list[tuple[int, int, str, str]] = []
    org_mentions: list[tuple[int, int, str, str]] = []

    def mentions(spans: list[tuple[int, int]]) -> list[dict[str, Any]]:
        return [
            {"text": text[s:e], "start": s, "end": e, "sentence": sentences.context(s, e)} for s, e in spans
        ]

    for person in persons.values():
        spans = sorted(set(person.mentions))
        records.append(
            (
                spans[0][0],
                {
                    "id": person.id, "name": person.name, "kind": "person",
                    "role": person.roles[0] if person.roles else None, "roles": person.roles,
                    "mentions": mentions(spans),
                },
            )
        )  # fmt: skip
        person_mentions += [(s, e, person.id, person.name) for s, e in spans]
    for actor, spans in others.values():
        spans = sorted(set(spans))
        records.append(
            (
                spans[0][0],
                {"id": actor.id, "name": actor.name, "kind": actor.kind, "role": None, "roles": [], "mentions": mentions(spans)},
            )
        )  # fmt: skip
        org_mentions += [(s, e, actor.id, actor.name) for s, e in spans]
    records.sort(key=lambda r: r[0])
    person_mentions.sort()
    org_mentions.sort()
    return ActorFinding(_actor_list().validate_python([a for _, a in records]), person_mentions, org_mentions)


@cache
def _actor_list() -> TypeAdapter[list[Actor]]:
    return TypeAdapter(list[Actor])
