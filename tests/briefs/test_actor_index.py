"""The actor index: one entry per actor across briefs, grouped by folded name."""

from __future__ import annotations

from pathlib import Path

from briefs import Actor, Brief
from briefs.actor_index import ActorEntry, actor_query, build_actor_index
from briefs.samples import load_samples


def brief(brief_id: str, date: str, *actors: Actor) -> Brief:
    return Brief(id=brief_id, title=brief_id, date=date, summary="s", actors=actors)


def by_name(entries: list[ActorEntry]) -> dict[str, ActorEntry]:
    return {e.name: e for e in entries}


def test_groups_by_folded_name_and_keeps_the_most_common_spelling() -> None:
    entries = build_actor_index(
        [
            brief("a", "2025-01-02", Actor("François Legault", "person", "Premier", "Québec")),
            brief("b", "2025-03-04", Actor("Francois  Legault", "person", "Premier", "Quebec")),
            brief("c", "2024-12-31T09:30", Actor("FRANÇOIS LEGAULT", "person", None, "Québec")),
            brief("d", "2025-02-01", Actor("François Legault", "person", "Leader", None)),
        ]
    )
    assert len(entries) == 1
    entry = entries[0]
    assert entry.name == "François Legault"
    assert entry.kind == "person"
    assert entry.roles == ("Premier", "Leader")  # accents and case ignored, most frequent first
    assert entry.affiliations == ("Québec",)  # 'Quebec' is the same place, spelt as first seen
    assert entry.brief_count == 4
    assert (entry.first_date, entry.last_date) == ("2024-12-31", "2025-03-04")
    assert entry.brief_ids == ("b", "d", "a", "c")  # newest first


def test_groups_names_as_the_actor_query_reads_them_and_places_as_country_does() -> None:
    entries = build_actor_index(
        [
            brief("a", "2025-01-01", Actor("Xi Jinping", "person", "President", "China")),
            brief("b", "2025-01-02", Actor("Xi Jinping.", "person", "President", "PRC")),
            brief("c", "2025-01-03", Actor("Joe Biden", "person", None, "U.S.")),
            brief("d", "2025-01-04", Actor("Joe Biden", "person", None, "United States")),
            brief("e", "2025-01-05", Actor("—", "person", "—", "…")),  # no words: skipped
        ]
    )
    xi, biden = sorted(entries, key=lambda e: e.name, reverse=True)
    assert len(entries) == 2
    assert (xi.name, xi.brief_count, xi.affiliations) == ("Xi Jinping", 2, ("China",))
    assert biden.affiliations == ("U.S.",)  # one party, spelt as first seen


def test_an_actor_named_twice_in_one_brief_counts_once() -> None:
    carney = Actor("Mark Carney", "person", "Prime Minister", "Canada")
    entries = build_actor_index([brief("a", "2025-01-01", carney, carney)])
    assert entries[0].brief_count == 1 and entries[0].brief_ids == ("a",)


def test_sorted_by_brief_count_then_name_and_blank_names_skipped() -> None:
    entries = build_actor_index(
        [
            brief("a", "2025-01-01", Actor("zed"), Actor("Alpha"), Actor("  ")),
            brief("b", "2025-01-02", Actor("Zed"), Actor("beta")),
        ]
    )
    # Equally common spellings: the first seen wins.
    assert [(e.name, e.brief_count) for e in entries] == [("zed", 2), ("Alpha", 1), ("beta", 1)]


def test_most_common_kind_wins() -> None:
    entries = build_actor_index(
        [
            brief("a", "2025-01-01", Actor("Huawei", "organization")),
            brief("b", "2025-01-02", Actor("Huawei", "organization")),
            brief("c", "2025-01-03", Actor("Huawei", "person")),
        ]
    )
    assert entries[0].kind == "organization"


def test_sample_briefs() -> None:
    entries = by_name(build_actor_index(load_samples()))
    carney = entries["Mark Carney"]
    assert carney.brief_count == 2
    assert carney.roles == ("Prime Minister",) and carney.affiliations == ("Canada",)
    assert carney.last_date == "2025-10-31"
    assert entries["China"].kind == "country"
    assert build_actor_index([]) == []


def test_actor_query_quotes_the_name_and_drops_double_quotes() -> None:
    assert actor_query("Mark Carney") == 'actor:"Mark Carney"'
    assert actor_query('The "Iron" Lady') == 'actor:"The Iron Lady"'


def test_actor_query_selects_the_actors_briefs() -> None:
    import datetime as dt

    from briefs.search.docs import make_doc
    from briefs.search.index import SearchIndex
    from briefs.search.query import parse_query

    samples = load_samples()
    index = SearchIndex(make_doc(b) for b in samples)
    for entry in build_actor_index(samples):
        query = parse_query(actor_query(entry.name), today=dt.date(2025, 11, 28))
        assert set(entry.brief_ids) <= set(index.search(query))


def test_imports_neither_textual_nor_tinydb() -> None:
    import briefs.actor_index as module

    source = Path(module.__file__).read_text(encoding="utf-8")
    assert "import textual" not in source and "tinydb" not in source
