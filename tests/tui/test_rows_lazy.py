"""The list draws from rows made as they are asked for (store/rows.py, issue 14): a list
of many briefs makes a screenful of rows at its first paint, not one per brief, and
moving, redrawing one row and finding a brief work as they did on a plain list."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import overload

import pytest

from briefs import Brief
from store import BriefRow, Store
from store.rows import RowMap, Rows
from tests.conftest import TickingClock
from tests.tui.helpers import new_app, screen_text, settle
from tests.tui.test_brief_list import VISIBLE, ListApp, make_row
from tui.catalog import Catalog, Scan
from tui.messages import CatalogWanted


class Counted(Sequence[BriefRow]):
    """Rows made when asked, counting what was asked (as a store's `Rows` is)."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.made: set[int] = set()

    def __len__(self) -> int:
        return self.n

    @overload
    def __getitem__(self, at: int) -> BriefRow: ...

    @overload
    def __getitem__(self, at: slice) -> list[BriefRow]: ...

    def __getitem__(self, at: int | slice) -> BriefRow | list[BriefRow]:
        if isinstance(at, slice):
            return [self[k] for k in range(*at.indices(self.n))]
        if not 0 <= at < self.n:
            raise IndexError(at)
        self.made.add(at)
        return make_row(at)

    def __iter__(self) -> Iterator[BriefRow]:
        raise AssertionError("the list must not walk every row")

    def position(self, brief_id: str) -> int | None:
        k = int(brief_id.rsplit("-", 1)[1])
        return k if 0 <= k < self.n else None


async def test_the_list_makes_only_the_rows_it_draws() -> None:
    rows = Counted(100_000)
    app = ListApp(rows)  # type: ignore[arg-type]
    async with app.run_test() as pilot:
        await pilot.pause()
        bl = app.brief_list
        assert bl.option_count == 100_000
        assert len(rows.made) <= VISIBLE + 2
        assert bl.get_option_index(make_row(70_000).id) == 70_000
        bl.show_rows(rows, keep=make_row(70_000).id)  # type: ignore[arg-type]
        await pilot.pause()
        assert bl.highlighted == 70_000 and "Story 70000 on tariffs" in screen_text(app)
        bl.update_row(make_row(69_999, title="Redrawn in place"))
        await pilot.pause()
        assert "Redrawn in place" in screen_text(app)
        assert bl.get_option_at_index(69_999).title == "Redrawn in place"
        await pilot.press("down")
        assert bl.highlighted_id == make_row(70_001).id
        assert len(rows.made) <= 3 * (VISIBLE + 2)


def _store(root: Path, n: int) -> Store:
    store = Store(root, clock=TickingClock(), seed=False)
    briefs = [
        Brief(
            id=f"b-{k:04d}",
            title=f"Story {k}",
            date=f"2025-{1 + k % 12:02d}-{1 + k % 28:02d}",
            summary=f"Story {k}.",
        )
        for k in range(n)
    ]
    store.import_briefs(briefs)
    return store


async def test_the_reader_starts_on_a_screenful_of_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _store(tmp_path / "s", 400)
    store = Store(tmp_path / "s", clock=TickingClock())
    app = new_app(store)
    scans: list[object] = []  # what the first paint made, before every brief is read
    monkeypatch.setattr(app.catalog, "scan", lambda **_: scans.append(1) or Scan())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        rows = app.catalog.rows
        assert isinstance(rows, RowMap) and isinstance(rows.source, Rows)
        assert len(rows) == 400
        assert len(rows.source._made) <= 40  # made: what is on screen, not 400
        first = rows.source[0]
        assert app.reader.brief is not None and app.reader.brief.id == first.id
        assert first.title in screen_text(app) and "Briefs (400)" in screen_text(app)
        await pilot.press("j")
        await settle(pilot)
        assert app.reader.brief is not None and app.reader.brief.id == rows.source[1].id


async def test_a_note_saved_redraws_its_row_without_making_the_others(tmp_path: Path) -> None:
    _store(tmp_path / "s", 300)
    store = Store(tmp_path / "s", clock=TickingClock())
    app = new_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        rows = app.catalog.rows
        assert isinstance(rows, RowMap)
        first = rows.source[0]
        store.add_note(first.id, "A note")
        app.reader._changed_here(first.id)
        await pilot.pause()
        assert app.catalog.rows[first.id].note_count == 1
        assert "1✎" in screen_text(app)
        assert len(rows.source._made) <= 40
        assert [r.id for r in app.catalog.newest_first()[:3]] == rows.source.ids()[:3]


async def test_a_search_shows_its_hits_without_making_every_row(tmp_path: Path) -> None:
    store = Store(tmp_path / "s", clock=TickingClock(), seed=False)
    kinds = ["Steel", "Corn", "Timber"]
    store.import_briefs(
        [
            Brief(
                id=f"b-{k:04d}",
                title=f"{kinds[k % 3]} story {k}",
                date=f"2025-{1 + k % 12:02d}-{1 + k % 28:02d}",
                summary=f"A {kinds[k % 3].lower()} story.",
            )
            for k in range(300)
        ]
    )
    app = new_app(Store(tmp_path / "s", clock=TickingClock()))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.reader.post_message(CatalogWanted())
        await settle(pilot)
        assert app.catalog.ready
        rows = app.catalog.rows
        assert isinstance(rows, RowMap)
        app.reader.apply_query("timber")
        await settle(pilot)
        shown = app.reader.brief_list
        assert shown.option_count == 100 and "Briefs (100 of 300)" in screen_text(app)
        assert len(rows.source._made) <= 2 * 40  # two screenfuls, not 300 rows
        assert all("Timber" in shown.get_option_at_index(k).title for k in range(100))


def test_a_row_taken_here_keeps_the_order_without_making_every_row(tmp_path: Path) -> None:
    _store(tmp_path / "s", 300)
    store = Store(tmp_path / "s", clock=TickingClock())
    catalog = Catalog(store)
    catalog.load_rows()
    rows = catalog.rows
    assert isinstance(rows, RowMap)
    first = catalog.newest_first()
    ids = [first[k].id for k in range(4)]
    catalog._put_row(ids[1], None)  # deleted here
    view = catalog.newest_first()
    assert len(view) == 299 and [view[k].id for k in range(3)] == [ids[0], ids[2], ids[3]]
    assert view.position(ids[2]) == 1
    hits = catalog.newest_first(lambda i: i != ids[0])
    assert len(hits) == 298 and hits[0].id == ids[2]
    assert hits.position(ids[3]) == 1
    assert len(rows.source._made) <= 10
    assert [r.id for r in view] == [r.id for r in store.rows() if r.id != ids[1]]


def test_the_palette_matches_titles_without_making_every_row(tmp_path: Path) -> None:
    """Its brief search matched the title of every row (at 100,000 briefs, making them all
    took half a second at each ctrl+p): now the titles, and a row for each hit shown."""
    _store(tmp_path / "s", 300)
    store = Store(tmp_path / "s", clock=TickingClock())
    store.correct("b-0007", {"title": "Corrected seven"})
    catalog = Catalog(store)
    catalog.load_rows()
    rows = catalog.rows
    assert isinstance(rows, RowMap)
    first = catalog.newest_first()[0]
    catalog._put_row(first.id, dataclasses.replace(first, title="Put here"))
    titles = catalog.row_titles()
    assert len(rows.source._made) <= 2
    shown = [("Put here" if r.id == first.id else r.title, r.id) for r in store.rows()]
    assert titles == shown
    assert ("Corrected seven", "b-0007") in titles
