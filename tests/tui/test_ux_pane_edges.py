"""The brief's boxes line up: the notes box ended one column right of the summary and
tables above it whenever the brief scrolled (its scrollbar took that column)."""

from __future__ import annotations

import pytest

from store import Store
from tests.tui.helpers import new_app, screen_text, settle


def right_edge(lines: list[str], title: str) -> int:
    line = next(line for line in lines if f"╭─ {title}" in line)
    return line.rindex("╮")


@pytest.mark.parametrize("size", [(120, 40), (200, 60), (80, 40)])
async def test_the_notes_box_ends_where_the_summary_box_ends(
    store: Store, size: tuple[int, int]
) -> None:
    app = new_app(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        lines = screen_text(app).split("\n")
        assert right_edge(lines, "Notes") == right_edge(lines, "Summary")
