"""Events an analyst can trust: status, one event per thing stated, systems within reach,
kinds in their real wording, and dates that belong to the event. Sentences of our own,
written in the style of wire and newspaper reporting."""

from __future__ import annotations

import pytest

from armstrack.models import Event
from tests.conftest import extract_text


def events_of(text: str, published: str | None = "2024-05-10") -> list[Event]:
    return extract_text(text, published=published).events


def only(text: str, kind: str, published: str | None = "2024-05-10") -> Event:
    found = [e for e in events_of(text, published) if e.kind == kind]
    assert len(found) == 1, [(e.kind, e.summary) for e in events_of(text, published)]
    return found[0]


# ------------------------------------------------------------------ status

STATUS = [
    ("delivery", "done", "The first Abrams tanks have arrived in Ukraine, officials said."),
    ("delivery", "done", "The United States is sending more Stinger missiles to Ukraine."),
    # a noun trigger and the modal after it: "the training will take place" is ahead; a
    # reported "would" is the future seen from the saying; an unreported one, a hypothesis
    ("training", "planned", "The training of Ukrainian pilots will take place at an air base in Arizona, officials said."),
    ("training", "planned", "A spokesman said the training would begin after the pilots learn English."),
    ("delivery", "considered", "Moscow warned that Tomahawk deliveries to Ukraine would mark an escalation."),
    ("delivery", "considered", "The spokesman said Tomahawk deliveries to Ukraine would mark an escalation."),
    # a cue word in scare quotes is still the cue
    ("delivery", "denied", 'The president had "resisted" sending Kyiv long-range rockets, the network said.'),
    ("delivery", "denied", "The president had “resisted” sending Kyiv long-range rockets, the network said."),
    ("delivery", "done", "The president had “quietly” sent Kyiv long-range rockets, the network said."),
    ("delivery", "planned", "The Pentagon will send additional HIMARS launchers to Ukraine next month."),
    ("delivery", "planned", "Washington has pledged to give Ukraine four more NASAMS batteries."),
    ("delivery", "planned", "The administration announced the decision to transfer Javelin missiles to Kyiv."),
    ("delivery", "planned", "The provision of the Stryker armored vehicles is expected to be confirmed next week."),
    ("delivery", "planned", "The official has authorized three new shipments of Patriot interceptors to Ukraine."),
    ("delivery", "planned", "Deliveries of America's Abrams tanks to Kyiv are scheduled for next week."),
    ("meeting", "done", "Trump had a phone call on Thursday with Putin, a day before his meeting with Ukraine's president at the White House."),
    ("meeting", "requested", "Senators called on Biden to hold a meeting with Zelensky on air defense."),
    ("delivery", "considered", "Moscow warned that Tomahawk deliveries to Ukraine would mark an escalation."),
    ("delivery", "planned", "Officials said shipments of 155mm shells to Kyiv will resume next week."),
    ("delivery", "planned", "The package is to be delivered to Ukraine under the USAI program."),
    ("delivery_pause", "done", "The Pentagon froze deliveries of Patriot interceptors to Ukraine last week."),
    ("delivery", "done", "The US sent Ukraine Abrams tanks that would later reach the front."),
    # a notice's formula: the sale it approves is "possible", no question left open
    ("sale", "planned", "The State Department has approved a possible sale of HIMARS launchers to Ukraine."),
    ("sale", "planned", "The State Department cleared the potential sale of F-16 spare parts to Ukraine."),
    ("sale", "planned", "Officials welcomed the approval of a possible sale of Javelin missiles to Ukraine."),
    ("sale", "considered", "A possible sale of F-16 parts to Ukraine is being discussed in Washington."),
    ("delivery", "done", "The Pentagon halted its review and delivered advanced weapon shipments to Ukraine."),
    ("delivery", "planned", "The president has greenlit the provision of ATACMS missiles to Ukraine, officials said."),
    ("delivery", "done", "Deliveries of America's Abrams tanks to Kyiv were completed last week."),
    ("delivery", "planned", "The first Bradley vehicles should arrive in Ukraine within weeks, an official said."),
    ("delivery", "planned", "Kyiv is expecting the delivery of the first NASAMS systems to Ukraine soon."),
    ("delivery", "done", "The long-awaited delivery of NASAMS systems reached Ukraine on Monday."),
    ("delivery", "done", "The Bradley vehicles arrived in Ukraine last week and should help the offensive."),
    ("delivery", "considered", "The White House is weighing sending ATACMS missiles to Ukraine."),
    ("delivery", "considered", "Officials are considering sending older HAWK launchers to Kyiv from storage."),
    ("delivery", "considered", "Biden had been hesitant to deliver ATACMS missiles to Ukraine for fear of escalation."),
    # An undecided question ("a stalemate over sending"); near miss: a stalemate ended by sending
    ("delivery", "considered", "The Pentagon is in a stalemate over sending Reaper drones to Ukraine."),
    ("delivery", "considered", "Lawmakers remain divided over sending more HIMARS launchers to Ukraine."),
    ("delivery", "done", "After months of stalemate, the Pentagon sent Reaper drones to Ukraine."),
    ("delivery", "done", "The HIMARS launchers were divided among three brigades and delivered to Ukraine."),
    ("delivery_pause", "considered", "The spokesman declined to say whether the Pentagon had paused deliveries to Ukraine."),
    ("delivery_pause", "denied", "The spokesman declined to pause deliveries to Ukraine, despite the review."),
    ("aid_package", "done", "The Pentagon says it will provide $300 million in military assistance for Ukraine."),
    ("aid_package", "done", "The White House announced a $425 million military aid package for Ukraine."),
    ("aid_package", "planned", "Kirby said Washington would soon announce a new aid package for Ukraine."),
    # The announcing ahead, however many words name the package; near miss: "went to … to announce"
    ("aid_package", "planned", "The administration is set to announce a massive, final weapons aid package for Ukraine."),
    ("aid_package", "planned", "The Pentagon is poised to unveil a significant final weapons assistance package for Kyiv."),
    ("aid_package", "done", "Austin went to Germany to announce a new weapons aid package for Ukraine."),
    ("aid_package", "planned", "Kyiv will get the shells as part of a new aid package that will be announced on Wednesday."),
    ("aid_package", "planned", "The $800 million military package set to be announced on Friday will include Bradleys for Ukraine."),
    ("aid_package", "considered", "The Bradleys could be part of the next tranche of military aid to Ukraine."),
    ("request", "requested", "Kyiv has repeatedly asked Washington for more Patriot batteries."),
    ("request", "requested", "Zelensky pushed the US to send more Patriot batteries."),  # near miss of a push to expel
    ("production", "requested", "The Pentagon wants Lockheed Martin to ramp up the production of Javelin missiles for Ukraine."),
    ("use_policy", "denied", "The White House refused to give Kyiv the green light to strike inside Russia with ATACMS."),
    ("use_policy", "denied", "Washington kept its restrictions on using ATACMS against targets inside Russia."),
    ("use_policy", "done", "Biden has authorized Ukraine to use HIMARS to strike targets across the border in Russia."),
    # the permission given whatever verb of firing it names; near miss: a shipment authorized is ahead
    ("use_policy", "done", "Biden has quietly authorized Kyiv to launch US rockets at military targets inside Russia."),
    ("delivery", "planned", "Biden has quietly authorized the Pentagon to send more rockets to Ukraine."),
    ("training", "planned", "The Army is bringing Ukrainian soldiers to Oklahoma to train on the Patriot system."),
    ("meeting", "planned", "Austin will meet Ukraine's defense minister in Brussels on Thursday to discuss air defense."),
    ("meeting", "done", "Austin met with Ukraine's defense minister in Brussels to discuss air defense."),
    ("stockpile", "done", "Raytheon said it will not be able to make more Stingers for years because of parts shortages."),
    # "and" with a subject of its own opens a clause the cue before it does not govern
    ("delivery", "done", "The US approved the plan and the first jets arrived in Ukraine in late July."),
    ("delivery", "planned", "Washington will buy the shells and deliver them to Ukraine next month."),
    # a pause lifted is deliveries resumed
    ("delivery", "done", "The Trump administration has reversed its suspension of military aid to Ukraine."),
    ("delivery", "planned", "The White House said it would immediately lift its suspension of military aid to Ukraine."),
    # an infinitive through a verb of starting, a purpose ahead, a promise of a noun trigger
    ("delivery", "planned", "Governor to sign arms bill to begin sending shells to Ukraine this week"),
    # a noun an infinitive governs ("US to prioritize delivery …"); near misses: a noun after
    # "to" that is a place, and an infinitive's verb before a verb trigger is no cue of its own
    ("delivery", "planned", "US to prioritize delivery of Patriot interceptors to Ukraine"),
    ("delivery", "planned", "The Pentagon is to expedite shipments of shells to Kyiv, officials said."),
    ("delivery", "done", "Most of the money went to the shipments of shells to Kyiv last year."),
    ("delivery", "planned", "She will sign the bill when it reaches her desk so we can begin sending shells to Ukraine."),
    ("delivery", "planned", "Sign it so that I can sign it into law and we can quickly send shells to Ukraine."),
    ("delivery", "done", "The bill passed, so we can say the shells were sent to Ukraine."),  # near miss: no purpose
    ("delivery", "planned", "Mayor promises shell shipments to Ukraine within days"),
    ("delivery", "done", "The promised shipments of shells reached Ukraine last week."),  # an adjective: near miss
    ("delivery", "done", "The US has continued sending shells to Ukraine."),  # near miss: no "to"
    ("delivery", "done", "So far the US has sent shells to Ukraine."),  # near miss: "so far" is no purpose
    # a need of a noun trigger is a request; the need of a relative clause is not (near miss)
    ("delivery", "requested", "Russian strikes require the delivery of more air defense systems to Ukraine."),
    ("delivery", "done", "The shells Ukraine needed were delivered on Monday."),
    ("delivery", "done", "The US provided Ukraine with more Patriot interceptors."),  # near miss of an update given
    # a condition: only considered; near miss: the condition after the trigger leaves it planned
    ("delivery", "considered", "If the United States provides new military assistance to Ukraine, its share will grow."),
    ("delivery", "planned", "The US will send Patriots to Ukraine if Congress approves."),
    # a gerund after "by" shares the mood of the verb it is the means of; near miss: done
    ("delivery", "planned", "The Pentagon plans to help Ukraine by sending more shells."),
    ("delivery", "planned", "The Dutch are ready to bolster Ukraine's air defense by sending missiles."),
    ("delivery", "done", "The Pentagon helped Ukraine by sending more shells."),
    # near misses of a person arriving and of a bill's contents: arms arriving, a law's aid sent
    ("delivery", "done", "The shells the minister requested arrived in Ukraine."),
    ("delivery", "done", "Under the new law, the Pentagon provided more shells to Ukraine."),
    # near misses of troops sent: arms sent in a clause of their own after the troops
    ("delivery", "done", "Ukrainian troops trained in Germany and more Bradleys were sent to Ukraine."),
    ("delivery", "done", "The troops said new rifles were being sent to Ukraine."),
    # the month, not the modal (near miss of "may send")
    ("aid_package", "done", "The administration on May 9 announced a new aid package for Ukraine."),
    ("delivery", "considered", "The Pentagon may send more shells to Ukraine."),
    # a noun trigger whose verb says it is only talked of
    ("delivery", "considered", "Deliveries of long-range anti-ship missiles to Ukraine are being discussed, an adviser wrote."),
    ("delivery", "considered", "The transfer of F-16 jets to Kyiv was debated in Brussels."),
    # a noun whose own words put it ahead; near miss: "next week" dates a package announced
    ("meeting", "planned", "Kyiv could hear about Strykers around the time of the next Contact Group meeting on Ukraine aid."),
    ("aid_package", "planned", "Pentagon to include Strykers in an upcoming aid package for Ukraine"),
    ("aid_package", "planned", "The next aid package for Ukraine will include more HIMARS rockets."),
    ("aid_package", "done", "Next week, the Pentagon announced a $300 million aid package for Ukraine."),
    # a package its own words put ahead, or one being readied; near misses: the contents
    # expected of a package announced, "due to" as "because of"
    ("aid_package", "planned", "New aid package for Ukraine expected to be worth around $2 billion"),
    ("aid_package", "planned", "The Pentagon is readying a new aid package for Ukraine, two officials said."),
    # a headline's "to" right after its subject is its future; near miss: "went to Kyiv to announce" it did
    ("aid_package", "planned", "US to announce new $1.1 billion military aid package for Ukraine"),
    ("aid_package", "done", "Blinken went to Kyiv to announce a $1 billion aid package for Ukraine."),
    ("aid_package", "done", "The $2 billion package announced Monday is expected to include more shells for Ukraine."),
    ("aid_package", "done", "Delays in the aid package due to the budget dispute have hurt Ukraine's troops."),
    # a sale's "will" is its future, as a delivery's is
    ("sale", "planned", "The agency said the sale will include spare parts for Ukraine's F-16 jets."),
    # the subject of talks is weighed, not done; near miss: a sale after talks was made
    ("sale", "considered", "Kyiv is preparing for discussions with Washington focused on major arms purchases for Ukraine."),
    ("sale", "considered", "Negotiations over the sale of F-16 jets to Ukraine stalled in the Senate."),
    ("sale", "done", "After talks in Washington, the United States sold Ukraine more Patriot missiles."),
    # trying to win another over is asking; near miss: "persuaded" succeeded (to send: ahead)
    ("delivery", "requested", "Kyiv is trying to convince Washington to send more Patriot batteries to Ukraine."),
    ("delivery", "planned", "Kyiv persuaded Washington to send more Patriot batteries to Ukraine."),
    # two verbs in the past in a row: the first ends a clause of the subject's
    ("delivery", "done", "The first launchers the Pentagon approved arrived in Ukraine this week."),
    ("delivery", "planned", "The Pentagon approved sending more launchers to Ukraine."),
    # a bare verb after "and" shares the first verb's auxiliary; near miss: a past first verb
    ("delivery", "planned", "NATO members will purchase U.S. weapons, including Patriot batteries, and deliver them to Ukraine."),
    ("delivery", "done", "NATO members purchased U.S. weapons, including Patriot batteries, and delivered them to Ukraine."),
    # an opposed transfer is no transfer done; near miss: "arranged"
    ("delivery", "denied", "Moscow has long opposed transferring the cruise missiles to Ukraine."),
    ("delivery", "done", "Washington has arranged transferring the cruise missiles to Ukraine."),
    # "short of" right before the act: not taken; near miss: a shortage earlier in the sentence
    ("delivery", "denied", "The new package falls short of sending Abrams tanks to Ukraine."),
    ("delivery", "denied", "Biden's move is short of sending Abrams tanks to Ukraine."),
    # a refusal named as a noun; near miss: the decision to send is planned
    ("delivery", "denied", "Critics attacked the president's refusal to send Ukraine long-range missiles."),
    ("delivery", "planned", "Critics praised the president's decision to send Ukraine long-range missiles."),
    ("delivery", "done", "Kyiv, short of shells, says the US has sent Abrams tanks to Ukraine."),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "status", "sentence"), STATUS, ids=lambda v: str(v)[:40])
def test_status_read_from_the_sentence(kind: str, status: str, sentence: str) -> None:
    assert only(sentence, kind).status == status


def test_every_status_is_tested() -> None:
    assert {s for _, s, _ in STATUS} == {"done", "planned", "considered", "requested", "denied"}


def test_a_cue_far_from_the_trigger_does_not_govern_it() -> None:
    # "agreed to" governs the ceasefire, not the negotiations.
    text = (
        "Aid to Ukraine resumed in March after Kyiv agreed to a 30-day truce during negotiations in Jeddah."
    )
    assert only(text, "meeting").status == "done"


def test_a_present_tense_after_until_or_once_is_the_future() -> None:
    # "postponed until Trump meets Putin": English puts the future in such a clause; the
    # meeting is ahead. Near misses: the past after "after", and a headline's present.
    body = "Missile sale delayed\n\n"
    postponed = "The sale of the missiles was postponed until President Biden meets with Olaf Scholz."
    assert only(body + postponed, "meeting").status == "planned"
    went_ahead = "The sale of the missiles went ahead after President Biden met with Olaf Scholz."
    assert only(body + went_ahead, "meeting").status == "done"
    assert only("President Biden meets with Olaf Scholz on missiles for Kyiv", "meeting").status == "done"


def test_a_meeting_gone_to_is_as_far_along_as_the_going() -> None:
    # "is scheduled to travel to Ramstein, Jan. 9, to attend the meeting": ahead, though the
    # cue stands far before the meeting. Near miss: "traveled … to attend" went.
    body = "Minister heads to Ramstein\n\n"
    ahead = (
        "Defense Minister Lena Varga is scheduled to travel to Ramstein Air Base in Germany, Jan. 9, "
        "to attend the 26th meeting of the Ukraine Defense Contact Group on arms for Kyiv."
    )
    assert only(body + ahead, "meeting").status == "planned"
    went = ahead.replace("is scheduled to travel", "traveled")
    assert only(body + went, "meeting").status == "done"


def test_a_meeting_a_present_clause_is_ahead_of_is_still_to_come() -> None:
    # "comes ahead of a summit", "a week before talks": the meeting has not happened when the
    # clause in the present is written. Near misses: a clause in the past ("came before the
    # summit"), and a sentence that opens with it, whose verb comes later.
    body = "Allies weigh new shells for Kyiv\n\n"
    for ahead in (
        "The new shells for Kyiv come ahead of a meeting of defense ministers in Oslo.",
        "The decision on the shells comes a week before talks between the defense ministers.",
        "Mr. Varga, who is in Berlin ahead of the meeting, asked for more shells.",
        # a name that looks like a past verb ("United") puts no clause in the past
        "The United States' new shells come ahead of a meeting of defense ministers in Oslo.",
    ):
        assert only(body + ahead, "meeting").status == "planned", ahead
    for open_ in (
        "The new shells for Kyiv came ahead of a meeting of defense ministers in Oslo.",
        "Ukraine's allies met in Berlin days before the talks in Oslo.",
        "Ahead of the talks, Mr. Varga said the shells had arrived.",
    ):
        assert only(body + open_, "meeting").status == "done", open_


def test_a_time_of_the_circumstance_dates_the_meeting_it_names() -> None:
    # "ahead of a meeting next week": the week is the meeting's, as that phrase names it.
    # 2024-07-02 is a Tuesday. (What the clause reports keeps its own date: the test above
    # of "amid fears of an offensive in spring".)
    text = "Kyiv gets a new package of shells ahead of a meeting of defense ministers in Oslo next week."
    meeting = only(text, "meeting", published="2024-07-02")
    assert meeting.date is not None
    assert (meeting.date.start.isoformat(), meeting.date.end.isoformat(), meeting.date_source) == (
        "2024-07-08",
        "2024-07-14",
        "sentence",
    )
    assert meeting.status == "planned"


def test_a_gerund_that_is_the_subject_of_a_modal_is_as_far_along_as_the_modal() -> None:
    # "implied that sending ATACMS could lead to conflict": not sent. Near misses: a gerund
    # a verb takes as its object keeps that verb's status, and "will" plans it.
    body = "Missiles for Kyiv\n\n"
    could = "The adviser implied that sending ATACMS to Ukraine could lead to direct conflict with Russia."
    assert only(body + could, "delivery").status == "considered"
    will = "Sending the Abrams tanks to Ukraine will take months, officials said."
    assert only(body + will, "delivery").status == "planned"
    began = "The United States began sending HIMARS to Ukraine in June, and more could follow."
    assert only(body + began, "delivery").status == "done"


# ------------------------------------------------------------------ one event per thing stated

NOT_EVENTS = [
    ("delivery", "Umerov provided Austin with an update on the fighting in Ukraine."),  # words given, not arms
    ("aid_package", "Since the invasion began, Washington has pledged about $3.7 billion in military aid to Kyiv."),
    ("aid_package", "The department said the US has committed about $6 billion in security assistance since February."),
    ("aid_package", "In 2023, the administration and Congress pledged nearly $45 billion in assistance to Ukraine."),
    ("aid_package", "Allies hope to provide Ukraine with $8 billion worth of weapons through the new fund."),
    ("delivery", "The Pentagon suspended the delivery of some artillery shells to Ukraine last week."),
    ("delivery", "Pentagon halts weapons shipment to Ukraine over stockpile worries"),
    ("delivery", "The secretary ordered a pause on sending a shipment of shells to Ukraine."),
    ("delivery", "Washington has temporarily halted the delivery of advanced weapon shipments destined for Ukraine."),
    ("delivery", "The deal requires Kyiv to buy the equipment from manufacturers before delivery."),
    ("delivery", "Kyiv wants permission to fire long-range missiles provided by the Biden administration into Russia."),
    ("delivery", "Secretary of State Antony Blinken arrived in Kyiv on Wednesday with a message of support for Ukraine's army."),
    ("meeting", "The bill stalled for months, with Congress holding up talks on new aid for Ukraine."),
    ("stockpile", "The package included depleted uranium rounds for Abrams tanks."),
    ("delivery", "The US pledged eight NASAMS to Ukraine, but none have been delivered so far."),
    ("sale", "That's our first project that's paid for with Ukrainian money, the executive said of the ammunition plant."),
    ("delivery_pause", "Kyiv hopes to pay for Patriot systems with a loan backed by frozen Russian assets, the minister said."),
    ("delivery_pause", "Officials fear a frozen conflict along the front in Ukraine if aid deliveries slow."),
    # a pause of the war's acts, not of deliveries
    ("delivery_pause", "The mines are meant to help Ukraine in halting Russian advances in the east."),
    ("delivery_pause", "Kyiv paused strikes on Russian refineries during the talks on Ukraine."),
    # people or messages sent, not arms
    ("delivery", "The report comes after North Korea began sending troops to fight for Moscow in Ukraine."),
    ("delivery", "The Pentagon put US troops on alert that they may be sent to Eastern Europe to defend Ukraine's neighbors."),
    # what a bill holds (the act is its own event), and a person arriving: no delivery
    ("delivery", "The Senate passed a bill that provides military assistance to Ukraine."),
    ("delivery", "The Pentagon chief arrived in Kyiv in a surprise visit to discuss support for Ukraine."),
    # a delivery still to come, none yet
    ("delivery", "Technical issues must be resolved before any delivery of the missiles to Ukraine can occur."),
    ("delivery", "By helping Ukraine build drones, the US is sending a clear message to Moscow."),
    ("delivery", "Lawmakers asked the Pentagon for drones for Ukraine in a letter sent to Secretary Austin."),
    ("meeting", "Meet the Phoenix Ghost, a secretive new drone the US fast-tracked for Ukraine"),
    ("meeting", "The drones were rushed to Ukraine to meet a specific need for loitering munitions."),
    ("meeting", "The package is part of US efforts to meet “Ukraine´s pressing requirements” for air defense."),
    # a spirit or a memory summoned, not a person (near miss in the kinds: "was summoned to the … Ministry")
    ("meeting", "Biden signed the aid law for Ukraine, summoning the spirit of the wartime Lend-Lease Act."),
    # a source's terms, not a request for arms
    ("request", "Patriots may be in the next package for Ukraine, said an official who asked for anonymity."),
    # a push to do something other than get arms: an offensive, talks
    ("request", "Ukraine readies for an expected push to expel Russian troops with US weapons."),
    ("request", "Another official, who requested anonymity, said the HIMARS for Ukraine were ready."),
    ("request", "The Pentagon kept the shipment quiet at Kyiv's request, officials told reporters in Ukraine."),
    ("request", "The embassy did not immediately respond to a Reuters request for comment on the HIMARS for Ukraine."),
    # the adjective, not an appropriation (near miss in the kinds: "Congress appropriated")
    ("aid_package", "He said the new shipments of HIMARS rockets to Ukraine were an appropriate response to the strikes."),
    ("delivery", "The White House has not disclosed the scope of the pause on aid to Ukraine, and the Pentagon provided no further details."),
    ("delivery_pause", "Kyiv agreed to a minerals deal with the US, an agreement that was suspended after the clash over Ukraine."),
    ("delivery_pause", "The Trump administration has reversed its suspension of military aid to Ukraine."),
    ("production", "A spokesman for General Atomics, the manufacturer of the Gray Eagle, confirmed the Pentagon decision on Ukraine."),
    # what a weapon does
    ("delivery", "Cluster munitions, which are designed to burst and send small munitions over a wide area, are banned by many nations."),
    # a strike, a stockpile or production forbidden or allowed, not done
    ("strike", "Biden approved the mines days after lifting the ban on long-range ATACMS missile strikes on Russian territory."),
    ("strike", "Kyiv renewed its request for ATACMS strikes on airfields deep in Russia."),
    ("stockpile", "More than 100 nations signed a treaty barring the use, transfer, production and stockpiling of such munitions in Ukraine's war."),
    # what a law or a decision makes possible: no delivery yet
    ("delivery", "The new law makes it possible to significantly speed up deliveries of weapons to Ukraine."),
    ("delivery", "Biden signed the act on Monday, easing requirements for sending weapons to Ukraine."),
    ("delivery", "The president signed the bill, allowing faster arms deliveries to Ukraine."),
    ("delivery", "Under the program the Ukrainian army will be able to receive weapons from US stocks."),
    # words delivered, not arms; a course or a photo call, not a meeting
    ("delivery", "The president pointed to the F-16s while delivering remarks at an air base in Ukraine."),
    ("delivery", "Austin delivered a speech praising the HIMARS crews of Ukraine at the academy."),
    ("meeting", "Ukrainian crews have started a six-month training session on Patriot systems in Germany."),
    # what a weapon can reach, not where it may be used
    ("use_policy", "Kyiv wants Tomahawk cruise missiles capable of striking deep inside Russia."),
    ("strike", "The ATACMS missiles have the range to hit airfields in Russia, analysts said."),
    # a notice delivered to Congress, not arms (near miss in the kinds: arms delivered)
    ("delivery", "The agency delivered the required certification notifying Congress of the sale to Ukraine."),
    ("delivery", "The Pentagon sent a notification to lawmakers about the HIMARS for Ukraine."),
    # a tranche of people or their training, a package of sanctions: no aid package
    ("aid_package", "The first tranche of training for the Ukrainian artillery crews ended, the Pentagon said of the aid."),
    ("aid_package", "A second tranche of Ukrainian pilots began F-16 training, officials said of the aid program."),
    ("aid_package", "Brussels readied a new package of sanctions as US aid to Ukraine stalled."),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "sentence"), NOT_EVENTS, ids=lambda v: str(v)[:40])
def test_not_an_event_of_this_kind(kind: str, sentence: str) -> None:
    assert kind not in {e.kind for e in events_of(sentence)}


def test_a_package_with_its_contents_is_one_aid_package() -> None:
    text = "The White House announced a $400 million military aid package for Ukraine that includes Patriot interceptors."
    packages = [e for e in events_of(text) if e.kind == "aid_package"]
    assert len(packages) == 1
    assert packages[0].systems == ["patriot"]
    assert packages[0].amount is not None and packages[0].amount.value == 400_000_000


# ------------------------------------------------------------------ kinds in their real wording

KINDS_AS_WRITTEN = [
    ("strike", "Ukraine's army is already hitting Russian airfields with long-range missiles quietly provided by the U.S., officials said."),
    ("request", "Kyiv had repeatedly asked the US to allow it to strike deeper inside Russia."),
    ("aid_package", "Congress appropriated $61 billion in military aid for Ukraine."),
    # near miss of "at its request" with no arms: at Kyiv's request for a weapon it names
    ("request", "The United States provided the HIMARS launchers to Ukraine at Kyiv's request."),
    ("sale", '"Germany is paying for them. We are not paying anything," the president said of the Patriot missiles.'),
    ("sale", "The fund lets Ukraine receive US weapons that are paid for by European governments."),
    ("aid_package", "The administration approved the first military aid packages for Ukraine under the new fund."),
    ("aid_package", "The White House said it would provide $250 million in new assistance for Ukraine."),
    ("aid_package", "Biden said before signing a long-delayed bill with $61 billion for Ukraine."),
    ("delivery", "The Pentagon will send a variety of equipment to aid in Ukrainian defense, including Switchblade drones."),
    ("delivery", "Last week, the US announced its decision to transfer cluster munitions to Ukraine."),
    ("delivery", "The provision of the Bradley Fighting Vehicles was announced in a joint statement with Germany."),
    # A pause of something else, and then a delivery: "and" ends what was paused.
    ("delivery", "Russia halted its offensive and the US sent more shells to Ukraine."),
    ("meeting", "The US ambassador was summoned to the Ukrainian Foreign Ministry on Tuesday to discuss delays in military aid."),
    ("meeting", "Aid to Ukraine resumed after negotiations in Saudi Arabia."),
    ("use_policy", "He stressed that Ukraine will not use the cluster munitions in populated areas."),
    # near misses of the rules above: a halt of deliveries, arms sent, a strike made
    ("delivery_pause", "The Pentagon is halting shipments of artillery shells to Ukraine."),
    ("delivery", "North Korea is sending artillery shells to Russia for its war in Ukraine."),
    ("strike", "Ukraine struck an airfield in Russia with ATACMS missiles on Tuesday."),
    ("stockpile", "Pentagon stockpiles of 155mm shells for Ukraine are running low."),
    ("delivery", "The Pentagon sent to Ukraine forty HIMARS launchers last year."),
    ("delivery", "The law has sped up deliveries of Javelin missiles to Ukraine, officials said."),
    # a system's long name and its acronym set off by commas
    ("delivery", "The US has also sent Vehicle-Agnostic Modular Palletized ISR Rocket Equipment, or VAMPIRE, to Kyiv."),
    ("meeting", "Austin will meet the Ukrainian defense minister on Thursday."),
    ("production", "General Atomics will manufacture more Gray Eagle drones for Ukraine."),
    # near misses of words delivered and of a training session: arms delivered, a session held
    ("delivery", "The Pentagon is delivering Patriot interceptors to Ukraine this week."),
    ("delivery", "The US delivered a battery of Patriot missiles to Ukraine."),
    ("meeting", "Defense ministers met in a closed session on Ukraine's air defense needs."),
    # near miss of a weapon's reach: a permission to use it there
    ("use_policy", "Biden allowed Ukraine to use ATACMS missiles to strike inside Russia."),
    ("request", "Zelensky asked Trump to help provide Tomahawk missiles to Ukraine."),
    # near miss of a tranche of people: a tranche of weapons
    ("aid_package", "The second tranche of weapons for Ukraine was approved by the Pentagon on Friday."),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "sentence"), KINDS_AS_WRITTEN, ids=lambda v: str(v)[:40])
def test_kind_in_its_real_wording(kind: str, sentence: str) -> None:
    assert kind in {e.kind for e in events_of(sentence)}


def test_past_use_stated_with_not_is_no_use_policy() -> None:
    # "has not used" is a negated fact, not a pledge about use.
    assert "use_policy" not in {
        e.kind for e in events_of("Ukraine has not used the cluster munitions so far.")
    }


# ------------------------------------------------------------------ systems within reach


def test_a_definite_reference_takes_the_system_named_before() -> None:
    text = (
        "The Pentagon paused shipments of Patriot interceptors last month.\n\n"
        "Officials said the missiles were needed to protect US bases, and the delivery of the missiles to Ukraine was halted."
    )
    pause = [e for e in events_of(text) if e.kind == "delivery_pause"][-1]
    assert pause.systems == ["patriot"]
    assert pause.systems_by_reference == ["patriot"]


def test_the_reference_must_fit_the_system() -> None:
    text = (
        "Ukraine received more Patriot interceptors in May.\n\n"
        "Kyiv has asked for the vehicles to be sent before the spring offensive."
    )
    assert only(text, "request").systems == []


def test_a_reference_reaches_three_sentences_at_most() -> None:
    text = (
        "The US sent Bradley Fighting Vehicles in January. Fighting raged in the east. "
        "Shelling continued in Kharkiv. Drones hit the port. "
        "Ukrainians have requested more of the vehicles."
    )
    assert only(text, "request").systems == []


def test_a_reference_two_paragraphs_back_is_in_reach() -> None:
    text = (
        "The US will send Bradley Fighting Vehicles to Ukraine.\n\n"
        "The White House said it would also send $500 million to NATO allies.\n\n"
        "Ukrainians have requested the infantry fighting vehicles for months."
    )
    request = only(text, "request")
    assert request.systems == ["bradley"] and request.systems_by_reference == ["bradley"]


# ------------------------------------------------------------------ dates that belong to the event


def test_the_time_nearest_the_trigger_dates_a_planned_event() -> None:
    text = "The Pentagon announced on Thursday that the US would begin training Ukrainian pilots on F-16 jets in October."
    event = only(text, "training", published="2023-08-25")
    assert event.date is not None and (event.date.start.isoformat(), event.date.precision) == (
        "2023-10-01",
        "month",
    )


def test_a_date_that_starts_a_span_does_not_date_the_event() -> None:
    text = (
        "The package was announced on Dec. 21.\n\n"
        "Zelensky met with Biden in Washington on his first trip abroad since the invasion began on Feb. 24."
    )
    meeting = only(text, "meeting", published="2023-01-04")
    assert meeting.date is not None and meeting.date.start.isoformat() != "2022-02-24"


def test_where_a_count_begins_does_not_date_the_numbered_thing() -> None:
    # "the sixty-fourth tranche … beginning in August 2021": the count's start, as "since"
    # would say. Near miss: with no count, a start in the future dates the delivery.
    counted = (
        "Pentagon unveils new package\n\n"
        "It is the sixty-fourth tranche of weapons from Pentagon stocks for Ukraine, beginning in August 2021."
    )
    package = only(counted, "aid_package", published="2024-08-24")
    assert package.date is not None and package.date.start.isoformat() != "2021-08-01"
    uncounted = (
        "Pilots train in Arizona\n\nThe US will deliver F-16 jets to Ukraine, beginning in March 2025."
    )
    delivery = only(uncounted, "delivery", published="2024-08-24")
    assert delivery.date is not None and delivery.date.start.isoformat() == "2025-03-01"


def test_a_visit_named_by_its_place_and_its_word_is_the_dated_fact() -> None:
    # data/facts.toml: President Biden's visit to Kyiv, 2023-02-20, named by the place ("Kyiv")
    # and the word beside it ("visit"). A report days later of the "visit" dates the visit
    # on the fact's day, not on the report's. Near miss: a meeting in Kyiv that no fact names.
    visit = only(
        "The package comes just days after President Joe Biden made a surprise visit to Kyiv.",
        "meeting",
        "2023-02-24",
    )
    assert visit.date is not None and visit.date.start.isoformat() == "2023-02-20", visit.date
    other = only(
        "The package comes just days after Austin made a surprise visit to Kyiv.", "meeting", "2023-02-24"
    )
    assert other.date is None or other.date.start.isoformat() != "2023-02-20"


def test_a_meeting_that_is_a_dated_fact_takes_its_days() -> None:
    # data/facts.toml: the G7 summit in Apulia 2024-06-13..15, the 25th Contact Group meeting
    # 2025-01-09. Reported a week later, with no day in the sentence: the fact's days, not
    # the publication day.
    summit = only(
        "Biden and Zelensky signed a security agreement on the sidelines of the G7 summit in Puglia.",
        "meeting",
        "2024-06-20",
    )
    assert summit.date is not None and (summit.date.start.isoformat(), summit.date.end.isoformat()) == (
        "2024-06-13",
        "2024-06-15",
    )
    assert summit.date_source == "sentence"
    numbered = only(
        "The 25th meeting of the Ukraine Defense Contact Group ended with new pledges.",
        "meeting",
        "2025-01-16",
    )
    assert numbered.date is not None and numbered.date.start.isoformat() == "2025-01-09"
    # The day the sentence gives, inside the fact's days, is kept: it says more.
    day = only(
        "Biden met Zelensky at the G7 summit in Italy on June 14 to discuss air defense.",
        "meeting",
        "2024-06-20",
    )
    assert day.date is not None and (day.date.start.isoformat(), day.date.end.isoformat()) == (
        "2024-06-14",
        "2024-06-14",
    )
    # Near miss: another body's first meeting, though the Contact Group is named after it.
    other = only(
        "LaPlante will chair the first meeting of the National Armaments Directors in Brussels on shells for "
        "Ukraine, with members of the Contact Group.",
        "meeting",
        "2022-09-20",
    )
    assert other.date is not None and other.date.start.isoformat() != "2022-04-26"


def test_a_package_the_ledger_knows_takes_its_announcement_day() -> None:
    # The $400 million drawdown of 10 May 2024 (data/packages.toml), reported the next day.
    event = only(
        "The US announced a $400 million military aid package for Ukraine.", "aid_package", "2024-05-11"
    )
    assert event.package is not None and event.date is not None
    assert (event.date.start.isoformat(), event.date_source) == ("2024-05-10", "ledger")


def test_a_noun_after_a_preposition_is_not_a_reference() -> None:
    text = (
        "Ukraine received more Patriot interceptors in May.\n\n"
        "Shortages were cited as a reason for halting the delivery of weapons to Ukraine this month."
    )
    assert only(text, "delivery_pause").systems == []


def test_a_day_that_owns_another_noun_dates_that_noun() -> None:
    # "last week's clash" dates the clash, not the pausing (which falls back to the
    # publication date, a Tuesday); "Friday's meeting" dates the meeting itself.
    text = "The administration is pausing military aid to Ukraine following last week's clash in the Oval Office."
    event = only(text, "delivery_pause", published="2025-03-04")
    assert event.date is not None and (event.date.start.isoformat(), event.date_source) == (
        "2025-03-04",
        "published",
    )
    meeting = only(
        "Friday's meeting in the Oval Office on aid to Ukraine ended early.", "meeting", "2025-03-04"
    )
    assert meeting.date is not None and meeting.date.start.isoformat() == "2025-02-28"


def test_a_season_naming_an_operation_does_not_date_the_event() -> None:
    # "as the launch of the spring offensive approaches": the season is the offensive's, so
    # the shipment is dated by the day the Pentagon said so (a Wednesday). Near miss: "will
    # send the tanks in the spring" is the sending's own season.
    text = (
        "The Pentagon said Wednesday it is shipping more artillery shells to Ukraine "
        "as the launch of the spring offensive approaches."
    )
    event = only(text, "delivery", published="2023-04-20")
    assert event.date is not None and event.date.start.isoformat() == "2023-04-19", event.date
    ahead = only(
        "The Pentagon said it will send the tanks to Ukraine in the spring.", "delivery", "2023-01-20"
    )
    assert ahead.date is not None and ahead.date.start.isoformat() == "2023-03-01", ahead.date


def test_a_year_of_another_noun_does_not_date_the_event() -> None:
    # "a 2008 treaty" dates the treaty: the request in the sentence before falls back to the
    # publication date, not to 2008. Near miss: a year of the event's own sentence dates it.
    text = (
        "Kyiv has been asking for cluster bombs, but Washington held off. "
        "Many nations have signed a 2008 treaty against such munitions."
    )
    request = only(text, "request", published="2023-07-06")
    assert request.date is not None and request.date.start.isoformat() == "2023-07-06", request.date
    dated = only("Kyiv asked for cluster bombs in 2022, but Washington held off.", "request", "2023-07-06")
    assert dated.date is not None and dated.date.start.isoformat() == "2022-01-01", dated.date


def test_a_day_a_whole_quotation_names_dates_only_what_it_reports() -> None:
    # "… on the 24th of February,” Kirby said, noting the US will send 121": the speaker's day
    # is not the sending's, which falls back to the publication date. Near miss: a day inside
    # the quotation with the event dates it.
    text = (
        "“Nobody has 120 on the shelf if they started building them on the 24th of February,” Kirby said, "
        "noting the US will send 121 drones to Ukraine."
    )
    sent = only(text, "delivery", published="2022-04-22")
    assert sent.date is not None and (sent.date.start.isoformat(), sent.date_source) == (
        "2022-04-22",
        "published",
    )
    quoted = only(
        "“We will deliver the Patriots to Ukraine next week,” Austin said.", "delivery", "2022-04-22"
    )
    assert quoted.date is not None and quoted.date.start.isoformat() == "2022-04-25", quoted.date


def test_a_date_of_the_circumstance_does_not_date_the_event() -> None:
    # "in spring" dates the feared offensive, not the weighing: the event falls back to the
    # publication date.
    text = "The Pentagon is weighing sending Stryker vehicles to Ukraine amid fears of a new Russian offensive in spring."
    event = only(text, "delivery", published="2023-01-09")
    assert event.date is not None and (event.date.start.isoformat(), event.date_source) == (
        "2023-01-09",
        "published",
    )


def test_a_circumstance_in_the_title_does_not_reach_the_first_sentence() -> None:
    # The title's "ahead of talks" ends with its line: the lede's "on Thursday" dates its
    # package (2023-01-05 is a Thursday). Near miss: "ahead of" in the lede's own sentence
    # makes its day the circumstance's.
    text = (
        "Pentagon unveils shells for Ukraine ahead of talks\n\n"
        "The Pentagon on Thursday unveiled a new aid package for Ukraine worth $300 million."
    )
    event = only(text, "aid_package", published="2023-01-06")
    assert event.date is not None and (event.date.start.isoformat(), event.date_source) == (
        "2023-01-05",
        "sentence",
    )
    lede = "The Pentagon is weighing sending Stryker vehicles to Ukraine ahead of talks on Thursday."
    weighed = only(lede, "delivery", published="2023-01-06")
    assert weighed.date is not None and weighed.date_source == "published"


def test_trade_in_goods_is_no_arms_sale() -> None:
    # Oil bought and gas sold are no sale of weapons; near misses: weapons bought and sold are.
    for text in (
        "The bill would impose tariffs on countries that buy Russian oil and gas.",
        "Russia's gas sales to Europe fell by half last year.",
        "Kyiv is trying to buy time before the winter offensive.",
    ):
        assert not [e for e in events_of(text) if e.kind == "sale"], text
    assert only("Ukraine will buy Patriot missiles from the United States.", "sale").status == "planned"
    assert [
        e
        for e in events_of("The State Department approved the sale of HIMARS to Ukraine.")
        if e.kind == "sale"
    ]


def test_a_day_in_a_clause_of_time_with_its_own_subject_dates_that_clause() -> None:
    # "before he hands over power … on Jan 20" dates the handover, not the decision named
    # before it: the event falls back to the publication date.
    text = (
        "The decision to allow ATACMS strikes inside Russia is a shift in the final months before he hands over "
        "power to Donald Trump on Jan 20."
    )
    event = only(text, "use_policy", published="2024-11-18")
    assert event.date is not None and (event.date.start.isoformat(), event.date_source) == (
        "2024-11-18",
        "published",
    )
    # Near misses: an event named in the clause keeps its day; a deadline without a subject
    # ("before the end of the month") is the event's own.
    inside = only(
        "Kyiv thanked Washington after the Pentagon delivered Javelin missiles on May 7.", "delivery"
    )
    assert inside.date is not None and inside.date.start.isoformat() == "2024-05-07"
    deadline = only("The Pentagon will deliver Javelin missiles to Ukraine before June 30.", "delivery")
    assert deadline.date is not None and deadline.date.start.isoformat() == "2024-06-30"


def test_an_event_after_a_clause_of_time_runs_from_its_day_to_the_writing() -> None:
    # "began after the minister on Aug. 30 visited": the talks followed Aug. 30, by the day
    # of writing; a range says so, where the day alone or the publication day would not.
    text = "The talks on ATACMS reportedly began after Defense Minister Ivan Petrenko on Aug. 30 visited Washington."
    event = only(text, "meeting", published="2024-11-18")
    assert event.date is not None
    assert (event.date.start.isoformat(), event.date.end.isoformat(), event.date_source) == (
        "2024-08-30",
        "2024-11-18",
        "sentence",
    )


def test_what_the_present_perfect_reports_since_a_day_runs_from_it_to_the_writing() -> None:
    # "has sent … since Russia invaded on Feb. 24": over the span, by the day of writing, not
    # on the month the next sentence names. Near miss: the simple past since a day happened
    # once, on a day the sentence does not give ("met … on his first trip since …").
    text = (
        "The US has sent 700 Switchblade drones to Ukraine since Russia invaded on Feb. 24. "
        "The latest package, unveiled in mid-March, includes more of them."
    )
    event = only(text, "delivery", published="2022-04-22")
    assert event.date is not None
    assert (event.date.start.isoformat(), event.date.end.isoformat()) == ("2022-02-24", "2022-04-22")
    once = only(
        "The US sent Switchblade drones to Ukraine for the first time since Russia invaded on Feb. 24. "
        "The latest package, unveiled in mid-March, includes more of them.",
        "delivery",
        published="2022-04-22",
    )
    assert once.date is None or once.date.start.isoformat() != "2022-02-24"
    # the span's start a dated fact ("since the beginning of Russia's full-scale invasion"), and
    # the statement's day ("…, the minister said on Oct. 21") yields to the span
    said = only(
        "The US has provided military aid worth $64 billion to Ukraine since the beginning of Russia's full-scale "
        "invasion, the minister said on Oct. 21.",
        "delivery",
        published="2024-10-22",
    )
    assert said.date is not None
    assert (said.date.start.isoformat(), said.date.end.isoformat()) == ("2022-02-24", "2024-10-22")
    # a running total brought up to now, its span opened ten words after "since"
    brings = only(
        "The package brings the total aid sent from the US to Ukraine to $6.9 billion since the beginning "
        "of Russia's attack on the country began in late February.",
        "delivery",
        published="2022-07-01",
    )
    assert brings.date is not None and brings.date.end.isoformat() == "2022-07-01", brings.date


def test_a_spans_end_dates_what_continues_to_it_and_nothing_else() -> None:
    # "deliveries are expected to continue through October": from the writing to October's
    # end. Near misses: a meeting that "will outline a plan through 2027" is not in 2027, and
    # the next sentence of the paragraph does not take October.
    text = (
        "The deliveries of shells to Ukraine are expected to continue through October. "
        "Washington kept restrictions on using US weapons inside Russia."
    )
    delivery = only(text, "delivery", published="2024-05-10")
    assert delivery.date is not None
    assert (delivery.date.start.isoformat(), delivery.date.end.isoformat()) == ("2024-05-10", "2024-10-31")
    policy = only(text, "use_policy", published="2024-05-10")
    assert policy.date is None or policy.date.start.month != 10, policy.date
    meeting = only(
        "The Contact Group meeting will outline a plan for Ukraine's air defense through 2027.",
        "meeting",
        published="2025-01-07",
    )
    assert meeting.date is None or meeting.date.start.year != 2027, meeting.date


def test_a_time_of_a_relative_clause_does_not_date_another_sentence_of_its_paragraph() -> None:
    # ", which ratified the treaty in 2005" dates the ratifying: the delivery of the next
    # sentence falls back to the report's day. Near miss: a time of its own clause dates it.
    text = (
        "Kyiv, which ratified the treaty in 2005, faces questions. The US had previously supplied Ukraine "
        "with Claymore mines."
    )
    event = only(text, "delivery", published="2024-11-20")
    assert event.date_source == "published"
    plain = "Kyiv ratified the treaty in 2005. The US had previously supplied Ukraine with Claymore mines."
    assert only(plain, "delivery", published="2024-11-20").date_source == "paragraph"


def test_a_time_of_its_paragraph_after_the_writing_does_not_date_what_was_done() -> None:
    # "has been sending Stinger missiles to Ukraine … a replacement will go into production in
    # 2027": the sending is no event of 2027; it falls back to the report's day. Near miss:
    # a shipment still to come takes the later year of its paragraph.
    done = only(
        "Raytheon has been sending Stinger missiles to Ukraine for months. A replacement will go into "
        "production in 2027, the Army said.",
        "delivery",
        published="2024-05-10",
    )
    assert done.date_source == "published", done.date
    ahead = only(
        "Raytheon will ship more Stinger missiles to Ukraine. The first of them will arrive in 2027, the Army said.",
        "delivery",
        published="2024-05-10",
    )
    assert ahead.date is not None and ahead.date.start.year == 2027, ahead.date
