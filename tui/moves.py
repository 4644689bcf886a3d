"""The movement keys every list, table and scrolling pane shares, with ids the user's
keymap (and the vim preset, tui/keymaps/vim.toml) rebinds: `moves("list", ...)`."""

from __future__ import annotations

from textual.binding import Binding

# (id suffix, default keys, description); the action is the widget's own, given per use.
_MOVES = (
    ("down", "j", "Down"),
    ("up", "k", "Up"),
    ("first", "home", "First"),
    ("last", "end", "Last"),
    ("page_down", "pagedown", "Page down"),
    ("page_up", "pageup", "Page up"),
)


def moves(place: str, **actions: str) -> list[Binding]:
    """Bindings `place.down` … `place.page_up` for the actions named (down="cursor_down",
    first="scroll_home", ...); a move not named is left to the widget's own keys."""
    return [
        Binding(keys, actions[name], description, show=False, id=f"{place}.{name}")
        for name, keys, description in _MOVES
        if name in actions
    ]


def table_moves(place: str) -> list[Binding]:
    """The moves of a DataTable's row cursor."""
    return moves(
        place,
        down="cursor_down",
        up="cursor_up",
        first="scroll_top",
        last="scroll_bottom",
        page_down="page_down",
        page_up="page_up",
    )
