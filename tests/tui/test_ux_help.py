"""The `?` screen as a new reader reads it: each key beside the id that rebinds it, and
wording that says what a key does."""

from __future__ import annotations

from store import Store
from tests.tui.helpers import new_app, screen_text, settle
from tui.screens.help import HelpScreen


async def help_lines(store: Store, *keys: str) -> list[str]:
    app = new_app(store)
    async with app.run_test(size=(100, 80)) as pilot:
        await settle(pilot)
        await pilot.press(*keys, "question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        return screen_text(app).splitlines()


async def test_each_key_shows_its_own_binding_id(store: Store) -> None:
    """ctrl+q (app.quit) was listed as reader.quit, the id of q: rebinding that id in the
    config moves q, not ctrl+q."""
    lines = await help_lines(store)
    ctrl_q = next(line for line in lines if "ctrl+q" in line)
    assert "app.quit" in ctrl_q and "reader.quit" not in ctrl_q
    q = next(line for line in lines if " q  " in line)
    assert "reader.quit" in q


async def test_the_trackers_sort_keys_name_their_columns_in_words(store: Store) -> None:
    """'Sort by by' and 'Sort by on' read as typos: the columns By and On are who imposes
    a measure and on whom."""
    text = "\n".join(await help_lines(store, "T", "down"))
    assert "Sort by by" not in text and "Sort by on" not in text
    assert "Sort by imposer" in text and "Sort by target" in text
    assert "tariffs.sort_by" in text  # the ids the config rebinds stay as they were
