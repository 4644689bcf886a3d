"""The search bar above the brief list: a query input and the reason a query is wrong.

A query is run off the UI thread (`run_query`): at 100,000 briefs a one-letter word takes
a few hundred milliseconds, and the keys typed meanwhile must reach the field at once.
The list keeps the last results until the newest query's come (`Found`); the results of
a query whose text is no longer the field's are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from briefs.text import clean
from store import StoreError
from tui.safe import safe_text
from tui.widgets.one_line_input import OneLineInput

PLACEHOLDER = "words, actor:carney, by:canada since:2024 … (f1: how to search)"

# The query language in a few lines, for f1 in the search bar.
CHEAT_SHEET = """\
canola "electric vehicles"     words, phrases
a b · a OR b · -a · (a OR b)   all · either · not
actor:carney  tag:evs          an actor, a tag
source:reuters country:canada  a source, a country
by:canada  on:china            tariff imposed by, on
product:canola  rate>=25       tariff's goods, rate
status:threatened  measure:anti-dumping
since:2025-10-01  before:"oct 2025"  since:30d
is:unread  is:starred  has:notes"""

_QUOTED = re.compile(r'"[^"]*"?')
_LOWER_OR = re.compile(r"\S\s+or\s+\S")


def or_hint(text: str) -> str | None:
    """A hint when `or` between words is meant as the operator (it is a word to find)."""
    if _LOWER_OR.search(_QUOTED.sub(" ", text)):
        return "“or” is searched as a word; for either, write OR"
    return None


class SearchBar(Vertical):
    BINDINGS = [
        # Priority, as enter below: the list has the focus before the next key typed.
        Binding("escape", "close", "Clear search", id="search.close", priority=True),
        # Enter does it too (the Input's own key), so the footer names both. Priority: the
        # Input's own down (a scroll it never needs) hid this one from the footer.
        Binding("down", "submit", "To results", key_display="⏎/↓", id="search.down", priority=True),
        # Enter too, as a priority binding: it runs as the key arrives, so the reader has
        # moved into the results before the next key typed is let through (tui/key_order.py).
        # Through the Input's own enter the move came a few messages later, and a key typed
        # right after enter went into the query.
        Binding("enter", "submit", "To results", show=False, id="search.enter", priority=True),
        Binding("f1", "cheat_sheet", "How to search", id="search.help"),
    ]

    class Changed(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Closed(Message):
        """The search was cleared; the full list comes back."""

    class Submitted(Message):
        """The reader wants to move into the results."""

    class Found(Message):
        """The results of the query in the field, from the worker that ran it."""

        def __init__(self, text: str, results: object) -> None:
            super().__init__()
            self.text, self.results = text, results

    _asked = 0  # counts the queries run: only the newest one's results are shown
    _shown: str | None = None  # the text whose results the list shows

    def compose(self) -> ComposeResult:
        yield OneLineInput(placeholder=PLACEHOLDER, id="search-input")
        yield Static(id="search-error")
        yield Static(id="search-hint")
        yield Static(safe_text(CHEAT_SHEET), id="search-help")

    def on_mount(self) -> None:
        self.display = False
        for part in ("#search-error", "#search-hint", "#search-help"):
            self.query_one(part).display = False

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def text(self) -> str:
        return self.input.value if self.display else ""

    def open(self, text: str | None = None) -> None:
        self.display = True
        if text is not None:
            # Queries can come from brief text (an actor's name): no control characters.
            self.input.value = clean(text, single_line=True)
        # At once, not after the next refresh: the keys typed after `/` are the query.
        self.screen.set_focus(self.input)

    def show_error(self, message: str | None) -> None:
        error = self.query_one("#search-error", Static)
        error.display = message is not None
        error.update(safe_text(message or ""))

    def run_query(self, text: str, search: Callable[[], object]) -> None:
        """Run `search` (the query `text`, as the field holds it) in a worker; its result
        comes back as `Found`, unless a newer query was run or the field changed since.
        A StoreError it raises is shown as the query's error (the last results stay)."""
        self._asked += 1
        self._search(self._asked, text, search)

    @work(thread=True, exclusive=True, group="search-bar", exit_on_error=False)
    def _search(self, asked: int, text: str, search: Callable[[], object]) -> None:
        try:
            result: object = search()
        except StoreError as exc:  # the word index on disk failed under us
            result = exc
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._found, asked, text, result)

    def _found(self, asked: int, text: str, result: object) -> None:
        if asked != self._asked or text != self.text or not self.is_attached:
            return  # a newer query is on its way, or the search was closed
        if isinstance(result, StoreError):
            self.show_error(str(result))
            return
        self.post_message(self.Found(text, result))

    def shown(self, text: str) -> None:
        """The list shows the results of `text` now: any still on their way are of no
        use (those of an older text, or found again)."""
        self._asked += 1
        self._shown = text

    @property
    def showing(self) -> bool:
        """Whether the list shows the results of the text in the field."""
        return self._shown == self.text

    def action_cheat_sheet(self) -> None:
        sheet = self.query_one("#search-help")
        sheet.display = not sheet.display

    def action_close(self) -> None:
        self._shown = None
        self.input.value = ""
        self.show_error(None)
        self.query_one("#search-help").display = False
        self.display = False
        self.post_message(self.Closed())

    def action_submit(self) -> None:
        self.post_message(self.Submitted())

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        hint = or_hint(event.value)
        shown = self.query_one("#search-hint", Static)
        shown.display = hint is not None
        shown.update(safe_text(hint or ""))
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted())
