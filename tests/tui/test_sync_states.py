"""The desk's state under the list, as issue 17 names them: waiting (a save not yet sent),
synced, offline, failed (with the reason in a notice). A store with no desk shows none."""

from __future__ import annotations

from pathlib import Path

from store import Store
from tests.store.test_sync import bare_repo, git, git_alone  # noqa: F401 (a fixture)
from tests.tui.helpers import new_app, settle
from tui.cli import main


def state(app: object) -> str:
    return str(app.reader.brief_list.border_subtitle)  # type: ignore[attr-defined]


async def test_waiting_synced_offline_and_failed(tmp_path: Path) -> None:
    remote = bare_repo(tmp_path)
    a = tmp_path / "a"
    assert main(["sync", "--store", str(a), "--remote", str(remote), "--as", "Ana"]) == 0
    app = new_app(Store(a))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"to go out", "ctrl+s", "escape")
        await settle(pilot)
        assert "desk: changes waiting" in state(app)  # the timer that sends it is frozen
        await pilot.press("S")
        await settle(pilot)
        assert "desk: synced" in state(app)
        moved = remote.with_name("away.git")
        remote.rename(moved)
        await pilot.press("S")
        await settle(pilot)
        assert "desk: offline, waiting" in state(app)
        moved.rename(remote)
        # The desk's history rewritten: the sync refuses, and says so.
        git("--git-dir", str(remote), "update-ref", "refs/heads/main", "main~1")
        await pilot.press("S")
        await settle(pilot)
        assert "desk: sync failed" in state(app)
        assert any("rewritten" in n.message for n in app._notifications)


async def test_a_store_with_no_desk_shows_no_desk_state(tmp_path: Path) -> None:
    store = Store(tmp_path / "solo")
    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"alone", "ctrl+s", "escape")
        await settle(pilot)
        assert "desk" not in state(app)
    assert not (store.root / "desk").exists()
