"""The app's jobs on the feeds and the desk: fetching every feed (F), syncing with the
desk after a save, and learning the name the desk knows this reader by. Each runs in a
worker and tells the reader how it goes. A mixin of BriefingApp (tui/app.py)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import work
from textual.timer import Timer

from store import Store, StoreError
from tui.messages import FetchFeeds, SyncDesk
from tui.note_session import NoteSession
from tui.timings import Timings, after

if TYPE_CHECKING:  # loaded at the first fetch or sync, not at start-up
    from store.fetch import FetchProgress, FetchReport
    from store.sync import SyncReport
    from tui.screens.reader import ReaderScreen


class FeedAndDeskJobs:
    """Fetch and sync for BriefingApp, which provides these attributes."""

    _fetch_client: Callable[[], object] | None
    _fetching: threading.Event | None  # set: stop the fetch under way
    _syncing: bool
    _sync_timer: Timer | None

    if TYPE_CHECKING:
        store: Store
        session: NoteSession
        timings: Timings
        reader: ReaderScreen

        def notify(self, message: str, **kwargs: Any) -> None: ...
        def post_message(self, message: object) -> bool: ...
        def call_from_thread(self, callback: Callable[..., Any], *args: Any) -> Any: ...
        def _read_rows(self, only_if_changed: bool = False) -> None: ...

    # -- feeds -----------------------------------------------------------------------

    def on_fetch_feeds(self, message: FetchFeeds) -> None:
        del message
        if self._fetching is not None:
            self.notify("A fetch is already under way.")
            return
        self._fetching = threading.Event()
        self.reader.show_activity("fetching feeds…")
        self._fetch(self._fetching)

    @work(thread=True, exclusive=True, group="fetch", exit_on_error=False)
    def _fetch(self, cancel: threading.Event) -> None:
        from store.fetch import fetch_feeds  # the web libraries load on the first fetch

        def progress(where: object) -> None:
            self.call_from_thread(self._fetch_progress, where)

        client = self._fetch_client() if self._fetch_client else None
        try:
            report = fetch_feeds(self.store, client=client, progress=progress, cancel=cancel)  # type: ignore[arg-type]
        except StoreError as exc:
            self.call_from_thread(self._fetch_ended, None, str(exc))
            return
        self.call_from_thread(self._fetch_ended, report, None)

    def _fetch_progress(self, where: FetchProgress) -> None:
        done = f"{where.feeds_done} of {where.feeds_total} feeds"
        self.reader.show_activity(f"fetching {done} · {where.new} new · {where.failed} failed")

    def _fetch_ended(self, report: FetchReport | None, error: str | None) -> None:
        self._fetching = None
        self.reader.show_activity(None)
        if report is None:
            self.notify(f"Fetch failed: {error}", severity="error", timeout=15)
            return
        if report.feeds == 0 and not report.failures:
            self.notify("No feeds yet: `briefing feed add URL` subscribes to one.")
            return
        lines = [report.summary(), *report.failures[:5]]
        if len(report.failures) > 5:
            lines.append(f"… and {len(report.failures) - 5} more")
        severity = "warning" if report.failures else "information"
        self.notify("\n".join(lines), severity=severity, timeout=10)
        self._read_rows()  # the new briefs, into the list and search

    # -- the desk ----------------------------------------------------------------------

    def on_sync_desk(self, message: SyncDesk) -> None:
        """Sync with the desk in a worker; after a save, once the saves pause."""
        if message.soon:
            if self._sync_timer is not None:
                self._sync_timer.stop()
            self._sync_timer = after(
                self, self.timings.sync_after, lambda: self.post_message(SyncDesk())
            )
            if self.session.author is not None and not self._syncing:  # a desk's store
                self.reader.show_activity("desk: changes waiting")
            return
        if self._syncing:
            if message.asked:
                self.notify("A sync with the desk is under way.")
            return
        self._syncing = True
        self._sync(message.asked)

    @work(thread=True, exclusive=True, group="desk", exit_on_error=False)
    def _sync(self, asked: bool) -> None:
        from store.sync import has_desk, sync  # git runs only for a store with a desk

        if not has_desk(self.store) or self.store.read_only:
            why = "This store has no desk yet: `briefing sync --remote URL` connects one."
            self.call_from_thread(self._synced, None, why if asked else None)
            return
        self.call_from_thread(self.reader.show_activity, "desk: syncing…")
        try:
            report = sync(self.store)
        except StoreError as exc:
            self.call_from_thread(self._synced, None, f"desk: sync failed: {exc}")
            self.call_from_thread(self.reader.show_activity, "desk: sync failed")
            return
        self.call_from_thread(self._synced, report, None)

    @work(thread=True, group="desk-name", exit_on_error=False)
    def _learn_desk_name(self) -> None:
        """The name the desk knows this reader by: the author of the notes written here."""
        from store.sync import desk_name  # None, and no git run, for a store with no desk

        with contextlib.suppress(StoreError):
            self.session.author = desk_name(self.store)

    def _synced(self, report: SyncReport | None, error: str | None) -> None:
        self._syncing = False
        if report is not None and report.name:
            self.session.author = report.name
        if report is None:
            self.reader.show_activity(None)
            if error:
                self.notify(error, severity="warning", timeout=10)
            return
        if report.offline:
            self.reader.show_activity("desk: offline, waiting")
            return
        self.reader.show_activity(f"desk: synced {self.store.clock():%H:%M}")
        if report.problems:
            lines = [f"{len(report.problems)} file(s) from the desk skipped:", *report.problems[:5]]
            self.notify("\n".join(lines), severity="warning", timeout=15)
        if report.applied:
            self._read_rows()  # the desk's notes and briefs, into the list and search
