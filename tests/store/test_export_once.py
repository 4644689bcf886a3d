"""Export reads the notes once for all briefs, not once per brief (issue 11, finding 12)."""

from __future__ import annotations

import pytest

from store import Store

XI = "2025-10-31-xi-carney-apec-gyeongju"


def test_export_reads_the_notes_table_once(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(3):
        store.add_note(XI, f"note {i}")
    expected = [[n.to_dict() for n in store.notes(row.id)] for row in store.rows()]
    table = store._notes
    real = type(table)._read_table
    reads = 0

    def counted(self):  # type: ignore[no-untyped-def]
        nonlocal reads
        if self is table:
            reads += 1
        return real(self)

    monkeypatch.setattr(type(table), "_read_table", counted)
    records = store.export_records()
    assert [r["notes"] for r in records] == expected  # newest first, as before
    assert reads <= 2, reads  # the list's note counts and the export's notes: 7 briefs
