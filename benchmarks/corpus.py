"""A reproducible news-like corpus for the benchmarks: its own vocabulary and templates, no downloaded data.

Each article is drawn from its own random generator seeded with ``"{seed}:{index}"``, so the same
seed always gives the same articles and the first N articles of a larger corpus are the corpus of
N articles. Sentences carry names, numbers, dates and places drawn from wide slots, so almost no
sentence repeats: a cache keyed by sentence text gains nothing.

    python benchmarks/corpus.py --articles 1000 --seed 1 --out /tmp/corpus.jsonl.gz
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, TextIO

DEFAULT_SEED = 20240601


@dataclass(frozen=True)
class Outlet:
    """How one fictional outlet writes: its slant shows in word choice, verbs and sourcing."""

    name: str
    abbreviation: str
    russian_spelling: float  # chance of "Kiev" rather than "Kyiv"
    loaded: float            # chance of the loaded variant of a contested term
    doubt_verbs: float       # chance of "claimed"/"insisted" rather than "said"
    anonymous: float         # weight of anonymously sourced sentences
    curly_quotes: bool
    dateline: float          # chance that an article opens with a dateline


OUTLETS = (
    Outlet("The Harbor Courier", "HC", 0.05, 0.05, 0.05, 1.0, True, 0.8),
    Outlet("Northern Star Tribune", "NST", 0.15, 0.15, 0.15, 1.5, True, 0.5),
    Outlet("Metro Wire", "MW", 0.02, 0.03, 0.03, 0.6, False, 0.95),
    Outlet("The Civic Review", "CR", 0.30, 0.35, 0.30, 2.0, True, 0.2),
    Outlet("Frontline Post", "FP", 0.60, 0.60, 0.45, 3.0, False, 0.3),
    Outlet("Eastern Dispatch", "ED", 0.85, 0.70, 0.40, 2.5, True, 0.6),
)

FIRST_NAMES = (
    "Anna Olena Maria Sofia Iryna Natalia Emma Olivia Amelia Grace Chloe Leila Fatima Aisha Priya Mei "
    "Yuki Hana Ines Lucia Carmen Rosa Ingrid Astrid Helga Marta Zofia Ewa Daria Tamar Noa Yael Sara Layla "
    "James John Robert Michael David Thomas Daniel Andrii Oleksandr Dmytro Serhii Mykola Ivan Pavlo Viktor "
    "Omar Ahmed Yusuf Karim Rahul Arjun Wei Chen Kenji Hiroshi Diego Carlos Luis Pedro Lars Henrik Jakub "
    "Piotr Tomas Avi Eitan Moshe Samir Khalid Kwame Kofi Jean Pierre Luca Marco Stefan"
).split()
LAST_NAMES = (
    "Kovalenko Shevchenko Bondarenko Tkachenko Kravchenko Melnyk Petrenko Lysenko Marchenko Hrytsenko "
    "Smith Johnson Williams Brown Miller Davis Garcia Rodriguez Martinez Hernandez Lopez Gonzalez Wilson "
    "Anderson Taylor Moore Jackson Martin Lee Thompson White Harris Clark Lewis Walker Hall Young King "
    "Wright Scott Green Baker Adams Nelson Carter Mitchell Perez Roberts Turner Phillips Campbell Parker "
    "Evans Edwards Collins Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Reed Bailey Bell "
    "Kowalski Nowak Wisniewski Novak Horvat Kaya Demir Yilmaz Haddad Khoury Mansour Cohen Levi Mizrahi "
    "Friedman Nakamura Tanaka Sato Kim Park Singh Patel Sharma Okafor Mensah Dubois Moreau Rossi Ricci "
    "Schmidt Fischer Weber Becker Hoffmann Lindqvist Johansson Berg Dahl Varga"
).split()
FEMALE = set(FIRST_NAMES[:35])

ROLES = (
    "the foreign minister", "the defense minister", "the finance minister", "the interior minister",
    "a senior economist at {company}", "the mayor of {city}", "a spokesperson for {org}",
    "the head of {org}", "an analyst at the {think_tank}", "a professor of political science at {university}",
    "a member of parliament from {city}", "the chief executive of {company}", "a deputy governor of {region}",
    "a researcher at the {think_tank}", "the regional police chief", "a retired army colonel",
    "a lawyer representing {n2} families", "the director of {hospital}", "a union leader in {city}",
    "a former adviser to the prime minister", "a city council member in {city}", "the party's campaign manager",
)
TITLES_FEMALE = ("Ms.", "Mrs.", "Dr.", "Prof.", "Sen.", "Gov.", "Rep.")
TITLES_MALE = ("Mr.", "Dr.", "Prof.", "Gen.", "Sen.", "Gov.", "Rep.", "Col.")

ORGS = (
    "the Defense Ministry", "the Finance Ministry", "the Interior Ministry", "the Health Ministry",
    "the U.S. State Department", "the U.N. Security Council", "the U.N. refugee agency", "NATO",
    "the E.U. Commission", "the World Bank", "the International Monetary Fund", "the central bank",
    "the Supreme Court", "the Senate Budget Committee", "the Red Cross", "the electoral commission",
    "the national statistics office", "the Energy Regulatory Authority", "the Coast Guard",
    "the Ministry of Agriculture", "the U.K. Treasury", "the Federal Reserve", "the regional administration",
    "the opposition bloc", "the ruling coalition", "the teachers' union", "the chamber of commerce",
)
COMPANIES = (
    "Greenfield Energy Corp.", "Atlas Shipping Inc.", "Northbridge Capital", "Solano Grain Co.",
    "Vireo Pharmaceuticals", "Halvorsen Steel", "Bluewater Logistics Ltd.", "Quantum Rail",
    "Meridian Telecom", "Arcadia Foods", "Castell Motors", "Pinecrest Insurance", "Redline Aerospace",
)
THINK_TANKS = (
    "Institute for Fiscal Studies", "Center for Strategic Review", "Baltic Policy Forum",
    "Council on Migration Research", "Atlantic Security Institute", "Global Climate Observatory",
    "Institute for Public Health", "Bureau of Labor Analysis", "Centre for Eastern Studies",
)
UNIVERSITIES = (
    "the University of Vienna", "Kyiv-Mohyla Academy", "the University of Toronto", "Columbia University",
    "the London School of Economics", "Tel Aviv University", "Jagiellonian University", "Sciences Po",
    "the University of Nairobi", "Seoul National University", "the University of Texas at El Paso",
)
HOSPITALS = ("the city hospital", "St. Mary's Hospital", "the regional trauma center", "Mercy General Hospital")
MEDIA = (
    "state media", "local media", "state television", "the Riverside Gazette", "a regional broadcaster",
    "Channel 9 News", "the Evening Chronicle", "a business daily", "the news agency Interfax",
    "Reuters", "the Associated Press", "Bloomberg",
)

#: (country, city) pairs; a tuple city is (preferred, Russian-derived) spelling.
CITIES: tuple[tuple[str, str | tuple[str, str]], ...] = (
    ("Ukraine", ("Kyiv", "Kiev")), ("Ukraine", ("Kharkiv", "Kharkov")), ("Ukraine", ("Odesa", "Odessa")),
    ("Ukraine", ("Lviv", "Lvov")), ("Ukraine", ("Mykolaiv", "Nikolaev")),
    ("Ukraine", ("Zaporizhzhia", "Zaporozhye")), ("Ukraine", ("Chernihiv", "Chernigov")),
    ("Ukraine", ("Luhansk", "Lugansk")), ("Ukraine", ("Dnipro", "Dnepropetrovsk")), ("Ukraine", "Kherson"),
    ("Poland", "Warsaw"), ("Poland", "Krakow"), ("Germany", "Berlin"), ("Germany", "Munich"),
    ("Belgium", "Brussels"), ("France", "Paris"), ("Britain", "London"), ("Britain", "Manchester"),
    ("Austria", "Vienna"), ("Switzerland", "Geneva"), ("Turkey", "Ankara"), ("Egypt", "Cairo"),
    ("Kenya", "Nairobi"), ("India", "Mumbai"), ("Indonesia", "Jakarta"), ("Canada", "Toronto"),
    ("Texas", "Houston"), ("Texas", "El Paso"), ("Arizona", "Phoenix"), ("California", "San Diego"),
    ("Israel", "Tel Aviv"), ("Israel", "Jerusalem"), ("West Bank", "Ramallah"), ("Gaza Strip", "Gaza City"),
    ("Georgia", "Tbilisi"), ("Moldova", "Chisinau"), ("Latvia", "Riga"), ("Lithuania", "Vilnius"),
    ("Russia", "Moscow"), ("Russia", "Belgorod"), ("Brazil", "Sao Paulo"), ("Mexico", "Monterrey"),
)
REGIONS = ("the Donbas", "the Kharkiv region", "Galicia", "Bavaria", "the Mid-Atlantic", "the Negev",
           "the Rio Grande Valley", "the Baltic coast", "the Black Sea region", "Silesia", "the Sahel")

#: Topic phrases per domain: (neutral wording, loaded or contested wording).
DOMAINS: dict[str, tuple[tuple[str, str], ...]] = {
    "war": (("Russia's invasion of Ukraine", "the special military operation"),
            ("Ukrainian forces", "the Kyiv regime's forces"), ("the front line in the Donbas", "the front line in Donbass"),
            ("drone attacks on power plants", "terrorist drone attacks"), ("the Russian government", "the Putin regime"),
            ("air-defense systems", "so-called defensive weapons"), ("the occupied territories", "the liberated territories")),
    "migration": (("undocumented immigrants", "illegal aliens"), ("asylum seekers", "bogus asylum seekers"),
                  ("border crossings", "the border invasion"), ("the legalization program", "the immigration amnesty"),
                  ("migrant shelters", "shelters for illegals"), ("family reunification visas", "chain migration")),
    "abortion": (("abortion-rights advocates", "pro-abortion activists"), ("anti-abortion groups", "pro-life groups"),
                 ("the six-week ban", "the heartbeat bill"), ("the fetus", "the unborn child"),
                 ("abortion providers", "abortionists"), ("pregnancy centers", "crisis pregnancy centers")),
    "climate": (("climate change", "the climate crisis"), ("the emissions rules", "the war on coal"),
                ("climate scientists", "climate alarmists"), ("critics of the policy", "climate deniers"),
                ("natural gas", "fossil gas"), ("coastal flooding", "catastrophic flooding")),
    "taxes": (("the estate tax", "the death tax"), ("the tax cuts", "the tax cuts for the rich"),
              ("social programs", "government handouts"), ("the spending bill", "the tax-and-spend bill"),
              ("the tax changes", "the stealth taxes"), ("business owners", "job creators")),
    "guns": (("semiautomatic rifles", "assault weapons"), ("gun-rights groups", "the gun lobby"),
             ("the firearm rules", "the gun safety laws"), ("untraceable firearms", "ghost guns"),
             ("permitless carry", "constitutional carry"), ("gun owners", "gun nuts")),
    "mideast": (("the West Bank", "Judea and Samaria"), ("the separation barrier", "the apartheid wall"),
                ("Israeli settlements", "Israeli colonies"), ("the Hamas-run health ministry", "the Hamas regime"),
                ("the Al-Aqsa compound", "the Temple Mount"), ("Arab citizens of Israel", "Israeli Arabs")),
    "economy": (("the budget plan", "the reckless budget plan"), ("inflation", "runaway inflation"),
                ("the central bank's decision", "the central bank's disastrous decision"),
                ("job losses", "a jobs massacre"), ("the trade deal", "the so-called trade deal"),
                ("the housing shortage", "the housing catastrophe")),
}
DOMAIN_CITIES = {
    "war": range(0, 10), "migration": range(26, 30), "abortion": range(26, 30), "climate": range(10, 26),
    "taxes": range(10, 30), "guns": range(26, 30), "mideast": range(30, 34), "economy": range(10, 42),
}

NEUTRAL_VERBS = ("said", "said", "said", "told reporters", "added", "noted", "explained", "announced",
                 "stressed", "wrote in a statement", "said in an interview", "told lawmakers", "confirmed")
SLANTED_VERBS = ("claimed", "insisted", "alleged", "argued", "admitted", "conceded", "warned",
                 "boasted", "complained", "maintained", "slammed the plan and said", "fumed")
VERB_PHRASES = (
    "had approved", "would expand", "was preparing to cut", "planned to review", "had failed to fund",
    "could delay", "has blocked", "will announce", "was expected to unveil", "quietly shelved",
    "agreed to double", "voted to suspend", "is seeking to renegotiate", "moved to freeze", "pledged to restore",
    "refused to release", "began to audit", "proposed to merge", "decided to extend", "declined to extend",
)
INFINITIVES = ("expand", "cut", "review", "fund", "delay", "block", "announce", "shelve", "double",
               "suspend", "renegotiate", "freeze", "restore", "release", "audit", "extend", "scrap")
OBJECTS = (
    "{money} in funding for {topic}", "new rules on {topic}", "a {n2}-point plan to address {topic}",
    "the proposal on {topic}", "its review of {topic}", "about {pct} of the budget for {topic}",
    "a report on {topic}", "talks with {org} on {topic}", "a pilot program on {topic} in {city}",
    "{n3} new positions tied to {topic}", "the contract with {company}", "emergency aid worth {money}",
)
TAILS = (
    "", "", "", " before {month} {day}", " after {n2} days of talks", " in {city}", " despite objections from {org}",
    " by the end of {year}", " on {weekday}", " at a meeting in {city} on {weekday}", " earlier this month",
    " for the first time since {year}", " within {n1} weeks", " under pressure from {org}",
)
HEDGES = ("may", "might", "could", "would likely", "appears to", "is expected to", "reportedly plans to",
          "is said to be preparing to", "seems ready to", "could possibly")
HEDGE_TAILS = ("although the details remain unclear", "according to people familiar with the plans",
               "though some analysts doubt it", "if the figures hold", "at least in part",
               "officials said, without giving details", "which remains unconfirmed")
BOOSTERS = ("Clearly", "Undoubtedly", "In fact", "Of course", "Without question", "Needless to say", "Indeed")
ANONYMOUS = (
    "officials familiar with the matter", "a senior official", "people familiar with the discussions",
    "a source close to the ministry", "two diplomats who asked not to be named",
    "an official who spoke on condition of anonymity", "insiders", "sources in the ruling party",
)
LOADED_ADJECTIVES = ("disastrous", "reckless", "brutal", "draconian", "shameful", "radical", "extremist",
                     "outrageous", "catastrophic", "sham", "illegitimate", "heavy-handed", "failed")
CALM_ADJECTIVES = ("new", "revised", "long-delayed", "disputed", "proposed", "two-year", "regional",
                   "updated", "temporary", "costly", "contested", "expanded")
SCARE_WORDS = ("reform", "peace plan", "security measure", "humanitarian corridor", "referendum",
               "stabilization fund", "temporary", "voluntary", "experts", "independent review")
STATES = ("on edge", "short of funds", "divided", "under curfew", "without power for hours", "in limbo",
          "bracing for more cuts", "calmer than expected", "waiting for answers")
EVENTS = ("a wave of protests", "a string of strikes", "record heat", "a budget standoff", "heavy shelling",
          "a cabinet reshuffle", "a court challenge", "rising prices", "a cyberattack on the grid", "flooding")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")


class _Article:
    """State for one article: its random source, outlet, topic, place and cast of speakers."""

    def __init__(self, rng: random.Random, outlet: Outlet):
        self.rng = rng
        self.outlet = outlet
        self.domain = rng.choice(tuple(DOMAINS))
        country, city = CITIES[rng.choice(DOMAIN_CITIES[self.domain])]
        self.country = country
        self.home = self._spell(city)
        self.cast = [self._person() for _ in range(rng.randint(3, 6))]
        self.mentioned: set[int] = set()
        open_q, close_q = ("“", "”") if outlet.curly_quotes else ('"', '"')
        self.open_q, self.close_q = open_q, close_q

    # --- slots -----------------------------------------------------------------------------

    def _spell(self, city: str | tuple[str, str]) -> str:
        if isinstance(city, tuple):
            return city[1] if self.rng.random() < self.outlet.russian_spelling else city[0]
        return city

    def _person(self) -> dict[str, str]:
        rng = self.rng
        first = rng.choice(FIRST_NAMES)
        titles = TITLES_FEMALE if first in FEMALE else TITLES_MALE
        return {"first": first, "last": rng.choice(LAST_NAMES), "title": rng.choice(titles),
                "pronoun": "she" if first in FEMALE else "he", "role": self.fill(rng.choice(ROLES))}

    def slot(self, name: str) -> str:
        rng = self.rng
        base = name[:2] if name[:1] == "n" and name[1:2].isdigit() else name.rstrip("0123456789")
        if base == "city":
            return self._spell(rng.choice(CITIES)[1]) if rng.random() < 0.6 else self.home
        if base == "topic":
            neutral, loaded = rng.choice(DOMAINS[self.domain])
            return loaded if rng.random() < self.outlet.loaded else neutral
        if base == "org":
            return rng.choice(ORGS)
        if base == "company":
            return rng.choice(COMPANIES)
        if base == "think_tank":
            return rng.choice(THINK_TANKS)
        if base == "university":
            return rng.choice(UNIVERSITIES)
        if base == "hospital":
            return rng.choice(HOSPITALS)
        if base == "region":
            return rng.choice(REGIONS)
        if base == "n1":
            return str(rng.randint(2, 9))
        if base == "n2":
            return str(rng.randint(10, 99))
        if base == "n3":
            return f"{rng.randint(100, 99_999):,}"
        if base == "money":
            unit = rng.choice(("million", "billion", "million", "thousand"))
            currency = rng.choice(("$", "$", "€", "£"))
            return f"{currency}{rng.randint(1, 999)}.{rng.randint(0, 9)} {unit}"
        if base == "pct":
            return rng.choice((f"{rng.randint(1, 60)}.{rng.randint(0, 9)} percent", f"{rng.randint(2, 95)}%"))
        if base == "year":
            return str(rng.randint(1991, 2023))
        if base == "month":
            return rng.choice(MONTHS)
        if base == "day":
            return str(rng.randint(1, 28))
        if base == "weekday":
            return rng.choice(WEEKDAYS)
        if base == "time":
            return f"{rng.randint(1, 12)}:{rng.randint(0, 59):02d} {rng.choice(('a.m.', 'p.m.'))}"
        if base == "calm":
            return rng.choice(CALM_ADJECTIVES)
        if base == "adj":
            return rng.choice(LOADED_ADJECTIVES) if rng.random() < 0.3 + self.outlet.loaded else rng.choice(CALM_ADJECTIVES)
        if base == "state":
            return rng.choice(STATES)
        if base == "event":
            return rng.choice(EVENTS)
        if base == "media":
            return rng.choice(MEDIA)
        if base == "anon":
            return rng.choice(ANONYMOUS)
        if base == "vp":
            return rng.choice(VERB_PHRASES)
        if base == "inf":
            return rng.choice(INFINITIVES)
        if base == "object":
            return self.fill(rng.choice(OBJECTS))
        if base == "tail":
            return self.fill(rng.choice(TAILS))
        if base == "clause":
            return self.clause()
        if base == "verb":
            return rng.choice(SLANTED_VERBS) if rng.random() < self.outlet.doubt_verbs else rng.choice(NEUTRAL_VERBS)
        if base == "speaker":
            return self.speaker()
        if base == "subject":
            return self.subject()
        if base == "scare":
            return rng.choice(SCARE_WORDS)
        raise KeyError(name)

    def fill(self, template: str) -> str:
        if "{" not in template:
            return template
        return template.format_map(_Slots(self))

    # --- phrases ---------------------------------------------------------------------------

    def subject(self) -> str:
        return self.fill(self.rng.choice((
            "the government", "lawmakers in {city}", "{org}", "officials in {city}", "{n1} regional governors",
            "the opposition", "{company}", "the city of {city}", "the cabinet", "{org} and {org2}",
            "prosecutors in {city}", "the {calm} administration", "a coalition of {n2} groups",
        )))

    def clause(self) -> str:
        return f"{self.subject()} {self.slot('vp')} {self.slot('object')}{self.slot('tail')}"

    def speaker(self, pronoun: bool = True) -> str:
        """A member of the cast: full name and role on first mention, then title and surname or a pronoun."""
        rng = self.rng
        index = rng.randrange(len(self.cast))
        person = self.cast[index]
        if index not in self.mentioned:
            self.mentioned.add(index)
            return f"{person['first']} {person['last']}, {person['role']},"
        roll = rng.random()
        if roll < 0.6 or (roll < 0.8 and not pronoun):
            return f"{person['title']} {person['last']}"
        if roll < 0.8:
            return person["pronoun"]
        return rng.choice(ORGS)

    def quote(self) -> str:
        body = self.fill(self.rng.choice((
            "We will not accept {object} while {clause}",
            "Nobody in {city} expected {object} to pass this quickly",
            "This is {adj}, and the people of {city} deserve better than {topic}",
            "We have asked {org} {n1} times for answers on {topic}, and we are still waiting",
            "The numbers speak for themselves: {pct} is not a rounding error",
            "I was in {city} on {weekday} and what I saw was {state}",
            "Our position on {topic} has not changed since {year}",
            "If {subject} {inf} {object}, we will go to court",
        )))
        if self.rng.random() < 0.2:  # a quotation of two sentences: its full stop does not end ours
            body += ". " + self.fill("It is {adj}, and it costs {money}")
        return body

    def sentence(self) -> str:
        rng, q, Q = self.rng, self.open_q, self.close_q
        kind = rng.choices(_KINDS, weights=(6, 3, 2, 4, 2, 3, 2, 1.5, 1, 1.2 * self.outlet.anonymous,
                                            1, 1, 0.6 + self.outlet.loaded * 3, 0.8, 0.4))[0]
        if kind == "said":
            text = f"{self.speaker()} {self.slot('verb')} {rng.choice(('that ', ''))}{self.clause()}."
        elif kind == "inverted":
            text = f"{self.clause()}, {self.speaker()} {self.slot('verb')}."
        elif kind == "according":
            source = rng.choice((self.speaker(pronoun=False).rstrip(","), self.slot("org"), self.slot("media")))
            text = f"According to {source}, {self.clause()}."
        elif kind == "quote":
            form = rng.randrange(3)
            if form == 0:
                text = f"{q}{self.quote()},{Q} {self.speaker()} {self.slot('verb')}."
            elif form == 1:
                text = f"{self.speaker()} {self.slot('verb')}: {q}{self.quote()}.{Q}"
            else:
                speaker = self.speaker(pronoun=False).rstrip(",")
                text = f"{q}{self.quote()},{Q} said {speaker}{'' if speaker.endswith('.') else '.'}"
        elif kind == "fact":
            text = self.fill("{org} {vp} {object} on {weekday}{tail}.")
        elif kind == "numbers":
            text = self.fill(rng.choice((
                "The figure rose {pct} in {month}, to {money}, the highest since {year}.",
                "About {n3} people were affected in {city}, up from {n3b} a year earlier.",
                "Spending on {topic} fell by {pct} to {money} in the {n1} months to {month} {day}.",
                "At {time} on {weekday}, {n2} trucks carrying {n3} tons of supplies had reached {city}.",
            )))
        elif kind == "background":
            text = self.fill(rng.choice((
                "{city} has been {state} since {year}, when {clause}.",
                "The dispute over {topic} dates back to {month} {year}, when {org} first raised it in {city}.",
                "{city}, a city of about {n3} people, lies {n2} miles from {city2}.",
            )))
        elif kind == "hedged":
            text = self.fill(f"{{subject}} {rng.choice(HEDGES)} {{inf}} {{object}}{{tail}}, {rng.choice(HEDGE_TAILS)}.")
        elif kind == "booster":
            text = f"{rng.choice(BOOSTERS)}, {self.clause()}."
        elif kind == "anonymous":
            text = self.fill(rng.choice((
                "{anon} said {clause}.", "{clause}, according to {anon}.",
                "{anon} told the {outlet} that {clause}.",
            )).replace("{outlet}", self.outlet.name.removeprefix("The ")))
        elif kind == "secondary":
            text = self.fill("{media} reported that {clause}.")
        elif kind == "abbrev":
            person = rng.choice(self.cast)
            other = rng.choice(self.cast)
            text = self.fill(f"{person['title']} {person['last']} arrived in {{city}} at {{time}} on {{weekday}} "
                             f"with {other['title']} {other['last']} of the U.N. mission, and left for the U.S. on {{month}} {{day}}.")
        elif kind == "loaded":
            text = self.fill(rng.choice((
                "The {adj} handling of {topic} has left {city} {state}.",
                "Critics called the {calm} plan for {topic} a power grab, and {n2} lawmakers walked out in {city} on {weekday}.",
                "It is a {adj} betrayal of voters in {city} who were promised {object}{tail}.",
                "The so-called {scare} has done little for {topic}, and {clause}.",
            )))
        elif kind == "scare":
            text = self.fill(f"{{org}} called the measure a {q}{{scare}}{Q}, but {{clause}}.")
        else:  # question
            text = self.fill("Will {subject} {inf} {object} before {month} {day}?")
        return text[0].upper() + text[1:]

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.choice((1, 2, 2, 3, 3, 4))))

    def title(self) -> str:
        neutral, loaded = self.rng.choice(DOMAINS[self.domain])
        topic = loaded if self.rng.random() < self.outlet.loaded else neutral
        headline = self.fill(self.rng.choice((
            "{city} braces for {event} as talks on {topic_h} stall",
            "{org} {vp} plan on {topic_h}",
            "What {event} means for {topic_h}",
            "{n2} days after {event}, {city} counts the cost",
        )).replace("{topic_h}", topic))
        return headline[0].upper() + headline[1:]


_KINDS = ("said", "inverted", "according", "quote", "fact", "numbers", "background", "hedged", "booster",
          "anonymous", "secondary", "abbrev", "loaded", "scare", "question")


class _Slots(dict):
    """A mapping for str.format_map that draws each named slot once, on first use."""

    def __init__(self, article: _Article):
        super().__init__()
        self.article = article

    def __missing__(self, key: str) -> str:
        value = self.article.slot(key)
        self[key] = value
        return value


def generate_article(index: int, seed: int = DEFAULT_SEED) -> dict[str, Any]:
    """Article number ``index`` of the corpus for ``seed``: id, outlet, date, title, text."""
    rng = random.Random(f"{seed}:{index}")
    outlet = rng.choice(OUTLETS)
    article = _Article(rng, outlet)
    target_words = rng.randint(300, 900)
    first = article.paragraph()
    if rng.random() < outlet.dateline:
        first = f"{article.home.upper()}, {article.country} ({outlet.abbreviation}) — {first}"
    paragraphs = [first]
    words = len(first.split())
    while words < target_words:
        paragraph = article.paragraph()
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    date = f"{rng.randint(2023, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return {"id": f"{seed}-{index:07d}", "outlet": outlet.name, "date": date,
            "title": article.title(), "text": "\n\n".join(paragraphs)}


def generate(articles: int, seed: int = DEFAULT_SEED, start: int = 0) -> Iterator[dict[str, Any]]:
    """Articles ``start`` .. ``start + articles - 1`` of the corpus for ``seed``."""
    for index in range(start, start + articles):
        yield generate_article(index, seed)


def write_corpus(path: str | Path, articles: int, seed: int = DEFAULT_SEED, start: int = 0) -> int:
    """Write a JSONL corpus (gzipped when the name ends in .gz, stdout for '-'); returns the word count."""
    path = str(path)
    if path == "-":
        return _write(sys.stdout, articles, seed, start)
    if path.endswith(".gz"):
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=3) as handle:
            return _write(handle, articles, seed, start)
    with open(path, "w", encoding="utf-8") as handle:
        return _write(handle, articles, seed, start)


def _write(handle: TextIO, articles: int, seed: int, start: int) -> int:
    words = 0
    for record in generate(articles, seed, start):
        words += len(record["text"].split())
        handle.write(json.dumps(record, ensure_ascii=False))
        handle.write("\n")
    return words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    parser.add_argument("--start", type=int, default=0, help="index of the first article (default 0)")
    parser.add_argument("--out", default="-", help="output path; .gz is gzipped; '-' (default) is stdout")
    args = parser.parse_args(argv)
    words = write_corpus(args.out, args.articles, args.seed, args.start)
    if args.out != "-":
        print(f"wrote {args.articles} articles, {words:,} words to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
