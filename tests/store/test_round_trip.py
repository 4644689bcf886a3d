"""Export → import is a round trip: notes (ids, texts, times), read and starred come back,
importing the same export again changes nothing, and no text is ever silently replaced."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from briefs.files import read_files
from briefs.model import Note, ReaderData
from store import Store, StoreError
from store import storage as storage_module
from store.folder import reader_bucket
from tests.conftest import TickingClock

XI = "2025-10-31-xi-carney-apec-gyeongju"
CANOLA = "2025-08-12-china-anti-dumping-deposit-canadian-canola"


def exported(store: Store, tmp_path: Path) -> Path:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(store.export_records()), encoding="utf-8")
    return path


def import_file(store: Store, path: Path):  # type: ignore[no-untyped-def]
    reading = read_files([path])
    assert reading.failures == []
    store.import_briefs(reading.briefs)
    return store.import_reader_data(reading.reader)


@pytest.fixture
def source(tmp_path: Path) -> Store:
    store = Store(tmp_path / "source", clock=TickingClock())
    store.add_note(XI, "Ask the desk about canola")
    store.add_note(XI, "Second thought")
    store.add_note(CANOLA, "Deposit rate?")
    store.set_state(XI, read=True, starred=True)
    store.set_state(CANOLA, read=True)
    return store


def test_export_then_import_restores_notes_and_states(source: Store, tmp_path: Path) -> None:
    target = Store(tmp_path / "target", clock=TickingClock())
    counts = import_file(target, exported(source, tmp_path))
    for brief_id in (XI, CANOLA):
        assert target.notes(brief_id) == source.notes(brief_id)  # ids, texts, times
        assert target.state(brief_id) == source.state(brief_id)
    assert target.rows() == source.rows()
    assert (counts.notes_restored, counts.notes_present, counts.notes_beside) == (3, 0, 0)
    assert counts.states_restored == 2


def test_importing_the_same_export_again_changes_nothing(source: Store, tmp_path: Path) -> None:
    path = exported(source, tmp_path)
    before = source.reader_path.read_bytes()
    counts = import_file(source, path)  # into the very store it came from
    assert (counts.notes_restored, counts.notes_present, counts.notes_beside) == (0, 3, 0)
    assert counts.states_restored == 0
    assert source.reader_path.read_bytes() == before  # not even rewritten
    target = Store(tmp_path / "target", clock=TickingClock())
    import_file(target, path)
    once = target.reader_path.read_bytes()
    import_file(target, path)
    assert target.reader_path.read_bytes() == once


def test_a_note_changed_since_the_export_keeps_both_texts(source: Store, tmp_path: Path) -> None:
    path = exported(source, tmp_path)
    (second, first) = source.notes(XI)
    edited = source.update_note(first.id, "Ask the desk about canola and pork")
    counts = import_file(source, path)
    assert (counts.notes_restored, counts.notes_present, counts.notes_beside) == (0, 2, 1)
    texts = sorted(n.text for n in source.notes(XI))
    assert texts == ["Ask the desk about canola", "Ask the desk about canola and pork", second.text]
    assert source.note(first.id) == edited  # the note in the store is untouched
    beside = next(n for n in source.notes(XI) if n.text == first.text)
    assert beside.id != first.id and (beside.created, beside.updated) == (
        first.created,
        first.updated,
    )
    # Importing once more finds the copy kept beside: nothing is added twice.
    again = import_file(source, path)
    assert (again.notes_restored, again.notes_present, again.notes_beside) == (0, 3, 0)
    assert len(source.notes(XI)) == 3


def test_import_only_sets_flags_it_carries_and_never_clears_one(store: Store) -> None:
    store.set_state(XI, starred=True)
    counts = store.import_reader_data(
        [ReaderData(XI, read=True, starred=False), ReaderData(CANOLA, read=None, starred=True)]
    )
    assert store.state(XI).read and store.state(XI).starred  # a star set here is kept
    assert not store.state(CANOLA).read and store.state(CANOLA).starred
    assert (counts.states_restored, counts.states_unchanged) == (2, 0)


def test_reader_data_is_one_atomic_write(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    writes: list[str] = []
    real = storage_module.atomic_write_bytes

    def counting(path: Path, payload: bytes, *, keep_backup: bool) -> None:
        writes.append(path.name)
        real(path, payload, keep_backup=keep_backup)

    monkeypatch.setattr(storage_module, "atomic_write_bytes", counting)
    notes = tuple(
        Note(f"n{i}", XI, f"text {i}", "2025-11-01T10:00:00", "2025-11-01T10:00:00")
        for i in range(5)
    )
    store.import_reader_data([ReaderData(XI, notes, read=True), ReaderData(CANOLA, starred=True)])
    # reader.json names the layout (a new store's first reader write), then one write per
    # file of reader/ touched; the marker lists each file once, the buckets together.
    buckets = sorted({reader_bucket(XI), reader_bucket(CANOLA)})
    assert writes[:2] == ["reader.json", ".briefing-store"]
    assert sorted(writes[2:-1]) == buckets and writes[-1] == ".briefing-store"
    assert len(store.notes(XI)) == 5 and store.state(CANOLA).starred
    writes.clear()
    more = (Note("n9", XI, "more", "2025-11-01T10:00:00", "2025-11-01T10:00:00"),)
    store.import_reader_data([ReaderData(XI, more, starred=True)])
    assert writes == [reader_bucket(XI)]  # one file, a few notes: kilobytes, not the store


def test_a_failed_import_changes_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.add_note(XI, "mine")
    before = store.reader_path.read_bytes()
    notes = store.root / "reader" / reader_bucket(XI)
    held = notes.read_bytes()

    def no_space(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    note = Note("n1", XI, "imported", "2025-11-01T10:00:00", "2025-11-01T10:00:00")
    with pytest.raises(StoreError, match="No space left"):
        store.import_reader_data([ReaderData(XI, (note,), starred=True)])
    monkeypatch.undo()
    assert store.reader_path.read_bytes() == before and notes.read_bytes() == held
    assert [n.text for n in store.notes(XI)] == ["mine"] and not store.state(XI).starred


def test_same_note_twice_in_one_import_is_kept_once(store: Store) -> None:
    note = Note("n1", XI, "once", "2025-11-01T10:00:00", "2025-11-01T10:00:00")
    other = Note("n1", XI, "other text, same id", "2025-11-01T11:00:00", "2025-11-01T11:00:00")
    counts = store.import_reader_data([ReaderData(XI, (note, note)), ReaderData(XI, (other,))])
    assert (counts.notes_restored, counts.notes_present, counts.notes_beside) == (1, 1, 1)
    assert sorted(n.text for n in store.notes(XI)) == ["once", "other text, same id"]
    assert store.note("n1") == note


def test_a_note_s_author_comes_back_with_it(store: Store, tmp_path: Path) -> None:
    note = store.add_note(XI, "from the desk", author="Ana Lima")
    path = exported(store, tmp_path)
    other = Store(tmp_path / "other", clock=TickingClock())
    import_file(other, path)
    assert other.note(note.id) == note


def test_an_exported_author_that_is_not_a_plain_name_is_refused(
    store: Store, tmp_path: Path
) -> None:
    store.add_note(XI, "from the desk", author="Ana")
    path = exported(store, tmp_path)
    path.write_text(path.read_text().replace('"Ana"', '"Ana\\u001b[2J"'))
    reading = read_files([path])
    assert reading.briefs == [] or all(not r.notes for r in reading.reader)
    assert any("author" in str(f) for f in reading.failures)
