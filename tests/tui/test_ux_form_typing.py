"""Typing in a correction form edits the field's text, as in any editor: the first field
was selected as the form opened (and each field as tab reached it), so the first key a
reader typed replaced the whole title. ctrl+z in a field takes back what was typed there."""

from __future__ import annotations

from pathlib import Path

from store import Store
from tests.tui.helpers import new_app, settle
from tests.tui.test_keystrokes import burst
from tui.screens.edit_form import EditFormScreen

XI = "2025-10-31-xi-carney-apec-gyeongju"
TITLE = "Xi and Carney meet at APEC summit, agree to reset strained China-Canada ties"


def title_and_tags(store_dir: Path) -> tuple[str, list[str]]:
    brief = Store(store_dir).brief(XI)
    assert brief is not None
    return brief.title, list(brief.tags)


async def test_a_key_typed_in_the_form_adds_to_the_title(store: Store, store_dir: Path) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.reader.brief is not None and app.reader.brief.title == TITLE
        tags = list(app.reader.brief.tags)
        burst(app, "t", *" (Busan)", "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, EditFormScreen)
    assert title_and_tags(store_dir) == (TITLE + " (Busan)", tags)


async def test_tab_into_the_tags_then_typing_adds_a_tag(store: Store, store_dir: Path) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        tags = list(app.reader.brief.tags) if app.reader.brief else []
        assert tags  # the sample brief has tags to keep
        burst(app, "t", "tab", *", busan", "ctrl+s")
        await settle(pilot)
    assert title_and_tags(store_dir) == (TITLE, [*tags, "busan"])


async def test_ctrl_z_takes_back_what_was_typed_in_a_field(store: Store, store_dir: Path) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, "t", "ctrl+u", *"oops")  # the whole title gone, a word typed
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EditFormScreen) and form.texts()["title"] == "oops"
        burst(app, *["ctrl+z"] * 5)
        await settle(pilot)
        assert form.texts()["title"] == TITLE
        burst(app, "ctrl+s")
        await settle(pilot)
        assert app.screen is app.reader  # nothing changed: the form just closes
    assert title_and_tags(store_dir)[0] == TITLE
