"""Review findings on the deferred open (Store(defer_checks=True)): editor text is kept as a
draft even when the checks find damage, a save waiting behind another process's lock says
so rather than freezing, and feeds.json is not written before the damage is named."""

from __future__ import annotations

import fcntl
import os
import threading
from pathlib import Path

import pytest

from store import DamagedFileError, Store
from store.lock import StoreLock
from store.subscriptions import Subscriptions
from tests.conftest import TickingClock
from tests.store.test_deferred_checks import XI, _blind_to_ctime, _damage_in_place, _listed


def test_a_draft_is_kept_while_the_store_is_found_damaged(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _blind_to_ctime(monkeypatch)  # damage a deferred open takes on trust
    _listed(store_dir)
    damaged = _damage_in_place(store_dir / "briefs.json")
    opened = Store(store_dir, clock=TickingClock(), defer_checks=True)
    owner = opened.claim_draft_owner()
    opened.save_draft(XI, None, "precious words", owner=owner)  # raised: the text was lost
    assert [d.text for d in opened.drafts()] == ["precious words"]
    with pytest.raises(DamagedFileError):
        opened.add_note(XI, "not saved")  # a store write still names the damage
    assert (store_dir / "briefs.json").read_bytes() == damaged


def test_feeds_are_not_written_before_the_damage_is_named(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _blind_to_ctime(monkeypatch)
    _listed(store_dir)
    _damage_in_place(store_dir / "reader.json")
    opened = Store(store_dir, clock=TickingClock(), defer_checks=True)
    with pytest.raises(DamagedFileError):
        Subscriptions(opened).add("https://example.org/feed.xml", "Example")
    assert not (store_dir / "feeds.json").exists()


def test_a_thread_waiting_for_the_lock_is_not_a_holder(tmp_path: Path) -> None:
    """Another process holds the lock and a thread of ours waits for it: held_elsewhere
    must say so (it counted the waiting thread as ours and a save blocked the reader)."""
    path = tmp_path / ".lock"
    lock = StoreLock(path)
    other = os.open(path, os.O_RDWR | os.O_CREAT)  # another holder: a descriptor of its own
    fcntl.flock(other, fcntl.LOCK_EX)
    waiting = threading.Event()
    real_take = lock._take

    def take() -> int | None:
        waiting.set()
        return real_take()

    lock._take = take  # type: ignore[method-assign]

    def hold() -> None:
        with lock:
            pass

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        assert waiting.wait(timeout=60)
        assert lock.held_elsewhere(patience=0)
    finally:
        fcntl.flock(other, fcntl.LOCK_UN)
        os.close(other)
        thread.join(timeout=60)
    assert not lock.held_elsewhere(patience=0)
