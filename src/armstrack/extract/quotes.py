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
from collections.abc import Collection

from armstrack.extract.actors import ActorFinding
from armstrack.extract.attribution import (
    BEFORE_WINDOW,
    CLAUSE_OF_ITS_OWN,
    CLOSING_MARKS,
    SPEECH,
    WINDOW,
    attribute,
    last_match,
    opens_with_source,
)
from armstrack.extract.descriptions import (
    is_one_person,
    role_holder,
)
from armstrack.extract.quote_spans import (
    MARKS,
    TRANSCRIPT,
    find_quote_spans,
    transcript_turns,
)
from armstrack.extract.speakers import (
    FRONTED,
    FRONTED_LONGEST,
    TITLE_LEAD,
    TITLE_ONLY,
    Antecedents,
    Names,
)
from armstrack.extract.timex import DAY_WORDS
from armstrack.extract.who import speaker_in
from armstrack.models import Quote
from armstrack.text import Sentences

_OPENING_PRONOUN = re.compile(r"(?P<p>He|She)\s+[a-z]")  # a sentence's subject, then its verb
_QUOTE_LABEL = re.compile(r"Quotes?(?:\s+(?:from|by)\s+(?P<name>[^:\n]{1,60}))?:\s*")
_RUN_PARAGRAPHS = 2  # a paragraph opening with an unattributed quote continues a speaker this recent
# Verbs by which a subject names someone or something with words of its own.
_CHARACTERIZING = re.compile(
    r"\b(?:call(?:s|ed|ing)?|label(?:s|ed|led|ing|ling)?|dubb?(?:s|ed|ing)?|brand(?:s|ed|ing)?"
    r"|accus(?:e|es|ed|ing)|denounc(?:e|es|ed|ing)|deride[sd]?|deriding|mock(?:s|ed|ing)?"
    r"|used\s+the\s+(?:phrase|term|word|words)|uses\s+the\s+(?:phrase|term|word|words))\b"
)
# … read in so many characters before the quote: a hostile endless sentence of quotes is not
# read whole for each
_CHARACTERIZING_REACH = 120
_SCARE_WORDS = 2  # a partial quote this short is a scare quote ("a “finite number”")


def extract_quotes(
    text: str,
    sentences: Sentences,
    paragraphs: list[tuple[int, int]],
    actors: ActorFinding,
    system_names: Collection[tuple[int, int]] = (),
) -> list[Quote]:
    """The quotations in ``text`` and who said each. ``system_names``: where the text names
    a weapon system, (start, end) each: one in quotation marks alone is a name, no one's words."""
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
        if (
            " " not in inner
            and text[span.end - 1] not in ",.!?;:"
            and ((start, end) in system_names or _only_a_name(actors, start, end))
        ):
            # a country's or a weapon's name in scare quotes ("“Israel” has transferred …",
            # 'similar to the "Switchblade" drones'): no one's words (a name that ends a
            # spoken phrase keeps its comma inside: "“Ukraine,” he said")
            continue
        if _is_nickname(text, span.open_mark, span.end, inner):
            continue  # 'Gen. Charles “CQ” Brown': a name within a name, no one's words
        scare = partial and len(inner.split()) <= _SCARE_WORDS
        found: tuple[str | None, str | None, str | None] = (
            names.named(transcript.group("name").title())
            if transcript is not None
            else attribute(text, sentences, span, actors, person_starts, scare, names, antecedents)
        )
        speaker, speaker_id, description = found
        if (
            speaker is None
            and description is not None
            and (holder := role_holder(description, actors, span.open_mark))
        ):
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
            and not CLAUSE_OF_ITS_OWN.search(text, previous[1].end, span.open_mark)
        )
        if speaker is None and description is None and previous is not None and continues:
            prior = previous[1]
            speaker, speaker_id, description = prior.speaker, prior.speaker_id, prior.speaker_description
        if (
            speaker is None
            and description is None
            and partial
            and (not scare or _characterized(text, sentences.bounds_at(span.open_mark)[0], span.open_mark))
        ):
            # "Reid has gone after Trump as a “human leech who will bleed the country”": a
            # quoted phrase in a sentence with no speech verb is the words of its subject, a
            # person who opens the sentence; a word or two too when the subject's verb names
            # someone with it ("Reid has called Trump a “con artist”").
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


def _characterized(text: str, sentence_start: int, open_mark: int) -> bool:
    """Does a verb by which the subject names something ("called", "accused … of being") lead to
    the quote, with no clause of another subject between ("… as a “disgrace” after he blamed
    the delays on “red tape”": the second is not the subject's)?"""
    lo = max(sentence_start, open_mark - _CHARACTERIZING_REACH)
    verbs = list(_CHARACTERIZING.finditer(text, lo, open_mark))
    return bool(verbs) and not CLAUSE_OF_ITS_OWN.search(text, verbs[-1].end(), open_mark)


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
    lo = max(start, end - WINDOW)
    verb = last_match(SPEECH, text, lo, end)
    if verb is not None and text[verb.end() : end].strip(" .:") == "":
        verb_at = verb.start()  # the sentence ends with its verb: "Schiff said." / "Kall added:"
    else:
        # … or opens with its subject and verb, what they said told in the writer's words:
        # "Zelenskiy said Ukraine has thousands of drones. “We don't have Tomahawks.”"
        sentence = text[start:end]
        opener = SPEECH.search(sentence, 0, _SUBJECT_REACH)
        if (
            opener is not None
            and (cited := _AS_SAYING.match(sentence, opener.end())) is not None
            and "," not in sentence[: opener.start()]
        ):
            # "DefenseOne reports CEO Greg Hayes as saying the company …. “That's going to take
            # us a little bit of time.”": whom the outlet reports says it
            region = (start + cited.start("who"), start + cited.end("who"))
            found = speaker_in(text, region, actors, person_starts, open_mark, "start", names, antecedents)
            return found if found is not None else nobody
        if opener is None or not opens_with_source(sentence, opener):
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
_AS_SAYING = re.compile(r"\s+(?P<who>[^,.;:]{2,80}?)\s+as\s+(?:saying|telling)\b")


def _only_a_quote(text: str, paragraph: tuple[int, int]) -> bool:
    """Is the paragraph one quotation and nothing else (its opening mark first, its closing
    mark last, no other quotation between)?"""
    p_start, p_end = paragraph
    body = text[p_start:p_end].strip()
    if len(body) < 2 or body[0] not in '“"' or not body.rstrip(".").endswith(CLOSING_MARKS):
        return False
    inner = body[1:].rstrip(".")[:-1]
    return "“" not in inner and "”" not in inner and '"' not in inner


def _is_partial(text: str, sentences: Sentences, open_mark: int, inner: str) -> bool:
    """A fragment inside the writer's sentence, rather than a sentence of the speaker's own."""
    sentence_start = max(sentences.bounds_at(open_mark)[0], open_mark - BEFORE_WINDOW)  # bounded: linear
    before = text[sentence_start:open_mark].rstrip()
    if not before or before[-1] in ":":
        return False
    if before[-1] in ",":  # "…, he said, “We will…”" continues a quoted sentence
        return inner[:1].islower()
    return True


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
