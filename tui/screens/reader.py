"""The reader: brief list on the left, the selected brief's panes on the right.

The screen is handed the catalog (what the store holds, loaded), the note session (what
is being edited) and the timings; it reads nothing through the app.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from functools import cached_property

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input
from textual.widgets.option_list import OptionDoesNotExist

from briefs.corrections import BriefCorrections
from briefs.model import Brief
from briefs.order import ORDERS, ordered
from store import StoreError
from tui.breakpoints import SteadySize
from tui.catalog import Catalog
from tui.messages import CatalogChanged, CatalogWanted, FetchFeeds, SyncDesk
from tui.note_session import NoteSession
from tui.screens.dialogs import PromptScreen
from tui.screens.help import HelpScreen
from tui.screens.reader_brief import BriefReading
from tui.screens.reader_edits import BriefEditing
from tui.screens.reader_keys import LETTER_ACTIONS, READER_BINDINGS
from tui.screens.reader_layout import ReaderLayout, ReaderNotes
from tui.screens.reader_notes import TYPING_FIELDS, NoteEditing
from tui.timings import Timings, after
from tui.widgets.article_view import ArticleView
from tui.widgets.brief_list import BriefList
from tui.widgets.brief_panes import (
    NO_MARKS,
    ActorsTable,
    BriefHeader,
    EvidenceLine,
    SummaryPane,
    TariffsTable,
)
from tui.widgets.detail_scroll import DetailScroll, Facts
from tui.widgets.keys_footer import KeysFooter
from tui.widgets.line_table import LineTable
from tui.widgets.notes_pane import NoteList, NotesPane
from tui.widgets.search_bar import SearchBar

GETTING_READY = "search is getting ready… type away: the filter applies in a moment"


class ReaderScreen(SteadySize, NoteEditing, BriefReading, BriefEditing, ReaderLayout, Screen[None]):
    HELP_TITLE = "In the reader"  # the heading of its keys in the help (?)
    AUTO_FOCUS = "#brief-list"  # not the search box, the first in the layout
    CSS_PATH = "reader.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (160, "-wide"), (250, "-huge")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (50, "-tall")]
    ACCEPTS_COMMANDS = True  # the palette's commands act here

    BINDINGS = READER_BINDINGS

    # Looked up once: a query walks the DOM, and showing a brief touches every pane.
    @cached_property
    def brief_list(self) -> BriefList:
        return self.query_one(BriefList)

    @cached_property
    def notes_pane(self) -> NotesPane:
        return self.query_one(NotesPane)

    @cached_property
    def search_bar(self) -> SearchBar:
        return self.query_one(SearchBar)

    @cached_property
    def panes(self) -> tuple[BriefHeader, SummaryPane, ActorsTable, TariffsTable, DetailScroll]:
        return (
            self.query_one(BriefHeader),
            self.query_one(SummaryPane),
            self.query_one(ActorsTable),
            self.query_one(TariffsTable),
            self.query_one(DetailScroll),
        )

    def __init__(
        self,
        catalog: Catalog,
        session: NoteSession,
        *,
        timings: Timings,
        today: Callable[[], dt.date],
        list_width: str | None = None,
        show_detail: bool = True,
    ) -> None:
        super().__init__()
        self.list_width = list_width  # "60" columns or "40%"; None: the stylesheet's
        self.show_detail = show_detail
        self.catalog = catalog
        self.session = session
        self.timings = timings
        self.today = today
        self.brief: Brief | None = None
        self.marks = NO_MARKS  # what the reader corrected in the brief shown
        self.article_shown = False  # b: the article in place of the summary and tables
        self._undo: list[tuple[str, str]] = []  # what ctrl+z undoes, newest last
        self._form_timer: Timer | None = None  # keeps an open form's text as a draft
        self._drafts_offered = False
        self._matches: set[str] | None = None  # None: no filter
        self._sort = ORDERS[0]
        self._filter_timer: Timer | None = None
        self._read_timer: Timer | None = None
        self._draft_timer: Timer | None = None
        self._asking = False  # a "discard the unsaved note?" question is open
        self._activity: str | None = None  # a background job's progress, under the list
        self._notes_shown: tuple[object, ...] = ()  # what the notes pane was last given
        self._step = 1  # the last move's way through the list (read_ahead)

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            with Vertical(id="list-column"):
                yield SearchBar(id="search")
                yield BriefList(id="brief-list")
            # Header and notes stay in view; what lies between scrolls.
            with Vertical(id="detail-column"):
                yield BriefHeader(id="brief-header")
                with DetailScroll(id="detail"):
                    yield SummaryPane(id="summary")
                    with Facts(id="facts"):
                        yield ActorsTable(id="actors")
                        yield TariffsTable(id="tariffs")
                    yield EvidenceLine(id="evidence")
                yield ArticleView(id="article")
                yield ReaderNotes(self.session, id="notes")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.apply_layout()
        self.brief_list.border_title = "Briefs"
        self.article.border_title = "Article (b: back to the summary)"
        self.article.display = False
        self.brief_list.focus()
        self.expect_table_widths()
        # The app loaded the rows before the first frame (the store's index holds them),
        # so the list and the first brief are drawn in this frame, without a worker hop.
        self.refresh_list()
        self.offer_drafts()
        # Reading every brief and loading the editor compete with the first paint: later,
        # counted from the first refresh (a loaded machine may take longer than the wait).
        self.call_after_refresh(after, self, self.timings.catalog_after, self._after_first_paint)

    def _after_first_paint(self) -> None:
        self.post_message(CatalogWanted())
        self.notes_pane.prepare_editor()
        self.prepare_summary_editor()

    # -- the list ------------------------------------------------------------------

    def refresh_list(self, keep: str | None = None) -> None:
        """Draw the rows that pass the filter, in the chosen order."""
        self.forget_ahead()  # every change to the store redraws the list
        editing, matches = self.session.brief_id, self._matches
        # The brief being annotated stays in the list, whatever the filter now says: a
        # change elsewhere never moves the reader off it (nor asks them anything). Picked
        # by id, so the rows the store makes when asked are not all made (store/rows.py).
        wanted = None if matches is None else (lambda i: i in matches or i == editing)
        if matches is not None and (editing is None or editing in matches):
            wanted = matches.__contains__  # the same, tested in C (100,000 ids a search)
        rows = self.catalog.newest_first(wanted)
        if self._sort != "date":  # newest first is how the catalog keeps them
            rows = ordered(rows, self._sort)
        brief_list = self.brief_list
        brief_list.show_rows(rows, editing or keep or brief_list.highlighted_id)
        total = len(self.catalog.rows)
        shown = f"{len(rows):,} of {total:,}" if self._matches is not None else f"{total:,}"
        brief_list.border_title = f"Briefs ({shown})"
        self.refresh_list_subtitle()
        if not rows:
            if not self.session.editing:  # the note being written keeps its brief
                self._show_brief(None)
        elif self.brief is None and brief_list.highlighted_id is not None:
            # Show the first brief in the same frame as the list, not a message later.
            self._open(brief_list.highlighted_id)

    @on(CatalogChanged)
    def _catalog_changed(self, event: CatalogChanged) -> None:
        """The app read every brief, or picked up another process's writes."""
        gone = self.brief is not None and self.brief.id not in self.catalog.rows
        if event.elsewhere and gone and self.brief is not None:
            self._gone_elsewhere(self.brief)
        self.refresh_list()
        if self.search_bar.text:
            self._apply_filter()
        if (
            event.elsewhere
            and self.brief is not None
            and not self.session.editing
            and self.brief.id in self.catalog.rows
        ):
            self._open(self.brief.id, scroll_home=False)

    def _gone_elsewhere(self, brief: Brief) -> None:
        """The brief on screen was deleted by another process: say so; text being typed on
        it is kept as a draft (offered back if the brief is restored), never asked about."""
        editing = self.session.brief_id == brief.id
        if editing:
            self.sync_text()
            with contextlib.suppress(StoreError):
                self.session.keep_draft_now()
            self.close_editor()
        self.brief = None
        kept = " Your unsaved note on it is kept as a draft." if editing else ""
        self.notify(f"“{brief.title}” was deleted elsewhere.{kept}", severity="warning")

    def _changed_here(self, brief_id: str) -> None:
        """A note or state of `brief_id` changed in this reader: redraw its row, reindex,
        and sync with the desk (if any) once the saves pause."""
        self.post_message(SyncDesk(soon=True))
        self.forget_ahead()
        try:
            self.catalog.refresh(brief_id)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        row = self.catalog.rows.get(brief_id)
        if row is not None:
            self.brief_list.update_row(row)

    # -- search ------------------------------------------------------------------

    def action_search(self) -> None:
        self.search_bar.open()
        if not self.catalog.ready:
            self.post_message(CatalogWanted())
            self.search_bar.show_error(GETTING_READY)

    def apply_query(self, query: str) -> None:
        """Show the briefs a query selects (from the actor index, the palette, a view), with
        the focus on them: the query was chosen, not typed, and j or n typed into the field
        would replace it (/ goes back to it)."""
        self.search_bar.open(query)
        self._apply_filter(now=True)
        self.set_focus(self.brief_list)

    @on(SearchBar.Changed)
    def _search_changed(self) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._filter_timer = after(self, self.timings.filter_pause, self._apply_filter)

    def _apply_filter(self, *, now: bool = False) -> None:
        """Filter the list by the query in the field: in a worker, or `now` (enter: the
        keys typed after it act on these results, not the last ones)."""
        from briefs.search.query import QueryError, parse_query

        bar = self.search_bar
        text = bar.text
        try:
            query = parse_query(text, today=self.today()) if text else None
        except QueryError as exc:
            bar.show_error(str(exc))  # the previous results stay
            return
        bar.show_error(None)
        if query is None or query.is_empty:
            self._matches = None
        elif not self.catalog.ready:
            bar.show_error(GETTING_READY)
            return
        elif not now:  # off the UI thread: the previous results stay until these come
            bar.run_query(text, self.catalog.searcher(query))
            return
        else:
            try:
                self._matches = set(self.catalog.search(query))
            except StoreError as exc:  # the word index on disk failed under us
                bar.show_error(str(exc))  # the previous results stay
                return
        bar.shown(text)
        self.refresh_list()

    @on(SearchBar.Found)
    def _search_found(self, event: SearchBar.Found) -> None:
        found, doubt = event.results  # type: ignore[misc]
        if doubt:  # another reader wrote over some briefs' words: theirs again, then ask
            self.catalog.trust_words(doubt)
            self._apply_filter()
            return
        self._matches = found
        self.search_bar.shown(event.text)
        self.refresh_list()

    @on(SearchBar.Closed)
    def _search_closed(self) -> None:
        self._matches = None
        self.refresh_list()
        self.set_focus(self.brief_list)

    @on(SearchBar.Submitted)
    def _search_submitted(self) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()
        if not self.search_bar.showing:
            self._apply_filter(now=True)
        self.set_focus(self.brief_list)

    def action_save_view(self) -> None:
        text = self.search_bar.text.strip()
        if not text:
            self.notify("Search for something first (/), then save it as a view.")
            return

        def named(name: str | None) -> None:
            if not name:
                return
            try:
                self.catalog.store.save_view(name, text)
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
            self.catalog.store.set_state(self.brief.id, **change)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        self._changed_here(self.brief.id)

    def action_toggle_star(self) -> None:
        if self.brief is None:
            return
        row = self.catalog.rows.get(self.brief.id)
        self._set_state(starred=not (row is not None and row.starred))

    def action_mark_unread(self) -> None:
        if self._read_timer is not None:
            self._read_timer.stop()  # or it would mark the brief read again
        self._set_state(read=False)

    def action_cycle_sort(self) -> None:
        self._sort = ORDERS[(ORDERS.index(self._sort) + 1) % len(ORDERS)]
        self.refresh_list(self.brief.id if self.brief else None)

    def mark_shown_read(self) -> None:
        """The brief on screen counts as read (after `read_after` on it); written off the
        UI thread."""
        if self.brief is not None and not self.catalog.store.read_only:
            self._mark_read(self.brief.id)

    @work(thread=True, group="mark-read", exit_on_error=False)
    def _mark_read(self, brief_id: str) -> None:
        store = self.catalog.store
        try:
            if not store.state(brief_id).read:
                store.set_state(brief_id, read=True)
                self.app.call_from_thread(self._changed_here, brief_id)
        except StoreError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")

    # -- other views of the store ----------------------------------------------

    def open_brief(self, brief_id: str) -> None:
        """Show one brief, clearing a filter that hides it."""
        if brief_id not in self.catalog.rows:
            self.notify("That brief is no longer in the store.", severity="warning")
            return
        if self._matches is not None and brief_id not in self._matches:
            self.search_bar.action_close()
            self._matches = None
            self.refresh_list()
        brief_list = self.brief_list
        self.guard_unsaved(
            lambda: setattr(brief_list, "highlighted", brief_list.get_option_index(brief_id))
        )

    def action_actor_index(self) -> None:
        from tui.screens.actor_index import ActorIndexScreen

        def chosen(query: str | None) -> None:
            if query:
                self.apply_query(query)

        self.app.push_screen(ActorIndexScreen(self.catalog), chosen)

    def action_tariff_tracker(self) -> None:
        self.open_tracker(self.search_bar.text)

    def open_tracker(self, query: str) -> None:
        from tui.screens.tariff_tracker import TariffTrackerScreen

        def chosen(brief_id: str | None) -> None:
            if brief_id:
                self.open_brief(brief_id)

        screen = TariffTrackerScreen(self.catalog, query, timings=self.timings, today=self.today)
        self.app.push_screen(screen, chosen)

    @on(BriefList.Highlighted, "#brief-list")
    def _brief_highlighted(self, event: BriefList.Highlighted) -> None:
        if self.brief is not None and event.brief_id == self.brief.id:
            return
        if not self.session.editing:
            self._open(event.brief_id)
            return
        # The editor belongs to its brief: leaving it (a click, j/k, a new filter) asks
        # first, like n and p, and "keep" puts the highlight back.
        if self._asking:
            return
        editing_brief = self.session.brief_id
        target = event.brief_id

        def back() -> None:
            if editing_brief is not None:
                with contextlib.suppress(OptionDoesNotExist):
                    index = self.brief_list.get_option_index(editing_brief)
                    self.brief_list.highlighted = index

        self.guard_unsaved(lambda: self._open(target), otherwise=back)

    def _open(self, brief_id: str, *, scroll_home: bool = True) -> None:
        try:
            brief = self.read_brief(brief_id)
        except StoreError as exc:
            # Say so where the brief would be; no key may act on the one shown before.
            self._show_brief(None)
            self.query_one(BriefHeader).show_unreadable(brief_id, str(exc))
            return
        self._show_brief(brief, scroll_home=scroll_home)
        if self._read_timer is not None:
            self._read_timer.stop()
        if brief is not None:
            self._read_timer = after(self, self.timings.read_after, self.mark_shown_read)
            self.call_after_refresh(self.read_ahead, self._step)

    def _show_brief(self, brief: Brief | None, *, scroll_home: bool = True) -> None:
        self.brief = brief
        self.marks = marks = self._marks(brief)
        header, summary, actors, tariffs, detail = self.panes
        header.show(brief, self.today())
        summary.show(brief, marks)
        actors.show(brief, marks)
        tariffs.show(brief, marks)
        self.show_reading(brief)
        self._show_notes(counted=True)
        if scroll_home:
            detail.scroll_home(animate=False)

    def _marks(self, brief: Brief | None) -> BriefCorrections:
        """What the reader corrected in `brief` (asked of the store only when it has any)."""
        row = self.catalog.rows.get(brief.id) if brief else None
        if brief is None or row is None or not row.corrected:
            return NO_MARKS
        try:
            return self.catalog.store.corrections(brief.id)
        except StoreError:
            return NO_MARKS

    def _show_notes(self, highlight: str | None = None, *, counted: bool = False) -> None:
        """`counted`: a brief just shown, whose list row says how many notes it has; none
        are read when it says none (the row follows every change here, and the poll's)."""
        row = self.catalog.rows.get(self.brief.id) if counted and self.brief else None
        try:
            if self.brief is None or (row is not None and not row.note_count):
                notes = []
            else:
                notes = self.catalog.store.notes(self.brief.id)
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=15)
            notes = []
        session = self.session
        shown = (tuple(notes), highlight, self.brief is not None, session.editing_note)
        if shown == self._notes_shown and not session.editing:
            return  # "No notes yet" again, say: the pane is left as it is, not laid out
        self._notes_shown = shown
        self.notes_pane.show_notes(notes, highlight, brief_shown=self.brief is not None)

    # -- moving ------------------------------------------------------------------

    def _move(self, step: int) -> None:
        brief_list = self.brief_list
        if brief_list.option_count == 0:
            return
        current = brief_list.highlighted or 0
        target = min(max(current + step, 0), brief_list.option_count - 1)
        self._step = 1 if step > 0 else -1  # the way the reader goes: read ahead that way
        if target != current:
            self.guard_unsaved(lambda: self._go_to(target))

    def _go_to(self, index: int) -> None:
        """Highlight row `index` and show its brief now, so the list and the panes change in
        one frame (the highlight's message then finds the brief already shown)."""
        self.brief_list.highlighted = index
        if (brief_id := self.brief_list.highlighted_id) is not None:
            self._open(brief_id)

    def action_next_brief(self) -> None:
        self._move(1)

    def action_previous_brief(self) -> None:
        self._move(-1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save_note":
            return self.session.editing
        if action == "leave_editor":  # in the search bar, escape clears the search
            return self.session.editing and not isinstance(self.focused, Input)
        if action == "edit_note":  # enter edits a note; on a table row it follows the row
            return self.focused is self.notes_pane.note_list
        if action == "edit":
            note_list = self.notes_pane.note_list
            if self.focused is note_list:  # hidden on "No notes yet", as its d is
                return note_list.highlighted_note_id is not None
            return self.editing_target() is not None
        if action in ("edit_title", "revert") and self.brief is None:
            return False
        if action in ("add_row", "remove_row"):
            return self.focused_row() is not None or (
                action == "add_row" and isinstance(self.focused, LineTable)
            )
        if action == "delete_brief":
            return self.focused is self.brief_list
        if action == "add_note" or action in LETTER_ACTIONS:
            # In a text field these keys type; the footer leaves them out there.
            return not isinstance(self.focused, TYPING_FIELDS)
        return True

    def action_edit(self) -> None:
        if self.focused is self.notes_pane.note_list:
            self.action_edit_note()
        else:
            self.edit_focused()

    def action_add_row(self) -> None:
        self.add_row()

    def action_fetch(self) -> None:
        self.post_message(FetchFeeds())

    def action_sync_desk(self) -> None:
        self.post_message(SyncDesk(asked=True))

    def show_activity(self, what: str | None) -> None:
        """A background job's progress (a fetch), under the list."""
        self._activity = what
        self.refresh_list_subtitle()

    def refresh_list_subtitle(self) -> None:
        subtitle = f"by {self._sort}"
        if self._activity:
            subtitle = f"{self._activity} · {subtitle}"
        self.brief_list.border_subtitle = subtitle

    def action_edit_title(self) -> None:
        self.edit_title()

    def action_revert(self) -> None:
        self.revert_focused()

    def action_remove_row(self) -> None:
        self.remove_row()

    def action_delete_brief(self) -> None:
        self.delete_highlighted()

    def action_undo(self) -> None:
        self.undo_last()

    def action_history(self) -> None:
        self.show_history()

    @on(NoteList.DeleteRequested)
    def _delete_requested(self, event: NoteList.DeleteRequested) -> None:
        self.delete_note(event.note_id)

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()  # the footer shows what the keys do where the focus is

    def on_descendant_blur(self) -> None:
        self.refresh_bindings()

    # -- help and quit -------------------------------------------------------------

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.active_bindings))

    def action_quit(self) -> None:
        self.request_quit()
