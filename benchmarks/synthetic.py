"""A deterministic generator of synthetic articles (3-5 KB) for store and ingest benchmarks.

    python benchmarks/synthetic.py 10000 > articles.jsonl

Articles recombine sentence templates with varied systems, actors, amounts, dates and
quotes; the same count and seed always give the same articles.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from collections.abc import Iterator

SYSTEMS = ["Patriot", "NASAMS", "HIMARS", "ATACMS", "Javelin", "Stinger", "Abrams tanks", "Bradley fighting vehicles",
           "155mm shells", "F-16 jets", "HAWK missiles", "Switchblade drones", "GMLRS rockets", "M777 howitzers"]  # fmt: skip
PEOPLE = [("Pentagon spokesman", "Pat Ryder"), ("Secretary of Defense", "Lloyd Austin"), ("NATO Secretary General", "Mark Rutte"),
          ("Ukrainian Defense Minister", "Rustem Umerov"), ("White House spokesman", "John Kirby"),
          ("defense analyst", "Maria Keller"), ("Army Colonel", "Dana Whitfield"), ("Senator", "Paul Hartley")]  # fmt: skip
OUTLETS = ["Example Wire", "Daily Ledger", "Defense Review", "Capital Times", "Frontline News"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip
TEMPLATES = [
    "The Pentagon announced a ${m} million military aid package for Ukraine on {date}, including {sys} and {sys2}.",
    "{title} {name} said the United States would expedite deliveries of {sys} to Ukraine in the coming weeks.",
    "Officials said {n} {sys} arrived in Ukraine last week, the first such shipment this year.",
    "“We are working every day to get {sys} to the front as fast as we can,” {name} told reporters on {weekday}.",
    "Kyiv has asked its allies for more {sys}, warning that stocks of {sys2} are running low.",
    "Lockheed Martin and Raytheon plan to increase production of {sys} at factories in Texas and Arizona.",
    "Washington kept restrictions on using {sys} for strikes inside Russian territory, {name} said.",
    "Defense ministers met in Brussels on {date} to discuss air defense and ammunition for Ukraine.",
    "European allies are buying {sys} from American manufacturers to send to Kyiv, {title_lower} {name} said.",
    "The shipments of {sys} to Ukraine were paused this month while the Pentagon reviewed its stockpiles.",
    "Ukrainian crews trained on {sys} in Germany before returning to the front in {month}.",
    "A Ukrainian unit used {sys} to strike a Russian depot, according to {outlet}.",
    "Analysts say the finite number of {sys} in US inventories limits what Washington can send.",
    "The new aid comes as Russia intensifies attacks on Ukrainian cities and energy infrastructure.",
    "Congress has approved about ${b} billion in assistance for Ukraine, officials said in a statement.",
    "“This is about giving Ukraine what it needs to defend itself,” {name} said in a statement on {weekday}.",
    "The deliveries are expected to continue through {month}, according to two officials familiar with the plans.",
]


def article(rng: random.Random, i: int) -> dict[str, str]:
    day = dt.date(2022, 3, 1) + dt.timedelta(days=rng.randrange(0, 1300))
    outlet = rng.choice(OUTLETS)
    sys_a = rng.choice(SYSTEMS)
    title = f"US moves on {sys_a} for Ukraine as allies weigh next steps ({i})"
    paragraphs = [title]
    size = len(title)
    target = rng.randrange(3000, 5000)
    while size < target:
        title_, name = rng.choice(PEOPLE)
        sentence = rng.choice(TEMPLATES).format(
            date=f"{MONTHS[day.month - 1]} {day.day}, {day.year}", sys=rng.choice(SYSTEMS), sys2=rng.choice(SYSTEMS),
            title=title_[:1].upper() + title_[1:], title_lower=title_, name=name, m=rng.choice([125, 250, 400, 800]),
            b=rng.choice([2.4, 8, 24, 61]), n=rng.choice(["two", "three", "12", "31"]), outlet=outlet,
            weekday=day.strftime("%A"), month=rng.choice(MONTHS),
        )  # fmt: skip
        follow = rng.choice(TEMPLATES[-4:]).format(
            date="", sys=sys_a, sys2=sys_a, title=title_, title_lower=title_, name=name, m=100, b=1, n="two",
            outlet=outlet, weekday=day.strftime("%A"), month=MONTHS[day.month - 1],
        )  # fmt: skip
        paragraph = f"{sentence} {follow}"
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return {
        "text": "\n\n".join(paragraphs), "title": title, "published": day.isoformat(), "source": outlet,
        "url": f"https://example.org/{day.isoformat()}/story-{i}",
    }  # fmt: skip


def articles(count: int, seed: int = 2024) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    for i in range(count):
        yield article(rng, i)


if __name__ == "__main__":
    for item in articles(int(sys.argv[1]) if len(sys.argv) > 1 else 1000):
        sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
