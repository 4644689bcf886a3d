"""Many notes at once (issue 14): one write per file touched, however many notes, so
adding 20,000 never rewrites a file 20,000 times."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefs import brief_from_dict
from store import Store, StoreError
from store import storage as storage_module
from store.folder import reader_bucket
from tests.conftest import TickingClock

XI = "2025-10-31-xi-carney-apec-gyeongju"


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    writes: list[str] = []
    real = storage_module.atomic_write_bytes

    def counting(path: Path, payload: bytes, *, keep_backup: bool) -> None:
        writes.append(f"{path.parent.name}/{path.name}")
        real(path, payload, keep_backup=keep_backup)

    monkeypatch.setattr(storage_module, "atomic_write_bytes", counting)
    return writes


def test_a_batch_writes_each_file_once(store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(store_dir, clock=TickingClock())
    briefs = [
        brief_from_dict({"title": f"Brief {i}", "date": "2025-01-02", "summary": "s"})
        for i in range(300)
    ]
    store.import_briefs(briefs)
    store.add_note(XI, "the first makes reader.json name its layout")
    pairs = [(briefs[i % 300].id, f"note {i}") for i in range(3000)]
    writes = _counting(monkeypatch)
    notes = store.add_notes(pairs, author="Ana")
    buckets = {f"reader/{reader_bucket(b.id)}" for b in briefs}
    data = [w for w in writes if w.startswith("reader/")]
    assert sorted(data) == sorted(buckets)  # once each, not once per note
    assert [(n.brief_id, n.text, n.author) for n in notes] == [(*p, "Ana") for p in pairs]
    assert len({n.id for n in notes}) == 3000
    reopened = Store(store_dir)
    assert sum(row.note_count for row in reopened.rows()) == 3001
    assert reopened.note(notes[1234].id) == notes[1234]
    assert [n.text for n in reopened.notes(briefs[7].id)][-1] == "note 7"


def test_a_batch_with_an_unknown_brief_saves_nothing(store: Store) -> None:
    with pytest.raises(StoreError, match="no brief"):
        store.add_notes([(XI, "good"), ("no-such-brief", "bad")])
    assert store.notes(XI) == []


def test_ids_that_meet_within_a_batch_are_drawn_again(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn = iter(["aaaaaaaa", "aaaaaaaa", "bbbbbbbb", "aaaaaaaa", "cccccccc"])
    monkeypatch.setattr("store.noting.secrets.token_hex", lambda n: next(drawn))
    clock = store.clock
    store.clock = lambda: clock().replace(minute=0)  # type: ignore[method-assign]
    notes = store.add_notes([(XI, "one"), (XI, "two"), (XI, "three")])
    assert len({n.id for n in notes}) == 3 and len(store.notes(XI)) == 3


def test_an_empty_batch_writes_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    writes = _counting(monkeypatch)
    assert store.add_notes([]) == [] and writes == []


def test_a_save_rewrites_kilobytes_not_the_reader_s_data(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(store_dir, clock=TickingClock())
    briefs = [
        brief_from_dict({"title": f"Brief {i}", "date": "2025-01-02", "summary": "s"})
        for i in range(1000)
    ]
    store.import_briefs(briefs)
    store.add_notes([(briefs[i % 1000].id, "words " * 40) for i in range(4000)])
    held = sum(p.stat().st_size for p in (store_dir / "reader").glob("*.json"))
    sizes: list[int] = []
    real = storage_module.atomic_write_bytes

    def measured(path: Path, payload: bytes, *, keep_backup: bool) -> None:
        sizes.append(len(payload))
        real(path, payload, keep_backup=keep_backup)

    monkeypatch.setattr(storage_module, "atomic_write_bytes", measured)
    store.add_note(briefs[3].id, "one more")
    store.set_state(briefs[4].id, read=True)
    assert len(sizes) == 2 and max(sizes) * 100 < held * 2  # each under 2% of it all
