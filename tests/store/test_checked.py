"""An open trusts what it checked before, and nothing else (store/checked.py, issue 14):
an unchanged store is not checked again, a `note add` does not parse the index, and any
byte changed since the last check is checked again before anything is written."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

import store.checked
import store.store
from briefs import Brief
from store import DamagedFileError, Store, StoreError
from store.folder import reader_bucket
from tests.conftest import TickingClock
from tests.store.test_read_only import make_read_only

XI = "2025-10-31-xi-carney-apec-gyeongju"
GONE = "2024-08-26-canada-surtax-chinese-evs-steel-aluminum"


def _count_index_checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = store.store.check_index

    def counting(path: Path, data: object) -> None:
        calls.append(1)
        real(path, data)  # type: ignore[arg-type]

    monkeypatch.setattr(store.store, "check_index", counting)
    return calls


def _same_size_edit(path: Path, old: bytes, new: bytes) -> None:
    """Change bytes in place, keeping the size and the times: only the bytes tell."""
    assert len(old) == len(new)
    st = os.stat(path)
    raw = path.read_bytes()
    assert old in raw
    with open(path, "r+b") as handle:
        handle.write(raw.replace(old, new, 1))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def _brief(n: int) -> Brief:
    return Brief(id=f"added-{n}", title=f"Added {n}", date=f"2025-11-0{n}", summary="Added.")


def test_an_unchanged_store_is_not_checked_again(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(store_dir).add_note(XI, "first")
    Store(store_dir)  # checks what the note changed
    calls = _count_index_checks(monkeypatch)
    reopened = Store(store_dir)
    assert reopened.brief(XI) is not None and len(reopened.notes(XI)) == 1
    assert calls == []


def test_a_copied_store_is_checked_again(
    store_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The digests sit in the store's own folder: a store copied or sent from elsewhere
    could carry digests of hostile bytes, so they count only in the folder that wrote
    them (review: a crafted index with its digest listed opened unchecked)."""
    Store(store_dir)
    shutil.copytree(store_dir, tmp_path / "copy")
    calls = _count_index_checks(monkeypatch)
    assert Store(tmp_path / "copy").brief(XI) is not None
    assert calls != []  # checked in the copy
    calls.clear()
    assert Store(store_dir).brief(XI) is not None
    assert calls == []  # not again where it was checked


def test_bytes_changed_since_the_check_are_damage_before_any_write(store_dir: Path) -> None:
    Store(store_dir).add_note(XI, "first")
    Store(store_dir)
    index = store_dir / "briefs.json"
    _same_size_edit(index, b'"date":"2025-10-31"', b'"date":"2025-13-31"')
    before = {p: p.read_bytes() for p in store_dir.rglob("*.json") if p.is_file()}
    with pytest.raises(DamagedFileError, match=r"briefs\.json"):
        Store(store_dir)
    assert {p: p.read_bytes() for p in before} == before


def test_a_note_add_reports_damage_to_another_brief_s_reader_file(store_dir: Path) -> None:
    opened = Store(store_dir)
    other = next(r.id for r in opened.rows() if reader_bucket(r.id) != reader_bucket(XI))
    opened.add_note(other, "theirs")
    opened.add_note(XI, "mine")
    Store(store_dir)
    bucket = store_dir / "reader" / reader_bucket(other)
    _same_size_edit(bucket, b'"text":"theirs"', b'"text":["heir"]')
    mine = store_dir / "reader" / reader_bucket(XI)
    before = mine.read_bytes()
    with pytest.raises(DamagedFileError, match=reader_bucket(other)):
        Store(store_dir).add_note(XI, "more")
    assert mine.read_bytes() == before


def test_a_note_add_does_not_parse_the_index(store_dir: Path) -> None:
    Store(store_dir)
    opened = Store(store_dir)
    note = opened.add_note(XI, "cheap")
    assert not opened._briefs_db.storage.parsed
    with pytest.raises(StoreError, match="no brief with id"):
        opened.add_note("no-such-brief", "refused")
    opened.delete_brief(GONE)
    with pytest.raises(StoreError, match="in the trash"):
        Store(store_dir).add_note(GONE, "refused")
    assert [n.text for n in Store(store_dir).notes(XI)] == [note.text]


def test_a_brief_imported_elsewhere_takes_notes_at_once(store_dir: Path) -> None:
    Store(store_dir)
    reader = Store(store_dir, clock=TickingClock())
    Store(store_dir).import_briefs([_brief(1)])  # another process: another index
    reader.add_note("added-1", "seen")
    fresh = Store(store_dir)
    fresh.add_note("added-1", "seen again")
    assert not fresh._briefs_db.storage.parsed  # the import listed its ids
    assert len(Store(store_dir).notes("added-1")) == 2


def test_damaged_or_foreign_caches_are_not_used(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(store_dir)
    cache = store_dir / "cache"
    ids = cache / "index-ids.txt"
    ids.write_bytes(ids.read_bytes().replace(XI.encode(), b"2025-10-31-xi-carney-apec-gyeongjX"))
    with pytest.raises(StoreError, match="no brief with id"):
        Store(store_dir).add_note("2025-10-31-xi-carney-apec-gyeongjX", "refused")
    Store(store_dir).add_note(XI, "still taken")
    calls = _count_index_checks(monkeypatch)
    (cache / "checked.json").write_text(json.dumps({"format": 1, "checks": "x", "files": {}}))
    Store(store_dir)
    assert calls == [1]
    (cache / "checked.json").write_text("{not json")
    Store(store_dir)
    assert calls == [1, 1]


def test_other_checking_code_checks_everything_again(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(store_dir)
    calls = _count_index_checks(monkeypatch)
    monkeypatch.setattr(store.checked, "fingerprint", lambda: "other checks")
    Store(store_dir)
    assert calls == [1]


def test_a_read_only_store_writes_no_cache(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(store_dir)
    shutil.rmtree(store_dir / "cache")
    make_read_only(store_dir, monkeypatch)
    opened = Store(store_dir)
    assert opened.read_only and opened.brief(XI) is not None
    assert not (store_dir / "cache").exists()
