"""The notes pane: the notes on the shown brief, newest first, and the note editor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefs import Note
from briefs.dates import format_day
from tui.key_order import post_holding_keys
from tui.safe import safe_text
from tui.widgets.scroll_bars import CachedBars, set_border_title

if TYPE_CHECKING:
    from tui.note_session import NoteSession
    from tui.widgets.note_editor import NoteEditor

_PREVIEW_LINES = 3
_CUT = 71  # how much of a long note id store.sync.layout.beside_id keeps


def _when(iso: str) -> str:
    """'2025-11-28T14:02:00+00:00' → '28 Nov 14:02' (the year is left out: notes are recent).

    The time comes from a store file: one that is not a date shows as written, cut short.
    """
    try:
        day = format_day(iso)[:6]
    except ValueError:
        return iso[:16]
    return f"{day} {iso[11:16]}"


def kept_beside(note_id: str) -> str | None:
    """The note this one was kept beside when a desk's sync met two edits of it, read
    from its id (`store.sync.layout.beside_id`: the note's id, '-', eight hex digits);
    None for any other id. Parsed here so the reader loads no sync code to draw notes."""
    base, dash, tail = note_id.rpartition("-")
    if dash and base and len(tail) == 8 and all(c in "0123456789abcdef" for c in tail):
        return base
    return None


def note_prompt(note: Note, *, beside: bool = False) -> Text:
    """`beside`: the note is the other text of one edited on two copies."""
    text = safe_text(_when(note.created), "dim", single_line=True)  # inert: times are data
    if note.author:  # who wrote it, once a desk shares the store: a name from a file
        text.append(" · ", "dim")
        text.append_text(safe_text(note.author, "bold", single_line=True, limit=40))
    if note.updated != note.created:
        text.append(" · ", "dim")
        text.append_text(safe_text(f"edited {_when(note.updated)}", "dim", single_line=True))
    if beside:
        text.append(" · kept beside a later edit", "italic")
    lines = note.text.strip().splitlines() or [""]
    preview = lines[:_PREVIEW_LINES]
    if len(lines) > _PREVIEW_LINES:
        preview[-1] += " …"
    for line in preview:
        text.append("\n")
        text.append_text(safe_text(line[:500]))
    return text


class NoteList(CachedBars, OptionList):
    """The notes of the shown brief. `e` and enter (edit) are the reader's priority
    bindings, so keys typed right after them reach the editor."""

    HELP_TITLE = "In the notes"

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="notes.down"),
        Binding("k", "cursor_up", "Up", show=False, id="notes.up"),
        Binding("d", "delete_note", "Delete note", id="notes.delete"),
    ]

    class DeleteRequested(Message):
        def __init__(self, note_id: str) -> None:
            super().__init__()
            self.note_id = note_id

    @property
    def highlighted_note_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None and option.id else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Hidden on "No notes yet": there is nothing to delete (False hides, None dims).
        if action == "delete_note":
            return self.highlighted_note_id is not None
        return True

    def action_delete_note(self) -> None:
        if (note_id := self.highlighted_note_id) is not None:
            # The keys typed right after `d` answer the question it asks (`y`): posted
            # plainly, the `y` reached the list before the question came, and was lost.
            post_holding_keys(self, self.DeleteRequested(note_id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # a click: the reader's enter binding handles the key


class NotesPane(Vertical):
    """Shows the notes of the brief on screen and hosts the editor; draws the note session
    (what is being edited, whether it is saved) but makes no decisions about it."""

    def __init__(self, session: NoteSession, *, id: str) -> None:
        super().__init__(id=id)
        self.session = session
        self._has_notes = False

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
    def has_editor(self) -> bool:
        return bool(self.query("#note-editor"))

    def prepare_editor(self) -> None:
        """Mount the editor ahead of need, so `a` can focus it at once."""
        self.editor  # noqa: B018 - the property mounts it

    @property
    def note_list(self) -> NoteList:
        return self.query_one(NoteList)

    def show_notes(
        self, notes: list[Note], highlight: str | None = None, *, brief_shown: bool = True
    ) -> None:
        note_list = self.note_list
        # A long id is cut short in the id of the note kept beside it.
        ids = {n.id for n in notes} | {n.id[:_CUT] for n in notes}
        note_list.set_options(
            Option(note_prompt(n, beside=kept_beside(n.id) in ids), id=n.id) for n in notes
        )
        if notes:
            ids = [n.id for n in notes]
            note_list.highlighted = ids.index(highlight) if highlight in ids else 0
        set_border_title(self, f"Notes ({len(notes)})")
        self._has_notes = bool(notes)
        note_list.display = self._has_notes or not self.session.editing_note
        if not notes:
            empty = "No notes yet — press a to add one" if brief_shown else "No brief selected"
            note_list.set_options([Option(Text(empty, "dim"))])
            note_list.disable_option_at_index(0)
        if note_list.has_focus:  # d and e come and go with the notes
            self.screen.refresh_bindings()

    def open_editor(self) -> None:
        """Show the editor on the session's text (the session was just opened)."""
        editor = self.editor
        editor.load_text(self.session.text)
        editor.display = True
        editor.move_cursor(editor.document.end)
        self.query_one("#editor-status").display = True
        self.refresh_status()
        self.note_list.display = self._has_notes
        self.call_after_refresh(self.scroll_visible, animate=False)

    def close_editor(self) -> None:
        if self.query("#note-editor"):
            self.editor.display = False
        self.query_one("#editor-status").display = False
        self.note_list.display = True
        self.set_class(False, "-dirty")
        self.border_subtitle = ""

    def refresh_status(self) -> None:
        session = self.session
        if not session.editing:
            return
        what = "New note" if session.note_id is None else "Editing note"
        if session.dirty:
            state = "unsaved changes"
        else:
            state = "empty" if session.note_id is None else "saved"
        status = Text.assemble(
            (f"{what} · ", "bold"),
            (state, "bold reverse" if session.dirty else "italic"),
            "   ctrl+s save · esc close",
        )
        if session.error:
            status = Text.assemble(("Not saved: ", "bold reverse"), safe_text(session.error))
        self.query_one("#editor-status", Static).update(status)
        self.set_class(session.dirty, "-dirty")
        self.border_subtitle = "● unsaved" if session.dirty else ""
