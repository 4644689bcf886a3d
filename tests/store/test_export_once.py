"""Export reads the notes once for all briefs, not once per brief (issue 11, finding 12)."""

from __future__ import annotations

import pytest

from store import Store
from store.reader_book import ReaderBook

XI = "2025-10-31-xi-carney-apec-gyeongju"


def test_export_reads_the_notes_once(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(3):
        store.add_note(XI, f"note {i}")
    expected = [[n.to_dict() for n in store.notes(row.id)] for row in store.rows()]
    reads = 0
    real_all = ReaderBook.all_notes

    def counted(self):  # type: ignore[no-untyped-def]
        nonlocal reads
        reads += 1
        return real_all(self)

    def per_brief(self, brief_id):  # type: ignore[no-untyped-def]
        raise AssertionError("notes read one brief at a time")

    monkeypatch.setattr(ReaderBook, "all_notes", counted)
    monkeypatch.setattr(ReaderBook, "notes_of", per_brief)
    records = store.export_records()
    assert [r["notes"] for r in records] == expected  # newest first, as before
    assert reads == 1, reads  # 7 briefs, every note read once
