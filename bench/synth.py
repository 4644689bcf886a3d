"""Synthetic briefs, stores, brief files and articles, repeatable from a seed.

Sizes follow the issue: a 600-word body, a 3-sentence summary, 8 actors, 4 tariffs, and a
few notes on one brief in ten. Everything is written through the real code path
(`Store.import_briefs`, `Store.add_notes`), so the files on disk are what the app reads.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import time
from dataclasses import dataclass
from pathlib import Path

import orjson

from briefs.model import MEASURES, STATUSES, Actor, Brief, Tariff

BODY_WORDS = 600
SUMMARY_SENTENCES = 3
ACTORS = 8
TARIFFS = 4
NOTE_EVERY = 10  # one brief in ten has notes
BATCH = 5_000  # briefs generated and imported at a time

COUNTRIES = (
    ("Canada", "Canadian", "Ottawa"),
    ("China", "Chinese", "Beijing"),
    ("United States", "U.S.", "Washington"),
    ("Mexico", "Mexican", "Mexico City"),
    ("Japan", "Japanese", "Tokyo"),
    ("India", "Indian", "New Delhi"),
    ("Brazil", "Brazilian", "Brasilia"),
    ("South Korea", "South Korean", "Seoul"),
    ("Germany", "German", "Berlin"),
    ("France", "French", "Paris"),
    ("Australia", "Australian", "Canberra"),
    ("Vietnam", "Vietnamese", "Hanoi"),
)
PRODUCTS = (
    "canola",
    "steel",
    "aluminum",
    "electric vehicles",
    "pork",
    "seafood",
    "wine",
    "lumber",
    "soybeans",
    "semiconductors",
    "solar panels",
    "dairy",
    "beef",
    "copper",
    "fertilizer",
    "auto parts",
)
ROLES = (
    "Prime Minister",
    "President",
    "Trade Minister",
    "Commerce Secretary",
    "Finance Minister",
    "Foreign Minister",
    "Agriculture Minister",
    "Trade Representative",
    "spokesperson",
    "chief economist",
)
ORGS = (
    "World Trade Organization",
    "European Commission",
    "Canola Council",
    "Steel Producers Association",
    "Chamber of Commerce",
    "Ministry of Commerce",
)
FIRST = (
    "Mark",
    "Li",
    "Anita",
    "Maria",
    "Kenji",
    "Priya",
    "Lucas",
    "Min-jun",
    "Olaf",
    "Claire",
    "Jamal",
    "Elena",
    "Tomas",
    "Ngoc",
    "Sarah",
    "David",
)
LAST = (
    "Carney",
    "Qiang",
    "Anand",
    "Santos",
    "Tanaka",
    "Sharma",
    "Oliveira",
    "Kim",
    "Berger",
    "Dubois",
    "Haddad",
    "Petrova",
    "Novak",
    "Tran",
    "Mitchell",
    "Levin",
)
_VOCAB_TEXT = (
    "tariff tariffs duty duties trade talks negotiators exports imports market access quota "
    "retaliation surplus deficit supply chain investment manufacturers farmers growers "
    "producers consumers prices inflation economy economic growth slowdown agreement deal "
    "truce dispute ruling appeal panel subsidy subsidies dumping investigation probe measure "
    "policy government officials ministry statement week month year billion million percent "
    "shipments ports customs border exporters importers industry sector jobs workers plant "
    "factory output demand forecast analysts bank rates currency relations visit summit "
    "leaders meeting bilateral partners allies pressure concern risk uncertainty outlook "
    "domestic foreign national global regional local senior official said told reporters "
    "announced warned expected added noted according earlier later since after before while"
)
VOCAB = tuple(_VOCAB_TEXT.split())
SOURCES = ("The Associated Press", "Reuters", "The Canadian Press", "Bloomberg")
TAGS = ("trade", "tariffs", "agriculture", "autos", "metals", "diplomacy", "wto")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _words(rng: random.Random, k: int) -> str:
    return " ".join(rng.choices(VOCAB, k=k))


def _sentence(rng: random.Random, k: int | None = None) -> str:
    text = _words(rng, k or rng.randint(12, 24))
    return text[0].upper() + text[1:] + "."


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _date(rng: random.Random) -> dt.date:
    return dt.date(2018, 1, 1) + dt.timedelta(days=rng.randrange(8 * 365))


def _tariff(rng: random.Random, year: int) -> Tariff:
    by, on = rng.sample(COUNTRIES, 2)
    products = tuple(rng.sample(PRODUCTS, rng.randint(1, 3)))
    rate = rng.choice(("25%", "10%", "100%", "17.0%-35.3%", "75.8%", "50%", None))
    return Tariff(
        imposed_by=by[0],
        imposed_on=on[0] if rng.random() > 0.1 else None,
        products=products,
        rate=rate,
        measure=rng.choice(MEASURES),
        status=rng.choice(STATUSES),
        year=year,
        evidence=f"{by[0]} imposed a {rate or 'new'} duty on {on[1]} {products[0]} in {year}.",
    )


def _actor(rng: random.Random, k: int) -> Actor:
    country = rng.choice(COUNTRIES)
    if k % 4 == 3:
        return Actor(rng.choice(ORGS), "organization", None, country[0])
    if k % 4 == 2:
        return Actor(country[0], "country", None, None)
    return Actor(_person(rng), "person", rng.choice(ROLES), country[0])


def make_brief(rng: random.Random, k: int) -> Brief:
    day = _date(rng)
    tariffs = tuple(_tariff(rng, day.year) for _ in range(TARIFFS))
    actors = tuple(_actor(rng, j) for j in range(ACTORS))
    place = rng.choice(COUNTRIES)
    title = (
        f"{tariffs[0].imposed_by} {rng.choice(('raises', 'threatens', 'drops', 'weighs'))} "
        f"duties on {tariffs[0].products[0]} as {_words(rng, 5)}"
    )
    # Paragraphs of 3-5 sentences until the body holds about BODY_WORDS words.
    paragraphs: list[str] = []
    words = 0
    while words < BODY_WORDS:
        sentences = [_sentence(rng) for _ in range(rng.randint(3, 5))]
        words += sum(s.count(" ") + 1 for s in sentences)
        paragraphs.append(" ".join(sentences))
    return Brief(
        id=f"{day.isoformat()}-synthetic-{k:06d}",
        title=title,
        date=day.isoformat(),
        summary=" ".join(_sentence(rng, rng.randint(18, 28)) for _ in range(SUMMARY_SENTENCES)),
        source=rng.choice(SOURCES),
        authors=(_person(rng),),
        dateline=f"{place[2].upper()}, {place[0]}",
        url=f"https://example.com/news/{day:%Y/%m/%d}/synthetic-{k:06d}",
        actors=actors,
        tariffs=tariffs,
        tags=tuple(rng.sample(TAGS, 2)),
        body="\n\n".join(paragraphs),
    )


def make_briefs(n: int, seed: int) -> list[Brief]:
    rng = random.Random(seed)
    return [make_brief(rng, k) for k in range(n)]


def note_plan(ids: list[str], seed: int, notes: int | None = None) -> list[tuple[str, str]]:
    """(brief id, note text) on one brief in ten, one to three notes each; `notes` of them
    when given (the briefs taken round again, or fewer of them, to make that many)."""
    rng = random.Random(seed + 1)
    chosen = ids[::NOTE_EVERY] or ids
    plan: list[tuple[str, str]] = []
    for k in itertools.count():
        if not chosen or (notes is None and k == len(chosen)) or len(plan) == notes:
            break
        brief_id = chosen[k % len(chosen)]
        for _ in range(rng.randint(1, 3)):
            if len(plan) == notes:
                break
            plan.append((brief_id, " ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))))
    return plan


@dataclass(frozen=True)
class StoreInfo:
    briefs: int
    notes: int
    import_s: float
    notes_s: float
    briefs_bytes: int
    reader_bytes: int


def build_store(root: Path, n: int, seed: int, notes: int | None = None) -> StoreInfo:
    """Write `n` briefs (batch imports of BATCH briefs, so 100,000 never sit in memory at
    once) and their notes (one batch) to `root`."""
    from store import Store  # the store is what we measure; keep `bench.synth` light

    rng = random.Random(seed)
    store = Store(root, seed=False)
    ids: list[str] = []
    started = time.perf_counter()
    for first in range(0, n, BATCH):
        batch = [make_brief(rng, k) for k in range(first, min(n, first + BATCH))]
        store.import_briefs(batch)
        ids += [brief.id for brief in batch]
    imported = time.perf_counter()
    plan = note_plan(ids, seed, notes)
    store.add_notes(plan)  # one batch, as importing an export writes them
    noted = time.perf_counter()
    store.close()
    return StoreInfo(
        briefs=n,
        notes=len(plan),
        import_s=imported - started,
        notes_s=noted - imported,
        briefs_bytes=store.briefs_path.stat().st_size,
        # Notes and states live in reader/NN.json since the split; reader.json holds views.
        reader_bytes=sum(
            p.stat().st_size for p in [store.reader_path, *root.glob("reader/*.json")]
        ),
    )


def bring_current(root: Path) -> bool:
    """Migrate a store generated by older code to the current format once, through the
    store's own migration (`Store.migrate`), so that no timed write pays for it: the first
    import into a store of format 3 rewrites the whole `briefs.json` (27 MiB at 100,000
    briefs), which is no part of what an import costs. Whether anything was written."""
    from store import Store

    store = Store(root, seed=False)
    try:
        return store.migrate()
    finally:
        store.close()


def write_brief_files(folder: Path, n: int, seed: int) -> None:
    """`n` brief files, one brief each, ids not in the benchmark store."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed + 2)
    for k in range(n):
        brief = make_brief(rng, k)
        data = brief.to_dict()
        data["id"] = f"file-{k:06d}"
        (folder / f"{k:06d}.json").write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2))


def article_text(rng: random.Random, k: int) -> str:
    """A ~600-word news article in the shape of the seeds (`../shared/seeds/`)."""
    day = _date(rng)
    by, on = rng.sample(COUNTRIES, 2)
    product = rng.choice(PRODUCTS)
    people = [(_person(rng), rng.choice(ROLES), rng.choice((by, on))) for _ in range(4)]
    rate = rng.choice(("25%", "10%", "100%", "75.8%", "50%"))
    headline = f"{by[0]} slaps {rate} tariff on {on[1]} {product} in story {k}"
    lines = [
        f" date {day.isoformat()} {headline}",
        f"By {_person(rng)}, The Associated Press",
        f"Posted {MONTHS[day.month - 1]} {day.day}, {day.year} 8:02 am.",
        f"{by[2].upper()}, {by[0]} (AP) — {by[0]} imposed a {rate} tariff on {product} "
        f"from {on[0]} on {MONTHS[day.month - 1]} {day.day}, escalating a trade dispute.",
    ]
    words = 40
    while words < BODY_WORDS:
        name, role, country = rng.choice(people)
        quoted = _sentence(rng)
        paragraph = rng.choice(
            (
                f"{country[1]} {role} {name} said the {product} measure was {_words(rng, 6)}. "
                f"{quoted}",
                f"“{quoted}” said {name}, {country[1]} {role}. {_sentence(rng)}",
                f"{on[0]} said it would respond with a {rng.choice(('15%', '20%', '30%'))} "
                f"surtax on {rng.choice(PRODUCTS)} from {by[0]}. {_sentence(rng)}",
                f"{_sentence(rng)} {_sentence(rng)} {_sentence(rng)}",
            )
        )
        words += paragraph.count(" ") + 1
        lines.append(paragraph)
    return "\n\n".join(lines) + "\n"


def write_articles(folder: Path, n: int, seed: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed + 3)
    for k in range(n):
        (folder / f"{k:06d}.txt").write_text(article_text(rng, k), encoding="utf-8")
