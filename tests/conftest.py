"""Shared fixtures: a fixed clock and a temporary store, so every run repeats."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from store import Store
from tests.tui.serve_process import Served, start, wait_for_port

TODAY = dt.date(2025, 11, 28)
FIXTURES = Path(__file__).parent / "fixtures"


class TickingClock:
    """Starts at 28 Nov 2025 14:02 UTC and moves one minute per call, like a patient typist."""

    def __init__(self) -> None:
        self.now = dt.datetime(2025, 11, 28, 14, 2, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        current = self.now
        self.now += dt.timedelta(minutes=1)
        return current


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(store_dir: Path) -> Store:
    return Store(store_dir, clock=TickingClock())


@pytest.fixture(autouse=True)
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads the user's own config: $BRIEFING_CONFIG points into the test's folder
    (a file that does not exist unless the test writes it)."""
    path = tmp_path / "config" / "config.toml"
    monkeypatch.setenv("BRIEFING_CONFIG", str(path))
    return path


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """`briefing serve` on a new store, listening (tests/tui/serve_process.py); killed after
    the test. Here, since the serve tests and the browser test both use it."""
    running = start(tmp_path)
    try:
        wait_for_port(running)
        yield running
    finally:
        running.kill()
