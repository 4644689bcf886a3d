"""The note (or the summary, edited in place) being edited, as plain Python: which brief
and note, the text as saved and as typed, and its saves and drafts.

The notes pane draws it and the reader guards navigation with it; nothing reads widget
state from a worker thread. The editor reports every change (`typed`), so the session's
`text` is always what the reader has typed so far.
"""

from __future__ import annotations

from dataclasses import dataclass

import orjson

from briefs.model import MAX_CHARS, Note
from store import Draft, NoteChangedError, Store, StoreBusyError, StoreError


class EmptyNote(ValueError):
    """A note that is not saved as it is: empty, or longer than a note may be."""


@dataclass(frozen=True, slots=True)
class Saved:
    """A save: the note written, and the other text when the note had changed elsewhere
    since the editor opened (then ours was saved as a new note beside it)."""

    note: Note | None  # None when a field (the summary) was saved
    conflict: Note | None = None
    written: bool = True  # False: the text was as saved, so nothing was written
    replaced: Note | None = None  # the note as it was before this save changed its text


@dataclass(frozen=True, slots=True)
class DraftRequest:
    """A snapshot of unsaved text to keep, taken on the UI thread."""

    brief_id: str
    note_id: str | None
    text: str
    generation: int
    target: str = ""  # "summary" for the summary edited in place; "" for a note


class NoteSession:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.brief_id: str | None = None  # the brief the note belongs to; None: not editing
        self.note_id: str | None = None  # None while writing a new note
        self.field: str | None = None  # "summary": the brief's summary, edited in place
        self.saved_text = ""
        self.text = ""
        # Bumped whenever the text stops being a pending draft (saved, closed, reopened), so
        # a draft write already queued for older text is dropped.
        self.generation = 0
        self.error: str | None = None  # why the last save failed, until the next change
        self._owner: str | None = None  # this editor's draft owner id, claimed on first use
        self._adopted: Draft | None = None  # a restored draft, dropped once ours is kept
        self.form = FormDraft(store)  # the correction form open, if any
        self.author: str | None = None  # the desk's name for this reader, once known
        # Notes as they were before a deletion or a save changed them, newest last: what
        # the reader's ctrl+z puts back.
        self.undoable: list[Note] = []

    @property
    def editing(self) -> bool:
        return self.brief_id is not None

    @property
    def editing_note(self) -> bool:
        return self.brief_id is not None and self.field is None

    @property
    def dirty(self) -> bool:
        return self.editing and self.text != self.saved_text

    def open(self, brief_id: str, note: Note | None, text: str | None = None) -> None:
        """Edit `note` of `brief_id` (a new note when None); `text` restores a draft."""
        self.generation += 1
        self.brief_id = brief_id
        self.note_id = note.id if note else None
        self.field = None
        self.saved_text = note.text if note else ""
        self.text = self.saved_text if text is None else text
        self.error = None

    def open_field(self, brief_id: str, field: str, saved: str, text: str | None = None) -> None:
        """Edit a field of the brief (the summary) in place; `text` restores a draft."""
        self.open(brief_id, None, text if text is not None else saved)
        self.field = field
        self.saved_text = saved

    def close(self) -> None:
        self.generation += 1
        self.brief_id = self.note_id = self.field = self.error = None
        self.saved_text = self.text = ""

    def typed(self, text: str) -> None:
        self.text = text
        self.error = None

    def detach(self) -> None:
        """The note being edited was deleted: keep the text, as a new note to save."""
        self.note_id = None
        self.saved_text = ""

    def save(self) -> Saved:
        """Write the text; on disk when this returns. Raises EmptyNote or StoreError (then
        the text stays, and so does the error, for the pane to show).

        A note deleted elsewhere meanwhile is saved as a new note; one changed elsewhere is
        left as it is, and this text saved as a new note beside it: never one silently."""
        if self.brief_id is None:
            raise StoreError("no note is being edited")
        if self.store.lock.held_elsewhere():  # never wait on it: say so, keep the text
            self.error = str(StoreBusyError())
            raise StoreBusyError()
        if self.field is not None:
            return self._save_field(self.brief_id, self.field)
        if not self.text.strip():
            raise EmptyNote("An empty note is not saved.")
        if len(self.text) > MAX_CHARS["text"]:  # an export of it would not import again
            raise EmptyNote(
                f"A note holds at most {MAX_CHARS['text']:,} characters; this one has "
                f"{len(self.text):,}. It is kept in the editor."
            )
        text = self.text
        conflict = replaced = None
        try:
            current = self.store.note(self.note_id) if self.note_id is not None else None
            if current is None:
                self.detach()
            if self.note_id is None:
                note = self.store.add_note(self.brief_id, text, author=self.author)
            else:
                try:
                    note = self.store.update_note(self.note_id, text, expected=self.saved_text)
                except NoteChangedError as changed:
                    conflict = changed.current
                    note = self.store.add_note(self.brief_id, text, author=self.author)
                else:
                    if current is not None and current.text != note.text:
                        replaced = current
                        self.undoable.append(current)
            self._drop_own_draft()
        except StoreError as exc:
            self.error = str(exc)
            raise
        self.generation += 1
        self.note_id = note.id
        self.saved_text = note.text
        self.error = None
        return Saved(note, conflict, replaced=replaced)

    # -- undo: notes deleted or saved over -------------------------------------------

    def delete(self, note_id: str) -> Note | None:
        """Delete a note, kept to be put back; None when it was already gone."""
        note = self.store.delete_note(note_id)
        if note is not None:
            self.undoable.append(note)
        return note

    def undo(self, note_id: str) -> Note:
        """Put back the newest change kept of `note_id`: a deleted note as it was, or the
        text a save replaced. Raises StoreError (the change stays kept)."""
        at = max(i for i, n in enumerate(self.undoable) if n.id == note_id)
        before = self.undoable[at]
        current = self.store.note(note_id)
        if current is None:
            note = self.store.restore_note(before)
        else:
            note = self.store.update_note(note_id, before.text, expected=current.text)
        del self.undoable[at]
        return note

    def _save_field(self, brief_id: str, field: str) -> Saved:
        """A correction of the brief's field; a value the field refuses raises EmptyNote
        with the reason (an empty summary), and the text stays."""
        text = self.text
        if text == self.saved_text:  # nothing changed: no correction to record
            return Saved(None, written=False)
        try:
            self.store.correct(brief_id, {field: text})
            self._drop_own_draft()
        except ValueError as exc:
            raise EmptyNote(str(exc)) from exc
        except StoreError as exc:
            self.error = str(exc)
            raise
        self.generation += 1
        self.saved_text = text
        self.error = None
        return Saved(None)

    # -- drafts: unsaved text survives crashes and closed terminals ----------------

    def draft_request(self) -> DraftRequest | None:
        """What to keep now, or None when nothing is unsaved (or nothing can be kept: the
        store is read-only, which the reader said at start)."""
        if self.brief_id is None or not self.dirty or self.store.read_only:
            return None
        return DraftRequest(
            self.brief_id, self.note_id, self.text, self.generation, self.field or ""
        )

    def write_draft(self, request: DraftRequest) -> None:
        """Keep a draft (from a worker); dropped when the text was saved or closed since."""
        if request.generation != self.generation:
            return
        if self._owner is None:
            self._owner = self.store.claim_draft_owner()
        self.store.save_draft(
            request.brief_id,
            request.note_id,
            request.text,
            owner=self._owner,
            base=self.saved_text if request.note_id or request.target else None,
            target=request.target,
        )
        if self._adopted is not None:  # ours now holds the restored text
            self.store.delete_draft(self._adopted)
            self._adopted = None

    def keep_draft_now(self) -> None:
        """Keep the text at once (the process is ending)."""
        if (request := self.draft_request()) is not None:
            self.write_draft(request)

    def discard_draft(self) -> None:
        """Drop what this editor kept (the reader chose to discard its text)."""
        self._drop_own_draft()

    def _drop_own_draft(self) -> None:
        _drop(self.store, self._owner, self._adopted)
        self._adopted = None

    # -- drafts left behind by editors that are gone --------------------------------

    def orphaned_drafts(self) -> list[Draft]:
        """Drafts of editors no longer running, worth offering back; one whose text is
        already saved is dropped, as nothing would be lost."""
        offered = []
        for draft in self.store.orphaned_drafts():
            note = self.store.note(draft.note_id) if draft.note_id else None
            if note is not None and note.text == draft.text:
                self.store.delete_draft(draft)
                continue
            offered.append(draft)
        return offered

    def adopt_draft(self, draft: Draft) -> None:
        """The editor was opened on a restored draft: it is ours now. The old file goes once
        ours is written, so no moment holds neither."""
        self._adopted = draft
        self.saved_text = draft.base if draft.base is not None else self.saved_text
        self.keep_draft_now()

    def drop_draft(self, draft: Draft) -> None:
        self.store.delete_draft(draft)


class FormDraft:
    """The correction form being filled in (tui/screens/edit_form.py), as plain Python: its
    fields' text is kept as a draft, like a note's, so a closed terminal loses none of it."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.brief_id: str | None = None
        self.target = ""  # "brief", "actors.2", "tariffs.new"
        self.texts: dict[str, str] = {}
        self.baseline: dict[str, str] | None = None  # the fields as the form opened
        self.dirty = False
        self._owner: str | None = None
        self._adopted: Draft | None = None  # a restored draft, dropped once ours is kept

    def open(self, brief_id: str, target: str, adopted: Draft | None = None) -> None:
        self.brief_id, self.target, self.texts = brief_id, target, {}
        self.baseline = None
        self.dirty = False
        self._adopted = adopted

    def typed(self, texts: dict[str, str]) -> None:
        self.texts = dict(texts)
        self.dirty = True

    def keep(self) -> None:
        """Write the fields' text as this form's draft (nothing when nothing changed)."""
        if self.brief_id is None or not self.dirty or self.store.read_only:
            return
        if self._owner is None:
            self._owner = self.store.claim_draft_owner()
        text = orjson.dumps(self.texts).decode()
        self.store.save_draft(self.brief_id, None, text, owner=self._owner, target=self.target)
        if self._adopted is not None:
            self.store.delete_draft(self._adopted)
            self._adopted = None

    def close(self) -> None:
        """The form was saved or dropped: its draft goes (and a restored one with it)."""
        _drop(self.store, self._owner, self._adopted)
        self._adopted = None
        self.brief_id, self.target, self.texts, self.dirty = None, "", {}, False
        self.baseline = None


def _drop(store: Store, owner: str | None, adopted: Draft | None) -> None:
    """Remove an editor's own draft and the restored one it took over, if any."""
    if owner is not None:
        store.draft_box.remove(owner)
    if adopted is not None:
        store.delete_draft(adopted)


def form_texts(draft: Draft) -> dict[str, str]:
    """The fields' text a form's draft holds ({} when it cannot be read)."""
    try:
        data = orjson.loads(draft.text)
    except orjson.JSONDecodeError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, str)}
