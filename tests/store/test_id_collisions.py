"""Derived ids cannot collide: another story under a taken id gets a suffix and the import
says so; ids given twice in one import are reported (issue 11, finding 9)."""

from __future__ import annotations

from typing import Any

from briefs import Brief, brief_from_dict
from briefs.ids import with_suffix
from store import Store

HEAD = "Canada and China agree to resume talks on canola, electric vehicles and steel tariffs"


def story(title: str, **more: Any) -> Brief:
    return brief_from_dict({"title": title, "date": "2025-11-03", "summary": "s", **more})


def test_two_stories_whose_headlines_start_alike_are_both_kept(store: Store) -> None:
    first = story(HEAD + " after the summit", source="Wire A")
    second = story(HEAD + " next spring", source="Wire A")
    assert first.id == second.id  # the derived id keeps only the start of a headline
    store.import_briefs([first])
    note = store.add_note(first.id, "on the first story")
    counts = store.import_briefs([second])
    renamed = with_suffix(first.id, 2)
    assert counts.added == 1 and counts.renamed == ((first.id, renamed),)
    assert store.brief(first.id).title == first.title  # type: ignore[union-attr]
    assert store.brief(renamed).title == second.title  # type: ignore[union-attr]
    assert store.notes(first.id) == [note] and store.notes(renamed) == []
    again = store.import_briefs([second])  # the same story again: the suffixed one
    assert (again.added, again.unchanged, again.renamed) == (0, 1, ((first.id, renamed),))
    newer = store.import_briefs([story(first.title, source="Wire A", summary="updated")])
    assert (newer.updated, newer.renamed) == (1, ())  # the same story: an update, in place
    assert store.count() == 9


def test_another_source_or_url_is_another_story(store: Store) -> None:
    base = story("Tariff talks resume", source="Wire A", url="https://a.example/1")
    store.import_briefs([base])
    other_source = store.import_briefs([story(base.title, source="Wire B")])
    other_url = store.import_briefs([story(base.title, source="Wire A", url="https://a.example/2")])
    assert [c.renamed for c in (other_source, other_url)] == [
        ((base.id, f"{base.id}-2"),),
        ((base.id, f"{base.id}-3"),),
    ]
    assert store.brief(base.id).url == "https://a.example/1"  # type: ignore[union-attr]


def test_a_collision_inside_one_import_and_a_given_id_twice_are_reported(store: Store) -> None:
    one, two = story("Same day, same words", source="A"), story("Same day, same words", source="B")
    given = [story("x", id="given-id"), story("y", id="given-id")]
    counts = store.import_briefs([one, two, *given])
    assert counts.renamed == ((one.id, f"{one.id}-2"),)
    assert counts.duplicates == ("given-id",)
    assert counts.added == 3
    assert store.brief("given-id").title == "y"  # type: ignore[union-attr]  # the last one


def test_a_given_id_is_the_brief_s_identity(store: Store) -> None:
    store.import_briefs([story("One story", id="desk-17", source="A")])
    counts = store.import_briefs([story("Another story", id="desk-17", source="B")])
    assert (counts.updated, counts.renamed) == (1, ())
    assert store.brief("desk-17").title == "Another story"  # type: ignore[union-attr]
