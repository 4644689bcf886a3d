"""The reader gets its breakpoint classes before its first frame (tui/breakpoints.py), the
ones Textual gives at its first resize, so that resize restyles nothing: the whole screen
is styled once at start, not twice."""

from __future__ import annotations

from typing import ClassVar

import pytest
from textual.screen import Screen

from store import Store
from tests.tui.helpers import new_app, settle
from tui.breakpoints import fit_breakpoints
from tui.screens.reader import ReaderScreen


class Sized(Screen[None]):
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [
        (0, "-narrow"),
        (100, "-medium"),
        (160, "-wide"),
    ]
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [(0, "-short"), (50, "-tall")]


@pytest.mark.parametrize(
    ("size", "classes"),
    [
        ((80, 24), {"-narrow", "-short"}),
        ((120, 40), {"-medium", "-short"}),
        ((200, 60), {"-wide", "-tall"}),
    ],
)
def test_the_classes_of_a_size(size: tuple[int, int], classes: set[str]) -> None:
    screen = Sized()
    screen.add_class("-wide", "-tall", update=False)  # as if from another size: replaced
    fit_breakpoints(screen, *size)
    assert set(screen.classes) == classes


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_reader_is_styled_whole_once_at_start(
    store: Store, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    styled: list[frozenset[str]] = []
    real = ReaderScreen.update_node_styles

    def counted(self: ReaderScreen, animate: bool = True) -> None:
        styled.append(frozenset(self.classes))
        real(self, animate)

    monkeypatch.setattr(ReaderScreen, "update_node_styles", counted)
    app = new_app(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        expected = Sized()
        fit_breakpoints(expected, *size)
        assert set(expected.classes) <= set(app.reader.classes)
    # Each widget was styled as it mounted, with the classes of its size already given:
    # not again whole, neither when a resize gave those classes nor at the first showing.
    assert styled == [], styled
