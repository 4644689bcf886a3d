"""Reading a brief: the article, the URL and tags, the evidence behind a tariff, and enter
on a row to follow it."""

from __future__ import annotations

import dataclasses

from store import Store
from tests.fixtures.hostile import MARKUP
from tests.tui.helpers import new_app, screen_text, settle
from tui.app import BriefingApp
from tui.screens.tariff_tracker import TariffTrackerScreen
from tui.widgets.article_view import wrap

XI = "2025-10-31-xi-carney-apec-gyeongju"
SIZE = (120, 40)


def with_url(store: Store) -> None:
    xi = store.brief(XI)
    assert xi is not None
    store.import_briefs([dataclasses.replace(xi, url=f"https://news.example/xi-{MARKUP}")])


async def test_b_shows_the_article_and_scrolls_it(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "GYEONGJU, South Korea — China's" not in screen_text(app)
        await pilot.press("b")
        await settle(pilot)
        text = screen_text(app)
        assert "Article" in text and "GYEONGJU, South Korea — China's" in text
        assert "Key actors" not in text  # in place of the summary and the tables
        await pilot.press("G")
        await settle(pilot)
        assert "free trade agreement is up for review" in screen_text(app)
        await pilot.press("g", "b")
        await settle(pilot)
        assert "Key actors" in screen_text(app)


async def test_the_header_shows_url_and_tags_as_data(store: Store) -> None:
    with_url(store)
    app = new_app(store)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert f"https://news.example/xi-{MARKUP}" in text and "#canola" in text


async def test_y_copies_the_url_and_w_opens_it(store: Store) -> None:
    with_url(store)
    app = new_app(store)
    opened: list[str] = []
    app.open_url = lambda url, **_: opened.append(url)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("y", "w")
        await settle(pilot)
        assert app.clipboard == f"https://news.example/xi-{MARKUP}"
        assert opened == [app.clipboard]


async def test_a_highlighted_tariff_shows_its_evidence(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#tariffs").focus()
        await pilot.press("down")
        await settle(pilot)
        brief = app.reader.brief
        assert brief is not None and brief.tariffs[1].evidence
        assert "Evidence:" in screen_text(app)
        assert brief.tariffs[1].evidence[:40] in screen_text(app)


async def test_enter_on_an_actor_filters_to_their_briefs(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#actors").focus()
        await pilot.press("down", "enter")  # Mark Carney
        await settle(pilot)
        assert 'actor:"Mark Carney"' in screen_text(app)
        shown = [store.brief(i) for i in listed(app)]
        assert shown and all(any(a.name == "Mark Carney" for a in b.actors) for b in shown if b)


async def test_enter_on_a_tariff_opens_the_tracker_on_that_measure(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#tariffs").focus()
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TariffTrackerScreen)
        assert screen.filter_input.value == 'by:"Canada" on:"China" measure:"tariff"'


def listed(app: BriefingApp) -> list[str]:
    brief_list = app.reader.brief_list
    return [brief_list.get_option_at_index(k).id for k in range(brief_list.option_count)]


def test_wrap_fills_lines_and_keeps_paragraphs() -> None:
    text = "one two three four\n\nfive"
    lines = [text[s:e] for s, e in wrap(text, 9)]
    assert lines == ["one two", "three", "four", "", "five"]
    long = "abcdefghij"
    assert [long[s:e] for s, e in wrap(long, 4)] == ["abcd", "efgh", "ij"]
    wide = "日本語のテキスト"
    assert all(len(wide[s:e]) <= 3 for s, e in wrap(wide, 6))
