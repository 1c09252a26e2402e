"""Time expressions: (sentence, expression, reference date, expected interval, precision).

The tense comes from the sentence, as in real text. Expected values are worked out by
hand from the rules in armstrack/extract/timeresolve.py, with a calendar: 2024-06-21 is
a Friday, 2025-01-01 a Wednesday, 2023-12-31 a Sunday, 2024 a leap year.
"""

from __future__ import annotations

import datetime as dt

import pytest

from armstrack.extract.dates import date_article
from armstrack.extract.trie import lowered
from armstrack.loader import load_text
from armstrack.models import TimeExpression
from armstrack.text import Sentences

D = dt.date.fromisoformat
FRI = "2024-06-21"

CASES: list[tuple[str, str, str, str, str, str]] = [
    # "the other day": recently, a day to a week before the writing
    (
        "Kirby said the other day that the money would run out.",
        "the other day",
        FRI,
        "2024-06-14",
        "2024-06-20",
        "week",
    ),
    # -- a noun's weekday: the clause after "that" is what was announced, in its own tense;
    # "on the heels of" what came first. Near misses: a verb after the time governs it, and
    # "upcoming" with the time of its own noun.
    (
        "The Pentagon's announcement on Monday that it will send more rockets drew praise.",
        "on Monday",
        FRI,
        "2024-06-17",
        "2024-06-17",
        "day",
    ),
    (
        "The Pentagon's announcement on Monday will please Kyiv.",
        "on Monday",
        FRI,
        "2024-06-24",
        "2024-06-24",
        "day",
    ),
    (
        "The visit to the upcoming summit comes on the heels of the Pentagon's announcement on Monday.",
        "on Monday",
        FRI,
        "2024-06-17",
        "2024-06-17",
        "day",
    ),
    (
        "The minister will attend the upcoming summit on Monday.",
        "on Monday",
        FRI,
        "2024-06-24",
        "2024-06-24",
        "day",
    ),
    # -- bare weekdays, past: the latest such day on or before the reference (same day counts)
    ("The Pentagon announced the package on Tuesday.", "Tuesday", FRI, "2024-06-18", "2024-06-18", "day"),
    ("The minister spoke on Friday.", "Friday", FRI, FRI, FRI, "day"),
    # "through"/"until"/"by" a month, not in the past tense: an end still ahead, even when the
    # last such month is nearer (March to September). Near miss: in the past tense, the last.
    (
        "The bill funds the government through September.",
        "through September",
        "2022-03-16",
        "2022-09-01",
        "2022-09-30",
        "month",
    ),
    (
        "The army held the town through September.",
        "through September",
        "2022-03-16",
        "2021-09-01",
        "2021-09-30",
        "month",
    ),
    # a day before a noun that is no attack or riot stays a date (near miss of the attacks' names)
    ("It follows the June 4 package of arms.", "June 4", FRI, "2024-06-04", "2024-06-04", "day"),
    ("The talks took place on Monday.", "Monday", "2025-01-02", "2024-12-30", "2024-12-30", "day"),
    (
        "Officials said on Saturday that aid was coming.",
        "Saturday",
        "2025-01-02",
        "2024-12-28",
        "2024-12-28",
        "day",
    ),
    ("Wednesday's meeting ended without a deal.", "Wednesday", FRI, "2024-06-19", "2024-06-19", "day"),
    ("In a Tuesday article, the paper reported the deal.", "Tuesday", FRI, "2024-06-18", "2024-06-18", "day"),
    ("The strike happened on Sunday.", "Sunday", "2024-07-01", "2024-06-30", "2024-06-30", "day"),
    ("The vote passed on Thursday.", "Thursday", "2024-03-01", "2024-02-29", "2024-02-29", "day"),
    ("Crews arrived on Wednesday.", "Wednesday", "2025-01-01", "2025-01-01", "2025-01-01", "day"),
    ("Crews arrived on Thursday.", "Thursday", "2025-01-01", "2024-12-26", "2024-12-26", "day"),
    # -- a day set off after a name is that thing's, whatever the verb's tense: the nearest
    (
        "The Kremlin proposed a truce to celebrate Orthodox Christmas, Jan. 7.",
        "Jan. 7",
        "2023-01-05",
        "2023-01-07",
        "2023-01-07",
        "day",
    ),
    ("The Kremlin proposed a truce on Jan. 7.", "Jan. 7", "2023-01-05", "2022-01-07", "2022-01-07", "day"),
    # -- "upcoming" is of its noun: the verb before it may own the day ("announced … on Thursday")
    (
        "Officials announced the upcoming shipments on Thursday.",
        "Thursday",
        FRI,
        "2024-06-20",
        "2024-06-20",
        "day",
    ),
    (
        "Ministers prepare for the upcoming summit on Thursday.",
        "Thursday",
        FRI,
        "2024-06-27",
        "2024-06-27",
        "day",
    ),
    # -- wire copy's weekday between the subject and its verb (no "on")
    ("Senator Ann Ortiz Tuesday announced a new bill.", "Tuesday", FRI, "2024-06-18", "2024-06-18", "day"),
    (
        "The envoy told reporters in Brussels Monday that talks stalled.",
        "Monday",
        FRI,
        "2024-06-17",
        "2024-06-17",
        "day",
    ),
    # -- bare weekdays, future: the earliest such day on or after the reference
    ("The minister will meet his counterpart on Tuesday.", "Tuesday", FRI, "2024-06-25", "2024-06-25", "day"),
    ("The ministers will meet on Friday.", "Friday", FRI, FRI, FRI, "day"),
    ("The delegation will arrive on Monday.", "Monday", "2024-12-31", "2025-01-06", "2025-01-06", "day"),
    ("The summit is set to open on Thursday.", "Thursday", "2024-02-27", "2024-02-29", "2024-02-29", "day"),
    ("Parliament will hold a vote on Saturday.", "Saturday", "2023-12-31", "2024-01-06", "2024-01-06", "day"),
    ("Leaders will travel on Thursday.", "Thursday", "2025-01-01", "2025-01-02", "2025-01-02", "day"),
    # -- last / next / this weekday
    ("Kyiv asked for more last Friday.", "last Friday", FRI, "2024-06-14", "2024-06-14", "day"),
    ("Kyiv asked for more last Friday.", "last Friday", "2024-06-22", FRI, FRI, "day"),
    ("The vote is next Tuesday.", "next Tuesday", FRI, "2024-06-25", "2024-06-25", "day"),
    ("The vote is next Friday.", "next Friday", FRI, "2024-06-28", "2024-06-28", "day"),
    ("The envoy lands this Thursday.", "this Thursday", "2024-06-17", "2024-06-20", "2024-06-20", "day"),
    # -- full dates in news styles
    ("The package was signed on June 20, 2024.", "June 20, 2024", FRI, FRI[:8] + "20", "2024-06-20", "day"),
    ("It was signed on 20 June 2024.", "20 June 2024", "2025-05-01", "2024-06-20", "2024-06-20", "day"),
    ("Talks were set for Sept. 28, 2022.", "Sept. 28, 2022", FRI, "2022-09-28", "2022-09-28", "day"),
    ("The memo is dated 2024-06-20.", "2024-06-20", "2026-01-01", "2024-06-20", "2024-06-20", "day"),
    ("It arrived on June 20th, 2024.", "June 20th, 2024", FRI, "2024-06-20", "2024-06-20", "day"),
    ("It was announced Jan. 4, 2023.", "Jan. 4, 2023", FRI, "2023-01-04", "2023-01-04", "day"),
    ("Training ran June 17-21, 2024.", "June 17-21, 2024", "2025-01-01", "2024-06-17", "2024-06-21", "day"),
    (
        "The plan was approved on February 24, 2022.",
        "February 24, 2022",
        FRI,
        "2022-02-24",
        "2022-02-24",
        "day",
    ),
    ("The deal closed December 31, 2023.", "December 31, 2023", FRI, "2023-12-31", "2023-12-31", "day"),
    # -- a weekday fixes the year of a month-day
    (
        "The Pentagon announced on Thursday, June 20, a new plan.",
        "Thursday, June 20",
        "2026-01-10",
        "2024-06-20",
        "2024-06-20",
        "day",
    ),
    ("It was signed Monday, Feb. 24.", "Monday, Feb. 24", "2025-03-01", "2025-02-24", "2025-02-24", "day"),
    ("They met Friday, 24 February.", "Friday, 24 February", "2023-03-10", "2023-02-24", "2023-02-24", "day"),
    (
        "Ministers met on Wednesday, March 12.",
        "Wednesday, March 12",
        "2026-06-01",
        "2025-03-12",
        "2025-03-12",
        "day",
    ),
    # Asian wire copy puts the date in parentheses: the weekday still picks the year
    (
        "Ministers met on Wednesday (March 12).",
        "Wednesday (March 12)",
        "2026-06-01",
        "2025-03-12",
        "2025-03-12",
        "day",
    ),
    # A decade is no year: "the early 1990s" is not 1990 (near miss: "in 1991" is a year).
    ("The systems were in service in the early 1990s.", "1990s", FRI, "1990-01-01", "1999-12-31", "decade"),
    ("The systems first fired in 1991.", "in 1991", FRI, "1991-01-01", "1991-12-31", "year"),
    # -- month-day without a year: tense decides
    # A passive after "will", "could" or "to" is as its auxiliary says: "will be delivered" is
    # ahead (the participle is no past tense). Near miss: "were delivered" is past.
    ("The tanks will be delivered on March 3.", "March 3", FRI, "2025-03-03", "2025-03-03", "day"),
    ("The tanks were delivered on March 3.", "March 3", FRI, "2024-03-03", "2024-03-03", "day"),
    # A relative clause's own present verb sets a scheduled time: "who leaves office on Jan. 20"
    # is ahead. Near miss: "who took office on Jan. 20" is behind.
    (
        "The aid comes from Biden, who leaves office on Jan. 20.",
        "Jan. 20",
        FRI,
        "2025-01-20",
        "2025-01-20",
        "day",
    ),
    (
        "The aid comes from Biden, who took office on Jan. 20.",
        "Jan. 20",
        FRI,
        "2024-01-20",
        "2024-01-20",
        "day",
    ),
    # A clause of time in the present speaks of what is scheduled: "before the new president
    # takes office on Jan. 20" is ahead. Near miss: "before … took office" is behind.
    (
        "The aid was sent before the new president takes office on Jan. 20.",
        "Jan. 20",
        FRI,
        "2025-01-20",
        "2025-01-20",
        "day",
    ),
    (
        "The aid was sent before the new president took office on Jan. 20.",
        "Jan. 20",
        FRI,
        "2024-01-20",
        "2024-01-20",
        "day",
    ),
    # A task given ("directed the Pentagon to spend it by Aug. 1") is ahead of the directing, not
    # of the writing: no tense, the nearest Aug. 1. Near miss: the directing's own day is past.
    (
        "He directed the Pentagon to spend the money by Aug. 1.",
        "Aug. 1",
        FRI,
        "2024-08-01",
        "2024-08-01",
        "day",
    ),
    (
        "He directed the Pentagon on Aug. 1 to spend the money.",
        "Aug. 1",
        FRI,
        "2023-08-01",
        "2023-08-01",
        "day",
    ),
    ("The meeting was held on Sept. 28.", "Sept. 28", "2022-10-05", "2022-09-28", "2022-09-28", "day"),
    ("The ministers will meet Sept. 28.", "Sept. 28", "2022-09-15", "2022-09-28", "2022-09-28", "day"),
    ("Talks were held on Dec. 20.", "Dec. 20", "2025-01-05", "2024-12-20", "2024-12-20", "day"),
    ("Leaders will meet on Jan. 9.", "Jan. 9", "2024-12-20", "2025-01-09", "2025-01-09", "day"),
    ("The shipment landed on June 20th.", "June 20th", "2024-06-25", "2024-06-20", "2024-06-20", "day"),
    ("The order was placed Jan. 4.", "Jan. 4", FRI, "2024-01-04", "2024-01-04", "day"),
    ("Drills ran June 17-21.", "June 17-21", "2024-06-25", "2024-06-17", "2024-06-21", "day"),
    ("The system failed on Feb. 29.", "Feb. 29", "2024-03-05", "2024-02-29", "2024-02-29", "day"),
    (
        "A meeting on September 28 about production",
        "September 28",
        "2022-09-21",
        "2022-09-28",
        "2022-09-28",
        "day",
    ),
    ("The talks resumed on 7 March.", "7 March", "2024-03-10", "2024-03-07", "2024-03-07", "day"),
    ("The talks will resume on 3 January.", "3 January", "2024-12-10", "2025-01-03", "2025-01-03", "day"),
    # -- months without a year
    (
        "In July, the minister described the queues.",
        "In July",
        "2022-09-20",
        "2022-07-01",
        "2022-07-31",
        "month",
    ),
    (
        "Russia invaded back in February.",
        "back in February",
        "2022-04-10",
        "2022-02-01",
        "2022-02-28",
        "month",
    ),
    (
        "A rocket struck a beach in early June.",
        "early June",
        "2024-08-31",
        "2024-06-01",
        "2024-06-30",
        "month",
    ),
    ("Shipments stalled in late April.", "late April", FRI, "2024-04-01", "2024-04-30", "month"),
    (
        "The talks will resume later in March.",
        "later in March",
        "2024-02-10",
        "2024-03-01",
        "2024-03-31",
        "month",
    ),
    (
        "The package was approved in December.",
        "in December",
        "2025-01-10",
        "2024-12-01",
        "2024-12-31",
        "month",
    ),
    ("The crews trained in November.", "in November", "2024-03-01", "2023-11-01", "2023-11-30", "month"),
    ("The plant will deliver in March.", "in March", "2024-11-20", "2025-03-01", "2025-03-31", "month"),
    ("The aid arrived in May.", "in May", FRI, "2024-05-01", "2024-05-31", "month"),
    ("Deliveries have been slow since January.", "since January", FRI, "2024-01-01", "2024-01-31", "month"),
    ("The first batch landed in June.", "in June", FRI, "2024-06-01", "2024-06-30", "month"),
    ("The deliveries will start in June.", "in June", FRI, "2024-06-01", "2024-06-30", "month"),
    ("Fighting intensified in mid-June.", "mid-June", "2024-07-10", "2024-06-01", "2024-06-30", "month"),
    ("The US will send more next March.", "next March", "2024-06-21", "2025-03-01", "2025-03-31", "month"),
    # -- months and years with a year
    ("The program began in January 2021.", "January 2021", FRI, "2021-01-01", "2021-01-31", "month"),
    ("It has grown since February 2022.", "February 2022", FRI, "2022-02-01", "2022-02-28", "month"),
    # "of" and a comma between month and year: the year is the month's, not a bare "since August"
    ("Aid has flowed since August of 2021.", "August of 2021", FRI, "2021-08-01", "2021-08-31", "month"),
    ("The talks began in March, 2023 and stalled.", "March, 2023", FRI, "2023-03-01", "2023-03-31", "month"),
    ("In March, 2,000 shells arrived in Kyiv.", "In March", FRI, "2024-03-01", "2024-03-31", "month"),
    ("Sales doubled in 2023.", "in 2023", FRI, "2023-01-01", "2023-12-31", "year"),
    ("The line will open by 2026.", "by 2026", FRI, "2026-01-01", "2026-12-31", "year"),
    ("Production rose in early 2024.", "early 2024", "2025-01-01", "2024-01-01", "2024-12-31", "year"),
    ("The jets arrived in June 2024.", "June 2024", "2025-01-01", "2024-06-01", "2024-06-30", "month"),
    ("The contract runs through 2027.", "through 2027", FRI, "2027-01-01", "2027-12-31", "year"),
    # -- seasons (meteorological)
    ("Deliveries should finish this summer.", "this summer", FRI, "2024-06-01", "2024-08-31", "season"),
    ("Stocks ran low last winter.", "last winter", FRI, "2023-12-01", "2024-02-29", "season"),
    ("The plant opens next spring.", "next spring", FRI, "2025-03-01", "2025-05-31", "season"),
    ("Deliveries resumed in the spring.", "in the spring", FRI, "2024-03-01", "2024-05-31", "season"),
    ("Production doubled in spring 2023.", "spring 2023", FRI, "2023-03-01", "2023-05-31", "season"),
    (
        "A counteroffensive is planned for winter 2024.",
        "winter 2024",
        FRI,
        "2024-12-01",
        "2025-02-28",
        "season",
    ),
    ("The jets will arrive this fall.", "this fall", FRI, "2024-09-01", "2024-11-30", "season"),
    # "winter 2023" gone by: its early months when the later winter has not begun, else either
    ("The US sent tanks in winter 2023.", "winter 2023", "2023-06-02", "2023-01-01", "2023-02-28", "month"),
    ("The US sent tanks in winter 2023.", "winter 2023", FRI, "2023-01-01", "2024-02-29", "year"),
    # -- halves and quarters
    (
        "Output rose in the first half of 2024.",
        "the first half of 2024",
        "2025-01-01",
        "2024-01-01",
        "2024-06-30",
        "half",
    ),
    (
        "Orders fell in the second half of 2023.",
        "the second half of 2023",
        FRI,
        "2023-07-01",
        "2023-12-31",
        "half",
    ),
    (
        "Revenue grew in the third quarter of 2024.",
        "the third quarter of 2024",
        "2025-01-01",
        "2024-07-01",
        "2024-09-30",
        "quarter",
    ),
    ("Deliveries start in Q1 2025.", "Q1 2025", FRI, "2025-01-01", "2025-03-31", "quarter"),
    ("Deliveries start in H2 2024.", "H2 2024", FRI, "2024-07-01", "2024-12-31", "half"),
    (
        "Deliveries start in the first half of next year.",
        "the first half of next year",
        FRI,
        "2025-01-01",
        "2025-06-30",
        "half",
    ),
    # -- today, yesterday, tomorrow (inside a quote: relative to the saying's date)
    ("The minister arrived today.", "today", FRI, FRI, FRI, "day"),
    ("The talks ended yesterday.", "yesterday", "2025-01-01", "2024-12-31", "2024-12-31", "day"),
    ("The talks resume tomorrow.", "tomorrow", "2024-12-31", "2025-01-01", "2025-01-01", "day"),
    (
        "“We will decide today,” the minister said on Tuesday.",
        "today",
        FRI,
        "2024-06-18",
        "2024-06-18",
        "day",
    ),
    ("“Yesterday was hard,” he said on Monday.", "Yesterday", FRI, "2024-06-16", "2024-06-16", "day"),
    # … the saying's day before the quote too; but not a day that is another's: a span's start
    # or an anniversary's day ("a year ago this Friday") leaves today the report's.
    (
        "On Tuesday, the minister said: “We will decide today.”",
        "today",
        FRI,
        "2024-06-18",
        "2024-06-18",
        "day",
    ),
    (
        "“I am in Kyiv today,” the White House said, the first visit since the war began on Feb. 24, a year "
        "ago this Friday.",
        "today",
        FRI,
        FRI,
        FRI,
        "day",
    ),
    # -- relative weeks, months, years
    ("The Pentagon will brief allies this week.", "this week", FRI, "2024-06-17", "2024-06-23", "week"),
    ("The shipment left last week.", "last week", FRI, "2024-06-10", "2024-06-16", "week"),
    ("The talks resume next week.", "next week", "2024-12-30", "2025-01-06", "2025-01-12", "week"),
    ("Earlier this week, the minister spoke.", "Earlier this week", FRI, "2024-06-17", FRI, "week"),
    (
        "Officials expect a decision late next week.",
        "late next week",
        FRI,
        "2024-06-24",
        "2024-06-30",
        "week",
    ),
    (
        "The president approved it last month.",
        "last month",
        "2024-01-15",
        "2023-12-01",
        "2023-12-31",
        "month",
    ),
    ("Deliveries stopped this month.", "this month", "2025-07-15", "2025-07-01", "2025-07-31", "month"),
    ("Shipments resume next month.", "next month", "2024-12-05", "2025-01-01", "2025-01-31", "month"),
    ("Prices rose earlier this month.", "earlier this month", FRI, "2024-06-01", FRI, "month"),
    ("Sales hit a record this year.", "this year", "2025-07-15", "2025-01-01", "2025-12-31", "year"),
    # -- a season after "by" is the next one; after "since", the last one
    (
        "Kyiv expects a dozen more launchers by spring.",
        "by spring",
        "2024-01-10",
        "2024-03-01",
        "2024-05-31",
        "season",
    ),
    (
        "Deliveries have slowed since winter.",
        "since winter",
        "2024-05-10",
        "2023-12-01",
        "2024-02-29",
        "season",
    ),
    # -- a present passive is not the past: "are planned for" looks ahead
    ("Talks are planned for mid-June.", "mid-June", "2024-05-15", "2024-06-01", "2024-06-30", "month"),
    ("The contract is expected in July.", "in July", "2024-05-15", "2024-07-01", "2024-07-31", "month"),
    # -- "over the weekend": the last one in the past tense (2024-05-15 is a Wednesday)
    (
        "Over the weekend, Russia struck Kharkiv.",
        "Over the weekend",
        "2024-05-15",
        "2024-05-11",
        "2024-05-12",
        "week",
    ),
    (
        "Talks will take place over the weekend.",
        "over the weekend",
        "2024-05-15",
        "2024-05-18",
        "2024-05-19",
        "week",
    ),
    # -- the part of the current unit: the date is the unit (the text keeps the part)
    (
        "Deliveries end by the end of the year.",
        "the end of the year",
        "2025-07-15",
        "2025-01-01",
        "2025-12-31",
        "year",
    ),
    (
        "More interceptors arrive by year's end.",
        "year's end",
        "2025-07-15",
        "2025-01-01",
        "2025-12-31",
        "year",
    ),
    (
        "Talks resume at the start of the month.",
        "the start of the month",
        "2025-07-15",
        "2025-07-01",
        "2025-07-31",
        "month",
    ),
    ("Sales hit a record last year.", "last year", "2025-01-02", "2024-01-01", "2024-12-31", "year"),
    ("Sales should grow next year.", "next year", "2024-12-31", "2025-01-01", "2025-12-31", "year"),
    (
        "Purchases grew over the past year.",
        "over the past year",
        "2025-07-15",
        "2024-07-15",
        "2025-07-15",
        "year",
    ),
    ("More aid will come in the coming weeks.", "in the coming weeks", FRI, FRI, "2024-07-19", "week"),
    ("Attacks grew in recent weeks.", "in recent weeks", FRI, "2024-05-24", FRI, "week"),
    ("Attacks grew over the past two weeks.", "the past two weeks", FRI, "2024-06-07", FRI, "week"),
    ("Russia expects an offensive in the coming days.", "in the coming days", FRI, FRI, "2024-06-28", "week"),
    ("The deal was signed two weeks ago.", "two weeks ago", FRI, "2024-06-03", "2024-06-09", "week"),
    (
        "The deal was signed three days ago.",
        "three days ago",
        "2024-03-02",
        "2024-02-28",
        "2024-02-28",
        "day",
    ),
    ("The deal was signed a year ago.", "a year ago", FRI, "2023-01-01", "2023-12-31", "year"),
    (
        "The deal was signed six months ago.",
        "six months ago",
        "2024-03-15",
        "2023-09-01",
        "2023-09-30",
        "month",
    ),
    ("Drones struck last weekend.", "last weekend", "2024-06-24", "2024-06-22", "2024-06-23", "week"),
    ("Drills are planned this weekend.", "this weekend", "2024-06-19", "2024-06-22", "2024-06-23", "week"),
    # -- named anchors that carry a year
    (
        "Northrop Grumman revealed at Eurosatory 2024 its plans.",
        "Eurosatory 2024",
        "2024-06-21",
        "2024-06-17",
        "2024-06-21",
        "day",
    ),
    # -- a month or a day with "last year", "this year", "next year" is of that year, not the nearest
    (
        "The US sent Javelins in February last year.",
        "in February last year",
        "2023-09-01",
        "2022-02-01",
        "2022-02-28",
        "month",
    ),
    (
        "The US sent Javelins on March 3 of last year.",
        "March 3 of last year",
        "2023-09-01",
        "2022-03-03",
        "2022-03-03",
        "day",
    ),
    (
        "Patriots will arrive in October next year.",
        "in October next year",
        "2023-09-01",
        "2024-10-01",
        "2024-10-31",
        "month",
    ),
    (
        "Kyiv got ATACMS in October this year.",
        "in October this year",
        "2024-11-05",
        "2024-10-01",
        "2024-10-31",
        "month",
    ),
    # the first or last day of a month is that day (2024 a leap year); the last week of one is
    # within it. Near miss: "over the last day" alone is the day before the writing.
    (
        "Kyiv got the first jets on the last day of July.",
        "the last day of July",
        "2024-08-04",
        "2024-07-31",
        "2024-07-31",
        "day",
    ),
    (
        "The fund ran out on the last day of February 2024.",
        "the last day of February 2024",
        FRI,
        "2024-02-29",
        "2024-02-29",
        "day",
    ),
    (
        "Deliveries will begin on the first day of March.",
        "the first day of March",
        "2025-01-15",
        "2025-03-01",
        "2025-03-01",
        "day",
    ),
    (
        "Crews trained in the last week of July.",
        "the last week of July",
        "2024-08-20",
        "2024-07-01",
        "2024-07-31",
        "month",
    ),
    (
        "Russia launched 80 drones over the last day, officials said.",
        "over the last day",
        FRI,
        "2024-06-20",
        FRI,
        "day",
    ),
    # A day after "before", "until" or "ahead of" and a noun is the noun's, after the main
    # verb's time: not past for that verb's tense (nearest, 2025-01-20). Near miss: the
    # verb's own day is past.
    (
        "The administration has scrambled to send aid to Ukraine before Trump's return on January 20.",
        "January 20",
        "2025-01-10",
        "2025-01-20",
        "2025-01-20",
        "day",
    ),
    (
        "Allies rushed shells to Kyiv ahead of the vote on March 3.",
        "March 3",
        "2025-02-20",
        "2025-03-03",
        "2025-03-03",
        "day",
    ),
    (
        "The administration sent aid to Ukraine on January 20.",
        "January 20",
        "2025-01-10",
        "2024-01-20",
        "2024-01-20",
        "day",
    ),
    # A negation between the auxiliary and the participle is passed over as an adverb is: "if
    # the authority is not renewed by Sept. 30" is present (the "would" before it rules),
    # "was not renewed" past.
    (
        "Ukraine would lose billions if the authority is not renewed by Sept. 30.",
        "Sept. 30",
        FRI,
        "2024-09-30",
        "2024-09-30",
        "day",
    ),
    ("The authority was not renewed by Sept. 30.", "Sept. 30", FRI, "2023-09-30", "2023-09-30", "day"),
    # A participle that opens a name is no past verb: "the United States plans to" is ahead,
    # "the armed forces will" too. Near misses: "announced" after the name is past, and
    # "united" as the verb ("the allies united behind") is past.
    (
        "On September 26, the United States plans to announce a new package.",
        "September 26",
        FRI,
        "2024-09-26",
        "2024-09-26",
        "day",
    ),
    (
        "On September 26, the United States announced a new package.",
        "September 26",
        FRI,
        "2023-09-26",
        "2023-09-26",
        "day",
    ),
    (
        "In May, the armed forces will receive the first jets.",
        "May",
        FRI,
        "2025-05-01",
        "2025-05-31",
        "month",
    ),
    ("On May 5, the allies united behind the plan.", "May 5", FRI, "2024-05-05", "2024-05-05", "day"),
    # a passive with an adverb after its auxiliary is the auxiliary's tense ("to be … announced")
    (
        "The package is set to be officially announced on Jan. 9, officials reported on Jan. 8.",
        "Jan. 9",
        "2025-01-08",
        "2025-01-09",
        "2025-01-09",
        "day",
    ),
    (
        "The package was officially announced on Jan. 9, officials said.",
        "Jan. 9",
        "2025-01-08",
        "2024-01-09",
        "2024-01-09",
        "day",
    ),
    # the year before "fiscal year" names a fiscal year, October to September
    (
        "The error was $2.6 billion in the 2022 fiscal year.",
        "2022 fiscal year",
        FRI,
        "2021-10-01",
        "2022-09-30",
        "year",
    ),
    ("The Navy tested it at RIMPAC 2024.", "RIMPAC 2024", "2024-09-01", "2024-01-01", "2024-12-31", "year"),
    (
        "Troops drilled during Defender Europe 2021.",
        "Defender Europe 2021",
        FRI,
        "2021-01-01",
        "2021-12-31",
        "year",
    ),
]

NON_DATES = [
    "Plants make 155mm shells for Kyiv.",
    "Crews fire the launchers every other day.",  # not "the other day"
    "Sales reached $80.5 billion in preliminary agreements.",
    "About 22 percent of that was tied to NATO members.",
    "More than 40 members of the group attended.",
    "Pilots trained on the F-16 for months.",
    "The M142 launcher fired again.",
    "The 47th Brigade held the line.",
    "Crews loaded PAC-3 interceptors.",
    # a model's name, a capital inside its word (near miss: "RIMPAC 2024" above is an event)
    "The crews trained on PzH 2000 self-propelled howitzers.",
    "The US may send more missiles.",
    "Troops march toward the border.",
    "Kyiv wants 2,000 drones and 1,500 shells.",
    "A 1,500-strong unit moved east.",
    "They fired 2024 rounds at the line.",  # a count, not a year
    "Guests met at Mar-a-Lago for talks.",
    "Article 5 of the treaty applies.",
    "Gunners fired 12.7mm rounds.",
    "A fall in prices helped buyers.",
    "His summer home is in Maine.",
    "Sergeant Friday led the patrol.",
    "Officer Monday read the statement.",
    "Negotiators recalled the Good Friday agreement.",
    "Shoppers lined up for Black Friday deals.",
    "The story of Man Friday is old.",
    "They met Joe Friday.",
    "Reporters waited in the June heat.",
    "At the end of the day, the choice is Kyiv's.",
    # a day that names an attack or a riot, of a year the sentence does not give
    "Allies stood by Washington after the September 11 attacks.",
    "Talks stalled after the Oct. 7 massacre.",
]
# Near misses of a month with its year words: "last year" of another clause stays apart.
APART = [
    ("Kyiv got shells in May, last year it got none.", "in May"),
    ("The talks in March last week failed.", "in March"),
]


def expressions(text: str, ref: str) -> list[TimeExpression]:
    article = load_text(text)
    sentences = Sentences.split(article.text, article.paragraphs)
    _, found, _ = date_article(article.text, lowered(article.text), sentences, url=None, given=D(ref))
    return found


@pytest.mark.parametrize(("sentence", "expression", "ref", "start", "end", "precision"), CASES)
def test_resolution(sentence: str, expression: str, ref: str, start: str, end: str, precision: str) -> None:
    found = expressions(sentence, ref)
    hits = [t for t in found if expression.lower() in t.text.lower() or t.text.lower() in expression.lower()]
    assert hits, f"{expression!r} not found in {[t.text for t in found]}"
    resolved = hits[0].resolved
    assert resolved is not None
    assert (resolved.start.isoformat(), resolved.end.isoformat(), resolved.precision) == (
        start,
        end,
        precision,
    )


def test_there_are_at_least_100_cases() -> None:
    assert len(CASES) >= 100


@pytest.mark.parametrize("sentence", NON_DATES)
def test_non_dates_are_not_tagged(sentence: str) -> None:
    assert [t.text for t in expressions(sentence, FRI)] == []


@pytest.mark.parametrize(("sentence", "expression"), APART)
def test_year_words_of_another_clause_stay_apart(sentence: str, expression: str) -> None:
    assert expression in [t.text for t in expressions(sentence, FRI)]


def test_offsets_point_at_the_expression() -> None:
    text = "On Tuesday, June 18, the Pentagon said it would send more, and last month it sent HAWKs."
    for t in expressions(text, FRI):
        assert text[t.start : t.end] == t.text


def test_given_date_means_nothing_is_inferred() -> None:
    assert not any(t.inferred for t in expressions("They met last week.", FRI))
