"""A generated history for benches: one job seeker's applications, as they pile up.

Each letter is a greeting, an opening naming the employer, one or two of the
writer's own stock paragraphs (pasted, sometimes lightly edited: a word or two
swapped, a sentence dropped), two paragraphs written fresh for this employer
(one opening with a stock phrase, one wholly new: their sentences are drawn from
word lists, so no two letters share them), a closing line and a sign-off.
Everything here was written for Standout.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

PREFIXES = ["North", "Bright", "Silver", "Harbor", "Cedar", "Granite", "Blue", "Red", "Iron",
            "Maple", "Summit", "River", "Stone", "Copper", "Lumen", "Vantage", "Orchard",
            "Pioneer", "Beacon", "Atlas", "Falcon", "Meridian", "Juniper", "Quarry", "Willow",
            "Keystone", "Sterling", "Lattice", "Prairie", "Tidal", "Ember", "Halcyon"]
SUFFIXES = ["water", "field", "line", "point", "works", "gate", "stack", "loop", "bridge",
            "crest", "path", "wave", "forge", "light", "yard", "mark", "grove", "hollow",
            "ridge", "port", "vale", "wood", "shore", "dale", "ford", "haven", "moor", "rock",
            "spring", "brook", "cliff", "glen"]
KINDS = ["Analytics", "Health", "Logistics", "Labs", "Energy", "Foods", "Software", "Bank",
         "Insurance", "Robotics", "Media", "Retail"]
ROLES = ["Data Analyst", "Business Analyst", "Reporting Analyst", "Operations Analyst",
         "Product Analyst", "Analytics Engineer", "Data Engineer", "Insights Analyst"]

STOCK = [
    "In my current role I rebuilt the weekly sales report from a spreadsheet that took two "
    "days to update into a dashboard that refreshes every morning. The regional managers now "
    "open it before their Monday calls, and the finance team stopped asking me for one-off "
    "extracts. I documented every query so that a new analyst could run it without me.",
    "Last year I led the clean-up of our customer records after a merger left us with three "
    "copies of most accounts. I wrote the matching rules, tested them on a sample of two "
    "thousand records with the support team, and we removed forty thousand duplicates in a "
    "month without losing a single open order.",
    "I taught myself Python on the evening train, starting with the scripts that renamed our "
    "invoice files, and within a year I was maintaining the forecasting model the planning "
    "team relies on. Moving it off a laptop and onto a scheduled job cut the failed runs to "
    "almost none.",
    "Before analytics I spent four years in a call centre, where I learned to explain numbers "
    "to people who did not ask for them. That is still how I test a chart: if the person on "
    "the phone could not follow it, it needs another draft.",
    "When our delivery times slipped in the winter, I traced the delay to one warehouse whose "
    "scanners dropped offline at night. I showed the pattern to the site lead with a single "
    "chart, the vendor replaced the access points, and late deliveries fell by a third.",
    "I volunteer as treasurer for a community food bank, where I moved the books from paper "
    "to a shared ledger and set up a monthly report for the trustees. It is a small budget, "
    "but it taught me to keep records that someone else can audit.",
    "At university I studied geography, and my dissertation mapped bus routes against hospital "
    "shifts in the city. The council used two of the maps in its consultation, which is when "
    "I realised I wanted to work with data that changes decisions.",
    "I like problems where the data is messy and the question is vague at first. My manager "
    "once asked why returns were up, and the answer turned out to be a sizing chart that had "
    "been copied wrongly onto one product page.",
]
SWAPS = {"rebuilt": "redesigned", "report": "summary", "team": "group", "wrote": "drafted",
         "tested": "checked", "month": "few weeks", "learned": "found out", "chart": "graph",
         "small": "modest", "studied": "read", "messy": "untidy", "cut": "reduced"}

OPENINGS = [
    "I am applying for the {role} role at {company}, which I saw on your careers page this "
    "week.",
    "I would like to apply for the {role} position at {company}.",
    "Please accept my application for the {role} opening at {company}.",
]
FRESH_SUBJECTS = ["your pricing pages", "the route planner", "your annual report",
                  "the loyalty programme", "your hiring blog", "the new mobile app",
                  "your open data portal", "the supplier scorecards", "your engineering talk",
                  "the store opening schedule", "your sustainability report", "the help centre"]
FRESH_DETAILS = ["I noticed that the figures for {n} regions are published a month late",
                 "the charts stop at {year}, and I wondered what happened after",
                 "your team mentioned {n} data sources that still do not talk to each other",
                 "I counted {n} steps before a customer reaches the price",
                 "the survey had {n} thousand answers and only two questions were reported",
                 "I could not find how the {year} targets were measured"]
FRESH_CLOSES = ["I would like to help close that gap.", "That is the kind of question I enjoy.",
                "I have done similar work on a smaller scale.",
                "I would start there in my first month."]
def _listed(words: str) -> list[str]:
    return words.split()


# Words for the paragraphs written fresh for each employer: drawn at random, so that
# (as in real letters) no two of them share their sentences.
NOUNS = _listed("audit backlog budget catalogue checkout churn claims clinic contract courier "
         "dashboard depot dispatch forecast freight grant helpdesk invoice inventory kiosk "
         "ledger loyalty margin menu onboarding outage payroll pharmacy pipeline pricing "
         "procurement quota refund renewal roster route schedule shipment signup spreadsheet "
         "staffing subscription supplier survey tariff ticket timetable turnover vendor "
         "warehouse warranty workflow")
VERBS = _listed("audited automated cleaned compared consolidated cut documented doubled estimated "
         "halved mapped measured merged migrated modelled monitored priced rebuilt reconciled "
         "reduced replaced rewrote scheduled simplified sorted standardised tested tracked "
         "trimmed validated")
PLACES = _listed("Leeds Porto Lyon Tampere Graz Utrecht Malmo Cork Bergen Gdansk Aarhus Bilbao "
                 "Turin Brno Ghent Tartu")


def fresh_sentence(rng: random.Random) -> str:
    a, b, c = rng.sample(NOUNS, 3)
    return rng.choice([
        f"In {rng.choice(PLACES)} I {rng.choice(VERBS)} the {a} {b} and the {c} reports with it",
        f"The {a} team asked why the {b} numbers moved, so I {rng.choice(VERBS)} every {c}",
        f"I {rng.choice(VERBS)} the {a} and {b} data for {rng.randint(3, 90)} {c} sites",
        f"Your {a} and {b} pages made me wonder how the {c} is {rng.choice(VERBS)}",
    ]) + "."


CLOSINGS = ["Thank you for reading my application.", "I look forward to hearing from you.",
            "Thank you for your time and consideration."]


def companies(count: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    names = [f"{p}{s} {k}" for p in PREFIXES for s in SUFFIXES for k in KINDS[:2]]
    rng.shuffle(names)
    if count > len(names):
        raise ValueError(f"at most {len(names)} companies")
    return names[:count]


def edited(paragraph: str, rng: random.Random) -> str:
    """A stock paragraph as pasted: as is, or with a word or two swapped or a sentence dropped."""
    roll = rng.random()
    if roll < 0.5:
        return paragraph
    words = paragraph.split(" ")
    if roll < 0.8:
        for i, word in enumerate(words):
            if word in SWAPS and rng.random() < 0.5:
                words[i] = SWAPS[word]
        return " ".join(words)
    sentences = paragraph.split(". ")
    if len(sentences) > 2:
        sentences.pop(rng.randrange(len(sentences)))
    return ". ".join(sentences)


def letter(company: str, role: str, rng: random.Random) -> str:
    stock = rng.sample(STOCK, rng.choice((1, 2)))
    fresh = (f"I have been reading {rng.choice(FRESH_SUBJECTS)} at {company}, and "
             + rng.choice(FRESH_DETAILS).format(n=rng.randint(3, 40), year=rng.randint(2015, 2024))
             + ". " + " ".join(fresh_sentence(rng) for _ in range(2)) + " "
             + rng.choice(FRESH_CLOSES))
    own = " ".join(fresh_sentence(rng) for _ in range(3))
    parts = [f"Dear {company} team,", rng.choice(OPENINGS).format(role=role, company=company),
             *(edited(p, rng) for p in stock), fresh, own, rng.choice(CLOSINGS),
             "Best regards,\nSam Rivera"]
    return "\n\n".join(parts) + "\n"


def applications(count: int, seed: int = 7) -> list[dict]:
    """``count`` applications, one employer each, a day or two apart."""
    rng = random.Random(seed)
    day = date(2024, 1, 8)
    out = []
    for company in companies(count):
        role = rng.choice(ROLES)
        out.append({"company": company, "role": role, "sent_on": day.isoformat(),
                    "texts": [{"label": "letter", "text": letter(company, role, rng)}]})
        day += timedelta(days=rng.choice((0, 1, 1, 2)))
    return out
