"""The line-drawn table of the brief's actors and tariffs: height, cursor, keys, clicks."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from store import Store
from tests.tui.helpers import new_app, screen_text, settle
from tui.widgets.line_table import Cell, LineTable

COLUMNS = ("Name", "Role")


def rows(n: int, *, tall: bool = False) -> list[tuple[Cell, ...]]:
    lines = ("first line", "second line") if tall else ("one line",)
    return [(Cell((f"Person {k}",), "bold"), Cell(lines)) for k in range(n)]


class TableApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.events: list[tuple[str, int]] = []

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="pane"):
            yield LineTable(id="table")
            yield Static("the line below", id="below")

    @property
    def table(self) -> LineTable:
        return self.query_one(LineTable)

    def on_line_table_row_highlighted(self, event: LineTable.RowHighlighted) -> None:
        self.events.append(("highlighted", event.cursor_row))

    def on_line_table_row_selected(self, event: LineTable.RowSelected) -> None:
        self.events.append(("selected", event.cursor_row))


async def test_the_height_follows_the_rows_each_time_they_change() -> None:
    app = TableApp()
    async with app.run_test(size=(60, 30)) as pilot:
        app.table.set_rows(COLUMNS, rows(3))
        await pilot.pause()
        assert app.table.size.height == 1 + 3
        app.table.set_rows(COLUMNS, rows(4, tall=True))
        await pilot.pause()
        assert app.table.size.height == 1 + 8
        app.table.set_rows(COLUMNS, rows(1))
        await pilot.pause()
        assert app.table.size.height == 1 + 1


async def test_cells_are_drawn_under_their_headers_as_plain_text() -> None:
    app = TableApp()
    async with app.run_test(size=(60, 30)) as pilot:
        app.table.set_rows(COLUMNS, [(Cell(("[b]not markup[/b]",)), Cell(("x", "y")))])
        await pilot.pause()
        header, first, second = screen_text(app).splitlines()[:3]
        assert header.split() == ["Name", "Role"] and first.split() == ["[b]not", "markup[/b]", "x"]
        assert header.index("Role") == first.index("x") == second.index("y")


async def test_keys_move_the_cursor_within_the_rows_and_enter_selects() -> None:
    app = TableApp()
    async with app.run_test(size=(60, 30)) as pilot:
        app.table.set_rows(COLUMNS, rows(3))
        app.table.focus()
        await pilot.press("j", "j", "j", "down")
        await pilot.pause()
        assert app.table.cursor_row == 2
        await pilot.press("k", "home")
        await pilot.pause()
        assert app.table.cursor_row == 0
        await pilot.press("end", "enter")
        await pilot.pause()
        assert app.events[-1] == ("selected", 2)
        assert ("highlighted", 1) in app.events


async def test_a_click_on_a_row_moves_the_cursor_there_and_selects_it() -> None:
    app = TableApp()
    async with app.run_test(size=(60, 30)) as pilot:
        app.table.set_rows(COLUMNS, rows(3, tall=True))
        await pilot.pause()
        # Line 0 is the header; row 1 takes lines 3 and 4.
        await pilot.click(LineTable, offset=(2, 4))
        await pilot.pause()
        assert app.table.cursor_row == 1
        assert app.events[-1] == ("selected", 1)


async def test_fewer_rows_keep_the_cursor_on_a_row_that_exists() -> None:
    app = TableApp()
    async with app.run_test(size=(60, 30)) as pilot:
        app.table.set_rows(COLUMNS, rows(5))
        app.table.move_cursor(row=4)
        app.table.set_rows(COLUMNS, rows(2))
        await pilot.pause()
        assert app.table.cursor_row == 1


async def test_moving_down_a_long_table_scrolls_its_pane_to_the_row() -> None:
    app = TableApp()
    async with app.run_test(size=(60, 10)) as pilot:
        app.table.set_rows(COLUMNS, rows(30))
        app.table.focus()
        await pilot.pause()
        await pilot.press(*["j"] * 20)
        await pilot.pause()
        assert "Person 20" in screen_text(app) and "Person 0 " not in screen_text(app)
        await pilot.press("home")
        await pilot.pause()
        assert " Name " in screen_text(app)  # the header comes back with the first row


async def test_the_reader_tables_are_as_tall_as_their_rows_after_the_first_layout(
    store: Store,
) -> None:
    """The first rows come before the table knows its width, and are wrapped again once it
    does: a layout already pending then must not keep the first height."""
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for table in app.screen.query(LineTable):
            drawn = table.render_lines(table.content_region.reset_offset)
            assert table.content_size.height == 1 + table.line_count, table.id
            assert drawn[-1].text.strip(), table.id  # the last line holds a row


async def test_the_row_under_the_mouse_is_lit_until_it_leaves() -> None:
    app = TableApp()
    async with app.run_test(size=(60, 30)) as pilot:
        app.table.set_rows(COLUMNS, rows(6))
        await pilot.pause()

        def background(line: int):  # type: ignore[no-untyped-def]
            return next(iter(app.table.render_line(line))).style.bgcolor

        plain = background(3)  # row 2 (line 0 is the header); row 4 has the same stripe
        await pilot.hover("#table", offset=(3, 3))
        await pilot.pause()
        assert background(3) != plain and background(5) == plain
        await pilot.hover("#below")
        await pilot.pause()
        assert background(3) == plain
