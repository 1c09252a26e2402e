"""Who a stretch of text names as a quote's speaker (extract/quotes.py finds the stretch:
the words before a speech verb, after it, or after "according to").

In that order: "the former" or "the latter" of two people named before; a name right before
the verb, whoever the sentence named first ("After Trump's remarks, Kall said"); the first
person (the subject, before any appositive), unless every person is after a preposition; "it"
(the organization quoted last); a pronoun (its antecedent, extract/speakers.py); an unnamed
source's description ("a senior US defense official", "the agency", a document's issuer);
what an organization or country owns ("Ukraine's Western air command unit"); an
organization, the one nearest the verb; a name no list knows; a noun phrase ("the
announcer"). None when the words name no one.

A person's government is not the person: "the Biden administration said" is described as
such, and so is "Biden's team". A country or place after "in", "to", "for" ("an attack in
central Ukraine emphasizes …") is where or whom, never the speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from armstrack.extract.actors import ActorFinding, slug
from armstrack.extract.descriptions import (
    DESCRIPTION,
    HEAD_BEFORE_CLAUSE,
    ends_with_it,
    fuller,
    issuer_of,
    office_of,
    organization_again,
    organization_subject,
    role_holder,
)
from armstrack.extract.roles import ARTICLE_BEFORE, ROLE_WORDS, has_role_word
from armstrack.extract.speakers import NAME, Antecedents, Names

_PRONOUN = re.compile(r"^\W*(?P<p>he|she|they)\b", re.IGNORECASE)
_PHRASE_AT_END = re.compile(
    r"(?:^|[\s,])(?P<np>(?i:the|a|an|my|his|her|their|our|its|both)\s+(?:[\w][\w’'-]*\s+){0,4}?[a-z][\w’'-]*)"
    r"(?:\s+(?:often|also|later|then|once|again|repeatedly|recently|has|had|have|would|will))?[\s,]*$"
)
_PRONOUN_AT_END = re.compile(r"\b(?P<p>he|she|they)(?:['’](?:s|d|ll|ve|re))?[\s,]*$", re.IGNORECASE)
# "According to the agency, Kyiv “…”": a lone noun phrase after "according to"
_PHRASE_ALONE = re.compile(r"\s*(?P<np>(?i:the)\s+(?:[a-z][\w’'-]*\s+)?[a-z][\w’'-]*)\s*$")
# What an organization or country owns, up to the speech verb: "Ukraine's Western air command
# unit", "Russia's foreign ministry" (lower-case words: "Ukraine's President Zelensky" is
# the person).
_POSSESSED = re.compile(r"['’]s\s+(?P<np>(?:[A-Z][\w-]*\s+){0,2}(?:[a-z][\w-]*\s+){0,4}?[a-z][\w-]*)[\s,]*$")
# A role in lower case after a country or office, up to the verb: "president", "defense chief"
_ROLE_AFTER = re.compile(r"\s+(?P<np>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)[\s,]*$")
# A person's government or campaign after the name: "the Biden administration", "Trump's team".
_HIS_GOVERNMENT = re.compile(
    r"(?:['’]s)?\s+(?:administration|White\s+House|government|campaign|presidency|transition\s+team|team|camp)\b"
)
# A region's word between a preposition and a place: "in central Ukraine".
_REGION = (
    r"(?:(?:central|eastern|western|northern|southern|north-?eastern|north-?western|south-?eastern"
    r"|south-?western|occupied|war-torn|neighbou?ring)\s+)?"
)
# A place or an object, not a subject: "in central Ukraine", "sent to Ukraine", "for Kyiv";
# "according to the Pentagon" is a source.
_PLACE_BEFORE = re.compile(
    rf"(?:\bin|\bfor|\bagainst|\btowards?|(?<!according)\s+to)\s+(?:the\s+)?{_REGION}$"
)
_FORMER_LATTER = re.compile(r"\bthe (former|latter)\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(r"\b(?i:in|at|during|from|with|for|on|after|before|into)\s+$")
_NAME_TAIL = 80  # characters before a speech verb where the name right before it stands
_PRONOUN_TAIL = 16  # … and where a pronoun right before it stands ("she said")
_SUBJECT_THEN_COMMA = re.compile(rf"[\s“\"‘(]*(?P<name>{NAME}),\s")
_POSSESSIVE = ("'s", "’s", "' ", "’ ")
# A phrase that opens a sentence to set its scene, up to its comma: "After meeting President
# Zelenskyy in The Hague last week,", "During talks with Austin,".
_OPENING_PHRASE = re.compile(
    r"[\s“\"‘(]*(?i:after|before|following|during|while|when|since|upon|at|in|on|with|despite|ahead\s+of)\s"
    r"[^,;:“”\"]{3,120},\s"
)


# Nouns for someone of a person's ("Obama's former campaign strategist", "Johnson's doctor",
# "Scott's family"), and the auxiliaries a verb group may leave after them ("… doctor is").
_THEIR_PEOPLE = frozenset(
    """strategist strategists spokesman spokeswoman spokesperson aide aides adviser advisers advisor advisors
    lawyer lawyers attorney attorneys doctor doctors physician family relatives wife husband son daughter
    brother sister mother father campaign team office staff manager chief secretary assistant deputy
    envoy representative counsel""".split()
)
_AUXILIARIES = frozenset("is are was were has have had will would".split())


def _their_person(np: str) -> str | None:
    """The noun phrase after a possessive when it names someone of that person's (its head
    in ``_THEIR_PEOPLE``, trailing auxiliaries dropped), else None."""
    words = np.split()
    while words and words[-1] in _AUXILIARIES:
        words.pop()
    return " ".join(words) if words and words[-1] in _THEIR_PEOPLE else None


_CLOSING_AFTER_COMMA = frozenset("”\"’'")
_ROLE_DESCRIBED = re.compile(r"(?:[Tt]he|[Aa]n?)\s+(?:[\w.’'-]+\s+){0,3}[\w’'-]+")


def _described_subject_after(chunk: str, lo: int, after: int) -> tuple[int, bool] | None:
    """Where ``chunk`` ends with ", <a description>" ("…, the officials") starting after
    offset ``after``: the description's offset in ``chunk``, and whether it is an office
    described ("the Ukrainian president") rather than a source; None if it does not."""
    end = len(chunk.rstrip())
    comma = chunk.rfind(",", 0, end)
    if comma == -1 or lo + comma < after:
        return None
    at = comma + 1
    while at < end and (chunk[at].isspace() or chunk[at] in _CLOSING_AFTER_COMMA):
        at += 1  # (a quotation may close after the comma: 'that Putin is “not ready,” the …')
    found = DESCRIPTION.match(chunk, at)
    if found is not None and found.group("det") is not None and found.end() >= end:
        return at, False
    # … or an office described: "After Putin spoke, the Ukrainian president said"
    office = _ROLE_DESCRIBED.fullmatch(chunk, at, end)
    return (at, True) if office is not None and has_role_word(office.group()) else None


def _named_place(text: str, lo: int, chunk: str, name: str | None, side: str) -> bool:
    """Is the name found in ``chunk`` a place ("the conflict in Ukraine, said …")?"""
    if not name:
        return False
    at = chunk.rfind(name) if side == "end" else chunk.find(name)
    return at >= 0 and _PLACE_BEFORE.search(text, max(lo, lo + at - 30), lo + at) is not None


def _office_next_to_verb(
    text: str, lo: int, hi: int, org: tuple[int, int, str, str], side: str
) -> str | None:
    """The office "of" ``org`` that is the whole subject next to the speech verb: the
    description ends right before the verb ("…,” the president of Ukraine said") or opens
    the words after it ("said the chairman of the Joint Chiefs of Staff on Monday")."""
    if side == "end" and text[org[1] : hi].strip(" ,") and not _OWNED_TO_VERB.match(text, org[1], hi):
        return None  # words of its own after the body: it is not what stands next to the verb
    if side == "start" and org[0] - lo > _OFFICE_REACH:
        return None  # … or too far from the verb for an office and "of" before it
    found = office_of(text, lo, org)
    if found is None:
        return None
    start, office = found
    return office if side == "end" or not text[lo:start].strip(" ,") else None


_OFFICE_REACH = 70  # characters: "the" and four words and "of the" before a body


_OWNED_TO_VERB = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*[\s,]*$")


def _government(text: str, lo: int, leader: tuple[int, int, str, str]) -> tuple[int, str]:
    """(where it ends, the words) of a leader's government: "the Biden administration"."""
    det = ARTICLE_BEFORE.search(text, max(lo, leader[0] - 5), leader[0])
    ends = _HIS_GOVERNMENT.match(text, leader[1])
    end = ends.end() if ends is not None else leader[1]
    return end, " ".join(text[det.start() if det is not None else leader[0] : end].split())


def _is_object(text: str, person: tuple[int, int, str, str], verb_at: int) -> bool:
    """Is this person named after a preposition ("hatred of Clinton"), and not right
    before the speech verb ("footage of Trump saying")?"""
    start, end = person[0], person[1]
    return (
        bool(text[end:verb_at].strip()) and _OBJECT_BEFORE.search(text, max(0, start - 12), start) is not None
    )


_OBJECT_BEFORE = re.compile(r"\b(?:of|against|about|toward|towards|with|for)\s+(?:(?:the|a|an)\s+)?$")
_OF_BEFORE = re.compile(
    rf"\b(?:of|for|from|in|at|to|with|by|against|towards?)\s+(?:the\s+)?{_REGION}$", re.IGNORECASE
)
# A name and nothing else but an age ("Mr. King, 82,") between it and the verb.
# … or an adverb or an auxiliary between them: "Austin also noted", "Kirby has repeatedly said".
_NAME_RIGHT_BEFORE = re.compile(
    rf"(?<![\w.])(?P<name>{NAME})(?:,\s*\d{{1,3}},)?"
    r"(?:\s+(?:also|later|then|again|further|previously|earlier|once|often|repeatedly|recently|has|had|have))*\s*$"
)


_ROLE_THEN_NAME = (
    8  # words of "said 9/11 widow Terry Strada": not a whole clause, whose last name is no subject
)
_SUBJECT_LEAD = 3  # words that may stand before a subject: "The", "Last week, the", "And the"


def _subject_position(text: str, lo: int, at: int) -> bool:
    """Does the name at ``at`` open the clause that starts at ``lo``: no more than a few
    words before it, after a phrase that sets the scene ("On Monday, the Kremlin")?"""
    lead = text[lo:at]
    opener = _OPENING_PHRASE.match(lead) or _TIME_OPENER.match(lead)
    if opener is not None:
        lead = lead[opener.end() :]
    return len(lead.split()) <= _SUBJECT_LEAD


# A time phrase opening a sentence: "Last week,", "Earlier this month,".
_TIME_OPENER = re.compile(r"[\s“\"‘(]*(?:[A-Za-z]+\s+){0,3}?(?i:week|month|year|day|morning|night|time)s?,\s")


# A description that opens a clause ("The Ukrainian president said …"), then its verb.
_OPENING_DESCRIPTION = re.compile(
    r"[\s“\"‘(]*(?P<d>(?:[Tt]he|[Aa]n?)\s+(?:[\w.’'-]+\s+){0,3}?[\w’'-]+)\s+(?:[a-z]+ly\s+|also\s+|then\s+)?"
    r"(?:said|says|told|tells|added|adds|wrote|writes|stated|states|noted|notes|announced|confirmed)\b"
)
# A relative "who" right before the speech verb: its antecedent is the verb's subject.
_RELATIVE_WHO = re.compile(r",\s+who\s*$")


def _antecedent(
    text: str, lo: int, at: int, people: list[tuple[int, int, str, str]]
) -> tuple[str | None, str | None, str | None] | None:
    """Who a relative "who" at ``at`` stands for: the person named right before it, else the
    description that ends there ("Ukrainian officials, who …"); None when neither does."""
    for _start, end, pid, name in reversed(people):
        if end <= at and not text[end:at].strip():
            return name, pid, None
        if end <= at:
            break
    last = None
    for d in DESCRIPTION.finditer(text, max(lo, at - 80), at):
        last = d
    if last is not None and last.end() == at:
        return None, None, " ".join(last.group(0).split())
    return None


def _before_appositive(
    chunk: str, lo: int, orgs: list[tuple[int, int, str, str]]
) -> list[tuple[int, int, str, str]]:
    """The organizations up to the one an appositive right before the verb describes: "Even
    China, Pyongyang's only ally and its economic lifeline, said": China speaks, not the
    country named inside the words set off by commas. All of ``orgs`` when there is none."""
    tail = chunk.rstrip()
    if not tail.endswith(","):
        return orgs
    opening = chunk.rfind(",", 0, len(tail) - 1)
    if opening == -1:
        return orgs
    before = [o for o in orgs if o[1] <= lo + opening]
    if before and len(before) < len(orgs) and not chunk[before[-1][1] - lo : opening].strip():
        return before
    return orgs


def speaker_in(
    text: str,
    region: tuple[int, int],
    actors: ActorFinding,
    person_starts: list[int],
    quote_start: int,
    side: str = "end",
    names: Names | None = None,
    antecedents: Antecedents | None = None,
) -> tuple[str | None, str | None, str | None] | None:
    """The speaker named in text[region]: a person (the first: the subject, before any
    appositive), a pronoun, an unnamed source, or an outlet or office (the one nearest the
    verb: "Washington has made it clear …, CNN reported")."""
    lo, hi = region
    if hi <= lo:
        return None
    # "the Biden administration said": the administration, not the man
    people = actors.people_between(lo, hi)
    governments = [p for p in people if _HIS_GOVERNMENT.match(text, p[1])]
    if governments:
        people = [p for p in people if p not in governments]
    chunk = text[lo:hi]
    if (
        chunk.endswith(("who", "who "))
        and (relative := _RELATIVE_WHO.search(chunk, max(0, len(chunk) - 12))) is not None
    ) and (antecedent := _antecedent(text, lo, lo + relative.start(), people)) is not None:
        # "… halting shipments expected by Ukrainian officials, who called the delay
        # “painful”": the relative pronoun's antecedent speaks, not the sentence's subject
        return antecedent
    if side == "end" and (which := _FORMER_LATTER.search(chunk)) is not None:
        # "Rep. Fitzpatrick and Senator Blumenthal, with the former calling … and the latter
        # denouncing it as ‘…’": the first or the second of the two people named before
        before_it = list(dict.fromkeys((p[2], p[3]) for p in people if p[1] <= lo + which.start()))
        if len(before_it) >= 2:
            pid, name = before_it[-2] if which.group(1).lower() == "former" else before_it[-1]
            return name, pid, None
    if side == "end" and names is not None:
        # A name right before the verb is its subject, whoever the sentence named first
        # ("After Trump's remarks, Kall said: “…”"; "…, Clinton said").
        adjacent = _NAME_RIGHT_BEFORE.search(chunk, max(0, len(chunk) - _NAME_TAIL))
        if (
            adjacent is not None
            and not _PRONOUN_AT_END.search(chunk, max(0, len(chunk) - _PRONOUN_TAIL))
            and not _OF_BEFORE.search(
                chunk, max(0, adjacent.start("name") - 30), adjacent.start("name")
            )  # "the Minister of Defense of the Netherlands", "in central Ukraine"
        ):
            at = lo + adjacent.start("name")
            known = [p for p in people if p[0] <= at < p[1] or at <= p[0] < lo + adjacent.end("name")]
            if known:
                return known[-1][3], known[-1][2], None
            office = actors.others_between(at, lo + adjacent.end("name"))
            if office and (holder := role_holder(office_words := f"the {adjacent.group('name')}", actors)):
                return holder[0], holder[1], office_words  # "the NATO Secretary General said": Rutte
            if office and not text.startswith(_POSSESSIVE, office[-1][1]):
                # "…, the Kremlin said": an office or outlet, not a person (but in "Ukraine's
                # General Staff said" the country owns the speaker: the whole name, next)
                return office[-1][3], office[-1][2], None
            if (
                chunk.endswith("the ", 0, adjacent.start("name"))
                and adjacent.group("name").split()[-1].lower() in ROLE_WORDS
            ):
                # "…,” the Defence Secretary said": an office named, not a person's name; its
                # holder when the text names one person with it
                office_words = f"the {adjacent.group('name')}"
                holder = role_holder(office_words, actors)
                return (holder[0], holder[1], office_words) if holder else (None, None, office_words)
            if (by_name := names.find(adjacent.group("name"), "end")) is not None:
                return by_name
    described_from = 0  # where in the chunk a description that is the subject may start
    if people and side == "end" and (subject_after := _described_subject_after(chunk, lo, people[-1][1])):
        # "“…” remaining for the incoming Trump defense team, the officials said": the subject
        # set off by a comma right before the verb, after every person named (only the words
        # after that comma are read for it: a hostile run of such clauses stays cheap)
        people = []
        described_from, is_office = subject_after
        if is_office:
            # an office described ("the Ukrainian president"): that, as its words say it
            # (who holds it is read from the quote's record), not read again below
            return None, None, " ".join(chunk[described_from:].split())
    if people and all(_is_object(text, p, hi) for p in people):
        # "… hatred of Clinton among his supporters, the Vermont senator acknowledged": a
        # person after a preposition is no subject; the description that is one speaks.
        people = []
    if len(people) > 1 and (opener := _OPENING_PHRASE.match(chunk)) is not None:
        # "After meeting Zelenskyy in The Hague, Trump acknowledged the plea and said": the
        # subject comes after the phrase that sets the scene, not the person in it
        after = [p for p in people if p[0] >= lo + opener.end()]
        if after:
            people = after
    if (
        people
        and side == "start"
        and (opener := _OPENING_DESCRIPTION.match(chunk)) is not None
        and lo + opener.end() <= people[0][0]
        and (has_role_word(opener.group("d")) or DESCRIPTION.fullmatch(opener.group("d")) is not None)
    ):
        # "The Ukrainian president said … his agreements with President Joe Biden “…”,
        # adding that …": read from the clause's start, the description that opens it is
        # its subject, not a person named after it
        return None, None, " ".join(opener.group("d").split())
    if (
        people
        and side == "end"
        and all(text.startswith(_POSSESSIVE, p[1]) for p in people)
        and _PRONOUN_AT_END.search(chunk, max(0, len(chunk) - _PRONOUN_TAIL)) is not None
    ):
        # "He applauded the shift in Biden's policy, which he said “…”": the pronoun right
        # before the verb is its subject; a name that only owns something is none (read below)
        people = []
    if people:
        if names is not None and text.startswith(_POSSESSIVE, people[0][1]):
            # "Rucker Culpepper, who runs Clinton's effort, said": the subject set off by a
            # comma, not the person whose effort it is.
            subject = _SUBJECT_THEN_COMMA.match(chunk)
            if subject is not None and len(subject.group("name").split()) > 1:
                whole = names.find(subject.group("name"), "start")
                if whole is not None and whole[0] == subject.group("name"):
                    return whole
        if (
            side == "end"
            and all(text.startswith(_POSSESSIVE, p[1]) for p in people)
            and (owned := _POSSESSED.match(text, people[-1][1], hi)) is not None
            and (np := _their_person(owned.group("np"))) is not None
        ):
            # "…,” Obama's former campaign strategist said": his strategist speaks, not he
            return None, None, " ".join(f"{text[people[-1][0] : owned.start('np')]}{np}".split())
        if len(people) > 1 and text.startswith(_POSSESSIVE, people[0][1]):
            # "Biden's announcement came after Zelenskyy gave an address …, saying “…”": a
            # possessive names what is his, not the subject; the next person named is
            owners = {p[2] for p in people if text.startswith(_POSSESSIVE, p[1])}
            others = [p for p in people if p[2] not in owners]
            if others:
                return others[0][3], others[0][2], None
        return people[0][3], people[0][2], None
    if side == "end" and antecedents is not None and ends_with_it(chunk):
        # "…,” it said": the organization quoted last ("the agency said …"), else nobody
        earlier = antecedents.organization_before(quote_start) or organization_subject(
            text, quote_start, actors
        )
        return (earlier[0], earlier[1], None) if earlier is not None else (None, None, None)
    pronoun = _PRONOUN.match(chunk) or (
        _PRONOUN_AT_END.search(chunk, max(0, len(chunk) - _PRONOUN_TAIL)) if side == "end" else None
    )
    if pronoun:
        word = pronoun.group("p").lower()
        if word == "they":  # "Clinton's campaign … what they call": the campaign, else no one
            return (
                (None, None, _government(text, lo, governments[-1])[1]) if governments else (None, None, None)
            )
        described = antecedents.described_before(quote_start) if antecedents is not None else None
        if described is not None:
            return None, None, described
        found = antecedents.before(quote_start, word) if antecedents is not None else None
        if found is None and antecedents is None:
            i = bisect_left(person_starts, quote_start) - 1
            found = (actors.person_mentions[i][3], actors.person_mentions[i][2]) if i >= 0 else None
        return (found[0], found[1], None) if found else (None, None, None)
    # "In a joint statement, both governments said": a document after a preposition is where
    # it was said, not who said it
    # (and the rest of one: "in an official statement" is read as "an official" and "statement")
    descriptions = []
    dropped_end = -1
    for d in DESCRIPTION.finditer(chunk, described_from):
        if _PREPOSITION_BEFORE.search(chunk, 0, d.start()) or (
            dropped_end >= 0 and not chunk[dropped_end : d.start()].strip()
        ):
            dropped_end = d.end()
        else:
            descriptions.append(d)
            dropped_end = -1
    # Read from the start, a description that opens the words is their subject, whatever
    # they name after it ("The senators … expressed concern over U.S. opposition, saying").
    opens = side == "start" and bool(descriptions) and not chunk[: descriptions[0].start()].strip(" ,'’")
    if opens:
        descriptions = descriptions[:1]
    description = descriptions[-1] if descriptions else None
    joined_from = None  # "a ministry" + "official": one description
    if len(descriptions) > 1 and not chunk[descriptions[-2].end() : descriptions[-1].start()].strip():
        joined_from = descriptions[-2]
    # "an attack in central Ukraine emphasizes …": a place, not a speaker
    orgs = [
        o for o in actors.others_between(lo, hi) if not _PLACE_BEFORE.search(text, max(lo, o[0] - 30), o[0])
    ]
    if side == "end" and len(orgs) > 1:
        orgs = _before_appositive(chunk, lo, orgs)
    named = names.find(chunk[described_from:], side) if names is not None else None
    if names is not None and side == "start" and named is None and len(chunk.split()) <= _ROLE_THEN_NAME:
        named = names.find(chunk, "end")  # "…,” said 9/11 widow Terry Strada": a role, then the name
    elif names is not None and (named is None or chunk.rstrip().endswith(",")):
        # "Johnnie Wilson, of Springfield, Va., said …": the subject, set off by an appositive
        # (whose last word is a place, not the speaker); a first and last name, every word of
        # it ("Last Tuesday," is none)
        subject = _SUBJECT_THEN_COMMA.match(chunk)
        if subject is not None and len(subject.group("name").split()) > 1:
            whole = names.find(subject.group("name"), "start")
            if whole is not None and whole[0] == subject.group("name"):
                named = whole
    if description is not None and (opens or not (orgs and orgs[-1][0] > lo + description.end())):
        if (
            governments
            and (government := _government(text, lo, governments[-1]))[0] == lo + description.end()
        ):
            return None, None, government[1]  # "the Biden administration", not the words before it
        body = description.group("body")
        # Capitals make an organization ("the Foreign Ministry said"), not one word capitalised
        # only because it opens the sentence ("Officials called it …").
        by_position = len(body.split()) == 1 and not text[lo : lo + description.start("body")].strip()
        if (
            body[:1].isupper()
            and not by_position
            and all(w[:1].isupper() for w in body.split() if w not in {"of", "and", "for"})
        ):
            return " ".join(body.split()), slug(body), None  # "the Foreign Ministry said": an organization
        if joined_from is not None and (joined_from.group("det") or "").strip().lower() != "the":
            return None, None, " ".join(chunk[joined_from.start() : description.end()].split())
        issuer = issuer_of(text, lo + description.start(), description, actors)
        if issuer is not None:  # "…,” the statement said: the Pentagon's, introduced earlier
            return issuer[3], issuer[2], None
        if (
            organization := organization_again(text, lo + description.start(), description.group(), actors)
        ) is not None:
            return organization
        return None, None, fuller(text, lo + description.start(), description)
    if orgs and (
        office_of_body := _office_next_to_verb(text, lo, hi, orgs[-1] if side == "end" else orgs[0], side)
    ):
        # "…,” the president of Ukraine said": the office's holder, not the country
        holder = role_holder(office_of_body, actors)
        return (holder[0], holder[1], office_of_body) if holder else (None, None, office_of_body)
    if orgs and side == "end" and (owned := _POSSESSED.match(text, orgs[-1][1], hi)) is not None:
        # "…,” Ukraine's Western air command unit said": the unit speaks, not the country
        return None, None, " ".join(text[orgs[-1][0] : owned.end("np")].split())
    role = _ROLE_AFTER.match(text, orgs[-1][1], hi) if orgs and side == "end" else None
    if role is not None and (
        holder := role_holder(office_words := f"the {text[orgs[-1][0] : role.end('np')]}", actors)
    ):  # "…,” the NATO Secretary General said": the one the text names with that office
        return holder[0], holder[1], office_words
    if role is not None and has_role_word(role.group("np")):
        # "…,” the U.S. president said": a person whose office the country qualifies
        det = ARTICLE_BEFORE.search(text, max(lo, orgs[-1][0] - 5), orgs[-1][0])
        start = det.start() if det is not None else orgs[-1][0]
        return None, None, " ".join(text[start : role.end("np")].split())
    if orgs and side == "start" and not _subject_position(text, lo, orgs[0][0]):
        # "More traditional Republicans … warn that Ukraine's victory …, warning …": read
        # from the start, an organisation deep in the clause is no subject of it
        orgs = []
    if orgs:
        nearest = orgs[-1] if side == "end" else orgs[0]
        if side == "start" and len(orgs) > 1 and not text[orgs[0][1] : orgs[1][0]].strip():
            # "said the US Defense Security Cooperation Agency": the agency, not its country
            nearest = orgs[1]
        if named is not None and named[0] is not None and named[0] not in nearest[3]:
            at = chunk.rfind(named[0].split()[-1]) if side == "end" else chunk.find(named[0].split()[0])
            # … outside the office's own name ("the Department of Defense wrote": not "Defense")
            if (
                (side == "end" and lo + at >= nearest[1]) or (side == "start" and lo + at < nearest[0])
            ) and not _PLACE_BEFORE.search(text, max(lo, lo + at - 30), lo + at):
                return (
                    named  # "…, prompting Kremlin escalation, NBC News said": the subject is next to the verb
                )
        return nearest[3], nearest[2], None
    if named is not None and not _named_place(text, lo, chunk, named[0], side):
        return named  # a name no list knows, recognised by its place next to the speech verb
    if governments:  # "Biden's team said": described by its leader's name
        return None, None, _government(text, lo, governments[-1])[1]
    phrase = _PHRASE_AT_END.search(chunk) if side == "end" else _PHRASE_ALONE.match(chunk)
    if phrase is None and side == "end":
        # "the agency which specializes in … said": the head before its relative clause
        phrase = HEAD_BEFORE_CLAUSE.search(chunk)
    if phrase is not None:  # "the announcer said", "my father often said": an unnamed speaker
        if (
            organization := organization_again(text, lo + phrase.start("np"), phrase.group("np"), actors)
        ) is not None:
            return organization  # "the agency said": the Defense Security Cooperation Agency
        return None, None, " ".join(phrase.group("np").split())
    return None
