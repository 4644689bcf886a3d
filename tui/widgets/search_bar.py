"""The search bar above the brief list: a query input and the reason a query is wrong."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from briefs.text import clean
from tui.safe import safe_text

PLACEHOLDER = "words, actor:carney, by:canada since:2024 …"


class SearchBar(Vertical):
    BINDINGS = [
        Binding("escape", "close", "Clear search", id="search.close"),
        Binding("down", "submit", "To results", show=False, id="search.down"),
    ]

    class Changed(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Closed(Message):
        """The search was cleared; the full list comes back."""

    class Submitted(Message):
        """The reader wants to move into the results."""

    def compose(self) -> ComposeResult:
        yield Input(placeholder=PLACEHOLDER, id="search-input")
        yield Static(id="search-error")

    def on_mount(self) -> None:
        self.display = False
        self.query_one("#search-error").display = False

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

    def action_close(self) -> None:
        self.input.value = ""
        self.show_error(None)
        self.display = False
        self.post_message(self.Closed())

    def action_submit(self) -> None:
        self.post_message(self.Submitted())

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted())
