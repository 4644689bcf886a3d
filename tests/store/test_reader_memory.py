"""The reader's files are not all held parsed (issue 14: 18 MB at 20,000 notes): after a
read of every note, only the few files used last stay parsed, and what is read after is
the same."""

from __future__ import annotations

from pathlib import Path

from briefs import brief_from_dict
from store import Store
from store.reader_book import KEPT_PARSED
from tests.conftest import TickingClock

XI = "2025-10-31-xi-carney-apec-gyeongju"


def _store(store_dir: Path) -> tuple[Store, list[str]]:
    store = Store(store_dir, clock=TickingClock())
    briefs = [
        brief_from_dict({"title": f"Brief {i}", "date": "2025-01-02", "summary": "s"})
        for i in range(400)
    ]
    store.import_briefs(briefs)
    store.add_note(XI, "the first makes reader.json name its layout")
    ids = [b.id for b in briefs]
    store.add_notes([(i, f"note on {i}") for i in ids])
    store.set_state(ids[0], read=True)
    return store, ids


def _parsed(store: Store) -> int:
    return sum(s.parsed for s in store._reader.storages())


def test_reading_every_note_leaves_few_files_parsed(store_dir: Path) -> None:
    store, ids = _store(store_dir)
    texts, states = store.note_texts(), store.states()
    assert len(texts) == len(ids) + 1 and states[ids[0]].read
    assert 0 < _parsed(store) <= KEPT_PARSED


def test_what_is_read_again_is_the_same(store_dir: Path) -> None:
    store, ids = _store(store_dir)
    before = (store.note_texts(), store.states(), store.notes(ids[5]))
    assert _parsed(store) <= KEPT_PARSED
    again = (store.note_texts(), store.states(), store.notes(ids[5]))
    assert again == before
    other = Store(store_dir, clock=TickingClock())
    other.add_note(ids[7], "written elsewhere")
    assert "written elsewhere" in store.note_texts()[ids[7]]
    note = store.add_note(ids[9], "written here")
    assert "written here" in [n.text for n in store.notes(ids[9])] and note.id
    assert "written here" in Store(store_dir).note_texts()[ids[9]]
