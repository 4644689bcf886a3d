"""Drafts belong to one editor, and concurrent edits of a note are never silent."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from store import NoteChangedError, Store

XI = "2025-10-31-xi-carney-apec-gyeongju"
ROOT = Path(__file__).parents[2]


def test_a_note_added_elsewhere_leaves_an_editors_draft_alone(store: Store) -> None:
    owner = store.claim_draft_owner()
    store.save_draft(XI, None, "being typed", owner=owner)
    Store(store.root).add_note(XI, "from a script")
    note = Store(store.root).add_note(XI, "another")
    Store(store.root).update_note(note.id, "another, edited")
    assert [d.text for d in Store(store.root).drafts()] == ["being typed"]


def test_two_editors_on_one_brief_keep_two_drafts(store: Store) -> None:
    mine = store.claim_draft_owner()
    other = Store(store.root)
    theirs = other.claim_draft_owner()
    store.save_draft(XI, None, "mine", owner=mine)
    other.save_draft(XI, None, "theirs", owner=theirs)
    store.save_draft(XI, None, "mine, longer", owner=mine)
    assert sorted(d.text for d in Store(store.root).drafts()) == ["mine, longer", "theirs"]


def test_a_running_editors_draft_is_not_offered_elsewhere(store: Store) -> None:
    owner = store.claim_draft_owner()
    store.save_draft(XI, None, "still typing", owner=owner)
    store.save_draft(XI, None, "left behind")  # an owner nobody holds
    offered = Store(store.root).orphaned_drafts()
    assert [d.text for d in offered] == ["left behind"]


def test_a_draft_of_a_process_that_died_is_offered(store: Store, store_dir: Path) -> None:
    code = (
        "import sys; from store import Store; s = Store(__import__('pathlib').Path(sys.argv[1]));"
        f" s.save_draft({XI!r}, None, 'typed, then killed', owner=s.claim_draft_owner())"
    )
    subprocess.run([sys.executable, "-c", code, str(store_dir)], cwd=ROOT, check=True)
    assert [d.text for d in store.orphaned_drafts()] == ["typed, then killed"]


def test_deleting_a_draft_touches_no_other(store: Store) -> None:
    kept = store.save_draft(XI, None, "keep me")
    gone = store.save_draft(XI, None, "drop me")
    store.delete_draft(gone)
    assert [d.text for d in store.drafts()] == [kept.text]


def test_a_note_changed_elsewhere_is_not_overwritten(store: Store) -> None:
    note = store.add_note(XI, "first")
    Store(store.root).update_note(note.id, "changed elsewhere")
    with pytest.raises(NoteChangedError) as caught:
        store.update_note(note.id, "mine", expected="first")
    assert caught.value.current.text == "changed elsewhere"
    assert store.note(note.id).text == "changed elsewhere"  # type: ignore[union-attr]
    assert store.update_note(note.id, "mine", expected="changed elsewhere").text == "mine"


def test_hostile_draft_files_are_skipped_not_fatal(store: Store) -> None:
    folder = store.root / "drafts"
    folder.mkdir(exist_ok=True)
    (folder / "e1.json").write_bytes(b"[1, 2")
    (folder / "e2.json").write_bytes(b'{"brief_id": ["not", "text"], "text": 3}')
    (folder / "..evil.json").write_bytes(b'{"brief_id": "x", "text": "y"}')
    store.save_draft(XI, None, "good")
    assert [d.text for d in store.drafts()] == ["good"]
