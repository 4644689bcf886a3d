"""The merge of one mirror file changed on two copies: pure, the same on both copies,
never conflict markers."""

from __future__ import annotations

import orjson

from store.sync import layout
from store.sync.merge import merge


def note(text: str, updated: str, note_id: str = "n1", author: str = "Ana") -> bytes:
    doc = {
        "id": note_id,
        "brief_id": "b1",
        "text": text,
        "created": "2025-11-28T10:00:00+00:00",
        "updated": updated,
        "author": author,
    }
    return layout.dumps(doc)


BASE = note("first", "2025-11-28T10:00:00+00:00")
EARLY = note("edited early", "2025-11-28T11:00:00+00:00")
LATE = note("edited late", "2025-11-28T12:00:00+00:00", author="Ben")


def test_both_edited_keeps_the_later_as_the_note_and_the_other_beside_it() -> None:
    one = merge("notes/n1.json", BASE, EARLY, LATE)
    two = merge("notes/n1.json", BASE, LATE, EARLY)
    assert one.files == two.files  # either copy merging gets the same files
    assert one.files["notes/n1.json"] == LATE
    (beside_path,) = [p for p in one.files if p != "notes/n1.json"]
    beside = orjson.loads(one.files[beside_path])  # type: ignore[arg-type]
    assert beside["text"] == "edited early" and beside["beside"] == "n1"
    assert layout.parse_note(beside["id"], one.files[beside_path])  # type: ignore[arg-type]
    for payload in one.files.values():
        assert b"<<<<<<<" not in payload and b">>>>>>>" not in payload  # type: ignore[operator]


def test_deleted_on_one_side_and_edited_on_the_other_keeps_the_edit() -> None:
    assert merge("notes/n1.json", BASE, None, LATE).files == {"notes/n1.json": LATE}
    assert merge("notes/n1.json", BASE, EARLY, None).files == {"notes/n1.json": EARLY}
    assert merge("notes/n1.json", BASE, None, BASE).files == {"notes/n1.json": None}


def test_a_change_on_one_side_only_is_taken_as_it_is() -> None:
    assert merge("notes/n1.json", BASE, BASE, LATE).files == {"notes/n1.json": LATE}
    assert merge("notes/n1.json", BASE, EARLY, BASE).files == {"notes/n1.json": EARLY}


def brief_file(summary: str, at: str) -> bytes:
    return layout.dumps({"sha": summary, "imported_at": at, "brief": {"summary": summary}})


def test_a_brief_imported_on_both_sides_takes_the_later_import() -> None:
    early, late = (
        brief_file("early", "2025-11-28T10:00:00+00:00"),
        brief_file("late", "2025-11-29T10:00:00+01:00"),
    )
    assert merge("briefs/b1.json", None, early, late).files == {"briefs/b1.json": late}
    assert merge("briefs/b1.json", None, late, early).files == {"briefs/b1.json": late}


def test_one_readers_file_merges_state_by_state() -> None:
    base = layout.reader_file("Ana", {}, {})
    home = layout.reader_file("Ana", {"b1": {"read": True, "starred": False}}, {"v": "x"})
    away = layout.reader_file("Ana", {"b2": {"read": False, "starred": True}}, {})
    merged = merge("readers/ana.json", base, home, away).files["readers/ana.json"]
    states, views = layout.parse_reader(merged)  # type: ignore[arg-type]
    assert set(states) == {"b1", "b2"} and views == {"v": "x"}


def test_a_file_that_cannot_be_read_keeps_ours_and_says_so() -> None:
    found = merge("notes/n1.json", BASE, EARLY, b"{not json")
    assert found.files == {"notes/n1.json": EARLY}
    assert found.problems and found.problems[0].startswith("notes/n1.json: not valid JSON")


def test_a_path_that_is_not_the_desks_keeps_ours() -> None:
    assert merge("elsewhere.txt", b"a", b"b", b"c").files == {"elsewhere.txt": b"b"}


def test_beside_ids_are_valid_ids_however_long_the_note_id() -> None:
    from briefs.ids import is_valid_id

    long_id = "n" + "a" * 79
    assert is_valid_id(layout.beside_id(long_id, b"x"))
    assert layout.beside_id("n1", b"x") == layout.beside_id("n1", b"x")
    assert layout.place_of("../x.json") is None and layout.place_of("notes/A.json") is None
