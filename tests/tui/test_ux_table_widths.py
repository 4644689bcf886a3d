"""The brief's tables at the sizes people use: no word of a fixed vocabulary (a measure, a
status) is broken across lines where the pane has room for it, and no row is wider than its
pane."""

from __future__ import annotations

from store import Store
from tests.tui.helpers import new_app, screen_text, settle
from tui.widgets.brief_panes import FLOOR, fit_widths

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
    # Too little room for every word: the free columns give way first, the sum fits.
    narrow = fit_widths(columns, (3, 3, 2, 1), room=34, whole=(2, 3))
    assert sum(narrow) <= 34 and narrow[2] == 14 and narrow[3] >= 7
    assert narrow[0] >= FLOOR and narrow[1] >= FLOOR
    # Room to spare: no column grows past its longest text.
    wide = fit_widths(columns, (3, 3, 2, 1), room=200, whole=(2, 3))
    assert wide == [22, 21, 14, 15]


def test_a_long_fixed_word_does_not_squeeze_the_goods_to_nothing() -> None:
    """An imposer named in one long word takes its room from the widest column once the
    goods are down to FLOOR, not from the goods down to one character."""
    columns = [("By → on", "Intergovernmentalorganisation → all"), ("Products", "canola seed")]
    widths = fit_widths(columns, (1, 1), room=20, whole=(0,))
    assert sum(widths) <= 20 and widths[1] >= FLOOR


async def test_the_parties_are_whole_in_the_pane_beside_the_list(store: Store) -> None:
    """'European Union → China' in a pane a third of 120 columns wide was cut to
    'European / Union →…': who acts on whom may take three lines."""
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*["n"] * 5, "tab", "tab", "tab")  # 29 Oct 2024: the EU's duties
        await settle(pilot)
        rows = table_lines(screen_text(app), "By → on")
        assert "Union →" in rows[2] and "China" in rows[3], "\n".join(rows)
