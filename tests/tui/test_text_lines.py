"""TextLines, the header's and summary's line-drawn pane: drawn as the Statics it replaced
drew the same text, and laid out again only when its height changes."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.geometry import Offset, Region
from textual.selection import Selection
from textual.widgets import Static

from tui.widgets.text_lines import TextLines

TEXTS = [
    "Canada and China agree to reset trade ties after a meeting in Gyeongju.",
    "A word longer than any line: " + "x" * 70 + " and after it, more words.",
    "Two paragraphs.\nThe second one, after a line break, wraps on its own.",
    "Wide characters 中国对加拿大油菜籽征收关税 and an emoji 🚢 in between.",
    "Spaces   between   words   and at the end   ",
    "",
]


class _Side(App[None]):
    CSS = "Static, TextLines { width: 30; padding: 0 1; border: round $foreground; }"

    def __init__(self, text: str, style: str) -> None:
        super().__init__()
        self.text, self.style_name = text, style

    def compose(self) -> ComposeResult:
        yield Static(Text(self.text, style=self.style_name, end=""))
        lines = TextLines()
        lines.show([(self.text, self.style_name)])
        yield lines


@pytest.mark.parametrize("style", ["", "bold dim"])
@pytest.mark.parametrize("text", TEXTS)
async def test_drawn_as_a_static_draws_it(text: str, style: str) -> None:
    app = _Side(text, style)
    async with app.run_test(size=(40, 30)) as pilot:
        await pilot.pause()
        static, lines = app.query_one(Static), app.query_one(TextLines)
        assert static.size == lines.size  # the same height, from the same wrapping
        whole = Region(0, 0, *static.size)
        drawn = [list(strip) for strip in lines.render_lines(whole)]
        assert drawn == [list(strip) for strip in static.render_lines(whole)]


@pytest.mark.parametrize(
    ("start", "end"), [((3, 0), (10, 1)), ((0, 0), (5, 0)), ((12, 0), (2, 1)), (None, None)]
)
@pytest.mark.parametrize("text", TEXTS[:4])
async def test_text_is_selected_as_in_a_static(
    text: str, start: tuple[int, int] | None, end: tuple[int, int] | None
) -> None:
    """The mouse selects the text of the header or summary as it did: the same offsets in
    the lines drawn, the same look of the selection, the same text copied."""
    app = _Side(text, "bold")
    async with app.run_test(size=(40, 30)) as pilot:
        await pilot.pause()
        static, lines = app.query_one(Static), app.query_one(TextLines)
        chosen = Selection(
            None if start is None else Offset(*start), None if end is None else Offset(*end)
        )
        app.screen.selections = {static: chosen, lines: chosen}
        await pilot.pause()
        whole = Region(0, 0, *static.size)
        drawn = [list(strip) for strip in lines.render_lines(whole)]
        assert drawn == [list(strip) for strip in static.render_lines(whole)]
        assert lines.get_selection(chosen) == static.get_selection(chosen)


async def test_laid_out_again_only_when_its_height_changes() -> None:
    app = _Side(TEXTS[0], "")
    async with app.run_test(size=(40, 30)) as pilot:
        await pilot.pause()
        lines = app.query_one(TextLines)
        asked: list[bool] = []
        refresh = lines.refresh

        def counted(*args: object, layout: bool = False, **kwargs: object) -> object:
            asked.append(layout)
            return refresh(*args, layout=layout, **kwargs)  # type: ignore[arg-type]

        lines.refresh = counted  # type: ignore[method-assign]
        height = lines.size.height
        lines.show([("Canada and Mexico agree to reset trade ties after talks in Ottawa.", "")])
        await pilot.pause()
        assert asked == [False] and lines.size.height == height
        lines.show([(TEXTS[2], "")])  # more lines: the screen is laid out again
        await pilot.pause()
        assert asked[-1] is True and lines.size.height > height
        assert lines.plain.startswith("Two paragraphs.\nThe second one")
