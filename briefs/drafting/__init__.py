"""Drafting a brief from article text: standard library and python-dateutil only.

No models, no downloads, no network; the same text always gives the same brief. The work on a
huge article is capped (only the first MAX_SCAN characters of story feed the extraction), so
every input drafts or fails quickly.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from briefs.dates import day_of
from briefs.drafting.actor_words import GOVERNMENT_HEADS, PLACE_PREPOSITIONS
from briefs.drafting.actors import extract_actors
from briefs.drafting.countries import TOPIC_WORDS, country_actors, spoken_for_by_the_country
from briefs.drafting.layout import ArticleError, Layout, read_layout
from briefs.drafting.lexicon import words
from briefs.drafting.sentences import split_sentences
from briefs.drafting.summary import summarise
from briefs.drafting.tariffs import extract_tariffs
from briefs.drafting.text import Place, Sentence, find_places, make_sentence, tokenize
from briefs.folding import fold
from briefs.gazetteer import BLOCS, country_of
from briefs.ids import derive_id, is_valid_id
from briefs.model import Actor, Brief, Tariff
from briefs.reading import BriefFileError, decode_text

__all__ = ["MAX_ARTICLE_BYTES", "ArticleError", "draft_brief", "read_article_file"]

MAX_ARTICLE_BYTES = 8 * 1024 * 1024
MAX_SCAN = 40_000  # characters of story that feed sentence, actor and tariff extraction
MAX_SENTENCE = 2_000  # a longer "sentence" is cut: no real sentence is that long


GROUPINGS = words("groupings")  # blocs that are organisations, not customs territories


def _sentences(layout: Layout) -> list[Sentence]:
    out: list[Sentence] = []
    budget = MAX_SCAN
    for paragraph in layout.paragraphs:
        if budget <= 0:
            break
        chunk = paragraph[:budget]
        budget -= len(chunk)
        for text in split_sentences(chunk):
            out.append(make_sentence(text[:MAX_SENTENCE], len(out)))
    _name_the_bloc(out)
    return out


def _name_the_bloc(sentences: list[Sentence]) -> None:
    """ "The EU … The bloc has suspended its countermeasures": "the bloc" is the bloc named last."""
    last: str | None = None
    for sentence in sentences:
        tokens = sentence.tokens
        added = False
        for i in range(1, len(tokens)) if last is not None and "bloc" in sentence.text else ():
            if (
                last is not None
                and tokens[i].lower == "bloc"
                and tokens[i - 1].lower == "the"
                and not any(p.start <= i < p.end for p in sentence.places)
            ):
                sentence.places.append(Place(i, i + 1, last, False))
                added = True
        if added:
            sentence.places.sort(key=lambda place: place.start)
        for place in sentence.places:
            if place.country in BLOCS:
                last = place.country


def draft_brief(text: str, *, name: str = "article", date: str | None = None) -> Brief:
    """Draft a validated Brief from article text; raise ArticleError when it cannot be done.

    `date` (any form dateutil reads) dates an article that gives none; its own date wins."""
    if not isinstance(text, str) or not text.strip():
        raise ArticleError("the article is empty")
    if "\x00" in text[:8192]:
        raise ArticleError("the article is binary, not text")
    if not text.isascii() and not _is_unicode(text):
        raise ArticleError("the article holds a lone surrogate (\\ud800–\\udfff), not text")
    layout = read_layout(text, date)
    sentences = _sentences(layout)
    found = extract_actors(
        sentences, layout.not_actors, _home(layout.dateline), layout.captions, layout.issuers
    )
    people, spans = found.actors, found.spans
    today = day_of(layout.date)
    countries = country_actors(sentences, spans, set(), set())
    main = sorted(countries, key=lambda c: (-countries[c][0], countries[c][1]))
    persons = frozenset(a.name for a in people if a.kind == "person")
    home = _home(layout.dateline)
    tariffs = _not_on_itself(
        extract_tariffs(sentences, spans, found.affiliations, today, main, persons, home)
    )
    acting = country_actors(
        sentences,
        spans,
        {t.imposed_by for t in tariffs},
        {t.imposed_on for t in tariffs if t.imposed_on},
        [a.affiliation for a in people if a.affiliation and _speaks_for_country(a)],
        spoken_for_by_the_country(sentences, home),
        persons,
    )
    headline = tokenize(layout.title)
    for place in find_places(headline):
        # "Norway and Mercosur sign a trade pact": the story's parties ("meeting in Busan" not)
        before = headline[place.start - 1].lower if place.start else ""
        # "… as row over Taiwan remarks deepens": a topic, not a party
        if not place.demonym and before not in PLACE_PREPOSITIONS and before not in TOPIC_WORDS:
            acting.setdefault(place.country, (1.0, 10**9))
    actors = _rank(people, acting, spans, sentences, layout.title)
    summary = summarise([s.text for s in sentences], [a.name for a in actors[:8]], layout.title)
    brief = Brief(
        id=derive_id(layout.date, layout.title),
        title=layout.title,
        date=layout.date,
        summary=summary,
        source=layout.source,
        authors=tuple(layout.authors),
        dateline=layout.dateline,
        actors=tuple(actors),
        tariffs=tuple(tariffs),
        body=layout.body or None,
    )
    problem = _problem(brief)
    if problem:  # a drafting bug, reported as a reason rather than a traceback
        raise ArticleError(f"{name}: drafted brief is invalid: {problem}")
    return brief


def _speaks_for_country(actor: Actor) -> bool:
    """A person, or a government body ("Colombia's trade ministry called it good news"): the
    country it speaks for acts through it. A company or association of a country does not."""
    if actor.kind == "person":
        return True
    words = actor.name.casefold().split()
    return (
        bool(words)
        and words[-1] in GOVERNMENT_HEADS
        and country_of(actor.affiliation or "") is not None
    )


def _not_on_itself(tariffs: list[Tariff]) -> list[Tariff]:
    """No customs taxes its own goods: a measure read as one country's on itself has its target
    wrong. It goes when the same measure is listed with another target, else it keeps no target
    ("sold in Japan" read as the target of Japan's duty on Chinese electrodes)."""
    out: list[Tariff] = []
    for tariff in tariffs:
        if tariff.imposed_on is None or tariff.imposed_on != tariff.imposed_by:
            out.append(tariff)
            continue
        if not any(
            other.imposed_by == tariff.imposed_by
            and other.rate == tariff.rate
            and other.imposed_on not in (None, tariff.imposed_by)
            for other in tariffs
        ):
            out.append(replace(tariff, imposed_on=None))
    return out


def _home(dateline: str | None) -> str | None:
    """The country of a dateline: "MANILA, Philippines", "OTTAWA", "Yaoundé"."""
    if not dateline:
        return None
    for part in reversed(dateline.split(",")):
        country = country_of(part.strip().title()) or country_of(part.strip())
        if country:
            return country
    return None


def _problem(brief: Brief) -> str | None:
    """What a brief file reader would refuse in a drafted brief (nothing, unless drafting errs)."""
    if not is_valid_id(brief.id):
        return f"id {brief.id!r} is not a brief id"
    if not brief.title.strip() or not brief.summary.strip():
        return "no title or summary"
    if any(not actor.name for actor in brief.actors):
        return "an actor without a name"
    if any(not tariff.imposed_by for tariff in brief.tariffs):
        return "a tariff without an imposer"
    return None


def _is_unicode(text: str) -> bool:
    """False for strings no file can hold ("\\ud800"): a brief of them could not be saved."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _rank(
    people: list[Actor],
    countries: dict[str, tuple[float, int]],
    spans: dict[int, list[tuple[int, int, str]]],
    sentences: list[Sentence],
    title: str = "",
) -> list[Actor]:
    """People, organisations and countries in one order: those the headline names first (people
    and organisations, then countries), then the rest; within each, mentions, first appearance.

    Countries are named far more often than anyone in them ("Canada", "Canadian", "Ottawa"), so
    mentions alone put every country above the leaders the story is about; the headline says who
    the story is about ("Xi and Carney, meeting in South Korea, try to rebuild China-Canada …").
    """
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for sentence in sentences:
        for start, _end, actor in spans.get(sentence.index, []):
            counts[actor] = counts.get(actor, 0) + 1
            first.setdefault(actor, sentence.index * 1000 + start)
    headline = tokenize(title)
    words = {fold(token.text) for token in headline if token.cap}
    places = {place.country for place in find_places(headline) if not place.demonym}
    folded_title = f" {' '.join(fold(token.text) for token in headline)} "
    ranked: list[tuple[int, float, int, Actor]] = []
    names = {a.name for a in people}
    for actor in people:
        parts = [fold(part) for part in actor.name.split()]
        if actor.kind == "person":
            # "Xi", "Carney": family names come first or last.
            in_headline = len(parts) > 1 and (parts[0] in words or parts[-1] in words)
        else:
            in_headline = (
                f" {' '.join(fold(t.text) for t in tokenize(actor.name))} " in folded_title
            )
        tier = 0 if in_headline else 2
        ranked.append((tier, counts.get(actor.name, 1), first.get(actor.name, 10**9), actor))
    for country, (score, position) in countries.items():
        if country in names:
            continue
        tier = 1 if country in places else 2
        kind = "organization" if fold(country) in GROUPINGS else "country"  # ASEAN
        ranked.append((tier, score, position, Actor(country, kind, None, None)))
    ranked.sort(key=lambda item: (item[0], -item[1], item[2], item[3].name))
    return [item[3] for item in ranked]


def read_article_file(path: Path, *, date: str | None = None) -> Brief:
    """Read and draft one article file; any problem raises BriefFileError(`path: reason`).

    `date` dates an article that gives none (see draft_brief)."""
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise BriefFileError(f"{path}: larger than {MAX_ARTICLE_BYTES // 2**20} MiB")
        with path.open("rb") as handle:
            raw = handle.read(MAX_ARTICLE_BYTES + 1)
        if len(raw) > MAX_ARTICLE_BYTES:
            raise BriefFileError(f"{path}: larger than {MAX_ARTICLE_BYTES // 2**20} MiB")
        text = decode_text(raw)
        return draft_brief(text, name=str(path), date=date)
    except BriefFileError:
        raise
    except OSError as exc:
        raise BriefFileError(f"{path}: {exc.strerror or exc}") from exc
    except (ValueError, RecursionError) as exc:
        raise BriefFileError(f"{path}: {exc}") from exc
    except Exception as exc:
        raise BriefFileError(f"{path}: could not draft a brief ({type(exc).__name__})") from exc
