"""Attributing one quotation: the words after it in its sentence (a speech verb and its
subject, a signed dash, an appositive role, an outlet citing a statement, "the White House
quoted X", "This was stated by X"), else the words before it (the subject of the last speech
verb, "according to X", a label, whose words they are). extract/quotes.py finds the quotes,
applies the rules that look beyond the sentence (a quote continuing another, the sentence
before), and calls ``attribute``; the rules and their order are its docstring's.
"""

from __future__ import annotations

import re

from armstrack.extract.actors import ActorFinding, load_gazetteer
from armstrack.extract.quote_spans import MARKS, OPENERS, QuoteSpan
from armstrack.extract.roles import SPEECH_VERBS, has_role_word
from armstrack.extract.speakers import (
    NAME,
    Antecedents,
    Names,
    owner_of_words,
)
from armstrack.extract.who import speaker_in
from armstrack.text import Sentences

_CLAUSE_END = re.compile(r"[,;]")

# ("“premature,” with President Zelensky saying …": another's words in a clause of their own)
_SUBORDINATE = re.compile(
    r"[\s,.'’—–-]*(?:when|while|whereas|after|before|because|since|if|though|although|until|where|with|as\s+soon\s+as"
    r"|and\s+the\s+(?:former|latter))\s",
    re.IGNORECASE,
)

_OF_TOPIC = re.compile(r"\s+(?:of|about|on|to|that)\b")  # … or what is said: "noted that Kyiv …"

_INVERTED_END = re.compile(
    r"[,;:]"
)  # "Said Ellis: “…”", "says Michael Kofman, a senior fellow"  # where a speaker named after its verb ends (not "." : "Sen.")

SPEECH = re.compile(
    rf"\b(?:{SPEECH_VERBS})\b|\b(?i:according to)\b"
    r"|\b(?:Said|Says|Added|Adds|Asked|Wrote|Writes|Told)(?=\s+[A-Z])"  # "Said Ellis: “…”" opens a sentence
)

# A sentence that is only an attribution: "Vitter demanded.", "Mr. Reyes added.", "said Ms. Lee."
_ATTRIBUTION_OPENS = re.compile(
    rf"(?:(?:{SPEECH.pattern})\s+[A-Z]|(?:he|she|they|He|She|They|[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){{0,2}}"
    rf"\s+(?:{SPEECH_VERBS})\b)"
)

_APPOSITIVE_NEAR = 30  # characters after a quote within which its speaker may stand, verbless

_APPOSITIVE_ROLE = re.compile(r",\s+(?P<role>[^.;:“”\"]{3,120})\.?\s*$")

_JOINED_VERB = re.compile(r"(?:,\s*|\s)(?:and|but)\s+(?:also\s+)?$")

# A characterising verb in the passive just before the quote: "The mines, described as", "the
# plan was dubbed". Who described them is not said (not "which officials described as").
# After a comma only with "as": "Apple's chief executive, Tim Cook, called “…”" is active.
_PASSIVE_CHARACTERISED = re.compile(
    r"(?:\b(?:is|are|was|were|been|being|be)\s+(?:described|called|labell?ed|branded|dubbed|characteri[sz]ed|termed"
    r"|billed)(?:\s+as)?|,\s+(?:described|labell?ed|branded|characteri[sz]ed|billed)\s+as)[\s'‘“\"]*$"
)

# A relative clause with its own subject right before a verb: "… that the Kremlin has
# declared", "… worries that analysts told the paper are overblown" (not "a senior official
# who spoke on condition of anonymity said").
_RELATIVE_SUBJECT = re.compile(
    r"\b(?:that|which|whom)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?|[a-z]{3,}s)\s+(?:has\s+|had\s+|have\s+)?$"
)

# A clause set off by commas between a subject and its verb of saying: "The United States,
# which has committed $2.7 billion since Russia's annexation of Crimea, has said …" is the
# United States', not Russia's (the name nearest the verb). Only a clause whose own subject
# is the relative word (a verb follows it): in "The tax case, which the chief executive, Tim
# Cook, called “…”" the verb is the clause's, and so is its subject.
_RELATIVE_BEFORE_VERB = re.compile(
    r",\s+(?:which|who)\s+(?!(?:the|a|an|his|her|its|their|our|this|that|these|those)\b)[a-z][^;“”\"]*,\s*"
    r"(?:(?:has|have|had|also|then|later|now|repeatedly|previously)\s+)*$"
)

# "…, TASS reported, citing the statement of the US Defense Department on Sunday."
# (only a statement cited: "citing the source" or "citing officials" leaves the words quoted
# the outlet's own, as it reports what it was told)
_CITING = re.compile(
    r",?\s+citing\s+(?:a|the|an?\s+official)\s+(?:statement|remarks?|comments?|words)\s+(?:of|by|from)\s+"
    r"(?P<cited>[^,.;:]{2,80})"
)

# "…,” the White House quoted President Joe Biden." / "… CNN quoted Biden as saying"
_QUOTED_BY = re.compile(
    r"[\s,]*(?:[\w.'’-]+\s+){1,4}?quot(?:ed|es|ing)\s+(?P<who>[^,.;:]{2,80}?)(?:\s+as\s+saying)?\s*[.,;:]"
)

# "This was stated by US Secretary of State Antony Blinken during his visit": wire style
_STATED_BY = re.compile(
    r"[\s.\"”]*(?:This|That|It|These|Those)\s+(?:was|were|has\s+been|had\s+been)\s+"
    r"(?:stated|said|announced|declared|written|noted|told|emphasi[sz]ed|confirmed|reported)\s+by\s+"
    r"(?P<who>[^,.;:]{2,80}?)(?=\s+(?:during|in|at|on|while|after|before|to)\b|[,.;:])"
)

WINDOW = 160  # characters after a quote searched for its attribution

_ATTRIBUTION_ONLY = 80  # characters: a sentence this short may be only "Vitter demanded."

BEFORE_WINDOW = 400  # characters before a quote searched for its attribution
_THAT_CLAUSE = re.compile(r"\sthat\s")

# Speech verbs whose subject may follow them ("…, said Maria Zakharova"); not those that take
# a listener ("…, a senior official, told CNN": CNN is told, not telling).
_INVERTIBLE = frozenset(
    """said says added adds noted notes wrote writes stated states explained explains argued argues
    insisted insists declared declares remarked observed claimed claims acknowledged concluded recalled""".split()
)

_ADJACENT = 40  # a scare quote is attributed only by a speech verb this close after it


Attribution = tuple[str | None, str | None, str | None]  # (speaker, its id, a description)


def _someone(found: Attribution | None) -> bool:
    """Does an attribution name or describe anyone (not only "nobody said it")?"""
    return found is not None and (found[0] is not None or found[2] is not None)


def _participle_of_the_sentence(after: str, verb: re.Match[str]) -> bool:
    """Is ``verb`` a participle set off by a comma after words that go on with the quoted
    clause ("… are “on the table” and likely to be included in a package, adding that …")?
    Its subject is the sentence's, before the quote, not the words between."""
    head = after[: verb.start()]
    return (
        verb.group().lower().endswith("ing") and head.rstrip().endswith(",") and bool(head.strip(" ,—-'’\"”"))
    )


def attribute(
    text: str,
    sentences: Sentences,
    span: QuoteSpan,
    actors: ActorFinding,
    person_starts: list[int],
    scare: bool,
    names: Names | None = None,
    antecedents: Antecedents | None = None,
) -> tuple[str | None, str | None, str | None]:
    """(speaker, speaker id, description of an unnamed speaker); scare quotes only from an
    attribution right after them."""

    def named_in(lo: int, hi: int) -> Attribution | None:
        """Whom the words in [lo, hi) name or describe, read from their start; None if nobody
        ("the White House quoted President Joe Biden": the words after "quoted")."""
        found = speaker_in(text, (lo, hi), actors, person_starts, span.open_mark, "start", names, antecedents)
        return found if _someone(found) else None

    s_end = sentences.bounds_at(span.end)[1] if sentences.starts else len(text)
    after_start = span.end + 1
    # The sentence before the quote, but no more than a window of it: an endless hostile
    # sentence of quotes must not be rescanned for each one.
    s_start = max(sentences.bounds_at(span.open_mark)[0], span.open_mark - BEFORE_WINDOW)
    # (a bounded slice: an endless sentence of quotes must not be copied for each one)
    if s_end - after_start <= WINDOW and not text[after_start:s_end].strip(" '’.") and sentences.starts:
        # "…?” Vitter demanded.": a quote that ends in ? or ! ends the writer's sentence too;
        # the attribution opens the next one.
        i = sentences.index_at(span.end) + 1
        if (
            i < len(sentences)
            and "\n" not in text[after_start : sentences.starts[i]]
            and sentences.ends[i] - sentences.starts[i] <= _ATTRIBUTION_ONLY
            and _ATTRIBUTION_OPENS.match(text, sentences.starts[i])
            and not MARKS.search(text, sentences.starts[i], sentences.ends[i])
            # "Reuters reports that the shipments slowed": a saying of its own, not the quote's
            and not _THAT_CLAUSE.search(text, sentences.starts[i], sentences.ends[i])
        ):
            s_end = sentences.ends[i]
    after = text[after_start : min(s_end, after_start + WINDOW)]
    next_quote = OPENERS.search(after)
    if next_quote is not None:
        after = after[: next_quote.start()]
    quoting = _QUOTED_BY.match(after) if not scare else None
    if quoting is not None:
        # "…,” the White House quoted President Joe Biden", "…,” the publication quotes
        # officials as saying": whom the outlet quotes said it
        quoted = named_in(after_start + quoting.start("who"), after_start + quoting.end("who"))
        if quoted is not None:
            return quoted
    verb = SPEECH.search(after)
    while verb is not None and verb.group() in _CALL_NOUNS and _NOUN_CALL.search(after, 0, verb.start()):
        verb = SPEECH.search(after, verb.end())  # "in a phone call with …": a noun, no speaker's verb
    if (
        verb is not None
        and (
            _SUBORDINATE.match(after, 0, verb.start())
            or ", and " in after[: verb.start()]
            # "… is “very dissatisfied” with Russia and announced tariffs": a verb joined by "and"
            # shares the subject before the quote, whatever the words between name
            or after[: verb.start()].rstrip().endswith((" and", " or"))
            or _RELATIVE_SUBJECT.search(after, 0, verb.start())
            or _participle_of_the_sentence(after, verb)
        )
    ):
        # "“…,” when Clinton blasted him", "“…” and it suits the region that the Kremlin has
        # declared …": a clause of its own, not the attribution
        verb = None
    if verb is not None and not (
        scare and verb.start() > _ADJACENT and not _closes_sentence(text, s_start, span, after, verb)
    ):
        head = after[: verb.start()]
        side = "end"
        according = verb.group().lower() == "according to"
        if head.strip(" ,—-'’") and not according:
            region = (after_start, after_start + verb.start())
        elif verb.group().lower().endswith("ing"):
            # "…,” saying Russia started the war": a participle's subject is the sentence's,
            # and what follows it is what is said
            region = (after_start, after_start)
        else:  # "…,” remarked Dave Bartell, director …", "… more effectively, according to
            # Oleksii Reznikov": the subject follows the verb
            region = _subject_after(after, after_start, verb)
            side = "start"
        found = speaker_in(text, region, actors, person_starts, span.open_mark, side, names, antecedents)
        if (
            side == "end"
            and (found is None or found[0] is None)
            and head.rstrip().endswith(",")
            and verb.group().lower() in _INVERTIBLE
        ):
            # "“fueling” the conflict in Ukraine, said Maria Zakharova": the words after the
            # quote go on with the quoted clause (no one named in them); the subject follows
            inverted = _subject_after(after, after_start, verb)
            named = speaker_in(
                text, inverted, actors, person_starts, span.open_mark, "start", names, antecedents
            )
            if named is not None and named[0] is not None:
                found = named
        if found is not None and found[1] in load_gazetteer().outlets and side == "end":
            # "He said there is “…,” the AP reports": the outlet reports whom it quotes
            reported = _speaker_before(
                text, s_start, span.open_mark, actors, person_starts, names, antecedents
            )
            citing = _CITING.match(after, verb.end())
            if (
                (reported is None or reported[0] is None)
                and citing is not None
                and not SPEECH.search(
                    text, s_start, span.open_mark
                )  # "He said there is “…,” AP reports, citing …": his
            ):
                # "“…,” TASS reported, citing the statement of the US Defense Department": the
                # statement the outlet cites is whose words it quotes
                reported = named_in(after_start + citing.start("cited"), after_start + citing.end("cited"))
            found = reported if _someone(reported) else found
        if found is not None:
            return found
    if not scare:
        # "“…,” the White House quoted President Joe Biden."; "“…”. This was stated by Secretary
        # Blinken during his visit to Kyiv." (the next sentence, or the next paragraph's first:
        # "This" is the quote)
        base = after_start
        by_line = _STATED_BY.match(after)
        if by_line is None and not text[after_start:s_end].strip(" '’.\"”"):
            by_line = _STATED_BY.match(text, s_end, min(len(text), s_end + WINDOW))
            base = 0
        stated = named_in(base + by_line.start("who"), base + by_line.end("who")) if by_line else None
        if stated is not None:
            return stated
    dashed = _DASH_SPEAKER.match(text, after_start) if not scare else None
    if dashed is not None:  # "“…” ― Pamela Padilla": a quote signed with a dash and a name
        people = actors.people_between(dashed.start("name"), dashed.start("name") + 1)
        if people:
            return people[0][3], people[0][2], None
        signed = names.find(dashed.group("name"), "start") if names is not None else None
        if signed is not None:
            return signed
    if verb is None and not scare:
        # "…in this” package, John Kirby, the strategic communications coordinator.": a quote
        # closed by its speaker and an appositive role, with no verb at all.
        people = actors.people_between(after_start, after_start + _APPOSITIVE_NEAR)
        if people:
            _, p_end, pid, name = people[0]
            role = _APPOSITIVE_ROLE.match(text, p_end, s_end)
            if role is not None and has_role_word(role.group("role")):
                return name, pid, None
    before = text[s_start : span.open_mark]
    last_verb = last_match(SPEECH, before)
    verbs = [last_verb] if last_verb is not None else []
    if scare and not (
        verbs
        and (
            len(before) - verbs[-1].end() <= _ADJACENT
            or opens_with_source(before, verbs[-1])
            # "Blinken stated last month that …, noting that they are expected … “this summer”":
            # the sentence's first verb of saying is the one it opens with
            or (
                (first := SPEECH.search(before)) is not None
                and first is not last_verb
                and opens_with_source(before, first)
            )
        )
    ):
        # A scare quote is the writer's unless a verb just before gives it to the subject:
        # "Trump called the senator a “nasty guy”", "is describing as “unhinged”"; or the
        # sentence opens with its source: "According to Zakharova, Washington plans to keep
        # “fueling” the conflict" is hers.
        return None, None, None
    if verbs and _PASSIVE_CHARACTERISED.search(before, max(0, len(before) - 60)):
        # "The mines, described as “non-persistent”": said of them by someone unnamed
        return None, None, None
    labelled = _LABELLED.match(before) if not verbs and names is not None else None
    if labelled is not None:  # 'Ivan Petrenko, Kyiv Post: "We need air defense."'
        people = actors.people_between(s_start + labelled.start("name"), s_start + labelled.end("name"))
        if people:
            return people[0][3], people[0][2], None
        by_label = names.find(labelled.group("name"), "start") if names is not None else None
        if by_label is not None:
            return by_label
    owner = owner_of_words(text, before, s_start, verbs, actors, names)
    if owner is not None:
        return owner
    if verbs:
        last = verbs[-1]
        according = last.group().lower() == "according to"
        if according:
            stop = re.search(r"[,.;]", before[last.end() :])
            region = (s_start + last.end(), s_start + last.end() + (stop.start() if stop else 0))
        else:
            relative = _RELATIVE_BEFORE_VERB.search(before, 0, last.start())
            cut = (
                relative.start()
                if relative is not None and before[: relative.start()].strip()
                else last.start()
            )
            region = (s_start, s_start + cut)
        # "Moscow blamed Washington …, and suggested “…”": a verb joined by "and" shares the
        # clause's subject, its first name, not the one nearest the verb.
        # So does a participle set off by a comma: "The senators … expressed concern over U.S.
        # opposition, saying that …" is the senators'.
        # (the comma may stand inside a quote's closing mark: '“executed very accurately,” adding')
        participle = last.group().endswith("ing") and before[: last.start()].rstrip().rstrip(
            "\"”’'"
        ).endswith(",")
        said = last_match(SPEECH, before, 0, last.start()) if participle else None
        if said is not None and not before[said.end() : last.start()].strip(" ,"):
            # "“…,” the mayor said, adding that it would take “more hours”": whoever said,
            # after the words quoted before ("“… Kyiv …,” the agency said": not Kyiv)
            closed = max(before.rfind(mark, 0, said.start()) for mark in CLOSING_MARKS)
            region, participle = (s_start + closed + 1, s_start + said.start()), False
        elif said is not None and before[: said.start()].rstrip().endswith(_QUOTE_CLOSERS):
            # "“…,” said the agency, adding it “…”": the subject inverted after "said"
            region = (s_start + said.end(), s_start + last.start())
        joined = _JOINED_VERB.search(before, 0, last.start()) is not None or participle
        found = speaker_in(
            text,
            region,
            actors,
            person_starts,
            span.open_mark,
            "start" if according or joined else "end",
            names,
            antecedents,
        )
        if (found is None or found[0] is None) and not according:
            # "The lesson, says Michael Kofman, a senior fellow …, is that “…”": the subject
            # follows the verb, up to the next comma (and beats a mere phrase before it).
            stop = _INVERTED_END.search(before, last.end())
            # "says of Clinton, “…”": who it is said of, not who says it; and only a verb set
            # off by commas or opening the sentence is inverted ("both governments said
            # Tuesday's talks in Jeddah, …" says what the talks did)
            lead = before[: last.start()].rstrip()
            parenthetical = not lead or lead.endswith(",")
            if stop is not None and parenthetical and not _OF_TOPIC.match(before, last.end()):
                inverted = (s_start + last.end(), s_start + stop.start())
                after_verb = speaker_in(
                    text, inverted, actors, person_starts, span.open_mark, "start", names, antecedents
                )
                if after_verb is not None and (found is None or after_verb[0] is not None):
                    found = after_verb
        if found is not None:
            return found
    return None, None, None


def _closes_sentence(text: str, s_start: int, span: QuoteSpan, after: str, verb: re.Match[str]) -> bool:
    """Is the speech verb after a scare quote the attribution of the writer's whole sentence,
    set off by a comma at its end ("… included a “significant” number of them in the
    package, officials said.")? Then the words quoted are that source's, unless a speech verb
    before them gives them to another ("Moscow called it “reckless” …, officials said")."""
    comma = after.rfind(",", 0, verb.start())
    subject = after[comma + 1 : verb.start()].split()
    return (
        comma >= 0
        and 0 < len(subject) <= _SUBJECT_WORDS
        and subject[0].lower() not in _NOT_SUBJECTS
        and _SENTENCE_TAIL.fullmatch(after, verb.end()) is not None
        and verb.group().lower() != "according to"
        and SPEECH.search(text, s_start, span.open_mark) is None
    )


# The subject between the comma and the verb, a long title and its name included: ", US
# National Security Council Strategic Communications Coordinator John Kirby said"
_SUBJECT_WORDS = 12

_NOT_SUBJECTS = frozenset("which who whom that and but as while when where".split())  # a clause of its own

# What may follow a sentence's closing attribution: a few words ("on Wednesday", "in a
# statement") and its stop.
_SENTENCE_TAIL = re.compile(r"(?:\s+[\w’'-]+){0,4}\s*[.!]?[’'\s]*")


def _subject_after(after: str, after_start: int, verb: re.Match[str]) -> tuple[int, int]:
    """Where the subject of an inverted verb stands: from the verb to the clause's end
    (``after``, the text after the quote, already ends with its sentence)."""
    stop = _CLAUSE_END.search(after, verb.end())
    return after_start + verb.end(), after_start + (stop.start() if stop else len(after))


def opens_with_source(before: str, verb: re.Match[str]) -> bool:
    """Does the sentence open with its source, giving all it says to it: "According to X,"
    (``verb``), or a short subject and its verb ("A White House official said Trump wants
    Zelensky “committed” to that goal")?"""
    head = before[: verb.start()]
    if verb.group().lower() == "according to":
        return not head.strip(" \t\"“‘'(")
    words = head.split()
    return (
        verb.group().lower() in _SAYING_OPENERS
        and 0 < len(words) <= _OPENING_SUBJECT_WORDS
        and "," not in head
        and not _QUOTE_CLOSERS_RE.search(head)
        # after a quote that was the verb's own object, a clause of another subject is not
        # the source's ("described it as a “disgrace” after he blamed … on “red tape”")
        and not (
            _QUOTE_CLOSERS_RE.search(before, verb.end()) and CLAUSE_OF_ITS_OWN.search(before, verb.end())
        )
    )


_OPENING_SUBJECT_WORDS = 6  # "A senior White House official said …"

# Verbs that report what is said, all of it after them ("said", "told … that", "warned"); not
# those that characterise ("criticized the plan … a “stopgap” measure": the writer's word).
_SAYING_OPENERS = frozenset(
    """said says saying told tells telling added adds noted notes stated states warned warns stressed
    stresses insisted insists argued argues explained explains emphasized emphasizes emphasised
    suggested suggests acknowledged acknowledges confirmed confirms wrote writes tweeted tweets posted
    predicted predicts claimed claims affirmed affirms asserted asserts reiterated reiterates declared
    declares contended contends conceded concedes admitted admits""".split()
)

_QUOTE_CLOSERS_RE = re.compile(r"[”\"»]")

# "a phone call", "the call", "their calls": the noun, not the verb of "called it “…”".
_CALL_NOUNS = frozenset({"call", "calls"})

_NOUN_CALL = re.compile(r"\b(?:a|an|the|his|her|their|its|our|phone|conference|video|press|telephone)\s+$")

# A clause with a subject of its own: the words quoted after it are not the earlier quote's
# speaker's ("a “disgrace” after she … blamed police shootings on “implicit bias”").
CLAUSE_OF_ITS_OWN = re.compile(
    r"\b(?:after|before|when|while|because|since|although|though|if|until|as|whom?|which)\s+"
    r"(?:he|she|they|it|we|i|you|[A-Z][\w’'-]+)\b"
)


def _speaker_before(
    text: str,
    s_start: int,
    quote_start: int,
    actors: ActorFinding,
    person_starts: list[int],
    names: Names | None,
    antecedents: Antecedents | None,
) -> tuple[str | None, str | None, str | None] | None:
    """The subject of a speech verb before the quote in its sentence ("He said …", "Austin
    told reporters …"), or None: whom an outlet named after the quote is reporting."""
    last = last_match(SPEECH, text, s_start, quote_start)
    if last is None or last.group().lower() == "according to":
        return None
    return speaker_in(
        text, (s_start, last.start()), actors, person_starts, quote_start, "end", names, antecedents
    )


def last_match(
    pattern: re.Pattern[str], text: str, lo: int = 0, hi: int | None = None
) -> re.Match[str] | None:
    """The last match in text[lo:hi], looked for in ever longer tails: a sentence full of
    quotes and verbs must not list all its verbs for each quote."""
    hi = len(text) if hi is None else hi
    size = 64
    while True:
        start = max(lo, hi - size)
        found = None
        for found in pattern.finditer(text, start, hi):  # noqa: B007 - the last one is wanted
            pass
        if found is not None or start == lo:
            return found
        size *= 4


CLOSING_MARKS = ("”", '"')  # a quotation's closing double marks
_QUOTE_CLOSERS = (*CLOSING_MARKS, "’", "'", "”,", '",')

_LABELLED = re.compile(rf"\s*(?P<name>{NAME})(?:,[^:“”\"\n]{{1,60}})?:\s*$")

_DASH_SPEAKER = re.compile(rf"['’]?\s*[―—–]\s*(?P<name>{NAME})")
