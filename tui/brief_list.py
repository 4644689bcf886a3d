"""The brief list: one line per brief, drawn by an OptionList so thousands stay fast."""

from __future__ import annotations

import contextlib

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from briefs.dates import format_day
from store import BriefRow
from tui.safe import safe_text


def row_prompt(row: BriefRow) -> Text:
    """'●★ 31 Oct 2025 2✎ Title…': unread dot, star, date, note count, then the title.

    Markers come before the title so a narrow list that cuts titles never hides them.
    """
    line = Text(no_wrap=True, overflow="ellipsis", end="")
    line.append("●" if not row.read else " ", style="bold")
    line.append("★" if row.starred else " ", style="bold")
    line.append(f" {format_day(row.date)} ", style="dim")
    line.append(f"{row.note_count}✎ " if row.note_count else "", style="italic")
    line.append_text(safe_text(row.title, single_line=True, limit=300))
    return line


class BriefList(OptionList):
    """Lists briefs newest first; posts OptionHighlighted as the cursor moves."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
    ]

    def show_rows(self, rows: list[BriefRow], keep: str | None = None) -> None:
        """Replace the rows, keeping the highlight on brief `keep` when it is still there."""
        self.set_options(Option(row_prompt(row), id=row.id) for row in rows)
        index = 0
        if keep is not None:
            try:
                index = self.get_option_index(keep)
            except OptionDoesNotExist:
                index = 0
        if rows:
            self.highlighted = index

    def update_row(self, row: BriefRow) -> None:
        # The row may have been filtered out of the list meanwhile.
        with contextlib.suppress(OptionDoesNotExist):
            self.replace_option_prompt(row.id, row_prompt(row))

    @property
    def highlighted_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None
