"""Deleting a brief moves it to the trash: no view shows it, nothing of it is lost, an
import leaves it there unless asked, undelete brings it back whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefs.samples import load_samples
from store import Store, StoreError

XI = "2025-10-31-xi-carney-apec-gyeongju"


def test_a_deleted_brief_leaves_every_view_and_comes_back_whole(store: Store) -> None:
    note = store.add_note(XI, "keep me")
    store.correct(XI, {"title": "Corrected"})
    store.set_state(XI, starred=True)
    before = store.brief(XI)
    entry = store.delete_brief(XI)
    assert (entry.id, entry.title, entry.date) == (XI, "Corrected", "2025-10-31")
    assert store.trash() == [entry]
    assert store.brief(XI) is None and store.source_brief(XI) is None and store.row(XI) is None
    assert XI not in {r.id for r in store.rows()} and store.count() == 6
    assert XI not in dict(store.read_briefs()) and XI not in dict(store.read_briefs([XI]))
    assert XI not in {r["id"] for r in store.export_records()}
    with pytest.raises(StoreError, match="in the trash"):
        store.add_note(XI, "on a deleted brief")
    with pytest.raises(StoreError, match="in the trash"):
        store.correct(XI, {"title": "again"})

    assert store.undelete(XI) and not store.undelete(XI)
    assert store.trash() == []
    assert store.brief(XI) == before and store.note(note.id) == note
    assert store.state(XI).starred


def test_an_import_leaves_a_deleted_brief_in_the_trash_unless_asked(store: Store) -> None:
    store.delete_brief(XI)
    counts = store.import_briefs(load_samples())
    assert (counts.skipped_deleted, counts.unchanged, counts.undeleted) == (1, 6, 0)
    assert store.brief(XI) is None
    counts = store.import_briefs(load_samples(), undelete=True)
    assert (counts.skipped_deleted, counts.undeleted) == (0, 1)
    assert store.brief(XI) is not None and store.trash() == []


def test_deleting_an_unknown_brief_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="no brief with id 'nope'"):
        store.delete_brief("nope")
    store.delete_brief(XI)
    with pytest.raises(StoreError, match="in the trash"):
        store.delete_brief(XI)


def test_a_deletion_in_another_process_shows(store_dir: Path) -> None:
    reader, other = Store(store_dir), Store(store_dir)
    assert reader.brief(XI) is not None
    other.delete_brief(XI)
    assert reader.brief(XI) is None and reader.changed_elsewhere()
    other.undelete(XI)
    assert reader.brief(XI) is not None
