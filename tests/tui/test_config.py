"""The config file in the reader: the keys set there act and show in the footer and the
`?` screen, the vim preset moves everywhere, a bad value is said and defaults stand in,
the theme picked is kept for the next start, and the list's width and the detail follow
the layout settings and the keys [ ] and backslash."""

from __future__ import annotations

from pathlib import Path

from store import Store
from tests.conftest import TODAY
from tests.tui.helpers import screen_text, settle
from tui.app import BriefingApp, make_app
from tui.config import load_config
from tui.keys import resolve_keys
from tui.screens.help import HelpScreen
from tui.timings import FROZEN

SIZE = (120, 40)


def configured(store: Store, config_file: Path, text: str) -> BriefingApp:
    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text(text, encoding="utf-8")
    config = load_config()
    keymap, problems = resolve_keys(config)
    return make_app(
        store,
        today=lambda: TODAY,
        timings=FROZEN,
        config=config,
        keymap=keymap,
        problems=problems,
    )


def highlighted_title(app: BriefingApp) -> str:
    brief = app.reader.brief
    assert brief is not None
    return brief.title


async def test_a_key_set_in_the_config_acts_and_shows_in_footer_and_help(
    store: Store, config_file: Path
) -> None:
    app = configured(store, config_file, '[keys]\n"reader.next" = "x"\n')
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = highlighted_title(app)
        assert "x Next" in screen_text(app)
        await pilot.press("n")  # no longer bound
        await settle(pilot)
        assert highlighted_title(app) == first
        await pilot.press("x")
        await settle(pilot)
        assert highlighted_title(app) != first
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        lines = [line for line in screen_text(app).splitlines() if "Next" in line]
        assert any(" x " in f" {line} " and " n " not in line for line in lines)


async def test_the_vim_preset_moves_in_lists_tables_and_panes(
    store: Store, config_file: Path
) -> None:
    app = configured(store, config_file, '[keys]\npreset = "vim"\n')
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        brief_list = app.reader.brief_list
        await pilot.press("G")
        await settle(pilot)
        assert brief_list.highlighted == brief_list.option_count - 1
        await pilot.press("g")
        await settle(pilot)
        assert brief_list.highlighted == 0
        actors = app.reader.query_one("#actors")
        actors.focus()
        await pilot.press("G")
        await settle(pilot)
        assert actors.cursor_row == actors.row_count - 1  # type: ignore[attr-defined]
        await pilot.press("g")
        await settle(pilot)
        assert actors.cursor_row == 0  # type: ignore[attr-defined]
        app.reader.query_one("#notes").query_one("#note-list").focus()
        await pilot.press("a", *"gG jk")  # in the editor these letters type
        await settle(pilot)
        assert app.reader.notes_pane.editor.text == "gG jk"


async def test_bad_values_are_said_with_their_line_and_defaults_stand_in(
    store: Store, config_file: Path
) -> None:
    text = 'theme = "no-such-theme"\n[keys]\npreset = "emacs"\n"reader.next" = "j"\n'
    app = configured(store, config_file, text)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        (notice,) = [n.message for n in app._notifications if n.title == "Config"]
        assert f"{config_file}:3: keys.preset: expected one of default, vim" in notice
        assert "no theme named “no-such-theme”" in notice
        assert "keys.reader.next: j is also list.down (the brief list), " in notice
        assert "article.down (the article)" in notice
        assert app.theme == "textual-dark"


async def test_the_theme_picked_is_kept_in_the_config_for_the_next_start(
    store: Store, config_file: Path
) -> None:
    app = configured(store, config_file, '# mine\n[keys]\n"reader.next" = "x"\n')
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.theme = "gruvbox"  # what the palette's theme command does
        await settle(pilot)
    assert config_file.read_text(encoding="utf-8") == (
        '# mine\ntheme = "gruvbox"\n[keys]\n"reader.next" = "x"\n'
    )
    assert load_config().theme == "gruvbox"
    app = configured(store, config_file, config_file.read_text(encoding="utf-8"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "gruvbox"


async def test_the_list_width_follows_the_config_and_the_bracket_keys(
    store: Store, config_file: Path
) -> None:
    app = configured(store, config_file, "[layout]\nlist_width = 60\n")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        column = app.reader.query_one("#list-column")
        assert column.outer_size.width == 60
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert column.outer_size.width == 64
        await pilot.press("left_square_bracket", "left_square_bracket")
        await settle(pilot)
        assert column.outer_size.width == 56
        await pilot.press("backslash")  # the list alone
        await settle(pilot)
        assert column.outer_size.width == 120
        assert not app.reader.query_one("#detail-column").display
        await pilot.press("backslash")
        await settle(pilot)
        assert column.outer_size.width == 56


async def test_at_120_columns_a_title_shows_40_characters_and_at_200_every_column(
    store: Store,
) -> None:
    from tests.tui.helpers import new_app

    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        title = "Xi and Carney meet at APEC summit, agree to reset strained"
        assert title[:40] in screen_text(app)
    app = new_app(store)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        for column in ("Name", "Kind", "Role", "Affiliation"):
            assert column in text
        for column in ("By → on", "Products", "Rate", "Measure", "Status", "Year"):
            assert column in text


async def test_the_list_alone_fills_a_small_terminal_too(store: Store) -> None:
    from tests.tui.helpers import new_app

    app = new_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        brief_list = app.reader.brief_list
        stacked = brief_list.outer_size.height
        await pilot.press("backslash")
        await settle(pilot)
        assert brief_list.outer_size.height > stacked and "Summary" not in screen_text(app)
        await pilot.press("backslash")
        await settle(pilot)
        assert brief_list.outer_size.height == stacked and "Summary" in screen_text(app)
