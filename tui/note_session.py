"""The note being edited, as plain Python: which brief and note, the text as saved and as
typed, and its saves and drafts.

The notes pane draws it and the reader guards navigation with it; nothing reads widget
state from a worker thread. The editor reports every change (`typed`), so the session's
`text` is always what the reader has typed so far.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefs.model import Note
from store import Store, StoreError


class EmptyNote(ValueError):
    """A note with no text is not saved."""


@dataclass(frozen=True, slots=True)
class DraftRequest:
    """A snapshot of unsaved text to keep, taken on the UI thread."""

    brief_id: str
    note_id: str | None
    text: str
    generation: int


class NoteSession:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.brief_id: str | None = None  # the brief the note belongs to; None: not editing
        self.note_id: str | None = None  # None while writing a new note
        self.saved_text = ""
        self.text = ""
        # Bumped whenever the text stops being a pending draft (saved, closed, reopened), so
        # a draft write already queued for older text is dropped.
        self.generation = 0
        self.error: str | None = None  # why the last save failed, until the next change

    @property
    def editing(self) -> bool:
        return self.brief_id is not None

    @property
    def dirty(self) -> bool:
        return self.editing and self.text != self.saved_text

    def open(self, brief_id: str, note: Note | None, text: str | None = None) -> None:
        """Edit `note` of `brief_id` (a new note when None); `text` restores a draft."""
        self.generation += 1
        self.brief_id = brief_id
        self.note_id = note.id if note else None
        self.saved_text = note.text if note else ""
        self.text = self.saved_text if text is None else text
        self.error = None

    def close(self) -> None:
        self.generation += 1
        self.brief_id = self.note_id = self.error = None
        self.saved_text = self.text = ""

    def typed(self, text: str) -> None:
        self.text = text
        self.error = None

    def detach(self) -> None:
        """The note being edited was deleted: keep the text, as a new note to save."""
        self.note_id = None
        self.saved_text = ""

    def save(self) -> Note:
        """Write the text; on disk when this returns. Raises EmptyNote or StoreError (then
        the text stays, and so does the error, for the pane to show)."""
        if self.brief_id is None:
            raise StoreError("no note is being edited")
        if not self.text.strip():
            raise EmptyNote("An empty note is not saved.")
        text = self.text
        try:
            if self.note_id is not None and self.store.note(self.note_id) is None:
                self.detach()  # deleted elsewhere meanwhile: save it as a new note
            if self.note_id is None:
                note = self.store.add_note(self.brief_id, text)
            else:
                note = self.store.update_note(self.note_id, text)
        except StoreError as exc:
            self.error = str(exc)
            raise
        self.generation += 1
        self.note_id = note.id
        self.saved_text = note.text
        self.error = None
        return note

    # -- drafts: unsaved text survives crashes and closed terminals ----------------

    def draft_request(self) -> DraftRequest | None:
        """What to keep now, or None when nothing is unsaved."""
        if self.brief_id is None or not self.dirty:
            return None
        return DraftRequest(self.brief_id, self.note_id, self.text, self.generation)

    def write_draft(self, request: DraftRequest) -> None:
        """Keep a draft (from a worker); dropped when the text was saved or closed since."""
        if request.generation == self.generation:
            self.store.save_draft(request.brief_id, request.note_id, request.text)

    def keep_draft_now(self) -> None:
        """Keep the text at once (the process is ending)."""
        if (request := self.draft_request()) is not None:
            self.write_draft(request)

    def discard_draft(self) -> None:
        if self.brief_id is not None:
            self.store.delete_draft(self.brief_id)
