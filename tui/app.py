"""The briefing app and the one factory that builds it for the command line and tests.

The app owns the catalog (the store, loaded) and the note session, hands them to the
screens, runs the workers that read every brief and watch for other processes' writes,
and routes what the palette asks for (tui/messages.py) to the reader.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import os
import signal
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import App
from textual.binding import Binding
from textual.command import Provider
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme
from textual.timer import Timer

from briefs.text import clean
from store import BriefRow, DamagedFileError, Store, StoreError
from tui.app_jobs import FeedAndDeskJobs
from tui.breakpoints import fit_breakpoints
from tui.catalog import Catalog, Scan
from tui.collector import hold_collector, release_collector
from tui.key_order import KeyOrderApp
from tui.messages import (
    ApplyQuery,
    CatalogChanged,
    CatalogWanted,
    DeleteView,
    OpenBrief,
    RunAction,
    SyncDesk,
)
from tui.note_session import NoteSession
from tui.process_memory import share_one_arena
from tui.screens.dialogs import ChoiceScreen, PromptScreen
from tui.screens.reader import ReaderScreen
from tui.timings import Timings, after, every

if TYPE_CHECKING:
    from tui.config import Config  # the command line loads it; the first frame needs none

EXIT_GRACE = 2.0  # seconds a stopping reader may take before the process just ends
SCAN_WAIT_S = 0.2  # longest the catalog's scan waits at one pause for keys to be handled


def _provider(name: str) -> Callable[[], type[Provider]]:
    """A palette provider loaded when the palette first opens, not at start-up."""

    def load() -> type[Provider]:
        from tui import palette

        return getattr(palette, name)  # type: ignore[no-any-return]

    load.__name__ = name
    return load


PROVIDERS = tuple(
    _provider(name)
    for name in ("BriefsProvider", "ActorsProvider", "ViewsProvider", "ActionsProvider")
)


_HERE = Path(__file__).parent
# The reader's stylesheet is read with the app's, so the whole sheet is parsed once at
# start (pushing a screen with a sheet not yet read parses everything again); absolute,
# so a subclass in another module (the bench's probe) finds them too.
CSS_PATHS = [_HERE / "briefing.tcss", _HERE / "screens" / "reader.tcss"]


class BriefingApp(FeedAndDeskJobs, KeyOrderApp):
    CSS_PATH = CSS_PATHS
    TITLE = "briefing"
    COMMANDS = App.COMMANDS | set(PROVIDERS)
    BINDINGS = [
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.palette"),
        # Both ask first when a note is unsaved (action_quit below); ctrl+c still copies a
        # selection in a text field.
        Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit"),
        Binding("ctrl+c", "help_quit", "Quit", show=False, priority=True, id="app.interrupt"),
    ]

    def __init__(
        self,
        store: Store,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        timings: Timings | None = None,
        config: Config | None = None,
        keymap: Mapping[str, str] | None = None,
        problems: Sequence[str] = (),
        fetch_client: Callable[[], object] | None = None,
    ) -> None:
        super().__init__()
        # No widget here has a tooltip: Textual's tooltip widget on every screen (mounted,
        # styled and laid out at each start) would never show one.
        self._disable_tooltips = True
        self._fetch_client = fetch_client  # tests hand in a client for a loopback server
        self._fetching: threading.Event | None = None  # set: stop the fetch under way
        self._syncing = False
        self._welcomed = False  # the welcome shows, and no key has been typed since
        self._sync_timer: Timer | None = None
        self.store = store
        self.today = today
        self.timings = timings or Timings()
        self.config = config
        self.catalog = Catalog(store)
        self.catalog.pause = self._scan_pause
        self.session = NoteSession(store)
        self.reader = ReaderScreen(
            self.catalog,
            self.session,
            timings=self.timings,
            today=self.today,
            list_width=config.list_width if config else None,
            show_detail=config.show_detail if config else True,
        )
        self._scanning = False
        self._scanned_once = False
        # What the config got wrong, said once the reader shows (the defaults stand in).
        self._problems = list(config.problems if config else ())
        self._clashes_told: set[frozenset[str]] = set()
        if keymap:
            self.set_keymap(dict(keymap))
        if config is not None and config.theme:
            if config.theme in self.available_themes:
                self.theme = config.theme
            else:
                self._problems.append(
                    f"{config.path}: theme: no theme named “{config.theme}” (ctrl+p, "
                    "“theme”, lists them)"
                )
        self._problems += problems
        # A damaged file found by the checks of a deferred open (Store(defer_checks=True))
        # once the reader has drawn: the reader ends, and `briefing` says it as at open.
        self.damage: DamagedFileError | None = None

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notifications carry paths, errors and titles: data, so never markup (whatever
        a caller asks) and with control characters made visible."""
        super().notify(
            clean(message), title=clean(title), severity=severity, timeout=timeout, markup=False
        )

    def get_default_screen(self) -> Screen[None]:
        """The reader is the first screen: no empty default screen laid out and drawn
        before it, and no second screen's start. Called as the app composes, before the
        reader's own compose and mount, so the rows are there for its first frame (read
        from the store's compact index: no parse of the whole index)."""
        hold_collector()  # until the first frame (or the app's end, if sooner)
        try:
            self.catalog.load_rows()
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=15)
        fit_breakpoints(self.reader, self.size.width, self.size.height)
        return self.reader

    def on_mount(self) -> None:
        # After the first frame has settled (its layouts made and drawn, the brief's
        # scrollbar placed): the collector (its first collection walks all the start
        # made, ~6 ms), the store's deferred checks (before any write, as a write runs
        # them itself) and the desk's name (its thread imports the desk's modules): each
        # competed with that frame for the interpreter.
        self.call_after_refresh(self.reader.call_after_refresh, self._after_first_frame)
        if self.store.read_only:
            self.notify(
                f"{self.store.root} is read-only: you can read, search and export, but "
                "nothing can be saved here (notes, stars, read marks).",
                severity="warning",
                timeout=20,
            )
        if self.store.seeded:
            after(self, self.timings.welcome_after, self._welcome)
        every(self, self.timings.disk_poll, self.poll_disk)
        after(self, self.timings.sync_after, lambda: self.post_message(SyncDesk()))
        if self._problems:  # one notice for them all; `briefing config show` repeats them
            shown = self._problems[:6] + (["…"] if len(self._problems) > 6 else [])
            self.notify("\n".join(shown), title="Config", severity="warning", timeout=20)
        if self.config is not None:  # the theme picked in the palette is kept for next time
            self.theme_changed_signal.subscribe(self, self._theme_picked)
        # Closing the terminal (SIGHUP) or a polite kill (SIGTERM) keeps unsaved text.
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGHUP):
            loop.add_signal_handler(sig, self._keep_draft_and_exit)

    async def on_event(self, event: events.Event) -> None:
        # The welcome covers the right of the screen for half a minute, over the editor or
        # dialog a first key may open: the first key typed after it shows lets it go.
        if self._welcomed and isinstance(event, events.Key) and not event.is_forwarded:
            self._welcomed = False
            if all(n.title == "Welcome" for n in self._notifications):
                self.clear_notifications()
        await super().on_event(event)

    def _welcome(self) -> None:
        # A first start shows samples with no word of what they are or where yours come from.
        self._welcomed = True
        self.notify(
            f"A new store, with {self.store.seeded} sample briefs to try the keys on. "
            "Add your own articles, saved pages or brief files with `briefing import PATH`, "
            "a feed with `briefing feed add URL`; D deletes a brief.",
            title="Welcome",
            timeout=30,
        )

    def _after_first_frame(self) -> None:
        release_collector()
        share_one_arena()  # before the workers start (tui/process_memory.py)
        if self.store.checks_pending:
            self._check_store()
        self._learn_desk_name()

    @work(thread=True, exclusive=True, group="store-checks", exit_on_error=False)
    def _check_store(self) -> None:
        """Hash the files the deferred open took on trust. A write meanwhile waits for
        this (the store runs the checks first), so none is made on a damaged store."""
        try:
            self.store.finish_checks()
        except DamagedFileError as exc:
            self.call_from_thread(self._store_damaged, exc)
        except StoreError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", timeout=15)

    def _handle_exception(self, error: Exception) -> None:
        """A damaged file that a read came upon before the deferred open's checks ran
        (damaged in place, its size and times kept) ends the reader as those checks do,
        named by the command line, rather than with a traceback."""
        if isinstance(error, DamagedFileError) and self.store.checks_pending:
            self.damage = self.damage or error
            self._return_code = 2
            self._close_messages_no_wait()
            return
        super()._handle_exception(error)

    def _store_damaged(self, exc: DamagedFileError) -> None:
        """As a damaged file found at open: nothing more is done here (every write would
        fail), and the command line names the file and what repairs it."""
        self.damage = exc
        self.exit(return_code=2)

    def _theme_picked(self, theme: Theme) -> None:
        if self.config is not None and self.config.theme != theme.name:
            self.config.theme = theme.name
            self._keep_theme(self.config, theme.name)

    @work(thread=True, exclusive=True, group="config", exit_on_error=False)
    def _keep_theme(self, config: Config, name: str) -> None:
        from tui.config import save_theme

        try:
            save_theme(config.path, name)
        except OSError as exc:
            reason = f"The theme is not kept for next time: {config.path}: {exc.strerror or exc}"
            self.call_from_thread(self.notify, reason, severity="warning")

    def handle_bindings_clash(self, clashed_bindings: set[Binding], node: DOMNode) -> None:
        """The keymap gave one key to two bindings here (Textual keeps the keymap's): say
        so once, rather than let one shadow the other silently."""
        ids = frozenset(b.id or b.action for b in clashed_bindings)
        if ids in self._clashes_told:
            return
        self._clashes_told.add(ids)
        keys = ", ".join(sorted({b.key for b in clashed_bindings}))
        self.notify(
            f"Key {keys} is bound twice here ({', '.join(sorted(ids))}); the config's wins.",
            title="Config",
            severity="warning",
            timeout=15,
        )

    def on_unmount(self) -> None:
        release_collector()
        if self._fetching is not None:
            self._fetching.set()  # stop after the requests under way; what came is kept
        # However the app ends (a browser tab closing sends no signal and asks nothing),
        # unsaved text is kept: the session holds every key typed.
        with contextlib.suppress(StoreError, OSError):
            self.session.keep_draft_now()
        with contextlib.suppress(StoreError, OSError):
            self.session.form.keep()
        # The reader is done: drafts it kept (text never saved) are offered at the next start.
        self.store.draft_box.release_all()

    def _keep_draft_and_exit(self) -> None:
        """The terminal went away or we were told to stop: keep every character typed, then
        end. Should Textual's own shutdown hang on a terminal that is gone, the process ends
        anyway a couple of seconds later; the draft is already on disk."""
        if self.reader.is_mounted:
            self.reader.sync_text()
        # Nothing more can be done about a failure while the process is ending.
        with contextlib.suppress(StoreError, OSError):
            self.session.keep_draft_now()
        with contextlib.suppress(StoreError, OSError):
            self.session.form.keep()
        threading.Timer(EXIT_GRACE, os._exit, args=(0,)).start()
        self.exit()

    async def action_quit(self) -> None:
        """ctrl+q: quit, asking first when a note or a correction form is unsaved."""
        from tui.screens.edit_form import EditFormScreen  # loaded with the first form

        # The form's question first; questions over it (escape's own) are moot now.
        forms = [s for s in self.screen_stack if isinstance(s, EditFormScreen)]
        if forms:
            while self.screen is not forms[-1]:
                self.pop_screen()
            # Once the form is saved or dropped, its result is handled on the reader (the
            # correction written) before the note check and the exit, which come after it.
            forms[-1].ask_before_quit(lambda: self.reader.call_next(self._quit_after_form))
            return
        self._quit_after_form()

    def _quit_after_form(self) -> None:
        if not self.session.editing:
            self.exit()
            return
        # Questions already open are moot now; the reader asks the one that matters, once
        # the keys typed before this one are handled.
        while isinstance(self.screen, ChoiceScreen | PromptScreen) and len(self.screen_stack) > 1:
            self.pop_screen()
        self.reader.request_quit()

    async def action_help_quit(self) -> None:
        """ctrl+c: copy a selection in a text field, else quit as ctrl+q does."""
        # Here, not at start: the text area's modules are not needed to draw the reader.
        from textual.widgets import Input, TextArea

        focused = self.focused
        if isinstance(focused, Input | TextArea) and focused.selected_text:
            focused.action_copy()
            return
        await self.action_quit()

    # -- the catalog -----------------------------------------------------------------

    @on(CatalogWanted)
    def scan_catalog(self) -> None:
        """Read every brief once (search index, actors, tariffs), off the UI thread."""
        if self._scanning or self.catalog.ready:
            return
        self._scanning = True
        self._scan()

    @work(thread=True, exclusive=True, group="catalog", exit_on_error=False)
    def _scan(self) -> None:
        try:
            scan = self.catalog.scan(keep=False)
        except Exception as exc:  # any failure: say so, keep the reader running
            self.call_from_thread(self._scan_failed, str(exc))
            raise
        self.call_from_thread(self._adopt, scan)
        self.catalog.keep(scan)  # the scan cache, rewritten once search is ready

    def _scan_pause(self) -> None:
        """The scan's pause (in its worker): while keys are being handled it waits, so a
        key typed as search gets ready is not slowed by the scan holding the interpreter
        lock (about 80 → 30 ms for the next brief at 10,000 briefs); never more than
        SCAN_WAIT_S at a time, so typing without end does not stop it."""
        self.keys_settled.wait(SCAN_WAIT_S)
        time.sleep(0)

    def _scan_failed(self, reason: str) -> None:
        self._scanning = False
        self.notify(f"Search is not available: {reason}", severity="error", timeout=15)

    def _adopt(self, scan: Scan) -> None:
        self._scanning = False
        try:
            self.catalog.adopt(scan)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        if scan.unreadable:
            self.notify(
                f"{len(scan.unreadable)} brief(s) could not be read and are left out of "
                "search; `briefing check` names them and `--repair` fixes the store.",
                severity="warning",
                timeout=15,
            )
        if not self._scanned_once:
            self._scanned_once = True
            # What is loaded now lives as long as the app: keep the collector off it, or
            # every full collection walks 10,000 briefs' objects (~0.2 s, felt as a stall).
            gc.freeze()
        self._tell_screens(elsewhere=False)

    def _tell_screens(self, *, elsewhere: bool) -> None:
        # One message each: a message is handled by the one pump it is posted to.
        for screen in self.screen_stack:
            screen.post_message(CatalogChanged(elsewhere))

    def poll_disk(self) -> None:
        """Pick up imports and notes written by other processes, without a restart. The
        check takes the store lock, so it runs in a worker: another process holding the
        lock (a long import, a suspended `briefing`) never freezes the interface."""
        self._read_rows(only_if_changed=True)

    @work(thread=True, exclusive=True, group="rows", exit_on_error=False)
    def _read_rows(self, only_if_changed: bool = False) -> None:
        """Read the list off the UI thread so the interface never waits on the disk."""
        try:
            if only_if_changed and not self.store.changed_elsewhere():
                return
            rows = self.catalog.read_rows()
        except StoreError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.call_from_thread(self._rows_read, rows)

    def _rows_read(self, rows: list[BriefRow]) -> None:
        changed = self.catalog.set_rows(rows)
        try:
            self.catalog.refresh_content(changed)
            self.catalog.refresh_reader()
        except StoreError as exc:
            self.notify(str(exc), severity="error")
        self._tell_screens(elsewhere=True)

    # -- what the palette asks for ---------------------------------------------------

    def _to_reader(self) -> ReaderScreen:
        """Close the screens over the reader (an index screen) and return it."""
        while self.screen is not self.reader and len(self.screen_stack) > 1:
            self.pop_screen()
        return self.reader

    def accepts_commands(self, screen: Screen[object]) -> bool:
        """Palette commands act over the reader and the index screens, never a dialog."""
        return bool(getattr(screen, "ACCEPTS_COMMANDS", False))

    def reader_commands(self) -> list[tuple[str, str, str]]:
        """(description, keys, action) of every reader binding the palette may offer: the
        reader's own (not those every screen has, nor the app's), enabled where it is."""
        reader = self.reader
        own = {b.id for b in type(reader).BINDINGS if isinstance(b, Binding) and b.id}
        seen: dict[str, tuple[str, str, str]] = {}
        for key, active in reader.active_bindings.items():
            binding = active.binding
            if binding.id not in own or not binding.description or not active.enabled:
                continue
            display = binding.key_display or self.get_key_display(binding)
            if binding.action in seen:
                description, keys, action = seen[binding.action]
                seen[binding.action] = (description, f"{keys}, {display}", action)
            else:
                seen[binding.action] = (binding.description, display or key, binding.action)
        return list(seen.values())

    @on(OpenBrief)
    def _open_brief(self, message: OpenBrief) -> None:
        self._to_reader().open_brief(message.brief_id)

    @on(ApplyQuery)
    def _apply_query(self, message: ApplyQuery) -> None:
        self._to_reader().apply_query(message.query)

    @on(DeleteView)
    def _delete_view(self, message: DeleteView) -> None:
        self._to_reader().delete_view(message.name)

    @on(RunAction)
    async def _run_action(self, message: RunAction) -> None:
        await self._to_reader().run_action(message.action)


def make_app(
    store: Store,
    *,
    today: Callable[[], dt.date] = dt.date.today,
    timings: Timings | None = None,
    config: Config | None = None,
    keymap: Mapping[str, str] | None = None,
    problems: Sequence[str] = (),
    fetch_client: Callable[[], object] | None = None,
) -> BriefingApp:
    """The app for `store`; `today` and `timings` are fixed by tests so runs repeat.
    `config` (tui/config.py) brings the theme and layout and keeps a theme picked;
    `keymap` and `problems` come from tui/keys.py's `resolve_keys(config)`."""
    return BriefingApp(
        store,
        today=today,
        timings=timings,
        config=config,
        keymap=keymap,
        problems=problems,
        fetch_client=fetch_client,
    )
