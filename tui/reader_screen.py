"""The reader: brief list on the left, the selected brief's panes on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList

from briefs import Brief, Note
from store import BriefRow, Draft, StoreError
from tui.brief_list import BriefList
from tui.brief_view import ActorsTable, BriefHeader, SummaryPane, TariffsTable
from tui.dialogs import ConfirmScreen
from tui.help_screen import HelpScreen
from tui.notes_pane import NoteList, NotesPane

if TYPE_CHECKING:
    from tui.app import BriefingApp


DISK_POLL = 2.0  # seconds between checks for changes made by other processes


class ReaderScreen(Screen[None]):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (160, "-wide")]

    BINDINGS = [
        Binding("n", "next_brief", "Next", id="reader.next"),
        Binding("p", "previous_brief", "Prev", id="reader.previous"),
        Binding("a", "add_note", "Add note", id="reader.add_note"),
        Binding("ctrl+s", "save_note", "Save", id="reader.save_note", priority=True),
        Binding("escape", "leave_editor", "Close editor", id="reader.leave_editor"),
        Binding("question_mark", "help", "Help", key_display="?", id="reader.help"),
        Binding("q", "quit", "Quit", id="reader.quit"),
    ]

    app: BriefingApp

    def __init__(self) -> None:
        super().__init__()
        self.brief: Brief | None = None
        self._disk_marker: object = None
        self._drafts_offered = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            yield BriefList(id="brief-list")
            # Header and notes stay in view; what lies between scrolls.
            with Vertical(id="detail-column"):
                yield BriefHeader(id="brief-header")
                with VerticalScroll(id="detail"):
                    yield SummaryPane(id="summary")
                    with Horizontal(id="facts"):
                        yield ActorsTable(id="actors")
                        yield TariffsTable(id="tariffs")
                yield NotesPane(id="notes")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#brief-list").border_title = "Briefs"
        self.query_one("#summary").border_title = "Summary"
        self.query_one("#brief-list").focus()
        self.load_rows()
        self.set_interval(DISK_POLL, self._poll_disk)

    # -- loading -----------------------------------------------------------------

    @property
    def brief_list(self) -> BriefList:
        return self.query_one(BriefList)

    @property
    def notes_pane(self) -> NotesPane:
        return self.query_one(NotesPane)

    @work(thread=True, exclusive=True, group="rows")
    def load_rows(self, keep: str | None = None) -> None:
        """Read the list off the UI thread so the first paint never waits on the disk."""
        try:
            marker = self.app.store.changed_since(None)[1]
            rows = self.app.store.rows()
            self._disk_marker = marker
        except StoreError as exc:
            self.app.call_from_thread(self.app.notify, str(exc), severity="error")
            return
        self.app.call_from_thread(self._show_rows, rows, keep)

    def _show_rows(self, rows: list[BriefRow], keep: str | None) -> None:
        brief_list = self.brief_list
        brief_list.show_rows(rows, keep or brief_list.highlighted_id)
        brief_list.border_title = f"Briefs ({len(rows)})"
        if not rows:
            self._show_brief(None)
        if not self._drafts_offered:
            self._drafts_offered = True
            self._offer_drafts()

    def _remember_disk(self) -> None:
        """Note the store files as they are now, after our own reads and writes."""
        self._disk_marker = self.app.store.changed_since(None)[1]

    def _poll_disk(self) -> None:
        """Pick up imports and notes written by other processes, without a restart."""
        changed, self._disk_marker = self.app.store.changed_since(self._disk_marker)
        if not changed:
            return
        self.load_rows()
        if self.brief is not None and not self.notes_pane.editing:
            self._open(self.brief.id)

    def refresh_row(self, brief_id: str) -> None:
        """Redraw one list line (note count or read state changed)."""
        try:
            row = self.app.store.row(brief_id)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        if row is not None:
            self.brief_list.update_row(row)

    @work(thread=True, group="mark-read")
    def mark_read(self, brief_id: str) -> None:
        """An opened brief counts as read; the write happens off the UI thread."""
        try:
            if not self.app.store.state(brief_id).read:
                self.app.store.set_state(brief_id, read=True)
                self.app.call_from_thread(self.refresh_row, brief_id)
                self.app.call_from_thread(self._remember_disk)
        except StoreError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")

    @on(OptionList.OptionHighlighted, "#brief-list")
    def _brief_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id and (self.brief is None or event.option.id != self.brief.id):
            self._open(event.option.id)

    def _open(self, brief_id: str) -> None:
        try:
            brief = self.app.store.brief(brief_id)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        self._show_brief(brief)
        if brief is not None:
            self.mark_read(brief.id)

    def _show_brief(self, brief: Brief | None) -> None:
        self.brief = brief
        self.query_one(BriefHeader).show(brief, self.app.today())
        self.query_one(SummaryPane).show(brief)
        self.query_one(ActorsTable).show(brief)
        self.query_one(TariffsTable).show(brief)
        self._show_notes()
        self.query_one("#detail").scroll_home(animate=False)

    def _show_notes(self, highlight: str | None = None) -> None:
        notes = self.app.store.notes(self.brief.id) if self.brief else []
        self.notes_pane.show_notes(notes, highlight)

    # -- moving ------------------------------------------------------------------

    def _guard_unsaved(self, then: callable) -> None:  # type: ignore[valid-type]
        """Run `then` now, or after the reader agrees to drop the unsaved note."""
        if not self.notes_pane.dirty:
            self.notes_pane.close_editor()
            then()
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.discard_draft()
                self.notes_pane.close_editor()
                then()

        self.app.push_screen(
            ConfirmScreen("This note has unsaved changes. Discard them?", "Discard", "Keep"),
            answered,
        )

    def _move(self, step: int) -> None:
        brief_list = self.brief_list
        if brief_list.option_count == 0:
            return
        current = brief_list.highlighted or 0
        target = min(max(current + step, 0), brief_list.option_count - 1)
        if target != current:
            self._guard_unsaved(lambda: setattr(brief_list, "highlighted", target))

    def action_next_brief(self) -> None:
        self._move(1)

    def action_previous_brief(self) -> None:
        self._move(-1)

    # -- notes -------------------------------------------------------------------

    def action_add_note(self) -> None:
        if self.brief is None:
            self.notify("There is no brief to add a note to.", severity="warning")
            return
        self._guard_unsaved(lambda: self.notes_pane.open_editor(None))

    @on(NoteList.EditRequested)
    def _edit_note(self, event: NoteList.EditRequested) -> None:
        note = self.app.store.note(event.note_id)
        if note is None:
            self.notify("That note was deleted elsewhere.", severity="warning")
            self._show_notes()
            return
        self._guard_unsaved(lambda: self.notes_pane.open_editor(note))

    @on(NoteList.DeleteRequested)
    def _delete_note(self, event: NoteList.DeleteRequested) -> None:
        note_id = event.note_id

        def answered(delete: bool | None) -> None:
            if not delete:
                return
            try:
                self.app.store.delete_note(note_id)
            except StoreError as exc:
                self.notify(str(exc), severity="error", timeout=10)
                return
            self._remember_disk()
            self._show_notes()
            self.notify("Note deleted.")
            if self.brief:
                self.refresh_row(self.brief.id)

        self.app.push_screen(ConfirmScreen("Delete this note?", "Delete", "Keep"), answered)

    def action_save_note(self) -> None:
        pane = self.notes_pane
        if not pane.editing or self.brief is None:
            return
        text = pane.editor.text
        if not text.strip():
            self.notify("An empty note is not saved.", severity="warning")
            return
        store = self.app.store
        try:
            if pane.editing_note_id is None:
                note = store.add_note(self.brief.id, text)
            else:
                note = store.update_note(pane.editing_note_id, text)
        except StoreError as exc:
            # The text stays in the editor, and the file on disk is the old one.
            pane.show_save_error(str(exc))
            self.notify(f"Not saved: {exc}", severity="error", timeout=15)
            return
        pane.mark_saved(note)
        self._remember_disk()
        self._show_notes(highlight=note.id)
        self.refresh_row(self.brief.id)
        self.notify("Note saved.", timeout=2)

    def action_leave_editor(self) -> None:
        pane = self.notes_pane
        if not pane.editing:
            return
        self._guard_unsaved(lambda: pane.note_list.focus())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        editing = self.is_mounted and self.notes_pane.editing
        if action in ("save_note", "leave_editor"):
            return editing
        return True

    # -- drafts: unsaved text survives crashes and closed terminals ---------------

    @on(NotesPane.DraftDue)
    def _draft_due(self) -> None:
        if self.brief is not None:
            self._keep_draft(
                self.brief.id, self.notes_pane.editing_note_id, self.notes_pane.editor.text
            )

    @work(thread=True, exclusive=True, group="draft")
    def _keep_draft(self, brief_id: str, note_id: str | None, text: str) -> None:
        try:
            self.app.store.save_draft(brief_id, note_id, text)
        except StoreError as exc:
            self.app.call_from_thread(self.notify, f"Draft not kept: {exc}", severity="warning")

    def save_draft_now(self) -> None:
        """Keep the editor text at once (on SIGTERM or SIGHUP, before exiting)."""
        pane = self.notes_pane
        if self.brief is not None and pane.dirty:
            self.app.store.save_draft(self.brief.id, pane.editing_note_id, pane.editor.text)

    def discard_draft(self) -> None:
        if self.brief is not None:
            try:
                self.app.store.delete_draft(self.brief.id)
            except StoreError as exc:
                self.notify(str(exc), severity="error")

    def _offer_drafts(self) -> None:
        """At start, offer back the text of a note that was never saved."""
        store = self.app.store
        for draft in store.drafts():
            brief = store.brief(draft.brief_id)
            if brief is None or not draft.text.strip():
                store.delete_draft(draft.brief_id)
                continue
            note = store.note(draft.note_id) if draft.note_id else None

            def answered(
                restore: bool | None, draft: Draft = draft, note: Note | None = note
            ) -> None:
                if not restore:
                    store.delete_draft(draft.brief_id)
                    return
                self.brief_list.highlighted = self.brief_list.get_option_index(draft.brief_id)
                self._open(draft.brief_id)
                self.notes_pane.open_editor(note, text=draft.text)

            when = draft.saved_at[:16].replace("T", " ")
            self.app.push_screen(
                ConfirmScreen(
                    f"A note you were writing on “{brief.title}” was not saved ({when}). "
                    "Restore it?",
                    "Restore",
                    "Discard",
                ),
                answered,
            )
            return  # one at a time; the next start offers any other

    # -- help and quit -------------------------------------------------------------

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.active_bindings))

    def action_quit(self) -> None:
        self._guard_unsaved(self.app.exit)
