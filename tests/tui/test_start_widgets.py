"""The reader's first frame mounts no widget it cannot show: no widget here has a tooltip,
so the screens carry no tooltip widget (Textual mounts one on every screen; its test
harness leaves it out, so the app is run here as the command line runs it)."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets._tooltip import Tooltip

from store import Store
from tests.tui.helpers import new_app, settle


async def test_no_tooltip_widget_and_no_tooltip(store: Store) -> None:
    app = new_app(store)
    found: list[list[str]] = []

    async def look(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("question_mark")  # the help screen too
        await settle(pilot)
        for screen in app.screen_stack:
            widgets = list(screen.walk_children(with_self=True))
            found.append([type(w).__name__ for w in widgets if isinstance(w, Tooltip)])
            found.append([type(w).__name__ for w in widgets if w.tooltip is not None])
        app.exit()

    await app.run_async(headless=True, size=(120, 40), auto_pilot=look)
    assert found and all(names == [] for names in found), found
