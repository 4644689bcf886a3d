"""The Store's corrections and trash: thin methods over store/corrections.py (the file)
and briefs/correcting.py (what each change does), kept apart from store.py for size."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Literal

from briefs.correcting import (
    Change,
    HistoryEntry,
    plan_add,
    plan_correct,
    plan_remove,
    plan_restore,
    plan_revert,
)
from briefs.corrections import BriefCorrections, Corrections, apply, describe
from briefs.model import Brief
from store import corrections as book
from store.errors import StoreError
from store.records import BriefRow, TrashEntry

if TYPE_CHECKING:
    import datetime as dt

    from store.lock import StoreLock


class CorrectingStore:
    """Mixed into Store, which provides the lock, the clock, the corrections file and
    the brief readers named below."""

    lock: StoreLock
    clock: Callable[[], dt.datetime]
    _book: book.CorrectionBook

    def _writable(self) -> None:
        raise NotImplementedError

    def _known(self, brief_id: str) -> None:
        raise NotImplementedError

    def source_brief(self, brief_id: str) -> Brief | None:
        raise NotImplementedError

    def row(self, brief_id: str) -> BriefRow | None:
        raise NotImplementedError

    def rows(self) -> list[BriefRow]:
        raise NotImplementedError

    def correct(self, brief_id: str, changes: Mapping[str, object]) -> Brief:
        """Correct several fields (`title`, `tags`, `actors.2.role`, ...) in one atomic
        change: all or none. A value is raw text as a form holds it (checked by
        briefs.corrections.check_field: `tags` and `products` comma-separated, a rate as
        written, a year or "") or a Python value (list[str], int | None) checked the same;
        a bad one raises CorrectionError (`path: reason`) and nothing is written.
        Returns the corrected brief, on disk when this returns."""
        return self._change(brief_id, lambda s, c, at: plan_correct(s, c, changes, at))

    def add_row(
        self, brief_id: str, table: Literal["actors", "tariffs"], row: Mapping[str, object]
    ) -> Brief:
        """Add an actor or tariff (fields as for `correct`); it shows after the source's."""
        return self._change(brief_id, lambda s, c, at: plan_add(s, c, table, row, at))

    def remove_row(self, brief_id: str, path: str) -> Brief:
        """Remove the row shown at `actors.N` / `tariffs.N`."""
        return self._change(brief_id, lambda s, c, at: plan_remove(s, c, path, at))

    def restore_row(self, brief_id: str, path: str) -> Brief:
        """Put back a source row the reader removed (`path` as in `corrections().removed`)."""
        return self._change(brief_id, lambda s, c, _: plan_restore(s, c, path))

    def revert(self, brief_id: str, path: str) -> Brief:
        """Back to the source: a field, a row `actors.N` (an added row goes), a table
        (`actors`) or `all`. Recorded in the history, so undo brings the edit back."""
        return self._change(brief_id, lambda s, c, _: plan_revert(s, c, path))

    def _change(self, brief_id: str, plan: Callable[[Brief, Corrections, str], Change]) -> Brief:
        self._writable()
        with self.lock:
            source = self._source_of(brief_id)
            doc = self._book.doc(brief_id)
            at = self.clock().isoformat()
            change = plan(source, book.corrections_of(doc), at)
            if change:
                doc = book.record(doc, change, at, self._book.path_of(brief_id))
                self._book.write(corrections={brief_id: doc})
        return apply(source, book.corrections_of(doc))

    def _source_of(self, brief_id: str) -> Brief:
        self._known(brief_id)
        source = self.source_brief(brief_id)
        assert source is not None
        return source

    def corrections(self, brief_id: str) -> BriefCorrections:
        """What the reader corrected in one brief, and the source's values beside it."""
        source = self.source_brief(brief_id)  # may take the lock: not inside `reading`
        with self.lock.reading():
            doc = self._book.doc(brief_id)
        if source is None:
            return BriefCorrections()
        return describe(source, book.corrections_of(doc), book.generation(doc))

    def history(self, brief_id: str) -> list[HistoryEntry]:
        """Every correction of one brief, oldest first."""
        with self.lock.reading():
            return book.history(self._book.doc(brief_id))

    def undo(self, brief_id: str) -> Brief | None:
        """Undo the brief's last change not yet undone (again: the one before); the undo
        is in the history too. None when there is nothing to undo."""
        self._writable()
        with self.lock:
            source = self._source_of(brief_id)
            doc = book.undo(
                self._book.doc(brief_id), self.clock().isoformat(), self._book.path_of(brief_id)
            )
            if doc is None:
                return None
            self._book.write(corrections={brief_id: doc})
        return apply(source, book.corrections_of(doc))

    def corrected_ids(self) -> list[str]:
        """Briefs (not in the trash) that carry corrections, newest first."""
        with self.lock:
            held = {k for k, d in self._book.all().items() if book.corrections_of(d)}
        return [row.id for row in self.rows() if row.id in held]

    def delete_brief(self, brief_id: str) -> TrashEntry:
        """Move a brief to the trash: no view shows it; its content, notes and
        corrections stay, for `undelete`."""
        self._writable()
        with self.lock:
            row = self.row(brief_id)
            if row is None:
                self._known(brief_id)
                raise StoreError(f"no brief with id {brief_id!r}")
            entry = TrashEntry(brief_id, row.title, row.date, self.clock().isoformat())
            doc = {"title": entry.title, "date": entry.date, "deleted_at": entry.deleted_at}
            self._book.write(trash={brief_id: doc})
        return entry

    def undelete(self, brief_id: str) -> bool:
        """Take a brief out of the trash; False when it was not there."""
        self._writable()
        with self.lock:
            if brief_id not in self._book.trash():
                return False
            self._book.write(trash={brief_id: None})
        return True

    def trash(self) -> list[TrashEntry]:
        """Deleted briefs, the most recently deleted first."""
        with self.lock:
            return book.trash_entries(self._book.trash())
