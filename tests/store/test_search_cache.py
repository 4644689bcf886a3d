"""Search through the scan cache's word index (FTS5) means what search in memory means: a
query bound to the index keeps exactly the briefs and tariffs `Query.matches` keeps on the
whole docs, for the query language's every kind of term and for fuzzed queries."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from hypothesis import given, settings

from briefs.model import Actor, Brief, Tariff
from briefs.search.docs import SearchDoc, indexed, light, make_doc
from briefs.search.index import SearchIndex
from briefs.search.query import Query, QueryError
from store.scan_cache import ScanCache
from tests.briefs.test_query import _QUERIES, q
from tests.briefs.test_search_select import _ALL, CASES

# Traps for a word index: phrases that would span two fields, two actors or two products
# if the segments ran together; words that are prefixes of others; non-ASCII words.
TRAPS = [
    make_doc(
        Brief(
            id="traps",
            title="Talks end trade",
            date="2025-02-02",
            summary="War games. Straße und Zölle in Québec; U.S.-made goods.",
            actors=(
                Actor("Ana Trade", "person", "Chief negotiator", "Canada"),
                Actor("Walter War", "person", None, None),
                Actor("Łódź Port", "organization", None, "Poland"),
            ),
            tariffs=(Tariff("EU", "China", ("solar panels", "wind towers"), "10%"),),
            body="Negotiators met twice. Panels, towers and tariffs; tariffication, résumé.",
        ),
        notes=["first about canola", "meal second"],
    ),
    make_doc(Brief(id="bare", title="Nothing here", date="2024-01-01", summary="Quiet.")),
]
MORE = [
    '"trade war"',
    '"end trade"',
    '"trade walter"',
    '"panels wind"',
    '"solar panels"',
    '"canola meal"',
    "tariff",
    '"tariff"',
    "tarif",
    "u.s.",
    '"u.s. made"',
    "strasse",
    "zolle",
    "lodz",
    "quebec",
    "resume",
    "actor:ana",
    "actor:trade",
    'actor:"ana trade"',
    "actor:war",
    "actor:lodz",
    "-canola",
    "canola OR steel -war",
    "negotiators twice",
    '"met negotiators"',
    '"towers panels"',
    "c",
    "-t",
]
FULL: list[SearchDoc] = [*_ALL, *TRAPS]


def _light_index() -> tuple[ScanCache, list[SearchDoc]]:
    cache = ScanCache.in_memory("test")
    keys = cache.put_many((d.id, "v", [], indexed(d)) for d in FULL)
    assert keys is not None and len(set(keys)) == len(FULL)
    # Every other doc is kept whole (key 0): both kinds must search alike side by side.
    docs = [light(d, k) if n % 3 else d for n, (d, k) in enumerate(zip(FULL, keys, strict=True))]
    return cache, docs


CACHE, LIGHT = _light_index()


def _same(query: Query) -> None:
    bound = query.bound(CACHE)
    assert [d.id for d in bound.select(LIGHT)] == [d.id for d in FULL if query.matches(d)]
    for whole, kept in zip(FULL, LIGHT, strict=True):
        assert bound.matches(kept) is query.matches(whole), (query, whole.id)
        assert bound.tariff_indices(kept) == query.tariff_indices(whole), (query, whole.id)


def test_bound_queries_keep_what_matches_keeps() -> None:
    for text in [*CASES, *MORE]:
        _same(q(text))


@settings(max_examples=300, deadline=None)
@given(_QUERIES)
def test_bound_queries_keep_what_matches_keeps_for_any_query(text: str) -> None:
    try:
        query = q(text)
    except QueryError:
        return
    _same(query)


def test_an_index_given_the_cache_searches_light_docs_as_whole_ones() -> None:
    whole = SearchIndex(FULL)
    kept = SearchIndex(LIGHT, words=CACHE)
    for text in [*CASES, *MORE]:
        assert kept.search(q(text)) == whole.search(q(text)), text
        assert kept.search_tariffs(q(text)) == whole.search_tariffs(q(text)), text


def test_a_brief_written_again_keeps_its_key_and_is_found_by_its_new_words() -> None:
    cache = ScanCache.in_memory("test")
    doc = TRAPS[1]
    (first,) = cache.put_many([(doc.id, "v1", [], indexed(doc))]) or [0]
    changed = dataclasses.replace(doc, text=" lobster quotas ")
    assert cache.put_many([(doc.id, "v2", [], indexed(changed))]) == [first]
    assert cache.word_hits(["lobster"], prefix=True, actors_only=False) == {first}
    assert cache.word_hits(["nothing"], prefix=True, actors_only=False) == set()
    assert [(k, v) for k, _, v, _ in cache.entries()] == [(first, "v2")]
    cache.drop([first])
    assert cache.word_hits(["lobster"], prefix=True, actors_only=False) == set()
    assert list(cache.entries()) == []


def test_a_store_that_cannot_be_written_keeps_its_cache_in_a_temporary_folder(
    tmp_path: Path,
) -> None:
    """Not in memory: at 100,000 briefs the words alone are some 300 MB."""
    cache = ScanCache.open(tmp_path, "test", writable=False)
    assert cache.path is not None and tmp_path not in cache.path.parents
    assert not (tmp_path / "cache").exists()
    keys = cache.put_many([("a", "v", [1], ("alpha", "", ""))])
    assert keys is not None
    assert cache.word_hits(["alpha"], prefix=True, actors_only=False) == set(keys)
    folder = cache.path.parent.parent
    assert folder.is_dir()
    cache.close()
    assert not folder.exists()
