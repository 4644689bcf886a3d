"""The command palette (ctrl+p): briefs, actors, saved views and reader actions."""

from __future__ import annotations

from textual.app import App
from textual.command import CommandPalette
from textual.pilot import Pilot

from store import Store
from tests.fixtures.hostile import CLICK, MARKUP, hostile_brief
from tests.tui.helpers import new_app, screen_text
from tui.app import BriefingApp
from tui.palette import (
    ActionsProvider,
    ActorsProvider,
    BriefsProvider,
    ViewsProvider,
    highlighted,
    match,
)
from tui.screens.actor_index import ActorIndexScreen
from tui.screens.reader import ReaderScreen

SIZE = (120, 40)
CANOLA = "2025-08-12-china-anti-dumping-deposit-canadian-canola"
PROVIDERS = {BriefsProvider, ActorsProvider, ViewsProvider, ActionsProvider}


def test_the_app_offers_every_provider() -> None:
    loaded = {source() for source in BriefingApp.COMMANDS if source not in App.COMMANDS}
    assert loaded == PROVIDERS


def reader(store: Store) -> BriefingApp:
    return new_app(store)


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.3)  # past the search bar's and the palette's own pauses
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def the_reader(pilot: Pilot[None]) -> ReaderScreen:
    screen = pilot.app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


async def palette(pilot: Pilot[None], typed: str) -> str:
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*typed)
    await settle(pilot)
    return screen_text(pilot.app)


async def test_finds_a_brief_by_title_and_opens_it(store: Store) -> None:
    async with reader(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = await palette(pilot, "anti-dumping deposit")
        assert "China orders 75.8% anti-dumping deposit on Canadian canola seed" in text
        assert "12 Aug 2025" in text
        await pilot.press("enter")
        await settle(pilot)
        screen = the_reader(pilot)
        assert screen.brief is not None and screen.brief.id == CANOLA


async def test_finds_an_actor_and_filters_the_reader(store: Store) -> None:
    async with reader(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = await palette(pilot, "carney")
        assert "Mark Carney" in text and "Prime Minister · Canada" in text and "2 briefs" in text
        await pilot.press("enter")
        await settle(pilot)
        the_reader(pilot)
        text = screen_text(pilot.app)
        assert 'actor:"Mark Carney"' in text and "Briefs (2" in text


async def test_saved_view_applies_its_query(store: Store) -> None:
    store.save_view("Canola watch", "product:canola")
    async with reader(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = await palette(pilot, "canola watch")
        assert "Canola watch: product:canola" in text
        await pilot.press("enter")
        await settle(pilot)
        the_reader(pilot)
        assert "product:canola" in screen_text(pilot.app)


async def test_reader_actions_are_listed_and_run(store: Store) -> None:
    async with reader(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = await palette(pilot, "")  # nothing typed: views and actions are offered
        assert "Add note" in text and "Next" in text
        await pilot.press(*"star")
        await settle(pilot)
        assert "Star  s" in screen_text(pilot.app)
        await pilot.press("enter")
        await settle(pilot)
        screen = the_reader(pilot)
        assert screen.brief is not None
        assert store.state(screen.brief.id).starred


async def test_action_from_the_palette_opens_the_actor_index(store: Store) -> None:
    async with reader(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await palette(pilot, "actors")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ActorIndexScreen)


async def test_palette_over_the_actor_index_closes_it_first(store: Store) -> None:
    async with reader(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ActorIndexScreen)
        await palette(pilot, "anti-dumping deposit")
        await pilot.press("enter")
        await settle(pilot)
        screen = the_reader(pilot)
        assert screen.brief is not None and screen.brief.id == CANOLA


async def test_hostile_title_and_actor_render_literally(store: Store) -> None:
    store.import_briefs([hostile_brief()])
    async with reader(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = await palette(pilot, "tariffs")
        assert f"{MARKUP} {CLICK} ␛[2JWIPED" in text  # the brief's title, every character
        assert f"{MARKUP} Actor" in text
        assert "\x1b" not in text
        assert pilot.app.is_running  # [@click=app.quit] did nothing


def test_match_folds_and_scores_word_starts_higher() -> None:
    found = match("quebec", "Premier of Québec")
    assert found is not None and found[1] == [(11, 17)]
    assert match("xyz", "Mark Carney") is None
    assert match("", "Mark Carney") is None
    start, inside = match("car", "Mark Carney"), match("arn", "Mark Carney")
    assert start is not None and inside is not None and start[0] > inside[0]
    assert match("carney mark", "Mark Carney") is not None  # words in any order


def test_highlight_skips_text_changed_by_cleaning() -> None:
    plain = highlighted("Mark Carney", [(5, 8)])
    assert plain.plain == "Mark Carney" and plain.spans
    dirty = highlighted("Mark\x1bCarney", [(5, 8)])
    assert dirty.plain == "Mark␛Carney" and not dirty.spans
