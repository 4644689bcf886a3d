"""The brief's tables at the sizes people use: no word of a fixed vocabulary (a measure, a
status) is broken across lines where the pane has room for it, and no row is wider than its
pane."""

from __future__ import annotations

from rich.cells import cell_len

from store import Store
from tests.tui.helpers import new_app, screen_text, settle
from tui.widgets.brief_panes import fit_widths

CANOLA_MARCH = 4  # n presses from the first brief: 08 Mar 2025, China's retaliatory tariffs


def table_lines(text: str, first: str) -> list[str]:
    """The lines of the table whose header starts with `first`, up to its bottom border."""
    lines = text.split("\n")
    start = next(k for k, line in enumerate(lines) if first in line)
    out = []
    for line in lines[start:]:
        if "╰" in line and out:
            break
        out.append(line)
    return out


async def test_tariff_words_are_whole_beside_the_list(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*["n"] * CANOLA_MARCH, "tab", "tab", "tab")
        await settle(pilot)
        rows = "\n".join(table_lines(screen_text(app), "By → on"))
        assert "retaliatory" in rows and "announced" in rows
        assert "retaliat " not in rows and "announce " not in rows


async def test_threatened_is_whole_at_80_columns(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab", "tab")  # list → summary → actors → tariffs
        await settle(pilot)
        rows = "\n".join(table_lines(screen_text(app), "By → on"))
        assert "threatened" in rows


def test_fit_widths_keeps_fixed_words_whole_and_stays_in_the_room() -> None:
    columns = [
        ("By → on", "United States → Canada"),
        ("Products", "canola (rapeseed) oil"),
        ("Measure", "countervailing"),
        ("Status", "offered removal"),
    ]
    widths = fit_widths(columns, (3, 3, 2, 1), room=40, whole=(2, 3))
    assert sum(widths) <= 40 and widths[2] >= 14 and widths[3] >= 7
    # Too little room for every word: the free columns give way, the sum still fits.
    narrow = fit_widths(columns, (3, 3, 2, 1), room=26, whole=(2, 3))
    assert sum(narrow) <= 26 and narrow[2] == 14 and narrow[3] >= 7
    # Room to spare: no column grows past its longest text.
    wide = fit_widths(columns, (3, 3, 2, 1), room=200, whole=(2, 3))
    assert wide == [22, 21, 14, 15]
