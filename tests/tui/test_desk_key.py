"""S in the reader syncs with the desk in a worker, its state under the list; a store
with no desk says how to connect one and runs no git."""

from __future__ import annotations

from pathlib import Path

from store import Store
from tests.store.test_sync import bare_repo, git_alone  # noqa: F401 (a fixture)
from tests.tui.helpers import new_app, settle
from tui.cli import main


async def test_s_sends_a_note_to_the_desk_and_says_so(tmp_path: Path) -> None:
    remote = str(bare_repo(tmp_path))
    a, b = tmp_path / "a", tmp_path / "b"
    assert main(["sync", "--store", str(a), "--remote", remote, "--as", "Ana"]) == 0
    assert main(["sync", "--store", str(b), "--remote", remote, "--as", "Ben"]) == 0
    app = new_app(Store(a))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"for the desk", "ctrl+s", "tab", "S")
        await settle(pilot)
        assert "desk: synced" in str(app.reader.brief_list.border_subtitle)
    assert main(["sync", "--store", str(b)]) == 0
    assert "for the desk" in [n for texts in Store(b).note_texts().values() for n in texts]


async def test_s_without_a_desk_says_how_to_connect_one(store: Store) -> None:
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        assert any("briefing sync --remote URL" in n.message for n in app._notifications)
    assert not (store.root / "desk").exists()
