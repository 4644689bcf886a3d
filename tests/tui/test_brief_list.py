"""The brief list on its own: keys, mouse, replacing rows, redrawing one, and 10,000 rows."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events, on
from textual.app import App, ComposeResult
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual, visualize

from store import BriefRow
from tests.fixtures.hostile import BIDI, C1, CLEAR, CLICK, MARKUP, OSC52
from tests.tui.helpers import screen_text
from tui.widgets.brief_list import BriefList, OptionDoesNotExist, row_prompt

VISIBLE = 10  # rows inside the list's border in ListApp


def make_row(i: int, title: str | None = None, **change: object) -> BriefRow:
    row = BriefRow(
        id=f"brief-{i:05d}",
        title=title if title is not None else f"Story {i} on tariffs",
        date=f"{2025 - i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}",
        source=None,
        note_count=i % 3,
        read=i % 2 == 1,
        starred=i % 5 == 0,
    )
    return BriefRow(**{**{f: getattr(row, f) for f in BriefRow.__slots__}, **change})


class ListApp(App[None]):
    CSS = "BriefList { width: 50; height: 12; }"

    def __init__(self, rows: list[BriefRow]) -> None:
        super().__init__()
        self.rows = rows
        self.seen: list[str] = []  # brief ids from BriefList.Highlighted, in order

    def compose(self) -> ComposeResult:
        yield BriefList(id="list")

    def on_mount(self) -> None:
        self.brief_list.show_rows(self.rows)
        self.brief_list.focus()

    @property
    def brief_list(self) -> BriefList:
        return self.query_one(BriefList)

    @on(BriefList.Highlighted, "#list")
    def _highlighted(self, event: BriefList.Highlighted) -> None:
        assert event.control is self.brief_list
        self.seen.append(event.brief_id)


async def test_keys_move_the_highlight_and_post_messages() -> None:
    rows = [make_row(i) for i in range(100)]
    app = ListApp(rows)
    async with app.run_test() as pilot:
        await pilot.pause()
        bl = app.brief_list
        assert bl.highlighted == 0 and bl.highlighted_id == rows[0].id
        await pilot.press("j", "down")
        assert bl.highlighted == 2
        await pilot.press("k")
        assert bl.highlighted == 1
        await pilot.press("up", "up")  # stops at the top
        assert bl.highlighted == 0
        await pilot.press("pagedown")
        assert bl.highlighted == VISIBLE
        await pilot.press("pageup")
        assert bl.highlighted == 0
        await pilot.press("end")
        assert bl.highlighted == 99 and bl.scroll_offset.y == 100 - VISIBLE
        assert "Story 99 on tariffs" in screen_text(app)
        await pilot.press("j")  # stops at the bottom
        assert bl.highlighted == 99
        await pilot.press("home")
        assert bl.highlighted == 0 and bl.scroll_offset.y == 0
        await pilot.pause()
        expected = [rows[i].id for i in (0, 1, 2, 1, 0, VISIBLE, 0, 99, 0)]
        assert app.seen == expected


def test_bindings_have_ids_and_descriptions() -> None:
    bindings = [b for b in BriefList.BINDINGS if not isinstance(b, tuple)]
    assert {b.id for b in bindings} >= {"list.down", "list.up"}
    assert all(b.id and b.description and not b.show for b in bindings)  # type: ignore[union-attr]


async def test_setting_highlighted_scrolls_it_into_view() -> None:
    rows = [make_row(i) for i in range(100)]
    app = ListApp(rows)
    async with app.run_test() as pilot:
        await pilot.pause()
        bl = app.brief_list
        bl.highlighted = bl.get_option_index(rows[57].id)
        await pilot.pause()
        assert bl.highlighted == 57
        assert bl.scroll_offset.y <= 57 < bl.scroll_offset.y + VISIBLE
        assert app.seen[-1] == rows[57].id
        bl.highlighted = 500  # clamped, like OptionList
        assert bl.highlighted == 99


async def test_click_selects_and_wheel_scrolls() -> None:
    rows = [make_row(i) for i in range(100)]
    app = ListApp(rows)
    async with app.run_test() as pilot:
        await pilot.pause()
        bl = app.brief_list
        # Border (1) and padding (1) come before the text: the content starts at (2, 1).
        await pilot.click(bl, offset=(10, 1 + 3))
        assert bl.highlighted == 3
        await pilot.click(bl, offset=(10, 0))  # on the border: nothing
        assert bl.highlighted == 3
        for _ in range(3):
            bl.post_message(events.MouseScrollDown(bl, 5, 5, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert bl.scroll_offset.y > 0
        assert bl.highlighted == 3  # the wheel scrolls; it does not move the highlight
        top = bl.scroll_offset.y
        await pilot.click(bl, offset=(10, 1))
        assert bl.highlighted == top
        await pilot.pause()
        assert app.seen[-2:] == [rows[3].id, rows[top].id]


async def test_show_rows_keeps_the_highlighted_brief() -> None:
    rows = [make_row(i) for i in range(20)]
    app = ListApp(rows)
    async with app.run_test() as pilot:
        await pilot.pause()
        bl = app.brief_list
        bl.highlighted = 5
        await pilot.pause()
        kept = rows[5].id
        posted = len(app.seen)
        bl.show_rows(list(reversed(rows)), keep=kept)  # same brief, new place
        await pilot.pause()
        assert bl.highlighted == 14 and bl.highlighted_id == kept
        assert len(app.seen) == posted  # the highlighted brief did not change: no message
        bl.show_rows(rows[10:], keep=kept)  # it is gone: row 0, and a message
        await pilot.pause()
        assert bl.highlighted == 0 and app.seen[-1] == rows[10].id
        bl.show_rows([])
        await pilot.pause()
        assert bl.highlighted is None and bl.highlighted_id is None and bl.option_count == 0
        bl.action_cursor_down()  # nothing to move in
        bl.show_rows(rows, keep=rows[10].id)  # the same brief, but after an empty list
        await pilot.pause()
        assert bl.highlighted == 10 and app.seen[-1] == rows[10].id
        assert [bl.get_option_at_index(i).id for i in range(bl.option_count)] == [
            row.id for row in rows
        ]
        with pytest.raises(OptionDoesNotExist):
            bl.get_option_index("no-such-brief")
        with pytest.raises(OptionDoesNotExist):
            bl.get_option_at_index(len(rows))


async def test_update_row_redraws_that_line_only_if_listed() -> None:
    rows = [make_row(i, note_count=0, read=True, starred=False) for i in range(20)]
    app = ListApp(rows)
    async with app.run_test() as pilot:
        await pilot.pause()
        bl = app.brief_list
        assert "7✎" not in screen_text(app)
        bl.update_row(make_row(3, note_count=7, starred=True))
        bl.update_row(make_row(999))  # not listed: ignored
        await pilot.pause()
        text = screen_text(app)
        assert "7✎" in text and "★" in text
        assert bl.option_count == 20 and bl.highlighted == 0


async def test_ten_thousand_rows_draw_only_what_is_seen() -> None:
    rows = [make_row(i) for i in range(10_000)]
    app = ListApp(rows)
    async with app.run_test() as pilot:
        await pilot.pause()
        bl = app.brief_list
        assert bl.option_count == 10_000 and bl.virtual_size.height == 10_000
        assert len(bl._strips) <= VISIBLE + 1  # a screenful was drawn, not 10,000 rows
        await pilot.press("end")
        await pilot.pause()
        assert "Story 9999 on tariffs" in screen_text(app)
        bl.show_rows(list(reversed(rows)), keep=rows[5000].id)
        await pilot.pause()
        assert bl.highlighted == 4999 and bl.highlighted_id == rows[5000].id
        assert "Story 5000 on tariffs" in screen_text(app)
        assert len(bl._strips) <= 4 * (VISIBLE + 1)


async def test_hostile_titles_are_shown_literally() -> None:
    title = f"{MARKUP} {CLICK} {CLEAR} {OSC52} {C1} {BIDI}"
    app = ListApp([make_row(0, title=title)])
    async with app.run_test(size=(200, 20)) as pilot:
        app.brief_list.styles.width = 190
        await pilot.pause()
        text = screen_text(app)
        assert f"{MARKUP} {CLICK} ␛[2JWIPED" in text
        assert "\x1b" not in text and "\x9b" not in text
        await pilot.click(app.brief_list, offset=(40, 1))
        assert app.is_running


TITLES = [
    "Short",
    "A title long enough to be cut with an ellipsis at most widths in this test",
    "中国对加拿大油菜籽征收反倾销保证金 with wide characters to cut in the middle",
    "Emoji 🇨🇦🇨🇳 flags and ✎ marks",
    f"{MARKUP} {CLICK} {CLEAR} {C1} {BIDI}",
    "",
]


def drawn_by_textual(widget: BriefList, row: BriefRow, width: int, style: Style) -> Strip:
    """How Textual draws `row_prompt(row)` (the OptionList way); the reference for the look."""
    visual = visualize(widget, row_prompt(row), markup=False)
    strips = Visual.to_strips(widget, visual, width, 1, style)
    strip = strips[0] if strips else Strip.blank(0)
    return strip.extend_cell_length(width, style.rich_style)


def cells(strip: Strip) -> list[tuple[str, RichStyle | None]]:
    """Each character with its style, ignoring how segments are split and selection meta."""
    return [
        (char, style.clear_meta_and_links() if style else None)
        for text, style, _ in Segment.filter_control(strip)
        for char in text
    ]


async def test_fast_rows_look_exactly_like_textual_would_draw_them() -> None:
    rows = [
        make_row(i, title=title, read=i % 2 == 0, starred=i % 3 == 0, note_count=i * 7 % 13)
        for i, title in enumerate(TITLES)
    ]
    app = ListApp(rows)
    async with app.run_test() as pilot:
        await pilot.pause()
        bl = app.brief_list
        for focused in (True, False):
            if focused:
                bl.focus()
            else:
                bl.blur()
            await pilot.pause()
            for classes in ((), ("brief-list--highlight",), ("brief-list--hover",)):
                style = bl.get_visual_style("brief-list--row", *classes)
                for row in rows:
                    for width in (0, 1, 2, 3, 4, 5, 9, 16, 17, 20, 33, 46, 80, 120):
                        fast = bl._draw_row(row, width, style)
                        assert fast.cell_length == width
                        assert cells(fast) == cells(drawn_by_textual(bl, row, width, style)), (
                            row.title,
                            width,
                            classes,
                            focused,
                        )
