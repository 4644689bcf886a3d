"""A note's author (the desk issue): kept through the store, checked on every read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store import DamagedFileError, Store, StoreError
from store.folder import reader_bucket
from store.health import check
from store.syncing import SyncWrite

XI = "2025-10-31-xi-carney-apec-gyeongju"


def test_an_author_is_kept_by_add_update_and_a_reopen(store: Store, store_dir: Path) -> None:
    note = store.add_note(XI, "from the desk", author="Ana Lima")
    assert note.author == "Ana Lima" and note.to_dict()["author"] == "Ana Lima"
    reopened = Store(store_dir)
    assert reopened.note(note.id) == note and reopened.notes(XI) == [note]
    edited = reopened.update_note(note.id, "edited")
    assert edited.author == "Ana Lima"  # an edit keeps who wrote it
    signed = reopened.update_note(note.id, "edited", author="Bo Chen")
    assert Store(store_dir).note(note.id) == signed and signed.author == "Bo Chen"


def test_a_note_of_one_readers_store_has_no_author(store: Store) -> None:
    note = store.add_note(XI, "mine")
    assert note.author is None and "author" not in note.to_dict()


@pytest.mark.parametrize("bad", ["", " Ana", "Ana\nLima", "Ana\x1b[2J", "A\u202eB", "a" * 81])
def test_an_author_that_is_not_a_plain_name_is_refused(store: Store, bad: str) -> None:
    with pytest.raises(StoreError, match="plain name"):
        store.add_note(XI, "text", author=bad)
    assert store.notes(XI) == []


@pytest.mark.parametrize("bad", [["Ana"], 7, "Ana\x1b[2J", "\u200bAna", "a" * 81])
def test_a_stored_author_that_is_not_a_plain_name_is_damage(store: Store, bad: object) -> None:
    store.add_note(XI, "kept", author="Ana")
    path = _file_holding_notes(store)
    data = json.loads(path.read_text())
    next(iter(data["notes"].values()))["author"] = bad
    path.write_text(json.dumps(data))
    with pytest.raises(DamagedFileError, match="author"):
        Store(store.root)
    assert not check(store.root).ok


def test_a_desk_name_that_is_no_plain_name_is_made_one(store: Store, store_dir: Path) -> None:
    note = store.add_note(XI, "from afar")

    def plan(snapshot):  # type: ignore[no-untyped-def]
        doc = {**snapshot.notes[note.id], "author": "Ana\x1b[2J  Lima"}
        return SyncWrite(notes={note.id: doc})

    store.apply_synced(plan)
    assert Store(store_dir).note(note.id).author == "Ana␛[2J Lima"  # type: ignore[union-attr]


def _file_holding_notes(store: Store) -> Path:
    return store.root / "reader" / reader_bucket(XI)
