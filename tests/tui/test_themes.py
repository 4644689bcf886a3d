"""Every built-in theme keeps the panes readable: borders at least 1.5:1 against what they
sit on, pane titles at least 3:1 (WCAG contrast). The ANSI themes take the terminal's own
colours, which are not known here, so they are left out."""

from __future__ import annotations

from textual.color import Color
from textual.widget import Widget

from store import Store
from tests.tui.helpers import new_app, settle

PANES = ("#brief-list", "#summary", "#actors", "#tariffs", "#notes")


def _luminance(color: Color) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: Color, b: Color) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _seen(widget: Widget) -> tuple[Color, Color, Color]:
    """(background, border, title) as drawn: translucent colours over the background."""
    background = widget.background_colors[1]
    border = background + widget.styles.border_top[1]
    title = background + widget.styles.border_title_color
    return background, border, title


async def test_borders_and_titles_are_readable_in_every_theme(store: Store) -> None:
    app = new_app(store)
    weak = []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for name in sorted(app.available_themes):
            if name.startswith("ansi-"):
                continue
            app.theme = name
            await settle(pilot)
            for selector in PANES:
                background, border, title = _seen(app.screen.query_one(selector))
                if contrast(border, background) < 1.5:
                    weak.append(f"{name} {selector} border {contrast(border, background):.2f}")
                if contrast(title, background) < 3:
                    weak.append(f"{name} {selector} title {contrast(title, background):.2f}")
    assert weak == [], "\n".join(weak)
