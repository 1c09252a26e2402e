"""Event kinds: five sentences of each kind and five near misses, in our own words."""

from __future__ import annotations

import pytest

from tests.conftest import extract_text

KINDS: dict[str, tuple[list[str], list[str]]] = {
    "aid_package": (
        [
            "The White House announced a $425 million military aid package for Ukraine on Friday.",
            "The new security assistance package includes HIMARS ammunition and Stinger missiles.",
            "Washington will provide $1.2 billion in security assistance to Kyiv under the USAI program.",
            "The Pentagon unveiled its latest presidential drawdown of Javelins and artillery rounds for Ukraine.",
            "Congress approved a supplemental that sends $60 billion in aid to Ukraine.",
            "This is the sixty-eighth tranche of equipment to be provided to Ukraine from DoD inventories.",
            "Congress passed a $95 billion foreign aid bill that includes $61 billion for Ukraine.",
            "The State Department announced $1.7 billion in Foreign Military Financing for Ukraine.",
        ],
        [
            "The new aid from Washington now totals $46 billion since the war began.",
            "Officials met to discuss additional military aid for Ukraine.",
            "The Patriot package arrived at the post office in a brown box.",
            "She sold her bakery for $2 million last spring.",
            "Weapons sales to Poland reached $12 billion this year.",
        ],
    ),
    "delivery": (
        [
            "The first Abrams tanks arrived in Ukraine last week.",
            "The US delivered two more Patriot batteries to Kyiv.",
            "Washington is expediting shipments of 155mm shells to the front.",
            "Germany sent IRIS-T launchers to Ukraine, and the US shipped NASAMS interceptors.",
            "The Pentagon will reprioritize interceptor deliveries so that Ukraine gets them first.",
            "Ukraine has received its first batch of F-16 fighter jets from partner countries.",
            "The US approved the transfer of the jets from European allies.",
            "The Pentagon has already sent Ukraine three Patriot batteries.",
            "Biden agreed to send a fourth Patriot system to Ukraine.",
            "The US will provide Ukraine with cluster munitions, the White House said.",
            # weapons said to arrive, land or leave, with no place after the verb
            "Officials said that six Bradley vehicles arrived on Friday, ahead of schedule.",
            "The howitzers—a full battalion's worth—arrived last night, an official said.",
            "According to the officials, the launchers left for Ukraine on Sunday.",
            "The HIMARS launchers are already on their way to Kyiv.",
            "The president announced the arrival of the first warplanes in Ukraine at an airbase.",
            "Ukraine has received its first US-made fighters, the air force said.",
            # a Russian-made weapon Ukraine receives is still aid
            "Ukraine is looking to receive MiG-29 Russian aircraft from Poland, a US official said.",
        ],
        [
            "Zelensky left for Washington on Sunday.",  # a person leaves
            "The arrival of the delegation in Kyiv was delayed by fog.",  # people arrive
            # the adversary's weapons arriving are an attack, and what Russia receives no aid
            "Sirens in Kyiv warned of the arrival of Russian missiles overnight, officials said.",
            "The Russian drones arrived over Kyiv at dawn, the air force said.",
            "Russia has received Iranian drones and North Korean shells, US officials said.",
            "The minister arrived on Friday for talks on air defense.",  # a person arrives
            "The shells will be ready when the howitzers arrive.",  # ahead, not a delivery now
            "Ukraine cannot expect another delivery of ATACMS this year, officials said.",
            "Troops used US-supplied weapons near the border.",
            "The mail carrier delivered letters to the farmhouse.",
            "The pizza arrived in time for the party.",
            "The Pentagon has not provided any new HIMARS launchers since March.",
            "Zelensky received a call from the president about the talks.",
            "This multiyear contract sends a strong signal to industry.",
            "Zelenskyy has appealed to countries to provide Ukraine with more air defense.",
            "Zelensky urged Western allies to speed up deliveries of F-16s.",
        ],
    ),
    "delivery_pause": (
        [
            "The Pentagon halted shipments of Patriot interceptors to Ukraine this month.",
            "Deliveries of artillery shells to Ukraine were paused while the review went on.",
            "Washington suspended some weapons transfers to Kyiv over stock concerns.",
            "The administration froze military aid to Ukraine for two weeks.",
            "Officials delayed the delivery of F-16 spare parts to Ukraine.",
        ],
        [
            "Expediting missiles to Ukraine will cause delays for other countries on the waiting list.",
            "Deliveries to allies will be delayed so that Ukraine is served first.",
            "The train to Kyiv was delayed by snow.",
            "The factory paused its coffee break schedule.",
            "Deliveries of Patriot interceptors to Ukraine continued without a halt, officials said they were not stopped.",
        ],
    ),
    "use_policy": (
        [
            "Biden allowed Ukraine to use US weapons to strike targets inside Russia near Kharkiv.",
            "Washington kept its restrictions on using ATACMS for deep strikes into Russian territory.",
            "Kyiv may now fire HIMARS rockets at cross-border launch sites, the Pentagon said.",
            "The policy has not changed: Ukraine can use American arms only against targets that attack it.",
            "London gave the green light to strike with Storm Shadow missiles.",
        ],
        [
            "Factories face production restrictions because of supply shortages.",
            "Travel restrictions kept the delegation at home.",
            "The company limits on overtime were lifted for the holidays.",
            "The restrictions on exports of grain were eased.",
            "Ukraine received HIMARS launchers last year.",
        ],
    ),
    "sale": (
        [
            "The State Department approved the sale of NASAMS to Ukraine worth $500 million.",
            "European allies are buying American Patriot missiles for Ukraine.",
            "Germany purchased HIMARS from Lockheed Martin to send to Kyiv.",
            "Foreign military sales of US weapons reached a record this year.",
            "Poland bought 500 HIMARS launchers in a deal announced Monday.",
        ],
        [
            "Shoppers bought groceries before the storm.",
            "The yard sale raised money for the school.",
            "She sold her car to a neighbor.",
            "The bakery's sales rose in December.",
            "The army will not sell its old rifles, officials said.",
        ],
    ),
    "production": (
        [
            "Raytheon will double production of Stinger missiles next year.",
            "A new factory in Texas will produce 155mm shells for Ukraine.",
            "The Army awarded a contract to expand GMLRS production lines.",
            "Northrop Grumman plans to manufacture medium-caliber ammunition inside Ukraine.",
            "Officials want to ramp up output of artillery rounds across the defense industrial base.",
            "The deal will let Lockheed ramp production from 500 missiles a year to 650.",
            "The Army awarded Lockheed a multiyear contract for 870 PAC-3 interceptors.",
            "Raytheon will build Patriot interceptors in Germany under a new contract.",
        ],
        [
            "The Pentagon cannot quickly produce more ATACMS, an official said.",
            "The long production time of the weapon limits supply.",
            "The film production crew arrived in Kyiv.",
            "The dairy plant processes milk every morning.",
            "The theater staged a new production of Hamlet.",
        ],
    ),
    "stockpile": (
        [
            "The US has a finite number of ATACMS in its stockpile.",
            "Shortages of 155mm ammunition worry NATO planners.",
            "There are delivery backlogs on most weapons, a defense official said.",
            "Norway will draw its weapons inventory below the usual threshold to help Ukraine.",
            "US stocks of Stinger missiles are running low.",
            "Ukraine is running out of interceptors for its Patriot batteries.",
            "Officials argue the US has a limited number of ATACMS and needs them for its own plans.",
        ],
        [
            "The grocery store ran a special on canned soup.",
            "Stock markets rose on Tuesday.",
            "The library added new books to its inventory of novels.",
            "He owns shares of Raytheon stock.",
            "A shortage of teachers hit the town's schools.",
        ],
    ),
    "meeting": (
        [
            "Defense ministers will meet in Brussels to discuss air defense for Ukraine.",
            "Austin met with Umerov at the Pentagon on Friday.",
            "The ministers are meeting to discuss the needs of Ukraine's air defense.",
            "The Ukraine Defense Contact Group gathered at Ramstein to coordinate weapons aid.",
            "Pentagon officials hosted arms makers for talks on missile production.",
            "NATO leaders held a summit on military support for Kyiv.",
        ],
        [
            "The Pentagon press secretary told a news conference that deliveries continue.",
            "Factories must meet the demand for shells.",
            "The Pentagon announces more security assistance to meet Ukraine's critical security and defense needs.",
            "The sale will improve Ukraine's capability to meet current and future threats.",
            "The book club met on Tuesday to discuss a novel.",
            "Friends will meet for dinner downtown.",
            "The artillery fired at the enemy.",
        ],
    ),
    "request": (
        [
            "Zelenskyy asked the US for more Patriot batteries.",
            "Kyiv has requested F-16 fighter jets from its allies.",
            "Ukraine's defense minister urged allies to send more air defense systems.",
            "Ukrainian officials are pushing to lift limits on long-range missile strikes.",
            "Ukraine appealed to NATO for additional artillery ammunition.",
        ],
        [
            "The students asked for more time on the exam.",
            "The court denied the request of the landlord.",
            "The weather urged caution on the roads.",
            "Ukraine needs air defense, an analyst wrote.",
            "Russia fired missiles at power plants.",
        ],
    ),
    "training": (
        [
            "US instructors are training Ukrainian pilots on the F-16 in Arizona.",
            "Ukrainian crews trained on Patriot systems in Germany.",
            "The new equipment will require training for Ukrainian forces.",
            "American trainers taught Ukrainian soldiers to operate HIMARS.",
            "The Army will train Ukrainian troops on Abrams tanks at Grafenwoehr.",
        ],
        [
            "The train to Lviv left late.",
            "She is training for a marathon.",
            "The dog was trained to fetch.",
            "Training data for the model was released.",
            "The company trains its new accountants in March.",
        ],
    ),
    "strike": (
        [
            "An ATACMS missile struck a Russian airfield in Crimea.",
            "Ukraine hit a bridge with HIMARS rockets overnight.",
            "A Patriot battery shot down a Kinzhal missile over Kyiv.",
            "Ukrainian forces destroyed a radar with a HARM missile.",
            "HIMARS launched at an ammunition depot near Donetsk, officials said.",
            "Ukraine used ATACMS to strike an airfield in Crimea.",
        ],
        [
            "Kyiv would like to strike targets deep in Russia with ATACMS.",
            "Russia struck a power plant in Kharkiv.",
            "The storm hit the coast on Sunday.",
            "Ukraine could hit airfields with longer-range missiles, an analyst said.",
            "The song hit the top of the charts.",
            "Ukraine wants to use ATACMS to strike targets deep inside Russia.",
        ],
    ),
    "exercise": (
        [
            "US and Australian troops held war games testing HIMARS in the Pacific.",
            "NATO began military exercises in Poland on Monday.",
            "The joint exercise included Patriot batteries from three nations.",
            "Naval drills in the Baltic involved US destroyers.",
            "Soldiers finished large-scale exercises near the Polish border.",
        ],
        [
            "Doctors recommend daily exercise.",
            "He exercised his right to remain silent.",
            "The fire drill at the school went well.",
            "The gym added new exercise bikes.",
            "Students did math exercises at home.",
        ],
    ),
}


def kinds(text: str) -> set[str]:
    return {e.kind for e in extract_text(text).events}


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [(k, s) for k, (positive, _) in KINDS.items() for s in positive],
    ids=lambda v: v[:40],
)
def test_sentence_is_kind(kind: str, sentence: str) -> None:
    assert kind in kinds(sentence)


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [(k, s) for k, (_, negative) in KINDS.items() for s in negative],
    ids=lambda v: v[:40],
)
def test_near_miss_is_not_kind(kind: str, sentence: str) -> None:
    assert kind not in kinds(sentence)


def test_every_kind_has_five_and_five() -> None:
    from armstrack.models import EVENT_KINDS

    assert set(KINDS) == set(EVENT_KINDS)
    assert all(len(p) >= 5 and len(n) >= 5 for p, n in KINDS.values())


def test_a_file_photo_caption_reports_no_event() -> None:
    # An old picture's caption shows what happened then ("… meet at the G20 summit in 2018"),
    # not what the story reports. Near miss: the same words as a line of the story are a meeting.
    story = (
        "Patriots for Kyiv\n\nThe United States will send more Patriot missiles to Ukraine, Trump said.\n\n"
    )
    caption = (
        "FILE PHOTO: U.S. President Donald Trump and Russia’s President Vladimir Putin are seen during "
        "the G20 leaders summit in Osaka, Japan June 28, 2019. REUTERS/File Photo"
    )
    line = (
        "U.S. President Donald Trump and Russia’s President Vladimir Putin met during the G20 leaders "
        "summit in Osaka, Japan on June 28, 2019."
    )
    assert "meeting" not in kinds(story + caption)
    assert "meeting" in kinds(story + line)
    # … nor is a caption of the story's own news over an old picture ("File Photo by …/UPI")
    assert "meeting" in kinds(story + line + " File Photo by Jemal Countess/UPI")
    # The AP's form opens "FILE -" (its credit, "(AP Photo/…, File)", is dropped on loading).
    assert "meeting" not in kinds(story + "FILE - " + line + " (AP Photo/Jo Ann Lee, File)")
    assert "meeting" in kinds(story + "FILES - " + line)
