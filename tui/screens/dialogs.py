"""Questions over the current screen: a choice of answers, or one line of text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList
from textual.widgets.button import ButtonVariant
from textual.widgets.option_list import Option

from tui.safe import safe_text
from tui.widgets.keys_footer import KeysFooter
from tui.widgets.one_line_input import OneLineInput


@dataclass(frozen=True, slots=True)
class Choice:
    """One answer: what `dismiss` returns, its button's label, its key and its colour."""

    value: str
    label: str
    key: str
    variant: ButtonVariant = "default"


class ChoiceScreen(ModalScreen[str]):
    """A question with a few answers, each a button and a key.

    Enter presses the focused button, which starts on `default`; escape answers `cancel`.
    Nothing else answers it, so a stray letter typed into a question that appeared
    unexpectedly does nothing.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="choice.cancel")]

    def __init__(
        self, question: str, choices: Sequence[Choice], *, default: str, cancel: str
    ) -> None:
        super().__init__()
        self.question = question
        self.choices = tuple(choices)
        self.default = default
        self.cancel = cancel

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Label(safe_text(self.question), id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                for choice in self.choices:
                    yield Button(
                        f"{choice.label} ({choice.key})",
                        id=f"choice-{choice.value}",
                        variant=choice.variant,
                    )
        yield KeysFooter()  # its own keys, not those of the screen beneath

    def on_mount(self) -> None:
        self.query_one(f"#choice-{self.default}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(str(event.button.id).removeprefix("choice-"))

    def on_key(self, event: events.Key) -> None:
        for choice in self.choices:
            if event.key == choice.key:
                event.stop()
                self.dismiss(choice.value)
                return

    def action_cancel(self) -> None:
        self.dismiss(self.cancel)


class PromptScreen(ModalScreen[str | None]):
    """Ask for one line of text; escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Label(safe_text(self.question), id="confirm-question")
            if self.detail:
                yield Label(safe_text(self.detail, "italic"))
            yield OneLineInput(id="prompt-input")
            # Enter is the field's own key, so the footer cannot name it: said here.
            yield Label(safe_text("enter saves · esc cancels", "dim"))
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PickScreen(ModalScreen[str | None]):
    """Pick one of a list of answers (too many, or too long, for buttons): j/k or the
    arrows move, enter picks, escape cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="pick.cancel"),
        Binding("j", "move(1)", "Down", show=False, id="pick.down"),
        Binding("k", "move(-1)", "Up", show=False, id="pick.up"),
    ]

    def __init__(self, question: str, options: Sequence[tuple[str, str]]) -> None:
        """`options`: (what `dismiss` returns, its line)."""
        super().__init__()
        self.question = question
        self.options = tuple(options)

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Label(safe_text(self.question, "bold"), id="confirm-question")
            yield OptionList(
                *(Option(safe_text(label), id=value) for value, label in self.options),
                id="pick-list",
            )
            yield Label(safe_text("enter picks · esc cancels", "dim"))
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
