"""The reader's malloc set up (tui/process_memory.py, issue 14): on glibc, one arena for
every thread and the threshold held, asked once the first frame is drawn (before the
workers start); elsewhere nothing is asked."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import tui.app
from store import Store
from tests.tui.helpers import new_app, settle
from tui import process_memory


def _glibc() -> bool:
    try:
        return bool(os.confstr("CS_GNU_LIBC_VERSION"))
    except (ValueError, OSError, AttributeError):
        return False


def test_it_is_done_on_glibc_and_only_there() -> None:
    code = "from tui.process_memory import share_one_arena; print(share_one_arena())"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=os.getcwd()
    )
    assert out.stdout.strip() == str(_glibc())


def test_without_glibc_nothing_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_glibc(name: str) -> str:
        raise ValueError(name)

    monkeypatch.setattr(process_memory.os, "confstr", no_glibc)
    assert process_memory.share_one_arena() is False


async def test_the_reader_asks_once_it_has_drawn(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    monkeypatch.setattr(tui.app, "share_one_arena", lambda: calls.append(1) or True)
    app = new_app(store)  # frozen timers: only the first frame can have asked
    async with app.run_test() as pilot:
        await settle(pilot)
        assert calls == [1]
        await pilot.press("n")  # a later frame asks nothing more
        await settle(pilot)
        assert calls == [1]
