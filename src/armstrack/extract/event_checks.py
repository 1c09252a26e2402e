"""The checks a trigger must pass to make an event of its kind (extract/events.py finds the
triggers): not an adjective ("US-supplied weapons"), not the object of a pause or of a
policy ("suspended the delivery", "the ban on … strikes"), not people or messages sent, not
a person arriving, not what a bill or a weapon can do, and the kind's own requirement (a
word of use, a named system for a strike, an aid package that is no running total, Ukraine
as a pause's recipient, people to train). Each is a pattern read around the trigger in its
sentence, so the words that make a non-event stay beside the rule that uses them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from armstrack.models import Amount
from armstrack.text import UKRAINE

DOMAIN = re.compile(
    r"\b(?:weapons?|arms|missiles?|munitions?|ammunition|ammo|military|defen[cs]e|aid|assistance|security|pentagon"
    r"|ukrain\w*|kyiv|kiev|russia\w*|moscow|nato|troops|forces|army|artillery|rockets?|drones?|tanks?|jets?"
    r"|interceptors?|contractors?|war|strikes?|batter(?:y|ies)|launchers?|shells|howitzers?|soldiers|naval|navy"
    r"|warships?|destroyers?|pilots|invasion)\b"
)

_USE = re.compile(
    r"\b(?:use|used|using|uses|strike|strikes|striking|target|targets|targeting|fire|firing|hit|attack\w*)\b"
)

_US_WEAPONS = re.compile(
    r"\b(?:us|u\.s\.|american|western)[- ](?:supplied|provided|made)\s+(?:weapons|missiles|arms|rockets)"
    r"|\b(?:weapons|missiles|arms|rockets)\s+(?:\w+\s+){0,2}?(?:provided|supplied|sent|given|made)\s+by\s+(?:the\s+)?"
    r"(?:us\b|u\.s\.|united\s+states\b|washington\b|americans?\b|pentagon\b)"
)

# "missiles provided by the US" with no auxiliary is an adjective, not a delivery.
_PARTICIPLE_BY = re.compile(r"\s+by\b")

_AUXILIARY = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had)\s+(?:\w+\s+)?$")

# "suspended the delivery", "halts weapons shipment", "ordered a pause on sending a
# shipment", "before delivery": the delivery is the object of a pause (a preposition and up
# to three words between, none of them a conjunction: "halted the advance and delivered"
# is a delivery), or a time.
_NOT_A_DELIVERY_BEFORE = re.compile(
    r"\b(?:(?:suspend|halt|paus|stop|freez|froze|delay|withh[oe]ld|block|cut\s+off|held\s+up|holding\s+up)\w*"
    r"(?:\s+(?:on|in|of))?(?:\s+(?!(?:and|but|or|then|while|as|so|before|after)\b)[\w.’'-]+){0,6}"
    r"|before|after|until|pending|awaiting|upon|ahead\s+of"
    # "must be resolved before any delivery can occur"
    r"|(?:before|until|pending|awaiting|ahead\s+of)\s+any)\s+$"
)

# "aims to assist Ukraine in halting Russian advances", "paused strikes on the grid": a pause
# of the war's acts, not of deliveries.
_NOT_A_PAUSE_AFTER = re.compile(
    r"(?:\s+(?:the|its|their|his|her|russia['’]s|russian|enemy|further|all|any|[\w-]+))?"
    r"\s+(?:advances?|offensives?|attacks?|assaults?|fighting|hostilities|war|strikes|bombing|shelling|invasion"
    r"|progress|push)\b"
)

# "the Pentagon provided no further details", "sent none": nothing given.
_NOTHING_AFTER = re.compile(r"\s+(?:no|none|nothing)\b")

# Messages and envoys: what is sent that is no arms.
_MESSAGES = (
    r"letters?|messages?|notes?|memos?|emails?|invitations?|requests?|signals?|delegations?|envoys?"
    r"|certifications?|notifications?|notices?|reports?|ultimatums?|verdicts?"
)

# "in a letter sent to Secretary Austin": a message sent, not arms.
_MESSAGE_BEFORE = re.compile(rf"\b(?:{_MESSAGES})\s+$")

# "Meet the Phoenix Ghost, …": a headline's imperative, not a meeting.
_MEET_THE = re.compile(r"meet\s+(?:the|a|an|our|your)\s")

# What a pause stops: aid, its deliveries, weapons, intelligence. "an agreement that was
# suspended" is no pause of arms.
_PAUSED_THING = re.compile(
    r"\b(?:aid|assistance|deliver\w*|shipments?|weapons?|arms|transfers?|supplies|support|intelligence"
    r"|munitions|ammunition|missiles|interceptors|packages?|funding|sharing|equipment)\b"
)

# "North Korea sending troops", "sent a signal": people or messages, not arms.
_NOT_ARMS_AFTER = re.compile(
    r"(?:\s+(?:the|its|their|more|additional|extra|a|an|[\d,]+|thousands|hundreds|of|[\w-]+)){0,2}"
    r"\s+(?:troops|soldiers|peacekeepers|mercenaries|diplomats|observers|volunteers|workers|condolences"
    rf"|a\s+(?:message|signal)|{_MESSAGES})\b"
)

# "8,500 U.S. troops on a heightened alert that they may be sent to Eastern Europe": people
# sent, in the passive, with no arms between them and the verb.
_PEOPLE_SENT_BEFORE = re.compile(
    r"\b(?:troops|soldiers|personnel|servicemembers|service\s+members|marines|paratroopers|peacekeepers)\b"
    r"(?P<between>[^.;]{0,60}?)\b(?:be|been|being|are|were|is|was)\s+(?:[a-z]+ly\s+)?$"
)

# Words between the people and the verb that make what is sent something else: arms, or a
# clause of its own ("troops trained … and more Bradleys were sent", "the troops said new
# rifles were being sent").
_ARMS_OR_OWN_CLAUSE = re.compile(
    r"\b(?:weapons?|arms|missiles?|equipment|ammunition|munitions|systems?|aid|shells?|rifles?|guns?|tanks?"
    r"|vehicles?|drones?|rockets?|jets?|and|or|said|says|say|told)\b"
)

# "provided Austin with an update", "supplied no details": words given, not arms.
_WORDS_GIVEN_AFTER = re.compile(
    r"(?:\s+(?!with\b)[\w.'’-]+){0,3}?(?:\s+with)?(?:\s+(?:an?|the|more|further|some|new|regular|detailed|brief|[\w-]+ly))?"
    r"\s+(?:updates?|briefings?|details|information|assurances?|overviews?|assessments?|explanations?|insights?"
    r"|clarity|feedback|context|guidance|advice|answers?|comments?|testimony|evidence|statements?)\b"
)

# "lifting the ban on long-range ATACMS missile strikes", "permission for strikes inside
# Russia", "a treaty barring the use, transfer, production and stockpiling": an act allowed or
# forbidden, not one done (a list may end with "and" or "or").
_POLICY_OBJECT_BEFORE = re.compile(
    r"\b(?:bar(?:s|red|ring)?|ban(?:s|ned|ning)?|prohibit\w*|outlaw\w*|forbid\w*|(?:restriction|limit|curb)s?\s+on"
    r"|(?:permission|authori[sz]ation|approval|green\s+light|go-ahead|requests?)\s+(?:for|to|of))"
    r"(?:\s+(?!(?:and|but|or|while|as|after|before|because|then)\b)[\w.,’'-]+){0,8}(?:\s+(?:and|or))?\s+$"
)

_POLICY_OBJECT_KINDS = frozenset({"strike", "stockpile", "production"})

# "cluster bombs, which are designed to explode and send munitions over a wide area": what a
# weapon does, not an event.
_CAPABILITY_BEFORE = re.compile(
    r"\b(?:(?:designed|built|engineered|meant|intended)\s+to|capable\s+of)\s+(?:[\w-]+\s+){0,3}?(?:and\s+)?$"
    # what a law or a decision makes possible: "makes it possible to speed up deliveries",
    # "easing requirements for sending", "allowing faster deliveries", "will be able to receive"
    r"|\b(?:(?:make|makes|made|making)\s+it\s+(?:possible|easier|faster|simpler|quicker)\s+to"
    r"|(?:requirements|rules|procedures?|process)\s+for|allow(?:s|ed|ing)?(?:\s+for)?|enabl(?:e|es|ed|ing)"
    r"|(?:be|is|are|been)\s+able\s+to)\s+(?:[\w-]+\s+){0,3}?$"
)

# "passed a bill that provides assistance to Ukraine", "a package of bills providing foreign
# aid": what a bill holds (its own event is the act's), not a delivery.
_BILL_PROVIDES_BEFORE = re.compile(
    r"\b(?:bills?|legislation|law|measure|act|amendment|resolution)\s+(?:that\s+|which\s+)?(?:would\s+|will\s+)?$"
)

# "The Pentagon chief arrived in Kyiv in a surprise visit": a person arrives, not arms.
_PERSON_ARRIVES_BEFORE = re.compile(
    r"\b(?:chief|secretary|minister|president|premier|envoy|ambassador|delegation|senators?|lawmakers|officials?"
    r"|spokes(?:man|woman|person)|general|commander|adviser|advisor|he|she)\s+(?:(?:has|have|had|also|then|just|quietly|secretly)\s+)*$"
)

# "cruise missiles capable of striking deep inside Russia": what a weapon can reach, not a
# policy on where it may be used nor a strike.
_CAN_REACH_BEFORE = re.compile(
    r"\b(?:(?:designed|built|engineered|meant|intended)\s+to|capable\s+of|ability\s+to|range\s+to)\s+(?:[\w-]+\s+){0,3}?$"
)

# "months of Congress holding up talks": talks that are not happening.
_TALKS_BLOCKED = re.compile(r"\b(?:hold(?:ing)?\s+up|held\s+up|block(?:ed|ing)|stall(?:ed|ing))\s+$")

_MODAL_BEFORE = re.compile(r"\b(?:to|would|could|might|may|will|can|should)\s+$")

_PACKAGE_WORDS = re.compile(
    r"package|drawdown|tranche|pda|usai|initiative|supplemental|appropriat|financing|fmf"
)

# What a "tranche" or "package" can be of besides arms and money: people, their training, rules.
_OF_PEOPLE_OR_RULES = re.compile(
    r"\s+of\s+(?:[\w-]+\s+){0,2}?(?:training|trainees|troops|soldiers|servicemen|pilots|recruits|students"
    r"|sanctions|reforms)\b"
)

_AID_WORDS = re.compile(r"\b(?:aid|assistance|package|drawdown|appropriat\w*|funding|support)\b")

_AID_WORDS_BESIDE = re.compile(r"\b(?:aid|assistance|drawdown|appropriat\w*|funding)\b")

_INCLUDES = re.compile(r"\b(?:includ\w*|contain\w*|compris\w*)\b")

_RUNNING_TOTAL = re.compile(r"\b(?:totals?|totall?ed|totall?ing|to date|so far|cumulative|in all)\b")

_OTHER_RECIPIENTS = re.compile(
    r"\b(?:other countries|other nations|others|allies|partners|waiting list|queue|israel|taiwan)\b"
)

_PRESS = re.compile(r"(?:press|news)\s+$")

# "meet the demand", "meet Ukraine's critical security and defense needs": the object may
# carry a few words of its own, but not a "to" ("meeting to discuss the needs" is a meeting).
_MEET_NEEDS = re.compile(
    r"\s+[“\"‘]?(?:(?!to\b)[\w'’´-]+\s+){0,6}?(?:needs?|demands?|requirements|targets|goals|standards|criteria|deadlines?|threats|challenges|expectations|obligations|commitments)\b"
)

# "asked for anonymity", "requested anonymity to discuss …", "asked that his name not be used".
# "who asked for anonymity", "did not respond to a request for comment": a source's terms
# and a reporter's question, not a request for arms
_ANONYMITY_AFTER = re.compile(
    r"\s+(?:for\s+|that\s+)?(?:anonymity|(?:his|her|their)\s+names?\s+not\s+be)\b"
    r"|\s+for\s+(?:comment|an?\s+interview|clarification|details)\b"
)

_TRAINEES = re.compile(
    r"\b(?:troops|soldiers|forces|pilots|crews|personnel|operators|units|servicemembers|recruits|brigades?|staff)\b"
)

# Weapons that arrive, the adversary's: an attack ("warned of the arrival of Russian
# missiles", "the Russian missiles arrived over Kyiv"), no delivery of aid; nor what Russia
# receives ("Russia has received Iranian drones"). Not a Russian-made weapon of Ukraine's
# ("Russian-made Mi-17 helicopters", "to receive MiG-29 Russian aircraft from Poland").
_ARRIVING = re.compile(r"arriv|landed|left\s+for|en\s+route|\bway\s+to|head(?:ed|ing)\s+(?:to|for)|bound")
_ADVERSARY_ARMS = re.compile(
    r"\b(?:russian|russia['’]s|iranian|iran['’]s|north\s+korean|enemy|hostile|incoming)(?![\w-])"
)
_ADVERSARY_RECEIVES = re.compile(
    r"\b(?:russia|moscow|the\s+kremlin|russian\s+forces)\s+(?:has\s+|had\s+|have\s+)?(?:also\s+|already\s+)?$"
)

PACKAGE_ROLES = frozenset({"package", "appropriation"})

_BACKGROUND_ROLES = frozenset({"cumulative", "claim"})


def kind_holds(
    kind: str,
    need: str | None,
    low: str,
    start: int,
    end: int,
    s_start: int,
    s_end: int,
    systems_here: bool,
    sums: Sequence[Amount],
) -> bool:
    """Does a trigger of ``kind`` at [start, end) in the sentence [s_start, s_end) make an
    event of that kind? ``need`` is the kind's requirement (data/events.toml): a word of use,
    a system, an aid sum, Ukraine as the recipient."""
    before = low[max(s_start, start - 40) : start]
    if need == "use" and not _USE.search(low, s_start, s_end):
        return False
    if kind in _POLICY_OBJECT_KINDS and _POLICY_OBJECT_BEFORE.search(low, max(s_start, start - 100), start):
        return False  # "the ban on … strikes on Russian territory": a policy's object
    if kind in ("use_policy", "strike") and _CAN_REACH_BEFORE.search(low, max(s_start, start - 60), start):
        return False
    if need == "system":
        if not (systems_here or _US_WEAPONS.search(low, s_start, s_end)):
            return False
        if _MODAL_BEFORE.search(before):
            return False  # "would like to strike", "could hit": not a strike that happened
    if need == "money_aid" and not _is_package(low, start, end, low[s_start:s_end], systems_here, sums):
        return False
    if need == "ukraine" and (
        not UKRAINE.search(low, s_start, s_end) or _OTHER_RECIPIENTS.search(low, end, min(s_end, end + 40))
    ):
        return False  # "delays for other countries" is not a pause of deliveries to Ukraine
    if kind == "delivery_pause" and (
        _NOT_A_PAUSE_AFTER.match(low, end, s_end)
        or not (systems_here or _PAUSED_THING.search(low, s_start, s_end))
    ):
        return False
    if kind == "delivery":
        if start > 0 and low[start - 1] == "-":
            return False  # "US-supplied weapons"
        if _PARTICIPLE_BY.match(low, end) and not _AUXILIARY.search(before):
            return False  # "missiles provided by the US": an adjective
        if _NOT_A_DELIVERY_BEFORE.search(before):
            return False  # "suspended the delivery", "before delivery"
        if _NOT_ARMS_AFTER.match(low, end, s_end) or _CAPABILITY_BEFORE.search(
            low, max(s_start, start - 70), start
        ):
            return False
        if low.startswith("sent", start) and _MESSAGE_BEFORE.search(before):
            return False
        if low.startswith(
            ("provid", "giv", "send", "deliver", "suppl"), start
        ) and _BILL_PROVIDES_BEFORE.search(low, max(s_start, start - 40), start):
            return False  # "a bill that provides assistance": the act's content
        if low.startswith(("arriv", "land"), start) and _PERSON_ARRIVES_BEFORE.search(
            low, max(s_start, start - 40), start
        ):
            return False  # "the Pentagon chief arrived in Kyiv": a visit
        if _ARRIVING.search(low, start, end) and _ADVERSARY_ARMS.search(low, max(s_start, start - 25), end):
            return False  # "the arrival of Russian missiles", "the Russian missiles arrived": an attack
        if low.startswith("receiv", start) and _ADVERSARY_RECEIVES.search(before):
            return False  # "Russia has received Iranian drones": Russia's supply, no aid
        people = _PEOPLE_SENT_BEFORE.search(low, max(s_start, start - 90), start)
        if people is not None and not _ARMS_OR_OWN_CLAUSE.search(people.group("between")):
            return False  # "troops … that they may be sent to Eastern Europe"
        if _NOTHING_AFTER.match(low, end):
            return False
        if low.startswith(("provid", "suppl", "giv"), start) and _WORDS_GIVEN_AFTER.match(low, end, s_end):
            return False
    if kind == "request" and _ANONYMITY_AFTER.match(low, end, s_end):
        return False  # "an official, who asked for anonymity": a source's terms, not a request for arms
    if kind == "meeting":
        if _PRESS.search(before):
            return False  # a press conference is a statement, not a meeting
        if low.startswith("meet", start) and (
            _MEET_NEEDS.match(low, end) or (start == s_start and _MEET_THE.match(low, start))
        ):
            return False  # "meet the needs"; "Meet the Phoenix Ghost, …" opening a headline
        if _TALKS_BLOCKED.search(before):
            return False  # "Congress holding up talks": no talks took place
    return kind != "training" or _TRAINEES.search(low, s_start, s_end) is not None


def _is_package(
    low: str, start: int, end: int, sentence: str, systems_here: bool, sums: Sequence[Amount]
) -> bool:
    """An aid package, not aid discussed or a running total. A sum's role decides where the
    sentence states one: a sentence whose sums are all running totals or claims ("has
    pledged about $3.7 billion since the invasion") is background."""
    if sums:
        if not any(a.role in PACKAGE_ROLES for a in sums) and any(a.role in _BACKGROUND_ROLES for a in sums):
            return False
    elif _RUNNING_TOTAL.search(sentence):
        return False  # "aid now totals … since the war began": background
    if any(a.start == start for a in sums):
        return True  # the trigger is the package's sum
    if _OF_PEOPLE_OR_RULES.match(low, end):
        return False  # "the second tranche of training", "a package of sanctions"
    trigger = low[start:end]
    # A bare "package" is aid only with aid words, money, or weapons it includes.
    if trigger in ("package", "packages"):
        return bool(
            sums
            or _AID_WORDS_BESIDE.search(sentence)
            or (_INCLUDES.search(sentence) and (systems_here or DOMAIN.search(sentence)))
        )
    return bool(_PACKAGE_WORDS.search(trigger) or (sums and _AID_WORDS.search(sentence)))
