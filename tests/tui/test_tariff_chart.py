"""The tracker's chart: counts read at a desk's size."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tests.tui.helpers import screen_text
from tui.widgets.tariff_chart import ChartData, TariffChart


class ChartApp(App[None]):
    def compose(self) -> ComposeResult:
        yield TariffChart(id="chart")

    def on_mount(self) -> None:
        data = ChartData(by_party=(("Japan", 33687), ("Chile", 7)), by_year=((2025, 25.0),))
        self.query_one(TariffChart).show(data)


async def test_a_count_of_thousands_has_its_separator() -> None:
    app = ChartApp()
    async with app.run_test(size=(100, 8)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "33,687" in text and "Japan" in text and "25%" in text
