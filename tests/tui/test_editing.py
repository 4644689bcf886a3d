"""Every pane is the reader's: e edits the focused row in a form, t the title and tags, +
adds a row, d removes one, D deletes a brief, ctrl+z undoes; corrections show everywhere at
once. The summary edited in place: tests/tui/test_editing_in_place.py."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from textual.pilot import Pilot

from briefs.search.query import parse_query
from store import Store
from tests.fixtures.hostile import MARKUP
from tests.tui.helpers import new_app, screen_text, settle
from tui.app import BriefingApp
from tui.screens.dialogs import ChoiceScreen
from tui.screens.edit_form import EditFormScreen

XI = "2025-10-31-xi-carney-apec-gyeongju"
SIZE = (120, 40)
TODAY = dt.date(2025, 11, 28)


async def edit_row(pilot: Pilot[None], table: str, row: int) -> EditFormScreen:
    app = pilot.app
    app.screen.query_one(f"#{table}").focus()
    await settle(pilot)
    await pilot.press(*["down"] * (row - 1), "e")
    await settle(pilot)
    assert isinstance(app.screen, EditFormScreen)
    return app.screen


def found(app: BriefingApp, query: str) -> list[str]:
    return app.catalog.search(parse_query(query, today=TODAY))


async def test_editing_an_actor_row_saves_marks_and_reindexes(
    store: Store, store_dir: Path
) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await edit_row(pilot, "actors", 2)  # Mark Carney
        role = form.query_one("#field-2")
        role.focus()
        await pilot.press("ctrl+u", *f"Prime Minister {MARKUP}", "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, EditFormScreen)
        text = screen_text(app)
        assert "[bold]" in text and "✎ Mark Carney" in text  # markup shown, not parsed
        assert XI in found(app, '"prime minister bold"')
    corrected = Store(store_dir).brief(XI)
    assert corrected is not None and corrected.actors[1].role == f"Prime Minister {MARKUP}"


async def test_a_role_pasted_over_two_lines_is_saved_as_one(store: Store, store_dir: Path) -> None:
    from textual import events

    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await edit_row(pilot, "actors", 2)  # Mark Carney
        form.query_one("#field-2").focus()
        await pilot.press("ctrl+u")
        app.post_message(events.Paste("Prime Minister\nof Canada"))
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    corrected = Store(store_dir).brief(XI)
    assert corrected is not None and corrected.actors[1].role == "Prime Minister of Canada"


async def test_a_bad_value_is_explained_under_its_field_and_nothing_is_saved(
    store: Store, store_dir: Path
) -> None:
    before = Store(store_dir).brief(XI)
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await edit_row(pilot, "tariffs", 1)
        form.query_one("#field-3").focus()  # the rate
        await pilot.press("ctrl+u", *"lots", "tab")
        await settle(pilot)
        assert "is not a rate as written" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EditFormScreen)  # refused; the form stays
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)  # something changed: it asks
        await pilot.press("d")
        await settle(pilot)
    assert Store(store_dir).brief(XI) == before


async def test_a_corrected_rate_is_what_search_and_the_tracker_see(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert XI not in found(app, "rate>=150")
        form = await edit_row(pilot, "tariffs", 1)
        form.query_one("#field-3").focus()
        await pilot.press("ctrl+u", *"175%", "ctrl+s")
        await settle(pilot)
        assert found(app, "rate>=150") == [XI]
        rows = app.catalog.search_tariffs(parse_query("rate>=150", today=TODAY))
        assert [(r.brief_id, r.rate) for r in rows] == [(XI, "175%")]


async def test_revert_puts_the_source_value_back(store: Store, store_dir: Path) -> None:
    store.correct(XI, {"actors.1.role": "Leader"})
    app = new_app(Store(store_dir))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await edit_row(pilot, "actors", 1)
        assert "edited" in screen_text(app)
        form.query_one("#revert").press()
        await settle(pilot)
    brief = Store(store_dir).brief(XI)
    assert brief is not None and brief.actors[0].role == "President"


async def test_plus_adds_a_row_d_removes_one_and_ctrl_z_undoes(
    store: Store, store_dir: Path
) -> None:
    count = len(store.brief(XI).tariffs)  # type: ignore[union-attr]
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#tariffs").focus()
        await settle(pilot)
        await pilot.press("plus")
        await settle(pilot)
        assert isinstance(app.screen, EditFormScreen)
        await pilot.press(*"Japan", "tab", "tab", *"lobster", "tab", *"12%", "ctrl+s")
        await settle(pilot)
        brief = Store(store_dir).brief(XI)
        assert brief is not None and len(brief.tariffs) == count + 1
        assert brief.tariffs[-1].imposed_by == "Japan" and brief.tariffs[-1].rate == "12%"
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("y")
        await settle(pilot)
        assert len(Store(store_dir).brief(XI).tariffs) == count  # type: ignore[union-attr]
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert len(Store(store_dir).brief(XI).tariffs) == count + 1  # type: ignore[union-attr]


async def test_t_edits_the_title_and_tags_in_a_form(store: Store, store_dir: Path) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EditFormScreen)
        assert set(form.texts()) == {"title", "tags"}  # the summary is edited in place
        form.query_one("#field-0").focus()
        await pilot.press("ctrl+u", *"Xi and Carney reset ties", "ctrl+s")
        await settle(pilot)
        assert "Xi and Carney reset ties" in screen_text(app)
        assert "✎ title edited" in screen_text(app)
    assert Store(store_dir).rows()[0].title == "Xi and Carney reset ties"


async def test_d_in_the_list_deletes_a_brief_and_ctrl_z_brings_it_back(
    store: Store, store_dir: Path
) -> None:
    store.add_note(XI, "kept with it")
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("y")
        await settle(pilot)
        assert "Briefs (6)" in screen_text(app) and XI not in app.catalog.rows
        assert [t.id for t in Store(store_dir).trash()] == [XI]
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert "Briefs (7)" in screen_text(app)
    assert [n.text for n in Store(store_dir).notes(XI)] == ["kept with it"]


async def test_after_a_form_closes_the_next_key_acts_at_once(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await edit_row(pilot, "actors", 1)
        await pilot.press("escape", "a", *"right away")
        await settle(pilot)
        assert app.screen.query_one("#note-editor").text == "right away"  # type: ignore[attr-defined]


async def test_h_shows_the_history_of_corrections(store: Store) -> None:
    store.correct(XI, {"actors.1.role": f"Leader {MARKUP}"})
    app = new_app(Store(store.root))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        text = screen_text(app)
        assert "History of" in text and "actors.1.role" in text
        assert "President → Leader [bold]" in text


async def test_a_saved_view_can_be_deleted_from_the_palette(store: Store) -> None:
    store.save_view("canola watch", "canola")
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"delete view canola")
        for _ in range(200):  # the palette searches after its own pause: wait for the hit
            if "delete view canola watch" in screen_text(app):
                break
            await pilot.pause(0.05)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("y")
        await settle(pilot)
    assert Store(store.root).views() == {}


async def test_a_brief_deleted_elsewhere_says_so_and_keeps_the_text_typed_on_it(
    store: Store, store_dir: Path
) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", *"half written")
        await settle(pilot)
        Store(store_dir).delete_brief(XI)
        app.poll_disk()
        await settle(pilot)
        assert not isinstance(app.screen, ChoiceScreen)  # nothing asked
        assert any("deleted elsewhere" in n.message for n in app._notifications)
        assert XI not in app.catalog.rows
    assert [d.text for d in Store(store_dir).drafts()] == ["half written"]


async def test_an_unsaved_form_is_kept_as_a_draft_and_offered_back(
    store: Store, store_dir: Path
) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await edit_row(pilot, "tariffs", 1)
        form.query_one("#field-3").focus()
        await pilot.press("ctrl+u", *"33%")
        await settle(pilot)
        app.reader.call_later(app.reader._keep_form_draft)  # what a pause in typing does
        await settle(pilot)
    (draft,) = Store(store_dir).drafts()
    assert draft.target == "tariffs.1" and '"33%"' in draft.text
    app = new_app(Store(store_dir))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        assert "A correction you were making" in app.screen.question
        await pilot.press("enter")  # restore: the form opens with what was typed
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EditFormScreen)
        assert form.texts()["tariffs.1.rate"] == "33%"
        await pilot.press("ctrl+s")
        await settle(pilot)
    brief = Store(store_dir).brief(XI)
    assert brief is not None and brief.tariffs[0].rate == "33%"
    assert Store(store_dir).drafts() == []


async def test_a_form_saved_untouched_leaves_hostile_text_as_it_was(
    store: Store, store_dir: Path
) -> None:
    xi = store.brief(XI)
    assert xi is not None
    hostile = dataclasses.replace(xi.actors[0], role="Pres\x1b[2Jident")
    store.import_briefs([dataclasses.replace(xi, actors=(hostile, *xi.actors[1:]))])
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await edit_row(pilot, "actors", 1)
        assert "\x1b" not in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert Store(store_dir).corrections(XI).edited == frozenset()
    assert Store(store_dir).brief(XI).actors[0].role == "Pres\x1b[2Jident"  # type: ignore[union-attr]
