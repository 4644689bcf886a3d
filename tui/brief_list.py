"""The brief list: one line per brief, drawn by an OptionList so thousands stay fast."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from briefs.dates import format_day
from store import BriefRow
from tui.safe import safe_text


def row_prompt(row: BriefRow) -> Text:
    """'▪ ★ 31 Oct 2025 Title … 2✎' — unread dot, star, date, title, note count."""
    line = Text(no_wrap=True, overflow="ellipsis", end="")
    line.append("●" if not row.read else " ", style="bold")
    line.append("★" if row.starred else " ", style="bold")
    line.append(f" {format_day(row.date)} ", style="dim")
    line.append_text(safe_text(row.title, single_line=True))
    if row.note_count:
        line.append(f" {row.note_count}✎", style="italic")
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

    @property
    def highlighted_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None
