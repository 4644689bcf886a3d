"""A deferred open (the reader's: Store(defer_checks=True)) takes a listed file on trust
while it is the very file listed, hashes it only in `finish_checks`, and still names a
damaged file before anything is written: a write runs the checks first."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import store.storage
from store import DamagedFileError, Store
from store.folder import reader_bucket
from tests.conftest import TickingClock

XI = "2025-10-31-xi-carney-apec-gyeongju"


def _listed(store_dir: Path) -> Store:
    """A store with a note and a view, opened once more so its files' digests and
    identities are listed (cache/checked.json)."""
    first = Store(store_dir, clock=TickingClock())
    first.add_note(XI, "a note")
    first.save_view("mine", "canola")
    return Store(store_dir, clock=TickingClock())


def _damage_in_place(path: Path) -> bytes:
    """Break the JSON without changing the size, the inode or the times."""
    st = os.stat(path)
    raw = path.read_bytes()
    assert raw.startswith(b"{")
    with open(path, "r+b") as handle:
        handle.write(b"[")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert os.stat(path).st_ino == st.st_ino
    return path.read_bytes()


def _count_hashing(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    hashed: list[Path] = []
    real_read, real_hash = store.storage.read_bytes, store.storage._hash_file

    def reading(path: Path):  # type: ignore[no-untyped-def]
        hashed.append(path)
        return real_read(path)

    def hashing(path: Path):  # type: ignore[no-untyped-def]
        hashed.append(path)
        return real_hash(path)

    monkeypatch.setattr(store.storage, "read_bytes", reading)
    monkeypatch.setattr(store.storage, "_hash_file", hashing)
    return hashed


def test_a_deferred_open_reads_no_listed_file_until_the_checks(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _listed(store_dir)
    hashed = _count_hashing(monkeypatch)
    opened = Store(store_dir, clock=TickingClock(), defer_checks=True)
    assert opened.checks_pending
    assert not [p for p in hashed if p.exists()]  # only files that are not there were asked
    assert opened.brief(XI) is not None and [n.text for n in opened.notes(XI)] == ["a note"]
    opened.finish_checks()
    assert not opened.checks_pending
    # Each listed file was hashed once: when first parsed, or else by the checks.
    listed = {store_dir / "briefs.json", store_dir / "reader.json", _bucket(store_dir)}
    assert listed <= set(hashed)


def _bucket(store_dir: Path) -> Path:
    return store_dir / "reader" / reader_bucket(XI)


@pytest.mark.parametrize("name", ["bucket", "reader.json", "briefs.json"])
def test_a_file_damaged_in_place_is_checked_at_open(store_dir: Path, name: str) -> None:
    # Its mtime put back, its ctime moved all the same: not the file listed (review R).
    _listed(store_dir)
    path = _bucket(store_dir) if name == "bucket" else store_dir / name
    damaged = _damage_in_place(path)
    with pytest.raises(DamagedFileError) as caught:
        Store(store_dir, clock=TickingClock(), defer_checks=True)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == damaged


def _blind_to_ctime(monkeypatch: pytest.MonkeyPatch) -> None:
    """Damage no identity shows (bits gone bad on the disk), as an edit in place with its
    times put back looks when the ctime is left out."""
    real = store.storage.identity_of
    monkeypatch.setattr(store.storage, "identity_of", lambda st: (*real(st)[:2], 0, st.st_size))


@pytest.mark.parametrize("name", ["bucket", "reader.json", "briefs.json"])
def test_damage_no_identity_shows_is_named_before_any_write(
    store_dir: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _blind_to_ctime(monkeypatch)
    _listed(store_dir)
    path = _bucket(store_dir) if name == "bucket" else store_dir / name
    damaged = _damage_in_place(path)
    backup = path.with_name(path.name + ".bak").read_bytes()
    opened = Store(store_dir, clock=TickingClock(), defer_checks=True)  # taken on trust
    with pytest.raises(DamagedFileError) as caught:
        opened.add_note(XI, "never written")
    assert str(path) in str(caught.value)
    with pytest.raises(DamagedFileError):
        opened.save_view("other", "steel")
    with pytest.raises(DamagedFileError):  # said again at every call, not once
        opened.finish_checks()
    assert opened.checks_pending
    assert path.read_bytes() == damaged
    assert path.with_name(path.name + ".bak").read_bytes() == backup
    with pytest.raises(DamagedFileError):  # as an ordinary open says at once
        Store(store_dir, clock=TickingClock())


def test_a_file_replaced_since_it_was_listed_is_checked_at_open(store_dir: Path) -> None:
    _listed(store_dir)
    path = _bucket(store_dir)
    path.write_bytes(b"{not json")  # another size, another identity: not the file listed
    with pytest.raises(DamagedFileError):
        Store(store_dir, clock=TickingClock(), defer_checks=True)


def test_a_write_runs_the_checks_first_and_then_is_made(store_dir: Path) -> None:
    _listed(store_dir)
    opened = Store(store_dir, clock=TickingClock(), defer_checks=True)
    opened.add_note(XI, "second")
    assert not opened.checks_pending
    assert sorted(n.text for n in Store(store_dir).notes(XI)) == ["a note", "second"]


def test_a_new_store_is_seeded_and_checked_at_once(store_dir: Path) -> None:
    opened = Store(store_dir, clock=TickingClock(), defer_checks=True)
    assert not opened.checks_pending and opened.brief(XI) is not None
