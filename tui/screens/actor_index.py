"""The actor index: every actor across all briefs; type to filter, enter to see their briefs."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input

from briefs.actor_index import ActorEntry, actor_key, actor_query
from briefs.dates import format_day
from tui.catalog import ActorSource, Catalog, build_actor_entries
from tui.safe import safe_text
from tui.screens.index_screen import IndexScreen
from tui.widgets.index_table import IndexTable
from tui.widgets.keys_footer import KeysFooter
from tui.widgets.one_line_input import FilterInput

# A DataTable keeps every row it is given; past this many, refining the filter beats scrolling.
MAX_SHOWN = 2000


def _haystack(entry: ActorEntry) -> str:
    # Newlines keep a filter from matching across the end of one field and the start of the next.
    return actor_key("\n".join((entry.name, *entry.roles, *entry.affiliations)))


_KINDS = {"organization": "org"}
# Fixed columns (kind, briefs, first, last) and the padding of all seven.
_FIXED = 7 + 6 + 11 + 11 + 7 * 2
_FIRST = 11 + 2  # the First column and its padding: the one to give way in a narrow terminal
_MINIMUMS = (16, 12, 12)  # name, roles, affiliations ("Affiliations" whole)


def shows_first(width: int) -> bool:
    """Whether a table `width` cells wide has room for the First column."""
    return width - _FIXED - 4 >= sum(_MINIMUMS)


def column_widths(width: int) -> tuple[int, int, int]:
    """Widths of name, roles and affiliations for a table `width` cells wide (4 : 5 : 3),
    the First column left out where there is no room for it (`shows_first`).

    Below the minimums the table scrolls sideways; the name column comes first, so it stays.
    """
    free = max(width - _FIXED - 4, 0)  # the border and a vertical scrollbar
    if not shows_first(width):
        free += _FIRST
    widths = [
        max(free * share // 12, least) for share, least in zip((4, 5, 3), _MINIMUMS, strict=True)
    ]
    over = sum(widths) - free
    for k in (1, 0, 2):  # the minimums push past the room: roles give way first
        take = min(max(over, 0), widths[k] - _MINIMUMS[k])
        widths[k] -= take
        over -= take
    name, roles, affiliations = widths
    return name, roles, affiliations


def actor_cells(
    entry: ActorEntry, widths: tuple[int, int, int], *, first: bool = True
) -> tuple[Text, ...]:
    name, roles, affiliations = widths
    cells = [
        safe_text(entry.name, "bold", single_line=True, limit=name),
        Text(_KINDS.get(entry.kind, entry.kind), style="dim", end=""),
        safe_text("; ".join(entry.roles) or "—", single_line=True, limit=roles),
        safe_text("; ".join(entry.affiliations) or "—", single_line=True, limit=affiliations),
        Text(f"{entry.brief_count:,}", justify="right", end=""),
        Text(format_day(entry.first_date), end=""),
        Text(format_day(entry.last_date), end=""),
    ]
    if not first:
        del cells[5]
    return tuple(cells)


def actors_title(shown: int, total: int, *, filtering: bool) -> str:
    """'Actors (1,234 of 5,678)' while a filter is typed, else 'Actors (5,678)'."""
    return f"Actors ({shown:,} of {total:,})" if filtering else f"Actors ({total:,})"


# Enter chooses as a priority binding: the index closes as the key arrives, and the keys
# typed at once after it reach the reader's results (tui/key_order.py); they were lost.
class ActorTable(IndexTable):
    BINDINGS = [
        Binding("enter", "select_cursor", "Their briefs", id="actors.choose", priority=True)
    ]


class ActorFilter(FilterInput):
    BINDINGS = [
        Binding(
            "enter",
            "screen.choose_first",
            "First actor's briefs",
            show=False,
            id="actors.choose_first",
            priority=True,
        )
    ]


_LABELS = ("Name", "Kind", "Roles", "Affiliations", "Briefs", "First", "Last")


class ActorIndexScreen(IndexScreen[str | None]):
    """Dismisses with `actor:"Name"` for the chosen actor, or None."""

    HELP_TITLE = "In the actor index"

    ID = "actors"
    TITLE_TEXT = "Actors"
    FILTER = "#actor-filter"
    TABLE = "#actor-table"

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog
        self._entries: list[ActorEntry] = []
        self._haystacks: list[str] = []
        self._shown: list[ActorEntry] = []

    def compose(self) -> ComposeResult:
        yield ActorFilter(placeholder="filter actors…", id="actor-filter")
        yield ActorTable(id="actor-table")
        yield KeysFooter()

    def catalog_ready(self) -> None:
        entries = self.catalog.built_actor_entries
        if entries is not None:
            self._take(entries, [_haystack(e) for e in entries])
            return
        # Gathered off the UI thread: about 2 s at 100,000 briefs, a frozen screen here.
        self.table.border_title = "Actors · gathering every actor…"
        generation, sources = self.catalog.actor_sources()
        self._gather(generation, sources)

    @work(thread=True, exclusive=True, group="actor-index", exit_on_error=False)
    def _gather(self, generation: int, sources: list[ActorSource]) -> None:
        entries = build_actor_entries(sources)
        haystacks = [_haystack(e) for e in entries]
        self.app.call_from_thread(self._gathered, generation, entries, haystacks)

    def _gathered(self, generation: int, entries: list[ActorEntry], haystacks: list[str]) -> None:
        self.catalog.keep_actor_entries(generation, entries)
        if self.is_attached:
            self._take(entries, haystacks)

    def _take(self, entries: list[ActorEntry], haystacks: list[str]) -> None:
        self._entries, self._haystacks = entries, haystacks
        self._show(self.filter_input.value)

    def _show(self, text: str) -> None:
        needle = actor_key(text)
        if needle:
            shown = [e for e, h in zip(self._entries, self._haystacks, strict=True) if needle in h]
        else:
            shown = self._entries
        self._shown = shown
        table = self.table
        widths = column_widths(self.size.width)
        first = shows_first(self.size.width)
        table.clear(columns=True)
        for label, width in zip(
            _LABELS, (widths[0], 7, widths[1], widths[2], 6, 11, 11), strict=True
        ):
            if label != "First" or first:
                table.add_column(label, width=width)
        table.add_rows(actor_cells(e, widths, first=first) for e in shown[:MAX_SHOWN])
        table.border_title = actors_title(len(shown), len(self._entries), filtering=bool(needle))
        table.border_subtitle = (
            f"showing {MAX_SHOWN:,} of {len(shown):,} — refine the filter"
            if len(shown) > MAX_SHOWN
            else ""
        )

    def on_resize(self) -> None:
        if self._entries:
            self._show(self.filter_input.value)

    @on(Input.Changed, "#actor-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._show(event.value)

    def action_choose_first(self) -> None:
        if self._shown:
            self.dismiss(actor_query(self._shown[0].name))

    @on(DataTable.RowSelected, "#actor-table")
    def _choose(self, event: DataTable.RowSelected) -> None:
        if 0 <= event.cursor_row < len(self._shown):
            self.dismiss(actor_query(self._shown[event.cursor_row].name))
