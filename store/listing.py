"""The store's list rows: every brief (corrected, none in the trash) as a row, newest first.

`row_source` hands out rows made as they are asked for (store/rows.py) from the compact
index (store/compact.py), so the reader's first paint makes a screenful. A row's note
count and read/starred state are looked up brief by brief for the first rows made — a
screenful touches a few dozen of the 256 reader files, not all of them (0.03 s at 100,000
briefs and 20,000 notes) — and from the counts of every file once many rows are made.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from briefs.order import newest_first
from store import corrections as book
from store.corrections import CorrectionBook
from store.index import IndexedStore
from store.lock import StoreLock
from store.reader_book import ReaderBook
from store.records import BriefRow
from store.rows import Rows
from store.tables import brief_row

ONE_BY_ONE = 200  # rows whose notes and state are looked up brief by brief, at most
_NONE: Mapping[str, Any] = {}


class _Marks:
    """Note counts and states for the rows of one `Rows`, as they are made."""

    def __init__(self, reader: ReaderBook, lock: StoreLock, *, every: bool = False) -> None:
        self._reader, self._lock = reader, lock
        self._asked = ONE_BY_ONE if every else 0
        self._all: tuple[dict[str, int], dict[str, Any]] | None = None

    def __call__(self, brief_id: str) -> tuple[int, Mapping[str, Any]]:
        if self._all is not None:
            return self._all[0].get(brief_id, 0), self._all[1].get(brief_id, _NONE)
        with self._lock.reading():
            if self._all is None and self._asked < ONE_BY_ONE:
                self._asked += 1
                return len(self._reader.notes_of(brief_id)), self._reader.state_of(brief_id)
            if self._all is None:
                self._all = self._reader.note_counts(), self._reader.all_states()
        notes, states = self._all
        return notes.get(brief_id, 0), states.get(brief_id, _NONE)


class ListingStore(IndexedStore):
    """Provided by Store: the lock, the reader's book and the corrections."""

    lock: StoreLock
    _reader: ReaderBook
    _book: CorrectionBook

    def rows(self) -> list[BriefRow]:
        """Every brief not in the trash as a list row, newest first (see briefs.order);
        a corrected title, date or source shows."""
        return list(self.row_source(every=True))

    def row_source(self, *, every: bool = False) -> Sequence[BriefRow]:
        """The rows of `rows`, made only as they are asked for (store/rows.py): what the
        reader's list draws a screenful of at its first paint. The store as it is now; a
        row made later shows the notes and state of when it is made. `every`: they will
        all be made, so every note is counted at once."""
        with self.lock.reading():
            held = self._compact()
            laid = dict(self._recent_docs()) if held is not None else {}  # a snapshot too
            corrected, trash = self._book.all(), self._book.trash()
            if held is None:  # no index yet, or none to hold compactly: made here
                briefs = dict(self._index())
        shown = {i: book.row_overrides(doc) for i, doc in corrected.items()}
        marks = _Marks(self._reader, self.lock, every=every)

        def make(brief_id: str, doc: Mapping[str, Any], over: Mapping[str, Any] | None) -> BriefRow:
            notes, state = marks(brief_id)
            return brief_row(brief_id, doc, notes, state, over)

        def plain(brief_id: str, title: str, date: str, source: str | None, sha: str) -> BriefRow:
            notes, state = marks(brief_id)  # as brief_row makes the row of no corrections
            read, starred = bool(state.get("read", False)), bool(state.get("starred", False))
            return BriefRow(brief_id, title, date, source, notes, read, starred, sha)

        if held is None:
            made = (make(i, doc, shown.get(i)) for i, doc in briefs.items() if i not in trash)
            return newest_first(made)
        # A copy: the store changes its trash in place, and these rows are a snapshot (the
        # catalog lays later deletions over them).
        return Rows(held, make, trash=dict(trash), shown=shown, laid=laid, plain=plain)

    def row_ids(self) -> list[str]:
        """The ids of `rows`, in their order, without making the rows."""
        source = self.row_source()
        return source.ids() if isinstance(source, Rows) else [row.id for row in source]

    def row(self, brief_id: str) -> BriefRow | None:
        """One list row, fresh from disk (after a note, state or correction change)."""
        with self.lock.reading():
            doc = self._record(brief_id)
            if doc is None or brief_id in self._book.trash():
                return None
            notes = len(self._reader.notes_of(brief_id))
            state = self._reader.state_of(brief_id)
            shown = book.row_overrides(self._book.doc(brief_id))
        return brief_row(brief_id, doc, notes, state, shown)

    def count(self) -> int:
        with self.lock.reading():
            trash = self._book.trash()
            held = self._compact()
            if held is None:
                return sum(1 for brief_id in self._index() if brief_id not in trash)
            laid = self._recent_docs()
            count = len(held) + sum(1 for brief_id in laid if brief_id not in held)
            return count - sum(1 for i in trash if i in laid or i in held)
