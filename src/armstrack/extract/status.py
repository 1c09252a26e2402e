"""How far along an event is: done, planned, considered, requested or denied.

Reporting states the same event at every stage ("will send", "is weighing sending", "asked
for", "refused to give the green light", "has sent"), so the status is read from the words
that govern the trigger: the verb group just before it, within the trigger's clause. The
strongest cue there wins, in this order:

* denied: "refused", "declined", "rejected", "ruled out", "vetoed", "resisted", "opposed", "short
  of" right before the trigger ("falls short of sending") (and, for a use policy, restrictions
  "kept" or "maintained": permission withheld);
* requested: "asked", "urged", "wants … to", "called for", "pleaded", "to persuade" (not
  "persuaded": that succeeded), a need of a noun
  ("require the delivery of", not "the shells Ukraine needed were delivered") (a request is
  always requested);
* considered: "considering", "weighing", "mulls", "discussing", "could", "might", "may",
  "whether", "hopes to";
* planned: "will", "would", "plans to", "is expected to", "pledged to", "promised", "the
  decision to", "authorized" or "greenlit" (a shipment authorized is not yet shipped), an infinitive
  "to send" or "to begin sending", a purpose "so we can send", a promise of a noun ("promises
  shipments", not "the promised shipments arrived"), a noun whose own words put it ahead
  ("the next Contact Group meeting", "an upcoming aid package"), after a noun "the
  provision of the Bradleys was forecast", or a present tense after "until", "once",
  "before" … and its subject ("postponed until Trump meets Putin"), a meeting gone "to
  attend" when the going is ahead ("is scheduled to travel to Ramstein … to attend"), or
  one a clause in the present is "ahead of" ("the package comes a week before a NATO
  summit");
* done: anything else ("has sent", "arrived", "is sending", "announced a package").

A trigger that is a noun or a gerund subject of a modal is as far along as the modal:
"shipments will resume" and "sending the tanks will take months" are planned, "deliveries
would mark an escalation" and "that sending ATACMS could lead to conflict" considered.

Cues count only within eight words before the trigger, and the "X to" cues ("agreed to",
"plans to") only when at most two words separate them from the trigger: "agreed to a
ceasefire during negotiations" says nothing about the negotiations. A package is an
announcement: "says it will provide $450 million in assistance" announces a package today
(done); it is planned only when the announcement itself is ahead ("would soon announce a
new aid package", "a new aid package that will be announced", "a new aid package expected to
be worth $1 billion", "is preparing a new aid package"). Stockpiles are states: a shortage is
done unless weighed or asked for. A verb in the past right before a trigger in the past ends
a clause of the subject's: "the units the U.S. approved arrived" arrived (done).
"""

from __future__ import annotations

import re

from armstrack.extract.timex import DAY_WORDS, says_past
from armstrack.models import EventStatus
from armstrack.text import ANNOUNCED_LATER


def _forms(*stems: str) -> frozenset[str]:
    """Each stem with the endings English verbs take ("refus" → refuse, refuses, refused …)."""
    return frozenset(stem + ending for stem in stems for ending in ("", "e", "es", "s", "ed", "d", "ing"))


# Words of approval: planned, and what they approve is no open question ("approved a
# possible sale"). "cleared the sale" approved it; "the approval of a possible sale".
_APPROVING = (
    _forms("authoriz", "authoris", "approv", "greenlight", "green-light")
    | {"cleared", "clears", "clearing", "greenlit", "green-lit"}
    | {"approval", "authorization", "authorisation"}
)
# Single words that set a status; the words are read lower-cased, stripped of punctuation.
_WORD_CUES: dict[str, str] = {
    **dict.fromkeys(
        _forms("refus", "declin", "reject", "veto", "resist", "deny", "denie", "deni", "oppos")
        | {"refusal", "refusals", "rejection"},  # "the president's refusal to send"
        "denied",
    ),
    **dict.fromkeys(_forms("kept", "keep", "maintain", "upheld", "uphold"), "kept"),
    **dict.fromkeys(
        _forms("ask", "urg", "want", "request", "plead", "appeal", "demand")
        # trying to win another over ("to persuade the U.S. to allow"); "persuaded" succeeded
        | {"persuade", "persuades", "persuading", "convince", "convinces", "convincing"},
        "requested",
    ),
    **dict.fromkeys(
        _forms("consider", "weigh", "mull", "discuss", "deliberat", "explor", "debat", "propos", "contemplat")
        | {"could", "might", "may", "whether", "if", "unless", "possible", "possibly", "potential", "potentially", "proposal"}
        | {"hesitant", "hesitated", "hesitating", "reluctant", "reluctance", "wary"}
        | {"stalemate", "deadlock", "deadlocked", "impasse", "undecided"},
        "considered",
    ),
    **dict.fromkeys(
        _APPROVING
        | {"expecting", "expects", "awaiting", "awaits", "anticipating", "anticipates"}
        | {"will", "would", "shall", "should", "soon", "upcoming", "scheduled", "forecast", "ll"},
        "planned",
    ),
}  # fmt: skip
_PAIR_CUES: dict[tuple[str, str], str] = {
    **dict.fromkeys([("ruled", "out"), ("rule", "out"), ("rules", "out")], "denied"),
    **dict.fromkeys(
        [(c, w) for c in ("call", "calls", "called", "calling") for w in ("on", "for")]
        + [(p, "for") for p in _forms("press", "push", "lobb", "lobbi")],
        "requested",
    ),
    **dict.fromkeys([(h, "to") for h in _forms("hop")], "considered"),
    # "divided over sending", "torn on whether": a question open ("divided among brigades" is not)
    **dict.fromkeys([(w, p) for w in ("divided", "torn", "split") for p in ("over", "on")], "considered"),
    **dict.fromkeys([(w, "for") for w in ("prepared", "ready", "set", "slated")], "planned"),
}
# "pledged to give", "the decision to transfer": planned only when the trigger follows closely.
_TO_CUES = _forms(
    "plan", "planned", "intend", "expect", "prepar", "pledg", "promis", "vow", "commit", "committed", "decid",
    "agre",
) | {"set", "going", "about", "ready", "decision", "due", "poised", "move", "moves", "moving"}  # fmt: skip
_WINDOW = 80  # characters before the trigger that may hold its verb group
_MAX_WORDS = 8
# Every word that starts a cue: a verb group without one is settled by a set operation.
_ANY_CUE = frozenset(_WORD_CUES) | {w for w, _ in _PAIR_CUES} | _TO_CUES

_BE = re.compile(r" (?:is|are|was|were|be|will|would) ")
_UP_TO_ITS_VERB = r"\W*(?:[\w'’-]+\s+){0,6}?"  # a noun trigger's own words, up to its verb
_AFTER_PLANNED = re.compile(
    _UP_TO_ITS_VERB + r"(?:(?:is|are|was|were|will\s+be|would\s+be)\s+"
    r"(?:expected|planned|scheduled|forecast|due|set|slated|to\s+be)\b|(?:will|would)\s+be\s+\w+ed\b)"
)
# A noun trigger's verb that only talks of it: "deliveries … are being discussed".
_AFTER_CONSIDERED = re.compile(
    _UP_TO_ITS_VERB + r"(?:is|are|was|were)\s+(?:being\s+|still\s+)?"
    r"(?:discussed|considered|weighed|debated|explored|mulled|studied|under\s+(?:discussion|consideration|review))\b"
)
# Talks whose subject the trigger is: "discussions with the United States focused on major
# arms purchases", "negotiations over the sale of F-16s".
_TALKS_ABOUT = re.compile(
    r"\b(?:talks|discussions|negotiations|consultations)(?:\s+with\s+[^,.;:]{1,60}?)?"
    r"\s+(?:on|about|over|regarding|concerning|(?:focused|focusing|centered|centred)\s+on)\s+(?:[\w-]+\s+){0,3}$"
)
_ANNOUNCEMENT_AHEAD = re.compile(
    r"\b(?P<lead>will|would|soon|to|expected\s+to|plans?\s+to|set\s+to|poised\s+to|preparing\s+to)\s+(?:\w+\s+){0,2}?"
    r"(?:announc\w*|unveil\w*|approv\w*|sign|pass|vote\w*)\b"
)


_UNQUOTE = str.maketrans({'"': " ", "“": " ", "”": " "})


def event_status(kind: str, low: str, start: int, end: int, s_start: int, s_end: int) -> EventStatus:
    """The status of the event whose trigger is ``low[start:end]`` in sentence [s_start, s_end)."""
    if kind == "request":
        return "requested"
    before = low[max(s_start, start - _WINDOW) : start]
    if '"' in before or "“" in before or "”" in before:
        before = before.translate(_UNQUOTE)  # a cue in scare quotes is a cue: 'had "resisted" sending'
    words = before.split()[-_MAX_WORDS - 1 :]
    # "to send", "is to be delivered", "to begin sending", and a noun an infinitive governs:
    # "US to prioritize delivery of Patriot missiles", "is to expedite shipments"
    infinitive = words[-1:] == ["to"] or (
        words[-2:-1] == ["to"]
        and (
            words[-1] in _TO_PHASE
            or (_infinitive_verb(words[-1]) and low.endswith(_NOUN_ENDINGS, start, end))
        )
    )
    if _ANY_CUE.isdisjoint(words) and "ll" not in before:
        cues: set[str] = set()  # the usual case: no cue word (cutting the clause adds none)
    else:
        cues = _cues(_verb_group(before))
    if cues and words and words[-1].endswith("ed") and _ends_ed(low, start, end):
        # "the four units the U.S. approved arrived": two verbs in the past in a row, the first
        # ends a clause of the subject's (its cue is not the trigger's)
        cues = _cues(_verb_group(before)[:-1])
    if "denied" in cues or (kind == "use_policy" and "kept" in cues) or words[-2:] == ["short", "of"]:
        return "denied"  # … or "falls short of sending Abrams tanks": the act not taken
    if "requested" in cues or _governed_noun(words, low, start, end, _NEEDING):
        return "requested"  # … or "require the delivery of", "needs more shipments"
    if "considered" in cues or _TALKS_ABOUT.search(before):
        return "considered"  # … or the subject of talks: "talks with Washington on arms purchases"
    if not _AHEAD_WORDS.isdisjoint(words[-5:]) and _NEXT_ONE.search(before):
        return "planned"  # "the next Contact Group meeting", "an upcoming aid package"
    if _ahead_of_it(before, s_start == 0):
        return "planned"  # "the package comes ahead of a NATO summit": the summit is still to come
    if kind == "aid_package":
        if ANNOUNCED_LATER.match(low, end, s_end) or _PACKAGE_AHEAD.match(low, end, s_end):
            return "planned"  # "a new aid package that will be announced", "… expected to be worth"
        if not _PREPARING.isdisjoint(words):
            return "planned"  # "is preparing a new aid package": not announced yet
        ahead = _ANNOUNCEMENT_AHEAD.search(before)
        # "is set to announce a final weapons package": the announcing is ahead, however many
        # words name the package; a bare "to" needs a cue ("went to Kyiv to announce" it did),
        # or a headline's subject right before it ("US to announce new $1.1 bln package")
        if ahead is not None and (
            cues
            or infinitive
            or ahead.group("lead") != "to"
            or _headline_subject_to(
                low, s_start, max(s_start, start - _WINDOW) + before.rfind("to ", ahead.start(), ahead.end())
            )
        ):
            return "planned"
        return "done"
    if kind == "stockpile":
        return "done"
    if not cues and words[-1:] == ["and"] and (shared := _coordinated_cue(low, start, end, s_start)):
        return shared  # "will purchase U.S. weaponry, including …, and deliver them"
    if (
        infinitive
        or "planned" in cues
        or _present_in_time_clause(words, low, start, end, s_start)
        or _attending_ahead(words, low, start, s_start)
        or _by_gerund_of_intent(words, low, start, end)
        or _governed_noun(words, low, start, end, _PROMISING)
        or ("so " in before and _PURPOSE.search(before))
    ):
        return "planned"
    if _BE.search(low, end, min(s_end, end + 60)):
        if _AFTER_PLANNED.match(low, end):
            return "planned"  # "the provision of the Bradleys was forecast"
        first = low.find(" ", start, end)  # the trigger's noun: "transfer" of "transfer of f-16 jets"
        if low.endswith(_NOUN_ENDINGS, start, end if first == -1 else first) and _AFTER_CONSIDERED.match(
            low, end
        ):
            return "considered"  # "deliveries of anti-ship missiles are being discussed"
    if (
        (not words or words[-1] in _CLAUSE_OPENERS)
        and low.endswith("ing", start, end if (sp := low.find(" ", start, end)) == -1 else sp)
        and (modal := _GERUND_MODAL.match(low, end, s_end)) is not None
    ):
        # a gerund that is the subject of a modal: "implied that sending ATACMS could lead to
        # direct conflict", "Sending the tanks will take months" (the sending is as far along)
        return "planned" if modal["modal"] == "will" else "considered"
    if low.endswith((*_NOUN_ENDINGS, "training"), start, end) and (
        modal := _MODAL_AFTER.match(low, end, s_end)
    ):
        # "Tomahawk deliveries would mark an escalation", "shipments will resume", "the
        # training will take place at …"; a reported "would" of its taking place is the future
        # seen from the saying: "Ryder said the training would begin in October"
        reported = (
            modal["modal"] == "would" and not _REPORTING.isdisjoint(words) and _ONSET.match(low, modal.end())
        )
        return "planned" if modal["modal"] == "will" or reported else "considered"
    return "done"


# Where a clause opens, so that a gerund right after it is the clause's subject ("that
# sending ATACMS could …"), not a verb's object ("considered sending ATACMS").
_CLAUSE_OPENERS = frozenset("that but and because while since although though".split())
# The gerund's object, up to six words without a verb of their own, then its modal.
_GERUND_MODAL = re.compile(
    r"(?:\s+(?!that\b|which\b|who\b)[\w’'$.-]+){0,6}?\s+(?P<modal>will|would|could|might|may)\s+(?!not\b|never\b)"
)
_REPORTING = frozenset("said says told added announced confirmed stated explained noted".split())
_TIME_CONJUNCTIONS = frozenset("until till once unless before after when".split())
_NOT_PRESENT = frozenset("is was has does us".split())


def _present_in_time_clause(words: list[str], low: str, start: int, end: int, s_start: int) -> bool:
    """A trigger in the present after "until", "once", "before" … and its subject: English
    puts the future there ("postponed until Trump meets Putin", "once the system arrives").
    Not in a headline, whose present tells the past, and not past forms ("after Trump met")."""
    if s_start == 0:
        return False
    verb = low[start:end].split(" ", 1)[0]
    if len(verb) < 4 or not verb.endswith("s") or verb.endswith("ss") or verb in _NOT_PRESENT:
        return False
    for k in range(len(words) - 1, max(-1, len(words) - 6), -1):
        if words[k] in _TIME_CONJUNCTIONS:
            return all(w.isalpha() or w.rstrip(".").isalpha() for w in words[k + 1 :])
    return False


# … of its taking place, not of what it would do ("said deliveries would mark an escalation")
_ONSET = re.compile(
    r"(?:begin|start|resume|arrive|take\s+place|continue|go\s+ahead|proceed|happen|occur|come|be\s+\w+ed)\b"
)
_HEADLINE_SUBJECT = 4  # words: "US to announce", "Biden administration to announce"


def _headline_subject_to(low: str, s_start: int, to_at: int) -> bool:
    """Is the "to" at ``to_at`` a headline's future, right after its subject ("US to announce
    new aid")? Only in the first sentence, the headline, within its first few words."""
    words = low[:to_at].split()
    # (a verb before it is no headline's subject: "Blinken went to Kyiv to announce …")
    return (
        s_start == 0
        and len(words) <= _HEADLINE_SUBJECT
        and "\n" not in low[:to_at]
        and not any(w == "to" or w.endswith("ed") for w in words)
    )


def _by_gerund_of_intent(words: list[str], low: str, start: int, end: int) -> bool:
    """A gerund after "by" is the means of the verb before it, and shares its mood: "plans to
    help Ukraine by sending more shells", "are ready to bolster its defenses by sending
    weapons" are intended, not done ("helped Ukraine by sending" is done)."""
    if words[-1:] != ["by"] or not low.endswith(
        "ing", start, end if (sp := low.find(" ", start, end)) == -1 else sp
    ):
        return False
    clause = _verb_group(" ".join(words[:-1]) + " ")
    return any(w in _TO_CUES and clause[i + 1 : i + 2] == ["to"] for i, w in enumerate(clause[:-1]))


_ATTENDING = frozenset("attend join address chair host hold visit".split())
_AHEAD_IN_CLAUSE = frozenset("will shall scheduled slated plans planning expected".split())


def _attending_ahead(words: list[str], low: str, start: int, s_start: int) -> bool:
    """A meeting someone goes "to attend" (or to join, host, address …) is as far along as
    the going: "is scheduled to travel to Ramstein, Jan. 7, to attend the 25th meeting" is
    ahead, however many words stand between ("traveled to Ramstein to attend it" went)."""
    at = next((k for k in range(len(words) - 2, max(-1, len(words) - 6), -1) if words[k] == "to"), None)
    if at is None or words[at + 1] not in _ATTENDING:
        return False
    to_at = low.rfind(" to ", s_start, start)
    return to_at > s_start and not _AHEAD_IN_CLAUSE.isdisjoint(low[s_start:to_at].split())


# Verbs in their bare form that a coordinated clause shares its auxiliary with: "will purchase
# U.S. weaponry, including Patriot batteries, and deliver them to Ukraine".
_BARE_VERBS = frozenset("deliver send provide supply transfer ship give sell buy purchase hand".split())
_SHARED_REACH = 250  # characters before the "and" where the first verb's auxiliary is read
_SHARED_CUES = {"will": "planned", "would": "planned", "shall": "planned", "to": "planned"} | dict.fromkeys(
    ("could", "might", "may"), "considered"
)


def _coordinated_cue(low: str, start: int, end: int, s_start: int) -> EventStatus | None:
    """The status a bare verb after "and" shares with the verb group before it: "will
    purchase …, and deliver them" is planned as "will purchase" is. None when the trigger is
    no bare verb, or the words before name no auxiliary (a past verb comes first)."""
    first = low.find(" ", start, end)
    if low[start : end if first == -1 else first] not in _BARE_VERBS:
        return None
    back = low[max(s_start, start - _SHARED_REACH) : start].split()[:-1]  # without the "and"
    for word in reversed(back):
        if word in _SHARED_CUES:
            return _SHARED_CUES[word]  # type: ignore[return-value]
        if word.endswith("ed") or word in ("is", "are", "was", "were", "has", "have", "had"):
            return None
    return None


def _infinitive_verb(word: str) -> bool:
    """Can ``word``, right after "to", be the verb of an infinitive ("to prioritize")? Not a
    determiner or a place ("to the", "to Ukraine")."""
    return word.isalpha() and word not in _DETERMINERS and word not in _PLACES


_PLACES = frozenset("ukraine kyiv kiev europe russia washington poland".split())


def _ends_ed(low: str, start: int, end: int) -> bool:
    """Is the trigger's first word a verb in the past ("arrived", "delivered")?"""
    first = low.find(" ", start, end)
    return low.endswith("ed", start, end if first == -1 else first)


# A package whose own words put it ahead: "a new aid package expected to be worth $1 billion",
# "the package, set to include ATACMS" (not one announced or approved, whose contents are).
_PACKAGE_AHEAD = re.compile(
    r"\W*(?:(?!announc|unveil|approv|sign)[\w'’$.-]+[\s,]+){0,6}?(?:(?:is|are|was|were)\s+)?(?:(?:expected|set|slated)\s+to\b|due\s+to\s+be\b)"
)
# Verbs that ready a package not yet announced: "is preparing a new aid package".
_PREPARING = frozenset(
    "preparing prepares readying readies finalizing finalising finalizes finalises drafting crafting assembling".split()
)


# A trigger that is a noun ("deliveries", "shipment", "the transfer"), and a modal right after
# it or its "of"/"to" phrase, which its status is then; not a verb's ("sent tanks that
# would …"), nor one in a clause of its own ("shipments of arms that would help").
_NOUN_ENDINGS = ("ies", "ery", "ment", "ments", "sion", "sions", "fer", "fers", "sale", "sales")
_MODAL_AFTER = re.compile(
    r"(?:\s+(?:of|to|for|from)(?:\s+(?!that\b|which\b|who\b)[\w’'$.-]+){1,6}?)?"  # "deliveries to Ukraine"
    r"\s+(?P<modal>will|would|could|might|may)\s+(?!not\b|never\b)"
)


# A noun trigger whose own words put it ahead: "the next Ukraine Defense Contact Group
# meeting", "an upcoming aid package", "future deliveries"; not "next week, the package".
_AHEAD_WORDS = frozenset("next upcoming forthcoming future".split())
_NEXT_ONE = re.compile(
    r"\b(?:next|upcoming|forthcoming|future)\s+(?!(?:week|month|year|day|time|morning|night|spring|summer|fall|autumn|winter)"
    r"\w*\b)(?:[\w$’'.-]+\s+){0,4}$"
)
# A trigger a clause is "ahead of", "a week before", "on the eve of" …: "the package comes
# ahead of a NATO summit in Washington", "Austin is in Kyiv days before the talks". Only
# determiners, names and adjectives between (not "before the Pentagon announced a meeting").
_AHEAD_OF = re.compile(
    r"\b(?:ahead\s+of|in\s+advance\s+of|eve\s+of|run-up\s+to|(?:days?|weeks?|months?|hours?)\s+before)"
    r"\s+(?:[\w$’'.-]+\s+){0,4}$"
)
_AHEAD_OF_WORDS = ("ahead", "before", "eve of", "advance", "run-up")


def _ahead_of_it(before: str, headline: bool) -> bool:
    """Is the trigger named as still to come by a clause in the present or the future ("the
    aid comes a week before a NATO summit", a headline's "Austin in Kyiv ahead of talks")?
    A clause in the past leaves it open ("the aid came before the summit"), and so does a
    sentence that opens with it ("Ahead of the summit, Austin said"), whose verb comes later."""
    if not any(word in before for word in _AHEAD_OF_WORDS):
        return False  # the usual case, settled without the pattern
    ahead = _AHEAD_OF.search(before)
    if ahead is None:
        return False
    between = before[ahead.start() : ahead.end()].split()[2:]
    clause = _verb_group(before[: ahead.start()])
    if not clause and not headline:
        return False
    # a verb in the past puts the whole clause there: "met ahead of the summit" (the summit
    # may have come since); one in the present or the future leaves it ahead of the writing
    return not says_past(" ".join(clause + between))


# What may stand between "to" and the trigger of an infinitive: "is to be delivered", "to begin
# sending", "to resume deliveries".
_TO_PHASE = frozenset("be begin start resume continue keep".split())
# A purpose ahead: "so we can begin sending", "so that Kyiv can receive".
# Also with an adverb ("so we can quickly send") and through a second "can" of the same
# purpose ("so that I can sign it into law and we can quickly send weapons").
_SUBJECT = r"(?:we|they|it|he|she|you|i|ukraine|kyiv|the\s+[\w'’-]+)"
_PURPOSE = re.compile(
    rf"\bso(?:\s+that)?\s+{_SUBJECT}\s+can\s+(?:[^.;:]*?\band\s+{_SUBJECT}\s+can\s+)?"
    r"(?:[a-z]+ly\s+)?(?:(?:begin|start|resume)\s+)?$"
)
# Verbs that promise a thing named by a noun: "promises military shipments", "pledged deliveries".
_PROMISING = frozenset(
    "promise promises promised promising pledge pledges pledged pledging vow vows vowed vowing".split()
)
# … and that need one: "strikes require the delivery of", "Kyiv needs more shipments".
_NEEDING = frozenset("require requires required requiring need needs needed needing".split())
_DETERMINERS = frozenset("the a an its their his her our these those this that".split())


def _governed_noun(words: list[str], low: str, start: int, end: int, verbs: frozenset[str]) -> bool:
    """A noun trigger that one of ``verbs`` governs ("promises military shipments within
    hours"), one or two words after the verb; not the adjective of a thing that came ("the
    promised deliveries arrived", "the needed shipments arrived")."""
    if verbs.isdisjoint(words[-2:]):
        return False  # the usual case, settled before the trigger's words are read
    if not low.endswith(_NOUN_ENDINGS, start, end):
        first = low.find(" ", start, end)
        if first == -1 or not low.endswith(_NOUN_ENDINGS, start, first):
            return False
    for back in (1, 2):
        if len(words) >= back and words[-back] in verbs:
            return not (len(words) > back and words[-back - 1] in _DETERMINERS)
    return False


def _verb_group(before: str) -> list[str]:
    """The last few words before the trigger, from the start of its clause on ("… , but so far
    none have been" keeps "none have been")."""
    cut = max(
        before.rfind(";"), before.rfind(":"), before.rfind("—"), before.rfind("–"), before.rfind("("),
        before.rfind(")"), before.rfind(" but "), before.rfind(". "),
    )  # fmt: skip
    # "approved the plan in 2023 and the first aircraft arrived": "and" with a subject of
    # its own opens a clause ("approved and delivered" shares one)
    if " and " in before:
        cut = max([cut, *(m.end() - 1 for m in _NEW_SUBJECT.finditer(before, cut + 1))])
    return before[cut + 1 :].split()[-_MAX_WORDS - 1 :]


# "and" before a subject of its own: a new clause.
_NEW_SUBJECT = re.compile(r" and (?=(?:the|a|an|its|their|it|they|he|she|we|kyiv|washington|ukraine)\s)")


def _cues(words: list[str]) -> set[str]:
    found: set[str] = set()
    last = len(words) - 1
    for i, w in enumerate(words):
        if w not in _ANY_CUE:
            if w.endswith(("'ll", "’ll")):
                found.add("planned")  # "it'll", "we'll"
            continue
        cue = _WORD_CUES.get(w)
        if w == "may" and _month_may(words, i):
            continue  # "on May 9 announced", "in May sent": the month, not the modal
        if (
            cue == "denied"
            and words[i + 1 : i + 2] == ["to"]
            and words[i + 2 : i + 3]
            and words[i + 2] in _SAYING
        ):
            cue = None  # "declined to say whether …", "refused to comment": no answer, no refusal
        if w in _FORMAL_ADJECTIVES and not _APPROVING.isdisjoint(words[:i]):
            # "approved a possible sale", "cleared the potential sale": a notice's formula for
            # what the approval allows, no question left open
            cue = None
        if cue is not None:
            found.add(cue)
        if i < last:
            after = words[i + 1]
            pair = _PAIR_CUES.get((w, after))
            if pair is not None and not (after == "on" and i + 2 <= last and _is_day(words[i + 2])):
                found.add(pair)  # "called on Kyiv to …", not "a phone call on Thursday"
            # "pledged to [give]", "decision to [transfer]": at most two words before the trigger.
            elif after == "to" and w in _TO_CUES and last - i <= 3:
                found.add("planned")
    return found


# What a notice of sale calls the sale it approves ("a possible Foreign Military Sale").
_FORMAL_ADJECTIVES = frozenset({"possible", "potential"})
_SAYING = frozenset(
    "say comment confirm disclose specify elaborate discuss detail answer identify name reveal speculate".split()
)


_BEFORE_A_MONTH = frozenset("in on since by until through of early late mid last next this from".split())


def _month_may(words: list[str], i: int) -> bool:
    """Is "may" at ``words[i]`` the month: after "in", "on", "since" …, or before a number?"""
    before = words[i - 1] if i > 0 else ""
    after = words[i + 1] if i + 1 < len(words) else ""
    return before in _BEFORE_A_MONTH or after[:1].isdigit()


def _is_day(word: str) -> bool:
    """Does this word name a day or a month ("Thursday," "Jan.")?"""
    return word.strip(".,;:") in DAY_WORDS
