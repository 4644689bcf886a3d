"""The actor index at 80 columns shows every column it keeps whole: the table ran past the
right edge (the Last column was a lone 'L', the Affiliations heading cut to 'Affiliatio'),
reachable only by scrolling sideways. There the First column gives way."""

from __future__ import annotations

import pytest

from store import Store
from tests.tui.helpers import new_app, screen_text, settle
from tests.tui.test_keystrokes import burst
from tui.screens.actor_index import ActorIndexScreen, column_widths, shows_first


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
async def test_the_actor_index_fits_the_terminal(store: Store, size: tuple[int, int]) -> None:
    app = new_app(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        burst(app, "A")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ActorIndexScreen)
        assert screen.table.max_scroll_x == 0
        header = next(line for line in screen_text(app).splitlines() if "Name" in line)
        assert "Affiliations" in header and "Last" in header
        assert ("First" in header) == (size[0] > 80)
        assert "31 Oct 2025" in screen_text(app)  # China's last brief, whole


def test_column_widths_fit_from_80_columns() -> None:
    fixed = 7 + 6 + 11 + 11 + 7 * 2
    for width in range(80, 300):
        name, roles, affiliations = column_widths(width)
        first = 0 if shows_first(width) else 11 + 2
        assert name + roles + affiliations + fixed - first + 4 <= width
        assert name >= 16 and roles >= 12 and affiliations >= 12
