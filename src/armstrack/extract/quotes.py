"""Direct quotations and who said them.

Quotes are found in extract/quote_spans.py (marks, paragraph runs, headlines, transcripts);
this module finds the words that attribute each, extract/who.py who those words name, and
extract/speakers.py resolves names and pronouns. A quote is
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
from bisect import bisect_right

from armstrack.extract.actors import ActorFinding, load_gazetteer
from armstrack.extract.descriptions import (
    is_one_person,
    role_holder,
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
from armstrack.extract.timex import DAY_WORDS
from armstrack.extract.who import speaker_in
from armstrack.models import Quote
from armstrack.text import Sentences

_CLAUSE_END = re.compile(r"[,;]")
# ("“premature,” with President Zelensky saying …": another's words in a clause of their own)
_SUBORDINATE = re.compile(
    r"[\s,'’—–-]*(?:when|while|whereas|after|before|because|since|if|though|although|until|where|with|as\s+soon\s+as"
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
# A sentence that is only an attribution: "Vitter demanded.", "Mr. Reyes added.", "said Ms. Lee."
_ATTRIBUTION_OPENS = re.compile(
    rf"(?:(?:{_SPEECH.pattern})\s+[A-Z]|(?:he|she|they|He|She|They|[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){{0,2}}"
    rf"\s+(?:{SPEECH_VERBS})\b)"
)
_APPOSITIVE_NEAR = 30  # characters after a quote within which its speaker may stand, verbless
_APPOSITIVE_ROLE = re.compile(r",\s+(?P<role>[^.;:“”\"]{3,120})\.?\s*$")
_JOINED_VERB = re.compile(r"(?:,\s*|\s)(?:and|but)\s+(?:also\s+)?$")
_OPENING_PRONOUN = re.compile(r"(?P<p>He|She)\s+[a-z]")  # a sentence's subject, then its verb
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
    r"[\s,]*(?:[\w.'’-]+\s+){1,4}?quoted\s+(?P<who>[^,.;:]{2,80}?)(?:\s+as\s+saying)?\s*[.,;:]"
)
# "This was stated by US Secretary of State Antony Blinken during his visit": wire style
_STATED_BY = re.compile(
    r"[\s.\"”]*(?:This|That|It|These|Those)\s+(?:was|were|has\s+been|had\s+been)\s+"
    r"(?:stated|said|announced|declared|written|noted|told|emphasi[sz]ed|confirmed|reported)\s+by\s+"
    r"(?P<who>[^,.;:]{2,80}?)(?=\s+(?:during|in|at|on|while|after|before|to)\b|[,.;:])"
)
_QUOTE_LABEL = re.compile(r"Quotes?(?:\s+(?:from|by)\s+(?P<name>[^:\n]{1,60}))?:\s*")
_WINDOW = 160  # characters after a quote searched for its attribution
_ATTRIBUTION_ONLY = 80  # characters: a sentence this short may be only "Vitter demanded."
_BEFORE_WINDOW = 400  # characters before a quote searched for its attribution
_RUN_PARAGRAPHS = 2  # a paragraph opening with an unattributed quote continues a speaker this recent
_SCARE_WORDS = 2  # a partial quote this short is a scare quote ("a “finite number”")
# Speech verbs whose subject may follow them ("…, said Maria Zakharova"); not those that take
# a listener ("…, a senior official, told CNN": CNN is told, not telling).
_INVERTIBLE = frozenset(
    """said says added adds noted notes wrote writes stated states explained explains argued argues
    insisted insists declared declares remarked observed claimed claims acknowledged concluded recalled""".split()
)
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
        if " " not in inner and text[span.end - 1] not in ",.!?;:" and _only_a_name(actors, start, end):
            # a country's name in scare quotes ("“Israel” has transferred …"): no one's words
            # (a name that ends a spoken phrase keeps its comma inside: "“Ukraine,” he said")
            continue
        if _is_nickname(text, span.open_mark, span.end, inner):
            continue  # 'Gen. Charles “CQ” Brown': a name within a name, no one's words
        scare = partial and len(inner.split()) <= _SCARE_WORDS
        found: tuple[str | None, str | None, str | None] = (
            names.named(transcript.group("name").title())
            if transcript is not None
            else _attribute(text, sentences, span, actors, person_starts, scare, names, antecedents)
        )
        speaker, speaker_id, description = found
        if speaker is None and description is not None and (holder := role_holder(description, actors)):
            # "the mayor said" after "Mayor Bill de Blasio": him; the words the text used stay
            # as the evidence ("the mayor")
            speaker, speaker_id = holder
        paragraph = bisect_right(para_starts, span.open_mark) - 1
        label = (
            _QUOTE_LABEL.fullmatch(text, para_starts[paragraph], span.open_mark) if paragraph >= 0 else None
        )
        if speaker is None and description is None and label is not None and label.group("name"):
            # "Quote from Reznikov: “…”": the person the label names
            people = actors.people_between(label.start("name"), label.end("name"))
            if people:
                speaker, speaker_id = people[0][3], people[0][2]
            elif (by_name := names.find(label.group("name"), "start")) is not None:
                speaker, speaker_id, description = by_name
        # "Quote: “…”" (a wire's label for the words of the person the story is about) opens
        # its paragraph as the quote itself would
        opens_paragraph = paragraph >= 0 and (span.open_mark == para_starts[paragraph] or label is not None)
        # A quote runs on a speaker of the same paragraph (or one just before, when it opens
        # its own); a short one only a quote of its own sentence, splicing the same words:
        # 'Smith said the deal was a win “not only for Kyiv” but also for Warsaw and “for us.”'
        continues = previous is not None and (
            (previous[0] == paragraph or (opens_paragraph and paragraph - previous[0] <= _RUN_PARAGRAPHS))
            if not scare
            else _same_sentence(sentences, previous[1].start, span.open_mark)
            # … not across a clause of another subject ("… a “disgrace” after she blamed
            # shootings on “implicit bias”": hers)
            and not _CLAUSE_OF_ITS_OWN.search(text, previous[1].end, span.open_mark)
        )
        if speaker is None and description is None and previous is not None and continues:
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


def _same_sentence(sentences: Sentences, a: int, b: int) -> bool:
    return bool(sentences.starts) and sentences.index_at(a) == sentences.index_at(b)


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
    if (
        start < paragraphs[paragraph][0] and not colon and not _only_a_quote(text, paragraphs[paragraph])
    ) or (MARKS.search(text, start, end)):
        # another paragraph (unless this one is the quote alone, with no words of its own: "The
        # US official confirmed that Kyiv wants the jets. ¶ “He made it clear he wants them.”"
        # goes on with the official), or a sentence with quotes of its own
        return nobody
    lo = max(start, end - _WINDOW)
    verb = _last_match(_SPEECH, text, lo, end)
    if verb is not None and text[verb.end() : end].strip(" .:") == "":
        verb_at = verb.start()  # the sentence ends with its verb: "Schiff said." / "Kall added:"
    else:
        # … or opens with its subject and verb, what they said told in the writer's words:
        # "Zelenskiy said Ukraine has thousands of drones. “We don't have Tomahawks.”"
        sentence = text[start:end]
        opener = _SPEECH.search(sentence, 0, _SUBJECT_REACH)
        if opener is None or not _opens_with_source(sentence, opener):
            return nobody
        if opener.group().lower() == "according to":
            # "According to Austin, the US remains determined …. “We are …”": the source
            # named after it, up to its comma
            comma = sentence.find(",", opener.end())
            if comma == -1:
                return nobody
            region = (start + opener.end(), start + comma)
            found = speaker_in(text, region, actors, person_starts, open_mark, "start", names, antecedents)
            return found if found is not None else nobody
        lo, verb_at = start, start + opener.start()
    found = speaker_in(text, (lo, verb_at), actors, person_starts, open_mark, "end", names, antecedents)
    return found if found is not None else nobody


_SUBJECT_REACH = 60  # characters from a sentence's start within which its speech verb opens it
_CLOSERS = ("”", '"')


def _only_a_quote(text: str, paragraph: tuple[int, int]) -> bool:
    """Is the paragraph one quotation and nothing else (its opening mark first, its closing
    mark last, no other quotation between)?"""
    p_start, p_end = paragraph
    body = text[p_start:p_end].strip()
    if len(body) < 2 or body[0] not in '“"' or not body.rstrip(".").endswith(_CLOSERS):
        return False
    inner = body[1:].rstrip(".")[:-1]
    return "“" not in inner and "”" not in inner and '"' not in inner


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
    # The sentence before the quote, but no more than a window of it: an endless hostile
    # sentence of quotes must not be rescanned for each one.
    s_start = max(sentences.bounds_at(span.open_mark)[0], span.open_mark - _BEFORE_WINDOW)
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
    while verb is not None and verb.group() in _CALL_NOUNS and _NOUN_CALL.search(after, 0, verb.start()):
        verb = _SPEECH.search(after, verb.end())  # "in a phone call with …": a noun, no speaker's verb
    if (
        verb is not None
        and (
            _SUBORDINATE.match(after, 0, verb.start())
            or ", and " in after[: verb.start()]
            # "… is “very dissatisfied” with Russia and announced tariffs": a verb joined by "and"
            # shares the subject before the quote, whatever the words between name
            or after[: verb.start()].rstrip().endswith((" and", " or"))
            or _RELATIVE_SUBJECT.search(after, 0, verb.start())
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
                and not _SPEECH.search(
                    text, s_start, span.open_mark
                )  # "He said there is “…,” AP reports, citing …": his
            ):
                # "“…,” TASS reported, citing the statement of the US Defense Department": the
                # statement the outlet cites is whose words it quotes
                cited = speaker_in(
                    text,
                    (after_start + citing.start("cited"), after_start + citing.end("cited")),
                    actors,
                    person_starts,
                    span.open_mark,
                    "start",
                    names,
                    antecedents,
                )
                reported = (
                    cited if cited is not None and (cited[0] is not None or cited[2] is not None) else None
                )
            found = (
                reported
                if reported is not None and (reported[0] is not None or reported[2] is not None)
                else found
            )
        if found is not None:
            return found
    if not scare:
        # "“…,” the White House quoted President Joe Biden."; "“…”. This was stated by Secretary
        # Blinken during his visit to Kyiv." (the next sentence, or the next paragraph's first:
        # "This" is the quote)
        base = after_start
        by_line = (_QUOTED_BY.match(after) if verb is None else None) or _STATED_BY.match(after)
        if by_line is None and not text[after_start:s_end].strip(" '’.\"”"):
            by_line = _STATED_BY.match(text, s_end, min(len(text), s_end + _WINDOW))
            base = 0
        if by_line is not None:
            region = (base + by_line.start("who"), base + by_line.end("who"))
            found = speaker_in(
                text, region, actors, person_starts, span.open_mark, "start", names, antecedents
            )
            if found is not None and (found[0] is not None or found[2] is not None):
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
    before = text[s_start : span.open_mark]
    last_verb = _last_match(_SPEECH, before)
    verbs = [last_verb] if last_verb is not None else []
    if scare and not (
        verbs
        and (
            len(before) - verbs[-1].end() <= _ADJACENT
            or _opens_with_source(before, verbs[-1])
            # "Blinken stated last month that …, noting that they are expected … “this summer”":
            # the sentence's first verb of saying is the one it opens with
            or (
                (first := _SPEECH.search(before)) is not None
                and first is not last_verb
                and _opens_with_source(before, first)
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
        said = _last_match(_SPEECH, before, 0, last.start()) if participle else None
        if said is not None and not before[said.end() : last.start()].strip(" ,"):
            # "“…,” the mayor said, adding that it would take “more hours”": whoever said,
            # after the words quoted before ("“… Kyiv …,” the agency said": not Kyiv)
            closed = max(before.rfind(mark, 0, said.start()) for mark in _QUOTE_CLOSERS[:2])
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
        and _SPEECH.search(text, s_start, span.open_mark) is None
    )


_SUBJECT_WORDS = 8  # ", a senior State Department official, said": the subject between the comma and verb
_NOT_SUBJECTS = frozenset("which who whom that and but as while when where".split())  # a clause of its own
# What may follow a sentence's closing attribution: a few words ("on Wednesday", "in a
# statement") and its stop.
_SENTENCE_TAIL = re.compile(r"(?:\s+[\w’'-]+){0,4}\s*[.!]?[’'\s]*")


def _subject_after(after: str, after_start: int, verb: re.Match[str]) -> tuple[int, int]:
    """Where the subject of an inverted verb stands: from the verb to the clause's end
    (``after``, the text after the quote, already ends with its sentence)."""
    stop = _CLAUSE_END.search(after, verb.end())
    return after_start + verb.end(), after_start + (stop.start() if stop else len(after))


def _is_nickname(text: str, open_mark: int, close_mark: int, inner: str) -> bool:
    """Is the quote a nickname between a given name and a surname ("Charles “CQ” Brown",
    'Marcia "Cia" Price'): one or two capitalised words, a capitalised word right before
    the opening mark, and right after the closing one a capitalised word that ends the name
    (then a stop or a word in lower case: not a headline's next word in title case)?"""
    words = inner.split()
    if not 0 < len(words) <= 2 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    surname = _SURNAME_AFTER.match(text, close_mark + 1)
    return (
        surname is not None
        and surname.group("word").lower() not in DAY_WORDS  # 'called him “Killer” Monday'
        and _NAME_BEFORE.search(text, max(0, open_mark - 30), open_mark) is not None
    )


# (on the same line: \Z, not $, which would also take the end before a paragraph's newline)
_NAME_BEFORE = re.compile(r"(?<![\w.])[A-Z][a-z]+[ \u00a0]\Z")
_SURNAME_AFTER = re.compile(
    r"[ \u00a0](?P<word>[A-Z][\w'’-]*[a-z])(?:[,.;:)]|[ \u00a0]+[a-z(]|\Z)"
)  # "Price (D-Va.)" too


def _only_a_name(actors: ActorFinding, start: int, end: int) -> bool:
    """Is text[start:end] one organization's or country's name, and nothing else?"""
    return any(o[0] == start and o[1] == end for o in actors.others_between(start, end))


def _opens_with_source(before: str, verb: re.Match[str]) -> bool:
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
            _QUOTE_CLOSERS_RE.search(before, verb.end()) and _CLAUSE_OF_ITS_OWN.search(before, verb.end())
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
_CLAUSE_OF_ITS_OWN = re.compile(
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
    last = _last_match(_SPEECH, text, s_start, quote_start)
    if last is None or last.group().lower() == "according to":
        return None
    return speaker_in(
        text, (s_start, last.start()), actors, person_starts, quote_start, "end", names, antecedents
    )


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


_QUOTE_CLOSERS = ("”", '"', "’", "'", "”,", '",')
_LABELLED = re.compile(rf"\s*(?P<name>{NAME})(?:,[^:“”\"\n]{{1,60}})?:\s*$")
_DASH_SPEAKER = re.compile(rf"['’]?\s*[―—–]\s*(?P<name>{NAME})")
