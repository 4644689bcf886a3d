"""The actor index: real keys, what the screen shows, and what it hands back."""

from __future__ import annotations

from textual.pilot import Pilot

from briefs.actor_index import ActorEntry
from store import Store
from tests.fixtures.hostile import MARKUP, hostile_brief
from tests.tui.helpers import new_app, screen_text
from tui.app import BriefingApp
from tui.screens.actor_index import ActorIndexScreen, actor_cells, actors_title, column_widths
from tui.screens.reader import ReaderScreen

SIZE = (120, 40)


def reader(store: Store) -> BriefingApp:
    return new_app(store)


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_index(pilot: Pilot[None], results: list[str | None]) -> None:
    await settle(pilot)
    pilot.app.push_screen(ActorIndexScreen(pilot.app.catalog), results.append)
    await settle(pilot)


def line_with(text: str, needle: str) -> str:
    return next(line for line in text.splitlines() if needle in line)


async def test_lists_actors_with_counts_filters_and_returns_a_query(store: Store) -> None:
    results: list[str | None] = []
    async with reader(store).run_test(size=SIZE) as pilot:
        await open_index(pilot, results)
        text = screen_text(pilot.app)
        assert "Actors (33)" in text
        carney = line_with(text, "Mark Carney")
        assert "Prime Minister" in carney and "Canada" in carney
        assert " 2 " in carney and "12 Aug 2025" in carney and "31 Oct 2025" in carney
        assert "China" in text and "Donald Trump" in text
        await pilot.press(*"carn")
        text = screen_text(pilot.app)
        assert "Actors (1 of 33)" in text
        assert "Mark Carney" in text and "Donald Trump" not in text
        await pilot.press("down", "enter")  # from the filter to the table, then choose
        await pilot.pause()
    assert results == ['actor:"Mark Carney"']


async def test_enter_in_the_filter_takes_the_first_row(store: Store) -> None:
    results: list[str | None] = []
    async with reader(store).run_test(size=SIZE) as pilot:
        await open_index(pilot, results)
        await pilot.press(*"QUEBEC")  # nothing: the list empties and enter does nothing
        assert "Actors (0 of 33)" in screen_text(pilot.app)
        await pilot.press("enter")
        assert results == []
        await pilot.press(*["backspace"] * 6, *"prime minister", "enter")
        await pilot.pause()
    # Justin Trudeau and Mark Carney are both prime ministers, in two briefs each: by name.
    assert results == ['actor:"Justin Trudeau"']


async def test_filter_ignores_accents_and_matches_roles_and_affiliations(store: Store) -> None:
    results: list[str | None] = []
    async with reader(store).run_test(size=SIZE) as pilot:
        await open_index(pilot, results)
        await pilot.press(*"huawei")
        text = screen_text(pilot.app)
        assert "Meng Wenzhou" in text  # affiliation
        assert "Xi Jinping" not in text
        await pilot.press(*["backspace"] * 6, *"何立峰")
        assert "He Lifeng" in screen_text(pilot.app)


async def test_escape_returns_none_and_j_k_move(store: Store) -> None:
    results: list[str | None] = []
    async with reader(store).run_test(size=SIZE) as pilot:
        await open_index(pilot, results)
        await pilot.press("tab", "j", "j", "k", "enter")
        await pilot.pause()
        assert results == ['actor:"Canada"']  # China, Canada, Donald Trump: back to Canada
        pilot.app.push_screen(ActorIndexScreen(pilot.app.catalog), results.append)
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert results[-1] is None
        assert isinstance(pilot.app.screen, ReaderScreen)


async def test_up_on_the_first_row_goes_back_to_the_filter(store: Store) -> None:
    async with reader(store).run_test(size=SIZE) as pilot:
        await open_index(pilot, [])
        await pilot.press("down")
        assert pilot.app.focused is not None and pilot.app.focused.id == "actor-table"
        await pilot.press("up")
        assert pilot.app.focused is not None and pilot.app.focused.id == "actor-filter"


async def test_hostile_actor_is_shown_literally(store: Store) -> None:
    store.import_briefs([hostile_brief()])
    results: list[str | None] = []
    async with reader(store).run_test(size=(160, 40)) as pilot:
        await open_index(pilot, results)
        await pilot.press(*"bold")
        text = screen_text(pilot.app)
        assert f"{MARKUP} Actor" in text
        assert "[@click=app.quit]press me[/]" in text
        assert "␛[2JWIPED" in text and "\x1b" not in text
        await pilot.press("enter")
        await pilot.pause()
    assert results == [f'actor:"{MARKUP} Actor"']
    assert pilot.app.return_code in (None, 0)


async def test_narrow_terminal_keeps_name_and_count(store: Store) -> None:
    async with reader(store).run_test(size=(80, 24)) as pilot:
        await open_index(pilot, [])
        text = screen_text(pilot.app)
        carney = line_with(text, "Mark Carney")
        assert "Prime Minis" in carney and " 2 " in carney


async def test_capital_a_from_the_reader_filters_to_the_actor(store: Store) -> None:
    async with reader(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ActorIndexScreen)
        await pilot.press(*"carney", "enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ReaderScreen)
        text = screen_text(pilot.app)
        assert 'actor:"Mark Carney"' in text
        assert "Briefs (2" in text


def test_counts_at_a_desks_size_have_thousands_separators() -> None:
    # An actor named in 12,345 briefs: the Briefs column and the title group the digits,
    # as the brief list and the tracker do.
    entry = ActorEntry(
        "Mark Carney",
        "person",
        ("Prime Minister",),
        ("Canada",),
        12345,
        "2025-01-01",
        "2025-10-31",
        ("b1",),
    )
    cells = actor_cells(entry, column_widths(120))
    assert cells[4].plain == "12,345"
    assert actors_title(1234, 123456, filtering=True) == "Actors (1,234 of 123,456)"
    assert actors_title(123456, 123456, filtering=False) == "Actors (123,456)"
