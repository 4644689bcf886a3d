"""The reader's keys: its bindings (each with an id the keymap rebinds) and which of its
commands sit on plain letters, so that in a text field those letters type instead."""

from __future__ import annotations

from textual.binding import Binding

# Reader commands on plain letters: in a text field the letters type instead.
LETTER_ACTIONS = frozenset(
    {
        "next_brief",
        "previous_brief",
        "search",
        "help",
        "quit",
        "toggle_star",
        "mark_unread",
        "cycle_sort",
        "actor_index",
        "tariff_tracker",
        "save_view",
        "toggle_article",
        "open_url",
        "copy_url",
        "history",
        "edit_title",
        "revert",
        "list_wider",
        "list_narrower",
        "toggle_detail",
        "fetch",
        "sync_desk",
    }
)

READER_BINDINGS = [
    Binding("n", "next_brief", "Next", id="reader.next"),
    Binding("p", "previous_brief", "Prev", id="reader.previous"),
    # Priority: they act before the focused widget's own bindings (enter on a note, a
    # in any pane); keys are handled one at a time (tui/key_order.py), so the keys
    # typed right after these reach the editor or the search bar they open.
    Binding("a", "add_note", "Add note", id="reader.add_note", priority=True),
    Binding("e", "edit", "Edit", id="reader.edit", priority=True),
    Binding("enter", "edit_note", "Edit note", show=False, id="reader.edit_enter", priority=True),
    Binding("slash", "search", "Search", key_display="/", id="reader.search", priority=True),
    Binding("question_mark", "help", "Help", key_display="?", id="reader.help"),
    Binding("q", "quit", "Quit", id="reader.quit", priority=True),
    Binding("s", "toggle_star", "Star", id="reader.star"),
    Binding("u", "mark_unread", "Unread", show=False, id="reader.unread"),
    Binding("o", "cycle_sort", "Sort", show=False, id="reader.sort"),
    Binding("A", "actor_index", "Actors", id="reader.actors"),
    Binding("T", "tariff_tracker", "Tariffs", id="reader.tariffs"),
    Binding("v", "save_view", "Save view", show=False, id="reader.save_view"),
    Binding("b", "toggle_article", "Article", id="reader.article"),
    # Shown by ? and the palette; the footer keeps to what most people need first.
    Binding("plus", "add_row", "Add row", key_display="+", show=False, id="reader.add_row"),
    Binding("t", "edit_title", "Title & tags", show=False, id="reader.edit_title"),
    Binding("r", "revert", "Back to source", show=False, id="reader.revert"),
    Binding("d", "remove_row", "Remove row", show=False, id="reader.remove_row"),
    Binding("D", "delete_brief", "Delete brief", show=False, id="reader.delete_brief"),
    Binding("ctrl+z", "undo", "Undo", show=False, id="reader.undo"),
    Binding("h", "history", "History", show=False, id="reader.history"),
    Binding(
        "right_square_bracket",
        "list_wider",
        "Wider list",
        key_display="]",
        show=False,
        id="reader.list_wider",
    ),
    Binding(
        "left_square_bracket",
        "list_narrower",
        "Narrower list",
        key_display="[",
        show=False,
        id="reader.list_narrower",
    ),
    Binding(
        "backslash",
        "toggle_detail",
        "List alone",
        key_display="\\",
        show=False,
        id="reader.toggle_detail",
    ),
    Binding("F", "fetch", "Fetch feeds", show=False, id="reader.fetch"),
    Binding("S", "sync_desk", "Sync with the desk", show=False, id="reader.sync"),
    Binding("w", "open_url", "Open URL", show=False, id="reader.open_url"),
    Binding("y", "copy_url", "Copy URL", show=False, id="reader.copy_url"),
    Binding("ctrl+s", "save_note", "Save", id="reader.save_note", priority=True),
    Binding("escape", "leave_editor", "Close editor", id="reader.leave_editor", priority=True),
]
