"""The content log: briefs read from it, re-imports append, compaction, damage named."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from briefs import brief_from_dict
from store import DamagedFileError, Store, content_log
from store.health import check, repair

XI = "2025-10-31-xi-carney-apec-gyeongju"


def logs(root: Path) -> list[str]:
    return sorted(p.name for p in root.glob("content-*.jsonl"))


def test_index_is_small_and_content_is_in_the_log(store: Store) -> None:
    assert logs(store.root) == ["content-000001.jsonl"]
    index_size = store.briefs_path.stat().st_size
    log_size = (store.root / "content-000001.jsonl").stat().st_size
    assert index_size * 5 < log_size  # the list's fields only
    brief = store.brief(XI)
    assert brief is not None and brief.body and len(brief.actors) >= 4


def test_reimport_appends_and_compaction_drops_dead_versions(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(content_log, "COMPACT_MIN_BYTES", 0)
    store.add_note(XI, "stays")
    brief = store.brief(XI)
    assert brief is not None
    for i in range(12):  # enough dead versions to outweigh the live ones
        store.import_briefs([dataclasses.replace(brief, summary=f"version {i}")])
    assert store.brief(XI).summary == "version 11"  # type: ignore[union-attr]
    assert logs(store.root) != ["content-000001.jsonl"]  # compacted into a new generation
    assert len(logs(store.root)) == 1
    assert len(store.all_briefs()) == 7
    assert [n.text for n in store.notes(XI)] == ["stays"]


def test_damaged_content_is_named_and_repair_lets_it_be_imported_again(store: Store) -> None:
    store.add_note(XI, "mine")
    log = store.root / "content-000001.jsonl"
    raw = bytearray(log.read_bytes())
    record = store._briefs._read_table()[XI]
    raw[record["at"] + 5] ^= 0xFF
    log.write_bytes(bytes(raw))
    with pytest.raises(DamagedFileError, match=f"content of {XI}|damaged"):
        Store(store.root).brief(XI)
    assert not check(store.root).ok
    actions = repair(store.root)
    assert any(XI in line and "import them again" in line for line in actions)
    assert check(store.root).ok
    from briefs.samples import load_samples

    again = Store(store.root)
    counts = again.import_briefs([b for b in load_samples() if b.id == XI])
    assert counts.added == 1
    assert again.brief(XI) is not None
    assert [n.text for n in again.notes(XI)] == ["mine"]


def test_a_missing_log_is_named(store: Store) -> None:
    (store.root / "content-000001.jsonl").unlink()
    with pytest.raises(DamagedFileError, match="content log is missing"):
        Store(store.root).brief(XI)


def test_an_append_cut_short_leaves_the_store_as_it_was(store: Store) -> None:
    log = store.root / "content-000001.jsonl"
    with open(log, "ab") as handle:
        handle.write(b'{"id": "half-written", "tit')  # a crash mid-append
    again = Store(store.root)
    assert again.count() == 7
    new = brief_from_dict({"title": "After the crash", "date": "2025-11-20", "summary": "s"})
    again.import_briefs([new])
    assert again.brief(new.id) == new and again.brief(XI) is not None


def test_one_damaged_brief_does_not_hide_the_others(store: Store) -> None:
    log = store.root / "content-000001.jsonl"
    raw = bytearray(log.read_bytes())
    raw[store._briefs._read_table()[XI]["at"] + 5] ^= 0xFF
    log.write_bytes(bytes(raw))
    read = list(store.read_briefs())
    unreadable = [brief_id for brief_id, brief in read if brief is None]
    assert len(read) - len(unreadable) == 6 and unreadable == [XI]
    assert len(store.all_briefs()) == 6


def test_repair_mends_a_damaged_reader_file_and_damaged_content_in_one_go(
    store: Store,
) -> None:
    store.add_note(XI, "mine")
    store.add_note(XI, "again")  # so the backup holds a good copy
    log = store.root / "content-000001.jsonl"
    raw = bytearray(log.read_bytes())
    raw[store._briefs._read_table()[XI]["at"] + 5] ^= 0xFF
    log.write_bytes(bytes(raw))
    store.reader_path.write_text("{broken")
    repair(store.root)
    assert check(store.root).ok
    assert sorted(n.text for n in Store(store.root).notes(XI)) == ["again", "mine"]
