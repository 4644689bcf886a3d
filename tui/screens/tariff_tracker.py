"""The tariff tracker: every tariff across all briefs in one table, filtered by a query.

Loading (every brief and its search doc) and each filter run (parse, search, sort, chart
figures) happen in thread workers; the UI thread only fills the table, at most MAX_SHOWN
rows of it, so a store of 10,000 briefs never freezes the screen.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.timer import Timer
from textual.widgets import DataTable, Input, Static
from textual.worker import get_current_worker

from briefs.dates import format_day
from briefs.folding import fold
from briefs.model import STATUSES
from briefs.search.query import QueryError, parse_query
from briefs.text import clean
from store import StoreError
from tui.catalog import Catalog
from tui.derived import TariffRow
from tui.safe import safe_text
from tui.screens.index_screen import IndexScreen
from tui.timings import Timings, after
from tui.widgets.index_table import IndexTable
from tui.widgets.keys_footer import KeysFooter
from tui.widgets.one_line_input import FilterInput
from tui.widgets.tariff_chart import ChartData, TariffChart, chart_data

# Rows put in the table; the count and the chart cover all that match. DataTable costs about
# 0.2 ms of UI time per row (adding, measuring, and the garbage collector walking its cells),
# so 2,000 rows froze the screen for 0.3–0.6 s per keystroke at 10,000 briefs; 500 keep it
# near 0.1 s. Nobody pages through 500 rows: the note asks for a sharper filter instead.
MAX_SHOWN = 500

# -- the table --------------------------------------------------------------------------


_STATUS_ORDER = {status: k for k, status in enumerate(STATUSES)}


@dataclass(frozen=True, slots=True)
class Column:
    label: str
    width: int  # as wide as its text mostly is; a wide terminal gives the rest to Brief
    sort_key: Callable[[TariffRow], Any]  # None sorts last either way
    descending_first: bool = False  # numbers and dates: the highest or newest first
    justify: str = "left"
    sort_name: str = ""  # as the help says it, "Sort by imposer", when not the label
    min_width: int = 0  # narrower than this it is dropped (drop > 0) or the table scrolls
    drop: int = 0  # the order columns give way in a narrow terminal (0: never)


COLUMNS = (
    Column("By", 14, lambda r: fold(r.imposed_by), sort_name="imposer", min_width=9),
    Column(
        "On",
        14,
        lambda r: fold(r.imposed_on) if r.imposed_on else None,
        sort_name="target",
        min_width=9,
    ),
    Column("Products", 18, lambda r: fold(r.products) or None, min_width=10),
    Column("Rate", 9, lambda r: r.rate_value, descending_first=True, justify="right", min_width=7),
    # Whole words: "countervailing", "offered removal".
    Column("Measure", 14, lambda r: r.measure, min_width=14),
    Column(
        "Status",
        15,
        lambda r: _STATUS_ORDER.get(r.status, len(_STATUS_ORDER)),
        min_width=15,
    ),
    Column("Year", 6, lambda r: r.year, descending_first=True, min_width=6, drop=3),
    # The line under the table gives the highlighted row's date and title: these go first.
    Column("Date", 11, lambda r: r.date, descending_first=True, min_width=11, drop=2),
    Column("Brief", 60, lambda r: fold(r.title), sort_name="brief title", min_width=24, drop=1),
)
_PADDING = 2  # a cell's padding, one each side
_TITLE_ENOUGH = 100  # past this the Brief column's room goes to the products


def column_widths(room: int) -> list[int | None]:
    """The width of each column in a table `room` cells wide inside its border, None for
    a column dropped for want of room. Every column gets its minimum, then its usual
    width; what is left goes to the brief's title (past a long title, to the products)."""
    widths: list[int | None] = [c.min_width for c in COLUMNS]
    for order in sorted({c.drop for c in COLUMNS if c.drop}):
        if sum(w + _PADDING for w in widths if w is not None) <= room:
            break
        widths = [None if c.drop == order else w for c, w in zip(COLUMNS, widths, strict=True)]
    spare = room - sum(w + _PADDING for w in widths if w is not None)
    for k, column in enumerate(COLUMNS):
        width = widths[k]
        if width is not None and spare > 0:
            grow = min(column.width - width, spare)
            widths[k], spare = width + grow, spare - grow
    title, products = widths[-1], widths[2]
    if title is not None and spare > 0:
        grow = max(min(_TITLE_ENOUGH - title, spare), 0)
        widths[-1], spare = title + grow, spare - grow
    if products is not None and spare > 0:
        widths[2] = products + spare
    return widths


# Measures as the table shows them: the kind of duty, short enough for a narrow column.
_SHORT_MEASURES = {
    "anti-dumping duty": "anti-dumping",
    "countervailing duty": "countervailing",
    "retaliatory tariff": "retaliatory",
}


@dataclass(frozen=True, slots=True)
class Sort:
    column: int | None = None  # None: the search order, newest brief first
    descending: bool = False


def sort_rows(rows: Sequence[TariffRow], sort: Sort) -> list[TariffRow]:
    """`rows` ordered by one column; rows without a value go last in either direction."""
    if sort.column is None:
        return list(rows)
    key = COLUMNS[sort.column].sort_key
    keyed = [(key(r), r) for r in rows]
    known = [pair for pair in keyed if pair[0] is not None]
    # Stable: equal values keep the search order (newest brief first).
    known.sort(key=lambda pair: pair[0], reverse=sort.descending)
    return [r for _, r in known] + [r for value, r in keyed if value is None]


def _cell(text: str | None, width: int, justify: str = "left", style: str = "") -> Text:
    shown = safe_text(text or "—", style, single_line=True, limit=width)
    shown.justify = justify  # type: ignore[assignment]
    return shown


def cells(row: TariffRow, widths: Sequence[int | None]) -> tuple[Text, ...]:
    """The table cells of one row, for the columns shown (`widths`, from column_widths).
    Text from files goes through safe_text; measure and status are checked against fixed
    lists when a brief is read, year and date are ours."""
    by, on, products, rate, measure, status, _year, _date, title = (w or 0 for w in widths)
    every = (
        _cell(row.imposed_by, by, style="bold"),
        _cell(row.imposed_on or "all", on),
        _cell(row.products, products),
        _cell(row.rate, rate, "right"),
        Text(_SHORT_MEASURES.get(row.measure, row.measure)[:measure], end=""),
        Text(row.status[:status], style="italic", end=""),
        Text(str(row.year) if row.year else "—", end=""),
        Text(format_day(row.date), style="dim", end=""),
        _cell(row.title, title),
    )
    return tuple(cell for cell, width in zip(every, widths, strict=True) if width is not None)


# -- the screen --------------------------------------------------------------------


def _room(width: int) -> int:
    """The cells a table `width` wide has for its columns: less its border and the
    vertical scrollbar (kept for, so a longer list does not push a column out)."""
    return width - 4


class TrackerTable(IndexTable):
    """The tariffs table; digits sort by a column while it has focus (in the filter they type)."""

    BINDINGS = [
        # Priority: the brief opens as the key arrives, before the next key typed (as enter
        # in the search bar; tui/key_order.py).
        Binding("enter", "select_cursor", "Open brief", id="tariffs.open", priority=True),
        *(
            Binding(
                str(k + 1),
                f"screen.sort({k})",
                f"Sort by {column.sort_name or column.label.lower()}",
                id=f"tariffs.sort_{column.label.lower()}",
                group=Binding.Group("sort", compact=True),
            )
            for k, column in enumerate(COLUMNS)
        ),
    ]


@dataclass(frozen=True, slots=True)
class _Result:
    generation: int
    selected: int
    rows: list[TariffRow]  # sorted, the first MAX_SHOWN of all that match
    cells: list[tuple[Text, ...]]  # built off the UI thread: 18,000 Text objects take a while
    widths: tuple[int | None, ...]  # the columns they were built for
    chart: ChartData
    seconds: float


class TariffTrackerScreen(IndexScreen[str | None]):
    """Dismisses with the id of the brief whose tariff was chosen, or None."""

    HELP_TITLE = "In the tariff tracker"

    ID = "tariffs"
    TITLE_TEXT = "Tariffs"
    FILTER = "#tariff-query"
    TABLE = "#tariff-table"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]

    def __init__(
        self,
        catalog: Catalog,
        query: str = "",
        *,
        timings: Timings,
        today: Callable[[], dt.date],
    ) -> None:
        super().__init__()
        self.catalog = catalog
        self.timings = timings
        self.today = today
        self.initial_query = clean(query, single_line=True)  # it goes into an Input
        self.sort = Sort()
        self.rows: list[TariffRow] = []  # what the table shows, in order
        self.load_seconds: float | None = None  # from opening until every brief was read
        self.fill_seconds: float | None = None  # the last table fill, on the UI thread
        self._opened = time.perf_counter()
        self._generation = 0
        self._typing: Timer | None = None
        self.widths: tuple[int | None, ...] = tuple(column_widths(_room(120)))

    def compose(self) -> ComposeResult:
        yield FilterInput(
            self.initial_query,
            placeholder="filter: by:canada product:steel rate>=25 since:2025 …",
            id="tariff-query",
        )
        yield Static(id="tariff-error")
        yield TariffChart(id="tariff-chart")
        yield TrackerTable(id="tariff-table")
        yield Static(id="tariff-detail")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.widths = tuple(column_widths(_room(self.app.size.width)))
        self._set_columns()

    def on_resize(self) -> None:
        widths = tuple(column_widths(_room(self.size.width)))
        if widths != self.widths:
            self.widths = widths
            self._set_columns()
            self.refilter()  # the cells are cut to the columns' widths

    # -- loading and filtering ---------------------------------------------------

    def catalog_ready(self) -> None:
        if self.load_seconds is None:
            self.load_seconds = time.perf_counter() - self._opened
        self.refilter()

    def refilter(self) -> None:
        """Run the query in the Input with the current sort; the table follows when done."""
        if not self.catalog.ready:
            return
        self._generation += 1
        self._run(self._generation, self.filter_input.value, self.sort, self.widths)

    @work(thread=True, exclusive=True, group="tariff-filter", exit_on_error=False)
    def _run(self, generation: int, text: str, sort: Sort, widths: tuple[int | None, ...]) -> None:
        started = time.perf_counter()
        try:
            query = parse_query(text, today=self.today())
        except QueryError as exc:
            self.app.call_from_thread(self._show_error, generation, str(exc))
            return
        doubt = self.catalog.words_disagreeing()  # another reader wrote over some
        if doubt:
            self.app.call_from_thread(self.catalog.trust_words, doubt)
        try:
            selected = self.catalog.search_tariffs(query)
        except StoreError as exc:  # the word index on disk failed under us
            self.app.call_from_thread(self._show_error, generation, str(exc))
            return
        if get_current_worker().is_cancelled:
            return
        shown = sort_rows(selected, sort)[:MAX_SHOWN]
        result = _Result(
            generation=generation,
            selected=len(selected),
            rows=shown,
            cells=[cells(r, widths) for r in shown],
            widths=widths,
            chart=chart_data(selected),
            seconds=time.perf_counter() - started,
        )
        self.app.call_from_thread(self._show, result)

    def _show_error(self, generation: int, message: str) -> None:
        # The rows of the last good query stay; only the message changes.
        if generation != self._generation or not self.is_attached:
            return
        error = self.query_one("#tariff-error", Static)
        error.update(safe_text(message, single_line=True))
        error.add_class("-shown")

    def _show(self, result: _Result) -> None:
        if (
            result.generation != self._generation
            or not self.is_attached
            or result.widths != self.widths
        ):
            return
        started = time.perf_counter()
        self.query_one("#tariff-error").remove_class("-shown")
        table = self.query_one(TrackerTable)
        keep = self.rows[table.cursor_row].key if 0 <= table.cursor_row < len(self.rows) else None
        self.rows = result.rows
        table.loading = False
        table.clear()
        for row, row_cells in zip(result.rows, result.cells, strict=True):
            table.add_row(*row_cells, key=row.key)
        if keep is not None and keep in table.rows:
            table.move_cursor(row=table.get_row_index(keep), animate=False)
        table.border_title = f"Tariffs ({result.selected:,} of {self.catalog.tariff_count:,})"
        table.border_subtitle = (
            f"showing {MAX_SHOWN:,} of {result.selected:,} — refine the filter"
            if result.selected > MAX_SHOWN
            else "1-9: sort"
        )
        self.query_one(TariffChart).show(result.chart)
        self._show_detail()
        self.fill_seconds = time.perf_counter() - started

    # -- the table ---------------------------------------------------------------

    def _set_columns(self) -> None:
        table = self.query_one(TrackerTable)
        table.clear(columns=True)
        for k, (column, width) in enumerate(zip(COLUMNS, self.widths, strict=True)):
            if width is None:
                continue  # no room for it: the line under the table says it
            label = Text(f"{k + 1} ", style="dim", end="")
            label.append(column.label, style="bold")
            if self.sort.column == k:
                label.append(" ▼" if self.sort.descending else " ▲")
            table.add_column(label, width=width, key=str(k))

    def action_sort(self, column: int) -> None:
        """Sort by `column` (0-based); the same column again reverses."""
        spec = COLUMNS[column]
        if self.sort.column == column:
            self.sort = Sort(column, not self.sort.descending)
        else:
            self.sort = Sort(column, spec.descending_first)
        self._set_columns()
        self.refilter()

    @on(DataTable.HeaderSelected, "#tariff-table")
    def _header_clicked(self, event: DataTable.HeaderSelected) -> None:
        self.action_sort(event.column_index)

    @on(DataTable.RowHighlighted, "#tariff-table")
    def _show_detail(self) -> None:
        table = self.query_one(TrackerTable)
        detail = self.query_one("#tariff-detail", Static)
        if not 0 <= table.cursor_row < len(self.rows):
            detail.update("")
            return
        row = self.rows[table.cursor_row]
        line = Text(f"{format_day(row.date)} · ", end="")
        line.append_text(safe_text(row.title, single_line=True, limit=300))
        detail.update(line)

    @on(DataTable.RowSelected, "#tariff-table")
    def _open(self, event: DataTable.RowSelected) -> None:
        if 0 <= event.cursor_row < len(self.rows):
            self.dismiss(self.rows[event.cursor_row].brief_id)

    # -- the filter --------------------------------------------------------------

    @on(Input.Changed, "#tariff-query")
    def _query_changed(self) -> None:
        # Half-typed queries ('by:c') would flash errors and empty tables; wait for a pause.
        if self._typing is not None:
            self._typing.stop()
        self._typing = after(self, self.timings.tracker_pause, self.refilter)

    @on(Input.Submitted, "#tariff-query")
    def _query_submitted(self) -> None:
        if self._typing is not None:
            self._typing.stop()
        self.refilter()
        self.query_one(TrackerTable).focus()
