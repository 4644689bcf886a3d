"""Notes and read/starred states: what Store does with them (store/reader_book.py keeps
them on disk). Mixed into Store; every write is under the store lock, and a store of
format 2 is migrated by its first write."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from briefs.model import Note
from store.errors import NoteChangedError, StoreError
from store.reader_book import NOTES, STATES
from store.records import ReaderState, note_doc, note_from_doc
from store.shapes import MAX_AUTHOR, is_author_name

if TYPE_CHECKING:
    from store.lock import StoreLock
    from store.reader_book import ReaderBook


def check_author(author: str | None) -> None:
    if author is not None and not is_author_name(author):
        raise StoreError(
            f"the author {str(author)[:40]!r} is not a plain name (one line, at most "
            f"{MAX_AUTHOR} characters, no control or format characters)"
        )


def _state(doc: Any) -> ReaderState:
    return ReaderState(read=bool(doc.get("read")), starred=bool(doc.get("starred")))


class NotingStore:
    """Provided by Store: the clock, the lock, the reader's book, the brief check."""

    clock: Callable[[], dt.datetime]
    lock: StoreLock
    _reader: ReaderBook

    def _writable(self) -> None:
        raise NotImplementedError

    def _known(self, brief_id: str) -> None:
        raise NotImplementedError

    def _known_all(self, brief_ids: Iterable[str]) -> None:
        raise NotImplementedError

    # -- read/starred -------------------------------------------------------------

    def state(self, brief_id: str) -> ReaderState:
        with self.lock.reading():
            return _state(self._reader.state_of(brief_id))

    def states(self) -> dict[str, ReaderState]:
        """The read/starred state of every brief that has one."""
        with self.lock.reading():
            docs = self._reader.all_states()
        return {brief_id: _state(doc) for brief_id, doc in docs.items()}

    def set_state(
        self, brief_id: str, *, read: bool | None = None, starred: bool | None = None
    ) -> ReaderState:
        self._writable()
        with self.lock:
            old = self.state(brief_id)
            new = ReaderState(
                read=old.read if read is None else read,
                starred=old.starred if starred is None else starred,
            )
            if new != old:
                doc = {"read": new.read, "starred": new.starred}
                self._reader.write(states={brief_id: doc})
        return new

    # -- notes --------------------------------------------------------------------

    def notes(self, brief_id: str) -> list[Note]:
        """The notes on one brief, newest first."""
        with self.lock.reading():
            docs = self._reader.notes_of(brief_id)
        notes = [note_from_doc(d) for d in docs]
        notes.sort(key=lambda n: (n.created, n.id), reverse=True)
        return notes

    def note(self, note_id: str) -> Note | None:
        with self.lock.reading():
            doc = self._reader.note(note_id)
        return None if doc is None else note_from_doc(doc)

    def note_texts(self) -> dict[str, list[str]]:
        """The text of every note, by brief id (what search needs of notes)."""
        return self.reader_data()[0]

    def reader_stamp(self) -> tuple[object, ...]:
        """Changes when any note or state changes, here or elsewhere (`reader_data` is then
        worth reading again); a few hundred stats, no file read."""
        return self._reader.stamp()

    def reader_data(self) -> tuple[dict[str, list[str]], dict[str, ReaderState]]:
        """`note_texts` and `states` in one read of the reader's files, keeping of each
        file only the texts and states (not every note whole at once: 18 MB at 20,000)."""
        found: dict[str, tuple[str, str]] = {}  # note id → (brief id, text): the last wins
        states: dict[str, ReaderState] = {}
        with self.lock.reading():
            if any(self._reader.legacy()):  # a store of format 2: notes in two places
                notes, docs = self._reader.everything()
                found = {
                    k: (str(d.get("brief_id")), str(d.get("text", ""))) for k, d in notes.items()
                }
                states = {brief_id: _state(doc) for brief_id, doc in docs.items()}
            else:
                for data in self._reader.each_bucket():
                    for key, doc in data.get(NOTES, {}).items():
                        found[key] = (str(doc.get("brief_id")), str(doc.get("text", "")))
                    for brief_id, doc in data.get(STATES, {}).items():
                        states[brief_id] = _state(doc)
        texts: dict[str, list[str]] = {}
        for brief_id, text in found.values():
            texts.setdefault(brief_id, []).append(text)
        return texts, states

    def add_note(self, brief_id: str, text: str, *, author: str | None = None) -> Note:
        """Save a new note (by `author`, a reader's plain name, when a desk shares the
        store); it is on disk when this returns."""
        return self.add_notes([(brief_id, text)], author=author)[0]

    def add_notes(
        self, pairs: Iterable[tuple[str, str]], *, author: str | None = None
    ) -> list[Note]:
        """Save many new notes, (brief id, text) each, in one write per file touched; on
        disk when this returns. A brief that is unknown or in the trash refuses the whole
        batch before anything is written. A write that fails (a full disk) raises, and
        the notes of the files written before it are saved: one file's are all or none."""
        self._writable()
        check_author(author)
        wanted = list(pairs)
        now = self.clock().isoformat()
        with self.lock:
            self._known_all(brief_id for brief_id, _ in wanted)
            # Ids are the second and 32 random bits: thousands made in one second may meet
            # (one batch of 20,000 in twenty), so a batch checks. One note alone, as ever,
            # does not: it would meet only a note made in the same second.
            taken = set(self._reader.all_notes()) if len(wanted) > 1 else set()
            notes: list[Note] = []
            for brief_id, text in wanted:
                note_id = self._new_note_id()
                while note_id in taken:
                    note_id = self._new_note_id()
                taken.add(note_id)
                notes.append(Note(note_id, brief_id, text, now, now, author))
            if notes:
                self._reader.write(notes={n.id: note_doc(n) for n in notes}, fresh=True)
        return notes

    def _new_note_id(self) -> str:
        return f"n{self.clock():%Y%m%d%H%M%S}{secrets.token_hex(4)}"

    def update_note(
        self, note_id: str, text: str, *, expected: str | None = None, author: str | None = None
    ) -> Note:
        """Replace a note's text (and its author, when one is given; else it keeps its
        own). With `expected` (its text when the editor opened), a note changed elsewhere
        meanwhile is left alone: NoteChangedError says so."""
        self._writable()
        check_author(author)
        with self.lock:
            doc = self._reader.note(note_id)
            if doc is None:
                raise StoreError(f"no note with id {note_id!r} (deleted elsewhere?)")
            old = note_from_doc(doc)
            if expected is not None and old.text != expected and old.text != text:
                raise NoteChangedError(old)
            who = old.author if author is None else author
            note = Note(old.id, old.brief_id, text, old.created, self.clock().isoformat(), who)
            if (note.text, note.author) == (old.text, old.author):
                return old
            # What else a desk keeps with the note ("beside") stays with it.
            self._reader.write(notes={note.id: {**doc, **note_doc(note)}})
        return note

    def delete_note(self, note_id: str) -> Note | None:
        """Delete a note; returns it as it was (for an undo), or None when there was none."""
        self._writable()
        with self.lock:
            note = self.note(note_id)
            if note is not None:
                self._reader.write(notes={note_id: None})
        return note

    def restore_note(self, note: Note) -> Note:
        """Put back a note deleted here (the reader's undo) as it was: id, text, times and
        author. Refused when its brief is gone or in the trash, or its id is taken."""
        self._writable()
        check_author(note.author)
        with self.lock:
            self._known(note.brief_id)
            if self._reader.note(note.id) is not None:
                raise StoreError(f"a note with id {note.id!r} is already there")
            self._reader.write(notes={note.id: note_doc(note)}, fresh=True)
        return note
