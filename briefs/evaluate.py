"""Score drafting against a folder of articles with gold answers.

    python -m briefs.evaluate DIR [--details] [--seed PATH]

DIR holds `NAME.txt` articles and `NAME.gold.json` answers (`title`, `date`,
`summary_reference`, `actors`, `tariffs` in the brief format). Printed per article and in total:
actor precision/recall/F1 (by name, accents and case ignored), tariff precision/recall/F1 (a match
needs imposed_by, imposed_on and rate to agree, country names normalised), status accuracy on
matched tariffs, ROUGE-1/2/L F1 of the summary next to the first three sentences ("lead-3"), and
actor order: the share of pairs of actors found in both lists that the draft ranks as the gold
list does (gold lists run from the most important actor down). Totals add up counts over all
articles (micro average); ROUGE totals are means. An article that gives no date is drafted with
the gold's `date`, as `--date` gives it (a gold date of null leaves it failing, as it would for a
reader who gives none). `--seed PATH` checks what the shared seed article (outside the
repository, so not a test) must draft to; `make evaluate` runs both.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefs.drafting import draft_brief
from briefs.drafting.layout import read_layout
from briefs.drafting.sentences import split_sentences
from briefs.folding import fold
from briefs.gazetteer import normalise_country
from briefs.model import Brief
from briefs.rates import normalise_rate

_WORD = re.compile(r"[^\W_]+(?:[.'’%-][^\W_]+)*%?")


def tokens(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _ngrams(words: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def _f1(overlap: float, candidate: float, reference: float) -> float:
    if overlap == 0 or candidate == 0 or reference == 0:
        return 0.0
    precision, recall = overlap / candidate, overlap / reference
    return 2 * precision * recall / (precision + recall)


def rouge_n(candidate: str, reference: str, n: int) -> float:
    cand, ref = _ngrams(tokens(candidate), n), _ngrams(tokens(reference), n)
    overlap = sum((cand & ref).values())
    return _f1(overlap, sum(cand.values()), sum(ref.values()))


def rouge_l(candidate: str, reference: str) -> float:
    cand, ref = tokens(candidate), tokens(reference)
    if not cand or not ref:
        return 0.0
    previous = [0] * (len(ref) + 1)
    for word in cand:
        current = [0]
        for j, ref_word in enumerate(ref):
            current.append(
                previous[j] + 1 if word == ref_word else max(previous[j + 1], current[j])
            )
        previous = current
    return _f1(previous[-1], len(cand), len(ref))


def rouge(candidate: str, reference: str) -> tuple[float, float, float]:
    return (
        rouge_n(candidate, reference, 1),
        rouge_n(candidate, reference, 2),
        rouge_l(candidate, reference),
    )


def lead_sentences(text: str, count: int = 3, date: str | None = None) -> str:
    """The first `count` story sentences: the baseline a summary must beat."""
    layout = read_layout(text, date)
    out: list[str] = []
    for paragraph in layout.paragraphs:
        out.extend(split_sentences(paragraph))
        if len(out) >= count:
            break
    return " ".join(out[:count])


def _name_key(name: str) -> str:
    return " ".join(fold(name).replace(".", "").split())


def _tariff_key(data: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    by = normalise_country(data.get("imposed_by"))
    on = normalise_country(data.get("imposed_on"))
    return (
        _name_key(by) if by else None,
        _name_key(on) if on else None,
        normalise_rate(data.get("rate")),
    )


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ArticleScore:
    name: str
    actors: Counts
    tariffs: Counts
    status_right: int
    status_matched: int
    summary: tuple[float, float, float]
    lead3: tuple[float, float, float]
    error: str | None = None
    missing_actors: list[str] = field(default_factory=list)
    extra_actors: list[str] = field(default_factory=list)
    missing_tariffs: list[str] = field(default_factory=list)
    extra_tariffs: list[str] = field(default_factory=list)
    order: tuple[int, int] = (0, 0)  # pairs of actors ranked as in the gold list, pairs compared


@dataclass
class Report:
    articles: list[ArticleScore]
    actors: Counts
    tariffs: Counts
    status_accuracy: float
    summary: tuple[float, float, float]
    lead3: tuple[float, float, float]
    order: float = 1.0


def score_order(brief: Brief | None, gold: list[dict[str, Any]]) -> tuple[int, int]:
    """(concordant, compared) over pairs of actors in both lists: does the draft rank them alike?"""
    drafted = {}
    for rank, actor in enumerate(brief.actors if brief else ()):
        drafted.setdefault(_name_key(actor.name), rank)
    ranks = [drafted[key] for key in (_name_key(a["name"]) for a in gold) if key in drafted]
    pairs = [(a, b) for i, a in enumerate(ranks) for b in ranks[i + 1 :]]
    return sum(a < b for a, b in pairs), len(pairs)


def score_actors(brief: Brief | None, gold: list[dict[str, Any]]) -> tuple[Counts, list, list]:
    drafted = {_name_key(a.name) for a in brief.actors} if brief else set()
    wanted = {_name_key(a["name"]) for a in gold}
    counts = Counts(len(drafted & wanted), len(drafted - wanted), len(wanted - drafted))
    return counts, sorted(wanted - drafted), sorted(drafted - wanted)


def score_tariffs(
    brief: Brief | None, gold: list[dict[str, Any]]
) -> tuple[Counts, int, int, list[str], list[str]]:
    """One-to-one matching on (imposed_by, imposed_on, rate); status compared on matches.

    Entries of one key pair by status first, then in order: a rate lifted on some goods and
    kept on others is two entries of one key, and which draft meets which gold entry must
    not depend on the order either lists them in.
    """
    drafted = [t.to_dict() for t in brief.tariffs] if brief else []
    keys = [_tariff_key(d) for d in drafted]
    unmatched = list(range(len(drafted)))
    pairs: dict[int, int] = {}  # gold index -> drafted index
    for same_status in (True, False):
        for g, item in enumerate(gold):
            if g in pairs:
                continue
            key, status = _tariff_key(item), item.get("status", "in force")
            hit = next(
                (
                    i
                    for i in unmatched
                    if keys[i] == key and (not same_status or drafted[i]["status"] == status)
                ),
                None,
            )
            if hit is not None:
                unmatched.remove(hit)
                pairs[g] = hit
    counts = Counts(tp=len(pairs), fn=len(gold) - len(pairs))
    matched = len(pairs)
    right = sum(drafted[i]["status"] == gold[g].get("status", "in force") for g, i in pairs.items())
    missing = [str(_tariff_key(item)) for g, item in enumerate(gold) if g not in pairs]
    counts.fp = len(unmatched)
    extra = [f"{_tariff_key(drafted[i])} {drafted[i]['status']}" for i in unmatched]
    return counts, right, matched, missing, extra


def evaluate_dir(folder: Path) -> Report:
    articles = []
    for path in sorted(folder.glob("*.txt")):
        gold_path = path.with_name(path.stem + ".gold.json")
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        error = None
        try:
            # An article that gives no date takes the gold's, as `--date` gives it a reader's:
            # the date is the reader's to give, the rest is drafting's to find.
            given = gold.get("date")
            date = given if isinstance(given, str) else None
            brief: Brief | None = draft_brief(text, name=str(path), date=date)
            lead = lead_sentences(text, date=date)
        except ValueError as exc:
            brief, lead, error = None, "", str(exc)
        actor_counts, missing_a, extra_a = score_actors(brief, gold.get("actors", []))
        tariff_counts, right, matched, missing_t, extra_t = score_tariffs(
            brief, gold.get("tariffs", [])
        )
        reference = gold.get("summary_reference", "")
        articles.append(
            ArticleScore(
                name=path.stem,
                actors=actor_counts,
                tariffs=tariff_counts,
                status_right=right,
                status_matched=matched,
                summary=rouge(brief.summary if brief else "", reference),
                lead3=rouge(lead, reference),
                error=error,
                missing_actors=missing_a,
                extra_actors=extra_a,
                missing_tariffs=missing_t,
                extra_tariffs=extra_t,
                order=score_order(brief, gold.get("actors", [])),
            )
        )
    actors, tariffs = Counts(), Counts()
    for article in articles:
        actors.add(article.actors)
        tariffs.add(article.tariffs)
    right = sum(a.status_right for a in articles)
    matched = sum(a.status_matched for a in articles)
    count = max(1, len(articles))
    concordant = sum(a.order[0] for a in articles)
    compared = sum(a.order[1] for a in articles)

    def mean(values: list[tuple[float, float, float]]) -> tuple[float, float, float]:
        return (
            sum(v[0] for v in values) / count,
            sum(v[1] for v in values) / count,
            sum(v[2] for v in values) / count,
        )

    return Report(
        articles=articles,
        actors=actors,
        tariffs=tariffs,
        status_accuracy=right / matched if matched else 1.0,
        summary=mean([a.summary for a in articles]),
        lead3=mean([a.lead3 for a in articles]),
        order=concordant / compared if compared else 1.0,
    )


def _row(
    name: str, actors: Counts, tariffs: Counts, status: str, summary, lead3, order: float
) -> str:
    return (
        f"{name[:28]:<28} "
        f"{actors.precision:5.2f} {actors.recall:5.2f} {actors.f1:5.2f}  "
        f"{tariffs.precision:5.2f} {tariffs.recall:5.2f} {tariffs.f1:5.2f}  {status:>6}  "
        + " ".join(f"{v:5.3f}" for v in summary)
        + "  "
        + " ".join(f"{v:5.3f}" for v in lead3)
        + f"  {order:5.2f}"
    )


def format_report(report: Report, *, details: bool = False) -> str:
    header = (
        f"{'article':<28} {'actor P/R/F1':<18}  {'tariff P/R/F1':<18} {'status':>6}  "
        f"{'summary R1/R2/RL':<18}  {'lead-3 R1/R2/RL':<17}  order"
    )
    lines = [header, "-" * len(header)]
    for a in report.articles:
        status = f"{a.status_right}/{a.status_matched}"
        concordant, compared = a.order
        order = concordant / compared if compared else 1.0
        lines.append(_row(a.name, a.actors, a.tariffs, status, a.summary, a.lead3, order))
        if a.error:
            lines.append(f"    error: {a.error}")
        if details:
            for label, items in (
                ("missing actors", a.missing_actors),
                ("extra actors", a.extra_actors),
                ("missing tariffs", a.missing_tariffs),
                ("extra tariffs", a.extra_tariffs),
            ):
                if items:
                    lines.append(f"    {label}: {'; '.join(items)}")
    lines.append("-" * len(header))
    lines.append(
        _row(
            f"TOTAL ({len(report.articles)} articles)",
            report.actors,
            report.tariffs,
            f"{report.status_accuracy:.2f}",
            report.summary,
            report.lead3,
            report.order,
        )
    )
    return "\n".join(lines)


def _seed_checks(brief: Brief) -> list[tuple[str, bool]]:
    """What the shared seed article (../shared/seeds/000_acefa33d578b04c6.txt) must draft to."""
    actors = {a.name: a for a in brief.actors}
    names = [a.name for a in brief.actors]
    tariffs = {(t.imposed_by, t.imposed_on, t.rate): t for t in brief.tariffs}

    def actor(name: str) -> tuple[str | None, str | None, str | None]:
        found = actors.get(name)
        return (found.kind, found.role, found.affiliation) if found else (None, None, None)

    def tariff(by: str, on: str | None, rate: str | None) -> Any:
        return tariffs.get((by, on, rate))

    ev, steel = tariff("Canada", "China", "100%"), tariff("Canada", "China", "25%")
    retaliation, threat = tariff("China", "Canada", None), tariff("United States", "Canada", "10%")
    body = brief.body or ""
    return [
        ("headline", brief.title.startswith("Xi and Carney, meeting in South Korea")),
        ("date and id", brief.date[:10] == "2025-10-31" and brief.id.startswith("2025-10-31-xi")),
        (
            "source and author",
            (brief.source, brief.authors) == ("The Associated Press", ("Ken Moritsugu",)),
        ),
        ("dateline", brief.dateline == "GYEONGJU, South Korea"),
        (
            "body is story only",
            body.startswith("GYEONGJU, South Korea (AP) — The leaders")
            and body.rstrip().endswith("is up for review.")
            and not any(x in body for x in ("AP Photo", "By Ken", "Last Updated", "___")),
        ),
        ("Xi Jinping", actor("Xi Jinping") == ("person", "President", "China")),
        ("Mark Carney", actor("Mark Carney")[1:] == ("Prime Minister", "Canada")),
        ("Donald Trump", actor("Donald Trump")[1:] == ("President", "United States")),
        (
            "detainees and Meng",
            all(
                actor(n)[0] == "person"
                for n in ("Michael Kovrig", "Michael Spavor", "Meng Wenzhou")
            ),
        ),
        ("Huawei", actor("Huawei")[0] == "organization"),
        (
            "leaders first",
            names[:2] == ["Xi Jinping", "Mark Carney"] and set(names[2:4]) == {"Canada", "China"},
        ),
        (
            "reporters are not actors",
            not set(names)
            & {"Ken Moritsugu", "Rob Gillies", "Ng Han Guan", "Carney", "Xi", "Trump"},
        ),
        (
            "EV tariff",
            ev is not None
            and "electric vehicles" in ev.products
            and (ev.year, ev.status) == (2024, "in force")
            and "100% tariff" in (ev.evidence or ""),
        ),
        ("steel tariff", steel is not None and {"steel", "aluminum"} <= set(steel.products)),
        (
            "retaliation",
            retaliation is not None
            and retaliation.status == "offered removal"
            and {"canola", "seafood", "pork"} <= set(retaliation.products),
        ),
        ("threat", threat is not None and threat.status == "threatened"),
        (
            "summary",
            20 <= len(brief.summary.split()) <= 95
            and brief.summary.startswith("The leaders of China and Canada"),
        ),
    ]


def check_seed(path: Path) -> int:
    """Print each seed check as ok/FAIL; 0 when all pass."""
    from briefs.drafting import read_article_file
    from briefs.reading import BriefFileError

    try:
        brief = read_article_file(path)
    except BriefFileError as exc:
        print(f"FAIL  drafting: {exc}")
        return 1
    failed = 0
    for label, ok in _seed_checks(brief):
        print(f"{'ok  ' if ok else 'FAIL'}  {label}")
        failed += not ok
    print(f"seed {path.name}: {len(_seed_checks(brief)) - failed} checks pass, {failed} fail")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m briefs.evaluate", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "folder", type=Path, nargs="?", help="folder of NAME.txt and NAME.gold.json"
    )
    parser.add_argument("--details", action="store_true", help="list missed and extra items")
    parser.add_argument("--seed", type=Path, help="check the shared seed article's brief")
    args = parser.parse_args(argv)
    if args.seed is not None:
        seed = check_seed(args.seed)
        if args.folder is None:
            return seed
    if args.folder is None:
        parser.error("give a folder, --seed PATH or both")
    if not args.folder.is_dir():
        print(f"{args.folder}: not a folder", file=sys.stderr)
        return 2
    report = evaluate_dir(args.folder)
    if not report.articles:
        print(f"{args.folder}: no NAME.txt with NAME.gold.json", file=sys.stderr)
        return 2
    print(format_report(report, details=args.details))
    return 0 if args.seed is None else seed


if __name__ == "__main__":
    sys.exit(main())
