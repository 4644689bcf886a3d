"""The reader's note editing: opening the editor, saving, leaving, drafts and the questions
asked before unsaved text could be lost. A mixin of ReaderScreen, kept apart so each file
holds one job; the state itself lives in the note session (tui/note_session.py).

Every keystroke is kept: keys are handled one at a time in typing order
(tui/key_order.py), so ctrl+s saves exactly what was typed before it and the keys typed
right after `a` land in the editor, never as reader commands.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import work
from textual.widgets import Input
from textual.widgets.option_list import OptionDoesNotExist

from briefs.model import Brief, Note
from store import Draft, StoreError
from tui.catalog import Catalog
from tui.note_session import DraftRequest, EmptyNote, NoteSession
from tui.screens.dialogs import Choice, ChoiceScreen
from tui.timings import Timings, after

if TYPE_CHECKING:
    from textual.timer import Timer
    from textual.widgets import TextArea

    from tui.widgets.brief_list import BriefList
    from tui.widgets.notes_pane import NotesPane


class _TypingFieldCheck(type):
    def __instancecheck__(cls, widget: object) -> bool:
        if isinstance(widget, Input):
            return True
        # A text area exists only once its module is loaded (the note editor loads it
        # when first used): the reader's start does not load it to ask.
        text_area = sys.modules.get("textual.widgets._text_area")
        return text_area is not None and isinstance(widget, text_area.TextArea)


class TYPING_FIELDS(metaclass=_TypingFieldCheck):  # read as a tuple of kinds
    """`isinstance(widget, TYPING_FIELDS)`: an Input or a TextArea, where the keys that are
    reader commands elsewhere type."""


UNSAVED = (
    Choice("save", "Save", "s", "primary"),
    Choice("discard", "Discard", "d", "error"),
    Choice("cancel", "Cancel", "c"),
)
RESTORE = (
    Choice("restore", "Restore", "r", "primary"),
    Choice("later", "Not now", "l"),
    Choice("discard", "Discard", "d", "error"),
)
DELETE = (Choice("delete", "Delete", "y", "error"), Choice("keep", "Keep", "n", "primary"))


def first_line(text: str, limit: int = 60) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


class NoteEditing:
    """What ReaderScreen does with notes. It provides the attributes declared here."""

    catalog: Catalog
    session: NoteSession
    timings: Timings
    brief: Brief | None
    brief_list: BriefList
    notes_pane: NotesPane
    _draft_timer: Timer | None
    _asking: bool
    _undo: list[tuple[str, str]]  # what ctrl+z undoes (kind, id), newest last

    if TYPE_CHECKING:
        from textual.app import App

        app: App[None]

        def notify(self, message: str, *, severity: str = ..., timeout: float = ...) -> None: ...
        def _open(self, brief_id: str, *, scroll_home: bool = True) -> None: ...
        def _show_notes(self, highlight: str | None = None) -> None: ...
        def _changed_here(self, brief_id: str) -> None: ...
        def open_form(
            self, brief: Brief, target: str, *, restored: Draft | None = None
        ) -> None: ...
        def set_focus(self, widget: object) -> None: ...
        def query_one(self, selector: str, expect_type: type | None = None) -> Any: ...
        def open_summary_editor(
            self, brief_id: str, saved: str, text: str | None = None
        ) -> None: ...
        def close_summary_editor(self) -> None: ...
        def show_summary_status(self) -> None: ...
        def summary_saved(self, brief_id: str, *, written: bool) -> None: ...
        @property
        def summary_editor(self) -> TextArea: ...

    # -- the editor ----------------------------------------------------------------

    def sync_text(self) -> None:
        """The session takes the editor's text as it is now: every key it has handled."""
        if not self.session.editing:
            return
        if self.session.field is not None:
            self.session.typed(self.summary_editor.text)
        elif self.notes_pane.has_editor:
            self.session.typed(self.notes_pane.editor.text)

    def refresh_editor_status(self) -> None:
        if self.session.field is not None:
            self.show_summary_status()
        else:
            self.notes_pane.refresh_status()

    def open_editor(self, brief_id: str, note: Note | None, text: str | None = None) -> None:
        self.session.open(brief_id, note, text)
        self.notes_pane.open_editor()
        # At once, not after the next refresh: the keys typed next must reach the editor.
        self.set_focus(self.notes_pane.editor)

    def close_editor(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
        in_place = self.session.field is not None
        self.session.close()
        self.notes_pane.close_editor()
        if in_place:
            self.close_summary_editor()

    def action_add_note(self) -> None:
        if self.brief is None:
            self.notify("There is no brief to add a note to.", severity="warning")
            return
        brief_id = self.brief.id
        self.guard_unsaved(lambda: self.open_editor(brief_id, None))

    def action_edit_note(self) -> None:
        note_id = self.notes_pane.note_list.highlighted_note_id
        if note_id is not None:
            self.edit_note(note_id)

    def _note(self, note_id: str) -> Note | None:
        """The note as it is on disk now; None (and said why) when it cannot be had."""
        try:
            note = self.catalog.store.note(note_id)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return None
        if note is None:
            self.notify("That note was deleted elsewhere.", severity="warning")
            self._show_notes()
        return note

    def edit_note(self, note_id: str) -> None:
        note = self._note(note_id)
        if note is None:
            return
        if self.session.editing and self.session.note_id == note_id:
            self.set_focus(self.notes_pane.editor)  # already open: back to it
            return
        self.guard_unsaved(lambda: self.open_editor(note.brief_id, note))

    def delete_note(self, note_id: str) -> None:
        note = self._note(note_id)
        if note is None:
            return

        def answered(answer: str | None) -> None:
            if answer != "delete":
                return
            try:
                self.session.delete(note_id)
            except StoreError as exc:
                self.notify(str(exc), severity="error", timeout=10)
                return
            self._undo.append(("note", note_id))
            if self.session.note_id == note_id:
                self.session.detach()  # its text stays, to save as a new note
                self.notes_pane.refresh_status()
            self._show_notes()
            self.notify("Note deleted (ctrl+z brings it back).", timeout=5)
            self._changed_here(note.brief_id)

        question = f"Delete the note “{first_line(note.text)}”?"
        dialog = ChoiceScreen(question, DELETE, default="keep", cancel="keep")
        self.app.push_screen(dialog, answered)

    def undo_last(self) -> None:
        """ctrl+z: a note deleted or saved over comes back; any other step is the brief's."""
        if not self._undo or self._undo[-1][0] != "note":
            super().undo_last()  # type: ignore[misc]
            return
        note_id = self._undo[-1][1]

        def undo() -> None:
            try:
                note = self.session.undo(note_id)
            except StoreError as exc:
                self.notify(f"Not undone: {exc}", severity="error", timeout=10)
                return
            self._undo.pop()
            self._bring_into_view(note)
            self.notify("Note brought back." if note.created == note.updated else "Undone.")
            self._changed_here(note.brief_id)

        if self.session.editing_note and self.session.note_id == note_id:
            self.guard_unsaved(undo)  # the editor holds that note: it closes first
        else:
            undo()

    def _bring_into_view(self, note: Note) -> None:
        """Show the note's brief (when another is shown) with the note highlighted."""
        if self.brief is None or self.brief.id != note.brief_id:
            with contextlib.suppress(OptionDoesNotExist):
                self.brief_list.highlighted = self.brief_list.get_option_index(note.brief_id)
            self._open(note.brief_id)
        self._show_notes(highlight=note.id)

    # -- saving --------------------------------------------------------------------

    def action_save_note(self) -> None:
        self.save_now()

    def save_now(self) -> bool:
        """Save the session's text; True once it is on disk."""
        session = self.session
        brief_id = session.brief_id
        if brief_id is None:
            return False
        self.sync_text()
        try:
            saved = session.save()
        except EmptyNote as exc:
            self.notify(str(exc), severity="warning")
            return False
        except StoreError as exc:
            # The text stays in the editor (and as a draft), and the file on disk is the old one.
            self.keep_draft()
            self.refresh_editor_status()
            self.notify(f"Not saved: {exc}", severity="error", timeout=15)
            return False
        if saved.note is None:  # the summary, edited in place
            self.summary_saved(brief_id, written=saved.written)
            return True
        if saved.replaced is not None:
            self._undo.append(("note", saved.note.id))
        self.notes_pane.refresh_status()
        self._show_notes(highlight=saved.note.id)
        self._changed_here(brief_id)
        if saved.conflict is not None:
            self.notify(
                "This note was changed elsewhere while you edited it: both texts are kept, "
                "yours as a new note.",
                severity="warning",
                timeout=15,
            )
        else:
            self.notify("Note saved.", timeout=2)
        return True

    def action_leave_editor(self) -> None:
        back_to = self.query_one("#detail") if self.session.field else self.notes_pane.note_list
        self.guard_unsaved(lambda: self.set_focus(back_to))

    # -- questions before unsaved text could go -------------------------------------

    def guard_unsaved(
        self, then: Callable[[], object], otherwise: Callable[[], object] | None = None
    ) -> None:
        """Run `then` now, or once the reader has saved or dropped the unsaved note (on
        cancel, `otherwise`). What was typed is kept as a draft while the question is open."""
        self.sync_text()
        if not self.session.dirty:
            self.close_editor()
            then()
            return
        self.keep_draft()

        def answered(answer: str | None) -> None:
            self._asking = False
            if answer == "save" and self.save_now():
                self.close_editor()
                then()
            elif answer == "discard":
                self._discard_draft()
                self.close_editor()
                then()
            elif otherwise is not None:
                otherwise()

        self._asking = True
        what = "The summary" if self.session.field else "This note"
        question = f"{what} has unsaved changes."
        self.app.push_screen(
            ChoiceScreen(question, UNSAVED, default="save", cancel="cancel"), answered
        )

    def request_quit(self) -> None:
        """q, ctrl+q and ctrl+c: quit, asking first when a note is unsaved."""
        self.guard_unsaved(self.app.exit)

    # -- drafts: unsaved text survives crashes and closed terminals -----------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """The editor's text changed: the session follows it, a draft is kept after a pause."""
        if not self.session.editing:
            return  # an editor filled as it is prepared
        self.session.typed(event.text_area.text)
        self.refresh_editor_status()
        if self._draft_timer is not None:
            self._draft_timer.stop()
        if self.session.dirty:
            self._draft_timer = after(self, self.timings.draft_pause, self.keep_draft)  # type: ignore[arg-type]

    def keep_draft(self) -> None:
        """Keep the unsaved text as a draft, written off the UI thread."""
        request = self.session.draft_request()
        if request is not None:
            self._write_draft(request)

    @work(thread=True, exclusive=True, group="draft", exit_on_error=False)
    def _write_draft(self, request: DraftRequest) -> None:
        try:
            self.session.write_draft(request)
        except StoreError as exc:
            self.app.call_from_thread(self.notify, f"Draft not kept: {exc}", severity="warning")

    def _discard_draft(self) -> None:
        try:
            self.session.discard_draft()
        except StoreError as exc:
            self.notify(str(exc), severity="error")

    def offer_drafts(self) -> None:
        """At start, offer back the text of a note that was never saved: Enter restores it,
        Escape keeps it for the next start, only Discard drops it."""
        store = self.catalog.store
        try:
            drafts = self.session.orphaned_drafts()
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=15)
            return
        for draft in drafts:
            try:
                brief = store.brief(draft.brief_id)
                note = store.note(draft.note_id) if draft.note_id else None
            except StoreError:
                continue  # damaged: kept for after `briefing check --repair`
            # A draft whose brief is gone is kept (never deleted unasked) until the brief
            # is imported again.
            if brief is None or draft.brief_id not in self.catalog.rows or not draft.text.strip():
                continue
            self._ask_restore(draft, brief, note)
            return  # one at a time; the next start offers any other

    def _ask_restore(self, draft: Draft, brief: Brief, note: Note | None) -> None:
        def answered(answer: str | None) -> None:
            if answer == "discard":
                with contextlib.suppress(StoreError):
                    self.session.drop_draft(draft)
                return
            if answer != "restore":
                return  # not now: asked again at the next start
            with contextlib.suppress(OptionDoesNotExist):
                self.brief_list.highlighted = self.brief_list.get_option_index(draft.brief_id)
            self._open(draft.brief_id)  # before the editor opens: nothing to ask
            if draft.target == "summary":  # the summary, edited in place
                self.open_summary_editor(draft.brief_id, brief.summary, draft.text)
                self.session.adopt_draft(draft)
                return
            if draft.target:  # a correction form's fields
                self.open_form(brief, draft.target, restored=draft)
                return
            self.open_editor(draft.brief_id, note, text=draft.text)
            self.session.adopt_draft(draft)

        when = _when(draft.saved_at)
        what = "A correction you were making" if draft.target else "A note you were writing"
        question = f"{what} on “{brief.title}” was not saved ({when}). Restore it?"
        self.app.push_screen(
            ChoiceScreen(question, RESTORE, default="restore", cancel="later"), answered
        )


def _when(iso: str) -> str:
    try:
        return dt.datetime.fromisoformat(iso).strftime("%d %b %H:%M")
    except ValueError:
        return "some time ago"
