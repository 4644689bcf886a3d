"""The notes pane: the notes on the shown brief, newest first, and the note editor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefs import Note
from briefs.dates import format_day

if TYPE_CHECKING:
    from tui.widgets.note_editor import NoteEditor
from tui.safe import safe_text

_PREVIEW_LINES = 3
DRAFT_PAUSE = 1.0  # seconds without typing before the editor text is kept as a draft


def _when(iso: str) -> str:
    """'2025-11-28T14:02:00+00:00' → '28 Nov 14:02' (the year is left out: notes are recent)."""
    return f"{format_day(iso)[:6]} {iso[11:16]}"


def note_prompt(note: Note) -> Text:
    head = _when(note.created)
    if note.updated != note.created:
        head += f" · edited {_when(note.updated)}"
    text = Text(head, style="dim", end="")
    lines = note.text.strip().splitlines() or [""]
    preview = lines[:_PREVIEW_LINES]
    if len(lines) > _PREVIEW_LINES:
        preview[-1] += " …"
    for line in preview:
        text.append("\n")
        text.append_text(safe_text(line[:500]))
    return text


class NoteList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="notes.down"),
        Binding("k", "cursor_up", "Up", show=False, id="notes.up"),
        Binding("e", "edit_note", "Edit note", id="notes.edit"),
        Binding("d", "delete_note", "Delete note", id="notes.delete"),
    ]

    class EditRequested(Message):
        def __init__(self, note_id: str) -> None:
            super().__init__()
            self.note_id = note_id

    class DeleteRequested(Message):
        def __init__(self, note_id: str) -> None:
            super().__init__()
            self.note_id = note_id

    def action_edit_note(self) -> None:
        if (option := self.highlighted_option) is not None and option.id:
            self.post_message(self.EditRequested(option.id))

    def action_delete_note(self) -> None:
        if (option := self.highlighted_option) is not None and option.id:
            self.post_message(self.DeleteRequested(option.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.EditRequested(event.option.id))


class NotesPane(Vertical):
    """Shows notes and hosts the editor. Tracks whether the editor holds unsaved text."""

    class DraftDue(Message):
        """Typing paused with unsaved text: time to keep it as a draft."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.editing: bool = False
        self.editing_brief_id: str | None = None  # the brief the note belongs to
        self.editing_note_id: str | None = None  # None while writing a new note
        # Bumped whenever the editor's text stops being a pending draft (saved, closed,
        # reopened), so a draft write already queued for older text is dropped.
        self.generation = 0
        self._saved_text = ""
        self._has_notes = False
        self._error: str | None = None  # why the last save failed, until the next try
        self._draft_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield NoteList(id="note-list")
        yield Static(id="editor-status")  # the editor is mounted above it when first needed

    def on_mount(self) -> None:
        self.query_one("#editor-status").display = False
        self.show_notes([])

    @property
    def editor(self) -> NoteEditor:
        """The editor, created on first use: most sessions read more than they write."""
        from tui.widgets.note_editor import NoteEditor

        found = self.query(NoteEditor)
        if found:
            return found.first()
        editor = NoteEditor()
        editor.display = False
        self.mount(editor, before="#editor-status")
        return editor

    @property
    def note_list(self) -> NoteList:
        return self.query_one(NoteList)

    @property
    def dirty(self) -> bool:
        return self.editing and self.editor.text != self._saved_text

    def show_notes(self, notes: list[Note], highlight: str | None = None) -> None:
        note_list = self.note_list
        note_list.set_options(Option(note_prompt(n), id=n.id) for n in notes)
        if notes:
            ids = [n.id for n in notes]
            note_list.highlighted = ids.index(highlight) if highlight in ids else 0
        self.border_title = f"Notes ({len(notes)})"
        self._has_notes = bool(notes)
        note_list.display = self._has_notes or not self.editing
        if not notes:
            note_list.set_options([Option(Text("No notes yet — press a to add one", "dim"))])
            note_list.disable_option_at_index(0)

    def open_editor(self, brief_id: str, note: Note | None, text: str | None = None) -> None:
        """Open the editor on `note` of brief `brief_id`, or on a new note when None;
        `text` restores a draft."""
        self.generation += 1
        self.editing = True
        self.editing_brief_id = brief_id
        self.editing_note_id = note.id if note else None
        self._saved_text = note.text if note else ""
        editor = self.editor
        editor.load_text(self._saved_text if text is None else text)
        editor.display = True
        editor.move_cursor(editor.document.end)
        self.query_one("#editor-status").display = True
        self.refresh_status()
        editor.focus()
        self.note_list.display = self._has_notes
        self.call_after_refresh(self.scroll_visible, animate=False)

    def close_editor(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._error = None
        self.generation += 1
        self.editing = False
        self.editing_brief_id = None
        self.editing_note_id = None
        self._saved_text = ""
        if self.query("#note-editor"):
            self.editor.display = False
        self.query_one("#editor-status").display = False
        self.note_list.display = True
        self.set_class(False, "-dirty")
        self.border_subtitle = ""

    def detach_from_note(self) -> None:
        """The note being edited was deleted: keep the text, as a new note to save."""
        self.editing_note_id = None
        self._saved_text = ""
        self.refresh_status()

    def mark_saved(self, note: Note) -> None:
        self.generation += 1
        self._error = None
        self.editing_note_id = note.id
        self._saved_text = note.text
        self.refresh_status()
        self.call_after_refresh(self.scroll_visible, animate=False)

    def show_save_error(self, reason: str) -> None:
        """Keep the failure in view beside the text that is still unsaved."""
        self._error = reason
        self.refresh_status()

    def refresh_status(self) -> None:
        if not self.editing:
            return
        what = "New note" if self.editing_note_id is None else "Editing note"
        state = "unsaved changes" if self.dirty else "saved"
        status = Text.assemble(
            (f"{what} · ", "bold"),
            (state, "bold reverse" if self.dirty else "italic"),
            "   ctrl+s save · esc close",
        )
        if self._error:
            status = Text.assemble(("Not saved: ", "bold reverse"), safe_text(self._error))
        self.query_one("#editor-status", Static).update(status)
        self.set_class(self.dirty, "-dirty")
        self.border_subtitle = "● unsaved" if self.dirty else ""

    def on_text_area_changed(self, event: Message) -> None:
        event.stop()
        self._error = None
        self.refresh_status()
        if self._draft_timer is not None:
            self._draft_timer.stop()
        if self.dirty:
            self._draft_timer = self.set_timer(DRAFT_PAUSE, self._draft_due)

    def _draft_due(self) -> None:
        if self.dirty:
            self.post_message(self.DraftDue())
