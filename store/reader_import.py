"""Merging an export's reader data (notes, read/starred) into the store's.

Reader data cannot be recreated, so an import adds to it and never replaces any of it:

- a note whose id the store holds with the same text (on the same brief), or whose text
  and creation time the store already holds on that brief, is already there;
- a note whose id is new is restored with its id, text and times;
- a note whose id the store holds with another text is kept beside it, under a new id:
  both texts stay, and the store's own note is untouched;
- read and starred are set when the export says so and never cleared, so an older export
  cannot undo what was marked since.

Importing the same export twice therefore changes nothing the second time. Pure: the
caller holds the store lock and writes the changes in one batch (one write per file of
reader/ touched, store/reader_book.py), as `Store.add_notes` writes many new notes.
Every note it returns to write is new to the store (its own id, or a fresh one).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from briefs.model import Note, ReaderData
from store.records import ReaderImportCounts, note_doc

Docs = Mapping[str, Mapping[str, Any]]


def _content(brief_id: Any, text: Any, created: Any) -> tuple[str, str, str]:
    return str(brief_id), str(text), str(created)


class _Merge:
    def __init__(self, notes: Docs, states: Docs, new_id: Callable[[], str]) -> None:
        self.notes = dict(notes)  # never the caller's: those are the storage's cached dicts
        self.states = dict(states)
        self.new_id = new_id
        self.held = {
            _content(d.get("brief_id"), d.get("text"), d.get("created")) for d in notes.values()
        }
        self.note_changes: dict[str, dict[str, Any]] = {}
        self.state_changes: dict[str, dict[str, Any]] = {}
        self.counts = ReaderImportCounts()

    def _count(self, **more: int) -> None:
        self.counts = dataclasses.replace(
            self.counts, **{k: getattr(self.counts, k) + v for k, v in more.items()}
        )

    def note(self, note: Note) -> None:
        existing = self.notes.get(note.id)
        same = existing is not None and (existing.get("brief_id"), existing.get("text")) == (
            note.brief_id,
            note.text,
        )
        content = _content(note.brief_id, note.text, note.created)
        if same or content in self.held:
            self._count(notes_present=1)
            return
        if existing is None:
            self._count(notes_restored=1)
        else:
            note = dataclasses.replace(note, id=self._fresh_id())
            self._count(notes_beside=1)
        doc = note_doc(note)
        self.notes[note.id] = self.note_changes[note.id] = doc
        self.held.add(content)

    def _fresh_id(self) -> str:
        while (candidate := self.new_id()) in self.notes:
            pass
        return candidate

    def flags(self, data: ReaderData) -> None:
        if data.read is None and data.starred is None:
            return
        old = self.states.get(data.brief_id, {})
        read = bool(old.get("read")) or bool(data.read)
        starred = bool(old.get("starred")) or bool(data.starred)
        if (read, starred) == (bool(old.get("read")), bool(old.get("starred"))):
            self._count(states_unchanged=1)
            return
        doc = {**old, "read": read, "starred": starred}
        self.states[data.brief_id] = self.state_changes[data.brief_id] = doc
        self._count(states_restored=1)


def merge_reader_data(
    notes: Docs, states: Docs, incoming: Iterable[ReaderData], new_id: Callable[[], str]
) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]], ReaderImportCounts]:
    """(note docs to write, state docs to write, counts) for importing `incoming` into a
    store holding `notes` (by note id) and `states` (by brief id)."""
    merge = _Merge(notes, states, new_id)
    for data in incoming:
        for note in data.notes:
            merge.note(note)
        merge.flags(data)
    return merge.note_changes, merge.state_changes, merge.counts
