"""The merge of one mirror file changed on two copies: pure, the same on both copies,
never conflict markers."""

from __future__ import annotations

import orjson
import pytest

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


N1, B1, ANA = layout.path_of("notes", "n1"), layout.path_of("briefs", "b1"), "readers/ana.json"
BASE = note("first", "2025-11-28T10:00:00+00:00")
EARLY = note("edited early", "2025-11-28T11:00:00+00:00")
LATE = note("edited late", "2025-11-28T12:00:00+00:00", author="Ben")


def test_both_edited_keeps_the_later_as_the_note_and_the_other_beside_it() -> None:
    one = merge(N1, BASE, EARLY, LATE)
    two = merge(N1, BASE, LATE, EARLY)
    assert one.files == two.files  # either copy merging gets the same files
    assert one.files[N1] == LATE
    (beside_path,) = [p for p in one.files if p != N1]
    beside = orjson.loads(one.files[beside_path])  # type: ignore[arg-type]
    assert beside["text"] == "edited early" and beside["beside"] == "n1"
    assert layout.parse_note(beside["id"], one.files[beside_path])  # type: ignore[arg-type]
    for payload in one.files.values():
        assert b"<<<<<<<" not in payload and b">>>>>>>" not in payload  # type: ignore[operator]


def test_deleted_on_one_side_and_edited_on_the_other_keeps_the_edit() -> None:
    assert merge(N1, BASE, None, LATE).files == {N1: LATE}
    assert merge(N1, BASE, EARLY, None).files == {N1: EARLY}
    assert merge(N1, BASE, None, BASE).files == {N1: None}


def test_a_change_on_one_side_only_is_taken_as_it_is() -> None:
    assert merge(N1, BASE, BASE, LATE).files == {N1: LATE}
    assert merge(N1, BASE, EARLY, BASE).files == {N1: EARLY}


def brief_file(summary: str, at: str) -> bytes:
    return layout.dumps({"sha": summary, "imported_at": at, "brief": {"summary": summary}})


def test_a_brief_imported_on_both_sides_takes_the_later_import() -> None:
    early, late = (
        brief_file("early", "2025-11-28T10:00:00+00:00"),
        brief_file("late", "2025-11-29T10:00:00+01:00"),
    )
    assert merge(B1, None, early, late).files == {B1: late}
    assert merge(B1, None, late, early).files == {B1: late}


def test_one_readers_file_merges_state_by_state() -> None:
    base = layout.reader_file("Ana", {}, {})
    home = layout.reader_file("Ana", {"b1": {"read": True, "starred": False}}, {"v": "x"})
    away = layout.reader_file("Ana", {"b2": {"read": False, "starred": True}}, {})
    merged = merge(ANA, base, home, away).files[ANA]
    states, views = layout.parse_reader(merged)  # type: ignore[arg-type]
    assert set(states) == {"b1", "b2"} and views == {"v": "x"}


def test_a_file_that_cannot_be_read_keeps_ours_and_says_so() -> None:
    found = merge(N1, BASE, EARLY, b"{not json")
    assert found.files == {N1: EARLY}
    assert found.problems and found.problems[0].startswith(f"{N1}: not valid JSON")


def test_a_path_that_is_not_the_desks_keeps_ours() -> None:
    assert merge("elsewhere.txt", b"a", b"b", b"c").files == {"elsewhere.txt": b"b"}


def test_beside_ids_are_valid_ids_however_long_the_note_id() -> None:
    from briefs.ids import is_valid_id

    long_id = "n" + "a" * 79
    assert is_valid_id(layout.beside_id(long_id, b"x"))
    assert layout.beside_id("n1", b"x") == layout.beside_id("n1", b"x")
    assert layout.place_of("../x.json") is None and layout.place_of("notes/A.json") is None


def test_a_note_file_names_its_author_plainly_or_is_refused() -> None:
    """An author from a desk's file reaches the store as a plain name (what the store
    keeps); one with nothing of a name in it is no note file, so no one else's name is
    put on it."""

    def parsed(author: object) -> dict[str, object]:
        doc = orjson.loads(note("text", "2025-11-28T10:00:00+00:00"))
        return layout.parse_note("n1", orjson.dumps({**doc, "author": author}))

    assert parsed("Ana")["author"] == "Ana"
    odd = parsed("Ana\x1b[31m\u202e Lopez")["author"]
    assert isinstance(odd, str) and odd.isprintable() and "\x1b" not in odd
    assert parsed("\x07")["author"] not in ("\x07", None)  # made visible, as the store does
    for bad in ("", "   ", 42, None, "x" * 81):
        with pytest.raises(layout.BadFile, match="author"):
            parsed(bad)
