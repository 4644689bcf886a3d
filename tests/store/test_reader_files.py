"""reader/ as a store folder like corrections/: its temporaries are the store's to
remove, it counts as data, and a folder holding one is a store's (issue 14, issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import DamagedFileError, Store, StoreError
from store.folder import reader_bucket
from store.storage import backup_path

XI = "2025-10-31-xi-carney-apec-gyeongju"
NOTES = f"reader/{reader_bucket(XI)}"


def test_a_bucket_s_leftover_temporary_is_removed_at_start(store_dir: Path) -> None:
    Store(store_dir).add_note(XI, "kept")
    leftover = store_dir / "reader" / f".{reader_bucket(XI)}.4242.tmp"
    leftover.write_text("half a file")
    mine = store_dir / "reader" / "notes-of-mine.txt"
    mine.write_text("not the store's")
    Store(store_dir)
    assert not leftover.exists() and mine.read_text() == "not the store's"


def test_notes_alone_are_data_an_index_cannot_be_missing_from(store_dir: Path) -> None:
    Store(store_dir).add_note(XI, "kept")
    for path in (store_dir / "reader.json", store_dir / "briefs.json"):
        path.unlink()
        backup_path(path).unlink()
    marker = store_dir / ".briefing-store"
    marker.write_text(marker.read_text().replace("reader.json\n", ""))
    with pytest.raises(DamagedFileError, match=r"briefs\.json"):
        Store(store_dir)  # never reseeded over the notes
    assert (store_dir / NOTES).exists()


def test_init_refuses_a_folder_holding_reader_files(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    (folder / "reader").mkdir(parents=True)
    (folder / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match="reader"):
        Store(folder, init=True)


def test_a_brief_s_notes_and_state_share_one_small_file(store: Store, store_dir: Path) -> None:
    store.add_note(XI, "one")
    store.set_state(XI, starred=True)
    files = [p.relative_to(store_dir).as_posix() for p in (store_dir / "reader").iterdir()]
    assert sorted(files) == [NOTES, f"{NOTES}.bak"]


def test_reader_as_a_link_is_damage_before_anything_is_read_through_it(
    store_dir: Path, tmp_path: Path
) -> None:
    Store(store_dir).add_note(XI, "kept")
    elsewhere = tmp_path / "elsewhere"
    (store_dir / "reader").rename(elsewhere)
    (store_dir / "reader").symlink_to(elsewhere)
    with pytest.raises(DamagedFileError, match="symbolic link") as caught:
        Store(store_dir)
    assert caught.value.path == store_dir / "reader"
