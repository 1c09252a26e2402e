"""Direct quotations and who said them.

Quotes are found in extract/quote_spans.py (marks, paragraph runs, headlines, transcripts);
the names and pronouns of speakers are resolved in extract/speakers.py. A quote is
``partial`` when it is a fragment inside the writer's own sentence ("has made it “clear”",
"arguing that “the airfields…”"), not a sentence of its own.

Attributing a quote, first rule that applies:

1. after the quote, in its sentence: a speech verb ("said", "told", "added", "wrote",
   …, data/speech_verbs.toml) with its subject: a person ("…,” John Kirby, White House …,
   told reporters", "…,” remarked Dave Bartell", "…,” said 9/11 widow Terry Strada"), a
   pronoun ("he added": extract/speakers.py), an unnamed source ("a defense official told
   the Financial Times" → no speaker, described as "a defense official"; "the ruling said";
   "my father often said"), or an outlet or office ("CNN wrote", "the Department of Defense
   wrote"); a document's issuer when the text introduced it so ("The Pentagon issued a
   statement … “…,” the statement said": the Pentagon's). Not a verb in a clause of its
   own ("…,” when Clinton blasted him", "…, and criticized");
2. before the quote, in its sentence: the subject of the last speech verb ("Kirby told
   reporters that Washington “will keep…”", "according to X, “…”", "Said Ellis: “…”"),
   the name right before the verb winning over one earlier in the sentence ("After Biden's
   remarks, Kall said:"), a subject set off by an appositive ("Johnnie Wilson, of
   Springfield, Va., said"); or a label ("Ivan Petrenko, Kyiv Post: “…”");
3. the quote continues one just before it in the same paragraph, or opens the sentence
   after one that ends with its speaker and verb ("…, Schiff said. “…”", "He said:");
4. a quoted phrase (three words or more) in a sentence with no speech verb is the words of
   the person who opens the sentence ("Reid has gone after Trump as a “human leech …”"),
   or who is its subject after a phrase set off by a comma ("In recent weeks, Reid …");
5. otherwise nobody: scare quotes ("a “finite number”") stay unattributed, unless a
   speech or characterising verb stands just before them ("Trump called the senator a
   “nasty guy”": Trump's words).

An unnamed source is never given the name of a person merely mentioned nearby; "the
official" takes the fuller description an earlier sentence gave ("a senior US defense
official").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from armstrack.extract.actors import ActorFinding, load_gazetteer, slug
from armstrack.extract.descriptions import (
    DESCRIPTION,
    HEAD_BEFORE_CLAUSE,
    ends_with_it,
    fuller,
    is_one_person,
    issuer_of,
    organization_again,
    organization_subject,
)
from armstrack.extract.quote_spans import (
    MARKS,
    OPENERS,
    TRANSCRIPT,
    QuoteSpan,
    find_quote_spans,
    transcript_turns,
)
from armstrack.extract.roles import SPEECH_VERBS, has_role_word
from armstrack.extract.speakers import (
    FRONTED,
    FRONTED_LONGEST,
    NAME,
    TITLE_LEAD,
    TITLE_ONLY,
    Antecedents,
    Names,
    owner_of_words,
)
from armstrack.models import Quote
from armstrack.text import Sentences

_CLAUSE_END = re.compile(r"[,;]")
_SUBORDINATE = re.compile(
    r"[\s,'’—–-]*(?:when|while|whereas|after|before|because|since|if|though|although|until|where|as\s+soon\s+as"
    r"|and\s+the\s+(?:former|latter))\s",
    re.IGNORECASE,
)
_OF_TOPIC = re.compile(r"\s+(?:of|about|on|to|that)\b")  # … or what is said: "noted that Kyiv …"
_INVERTED_END = re.compile(
    r"[,;:]"
)  # "Said Ellis: “…”", "says Michael Kofman, a senior fellow"  # where a speaker named after its verb ends (not "." : "Sen.")
_SPEECH = re.compile(
    rf"\b(?:{SPEECH_VERBS})\b|\b(?i:according to)\b"
    r"|\b(?:Said|Says|Added|Adds|Asked|Wrote|Writes|Told)(?=\s+[A-Z])"  # "Said Ellis: “…”" opens a sentence
)
_PRONOUN = re.compile(r"^\W*(?P<p>he|she|they)\b", re.IGNORECASE)
# A sentence that is only an attribution: "Vitter demanded.", "Mr. Reyes added.", "said Ms. Lee."
_ATTRIBUTION_OPENS = re.compile(
    rf"(?:(?:{_SPEECH.pattern})\s+[A-Z]|(?:he|she|they|He|She|They|[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){{0,2}}"
    rf"\s+(?:{SPEECH_VERBS})\b)"
)
_PHRASE_AT_END = re.compile(
    r"(?:^|[\s,])(?P<np>(?i:the|a|an|my|his|her|their|our|its|both)\s+(?:[\w][\w’'-]*\s+){0,4}?[a-z][\w’'-]*)"
    r"(?:\s+(?:often|also|later|then|once|again|repeatedly|recently|has|had|have|would|will))?[\s,]*$"
)
_APPOSITIVE_NEAR = 30  # characters after a quote within which its speaker may stand, verbless
_APPOSITIVE_ROLE = re.compile(r",\s+(?P<role>[^.;:“”\"]{3,120})\.?\s*$")
_JOINED_VERB = re.compile(r"(?:,\s*|\s)(?:and|but)\s+(?:also\s+)?$")
_PRONOUN_AT_END = re.compile(r"\b(?P<p>he|she|they)(?:['’](?:s|d|ll|ve|re))?[\s,]*$", re.IGNORECASE)
_OPENING_PRONOUN = re.compile(r"(?P<p>He|She)\s+[a-z]")  # a sentence's subject, then its verb
# "According to the agency, Kyiv “…”": a lone noun phrase after "according to"
_PHRASE_ALONE = re.compile(r"\s*(?P<np>(?i:the)\s+(?:[a-z][\w’'-]*\s+)?[a-z][\w’'-]*)\s*$")
# A characterising verb in the passive just before the quote: "The mines, described as", "the
# plan was dubbed". Who described them is not said (not "which officials described as").
# After a comma only with "as": "Apple's chief executive, Tim Cook, called “…”" is active.
_PASSIVE_CHARACTERISED = re.compile(
    r"(?:\b(?:is|are|was|were|been|being|be)\s+(?:described|called|labell?ed|branded|dubbed|characteri[sz]ed|termed"
    r"|billed)(?:\s+as)?|,\s+(?:described|labell?ed|branded|characteri[sz]ed|billed)\s+as)[\s'‘“\"]*$"
)
# A relative clause with its own subject right before a verb: "… that the Kremlin has
# declared" (not "a senior official who spoke on condition of anonymity said").
_RELATIVE_SUBJECT = re.compile(
    r"\b(?:that|which|whom)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?\s+(?:has\s+|had\s+|have\s+)?$"
)
# What an organization or country owns, up to the speech verb: "Ukraine's Western air command
# unit", "Russia's foreign ministry" (lower-case words: "Ukraine's President Zelensky" is
# the person).
_POSSESSED = re.compile(r"['’]s\s+(?P<np>(?:[A-Z][\w-]*\s+){0,2}(?:[a-z][\w-]*\s+){0,4}?[a-z][\w-]*)[\s,]*$")
_FORMER_LATTER = re.compile(r"\bthe (former|latter)\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(r"\b(?i:in|at|during|from|with|for|on|after|before|into)\s+$")
_WINDOW = 160  # characters after a quote searched for its attribution
_ATTRIBUTION_ONLY = 80  # characters: a sentence this short may be only "Vitter demanded."
_NAME_TAIL = 80  # characters before a speech verb where the name right before it stands
_PRONOUN_TAIL = 16  # … and where a pronoun right before it stands ("she said")
_BEFORE_WINDOW = 400  # characters before a quote searched for its attribution
_RUN_PARAGRAPHS = 2  # a paragraph opening with an unattributed quote continues a speaker this recent
_SCARE_WORDS = 2  # a partial quote this short is a scare quote ("a “finite number”")
_ADJACENT = 40  # a scare quote is attributed only by a speech verb this close after it


def extract_quotes(
    text: str, sentences: Sentences, paragraphs: list[tuple[int, int]], actors: ActorFinding
) -> list[Quote]:
    quotes: list[Quote] = []
    person_starts = [p[0] for p in actors.person_mentions]
    previous: tuple[int, Quote] | None = None  # (paragraph index, quote)
    para_starts = [s for s, _ in paragraphs]
    names = Names()
    spans = find_quote_spans(text, paragraphs)
    antecedents = Antecedents(text, sentences, actors, [(span.open_mark, span.end + 1) for span in spans])
    # Who "it said" can be: the organizations and countries the text names
    organizations = {a.id for a in actors.actors if a.kind != "person"}
    for span in spans:
        start, end = span.start, span.end
        while end > start and text[end - 1] in " ,":
            end -= 1
        while start < end and text[start] == " ":
            start += 1
        if start >= end:
            continue
        transcript = TRANSCRIPT.match(text, start, end)  # "WALLACE: Let's start with …"
        if transcript is not None:
            start = transcript.end()
        inner = text[start:end]
        partial = _is_partial(text, sentences, span.open_mark, inner)
        scare = partial and len(inner.split()) <= _SCARE_WORDS
        found: tuple[str | None, str | None, str | None] = (
            names.named(transcript.group("name").title())
            if transcript is not None
            else _attribute(text, sentences, span, actors, person_starts, scare, names, antecedents)
        )
        speaker, speaker_id, description = found
        paragraph = bisect_right(para_starts, span.open_mark) - 1
        opens_paragraph = span.open_mark == para_starts[paragraph] if paragraph >= 0 else False
        if (
            speaker is None
            and description is None
            and previous is not None
            and (previous[0] == paragraph or (opens_paragraph and paragraph - previous[0] <= _RUN_PARAGRAPHS))
            and not scare
        ):
            prior = previous[1]
            speaker, speaker_id, description = prior.speaker, prior.speaker_id, prior.speaker_description
        if speaker is None and description is None and partial and not scare:
            # "Reid has gone after Trump as a “human leech who will bleed the country”": a
            # quoted phrase in a sentence with no speech verb is the words of its subject, a
            # person who opens the sentence.
            speaker, speaker_id = _sentence_subject(text, sentences, span.open_mark, actors, antecedents)
        if speaker is None and description is None and not partial and transcript is None:
            # "…, Schiff said. “The other factor …”": a quote that opens its sentence after a
            # sentence of the same paragraph that names a speaker and its verb continues it.
            speaker, speaker_id, description = _previous_sentence_speaker(
                text,
                sentences,
                span.open_mark,
                paragraphs,
                paragraph,
                actors,
                person_starts,
                names,
                antecedents,
            )
        quote = Quote(
            text=inner, start=start, end=end, speaker=speaker, speaker_id=speaker_id,
            speaker_description=description, partial=partial,
        )  # fmt: skip
        quotes.append(quote)
        if speaker is not None or description is not None:
            previous = (paragraph, quote)
        if speaker is not None and speaker_id is not None and speaker_id in organizations:
            antecedents.organization = (speaker, speaker_id, end)
        elif speaker is not None and speaker_id is not None:
            antecedents.last = (speaker, speaker_id, end)
        elif speaker is None and description is not None and not partial and is_one_person(description):
            antecedents.described = (description, end)  # "the White House official": "he" after it
    turns = transcript_turns(text, paragraphs, names)
    if turns:
        quotes = sorted([*quotes, *turns], key=lambda q: q.start)
    return quotes


def _sentence_subject(
    text: str,
    sentences: Sentences,
    open_mark: int,
    actors: ActorFinding,
    antecedents: Antecedents | None = None,
) -> tuple[str | None, str | None]:
    if not sentences.starts:
        return None, None
    opens = sentences.bounds_at(open_mark)[0]
    pronoun = _OPENING_PRONOUN.match(text, opens, open_mark)
    if pronoun is not None:  # "He expressed gratitude for “these powerful tools”": the one "he" is
        found = antecedents.before(opens, pronoun.group("p").lower()) if antecedents is not None else None
        return found if found is not None else (None, None)
    people = actors.people_between(opens, min(open_mark, opens + TITLE_LEAD + FRONTED_LONGEST))
    if not people:
        return None, None
    if people[0][0] - opens <= TITLE_LEAD and TITLE_ONLY.fullmatch(text, opens, people[0][0]) is not None:
        return people[0][3], people[0][2]
    # After a phrase set off by a comma: "In recent weeks, Reid has gone after Trump as …".
    fronted = FRONTED.match(text, opens, open_mark)
    if fronted is not None:
        for start, _, pid, name in people:
            if start >= fronted.end():
                if TITLE_ONLY.fullmatch(text, fronted.end(), start) is not None:
                    return name, pid
                break
    return None, None


def _previous_sentence_speaker(
    text: str,
    sentences: Sentences,
    open_mark: int,
    paragraphs: list[tuple[int, int]],
    paragraph: int,
    actors: ActorFinding,
    person_starts: list[int],
    names: Names,
    antecedents: Antecedents,
) -> tuple[str | None, str | None, str | None]:
    nobody: tuple[str | None, str | None, str | None] = (None, None, None)
    if not sentences.starts or paragraph < 0:
        return nobody
    i = sentences.index_at(open_mark)
    if sentences.starts[i] != open_mark or i == 0:
        return nobody
    start, end = sentences.starts[i - 1], sentences.ends[i - 1]
    colon = text[start:end].rstrip().endswith(":")  # "He said:" may end the paragraph before
    if (start < paragraphs[paragraph][0] and not colon) or MARKS.search(text, start, end):
        return nobody  # another paragraph, or a sentence with quotes of its own
    lo = max(start, end - _WINDOW)
    verb = _last_match(_SPEECH, text, lo, end)
    if verb is None or text[verb.end() : end].strip(" .:") != "":
        return nobody  # the sentence must end with its verb: "Schiff said." / "Kall added:"
    found = _who(text, (lo, verb.start()), actors, person_starts, open_mark, "end", names, antecedents)
    return found if found is not None else nobody


def _is_partial(text: str, sentences: Sentences, open_mark: int, inner: str) -> bool:
    """A fragment inside the writer's sentence, rather than a sentence of the speaker's own."""
    sentence_start = max(sentences.bounds_at(open_mark)[0], open_mark - _BEFORE_WINDOW)  # bounded: linear
    before = text[sentence_start:open_mark].rstrip()
    if not before or before[-1] in ":":
        return False
    if before[-1] in ",":  # "…, he said, “We will…”" continues a quoted sentence
        return inner[:1].islower()
    return True


def _attribute(
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
    s_end = sentences.bounds_at(span.end)[1] if sentences.starts else len(text)
    after_start = span.end + 1
    # (a bounded slice: an endless sentence of quotes must not be copied for each one)
    if s_end - after_start <= _WINDOW and not text[after_start:s_end].strip(" '’.") and sentences.starts:
        # "…?” Vitter demanded.": a quote that ends in ? or ! ends the writer's sentence too;
        # the attribution opens the next one.
        i = sentences.index_at(span.end) + 1
        if (
            i < len(sentences)
            and "\n" not in text[after_start : sentences.starts[i]]
            and sentences.ends[i] - sentences.starts[i] <= _ATTRIBUTION_ONLY
            and _ATTRIBUTION_OPENS.match(text, sentences.starts[i])
            and not MARKS.search(text, sentences.starts[i], sentences.ends[i])
        ):
            s_end = sentences.ends[i]
    after = text[after_start : min(s_end, after_start + _WINDOW)]
    next_quote = OPENERS.search(after)
    if next_quote is not None:
        after = after[: next_quote.start()]
    verb = _SPEECH.search(after)
    if verb is not None and (
        _SUBORDINATE.match(after, 0, verb.start())
        or ", and " in after[: verb.start()]
        or _RELATIVE_SUBJECT.search(after, 0, verb.start())
    ):
        # "“…,” when Clinton blasted him", "“…” and it suits the region that the Kremlin has
        # declared …": a clause of its own, not the attribution
        verb = None
    if verb is not None and not (scare and verb.start() > _ADJACENT):
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
            tail = after[verb.end() :]
            stop = _CLAUSE_END.search(tail)  # `after` already ends with the sentence
            region = (
                after_start + verb.end(),
                after_start + verb.end() + (stop.start() if stop else len(tail)),
            )
            side = "start"
        found = _who(text, region, actors, person_starts, span.open_mark, side, names, antecedents)
        if found is not None and found[1] in load_gazetteer().outlets and side == "end":
            # "He said there is “…,” the AP reports": the outlet reports whom it quotes
            reported = _speaker_before(text, sentences, span, actors, person_starts, names, antecedents)
            found = reported if reported is not None and reported[0] is not None else found
        if found is not None:
            return found
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
    # The sentence before the quote, but no more than a window of it: an endless hostile
    # sentence of quotes must not be rescanned for each one.
    s_start = max(sentences.bounds_at(span.open_mark)[0], span.open_mark - _BEFORE_WINDOW)
    before = text[s_start : span.open_mark]
    last_verb = _last_match(_SPEECH, before)
    verbs = [last_verb] if last_verb is not None else []
    if scare and not (verbs and len(before) - verbs[-1].end() <= _ADJACENT):
        # A scare quote is the writer's unless a verb just before gives it to the subject:
        # "Trump called the senator a “nasty guy”", "is describing as “unhinged”".
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
            region = (s_start, s_start + last.start())
        # "Moscow blamed Washington …, and suggested “…”": a verb joined by "and" shares the
        # clause's subject, its first name, not the one nearest the verb.
        # So does a participle set off by a comma: "The senators … expressed concern over U.S.
        # opposition, saying that …" is the senators'.
        participle = last.group().endswith("ing") and before[: last.start()].rstrip().endswith(",")
        said = _last_match(_SPEECH, before, 0, last.start()) if participle else None
        if said is not None and not before[said.end() : last.start()].strip(" ,"):
            # "“…,” the mayor said, adding that it would take “more hours”": whoever said
            region, participle = (s_start, s_start + said.start()), False
        joined = _JOINED_VERB.search(before, 0, last.start()) is not None or participle
        found = _who(
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
                after_verb = _who(
                    text, inverted, actors, person_starts, span.open_mark, "start", names, antecedents
                )
                if after_verb is not None and (found is None or after_verb[0] is not None):
                    found = after_verb
        if found is not None:
            return found
    return None, None, None


def _speaker_before(
    text: str,
    sentences: Sentences,
    span: QuoteSpan,
    actors: ActorFinding,
    person_starts: list[int],
    names: Names | None,
    antecedents: Antecedents | None,
) -> tuple[str | None, str | None, str | None] | None:
    """The subject of a speech verb before the quote in its sentence ("He said …", "Austin
    told reporters …"), or None: whom an outlet named after the quote is reporting."""
    s_start = max(sentences.bounds_at(span.open_mark)[0], span.open_mark - _BEFORE_WINDOW)
    last = _last_match(_SPEECH, text, s_start, span.open_mark)
    if last is None or last.group().lower() == "according to":
        return None
    region = (s_start, last.start())
    return _who(text, region, actors, person_starts, span.open_mark, "end", names, antecedents)


def _last_match(
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


def _who(
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
    people = actors.people_between(lo, hi)
    chunk = text[lo:hi]
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
                chunk, max(0, adjacent.start("name") - 12), adjacent.start("name")
            )  # "the Minister of Defense of the Netherlands"
        ):
            at = lo + adjacent.start("name")
            known = [p for p in people if p[0] <= at < p[1] or at <= p[0] < lo + adjacent.end("name")]
            if known:
                return known[-1][3], known[-1][2], None
            office = actors.others_between(at, lo + adjacent.end("name"))
            if office:  # "…, the Kremlin said": an office or outlet, not a person
                return office[-1][3], office[-1][2], None
            if (by_name := names.find(adjacent.group("name"), "end")) is not None:
                return by_name
    if people and all(_is_object(text, p, hi) for p in people):
        # "… hatred of Clinton among his supporters, the Vermont senator acknowledged": a
        # person after a preposition is no subject; the description that is one speaks.
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
        if word == "they":
            return None, None, None
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
    descriptions = [
        d for d in DESCRIPTION.finditer(chunk) if not _PREPOSITION_BEFORE.search(chunk, 0, d.start())
    ]
    # Read from the start, a description that opens the words is their subject, whatever
    # they name after it ("The senators … expressed concern over U.S. opposition, saying").
    opens = side == "start" and bool(descriptions) and not chunk[: descriptions[0].start()].strip(" ,'’")
    if opens:
        descriptions = descriptions[:1]
    description = descriptions[-1] if descriptions else None
    joined_from = None  # "a ministry" + "official": one description
    if len(descriptions) > 1 and not chunk[descriptions[-2].end() : descriptions[-1].start()].strip():
        joined_from = descriptions[-2]
    orgs = actors.others_between(lo, hi)
    named = names.find(chunk, side) if names is not None else None
    if names is not None and side == "start" and named is None:
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
    if orgs and side == "end" and (owned := _POSSESSED.match(text, orgs[-1][1], hi)) is not None:
        # "…,” Ukraine's Western air command unit said": the unit speaks, not the country
        return None, None, " ".join(text[orgs[-1][0] : owned.end("np")].split())
    if orgs:
        nearest = orgs[-1] if side == "end" else orgs[0]
        if named is not None and named[0] is not None and named[0] not in nearest[3]:
            at = chunk.rfind(named[0].split()[-1]) if side == "end" else chunk.find(named[0].split()[0])
            # … outside the office's own name ("the Department of Defense wrote": not "Defense")
            if (side == "end" and lo + at >= nearest[1]) or (side == "start" and lo + at < nearest[0]):
                return (
                    named  # "…, prompting Kremlin escalation, NBC News said": the subject is next to the verb
                )
        return nearest[3], nearest[2], None
    if named is not None:
        return named  # a name no list knows, recognised by its place next to the speech verb
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


_POSSESSIVE = ("'s", "’s", "' ", "’ ")


def _is_object(text: str, person: tuple[int, int, str, str], verb_at: int) -> bool:
    """Is this person named after a preposition ("hatred of Clinton"), and not right
    before the speech verb ("footage of Trump saying")?"""
    start, end = person[0], person[1]
    return (
        bool(text[end:verb_at].strip()) and _OBJECT_BEFORE.search(text, max(0, start - 12), start) is not None
    )


_OBJECT_BEFORE = re.compile(r"\b(?:of|against|about|toward|towards|with|for)\s+(?:(?:the|a|an)\s+)?$")
_OF_BEFORE = re.compile(r"\b(?:of|for|from|in|at|to|with|by)\s+(?:the\s+)?$", re.IGNORECASE)
# A name and nothing else but an age ("Mr. King, 82,") between it and the verb.
# … or an adverb or an auxiliary between them: "Austin also noted", "Kirby has repeatedly said".
_NAME_RIGHT_BEFORE = re.compile(
    rf"(?<![\w.])(?P<name>{NAME})(?:,\s*\d{{1,3}},)?"
    r"(?:\s+(?:also|later|then|again|further|previously|earlier|once|often|repeatedly|recently|has|had|have))*\s*$"
)
_LABELLED = re.compile(rf"\s*(?P<name>{NAME})(?:,[^:“”\"\n]{{1,60}})?:\s*$")
_SUBJECT_THEN_COMMA = re.compile(rf"[\s“\"‘(]*(?P<name>{NAME}),\s")
_DASH_SPEAKER = re.compile(rf"['’]?\s*[―—–]\s*(?P<name>{NAME})")
