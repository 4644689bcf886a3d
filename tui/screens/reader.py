"""The reader: brief list on the left, the selected brief's panes on the right."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer
from textual.widgets.option_list import OptionDoesNotExist

from briefs import Brief, Note
from store import BriefRow, Draft, StoreError
from tui.screens.dialogs import ConfirmScreen, PromptScreen
from tui.screens.help import HelpScreen
from tui.widgets.brief_list import BriefList
from tui.widgets.brief_panes import ActorsTable, BriefHeader, SummaryPane, TariffsTable
from tui.widgets.notes_pane import NoteList, NotesPane
from tui.widgets.search_bar import SearchBar

if TYPE_CHECKING:
    from briefs.search.index import SearchIndex
    from tui.app import BriefingApp


DISK_POLL = 2.0  # seconds between checks for changes made by other processes
FILTER_PAUSE = 0.04  # seconds of quiet typing before the list re-filters
INDEX_AFTER = 0.5  # seconds after the first paint before the search index is built
READ_AFTER = 1.0  # seconds on a brief before it counts as read (not just passed over)
SORTS = ("date", "title", "notes")


def sort_rows(rows: list[BriefRow], key: str) -> list[BriefRow]:
    """Newest first by default; title A–Z; most notes first. Ties fall back to date."""
    ordered = sorted(rows, key=lambda r: r.title.casefold())
    ordered.sort(key=lambda r: r.date, reverse=True)
    if key == "title":
        ordered.sort(key=lambda r: r.title.casefold())
    elif key == "notes":
        ordered.sort(key=lambda r: r.note_count, reverse=True)
    return ordered


class ReaderScreen(Screen[None]):
    CSS_PATH = "reader.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (160, "-wide")]

    BINDINGS = [
        Binding("n", "next_brief", "Next", id="reader.next"),
        Binding("p", "previous_brief", "Prev", id="reader.previous"),
        Binding("a", "add_note", "Add note", id="reader.add_note"),
        Binding("slash", "search", "Search", key_display="/", id="reader.search"),
        Binding("s", "toggle_star", "Star", id="reader.star"),
        Binding("u", "mark_unread", "Unread", show=False, id="reader.unread"),
        Binding("o", "cycle_sort", "Sort", show=False, id="reader.sort"),
        Binding("A", "actor_index", "Actors", id="reader.actors"),
        Binding("T", "tariff_tracker", "Tariffs", id="reader.tariffs"),
        Binding("v", "save_view", "Save view", show=False, id="reader.save_view"),
        Binding("ctrl+s", "save_note", "Save", id="reader.save_note", priority=True),
        Binding("escape", "leave_editor", "Close editor", id="reader.leave_editor"),
        Binding("question_mark", "help", "Help", key_display="?", id="reader.help"),
        Binding("q", "quit", "Quit", id="reader.quit"),
    ]

    app: BriefingApp

    def __init__(self) -> None:
        super().__init__()
        self.brief: Brief | None = None
        self._drafts_offered = False
        self._rows: dict[str, BriefRow] = {}
        self._index: SearchIndex | None = None
        self._matches: set[str] | None = None  # None: no filter
        self._sort = SORTS[0]
        self._filter_timer: Timer | None = None
        self._read_timer: Timer | None = None
        self._index_building = False
        self._index_stale: set[str] = set()  # changed while the index was being built
        self._asking = False  # a "discard the unsaved note?" question is open

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            with Vertical(id="list-column"):
                yield SearchBar(id="search")
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
        # The store read its index when it opened, so the first rows cost no disk
        # access: drawing them now saves the ~0.1 s a worker thread takes to start
        # while the screen is being laid out. Later reloads (disk changes) use load_rows.
        try:
            rows = self.app.store.rows()
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=15)
        else:
            self._show_rows(rows, None)
        self.set_interval(DISK_POLL, self._poll_disk)

    # -- loading -----------------------------------------------------------------

    @property
    def brief_list(self) -> BriefList:
        return self.query_one(BriefList)

    @property
    def notes_pane(self) -> NotesPane:
        return self.query_one(NotesPane)

    @work(thread=True, exclusive=True, group="rows", exit_on_error=False)
    def load_rows(self, keep: str | None = None) -> None:
        """Read the list off the UI thread so the first paint never waits on the disk."""
        try:
            rows = self.app.store.rows()
        except StoreError as exc:
            self.app.call_from_thread(self.app.notify, str(exc), severity="error")
            return
        self.app.call_from_thread(self._show_rows, rows, keep)

    def _show_rows(self, rows: list[BriefRow], keep: str | None) -> None:
        self._rows = {row.id: row for row in rows}
        self._refresh_list(keep)
        if not self._drafts_offered:
            self._drafts_offered = True
            self._offer_drafts()
            # Not now: building it competes with the first paint for the interpreter.
            self.set_timer(INDEX_AFTER, self.build_index)
        else:
            self.build_index()

    def _refresh_list(self, keep: str | None = None) -> None:
        """Draw the rows that pass the filter, in the chosen order."""
        rows = list(self._rows.values())
        if self._matches is not None:
            rows = [row for row in rows if row.id in self._matches]
        rows = sort_rows(rows, self._sort)
        brief_list = self.brief_list
        brief_list.show_rows(rows, keep or brief_list.highlighted_id)
        total = len(self._rows)
        shown = f"{len(rows)} of {total}" if self._matches is not None else f"{total}"
        brief_list.border_title = f"Briefs ({shown})"
        brief_list.border_subtitle = f"by {self._sort}"
        if not rows:
            if not self.notes_pane.editing:  # the note being written keeps its brief
                self._show_brief(None)
        elif self.brief is None and brief_list.highlighted_id is not None:
            # Show the first brief in the same frame as the list, not a message later.
            self._open(brief_list.highlighted_id)

    # -- search ------------------------------------------------------------------

    def build_index(self) -> None:
        """Build the search index after the list is up; 10,000 briefs take two seconds."""
        if self._index_building:
            return
        self._index_building = True
        self._index_stale = set()
        self._build_index()

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def _build_index(self) -> None:
        from briefs.search.index import SearchIndex  # loaded here, off the start-up path

        try:
            store = self.app.store
            index = SearchIndex(store.search_docs())
            unreadable = list(store.unreadable)
        except Exception as exc:  # any failure: say so, keep the reader running
            self.app.call_from_thread(self._index_failed, str(exc))
            raise
        self.app.call_from_thread(self._index_ready, index, unreadable)

    def _index_failed(self, reason: str) -> None:
        self._index_building = False
        self.notify(f"Search is not available: {reason}", severity="error", timeout=15)

    def _index_ready(self, index: SearchIndex, unreadable: list[str]) -> None:
        self._index_building = False
        first = self._index is None
        self._index = index
        for brief_id in self._index_stale:  # changes made while it was being built
            self._reindex(brief_id)
        if unreadable:
            self.notify(
                f"{len(unreadable)} brief(s) could not be read and are left out of search; "
                "`briefing check` names them and `--repair` fixes the store.",
                severity="warning",
                timeout=15,
            )
        if first:
            # What is loaded now lives as long as the app: keep the collector off it, or
            # every full collection walks 10,000 briefs' objects (~0.2 s, felt as a stall).
            gc.freeze()
        if self.query_one(SearchBar).text:
            self._apply_filter()

    def _reindex(self, brief_id: str) -> None:
        """Refresh the reader's part of one brief's search record (notes, read, star)."""
        if self._index_building:
            self._index_stale.add(brief_id)
        doc = self._index.get(brief_id) if self._index is not None else None
        if doc is None or self._index is None:
            return
        try:
            state = self.app.store.state(brief_id)
            notes = [note.text for note in self.app.store.notes(brief_id)]
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        self._index.put(doc.with_reader(notes=notes, read=state.read, starred=state.starred))

    def action_search(self) -> None:
        if self._index is None:
            self.build_index()
        self.query_one(SearchBar).open()

    def apply_query(self, query: str) -> None:
        """Show the briefs a query selects (from the actor index, the palette, a view)."""
        self.query_one(SearchBar).open(query)
        self._apply_filter()

    @on(SearchBar.Changed)
    def _search_changed(self) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._filter_timer = self.set_timer(FILTER_PAUSE, self._apply_filter)

    def _apply_filter(self) -> None:
        from briefs.search.query import QueryError, parse_query

        bar = self.query_one(SearchBar)
        text = bar.text
        try:
            query = parse_query(text, today=self.app.today()) if text else None
        except QueryError as exc:
            bar.show_error(str(exc))  # the previous results stay
            return
        bar.show_error(None)
        if query is None or query.is_empty:
            self._matches = None
        elif self._index is None:
            bar.show_error("indexing… the filter applies in a moment")
            return
        else:
            self._matches = set(self._index.search(query))
        self._refresh_list()

    @on(SearchBar.Closed)
    def _search_closed(self) -> None:
        self._matches = None
        self._refresh_list()
        self.brief_list.focus()

    @on(SearchBar.Submitted)
    def _search_submitted(self) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._apply_filter()
        self.brief_list.focus()

    def action_save_view(self) -> None:
        text = self.query_one(SearchBar).text.strip()
        if not text:
            self.notify("Search for something first (/), then save it as a view.")
            return

        def named(name: str | None) -> None:
            if not name:
                return
            try:
                self.app.store.save_view(name, text)
            except StoreError as exc:
                self.notify(str(exc), severity="error")
                return
            self.notify(f"Saved view “{name}”: pick it from the palette (ctrl+p).")

        self.app.push_screen(PromptScreen("Name this view", text), named)

    # -- read, starred, sort ----------------------------------------------------

    def _set_state(self, **change: bool) -> None:
        if self.brief is None:
            return
        try:
            self.app.store.set_state(self.brief.id, **change)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        self.refresh_row(self.brief.id)
        self._reindex(self.brief.id)

    def action_toggle_star(self) -> None:
        if self.brief is None:
            return
        try:
            starred = self.app.store.state(self.brief.id).starred
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        self._set_state(starred=not starred)

    def action_mark_unread(self) -> None:
        if self._read_timer is not None:
            self._read_timer.stop()  # or it would mark the brief read again
        self._set_state(read=False)

    def action_cycle_sort(self) -> None:
        self._sort = SORTS[(SORTS.index(self._sort) + 1) % len(SORTS)]
        self._refresh_list(self.brief.id if self.brief else None)

    # -- other views of the store ----------------------------------------------

    def open_brief(self, brief_id: str) -> None:
        """Show one brief, clearing a filter that hides it."""
        if brief_id not in self._rows:
            self.load_rows(keep=brief_id)
            return
        if self._matches is not None and brief_id not in self._matches:
            self.query_one(SearchBar).action_close()
            self._matches = None
            self._refresh_list()
        brief_list = self.brief_list
        self._guard_unsaved(
            lambda: setattr(brief_list, "highlighted", brief_list.get_option_index(brief_id))
        )

    def action_actor_index(self) -> None:
        from tui.screens.actor_index import ActorIndexScreen

        def chosen(query: str | None) -> None:
            if query:
                self.apply_query(query)

        self.app.push_screen(ActorIndexScreen(), chosen)

    def action_tariff_tracker(self) -> None:
        from tui.screens.tariff_tracker import TariffTrackerScreen

        def chosen(brief_id: str | None) -> None:
            if brief_id:
                self.open_brief(brief_id)

        self.app.push_screen(TariffTrackerScreen(self.query_one(SearchBar).text), chosen)

    def _poll_disk(self) -> None:
        """Pick up imports and notes written by other processes, without a restart."""
        try:
            if not self.app.store.changed_elsewhere():
                return
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        self.load_rows()
        if self.brief is not None and not self.notes_pane.editing:
            self._open(self.brief.id, scroll_home=False)

    def refresh_row(self, brief_id: str) -> None:
        """Redraw one list line (note count or read state changed)."""
        try:
            row = self.app.store.row(brief_id)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        if row is not None:
            self._rows[brief_id] = row
            self.brief_list.update_row(row)

    @work(thread=True, group="mark-read", exit_on_error=False)
    def mark_read(self, brief_id: str) -> None:
        """An opened brief counts as read; the write happens off the UI thread."""
        try:
            if not self.app.store.state(brief_id).read:
                self.app.store.set_state(brief_id, read=True)
                self.app.call_from_thread(self.refresh_row, brief_id)
                self.app.call_from_thread(self._reindex, brief_id)
        except StoreError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")

    @on(BriefList.Highlighted, "#brief-list")
    def _brief_highlighted(self, event: BriefList.Highlighted) -> None:
        if self.brief is not None and event.brief_id == self.brief.id:
            return
        pane = self.notes_pane
        if not pane.editing:
            self._open(event.brief_id)
            return
        # The editor belongs to its brief: leaving it (a click, j/k, a new filter) asks
        # first, like n and p, and "keep" puts the highlight back.
        if self._asking:
            return
        editing_brief = pane.editing_brief_id
        target = event.brief_id

        def back() -> None:
            if editing_brief is not None:
                with contextlib.suppress(OptionDoesNotExist):
                    index = self.brief_list.get_option_index(editing_brief)
                    self.brief_list.highlighted = index

        self._guard_unsaved(lambda: self._open(target), otherwise=back)

    def _open(self, brief_id: str, *, scroll_home: bool = True) -> None:
        try:
            brief = self.app.store.brief(brief_id)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        self._show_brief(brief, scroll_home=scroll_home)
        if self._read_timer is not None:
            self._read_timer.stop()
        if brief is not None:
            self._read_timer = self.set_timer(READ_AFTER, lambda: self.mark_read(brief.id))

    def _show_brief(self, brief: Brief | None, *, scroll_home: bool = True) -> None:
        self.brief = brief
        self.query_one(BriefHeader).show(brief, self.app.today())
        self.query_one(SummaryPane).show(brief)
        self.query_one(ActorsTable).show(brief)
        self.query_one(TariffsTable).show(brief)
        self._show_notes()
        if scroll_home:
            self.query_one("#detail").scroll_home(animate=False)

    def _show_notes(self, highlight: str | None = None) -> None:
        try:
            notes = self.app.store.notes(self.brief.id) if self.brief else []
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=15)
            notes = []
        self.notes_pane.show_notes(notes, highlight)

    # -- moving ------------------------------------------------------------------

    def _guard_unsaved(
        self, then: Callable[[], object], otherwise: Callable[[], object] | None = None
    ) -> None:
        """Run `then` now, or after the reader agrees to drop the unsaved note (else
        `otherwise`)."""
        if not self.notes_pane.dirty:
            self.notes_pane.close_editor()
            then()
            return

        def answered(discard: bool | None) -> None:
            self._asking = False
            if discard:
                self.discard_draft()
                self.notes_pane.close_editor()
                then()
            elif otherwise is not None:
                otherwise()

        self._asking = True
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
        brief_id = self.brief.id
        self._guard_unsaved(lambda: self.notes_pane.open_editor(brief_id, None))

    @on(NoteList.EditRequested)
    def _edit_note(self, event: NoteList.EditRequested) -> None:
        try:
            note = self.app.store.note(event.note_id)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        if note is None:
            self.notify("That note was deleted elsewhere.", severity="warning")
            self._show_notes()
            return
        self._guard_unsaved(lambda: self.notes_pane.open_editor(note.brief_id, note))

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
            if self.notes_pane.editing_note_id == note_id:
                self.notes_pane.detach_from_note()  # its text stays, to save as a new note
            self._show_notes()
            self.notify("Note deleted.")
            if self.brief:
                self.refresh_row(self.brief.id)
                self._reindex(self.brief.id)

        self.app.push_screen(ConfirmScreen("Delete this note?", "Delete", "Keep"), answered)

    def action_save_note(self) -> None:
        pane = self.notes_pane
        brief_id = pane.editing_brief_id
        if not pane.editing or brief_id is None:
            return
        text = pane.editor.text
        if not text.strip():
            self.notify("An empty note is not saved.", severity="warning")
            return
        store = self.app.store
        try:
            if pane.editing_note_id is not None and store.note(pane.editing_note_id) is None:
                pane.detach_from_note()  # deleted elsewhere meanwhile: save as a new note
            if pane.editing_note_id is None:
                note = store.add_note(brief_id, text)
            else:
                note = store.update_note(pane.editing_note_id, text)
        except StoreError as exc:
            # The text stays in the editor, and the file on disk is the old one.
            pane.show_save_error(str(exc))
            self.notify(f"Not saved: {exc}", severity="error", timeout=15)
            return
        pane.mark_saved(note)
        self._show_notes(highlight=note.id)
        self.refresh_row(brief_id)
        self._reindex(brief_id)
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
        pane = self.notes_pane
        if pane.editing_brief_id is not None:
            self._keep_draft(
                pane.editing_brief_id, pane.editing_note_id, pane.editor.text, pane.generation
            )

    @work(thread=True, exclusive=True, group="draft", exit_on_error=False)
    def _keep_draft(self, brief_id: str, note_id: str | None, text: str, generation: int) -> None:
        if generation != self.notes_pane.generation:
            return  # saved or closed since: this draft is stale
        try:
            self.app.store.save_draft(brief_id, note_id, text)
        except StoreError as exc:
            self.app.call_from_thread(self.notify, f"Draft not kept: {exc}", severity="warning")

    def save_draft_now(self) -> None:
        """Keep the editor text at once (on SIGTERM or SIGHUP, before exiting)."""
        pane = self.notes_pane
        if pane.editing_brief_id is not None and pane.dirty:
            self.app.store.save_draft(pane.editing_brief_id, pane.editing_note_id, pane.editor.text)

    def discard_draft(self) -> None:
        brief_id = self.notes_pane.editing_brief_id
        if brief_id is not None:
            try:
                self.app.store.delete_draft(brief_id)
            except StoreError as exc:
                self.notify(str(exc), severity="error")

    def _offer_drafts(self) -> None:
        """At start, offer back the text of a note that was never saved."""
        store = self.app.store
        try:
            drafts = store.drafts()
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
            if brief is None or draft.brief_id not in self._rows or not draft.text.strip():
                continue

            def answered(
                restore: bool | None, draft: Draft = draft, note: Note | None = note
            ) -> None:
                if not restore:
                    store.delete_draft(draft.brief_id)
                    return
                with contextlib.suppress(OptionDoesNotExist):
                    index = self.brief_list.get_option_index(draft.brief_id)
                    self.brief_list.highlighted = index
                self._open(draft.brief_id)  # before the editor opens: nothing to ask
                self.notes_pane.open_editor(draft.brief_id, note, text=draft.text)

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
