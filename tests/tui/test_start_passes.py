"""What the reader redoes at start once its first layout has placed everything: nothing it
can avoid. The brief's scrollbar showing restyles no widget (it used to set a class on the
brief's column, which restyled and redrew its dozen widgets), and the list learning its
width asks for no second layout; the actors and tariffs tables wrap their rows once, for
the width the first layout gives them."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from textual.app import App
from textual.dom import DOMNode

from store import Store
from tests.tui.helpers import new_app, settle
from tui.widgets.brief_list import BriefList
from tui.widgets.brief_panes import _BriefTable
from tui.widgets.detail_scroll import DetailScroll
from tui.widgets.line_table import Cell, LineTable


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_brief_scrolling_restyles_nothing(
    store: Store, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    restyled: list[str] = []
    real = App.update_styles

    def counted(self: App[object], node: DOMNode, animate: bool = True) -> None:
        restyled.append(node.id or type(node).__name__)
        real(self, node, animate)

    monkeypatch.setattr(App, "update_styles", counted)
    app = new_app(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        detail = app.screen.query_one(DetailScroll)
        assert detail.show_vertical_scrollbar  # the first brief scrolls at this size
        # The look the class gave: the notes leave the scrollbar's column.
        notes = app.screen.query_one("#notes")
        assert notes.region.right == detail.region.right - 1
        assert "detail-column" not in restyled, restyled


async def test_the_list_asks_for_one_layout_at_start(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[int, int]] = []
    real = BriefList.refresh

    def counted(self: BriefList, *regions: object, **kwargs: bool) -> BriefList:
        if kwargs.get("layout"):
            asked.append((self.size.width, self.virtual_size.height))
        return real(self, *regions, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(BriefList, "refresh", counted)
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        rows = app.screen.query_one(BriefList).option_count
    # Once, when its rows were given before the first layout (its height); not again when
    # that layout gave it its width (the rows fit the screen: no scrollbar shows).
    assert asked == [(0, rows)]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_tables_wrap_their_rows_once_at_start(
    store: Store, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[tuple[str | None, int]] = []
    real = LineTable.set_rows

    def counted(self: LineTable, columns: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
        made.append((self.id, self.size.width))
        real(self, columns, rows)

    monkeypatch.setattr(LineTable, "set_rows", counted)
    app = new_app(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        tables = list(app.screen.query(_BriefTable))
        drawn = {t.id: t._drawn_width for t in tables}
        widths = {t.id: t.size.width for t in tables}
    # Made before the first layout, for the width it then gave them: not made again.
    assert sorted(name for name, _ in made) == ["actors", "tariffs"], made
    assert drawn == widths
