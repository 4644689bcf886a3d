"""feeds.json is a store file like the others: `check` reads its shape, names damage, and
`--repair` restores it from its backup."""

from __future__ import annotations

from pathlib import Path

from store import Store
from store.health import check, repair
from store.subscriptions import Subscriptions


def test_a_damaged_feeds_file_is_named_and_restored_from_its_backup(store_dir: Path) -> None:
    store = Store(store_dir)
    Subscriptions(store).add("http://127.0.0.1:9/a.xml", "Desk")
    Subscriptions(store).add("http://127.0.0.1:9/b.xml", "Wire")
    (store_dir / "feeds.json").write_text('{"feeds": {"Desk": 5}}', encoding="utf-8")
    (feeds,) = [f for f in check(store_dir).files if f.path.name == "feeds.json"]
    assert not feeds.ok and "is not an object" in (feeds.problem or "")
    repair(store_dir)
    assert all(f.ok for f in check(store_dir).files if f.path.name == "feeds.json")
    assert [s.name for s in Subscriptions(Store(store_dir)).all()] == ["Desk", "Wire"]


def test_a_store_without_feeds_lists_no_feeds_file(store_dir: Path) -> None:
    Store(store_dir)
    assert "feeds.json" not in [f.path.name for f in check(store_dir).files]
