"""A form for one part of a brief: its title and tags, an actor row or a tariff row.

Each field is checked as it is left, with the reason under it (the checks are the
domain's, `briefs.corrections.check_field`); enumerated fields are chosen from their
values. ctrl+s saves — the form returns the checked values that changed — escape asks
when something changed, and "Revert" puts the part back to what the source said.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from briefs.corrections import CorrectionError
from briefs.text import clean
from tui.safe import safe_text
from tui.screens.dialogs import Choice, ChoiceScreen
from tui.widgets.keys_footer import KeysFooter
from tui.widgets.one_line_input import FieldInput

REVERT = "revert"  # what the form returns when the reader asks for the source's values


@dataclass(frozen=True, slots=True)
class FormField:
    path: str  # what Store.correct is given, e.g. "actors.2.role"
    label: str
    value: Any  # the value now (a list, a number, None or text)
    choices: tuple[str, ...] = ()
    edited: bool = False  # the reader's value, not the source's
    source_changed: bool = False


def as_text(value: Any) -> str:
    """A value as a form shows it: lists comma-separated, nothing as empty."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return clean(str(value), single_line=True)


Check = Callable[[str, str], Any]  # (path, text) → value, or CorrectionError


class EditFormScreen(ModalScreen[dict[str, Any] | str | None]):
    """Dismisses with {path: value} of the fields that changed, REVERT, or None."""

    CSS_PATH = "edit_form.tcss"  # a short terminal: one row a field (the rest: briefing.tcss)
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True, id="form.save"),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
    ]

    def __init__(
        self,
        title: str,
        fields: Sequence[FormField],
        check: Check,
        *,
        can_revert: bool = False,
        restored: Mapping[str, str] | None = None,
        on_change: Callable[[dict[str, str]], object] | None = None,
    ) -> None:
        """`restored`: the fields' text from a draft; `on_change` hears every change (the
        reader keeps it as a draft)."""
        super().__init__()
        self.title_text = title
        self.fields = tuple(fields)
        self.check = check
        self.can_revert = can_revert
        self.restored = dict(restored or {})
        self.on_change = on_change
        self._asking = False

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form-box") as box:
            box.border_title = self.title_text
            box.border_subtitle = "ctrl+s save · esc cancel"
            for k, spec in enumerate(self.fields):
                label = Text(spec.label, style="bold")
                if spec.edited:
                    label.append("  ✎ edited", style="italic")
                if spec.source_changed:
                    label.append("  · source changed since you edited it", style="italic")
                yield Label(label, classes="form-label")
                text = self.initial_texts()[spec.path]
                if spec.choices:
                    options = [(choice, choice) for choice in spec.choices]
                    yield Select(options, value=text, allow_blank=False, id=f"field-{k}")
                else:
                    yield FieldInput(text, id=f"field-{k}")
                yield Static(id=f"error-{k}", classes="form-error")
            with Horizontal(id="form-buttons"):
                if self.can_revert:
                    yield Button("Revert to source", id="revert", variant="warning")
                yield Button("Cancel", id="cancel")
                yield Button("Save (ctrl+s)", id="save", variant="primary")
        yield KeysFooter()  # the form's keys, not the reader's beneath it

    def on_mount(self) -> None:
        for error in self.query(".form-error"):
            error.display = False
        self.query_one("#field-0").focus()

    def _text(self, k: int) -> str:
        widget = self.query_one(f"#field-{k}")
        if isinstance(widget, Select):
            return str(widget.value)
        assert isinstance(widget, Input)
        return widget.value

    def _checked(self, k: int) -> tuple[bool, Any]:
        """Check field k; show or clear its reason. (ok, value)."""
        error = self.query_one(f"#error-{k}", Static)
        try:
            value = self.check(self.fields[k].path, self._text(k))
        except CorrectionError as exc:
            error.update(safe_text(exc.reason))
            error.display = True
            return False, None
        error.display = False
        return True, value

    def initial_texts(self) -> dict[str, str]:
        """Each field's text as the form opens: a restored draft's, else the value's."""
        texts = {}
        for spec in self.fields:
            text = self.restored.get(spec.path, as_text(spec.value))
            if spec.choices and text not in spec.choices:
                text = spec.choices[0]
            texts[spec.path] = text
        return texts

    def texts(self) -> dict[str, str]:
        """Every field's text as it stands (what a draft keeps)."""
        return {spec.path: self._text(k) for k, spec in enumerate(self.fields)}

    @on(Input.Changed)
    @on(Select.Changed)
    def _changed(self) -> None:
        if self.on_change is not None and self.is_mounted:
            self.on_change(self.texts())

    @on(Input.Blurred)
    def _left(self, event: Input.Blurred) -> None:
        k = int(str(event.input.id).removeprefix("field-"))
        self._checked(k)

    def changes(self) -> dict[str, Any] | None:
        """The checked values that differ from the start; None when any field is bad."""
        changed: dict[str, Any] = {}
        ok = True
        shown = {spec.path: as_text(spec.value) for spec in self.fields}
        for k, spec in enumerate(self.fields):
            good, value = self._checked(k)
            ok = ok and good
            # Compared as text: a value shown with stand-ins for control characters is
            # left as the source has it unless the reader typed in that field.
            if good and self._text(k) != shown[spec.path] and value != spec.value:
                changed[spec.path] = value
        return changed if ok else None

    def action_save(self) -> None:
        self._save()

    def _save(self) -> bool:
        changed = self.changes()
        if changed is None:
            self.notify("Some fields need fixing first (see under them).", severity="warning")
            return False
        self.dismiss(changed)
        return True

    def action_cancel(self) -> None:
        self._ask_unsaved(then=None)

    def ask_before_quit(self, then: Callable[[], object]) -> None:
        """Quit over the form: `then` at once when nothing changed, else once the changes
        are saved or discarded (cancel stays in the form), asked as escape asks."""
        self._asking = False  # a question the quit took down is moot
        self._ask_unsaved(then=then)

    def _ask_unsaved(self, then: Callable[[], object] | None) -> None:
        if self._asking:
            return
        changed = self.changes()
        if not changed and changed is not None:
            self.dismiss(None)
            if then is not None:
                then()
            return

        def answered(answer: str | None) -> None:
            self._asking = False
            if answer == "save":
                closed = self._save()
            elif answer == "discard":
                self.dismiss(None)
                closed = True
            else:
                closed = False  # cancel: back to the form
            if closed and then is not None:
                then()

        self._asking = True
        choices = (
            Choice("save", "Save", "s", "primary"),
            Choice("discard", "Discard", "d", "error"),
            Choice("cancel", "Cancel", "c"),
        )
        self.app.push_screen(
            ChoiceScreen(
                "This form has unsaved changes.", choices, default="save", cancel="cancel"
            ),
            answered,
        )

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Button.Pressed, "#revert")
    def _revert_pressed(self) -> None:
        self.dismiss(REVERT)
