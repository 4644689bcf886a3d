"""A store of format 2 (notes and states in reader.json) opens as it is and is migrated
to reader/ by its first write, after a backup; a kill at any step of the migration
leaves a store that opens with every note (issue 14)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store import Store, StoreError
from store.folder import reader_bucket
from store.health import check, repair
from store.storage import FORMAT_VERSION
from tests.conftest import TickingClock
from tests.fixtures.cut_short import Killed, cut_after
from tests.fixtures.format2 import format_2_store
from tests.store.test_read_only import make_read_only
from tui.cli import main

XI = "2025-10-31-xi-carney-apec-gyeongju"


def _seen(store: Store) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[bool, bool]]]:
    """Every note (id → brief, text), found each way the store offers, and every state."""
    notes = {}
    for row in store.rows():
        for note in store.notes(row.id):
            assert store.note(note.id) == note
            notes[note.id] = (note.brief_id, note.text)
        assert row.note_count == len(store.notes(row.id))
    assert {k: v[1] for k, v in notes.items()} == {k: t for k, t in _texts(store).items()}
    states = {k: (s.read, s.starred) for k, s in store.states().items()}
    return notes, states


def _texts(store: Store) -> dict[str, str]:
    by_text = {}
    for brief_id, texts in store.note_texts().items():
        for text in texts:
            by_text[text] = brief_id
    return {note.id: note.text for brief_id in by_text.values() for note in store.notes(brief_id)}


def _expected(data: dict) -> tuple[dict, dict]:  # type: ignore[type-arg]
    notes = {k: (d["brief_id"], d["text"]) for k, d in data["notes"].items()}
    states = {k: (d["read"], d["starred"]) for k, d in data["states"].items()}
    return notes, states


def test_a_store_of_format_2_reads_as_it_is_and_writes_nothing(store_dir: Path) -> None:
    data = format_2_store(store_dir)
    before = (store_dir / "reader.json").read_bytes()
    store = Store(store_dir)
    assert _seen(store) == _expected(data)
    assert store.views() == {"canola": "canola"}
    assert (store_dir / "reader.json").read_bytes() == before
    assert not (store_dir / "reader").exists() and not (store_dir / "reader-v2.json").exists()
    assert check(store_dir).ok


def test_the_first_write_migrates_after_a_backup(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = format_2_store(store_dir)
    before = (store_dir / "reader.json").read_bytes()
    store = Store(store_dir, clock=TickingClock())
    new = store.add_note(XI, "after the split")
    assert (store_dir / "reader-v2.json").read_bytes() == before  # the old file, whole
    reader = json.loads((store_dir / "reader.json").read_text())
    assert "notes" not in reader and "states" not in reader
    assert reader["views"] == {"canola": {"query": "canola"}}
    assert reader["_meta"] == {"format": {"version": FORMAT_VERSION}, "reader": {"buckets": 256}}
    bucket = json.loads((store_dir / "reader" / reader_bucket(XI)).read_text())
    assert new.id in bucket["notes"] and bucket["states"][XI] == {"read": True, "starred": True}
    notes, states = _expected(data)
    notes[new.id] = (XI, "after the split")
    for opened in (store, Store(store_dir)):
        assert _seen(opened) == (notes, states)
    assert main(["check", "--store", str(store_dir)]) == 0
    out = capsys.readouterr().out
    files = len({reader_bucket(b) for b in [*data["states"], *(d[0] for d in notes.values())]})
    assert f"reader: ok, {files} files, 6 notes, 2 states" in out
    assert "reader-v2.json: ok, 5 notes, 2 states, 1 views" in out


@pytest.mark.parametrize(
    "write",
    [
        lambda s: s.set_state(XI, starred=False),
        lambda s: s.delete_note("n202511200901009e01a3e4"),
        lambda s: s.update_note("n202511200901009e01a3e4", "edited"),
        lambda s: s.save_view("steel", "steel"),
    ],
    ids=["state", "delete", "edit", "view"],
)
def test_every_kind_of_write_migrates_first(store_dir: Path, write) -> None:  # type: ignore[no-untyped-def]
    data = format_2_store(store_dir)
    store = Store(store_dir, clock=TickingClock())
    write(store)
    assert "notes" not in json.loads((store_dir / "reader.json").read_text())
    notes, states = _seen(Store(store_dir))
    assert set(notes) | {"n202511200901009e01a3e4"} == set(data["notes"])
    assert len(states) == 2


def test_a_kill_at_any_step_of_the_migration_loses_no_note(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = format_2_store(store_dir)
    expected = _expected(data)
    pristine = {
        p.relative_to(store_dir): p.read_bytes() for p in store_dir.rglob("*") if p.is_file()
    }
    cut = 0
    for step in range(40):
        store = Store(store_dir, clock=TickingClock())
        cut_after(monkeypatch, step)
        try:
            store.save_view("canola", "canola")  # a write that changes nothing seen
        except Killed:
            cut += 1
        finally:
            monkeypatch.undo()
        opened = Store(store_dir)  # opens, whatever the step, with every note
        assert _seen(opened) == expected, step
        assert check(store_dir).ok, step
        if cut <= step:
            break  # the migration ran to its end: each step before it was cut once
        # Again from the store as the cut left it: the next write completes it.
        opened.add_note(XI, "next")
        assert "notes" not in json.loads((store_dir / "reader.json").read_text())
        assert set(expected[0]) < set(_seen(Store(store_dir))[0])
        for path in [p for p in store_dir.rglob("*") if p.is_file()]:
            path.unlink()
        for rel, payload in pristine.items():
            (store_dir / rel).parent.mkdir(exist_ok=True)
            (store_dir / rel).write_bytes(payload)
    assert cut >= 10, cut  # the link, four buckets, reader.json, their backups, the ledger


def test_a_format_2_reader_file_that_comes_back_loses_nothing_written_since(
    store_dir: Path,
) -> None:
    format_2_store(store_dir)
    old = (store_dir / "reader.json").read_bytes()
    store = Store(store_dir, clock=TickingClock())
    later = store.add_note(XI, "written after the split")
    (store_dir / "reader.json").write_bytes(old)  # a stale copy put back by hand or a tool
    reopened = Store(store_dir, clock=TickingClock())
    assert reopened.note(later.id) == later
    reopened.add_note(XI, "and one more")  # migrates the stale copy in again
    notes, _ = _seen(Store(store_dir))
    assert later.id in notes and len(notes) == 7
    assert sorted(p.name for p in store_dir.glob("reader-v2*.json")) == [
        "reader-v2-2.json",
        "reader-v2.json",
    ]


def test_a_read_only_store_of_format_2_reads_and_refuses_to_migrate(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = format_2_store(store_dir)
    before = (store_dir / "reader.json").read_bytes()
    make_read_only(store_dir, monkeypatch)
    store = Store(store_dir)
    assert store.read_only and _seen(store) == _expected(data)
    with pytest.raises(StoreError, match="read-only"):
        store.add_note(XI, "refused")
    monkeypatch.undo()
    assert (store_dir / "reader.json").read_bytes() == before
    assert not (store_dir / "reader").exists()


def test_a_damaged_split_backup_is_named_and_moved_aside(store_dir: Path) -> None:
    format_2_store(store_dir)
    Store(store_dir, clock=TickingClock()).add_note(XI, "migrates")
    kept = store_dir / "reader-v2.json"
    kept.write_text('{"notes": {"../x": {}}}')
    assert not check(store_dir).ok
    assert any("reader-v2.json" in line and "kept as" in line for line in repair(store_dir))
    assert check(store_dir).ok and not kept.exists()
    assert len(_seen(Store(store_dir))[0]) == 6  # a copy only: the store is whole without it
