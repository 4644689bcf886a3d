import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefs import brief_from_dict
from briefs.samples import load_samples
from store import DamagedFileError, Store, StoreError
from store.storage import backup_path

EV = "2025-10-31-xi-carney-apec-gyeongju"


def test_empty_store_is_seeded_with_samples(store: Store) -> None:
    rows = store.rows()
    assert len(rows) == len(load_samples())
    assert rows[0].id == EV  # newest first
    assert [r.date for r in rows] == sorted((r.date for r in rows), reverse=True)
    assert (store.root / "briefs.json").exists()
    assert not (store.root / "reader.json").exists()  # nothing of the reader's yet


def test_note_is_on_disk_when_add_returns(store: Store, store_dir: Path) -> None:
    note = store.add_note(EV, "Ask the desk about canola")
    reopened = Store(store_dir)
    assert [n.text for n in reopened.notes(EV)] == ["Ask the desk about canola"]
    assert reopened.note(note.id) == note
    assert reopened.rows()[0].note_count == 1


def test_saving_a_note_never_rewrites_briefs_json(store: Store) -> None:
    before = store.briefs_path.stat()
    store.add_note(EV, "one")
    note = store.add_note(EV, "two")
    store.update_note(note.id, "two, edited")
    store.delete_note(note.id)
    store.set_state(EV, starred=True)
    after = store.briefs_path.stat()
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)


def test_notes_newest_first_and_edit_keeps_created(store: Store) -> None:
    first = store.add_note(EV, "first")
    second = store.add_note(EV, "second")
    assert [n.id for n in store.notes(EV)] == [second.id, first.id]
    edited = store.update_note(first.id, "first, edited")
    assert edited.created == first.created and edited.updated > first.updated
    store.delete_note(second.id)
    assert [n.text for n in store.notes(EV)] == ["first, edited"]


def test_note_on_unknown_brief_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="no brief"):
        store.add_note("nope", "x")


def test_reimport_replaces_content_and_keeps_reader_data(store: Store) -> None:
    store.add_note(EV, "mine")
    store.set_state(EV, read=True, starred=True)
    brief = store.brief(EV)
    assert brief is not None
    changed = dataclasses.replace(brief, summary="A corrected summary.")
    counts = store.import_briefs(
        [changed, brief_from_dict({"title": "New one", "date": "2025-11-01", "summary": "s"})]
    )
    assert (counts.added, counts.updated, counts.unchanged) == (1, 1, 0)
    assert store.brief(EV).summary == "A corrected summary."  # type: ignore[union-attr]
    assert [n.text for n in store.notes(EV)] == ["mine"]
    assert store.state(EV).starred
    again = store.import_briefs([changed])
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)


def test_handed_out_records_cannot_change_the_database(store: Store) -> None:
    rows = store.rows()
    brief = store.brief(EV)
    assert brief is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        rows[0].title = "hacked"  # type: ignore[misc]
    assert isinstance(brief.actors, tuple) and isinstance(brief.tariffs[0].products, tuple)
    records = store.export_records([EV])
    records[0]["actors"].clear()
    records[0]["title"] = "hacked"
    assert store.brief(EV) == brief


def test_writes_are_atomic_and_keep_a_backup(store: Store) -> None:
    store.add_note(EV, "one")
    store.add_note(EV, "two")
    backup = backup_path(store.reader_path)
    assert backup.exists()
    assert backup.read_bytes() == store.reader_path.read_bytes()  # a copy of the last write
    assert not [p for p in store.root.iterdir() if p.name.endswith(".tmp")]


def test_leftover_temporaries_are_cleaned_at_start(store: Store, store_dir: Path) -> None:
    (store_dir / ".reader.json.999.tmp").write_text("half a file")
    Store(store_dir)
    assert not (store_dir / ".reader.json.999.tmp").exists()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b'{"notes": {"a": ', "not valid JSON"),
        (b"[1, 2]", "expected a JSON object"),
        (b'{"notes": [1]}', "table 'notes' is not an object"),
        (b'{"_meta": {"format": {"version": 99}}}', "newer briefing"),
    ],
)
def test_damaged_reader_file_is_named_and_never_overwritten(
    store: Store, store_dir: Path, content: bytes, reason: str
) -> None:
    store.reader_path.write_bytes(content)
    with pytest.raises(DamagedFileError) as caught:
        Store(store_dir)
    assert str(store.reader_path) in str(caught.value) and reason in str(caught.value)
    # A store already open also refuses to write over it.
    with pytest.raises(DamagedFileError):
        store.add_note(EV, "x")
    assert store.reader_path.read_bytes() == content


def test_store_path_that_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    with pytest.raises(StoreError, match="is not a folder"):
        Store(target)


def test_unwritable_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests may run as root, who can write anywhere; so the permission check is faked.
    # An unwritable folder opens for reading only (tests/store/test_read_only.py); a
    # new one is not seeded, since nothing can be written to it.
    monkeypatch.setattr(os, "access", lambda path, mode: not mode & os.W_OK)
    store = Store(tmp_path / "ro")
    assert store.read_only and store.rows() == []
    with pytest.raises(StoreError, match="is read-only: nothing can be saved"):
        store.add_note(EV, "x")
    assert list((tmp_path / "ro").iterdir()) == []


def test_failed_write_leaves_old_file_and_store_consistent(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add_note(EV, "kept")
    before = store.reader_path.read_bytes()

    def no_space(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(StoreError, match="No space left"):
        store.add_note(EV, "lost?")
    monkeypatch.undo()
    assert store.reader_path.read_bytes() == before
    assert [n.text for n in store.notes(EV)] == ["kept"]
    assert not [p for p in store.root.iterdir() if p.name.endswith(".tmp")]


def test_another_process_sees_writes(store: Store, store_dir: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from store import Store; "
        f"Store(Path(sys.argv[1])).add_note({EV!r}, 'from elsewhere')"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(store_dir)], check=True, cwd=Path(__file__).parents[2]
    )
    assert [n.text for n in store.notes(EV)] == ["from elsewhere"]


def test_export_is_importable_again(store: Store, tmp_path: Path) -> None:
    store.add_note(EV, "n1")
    store.set_state(EV, starred=True)
    records = store.export_records()
    path = tmp_path / "export.json"
    path.write_text(json.dumps(records))
    from briefs import read_brief_file

    again = read_brief_file(path)
    assert [b.id for b in again] == [r.id for r in store.rows()]
    assert again == store.all_briefs()
    assert records[0]["notes"][0]["text"] == "n1" and records[0]["starred"] is True


def test_a_failed_backup_does_not_fail_the_save(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from store import storage

    real = storage._replace_durably

    def no_room_for_backups(path: Path, payload: bytes) -> None:
        if path.name.endswith(".bak"):
            raise OSError(28, "No space left on device")
        real(path, payload)

    monkeypatch.setattr(storage, "_replace_durably", no_room_for_backups)
    store.add_note(EV, "saved once")  # no error: the note itself is on disk
    assert [n.text for n in Store(store.root).notes(EV)] == ["saved once"]


def test_a_change_elsewhere_is_reported_once(store: Store) -> None:
    store.rows()
    assert not store.changed_elsewhere()
    Store(store.root).add_note(EV, "from another process")
    assert store.changed_elsewhere()
    assert not store.changed_elsewhere()
    assert [n.text for n in store.notes(EV)] == ["from another process"]
    store.add_note(EV, "our own")
    assert not store.changed_elsewhere()
