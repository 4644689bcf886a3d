"""At 80×24 the panes stack in one scroll: `e` on the summary after tabbing down to the
tariffs and back opened the editor above the view, and the user typed blind."""

from __future__ import annotations

from store import Store
from tests.tui.helpers import new_app, settle


async def test_e_on_the_summary_after_tabbing_down_shows_the_editor(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab", "tab")  # the brief's pane, actors, tariffs
        await settle(pilot)
        assert app.focused is not None and app.focused.id == "tariffs"
        await pilot.press("shift+tab", "shift+tab", "e")
        await settle(pilot)
        editor = app.screen.query_one("#summary-editor")
        assert app.focused is editor
        region = editor.region
        widget, _ = app.screen.get_widget_at(region.x + 2, region.y + 1)
        assert widget is editor  # on the screen, not scrolled away under the header
