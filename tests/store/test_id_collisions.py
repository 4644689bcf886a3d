"""Derived ids cannot collide: another story under a taken id gets a suffix and the import
says so; ids given twice in one import are reported (issue 11, finding 9)."""

from __future__ import annotations

from typing import Any

from briefs import Brief, brief_from_dict
from briefs.ids import with_suffix
from briefs.model import Note, ReaderData
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


def test_notes_an_export_carries_follow_their_brief_to_its_new_id(store: Store) -> None:
    mine = story(HEAD + " after the summit", source="Wire A")
    theirs = story(HEAD + " next spring", source="Wire A")  # another desk's, same id
    store.import_briefs([mine])
    kept = store.add_note(mine.id, "mine")
    note = Note("n1", theirs.id, "theirs", "2025-11-03T10:00:00+00:00", "2025-11-03T10:00:00+00:00")
    counts = store.import_briefs([theirs])
    reader = store.import_reader_data(
        [ReaderData(theirs.id, notes=(note,), starred=True)], placed=counts
    )
    moved = with_suffix(theirs.id, 2)
    assert store.notes(mine.id) == [kept] and not store.state(mine.id).starred
    assert [n.text for n in store.notes(moved)] == ["theirs"] and store.state(moved).starred
    assert reader.notes_restored == 1 and reader.unplaced == 0


def test_reader_data_under_an_id_one_import_both_kept_and_renamed_is_not_placed(
    store: Store,
) -> None:
    mine = story(HEAD + " after the summit", source="Wire A")
    store.import_briefs([mine])
    again, other = mine, story(HEAD + " next spring", source="Wire A")
    counts = store.import_briefs([again, other])  # one id: the same story, and another
    assert counts.ambiguous == (mine.id,)
    note = Note("n2", mine.id, "whose?", "2025-11-03T10:00:00+00:00", "2025-11-03T10:00:00+00:00")
    reader = store.import_reader_data([ReaderData(mine.id, notes=(note,))], placed=counts)
    assert reader.unplaced == 1 and reader.notes == 0
    assert store.notes(mine.id) == [] and store.notes(with_suffix(mine.id, 2)) == []
