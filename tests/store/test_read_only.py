"""A read-only store can be read: opening, listing, reading briefs and notes, exporting,
checking. Every write says the store is read-only and writes nothing."""

from __future__ import annotations

import builtins
import fcntl
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefs.model import Note, ReaderData
from store import Store, StoreError
from store.health import check
from store.lock import StoreLock
from tests.conftest import TickingClock

XI = "2025-10-31-xi-carney-apec-gyeongju"
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def make_read_only(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `root` read-only: chmod it and its files, and — since root may write anyway —
    fake what the system then says: os.access denies writing there, and opening a file
    there for writing fails with EACCES. `monkeypatch.undo()` or the test's end undoes it."""
    for path in [root, *root.rglob("*")]:
        mode = path.stat().st_mode
        os.chmod(path, stat.S_IMODE(mode) & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    top = os.path.abspath(root)
    real_access, real_os_open, real_open = os.access, os.open, builtins.open

    def inside(path: Any) -> bool:
        if not isinstance(path, str | bytes | os.PathLike):
            return False
        absolute = os.path.abspath(os.fsdecode(path))
        return absolute == top or absolute.startswith(top + os.sep)

    def denied(path: Any) -> PermissionError:
        return PermissionError(13, "Permission denied", os.fsdecode(path))

    def access(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        if mode & os.W_OK and inside(path):
            return False
        return real_access(path, mode, *args, **kwargs)

    def os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & WRITE_FLAGS and inside(path):
            raise denied(path)
        return real_os_open(path, flags, *args, **kwargs)

    def open_(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if set(mode) & set("wax+") and inside(file):
            raise denied(file)
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(builtins, "open", open_)


@pytest.fixture
def restore_modes(store_dir: Path) -> Iterator[None]:
    yield
    for path in [store_dir, *store_dir.rglob("*")] if store_dir.exists() else ():
        os.chmod(path, 0o755 if path.is_dir() else 0o644)


def snapshot(root: Path) -> dict[str, bytes | None]:
    return {
        str(p.relative_to(root)): None if p.is_dir() else p.read_bytes() for p in root.rglob("*")
    }


@pytest.fixture
def read_only(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch, restore_modes: None
) -> Iterator[Store]:
    writable = Store(store_dir, clock=TickingClock())
    writable.add_note(XI, "written before the folder became read-only")
    writable.set_state(XI, starred=True)
    writable.save_view("canola", "canola")
    writable.close()
    make_read_only(store_dir, monkeypatch)
    yield Store(store_dir, clock=TickingClock())


def test_a_read_only_store_opens_and_reads(read_only: Store) -> None:
    assert read_only.read_only
    rows = read_only.rows()
    assert rows[0].id == XI and rows[0].note_count == 1 and rows[0].starred
    assert read_only.brief(XI) is not None and len(read_only.all_briefs()) == len(rows)
    assert [n.text for n in read_only.notes(XI)] == ["written before the folder became read-only"]
    assert read_only.views() == {"canola": "canola"}
    records = read_only.export_records()
    assert records[0]["notes"][0]["text"].startswith("written before")
    assert not read_only.changed_elsewhere()
    assert read_only.orphaned_drafts() == []


def test_a_writable_store_is_not_read_only(store: Store) -> None:
    assert store.read_only is False


@pytest.mark.parametrize(
    "write",
    [
        lambda s: s.add_note(XI, "x"),
        lambda s: s.update_note(s.notes(XI)[0].id, "changed"),
        lambda s: s.delete_note(s.notes(XI)[0].id),
        lambda s: s.set_state(XI, read=True),
        lambda s: s.import_briefs([s.brief(XI)]),
        lambda s: s.import_reader_data(
            [ReaderData(XI, (Note("n1", XI, "t", "2025-11-01T10:00", "2025-11-01T10:00"),))]
        ),
        lambda s: s.save_view("v", "q"),
        lambda s: s.delete_view("canola"),
        lambda s: s.save_draft(XI, None, "typed"),
        lambda s: s.claim_draft_owner(),
    ],
    ids=[
        "add_note",
        "update_note",
        "delete_note",
        "set_state",
        "import_briefs",
        "import_reader_data",
        "save_view",
        "delete_view",
        "save_draft",
        "claim_draft_owner",
    ],
)
def test_every_write_says_read_only_and_writes_nothing(
    read_only: Store, store_dir: Path, write: Any
) -> None:
    before = snapshot(store_dir)
    with pytest.raises(StoreError, match=r"is read-only: nothing can be saved"):
        write(read_only)
    assert snapshot(store_dir) == before


def test_opening_read_only_leaves_leftovers_alone(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch, restore_modes: None
) -> None:
    Store(store_dir)
    (store_dir / ".reader.json.999.tmp").write_text("half a file")
    make_read_only(store_dir, monkeypatch)
    before = snapshot(store_dir)
    Store(store_dir).rows()
    assert snapshot(store_dir) == before


def test_reading_works_without_a_lock_file(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch, restore_modes: None
) -> None:
    Store(store_dir).close()
    (store_dir / ".lock").unlink()  # it cannot be created in a read-only folder
    make_read_only(store_dir, monkeypatch)
    store = Store(store_dir)
    assert store.rows() and not (store_dir / ".lock").exists()


def test_a_read_only_store_takes_a_shared_lock(read_only: Store, store_dir: Path) -> None:
    # Readers share the lock; a writer elsewhere (for whom the folder is writable) waits.
    with read_only.lock:
        other = os.open(store_dir / ".lock", os.O_RDONLY)
        try:
            fcntl.flock(other, fcntl.LOCK_SH | fcntl.LOCK_NB)  # another reader: fine
            fcntl.flock(other, fcntl.LOCK_UN)
            with pytest.raises(BlockingIOError):
                fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a writer: waits
        finally:
            os.close(other)


def test_shared_lock_on_a_missing_file_is_no_lock(tmp_path: Path) -> None:
    lock = StoreLock(tmp_path / ".lock", shared=True)
    with lock, lock:  # re-entrant, as the exclusive one
        pass
    assert not (tmp_path / ".lock").exists()


def test_check_reports_a_read_only_store(read_only: Store, store_dir: Path) -> None:
    before = snapshot(store_dir)
    health = check(store_dir)
    assert health.read_only and health.ok
    assert snapshot(store_dir) == before


def test_check_of_a_writable_store_is_not_read_only(store: Store) -> None:
    assert check(store.root).read_only is False


def test_an_unreadable_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store(tmp_path / "s").close()
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    with pytest.raises(StoreError, match="cannot be read"):
        Store(tmp_path / "s")
